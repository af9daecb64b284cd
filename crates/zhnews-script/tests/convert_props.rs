//! Properties of the converter over arbitrary and Chinese-heavy input.

use proptest::prelude::*;
use std::sync::OnceLock;
use zhnews_script::{Config, Converter};

fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF | 0x3005..=0x3007 | 0x3021..=0x3029 | 0x3038..=0x303B
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

/// Characters the dictionaries themselves contain besides Han characters: some phrase keys
/// embed Latin capitals, hyphens or middle dots (U盘 → 隨身碟), so only those can change.
fn in_some_key(c: char) -> bool {
    c.is_ascii_uppercase() || c == '-' || c == '·'
}

/// Han characters that appear in the dictionaries (keys and values), so generated text
/// actually exercises conversions.
fn han_pool() -> &'static [char] {
    static POOL: OnceLock<Vec<char>> = OnceLock::new();
    POOL.get_or_init(|| {
        let mut pool = Vec::new();
        for file in [
            "TSCharacters.txt",
            "STCharacters.txt",
            "TSPhrases.txt",
            "TWVariants.txt",
        ] {
            let path = format!(
                "{}/data/opencc/dictionary/{file}",
                env!("CARGO_MANIFEST_DIR")
            );
            let text = std::fs::read_to_string(path).expect("vendored dictionary");
            for line in text.lines().filter(|l| !l.starts_with('#')) {
                pool.extend(line.chars().filter(|&c| is_han(c)));
            }
        }
        pool.sort_unstable();
        pool.dedup();
        pool
    })
}

fn config() -> impl Strategy<Value = Config> {
    prop::sample::select(Config::ALL.to_vec())
}

/// Mixed text: dictionary Han characters, ASCII, full-width punctuation, line breaks, emoji,
/// compatibility ideographs and ideographic description characters.
fn mixed_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(han_pool()).prop_map(String::from),
        1 => "[ -~]{1,6}",
        1 => prop::sample::select(vec!["，", "。", "「", "」", "\n", "\r\n", "😀", "豈", "⿰", "⿱", "⿻", "Ａ", "〇"]).prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_any_text(config in config(), text in any::<String>()) {
        let _ = Converter::new(config).convert(&text);
    }

    #[test]
    fn never_panics_on_chinese_heavy_text(config in config(), text in mixed_text()) {
        let out = Converter::new(config).convert(&text);
        // Each character of the input maps to at least something, and phrases grow at most
        // a few times their size.
        prop_assert!(out.len() <= text.len() * 4 + 16);
    }

    #[test]
    fn text_without_han_is_unchanged(config in config(), text in any::<String>()) {
        let text: String = text.chars().filter(|&c| !is_han(c)).collect();
        prop_assert_eq!(Converter::new(config).convert(&text), text);
    }

    #[test]
    fn non_chinese_characters_are_kept_in_order(config in config(), text in mixed_text()) {
        let keep = |s: &str| -> String {
            s.chars().filter(|&c| !is_han(c) && !in_some_key(c)).collect()
        };
        let out = Converter::new(config).convert(&text);
        prop_assert_eq!(keep(&out), keep(&text));
        // Line structure is preserved: no key or value contains a line break.
        prop_assert_eq!(out.lines().count(), text.lines().count());
    }

    #[test]
    fn t2s_is_idempotent_on_its_own_output(text in mixed_text()) {
        let t2s = Converter::new(Config::T2s);
        let once = t2s.convert(&text);
        let twice = t2s.convert(&once);
        // OpenCC's own t2s is not idempotent where a simplified form it produces is itself
        // listed as a traditional character (薴 → 苧, then 苧 → 苎); only such outputs may
        // change again.
        let unstable = |c: char| t2s.convert(&c.to_string()) != c.to_string();
        if once.chars().all(|c| !unstable(c)) {
            prop_assert_eq!(twice, once);
        }
    }

    #[test]
    fn converting_by_lines_equals_converting_whole(config in config(), text in mixed_text()) {
        // An ideographic description sequence may span a line break (OpenCC keeps "⿰\n瘞"
        // whole), so only text without description characters splits freely.
        prop_assume!(!text.chars().any(|c| ('\u{2FF0}'..='\u{2FFF}').contains(&c)));
        let converter = Converter::new(config);
        let whole = converter.convert(&text);
        let by_lines: String = text.split_inclusive('\n').map(|l| converter.convert(l)).collect();
        prop_assert_eq!(whole, by_lines);
    }
}

#[test]
fn converters_are_shared_across_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Converter>();
    let converter = Converter::new(Config::S2twp);
    let outputs: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|_| s.spawn(|| converter.convert("软件开发者在网络上发布了新的鼠标驱动程序")))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("thread"))
            .collect()
    });
    for out in &outputs {
        assert_eq!(out, "軟體開發者在網路上釋出了新的滑鼠驅動程式");
    }
}

#[test]
fn config_names_round_trip() {
    for config in Config::ALL {
        assert_eq!(
            config.to_string().parse::<Config>().expect("parses"),
            config
        );
    }
    assert_eq!(
        "S2TWP.json".parse::<Config>().expect("parses"),
        Config::S2twp
    );
    let err = "s2x".parse::<Config>().expect_err("unknown");
    assert!(
        err.to_string().contains("unknown OpenCC config \"s2x\""),
        "{err}"
    );
}

#[test]
fn ideographic_description_sequences_stay_whole() {
    // Checked against OpenCC 1.4.2: the operands of a complete sequence are not converted.
    let t2s = Converter::new(Config::T2s);
    assert_eq!(t2s.convert("⿰瘞瘞"), "⿰瘞瘞");
    assert_eq!(t2s.convert("⿰a瘞瘞"), "⿰a瘞瘗");
    assert_eq!(t2s.convert("豈⿰豈豈豈"), "岂⿰豈豈岂");
    assert_eq!(t2s.convert("⿱⿰瘞瘞瘞瘞"), "⿱⿰瘞瘞瘞瘗");
    assert_eq!(t2s.convert("⿰\n瘞"), "⿰\n瘞");
}

#[test]
fn invented_news_sentences() {
    // Expected outputs checked against OpenCC 1.4.2 (PyPI `opencc`).
    let cases = [
        (
            Config::T2s,
            "臺北市政府今日宣佈，颱風過後將發放補助。",
            "台北市政府今日宣布，台风过后将发放补助。",
        ),
        (
            Config::Tw2sp,
            "研究人員使用軟體分析資料庫中的影片。",
            "研究人员使用软件分析数据库中的视频。",
        ),
        (
            Config::S2twp,
            "记者在出租车上用U盘拷贝了视频。",
            "記者在出租車上用隨身碟複製了影片。",
        ),
        (
            Config::S2hk,
            "这里的里程碑由于雨水而被冲走。",
            "這裏的里程碑由於雨水而被沖走。",
        ),
        (
            Config::Hk2s,
            "這裏的社區中心於下週開放。",
            "这里的社区中心于下周开放。",
        ),
        (Config::T2jp, "國際會議在舊廳舉行", "国際会議在旧庁挙行"),
        (Config::S2t, "新冠疫苗的发展历程", "新冠疫苗的發展歷程"),
    ];
    for (config, input, expected) in cases {
        assert_eq!(
            Converter::new(config).convert(input),
            expected,
            "{config}: {input}"
        );
    }
}
