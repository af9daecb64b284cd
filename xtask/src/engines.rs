//! `cargo xtask engines [run|bench]`: zhnews under the data engines corpus builders use.
//!
//! - `run` (default): builds the release CLI and the Python wheel, then runs one job over
//!   `examples/articles` (as a JSONL shard) through every face: the CLI, the wheel's
//!   `normalize_batch`, Ray Data (`map_batches` with the wheel), PySpark `RDD.pipe` of the CLI
//!   with `checkCode=True`, and PySpark `mapInPandas` with the wheel. Every record must be
//!   byte-identical across faces as JSON with sorted keys; it prints a summary table.
//! - `bench [--docs N] [--repeats R] [--corpus DIR]`: documents per second through the CLI on
//!   one JSONL shard of DIR's documents (default: the example articles) repeated,
//!   through `normalize_batch` from Python in one batch, and through the Rust pipeline in
//!   process, with each face's per-document overhead relative to the Rust pipeline.
//!
//! Ray, PySpark and maturin go into a scratch venv under `target/xtask-venv/engines`; when they
//! cannot be installed the engine faces are skipped with a message and the rest still runs.

use crate::util;
use anyhow::{Context, Result, bail};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;
use zhnews::{Article, Input, Options};

const ENGINE_PACKAGES: &[&str] = &[
    "maturin>=1.5,<2",
    "ray[data]",
    "pyspark",
    "pandas",
    "pyarrow",
];
const MINIMAL_PACKAGES: &[&str] = &["maturin>=1.5,<2"];
/// Faces in the order of the summary; `cli` is the reference the others are compared with.
const FACES: &[(&str, &str)] = &[
    ("cli", "zhnews clean --input jsonl --jobs 1 (stdin)"),
    ("wheel", "normalize_batch_json, one batch"),
    ("ray", "Ray Data map_batches + wheel"),
    (
        "spark-pipe",
        "PySpark RDD.pipe(zhnews clean), checkCode=True",
    ),
    ("spark-pandas", "PySpark mapInPandas + wheel"),
];

/// Entry point.
pub fn run(args: &[String]) -> Result<()> {
    match args.first().map(String::as_str) {
        None | Some("run") => job(),
        Some("bench") => bench(&args[1..]),
        // Run by `bench` in a release build of xtask: the in-process Rust baseline.
        Some("bench-rust") => bench_rust(&args[1..]),
        Some(other) => bail!("unknown engines command {other:?}; expected run or bench"),
    }
}

fn work_dir() -> Result<PathBuf> {
    let dir = target_dir().join("engines");
    std::fs::create_dir_all(dir.join("out"))
        .with_context(|| format!("cannot create {}", dir.display()))?;
    Ok(dir)
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| util::workspace_root().join("target"))
}

/// The scratch venv with the engines, or a minimal one (wheel only) when they cannot be installed.
fn engine_python() -> Result<(PathBuf, bool)> {
    match util::venv("engines", ENGINE_PACKAGES) {
        Ok(python) => Ok((python, true)),
        Err(err) => {
            eprintln!(
                "xtask engines: cannot install Ray/PySpark ({err:#}); running the CLI and wheel faces only"
            );
            Ok((util::venv("engines-minimal", MINIMAL_PACKAGES)?, false))
        }
    }
}

/// Builds the release CLI and returns its path.
fn build_cli() -> Result<PathBuf> {
    util::run_cmd(util::cargo().args(["build", "--release", "-q", "-p", "zhnews-cli"]))?;
    let cli = target_dir().join("release").join("zhnews");
    if !cli.exists() {
        bail!("{}: the release build left no binary", cli.display());
    }
    Ok(cli)
}

/// Builds the wheel with maturin (cargo profile `profile`) and installs it into `python`'s venv.
fn build_wheel(python: &Path, profile: &str) -> Result<()> {
    let root = util::workspace_root();
    let wheels = target_dir().join("engines").join("wheels");
    let _ = std::fs::remove_dir_all(&wheels);
    let maturin = python.with_file_name("maturin");
    let mut cmd = Command::new(&maturin);
    cmd.current_dir(root.join("python"))
        .args(["build", "--quiet", "--profile", profile, "--interpreter"])
        .arg(python)
        .arg("--out")
        .arg(&wheels)
        .env("CARGO_TARGET_DIR", target_dir());
    util::run_cmd(&mut cmd)?;
    let wheel = std::fs::read_dir(&wheels)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "whl"))
        .context("maturin built no wheel")?;
    util::run_cmd(
        Command::new(python)
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "--force-reinstall",
                "--no-deps",
            ])
            .arg(&wheel),
    )
}

fn write_driver(dir: &Path) -> Result<PathBuf> {
    let path = dir.join("driver.py");
    std::fs::write(&path, DRIVER).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(path)
}

/// The project's example articles: the default corpus of the job and the bench.
fn examples_dir() -> PathBuf {
    util::workspace_root().join("examples").join("articles")
}

/// Writes the JSONL shard (the corpus repeated `repeat` times) and returns its path.
fn write_input(
    python: &Path,
    driver: &Path,
    dir: &Path,
    corpus: &Path,
    repeat: usize,
) -> Result<PathBuf> {
    let input = dir.join(format!("input-{repeat}.jsonl"));
    util::run_cmd(
        Command::new(python)
            .arg(driver)
            .arg("input")
            .arg(corpus)
            .arg(&input)
            .arg(repeat.to_string())
            .stdout(Stdio::null()),
    )?;
    Ok(input)
}

/// Runs the CLI as an engine would: JSONL on stdin, records on stdout. Exit 1 (some documents
/// failed, their error records are in the output) is expected with the broken examples.
fn run_cli(cli: &Path, input: &Path, output: Option<&Path>) -> Result<f64> {
    let stdin =
        std::fs::File::open(input).with_context(|| format!("cannot open {}", input.display()))?;
    let stdout = match output {
        Some(path) => Stdio::from(std::fs::File::create(path)?),
        None => Stdio::null(),
    };
    let started = Instant::now();
    let status = Command::new(cli)
        .args(["clean", "--input", "jsonl", "--quiet", "--jobs", "1"])
        .stdin(stdin)
        .stdout(stdout)
        .status()
        .with_context(|| format!("cannot start {}", cli.display()))?;
    let seconds = started.elapsed().as_secs_f64();
    if !matches!(status.code(), Some(0 | 1)) {
        bail!("{} clean failed with {status}", cli.display());
    }
    Ok(seconds)
}

/// Records of a face keyed by id, each as JSON with sorted keys.
fn canonical_records(path: &Path) -> Result<BTreeMap<String, String>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut records = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        let value: serde_json::Value = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not JSON", path.display(), n + 1))?;
        let id = value.get("id").and_then(|v| v.as_str()).map(str::to_string);
        let id = id.with_context(|| format!("{}:{}: record without id", path.display(), n + 1))?;
        if records
            .insert(id.clone(), sorted(value).to_string())
            .is_some()
        {
            bail!("{}:{}: id {id} twice", path.display(), n + 1);
        }
    }
    Ok(records)
}

fn sorted(value: serde_json::Value) -> serde_json::Value {
    match value {
        serde_json::Value::Object(map) => {
            let mut entries: Vec<(String, serde_json::Value)> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            serde_json::Value::Object(entries.into_iter().map(|(k, v)| (k, sorted(v))).collect())
        }
        serde_json::Value::Array(items) => {
            serde_json::Value::Array(items.into_iter().map(sorted).collect())
        }
        other => other,
    }
}

fn job() -> Result<()> {
    let dir = work_dir()?;
    let (python, _) = engine_python()?;
    let cli = build_cli()?;
    build_wheel(&python, "wheel")?;
    let driver = write_driver(&dir)?;
    let input = write_input(&python, &driver, &dir, &examples_dir(), 1)?;
    let out = dir.join("out");
    for (face, _) in FACES {
        let _ = std::fs::remove_file(out.join(format!("{face}.jsonl")));
    }
    let cli_seconds = run_cli(&cli, &input, Some(&out.join("cli.jsonl")))?;

    let mut cmd = Command::new(&python);
    cmd.arg(&driver).arg("job").arg(&input).arg(&out).arg(&cli);
    // Spark's Python workers must use the venv's interpreter (with the wheel), and a loopback
    // address avoids depending on the host name resolving.
    cmd.env("PYSPARK_PYTHON", &python)
        .env("PYSPARK_DRIVER_PYTHON", &python);
    if std::env::var_os("SPARK_LOCAL_IP").is_none() {
        cmd.env("SPARK_LOCAL_IP", "127.0.0.1");
    }
    let log = dir.join("engines.log");
    let log_file = std::fs::File::create(&log)?;
    cmd.stdout(log_file.try_clone()?).stderr(log_file);
    let status = cmd.status().context("cannot start the engine driver")?;
    if !status.success() {
        bail!(
            "the engine driver failed with {status}; see {}",
            log.display()
        );
    }
    let summary: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("summary.json"))?)?;

    let reference = canonical_records(&out.join("cli.jsonl"))?;
    let errors = reference
        .values()
        .filter(|r| r.contains("\"error\":{"))
        .count();
    println!(
        "engines: {} examples as one JSONL shard ({} error records expected in place)\n",
        reference.len(),
        errors
    );
    println!(
        "{:<13} {:<48} {:>7} {:>9} {:>8}",
        "face", "how", "records", "identical", "seconds"
    );
    let mut failed = Vec::new();
    for (face, how) in FACES {
        let seconds = if *face == "cli" {
            Some(cli_seconds)
        } else {
            summary["seconds"][face].as_f64()
        };
        let Some(seconds) = seconds else {
            let problem = summary["problems"][face]
                .as_str()
                .unwrap_or("did not run")
                .to_string();
            println!("{face:<13} {how:<48} {problem}");
            if !problem.starts_with("skipped") {
                failed.push(face.to_string());
            }
            continue;
        };
        let records = canonical_records(&out.join(format!("{face}.jsonl")))?;
        let same = records == reference;
        if !same {
            failed.push(face.to_string());
            for (id, record) in &records {
                if reference.get(id) != Some(record) {
                    eprintln!(
                        "xtask engines: {face}: record {id} differs from the CLI's:\n  {record}"
                    );
                    break;
                }
            }
            if records.len() != reference.len() {
                eprintln!(
                    "xtask engines: {face}: {} records, the CLI wrote {}",
                    records.len(),
                    reference.len()
                );
            }
        }
        let verdict = if same { "yes" } else { "NO" };
        println!(
            "{face:<13} {how:<48} {:>7} {verdict:>9} {seconds:>8.2}",
            records.len()
        );
    }
    println!(
        "\n(seconds include engine start-up; records compared as JSON with sorted keys, by id)"
    );
    if !failed.is_empty() {
        bail!(
            "faces that failed or differ: {}; see {}",
            failed.join(", "),
            log.display()
        );
    }
    Ok(())
}

/// File name endings of the documents a bench corpus folder holds (its licence and readme
/// files are not documents).
const DOCUMENT_SUFFIXES: [&str; 4] = ["html", "htm", "shtml", "txt"];

/// The documents under `root`, recursively, in path order (the driver lists them the same way).
fn corpus_files(root: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(root) {
        let entry = entry.with_context(|| format!("cannot read {}", root.display()))?;
        let wanted = entry.path().extension().is_some_and(|x| {
            DOCUMENT_SUFFIXES
                .iter()
                .any(|s| x.eq_ignore_ascii_case(std::ffi::OsStr::new(s)))
        });
        if entry.file_type().is_file() && wanted {
            files.push(entry.into_path());
        }
    }
    files.sort();
    if files.is_empty() {
        bail!(
            "{}: no documents (.html, .htm, .shtml, .txt)",
            root.display()
        );
    }
    Ok(files)
}

/// Documents of the bench shard as the Rust baseline sees them: the same ids, sources and bytes
/// as the JSONL lines the CLI and the wheel get.
fn bench_docs(root: &Path, repeat: usize) -> Result<Vec<(String, String, Vec<u8>)>> {
    let files = corpus_files(root)?;
    let mut docs = Vec::new();
    for k in 0..repeat {
        for file in &files {
            let name = file
                .strip_prefix(root)
                .unwrap_or(file)
                .to_string_lossy()
                .replace('\\', "/");
            let id = if repeat == 1 {
                name
            } else {
                format!("{name}#{k}")
            };
            docs.push((id, format!("-:{}", docs.len() + 1), std::fs::read(file)?));
        }
    }
    Ok(docs)
}

/// CPU time of this thread (Linux), so that a machine busy with other work slows no face more
/// than another; None elsewhere, and callers fall back to wall time.
fn thread_cpu_seconds() -> Option<f64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(nanos as f64 / 1e9)
}

fn parse_flag(args: &[String], flag: &str, default: usize) -> Result<usize> {
    match args.iter().position(|a| a == flag) {
        Some(i) => {
            let value = args
                .get(i + 1)
                .with_context(|| format!("{flag} needs a number"))?;
            value
                .parse()
                .with_context(|| format!("{flag} {value}: not a number"))
        }
        None => Ok(default),
    }
}

/// `bench-rust CORPUS REPEAT REPEATS`: best time of the in-process pipeline over the bench
/// documents, with and without serialising each record, as one JSON line on stdout.
fn bench_rust(args: &[String]) -> Result<()> {
    let usage = "bench-rust CORPUS REPEAT REPEATS";
    let corpus = PathBuf::from(args.first().context(usage)?);
    let repeat: usize = args.get(1).context(usage)?.parse()?;
    let repeats: usize = args.get(2).context(usage)?.parse()?;
    let docs = bench_docs(&corpus, repeat)?;
    let options = Options::default();
    let once = |serialise: bool| -> f64 {
        let started = Instant::now();
        let cpu_started = thread_cpu_seconds();
        let mut bytes = 0usize;
        for (id, source, data) in &docs {
            let result = Article::from_input(&Input::new(data).source(source).id(id), &options);
            if serialise {
                bytes += match &result {
                    Ok(article) => serde_json::to_string(article).map(|s| s.len()).unwrap_or(0),
                    Err(err) => err.to_string().len(),
                };
            } else {
                bytes += usize::from(result.is_ok());
            }
        }
        std::hint::black_box(bytes);
        match (cpu_started, thread_cpu_seconds()) {
            (Some(a), Some(b)) => b - a,
            _ => started.elapsed().as_secs_f64(),
        }
    };
    once(false); // dictionaries load once per process: not part of the measurement
    let best = |serialise: bool| {
        (0..repeats.max(1))
            .map(|_| once(serialise))
            .fold(f64::INFINITY, f64::min)
    };
    let pipeline = best(false);
    let with_json = best(true);
    println!(
        "{}",
        serde_json::json!({ "documents": docs.len(), "pipeline": pipeline, "with_json": with_json })
    );
    Ok(())
}

fn bench(args: &[String]) -> Result<()> {
    let wanted = parse_flag(args, "--docs", 1000)?;
    let repeats = parse_flag(args, "--repeats", 5)?;
    let corpus = match args.iter().position(|a| a == "--corpus") {
        Some(i) => PathBuf::from(args.get(i + 1).context("--corpus needs a folder")?),
        None => examples_dir(),
    };
    let examples = bench_docs(&corpus, 1)?.len().max(1);
    let repeat = wanted.div_ceil(examples).max(1);
    let dir = work_dir()?;
    let (python, _) = engine_python()?;
    let cli = build_cli()?;
    // The same optimisation for every face: the release profile, as shipped.
    build_wheel(&python, "release")?;
    let driver = write_driver(&dir)?;
    let input = write_input(&python, &driver, &dir, &corpus, repeat)?;
    let once = write_input(&python, &driver, &dir, &corpus, 1)?;
    let documents = repeat * examples;

    // Pure Rust, in process, in an optimised build of this xtask.
    let xtask = if cfg!(debug_assertions) {
        util::run_cmd(util::cargo().args(["build", "--release", "-q", "-p", "xtask"]))?;
        target_dir().join("release").join("xtask")
    } else {
        std::env::current_exe()?
    };
    let result = dir.join("bench-python.json");
    // Rounds interleave the faces, and each face keeps its best round, so that load from other
    // processes on the machine hits every face alike.
    run_cli(&cli, &input, None)?; // warm the page cache and the binary
    let (mut rust_s, mut rust_json_s, mut cli_s) = (f64::INFINITY, f64::INFINITY, f64::INFINITY);
    let mut cli_once_s = f64::INFINITY;
    let mut once_docs = examples;
    let mut python_s: BTreeMap<String, f64> = BTreeMap::new();
    for _ in 0..repeats.max(1) {
        let output = Command::new(&xtask)
            .args(["engines", "bench-rust"])
            .arg(&corpus)
            .arg(repeat.to_string())
            .arg("3")
            .stderr(Stdio::inherit())
            .output()
            .with_context(|| format!("cannot run {}", xtask.display()))?;
        if !output.status.success() {
            bail!(
                "{} engines bench-rust failed with {}",
                xtask.display(),
                output.status
            );
        }
        let rust: serde_json::Value =
            serde_json::from_slice(&output.stdout).context("bench-rust printed no JSON")?;
        rust_s = rust_s.min(
            rust["pipeline"]
                .as_f64()
                .context("bench-rust: no pipeline time")?,
        );
        rust_json_s = rust_json_s.min(
            rust["with_json"]
                .as_f64()
                .context("bench-rust: no with_json time")?,
        );
        util::run_cmd(
            Command::new(&python)
                .arg(&driver)
                .arg("bench")
                .arg(&input)
                .arg(&once)
                .arg(&result)
                .arg("3")
                .arg(&cli),
        )?;
        let py: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&result)?)?;
        let cli_time = |key: &str| py[key].as_f64().context("the driver measured no CLI time");
        cli_s = cli_s.min(cli_time("cli")?);
        cli_once_s = cli_once_s.min(cli_time("cli_once")?);
        once_docs = py["once_docs"]
            .as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .unwrap_or(once_docs);
        if let Some(times) = py["seconds"].as_object() {
            for (face, seconds) in times {
                let best = python_s.entry(face.clone()).or_insert(f64::INFINITY);
                *best = best.min(seconds.as_f64().unwrap_or(f64::INFINITY));
            }
        }
    }

    let size = std::fs::metadata(&input).map(|m| m.len()).unwrap_or(0);
    println!(
        "\nengines bench: {documents} documents ({:.1} MB JSONL shard: the {examples} documents of {} repeated), one thread, CPU time, best of {repeats} interleaved rounds\n",
        size as f64 / 1e6,
        corpus.display()
    );
    println!(
        "{:<44} {:>10} {:>12} {:>10} {:>12}",
        "face", "docs/s", "µs/doc", "overhead", "vs +record"
    );
    let row = |name: &str, seconds: f64| {
        let per_doc = seconds / documents as f64 * 1e6;
        let base = rust_s / documents as f64 * 1e6;
        let record_base = rust_json_s / documents as f64 * 1e6;
        let percent = |reference: f64| format!("{:+.1}%", (per_doc / reference - 1.0) * 100.0);
        let overhead = if name.starts_with("Rust pipeline (") {
            "—".to_string()
        } else {
            percent(base)
        };
        let beyond_record = if name.starts_with("Rust pipeline") {
            "—".to_string()
        } else {
            percent(record_base)
        };
        println!(
            "{name:<44} {:>10.0} {per_doc:>12.1} {overhead:>10} {beyond_record:>12}",
            documents as f64 / seconds
        );
    };
    row("Rust pipeline (Article::from_input)", rust_s);
    row("Rust pipeline + serde_json record", rust_json_s);
    row("CLI: zhnews clean --input jsonl --jobs 1", cli_s);
    // The CLI pays process start and dictionary loading once per shard; per document it costs
    // the rest: the difference to a shard holding each document once.
    let marginal =
        (cli_s - cli_once_s).max(0.0) / documents.saturating_sub(once_docs).max(1) as f64;
    row(
        "CLI, start-up and dictionary loading excluded",
        marginal * documents as f64,
    );
    for (key, label) in [
        ("dicts", "Python normalize_batch (dicts)"),
        (
            "dicts (json.loads)",
            "Python normalize_batch_json + json.loads",
        ),
        ("json text", "Python normalize_batch_json (JSON text)"),
    ] {
        if let Some(seconds) = python_s.get(key) {
            row(label, *seconds);
        }
    }
    println!(
        "\nCLI on a shard with each of the {once_docs} documents once: {:.1} ms CPU (start-up, dictionaries).\n\
         CPU time: the Rust and Python faces count their own thread, the CLI its whole process.\n\
         Overhead = extra time per document over the in-process Rust pipeline (target < 10%).\n\
         vs +record = the same over the in-process pipeline that also serialises each record with\n\
         serde_json: every face must hand its record over in some form (JSON text, Python objects),\n\
         which the bare pipeline never does; this column is what the face adds beyond that.",
        cli_once_s * 1e3
    );
    Ok(())
}

/// The Python side of the job and of the bench, run in the engines venv.
const DRIVER: &str = r##"
"""Runs one job under Ray Data and PySpark; written by `cargo xtask engines`."""

import base64
import json
import os
import sys
import time
from pathlib import Path


DOCUMENT_SUFFIXES = {".html", ".htm", ".shtml", ".txt"}


def corpus_files(root):
    """The documents under root, in the order the xtask's Rust side lists them."""
    return sorted(p for p in Path(root).rglob("*") if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES)


def write_input(examples, path, repeat=1):
    """One JSONL record per article: id, source (the name `zhnews clean` gives stdin line N),
    and the document as text, or as base64 raw bytes when it is not UTF-8."""
    root = Path(examples)
    files = corpus_files(root)
    n = 0
    with open(path, "w", encoding="utf-8") as out:
        for k in range(repeat):
            for file in files:
                n += 1
                data = file.read_bytes()
                name = file.relative_to(root).as_posix()
                record = {"id": name if repeat == 1 else f"{name}#{k}", "source": f"-:{n}"}
                try:
                    record["text"] = data.decode("utf-8")
                except UnicodeDecodeError:
                    record["bytes"] = base64.b64encode(data).decode("ascii")
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return n


def face(out, name, summary, problems, run):
    """Runs one face; an engine that is not installed is skipped, any other failure recorded."""
    started = time.perf_counter()
    try:
        lines = run()
    except ImportError as err:
        problems[name] = f"skipped: {err}"
        return
    except Exception as err:  # noqa: BLE001 - reported by the xtask, which then fails
        problems[name] = f"failed: {type(err).__name__}: {str(err).splitlines()[0] if str(err) else ''}"
        return
    Path(out, f"{name}.jsonl").write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    summary[name] = time.perf_counter() - started


def job(inp, out, cli):
    import zhnews

    summary, problems = {}, {}
    rows = [json.loads(line) for line in open(inp, encoding="utf-8")]

    def wheel():
        items = [
            (r["source"], base64.b64decode(r["bytes"]) if "bytes" in r else r["text"], r["id"]) for r in rows
        ]
        return zhnews.normalize_batch_json(items)

    face(out, "wheel", summary, problems, wheel)

    def ray_data():
        import ray

        import zhnews.ray

        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
        try:
            ray.data.DataContext.get_current().enable_progress_bars = False
            ds = ray.data.read_json(inp)
            ds = ds.map_batches(zhnews.ray.normalize_batch_fn, batch_format="pandas", batch_size=4)
            return [row["zhnews"] for row in ds.take_all()]
        finally:
            ray.shutdown()

    face(out, "ray", summary, problems, ray_data)

    spark = None
    try:
        from pyspark.sql import SparkSession

        spark = (
            SparkSession.builder.master("local[2]")
            .appName("zhnews-engines")
            .config("spark.ui.enabled", "false")
            .getOrCreate()
        )
        spark.sparkContext.setLogLevel("ERROR")
    except ImportError as err:
        problems["spark-pipe"] = problems["spark-pandas"] = f"skipped: {err}"
    except Exception as err:  # noqa: BLE001
        problems["spark-pipe"] = problems["spark-pandas"] = f"failed: cannot start Spark: {err}"

    if spark is not None:

        def pipe():
            # One CLI process per partition reading JSONL on stdin. `zhnews clean` exits 1 when a
            # document failed (its error record is in the output), so the wrapper lets 1 through
            # and still fails the task on 2 (usage or I/O error) under checkCode=True. The child
            # gets an empty environment, hence absolute paths.
            command = "/bin/sh -c '\"$0\" clean --input jsonl --quiet --jobs 1; s=$?; [ \"$s\" -le 1 ]' " + cli
            lines = open(inp, encoding="utf-8").read().splitlines()
            return spark.sparkContext.parallelize(lines, 1).pipe(command, checkCode=True).collect()

        face(out, "spark-pipe", summary, problems, pipe)

        def pandas():
            import zhnews.spark

            df = spark.read.json(inp).select("id", "source", "text", "bytes").repartition(2)
            schema = "id string, source string, text string, bytes string, zhnews string, zhnews_error string"
            rows = df.mapInPandas(zhnews.spark.map_in_pandas, schema=schema).select("zhnews").collect()
            return [row["zhnews"] for row in rows]

        face(out, "spark-pandas", summary, problems, pandas)
        spark.stop()
    Path(out, "summary.json").write_text(json.dumps({"seconds": summary, "problems": problems}))


def bench(inp, once, out, repeats, cli):
    """CPU time (this thread, or the CLI child process) of each face over the shard."""
    import resource
    import subprocess

    import zhnews

    def child_cpu():
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    def run_cli(path):
        before = child_cpu()
        with open(path, "rb") as stdin:
            code = subprocess.run(
                [cli, "clean", "--input", "jsonl", "--quiet", "--jobs", "1"], stdin=stdin, stdout=subprocess.DEVNULL
            ).returncode
        assert code in (0, 1), f"zhnews clean exited with {code}"
        return child_cpu() - before

    # The CLI's fixed cost (process start, loading the dictionaries the documents need) on a
    # shard with each document once: the same dictionaries as the full shard.
    cli_best = min(run_cli(inp) for _ in range(repeats))
    cli_once = min(run_cli(once) for _ in range(repeats))
    once_docs = sum(1 for _ in open(once, encoding="utf-8"))

    rows = [json.loads(line) for line in open(inp, encoding="utf-8")]
    items = [
        (r["source"], base64.b64decode(r["bytes"]) if "bytes" in r else r["text"], r["id"]) for r in rows
    ]
    zhnews.normalize_batch(items[:once_docs])  # dictionaries load once per process: not timed
    faces = {
        "dicts": lambda: zhnews.normalize_batch(items),
        "dicts (json.loads)": lambda: [json.loads(s) for s in zhnews.normalize_batch_json(items)],
        "json text": lambda: zhnews.normalize_batch_json(items),
    }
    best = {}
    for name, run in faces.items():
        times = []
        for _ in range(repeats):
            started = time.thread_time()
            records = run()
            times.append(time.thread_time() - started)
            assert len(records) == len(items)
        best[name] = min(times)
    Path(out).write_text(json.dumps(
            {"documents": len(items), "seconds": best, "cli": cli_best, "cli_once": cli_once, "once_docs": once_docs}
        ))


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "input":
        print(write_input(sys.argv[2], sys.argv[3], int(sys.argv[4])))
    elif mode == "job":
        job(*sys.argv[2:5])
    elif mode == "bench":
        bench(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), sys.argv[6])
"##;
