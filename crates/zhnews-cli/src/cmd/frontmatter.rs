//! `zhnews frontmatter` (being written).

use std::process::ExitCode;

/// Arguments of `zhnews frontmatter`.
#[derive(clap::Args, Debug)]
pub struct Args {}

/// Runs `zhnews frontmatter`.
pub fn run(_args: Args) -> ExitCode {
    eprintln!("zhnews frontmatter: not available in this build yet");
    ExitCode::from(2)
}
