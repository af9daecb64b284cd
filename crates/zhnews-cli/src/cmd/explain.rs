//! `zhnews explain` (being written).

use std::process::ExitCode;

/// Arguments of `zhnews explain`.
#[derive(clap::Args, Debug)]
pub struct Args {}

/// Runs `zhnews explain`.
pub fn run(_args: Args) -> ExitCode {
    eprintln!("zhnews explain: not available in this build yet");
    ExitCode::from(2)
}
