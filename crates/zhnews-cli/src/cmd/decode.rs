//! `zhnews decode FILE`: the text as UTF-8 on stdout; the encoding, how it was chosen, the
//! malformed count and any warnings on stderr.

use crate::cmd::io::{read_input, write_stdout};
use std::path::PathBuf;
use std::process::ExitCode;
use zhnews_encoding::{Hint, decode, encoding_for_label};

/// Arguments of `zhnews decode`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The file to decode (`-` for stdin).
    pub file: PathBuf,
    /// A charset declared outside the file (HTTP header, feed field); it is still checked
    /// against the bytes.
    #[arg(long, value_name = "LABEL")]
    pub label: Option<String>,
    /// The top-level domain the file came from (cn, tw, hk, or a host name); it tips close calls
    /// between Simplified and Traditional encodings.
    #[arg(long, value_name = "TLD")]
    pub tld: Option<String>,
    /// Exit with status 1 when malformed bytes had to be replaced.
    #[arg(long)]
    pub strict: bool,
}

/// Runs `zhnews decode`.
pub fn run(args: Args) -> ExitCode {
    if let Some(Err(err)) = args.label.as_deref().map(encoding_for_label) {
        eprintln!("zhnews decode: --label: {err}");
        return ExitCode::from(2);
    }
    let bytes = match read_input(&args.file) {
        Ok(bytes) => bytes,
        Err(err) => {
            eprintln!("zhnews decode: {}: cannot read: {err}", args.file.display());
            return ExitCode::from(2);
        }
    };
    let mut hint = Hint::new();
    if let Some(label) = &args.label {
        hint = hint.declared(label);
    }
    if let Some(tld) = &args.tld {
        hint = hint.tld(tld);
    }
    let decoded = decode(&bytes, hint);
    let name = args.file.display();
    eprintln!(
        "zhnews decode: {name}: {} ({}), {} malformed",
        decoded.encoding_name(),
        decoded.chosen_by,
        decoded.malformed
    );
    for warning in &decoded.warnings {
        eprintln!("zhnews decode: {name}: warning: {warning}");
    }
    if let Err(err) = write_stdout(decoded.text.as_bytes()) {
        eprintln!("zhnews decode: stdout: {err}");
        return ExitCode::from(2);
    }
    if args.strict && decoded.malformed > 0 {
        eprintln!(
            "zhnews decode: {name}: {} malformed sequence(s) with --strict; pass the right --label \
             or drop --strict to accept the replacement characters",
            decoded.malformed
        );
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
