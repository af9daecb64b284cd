//! `cargo xtask corpus DIR`: run the pipeline over a folder and print a quality table.

use anyhow::{Result, bail};

/// Entry point.
pub fn run(args: &[String]) -> Result<()> {
    let Some(_dir) = args.first() else { bail!("usage: cargo xtask corpus DIR") };
    bail!("corpus: not written yet")
}
