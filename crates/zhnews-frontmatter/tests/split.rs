//! Splitting documents into front matter and body.

use zhnews_frontmatter::{Format, Span, Value, split};

const FEED: &str = "\n---\ntitle: '江城地铁五号线今日通车'\ncategories: \n - 城市\n - 交通\nauthor: 江城晚报\ncomments: false\ndate: Tue, 05 Mar 2024 02:30:00 GMT\n---\n\n<p>正文第一段。</p>\n<hr>\n---\n<p>尾注</p>\n";

#[test]
fn feed_export_with_blank_line_before_fence() {
    let s = split(FEED);
    let fm = s.front_matter.expect("front matter found");
    assert_eq!(fm.format, Format::Yaml);
    assert!(fm.raw.starts_with("title: '江城"));
    assert!(fm.raw.ends_with("GMT\n"));
    assert_eq!(&FEED[fm.span.start..fm.span.end], fm.raw);
    assert_eq!(fm.line, 3);
    // The later `---` rule stays in the body.
    assert_eq!(s.body, "\n<p>正文第一段。</p>\n<hr>\n---\n<p>尾注</p>\n");
    let v = fm.parse().expect("parses");
    assert_eq!(
        v.get("categories").and_then(Value::as_seq).map(<[_]>::len),
        Some(2)
    );
    assert_eq!(v.get("comments"), Some(&Value::Bool(false)));
    assert_eq!(
        v.get("date").and_then(Value::as_str),
        Some("Tue, 05 Mar 2024 02:30:00 GMT")
    );
}

#[test]
fn bom_crlf_and_dots_closer() {
    let doc = "\u{feff}\r\n\r\n---\r\ntitle: 晨报\r\ntags:\r\n- 甲\r\n- 乙\r\n...\r\nbody\r\n";
    let s = split(doc);
    let fm = s.front_matter.expect("front matter");
    assert_eq!(fm.raw, "title: 晨报\r\ntags:\r\n- 甲\r\n- 乙\r\n");
    assert_eq!(s.body, "body\r\n");
    let v = fm.parse().expect("parses");
    assert_eq!(v.get("title").and_then(Value::as_str), Some("晨报"));
    assert_eq!(
        v.get("tags").and_then(Value::as_seq),
        Some(&[Value::from("甲"), Value::from("乙")][..])
    );
}

#[test]
fn no_front_matter() {
    let doc = "<p>没有元数据的正文</p>\n---\nkey: value\n---\n";
    let s = split(doc);
    assert!(s.front_matter.is_none());
    assert_eq!(s.body, doc);
    // An opening fence that is never closed is not front matter.
    let open = "---\ntitle: 未闭合\n正文";
    assert!(split(open).front_matter.is_none());
    assert_eq!(split(open).body, open);
    // Four dashes are a rule, not a fence.
    assert!(split("----\na: 1\n----\n").front_matter.is_none());
    // BOM is dropped from the body.
    assert_eq!(split("\u{feff}正文").body, "正文");
    assert!(split("").front_matter.is_none());
}

#[test]
fn empty_yaml_block() {
    let s = split("---\n---\nbody");
    let fm = s.front_matter.expect("front matter");
    assert_eq!(fm.raw, "");
    assert_eq!(fm.span, Span { start: 4, end: 4 });
    assert_eq!(fm.parse().expect("parses"), Value::Null);
    assert_eq!(s.body, "body");
}

#[test]
fn toml_front_matter() {
    let doc = "+++\ntitle = \"港口新闻\"\ntags = [\"经济\", \"交通\"]\ndraft = false\nweight = 3\ndate = 2024-03-15T08:00:00+08:00\n[extra]\nsource = \"海港日报\"\n+++\n正文";
    let s = split(doc);
    let fm = s.front_matter.expect("front matter");
    assert_eq!(fm.format, Format::Toml);
    let v = fm.parse().expect("parses");
    let keys: Vec<&str> = v.as_map().expect("map").keys().collect();
    assert_eq!(keys, ["title", "tags", "draft", "weight", "date", "extra"]);
    assert_eq!(v.get("weight"), Some(&Value::Int(3)));
    assert_eq!(
        v.get("date").and_then(Value::as_str),
        Some("2024-03-15T08:00:00+08:00")
    );
    assert_eq!(
        v.get("extra")
            .and_then(|e| e.get("source"))
            .and_then(Value::as_str),
        Some("海港日报")
    );
    assert_eq!(s.body, "正文");
}

#[test]
fn toml_error_points_into_document() {
    let doc = "\n+++\ntitle = \"a\"\ntags = [1,\n+++\n";
    let err = split(doc)
        .front_matter
        .expect("fm")
        .parse()
        .expect_err("broken TOML");
    assert!(err.line() >= 4, "{err}");
    assert!(err.to_string().contains("TOML"), "{err}");
}

#[test]
fn json_object_front_matter() {
    let doc = "{\n  \"title\": \"港口新闻\",\n  \"tags\": [\"经济\"],\n  \"n\": 2\n}\n正文\n";
    let s = split(doc);
    let fm = s.front_matter.expect("front matter");
    assert_eq!(fm.format, Format::Json);
    assert!(fm.raw.starts_with('{') && fm.raw.ends_with('}'));
    let v = fm.parse().expect("parses");
    assert_eq!(v.get("title").and_then(Value::as_str), Some("港口新闻"));
    assert_eq!(v.get("n"), Some(&Value::Int(2)));
    assert_eq!(s.body, "正文\n");
    // Braces inside strings do not end the object.
    let tricky = "{\"a\": \"}{\\\"\"}\nbody";
    let fm = split(tricky).front_matter.expect("front matter");
    assert_eq!(
        fm.parse().expect("parses").get("a").and_then(Value::as_str),
        Some("}{\"")
    );
    // Template tags opening a body are not JSON.
    let shortcode = "{{< figure src=\"a.jpg\" >}}\n正文";
    assert!(split(shortcode).front_matter.is_none());
    assert_eq!(split(shortcode).body, shortcode);
}

#[test]
fn json_error_points_into_document() {
    let doc = "{\n  \"title\": \"a\",\n  \"tags\": [1,,]\n}\n";
    let err = split(doc)
        .front_matter
        .expect("fm")
        .parse()
        .expect_err("broken JSON");
    assert_eq!(err.line(), 3, "{err}");
    assert!(err.to_string().contains("JSON"), "{err}");
}

#[test]
fn hexo_semicolon_front_matter() {
    let braced = ";;;\n{\"title\": \"江城新闻\", \"tags\": [\"城市\"]}\n;;;\n正文";
    let s = split(braced);
    let fm = s.front_matter.expect("front matter");
    assert_eq!(fm.format, Format::Json);
    assert_eq!(
        fm.parse()
            .expect("parses")
            .get("title")
            .and_then(Value::as_str),
        Some("江城新闻")
    );
    assert_eq!(s.body, "正文");

    let bare = ";;;\n\"title\": \"江城新闻\",\n\"draft\": true\n;;;\n正文";
    let v = split(bare)
        .front_matter
        .expect("fm")
        .parse()
        .expect("parses");
    assert_eq!(v.get("draft"), Some(&Value::Bool(true)));
    assert_eq!(v.get("title").and_then(Value::as_str), Some("江城新闻"));
}

#[test]
fn yaml_error_line_is_in_the_original_document() {
    let doc = "\n\n---\ntitle: 晚报\n\tauthor: 记者\n---\n";
    let err = split(doc)
        .front_matter
        .expect("fm")
        .parse()
        .expect_err("tab");
    assert_eq!(err.line(), 5);
    assert_eq!(err.column(), 1);
    assert_eq!(err.offset(), doc.find('\t').expect("tab"));
    assert_eq!(
        err.to_string(),
        "line 5, column 1: a tab cannot indent a mapping; use spaces"
    );
}

#[test]
fn format_text_form() {
    for f in [Format::Yaml, Format::Toml, Format::Json] {
        assert_eq!(f.to_string().parse::<Format>(), Ok(f));
    }
    assert!("ini".parse::<Format>().is_err());
}
