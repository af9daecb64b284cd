//! `zhnews frontmatter FILE`: a document's front matter as JSON, keys in document order.

use crate::cmd::io::{read_input, write_stdout};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `zhnews frontmatter`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The document (`-` for stdin).
    pub file: PathBuf,
    /// Read FILE as a bare YAML document instead of splitting front matter off a document.
    #[arg(long)]
    pub yaml_only: bool,
    /// Print the JSON on one line instead of indented.
    #[arg(long)]
    pub compact: bool,
}

/// Runs `zhnews frontmatter`. Prints `null` when the document has no front matter.
pub fn run(args: Args) -> ExitCode {
    let name = args.file.display().to_string();
    let bytes = match read_input(&args.file) {
        Ok(bytes) => bytes,
        Err(err) => {
            eprintln!("zhnews frontmatter: {name}: cannot read: {err}");
            return ExitCode::from(2);
        }
    };
    let text = match std::str::from_utf8(&bytes) {
        Ok(text) => text,
        Err(err) => {
            eprintln!(
                "zhnews frontmatter: {name}: byte {}: not UTF-8; convert it first with `zhnews decode`",
                err.valid_up_to()
            );
            return ExitCode::from(1);
        }
    };
    let parsed = if args.yaml_only {
        zhnews_frontmatter::parse_yaml(text).map(Some)
    } else {
        match zhnews_frontmatter::split(text).front_matter {
            Some(fm) => fm.parse().map(Some),
            None => Ok(None),
        }
    };
    let value = match parsed {
        Ok(value) => value,
        Err(err) => {
            eprintln!(
                "zhnews frontmatter: {name}:{}:{}: {}",
                err.line(),
                err.column(),
                err.message()
            );
            return ExitCode::from(1);
        }
    };
    let json = if args.compact {
        serde_json::to_string(&value)
    } else {
        serde_json::to_string_pretty(&value)
    };
    let mut json = match json {
        Ok(json) => json,
        Err(err) => {
            eprintln!("zhnews frontmatter: {name}: cannot write JSON: {err}");
            return ExitCode::from(1);
        }
    };
    json.push('\n');
    match write_stdout(json.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("zhnews frontmatter: cannot write output: {err}");
            ExitCode::from(2)
        }
    }
}
