//! Options of the pipeline.

use chrono::{FixedOffset, Offset};
use std::fmt;
use std::str::FromStr;
use zhnews_date::china_offset;

/// The script the record's Chinese text is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OutputScript {
    /// Leave the text in the script it came in.
    Keep,
    /// Simplified, mainland wording (Traditional input goes through tw2sp, hk2sp or t2s).
    #[default]
    Hans,
    /// Traditional, OpenCC standard characters.
    Hant,
    /// Traditional with Taiwan characters and wording.
    Tw,
    /// Traditional with Hong Kong characters.
    Hk,
}

impl fmt::Display for OutputScript {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            OutputScript::Keep => "keep",
            OutputScript::Hans => "hans",
            OutputScript::Hant => "hant",
            OutputScript::Tw => "tw",
            OutputScript::Hk => "hk",
        })
    }
}

impl FromStr for OutputScript {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "keep" => Ok(OutputScript::Keep),
            "hans" | "simplified" | "zh-hans" => Ok(OutputScript::Hans),
            "hant" | "traditional" | "zh-hant" => Ok(OutputScript::Hant),
            "tw" | "zh-tw" => Ok(OutputScript::Tw),
            "hk" | "zh-hk" => Ok(OutputScript::Hk),
            _ => Err(crate::Error::Option(format!(
                "unknown output script {s:?}; expected keep, hans, hant, tw or hk"
            ))),
        }
    }
}

/// How to turn a document into an [`Article`](crate::Article).
///
/// ```
/// use zhnews::{Options, OutputScript};
/// let options = Options::default().script(OutputScript::Keep).keep_stripped(true);
/// assert_eq!(options.default_offset.local_minus_utc(), 8 * 3600);
/// ```
#[derive(Debug, Clone)]
pub struct Options {
    /// Script of the output text.
    pub script: OutputScript,
    /// Offset for local times that state none, and for `published_at` (+08:00 by default: a
    /// fixed offset, since China has kept no summer time since 1991).
    pub default_offset: FixedOffset,
    /// Keep every stripped piece with its rule in the record.
    pub keep_stripped: bool,
    /// After converting to mainland script, map variant characters OpenCC leaves alone
    /// (伕 → 夫) to the standard forms.
    pub mainland_variants: bool,
    /// Make ASCII punctuation next to Chinese text full-width and full-width letters and digits
    /// ASCII.
    pub normalize_punctuation: bool,
    /// Resolve the dates the body mentions.
    pub find_dates: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            script: OutputScript::Hans,
            default_offset: china_offset(),
            keep_stripped: false,
            mainland_variants: true,
            normalize_punctuation: true,
            find_dates: true,
        }
    }
}

impl Options {
    /// Sets the output script.
    pub fn script(mut self, script: OutputScript) -> Self {
        self.script = script;
        self
    }

    /// Sets the default offset.
    pub fn default_offset(mut self, offset: FixedOffset) -> Self {
        self.default_offset = offset;
        self
    }

    /// Keeps the stripped pieces in the record.
    pub fn keep_stripped(mut self, keep: bool) -> Self {
        self.keep_stripped = keep;
        self
    }
}

fn utc() -> FixedOffset {
    chrono::Utc.fix()
}

/// Parses an offset written `+08:00`, `+0800`, `-05:00`, `Z` or `UTC`.
pub fn parse_offset(text: &str) -> Result<FixedOffset, crate::Error> {
    let t = text.trim();
    if t.eq_ignore_ascii_case("z") || t.eq_ignore_ascii_case("utc") || t.eq_ignore_ascii_case("gmt")
    {
        return Ok(utc());
    }
    let bad = || {
        crate::Error::Option(format!(
            "time zone offset {text:?} is not of the form +08:00"
        ))
    };
    let (sign, rest) = match t.as_bytes().first() {
        Some(b'+') => (1, &t[1..]),
        Some(b'-') => (-1, &t[1..]),
        _ => return Err(bad()),
    };
    let digits: String = rest.chars().filter(|c| *c != ':').collect();
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let hours: i32 = digits[..2].parse().map_err(|_| bad())?;
    let minutes: i32 = digits[2..].parse().map_err(|_| bad())?;
    if minutes >= 60 {
        return Err(bad());
    }
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60)).ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_parse_in_the_usual_spellings() {
        assert_eq!(
            parse_offset("+08:00").map(|o| o.local_minus_utc()).ok(),
            Some(28800)
        );
        assert_eq!(
            parse_offset("+0530").map(|o| o.local_minus_utc()).ok(),
            Some(19800)
        );
        assert_eq!(
            parse_offset("-05:00").map(|o| o.local_minus_utc()).ok(),
            Some(-18000)
        );
        assert_eq!(parse_offset("Z").map(|o| o.local_minus_utc()).ok(), Some(0));
        assert!(parse_offset("8").is_err());
        assert!(parse_offset("+08:75").is_err());
    }

    #[test]
    fn output_script_round_trips_through_text() {
        for s in [
            OutputScript::Keep,
            OutputScript::Hans,
            OutputScript::Hant,
            OutputScript::Tw,
            OutputScript::Hk,
        ] {
            assert_eq!(s.to_string().parse::<OutputScript>().ok(), Some(s));
        }
        assert!("latin".parse::<OutputScript>().is_err());
    }
}
