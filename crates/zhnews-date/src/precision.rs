//! How precise a date or time is.

use std::fmt;
use std::str::FromStr;

/// The unit a timestamp or mention is precise to. Intervals are one such unit long (except
/// ranges). Text form (Display/FromStr) is snake_case: `year`, `part_of_day`…
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// A whole calendar year.
    Year,
    /// A whole calendar month.
    Month,
    /// A calendar day.
    Day,
    /// A part of a day such as 下午 (13:00–18:00).
    PartOfDay,
    /// A clock hour.
    Hour,
    /// A minute.
    Minute,
    /// A second (fractions are kept in the date-time but precision stays second).
    Second,
}

impl Precision {
    /// All precisions, coarsest first.
    pub const ALL: [Precision; 7] = [
        Precision::Year,
        Precision::Month,
        Precision::Day,
        Precision::PartOfDay,
        Precision::Hour,
        Precision::Minute,
        Precision::Second,
    ];

    /// The snake_case name, as Display prints it.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Year => "year",
            Precision::Month => "month",
            Precision::Day => "day",
            Precision::PartOfDay => "part_of_day",
            Precision::Hour => "hour",
            Precision::Minute => "minute",
            Precision::Second => "second",
        }
    }
}

impl fmt::Display for Precision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A precision name that is not one of `year`, `month`, `day`, `part_of_day`, `hour`,
/// `minute`, `second`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown precision {0:?}; expected one of year, month, day, part_of_day, hour, minute, second"
)]
pub struct ParsePrecisionError(pub String);

impl FromStr for Precision {
    type Err = ParsePrecisionError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Precision::ALL
            .into_iter()
            .find(|p| p.as_str() == s)
            .ok_or_else(|| ParsePrecisionError(s.to_owned()))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for p in Precision::ALL {
            assert_eq!(p.to_string().parse::<Precision>(), Ok(p));
        }
        assert_eq!(Precision::PartOfDay.to_string(), "part_of_day");
        assert!("PartOfDay".parse::<Precision>().is_err());
    }
}
