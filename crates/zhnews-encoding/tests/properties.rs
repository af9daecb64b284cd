//! Invariants: encode-then-decode gives the text back with the encoding reported; arbitrary
//! bytes with arbitrary hints never panic and keep the counts consistent.

use proptest::prelude::*;
use std::borrow::Cow;
use zhnews_encoding::encoding_rs::{BIG5, Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE};
use zhnews_encoding::{ChosenBy, Hint, decode};

/// News-like text: common Hanzi, CJK punctuation, ASCII letters, digits and spaces.
fn news_text() -> impl Strategy<Value = String> {
    let hanzi = "新闻报道記者今日表示政府公布經濟发展會議城市交通天气預計国际市场學校醫院警方調查";
    let pool: Vec<char> = hanzi.chars().chain("，。、：“”「」（）".chars()).collect();
    let ch = prop_oneof![
        6 => proptest::sample::select(pool),
        1 => proptest::char::range('a', 'z'),
        1 => proptest::char::range('0', '9'),
        1 => Just(' '),
        1 => proptest::char::range('\u{4E00}', '\u{9FA5}'),
    ];
    proptest::collection::vec(ch, 1..120).prop_map(|v| v.into_iter().collect())
}

fn encode(encoding: &'static Encoding, text: &str) -> Option<Vec<u8>> {
    if encoding == UTF_16LE || encoding == UTF_16BE {
        let le = encoding == UTF_16LE;
        let mut out = Vec::new();
        for u in text.encode_utf16() {
            out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        return Some(out);
    }
    let (bytes, _, unmappable) = encoding.encode(text);
    (!unmappable).then(|| bytes.into_owned())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// With the label declared, every encoding gives the text back and is reported.
    #[test]
    fn declared_round_trip(text in news_text(), which in 0usize..5) {
        let encoding = [UTF_8, GB18030, BIG5, UTF_16LE, UTF_16BE][which];
        if let Some(bytes) = encode(encoding, &text) {
            let d = decode(&bytes, Hint::new().declared(encoding.name()));
            prop_assert_eq!(d.text.as_ref(), text.as_str());
            prop_assert_eq!(d.encoding, encoding);
            prop_assert_eq!(d.malformed, 0);
        }
    }

    /// With a BOM, UTF-8 and UTF-16 always come back, chosen by the BOM.
    #[test]
    fn bom_round_trip(text in news_text(), which in 0usize..3) {
        let encoding = [UTF_8, UTF_16LE, UTF_16BE][which];
        let bom: &[u8] = match which { 0 => &[0xEF, 0xBB, 0xBF], 1 => &[0xFF, 0xFE], _ => &[0xFE, 0xFF] };
        let mut bytes = bom.to_vec();
        bytes.extend(encode(encoding, &text).unwrap_or_default());
        let d = decode(&bytes, Hint::new());
        prop_assert_eq!(d.text.as_ref(), text.as_str());
        prop_assert_eq!((d.encoding, d.chosen_by), (encoding, ChosenBy::Bom));
    }

    /// Without any hint, text long enough to carry evidence is detected exactly.
    #[test]
    fn detected_round_trip(parts in proptest::collection::vec(news_text(), 4..8), which in 0usize..4) {
        let text: String = parts.concat();
        let encoding = [UTF_8, GB18030, UTF_16LE, UTF_16BE][which];
        prop_assume!(text.chars().filter(|c| !c.is_ascii()).count() >= 40);
        let bytes = encode(encoding, &text).unwrap_or_default();
        let d = decode(&bytes, Hint::new());
        prop_assert_eq!(d.text.as_ref(), text.as_str());
        prop_assert_eq!(d.encoding, encoding);
    }

    /// Valid UTF-8 is never copied.
    #[test]
    fn valid_utf8_borrows(text in news_text()) {
        let d = decode(text.as_bytes(), Hint::new());
        prop_assert!(matches!(d.text, Cow::Borrowed(_)));
    }

    /// Arbitrary bytes and hints never panic; counts are consistent.
    #[test]
    fn arbitrary_bytes_never_panic(
        bytes in proptest::collection::vec(any::<u8>(), 0..600),
        label in proptest::option::of("[a-zA-Z0-9_ -]{0,12}"),
        tld in proptest::option::of("\\PC{0,8}"),
    ) {
        let mut hint = Hint::new();
        if let Some(l) = &label { hint = hint.declared(l); }
        if let Some(t) = &tld { hint = hint.tld(t); }
        let d = decode(&bytes, hint);
        let replacements = d.text.chars().filter(|&c| c == '\u{FFFD}').count();
        prop_assert!(d.malformed <= replacements);
        prop_assert_eq!(d.malformed > 0, d.warnings.iter().any(|w| matches!(w, zhnews_encoding::Warning::Malformed { .. })));
        if d.encoding == UTF_8 && d.chosen_by != ChosenBy::Bom && d.malformed == 0 {
            prop_assert_eq!(d.text.as_bytes(), &bytes[..]);
        }
    }

    /// HTML-ish bytes (tags, quotes, comments) around random content never panic the prescan.
    #[test]
    fn html_like_bytes_never_panic(parts in proptest::collection::vec(prop_oneof![
        Just(b"<meta ".to_vec()), Just(b"charset=".to_vec()), Just(b"\"".to_vec()), Just(b"'".to_vec()),
        Just(b"<!--".to_vec()), Just(b"-->".to_vec()), Just(b"<?xml encoding=".to_vec()), Just(b"?>".to_vec()),
        Just(b"http-equiv=content-type content=".to_vec()), Just(b">".to_vec()), Just(b"/".to_vec()),
        Just(b"gbk".to_vec()), Just(b"utf-16".to_vec()),
        proptest::collection::vec(any::<u8>(), 0..6),
    ], 0..80)) {
        let bytes: Vec<u8> = parts.concat();
        let _ = decode(&bytes, Hint::new());
    }
}
