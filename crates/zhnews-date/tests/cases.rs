//! The hand-written test set in `tests/cases.tsv`: every convention of the crate, checked as
//! `zhnews date` reads a line (a whole-line timestamp first, else the first mention).

#![allow(clippy::unwrap_used)]

use chrono::{DateTime, FixedOffset};
use std::collections::BTreeMap;
use zhnews_date::{china_offset, resolve};

struct Case<'a> {
    line: usize,
    category: &'a str,
    anchor: DateTime<FixedOffset>,
    input: &'a str,
    /// start, end, precision, local_time; `None` when nothing should be recognised.
    want: Option<(&'a str, &'a str, &'a str, bool)>,
}

fn cases() -> Vec<Case<'static>> {
    let mut out = Vec::new();
    for (n, line) in include_str!("cases.tsv").lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(
            f.len(),
            7,
            "cases.tsv line {}: expected 7 tab-separated fields",
            n + 1
        );
        let anchor = DateTime::parse_from_rfc3339(f[1])
            .unwrap_or_else(|e| panic!("cases.tsv line {}: anchor: {e}", n + 1));
        let want = (f[3] != "-").then(|| (f[3], f[4], f[5], f[6] == "1"));
        out.push(Case {
            line: n + 1,
            category: f[0],
            anchor,
            input: f[2],
            want,
        });
    }
    out
}

/// What `zhnews date` would print for the line: start, end, precision, local_time.
fn evaluate(input: &str, anchor: DateTime<FixedOffset>) -> Option<(String, String, String, bool)> {
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

#[test]
fn test_set_accuracy() {
    let cases = cases();
    assert!(
        cases.len() >= 300,
        "the test set must keep at least 300 cases, has {}",
        cases.len()
    );
    let mut per_category: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    for case in &cases {
        let got = evaluate(case.input, case.anchor);
        let ok = match (&got, case.want) {
            (None, None) => true,
            (Some((s, e, p, l)), Some((ws, we, wp, wl))) => {
                s == ws && e == we && p == wp && *l == wl
            }
            _ => false,
        };
        let entry = per_category.entry(case.category).or_default();
        entry.1 += 1;
        if ok {
            entry.0 += 1;
        } else {
            failures.push(format!(
                "line {} [{}] {:?} @ {}: want {:?}, got {:?}",
                case.line, case.category, case.input, case.anchor, case.want, got
            ));
        }
    }
    for f in &failures {
        println!("FAIL {f}");
    }
    for (cat, (ok, all)) in &per_category {
        println!("{cat:12} {ok:4}/{all:<4}");
    }
    let passed = cases.len() - failures.len();
    let accuracy = passed as f64 / cases.len() as f64;
    println!(
        "accuracy {passed}/{} = {:.1}%",
        cases.len(),
        accuracy * 100.0
    );
    // Every case is expected to pass: a case that cannot yet be met is removed from the set
    // and named in the crate docs, not tolerated here.
    assert!(
        failures.is_empty(),
        "accuracy {:.1}%; failing cases:\n{}",
        accuracy * 100.0,
        failures.join("\n")
    );
}
