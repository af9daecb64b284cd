//! The held-out page set: real Chinese portal pages nobody tuned the rules on.
//!
//! The test pages that ship in the PyPI source distribution of `gne` (GeneralNewsExtractor,
//! GPL-3.0; used here as evaluation data only, downloaded into `target/` and never committed)
//! cover portals and small sites the saved pages in `../shared/peers/pages` do not. Pages whose
//! bytes also appear in that saved set are left out of the expectations, so what is scored is
//! text the rules were never developed against. Expectations (short snippets used as oracles,
//! like `pages.json`) live in `xtask/eval/heldout.json`.

use anyhow::{Context, Result, bail};
use sha2::{Digest, Sha256};
use std::path::PathBuf;
use std::process::Command;

use crate::util;

/// The pinned source distribution and its digest, so a changed upload cannot change the set.
pub const PACKAGE: &str = "gne==0.4.3";
const ARCHIVE: &str = "gne-0.4.3.tar.gz";
const SHA256: &str = "26ed77fc2b96d5e9dd28b288ebfdeaf6bf7f034a92b8f75067c64eefffd0b4a9";

/// The folder of held-out pages (`<site>/<n>.html`), downloading and unpacking it on first use.
pub fn pages_dir() -> Result<PathBuf> {
    let dir = util::workspace_root().join("target").join("heldout");
    let pages = dir.join("gne-0.4.3").join("tests");
    if pages.is_dir() {
        return Ok(pages);
    }
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let archive = dir.join(ARCHIVE);
    if !archive.is_file() {
        util::pip_download(PACKAGE, &dir, true)?;
    }
    let bytes =
        std::fs::read(&archive).with_context(|| format!("cannot read {}", archive.display()))?;
    let digest: String = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    if digest != SHA256 {
        bail!(
            "{}: sha256 {digest}, expected {SHA256}; delete it to download again",
            archive.display()
        );
    }
    util::run_cmd(
        Command::new("tar")
            .arg("xzf")
            .arg(&archive)
            .arg("-C")
            .arg(&dir),
    )
    .context("cannot unpack the held-out pages")?;
    if !pages.is_dir() {
        bail!("{}: the archive has no tests/ folder", archive.display());
    }
    Ok(pages)
}
