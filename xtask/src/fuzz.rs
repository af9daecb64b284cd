//! `cargo xtask fuzz [TARGET] [--seconds N]`: cargo-fuzz on the stable toolchain.
//!
//! libFuzzer's instrumentation flags are unstable rustc options, so the run sets
//! `RUSTC_BOOTSTRAP=1` and `--sanitizer none` (no AddressSanitizer: the crates forbid `unsafe`,
//! so the fuzzers look for panics, hangs and runaway allocation). Seeds come from the project's
//! own fixtures in `examples/articles` and each target's `fuzz/seeds/<target>` folder.

use crate::util::{run_cmd, workspace_root};
use anyhow::{Context, Result, bail};
use std::process::Command;

const TARGETS: [&str; 5] = ["encoding", "frontmatter", "strip", "script", "date"];

/// Entry point.
pub fn run(args: &[String]) -> Result<()> {
    let mut seconds = 30u64;
    let mut targets: Vec<&str> = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--seconds" => {
                let value = it.next().context("--seconds needs a number")?;
                seconds = value
                    .parse()
                    .with_context(|| format!("--seconds {value:?} is not a number"))?;
            }
            name if TARGETS.contains(&name) => targets.push(name),
            other => bail!(
                "unknown fuzz target or option {other:?}; targets: {}",
                TARGETS.join(", ")
            ),
        }
    }
    if targets.is_empty() {
        targets = TARGETS.to_vec();
    }
    ensure_cargo_fuzz()?;
    let root = workspace_root();
    let fuzz_dir = root.join("fuzz");
    for target in targets {
        let corpus = fuzz_dir.join("corpus").join(target);
        std::fs::create_dir_all(&corpus)?;
        seed_corpus(target, &corpus)?;
        println!("== fuzzing {target} for {seconds} s");
        run_cmd(
            Command::new("cargo")
                .current_dir(&fuzz_dir)
                .env("RUSTC_BOOTSTRAP", "1")
                .args(["fuzz", "run", "--sanitizer", "none", target])
                .arg(&corpus)
                .arg("--")
                .arg(format!("-max_total_time={seconds}"))
                .arg("-rss_limit_mb=2048")
                .arg("-timeout=10"),
        )?;
    }
    Ok(())
}

fn ensure_cargo_fuzz() -> Result<()> {
    let found = Command::new("cargo")
        .args(["fuzz", "--version"])
        .output()
        .map(|o| o.status.success());
    if found.unwrap_or(false) {
        return Ok(());
    }
    println!("installing cargo-fuzz");
    run_cmd(Command::new("cargo").args(["install", "--locked", "cargo-fuzz"]))
}

/// Copies the project's fixtures into the corpus so the fuzzer starts from realistic input.
fn seed_corpus(target: &str, corpus: &std::path::Path) -> Result<()> {
    let root = workspace_root();
    let dirs = [
        root.join("examples").join("articles"),
        root.join("fuzz").join("seeds").join(target),
    ];
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if let (true, Some(name)) = (path.is_file(), path.file_name()) {
                std::fs::copy(&path, corpus.join(name))?;
            }
        }
    }
    Ok(())
}
