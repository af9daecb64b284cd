//! `Value` through serde: straight into user structs, and out to JSON in document order.

use serde::Deserialize;
use zhnews_frontmatter::{ErrorKind, Value, from_document, from_value, parse_yaml, split};

#[derive(Debug, Deserialize, PartialEq)]
struct Article<'a> {
    title: &'a str,
    categories: Vec<String>,
    #[serde(default)]
    comments: bool,
    author: Option<String>,
    weight: Option<i32>,
    ratio: Option<f64>,
    extra: Option<Extra>,
    kind: Option<Kind>,
}

#[derive(Debug, Deserialize, PartialEq)]
struct Extra {
    source: String,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "snake_case")]
enum Kind {
    News,
    Opinion,
}

const DOC: &str = "\n---\ntitle: 江城地铁五号线今日通车\ncategories: \n - 城市\n - 交通\ncomments: true\nauthor: ~\nweight: 3\nratio: 2\nextra:\n  source: 江城晚报\nkind: news\n---\n正文\n";

#[test]
fn deserializes_into_a_borrowing_struct() {
    let article: Article<'_> = from_document(DOC)
        .expect("parses")
        .expect("has front matter");
    assert_eq!(
        article,
        Article {
            title: "江城地铁五号线今日通车",
            categories: vec!["城市".into(), "交通".into()],
            comments: true,
            author: None,
            weight: Some(3),
            ratio: Some(2.0),
            extra: Some(Extra {
                source: "江城晚报".into()
            }),
            kind: Some(Kind::News),
        }
    );
    let none: Option<Article<'_>> = from_document("只有正文").expect("no error");
    assert!(none.is_none());
}

#[test]
fn errors_name_the_field() {
    let missing = parse_yaml("categories: []\n").expect("parses");
    let err = from_value::<Article<'_>>(missing).expect_err("title missing");
    assert_eq!(err.kind(), ErrorKind::Data);
    assert_eq!(err.line(), 0);
    assert!(err.to_string().contains("missing field `title`"), "{err}");

    let wrong = parse_yaml("title: 标题\ncategories: [城市, [嵌套]]\n").expect("parses");
    let err = from_value::<Article<'_>>(wrong).expect_err("nested list");
    assert!(
        err.to_string()
            .starts_with("front matter: `categories[1]`: invalid type"),
        "{err}"
    );

    let wrong = parse_yaml("title: 标题\ncategories: []\nextra:\n  source: 7\n").expect("parses");
    let err = from_value::<Article<'_>>(wrong).expect_err("number as source");
    assert!(
        err.to_string()
            .starts_with("front matter: `extra.source`: invalid type: integer `7`"),
        "{err}"
    );

    let wrong = parse_yaml("title: 标题\ncategories: []\nkind: rumour\n").expect("parses");
    let err = from_value::<Article<'_>>(wrong).expect_err("unknown variant");
    assert!(
        err.to_string().contains("`kind`: unknown variant `rumour`"),
        "{err}"
    );
}

#[test]
fn serializes_in_document_order() {
    let fm = split(DOC).front_matter.expect("front matter");
    let v = fm.parse().expect("parses");
    let json = serde_json::to_string(&v).expect("json");
    assert_eq!(
        json,
        "{\"title\":\"江城地铁五号线今日通车\",\"categories\":[\"城市\",\"交通\"],\"comments\":true,\"author\":null,\"weight\":3,\"ratio\":2,\"extra\":{\"source\":\"江城晚报\"},\"kind\":\"news\"}"
    );
}

#[test]
fn deserialize_from_json_borrows() {
    let v: Value<'_> =
        serde_json::from_str("{\"b\": \"乙\", \"a\": [1, 2.5, null, true]}").expect("json");
    let keys: Vec<&str> = v.as_map().expect("map").keys().collect();
    assert_eq!(keys, ["b", "a"]);
    assert!(matches!(
        v.get("b"),
        Some(Value::String(std::borrow::Cow::Borrowed("乙")))
    ));
}
