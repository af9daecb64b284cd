//! The YAML subset: structure, scalars, schema, anchors, limits and error messages.

use std::borrow::Cow;
use zhnews_frontmatter::{ErrorKind, MAX_ALIAS_NODES, MAX_DEPTH, Map, Value, parse_yaml};

fn s(text: &str) -> Value<'_> {
    Value::String(Cow::Borrowed(text))
}

fn map<'a>(entries: Vec<(&'a str, Value<'a>)>) -> Value<'a> {
    Value::Map(entries.into_iter().collect::<Map<'a>>())
}

fn ok(src: &str) -> Value<'_> {
    match parse_yaml(src) {
        Ok(v) => v,
        Err(e) => panic!("{src:?} failed: {e}"),
    }
}

fn err(src: &str) -> zhnews_frontmatter::Error {
    match parse_yaml(src) {
        Ok(v) => panic!("{src:?} parsed as {v:?}"),
        Err(e) => e,
    }
}

#[test]
fn block_mappings_and_sequences() {
    let v = ok(
        "title: 港口\nmeta:\n  author: 王记者\n  tags:\n    - 经济\n    - 交通\nlist:\n- a\n- b: 1\n  c: 2\n- - x\n  - y\nlast:\n",
    );
    assert_eq!(
        v,
        map(vec![
            ("title", s("港口")),
            (
                "meta",
                map(vec![
                    ("author", s("王记者")),
                    ("tags", Value::Seq(vec![s("经济"), s("交通")]))
                ])
            ),
            (
                "list",
                Value::Seq(vec![
                    s("a"),
                    map(vec![("b", Value::Int(1)), ("c", Value::Int(2))]),
                    Value::Seq(vec![s("x"), s("y")]),
                ])
            ),
            ("last", Value::Null),
        ])
    );
}

#[test]
fn items_at_the_key_indentation_and_one_space_in() {
    let a = ok("categories:\n- 城市\n- 交通\nauthor: 晚报\n");
    let b = ok("categories: \n - 城市\n - 交通\nauthor: 晚报\n");
    assert_eq!(a, b);
    assert_eq!(a.get("author").and_then(Value::as_str), Some("晚报"));
}

#[test]
fn key_order_is_kept() {
    let v = ok("z: 1\na: 2\nm: 3\n");
    let keys: Vec<&str> = v.as_map().expect("map").keys().collect();
    assert_eq!(keys, ["z", "a", "m"]);
}

#[test]
fn flow_collections() {
    let v = ok(
        "a: [1, 二, \"三\", 'four', [x], {k: v}]\nb: {x: 1, y: [], z: {}, w}\nc: [k: v, ]\nd: [\n  多行,\n  值\n]\n",
    );
    assert_eq!(
        v.get("a"),
        Some(&Value::Seq(vec![
            Value::Int(1),
            s("二"),
            s("三"),
            s("four"),
            Value::Seq(vec![s("x")]),
            map(vec![("k", s("v"))]),
        ]))
    );
    assert_eq!(
        v.get("b"),
        Some(&map(vec![
            ("x", Value::Int(1)),
            ("y", Value::Seq(vec![])),
            ("z", map(vec![])),
            ("w", Value::Null)
        ]))
    );
    assert_eq!(
        v.get("c"),
        Some(&Value::Seq(vec![map(vec![("k", s("v"))])]))
    );
    assert_eq!(v.get("d"), Some(&Value::Seq(vec![s("多行"), s("值")])));
    // JSON-style keys may touch their colon.
    assert_eq!(ok("{\"a\":1}"), map(vec![("a", Value::Int(1))]));
    // URLs stay whole inside flow collections.
    assert_eq!(ok("[http://a.cn/x]"), Value::Seq(vec![s("http://a.cn/x")]));
}

#[test]
fn scalar_styles_and_escapes() {
    let v = ok(concat!(
        "plain: 记者 王某 报道\n",
        "single: 'it''s 港口'\n",
        "double: \"tab\\tnl\\nq\\\"bs\\\\ \\x41\\u6E2F\\U0001F600 \\/ \\0\\a\\b\\v\\f\\r\\e\\ \\N\\_\\L\\P\"\n",
        "url: https://img.example.cn/a.jpg?x=1#frag\n",
        "colon: a:b\n",
    ));
    assert_eq!(
        v.get("plain").and_then(Value::as_str),
        Some("记者 王某 报道")
    );
    assert_eq!(v.get("single").and_then(Value::as_str), Some("it's 港口"));
    assert_eq!(
        v.get("double").and_then(Value::as_str),
        Some(
            "tab\tnl\nq\"bs\\ A港😀 / \0\u{7}\u{8}\u{b}\u{c}\r\u{1b} \u{85}\u{a0}\u{2028}\u{2029}"
        )
    );
    assert_eq!(
        v.get("url").and_then(Value::as_str),
        Some("https://img.example.cn/a.jpg?x=1#frag")
    );
    assert_eq!(v.get("colon").and_then(Value::as_str), Some("a:b"));
}

#[test]
fn values_borrow_from_the_input() {
    let v = ok("a: 无需转义\nb: '单引号'\nc: \"双引号\"\nd: \"转义\\n\"\n");
    let m = v.as_map().expect("map");
    let borrowed = |k: &str| matches!(m.get(k), Some(Value::String(Cow::Borrowed(_))));
    assert!(borrowed("a") && borrowed("b") && borrowed("c"));
    assert!(!borrowed("d"));
}

#[test]
fn multi_line_scalars_fold() {
    let v = ok("plain: 第一行\n  第二行\n\n  新段\nsq: '甲\n  乙'\ndq: \"a  \n   b\\\n   c\"\n");
    assert_eq!(
        v.get("plain").and_then(Value::as_str),
        Some("第一行 第二行\n新段")
    );
    assert_eq!(v.get("sq").and_then(Value::as_str), Some("甲 乙"));
    assert_eq!(v.get("dq").and_then(Value::as_str), Some("a bc"));
}

#[test]
fn block_scalars() {
    let v = ok(concat!(
        "lit: |\n  第一行\n   缩进行\n\n  末行\n\n",
        "fold: >\n  一\n  二\n\n  三\n    更缩进\n  四\n",
        "strip: |-\n  x\n\n",
        "keep: |+\n  x\n\n",
        "ind: |2\n   三空格\n  两空格\n",
        "both: >-2\n  a\n  b\n",
        "after: end\n",
    ));
    assert_eq!(
        v.get("lit").and_then(Value::as_str),
        Some("第一行\n 缩进行\n\n末行\n")
    );
    assert_eq!(
        v.get("fold").and_then(Value::as_str),
        Some("一 二\n三\n  更缩进\n四\n")
    );
    assert_eq!(v.get("strip").and_then(Value::as_str), Some("x"));
    assert_eq!(v.get("keep").and_then(Value::as_str), Some("x\n\n"));
    assert_eq!(
        v.get("ind").and_then(Value::as_str),
        Some(" 三空格\n两空格\n")
    );
    assert_eq!(v.get("both").and_then(Value::as_str), Some("a b"));
    assert_eq!(v.get("after").and_then(Value::as_str), Some("end"));
}

#[test]
fn comments_everywhere() {
    let v = ok("# 开头注释\na: 1 # 行尾\n# 中间\nb: [x, # 流内\n  y]\nc: 'q' # 引号后\nd: a#b\n");
    assert_eq!(v.get("a"), Some(&Value::Int(1)));
    assert_eq!(v.get("b"), Some(&Value::Seq(vec![s("x"), s("y")])));
    assert_eq!(v.get("c").and_then(Value::as_str), Some("q"));
    assert_eq!(v.get("d").and_then(Value::as_str), Some("a#b"));
}

#[test]
fn core_schema() {
    let v = ok(
        "[~, null, Null, NULL, true, True, FALSE, 0, -12, +7, 0o17, 0xff, 1.5, -.5, 1e3, 2.5E-2, .inf, -.Inf, .nan, yes, no, on, 012, 1_000, 0b1, '1', \"true\", 2024-03-15]",
    );
    let items = v.as_seq().expect("seq");
    assert!(items[..4].iter().all(Value::is_null));
    assert_eq!(
        &items[4..7],
        &[Value::Bool(true), Value::Bool(true), Value::Bool(false)]
    );
    assert_eq!(
        &items[7..12],
        &[
            Value::Int(0),
            Value::Int(-12),
            Value::Int(7),
            Value::Int(15),
            Value::Int(255)
        ]
    );
    assert_eq!(
        &items[12..16],
        &[
            Value::Float(1.5),
            Value::Float(-0.5),
            Value::Float(1000.0),
            Value::Float(0.025)
        ]
    );
    assert_eq!(items[16], Value::Float(f64::INFINITY));
    assert_eq!(items[17], Value::Float(f64::NEG_INFINITY));
    assert!(matches!(items[18], Value::Float(f) if f.is_nan()));
    // YAML 1.1 spellings are strings in the 1.2 core schema; `012` is decimal 12.
    assert_eq!(&items[19..22], &[s("yes"), s("no"), s("on")]);
    assert_eq!(items[22], Value::Int(12));
    assert_eq!(
        &items[23..],
        &[s("1_000"), s("0b1"), s("1"), s("true"), s("2024-03-15")]
    );
}

#[test]
fn integers_out_of_range_are_errors_not_floats() {
    let e = err("id: 123456789012345678901234567890\n");
    assert_eq!(e.kind(), ErrorKind::Limit);
    assert!(e.to_string().starts_with("line 1, column 5: "), "{e}");
    assert!(e.to_string().contains("quote it"), "{e}");
    assert_eq!(
        ok("id: '123456789012345678901234567890'\n")
            .get("id")
            .and_then(Value::as_str),
        Some("123456789012345678901234567890")
    );
}

#[test]
fn anchors_and_aliases() {
    let v = ok("base: &b {x: 1}\ncopy: *b\nlist: &l\n  - 甲\nagain: *l\nname: &n 王\nwho: *n\n");
    assert_eq!(v.get("copy"), v.get("base"));
    assert_eq!(v.get("again"), Some(&Value::Seq(vec![s("甲")])));
    assert_eq!(v.get("who").and_then(Value::as_str), Some("王"));
    let e = err("a: *missing\n");
    assert!(e.to_string().contains("`*missing`"), "{e}");
}

#[test]
fn billion_laughs_is_an_error() {
    let mut doc = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..10 {
        let p = i - 1;
        doc.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    let e = err(&doc);
    assert_eq!(e.kind(), ErrorKind::Limit);
    assert!(e.to_string().contains(&MAX_ALIAS_NODES.to_string()), "{e}");
}

#[test]
fn nesting_is_bounded() {
    let deep_flow = "[".repeat(MAX_DEPTH + 1);
    assert_eq!(err(&deep_flow).kind(), ErrorKind::Limit);
    let ok_flow = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    assert!(parse_yaml(&ok_flow).is_ok());
    let mut deep_block = String::new();
    for i in 0..=MAX_DEPTH {
        deep_block.push_str(&" ".repeat(i));
        deep_block.push_str("k:\n");
    }
    assert_eq!(err(&deep_block).kind(), ErrorKind::Limit);
    // Far past the bound still fails cleanly rather than overflowing the stack.
    assert_eq!(err(&"[".repeat(100_000)).kind(), ErrorKind::Limit);
    assert_eq!(err(&"- ".repeat(100_000)).kind(), ErrorKind::Limit);
}

#[test]
fn outside_the_subset_is_refused() {
    for (src, what) in [
        ("a: !!str 1\n", "tags"),
        ("a: !local x\n", "tags"),
        ("%YAML 1.2\n---\na: 1\n", "directives"),
        ("? complex\n: value\n", "`? `"),
        ("[a, b]: c\n", "collection cannot be a mapping key"),
        ("a: 1\n---\nb: 2\n", "one YAML document"),
        ("a: 1\n...\n---\nb: 2\n", "one YAML document"),
    ] {
        let e = err(src);
        assert_eq!(e.kind(), ErrorKind::Unsupported, "{src:?}: {e}");
        assert!(e.to_string().contains(what), "{src:?}: {e}");
    }
}

#[test]
fn document_markers_are_accepted_around_one_document() {
    assert_eq!(ok("---\na: 1\n...\n"), map(vec![("a", Value::Int(1))]));
    assert_eq!(
        ok("--- |\n  文本\n"),
        Value::String(Cow::Owned("文本\n".into()))
    );
    assert_eq!(ok(""), Value::Null);
    assert_eq!(ok("# 只有注释\n"), Value::Null);
}

#[test]
fn errors_say_where_and_what_to_do() {
    let cases: &[(&str, &str)] = &[
        (
            "title: a\n\tauthor: b\n",
            "line 2, column 1: a tab cannot indent a mapping; use spaces",
        ),
        (
            "a: 'open\n",
            "line 1, column 4: this quoted value is never closed",
        ),
        ("a: b\n  c: d\n", "line 2, column 4: unexpected `:`"),
        ("a: 1\na: 2\n", "line 2, column 1: duplicate key `a`"),
        (
            "a: [1, 2\n",
            "line 1, column 4: this `[` is never closed; add `]`",
        ),
        ("a: \"\\q\"\n", "line 1, column 5: unknown escape `\\q`"),
        (
            "a: - b\n",
            "line 1, column 4: a sequence cannot start on the same line as its key",
        ),
        (
            "a: b: c\n",
            "line 1, column 4: a mapping cannot start on the same line as its key",
        ),
        ("a:\n  b: 1\n   c: 2\n", "line 3, column 5: unexpected `:`"),
        (
            "a:\n  b: 'x'\n   c: 2\n",
            "line 3, column 4: this line is indented more than the keys above it",
        ),
        (
            "a: \"x\"y\n",
            "line 1, column 7: unexpected text after the value",
        ),
        ("a: @x\n", "line 1, column 4: `@` is reserved"),
        (
            "- a\nb: 1\n",
            "line 2, column 1: unexpected content after the end of the top-level value",
        ),
        (
            "a: |\n  x\n \t\n",
            "line 3, column 2: a tab cannot indent a line of a block scalar",
        ),
        (
            "key: \"多行\n值\"\n",
            "line 1, column 6: this quoted value is not closed on its line",
        ),
    ];
    for (src, want) in cases {
        let got = err(src).to_string();
        assert!(got.starts_with(want), "{src:?}\n got: {got}\nwant: {want}");
        assert!(got.contains(';'), "message should say what to do: {got}");
    }
}

#[test]
fn columns_count_characters() {
    let e = err("标题: 'x\n");
    assert_eq!((e.line(), e.column()), (1, 5));
    assert_eq!(e.offset(), "标题: ".len());
}

#[test]
fn control_characters_are_rejected() {
    let e = err("a: b\u{1}c\n");
    assert!(e.to_string().contains("U+0001"), "{e}");
}
