//! `cargo xtask date …`: the test set of zhnews-date by category, and the Python peers on it.
//!
//! - `conformance`: our accuracy on `crates/zhnews-date/tests/cases.tsv` by category, with
//!   every failure (the same reading as `zhnews date`: a whole-line timestamp, else the first
//!   mention). There is no third-party date conformance data in `shared/peers`; when
//!   `shared/seeds` is present, the mentions found in each seed are counted as a smoke run.
//! - `peers`: dateparser and JioNLP's `parse_time` (in a scratch venv) on the same test set,
//!   with our figures, in one table: accuracy on the start instant (what every peer returns),
//!   on the whole interval where the peer gives one, and expressions per second. Our speed is
//!   criterion's release-build estimate from the `date` bench (run first when missing).

use crate::util;
use anyhow::{Context, Result, bail};
use serde_json::{Value as Json, json};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use zhnews::date::chrono::{DateTime, Datelike, FixedOffset, TimeZone, Timelike};
use zhnews::date::{china_offset, find_dates, resolve};

/// Entry point: `peers`, `conformance`.
pub fn run(args: &[String]) -> Result<()> {
    match args.first().map(String::as_str) {
        Some("conformance") => conformance(),
        Some("peers") => peers(),
        Some(other) => {
            bail!("zhnews-date has no xtask workflow {other:?}; use peers or conformance")
        }
        None => bail!("usage: cargo xtask date <peers|conformance>"),
    }
}

struct Case {
    line: usize,
    category: String,
    anchor: DateTime<FixedOffset>,
    input: String,
    /// start, end, precision, local_time (RFC 3339 strings as the file has them).
    want: Option<(String, String, String, bool)>,
}

fn cases() -> Result<Vec<Case>> {
    let path = util::workspace_root().join("crates/zhnews-date/tests/cases.tsv");
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read {}", path.display()))?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 7 {
            bail!(
                "{}:{}: expected 7 tab-separated fields, found {}",
                path.display(),
                n + 1,
                f.len()
            );
        }
        let anchor = DateTime::parse_from_rfc3339(f[1])
            .with_context(|| format!("{}:{}: anchor", path.display(), n + 1))?;
        let want = (f[3] != "-").then(|| {
            (
                f[3].to_string(),
                f[4].to_string(),
                f[5].to_string(),
                f[6] == "1",
            )
        });
        out.push(Case {
            line: n + 1,
            category: f[0].to_string(),
            anchor,
            input: f[2].to_string(),
            want,
        });
    }
    Ok(out)
}

/// What `zhnews date` prints for the line.
fn ours(input: &str, anchor: DateTime<FixedOffset>) -> Option<(String, String, String, bool)> {
    resolve(input, anchor, china_offset())
        .ok()
        .flatten()
        .map(|r| {
            (
                r.start.to_rfc3339(),
                r.end.to_rfc3339(),
                r.precision.to_string(),
                r.local_time,
            )
        })
}

fn conformance() -> Result<()> {
    let cases = cases()?;
    let mut per: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    for c in &cases {
        let got = ours(&c.input, c.anchor);
        let ok = got == c.want;
        let e = per.entry(c.category.as_str()).or_default();
        e.1 += 1;
        if ok {
            e.0 += 1;
        } else {
            failures.push(format!(
                "  line {} [{}] {:?} @ {}: want {:?}, got {:?}",
                c.line, c.category, c.input, c.anchor, c.want, got
            ));
        }
    }
    println!(
        "zhnews-date test set (crates/zhnews-date/tests/cases.tsv), start + end + precision + 当地时间 flag:"
    );
    println!(
        "{:<14} {:>7} {:>7} {:>9}",
        "category", "passed", "cases", "accuracy"
    );
    for (cat, (ok, all)) in &per {
        println!(
            "{cat:<14} {ok:>7} {all:>7} {:>8.1}%",
            100.0 * *ok as f64 / *all as f64
        );
    }
    let passed = cases.len() - failures.len();
    println!(
        "{:<14} {passed:>7} {:>7} {:>8.1}%",
        "all",
        cases.len(),
        100.0 * passed as f64 / cases.len() as f64
    );
    if failures.is_empty() {
        println!("no failures");
    } else {
        println!("failures:");
        for f in &failures {
            println!("{f}");
        }
    }
    match util::shared_dir()
        .map(|d| d.join("seeds"))
        .filter(|d| d.is_dir())
    {
        None => println!("shared/seeds not found: skipping the seed smoke run"),
        Some(dir) => {
            let anchor = china_offset()
                .with_ymd_and_hms(2024, 4, 10, 8, 0, 0)
                .single()
                .context("anchor out of range")?;
            let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .collect();
            entries.sort();
            println!("mentions found in shared/seeds (anchor {anchor}):");
            for path in entries {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                let found = find_dates(&text, anchor);
                let shown: Vec<&str> = found.iter().take(6).map(|m| m.text.as_str()).collect();
                println!(
                    "  {:<28} {:>3}  {}",
                    path.file_name().and_then(|n| n.to_str()).unwrap_or("?"),
                    found.len(),
                    shown.join(" | ")
                );
            }
        }
    }
    Ok(())
}

/// Runs each peer on the cases; prints one JSON object on stdout.
const PEERS_PY: &str = r#"
import json, sys, time, datetime
cases = json.load(sys.stdin)
# Peers print banners on import: keep stdout for the result alone.
result_out, sys.stdout = sys.stdout, sys.stderr
out = {}

def tz8(h=8):
    return datetime.timezone(datetime.timedelta(hours=h))

def iso(dt):
    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=tz8())
    return dt.isoformat()

def timed(name, fn):
    res, secs = [], {"ts": 0.0, "expr": 0.0}
    for c in cases:
        t = time.perf_counter()
        try:
            r = fn(c)
        except Exception:
            r = None
        secs["ts" if c["ts"] else "expr"] += time.perf_counter() - t
        res.append(r)
    out[name] = {"results": res, "seconds": secs}

try:
    import dateparser
    from dateparser.search import search_dates
    def dp(c):
        a = c["anchor"]
        st = {"RELATIVE_BASE": datetime.datetime(*a[:6]), "TIMEZONE": "+0800", "RETURN_AS_TIMEZONE_AWARE": True}
        d = dateparser.parse(c["text"], languages=["zh", "en"], settings=st)
        if d is None:
            found = search_dates(c["text"], languages=["zh", "en"], settings=st)
            d = found[0][1] if found else None
        return [iso(d), None] if d else None
    dp(cases[0])
    timed("dateparser", dp)
except ImportError as e:
    out["dateparser"] = {"error": str(e)}

try:
    import jionlp as jio
    def jp(c):
        a = c["anchor"]
        base = dict(zip(["year", "month", "day", "hour", "minute", "second"], a[:6]))
        try:
            r = jio.parse_time(c["text"], time_base=base)
        except Exception:
            found = jio.ner.extract_time(c["text"], time_base=base)
            r = found[0]["detail"] if found else None
        if not r or not isinstance(r.get("time"), list) or len(r["time"]) != 2:
            return None
        s, e = r["time"]
        if not isinstance(s, str) or not isinstance(e, str):
            return None
        sd = datetime.datetime.strptime(s, "%Y-%m-%d %H:%M:%S")
        ed = datetime.datetime.strptime(e, "%Y-%m-%d %H:%M:%S")
        if ed.second == 59:
            ed += datetime.timedelta(seconds=1)  # JioNLP ends are inclusive
        return [iso(sd), iso(ed)]
    jp(cases[0])
    timed("jionlp", jp)
except ImportError as e:
    out["jionlp"] = {"error": str(e)}

json.dump(out, result_out)
"#;

fn instant(s: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(s).ok()
}

fn criterion_file(group: &str, function: &str, file: &str) -> Option<Json> {
    let dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| util::workspace_root().join("target"));
    let path = dir
        .join("criterion")
        .join(group)
        .join(function)
        .join("new")
        .join(file);
    serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()
}

/// Criterion's mean estimate in nanoseconds for `group/function`, when the bench has run.
fn estimate(group: &str, function: &str) -> Option<f64> {
    criterion_file(group, function, "estimates.json")?["mean"]["point_estimate"].as_f64()
}

fn peers() -> Result<()> {
    let cases = cases()?;
    let n_ts = cases.iter().filter(|c| c.category == "ts").count();
    let n_expr = cases.len() - n_ts;
    let payload: Vec<Json> = cases
        .iter()
        .map(|c| {
            let a = c.anchor;
            json!({"text": c.input, "ts": c.category == "ts",
                   "anchor": [a.year(), a.month(), a.day(), a.hour(), a.minute(), a.second()]})
        })
        .collect();
    let python = util::venv("date", &["dateparser", "jionlp"])?;
    let mut child = Command::new(&python)
        .args(["-c", PEERS_PY])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .with_context(|| format!("cannot start {}", python.display()))?;
    child
        .stdin
        .take()
        .context("python stdin")?
        .write_all(serde_json::to_string(&payload)?.as_bytes())?;
    let out = child.wait_with_output()?;
    if !out.status.success() {
        bail!("the peer script failed with {}", out.status);
    }
    let peers: Json =
        serde_json::from_slice(&out.stdout).context("the peer script printed no JSON")?;

    if estimate("date_testset", "expressions").is_none() {
        util::run_cmd(util::cargo().args(["bench", "-p", "zhnews-benches", "--bench", "date"]))?;
    }
    let our_ts = estimate("date_testset", "timestamps").map(|ns| n_ts as f64 / (ns / 1e9));
    let our_expr = estimate("date_testset", "expressions").map(|ns| n_expr as f64 / (ns / 1e9));

    // Scores: start instant (or nothing when nothing is expected); whole interval.
    let score = |got: &[Option<(String, Option<String>)>]| -> (usize, Option<usize>) {
        let mut start_ok = 0;
        let mut interval_ok = 0;
        let mut has_end = false;
        for (c, g) in cases.iter().zip(got) {
            let (s, e) = match (&c.want, g) {
                (None, None) => (true, true),
                (Some(w), Some((gs, ge))) => {
                    let s = instant(&w.0).is_some_and(|x| Some(x) == instant(gs));
                    let e = ge.as_deref().is_some_and(|ge| {
                        has_end = true;
                        instant(&w.1).is_some_and(|x| Some(x) == instant(ge))
                    });
                    (s, s && e)
                }
                _ => (false, false),
            };
            start_ok += usize::from(s);
            interval_ok += usize::from(e);
        }
        (start_ok, has_end.then_some(interval_ok))
    };
    let ours_got: Vec<Option<(String, Option<String>)>> = cases
        .iter()
        .map(|c| ours(&c.input, c.anchor).map(|(s, e, _, _)| (s, Some(e))))
        .collect();
    let n = cases.len() as f64;
    println!(
        "{} cases ({} whole-line timestamps, {} in-text expressions), crates/zhnews-date/tests/cases.tsv",
        cases.len(),
        n_ts,
        n_expr
    );
    println!(
        "{:<12} {:>9} {:>10} {:>14} {:>14} {:>12}",
        "parser", "start ok", "interval", "timestamps/s", "expressions/s", "× slower"
    );
    let (s, i) = score(&ours_got);
    let fmt_rate = |r: Option<f64>| r.map_or("-".to_string(), |r| format!("{r:.0}"));
    println!(
        "{:<12} {:>8.1}% {:>9} {:>14} {:>14} {:>12}",
        "zhnews",
        100.0 * s as f64 / n,
        i.map_or("-".into(), |i| format!("{:.1}%", 100.0 * i as f64 / n)),
        fmt_rate(our_ts),
        fmt_rate(our_expr),
        "1"
    );
    for name in ["jionlp", "dateparser"] {
        let p = &peers[name];
        if let Some(err) = p["error"].as_str() {
            println!("{name:<12} could not be imported: {err}");
            continue;
        }
        let got: Vec<Option<(String, Option<String>)>> = p["results"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|r| {
                        r[0].as_str()
                            .map(|s| (s.to_string(), r[1].as_str().map(str::to_string)))
                    })
                    .collect()
            })
            .unwrap_or_default();
        if got.len() != cases.len() {
            println!(
                "{name:<12} returned {} results for {} cases",
                got.len(),
                cases.len()
            );
            continue;
        }
        let (s, i) = score(&got);
        let ts_rate = p["seconds"]["ts"].as_f64().map(|t| n_ts as f64 / t);
        let expr_rate = p["seconds"]["expr"].as_f64().map(|t| n_expr as f64 / t);
        let ratio = match (our_expr, expr_rate) {
            (Some(o), Some(e)) => format!("{:.0}", o / e),
            _ => "-".into(),
        };
        println!(
            "{name:<12} {:>8.1}% {:>9} {:>14} {:>14} {:>12}",
            100.0 * s as f64 / n,
            i.map_or("-".into(), |i| format!("{:.1}%", 100.0 * i as f64 / n)),
            fmt_rate(ts_rate),
            fmt_rate(expr_rate),
            ratio
        );
    }
    println!(
        "(× slower: our in-text expressions/s over the peer's; ours is a release build, one core)"
    );
    let bytes = criterion_file("date_find_sparse", "zhnews", "benchmark.json")
        .and_then(|j| j["throughput"]["Bytes"].as_f64());
    if let (Some(ns), Some(bytes)) = (estimate("date_find_sparse", "zhnews"), bytes) {
        println!(
            "find_dates on {:.0} KiB of sparse generated article text: {:.0} MB/s",
            bytes / 1024.0,
            bytes / ns * 1e3
        );
    }
    if let (Some(z), Some(c)) = (
        estimate("date_rfc2822", "zhnews"),
        estimate("date_rfc2822", "chrono"),
    ) {
        println!(
            "RFC 2822 timestamps: zhnews {:.2} M/s, chrono {:.2} M/s (4 per iteration)",
            4e3 / z,
            4e3 / c
        );
    }
    Ok(())
}
