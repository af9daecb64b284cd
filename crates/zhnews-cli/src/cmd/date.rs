//! `zhnews date` (being written).

use std::process::ExitCode;

/// Arguments of `zhnews date`.
#[derive(clap::Args, Debug)]
pub struct Args {}

/// Runs `zhnews date`.
pub fn run(_args: Args) -> ExitCode {
    eprintln!("zhnews date: not available in this build yet");
    ExitCode::from(2)
}
