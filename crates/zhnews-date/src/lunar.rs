//! Lunar (农历) month-day to Gregorian day, for lunar years 1900–2100.

use crate::lunar_table::{FIRST_YEAR, YEARS};
use chrono::{Days, NaiveDate};

/// The Gregorian day of lunar `year`, `month` (1–12, `leap` for the intercalary month that
/// follows it) and `day` (1–30), or `None` outside the table or for a day the month lacks.
pub(crate) fn to_gregorian(year: i32, month: u32, leap: bool, day: u32) -> Option<NaiveDate> {
    let packed = *YEARS.get(usize::try_from(year.checked_sub(FIRST_YEAR)?).ok()?)?;
    let new_year = NaiveDate::from_yo_opt(year, (packed >> 17) + 1)?;
    let leap_month = (packed >> 13) & 0xF;
    if leap && leap_month != month {
        return None;
    }
    let len = |index: u32| if packed & (1 << index) != 0 { 30 } else { 29 };
    let mut offset = 0u32;
    let mut index = 0u32;
    for m in 1..=12u32 {
        if m == month && !leap {
            return (day >= 1 && day <= len(index))
                .then(|| new_year.checked_add_days(Days::new(u64::from(offset + day - 1))))?;
        }
        offset += len(index);
        index += 1;
        if m == leap_month {
            if m == month {
                return (day >= 1 && day <= len(index))
                    .then(|| new_year.checked_add_days(Days::new(u64::from(offset + day - 1))))?;
            }
            offset += len(index);
            index += 1;
        }
    }
    None
}

/// The last day of lunar `year` (除夕).
pub(crate) fn new_years_eve(year: i32) -> Option<NaiveDate> {
    if year == FIRST_YEAR + YEARS.len() as i32 - 1 {
        // The table ends here: count the last year's months instead of the next new year.
        let packed = YEARS[YEARS.len() - 1];
        let months = if (packed >> 13) & 0xF != 0 { 13 } else { 12 };
        let days: u32 = (0..months)
            .map(|i| if packed & (1 << i) != 0 { 30 } else { 29 })
            .sum();
        let new_year = to_gregorian(year, 1, false, 1)?;
        return new_year.checked_add_days(Days::new(u64::from(days - 1)));
    }
    to_gregorian(year + 1, 1, false, 1)?.pred_opt()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn known_days() {
        assert_eq!(to_gregorian(1900, 1, false, 1), d(1900, 1, 31));
        assert_eq!(to_gregorian(1901, 1, false, 1), d(1901, 2, 19));
        assert_eq!(to_gregorian(2024, 1, false, 1), d(2024, 2, 10));
        assert_eq!(to_gregorian(2025, 1, false, 1), d(2025, 1, 29));
        assert_eq!(to_gregorian(2026, 1, false, 1), d(2026, 2, 17));
        assert_eq!(new_years_eve(2025), d(2026, 2, 16));
        // 2025 has a leap sixth month; 中秋 2025 is 6 October.
        assert_eq!(to_gregorian(2025, 8, false, 15), d(2025, 10, 6));
        assert_eq!(to_gregorian(2025, 6, true, 1), d(2025, 7, 25));
        assert_eq!(to_gregorian(2025, 5, true, 1), None);
        assert_eq!(to_gregorian(2024, 8, false, 15), d(2024, 9, 17));
        assert_eq!(to_gregorian(2023, 5, false, 5), d(2023, 6, 22));
        assert_eq!(to_gregorian(2101, 1, false, 1), None);
        assert_eq!(to_gregorian(1899, 1, false, 1), None);
        assert!(new_years_eve(2100).is_some());
    }

    #[test]
    fn years_chain() {
        // Each year's length must land exactly on the next new year.
        for y in 1900..2100 {
            let packed = YEARS[(y - FIRST_YEAR) as usize];
            let months = if (packed >> 13) & 0xF != 0 { 13 } else { 12 };
            let days: u64 = (0..months)
                .map(|i| if packed & (1 << i) != 0 { 30 } else { 29 })
                .sum();
            let start = to_gregorian(y, 1, false, 1).unwrap();
            let next = to_gregorian(y + 1, 1, false, 1).unwrap();
            assert_eq!(
                start.checked_add_days(Days::new(days)),
                Some(next),
                "year {y}"
            );
            assert!((353..=385).contains(&days), "year {y}");
        }
    }
}
