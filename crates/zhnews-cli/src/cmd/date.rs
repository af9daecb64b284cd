//! `zhnews date`: one date expression or timestamp per stdin line → one JSON object per line.

use chrono::{DateTime, FixedOffset};
use std::io::{self, BufRead, Write};
use std::process::ExitCode;

/// Arguments of `zhnews date`.
///
/// Each line of stdin becomes `{"text", "start", "end", "precision"}` (RFC 3339 strings): a
/// line that is a whole timestamp is parsed as one; otherwise the first date expression in the
/// line is resolved against the anchor. Nothing recognised gives `"start": null` and exit
/// code 1 at the end.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The moment the text speaks from, RFC 3339 (`2024-04-10T08:57:34+08:00`).
    #[arg(long, value_parser = parse_anchor)]
    pub anchor: DateTime<FixedOffset>,
    /// Offset for resolving expressions and for timestamps that name none.
    #[arg(long, default_value = "+08:00", value_parser = parse_offset)]
    pub tz: FixedOffset,
}

fn parse_anchor(s: &str) -> Result<DateTime<FixedOffset>, String> {
    DateTime::parse_from_rfc3339(s)
        .map_err(|e| format!("{e}; expected RFC 3339 like 2024-04-10T08:57:34+08:00"))
}

fn parse_offset(s: &str) -> Result<FixedOffset, String> {
    s.parse::<FixedOffset>()
        .map_err(|e| format!("{e}; expected an offset like +08:00"))
}

/// Runs `zhnews date`.
pub fn run(args: Args) -> ExitCode {
    let anchor = args.anchor.with_timezone(&args.tz);
    let stdin = io::stdin();
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut unrecognised = 0usize;
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = match line {
            Ok(line) => line,
            Err(err) => {
                eprintln!(
                    "zhnews date: stdin line {}: cannot read: {err}; the input must be UTF-8",
                    n + 1
                );
                return ExitCode::from(2);
            }
        };
        let record = resolve_line(n + 1, line.trim_end_matches('\r'), anchor, args.tz);
        if record["start"].is_null() && !line.trim().is_empty() {
            unrecognised += 1;
        }
        if let Err(err) = writeln!(out, "{record}") {
            if err.kind() == io::ErrorKind::BrokenPipe {
                return ExitCode::SUCCESS;
            }
            eprintln!("zhnews date: stdout: cannot write: {err}");
            return ExitCode::from(2);
        }
    }
    if let Err(err) = out.flush()
        && err.kind() != io::ErrorKind::BrokenPipe
    {
        eprintln!("zhnews date: stdout: cannot write: {err}");
        return ExitCode::from(2);
    }
    if unrecognised > 0 {
        eprintln!(
            "zhnews date: stdin: {unrecognised} line(s) held no date or time that could be resolved (start is null)"
        );
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

fn resolve_line(
    n: usize,
    line: &str,
    anchor: DateTime<FixedOffset>,
    tz: FixedOffset,
) -> serde_json::Value {
    let nothing = |text: &str| serde_json::json!({"text": text, "start": null, "end": null, "precision": null});
    match zhnews_date::resolve(line, anchor, tz) {
        Ok(Some(r)) => serde_json::json!({
            "text": r.text,
            "start": r.start.to_rfc3339(),
            "end": r.end.to_rfc3339(),
            "precision": r.precision.to_string(),
        }),
        Ok(None) => nothing(line.trim()),
        // A whole-line timestamp that contradicts itself is reported, not re-read as text.
        Err(err) => {
            eprintln!("zhnews date: stdin line {n}: {err}");
            nothing(line.trim())
        }
    }
}
