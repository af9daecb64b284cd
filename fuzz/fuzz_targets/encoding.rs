#![no_main]
//! Fuzz target for zhnews-encoding: any bytes, with hints taken from the input, must decode
//! without panicking, and the result must be consistent (UTF-8 without a BOM or malformed bytes
//! comes back unchanged; the malformed count never exceeds the replacement characters).

use libfuzzer_sys::fuzz_target;
use zhnews_encoding::{ChosenBy, Hint, decode, encoding_rs::UTF_8};

const LABELS: [&str; 8] = [
    "",
    "gbk",
    "gb2312",
    "big5",
    "utf-8",
    "utf-16le",
    "windows-1252",
    "bogus",
];
const TLDS: [&str; 5] = ["", "cn", "tw", "HK", "news.example.com.tw"];

fuzz_target!(|data: &[u8]| {
    let (selector, bytes) = match data.split_first() {
        Some((&s, rest)) => (s, rest),
        None => (0, data),
    };
    let mut hint = Hint::new();
    let label = LABELS[usize::from(selector & 7)];
    if !label.is_empty() {
        hint = hint.declared(label);
    }
    let tld = TLDS[usize::from(selector >> 3) % TLDS.len()];
    if !tld.is_empty() {
        hint = hint.tld(tld);
    }
    let decoded = decode(bytes, hint);
    let replacements = decoded.text.chars().filter(|&c| c == '\u{FFFD}').count();
    assert!(decoded.malformed <= replacements);
    if decoded.encoding == UTF_8 && decoded.chosen_by != ChosenBy::Bom && decoded.malformed == 0 {
        assert_eq!(decoded.text.as_bytes(), bytes);
    }
    for warning in &decoded.warnings {
        let _ = warning.to_string();
    }
});
