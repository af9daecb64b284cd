//! Decode files with zhnews-encoding and, beside it, with chardetng + encoding_rs alone; one
//! JSON object per file on stdout:
//!
//! ```text
//! cargo run --release --example compare -- FILE…
//! {"file":"a.txt","zhnews":"GB18030","chosen_by":"detected","malformed":0,"chardetng":"GBK"}
//! ```

use std::process::ExitCode;
use zhnews_encoding::{Hint, decode, encoding_name};

fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn main() -> ExitCode {
    let mut status = ExitCode::SUCCESS;
    for path in std::env::args().skip(1) {
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(err) => {
                eprintln!("compare: {path}: cannot read: {err}");
                status = ExitCode::from(2);
                continue;
            }
        };
        let ours = decode(&bytes, Hint::new());
        let mut detector = chardetng::EncodingDetector::new();
        detector.feed(&bytes, true);
        // Like a browser given a file: BOM sniffing first, then chardetng with UTF-8 allowed.
        let theirs = match zhnews_encoding::Encoding::for_bom(&bytes) {
            Some((bom, _)) => bom,
            None => detector.guess(None, true),
        };
        println!(
            "{{\"file\":{},\"zhnews\":{},\"chosen_by\":\"{}\",\"malformed\":{},\"chardetng\":{}}}",
            json_string(&path),
            json_string(ours.encoding_name()),
            ours.chosen_by,
            ours.malformed,
            json_string(encoding_name(theirs))
        );
    }
    status
}
