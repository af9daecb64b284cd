#![no_main]
//! Fuzz target for zhnews-date: timestamps and date expressions from arbitrary bytes, with
//! an anchor taken from the first bytes; mentions must stay on char boundaries and be
//! non-empty intervals.

use libfuzzer_sys::fuzz_target;
use zhnews_date::chrono::{DateTime, FixedOffset, TimeZone};

fuzz_target!(|data: &[u8]| {
    let (head, rest) = data.split_at(data.len().min(6));
    let mut seed = [0u8; 8];
    seed[..head.len()].copy_from_slice(head);
    let secs = i64::from_le_bytes(seed) % 8_000_000_000;
    let offset =
        FixedOffset::east_opt(i32::from(head.first().copied().unwrap_or(0) % 56) * 900 - 12 * 3600)
            .unwrap_or_else(zhnews_date::china_offset);
    let anchor: DateTime<FixedOffset> = match offset.timestamp_opt(secs, 0).single() {
        Some(a) => a,
        None => return,
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let _ = zhnews_date::parse_timestamp(text, offset);
    let mut last = 0;
    for m in zhnews_date::find_dates(text, anchor) {
        assert!(m.range.start >= last, "mentions overlap");
        assert!(text.is_char_boundary(m.range.start) && text.is_char_boundary(m.range.end));
        assert_eq!(&text[m.range.clone()], m.text);
        assert!(m.start < m.end, "empty interval for {:?}", m.text);
        last = m.range.end;
    }
});
