//! The one error type of the crate.

/// Why a timestamp could not be read. Every variant names the byte offset in the text that was
/// passed in, what was expected there, and what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The text holds nothing but whitespace or a label.
    #[error(
        "byte {offset}: expected a date or time, found nothing; pass the timestamp text itself"
    )]
    Empty {
        /// Where the missing timestamp should start.
        offset: usize,
    },
    /// The text is longer than any timestamp; it is probably running text.
    #[error(
        "byte 0: text of {len} bytes is too long for a timestamp (at most {max}); use find_dates for running text"
    )]
    TooLong {
        /// Length of the text in bytes.
        len: usize,
        /// The limit.
        max: usize,
    },
    /// No supported format matches at this point.
    #[error(
        "byte {offset}: expected {expected}, found {found:?}; see the crate docs for the supported formats"
    )]
    Unexpected {
        /// Byte offset of the first character that did not fit.
        offset: usize,
        /// What the format needed there.
        expected: &'static str,
        /// The text found there (at most a few characters).
        found: String,
    },
    /// A field is out of its range (month 13, 31 February, hour 25…).
    #[error("byte {offset}: {field} {value} is out of range; check the source for a typo")]
    OutOfRange {
        /// Byte offset of the timestamp.
        offset: usize,
        /// Which field.
        field: &'static str,
        /// The value given.
        value: i64,
    },
    /// The weekday named in the text is not the weekday of the date.
    #[error(
        "byte {offset}: weekday {given} contradicts {date}, which is a {actual}; the source is inconsistent, fix the date or drop the weekday"
    )]
    WeekdayMismatch {
        /// Byte offset of the weekday name.
        offset: usize,
        /// The weekday the text names.
        given: chrono::Weekday,
        /// The date the text names.
        date: chrono::NaiveDate,
        /// The real weekday of that date.
        actual: chrono::Weekday,
    },
}
