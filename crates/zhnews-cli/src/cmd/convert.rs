//! `zhnews convert` (being written).

use std::process::ExitCode;

/// Arguments of `zhnews convert`.
#[derive(clap::Args, Debug)]
pub struct Args {}

/// Runs `zhnews convert`.
pub fn run(_args: Args) -> ExitCode {
    eprintln!("zhnews convert: not available in this build yet");
    ExitCode::from(2)
}
