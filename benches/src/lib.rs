//! Shared inputs for the zhnews benchmarks.
//!
//! Bench input is either generated here or read from `ZHNEWS_BENCH_TEXT`/`../shared/bench` when
//! present; no third-party article text is committed.

use std::path::PathBuf;

/// The directory of optional third-party benchmark text (`../shared/bench`), if present.
pub fn shared_bench_dir() -> Option<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()?
        .to_path_buf();
    let dir = std::env::var_os("ZHNEWS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.parent().map(|p| p.join("shared")).unwrap_or_default())
        .join("bench");
    dir.is_dir().then_some(dir)
}

/// Repeats `text` until it is at least `min_bytes` long.
pub fn repeat_to(text: &str, min_bytes: usize) -> String {
    if text.is_empty() {
        return String::new();
    }
    let mut out = String::with_capacity(min_bytes + text.len());
    while out.len() < min_bytes {
        out.push_str(text);
    }
    out
}
