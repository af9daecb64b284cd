//! Script detection by counting characters that only one script uses.
//!
//! The character classes come from OpenCC's own dictionaries (see
//! `data/variants/README.md`): a character is "Simplified only" when
//! OpenCC's s2t always replaces it and nothing converts to it the other way,
//! and the reverse for "Traditional only". Characters both scripts share
//! (中, 人, 后, 干 …) carry no evidence, so the decision rests only on the
//! characters that do.
//!
//! The region is a second, weaker signal read from Traditional text only:
//! character forms that OpenCC's Taiwan and Hong Kong variant tables produce
//! and the other does not (裡 / 衞, 説, 温 …), and wording that OpenCC's
//! regional phrase tables or everyday usage tie to one place (軟體, 計程車 /
//! 的士, Cantonese particles). Text in OpenCC's own standard forms (爲, 僞,
//! 衆 …), which neither region writes, reports no region unless the regional
//! evidence outweighs it. Text in the forms both regions share (為, 眾 …)
//! with nothing telling Taiwan from Hong Kong leans to Taiwan (see
//! [`detect`]).

use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use crate::{Config, Error};

/// The script a text is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Script {
    /// Simplified Chinese.
    Hans,
    /// Traditional Chinese.
    Hant,
    /// Both scripts in comparable amounts.
    Mixed,
    /// No Chinese text.
    NonChinese,
}

impl Script {
    /// The text form used by [`Display`](fmt::Display) and [`FromStr`].
    pub fn as_str(self) -> &'static str {
        match self {
            Script::Hans => "hans",
            Script::Hant => "hant",
            Script::Mixed => "mixed",
            Script::NonChinese => "non_chinese",
        }
    }
}

impl fmt::Display for Script {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Script {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "hans" => Ok(Script::Hans),
            "hant" => Ok(Script::Hant),
            "mixed" => Ok(Script::Mixed),
            "non_chinese" | "non-chinese" => Ok(Script::NonChinese),
            _ => Err(Error::UnknownScript { name: s.to_owned() }),
        }
    }
}

/// Regional flavour of a text's wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Region {
    /// Taiwan wording.
    Taiwan,
    /// Hong Kong wording.
    HongKong,
}

impl Region {
    /// The text form used by [`Display`](fmt::Display) and [`FromStr`].
    pub fn as_str(self) -> &'static str {
        match self {
            Region::Taiwan => "tw",
            Region::HongKong => "hk",
        }
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Region {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "tw" => Ok(Region::Taiwan),
            "hk" => Ok(Region::HongKong),
            _ => Err(Error::UnknownRegion { name: s.to_owned() }),
        }
    }
}

/// What [`detect`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detection {
    /// The script.
    pub script: Script,
    /// The regional flavour, when it can tell (only for [`Script::Hant`]).
    pub region: Option<Region>,
}

impl Detection {
    /// The OpenCC config that brings text with this detection to mainland
    /// Simplified, or `None` when it needs no conversion.
    ///
    /// Traditional text uses the regional config with mainland wording
    /// (tw2sp, hk2sp) when the region is known, else t2s; mixed text uses
    /// t2s, which leaves Simplified characters as they are.
    ///
    /// ```
    /// use zhnews_script::{detect, Config};
    /// assert_eq!(detect("這套軟體透過網路下載").to_simplified(), Some(Config::Tw2sp));
    /// assert_eq!(detect("这套软件通过网络下载").to_simplified(), None);
    /// ```
    pub fn to_simplified(&self) -> Option<Config> {
        match (self.script, self.region) {
            (Script::Hans | Script::NonChinese, _) => None,
            (Script::Hant, Some(Region::Taiwan)) => Some(Config::Tw2sp),
            (Script::Hant, Some(Region::HongKong)) => Some(Config::Hk2sp),
            (Script::Hant, None) | (Script::Mixed, _) => Some(Config::T2s),
        }
    }
}

/// The counts [`detect`] decides on, for callers that want to apply their
/// own thresholds or explain a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Evidence {
    /// Han characters of any kind.
    pub han: usize,
    /// Japanese kana and Korean hangul.
    pub kana_hangul: usize,
    /// Characters only Simplified Chinese uses.
    pub simplified_only: usize,
    /// Characters only Traditional Chinese uses.
    pub traditional_only: usize,
    /// Taiwan markers (character forms and words).
    pub taiwan: usize,
    /// Hong Kong markers (character forms, words, Cantonese particles).
    pub hong_kong: usize,
    /// OpenCC standard forms that neither Taiwan nor Hong Kong writes.
    pub opencc_standard: usize,
    /// Forms both Taiwan and Hong Kong write where OpenCC's standard differs
    /// (為 for 爲, 眾 for 衆 …): regional text, region unknown.
    pub regional_shared: usize,
}

/// Detects the script of `text` and, for Traditional text, its region.
///
/// - No Han characters, or kana/hangul more than a quarter of the Han
///   characters (Japanese, Korean): [`Script::NonChinese`].
/// - The minority script has at least one character and at least a fifth
///   of the script-specific characters: [`Script::Mixed`].
/// - Otherwise the majority; text whose characters all belong to both
///   scripts is [`Script::Hans`], since converting it to Simplified changes
///   nothing.
///
/// The region (only for [`Script::Hant`]) is the side with more regional
/// forms and words, unless OpenCC standard forms are at least as many. When
/// neither side has any but the text uses the forms both regions share
/// instead of OpenCC's standard ones (為 rather than 爲), it is
/// [`Region::Taiwan`]: Taiwan is by far the larger source of such text, and
/// Hong Kong text nearly always shows one of its own forms or words.
///
/// ```
/// use zhnews_script::{detect, Region, Script};
/// assert_eq!(detect("国家主席在北京会见外长").script, Script::Hans);
/// let d = detect("這套軟體透過網路下載，資料存在硬碟裡。");
/// assert_eq!((d.script, d.region), (Script::Hant, Some(Region::Taiwan)));
/// assert_eq!(detect("Hello, world").script, Script::NonChinese);
/// ```
pub fn detect(text: &str) -> Detection {
    decide(&evidence(text))
}

/// Counts the evidence [`detect`] decides on.
pub fn evidence(text: &str) -> Evidence {
    let tables = tables();
    let mut ev = Evidence::default();
    for (i, c) in text.char_indices() {
        let cp = c as u32;
        if cp < 0x3040 {
            continue;
        }
        // The common case first: one range test and one table load.
        let class = if (0x4E00..0xA000).contains(&cp) {
            tables
                .dense
                .get((cp - DENSE_START) as usize)
                .copied()
                .unwrap_or(0)
        } else if is_kana_or_hangul(cp) {
            ev.kana_hangul += 1;
            continue;
        } else if is_han(cp) {
            tables.class(c)
        } else {
            continue;
        };
        ev.han += 1;
        if class == 0 {
            continue;
        }
        if class & HANS != 0 {
            ev.simplified_only += 1;
        }
        if class & HANT != 0 {
            ev.traditional_only += 1;
        }
        if class & TW != 0 {
            ev.taiwan += 1;
        }
        if class & HK != 0 {
            ev.hong_kong += 1;
        }
        if class & STD != 0 {
            ev.opencc_standard += 1;
        }
        if class & SHARED != 0 {
            ev.regional_shared += 1;
        }
        if class & WORD != 0 {
            let rest = &text[i..];
            let from = tables.words.partition_point(|&(first, _, _)| first < c);
            for &(_, word, region) in tables.words[from..].iter().take_while(|w| w.0 == c) {
                if rest.starts_with(word) {
                    match region {
                        Region::Taiwan => ev.taiwan += 1,
                        Region::HongKong => ev.hong_kong += 1,
                    }
                }
            }
        }
    }
    ev
}

fn decide(ev: &Evidence) -> Detection {
    // Japanese prose runs at a third or more kana even when dense with
    // kanji; Chinese text has none beyond a stray の in a brand name.
    if ev.han == 0 || ev.kana_hangul * 4 > ev.han {
        return Detection {
            script: Script::NonChinese,
            region: None,
        };
    }
    let (s, t) = (ev.simplified_only, ev.traditional_only);
    let minority = s.min(t);
    let script = if minority > 0 && minority * 5 >= s + t {
        Script::Mixed
    } else if t > s {
        Script::Hant
    } else {
        Script::Hans
    };
    let region = if script != Script::Hant {
        None
    } else if ev.taiwan == 0 && ev.hong_kong == 0 {
        // Regional forms with nothing that tells the regions apart: lean to
        // Taiwan, the far larger source of Traditional text, whose wording
        // (支援 for 支持 …) a Taiwan-aware conversion undoes; Hong Kong text
        // nearly always shows one of its own forms (説, 温, 衞 …) or words.
        (ev.regional_shared > ev.opencc_standard).then_some(Region::Taiwan)
    } else if ev.opencc_standard >= ev.taiwan.max(ev.hong_kong) {
        None
    } else if ev.taiwan > ev.hong_kong {
        Some(Region::Taiwan)
    } else if ev.hong_kong > ev.taiwan {
        Some(Region::HongKong)
    } else {
        None
    };
    Detection { script, region }
}

const HANS: u8 = 1;
const HANT: u8 = 2;
const TW: u8 = 4;
const HK: u8 = 8;
const STD: u8 = 16;
/// First character of a regional word in [`WORDS`].
const WORD: u8 = 32;
const SHARED: u8 = 64;

/// Character forms OpenCC's TWVariants produces and HKVariants does not,
/// left out where the form is common in Hong Kong writing as well (群, 床, 峰,
/// 麵, 著).
const TW_CHARS: &str = "裡啟汙洩痺睪簷韁";
/// Character forms OpenCC's HKVariants produces and TWVariants does not;
/// Taiwan and OpenCC's standard write the other form.
const HK_CHARS: &str = "兑卧叁囱媪悦愠户揾敍枴氲温煴税緼脱腽葱蒀藴蜕衞説醖鈎鋭閲";
/// OpenCC standard forms that both TWVariants and HKVariants replace: text
/// made by s2t/t2s-style converters, not written in either region.
const STD_CHARS: &str = "爲僞衆癡皁祕竈糉脣踊鉢鍼潙蔿嬀";
/// What both TWVariants and HKVariants write for [`STD_CHARS`].
const SHARED_CHARS: &str = "為偽眾痴皂秘灶粽唇踴缽針溈蒍媯";

/// Regional wording. Taiwan words are from OpenCC's TWPhrases, keeping only
/// those Hong Kong does not share (HKPhrases gives 滑鼠, 硬碟, 伺服器 … to
/// Hong Kong too), plus Taiwan institutions; Hong Kong words are Hong Kong
/// usage that Taiwan replaces, Hong Kong institutions and Cantonese
/// particles, which written Taiwanese Mandarin never uses. Generic terms
/// that name a region's institution elsewhere too (立法會 is any
/// legislature) are left out.
const WORDS: &[(&str, Region)] = &[
    ("軟體", Region::Taiwan),
    ("網路", Region::Taiwan),
    ("計程車", Region::Taiwan),
    ("隨身碟", Region::Taiwan),
    ("部落格", Region::Taiwan),
    ("人工智慧", Region::Taiwan),
    ("數位", Region::Taiwan),
    ("印表機", Region::Taiwan),
    ("雷射", Region::Taiwan),
    ("簡訊", Region::Taiwan),
    ("捷運", Region::Taiwan),
    ("螢幕", Region::Taiwan),
    ("臉書", Region::Taiwan),
    ("行政院", Region::Taiwan),
    ("立法院", Region::Taiwan),
    ("新臺幣", Region::Taiwan),
    ("新台幣", Region::Taiwan),
    ("使用者", Region::Taiwan),
    ("晶片", Region::Taiwan),
    ("釋出", Region::Taiwan),
    ("點選", Region::Taiwan),
    ("腳踏車", Region::Taiwan),
    ("軟件", Region::HongKong),
    ("網絡", Region::HongKong),
    ("的士", Region::HongKong),
    ("私隱", Region::HongKong),
    ("質素", Region::HongKong),
    ("貼士", Region::HongKong),
    ("埋單", Region::HongKong),
    ("特首", Region::HongKong),
    ("港鐵", Region::HongKong),
    ("港府", Region::HongKong),
    ("港元", Region::HongKong),
    ("港幣", Region::HongKong),
    ("特區政府", Region::HongKong),
    ("嘅", Region::HongKong),
    ("咗", Region::HongKong),
    ("佢", Region::HongKong),
    ("冇", Region::HongKong),
    ("喺", Region::HongKong),
    ("啲", Region::HongKong),
    ("嘢", Region::HongKong),
    ("睇", Region::HongKong),
    ("哋", Region::HongKong),
];

const HANS_ONLY: &str = include_str!("../data/variants/hans_only.txt");
const HANT_ONLY: &str = include_str!("../data/variants/hant_only.txt");

/// Classes for U+3400..=U+9FFF in a flat table (one byte each, 27 KiB);
/// the rarer planes in a sorted list.
const DENSE_START: u32 = 0x3400;
const DENSE_END: u32 = 0xA000;

struct Tables {
    dense: Vec<u8>,
    sparse: Vec<(char, u8)>,
    /// [`WORDS`] keyed and sorted by first character.
    words: Vec<(char, &'static str, Region)>,
}

impl Tables {
    fn class(&self, c: char) -> u8 {
        let cp = c as u32;
        if (DENSE_START..DENSE_END).contains(&cp) {
            self.dense
                .get((cp - DENSE_START) as usize)
                .copied()
                .unwrap_or(0)
        } else {
            match self.sparse.binary_search_by_key(&c, |&(k, _)| k) {
                Ok(i) => self.sparse[i].1,
                Err(_) => 0,
            }
        }
    }

    fn add(&mut self, c: char, class: u8) {
        let cp = c as u32;
        if (DENSE_START..DENSE_END).contains(&cp) {
            if let Some(slot) = self.dense.get_mut((cp - DENSE_START) as usize) {
                *slot |= class;
            }
        } else {
            match self.sparse.binary_search_by_key(&c, |&(k, _)| k) {
                Ok(i) => self.sparse[i].1 |= class,
                Err(i) => self.sparse.insert(i, (c, class)),
            }
        }
    }
}

fn table_chars(data: &'static str) -> impl Iterator<Item = char> {
    data.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.chars().next())
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut t = Tables {
            dense: vec![0; (DENSE_END - DENSE_START) as usize],
            sparse: Vec::new(),
            words: Vec::new(),
        };
        for c in table_chars(HANS_ONLY) {
            t.add(c, HANS);
        }
        for c in table_chars(HANT_ONLY) {
            t.add(c, HANT);
        }
        for (chars, class) in [
            (TW_CHARS, TW),
            (HK_CHARS, HK),
            (STD_CHARS, STD),
            (SHARED_CHARS, SHARED),
        ] {
            for c in chars.chars() {
                t.add(c, class);
            }
        }
        for &(word, region) in WORDS {
            if let Some(c) = word.chars().next() {
                t.add(c, WORD);
                t.words.push((c, word, region));
            }
        }
        t.words.sort_by_key(|w| w.0);
        t
    })
}

fn is_han(cp: u32) -> bool {
    matches!(cp,
        0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0x20000..=0x3134F)
        || cp == 0x3007
}

fn is_kana_or_hangul(cp: u32) -> bool {
    matches!(cp,
        0x3041..=0x3096
        | 0x30A1..=0x30FA
        | 0x31F0..=0x31FF
        | 0xFF66..=0xFF9D
        | 0x1100..=0x11FF
        | 0x3131..=0x318E
        | 0xAC00..=0xD7A3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_disjoint_where_it_matters() {
        let t = tables();
        for c in table_chars(HANS_ONLY) {
            assert_eq!(t.class(c) & HANT, 0, "{c} is in both script tables");
        }
        assert!(table_chars(HANS_ONLY).count() > 3000);
        assert!(table_chars(HANT_ONLY).count() > 3000);
    }

    #[test]
    fn regional_characters_are_traditional_or_shared() {
        let t = tables();
        for c in TW_CHARS
            .chars()
            .chain(HK_CHARS.chars())
            .chain(STD_CHARS.chars())
        {
            assert_eq!(t.class(c) & HANS, 0, "{c} is marked Simplified-only");
        }
    }

    #[test]
    fn shared_characters_carry_no_evidence() {
        let ev = evidence("中文人口大小后面");
        assert_eq!((ev.simplified_only, ev.traditional_only), (0, 0));
        assert_eq!(ev.han, 8);
        assert_eq!(detect("中文人口大小").script, Script::Hans);
    }

    #[test]
    fn script_text_forms_round_trip() {
        for s in [
            Script::Hans,
            Script::Hant,
            Script::Mixed,
            Script::NonChinese,
        ] {
            assert_eq!(s.to_string().parse::<Script>(), Ok(s));
        }
        for r in [Region::Taiwan, Region::HongKong] {
            assert_eq!(r.to_string().parse::<Region>(), Ok(r));
        }
        match "latin".parse::<Script>() {
            Err(err) => assert!(err.to_string().contains("non_chinese")),
            Ok(s) => panic!("parsed latin as {s}"),
        }
    }
}
