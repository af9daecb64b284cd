//! Inputs outside the Chinese news mainstream: Japanese, Korean and Western legacy text must
//! not be forced into a Chinese encoding, and two-character Chinese texts must still decode.

use zhnews_encoding::encoding_rs::{
    BIG5, EUC_JP, EUC_KR, Encoding, GB18030, SHIFT_JIS, WINDOWS_1252,
};
use zhnews_encoding::{ChosenBy, Hint, decode};

fn check(encoding: &'static Encoding, text: &str) {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable, "{text} is not {}", encoding.name());
    let d = decode(&bytes, Hint::new());
    assert_eq!(
        d.text,
        text,
        "{} read as {}",
        encoding.name(),
        d.encoding_name()
    );
    assert_eq!(d.encoding, encoding, "{text}");
    assert_eq!(d.chosen_by, ChosenBy::Detected, "{text}");
}

#[test]
fn japanese_legacy_encodings_stay_japanese() {
    let text = "東京都は今日、新しい交通計画を発表しました。来年の春から運用が始まる予定です。";
    check(SHIFT_JIS, text);
    check(EUC_JP, text);
}

#[test]
fn korean_euc_kr_is_not_read_as_gbk() {
    check(
        EUC_KR,
        "서울시는 오늘 새로운 교통 계획을 발표했습니다. 내년 봄부터 시행될 예정입니다.",
    );
}

#[test]
fn western_text_stays_western() {
    check(
        WINDOWS_1252,
        "Le président a annoncé hier une réforme très attendue des retraites.",
    );
}

#[test]
fn two_character_chinese_texts() {
    for text in ["中文", "新闻", "今天天气很好"] {
        check(GB18030, text);
    }
    for text in ["新聞", "臺灣", "今天天氣很好"] {
        check(BIG5, text);
    }
}
