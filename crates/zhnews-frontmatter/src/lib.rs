//! Front matter for zhnews: split a document into its metadata block and its body, and parse
//! the block into an order-keeping [`Value`] that serde can deserialize.
//!
//! What it does:
//! - [`split`] finds `---` YAML (closed by `---` or `...`), `+++` TOML, a leading JSON
//!   object, and Hexo's `;;;` JSON block; it accepts a BOM, CRLF line endings and blank
//!   lines before the opening fence, and never takes a later `---` rule in the body for a fence.
//! - [`parse_yaml`] / [`FrontMatter::parse`] read the YAML that front matter uses: block and
//!   flow mappings and sequences (including `- ` items at their key's indentation), plain,
//!   single- and double-quoted scalars with every escape, multi-line scalars, `|` and `>`
//!   block scalars with chomping and indentation indicators, comments, the YAML 1.2 core
//!   schema (null, bool, int, float), and anchors with aliases.
//! - TOML goes through the `toml` crate and JSON through `serde_json`, into the same [`Value`].
//! - Errors give the line and column in the original document and say what to do.
//!
//! What it does not do: YAML tags (`!foo`, `!!str`), directives (`%YAML`), complex or
//! explicit (`? `) keys, and multiple documents are rejected with an [`ErrorKind::Unsupported`]
//! error rather than guessed at. Keys are always strings. Limits against hostile input:
//! nesting deeper than [`MAX_DEPTH`] and aliases expanding to more than [`MAX_ALIAS_NODES`]
//! values are errors; integers outside `i64` are errors (quote them to keep them as text).
//!
//! ```
//! use zhnews_frontmatter::{split, Format};
//!
//! let doc = "\n---\ntitle: '港口新航线开通'\ncategories: \n - 经济\n - 交通\ncomments: false\n---\n\n<p>正文</p>\n";
//! let parts = split(doc);
//! let fm = parts.front_matter.expect("front matter");
//! assert_eq!(fm.format, Format::Yaml);
//! let meta = fm.parse()?;
//! assert_eq!(meta.get("title").and_then(|v| v.as_str()), Some("港口新航线开通"));
//! assert_eq!(meta.get("categories").and_then(|v| v.as_seq()).map(|s| s.len()), Some(2));
//! assert_eq!(meta.get("comments").and_then(|v| v.as_bool()), Some(false));
//! assert_eq!(parts.body, "\n<p>正文</p>\n");
//!
//! let err = zhnews_frontmatter::parse_yaml("title: a\n\tauthor: b\n").unwrap_err();
//! assert_eq!(err.to_string(), "line 2, column 1: a tab cannot indent a mapping; use spaces");
//! # Ok::<(), zhnews_frontmatter::Error>(())
//! ```

#![forbid(unsafe_code)]

mod convert;
mod de;
mod emit;
mod error;
mod split;
mod value;
mod yaml;

pub use de::from_value;
pub use error::{Error, ErrorKind};
pub use split::{Format, FrontMatter, Span, Split, UnknownFormat, split};
pub use value::{Map, Value};
pub use yaml::{MAX_ALIAS_NODES, MAX_DEPTH};

/// Parses a bare YAML document (no `---` fences needed; a leading `---` and a final `...`
/// line are accepted). Errors count lines from the start of `src`.
pub fn parse_yaml(src: &str) -> Result<Value<'_>, Error> {
    yaml::parse(src, error::Origin::START)
}

/// Splits `input`, parses its front matter and deserializes it into `T`; `Ok(None)` when the
/// document has no front matter.
pub fn from_document<'a, T: serde::Deserialize<'a>>(input: &'a str) -> Result<Option<T>, Error> {
    match split(input).front_matter {
        Some(fm) => fm.deserialize().map(Some),
        None => Ok(None),
    }
}
