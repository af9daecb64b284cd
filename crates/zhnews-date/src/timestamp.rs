//! One metadata timestamp, in any of the formats portals and feeds print.

use crate::num;
use crate::{Error, Precision};
use chrono::{
    DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Weekday,
};
use std::borrow::Cow;

/// A parsed timestamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timestamp {
    /// The instant, in the offset the text gave (or the default offset).
    pub datetime: DateTime<FixedOffset>,
    /// What the text was precise to: a date without a time is `Day`, `HH:MM` is `Minute`.
    pub precision: Precision,
    /// Whether the text named its offset or zone (`Z`, `+08:00`, `GMT`…); when false the
    /// default offset was applied.
    pub offset_given: bool,
}

impl Timestamp {
    /// The exclusive end of the interval the timestamp denotes: one unit of its precision
    /// after `datetime` (`2022年9月` ends at the start of October).
    pub fn end(&self) -> DateTime<FixedOffset> {
        let t = self.datetime;
        let next = match self.precision {
            Precision::Year => t.checked_add_months(chrono::Months::new(12)),
            Precision::Month => t.checked_add_months(chrono::Months::new(1)),
            Precision::Day => t.checked_add_days(chrono::Days::new(1)),
            Precision::PartOfDay | Precision::Hour => {
                t.checked_add_signed(chrono::Duration::hours(1))
            }
            Precision::Minute => t.checked_add_signed(chrono::Duration::minutes(1)),
            Precision::Second => t.checked_add_signed(chrono::Duration::seconds(1)),
        };
        next.unwrap_or(t)
    }
}

/// Longest text accepted as one timestamp.
const MAX_LEN: usize = 256;

/// Label prefixes portals put before a timestamp, longest first so `发布时间` wins over `时间`.
const LABELS: &[&str] = &[
    "发布时间",
    "發佈時間",
    "發布時間",
    "发布日期",
    "發佈日期",
    "更新时间",
    "更新時間",
    "发表时间",
    "發表時間",
    "发表于",
    "發表於",
    "发布于",
    "發佈於",
    "时间",
    "時間",
    "日期",
];

/// Parses one timestamp.
///
/// A local time with no offset gets `default_offset` (pass [`crate::china_offset`] for
/// mainland, Hong Kong and Taiwan sources). See the crate docs for the formats.
///
/// ```
/// use zhnews_date::{china_offset, parse_timestamp, Precision};
///
/// let ts = parse_timestamp("發佈時間:2024-04-10 08:57:34", china_offset()).unwrap();
/// assert_eq!(ts.datetime.to_rfc3339(), "2024-04-10T08:57:34+08:00");
/// assert!(!ts.offset_given);
/// let ts = parse_timestamp("二〇二二年九月二日", china_offset()).unwrap();
/// assert_eq!(ts.precision, Precision::Day);
/// assert!(parse_timestamp("Mon, 04 Sep 2022 07:37:50 GMT", china_offset()).is_err());
/// ```
pub fn parse_timestamp(text: &str, default_offset: FixedOffset) -> Result<Timestamp, Error> {
    if text.len() > MAX_LEN {
        return Err(Error::TooLong {
            len: text.len(),
            max: MAX_LEN,
        });
    }
    let norm = normalize_width(text);
    parse_normalized(&norm, default_offset).map_err(|e| remap(e, text, &norm))
}

/// Full-width ASCII forms and the ideographic space become ASCII.
fn normalize_width(text: &str) -> Cow<'_, str> {
    if text.is_ascii() || !text.chars().any(is_wide) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(narrow).collect())
}

fn is_wide(c: char) -> bool {
    matches!(c, '\u{FF01}'..='\u{FF5E}' | '\u{3000}')
}

fn narrow(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        // Inside U+FF01..=U+FF5E, so the subtraction stays within ASCII.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// Maps a byte offset in the normalized text back to the caller's text.
fn remap(err: Error, original: &str, norm: &str) -> Error {
    if original.len() == norm.len() {
        return err;
    }
    let map = |offset: usize| {
        let mut n = 0;
        for (at, c) in original.char_indices() {
            if n >= offset {
                return at;
            }
            n += narrow(c).len_utf8();
        }
        original.len()
    };
    match err {
        Error::Empty { offset } => Error::Empty {
            offset: map(offset),
        },
        Error::Unexpected {
            offset,
            expected,
            found,
        } => Error::Unexpected {
            offset: map(offset),
            expected,
            found,
        },
        Error::OutOfRange {
            offset,
            field,
            value,
        } => Error::OutOfRange {
            offset: map(offset),
            field,
            value,
        },
        Error::WeekdayMismatch {
            offset,
            given,
            date,
            actual,
        } => Error::WeekdayMismatch {
            offset: map(offset),
            given,
            date,
            actual,
        },
        other => other,
    }
}

/// A position in the (normalized) timestamp text.
struct Cur<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Cur<'a> {
    fn rest(&self) -> &'a str {
        &self.s[self.pos..]
    }

    fn eat(&mut self, t: &str) -> bool {
        if self.rest().starts_with(t) {
            self.pos += t.len();
            true
        } else {
            false
        }
    }

    fn eat_any(&mut self, ts: &[&str]) -> bool {
        ts.iter().any(|t| self.eat(t))
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn skip_ws(&mut self) -> usize {
        let start = self.pos;
        while let Some(c) = self.peek() {
            if c.is_whitespace() {
                self.pos += c.len_utf8();
            } else {
                break;
            }
        }
        self.pos - start
    }

    /// ASCII digits, between `min` and `max` of them.
    fn num(&mut self, min: usize, max: usize) -> Option<(u32, usize)> {
        let b = self.rest().as_bytes();
        let n = b
            .iter()
            .take(max + 1)
            .take_while(|c| c.is_ascii_digit())
            .count();
        if n < min || n > max {
            return None;
        }
        let v = b[..n]
            .iter()
            .fold(0u32, |v, c| v * 10 + u32::from(c - b'0'));
        self.pos += n;
        Some((v, n))
    }

    fn unexpected(&self, expected: &'static str) -> Error {
        if self.pos >= self.s.len() {
            return Error::Unexpected {
                offset: self.pos,
                expected,
                found: "end of text".into(),
            };
        }
        Error::Unexpected {
            offset: self.pos,
            expected,
            found: self.rest().chars().take(8).collect(),
        }
    }

    fn expect_end(&mut self) -> Result<(), Error> {
        self.skip_ws();
        if self.pos == self.s.len() {
            Ok(())
        } else {
            Err(self.unexpected("end of timestamp"))
        }
    }
}

/// Date and time fields as read, before validation.
#[derive(Default)]
struct Fields {
    year: i32,
    month: u32,
    day: u32,
    time: Option<(u32, Option<u32>, Option<u32>, u32)>,
    offset: Option<FixedOffset>,
    weekday: Option<(Weekday, usize)>,
    precision: Option<Precision>,
    /// The zone was written `CST`, which servers in China print for China Standard Time.
    cst: bool,
}

fn parse_normalized(s: &str, default_offset: FixedOffset) -> Result<Timestamp, Error> {
    let mut c = Cur { s, pos: 0 };
    c.skip_ws();
    // Labels are all CJK: skip the search for text that starts with ASCII.
    let ascii_start = c.rest().as_bytes().first().is_some_and(u8::is_ascii);
    for label in LABELS.iter().filter(|_| !ascii_start) {
        if c.eat(label) {
            c.skip_ws();
            c.eat_any(&[":", "："]);
            c.skip_ws();
            break;
        }
    }
    let start = c.pos;
    let Some(first) = c.peek() else {
        return Err(Error::Empty { offset: start });
    };
    let fields = if first.is_ascii_digit() {
        let run = c.rest().bytes().take_while(u8::is_ascii_digit).count();
        let after = c.rest()[run..].chars().next();
        match after {
            None => return epoch_or_compact(&mut c, run, default_offset),
            Some(' ') if c.rest()[run..].trim().is_empty() => {
                return epoch_or_compact(&mut c, run, default_offset);
            }
            Some('-' | '/' | '.') => iso_like(&mut c)?,
            Some('年') => chinese(&mut c)?,
            Some(_) => western(&mut c)?,
        }
    } else if num::cn_digit(first).is_some() {
        chinese(&mut c)?
    } else if first.is_ascii_alphabetic() {
        western(&mut c)?
    } else {
        return Err(c.unexpected("a year, a month name, a weekday or epoch digits"));
    };
    build(fields, start, default_offset)
}

fn build(f: Fields, at: usize, default_offset: FixedOffset) -> Result<Timestamp, Error> {
    let range = |field, value: u32| Error::OutOfRange {
        offset: at,
        field,
        value: i64::from(value),
    };
    let mut precision = f.precision.unwrap_or(Precision::Day);
    let date = match precision {
        Precision::Year => NaiveDate::from_ymd_opt(f.year, 1, 1),
        Precision::Month => NaiveDate::from_ymd_opt(f.year, f.month, 1),
        _ => NaiveDate::from_ymd_opt(f.year, f.month, f.day),
    };
    let date = match date {
        Some(d) => d,
        None if !(1..=12).contains(&f.month) => return Err(range("month", f.month)),
        None if f.day == 0 || f.day > 31 => return Err(range("day", f.day)),
        None => return Err(range("day of month", f.day)),
    };
    if let Some((given, offset)) = f.weekday
        && date.weekday() != given
    {
        return Err(Error::WeekdayMismatch {
            offset,
            given,
            date,
            actual: date.weekday(),
        });
    }
    let time = match f.time {
        None => NaiveTime::MIN,
        Some((h, m, s, nanos)) => {
            precision = match (m, s) {
                (None, _) => Precision::Hour,
                (Some(_), None) => Precision::Minute,
                _ => Precision::Second,
            };
            if h > 23 {
                return Err(range("hour", h));
            }
            if m.unwrap_or(0) > 59 {
                return Err(range("minute", m.unwrap_or(0)));
            }
            if s.unwrap_or(0) > 59 {
                return Err(range("second", s.unwrap_or(0)));
            }
            NaiveTime::from_hms_nano_opt(h, m.unwrap_or(0), s.unwrap_or(0), nanos)
                .ok_or_else(|| range("hour", h))?
        }
    };
    let offset_given = f.offset.is_some();
    // `CST` is US Central in RFC 2822, but Unix `date` and Go servers set to Asia/Shanghai
    // print China Standard Time as `CST` too. A caller whose default is +08:00 is reading
    // Chinese sources, where China is by far the likelier meaning.
    let offset = match f.offset {
        Some(_) if f.cst && default_offset.local_minus_utc() == 8 * 3600 => default_offset,
        Some(offset) => offset,
        None => default_offset,
    };
    let datetime = offset
        .from_local_datetime(&NaiveDateTime::new(date, time))
        .single()
        .ok_or_else(|| range("year", f.year.unsigned_abs()))?;
    Ok(Timestamp {
        datetime,
        precision,
        offset_given,
    })
}

/// All digits: a compact date (`YYYYMMDD`, `YYYYMMDDHHMMSS`), a bare year, or Unix epoch
/// seconds (9–10 digits) or milliseconds (12–13 digits). Epoch times are UTC; 11 digits is a
/// phone number, not a time.
fn epoch_or_compact(
    c: &mut Cur<'_>,
    run: usize,
    default_offset: FixedOffset,
) -> Result<Timestamp, Error> {
    let at = c.pos;
    let digits = &c.rest()[..run];
    let value: i64 = digits
        .parse()
        .map_err(|_| c.unexpected("a number of at most 13 digits"))?;
    let mut f = Fields::default();
    match run {
        4 => {
            f.year = value as i32;
            f.precision = Some(Precision::Year);
            return build(f, at, default_offset);
        }
        8 | 14 => {
            f.year = (value / if run == 8 { 10_000 } else { 10_000_000_000 }) as i32;
            let md = if run == 8 {
                value % 10_000
            } else {
                value / 1_000_000 % 10_000
            };
            f.month = (md / 100) as u32;
            f.day = (md % 100) as u32;
            if run == 14 {
                let t = value % 1_000_000;
                f.time = Some((
                    (t / 10_000) as u32,
                    Some((t / 100 % 100) as u32),
                    Some((t % 100) as u32),
                    0,
                ));
            }
            return build(f, at, default_offset);
        }
        9..=10 | 12..=13 => {}
        _ => {
            return Err(
                c.unexpected("epoch seconds (9–10 digits), milliseconds (12–13) or YYYYMMDD")
            );
        }
    }
    let (secs, millis) = if run >= 12 {
        (value.div_euclid(1000), value.rem_euclid(1000))
    } else {
        (value, 0)
    };
    let utc = FixedOffset::east_opt(0).ok_or_else(|| c.unexpected("an offset"))?;
    let datetime = utc
        .timestamp_opt(secs, (millis as u32) * 1_000_000)
        .single()
        .ok_or(Error::OutOfRange {
            offset: at,
            field: "epoch time",
            value,
        })?;
    Ok(Timestamp {
        datetime,
        precision: Precision::Second,
        offset_given: true,
    })
}

/// `YYYY-MM-DD[(T| )HH:MM[:SS[.fff]]][zone]`, with `/` or `.` instead of `-`.
fn iso_like(c: &mut Cur<'_>) -> Result<Fields, Error> {
    let mut f = Fields::default();
    let (y, _) = c
        .num(4, 4)
        .ok_or_else(|| c.unexpected("a four-digit year"))?;
    f.year = y as i32;
    let sep = c.peek().unwrap_or('-');
    c.pos += 1;
    f.month = c.num(1, 2).ok_or_else(|| c.unexpected("a month number"))?.0;
    if !c.eat(sep.encode_utf8(&mut [0; 4])) {
        c.skip_ws();
        if c.pos == c.s.len() {
            f.precision = Some(Precision::Month);
            return Ok(f);
        }
        return Err(c.unexpected("a separator before the day"));
    }
    f.day = c.num(1, 2).ok_or_else(|| c.unexpected("a day number"))?.0;
    f.precision = Some(Precision::Day);
    let before_time = c.pos;
    if !c.eat("T") && !c.eat("t") {
        c.skip_ws();
    }
    weekday_zh(c, &mut f);
    c.skip_ws();
    if c.peek().is_some_and(|ch| ch.is_ascii_digit()) {
        f.time = Some(clock(c)?);
        c.skip_ws();
        zone(c, &mut f)?;
    } else {
        c.pos = before_time.max(c.pos.min(before_time));
        c.skip_ws();
    }
    c.expect_end()?;
    Ok(f)
}

/// `HH:MM[:SS[.fff]]`.
fn clock(c: &mut Cur<'_>) -> Result<(u32, Option<u32>, Option<u32>, u32), Error> {
    let (h, _) = c.num(1, 2).ok_or_else(|| c.unexpected("an hour"))?;
    if !c.eat(":") {
        return Err(c.unexpected("':' after the hour"));
    }
    let (m, _) = c
        .num(2, 2)
        .ok_or_else(|| c.unexpected("two-digit minutes"))?;
    let mut s = None;
    let mut nanos = 0;
    if c.eat(":") {
        s = Some(
            c.num(2, 2)
                .ok_or_else(|| c.unexpected("two-digit seconds"))?
                .0,
        );
        if c.eat(".") || c.eat(",") {
            let start = c.pos;
            let digits: String = c.rest().chars().take_while(char::is_ascii_digit).collect();
            if digits.is_empty() {
                return Err(c.unexpected("fraction digits"));
            }
            c.pos = start + digits.len();
            nanos = digits
                .bytes()
                .chain(std::iter::repeat(b'0'))
                .take(9)
                .fold(0u32, |v, d| v * 10 + u32::from(d - b'0'));
        }
    }
    Ok((h, Some(m), s, nanos))
}

/// An optional zone: `Z`, `±hh:mm`, `±hhmm`, `±hh`, `UTC`, `GMT`, `GMT+0800`, US names.
fn zone(c: &mut Cur<'_>, f: &mut Fields) -> Result<(), Error> {
    let named: &[(&str, i32)] = &[
        ("UTC", 0),
        ("GMT", 0),
        ("UT", 0),
        ("Z", 0),
        ("z", 0),
        ("EST", -5),
        ("EDT", -4),
        ("CST", -6),
        ("CDT", -5),
        ("MST", -7),
        ("MDT", -6),
        ("PST", -8),
        ("PDT", -7),
    ];
    let mut hours = None;
    for (name, h) in named {
        if c.rest().starts_with(name)
            && !c.rest()[name.len()..].starts_with(|ch: char| ch.is_ascii_alphabetic())
        {
            c.pos += name.len();
            hours = Some(*h);
            f.cst = *name == "CST";
            break;
        }
    }
    if let Some(sign) = c.peek().filter(|ch| *ch == '+' || *ch == '-') {
        c.pos += 1;
        let (hh, n) = c.num(1, 4).ok_or_else(|| c.unexpected("offset digits"))?;
        let (h, m) = if n > 2 {
            (hh / 100, hh % 100)
        } else if c.eat(":") {
            (
                hh,
                c.num(2, 2).ok_or_else(|| c.unexpected("offset minutes"))?.0,
            )
        } else {
            (hh, 0)
        };
        if h > 23 || m > 59 {
            return Err(Error::OutOfRange {
                offset: c.pos,
                field: "offset",
                value: i64::from(hh),
            });
        }
        let secs = (h * 3600 + m * 60) as i32;
        let secs = if sign == '-' { -secs } else { secs };
        f.offset = FixedOffset::east_opt(secs + hours.unwrap_or(0) * 3600);
    } else if let Some(h) = hours {
        f.offset = FixedOffset::east_opt(h * 3600);
    }
    Ok(())
}

/// An optional Chinese weekday (`星期三`, `周三`, `（星期三）`), remembered for the check.
fn weekday_zh(c: &mut Cur<'_>, f: &mut Fields) {
    let save = c.pos;
    let paren = c.eat_any(&["(", "（"]);
    let at = c.pos;
    if c.eat_any(&["星期", "周", "週", "礼拜", "禮拜"]) {
        let day = match c.peek() {
            Some('一') => Some(Weekday::Mon),
            Some('二') => Some(Weekday::Tue),
            Some('三') => Some(Weekday::Wed),
            Some('四') => Some(Weekday::Thu),
            Some('五') => Some(Weekday::Fri),
            Some('六') => Some(Weekday::Sat),
            Some('日' | '天') => Some(Weekday::Sun),
            _ => None,
        };
        if let Some(day) = day {
            c.pos += 3;
            if !paren || c.eat_any(&[")", "）"]) {
                f.weekday = Some((day, at));
                return;
            }
        }
    }
    c.pos = save;
}

/// `YYYY年M月D日 HH:MM(:SS)` and `…时…分…秒`, digits or Chinese numerals.
fn chinese(c: &mut Cur<'_>) -> Result<Fields, Error> {
    let mut f = Fields::default();
    if let Some((y, _)) = c.num(4, 4) {
        f.year = y as i32;
    } else {
        let (rest, y) = num::cn_year(c.rest()).map_err(|_| c.unexpected("a four-digit year"))?;
        c.pos = c.s.len() - rest.len();
        f.year = y;
    }
    if !c.eat("年") {
        return Err(c.unexpected("年 after the year"));
    }
    f.precision = Some(Precision::Year);
    c.skip_ws();
    if c.pos == c.s.len() {
        return Ok(f);
    }
    f.month = zh_num(c).ok_or_else(|| c.unexpected("a month"))?;
    if !c.eat("月") {
        return Err(c.unexpected("月 after the month"));
    }
    f.precision = Some(Precision::Month);
    c.skip_ws();
    if c.pos == c.s.len() {
        return Ok(f);
    }
    f.day = zh_num(c).ok_or_else(|| c.unexpected("a day"))?;
    if !c.eat_any(&["日", "号", "號"]) {
        return Err(c.unexpected("日 after the day"));
    }
    f.precision = Some(Precision::Day);
    c.skip_ws();
    weekday_zh(c, &mut f);
    c.skip_ws();
    let shift = if c.eat_any(&["下午", "晚上", "傍晚"]) {
        12
    } else if c.eat_any(&["上午", "凌晨", "早上", "中午"]) {
        0
    } else {
        -1
    };
    c.skip_ws();
    if shift >= 0 && c.pos == c.s.len() {
        // A part of day is an interval, not an instant: find_dates resolves it.
        return Err(c.unexpected("a clock time after the part of day"));
    }
    if c.pos < c.s.len() {
        let h = zh_num(c).ok_or_else(|| c.unexpected("an hour"))?;
        let h = if shift == 12 && (1..12).contains(&h) {
            h + 12
        } else {
            h
        };
        if c.eat(":") {
            let (m, _) = c
                .num(2, 2)
                .ok_or_else(|| c.unexpected("two-digit minutes"))?;
            let s = if c.eat(":") {
                Some(
                    c.num(2, 2)
                        .ok_or_else(|| c.unexpected("two-digit seconds"))?
                        .0,
                )
            } else {
                None
            };
            f.time = Some((h, Some(m), s, 0));
        } else if c.eat_any(&["时", "時", "点", "點"]) {
            let mut m = None;
            let mut s = None;
            let save = c.pos;
            if let Some(v) = zh_num(c) {
                if c.eat("分") {
                    m = Some(v);
                    let save = c.pos;
                    match zh_num(c) {
                        Some(v) if c.eat("秒") => s = Some(v),
                        _ => c.pos = save,
                    }
                } else {
                    c.pos = save;
                }
            } else if c.eat("半") {
                m = Some(30);
            }
            f.time = Some((h, m, s, 0));
        } else {
            return Err(c.unexpected("':' or 时 after the hour"));
        }
        c.skip_ws();
        zone(c, &mut f)?;
    }
    c.expect_end()?;
    Ok(f)
}

/// A one- or two-digit number, or a Chinese numeral up to 99.
fn zh_num(c: &mut Cur<'_>) -> Option<u32> {
    if let Some((v, _)) = c.num(1, 2) {
        return Some(v);
    }
    let (rest, v) = num::cn_small(c.rest()).ok()?;
    c.pos = c.s.len() - rest.len();
    Some(v)
}

fn month_name(w: &str) -> Option<u32> {
    const NAMES: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if w.len() < 3 || !w.as_bytes()[0].is_ascii_alphabetic() {
        return None;
    }
    if w.eq_ignore_ascii_case("sept") {
        return Some(9);
    }
    NAMES
        .iter()
        .position(|n| (w.len() == 3 || w.len() == n.len()) && ci_prefix(n, w))
        .map(|i| i as u32 + 1)
}

/// `w` is a prefix of `name`, ignoring ASCII case.
fn ci_prefix(name: &str, w: &str) -> bool {
    w.len() <= name.len() && name.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes())
}

fn weekday_name(w: &str) -> Option<Weekday> {
    const NAMES: [(&str, Weekday); 7] = [
        ("monday", Weekday::Mon),
        ("tuesday", Weekday::Tue),
        ("wednesday", Weekday::Wed),
        ("thursday", Weekday::Thu),
        ("friday", Weekday::Fri),
        ("saturday", Weekday::Sat),
        ("sunday", Weekday::Sun),
    ];
    if w.len() < 3 || !w.as_bytes()[0].is_ascii_alphabetic() {
        return None;
    }
    NAMES
        .iter()
        .find(|(n, _)| (w.len() == 3 || w.len() == 4 || w.len() == n.len()) && ci_prefix(n, w))
        .map(|&(_, d)| d)
}

/// The canonical RFC 2822 shape feeds print, `[Www, ]D Mon YYYY HH:MM[:SS] ZONE`, read
/// byte by byte; anything else returns `None` and goes through the general reader.
fn rfc2822_fast(b: &[u8], base: usize) -> Option<Fields> {
    let mut f = Fields::default();
    let mut i = 0;
    let lower3 = |at: usize| -> Option<[u8; 3]> {
        let w = b.get(at..at + 3)?;
        Some([w[0] | 0x20, w[1] | 0x20, w[2] | 0x20])
    };
    if b.first()?.is_ascii_alphabetic() {
        let day = match &lower3(0)? {
            b"mon" => Weekday::Mon,
            b"tue" => Weekday::Tue,
            b"wed" => Weekday::Wed,
            b"thu" => Weekday::Thu,
            b"fri" => Weekday::Fri,
            b"sat" => Weekday::Sat,
            b"sun" => Weekday::Sun,
            _ => return None,
        };
        if b.get(3..5)? != b", " {
            return None;
        }
        f.weekday = Some((day, base));
        i = 5;
    }
    let num = |i: &mut usize, min: usize, max: usize| -> Option<u32> {
        let start = *i;
        while *i < b.len() && *i - start < max && b[*i].is_ascii_digit() {
            *i += 1;
        }
        if *i - start < min {
            return None;
        }
        Some(
            b[start..*i]
                .iter()
                .fold(0, |v, d| v * 10 + u32::from(d - b'0')),
        )
    };
    let space = |i: &mut usize| -> Option<()> { (b.get(*i) == Some(&b' ')).then(|| *i += 1) };
    f.day = num(&mut i, 1, 2)?;
    space(&mut i)?;
    f.month = match &lower3(i)? {
        b"jan" => 1,
        b"feb" => 2,
        b"mar" => 3,
        b"apr" => 4,
        b"may" => 5,
        b"jun" => 6,
        b"jul" => 7,
        b"aug" => 8,
        b"sep" => 9,
        b"oct" => 10,
        b"nov" => 11,
        b"dec" => 12,
        _ => return None,
    };
    i += 3;
    space(&mut i)?;
    f.year = num(&mut i, 4, 4)? as i32;
    space(&mut i)?;
    let h = num(&mut i, 2, 2)?;
    (b.get(i) == Some(&b':')).then_some(())?;
    i += 1;
    let m = num(&mut i, 2, 2)?;
    let sec = if b.get(i) == Some(&b':') {
        i += 1;
        Some(num(&mut i, 2, 2)?)
    } else {
        None
    };
    space(&mut i)?;
    let zone = b.get(i..)?;
    let hours = match zone {
        b"GMT" | b"UT" | b"UTC" | b"Z" => 0,
        b"EST" => -5,
        b"EDT" => -4,
        b"CST" => {
            f.cst = true;
            -6
        }
        b"CDT" => -5,
        b"MST" => -7,
        b"MDT" => -6,
        b"PST" => -8,
        b"PDT" => -7,
        [sign @ (b'+' | b'-'), d @ ..] if d.len() == 4 && d.iter().all(u8::is_ascii_digit) => {
            let v = d.iter().fold(0i32, |v, x| v * 10 + i32::from(x - b'0'));
            let (hh, mm) = (v / 100, v % 100);
            if hh > 23 || mm > 59 {
                return None;
            }
            let secs = hh * 3600 + mm * 60;
            f.offset = FixedOffset::east_opt(if *sign == b'-' { -secs } else { secs });
            f.offset?;
            f.time = Some((h, Some(m), sec, 0));
            f.precision = Some(Precision::Day);
            return Some(f);
        }
        _ => return None,
    };
    f.offset = FixedOffset::east_opt(hours * 3600);
    f.time = Some((h, Some(m), sec, 0));
    f.precision = Some(Precision::Day);
    Some(f)
}

fn is_am(w: &str) -> bool {
    ["am", "a.m.", "a.m"]
        .iter()
        .any(|x| w.eq_ignore_ascii_case(x))
}

fn is_pm(w: &str) -> bool {
    ["pm", "p.m.", "p.m"]
        .iter()
        .any(|x| w.eq_ignore_ascii_case(x))
}

/// RFC 2822, English month-name forms and JavaScript `Date` strings, read word by word so
/// the order of day, month and year may vary.
fn western(c: &mut Cur<'_>) -> Result<Fields, Error> {
    if let Some(f) = rfc2822_fast(c.rest().as_bytes(), c.pos) {
        return Ok(f);
    }
    let mut f = Fields::default();
    let (mut day, mut month, mut year) = (None, None, None);
    let mut pm: Option<bool> = None;
    let base = c.pos;
    let text = c.rest();
    // Word boundaries; a timestamp has few words, so a fixed array avoids allocating.
    let mut words = [(0usize, 0usize); 16];
    let mut count = 0;
    let mut start = None;
    for (at, ch) in text.char_indices() {
        let sep = ch.is_whitespace() || ch == ',';
        if ch == '(' {
            // JavaScript appends the zone's long name in parentheses: a comment.
            if let Some(s) = start.take() {
                words[count] = (s, at);
                count += 1;
            }
            if !text[at..].trim_end().ends_with(')') {
                return Err(Error::Unexpected {
                    offset: base + at,
                    expected: "a closing ')'",
                    found: text[at..].chars().take(8).collect(),
                });
            }
            start = None;
            break;
        }
        match (sep, start) {
            (true, Some(s)) => {
                words[count] = (s, at);
                count += 1;
                start = None;
            }
            (false, None) => start = Some(at),
            _ => {}
        }
        if count == words.len() - 1 {
            return Err(Error::Unexpected {
                offset: base + at,
                expected: "the end of the timestamp",
                found: text[at..].chars().take(8).collect(),
            });
        }
    }
    if let Some(s) = start {
        words[count] = (s, text.len());
        count += 1;
    }
    for &(s, e) in &words[..count] {
        let w = &text[s..e];
        let at = base + s;
        let bad = || Error::Unexpected {
            offset: at,
            expected: "a day, month name, year, time or zone",
            found: w.chars().take(12).collect(),
        };
        let trimmed = w.trim_end_matches('.');
        if let Some(m) = month_name(trimmed) {
            month = Some(m);
        } else if let Some(d) = weekday_name(trimmed) {
            f.weekday = Some((d, at));
        } else if w.contains(':') && w.starts_with(|ch: char| ch.is_ascii_digit()) {
            let mut tc = Cur { s: w, pos: 0 };
            let t = clock(&mut tc).map_err(|_| bad())?;
            let suffix = tc.rest();
            match suffix {
                "" => {}
                s if is_am(s) => pm = Some(false),
                s if is_pm(s) => pm = Some(true),
                _ => {
                    let mut zc = Cur { s: w, pos: tc.pos };
                    zone(&mut zc, &mut f).map_err(|_| bad())?;
                    if zc.pos != w.len() {
                        return Err(bad());
                    }
                }
            }
            f.time = Some(t);
        } else if is_am(w) {
            pm = Some(false);
        } else if is_pm(w) {
            pm = Some(true);
        } else if w.eq_ignore_ascii_case("at") || w == "-" {
        } else if w.starts_with(|ch: char| ch.is_ascii_digit()) {
            let digits = w.bytes().take_while(u8::is_ascii_digit).count();
            let suffix = &w[digits..];
            if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
                return Err(bad());
            }
            let v: u32 = w[..digits].parse().map_err(|_| bad())?;
            match digits {
                4 => year = Some(v as i32),
                1 | 2
                    if day.is_none()
                        && suffix.len() <= 2
                        && (month.is_some() || year.is_none()) =>
                {
                    day = Some(v)
                }
                2 if year.is_none() => {
                    year = Some(if v < 50 {
                        2000 + v as i32
                    } else {
                        1900 + v as i32
                    })
                }
                _ => return Err(bad()),
            }
        } else {
            let mut zc = Cur { s: w, pos: 0 };
            zone(&mut zc, &mut f).map_err(|_| bad())?;
            if zc.pos != w.len() || zc.pos == 0 {
                return Err(bad());
            }
        }
    }
    let end = base + text.len();
    let missing = |what| Error::Unexpected {
        offset: end,
        expected: what,
        found: "end of text".into(),
    };
    f.month = month.ok_or_else(|| missing("a month name"))?;
    f.day = day.ok_or_else(|| missing("a day of month"))?;
    f.year = year.ok_or_else(|| missing("a year"))?;
    f.precision = Some(Precision::Day);
    if let (Some(pm), Some(t)) = (pm, f.time.as_mut()) {
        if t.0 == 0 || t.0 > 12 {
            return Err(Error::OutOfRange {
                offset: base,
                field: "12-hour clock hour",
                value: i64::from(t.0),
            });
        }
        t.0 = match (pm, t.0) {
            (false, 12) => 0,
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, h) => h,
        };
    }
    Ok(f)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<(String, Precision, bool), Error> {
        let cn = FixedOffset::east_opt(8 * 3600).unwrap();
        parse_timestamp(s, cn).map(|t| (t.datetime.to_rfc3339(), t.precision, t.offset_given))
    }

    #[test]
    fn cst_follows_the_callers_region() {
        let utc = FixedOffset::east_opt(0).unwrap();
        for text in [
            "Wed, 10 Apr 2024 08:57:34 CST",
            "Wed Apr 10 2024 08:57:34 CST",
        ] {
            assert_eq!(p(text).unwrap().0, "2024-04-10T08:57:34+08:00", "{text}");
            let us = parse_timestamp(text, utc).unwrap();
            assert_eq!(
                us.datetime.to_rfc3339(),
                "2024-04-10T08:57:34-06:00",
                "{text}"
            );
        }
        // Other US names are not ambiguous and keep their RFC 2822 meaning.
        assert_eq!(
            p("Wed, 10 Apr 2024 08:57:34 CDT").unwrap().0,
            "2024-04-10T08:57:34-05:00"
        );
    }

    fn ok(s: &str, want: &str, prec: Precision) {
        match p(s) {
            Ok((got, pr, _)) => {
                assert_eq!(got, want, "{s}");
                assert_eq!(pr, prec, "{s}");
            }
            Err(e) => panic!("{s}: {e}"),
        }
    }

    #[test]
    fn rfc2822() {
        ok(
            "Sun, 04 Sep 2022 07:37:50 GMT",
            "2022-09-04T07:37:50+00:00",
            Precision::Second,
        );
        ok(
            "4 Sep 2022 07:37 +0800",
            "2022-09-04T07:37:00+08:00",
            Precision::Minute,
        );
        ok(
            "Wed, 10 Apr 2024 08:57:34 EST",
            "2024-04-10T08:57:34-05:00",
            Precision::Second,
        );
        ok(
            "Wed, 10 Apr 2024 08:57:34 UT",
            "2024-04-10T08:57:34+00:00",
            Precision::Second,
        );
        assert!(matches!(
            parse_timestamp(
                "Mon, 04 Sep 2022 07:37:50 GMT",
                FixedOffset::east_opt(0).unwrap()
            ),
            Err(Error::WeekdayMismatch { offset: 0, .. })
        ));
    }

    #[test]
    fn iso_and_chinese() {
        ok(
            "2024-04-10T08:57:34.250Z",
            "2024-04-10T08:57:34.250+00:00",
            Precision::Second,
        );
        ok(
            "2024-04-10 08:57:34+0530",
            "2024-04-10T08:57:34+05:30",
            Precision::Second,
        );
        ok(
            "2024/4/9 8:05",
            "2024-04-09T08:05:00+08:00",
            Precision::Minute,
        );
        ok("2024.04.09", "2024-04-09T00:00:00+08:00", Precision::Day);
        ok(
            "發佈時間:2024-04-10 08:57:34",
            "2024-04-10T08:57:34+08:00",
            Precision::Second,
        );
        ok(
            "发布时间：２０２４年４月１０日　０８：５７",
            "2024-04-10T08:57:00+08:00",
            Precision::Minute,
        );
        ok(
            "2024年4月10日 8时57分34秒",
            "2024-04-10T08:57:34+08:00",
            Precision::Second,
        );
        ok(
            "二〇二二年九月二日",
            "2022-09-02T00:00:00+08:00",
            Precision::Day,
        );
        ok("2022年9月", "2022-09-01T00:00:00+08:00", Precision::Month);
    }

    #[test]
    fn english_js_epoch() {
        ok("Sep 4, 2022", "2022-09-04T00:00:00+08:00", Precision::Day);
        ok(
            "Apr 9, 2024 8:57 PM",
            "2024-04-09T20:57:00+08:00",
            Precision::Minute,
        );
        ok(
            "Sun Sep 04 2022 15:37:50 GMT+0800 (China Standard Time)",
            "2022-09-04T15:37:50+08:00",
            Precision::Second,
        );
        ok("1662277070", "2022-09-04T07:37:50+00:00", Precision::Second);
        ok(
            "1662277070123",
            "2022-09-04T07:37:50.123+00:00",
            Precision::Second,
        );
    }

    #[test]
    fn errors_name_the_place() {
        let e = p("2024-13-01").unwrap_err();
        assert!(e.to_string().contains("month 13"), "{e}");
        let e = p("发布时间：2024-04-1x").unwrap_err();
        assert!(matches!(e, Error::Unexpected { .. }), "{e}");
        assert!(matches!(p("  "), Err(Error::Empty { .. })));
        let e = p("２０２４年１３月").unwrap_err();
        assert!(matches!(e, Error::OutOfRange { offset: 0, .. }), "{e}");
    }
}
