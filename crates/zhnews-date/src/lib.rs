//! Timestamps as Chinese news portals and feeds print them, and Chinese date expressions in
//! running text resolved to intervals.
//!
//! Two entry points:
//!
//! * [`parse_timestamp`] reads one metadata timestamp (a `date:` front-matter field, a
//!   `发布时间：…` line, a feed's `pubDate`) into a [`Timestamp`]: a `chrono` date-time with a
//!   fixed offset, the [`Precision`] the text gave, and whether the text named its offset.
//! * [`find_dates`] scans running text for date expressions (`4月9日下午`, `今年`, `上周五`,
//!   `农历马年春节`) and resolves each against an anchor (usually the publication time) into a
//!   [`Mention`]: byte range, text, interval `[start, end)` and precision.
//!
//! What it does not do: time zones with daylight-saving rules (China is a fixed `+08:00`,
//! which is what callers should pass; the historical Asia/Shanghai summer time of 1986–1991 is
//! deliberately not applied), natural-language durations (`近20年` is not a date), recurring
//! times (`每周一`) or calendars other than Gregorian and the Chinese lunisolar one. In running
//! text it reads Chinese expressions and numeric dates (`2024-04-10 08:57`), not English prose
//! dates; `月底`/`年初` are left as the whole month or year before them, and expressions
//! relative to another mention (`次日`, `当年`) are not resolved.
//!
//! ```
//! use chrono::{FixedOffset, TimeZone};
//! use zhnews_date::{find_dates, parse_timestamp, Precision};
//!
//! let china = FixedOffset::east_opt(8 * 3600).unwrap();
//! let ts = parse_timestamp("Sun, 04 Sep 2022 07:37:50 GMT", china).unwrap();
//! assert_eq!(ts.datetime.to_rfc3339(), "2022-09-04T07:37:50+00:00");
//! assert_eq!(ts.precision, Precision::Second);
//!
//! let anchor = china.with_ymd_and_hms(2024, 4, 10, 8, 57, 34).unwrap();
//! let found = find_dates("外交部4月9日下午举行记者会", anchor);
//! assert_eq!(found[0].text, "4月9日下午");
//! assert_eq!(found[0].start.to_rfc3339(), "2024-04-09T13:00:00+08:00");
//! assert_eq!(found[0].end.to_rfc3339(), "2024-04-09T18:00:00+08:00");
//! assert_eq!(found[0].precision, Precision::PartOfDay);
//! ```
//!
//! # Timestamp formats
//!
//! RFC 2822 (`GMT`, `UT`, `UTC`, `Z`, US zone names, numeric offsets; weekday and seconds
//! optional; a weekday that contradicts the date is an error), RFC 3339 / ISO 8601 (`T` or
//! space, `Z`, `±hh:mm`, `±hhmm`, `±hh`, fractions), `YYYY-MM-DD HH:MM(:SS)` with `-`, `/` or
//! `.` separators and unpadded fields, `YYYY年M月D日 HH:MM(:SS)` and `…时…分…秒`, full-width
//! digits and punctuation, Chinese numerals (`二〇二二年九月二日`), label prefixes
//! (`发布时间：`, `發佈時間:`, `时间：`, `日期：`, `更新时间：`…), Unix epoch seconds (9–10
//! digits) and milliseconds (12–13 digits), English forms (`Sep 4, 2022`, `Apr 9, 2024 8:57
//! PM`, `4 September 2022`) and JavaScript `Date` strings (`Sun Sep 04 2022 15:37:50 GMT+0800
//! (China Standard Time)`). `CST` is US Central time, as RFC 2822 defines it, unless the
//! caller's default offset is +08:00: then it is China Standard Time, as Unix `date` and Go
//! servers in China print it. A time with no offset takes the caller's default offset and
//! `offset_given` is false.
//!
//! # Conventions of [`find_dates`]
//!
//! * Every mention is an interval `[start, end)`, with `end = start +` one unit of the
//!   precision (a day, a month…), in the anchor's offset.
//! * Ranges (`9月1日至3日`, `2021年至2025年`, `今年1月至5月`, `1—5月`) are one interval from
//!   the start of the first end to the exclusive end of the last. Clock ranges end at the
//!   stated time: `下午1点到3点` is `[13:00, 15:00)`. Missing fields of the second end come
//!   from the first (`9月1日至3日`); a second end that would fall before the first moves on
//!   by a year (or a month when only a day is given).
//! * A date without a year takes the year (anchor's year −1, 0 or +1) that puts it nearest
//!   the anchor's calendar day; ties go to the past. A day of month alone (`9日`) takes the
//!   nearest month the same way, and so do a month alone, a weekday alone (`周五`) and an
//!   unqualified festival. Two-digit years (`22年9月`, only with a month) go to 19xx or 20xx,
//!   whichever is nearer the anchor's year.
//! * Parts of day: 凌晨 `[00,05)`, 早上/早晨/早间/今晨 `[06,10)`, 上午 `[07,12)`, 中午
//!   `[12,14)`, 下午 `[13,18)`, 傍晚 `[17,19)`, 晚上/昨晚/今晚/当晚 `[18,24)`,
//!   晚间/夜间/夜里 `[20,24)`. With a clock time (`下午3点`, `晚8时30分`) the precision is
//!   hour, minute or second and afternoon and evening words move 1–11 o'clock to 13–23
//!   (中午 moves 1–2 o'clock). A part of day or clock time with no date is on the anchor's day.
//! * Within a month: 上旬 `[1,11)`, 中旬 `[11,21)`, 下旬 `[21, end of month)`, day
//!   precision. After a date a bare 晚 is that evening (`2月28日晚`, `[18,24)`).
//! * A clock time needs a date or part of day before it, or minutes (`10时30分`), so
//!   `三点共识` and `风靡一时` are not times; `HH:MM` needs a date or part of day.
//! * Relative forms: 今天/今日 昨天 前天 大前天 明天 后天 大后天 当天, 今年 去年 前年 明年
//!   后年, 本月 上个月 下个月, 本周/上周/下周 (a whole Monday-to-Sunday week, day
//!   precision), 上周五 / 本周一 / 下周二 / 这周三 (weeks start on Monday), 周末 (Saturday
//!   and Sunday), N天前 / N小时前 / N分钟前 / N秒前 / N周前 / N个月前 / N年前 and the same
//!   with 后. N天前 is the calendar day N days before the anchor's; N小时前 is the clock hour
//!   containing anchor − N hours (hour precision), and so on.
//! * Parts of a year: 上半年 (January–June), 下半年, 第三季度 / 三季度, 前三季度 (January–
//!   September), month precision; without a year they are in the anchor's year, as news
//!   uses them (`上半年` in a November article is this year's first half).
//! * 当地时间 (local time) keeps the stated calendar date and time in the anchor's offset and
//!   sets [`Mention::local_time`]; 北京时间 is simply consumed.
//! * Lunar dates and festivals: 春节 (正月初一), 除夕 (the last day of the lunar year),
//!   元宵节, 端午节, 七夕, 中秋节, 重阳节, 腊八, lunar month-day (`正月初一`, `腊月二十三`,
//!   `农历八月十五`, `农历闰四月初五`) for lunar years 1900–2100, from a generated table whose
//!   source is named in the `lunar_table` module and in NOTICE. With a Gregorian year (`2026年春节`,
//!   `今年中秋节`) the occurrence inside that Gregorian year is taken; `农历2025年…` names the
//!   lunar year; a zodiac year (`马年春节`) takes the nearest such lunar year. Fixed festivals:
//!   元旦, 情人节, 妇女节, 劳动节, 儿童节, 国庆节, 平安夜, 圣诞节.
//! * Not dates: amounts (`2024元`), distances, ordinals (`第9届`), anniversaries (`75周年`),
//!   durations (`近20年`, `2000多年`), scores (`3:1`), fractions (`2/3`), index points
//!   (`3050.12点`), phone and id numbers (digit runs), metro lines (`2号线`: `号` counts only
//!   after a month), number-word phrases (`三点共识`), and recurrences (`每周一`, `每年3月`).

#![forbid(unsafe_code)]

mod error;
mod find;
mod lunar;
mod lunar_table;
mod num;
mod precision;
mod resolve;
mod timestamp;

pub use chrono;
pub use error::Error;
pub use find::{Mention, find_dates};
pub use precision::{ParsePrecisionError, Precision};
pub use resolve::{Resolved, resolve};
pub use timestamp::{Timestamp, parse_timestamp};

/// China's offset, `+08:00`, all year round: the default callers usually want.
pub fn china_offset() -> chrono::FixedOffset {
    use chrono::Offset as _;
    // 8 hours is within chrono's bound, so the UTC fallback is never taken.
    chrono::FixedOffset::east_opt(8 * 3600).unwrap_or_else(|| chrono::Utc.fix())
}
