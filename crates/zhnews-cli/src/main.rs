//! The `zhnews` command line: batch cleaning of scraped Chinese news into JSON records, and one
//! subcommand per stage of the pipeline so each can be used alone.
//!
//! Exit codes: 0 all fine, 1 some documents failed (their error records are in the output),
//! 2 usage or I/O error.

#![forbid(unsafe_code)]

mod cmd;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Clean scraped Chinese news articles into structured, script-normalised JSON records.
#[derive(Parser, Debug)]
#[command(name = "zhnews", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Clean articles (files, folders, or `-` for stdin) into one JSON record per document.
    Clean(cmd::clean::Args),
    /// Show what was kept and what was stripped from one document, and by which rule.
    Explain(cmd::explain::Args),
    /// Convert between Chinese scripts with an OpenCC configuration (stdin → stdout).
    Convert(cmd::convert::Args),
    /// Resolve dates: one expression per stdin line → one JSON object per line.
    Date(cmd::date::Args),
    /// Print a document's front matter as JSON.
    Frontmatter(cmd::frontmatter::Args),
    /// Decode a file to UTF-8 on stdout; the encoding and how it was chosen go to stderr.
    Decode(cmd::decode::Args),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let code = if err.use_stderr() { 2 } else { 0 };
            let _ = err.print();
            return ExitCode::from(code);
        }
    };
    match cli.command {
        Command::Clean(args) => cmd::clean::run(args),
        Command::Explain(args) => cmd::explain::run(args),
        Command::Convert(args) => cmd::convert::run(args),
        Command::Date(args) => cmd::date::run(args),
        Command::Frontmatter(args) => cmd::frontmatter::run(args),
        Command::Decode(args) => cmd::decode::run(args),
    }
}
