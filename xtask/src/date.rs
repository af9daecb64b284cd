//! `cargo xtask date …`: peer comparison and conformance runs for zhnews-date.

use anyhow::{Result, bail};

/// Entry point: `peers`, `conformance`, or a crate-specific workflow.
pub fn run(args: &[String]) -> Result<()> {
    match args.first().map(String::as_str) {
        Some(other) => bail!("zhnews-date has no xtask workflow {other:?} yet"),
        None => bail!("usage: cargo xtask date <peers|conformance>"),
    }
}
