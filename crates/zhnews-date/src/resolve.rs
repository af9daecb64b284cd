//! One expression, read the way `zhnews date` reads a line: as a whole timestamp first, else as
//! running text with a date in it.

use crate::{Error, Precision, find_dates, parse_timestamp};
use chrono::{DateTime, FixedOffset};

/// What [`resolve`] found: the interval an expression names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// The expression as it stands in the text (the whole trimmed text for a timestamp).
    pub text: String,
    /// Start of the interval.
    pub start: DateTime<FixedOffset>,
    /// End of the interval (exclusive): start plus one unit of the precision.
    pub end: DateTime<FixedOffset>,
    /// How precise the expression is.
    pub precision: Precision,
    /// Whether the text says the time is local to the place reported on (`当地时间`).
    pub local_time: bool,
}

/// Reads `text` as one timestamp (with [`parse_timestamp`], local times in `default_offset`);
/// when it is not one, returns the first date mention [`find_dates`] finds in it, resolved
/// against `anchor`. `Ok(None)`: no date in the text.
///
/// A text that is a whole timestamp contradicting itself (a weekday that does not match its
/// date) is that error, not running text to search again.
///
/// ```
/// use zhnews_date::{china_offset, resolve, Precision};
/// let anchor = chrono::DateTime::parse_from_rfc3339("2024-04-10T08:57:34+08:00").unwrap();
/// let stamp = resolve("2024年4月9日 15:30", anchor, china_offset()).unwrap().unwrap();
/// assert_eq!(stamp.start.to_rfc3339(), "2024-04-09T15:30:00+08:00");
/// let mention = resolve("会议于昨天下午举行", anchor, china_offset()).unwrap().unwrap();
/// assert_eq!((mention.text.as_str(), mention.precision), ("昨天下午", Precision::PartOfDay));
/// assert!(resolve("没有日期", anchor, china_offset()).unwrap().is_none());
/// ```
pub fn resolve(
    text: &str,
    anchor: DateTime<FixedOffset>,
    default_offset: FixedOffset,
) -> Result<Option<Resolved>, Error> {
    let whole = text.trim();
    if !whole.is_empty() {
        match parse_timestamp(whole, default_offset) {
            Ok(ts) => {
                return Ok(Some(Resolved {
                    text: whole.to_string(),
                    start: ts.datetime,
                    end: ts.end(),
                    precision: ts.precision,
                    local_time: false,
                }));
            }
            Err(err @ Error::WeekdayMismatch { .. }) => return Err(err),
            Err(_) => {}
        }
    }
    Ok(find_dates(text, anchor)
        .into_iter()
        .next()
        .map(|m| Resolved {
            text: m.text,
            start: m.start,
            end: m.end,
            precision: m.precision,
            local_time: m.local_time,
        }))
}
