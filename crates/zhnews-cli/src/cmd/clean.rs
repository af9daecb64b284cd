//! `zhnews clean` (being written).

use std::process::ExitCode;

/// Arguments of `zhnews clean`.
#[derive(clap::Args, Debug)]
pub struct Args {}

/// Runs `zhnews clean`.
pub fn run(_args: Args) -> ExitCode {
    eprintln!("zhnews clean: not available in this build yet");
    ExitCode::from(2)
}
