//! `zhnews clean [PATH…|-]`: a batch of documents → one record per document, in input order.

use super::io::read_input;
use super::render::{Format, render};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use serde_json::json;
use std::io::{IsTerminal, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;
use zhnews::{Article, Input, Options, OutputScript};

/// Arguments of `zhnews clean`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files or folders (walked recursively, in sorted order); `-` or nothing reads stdin.
    pub paths: Vec<PathBuf>,
    /// Script of the output text: hans, hant, tw, hk, or keep.
    #[arg(long, default_value = "hans")]
    pub script: OutputScript,
    /// Offset for local times that state none, and of `published_at`.
    #[arg(long, default_value = "+08:00", value_parser = parse_tz)]
    pub tz: chrono::FixedOffset,
    /// Worker threads (default: RAYON_NUM_THREADS if set, else all cores). Output is the same
    /// for any value.
    #[arg(long, short = 'j')]
    pub jobs: Option<usize>,
    /// Keep every stripped piece in the record, with the rule that stripped it.
    #[arg(long)]
    pub keep_stripped: bool,
    /// Output format: jsonl (one record per line), md or text (for reading).
    #[arg(long, default_value = "jsonl")]
    pub format: Format,
    /// Write to FILE instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// No progress bar and no summary line.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

fn parse_tz(text: &str) -> Result<chrono::FixedOffset, String> {
    zhnews::parse_offset(text).map_err(|e| e.to_string())
}

/// Documents per parallel batch: large enough to keep every core busy, small enough that a huge
/// crawl never sits in memory at once.
const BATCH: usize = 256;

/// Runs `zhnews clean`.
pub fn run(args: Args) -> ExitCode {
    match clean(args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("zhnews clean: {message}");
            ExitCode::from(2)
        }
    }
}

fn clean(args: Args) -> Result<ExitCode, String> {
    let inputs = collect_inputs(&args.paths)?;
    let options = Options::default().script(args.script).default_offset(args.tz).keep_stripped(args.keep_stripped);
    let pool = build_pool(args.jobs)?;

    let mut sink: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path).map_err(|e| format!("{}: cannot create: {e}", path.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };

    let show_progress = !args.quiet && inputs.len() > 1 && std::io::stderr().is_terminal();
    let progress = if show_progress {
        let bar = ProgressBar::new(inputs.len() as u64);
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} documents {per_sec} eta {eta}") {
            bar.set_style(style);
        }
        bar
    } else {
        ProgressBar::hidden()
    };

    let started = Instant::now();
    let (mut documents, mut errors, mut bytes) = (0usize, 0usize, 0u64);
    for batch in inputs.chunks(BATCH) {
        let outputs: Vec<Outcome> = pool.install(|| {
            batch
                .par_iter()
                .map(|source| {
                    let outcome = process(source, &options, args.format);
                    progress.inc(1);
                    outcome
                })
                .collect()
        });
        for outcome in outputs {
            documents += 1;
            bytes += outcome.bytes as u64;
            errors += usize::from(outcome.failed);
            let written = sink.write_all(outcome.text.as_bytes());
            if let Err(err) = written {
                if err.kind() == std::io::ErrorKind::BrokenPipe {
                    return Ok(ExitCode::SUCCESS);
                }
                return Err(format!("cannot write output: {err}"));
            }
        }
    }
    match sink.flush() {
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        Err(err) => return Err(format!("cannot write output: {err}")),
        Ok(()) => {}
    }
    progress.finish_and_clear();

    if !args.quiet {
        let secs = started.elapsed().as_secs_f64().max(1e-9);
        let mb = bytes as f64 / 1e6;
        eprintln!(
            "zhnews clean: {documents} document{}, {errors} error{}, {mb:.2} MB in {secs:.2} s ({:.1} MB/s)",
            if documents == 1 { "" } else { "s" },
            if errors == 1 { "" } else { "s" },
            mb / secs
        );
    }
    Ok(if errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn build_pool(jobs: Option<usize>) -> Result<rayon::ThreadPool, String> {
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(jobs) = jobs {
        if jobs == 0 {
            return Err("--jobs must be at least 1".into());
        }
        builder = builder.num_threads(jobs);
    }
    builder.build().map_err(|e| format!("cannot start worker threads: {e}"))
}

/// Expands the command-line paths into the list of documents, in a deterministic order. A path
/// that does not exist is a usage error before any work starts.
fn collect_inputs(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    if paths.is_empty() {
        return Ok(vec![PathBuf::from("-")]);
    }
    let mut inputs = Vec::new();
    for path in paths {
        if path == Path::new("-") {
            inputs.push(path.clone());
            continue;
        }
        let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
        if meta.is_dir() {
            let walker = walkdir::WalkDir::new(path).sort_by_file_name().follow_links(true);
            for entry in walker {
                let entry = entry.map_err(|e| format!("{}: {e}", path.display()))?;
                let hidden = entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.');
                if entry.file_type().is_file() && !hidden {
                    inputs.push(entry.into_path());
                }
            }
        } else {
            inputs.push(path.clone());
        }
    }
    Ok(inputs)
}

struct Outcome {
    text: String,
    bytes: usize,
    failed: bool,
}

fn process(path: &Path, options: &Options, format: Format) -> Outcome {
    let source = if path == Path::new("-") { "-".to_string() } else { path.display().to_string() };
    let bytes = match read_input(path) {
        Ok(bytes) => bytes,
        Err(err) => return error_outcome(&source, "io", &format!("{source}: cannot read: {err}"), 0, format),
    };
    let size = bytes.len();
    // One hostile document must not take the batch down with it: a panic becomes its error
    // record and the batch goes on.
    let result = catch_unwind(AssertUnwindSafe(|| {
        Article::from_input(&Input::new(&bytes).source(&source), options)
    }));
    match result {
        Ok(Ok(article)) => Outcome { text: render(&article, format), bytes: size, failed: false },
        Ok(Err(err)) => error_outcome(&source, err.kind(), &format!("{source}: {err}"), size, format),
        Err(_) => {
            let message = format!("{source}: internal error while processing this document");
            error_outcome(&source, "internal", &message, size, format)
        }
    }
}

fn error_outcome(source: &str, kind: &str, message: &str, bytes: usize, format: Format) -> Outcome {
    let text = match format {
        Format::Jsonl => {
            let record = json!({ "source": source, "error": { "kind": kind, "message": message } });
            format!("{record}\n")
        }
        // Readers of md/text still see which document failed, in place.
        Format::Md | Format::Text => format!("[error: {kind}] {message}\n\n"),
    };
    Outcome { text, bytes, failed: true }
}
