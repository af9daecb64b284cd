//! `cargo xtask strip …`: peer comparison and conformance runs for zhnews-strip.

use anyhow::{Result, bail};

/// Entry point: `peers`, `conformance`, or a crate-specific workflow.
pub fn run(args: &[String]) -> Result<()> {
    match args.first().map(String::as_str) {
        Some(other) => bail!("zhnews-strip has no xtask workflow {other:?} yet"),
        None => bail!("usage: cargo xtask strip <peers|conformance>"),
    }
}
