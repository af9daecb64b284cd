//! Properties: emitted values read back equal, and no input panics or recurses unbounded.

use proptest::prelude::*;
use std::borrow::Cow;
use zhnews_frontmatter::{Map, Value, parse_yaml, split};

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9港口新闻记者 ]{0,12}",
        "[-a-z0-9 :#'\"\\\\\n\t,\\[\\]{}&*!|>%@`?.~+]{0,12}",
        Just("true".to_string()),
        Just("null".to_string()),
        Just("12".to_string()),
        Just("---".to_string()),
        Just("1e5".to_string()),
        any::<String>(),
    ]
}

fn value() -> impl Strategy<Value = Value<'static>> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::Int),
        any::<f64>()
            .prop_filter("NaN equals nothing", |f| !f.is_nan())
            .prop_map(Value::Float),
        text().prop_map(|s| Value::String(Cow::Owned(s))),
    ];
    leaf.prop_recursive(4, 48, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Seq),
            prop::collection::vec((text(), inner), 0..5).prop_map(|entries| {
                Value::Map(
                    entries
                        .into_iter()
                        .map(|(k, v)| (Cow::Owned(k), v))
                        .collect::<Map<'static>>(),
                )
            }),
        ]
    })
}

fn yamlish() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ \n\t:#\\-?'\"\\\\\\[\\]{},&*!|>a-c0-9.%@]{0,80}",
        "([ ]{0,4}([a-c]{1,3}: ?|- |[a-c\"'\\[\\]{},]{1,4}|[|>][-+1-3]?|&a |\\*a|#c)[\n]?){0,12}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn emitted_yaml_reads_back_equal(v in value()) {
        let doc = v.to_yaml();
        let back = parse_yaml(&doc).map_err(|e| TestCaseError::fail(format!("{e}\n{doc}")))?;
        prop_assert_eq!(&back, &v, "emitted:\n{}", doc);
        let fm = v.to_yaml_front_matter() + "正文";
        let parts = split(&fm);
        let parsed = parts.front_matter.map(|f| f.parse());
        prop_assert_eq!(parsed, Some(Ok(v.clone())));
        prop_assert_eq!(parts.body, "正文");
    }

    #[test]
    fn arbitrary_input_never_panics(src in yamlish()) {
        match parse_yaml(&src) {
            Ok(v) => {
                // Whatever parses also survives a round trip through the emitter.
                let nan = format!("{v:?}").contains("NaN");
                if !nan {
                    let doc = v.to_yaml();
                    prop_assert_eq!(parse_yaml(&doc).ok(), Some(v), "emitted:\n{}", doc);
                }
            }
            Err(e) => {
                prop_assert!(e.line() >= 1 && e.column() >= 1);
                prop_assert!(e.offset() <= src.len());
            }
        }
        let doc = format!("\n---\n{src}\n---\nbody");
        let parts = split(&doc);
        if let Some(fm) = parts.front_matter {
            prop_assert_eq!(&doc[fm.span.start..fm.span.end], fm.raw);
            let _ = fm.parse();
        }
    }

    #[test]
    fn deep_flow_nesting_is_an_error_not_a_crash(depth in 129usize..5000, open in prop::sample::select(vec!['[', '{'])) {
        let src: String = std::iter::repeat_n(open, depth).collect();
        prop_assert!(parse_yaml(&src).is_err());
    }
}
