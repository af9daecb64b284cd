//! Detection: UTF-16 without a byte order mark, chardetng, and a plausibility score that picks
//! between the Chinese legacy encodings when several decode the bytes without errors.

use crate::codec;
use encoding_rs::{BIG5, Encoding, GB18030, GBK, UTF_8, UTF_16BE, UTF_16LE};
use std::sync::OnceLock;

/// How many bytes scoring and the UTF-16 test look at; enough for a stable verdict, and it
/// bounds the cost of trying several encodings on a large document.
const SAMPLE: usize = 16 * 1024;

/// How many input bytes the plausibility score covers: every candidate is scored over the same
/// span, and a few thousand bytes settle the question.
const SCORE_SPAN: usize = 3 * 1024;

/// How many bytes chardetng reads at most.
const CHARDET_LIMIT: usize = 64 * 1024;

/// A detection verdict.
#[derive(Debug, Clone)]
pub(crate) struct Verdict {
    pub(crate) encoding: &'static Encoding,
    /// Whether the evidence was clear (else the encoding is a best guess).
    pub(crate) confident: bool,
    /// Whether the evidence was strong: a wide plausibility margin, or chardetng's own
    /// frequency model confidently naming the same encoding.
    pub(crate) strong: bool,
    /// The whole text, when scoring already decoded all of it without errors.
    pub(crate) text: Option<String>,
}

/// Bitmap over U+4E00..=U+9FFF of the frequently used Hanzi: GB2312 level 1 (3755 characters)
/// and Big5 level 1 (5401 characters), read out of the encoding tables themselves.
fn common_hanzi() -> &'static [u64] {
    static MAP: OnceLock<Vec<u64>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = vec![0u64; (0x9FFF - 0x4E00 + 1) / 64 + 1];
        let mut bytes = Vec::with_capacity(2 * 94 * 40 + 2 * 157 * 35);
        for lead in 0xB0u8..=0xD7 {
            for trail in 0xA1u8..=0xFE {
                bytes.extend_from_slice(&[lead, trail]);
            }
        }
        let (gb, _) = codec::decode_sample(GB18030, &bytes, usize::MAX);
        bytes.clear();
        for lead in 0xA4u8..=0xC6 {
            for trail in (0x40u8..=0x7E).chain(0xA1..=0xFE) {
                if lead == 0xC6 && trail > 0x7E {
                    break;
                }
                bytes.extend_from_slice(&[lead, trail]);
            }
        }
        let (big5, _) = codec::decode_sample(BIG5, &bytes, usize::MAX);
        for c in gb.chars().chain(big5.chars()) {
            let cp = c as usize;
            if (0x4E00..=0x9FFF).contains(&cp) {
                let k = cp - 0x4E00;
                map[k / 64] |= 1 << (k % 64);
            }
        }
        map
    })
}

fn is_common_hanzi(map: &[u64], c: char) -> bool {
    let cp = c as usize;
    if !(0x4E00..=0x9FFF).contains(&cp) {
        return false;
    }
    let k = cp - 0x4E00;
    map[k / 64] & (1 << (k % 64)) != 0
}

/// How much a character speaks for the text being Chinese news decoded correctly.
fn weight(map: &[u64], c: char) -> i64 {
    match c as u32 {
        0x0000..=0x007F => 0,
        0xFFFD => -10,
        0x4E00..=0x9FFF => {
            if is_common_hanzi(map, c) {
                3
            } else {
                0
            }
        }
        0x3400..=0x4DBF | 0x20000..=0x3FFFF => 0,
        0x3000..=0x303F | 0xFF00..=0xFFEF | 0x2000..=0x206F => 1,
        0x00A0..=0x00FF => 0,
        0x3040..=0x30FF => 0,
        0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => -2,
        0xE000..=0xF8FF | 0xF0000..=0x10FFFF => -5,
        0xF900..=0xFAFF => -2,
        0xA000..=0xA4CF => -5,
        0x0080..=0x009F => -5,
        _ => -1,
    }
}

/// Plausibility of decoded text: sum of per-character weights over non-ASCII characters, how
/// many non-ASCII characters there were, and how many spaces stand between two of them
/// (Korean separates words with spaces; Chinese does not, so EUC-KR read as GBK gives itself
/// away).
pub(crate) fn plausibility(text: &str) -> (i64, usize, usize) {
    let map = common_hanzi();
    let mut score = 0i64;
    let mut n = 0usize;
    let mut spaced = 0usize;
    // 0: last char ASCII other than space; 1: last char non-ASCII; 2: non-ASCII then space.
    let mut state = 0u8;
    for c in text.chars() {
        if c.is_ascii() {
            state = if c == ' ' && state == 1 { 2 } else { 0 };
            continue;
        }
        if state == 2 {
            spaced += 1;
        }
        state = 1;
        n += 1;
        score += weight(map, c);
    }
    (score, n, spaced)
}

/// UTF-16 without a byte order mark: the bytes must decode without unpaired surrogates and
/// nearly every code unit must be something Chinese (or Japanese) news text is made of.
pub(crate) fn utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || bytes.len() % 2 != 0 {
        return None;
    }
    let le = utf16_shape(bytes, 1)
        .then(|| utf16_fit(UTF_16LE, bytes))
        .flatten();
    let be = utf16_shape(bytes, 0)
        .then(|| utf16_fit(UTF_16BE, bytes))
        .flatten();
    match (le, be) {
        (Some(a), Some(b)) if a > b => Some(UTF_16LE),
        (Some(a), Some(b)) if b > a => Some(UTF_16BE),
        (Some(_), None) => Some(UTF_16LE),
        (None, Some(_)) => Some(UTF_16BE),
        _ => None,
    }
}

/// A cheap look at the high bytes of the first code units (at `high` = 1 for little endian,
/// 0 for big endian) before decoding: in Chinese text they are 0x00 (ASCII), 0x20 (general
/// punctuation), 0x30 (CJK punctuation), 0x4E..=0x9F (Hanzi) or 0xFF (full-width forms);
/// GBK and Big5 bytes (0x81..=0xFE pairs) almost never are.
fn utf16_shape(bytes: &[u8], high: usize) -> bool {
    let sample = &bytes[..bytes.len().min(2048)];
    let mut good = 0usize;
    let mut total = 0usize;
    for unit in sample.chunks_exact(2) {
        total += 1;
        good += usize::from(
            matches!(unit[high], 0x00 | 0x20 | 0x30 | 0x34..=0x4D | 0x4E..=0x9F | 0xD8..=0xDF | 0xFF),
        );
    }
    good * 10 >= total * 8
}

/// The share (per mille) of code units that look like text, if the decoding is clean and the
/// share is high enough to call it UTF-16.
fn utf16_fit(encoding: &'static Encoding, bytes: &[u8]) -> Option<u32> {
    let text = codec::decode_sample_strict(encoding, bytes, SAMPLE)?;
    let map = common_hanzi();
    // Two tallies: `sure` counts what Chinese text is mostly made of; `loose` adds rare Hanzi
    // (names, Cantonese, HKSCS). Legacy bytes read as UTF-16 turn ASCII pairs into random
    // Hanzi, which are rarely common ones, so both must be high.
    let mut sure = 0u32;
    let mut loose = 0u32;
    let mut total = 0u32;
    for c in text.chars() {
        total += 1;
        match c as u32 {
            0x09 | 0x0A | 0x0D | 0x20..=0x7E => sure += 1,
            0x4E00..=0x9FFF if is_common_hanzi(map, c) => sure += 1,
            0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x20000..=0x3FFFF => loose += 1,
            0x3000..=0x303F | 0xFF00..=0xFFEF | 0x2000..=0x206F | 0x3040..=0x30FF => sure += 1,
            0x00A0..=0x00FF => sure += 1,
            _ => {}
        }
    }
    if total < 2 {
        return None;
    }
    let sure_pm = sure * 1000 / total;
    let loose_pm = (sure + loose) * 1000 / total;
    (sure_pm >= 600 && loose_pm >= 900).then_some(loose_pm * 2 + sure_pm)
}

/// Whether `bytes` are UTF-8 but for at most one bad spot per 2000 bytes (and at least one
/// multi-byte character), counted with early exit so legacy text is rejected after a few bytes.
fn nearly_utf8(bytes: &[u8]) -> bool {
    let budget = 1 + bytes.len() / 2000;
    let mut errors = 0usize;
    let mut multibyte = false;
    let mut rest = bytes;
    loop {
        let valid = Encoding::utf8_valid_up_to(rest);
        multibyte |= !rest[..valid].is_ascii();
        if valid == rest.len() {
            return multibyte;
        }
        errors += 1;
        if errors > budget {
            return false;
        }
        // Skip the bad byte and the continuation bytes of the same broken sequence.
        let skip = 1 + rest[valid + 1..]
            .iter()
            .take(3)
            .take_while(|&&b| (0x80..=0xBF).contains(&b))
            .count();
        rest = &rest[valid + skip..];
    }
}

/// Normalises a TLD hint to what chardetng expects (lowercase ASCII, no dots); anything else is
/// dropped rather than risking chardetng's assertion.
pub(crate) fn tld_label(tld: &str) -> Option<String> {
    let last = tld.trim().trim_end_matches('.').rsplit('.').next()?;
    if last.is_empty()
        || last.len() > 63
        || !last.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    {
        return None;
    }
    Some(last.to_ascii_lowercase())
}

/// Whether a TLD expects Traditional (Big5) rather than Simplified (GBK) legacy text.
fn tld_prefers_big5(tld: Option<&str>) -> bool {
    matches!(tld, Some("tw" | "hk" | "mo"))
}

/// Maps encodings that decode identically to the one zhnews reports: GBK decodes as GB18030.
pub(crate) fn canonical(encoding: &'static Encoding) -> &'static Encoding {
    if encoding == GBK { GB18030 } else { encoding }
}

/// A candidate encoding scored on a sample of the bytes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scored {
    pub(crate) encoding: &'static Encoding,
    pub(crate) score: i64,
    pub(crate) replaced: usize,
    pub(crate) non_ascii: usize,
    /// Spaces between two non-ASCII characters.
    pub(crate) spaced: usize,
}

impl Scored {
    /// Clean, long enough to judge, mostly common Hanzi, and not spaced like Korean.
    fn looks_chinese(&self) -> bool {
        let n = self.non_ascii as i64;
        self.replaced == 0 && n >= 8 && self.score >= 2 * n && self.spaced * 8 < self.non_ascii
    }
}

/// Scores `encoding` over the first bytes of `bytes`.
pub(crate) fn score(encoding: &'static Encoding, bytes: &[u8]) -> Scored {
    let (text, replaced) = codec::decode_sample(encoding, bytes, SCORE_SPAN);
    let (score, non_ascii, spaced) = plausibility(&text);
    Scored {
        encoding,
        score,
        replaced,
        non_ascii,
        spaced,
    }
}

/// Scores `encoding` on the first bytes of `bytes`, and returns the whole text too when the
/// sample was the whole input and decoded without errors.
fn score_text(encoding: &'static Encoding, bytes: &[u8]) -> (Scored, Option<String>) {
    match codec::sample(encoding, bytes, SAMPLE, SCORE_SPAN, false) {
        Some(sample) => {
            let scored = scored(encoding, &sample);
            let whole = (bytes.len() <= SAMPLE && sample.replaced == 0).then_some(sample.text);
            (scored, whole)
        }
        None => (score(encoding, &[]), None),
    }
}

fn scored(encoding: &'static Encoding, sample: &codec::Sample) -> Scored {
    let (score, non_ascii, spaced) = plausibility(sample.text.get(..sample.mark).unwrap_or(""));
    Scored {
        encoding,
        score,
        replaced: sample.replaced,
        non_ascii,
        spaced,
    }
}

/// Detects the encoding of bytes that are not valid UTF-8 and carry no BOM.
///
/// The Chinese readings (GB18030, Big5) are scored first: for news text one of them usually
/// wins by a wide margin, and that is far cheaper than chardetng, which is consulted only
/// when the margin is narrow (short texts, other scripts).
pub(crate) fn detect(bytes: &[u8], tld: Option<&str>) -> Verdict {
    if let Some(encoding) = utf16(bytes) {
        return Verdict {
            encoding,
            confident: true,
            strong: true,
            text: None,
        };
    }
    // UTF-8 with a few bad bytes (a file cut mid-character, one corrupted byte) is still UTF-8:
    // legacy Chinese text breaks UTF-8 every few bytes.
    if nearly_utf8(bytes) {
        return Verdict {
            encoding: UTF_8,
            confident: true,
            strong: true,
            text: None,
        };
    }
    // Most GBK text stops being valid Big5 within a few characters (trail bytes 0x80..=0xA0),
    // so the strict Big5 decoding usually gives up early; when it does not, its text is the
    // likely output and the GB18030 reading is only scored on a prefix.
    let big5_strict = codec::sample(BIG5, bytes, SAMPLE, SCORE_SPAN, true);
    let ((gb, gb_text), (big5, big5_text)) = match big5_strict {
        None => {
            let (gb, gb_text) = score_text(GB18030, bytes);
            if gb.looks_chinese() {
                return Verdict {
                    encoding: GB18030,
                    confident: true,
                    strong: true,
                    text: gb_text,
                };
            }
            ((gb, gb_text), score_text(BIG5, bytes))
        }
        Some(sample) => {
            let big5 = scored(BIG5, &sample);
            let whole = (bytes.len() <= SAMPLE).then_some(sample.text);
            ((score(GB18030, bytes), None), (big5, whole))
        }
    };
    let big5_first = if tld_prefers_big5(tld) {
        big5.score >= gb.score
    } else {
        big5.score > gb.score
    };
    let (best, best_text, other) = if big5_first {
        (big5, big5_text, gb)
    } else {
        (gb, gb_text, big5)
    };
    let n = best.non_ascii as i64;
    if n >= 8
        && best.score >= n
        && best.spaced * 8 < best.non_ascii
        && best.score - other.score >= (n / 2).max(16)
    {
        return Verdict {
            encoding: best.encoding,
            confident: true,
            strong: true,
            text: best_text,
        };
    }

    let mut detector = chardetng::EncodingDetector::new();
    let prefix = &bytes[..bytes.len().min(CHARDET_LIMIT)];
    detector.feed(prefix, prefix.len() == bytes.len());
    let (guess, guess_confident) = detector.guess_assess(tld.map(str::as_bytes), false);
    let guess = canonical(guess);

    // chardetng's guess wins ties; then the Chinese encodings in the order the TLD suggests.
    let first_chinese = if big5_first { [big5, gb] } else { [gb, big5] };
    let guessed = first_chinese
        .iter()
        .copied()
        .find(|s| s.encoding == guess)
        .unwrap_or_else(|| score(guess, bytes));
    // A confident, clean non-Chinese guess (Shift_JIS, EUC-KR…) stands unless a Chinese
    // reading is Chinese-looking and clearly better.
    if guess_confident && guessed.replaced == 0 && guess != GB18030 && guess != BIG5 {
        let n = guessed.non_ascii.max(first_chinese[0].non_ascii) as i64;
        // A very short text counts as Chinese only if every character is a common Hanzi.
        let beaten = first_chinese.iter().any(|c| {
            let diff = c.score - guessed.score;
            let all_common = c.replaced == 0
                && c.non_ascii >= 2
                && c.spaced == 0
                && c.score == 3 * c.non_ascii as i64;
            (c.looks_chinese() && diff >= (n / 2).max(16))
                || (all_common && diff >= 2 * c.non_ascii as i64)
        });
        if !beaten {
            return Verdict {
                encoding: guess,
                confident: true,
                strong: true,
                text: None,
            };
        }
    }
    let mut best = guessed;
    for s in first_chinese {
        if s.score > best.score {
            best = s;
        }
    }
    let confident = best.replaced == 0
        && best.non_ascii > 0
        && best.score > 0
        && (guess_confident || best.encoding != guess || best.score >= best.non_ascii as i64);
    Verdict {
        encoding: best.encoding,
        confident,
        strong: guess_confident && best.encoding == guess,
        text: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_hanzi_covers_both_scripts() {
        let map = common_hanzi();
        for c in ['中', '国', '这', '們', '這', '發', '发'] {
            assert!(is_common_hanzi(map, c), "{c} should be common");
        }
        assert!(!is_common_hanzi(map, '\u{9FA5}'));
    }

    #[test]
    fn tld_labels_are_normalised_or_dropped() {
        assert_eq!(tld_label("CN").as_deref(), Some("cn"));
        assert_eq!(tld_label(".tw").as_deref(), Some("tw"));
        assert_eq!(tld_label("news.example.com.hk").as_deref(), Some("hk"));
        assert_eq!(tld_label("中国"), None);
        assert_eq!(tld_label(""), None);
    }

    #[test]
    fn utf16_without_bom_both_orders() {
        let text = "新华社北京电，记者从有关部门获悉，今年秋粮收购进展顺利。";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(utf16(&le), Some(UTF_16LE));
        assert_eq!(utf16(&be), Some(UTF_16BE));
        let (gbk, _, _) = GB18030.encode(text);
        assert_eq!(utf16(&gbk), None);
    }

    #[test]
    fn nearly_utf8_tolerates_a_cut_character_but_not_legacy_text() {
        let text = "新华社北京电，记者从有关部门获悉，今年秋粮收购进展顺利。";
        let cut = &text.as_bytes()[..text.len() - 1];
        assert!(nearly_utf8(cut));
        let mut corrupted = text.as_bytes().to_vec();
        corrupted[9] = 0xFF;
        assert!(nearly_utf8(&corrupted));
        assert!(!nearly_utf8(&GB18030.encode(text).0));
        assert!(!nearly_utf8(b"ascii \xff only"));
    }
}
