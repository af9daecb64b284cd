//! `zhnews clean [PATH…|-]`: documents in, one record per document out, in input order.
//!
//! It behaves as a strict Unix filter so that data engines can start it once per shard: one
//! output record per input document or JSONL line (error records included), ids kept, output
//! byte-identical for any `--jobs`, a closed stdout (`| head`) ends it quietly.

use super::input::{BadDoc, Doc, Docs, InputMode, JsonlKeys, expand_paths};
use super::output::{Compression, ShardWriter, Sink};
use super::render::{Format, render, render_error};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;
use zhnews::{Article, Input, Options, OutputScript};

/// Arguments of `zhnews clean`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files or folders (walked recursively, in sorted order); `-` or nothing reads stdin.
    /// `.gz` and `.zst` inputs are decompressed. In WARC files, HTML responses and WET
    /// conversions are the documents; other records are counted as skipped in the summary.
    pub paths: Vec<PathBuf>,
    /// Script of the output text: hans, hant, tw, hk, or keep.
    #[arg(long, default_value = "hans")]
    pub script: OutputScript,
    /// Offset for local times that state none, and of `published_at`.
    #[arg(long, default_value = "+08:00", value_parser = parse_tz)]
    pub tz: chrono::FixedOffset,
    /// Worker threads (default: RAYON_NUM_THREADS if set, else all cores). Output is the same
    /// for any value; engines that run one process per core should pass 1.
    #[arg(long, short = 'j')]
    pub jobs: Option<usize>,
    /// Keep every stripped piece in the record, with the rule that stripped it.
    #[arg(long)]
    pub keep_stripped: bool,
    /// Output format: jsonl (the full record), dolma (id, text, source, created, added,
    /// metadata), md or text (for reading).
    #[arg(long, default_value = "jsonl")]
    pub format: Format,
    /// How to read inputs: auto (`.jsonl`/`.ndjson` are JSON Lines, `.warc`/`.wet` archives,
    /// anything else one article), files, jsonl, or warc.
    #[arg(long, value_enum, default_value = "auto")]
    pub input: InputMode,
    /// JSONL field holding the document (raw HTML or text).
    #[arg(long, default_value = "text")]
    pub text_key: String,
    /// JSONL field holding the record's id, kept in the output.
    #[arg(long, default_value = "id")]
    pub id_key: String,
    /// JSONL field holding an encoding label for the document.
    #[arg(long, default_value = "encoding")]
    pub encoding_key: String,
    /// JSONL field holding the document's raw bytes as base64 (for non-UTF-8 content).
    #[arg(long, default_value = "bytes")]
    pub bytes_key: String,
    /// JSONL field holding the page's URL.
    #[arg(long, default_value = "url")]
    pub url_key: String,
    /// JSONL field holding where the record came from (path or URL); without it a record's
    /// source is `FILE:LINE`.
    #[arg(long, default_value = "source")]
    pub source_key: String,
    /// Write to FILE instead of stdout; an existing folder (or a path ending in `/`) receives
    /// shards that mirror the input paths.
    #[arg(long, short = 'o', value_name = "FILE|DIR")]
    pub output: Option<PathBuf>,
    /// With `-o DIR`: start a new shard file every N records.
    #[arg(long, value_name = "N")]
    pub shard_size: Option<usize>,
    /// Compress written files (also chosen by an `-o` name ending in .gz or .zst).
    #[arg(long, value_enum, default_value = "none")]
    pub compress: Compression,
    /// Stop at the first document that fails (its error record is still written); exit 1.
    #[arg(long)]
    pub strict: bool,
    /// Exit 0 even when some documents failed (their error records are still in the output),
    /// for engines that treat any non-zero exit as a failed task (Spark's `RDD.pipe`).
    #[arg(long)]
    pub exit_zero: bool,
    /// Write the run summary as JSON to FILE.
    #[arg(long, value_name = "FILE")]
    pub stats: Option<PathBuf>,
    /// No progress bar and no summary line.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

fn parse_tz(text: &str) -> Result<chrono::FixedOffset, String> {
    zhnews::parse_offset(text).map_err(|e| e.to_string())
}

/// Documents per parallel batch: large enough to keep every core busy, small enough that a huge
/// shard never sits in memory at once.
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

struct Outcome {
    /// The rendered record (or error record), newline-terminated.
    text: Vec<u8>,
    bytes: usize,
    error_kind: Option<String>,
    /// Which input file the document came from.
    file: usize,
}

/// What the batch does after a record is written.
enum Flow {
    Go,
    /// `--strict` and the document failed.
    Stop,
    /// The reader went away (`| head`): a normal, quiet end.
    PipeClosed,
}

#[derive(Default)]
struct Summary {
    documents: usize,
    errors: usize,
    bytes: u64,
    error_kinds: BTreeMap<String, usize>,
}

fn clean(args: Args) -> Result<ExitCode, String> {
    if args.shard_size == Some(0) {
        return Err("--shard-size must be at least 1".into());
    }
    let files = expand_paths(&args.paths)?;
    let options = Options::default()
        .script(args.script)
        .default_offset(args.tz)
        .keep_stripped(args.keep_stripped);
    let pool = build_pool(args.jobs)?;
    let mut sink = open_sink(&args)?;
    let added = run_timestamp();

    let keys = JsonlKeys {
        text: args.text_key.clone(),
        id: args.id_key.clone(),
        encoding: args.encoding_key.clone(),
        bytes: args.bytes_key.clone(),
        url: args.url_key.clone(),
        source: args.source_key.clone(),
    };
    let relative: Vec<PathBuf> = files.iter().map(|f| f.relative.clone()).collect();
    let mut docs = Docs::new(files, args.input, keys);
    // Plain article files of one folder share a stream in sharded output; a JSONL file is its
    // own stream.
    let jsonl: Vec<bool> = (0..relative.len())
        .map(|i| docs.is_record_stream(i))
        .collect();
    let stream_of = |file: usize| -> PathBuf {
        if jsonl[file] {
            relative[file].clone()
        } else {
            relative[file]
                .parent()
                .map(|p| p.join("articles"))
                .unwrap_or_else(|| PathBuf::from("articles"))
        }
    };

    let article_files = jsonl.iter().filter(|j| !**j).count();
    let show_progress = !args.quiet
        && std::io::stderr().is_terminal()
        && (article_files > 1 || jsonl.contains(&true));
    let progress = if show_progress {
        let bar = if jsonl.contains(&true) {
            ProgressBar::no_length()
        } else {
            ProgressBar::new(article_files as u64)
        };
        let template = if jsonl.contains(&true) {
            "{spinner} {pos} documents {per_sec} {elapsed}"
        } else {
            "{bar:40} {pos}/{len} documents {per_sec} eta {eta}"
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style);
        }
        bar
    } else {
        ProgressBar::hidden()
    };

    let started = Instant::now();
    let mut summary = Summary::default();
    let mut stopped = false;
    let mut tally = |outcome: &Outcome, sink: &mut Sink| -> Result<Flow, String> {
        summary.documents += 1;
        summary.bytes += outcome.bytes as u64;
        if let Some(kind) = &outcome.error_kind {
            summary.errors += 1;
            *summary.error_kinds.entry(kind.clone()).or_default() += 1;
        }
        // Only shards need the stream's name; stdout and a single file skip making it.
        let stream = match sink {
            Sink::Shards(_) => stream_of(outcome.file),
            Sink::Stream(_) => PathBuf::new(),
        };
        match sink.write(&stream, &outcome.text) {
            Ok(()) => {}
            Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => {
                return Ok(Flow::PipeClosed);
            }
            Err(err) => return Err(format!("cannot write output: {err}")),
        }
        Ok(if outcome.error_kind.is_some() && args.strict {
            Flow::Stop
        } else {
            Flow::Go
        })
    };
    if pool.current_num_threads() == 1 {
        // One worker (what an engine running one process per core asks for): each document is
        // read, cleaned and written before the next is read, on this thread, with one output
        // buffer for all records. Nothing is held across documents, so the heap stays as small
        // and as warm as when the library is called in a loop.
        let mut text = Vec::new();
        for item in docs.by_ref() {
            text.clear();
            let outcome = process(item, &options, args.format, &added, text);
            progress.inc(1);
            match tally(&outcome, &mut sink)? {
                Flow::Go => {}
                Flow::Stop => {
                    stopped = true;
                    break;
                }
                Flow::PipeClosed => return Ok(ExitCode::SUCCESS),
            }
            text = outcome.text;
        }
    } else {
        loop {
            let batch: Vec<Result<Doc, BadDoc>> = docs.by_ref().take(BATCH).collect();
            if batch.is_empty() {
                break;
            }
            let one = |item| {
                let outcome = process(item, &options, args.format, &added, Vec::new());
                progress.inc(1);
                outcome
            };
            let outcomes: Vec<Outcome> = pool.install(|| batch.into_par_iter().map(one).collect());
            for outcome in outcomes {
                match tally(&outcome, &mut sink)? {
                    Flow::Go => {}
                    Flow::Stop => {
                        stopped = true;
                        break;
                    }
                    Flow::PipeClosed => return Ok(ExitCode::SUCCESS),
                }
            }
            if stopped {
                break;
            }
        }
    }
    match sink.finish() {
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        Err(err) => return Err(format!("cannot write output: {err}")),
        Ok(()) => {}
    }
    progress.finish_and_clear();

    let skipped = docs.skipped().clone();
    let skipped_total: usize = skipped.values().sum();
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    let mb = summary.bytes as f64 / 1e6;
    if let Some(path) = &args.stats {
        let stats = serde_json::json!({
            "documents": summary.documents,
            "errors": summary.errors,
            "error_kinds": summary.error_kinds,
            "bytes": summary.bytes,
            "seconds": secs,
            "mb_per_second": mb / secs,
            "stopped_early": stopped,
            "skipped_records": skipped_total,
            "skipped_kinds": skipped,
        });
        std::fs::write(path, format!("{stats}\n"))
            .map_err(|e| format!("{}: cannot write stats: {e}", path.display()))?;
    }
    if !args.quiet {
        eprintln!(
            "zhnews clean: {} document{}, {} error{}, {mb:.2} MB in {secs:.2} s ({:.1} MB/s){}{}",
            summary.documents,
            if summary.documents == 1 { "" } else { "s" },
            summary.errors,
            if summary.errors == 1 { "" } else { "s" },
            mb / secs,
            if skipped_total > 0 {
                let reasons: Vec<String> =
                    skipped.iter().map(|(k, n)| format!("{k} {n}")).collect();
                format!(
                    "; {skipped_total} archive records were not documents ({})",
                    reasons.join(", ")
                )
            } else {
                String::new()
            },
            if stopped {
                "; stopped at the first failure (--strict)"
            } else {
                ""
            }
        );
    }
    Ok(if summary.errors > 0 && !args.exit_zero {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn open_sink(args: &Args) -> Result<Sink, String> {
    let Some(path) = &args.output else {
        if args.shard_size.is_some() {
            return Err("--shard-size needs -o DIR".into());
        }
        return Ok(Sink::stdout());
    };
    let as_dir = path.is_dir() || path.to_string_lossy().ends_with('/');
    if as_dir {
        if matches!(args.format, Format::Md | Format::Text) {
            return Err("-o DIR writes JSON Lines shards; use --format jsonl or dolma".into());
        }
        let writer = ShardWriter::new(path, args.compress, args.shard_size)
            .map_err(|e| format!("{}: cannot create folder: {e}", path.display()))?;
        Ok(Sink::Shards(Box::new(writer)))
    } else {
        if args.shard_size.is_some() {
            return Err(
                "--shard-size needs -o DIR (an existing folder or a path ending in /)".into(),
            );
        }
        Sink::file(path, args.compress)
            .map_err(|e| format!("{}: cannot create: {e}", path.display()))
    }
}

fn build_pool(jobs: Option<usize>) -> Result<rayon::ThreadPool, String> {
    // Without --jobs, rayon reads RAYON_NUM_THREADS and falls back to the available cores.
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(jobs) = jobs {
        if jobs == 0 {
            return Err("--jobs must be at least 1".into());
        }
        builder = builder.num_threads(jobs);
    }
    builder
        .build()
        .map_err(|e| format!("cannot start worker threads: {e}"))
}

/// `added` for dolma records: SOURCE_DATE_EPOCH when set (reproducible builds of a corpus),
/// else the start of the run. Fixed once per run, so output never depends on `--jobs`.
fn run_timestamp() -> String {
    let epoch = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok());
    let time = epoch
        .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
        .unwrap_or_else(chrono::Utc::now);
    time.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Cleans one document and appends its record to `text`, which the outcome hands back.
fn process(
    item: Result<Doc, BadDoc>,
    options: &Options,
    format: Format,
    added: &str,
    mut text: Vec<u8>,
) -> Outcome {
    let doc = match item {
        Ok(doc) => doc,
        Err(bad) => {
            let message = format!("{}: {}", bad.source, bad.message);
            render_error(
                &bad.source,
                bad.id.as_deref(),
                bad.kind,
                &message,
                format,
                &mut text,
            );
            return Outcome {
                text,
                bytes: 0,
                error_kind: Some(bad.kind.to_string()),
                file: bad.file,
            };
        }
    };
    let mut input = Input::new(&doc.bytes).source(&doc.source);
    if let Some(id) = &doc.id {
        input = input.id(id);
    }
    if let Some(label) = &doc.encoding {
        input = input.declared_encoding(label);
    }
    if let Some(url) = &doc.url {
        input = input.url(url);
    }
    // One hostile document must not take the batch down with it: a panic becomes its error
    // record and the batch goes on.
    let result = catch_unwind(AssertUnwindSafe(|| Article::from_input(&input, options)));
    let error_kind = match result {
        Ok(Ok(article)) => {
            render(&article, format, added, &mut text);
            None
        }
        Ok(Err(err)) => {
            let message = format!("{}: {err}", doc.source);
            let kind = err.kind();
            render_error(
                &doc.source,
                doc.id.as_deref(),
                kind,
                &message,
                format,
                &mut text,
            );
            Some(kind.to_string())
        }
        Err(_) => {
            let message = format!(
                "{}: internal error while processing this document",
                doc.source
            );
            render_error(
                &doc.source,
                doc.id.as_deref(),
                "internal",
                &message,
                format,
                &mut text,
            );
            Some("internal".into())
        }
    };
    Outcome {
        text,
        bytes: doc.bytes.len(),
        error_kind,
        file: doc.file,
    }
}
