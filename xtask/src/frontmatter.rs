//! `cargo xtask frontmatter …`: peer comparison and conformance runs for zhnews-frontmatter.
//!
//! - `conformance [--with-anchors]`: feeds each scored case of the yaml-test-suite subset in
//!   `shared/peers/yaml-test-suite` to the built `zhnews frontmatter --yaml-only`; a valid case
//!   passes when the printed JSON equals `in.json`, an error case when the command fails.
//! - `peers`: prints the side-by-side timings that the `frontmatter` criterion bench recorded
//!   (running the bench first when it has not run yet), with ratios to gray_matter and saphyr.

use crate::util;
use anyhow::{Context, Result, bail};
use serde_json::Value as Json;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Entry point: `peers`, `conformance`.
pub fn run(args: &[String]) -> Result<()> {
    match args.first().map(String::as_str) {
        Some("conformance") => conformance(&args[1..]),
        Some("peers") => peers(),
        Some(other) => {
            bail!("zhnews-frontmatter has no xtask workflow {other:?}; use peers or conformance")
        }
        None => bail!("usage: cargo xtask frontmatter <peers|conformance [--with-anchors]>"),
    }
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| util::workspace_root().join("target"))
}

fn build_cli() -> Result<PathBuf> {
    util::run_cmd(util::cargo().args(["build", "--quiet", "-p", "zhnews-cli"]))?;
    let bin = target_dir().join("debug").join("zhnews");
    if !bin.exists() {
        bail!("built zhnews-cli but found no binary at {}", bin.display());
    }
    Ok(bin)
}

/// The case text as front matter would hold it: without the leading `---` marker (content
/// after it on the same line stays) and without a final `...` line.
fn strip_markers(text: &str) -> String {
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_string).collect();
    if let Some(i) = lines
        .iter()
        .position(|l| !l.starts_with('#') && !l.trim().is_empty())
        && let Some(rest) = lines[i].strip_prefix("---")
    {
        let rest = rest.strip_prefix(' ').unwrap_or(rest);
        if rest.trim().is_empty() {
            lines.remove(i);
        } else {
            lines[i] = rest.to_string();
        }
    }
    if let Some(i) = lines.iter().rposition(|l| !l.trim().is_empty())
        && lines[i].trim_end() == "..."
    {
        lines.remove(i);
    }
    lines.concat()
}

/// JSON equality with numbers compared by value (`1` equals `1.0`).
fn same(a: &Json, b: &Json) -> bool {
    match (a, b) {
        (Json::Number(x), Json::Number(y)) => match (x.as_f64(), y.as_f64()) {
            (Some(p), Some(q)) => p == q || (p.is_nan() && q.is_nan()),
            _ => x == y,
        },
        (Json::Array(x), Json::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q))
        }
        (Json::Object(x), Json::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

fn conformance(args: &[String]) -> Result<()> {
    let with_anchors = args.iter().any(|a| a == "--with-anchors");
    let Some(shared) = util::shared_dir() else {
        println!(
            "skipped: no shared/peers/yaml-test-suite beside the checkout (set ZHNEWS_SHARED)"
        );
        return Ok(());
    };
    let suite = shared.join("peers").join("yaml-test-suite");
    if !suite.join("subset.json").exists() {
        println!("skipped: {} has no subset.json", suite.display());
        return Ok(());
    }
    let bin = build_cli()?;
    let subset: Json = serde_json::from_str(&std::fs::read_to_string(suite.join("subset.json"))?)
        .context("subset.json is not JSON")?;
    let cases = subset.as_array().context("subset.json is not a list")?;
    let scratch = target_dir().join("xtask-frontmatter");
    std::fs::create_dir_all(&scratch)?;
    let (mut passed, mut scored, mut anchors_passed, mut anchors) = (0, 0, 0, 0);
    let mut failures = Vec::new();
    for case in cases {
        let id = case["id"].as_str().unwrap_or_default();
        let kind = case["kind"].as_str().unwrap_or_default();
        if kind == "anchor" && !with_anchors {
            continue;
        }
        let dir = suite.join("cases").join(id);
        let mut text = std::fs::read_to_string(dir.join("in.yaml"))
            .with_context(|| format!("cannot read case {id}"))?;
        if case["strip_markers"].as_bool() == Some(true) {
            text = strip_markers(&text);
        }
        let input = scratch.join(format!("{}.yaml", id.replace('/', "_")));
        std::fs::write(&input, &text)?;
        let verdict = check(&bin, &input, kind, &dir)?;
        let ok = verdict.is_none();
        if kind == "anchor" {
            anchors += 1;
            anchors_passed += usize::from(ok);
        } else {
            scored += 1;
            passed += usize::from(ok);
        }
        if let Some(why) = verdict {
            failures.push(format!(
                "{id} ({kind}) {}: {why}",
                case["name"].as_str().unwrap_or_default()
            ));
        }
    }
    println!(
        "yaml-test-suite subset: {passed}/{scored} scored cases pass ({:.1}%)",
        100.0 * passed as f64 / scored.max(1) as f64
    );
    if with_anchors {
        println!("anchor cases (unscored): {anchors_passed}/{anchors}");
    }
    for f in &failures {
        println!("  FAIL {f}");
    }
    Ok(())
}

/// `None` when the case passes, else why not.
fn check(bin: &Path, input: &Path, kind: &str, dir: &Path) -> Result<Option<String>> {
    let out = Command::new(bin)
        .args(["frontmatter", "--yaml-only", "--compact"])
        .arg(input)
        .output()
        .context("cannot run zhnews")?;
    let stderr = String::from_utf8_lossy(&out.stderr).trim().to_string();
    if kind == "error" {
        return Ok(match out.status.code() {
            Some(1) => None,
            _ => Some(format!(
                "accepted invalid input (exit {:?}), printed {}",
                out.status.code(),
                String::from_utf8_lossy(&out.stdout).trim()
            )),
        });
    }
    if !out.status.success() {
        return Ok(Some(format!("rejected: {stderr}")));
    }
    let expected: Json = serde_json::from_str(&std::fs::read_to_string(dir.join("in.json"))?)
        .context("in.json is not one JSON value")?;
    let got: Json = match serde_json::from_slice(&out.stdout) {
        Ok(v) => v,
        Err(e) => return Ok(Some(format!("printed invalid JSON: {e}"))),
    };
    Ok((!same(&got, &expected)).then(|| format!("got {got}, expected {expected}")))
}

/// Criterion's mean estimate in nanoseconds for `group/function`, when the bench has run.
fn estimate(group: &str, function: &str) -> Option<f64> {
    let path = target_dir()
        .join("criterion")
        .join(group)
        .join(function)
        .join("new")
        .join("estimates.json");
    let json: Json = serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    json["mean"]["point_estimate"].as_f64()
}

fn peers() -> Result<()> {
    const GROUP: &str = "frontmatter_seed_shaped";
    if estimate(GROUP, "zhnews").is_none() {
        util::run_cmd(util::cargo().args([
            "bench",
            "-p",
            "zhnews-benches",
            "--bench",
            "frontmatter",
        ]))?;
    }
    let Some(ours) = estimate(GROUP, "zhnews") else {
        bail!(
            "the frontmatter bench left no estimates under {}",
            target_dir().join("criterion").display()
        );
    };
    println!("split + parse of one seed-shaped document (criterion mean, same run):");
    println!("{:<14} {:>10} {:>16}", "parser", "µs/doc", "× zhnews time");
    for name in ["zhnews", "gray_matter", "saphyr"] {
        match estimate(GROUP, name) {
            Some(ns) => println!("{name:<14} {:>10.3} {:>16.1}", ns / 1000.0, ns / ours),
            None => println!("{name:<14} {:>10} {:>16}", "-", "-"),
        }
    }
    if let Some(ns) = estimate("frontmatter_large", "zhnews") {
        // Criterion records the declared throughput next to its estimates.
        let bytes = std::fs::read_to_string(
            target_dir()
                .join("criterion")
                .join("frontmatter_large")
                .join("zhnews")
                .join("new")
                .join("benchmark.json"),
        )
        .ok()
        .and_then(|s| serde_json::from_str::<Json>(&s).ok())
        .and_then(|j| j["throughput"]["Bytes"].as_f64());
        match bytes {
            Some(b) => println!(
                "large generated front matter: {:.0} KiB in {:.3} ms = {:.1} MB/s",
                b / 1024.0,
                ns / 1e6,
                b / ns * 1e3
            ),
            None => println!(
                "large generated front matter: {:.3} ms per document",
                ns / 1e6
            ),
        }
    }
    Ok(())
}
