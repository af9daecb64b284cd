//! Invariants: printed date-times parse back; find_dates never panics and stays on char
//! boundaries.

#![allow(clippy::unwrap_used)]

use chrono::{DateTime, FixedOffset, TimeZone, Timelike};
use proptest::prelude::*;
use zhnews_date::{Precision, find_dates, parse_timestamp};

fn datetime() -> impl Strategy<Value = DateTime<FixedOffset>> {
    (
        1971i32..2100,
        1u32..=12,
        1u32..=31,
        0u32..24,
        0u32..60,
        0u32..60,
        -48i32..=56,
    )
        .prop_filter_map("valid date", |(y, mo, d, h, mi, s, quarter_hours)| {
            let offset = FixedOffset::east_opt(quarter_hours * 900)?;
            offset.with_ymd_and_hms(y, mo, d, h, mi, s).single()
        })
}

fn check(
    text: &str,
    default: FixedOffset,
    want: DateTime<FixedOffset>,
    precision: Precision,
) -> Result<(), TestCaseError> {
    let ts = parse_timestamp(text, default)
        .map_err(|e| TestCaseError::fail(format!("{text:?}: {e}")))?;
    prop_assert_eq!(ts.datetime, want, "{:?}", text);
    prop_assert_eq!(ts.datetime.offset(), want.offset(), "{:?}", text);
    prop_assert_eq!(ts.precision, precision, "{:?}", text);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn printed_datetimes_parse_back(dt in datetime()) {
        let off = *dt.offset();
        let other = FixedOffset::east_opt(3600).unwrap();
        let minute = dt.with_second(0).unwrap();
        let day = off.from_local_datetime(&dt.date_naive().and_hms_opt(0, 0, 0).unwrap()).unwrap();
        check(&dt.to_rfc2822(), other, dt, Precision::Second)?;
        check(&dt.to_rfc3339(), other, dt, Precision::Second)?;
        check(&dt.format("%Y-%m-%dT%H:%M:%S%z").to_string(), other, dt, Precision::Second)?;
        check(&dt.format("%Y-%m-%d %H:%M:%S").to_string(), off, dt, Precision::Second)?;
        check(&dt.format("%Y/%-m/%-d %-H:%M").to_string(), off, minute, Precision::Minute)?;
        check(&dt.format("%Y.%m.%d").to_string(), off, day, Precision::Day)?;
        check(&dt.format("%Y年%-m月%-d日 %H:%M:%S").to_string(), off, dt, Precision::Second)?;
        check(&dt.format("%Y年%-m月%-d日 %-H时%-M分%-S秒").to_string(), off, dt, Precision::Second)?;
        check(&dt.format("发布时间：%Y年%m月%d日 %H:%M").to_string(), off, minute, Precision::Minute)?;
        check(&dt.format("%Y年%-m月%-d日").to_string(), off, day, Precision::Day)?;
        check(&dt.format("%b %-d, %Y %-I:%M %p").to_string(), off, minute, Precision::Minute)?;
        check(&dt.format("%A, %B %-d, %Y").to_string(), off, day, Precision::Day)?;
        check(&dt.format("%a %b %d %Y %H:%M:%S GMT%z (Local Time)").to_string(), other, dt, Precision::Second)?;
        let utc = dt.with_timezone(&FixedOffset::east_opt(0).unwrap());
        // Epoch digits before 1973 are 8 digits long and read as YYYYMMDD instead.
        if dt.timestamp() >= 100_000_000 {
            check(&dt.timestamp().to_string(), off, utc, Precision::Second)?;
            check(&dt.timestamp_millis().to_string(), off, utc, Precision::Second)?;
        }
        let wide: String = dt.format("%Y-%m-%d %H:%M:%S").to_string().chars()
            .map(|c| if c.is_ascii_graphic() { char::from_u32(c as u32 + 0xFEE0).unwrap() } else { '\u{3000}' })
            .collect();
        check(&wide, off, dt, Precision::Second)?;
    }

    #[test]
    fn timestamps_never_panic(s in "\\PC{0,40}") {
        let _ = parse_timestamp(&s, FixedOffset::east_opt(0).unwrap());
    }

    #[test]
    fn find_dates_stays_on_char_boundaries(
        s in "[0-9０-９年月日号时点分秒至到前后今昨明去本上下周星期末晚早中午凌晨农历春节除夕当地时间正腊初十一二三四五六七八九〇两—:：/. a-z-]{0,60}",
        anchor in datetime(),
    ) {
        for m in find_dates(&s, anchor) {
            prop_assert!(s.is_char_boundary(m.range.start) && s.is_char_boundary(m.range.end));
            prop_assert_eq!(&s[m.range.clone()], m.text.as_str());
            prop_assert!(m.start < m.end, "{:?}: {} !< {}", m.text, m.start, m.end);
        }
    }

    #[test]
    fn find_dates_never_panics(s in "\\PC{0,80}", anchor in datetime()) {
        let found = find_dates(&s, anchor);
        let mut last = 0;
        for m in found {
            prop_assert!(m.range.start >= last, "mentions overlap");
            prop_assert!(s.is_char_boundary(m.range.start) && s.is_char_boundary(m.range.end));
            last = m.range.end;
        }
    }
}

#[test]
fn extreme_anchors_do_not_panic() {
    let text =
        "今年春节 上周五 3天前 12月25日至1月3日 农历马年春节 下午3点 1000年 2999年 10000年前";
    for anchor in [
        DateTime::<FixedOffset>::MIN_UTC.fixed_offset(),
        DateTime::<FixedOffset>::MAX_UTC.fixed_offset(),
    ] {
        for m in find_dates(text, anchor) {
            assert!(m.start < m.end, "{m:?}");
        }
    }
}
