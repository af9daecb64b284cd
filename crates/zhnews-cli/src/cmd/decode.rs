//! `zhnews decode` (being written).

use std::process::ExitCode;

/// Arguments of `zhnews decode`.
#[derive(clap::Args, Debug)]
pub struct Args {}

/// Runs `zhnews decode`.
pub fn run(_args: Args) -> ExitCode {
    eprintln!("zhnews decode: not available in this build yet");
    ExitCode::from(2)
}
