//! Properties: stripping never panics, and no visible text is lost — every
//! letter and digit of the visible text of a fragment or a text dump lands in
//! exactly one of blocks, captions, related, translation or removed
//! (metadata values are read from removed lines, so they are not counted twice).

use std::collections::BTreeMap;

use proptest::prelude::*;
use zhnews_strip::{Block, InputKind, Options, Stripped, strip};

/// Pieces of invented text, with the markers the rules react to.
const WORDS: &[&str] = &[
    "河畔新桥",
    "今日通车",
    "全长一千二百米",
    "市民",
    "表示",
    "。",
    "，",
    "：",
    ":",
    " ",
    "　　",
    "原标题",
    "原標題：",
    "责任编辑：",
    "責任編輯:",
    "林小溪",
    "_NF1234",
    " PK155",
    "来源：",
    "來源:",
    "河畔日报",
    "作者：",
    "发布时间：",
    "2025-03-01 10:20:30",
    "相关阅读",
    "相關閱讀",
    "热门资讯",
    "举报",
    "反馈",
    "/",
    "分享到",
    "微信",
    "APP",
    "扫码",
    "二维码",
    "下载",
    "版权所有",
    "点击查看大图",
    "本报记者",
    "王五",
    "摄",
    "攝",
    "...",
    "…",
    "首页",
    " > ",
    "|",
    "创始人",
    "0",
    "12",
    "The bridge opened",
    "on Monday morning",
    ".",
    "（",
    "）",
    "图片来源：",
    "、",
    "English",
];

fn phrase() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..12).prop_map(|w| w.concat())
}

fn letters(s: &str, into: &mut BTreeMap<char, i64>, sign: i64) {
    for c in s.chars().filter(|c| c.is_alphanumeric()) {
        *into.entry(c).or_default() += sign;
    }
}

fn output_letters(out: &Stripped, into: &mut BTreeMap<char, i64>) {
    for b in &out.blocks {
        match b {
            Block::Image(img) => {
                letters(img.caption.as_deref().unwrap_or(""), into, -1);
                letters(img.credit.as_deref().unwrap_or(""), into, -1);
            }
            other => letters(&other.text(), into, -1),
        }
    }
    for r in &out.related {
        letters(r.title.as_deref().unwrap_or(""), into, -1);
        letters(&r.text, into, -1);
    }
    if let Some(t) = &out.translation {
        letters(t.title.as_deref().unwrap_or(""), into, -1);
        for p in &t.paragraphs {
            letters(p, into, -1);
        }
    }
    for r in &out.removed {
        letters(&r.text, into, -1);
    }
}

#[derive(Debug, Clone)]
enum Part {
    Element(&'static str, Option<&'static str>, String),
    Image,
    Marker(String),
    Script(String),
    Entity,
}

fn part() -> impl Strategy<Value = Part> {
    prop_oneof![
        6 => (
            prop::sample::select(&["p", "div", "h2", "span", "blockquote", "li", "figcaption", "font"][..]),
            prop::option::of(prop::sample::select(&["img_descr", "article-editor", "ori_titlesource", "share"][..])),
            phrase()
        )
            .prop_map(|(t, c, s)| Part::Element(t, c, s)),
        1 => Just(Part::Image),
        1 => phrase().prop_map(Part::Marker),
        1 => phrase().prop_map(Part::Script),
        1 => Just(Part::Entity),
    ]
}

/// An HTML fragment and its visible text.
fn fragment() -> impl Strategy<Value = (String, String)> {
    prop::collection::vec(part(), 0..25).prop_map(|parts| {
        let mut html = String::new();
        let mut visible = String::new();
        for p in parts {
            match p {
                Part::Element(tag, class, text) => {
                    let cls = class.map(|c| format!(" class=\"{c}\"")).unwrap_or_default();
                    html.push_str(&format!("<{tag}{cls}>{text}</{tag}>"));
                    visible.push_str(&text);
                    visible.push('\n');
                }
                Part::Image => html.push_str("<p style=\"text-align:center\"><img src=\"https://img.example.com/a.jpg\" title=\"点击查看大图\"></p>"),
                Part::Marker(text) => html.push_str(&format!("<!--article_adlist[<p>{text}</p>]article_adlist-->")),
                Part::Script(text) => html.push_str(&format!("<script>var s = \"{text}\";</script><style>.a&#123;color:red&#125;</style>")),
                Part::Entity => {
                    html.push_str("<p>甲&amp;乙&lt;丙</p>");
                    visible.push_str("甲&乙<丙\n");
                }
            }
        }
        (html, visible)
    })
}

fn dump() -> impl Strategy<Value = String> {
    prop::collection::vec(phrase(), 0..25).prop_map(|lines| lines.join("\n\n"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn fragments_conserve_visible_text((html, visible) in fragment()) {
        let out = strip(&html, &Options { kind: Some(InputKind::HtmlFragment), ..Options::default() }).expect("strip");
        let mut balance = BTreeMap::new();
        letters(&visible, &mut balance, 1);
        output_letters(&out, &mut balance);
        balance.retain(|_, v| *v != 0);
        prop_assert!(balance.is_empty(), "unbalanced letters {:?}\ninput {}\noutput {:#?}", balance, html, out);
    }

    #[test]
    fn text_dumps_conserve_visible_text(text in dump()) {
        let out = strip(&text, &Options { kind: Some(InputKind::Text), ..Options::default() }).expect("strip");
        let mut balance = BTreeMap::new();
        letters(&text, &mut balance, 1);
        output_letters(&out, &mut balance);
        balance.retain(|_, v| *v != 0);
        prop_assert!(balance.is_empty(), "unbalanced letters {:?}\ninput {:?}\noutput {:#?}", balance, text, out);
    }

    #[test]
    fn never_panics_on_any_text(s in "\\PC{0,300}") {
        for kind in [None, Some(InputKind::HtmlFragment), Some(InputKind::HtmlPage), Some(InputKind::Text)] {
            let _ = strip(&s, &Options { kind, ..Options::default() });
        }
    }

    #[test]
    fn never_panics_on_tag_soup(parts in prop::collection::vec(prop::sample::select(&[
        "<p>", "</p>", "<div class=\"x\">", "</div>", "<li>", "<ul>", "</ul>", "<img src=x>", "<br>",
        "<!--", "-->", "<script>", "</script>", "<a href=\"/a\">", "</a>", "相关阅读", "责任编辑：王五",
        "文字。", "<h1>", "</h1>", "&amp;", "&#", "<table><tr><td>", "</td>", "<!--a[<p>举报</p>]a-->",
        "<html><head><title>", "</title>", "<meta property=\"og:title\" content=\"题\">", "<body>",
    ][..]), 0..60)) {
        let s = parts.concat();
        for kind in [None, Some(InputKind::HtmlPage)] {
            let _ = strip(&s, &Options { kind, max_depth: 16, ..Options::default() });
        }
    }
}

#[test]
fn oversized_input_is_an_error_not_a_panic() {
    let err = strip(
        "字".repeat(100).as_str(),
        &Options {
            max_input_bytes: 10,
            ..Options::default()
        },
    )
    .expect_err("over the limit");
    assert!(err.to_string().contains("300 bytes"), "{err}");
}
