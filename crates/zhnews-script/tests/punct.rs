//! Punctuation and width normalisation on the project's own sentences.

use std::borrow::Cow;

use proptest::prelude::*;
use zhnews_script::{normalize_punctuation, normalize_width};

#[test]
fn punctuation_next_to_chinese_becomes_full_width() {
    let cases = [
        (
            "市政府昨天发布通知,从下月起调整票价",
            "市政府昨天发布通知，从下月起调整票价",
        ),
        (
            "来源:新华网 | 作者: | 责任编辑:王明",
            "来源：新华网 | 作者： | 责任编辑：王明",
        ),
        ("真的吗?我不信!", "真的吗？我不信！"),
        ("第一;第二;第三", "第一；第二；第三"),
        ("世界卫生组织(WHO)发布报告", "世界卫生组织（WHO）发布报告"),
        ("(记者 张明)本报讯", "（记者 张明）本报讯"),
        ("他问:这是真的吗?!", "他问：这是真的吗？！"),
        ("“全球南方”国家,推动合作", "“全球南方”国家，推动合作"),
    ];
    for (input, want) in cases {
        assert_eq!(normalize_punctuation(input), want, "{input}");
    }
}

#[test]
fn numbers_stay_ascii() {
    let cases = [
        (
            "发布时间:2024-04-10 08:57:34",
            "发布时间：2024-04-10 08:57:34",
        ),
        ("指数收于1077.7点,上涨0.5%", "指数收于1077.7点，上涨0.5%"),
        ("主队以3:1获胜", "主队以3:1获胜"),
        ("共计1,250人参加", "共计1,250人参加"),
        ("比分定格在２:１", "比分定格在２:１"),
    ];
    for (input, want) in cases {
        assert_eq!(normalize_punctuation(input), want, "{input}");
    }
}

#[test]
fn urls_and_email_addresses_stay_intact() {
    let cases = [
        (
            "详见https://example.com/a?b=1&c=(2),谢谢",
            "详见https://example.com/a?b=1&c=(2)，谢谢",
        ),
        (
            "网址:www.example.cn/path;x=1。",
            "网址：www.example.cn/path;x=1。",
        ),
        ("(见http://example.com/x)", "（见http://example.com/x）"),
        (
            "链接https://w.example.org/wiki/Foo_(bar)里有说明",
            "链接https://w.example.org/wiki/Foo_(bar)里有说明",
        ),
        (
            "联系邮箱:news@example.com,欢迎来信",
            "联系邮箱：news@example.com，欢迎来信",
        ),
        (
            "点击mailto:news@example.com!",
            "点击mailto:news@example.com!",
        ),
    ];
    for (input, want) in cases {
        assert_eq!(normalize_punctuation(input), want, "{input}");
    }
}

#[test]
fn latin_text_stays_ascii() {
    let english = "Chinese President Xi Jinping on Tuesday met with the minister (in Beijing): \"We agree,\" he said; really? yes!";
    assert!(matches!(normalize_punctuation(english), Cow::Borrowed(_)));
    let mixed = format!("他会见了外长。\n\n{english}");
    assert_eq!(normalize_punctuation(&mixed), mixed);
    assert_eq!(normalize_punctuation("iPhone 15, Pro"), "iPhone 15, Pro");
    let quoting = "The slogan 共同富裕, he said, matters: really.";
    assert_eq!(normalize_punctuation(quoting), quoting);
    assert_eq!(
        normalize_punctuation("他说, 我们明天出发"),
        "他说， 我们明天出发"
    );
}

#[test]
fn quotes_and_full_stops_are_left_alone() {
    let text = "他说\"好的\".然后离开";
    assert_eq!(normalize_punctuation(text), text);
}

#[test]
fn nothing_to_do_borrows() {
    for t in [
        "",
        "纯中文，没有半角标点。",
        "plain ascii, text: yes!",
        "3:1 08:57",
    ] {
        assert!(matches!(normalize_punctuation(t), Cow::Borrowed(_)), "{t}");
    }
    for t in [
        "",
        "纯中文，没有全角字母。",
        "line one\nline two\r\nline three",
    ] {
        assert!(matches!(normalize_width(t), Cow::Borrowed(_)), "{t}");
    }
}

#[test]
fn width_digits_letters_and_indentation() {
    let cases = [
        ("ＧＤＰ增长５．２％", "GDP增长5.2％"),
        ("时间：０８：５７", "时间：08:57"),
        (
            "\u{3000}\u{3000}第一段。\n\u{3000}\u{3000}第二段。",
            "第一段。\n第二段。",
        ),
        ("\u{a0}\u{a0}缩进的段落", "缩进的段落"),
        ("行尾有空格   \r\n下一行\u{3000}", "行尾有空格\r\n下一行"),
        ("  code indentation stays", "  code indentation stays"),
        ("\u{3000}\u{3000}\n\n正文", "\n\n正文"),
        ("全角句点在文字后．不变", "全角句点在文字后．不变"),
    ];
    for (input, want) in cases {
        assert_eq!(normalize_width(input), want, "{input:?}");
    }
}

fn text_strategy() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("中文".to_owned()),
        Just("新闻".to_owned()),
        Just("，".to_owned()),
        Just("“".to_owned()),
        Just("\u{3000}".to_owned()),
        Just("\n".to_owned()),
        Just("\r\n".to_owned()),
        Just(" ".to_owned()),
        Just("https://a.cn/x?y=(1)".to_owned()),
        Just("www.b.com".to_owned()),
        Just("a@b.org".to_owned()),
        "[,:;?!().]{1,3}",
        "[0-9]{1,4}",
        "[a-zA-Z]{1,6}",
        "[０-９Ａ-Ｚａ-ｚ．：]{1,3}",
        "\\PC{1,2}",
    ];
    prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
}

fn back_to_ascii(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '，' => ',',
            '：' => ':',
            '；' => ';',
            '？' => '?',
            '！' => '!',
            '（' => '(',
            '）' => ')',
            other => other,
        })
        .collect()
}

fn trim_line_ends(s: &str) -> String {
    s.split('\n')
        .map(|l| {
            let (body, cr) = l.strip_suffix('\r').map_or((l, ""), |b| (b, "\r"));
            format!("{}{cr}", body.trim_end())
        })
        .collect::<Vec<_>>()
        .join("\n")
}

proptest! {
    #[test]
    fn normalizers_never_panic(s in "\\PC{0,300}") {
        let _ = normalize_punctuation(&s);
        let _ = normalize_width(&s);
    }

    #[test]
    fn normalizers_are_idempotent(s in text_strategy()) {
        let p = normalize_punctuation(&s).into_owned();
        prop_assert_eq!(normalize_punctuation(&p), p.as_str());
        let w = normalize_width(&s).into_owned();
        prop_assert_eq!(normalize_width(&w), w.as_str());
        let both = normalize_punctuation(&w).into_owned();
        let again = normalize_width(&both).into_owned();
        prop_assert_eq!(normalize_punctuation(&again), both.as_str());
    }

    #[test]
    fn punctuation_only_swaps_the_seven_characters(s in text_strategy()) {
        let s: String = s.chars().filter(|c| !"：；？！（），".contains(*c)).collect();
        let out = normalize_punctuation(&s);
        prop_assert_eq!(back_to_ascii(&out), s);
    }

    #[test]
    fn ascii_text_is_unchanged(s in "[ -~\\n]{0,200}") {
        prop_assert_eq!(normalize_punctuation(&s), s.as_str());
        prop_assert_eq!(normalize_width(&s), trim_line_ends(&s));
    }

    #[test]
    fn urls_are_never_touched(
        before in "[中文新闻，：( ]{0,4}",
        url in "(https?://|www\\.)[a-z]{1,8}\\.(com|cn)(/[a-z0-9_,:;?!()=&.-]{0,16}[a-z0-9/])?",
        after in "[中文新闻,:;?!() ]{0,4}",
    ) {
        let text = format!("{before}{url}{after}");
        let p = normalize_punctuation(&text);
        prop_assert!(p.contains(&url), "{} -> {}", text, p);
        let w = normalize_width(&text);
        prop_assert!(w.contains(&url), "{} -> {}", text, w);
    }
}
