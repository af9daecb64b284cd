//! `zhnews convert`: OpenCC conversion of UTF-8 text, stdin (or a file) to stdout.

use super::io::{read_input, write_stdout};
use std::path::PathBuf;
use std::process::ExitCode;
use zhnews_script::{Config, Converter};

/// Arguments of `zhnews convert`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// OpenCC config: s2t, t2s, s2tw, tw2s, s2twp, tw2sp, s2hk, hk2s, s2hkp, hk2sp, t2tw, tw2t,
    /// t2hk, hk2t, t2jp or jp2t.
    #[arg(long, short)]
    pub config: Config,
    /// After a conversion to Simplified, also map variant characters OpenCC leaves alone to
    /// the mainland standard forms (伕 → 夫).
    #[arg(long)]
    pub mainland_variants: bool,
    /// The UTF-8 text to convert; `-` (the default) is stdin.
    #[arg(default_value = "-")]
    pub input: PathBuf,
}

/// Runs `zhnews convert`.
pub fn run(args: Args) -> ExitCode {
    let source = if args.input.as_os_str() == "-" {
        "stdin".to_owned()
    } else {
        args.input.display().to_string()
    };
    let bytes = match read_input(&args.input) {
        Ok(bytes) => bytes,
        Err(err) => {
            eprintln!("zhnews convert: {source}: cannot read: {err}");
            return ExitCode::from(2);
        }
    };
    let text = match std::str::from_utf8(&bytes) {
        Ok(text) => text,
        Err(err) => {
            let offset = err.valid_up_to();
            let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
            eprintln!(
                "zhnews convert: {source}: byte offset {offset} (line {line}): invalid UTF-8; \
                 convert the input to UTF-8 first (`zhnews decode` detects its encoding)"
            );
            return ExitCode::from(1);
        }
    };
    let converter = Converter::new(args.config);
    let mut out = converter.convert(text);
    if args.mainland_variants && args.config.is_mainland_output() {
        if let std::borrow::Cow::Owned(mapped) = zhnews_script::mainland_variants(&out) {
            out = mapped;
        }
    }
    match write_stdout(out.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("zhnews convert: stdout: cannot write: {err}");
            ExitCode::from(2)
        }
    }
}
