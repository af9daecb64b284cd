//! Mainland standard forms for variant characters OpenCC leaves alone.
//!
//! After a conversion to Simplified (t2s, tw2s, tw2sp, hk2s, hk2sp) some
//! characters survive that mainland text never uses: OpenCC's dictionaries
//! know 伕 as a traditional form of 夫 (STCharacters) but have no way back,
//! so 拉伕羅夫 becomes 拉伕罗夫. This layer maps such characters to the form
//! the 通用规范汉字表 (2013) prescribes.
//!
//! The table (`data/variants/mainland.txt`, derived by
//! `data/variants/derive.py`, sources in `data/variants/README.md`) is
//! deliberately small: a character is mapped only when it is not itself in
//! the 2013 table, OpenCC neither reads nor writes it in any mainland-bound
//! dictionary, and either OpenCC's STCharacters names exactly one standard
//! character it belongs to, or the `yitizi` variant graph names exactly one
//! standard character and Unihan confirms the pair. Characters outside the
//! table, and all non-Han text, pass through unchanged.

use std::borrow::Cow;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../data/variants/mainland.txt");

/// Maps variant characters that OpenCC leaves alone to the mainland standard
/// forms; returns the input borrowed when none occurs.
///
/// Meant for text already converted to Simplified: it maps single
/// characters, never words, and never a character OpenCC's own mainland
/// conversions produce.
///
/// ```
/// use zhnews_script::mainland_variants;
/// assert_eq!(mainland_variants("俄罗斯外长拉伕罗夫"), "俄罗斯外长拉夫罗夫");
/// assert!(matches!(mainland_variants("没有异体字"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn mainland_variants(text: &str) -> Cow<'_, str> {
    let map = table();
    let first = text.char_indices().find(|&(_, c)| map.get(c).is_some());
    let Some((at, _)) = first else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..at]);
    for c in text[at..].chars() {
        out.push(map.get(c).unwrap_or(c));
    }
    Cow::Owned(out)
}

/// The variant → standard pairs [`mainland_variants`] applies, in code point order, for
/// callers that audit or display the table.
///
/// ```
/// let pairs = zhnews_script::mainland_variant_pairs();
/// assert!(pairs.contains(&('伕', '夫')));
/// ```
pub fn mainland_variant_pairs() -> &'static [(char, char)] {
    &table().pairs
}

struct Map {
    pairs: Vec<(char, char)>,
    /// One bit per code point in U+3400..U+A000, where nearly all keys and
    /// nearly all running text lie, so most characters cost one load.
    dense: Vec<u64>,
    min: char,
    max: char,
}

const DENSE_START: u32 = 0x3400;
const DENSE_END: u32 = 0xA000;

impl Map {
    fn get(&self, c: char) -> Option<char> {
        if c < self.min || c > self.max {
            return None;
        }
        let cp = c as u32;
        if (DENSE_START..DENSE_END).contains(&cp) {
            let bit = (cp - DENSE_START) as usize;
            let word = self.dense.get(bit / 64).copied().unwrap_or(0);
            if word & (1 << (bit % 64)) == 0 {
                return None;
            }
        }
        self.pairs
            .binary_search_by_key(&c, |&(k, _)| k)
            .ok()
            .map(|i| self.pairs[i].1)
    }
}

fn table() -> &'static Map {
    static MAP: OnceLock<Map> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut pairs: Vec<(char, char)> = TABLE
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut f = l.split('\t');
                let one = |s: Option<&str>| {
                    let mut cs = s?.chars();
                    let c = cs.next()?;
                    cs.next().is_none().then_some(c)
                };
                Some((one(f.next())?, one(f.next())?))
            })
            .collect();
        pairs.sort_unstable();
        pairs.dedup_by_key(|p| p.0);
        let min = pairs.first().map_or('\u{10FFFF}', |p| p.0);
        let max = pairs.last().map_or('\0', |p| p.0);
        let mut dense = vec![0u64; ((DENSE_END - DENSE_START) as usize).div_ceil(64)];
        for &(v, _) in &pairs {
            let cp = v as u32;
            if (DENSE_START..DENSE_END).contains(&cp) {
                let bit = (cp - DENSE_START) as usize;
                if let Some(word) = dense.get_mut(bit / 64) {
                    *word |= 1 << (bit % 64);
                }
            }
        }
        Map {
            pairs,
            dense,
            min,
            max,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_loads_every_line() {
        let lines = TABLE.lines().filter(|l| !l.starts_with('#')).count();
        assert_eq!(mainland_variant_pairs().len(), lines);
        assert!(lines > 100);
    }

    #[test]
    fn no_target_is_itself_a_key() {
        let map = table();
        for &(v, s) in &map.pairs {
            assert!(map.get(s).is_none(), "{v}→{s} chains into another mapping");
            assert_ne!(v, s);
        }
    }
}
