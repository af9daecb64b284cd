//! zhnews-encoding turns the raw bytes of a Chinese news document — GBK, GB18030, Big5
//! (with the HKSCS extension), UTF-16 or UTF-8 — into UTF-8 text, and says which encoding it
//! used and why.
//!
//! The order of evidence:
//!
//! 1. A byte order mark (UTF-8, UTF-16LE, UTF-16BE) wins.
//! 2. A declared charset — the [`Hint`] (an HTTP header, a front matter or JSON Lines field),
//!    the XML declaration, or `<meta charset>` / `http-equiv` found by the HTML standard's
//!    prescan of the first 1024 bytes — is *verified against the bytes*. Pages that say GB2312
//!    but are UTF-8 are common, so valid UTF-8 beats a legacy declaration; a declaration that
//!    decodes with errors, or into implausible text, loses to a detected encoding that does
//!    better. Each overruled declaration leaves a [`Warning`].
//! 3. Otherwise the encoding is detected: valid UTF-8, UTF-16LE/BE without a BOM (by the shape
//!    of the code units), then [chardetng](https://docs.rs/chardetng) checked against a
//!    plausibility score over the Chinese encodings.
//! 4. When nothing is conclusive the best guess is [`ChosenBy::Assumed`], with a warning.
//!
//! GB2312 and GBK labels decode as GB18030 (a superset); Big5 decodes as the WHATWG Big5, which
//! includes HKSCS. Valid UTF-8 is borrowed, not copied. Malformed bytes become U+FFFD and are
//! counted in [`Decoded::malformed`]; decoding never fails and never panics.
//!
//! ```
//! use zhnews_encoding::{decode, ChosenBy, Hint};
//!
//! // "新闻" in GBK, in a page that declares GB2312.
//! let page = b"<meta charset=gb2312><p>\xd0\xc2\xce\xc5</p>";
//! let decoded = decode(page, Hint::new());
//! assert_eq!(decoded.text, "<meta charset=gb2312><p>新闻</p>");
//! assert_eq!(decoded.encoding_name(), "GB18030");
//! assert_eq!(decoded.chosen_by, ChosenBy::Declared);
//!
//! // The same page, but the bytes are really UTF-8: the declaration loses, with a warning.
//! let lying = "<meta charset=gb2312><p>新闻</p>".as_bytes();
//! let decoded = decode(lying, Hint::new().tld("cn"));
//! assert_eq!(decoded.encoding_name(), "UTF-8");
//! assert_eq!(decoded.chosen_by, ChosenBy::Detected);
//! assert_eq!(decoded.warnings.len(), 1);
//! println!("{}", decoded.warnings[0]);
//! ```
//!
//! What it does not do: read files or HTTP headers (pass a header's charset as
//! [`Hint::declared`]), decode encodings outside the WHATWG Encoding Standard (EUC-TW, HZ),
//! or repair text that was already mojibake before it was saved.

#![forbid(unsafe_code)]

mod codec;
mod detect;
mod prescan;

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

pub use encoding_rs;
pub use encoding_rs::Encoding;
use encoding_rs::{
    GB18030, GBK, REPLACEMENT, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED,
};

/// What the caller knows about the bytes before looking at them.
///
/// ```
/// use zhnews_encoding::Hint;
/// let hint = Hint::new().declared("gb2312").tld("news.example.com.cn");
/// assert_eq!(hint.declared_label(), Some("gb2312"));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Hint<'a> {
    declared: Option<&'a str>,
    tld: Option<&'a str>,
}

impl<'a> Hint<'a> {
    /// No hint: everything comes from the bytes.
    pub fn new() -> Self {
        Self::default()
    }

    /// A charset label declared outside the bytes (HTTP `Content-Type`, a front matter or JSON
    /// Lines field). It is checked against the bytes like any declaration; an unknown label is
    /// ignored with a warning.
    pub fn declared(self, label: &'a str) -> Self {
        Self {
            declared: Some(label),
            ..self
        }
    }

    /// The top-level domain the document came from (`cn`, `.tw`, or a whole host name such as
    /// `news.example.com.hk`); it tips close calls between Simplified and Traditional encodings.
    pub fn tld(self, tld: &'a str) -> Self {
        Self {
            tld: Some(tld),
            ..self
        }
    }

    /// The declared label, if any.
    pub fn declared_label(&self) -> Option<&'a str> {
        self.declared
    }

    /// The top-level domain, as given.
    pub fn tld_label(&self) -> Option<&'a str> {
        self.tld
    }
}

/// How the encoding was chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChosenBy {
    /// A byte order mark.
    Bom,
    /// A declaration (hint, XML declaration or HTML `<meta>`) that the bytes agree with.
    Declared,
    /// Detected from the bytes.
    Detected,
    /// Nothing was conclusive (no non-ASCII bytes, or weak evidence): a best guess.
    Assumed,
}

impl ChosenBy {
    /// The lowercase name: `bom`, `declared`, `detected`, `assumed`.
    pub fn as_str(self) -> &'static str {
        match self {
            ChosenBy::Bom => "bom",
            ChosenBy::Declared => "declared",
            ChosenBy::Detected => "detected",
            ChosenBy::Assumed => "assumed",
        }
    }
}

impl fmt::Display for ChosenBy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ChosenBy {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s {
            "bom" => Ok(ChosenBy::Bom),
            "declared" => Ok(ChosenBy::Declared),
            "detected" => Ok(ChosenBy::Detected),
            "assumed" => Ok(ChosenBy::Assumed),
            _ => Err(Error::UnknownChosenBy {
                text: s.to_string(),
            }),
        }
    }
}

/// Where a declared charset came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Source {
    /// [`Hint::declared`].
    Hint,
    /// The XML declaration at the start of the document.
    XmlDeclaration,
    /// An HTML `<meta>` tag starting at this byte offset.
    HtmlMeta {
        /// Byte offset of the `<meta` tag.
        offset: usize,
    },
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Hint => f.write_str("the declared charset"),
            Source::XmlDeclaration => f.write_str("the XML declaration"),
            Source::HtmlMeta { offset } => write!(f, "the <meta> tag at byte {offset}"),
        }
    }
}

/// Why a declared charset was not used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Overruled {
    /// The bytes are valid UTF-8 with non-ASCII characters, which legacy text practically
    /// never is.
    ValidUtf8,
    /// Decoding with the declared charset gives malformed sequences.
    Malformed {
        /// How many malformed sequences.
        count: usize,
        /// Byte offset of the first.
        first_offset: usize,
    },
    /// The declared charset decodes cleanly but into text that is far less plausible than
    /// what the detected encoding gives (e.g. Big5 bytes declared as GB2312).
    Implausible,
}

/// Something the caller may want to know about a decoding; `Display` is a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Warning {
    /// A declared label is not an encoding label (or names one that cannot decode text).
    UnknownLabel {
        /// Where it was declared.
        source: Source,
        /// The label as declared.
        label: String,
    },
    /// A declared charset was not used.
    DeclarationOverruled {
        /// Where it was declared.
        source: Source,
        /// What it declared.
        declared: &'static Encoding,
        /// What was used instead.
        used: &'static Encoding,
        /// Why.
        reason: Overruled,
    },
    /// A byte order mark disagreed with a declared charset; the BOM won.
    BomOverridesDeclaration {
        /// Where the other charset was declared.
        source: Source,
        /// What it declared.
        declared: &'static Encoding,
        /// What the BOM says.
        bom: &'static Encoding,
    },
    /// Malformed byte sequences were replaced with U+FFFD.
    Malformed {
        /// The encoding used.
        encoding: &'static Encoding,
        /// How many malformed sequences.
        count: usize,
        /// Byte offset of the first.
        first_offset: usize,
    },
    /// The evidence was weak; the encoding is a best guess.
    LowConfidence {
        /// The encoding used.
        encoding: &'static Encoding,
    },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::UnknownLabel { source, label } => write!(
                f,
                "{source} names {label:?}, which is not a supported encoding label; ignored it \
                 (use a WHATWG label such as utf-8, gbk, gb18030, big5 or utf-16le)"
            ),
            Warning::DeclarationOverruled {
                source,
                declared,
                used,
                reason,
            } => {
                let declared = encoding_name(declared);
                let used = encoding_name(used);
                match reason {
                    Overruled::ValidUtf8 => write!(
                        f,
                        "{source} declares {declared} but the bytes are valid UTF-8; decoded as {used}"
                    ),
                    Overruled::Malformed {
                        count,
                        first_offset,
                    } => write!(
                        f,
                        "{source} declares {declared} but decoding with it gives {count} malformed \
                         sequence(s), the first at byte {first_offset}; decoded as {used} instead"
                    ),
                    Overruled::Implausible => write!(
                        f,
                        "{source} declares {declared} but the text it gives is implausible; \
                         decoded as {used} instead"
                    ),
                }
            }
            Warning::BomOverridesDeclaration {
                source,
                declared,
                bom,
            } => write!(
                f,
                "the byte order mark says {}, so {source} declaring {} was ignored",
                encoding_name(bom),
                encoding_name(declared)
            ),
            Warning::Malformed {
                encoding,
                count,
                first_offset,
            } => write!(
                f,
                "{count} malformed byte sequence(s) in {} replaced with U+FFFD, the first at byte \
                 {first_offset}; the file may be truncated or mix encodings",
                encoding_name(encoding)
            ),
            Warning::LowConfidence { encoding } => write!(
                f,
                "the encoding could not be determined with confidence; assumed {} (pass the \
                 right label as a declared charset if the text looks wrong)",
                encoding_name(encoding)
            ),
        }
    }
}

/// What can fail: looking up a label given by a user, or parsing a [`ChosenBy`] name.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Not an encoding label of the WHATWG Encoding Standard.
    #[error(
        "unknown encoding label {label:?}: use a WHATWG label such as utf-8, gbk, gb18030, big5, utf-16le or utf-16be"
    )]
    UnknownLabel {
        /// The label as given.
        label: String,
    },
    /// A label the Encoding Standard maps to the "replacement" encoding (ISO-2022-KR, HZ…),
    /// which cannot decode text.
    #[error(
        "encoding label {label:?} names an encoding that cannot be decoded; convert the file to UTF-8 first"
    )]
    Undecodable {
        /// The label as given.
        label: String,
    },
    /// Not one of `bom`, `declared`, `detected`, `assumed`.
    #[error("unknown choice {text:?}: expected bom, declared, detected or assumed")]
    UnknownChosenBy {
        /// The text as given.
        text: String,
    },
}

/// The encoding a label names, as zhnews decodes it (GB2312 and GBK → GB18030).
///
/// ```
/// use zhnews_encoding::{encoding_for_label, encoding_name};
/// assert_eq!(encoding_name(encoding_for_label("GB2312")?), "GB18030");
/// assert_eq!(encoding_name(encoding_for_label(" big5-hkscs ")?), "Big5");
/// assert_eq!(encoding_name(encoding_for_label("cp936")?), "GB18030");
/// assert!(encoding_for_label("klingon").is_err());
/// # Ok::<(), zhnews_encoding::Error>(())
/// ```
pub fn encoding_for_label(label: &str) -> Result<&'static Encoding, Error> {
    // Code page names that Chinese pages and servers use but the Encoding Standard does not list.
    let trimmed = label.trim().to_ascii_lowercase();
    let alias = match trimmed.as_str() {
        "cp936" | "ms936" | "windows-936" | "euc-cn" | "gb18030-2000" | "gb18030-2005"
        | "gb18030-2022" => Some(GB18030),
        "cp950" | "ms950" | "windows-950" | "big5hkscs" | "big5_hkscs" | "cp951" => {
            Some(encoding_rs::BIG5)
        }
        _ => None,
    };
    if let Some(encoding) = alias {
        return Ok(encoding);
    }
    match Encoding::for_label(label.as_bytes()) {
        None => Err(Error::UnknownLabel {
            label: label.to_string(),
        }),
        Some(e) if e == REPLACEMENT => Err(Error::Undecodable {
            label: label.to_string(),
        }),
        Some(e) => Ok(detect::canonical(e)),
    }
}

/// The name zhnews records for an encoding: `UTF-8`, `GB18030`, `Big5`, `UTF-16LE`, `UTF-16BE`,
/// or encoding_rs's name for the others.
pub fn encoding_name(encoding: &'static Encoding) -> &'static str {
    if encoding == GBK || encoding == GB18030 {
        "GB18030"
    } else {
        encoding.name()
    }
}

/// Text decoded from bytes, with how it was decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// The text; borrowed from the input when it was valid UTF-8 (or ASCII).
    pub text: Cow<'a, str>,
    /// The encoding used.
    pub encoding: &'static Encoding,
    /// How it was chosen.
    pub chosen_by: ChosenBy,
    /// How many malformed byte sequences became U+FFFD.
    pub malformed: usize,
    /// What the caller may want to know (overruled declarations, malformed bytes, guesses).
    pub warnings: Vec<Warning>,
}

impl Decoded<'_> {
    /// The encoding's name for the record: `UTF-8`, `GB18030`, `Big5`, `UTF-16LE`, …
    pub fn encoding_name(&self) -> &'static str {
        encoding_name(self.encoding)
    }

    /// The text, owned.
    pub fn into_string(self) -> String {
        self.text.into_owned()
    }
}

/// A declaration found for the bytes, resolved to an encoding.
struct Declaration {
    source: Source,
    encoding: &'static Encoding,
}

/// Resolves a declared label; labels inside the document cannot truthfully say UTF-16 (the
/// declaration itself was readable as ASCII), so the HTML standard's substitutions apply there.
fn resolve(label: &str, source: Source, warnings: &mut Vec<Warning>) -> Option<Declaration> {
    match encoding_for_label(label) {
        Ok(mut encoding) => {
            if source != Source::Hint {
                if encoding == UTF_16LE || encoding == UTF_16BE {
                    encoding = UTF_8;
                } else if encoding == X_USER_DEFINED {
                    encoding = WINDOWS_1252;
                }
            }
            Some(Declaration { source, encoding })
        }
        Err(_) => {
            warnings.push(Warning::UnknownLabel {
                source,
                label: label.trim().to_string(),
            });
            None
        }
    }
}

fn declarations(bytes: &[u8], hint: &Hint<'_>, warnings: &mut Vec<Warning>) -> Vec<Declaration> {
    let mut out = Vec::new();
    if let Some(label) = hint.declared {
        out.extend(resolve(label, Source::Hint, warnings));
    }
    if let Some(found) = prescan::xml_declaration(bytes) {
        out.extend(resolve(&found.label, Source::XmlDeclaration, warnings));
    }
    let scan = prescan::html_meta(bytes, |l| encoding_for_label(l).is_ok());
    for unknown in scan.unknown {
        warnings.push(Warning::UnknownLabel {
            source: Source::HtmlMeta {
                offset: unknown.offset,
            },
            label: unknown.label,
        });
    }
    if let Some(found) = scan.found {
        out.extend(resolve(
            &found.label,
            Source::HtmlMeta {
                offset: found.offset,
            },
            warnings,
        ));
    }
    out
}

fn finish<'a>(
    text: codec::Text<'a>,
    encoding: &'static Encoding,
    chosen_by: ChosenBy,
    mut warnings: Vec<Warning>,
) -> Decoded<'a> {
    if let Some(first_offset) = text.first_malformed {
        warnings.push(Warning::Malformed {
            encoding,
            count: text.malformed,
            first_offset,
        });
    }
    Decoded {
        text: text.text,
        encoding,
        chosen_by,
        malformed: text.malformed,
        warnings,
    }
}

/// Whether valid UTF-8 bytes read at least as well as UTF-8 as they do with `declared`.
fn utf8_reads_better(declared: &'static Encoding, bytes: &[u8]) -> bool {
    let other = detect::score(declared, bytes);
    if other.replaced > 0 {
        return true;
    }
    detect::score(UTF_8, bytes).score >= other.score
}

/// A declaration that did not verify cleanly, kept in case detection does no better.
struct Doubtful<'a> {
    declaration: Declaration,
    text: codec::Text<'a>,
    reason: Overruled,
}

/// Decodes `bytes` to UTF-8 text; see the crate documentation for the order of evidence.
/// Never fails: malformed bytes become U+FFFD and are counted.
pub fn decode<'a>(bytes: &'a [u8], hint: Hint<'_>) -> Decoded<'a> {
    let mut warnings = Vec::new();
    let tld = hint.tld.and_then(detect::tld_label);
    let tld = tld.as_deref();

    if let Some((bom, len)) = Encoding::for_bom(bytes) {
        let body = &bytes[len..];
        let readable = if bom == UTF_8 { body } else { &[][..] };
        let mut ignored = Vec::new();
        for d in declarations(readable, &hint, &mut ignored) {
            if d.encoding != bom {
                warnings.push(Warning::BomOverridesDeclaration {
                    source: d.source,
                    declared: d.encoding,
                    bom,
                });
            }
        }
        return finish(codec::decode(bom, body), bom, ChosenBy::Bom, warnings);
    }

    // Validated once; valid UTF-8 is then borrowed as is.
    let utf8 = std::str::from_utf8(bytes).ok();
    let utf8_valid = utf8.is_some();
    let ascii = utf8_valid && bytes.is_ascii();
    let borrowed = |s: &'a str| codec::Text {
        text: Cow::Borrowed(s),
        malformed: 0,
        first_malformed: None,
    };
    let decls = declarations(bytes, &hint, &mut warnings);
    let mut verdict: Option<detect::Verdict> = None;
    let mut doubtful: Vec<Doubtful<'a>> = Vec::new();

    for d in decls {
        let enc = d.encoding;
        if enc == UTF_8 {
            if let Some(s) = utf8 {
                return finish(borrowed(s), UTF_8, ChosenBy::Declared, warnings);
            }
            let text = codec::decode(UTF_8, bytes);
            let reason = Overruled::Malformed {
                count: text.malformed,
                first_offset: text.first_malformed.unwrap_or(0),
            };
            doubtful.push(Doubtful {
                declaration: d,
                text,
                reason,
            });
            continue;
        }
        // Valid UTF-8 beats a legacy declaration, except when the declared decoding reads
        // better: a couple of GBK or UTF-16 characters can happen to form valid UTF-8.
        if let Some(s) = utf8.filter(|_| !ascii && utf8_reads_better(enc, bytes)) {
            warnings.push(Warning::DeclarationOverruled {
                source: d.source,
                declared: enc,
                used: UTF_8,
                reason: Overruled::ValidUtf8,
            });
            return finish(borrowed(s), UTF_8, ChosenBy::Detected, warnings);
        }
        let text = codec::decode(enc, bytes);
        if let Some(first_offset) = text.first_malformed {
            let reason = Overruled::Malformed {
                count: text.malformed,
                first_offset,
            };
            doubtful.push(Doubtful {
                declaration: d,
                text,
                reason,
            });
            continue;
        }
        if ascii || enc == UTF_16LE || enc == UTF_16BE {
            return finish(text, enc, ChosenBy::Declared, warnings);
        }
        // Clean, but a lie can decode cleanly too (Big5 bytes are valid GBK; anything is valid
        // windows-1252): ask detection whether something else is far more plausible.
        let v = verdict.get_or_insert_with(|| detect::detect(bytes, tld));
        // Only a Chinese reading that is plausible on its own can overrule a clean declaration.
        if v.confident
            && v.encoding != enc
            && (v.encoding == GB18030 || v.encoding == encoding_rs::BIG5)
        {
            let declared = detect::score(enc, bytes);
            let detected = detect::score(v.encoding, bytes);
            // A short text gives little evidence: demand a wide margin before calling it a lie,
            // narrower when chardetng's own frequency model names the same encoding.
            let n = detected.non_ascii as i64;
            let margin = if v.strong {
                (n / 2).max(12)
            } else {
                (n * 3 / 2).max(24)
            };
            if detected.replaced == 0
                && detected.score >= detected.non_ascii as i64
                && detected.score - declared.score >= margin
            {
                doubtful.push(Doubtful {
                    declaration: d,
                    text,
                    reason: Overruled::Implausible,
                });
                continue;
            }
        }
        return finish(text, enc, ChosenBy::Declared, warnings);
    }

    // Detection.
    // NUL bytes are valid UTF-8, so UTF-16 of plain ASCII text passes validation.
    let utf16 =
        utf8_valid && bytes[..bytes.len().min(2048)].contains(&0) && detect::utf16(bytes).is_some();
    let v = if utf8_valid && !utf16 {
        detect::Verdict {
            encoding: UTF_8,
            confident: !ascii,
            strong: true,
            text: None,
        }
    } else {
        verdict.unwrap_or_else(|| detect::detect(bytes, tld))
    };
    let text = match (v.text, utf8) {
        (Some(whole), _) => codec::Text {
            text: Cow::Owned(whole),
            malformed: 0,
            first_malformed: None,
        },
        (None, Some(s)) if v.encoding == UTF_8 => borrowed(s),
        (None, _) => codec::decode(v.encoding, bytes),
    };
    // The first doubtful declaration stands unless detection does better; every declaration
    // not used says why.
    let mut doubts = doubtful.into_iter();
    if let Some(first) = doubts.next() {
        let better = match first.reason {
            Overruled::Implausible | Overruled::ValidUtf8 => true,
            Overruled::Malformed { count, .. } => text.malformed < count && v.confident,
        };
        let used = if better {
            v.encoding
        } else {
            first.declaration.encoding
        };
        let overruled = |doubt: &Doubtful<'_>| Warning::DeclarationOverruled {
            source: doubt.declaration.source,
            declared: doubt.declaration.encoding,
            used,
            reason: doubt.reason,
        };
        if better {
            warnings.push(overruled(&first));
        }
        warnings.extend(
            doubts
                .filter(|d| d.declaration.encoding != used)
                .map(|d| overruled(&d)),
        );
        if !better {
            return finish(first.text, used, ChosenBy::Declared, warnings);
        }
    }
    let chosen_by = if v.confident {
        ChosenBy::Detected
    } else {
        ChosenBy::Assumed
    };
    if !v.confident && !ascii {
        warnings.push(Warning::LowConfidence {
            encoding: v.encoding,
        });
    }
    finish(text, v.encoding, chosen_by, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::BIG5;

    const NEWS: &str =
        "本报讯，市气象台今天发布消息，预计未来三天全市以晴到多云天气为主，气温逐步回升。";
    const NEWS_T: &str =
        "本報訊，市氣象臺今天發佈消息，預計未來三天全市以晴到多雲天氣為主，氣溫逐步回升。";

    #[test]
    fn valid_utf8_borrows() {
        let d = decode(NEWS.as_bytes(), Hint::new());
        assert!(matches!(d.text, Cow::Borrowed(_)));
        assert_eq!(d.encoding, UTF_8);
        assert_eq!(d.chosen_by, ChosenBy::Detected);
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn empty_and_ascii_are_assumed_utf8() {
        let d = decode(b"", Hint::new());
        assert_eq!(
            (d.encoding, d.chosen_by, d.text.as_ref()),
            (UTF_8, ChosenBy::Assumed, "")
        );
        let d = decode(b"plain text", Hint::new());
        assert_eq!((d.encoding, d.chosen_by), (UTF_8, ChosenBy::Assumed));
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn gbk_and_big5_are_detected() {
        let (gbk, _, _) = GB18030.encode(NEWS);
        let d = decode(&gbk, Hint::new());
        assert_eq!(
            (d.encoding_name(), d.chosen_by, d.text.as_ref()),
            ("GB18030", ChosenBy::Detected, NEWS)
        );
        let (big5, _, _) = BIG5.encode(NEWS_T);
        let d = decode(&big5, Hint::new());
        assert_eq!(
            (d.encoding_name(), d.chosen_by, d.text.as_ref()),
            ("Big5", ChosenBy::Detected, NEWS_T)
        );
    }

    #[test]
    fn bom_wins_over_a_declaration() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice(NEWS.as_bytes());
        let d = decode(&bytes, Hint::new().declared("big5"));
        assert_eq!(
            (d.encoding, d.chosen_by, d.text.as_ref()),
            (UTF_8, ChosenBy::Bom, NEWS)
        );
        assert!(matches!(
            d.warnings[0],
            Warning::BomOverridesDeclaration { .. }
        ));
    }

    #[test]
    fn lying_gb2312_over_utf8() {
        let page = format!("<meta charset=\"gb2312\"><p>{NEWS}</p>");
        let d = decode(page.as_bytes(), Hint::new());
        assert_eq!((d.encoding, d.chosen_by), (UTF_8, ChosenBy::Detected));
        assert!(matches!(d.text, Cow::Borrowed(_)));
        let w = d.warnings[0].to_string();
        assert!(
            w.contains("<meta> tag at byte 0") && w.contains("valid UTF-8"),
            "{w}"
        );
    }

    #[test]
    fn lying_utf8_over_gbk() {
        let (gbk, _, _) = GB18030.encode(NEWS);
        let d = decode(&gbk, Hint::new().declared("utf-8"));
        assert_eq!(
            (d.encoding, d.chosen_by, d.text.as_ref()),
            (GB18030, ChosenBy::Detected, NEWS)
        );
        assert!(matches!(
            d.warnings[0],
            Warning::DeclarationOverruled {
                reason: Overruled::Malformed { .. },
                ..
            }
        ));
    }

    #[test]
    fn lying_gb2312_over_big5() {
        let mut page =
            b"<meta http-equiv=Content-Type content='text/html; charset=gb2312'>".to_vec();
        page.extend_from_slice(&BIG5.encode(NEWS_T).0);
        let d = decode(&page, Hint::new());
        assert_eq!(d.encoding_name(), "Big5");
        assert!(d.text.ends_with(NEWS_T));
        assert!(matches!(
            d.warnings[0],
            Warning::DeclarationOverruled {
                reason: Overruled::Implausible,
                ..
            }
        ));
    }

    #[test]
    fn every_overruled_declaration_is_reported() {
        let mut page = b"<meta charset=big5><p>".to_vec();
        page.extend_from_slice(&GB18030.encode(NEWS).0);
        let d = decode(&page, Hint::new().declared("utf-8"));
        assert_eq!((d.encoding, d.chosen_by), (GB18030, ChosenBy::Detected));
        let sources: Vec<Source> = d
            .warnings
            .iter()
            .filter_map(|w| match w {
                Warning::DeclarationOverruled { source, used, .. } if *used == GB18030 => {
                    Some(*source)
                }
                _ => None,
            })
            .collect();
        assert_eq!(sources, [Source::Hint, Source::HtmlMeta { offset: 0 }]);
    }

    #[test]
    fn utf8_cut_mid_character_stays_utf8() {
        let page = format!("<meta charset=gb2312><p>{NEWS}</p>{NEWS}");
        let cut = &page.as_bytes()[..page.len() - 2];
        let d = decode(cut, Hint::new());
        assert_eq!((d.encoding, d.malformed), (UTF_8, 1));
        assert!(d.text.ends_with('\u{FFFD}'));
        assert!(d.warnings.iter().any(|w| matches!(
            w,
            Warning::DeclarationOverruled {
                reason: Overruled::Malformed { .. },
                ..
            }
        )));
    }

    #[test]
    fn utf16_of_ascii_text_is_not_taken_for_utf8() {
        let le: Vec<u8> = "Breaking news: markets open higher"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let d = decode(&le, Hint::new());
        assert_eq!(
            (d.encoding, d.text.as_ref()),
            (UTF_16LE, "Breaking news: markets open higher")
        );
    }

    #[test]
    fn malformed_bytes_are_counted() {
        let mut gbk = GB18030.encode(NEWS).0.into_owned();
        gbk.truncate(gbk.len() - 1);
        let d = decode(&gbk, Hint::new().declared("gbk"));
        assert_eq!(
            (d.encoding, d.chosen_by, d.malformed),
            (GB18030, ChosenBy::Declared, 1)
        );
        assert!(d.text.ends_with('\u{FFFD}'));
        assert!(matches!(
            d.warnings.last(),
            Some(Warning::Malformed { count: 1, .. })
        ));
    }

    #[test]
    fn unknown_labels_warn() {
        let d = decode(NEWS.as_bytes(), Hint::new().declared("klingon"));
        assert_eq!(d.encoding, UTF_8);
        assert!(
            matches!(&d.warnings[0], Warning::UnknownLabel { label, .. } if label == "klingon")
        );
        assert_eq!(
            encoding_for_label("iso-2022-kr"),
            Err(Error::Undecodable {
                label: "iso-2022-kr".into()
            })
        );
    }

    #[test]
    fn chosen_by_round_trips() {
        for c in [
            ChosenBy::Bom,
            ChosenBy::Declared,
            ChosenBy::Detected,
            ChosenBy::Assumed,
        ] {
            assert_eq!(c.to_string().parse::<ChosenBy>(), Ok(c));
        }
        assert!("guess".parse::<ChosenBy>().is_err());
    }
}
