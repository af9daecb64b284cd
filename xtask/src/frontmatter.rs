//! `cargo xtask frontmatter …`: peer comparison and conformance runs for zhnews-frontmatter.

use anyhow::{Result, bail};

/// Entry point: `peers`, `conformance`, or a crate-specific workflow.
pub fn run(args: &[String]) -> Result<()> {
    match args.first().map(String::as_str) {
        Some(other) => bail!("zhnews-frontmatter has no xtask workflow {other:?} yet"),
        None => bail!("usage: cargo xtask frontmatter <peers|conformance>"),
    }
}
