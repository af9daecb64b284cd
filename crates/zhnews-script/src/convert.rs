//! OpenCC configs and the converter that runs them.

use crate::Error;
use crate::tables::{self, Matcher, SEPARATOR, Tables};
use std::fmt;
use std::str::FromStr;

/// One of OpenCC's 16 conversion configs, named as OpenCC names them (`s2t`, `tw2sp`, …).
///
/// ```
/// use zhnews_script::Config;
/// let config: Config = "tw2sp".parse().unwrap();
/// assert_eq!(config, Config::Tw2sp);
/// assert_eq!(config.to_string(), "tw2sp");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Config {
    /// Simplified to Traditional (OpenCC standard characters).
    S2t,
    /// Traditional (OpenCC standard) to Simplified.
    T2s,
    /// Simplified to Traditional, Taiwan character forms.
    S2tw,
    /// Traditional (Taiwan forms) to Simplified.
    Tw2s,
    /// Simplified to Traditional, Taiwan forms and Taiwan wording (软件 → 軟體).
    S2twp,
    /// Traditional (Taiwan) to Simplified with mainland wording (軟體 → 软件).
    Tw2sp,
    /// Simplified to Traditional, Hong Kong character forms.
    S2hk,
    /// Traditional (Hong Kong forms) to Simplified.
    Hk2s,
    /// Simplified to Traditional, Hong Kong forms and Hong Kong wording.
    S2hkp,
    /// Traditional (Hong Kong) to Simplified with mainland wording.
    Hk2sp,
    /// Traditional (OpenCC standard) to Taiwan character forms.
    T2tw,
    /// Taiwan character forms to Traditional (OpenCC standard).
    Tw2t,
    /// Traditional (OpenCC standard) to Hong Kong character forms.
    T2hk,
    /// Hong Kong character forms to Traditional (OpenCC standard).
    Hk2t,
    /// Traditional (Kyūjitai) to Japanese Shinjitai.
    T2jp,
    /// Japanese Shinjitai to Traditional (Kyūjitai).
    Jp2t,
}

impl Config {
    /// Every config, in OpenCC's usual order.
    pub const ALL: [Config; 16] = [
        Config::S2t,
        Config::T2s,
        Config::S2tw,
        Config::Tw2s,
        Config::S2twp,
        Config::Tw2sp,
        Config::S2hk,
        Config::Hk2s,
        Config::S2hkp,
        Config::Hk2sp,
        Config::T2tw,
        Config::Tw2t,
        Config::T2hk,
        Config::Hk2t,
        Config::T2jp,
        Config::Jp2t,
    ];

    /// The OpenCC name (`"s2twp"`), which is also the file stem of OpenCC's config.
    pub fn name(self) -> &'static str {
        match self {
            Config::S2t => "s2t",
            Config::T2s => "t2s",
            Config::S2tw => "s2tw",
            Config::Tw2s => "tw2s",
            Config::S2twp => "s2twp",
            Config::Tw2sp => "tw2sp",
            Config::S2hk => "s2hk",
            Config::Hk2s => "hk2s",
            Config::S2hkp => "s2hkp",
            Config::Hk2sp => "hk2sp",
            Config::T2tw => "t2tw",
            Config::Tw2t => "tw2t",
            Config::T2hk => "t2hk",
            Config::Hk2t => "hk2t",
            Config::T2jp => "t2jp",
            Config::Jp2t => "jp2t",
        }
    }

    /// Whether the output is Simplified (mainland) Chinese: the configs after which
    /// [`mainland_variants`](crate::mainland_variants) may be applied.
    pub fn is_mainland_output(self) -> bool {
        matches!(
            self,
            Config::T2s | Config::Tw2s | Config::Tw2sp | Config::Hk2s | Config::Hk2sp
        )
    }
}

impl fmt::Display for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Config {
    type Err = Error;

    /// Accepts the OpenCC name, case-insensitively, with or without `.json`.
    fn from_str(s: &str) -> Result<Self, Error> {
        let name = s.trim();
        let name = name.strip_suffix(".json").unwrap_or(name);
        Config::ALL
            .into_iter()
            .find(|c| c.name().eq_ignore_ascii_case(name))
            .ok_or_else(|| Error::UnknownConfig { name: s.to_owned() })
    }
}

#[derive(Clone, Copy)]
struct Stages {
    normalization: &'static [&'static Matcher],
    segmentation: Option<(&'static Matcher, u32)>,
    chain: &'static [&'static Matcher],
}

/// Converts text with one OpenCC config, giving OpenCC 1.4.2's answers.
///
/// Built once per config (the precompiled dictionaries embedded in the crate are decoded on
/// first use and shared by every converter of the process), then used through `&self` from
/// any number of threads.
///
/// ```
/// use zhnews_script::{Config, Converter};
/// let t2s = Converter::new(Config::T2s);
/// assert_eq!(t2s.convert("漢字轉換，ASCII 不變。"), "汉字转换，ASCII 不变。");
/// let s2twp = Converter::new(Config::S2twp);
/// assert_eq!(s2twp.convert("鼠标和软件"), "滑鼠和軟體");
/// ```
#[derive(Clone, Copy)]
pub struct Converter {
    config: Config,
    stages: Stages,
}

impl fmt::Debug for Converter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Converter")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

fn load(config: Config) -> Result<Stages, Error> {
    let tables = tables::tables()?;
    let plan = tables
        .plans
        .iter()
        .find(|p| p.name == config.name())
        .ok_or_else(|| Error::CorruptTables {
            what: format!("no plan for {config}"),
        })?;
    let get =
        |ids: &[u32], tables: &'static Tables| -> Result<&'static [&'static Matcher], Error> {
            let v = ids
                .iter()
                .map(|&id| tables.matcher(id))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(Vec::leak(v))
        };
    Ok(Stages {
        normalization: get(&plan.normalization, tables)?,
        segmentation: match plan.segmentation {
            Some((id, limit)) => Some((tables.matcher(id)?, limit)),
            None => None,
        },
        chain: get(&plan.chain, tables)?,
    })
}

fn cached(config: Config) -> Result<Stages, Error> {
    use std::sync::OnceLock;
    static CACHE: [OnceLock<Result<Stages, Error>>; 16] = [const { OnceLock::new() }; 16];
    let index = Config::ALL.iter().position(|&c| c == config).unwrap_or(0);
    CACHE[index].get_or_init(|| load(config)).clone()
}

impl Converter {
    /// The converter for `config`. The first call per config decodes its tables (well under a
    /// millisecond for most configs); later calls are free.
    ///
    /// The embedded tables are checked by the crate's tests, so this cannot fail in a
    /// released build; [`Converter::try_new`] reports the impossible case instead of
    /// returning a converter that leaves text unchanged.
    pub fn new(config: Config) -> Converter {
        Converter::try_new(config).unwrap_or(Converter {
            config,
            stages: Stages {
                normalization: &[],
                segmentation: None,
                chain: &[],
            },
        })
    }

    /// Like [`Converter::new`], but reports damaged embedded tables as an error.
    pub fn try_new(config: Config) -> Result<Converter, Error> {
        Ok(Converter {
            config,
            stages: cached(config)?,
        })
    }

    /// The config this converter runs.
    pub fn config(&self) -> Config {
        self.config
    }

    /// Converts `text`. Characters no dictionary lists (Latin, digits, punctuation, line
    /// breaks, characters already in the target script) come out unchanged.
    pub fn convert(&self, text: &str) -> String {
        let mut out = String::with_capacity(crate::out::room_for(text.len()));
        self.convert_into(text, &mut out);
        out
    }

    /// Converts `text`, appending the result to `out` (reuses its allocation).
    pub fn convert_into(&self, text: &str, out: &mut String) {
        let normalized = self.normalize(text);
        let text: &str = &normalized;
        let chain = self.stages.chain;
        match self.stages.segmentation {
            None => run_chain(chain, text, out, &mut ChainBuffers::default()),
            Some((seg, 0))
                if chain.first().is_some_and(|first| std::ptr::eq(*first, seg))
                    && seg.can_mark()
                    && !separator_unsafe(text) =>
            {
                // Segmenting by the first stage's own phrases (s2tw, s2hk, …): that stage
                // run over the whole text, marking its phrase matches with a separator that
                // no key holds and every stage copies, gives the segments' conversions
                // with the segments marked. The later stages then run once over them all:
                // a match can neither cross from one segment into the next nor be cut
                // short by the mark, which is what running them on each segment alone
                // computes, without the cost per segment (buffers, loop start-up) on
                // segments of a few characters.
                let mut marked = String::with_capacity(crate::out::room_for(text.len()));
                seg.convert_marked(text, &mut marked);
                let mut converted = String::new();
                run_chain(
                    chain.get(1..).unwrap_or(&[]),
                    &marked,
                    &mut converted,
                    &mut ChainBuffers::default(),
                );
                drop(marked);
                out.reserve(converted.len());
                for piece in converted.split(SEPARATOR) {
                    out.push_str(piece);
                }
            }
            Some((seg, limit)) => segment_by_segment(seg, limit, chain, text, out),
        }
    }
}

impl Converter {
    /// The text after the config's normalization stages.
    fn normalize<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        let mut normalized = std::borrow::Cow::Borrowed(text);
        for stage in self.stages.normalization {
            if stage.touches(&normalized) {
                let mut next = String::with_capacity(normalized.len());
                stage.convert_into(&normalized, &mut next);
                normalized = std::borrow::Cow::Owned(next);
            }
        }
        normalized
    }
}

/// OpenCC's way: the chain run on each segment alone.
fn segment_by_segment(seg: &Matcher, limit: u32, chain: &[&Matcher], text: &str, out: &mut String) {
    let mut buffers = ChainBuffers::default();
    seg.segment(text, limit, |segment| {
        run_chain(chain, segment, out, &mut buffers)
    });
}

/// Whether `text` holds what would make the separator change the answer: the separator
/// itself, or an ideographic description character (U+2FF0..U+2FFF), whose sequence,
/// converted as one unit, could run on across the end of a segment.
fn separator_unsafe(text: &str) -> bool {
    let b = text.as_bytes();
    // U+FFFF is EF BF BF; U+2FF0..U+2FFF are E2 BF B0..E2 BF BF.
    memchr::memmem::find(b, "\u{FFFF}".as_bytes()).is_some()
        || memchr::memmem::find_iter(b, b"\xE2\xBF")
            .any(|i| b.get(i + 2).is_some_and(|&x| x >= 0xB0))
}

#[derive(Default)]
struct ChainBuffers {
    a: String,
    b: String,
}

/// OpenCC's `ConversionChain`: each stage converts the previous stage's output.
fn run_chain(chain: &[&Matcher], text: &str, out: &mut String, buffers: &mut ChainBuffers) {
    match chain {
        [] => out.push_str(text),
        [only] => only.convert_into(text, out),
        [first, middle @ .., last] => {
            buffers.a.clear();
            first.convert_into(text, &mut buffers.a);
            for stage in middle {
                buffers.b.clear();
                stage.convert_into(&buffers.a, &mut buffers.b);
                std::mem::swap(&mut buffers.a, &mut buffers.b);
            }
            last.convert_into(&buffers.a, out);
        }
    }
}

/// The header of the embedded tables: their DO-NOT-EDIT notice, format and the fingerprint
/// of the OpenCC sources they were compiled from.
#[doc(hidden)]
pub fn tables_header() -> &'static str {
    tables::header()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::tests::{generated_texts, keys};
    use std::path::Path;

    fn dictionaries() -> Vec<(String, String)> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/opencc/dictionary");
        let mut out = Vec::new();
        for entry in std::fs::read_dir(&dir).expect("dictionary folder") {
            let path = entry.expect("entry").path();
            let text = std::fs::read_to_string(&path).expect("dictionary text");
            out.push((path.display().to_string(), text));
        }
        assert_eq!(out.len(), 22);
        out
    }

    #[test]
    fn no_dictionary_holds_the_separator_or_a_description_character() {
        for (name, text) in dictionaries() {
            let bad = text
                .chars()
                .find(|&c| c == SEPARATOR || ('\u{2FF0}'..='\u{2FFF}').contains(&c));
            assert_eq!(bad, None, "{name}");
        }
    }

    #[test]
    fn separator_unsafe_finds_the_separator_and_description_characters_only() {
        assert!(!separator_unsafe("简体字，\u{2FD5}\u{2FEF}⼀ ASCII"));
        for c in ['\u{FFFF}', '\u{2FF0}', '\u{2FFB}', '\u{2FFF}'] {
            assert!(separator_unsafe(&format!("前{c}后")), "{c:?}");
            assert!(separator_unsafe(&c.to_string()), "{c:?}");
        }
        assert!(!separator_unsafe("\u{FFFE}\u{FFFD}"));
    }

    /// Texts of dictionary keys, their pieces and other characters.
    fn texts(count: usize) -> Vec<String> {
        let dicts = dictionaries();
        let keys: Vec<&str> = dicts.iter().flat_map(|(_, text)| keys(text)).collect();
        let others = [" ", "\n", "ab 12", "，", "。", "\u{20000}", "\u{F900}", "a"];
        generated_texts(&keys, &others, (0x2545_F491_4F6C_DD1D, 30, false), count)
    }

    #[test]
    fn joined_chain_equals_the_chain_on_each_segment() {
        let texts = texts(4000);
        let mut marked = 0;
        for config in Config::ALL {
            let converter = Converter::new(config);
            let Some((seg, limit)) = converter.stages.segmentation else {
                continue;
            };
            let chain = converter.stages.chain;
            if limit == 0 && std::ptr::eq(chain[0], seg) && seg.can_mark() {
                marked += 1;
            }
            for text in &texts {
                let mut want = String::new();
                segment_by_segment(seg, limit, chain, &converter.normalize(text), &mut want);
                assert_eq!(converter.convert(text), want, "{config} on {text:?}");
            }
        }
        // s2tw, s2twp, s2hk and s2hkp segment by the phrases of their first stage.
        assert_eq!(marked, 4);
    }

    #[test]
    fn text_with_a_separator_or_description_character_is_converted_segment_by_segment() {
        for config in [Config::S2tw, Config::Tw2sp, Config::S2hkp] {
            let converter = Converter::new(config);
            let Some((seg, limit)) = converter.stages.segmentation else {
                panic!("{config} segments");
            };
            for text in [
                "鼠标\u{FFFF}软件，\u{FFFF}",
                "⿰氵每和软件⿱",
                "記憶體\u{FFFF}⿰氵每不足",
            ] {
                let mut want = String::new();
                let text = &converter.normalize(text);
                segment_by_segment(seg, limit, converter.stages.chain, text, &mut want);
                assert_eq!(converter.convert(text), want, "{config} on {text:?}");
            }
        }
    }
}
