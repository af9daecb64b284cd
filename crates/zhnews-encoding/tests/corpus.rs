//! Accuracy on the project's own test set (see `common/mod.rs`): at least 99% of documents must
//! decode to exactly the text that was encoded. Run with `--nocapture` for the per-form table,
//! every failure, and the chardetng-alone baseline on the same set.

mod common;

use std::collections::BTreeMap;
use zhnews_encoding::{Hint, decode};

/// chardetng with encoding_rs and nothing else: BOM sniffing, then chardetng's guess (UTF-8
/// allowed) over the whole input.
fn chardetng_alone(bytes: &[u8]) -> String {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let guess = detector.guess(None, true);
    let (text, _, _) = guess.decode(bytes);
    text.into_owned()
}

#[test]
fn at_least_99_percent_exact() {
    let cases = common::cases();
    assert!(cases.len() >= 1000, "the set has {} cases", cases.len());
    let mut exact = 0usize;
    let mut right_encoding = 0usize;
    let mut baseline = 0usize;
    let mut per_form: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    for case in &cases {
        let decoded = decode(&case.bytes, Hint::new());
        let ok = decoded.text == case.expected;
        let enc_ok = decoded.encoding == case.encoding;
        let base_ok = chardetng_alone(&case.bytes) == case.expected;
        exact += usize::from(ok);
        right_encoding += usize::from(enc_ok);
        baseline += usize::from(base_ok);
        let entry = per_form.entry(case.form).or_default();
        entry.0 += 1;
        entry.1 += usize::from(ok);
        entry.2 += usize::from(base_ok);
        if !ok || !enc_ok {
            failures.push(format!(
                "{}: got {} ({}), expected {}; warnings: {:?}",
                case.name,
                decoded.encoding_name(),
                decoded.chosen_by,
                zhnews_encoding::encoding_name(case.encoding),
                decoded
                    .warnings
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
            ));
        }
    }
    let n = cases.len();
    let pct = |k: usize| 100.0 * k as f64 / n as f64;
    println!("form                              cases  zhnews  chardetng-alone");
    for (form, (total, ok, base)) in &per_form {
        println!("{form:<33} {total:>5}  {ok:>6}  {base:>6}");
    }
    println!(
        "exact text: {exact}/{n} ({:.2}%); right encoding: {right_encoding}/{n} ({:.2}%); \
         chardetng alone exact: {baseline}/{n} ({:.2}%)",
        pct(exact),
        pct(right_encoding),
        pct(baseline)
    );
    for f in &failures {
        println!("FAIL {f}");
    }
    assert!(
        exact * 100 >= n * 99,
        "only {exact}/{n} exact; failures:\n{}",
        failures.join("\n")
    );
}

#[test]
fn declared_hint_gives_declared_for_every_legacy_case() {
    for case in common::cases().iter().filter(|c| c.form == "legacy") {
        let label = zhnews_encoding::encoding_name(case.encoding);
        let decoded = decode(&case.bytes, Hint::new().declared(label));
        assert_eq!(decoded.text, case.expected, "{}", case.name);
        assert_eq!(
            decoded.chosen_by,
            zhnews_encoding::ChosenBy::Declared,
            "{}",
            case.name
        );
    }
}

/// Whether a Big5 byte pair lies outside standard Big5 (in the HKSCS additions).
fn is_hkscs_pair(lead: u8, trail: u8) -> bool {
    lead < 0xA1
        || (lead == 0xC6 && trail >= 0xA1)
        || lead == 0xC7
        || lead == 0xC8
        || (lead == 0xF9 && trail > 0xD5)
        || lead >= 0xFA
}

#[test]
fn hkscs_cases_really_use_hkscs_bytes() {
    for s in common::HKSCS {
        let (bytes, _) = common::legacy(s, common::Family::Traditional);
        let mut i = 0;
        let mut found = false;
        while i < bytes.len() {
            if bytes[i] < 0x80 {
                i += 1;
                continue;
            }
            found |= is_hkscs_pair(bytes[i], bytes[i + 1]);
            i += 2;
        }
        assert!(found, "{s} has no HKSCS character");
    }
}

#[test]
fn gb18030_cases_really_use_four_byte_sequences() {
    for s in common::GB18030_RARE {
        let (bytes, _) = common::legacy(s, common::Family::Simplified);
        assert!(
            bytes
                .windows(2)
                .any(|w| w[0] >= 0x81 && (0x30..=0x39).contains(&w[1])),
            "{s}"
        );
    }
}
