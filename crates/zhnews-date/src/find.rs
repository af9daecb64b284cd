//! Date expressions in running text, resolved against an anchor.
//!
//! The scan has two stages: a byte-level pre-filter jumps to characters that can start an
//! expression (digits, Chinese numerals and a few dozen date words' first characters), and
//! only there the grammar (nom combinators over `&str`) runs. Most attempts fail after one or
//! two characters, which keeps sparse text fast.

use crate::Precision;
use crate::lunar;
use crate::num::{self, Res};
use chrono::{
    DateTime, Datelike, Days, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone,
    Timelike,
};
use nom::Parser;
use nom::branch::alt;
use nom::combinator::{map, opt, verify};
use nom::sequence::{delimited, preceded, terminated};
use std::ops::Range;

/// One date expression found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte range of the expression in the text (on char boundaries).
    pub range: Range<usize>,
    /// The expression as written.
    pub text: String,
    /// Start of the interval the expression denotes (inclusive).
    pub start: DateTime<FixedOffset>,
    /// End of the interval (exclusive).
    pub end: DateTime<FixedOffset>,
    /// What the expression is precise to.
    pub precision: Precision,
    /// The expression was introduced by 当地时间: its date and time are a foreign place's,
    /// kept as written in the anchor's offset.
    pub local_time: bool,
}

/// Finds and resolves the date expressions in `text`, in order, without overlaps.
///
/// `anchor` is the moment the text speaks from (usually its publication time); relative
/// expressions and dates without a year are resolved against it, in its offset. See the
/// crate docs for the conventions.
///
/// ```
/// use chrono::{FixedOffset, TimeZone};
/// use zhnews_date::{find_dates, Precision};
///
/// let anchor = FixedOffset::east_opt(8 * 3600).unwrap().with_ymd_and_hms(2026, 1, 20, 9, 0, 0).unwrap();
/// let found = find_dates("农历马年春节前，第9届论坛上周五闭幕", anchor);
/// assert_eq!(found.len(), 2);
/// assert_eq!(found[0].start.date_naive().to_string(), "2026-02-17");
/// assert_eq!(found[1].text, "上周五");
/// assert_eq!(found[1].start.date_naive().to_string(), "2026-01-16");
/// ```
pub fn find_dates(text: &str, anchor: DateTime<FixedOffset>) -> Vec<Mention> {
    let cx = Cx::new(anchor);
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(p) = next_candidate(bytes, pos) {
        match expr(&cx, text, p) {
            Some((end, iv, local_time)) if end > p => {
                if let (Some(start), Some(stop)) = (cx.at(iv.start), cx.at(iv.end)) {
                    out.push(Mention {
                        range: p..end,
                        text: text[p..end].to_owned(),
                        start,
                        end: stop,
                        precision: iv.precision,
                        local_time,
                    });
                }
                pos = end;
            }
            _ => pos = p + utf8_len(bytes[p]),
        }
    }
    out
}

fn utf8_len(lead: u8) -> usize {
    match lead {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

/// Characters that can start an expression, besides ASCII and full-width digits.
const TRIGGERS: &str = "第〇零一二两兩三四五六七八九十廿今昨前明后後大去本这這上下当當凌早中傍晚夜周週星礼禮农農阴陰春除元端重腊臘正冬闰閏国國劳勞儿兒妇婦圣聖平情鼠牛虎兔龙龍蛇马馬羊猴鸡雞狗猪豬北";

/// Characters that may follow a number in an expression (a unit, a separator, a connector).
const AFTER_NUMBER: &str = "年月日号號时時点點分秒天周週星个個小至到〜夕季";

/// Characters that may come second in a word that starts an expression (上周, 下午, 春节…).
const SECOND: &str = "半晚夜晨早前后後天日上下个個月年周週星礼禮期拜历曆节節夕宵午秋阳陽旦人女动動童庆慶安诞誕间間里裡地京正末〇零一二两兩三四五六七八九十廿";

const SET_BASE: u32 = 0x3000;
const SET_WORDS: usize = (0xA000 - 0x3000) / 64;

type CharSet = [u64; SET_WORDS];

/// A bit set over U+3000..U+9FFF of the characters of `s`, built at compile time.
const fn char_set(s: &str) -> CharSet {
    let mut set = [0u64; SET_WORDS];
    let b = s.as_bytes();
    let mut i = 0;
    while i + 2 < b.len() {
        let cp = ((b[i] as u32 & 0x0F) << 12)
            | ((b[i + 1] as u32 & 0x3F) << 6)
            | (b[i + 2] as u32 & 0x3F);
        let k = (cp - SET_BASE) as usize;
        set[k / 64] |= 1 << (k % 64);
        i += 3;
    }
    set
}

static TRIGGER_SET: CharSet = char_set(TRIGGERS);
static AFTER_NUMBER_SET: CharSet = char_set(AFTER_NUMBER);
static SECOND_SET: CharSet = char_set(SECOND);

fn in_set(set: &CharSet, c: char) -> bool {
    let cp = c as u32;
    if !(SET_BASE..0xA000).contains(&cp) {
        return false;
    }
    let k = (cp - SET_BASE) as usize;
    set[k / 64] & (1 << (k % 64)) != 0
}

fn is_number_char(c: char) -> bool {
    num::digit_value(c).is_some() || num::cn_digit(c).is_some() || matches!(c, '十' | '廿' | '卅')
}

/// Second-stage filter, before any grammar runs: a number must be followed by a unit or
/// separator, a word's second character must be one some date word has.
fn plausible(input: &str) -> bool {
    let mut chars = input.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if is_number_char(first) {
        for c in chars.take(12) {
            if is_number_char(c) {
                continue;
            }
            return in_set(&AFTER_NUMBER_SET, c)
                || matches!(
                    c,
                    '-' | '/' | '.' | ':' | '~' | '—' | '–' | '～' | '－' | '：'
                );
        }
        return false;
    }
    chars
        .next()
        .is_some_and(|c| in_set(&SECOND_SET, c) || num::digit_value(c).is_some())
}

/// The next byte offset at or after `from` where an expression may start.
fn next_candidate(bytes: &[u8], mut i: usize) -> Option<usize> {
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if b.is_ascii_digit() {
                return Some(i);
            }
            i += 1;
            continue;
        }
        if (0xE3..=0xE9).contains(&b) && i + 2 < bytes.len() {
            let cp = ((b as u32 & 0x0F) << 12)
                | ((bytes[i + 1] as u32 & 0x3F) << 6)
                | (bytes[i + 2] as u32 & 0x3F);
            if let Some(c) = char::from_u32(cp)
                && in_set(&TRIGGER_SET, c)
            {
                return Some(i);
            }
        } else if b == 0xEF
            && i + 2 < bytes.len()
            && bytes[i + 1] == 0xBC
            && (0x90..=0x99).contains(&bytes[i + 2])
        {
            return Some(i);
        }
        i += utf8_len(b);
    }
    None
}

/// An interval in the anchor's local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Iv {
    start: NaiveDateTime,
    end: NaiveDateTime,
    precision: Precision,
}

/// A resolved end of an expression, with what a following range end may inherit.
#[derive(Debug, Clone, Copy)]
struct Resolved {
    iv: Iv,
    year: Option<i32>,
    month: Option<u32>,
    day: Option<NaiveDate>,
    part: Option<Part>,
}

struct Cx {
    offset: FixedOffset,
    now: NaiveDateTime,
    today: NaiveDate,
}

impl Cx {
    fn new(anchor: DateTime<FixedOffset>) -> Self {
        let now = anchor.naive_local();
        Cx {
            offset: *anchor.offset(),
            now,
            today: now.date(),
        }
    }

    fn at(&self, t: NaiveDateTime) -> Option<DateTime<FixedOffset>> {
        self.offset.from_local_datetime(&t).single()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum YearSpec {
    Abs(i32),
    Two(i32),
    Rel(i32),
    Lunar(i32),
    Zodiac(i32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MonthSpec {
    Abs(u32),
    Rel(i32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WeekDay {
    Day(u32),
    Weekend,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct WeekSpec {
    offset: Option<i32>,
    day: Option<WeekDay>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LunarSpec {
    MonthDay { month: u32, leap: bool, day: u32 },
    Eve,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    EarlyMorning,
    Morning,
    Forenoon,
    Noon,
    Afternoon,
    Dusk,
    Evening,
    Night,
    /// 晚 alone: only before a clock time.
    BareEvening,
    /// 早 alone: only before a clock time.
    BareMorning,
}

impl Part {
    fn hours(self) -> Option<(u32, u32)> {
        Some(match self {
            Part::EarlyMorning => (0, 5),
            Part::Morning => (6, 10),
            Part::Forenoon => (7, 12),
            Part::Noon => (12, 14),
            Part::Afternoon => (13, 18),
            Part::Dusk => (17, 19),
            Part::Evening => (18, 24),
            Part::Night => (20, 24),
            Part::BareEvening | Part::BareMorning => return None,
        })
    }

    /// The 24-hour hour of a 12-hour clock reading said with this part of day.
    fn shift(self, h: u32) -> u32 {
        match self {
            Part::Afternoon | Part::Dusk | Part::Evening | Part::Night | Part::BareEvening
                if (1..12).contains(&h) =>
            {
                h + 12
            }
            Part::Noon if (1..3).contains(&h) => h + 12,
            Part::EarlyMorning if h == 12 => 0,
            _ => h,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Clock {
    h: u32,
    m: Option<u32>,
    s: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AgoUnit {
    Year,
    Month,
    Week,
    Day,
    Hour,
    Minute,
    Second,
}

/// An expression end as parsed, before resolution.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Raw {
    year: Option<YearSpec>,
    month: Option<MonthSpec>,
    day: Option<u32>,
    xun: Option<u32>,
    day_rel: Option<i64>,
    week: Option<WeekSpec>,
    lunar: Option<LunarSpec>,
    fixed: Option<(u32, u32)>,
    ago: Option<(i64, AgoUnit)>,
    part: Option<Part>,
    clock: Option<Clock>,
}

impl Raw {
    fn has_date(&self) -> bool {
        self.year.is_some()
            || self.month.is_some()
            || self.day.is_some()
            || self.day_rel.is_some()
            || self.week.is_some()
            || self.lunar.is_some()
            || self.fixed.is_some()
            || self.ago.is_some()
    }
}

// ---------------------------------------------------------------- lexicon helpers

/// The first of `words` that `i` starts with, and its value.
fn word<T: Copy>(words: &'static [(&'static str, T)]) -> impl Fn(&str) -> Res<'_, T> {
    move |i: &str| {
        for &(w, v) in words {
            if let Some(rest) = i.strip_prefix(w) {
                return Ok((rest, v));
            }
        }
        Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Tag,
        )))
    }
}

fn lit(words: &'static [&'static str]) -> impl Fn(&str) -> Res<'_, ()> {
    move |i: &str| {
        for w in words {
            if let Some(rest) = i.strip_prefix(w) {
                return Ok((rest, ()));
            }
        }
        Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Tag,
        )))
    }
}

fn fail<T>(i: &str) -> Res<'_, T> {
    Err(nom::Err::Error(nom::error::Error::new(
        i,
        nom::error::ErrorKind::Verify,
    )))
}

fn spaces(i: &str) -> &str {
    i.trim_start_matches([' ', '\u{3000}', '\u{a0}'])
}

const CONNECTORS: &[&str] = &["至", "到", "——", "—", "–", "-", "－", "~", "～", "〜"];

/// A range connector, with optional spaces around it.
fn connector(i: &str) -> Res<'_, ()> {
    let (rest, ()) = lit(CONNECTORS)(spaces(i))?;
    Ok((spaces(rest), ()))
}

fn day_unit(i: &str) -> Res<'_, ()> {
    lit(&["日", "号", "號"])(i)
}

fn month_unit(i: &str) -> Res<'_, ()> {
    let (rest, ()) = lit(&["月"])(i)?;
    Ok((rest.strip_prefix("份").unwrap_or(rest), ()))
}

/// Month number 1–12 (digits or Chinese numeral).
fn month_num(i: &str) -> Res<'_, u32> {
    verify(num::number(2), |m| (1..=12).contains(m)).parse(i)
}

/// Day number 1–31 (digits or Chinese numeral).
fn day_num(i: &str) -> Res<'_, u32> {
    verify(num::number(2), |d| (1..=31).contains(d)).parse(i)
}

/// A four-digit year: digits (1000–2999) or Chinese digit characters.
fn year4(i: &str) -> Res<'_, i32> {
    if let Ok((rest, (v, 4))) = num::digits(i) {
        return if (1000..=2999).contains(&v) {
            Ok((rest, v as i32))
        } else {
            fail(i)
        };
    }
    num::cn_year(i)
}

const REL_YEARS: &[(&str, i32)] = &[
    ("今年", 0),
    ("去年", -1),
    ("前年", -2),
    ("明年", 1),
    ("后年", 2),
    ("後年", 2),
    ("本年", 0),
];

const ZODIAC: &[(&str, i32)] = &[
    ("鼠", 0),
    ("牛", 1),
    ("虎", 2),
    ("兔", 3),
    ("龙", 4),
    ("龍", 4),
    ("蛇", 5),
    ("马", 6),
    ("馬", 6),
    ("羊", 7),
    ("猴", 8),
    ("鸡", 9),
    ("雞", 9),
    ("狗", 10),
    ("猪", 11),
    ("豬", 11),
];

const FESTIVALS: &[(&str, LunarSpec)] = &[
    (
        "春节",
        LunarSpec::MonthDay {
            month: 1,
            leap: false,
            day: 1,
        },
    ),
    (
        "春節",
        LunarSpec::MonthDay {
            month: 1,
            leap: false,
            day: 1,
        },
    ),
    ("除夕", LunarSpec::Eve),
    (
        "元宵节",
        LunarSpec::MonthDay {
            month: 1,
            leap: false,
            day: 15,
        },
    ),
    (
        "元宵節",
        LunarSpec::MonthDay {
            month: 1,
            leap: false,
            day: 15,
        },
    ),
    (
        "端午节",
        LunarSpec::MonthDay {
            month: 5,
            leap: false,
            day: 5,
        },
    ),
    (
        "端午節",
        LunarSpec::MonthDay {
            month: 5,
            leap: false,
            day: 5,
        },
    ),
    (
        "端午",
        LunarSpec::MonthDay {
            month: 5,
            leap: false,
            day: 5,
        },
    ),
    (
        "七夕",
        LunarSpec::MonthDay {
            month: 7,
            leap: false,
            day: 7,
        },
    ),
    (
        "中秋节",
        LunarSpec::MonthDay {
            month: 8,
            leap: false,
            day: 15,
        },
    ),
    (
        "中秋節",
        LunarSpec::MonthDay {
            month: 8,
            leap: false,
            day: 15,
        },
    ),
    (
        "中秋",
        LunarSpec::MonthDay {
            month: 8,
            leap: false,
            day: 15,
        },
    ),
    (
        "重阳节",
        LunarSpec::MonthDay {
            month: 9,
            leap: false,
            day: 9,
        },
    ),
    (
        "重陽節",
        LunarSpec::MonthDay {
            month: 9,
            leap: false,
            day: 9,
        },
    ),
    (
        "腊八节",
        LunarSpec::MonthDay {
            month: 12,
            leap: false,
            day: 8,
        },
    ),
    (
        "腊八",
        LunarSpec::MonthDay {
            month: 12,
            leap: false,
            day: 8,
        },
    ),
    (
        "臘八",
        LunarSpec::MonthDay {
            month: 12,
            leap: false,
            day: 8,
        },
    ),
];

const FIXED_FESTIVALS: &[(&str, (u32, u32))] = &[
    ("元旦", (1, 1)),
    ("情人节", (2, 14)),
    ("情人節", (2, 14)),
    ("妇女节", (3, 8)),
    ("婦女節", (3, 8)),
    ("劳动节", (5, 1)),
    ("勞動節", (5, 1)),
    ("儿童节", (6, 1)),
    ("兒童節", (6, 1)),
    ("国庆节", (10, 1)),
    ("國慶節", (10, 1)),
    ("平安夜", (12, 24)),
    ("圣诞节", (12, 25)),
    ("聖誕節", (12, 25)),
];

const REL_DAYS: &[(&str, i64)] = &[
    ("大前天", -3),
    ("大后天", 3),
    ("大後天", 3),
    ("今天", 0),
    ("今日", 0),
    ("昨天", -1),
    ("昨日", -1),
    ("前天", -2),
    ("明天", 1),
    ("明日", 1),
    ("后天", 2),
    ("後天", 2),
    ("当天", 0),
    ("當天", 0),
    ("当日", 0),
    ("當日", 0),
];

const REL_PARTS: &[(&str, (i64, Part))] = &[
    ("昨晚", (-1, Part::Evening)),
    ("昨夜", (-1, Part::Night)),
    ("今晨", (0, Part::Morning)),
    ("今早", (0, Part::Morning)),
    ("今晚", (0, Part::Evening)),
    ("当晚", (0, Part::Evening)),
    ("當晚", (0, Part::Evening)),
    ("明晚", (1, Part::Evening)),
];

const PARTS: &[(&str, Part)] = &[
    ("凌晨", Part::EarlyMorning),
    ("早上", Part::Morning),
    ("早晨", Part::Morning),
    ("早间", Part::Morning),
    ("早間", Part::Morning),
    ("上午", Part::Forenoon),
    ("中午", Part::Noon),
    ("下午", Part::Afternoon),
    ("傍晚", Part::Dusk),
    ("晚上", Part::Evening),
    ("晚间", Part::Night),
    ("晚間", Part::Night),
    ("夜间", Part::Night),
    ("夜間", Part::Night),
    ("夜里", Part::Night),
    ("夜裡", Part::Night),
    ("晚", Part::BareEvening),
    ("早", Part::BareMorning),
];

const REL_MONTHS: &[(&str, i32)] = &[
    ("上上个月", -2),
    ("上个月", -1),
    ("上個月", -1),
    ("上月", -1),
    ("本月", 0),
    ("这个月", 0),
    ("這個月", 0),
    ("当月", 0),
    ("當月", 0),
    ("下个月", 1),
    ("下個月", 1),
    ("下月", 1),
];

const WEEK_PREFIX: &[(&str, i32)] = &[
    ("上上个", -2),
    ("上上", -2),
    ("上个", -1),
    ("上個", -1),
    ("上", -1),
    ("本", 0),
    ("这个", 0),
    ("這個", 0),
    ("这", 0),
    ("這", 0),
    ("下个", 1),
    ("下個", 1),
    ("下下", 2),
    ("下", 1),
];

const WEEK_UNIT: &[&str] = &["星期", "礼拜", "禮拜", "周", "週"];

fn weekday_char(i: &str) -> Res<'_, WeekDay> {
    word(&[
        ("一", WeekDay::Day(0)),
        ("二", WeekDay::Day(1)),
        ("三", WeekDay::Day(2)),
        ("四", WeekDay::Day(3)),
        ("五", WeekDay::Day(4)),
        ("六", WeekDay::Day(5)),
        ("日", WeekDay::Day(6)),
        ("天", WeekDay::Day(6)),
        ("末", WeekDay::Weekend),
    ])(i)
}

const AGO_UNITS: &[(&str, AgoUnit)] = &[
    ("个小时", AgoUnit::Hour),
    ("個小時", AgoUnit::Hour),
    ("小时", AgoUnit::Hour),
    ("小時", AgoUnit::Hour),
    ("个钟头", AgoUnit::Hour),
    ("分钟", AgoUnit::Minute),
    ("分鐘", AgoUnit::Minute),
    ("秒钟", AgoUnit::Second),
    ("秒", AgoUnit::Second),
    ("天", AgoUnit::Day),
    ("个星期", AgoUnit::Week),
    ("個星期", AgoUnit::Week),
    ("个礼拜", AgoUnit::Week),
    ("星期", AgoUnit::Week),
    ("周", AgoUnit::Week),
    ("週", AgoUnit::Week),
    ("个月", AgoUnit::Month),
    ("個月", AgoUnit::Month),
    ("年", AgoUnit::Year),
];

const AGO_SUFFIX: &[(&str, i64)] = &[
    ("以前", -1),
    ("之前", -1),
    ("前", -1),
    ("以后", 1),
    ("以後", 1),
    ("之后", 1),
    ("之後", 1),
    ("后", 1),
    ("後", 1),
];

// ---------------------------------------------------------------- grammar

/// `N天前`, `3小时后`, `两个月前`…
fn ago(i: &str) -> Res<'_, (i64, AgoUnit)> {
    let count = alt((
        map(verify(num::digits, |&(_, len)| len <= 3), |(v, _)| v as i64),
        map(num::cn_small, i64::from),
    ));
    map(
        (count, word(AGO_UNITS), word(AGO_SUFFIX)),
        |(n, unit, sign)| (n * sign, unit),
    )
    .parse(i)
}

/// `YYYY-MM-DD`, `YYYY/M/D`, `YYYY.M.D` in text.
fn numeric_date(i: &str) -> Res<'_, (i32, u32, u32)> {
    let (rest, (y, n)) = num::digits(i)?;
    if n != 4 || !(1000..=2999).contains(&y) {
        return fail(i);
    }
    let sep = match rest.chars().next() {
        Some(c @ ('-' | '/' | '.')) => c,
        _ => return fail(i),
    };
    let (rest, m) = num::small(2)(&rest[1..])?;
    let rest = rest.strip_prefix(sep).ok_or_else(|| {
        nom::Err::Error(nom::error::Error::new(rest, nom::error::ErrorKind::Char))
    })?;
    let (rest, d) = num::small(2)(rest)?;
    // A longer dotted or dashed run is a version or an identifier, not a date.
    if rest.starts_with(|c: char| num::digit_value(c).is_some())
        || (rest.starts_with(sep) && rest[1..].starts_with(|c: char| c.is_ascii_digit()))
    {
        return fail(i);
    }
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return fail(i);
    }
    Ok((rest, (y as i32, m, d)))
}

/// A clock reading after a date or part of day (`3点`, `8时30分`, `3点半`, `15:30`), or alone
/// when it gives minutes with 分 (`10时30分`).
fn clock(i: &str, context: bool) -> Res<'_, Clock> {
    if context && let Ok((rest, (h, 1..=2))) = num::digits(i) {
        if let Some(r) = rest.strip_prefix(':').or_else(|| rest.strip_prefix('：')) {
            let (r, (m, 2)) = num::digits(r)? else {
                return fail(i);
            };
            let (r, s) = match r.strip_prefix(':').map(num::digits) {
                Some(Ok((r2, (s, 2)))) => (r2, Some(s as u32)),
                _ => (r, None),
            };
            return Ok((
                r,
                Clock {
                    h: h as u32,
                    m: Some(m as u32),
                    s,
                },
            ));
        }
    }
    let (rest, h) = num::number(2)(i)?;
    if h > 24 {
        return fail(i);
    }
    let (mut rest, ()) = lit(&["点钟", "點鐘", "点", "點", "时", "時"])(rest)?;
    let mut m = None;
    let mut s = None;
    if let Ok((r, ())) = lit(&["半"])(rest) {
        m = Some(30);
        rest = r;
    } else if let Ok((r, q)) = word(&[("一刻", 15), ("三刻", 45)])(rest) {
        m = Some(q);
        rest = r;
    } else if let Ok((r, v)) = num::number(2)(rest) {
        if let Ok((r2, ())) = lit(&["分"])(r) {
            m = Some(v);
            rest = r2;
            if let Ok((r3, v3)) = num::number(2)(rest)
                && let Ok((r4, ())) = lit(&["秒"])(r3)
            {
                s = Some(v3);
                rest = r4;
            }
        } else if context
            && num::digits(rest).is_ok()
            && !r.starts_with(|c: char| c == '.' || c.is_ascii_digit())
        {
            m = Some(v);
            rest = r;
        }
    }
    if m.is_some_and(|m| m > 59) || s.is_some_and(|s| s > 59) {
        return fail(i);
    }
    // Without a date or part of day, only a reading with minutes is a time (三点共识, 一时).
    if !context && (m.is_none() || num::digits(i).is_err()) {
        return fail(i);
    }
    Ok((rest, Clock { h, m, s }))
}

/// Weekday remark after a date: `（星期二）`, `(周二)`, `星期二`, `周二`.
fn weekday_remark(i: &str) -> &str {
    let day = (lit(WEEK_UNIT), weekday_char);
    let mut remark = alt((
        map(delimited(lit(&["（", "("]), day, lit(&["）", ")"])), |_| ()),
        map((lit(WEEK_UNIT), weekday_char), |_| ()),
    ));
    match remark.parse(i) {
        Ok((rest, ())) => rest,
        Err(_) => i,
    }
}

/// Part of day and clock after a date (or alone).
fn tail<'a>(mut i: &'a str, r: &mut Raw, has_day: bool) -> &'a str {
    if has_day {
        i = weekday_remark(i);
    }
    let after_day = i;
    let j = if has_day { spaces(i) } else { i };
    if let Ok((rest, part)) = word(PARTS)(j) {
        if let Ok((rest2, c)) = clock(rest, true) {
            r.part = Some(part);
            r.clock = Some(c);
            return rest2;
        }
        if part.hours().is_some() {
            r.part = Some(part);
            return rest;
        }
        // 2月28日晚: after a date, a bare 晚 is that evening.
        if has_day
            && part == Part::BareEvening
            && !rest.starts_with(['些', '于', '於', '了', '点', '點', '间', '間'])
        {
            r.part = Some(Part::Evening);
            return rest;
        }
        return after_day;
    }
    if has_day && let Ok((rest, c)) = clock(j, true) {
        r.clock = Some(c);
        return rest;
    }
    after_day
}

fn lunar_day(i: &str) -> Res<'_, u32> {
    alt((
        preceded(
            lit(&["初"]),
            verify(num::number(2), |d| (1..=10).contains(d)),
        ),
        terminated(
            verify(num::number(2), |d| (1..=30).contains(d)),
            opt(lit(&["日"])),
        ),
    ))
    .parse(i)
}

/// 上半年, 下半年, (第)N季度, 前N(个)季度: first and last month.
fn part_of_year(i: &str) -> Res<'_, (u32, u32)> {
    let quarter = || verify(num::number(1), |q| (1..=4).contains(q));
    alt((
        map(lit(&["上半年"]), |()| (1, 6)),
        map(lit(&["下半年"]), |()| (7, 12)),
        map(
            preceded(opt(lit(&["第"])), terminated(quarter(), lit(&["季度"]))),
            |q| (3 * q - 2, 3 * q),
        ),
        map(
            preceded(
                lit(&["前"]),
                terminated(quarter(), (opt(lit(&["个", "個"])), lit(&["季度"]))),
            ),
            |q| (1, 3 * q),
        ),
    ))
    .parse(i)
}

/// A lunar month and day: `正月初一`, `腊月二十三`, and after 农历 `八月十五`, `闰四月初五`.
fn lunar_month_day(i: &str, after_nongli: bool) -> Res<'_, LunarSpec> {
    let (rest, leap) = match lit(&["闰", "閏"])(i) {
        Ok((r, ())) => (r, true),
        Err(_) => (i, false),
    };
    let (rest, month) =
        match word(&[("正月", 1), ("冬月", 11), ("腊月", 12), ("臘月", 12)])(rest) {
            Ok(ok) => ok,
            Err(e) => {
                if !after_nongli && !leap {
                    return Err(e);
                }
                let (r, m) = month_num(rest)?;
                let (r, ()) = lit(&["月"])(r)?;
                (r, m)
            }
        };
    let (rest, day) = lunar_day(rest)?;
    Ok((rest, LunarSpec::MonthDay { month, leap, day }))
}

/// One end of an expression; `cont` when it is the second end of a clock range, where a
/// bare reading (`3点`) is a time. Returns the rest, the parsed end, and the second end of a
/// range written with one unit (`1至5月`, `9月1-3日`, `2021—2025年`).
fn point(i: &str, cont: bool) -> Option<(&str, Raw, Option<Raw>)> {
    let mut r = Raw::default();
    if let Ok((rest, a)) = ago(i) {
        r.ago = Some(a);
        return Some((rest, r, None));
    }
    if let Ok((rest, (y, m, d))) = numeric_date(i) {
        r.year = Some(YearSpec::Abs(y));
        r.month = Some(MonthSpec::Abs(m));
        r.day = Some(d);
        let rest = tail(rest, &mut r, true);
        return Some((rest, r, None));
    }
    if let Ok((rest, (d, part))) = word(REL_PARTS)(i) {
        r.day_rel = Some(d);
        r.part = Some(part);
        let rest = match clock(rest, true) {
            Ok((rest, c)) => {
                r.clock = Some(c);
                rest
            }
            Err(_) => rest,
        };
        return Some((rest, r, None));
    }
    if let Ok((rest, d)) = word(REL_DAYS)(i) {
        r.day_rel = Some(d);
        let rest = tail(rest, &mut r, true);
        return Some((rest, r, None));
    }
    if let Ok((rest, m)) = word(REL_MONTHS)(i) {
        r.month = Some(MonthSpec::Rel(m));
        return Some((rest, r, None));
    }
    if let Some((rest, w)) = week(i) {
        r.week = Some(w);
        let single = matches!(w.day, Some(WeekDay::Day(_)));
        let rest = if single {
            tail(rest, &mut r, true)
        } else {
            rest
        };
        return Some((rest, r, None));
    }
    // Year, possibly a bare year range, lunar or zodiac year.
    let mut i = i;
    let mut second = None;
    if let Ok((rest, y)) = year4(i) {
        if let Ok((rest, ())) = lit(&["年"])(rest) {
            r.year = Some(YearSpec::Abs(y));
            i = rest;
        } else if let Ok((rest, ())) = connector(rest)
            && let Ok((rest, y2)) = year4(rest)
            && let Ok((rest, ())) = lit(&["年"])(rest)
        {
            r.year = Some(YearSpec::Abs(y));
            let s = Raw {
                year: Some(YearSpec::Abs(y2)),
                ..Raw::default()
            };
            return Some((rest, r, Some(s)));
        } else {
            return None;
        }
    } else if let Ok((rest, (yy, 2))) = num::digits(i) {
        // Two-digit years only with a month after them (近20年 is a duration).
        if let Ok((rest, ())) = lit(&["年"])(rest)
            && month_num(rest).is_ok_and(|(r, _)| r.starts_with('月'))
        {
            r.year = Some(YearSpec::Two(yy as i32));
            i = rest;
        }
    } else if let Ok((rest, y)) = word(REL_YEARS)(i) {
        r.year = Some(YearSpec::Rel(y));
        i = rest;
    } else if let Ok((rest, ())) = lit(&["农历", "農曆", "阴历", "陰曆"])(i) {
        let mut rest = rest;
        if let Ok((r2, y)) = year4(rest)
            && let Ok((r3, ())) = lit(&["年"])(r2)
        {
            r.year = Some(YearSpec::Lunar(y));
            rest = r3;
        } else if let Ok((r2, z)) = word(ZODIAC)(rest)
            && let Ok((r3, ())) = lit(&["年"])(r2)
        {
            r.year = Some(YearSpec::Zodiac(z));
            rest = r3;
        }
        if let Ok((r2, l)) = word(FESTIVALS)(rest) {
            r.lunar = Some(l);
            return Some((r2, r, None));
        }
        let (r2, l) = lunar_month_day(rest, true).ok()?;
        r.lunar = Some(l);
        let rest = tail(r2, &mut r, true);
        return Some((rest, r, None));
    } else if let Ok((rest, z)) = word(ZODIAC)(i)
        && let Ok((rest, ())) = lit(&["年"])(rest)
    {
        r.year = Some(YearSpec::Zodiac(z));
        let (rest, l) = word(FESTIVALS)(rest)
            .or_else(|_| lunar_month_day(rest, false))
            .ok()?;
        r.lunar = Some(l);
        return Some((rest, r, None));
    }
    // Halves and quarters of a year: a month range; without a year, the anchor's year.
    if let Ok((rest, (m1, m2))) = part_of_year(i) {
        r.year = r.year.or(Some(YearSpec::Rel(0)));
        r.month = Some(MonthSpec::Abs(m1));
        return Some((
            rest,
            r,
            Some(Raw {
                month: Some(MonthSpec::Abs(m2)),
                ..Raw::default()
            }),
        ));
    }
    // Festivals and lunar dates, possibly after a Gregorian year.
    if let Ok((rest, l)) = word(FESTIVALS)(i) {
        r.lunar = Some(l);
        return Some((rest, r, None));
    }
    if let Ok((rest, f)) = word(FIXED_FESTIVALS)(i) {
        r.fixed = Some(f);
        return Some((rest, r, None));
    }
    if let Ok((rest, l)) = lunar_month_day(i, false) {
        r.lunar = Some(l);
        let rest = tail(rest, &mut r, true);
        return Some((rest, r, None));
    }
    // Month (or a bare month range), then day (or a bare day range).
    let month = month_num(i).and_then(|(rest, m)| Ok((month_unit(rest)?.0, m)));
    if let Ok((rest, m)) = month {
        r.month = Some(MonthSpec::Abs(m));
        i = rest;
    } else if let Ok((rest, m1)) = month_num(i)
        && let Ok((rest, ())) = connector(rest)
        && let Ok((rest, m2)) = month_num(rest)
        && let Ok((rest, ())) = month_unit(rest)
    {
        r.month = Some(MonthSpec::Abs(m1));
        let s = Raw {
            month: Some(MonthSpec::Abs(m2)),
            ..Raw::default()
        };
        return Some((rest, r, Some(s)));
    }
    if r.month.is_some() {
        if let Ok((rest, d)) = day_num(i)
            && let Ok((rest, ())) = day_unit(rest)
        {
            r.day = Some(d);
            let rest = tail(rest, &mut r, true);
            return Some((rest, r, None));
        }
        if let Ok((rest, d1)) = day_num(i)
            && let Ok((rest, ())) = connector(rest)
            && let Ok((rest, d2)) = day_num(rest)
            && let Ok((rest, ())) = day_unit(rest)
        {
            r.day = Some(d1);
            second = Some(Raw {
                day: Some(d2),
                ..Raw::default()
            });
            return Some((rest, r, second));
        }
        if let Ok((rest, x)) = word(&[("上旬", 0), ("中旬", 1), ("下旬", 2)])(i) {
            r.xun = Some(x);
            return Some((rest, r, None));
        }
        if r.year.is_none()
            && let Ok((rest, l)) = word(FESTIVALS)(i)
        {
            // 今年春节 handled above; here only month names were read, keep the month.
            let _ = (rest, l);
        }
        return Some((i, r, second));
    }
    if r.year.is_some() {
        if let Ok((rest, l)) = word(FESTIVALS)(i) {
            r.lunar = Some(l);
            return Some((rest, r, None));
        }
        if let Ok((rest, f)) = word(FIXED_FESTIVALS)(i) {
            r.fixed = Some(f);
            return Some((rest, r, None));
        }
        if let Ok((rest, l)) = lunar_month_day(i, false) {
            r.lunar = Some(l);
            return Some((tail(rest, &mut r, true), r, None));
        }
        // 2021年至2025年: the general range handles it.
        return Some((i, r, None));
    }
    // A day of month alone: digits and 日 only (号 alone is a number: 2号线).
    if num::digits(i).is_ok()
        && let Ok((rest, d)) = day_num(i)
        && let Ok((rest, ())) = lit(&["日"])(rest)
    {
        if rest.starts_with(['元', '圆', '圓']) {
            return None;
        }
        r.day = Some(d);
        let rest = tail(rest, &mut r, true);
        return Some((rest, r, None));
    }
    if let Ok((rest, d1)) = day_num(i)
        && num::digits(i).is_ok()
        && let Ok((rest, ())) = connector(rest)
        && let Ok((rest, d2)) = day_num(rest)
        && let Ok((rest, ())) = lit(&["日"])(rest)
    {
        r.day = Some(d1);
        return Some((
            rest,
            r,
            Some(Raw {
                day: Some(d2),
                ..Raw::default()
            }),
        ));
    }
    // A part of day alone, or a clock reading with minutes.
    let rest = tail(i, &mut r, false);
    if r.part.is_some() || r.clock.is_some() {
        return Some((rest, r, None));
    }
    if let Ok((rest, c)) = clock(i, cont) {
        r.clock = Some(c);
        return Some((rest, r, None));
    }
    None
}

/// `上周五`, `本周一`, `下周`, `周末`, `星期三`.
fn week(i: &str) -> Option<(&str, WeekSpec)> {
    let (rest, offset) = match word(WEEK_PREFIX)(i) {
        Ok((r, o)) => (r, Some(o)),
        Err(_) => (i, None),
    };
    let (rest, ()) = lit(WEEK_UNIT)(rest).ok()?;
    match weekday_char(rest) {
        Ok((r, d)) => Some((
            r,
            WeekSpec {
                offset,
                day: Some(d),
            },
        )),
        Err(_) => {
            offset?;
            // 周年, 周岁, 周边, 周期: not weeks.
            if rest.starts_with([
                '年', '岁', '歲', '边', '邊', '期', '围', '圍', '刊', '报', '報',
            ]) {
                return None;
            }
            Some((rest, WeekSpec { offset, day: None }))
        }
    }
}

/// A whole expression at byte `p`: optional 当地时间, one end, optional second end.
fn expr(cx: &Cx, text: &str, p: usize) -> Option<(usize, Iv, bool)> {
    let mut before = text[..p].chars().rev();
    let prev = before.next();
    let prev2 = before.next();
    let input = &text[p..];
    let first = input.chars().next()?;
    // A colon between digits is a score or a clock (3:1); after a word it is punctuation.
    let prev = match prev {
        Some(':') if prev2.is_none_or(|c| num::digit_value(c).is_none()) => None,
        other => other,
    };
    // 每年3月, 每月1日, 每天下午: a recurrence, not one interval.
    if prev2 == Some('每') && matches!(prev, Some('年' | '月' | '周' | '週' | '天' | '日')) {
        return None;
    }
    if !start_ok(prev, first) || !plausible(input) {
        return None;
    }
    let mut i = input;
    let mut local = false;
    if let Ok((rest, ())) = lit(&["当地时间", "當地時間"])(i) {
        local = true;
        i = spaces(rest);
    } else if let Ok((rest, ())) = lit(&["北京时间", "北京時間"])(i) {
        i = spaces(rest);
    } else if first == '北' {
        return None;
    }
    let (rest, raw, bare_second) = point(i, false)?;
    if rejected_after(&raw, i, rest) {
        return None;
    }
    let first_res = resolve(cx, &raw, None)?;
    let mut iv = first_res.iv;
    let mut rest = rest;
    let second = match bare_second {
        Some(s) => Some((s, rest)),
        None => match connector(rest) {
            Ok((after, ())) => point(after, raw.clock.is_some()).map(|(r2, s, _)| (s, r2)),
            Err(_) => None,
        },
    };
    if let Some((s, r2)) = second
        && (s.has_date() || s.clock.is_some() || s.part.is_some())
        && s.ago.is_none()
        && let Some(sr) = resolve(cx, &s, Some(&first_res))
    {
        let end = if s.clock.is_some() {
            sr.iv.start
        } else {
            sr.iv.end
        };
        if end > iv.start {
            iv.end = end;
            iv.precision = iv.precision.max(sr.iv.precision);
            rest = r2;
        }
    }
    let end = text.len() - rest.len();
    Some((end, iv, local))
}

/// Whether an expression may start with `first` after `prev`.
fn start_ok(prev: Option<char>, first: char) -> bool {
    let Some(prev) = prev else { return true };
    let digit_start = num::digit_value(first).is_some();
    let cn_start = num::cn_digit(first).is_some() || first == '十';
    if digit_start {
        return !(prev.is_ascii_alphanumeric()
            || num::digit_value(prev).is_some()
            || matches!(prev, '.' | ':' | '/' | '-' | '_' | '第' | '＃' | '#' | '%'));
    }
    if cn_start {
        return !(num::cn_digit(prev).is_some()
            || matches!(
                prev,
                '十' | '百' | '千' | '万' | '萬' | '亿' | '億' | '第' | '廿' | '周' | '星'
            ));
    }
    !matches!(prev, '每' | '逢')
}

/// Words after a bare year that make it a duration or a decade (`2000多年`, `1980年代`).
fn rejected_after(raw: &Raw, start: &str, rest: &str) -> bool {
    let year_only = matches!(raw.year, Some(YearSpec::Abs(_)))
        && raw.month.is_none()
        && raw.lunar.is_none()
        && raw.fixed.is_none()
        && raw.day.is_none();
    if year_only && rest.starts_with(['多', '余', '餘', '间', '間', '代', '左']) {
        return true;
    }
    if year_only && start.len() - rest.len() <= 12 && rest.starts_with("之久") {
        return true;
    }
    false
}

// ---------------------------------------------------------------- resolution

fn day_start(d: NaiveDate) -> NaiveDateTime {
    d.and_time(NaiveTime::MIN)
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

fn add_months(year: i32, month: u32, n: i32) -> Option<(i32, u32)> {
    let total = year.checked_mul(12)? + month as i32 - 1 + n;
    Some((total.div_euclid(12), total.rem_euclid(12) as u32 + 1))
}

fn month_start(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, 1)
}

fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = add_months(year, month, 1)?;
    NaiveDate::from_ymd_opt(y, m, 1)
}

/// Distance in days from `today` to the days `[start, end)`; zero inside.
fn distance(today: NaiveDate, start: NaiveDate, end: NaiveDate) -> i64 {
    if today < start {
        (start - today).num_days()
    } else if today >= end {
        (today - end).num_days() + 1
    } else {
        0
    }
}

/// The candidate nearest `today`, ties to the earlier one (candidates come in date order).
fn nearest<T: Copy>(
    today: NaiveDate,
    candidates: impl Iterator<Item = (T, NaiveDate, NaiveDate)>,
) -> Option<T> {
    let mut best: Option<(i64, T)> = None;
    for (v, s, e) in candidates {
        let d = distance(today, s, e);
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, v));
        }
    }
    best.map(|(_, v)| v)
}

fn day_iv(d: NaiveDate, n: u64) -> Option<Iv> {
    Some(Iv {
        start: day_start(d),
        end: day_start(d.checked_add_days(Days::new(n))?),
        precision: Precision::Day,
    })
}

fn resolve(cx: &Cx, r: &Raw, inherit: Option<&Resolved>) -> Option<Resolved> {
    let today = cx.today;
    let mut out = Resolved {
        iv: day_iv(today, 1)?,
        year: None,
        month: None,
        day: None,
        part: None,
    };
    if let Some((n, unit)) = r.ago {
        out.iv = ago_iv(cx, n, unit)?;
        return Some(out);
    }
    let mut has_date = true;
    if let Some(k) = r.day_rel {
        let d = add_days(today, k)?;
        out.iv = day_iv(d, 1)?;
        out.day = Some(d);
    } else if let Some(w) = r.week {
        let monday = add_days(today, -i64::from(today.weekday().num_days_from_monday()))?;
        match (w.offset, w.day) {
            (Some(o), None) => out.iv = day_iv(add_days(monday, 7 * i64::from(o))?, 7)?,
            (Some(o), Some(WeekDay::Day(k))) => {
                let d = add_days(monday, 7 * i64::from(o) + i64::from(k))?;
                out.iv = day_iv(d, 1)?;
                out.day = Some(d);
            }
            (Some(o), Some(WeekDay::Weekend)) => {
                out.iv = day_iv(add_days(monday, 7 * i64::from(o) + 5)?, 2)?
            }
            (None, Some(WeekDay::Day(k))) => {
                let cands = (-1..=1)
                    .filter_map(|o| add_days(monday, 7 * o + i64::from(k)))
                    .filter_map(|d| Some((d, d, d.checked_add_days(Days::new(1))?)));
                let d = nearest(today, cands)?;
                out.iv = day_iv(d, 1)?;
                out.day = Some(d);
            }
            (None, Some(WeekDay::Weekend)) => {
                let cands = (-1..=1)
                    .filter_map(|o| add_days(monday, 7 * o + 5))
                    .filter_map(|d| Some((d, d, d.checked_add_days(Days::new(2))?)));
                out.iv = day_iv(nearest(today, cands)?, 2)?;
            }
            (None, None) => return None,
        }
    } else if let Some(l) = r.lunar {
        let d = lunar_date(cx, r.year, l)?;
        out.iv = day_iv(d, 1)?;
        out.day = Some(d);
    } else if let Some((m, d)) = r.fixed {
        let date = match year_of(cx, r.year) {
            Some(y) => NaiveDate::from_ymd_opt(y, m, d)?,
            None => {
                let cands = (-1..=1)
                    .filter_map(|k| NaiveDate::from_ymd_opt(today.year() + k, m, d))
                    .filter_map(|x| Some((x, x, x.checked_add_days(Days::new(1))?)));
                nearest(today, cands)?
            }
        };
        out.iv = day_iv(date, 1)?;
        out.day = Some(date);
    } else if r.year.is_some() || r.month.is_some() || r.day.is_some() {
        let mut year = year_of(cx, r.year);
        let mut month = None;
        match r.month {
            Some(MonthSpec::Abs(m)) => month = Some(m),
            Some(MonthSpec::Rel(k)) => {
                let (y, m) = add_months(today.year(), today.month(), k)?;
                year = Some(y);
                month = Some(m);
            }
            None => {}
        }
        if let Some(d) = r.day {
            let (y, m) = match (year, month, inherit) {
                (Some(y), Some(m), _) => (y, m),
                (None, Some(m), Some(inh)) => {
                    let y = inh.year?;
                    // A second end before the first moves on a year (12月25日至1月3日).
                    let first = inh.iv.start.date();
                    match NaiveDate::from_ymd_opt(y, m, d) {
                        Some(x) if x < first => (y + 1, m),
                        _ => (y, m),
                    }
                }
                (None, Some(m), None) => {
                    let y0 = today.year();
                    let cands = (y0 - 1..=y0 + 1).filter_map(|y| {
                        NaiveDate::from_ymd_opt(y, m, d)
                            .and_then(|x| Some((y, x, x.checked_add_days(Days::new(1))?)))
                    });
                    (nearest(today, cands)?, m)
                }
                (_, None, Some(inh)) => {
                    let (y, m) = (inh.year?, inh.month?);
                    let first = inh.iv.start.date();
                    match NaiveDate::from_ymd_opt(y, m, d) {
                        Some(x) if x < first => add_months(y, m, 1)?,
                        _ => (y, m),
                    }
                }
                (_, None, None) => {
                    let cands = (-1..=1)
                        .filter_map(|k| add_months(today.year(), today.month(), k))
                        .filter_map(|(y, m)| {
                            NaiveDate::from_ymd_opt(y, m, d)
                                .and_then(|x| Some(((y, m), x, x.checked_add_days(Days::new(1))?)))
                        });
                    nearest(today, cands)?
                }
            };
            let date = NaiveDate::from_ymd_opt(y, m, d)?;
            out.iv = day_iv(date, 1)?;
            out.year = Some(y);
            out.month = Some(m);
            out.day = Some(date);
        } else if let Some(m) = month {
            let y = match (year, inherit) {
                (Some(y), _) => y,
                (None, Some(inh)) => {
                    let y = inh.year?;
                    if month_start(y, m)? < inh.iv.start.date() {
                        y + 1
                    } else {
                        y
                    }
                }
                (None, None) => {
                    let y0 = today.year();
                    let cands = (y0 - 1..=y0 + 1)
                        .filter_map(|y| Some((y, month_start(y, m)?, month_end(y, m)?)));
                    nearest(today, cands)?
                }
            };
            out.year = Some(y);
            out.month = Some(m);
            if let Some(x) = r.xun {
                let (a, b) = [(1, 11), (11, 21), (21, 0)][x as usize];
                let start = NaiveDate::from_ymd_opt(y, m, a)?;
                let end = if b == 0 {
                    month_end(y, m)?
                } else {
                    NaiveDate::from_ymd_opt(y, m, b)?
                };
                out.iv = Iv {
                    start: day_start(start),
                    end: day_start(end),
                    precision: Precision::Day,
                };
            } else {
                out.iv = Iv {
                    start: day_start(month_start(y, m)?),
                    end: day_start(month_end(y, m)?),
                    precision: Precision::Month,
                };
            }
        } else {
            let y = year?;
            out.year = Some(y);
            out.iv = Iv {
                start: day_start(NaiveDate::from_ymd_opt(y, 1, 1)?),
                end: day_start(NaiveDate::from_ymd_opt(y + 1, 1, 1)?),
                precision: Precision::Year,
            };
        }
    } else {
        has_date = false;
    }
    // Part of day and clock need one day: the date given, the first end's, or the anchor's.
    if r.part.is_none() && r.clock.is_none() {
        return has_date.then_some(out);
    }
    let day = if has_date {
        out.day?
    } else if let Some(inh) = inherit {
        out.year = inh.year;
        out.month = inh.month;
        inh.day?
    } else {
        today
    };
    out.day = Some(day);
    let part = r.part.or(if has_date {
        None
    } else {
        inherit.and_then(|x| x.part)
    });
    out.part = part;
    match r.clock {
        Some(c) => {
            let mut h = part.map_or(c.h, |p| p.shift(c.h));
            if let (Some(inh), None) = (inherit, r.part) {
                // 下午1点到3点: the second reading keeps the first's half of the day.
                if let Some(p) = inh.part {
                    h = p.shift(c.h);
                }
            }
            if h > 24 || (h == 24 && (c.m.unwrap_or(0) > 0 || c.s.unwrap_or(0) > 0)) {
                return None;
            }
            let secs = i64::from(h) * 3600
                + i64::from(c.m.unwrap_or(0)) * 60
                + i64::from(c.s.unwrap_or(0));
            let start = day_start(day).checked_add_signed(Duration::seconds(secs))?;
            let (precision, unit) = match (c.m, c.s) {
                (None, _) => (Precision::Hour, Duration::hours(1)),
                (Some(_), None) => (Precision::Minute, Duration::minutes(1)),
                _ => (Precision::Second, Duration::seconds(1)),
            };
            out.iv = Iv {
                start,
                end: start.checked_add_signed(unit)?,
                precision,
            };
        }
        None => {
            let (a, b) = part?.hours()?;
            out.iv = Iv {
                start: day_start(day).checked_add_signed(Duration::hours(i64::from(a)))?,
                end: day_start(day).checked_add_signed(Duration::hours(i64::from(b)))?,
                precision: Precision::PartOfDay,
            };
        }
    }
    Some(out)
}

fn year_of(cx: &Cx, y: Option<YearSpec>) -> Option<i32> {
    let this = cx.today.year();
    match y? {
        YearSpec::Abs(y) => Some(y),
        YearSpec::Rel(k) => Some(this + k),
        YearSpec::Two(yy) => {
            let a = 1900 + yy;
            let b = 2000 + yy;
            Some(if (b - this).abs() < (a - this).abs() {
                b
            } else {
                a
            })
        }
        YearSpec::Lunar(_) | YearSpec::Zodiac(_) => None,
    }
}

fn lunar_on(year: i32, l: LunarSpec) -> Option<NaiveDate> {
    match l {
        LunarSpec::MonthDay { month, leap, day } => lunar::to_gregorian(year, month, leap, day),
        LunarSpec::Eve => lunar::new_years_eve(year),
    }
}

/// The Gregorian day of a lunar date or festival under a year qualifier.
fn lunar_date(cx: &Cx, y: Option<YearSpec>, l: LunarSpec) -> Option<NaiveDate> {
    let today = cx.today;
    let this = today.year();
    match y {
        Some(YearSpec::Lunar(ly)) => lunar_on(ly, l),
        Some(YearSpec::Zodiac(z)) => {
            let cands = (this - 12..=this + 12)
                .filter(|ly| (ly - 2020).rem_euclid(12) == z)
                .filter_map(|ly| {
                    lunar_on(ly, l).and_then(|d| Some((d, d, d.checked_add_days(Days::new(1))?)))
                });
            nearest(today, cands)
        }
        Some(other) => {
            // A Gregorian year: the occurrence inside that year (除夕 of lunar Y−1 falls in Y).
            let gy = year_of(cx, Some(other))?;
            [gy, gy - 1]
                .into_iter()
                .filter_map(|ly| lunar_on(ly, l))
                .find(|d| d.year() == gy)
        }
        None => {
            let cands = (this - 2..=this + 1).filter_map(|ly| {
                lunar_on(ly, l).and_then(|d| Some((d, d, d.checked_add_days(Days::new(1))?)))
            });
            nearest(today, cands)
        }
    }
}

fn ago_iv(cx: &Cx, n: i64, unit: AgoUnit) -> Option<Iv> {
    let now = cx.now;
    Some(match unit {
        AgoUnit::Year => {
            let y = cx.today.year().checked_add(i32::try_from(n).ok()?)?;
            Iv {
                start: day_start(NaiveDate::from_ymd_opt(y, 1, 1)?),
                end: day_start(NaiveDate::from_ymd_opt(y + 1, 1, 1)?),
                precision: Precision::Year,
            }
        }
        AgoUnit::Month => {
            let (y, m) = add_months(cx.today.year(), cx.today.month(), i32::try_from(n).ok()?)?;
            Iv {
                start: day_start(month_start(y, m)?),
                end: day_start(month_end(y, m)?),
                precision: Precision::Month,
            }
        }
        AgoUnit::Week => day_iv(add_days(cx.today, n.checked_mul(7)?)?, 1)?,
        AgoUnit::Day => day_iv(add_days(cx.today, n)?, 1)?,
        AgoUnit::Hour => {
            let t = now.checked_add_signed(Duration::try_hours(n)?)?;
            let start = t.with_minute(0)?.with_second(0)?.with_nanosecond(0)?;
            Iv {
                start,
                end: start.checked_add_signed(Duration::hours(1))?,
                precision: Precision::Hour,
            }
        }
        AgoUnit::Minute => {
            let t = now.checked_add_signed(Duration::try_minutes(n)?)?;
            let start = t.with_second(0)?.with_nanosecond(0)?;
            Iv {
                start,
                end: start.checked_add_signed(Duration::minutes(1))?,
                precision: Precision::Minute,
            }
        }
        AgoUnit::Second => {
            let t = now.checked_add_signed(Duration::try_seconds(n)?)?;
            let start = t.with_nanosecond(0)?;
            Iv {
                start,
                end: start.checked_add_signed(Duration::seconds(1))?,
                precision: Precision::Second,
            }
        }
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn anchor() -> DateTime<FixedOffset> {
        FixedOffset::east_opt(8 * 3600)
            .unwrap()
            .with_ymd_and_hms(2024, 4, 10, 8, 57, 34)
            .unwrap()
    }

    fn one(text: &str) -> Option<(String, String, String, Precision)> {
        let m = find_dates(text, anchor());
        m.first().map(|m| {
            (
                m.text.clone(),
                m.start.to_rfc3339(),
                m.end.to_rfc3339(),
                m.precision,
            )
        })
    }

    #[test]
    fn basic_forms() {
        let (t, s, e, p) = one("外交部4月9日下午举行").unwrap();
        assert_eq!(
            (t.as_str(), s.as_str(), e.as_str(), p),
            (
                "4月9日下午",
                "2024-04-09T13:00:00+08:00",
                "2024-04-09T18:00:00+08:00",
                Precision::PartOfDay
            )
        );
        assert_eq!(one("今年").unwrap().1, "2024-01-01T00:00:00+08:00");
        assert_eq!(one("下午1点到3点").unwrap().2, "2024-04-10T15:00:00+08:00");
    }

    #[test]
    fn prefilter_finds_triggers() {
        let text = "abc 中文 2024";
        assert_eq!(next_candidate(text.as_bytes(), 0), Some(4));
        assert_eq!(next_candidate(text.as_bytes(), 5), Some(11));
        assert_eq!(next_candidate("无关文字".as_bytes(), 0), None);
        assert_eq!(next_candidate("１".as_bytes(), 0), Some(0));
    }

    #[test]
    fn non_dates() {
        for t in [
            "1077.7亿美元",
            "2024元",
            "4300多公里",
            "第9届",
            "十一届三中全会",
            "75周年",
            "近20年",
            "3:1",
            "2/3",
            "3050.12点",
            "13812345678",
            "2号线",
            "三点共识",
            "风靡一时",
        ] {
            assert!(
                find_dates(t, anchor()).is_empty(),
                "{t}: {:?}",
                find_dates(t, anchor())
            );
        }
    }
}
