#![no_main]
//! Fuzz target for zhnews-frontmatter: splitting and parsing never panic, errors point inside
//! the input, and whatever parses survives an emit/parse round trip.

use libfuzzer_sys::fuzz_target;
use zhnews_frontmatter::{Value, parse_yaml, split};

fn has_nan(v: &Value<'_>) -> bool {
    match v {
        Value::Float(f) => f.is_nan(),
        Value::Seq(items) => items.iter().any(has_nan),
        Value::Map(map) => map.iter().any(|(_, v)| has_nan(v)),
        _ => false,
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let parts = split(text);
    if let Some(fm) = &parts.front_matter {
        assert_eq!(&text[fm.span.start..fm.span.end], fm.raw);
        if let Err(err) = fm.parse() {
            assert!(err.offset() <= text.len());
        }
    }
    match parse_yaml(text) {
        Ok(value) => {
            if !has_nan(&value) {
                let emitted = value.to_yaml();
                let again = parse_yaml(&emitted).expect("emitted YAML parses");
                assert_eq!(again, value, "round trip through {emitted:?}");
            }
        }
        Err(err) => {
            assert!(err.offset() <= text.len());
            assert!(err.line() >= 1);
        }
    }
});
