//! `cargo xtask strip …` and `cargo xtask eval`: quality and speed of zhnews-strip on the saved
//! portal pages in `../shared/peers/pages`, side by side with trafilatura.
//!
//! - `eval [--no-peer] [--only SUBSTR] [--show KEY]`: body snippets, titles, publish times,
//!   editors and outlets against the hand-written expectations in `xtask/eval/pages.json`,
//!   for zhnews-strip and (unless `--no-peer`) trafilatura in a scratch venv. `--show KEY`
//!   prints what each side extracted for one page.
//! - `conformance`: the same scoring for zhnews-strip alone (no Python needed).
//! - `peers [--passes N]`: documents/s and MB/s on one core, decode + strip in process, against
//!   trafilatura's extraction timed inside its own process. Re-runs itself in release mode.
//!
//! Every command skips with a message when the pages are absent. Low scores are results, not
//! errors: the commands fail only when the harness itself cannot run.

use anyhow::{Context, Result, bail};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Instant;
use zhnews::encoding::{self, Hint};
use zhnews::strip::{self, Block, InputKind, Options};

use crate::util;

const EXPECTATIONS: &str = "xtask/eval/pages.json";
const HELDOUT_EXPECTATIONS: &str = "xtask/eval/heldout.json";
const PEER_SCRIPT: &str = "xtask/eval/trafilatura_peer.py";
const PEER_PACKAGES: [&str; 2] = ["trafilatura", "lxml_html_clean"];

/// Entry point: `eval`, `conformance`, `peers`.
pub fn run(args: &[String]) -> Result<()> {
    let rest = args.get(1..).unwrap_or_default();
    match args.first().map(String::as_str) {
        Some("eval") => eval(rest, true),
        Some("conformance") => eval(rest, false),
        Some("peers") => peers(rest),
        Some(other) => {
            bail!("zhnews-strip has no xtask workflow {other:?}: use eval, conformance or peers")
        }
        None => bail!("usage: cargo xtask strip <eval|conformance|peers>"),
    }
}

// ---------------------------------------------------------------------------------------------
// Expectations

#[derive(Deserialize)]
struct Expectations {
    pages: BTreeMap<String, Expected>,
}

#[derive(Deserialize)]
struct Expected {
    #[serde(default)]
    url: Option<String>,
    title: String,
    published: String,
    #[serde(default)]
    editors: Vec<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(rename = "with")]
    with_snippets: Vec<String>,
    #[serde(rename = "without")]
    without_snippets: Vec<String>,
}

struct Page {
    key: String,
    path: PathBuf,
    expected: Expected,
}

/// The saved portal pages (`None`, after a message, when they are absent), or with `heldout`
/// the held-out pages, with their expectations file.
fn page_set(heldout: bool) -> Result<Option<(PathBuf, &'static str)>> {
    if heldout {
        return Ok(Some((crate::heldout::pages_dir()?, HELDOUT_EXPECTATIONS)));
    }
    let Some(shared) = util::shared_dir() else {
        println!("strip: ../shared is absent; skipping (set ZHNEWS_SHARED to run)");
        return Ok(None);
    };
    let root = shared.join("peers").join("pages");
    if !root.is_dir() {
        println!("strip: {} is absent; skipping", root.display());
        return Ok(None);
    }
    Ok(Some((root, EXPECTATIONS)))
}

/// The pages and their expectations, or `None` (after a message) when the pages are absent.
fn load_pages(only: Option<&str>, heldout: bool) -> Result<Option<Vec<Page>>> {
    let Some((root, expectations_file)) = page_set(heldout)? else {
        return Ok(None);
    };
    let file = util::workspace_root().join(expectations_file);
    let text = std::fs::read_to_string(&file)
        .with_context(|| format!("cannot read {}", file.display()))?;
    let expectations: Expectations = serde_json::from_str(&text)
        .with_context(|| format!("{}: not a valid expectations file", file.display()))?;
    let mut pages = Vec::new();
    for (key, expected) in expectations.pages {
        if only.is_some_and(|o| !key.contains(o)) {
            continue;
        }
        let path = root.join(&key);
        if !path.is_file() {
            bail!(
                "{}: page listed in {expectations_file} is missing",
                path.display()
            );
        }
        pages.push(Page {
            key,
            path,
            expected,
        });
    }
    if pages.is_empty() {
        bail!("no page matches the filter");
    }
    Ok(Some(pages))
}

// ---------------------------------------------------------------------------------------------
// What an extractor returned for one page, in a shape both sides share.

#[derive(Default, Deserialize)]
struct Extracted {
    #[serde(default)]
    text: String,
    #[serde(default)]
    title: Option<String>,
    /// Raw publish time as the extractor reported it.
    #[serde(default, rename = "date")]
    published: Option<String>,
    /// Editor names; trafilatura has no editor field, so its author stands in (what a user of
    /// it would get when asking "who is responsible for this article").
    #[serde(skip)]
    editors: Vec<String>,
    #[serde(default)]
    author: Option<String>,
    /// 来源 for zhnews-strip; trafilatura's sitename (a different notion, shown for reference).
    #[serde(default, rename = "sitename")]
    source: Option<String>,
    #[serde(skip)]
    error: Option<String>,
}

fn ours(page: &Page, bytes: &[u8]) -> Extracted {
    let decoded = encoding::decode(bytes, Hint::new());
    let options = Options {
        kind: Some(InputKind::HtmlPage),
        url: page.expected.url.clone(),
        ..Default::default()
    };
    match strip::strip(&decoded.text, &options) {
        Ok(out) => Extracted {
            text: body_text(&out.blocks),
            title: out.meta.title,
            published: out.meta.published,
            editors: out.meta.editors,
            author: None,
            source: out.meta.outlet,
            error: None,
        },
        Err(err) => Extracted {
            error: Some(err.to_string()),
            ..Default::default()
        },
    }
}

/// The article body as a reader sees it: headings, paragraphs, lists and quotes; image captions
/// are not body text.
fn body_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut push = |s: &str| {
        out.push_str(s);
        out.push('\n');
    };
    for block in blocks {
        match block {
            Block::Heading { text, .. } => push(text),
            Block::Paragraph(text) | Block::Quote(text) => push(text),
            Block::List { items, .. } => items.iter().for_each(|i| push(i)),
            _ => {}
        }
    }
    out
}

fn trafilatura_extract(pages: &[Page]) -> Result<BTreeMap<String, Extracted>> {
    let out = run_peer(pages, &["extract"])?;
    let mut map: BTreeMap<String, Extracted> = serde_json::from_str(&out)
        .context("trafilatura peer printed something that is not the expected JSON")?;
    for extracted in map.values_mut() {
        extracted.editors = extracted.author.iter().cloned().collect();
    }
    Ok(map)
}

fn run_peer(pages: &[Page], args: &[&str]) -> Result<String> {
    let python = util::venv("trafilatura", &PEER_PACKAGES)?;
    let script = util::workspace_root().join(PEER_SCRIPT);
    let list: Vec<serde_json::Value> = pages
        .iter()
        .map(|p| serde_json::json!({"key": p.key, "path": p.path, "url": p.expected.url}))
        .collect();
    let mut child = Command::new(&python)
        .arg(&script)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .with_context(|| format!("cannot start {}", python.display()))?;
    {
        let stdin = child.stdin.take().context("peer stdin")?;
        serde_json::to_writer(stdin, &list).context("cannot send the page list to the peer")?;
    }
    let output = child.wait_with_output().context("peer did not finish")?;
    if !output.status.success() {
        bail!(
            "{} {} failed with {}",
            python.display(),
            script.display(),
            output.status
        );
    }
    String::from_utf8(output.stdout).context("peer output is not UTF-8")
}

// ---------------------------------------------------------------------------------------------
// Scoring

#[derive(Default)]
struct Score {
    tp: usize,
    fn_: usize,
    fp: usize,
    titles: usize,
    days: usize,
    days_n: usize,
    times: usize,
    times_n: usize,
    editors: usize,
    editors_n: usize,
    spurious_editors: usize,
    sources: usize,
    sources_n: usize,
    errors: usize,
    pages: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// What went wrong on one page, for the failure listing.
#[derive(Default)]
struct Failures {
    missed: Vec<String>,
    leaked: Vec<String>,
    other: Vec<String>,
    /// Kept apart: trafilatura has no 来源 field, so this is listed for zhnews-strip only.
    source: Option<String>,
}

fn score_page(expected: &Expected, got: &Extracted, score: &mut Score) -> Failures {
    let mut f = Failures::default();
    score.pages += 1;
    if let Some(err) = &got.error {
        score.errors += 1;
        f.other.push(format!("error: {err}"));
    }
    let body = squash(&got.text);
    for snippet in &expected.with_snippets {
        if body.contains(&squash(snippet)) {
            score.tp += 1;
        } else {
            score.fn_ += 1;
            f.missed.push(snippet.clone());
        }
    }
    for snippet in &expected.without_snippets {
        if body.contains(&squash(snippet)) {
            score.fp += 1;
            f.leaked.push(snippet.clone());
        }
    }

    if got.title.as_deref().map(normalize_title) == Some(normalize_title(&expected.title)) {
        score.titles += 1;
    } else {
        f.other.push(format!(
            "title {} (want {:?})",
            show(got.title.as_deref()),
            expected.title
        ));
    }

    let want = parse_time(&expected.published);
    let have = got.published.as_deref().and_then(parse_time);
    if let Some(want) = want {
        score.days_n += 1;
        let day_ok = have.is_some_and(|h| h.day == want.day);
        if day_ok {
            score.days += 1;
        }
        let mut time_ok = true;
        if let Some(want_time) = want.time {
            score.times_n += 1;
            time_ok = day_ok && have.and_then(|h| h.time) == Some(want_time);
            if time_ok {
                score.times += 1;
            }
        }
        if !day_ok || !time_ok {
            f.other.push(format!(
                "published {} (want {})",
                show(got.published.as_deref()),
                expected.published
            ));
        }
    }

    let have_editors = name_set(&got.editors);
    if expected.editors.is_empty() {
        if !have_editors.is_empty() {
            score.spurious_editors += 1;
            f.other
                .push(format!("editor {:?} (page shows none)", got.editors));
        }
    } else {
        score.editors_n += 1;
        if have_editors == name_set(&expected.editors) {
            score.editors += 1;
        } else {
            f.other.push(format!(
                "editor {:?} (want {:?})",
                got.editors, expected.editors
            ));
        }
    }

    if let Some(source) = &expected.source {
        score.sources_n += 1;
        let want = squash(source);
        let ok = got
            .source
            .as_deref()
            .map(squash)
            .is_some_and(|h| !h.is_empty() && (h.contains(&want) || want.contains(&h)));
        if ok {
            score.sources += 1;
        } else {
            f.source = Some(format!(
                "source {} (want {source:?})",
                show(got.source.as_deref())
            ));
        }
    }
    f
}

fn show(value: Option<&str>) -> String {
    match value {
        Some(v) => format!("{v:?}"),
        None => "none".to_string(),
    }
}

/// Text with every kind of whitespace removed: extractors differ in how they join inline
/// elements and lines, and Chinese text carries no meaning in spaces.
fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Title comparison that forgives width, quote style and spacing, nothing else: a title with
/// the portal's suffix (`_新浪新闻`) still counts as wrong.
fn normalize_title(title: &str) -> String {
    title
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '“' | '”' | '„' | '″' => '"',
            '‘' | '’' | '′' => '\'',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            other => other,
        })
        .collect()
}

/// Editor names as a set. Labels (责任编辑：, [ ] brackets) are dropped on both sides alike;
/// staff codes are NOT dropped (removing them is part of the job being measured).
fn name_set(names: &[String]) -> std::collections::BTreeSet<String> {
    const LABELS: [&str; 6] = ["责任编辑", "責任編輯", "责编", "責編", "编辑", "編輯"];
    let mut out = std::collections::BTreeSet::new();
    for name in names {
        let mut s: String = name
            .chars()
            .map(|c| {
                if matches!(c, '[' | ']' | '【' | '】' | '(' | ')' | '（' | '）') {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        for label in LABELS {
            s = s.replace(label, " ");
        }
        for part in s.split(|c: char| {
            c.is_whitespace() || matches!(c, '、' | ',' | '，' | ';' | '；' | '/' | ':' | '：')
        }) {
            if !part.is_empty() {
                out.insert(part.to_string());
            }
        }
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Parsed {
    day: (u32, u32, u32),
    time: Option<(u32, u32)>,
}

/// The first date in `text` (YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, YYYY年M月D日, ISO 8601 with `T`)
/// and the time of day right after it (HH:MM[:SS] or H时M分), if any.
fn parse_time(text: &str) -> Option<Parsed> {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if let Some((parsed, _)) = date_at(&chars, i) {
            return Some(parsed);
        }
        i += 1;
    }
    None
}

/// The run of ASCII digits starting at `i` when its length is within `min..=max`.
fn digits(chars: &[char], i: usize, min: usize, max: usize) -> Option<(u32, usize)> {
    let len = chars
        .get(i..)?
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if len < min || len > max {
        return None;
    }
    let value = chars[i..i + len]
        .iter()
        .fold(0u32, |acc, c| acc * 10 + c.to_digit(10).unwrap_or(0));
    Some((value, i + len))
}

fn date_at(chars: &[char], i: usize) -> Option<(Parsed, usize)> {
    if i > 0 && chars[i - 1].is_ascii_digit() {
        return None;
    }
    let (year, j) = digits(chars, i, 4, 4)?;
    let sep = *chars.get(j)?;
    if !matches!(sep, '-' | '/' | '.' | '年') {
        return None;
    }
    let (month, k) = digits(chars, j + 1, 1, 2)?;
    let sep2 = *chars.get(k)?;
    let ok = match sep {
        '年' => sep2 == '月',
        other => sep2 == other,
    };
    if !ok {
        return None;
    }
    let (day, mut m) = digits(chars, k + 1, 1, 2)?;
    if chars.get(m) == Some(&'日') {
        m += 1;
    }
    if !(1900..=2100).contains(&year) || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    while m < chars.len() && (chars[m].is_whitespace() || chars[m] == 'T') {
        m += 1;
    }
    let time = time_at(chars, m);
    Some((
        Parsed {
            day: (year, month, day),
            time,
        },
        m,
    ))
}

fn time_at(chars: &[char], i: usize) -> Option<(u32, u32)> {
    let (hour, j) = digits(chars, i, 1, 2)?;
    let sep = *chars.get(j)?;
    if !matches!(sep, ':' | '：' | '时' | '點' | '点') {
        return None;
    }
    let (minute, _) = digits(chars, j + 1, 2, 2)?;
    (hour < 24 && minute < 60).then_some((hour, minute))
}

// ---------------------------------------------------------------------------------------------
// eval / conformance

fn eval(args: &[String], with_peer: bool) -> Result<()> {
    let mut with_peer = with_peer;
    let mut only = None;
    let mut show_key = None;
    let mut heldout = false;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--no-peer" => with_peer = false,
            "--heldout" => heldout = true,
            "--only" => only = Some(it.next().context("--only needs a value")?.clone()),
            "--show" => show_key = Some(it.next().context("--show needs a page key")?.clone()),
            other => bail!(
                "unknown argument {other:?}: use --no-peer, --heldout, --only SUBSTR, --show KEY"
            ),
        }
    }
    let Some(pages) = load_pages(only.as_deref().or(show_key.as_deref()), heldout)? else {
        return Ok(());
    };

    let mut our_results = Vec::with_capacity(pages.len());
    for page in &pages {
        let bytes = std::fs::read(&page.path)
            .with_context(|| format!("cannot read {}", page.path.display()))?;
        // A panic is a defect of the crate on that page, reported like an error, not a crash
        // of the whole evaluation.
        let got = std::panic::catch_unwind(|| ours(page, &bytes)).unwrap_or_else(|_| Extracted {
            error: Some("panicked".to_string()),
            ..Default::default()
        });
        our_results.push(got);
    }
    let peer = if with_peer {
        Some(trafilatura_extract(&pages)?)
    } else {
        None
    };

    if let Some(key) = &show_key {
        for (page, got) in pages.iter().zip(&our_results) {
            if &page.key == key {
                print_extracted("zhnews-strip", got);
                if let Some(got) = peer.as_ref().and_then(|p| p.get(key)) {
                    print_extracted("trafilatura", got);
                }
            }
        }
    }

    let mut ours_score = Score::default();
    let mut peer_score = Score::default();
    let mut lines = Vec::new();
    for (page, got) in pages.iter().zip(&our_results) {
        let f = score_page(&page.expected, got, &mut ours_score);
        lines.extend(failure_line(&page.key, "ours", &f, true));
        if let Some(peer) = &peer {
            let empty = Extracted::default();
            let got = peer.get(&page.key).unwrap_or(&empty);
            let f = score_page(&page.expected, got, &mut peer_score);
            lines.extend(failure_line(&page.key, "traf", &f, false));
        }
    }

    println!(
        "\nzhnews-strip body and metadata quality on {} {} portal pages",
        pages.len(),
        if heldout { "held-out" } else { "saved" }
    );
    println!(
        "(expectations: {}; snippets: must-have found = TP, missing = FN, boilerplate found = FP)\n",
        if heldout {
            HELDOUT_EXPECTATIONS
        } else {
            EXPECTATIONS
        }
    );
    print_table(&ours_score, peer.as_ref().map(|_| &peer_score));
    if !lines.is_empty() {
        println!(
            "\nper-page failures (missed = must-have snippet not in body, leaked = boilerplate in body):"
        );
        for line in &lines {
            println!("{line}");
        }
    }
    Ok(())
}

fn print_extracted(who: &str, got: &Extracted) {
    println!("== {who}");
    println!("title:     {}", show(got.title.as_deref()));
    println!("published: {}", show(got.published.as_deref()));
    println!("editors:   {:?}", got.editors);
    println!("source:    {}", show(got.source.as_deref()));
    if let Some(err) = &got.error {
        println!("error:     {err}");
    }
    println!("body:\n{}", got.text);
}

fn failure_line(key: &str, who: &str, f: &Failures, with_source: bool) -> Option<String> {
    let mut parts = Vec::new();
    if !f.missed.is_empty() {
        parts.push(format!("missed {:?}", f.missed));
    }
    if !f.leaked.is_empty() {
        parts.push(format!("leaked {:?}", f.leaked));
    }
    parts.extend(f.other.iter().cloned());
    if with_source {
        parts.extend(f.source.iter().cloned());
    }
    (!parts.is_empty()).then(|| format!("  {key} [{who}] {}", parts.join("; ")))
}

/// One line of the results table: how to print a score.
type Row = fn(&Score) -> String;

fn print_table(ours: &Score, peer: Option<&Score>) {
    let rows: [(&str, Row); 11] = [
        ("body F1", |s| format!("{:.3}", s.f1())),
        ("body precision", |s| format!("{:.3}", s.precision())),
        ("body recall", |s| format!("{:.3}", s.recall())),
        ("snippets TP/FN/FP", |s| {
            format!("{}/{}/{}", s.tp, s.fn_, s.fp)
        }),
        ("titles", |s| format!("{}/{}", s.titles, s.pages)),
        ("publish day", |s| format!("{}/{}", s.days, s.days_n)),
        ("publish time of day", |s| {
            format!("{}/{}", s.times, s.times_n)
        }),
        ("editor (责任编辑)", |s| {
            format!("{}/{}", s.editors, s.editors_n)
        }),
        ("editor where page has none", |s| {
            format!("{} wrong", s.spurious_editors)
        }),
        ("source (来源)¹", |s| {
            format!("{}/{}", s.sources, s.sources_n)
        }),
        ("pages with errors", |s| s.errors.to_string()),
    ];
    match peer {
        Some(peer) => {
            println!("{:<28} {:>14} {:>14}", "", "zhnews-strip", "trafilatura");
            for (name, f) in &rows {
                println!("{name:<28} {:>14} {:>14}", f(ours), f(peer));
            }
            println!(
                "¹ trafilatura reports a site name, not the 来源 outlet; its editor column is its author field."
            );
        }
        None => {
            println!("{:<28} {:>14}", "", "zhnews-strip");
            for (name, f) in &rows {
                println!("{name:<28} {:>14}", f(ours));
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// peers: speed

fn peers(args: &[String]) -> Result<()> {
    let mut passes = 5usize;
    let mut with_peer = true;
    let mut heldout = false;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--no-peer" => with_peer = false,
            "--heldout" => heldout = true,
            "--passes" => {
                passes = it
                    .next()
                    .context("--passes needs a number")?
                    .parse()
                    .context("--passes needs a number")?
            }
            other => bail!("unknown argument {other:?}: use --passes N, --no-peer, --heldout"),
        }
    }
    let Some(pages) = load_pages(None, heldout)? else {
        return Ok(());
    };
    // A debug build would measure the compiler's opt-level, not the crate: re-run in release.
    if cfg!(debug_assertions) {
        println!("strip peers: rebuilding xtask in release mode for timing…");
        let mut cmd = util::cargo();
        cmd.args([
            "run",
            "--quiet",
            "--release",
            "--package",
            "xtask",
            "--",
            "strip",
            "peers",
            "--passes",
        ]);
        cmd.arg(passes.to_string());
        if !with_peer {
            cmd.arg("--no-peer");
        }
        if heldout {
            cmd.arg("--heldout");
        }
        return util::run_cmd(&mut cmd);
    }

    let mut blobs = Vec::with_capacity(pages.len());
    for page in &pages {
        blobs.push(
            std::fs::read(&page.path)
                .with_context(|| format!("cannot read {}", page.path.display()))?,
        );
    }
    let total_bytes: usize = blobs.iter().map(Vec::len).sum();

    // One untimed pass warms caches and lazily built tables, as the peer's import does.
    let mut sink = 0usize;
    for (page, bytes) in pages.iter().zip(&blobs) {
        sink += ours(page, bytes).text.len();
    }
    let mut ours_secs = Vec::with_capacity(2 * passes);
    let mut decode_secs = Vec::with_capacity(2 * passes);
    let mut page_secs = vec![f64::INFINITY; pages.len()];
    let mut ours_cpu_total = Some(0.0);
    // Our passes run before and again after the peer's, so that a slow spell of the shared
    // machine during one half cannot decide the ratio.
    let mut run_ours = |sink: &mut usize| {
        let cpu_start = cpu_seconds();
        for _ in 0..passes {
            let mut decoding = 0.0;
            let start = Instant::now();
            for (i, (page, bytes)) in pages.iter().zip(&blobs).enumerate() {
                let t = Instant::now();
                let decoded = encoding::decode(bytes, Hint::new());
                decoding += t.elapsed().as_secs_f64();
                let options = Options {
                    kind: Some(InputKind::HtmlPage),
                    url: page.expected.url.clone(),
                    ..Default::default()
                };
                if let Ok(out) = strip::strip(&decoded.text, &options) {
                    *sink += out.blocks.len();
                }
                page_secs[i] = page_secs[i].min(t.elapsed().as_secs_f64());
            }
            ours_secs.push(start.elapsed().as_secs_f64());
            decode_secs.push(decoding);
        }
        // the clock ticks in 1/100 s: read over all passes together, then averaged
        ours_cpu_total = match (ours_cpu_total, cpu_start, cpu_seconds()) {
            (Some(total), Some(a), Some(b)) => Some(total + (b - a)),
            _ => None,
        };
    };
    run_ours(&mut sink);
    #[derive(Deserialize)]
    struct PeerBench {
        docs: usize,
        bytes: usize,
        seconds: Vec<f64>,
        #[serde(default)]
        cpu_seconds: Vec<f64>,
    }
    let peer_s = if with_peer {
        let out = run_peer(&pages, &["bench", &passes.to_string()])?;
        let peer: PeerBench = serde_json::from_str(&out)
            .context("trafilatura bench output is not the expected JSON")?;
        if peer.docs != pages.len() || peer.bytes != total_bytes {
            bail!(
                "trafilatura saw {} pages / {} bytes, we saw {} / {}",
                peer.docs,
                peer.bytes,
                pages.len(),
                total_bytes
            );
        }
        let cpu = (!peer.cpu_seconds.is_empty())
            .then(|| peer.cpu_seconds.iter().sum::<f64>() / peer.cpu_seconds.len() as f64);
        Some((best(&peer.seconds), cpu))
    } else {
        None
    };
    if peer_s.is_some() {
        run_ours(&mut sink);
    }
    std::hint::black_box(sink);
    let ours_cpu = ours_cpu_total.map(|total| total / ours_secs.len() as f64);
    let ours_s = best(&ours_secs);
    let n = pages.len() as f64;
    let mb = total_bytes as f64 / 1e6;
    println!(
        "\nstrip speed: {} pages, {:.2} MB, one thread each, best of {} passes{} (the machine is shared; the fastest pass is the least disturbed)",
        pages.len(),
        mb,
        ours_secs.len(),
        if peer_s.is_some() {
            ", ours half before and half after the peer's"
        } else {
            ""
        }
    );
    println!(
        "{:<34} {:>12} {:>10} {:>10}",
        "", "docs/s", "MB/s", "s/pass"
    );
    println!(
        "{:<34} {:>12.1} {:>10.2} {:>10.4}",
        "zhnews decode+strip (Rust)",
        n / ours_s,
        mb / ours_s,
        ours_s
    );
    let dec_s = best(&decode_secs);
    println!(
        "{:<34} {:>12.1} {:>10.2} {:>10.4}",
        "  of which decode alone",
        n / dec_s,
        mb / dec_s,
        dec_s
    );
    if let Some((peer_s, _)) = peer_s {
        println!(
            "{:<34} {:>12.1} {:>10.2} {:>10.4}",
            "trafilatura bare_extraction (Py)",
            n / peer_s,
            mb / peer_s,
            peer_s
        );
        println!(
            "{:<34} {:>12.1}×",
            "ratio (zhnews / trafilatura)",
            peer_s / ours_s
        );
    }
    // CPU time is what one core spends whatever else the machine runs; mean per pass
    println!(
        "\nCPU time per pass (mean of all passes; the wall figures above are the fastest pass)"
    );
    if let Some(cpu) = ours_cpu.filter(|&c| c > 0.0) {
        println!(
            "{:<34} {:>12.1} {:>10.2} {:>10.4}",
            "zhnews decode+strip (Rust)",
            n / cpu,
            mb / cpu,
            cpu
        );
        if let Some((_, Some(peer_cpu))) = peer_s {
            println!(
                "{:<34} {:>12.1} {:>10.2} {:>10.4}",
                "trafilatura bare_extraction (Py)",
                n / peer_cpu,
                mb / peer_cpu,
                peer_cpu
            );
            println!(
                "{:<34} {:>12.1}×",
                "ratio (zhnews / trafilatura)",
                peer_cpu / cpu
            );
        }
    } else {
        println!("  (this system does not report process CPU time)");
    }
    let mut slowest: Vec<(f64, &Page, usize)> = page_secs
        .iter()
        .zip(&pages)
        .zip(&blobs)
        .map(|((s, p), b)| (*s, p, b.len()))
        .collect();
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    println!("\nslowest pages for zhnews (best of all passes):");
    for (secs, page, len) in slowest.iter().take(5) {
        println!(
            "  {:>8.2} ms  {:>6} KiB  {}",
            secs * 1e3,
            len / 1024,
            page.key
        );
    }
    Ok(())
}

/// CPU time (user + system) this process has used, from `/proc/self/stat`, in seconds.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // fields after the parenthesised command name; utime and stime are the 12th and 13th
    let rest = stat.rsplit_once(')')?.1;
    let mut fields = rest.split_ascii_whitespace().skip(11);
    let utime: f64 = fields.next()?.parse().ok()?;
    let stime: f64 = fields.next()?.parse().ok()?;
    // USER_HZ is 100 on every Linux ABI that Rust targets
    Some((utime + stime) / 100.0)
}

fn best(values: &[f64]) -> f64 {
    values.iter().copied().fold(f64::INFINITY, f64::min)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_usual_shapes() {
        let p = |s| parse_time(s).map(|p| (p.day, p.time));
        assert_eq!(
            p("2019-09-07 13:43:45"),
            Some(((2019, 9, 7), Some((13, 43))))
        );
        assert_eq!(
            p("2019-09-07T13:43:45+08:00"),
            Some(((2019, 9, 7), Some((13, 43))))
        );
        assert_eq!(
            p("2019年09月07日 04:04"),
            Some(((2019, 9, 7), Some((4, 4))))
        );
        assert_eq!(
            p("2016年10月14日07:17"),
            Some(((2016, 10, 14), Some((7, 17))))
        );
        assert_eq!(
            p("发布时间：2019-9-5 9:38:01 来源：某报"),
            Some(((2019, 9, 5), Some((9, 38))))
        );
        assert_eq!(p("2020-01-02"), Some(((2020, 1, 2), None)));
        assert_eq!(p("2012/06/04 09:20"), Some(((2012, 6, 4), Some((9, 20)))));
        assert_eq!(p("10-08 12:00"), None);
        assert_eq!(p("12019-09-07"), None);
    }

    #[test]
    fn names_ignore_labels_but_not_staff_codes() {
        let set = |v: &[&str]| name_set(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(set(&["责任编辑：张迪"]), set(&["张迪"]));
        assert_eq!(set(&["汤诗瑶、丁涛"]), set(&["汤诗瑶", "丁涛"]));
        assert_ne!(set(&["杨倩_NF4425"]), set(&["杨倩"]));
        assert_ne!(set(&["韩保林 PK155"]), set(&["韩保林"]));
    }

    #[test]
    fn titles_forgive_width_and_quotes_only() {
        assert_eq!(
            normalize_title("60万\"12306账号\"外泄? 中铁总"),
            normalize_title("60万“12306账号”外泄？中铁总")
        );
        assert_ne!(normalize_title("标题_新浪新闻"), normalize_title("标题"));
    }

    #[test]
    fn snippet_scoring_counts_tp_fn_fp() {
        let expected = Expected {
            url: None,
            title: "河畔新桥通车".into(),
            published: "2024-04-09 10:30".into(),
            editors: vec!["林小溪".into()],
            source: Some("某某日报".into()),
            with_snippets: vec!["全长一千二百米".into(), "不在正文里".into()],
            without_snippets: vec!["责任编辑".into()],
        };
        let got = Extracted {
            text: "河畔新桥今日通车，全长 一千二百米。\n责任编辑：林小溪".into(),
            title: Some("河畔新桥通车".into()),
            published: Some("2024年04月09日 10:30".into()),
            editors: vec!["林小溪".into()],
            source: Some("某某日报".into()),
            ..Default::default()
        };
        let mut score = Score::default();
        let f = score_page(&expected, &got, &mut score);
        assert_eq!((score.tp, score.fn_, score.fp), (1, 1, 1));
        assert_eq!(
            (
                score.titles,
                score.days,
                score.times,
                score.editors,
                score.sources
            ),
            (1, 1, 1, 1, 1)
        );
        assert_eq!(f.missed, vec!["不在正文里".to_string()]);
        assert_eq!(f.leaked, vec!["责任编辑".to_string()]);
    }
}
