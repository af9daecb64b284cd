//! `cargo xtask ci`: the gate every change passes, and what `.ci/run` runs.

use crate::util::{cargo, run_cmd};
use anyhow::Result;

/// fmt check, clippy (warnings denied) over every target, the whole test suite, the doctests.
pub fn run_ci() -> Result<()> {
    run_cmd(cargo().args(["fmt", "--all", "--", "--check"]))?;
    run_cmd(cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    // `cargo test` rather than nextest: it runs the doctests in the same pass and needs nothing
    // beyond the toolchain.
    run_cmd(cargo().args(["test", "--workspace", "--no-fail-fast"]))?;
    Ok(())
}

/// Entry point; `ci` takes no arguments.
pub fn run(args: &[String]) -> Result<()> {
    if let Some(extra) = args.first() {
        anyhow::bail!("cargo xtask ci takes no arguments (got {extra:?})");
    }
    run_ci()
}
