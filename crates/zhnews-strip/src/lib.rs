//! zhnews-strip: the article and nothing else.
//!
//! Takes one scraped Chinese news document — an HTML fragment (the body under
//! front matter), a full HTML page as a crawler saved it, or a plain-text dump —
//! and returns:
//!
//! * the article as ordered [`Block`]s (headings, paragraphs, images with
//!   caption and credit, lists, quotes);
//! * the raw metadata it found ([`Meta`]: title, 原标题, 来源, 作者, 责任编辑,
//!   发布时间 text, breadcrumb, page `<meta>` values);
//! * sections that follow the article (相关阅读, 热门资讯 …) as [`Related`] items;
//! * an English version that follows the Chinese text as a [`Translation`];
//! * every piece of visible text it did not keep in the above, as [`Removed`]
//!   with the name of the rule that removed it.
//!
//! Nothing visible is dropped silently: each piece of visible text of a fragment
//! or a text dump ends up in exactly one of blocks, captions, related,
//! translation or removed (metadata values are read from the removed lines).
//!
//! What it does **not** do: it does not convert script (Traditional stays
//! Traditional), does not normalise punctuation or width, and does not parse
//! dates — `published` is the text as the page shows it. Text is kept as is
//! except for whitespace trimming/collapsing and removal of leading U+3000
//! indentation. It does not decode bytes: give it UTF-8 text.
//!
//! HTML goes through the html5gum tokenizer (WHATWG-compliant tokenization,
//! entities decoded) into a light block tree of this crate, with bounded depth
//! and input size. Portal knowledge lives in data tables (see
//! [`profile_names`]); generic rules (a fixed-phrase table matched in Simplified
//! and Traditional, half- or full-width punctuation) work without any profile.
//!
//! ```
//! use zhnews_strip::{strip, Block, InputKind, Options};
//!
//! let html = "<p>　　原标题：河畔新桥通车</p>\
//!             <p>　　本报讯，河畔新桥今日上午正式通车，全长一千二百米。</p>\
//!             <p>责任编辑：林小溪_NF1234</p>";
//! let out = strip(html, &Options::default())?;
//! assert_eq!(out.kind, InputKind::HtmlFragment);
//! assert_eq!(out.meta.original_title.as_deref(), Some("河畔新桥通车"));
//! assert_eq!(out.meta.editors, vec!["林小溪".to_string()]);
//! assert_eq!(
//!     out.blocks,
//!     vec![Block::Paragraph("本报讯，河畔新桥今日上午正式通车，全长一千二百米。".into())]
//! );
//! assert!(out.removed.iter().any(|r| r.rule == "original-title"));
//! # Ok::<(), zhnews_strip::Error>(())
//! ```
#![forbid(unsafe_code)]

mod fold;
mod html;
mod page;
mod profiles;
mod rules;
mod select;
mod text;

use std::fmt;
use std::str::FromStr;

pub use profiles::profile_names;

/// What kind of document the input is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum InputKind {
    /// A piece of HTML without `<html>`/`<head>`: the body under front matter.
    HtmlFragment,
    /// A whole HTML page as a browser or crawler saved it.
    HtmlPage,
    /// A plain-text dump, one paragraph per line.
    #[default]
    Text,
}

impl InputKind {
    /// The text form: `html-fragment`, `html-page` or `text`.
    pub fn as_str(self) -> &'static str {
        match self {
            InputKind::HtmlFragment => "html-fragment",
            InputKind::HtmlPage => "html-page",
            InputKind::Text => "text",
        }
    }
}

impl fmt::Display for InputKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for InputKind {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "html-fragment" | "fragment" => Ok(InputKind::HtmlFragment),
            "html-page" | "page" | "html" => Ok(InputKind::HtmlPage),
            "text" | "txt" => Ok(InputKind::Text),
            _ => Err(Error::UnknownKind {
                given: s.to_string(),
            }),
        }
    }
}

/// Default bound on the input size (bytes).
pub const DEFAULT_MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;
/// Default bound on HTML element nesting; deeper elements are flattened into
/// their ancestor at the bound (their text is kept).
pub const DEFAULT_MAX_DEPTH: usize = 512;

/// How to strip a document.
#[derive(Clone, Debug)]
pub struct Options {
    /// The input kind; `None` detects it from the text.
    pub kind: Option<InputKind>,
    /// Where the document came from; used to pick a portal profile and
    /// reported as [`Meta::url`].
    pub url: Option<String>,
    /// Force a portal profile by name (see [`profile_names`]).
    pub profile: Option<String>,
    /// Inputs longer than this many bytes are refused with [`Error::InputTooLarge`].
    pub max_input_bytes: usize,
    /// Elements nested deeper than this are flattened into their ancestor.
    pub max_depth: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            kind: None,
            url: None,
            profile: None,
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            max_depth: DEFAULT_MAX_DEPTH,
        }
    }
}

/// The result of [`strip`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stripped {
    /// The kind of input (given or detected).
    pub kind: InputKind,
    /// The portal profile applied, if any.
    pub profile: Option<String>,
    /// The article body in document order.
    pub blocks: Vec<Block>,
    /// Metadata as the document shows it (raw text).
    pub meta: Meta,
    /// Material that follows or surrounds the article (相关阅读, teaser lists).
    pub related: Vec<Related>,
    /// A version of the article in another language that follows it.
    pub translation: Option<Translation>,
    /// Everything visible that was not kept, with the rule that removed it.
    pub removed: Vec<Removed>,
}

/// One block of the article body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A heading inside the body (`level` 1–6).
    Heading {
        /// 1 for `<h1>` … 6 for `<h6>`.
        level: u8,
        /// The heading text.
        text: String,
    },
    /// A paragraph of running text.
    Paragraph(String),
    /// A picture, with its caption and credit when the document gives them.
    Image(Image),
    /// A list.
    List {
        /// `<ol>` rather than `<ul>`.
        ordered: bool,
        /// The item texts.
        items: Vec<String>,
    },
    /// A block quotation.
    Quote(String),
}

impl Block {
    /// The visible text of the block (caption and credit for images, items
    /// joined by newlines for lists).
    pub fn text(&self) -> String {
        match self {
            Block::Heading { text, .. } | Block::Paragraph(text) | Block::Quote(text) => {
                text.clone()
            }
            Block::Image(img) => {
                let mut s = String::new();
                if let Some(c) = &img.caption {
                    s.push_str(c);
                }
                if let Some(c) = &img.credit {
                    if !s.is_empty() {
                        s.push(' ');
                    }
                    s.push_str(c);
                }
                s
            }
            Block::List { items, .. } => items.join("\n"),
        }
    }
}

/// A picture in the body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Image {
    /// The image address (`src`, or a lazy-loading attribute); `None` in text dumps.
    pub url: Option<String>,
    /// What the picture shows.
    pub caption: Option<String>,
    /// Who took it or where it comes from (…摄, 图片来源：…).
    pub credit: Option<String>,
}

/// Metadata found in the document, as text (nothing parsed or converted).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    /// The article title.
    pub title: Option<String>,
    /// The 原标题 (original title) line's value.
    pub original_title: Option<String>,
    /// 来源: the outlet that published the story first.
    pub outlet: Option<String>,
    /// 作者/记者: people who wrote it; empty when the field is blank.
    pub authors: Vec<String>,
    /// 责任编辑/责编/编辑: staff codes removed, several names split on 、.
    pub editors: Vec<String>,
    /// The publication time as shown (发布时间, page meta …), not parsed.
    pub published: Option<String>,
    /// The section path (首页 > 头条).
    pub breadcrumb: Vec<String>,
    /// The page's lead image (`og:image`).
    pub lead_image: Option<String>,
    /// The page description (`description`/`og:description`).
    pub description: Option<String>,
    /// Page keywords.
    pub keywords: Vec<String>,
    /// The document address (given, or `og:url`/canonical link).
    pub url: Option<String>,
}

/// An item of a related section (相关阅读, 热门资讯 …).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Related {
    /// The item's headline, when it has one.
    pub title: Option<String>,
    /// The item's text (teaser or appended paragraphs).
    pub text: String,
    /// Its link, when the document gives one.
    pub url: Option<String>,
}

/// A version of the article in another language.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Translation {
    /// Language tag (`en`).
    pub lang: String,
    /// Its headline.
    pub title: Option<String>,
    /// Its paragraphs.
    pub paragraphs: Vec<String>,
}

/// A piece of visible text that was not kept, and the rule that removed it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Removed {
    /// Rule name, e.g. `original-title`, `editor-line`, `app-promo`.
    pub rule: String,
    /// The text removed.
    pub text: String,
}

/// What can go wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// The input is larger than [`Options::max_input_bytes`].
    #[error(
        "input is {size} bytes, over the limit of {limit} bytes; raise Options::max_input_bytes or split the input"
    )]
    InputTooLarge {
        /// Input size in bytes.
        size: usize,
        /// The limit in force.
        limit: usize,
    },
    /// [`Options::profile`] names no known profile.
    #[error("unknown portal profile {name:?}; known profiles: {known}")]
    UnknownProfile {
        /// The name given.
        name: String,
        /// The known names, comma-separated.
        known: String,
    },
    /// An input kind name did not parse.
    #[error("unknown input kind {given:?}; use html-fragment, html-page or text")]
    UnknownKind {
        /// The text given.
        given: String,
    },
}

/// What happened to one piece of the document, in document order (see [`strip_traced`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Trace {
    /// Kept as `blocks[i]`.
    Block(usize),
    /// Removed as `removed[i]`.
    Removed(usize),
    /// Went to `related[i]`.
    Related(usize),
    /// Went to the translation: its title (`None`) or `paragraphs[i]`.
    Translation(Option<usize>),
}

/// One piece of the document and where it went (see [`strip_traced`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// Where it went.
    pub went: Trace,
    /// Its text (empty for pictures).
    pub text: String,
}

/// [`Stripped`] plus the document-order trace of where each piece went.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Traced {
    /// The result.
    pub stripped: Stripped,
    /// Where each piece went, in document order.
    pub trace: Vec<Step>,
}

/// Strips one document. See the crate docs.
pub fn strip(input: &str, options: &Options) -> Result<Stripped, Error> {
    run(input, options, false).map(|t| t.stripped)
}

/// Like [`strip`], and also says in document order where each piece went
/// (what `zhnews explain` shows).
pub fn strip_traced(input: &str, options: &Options) -> Result<Traced, Error> {
    run(input, options, true)
}

fn run(input: &str, options: &Options, tracing: bool) -> Result<Traced, Error> {
    if input.len() > options.max_input_bytes {
        return Err(Error::InputTooLarge {
            size: input.len(),
            limit: options.max_input_bytes,
        });
    }
    let forced = match &options.profile {
        Some(name) => Some(
            profiles::by_name(name).ok_or_else(|| Error::UnknownProfile {
                name: name.clone(),
                known: profile_names().join(", "),
            })?,
        ),
        None => None,
    };
    let kind = options.kind.unwrap_or_else(|| detect_kind(input));
    let mut traced = match kind {
        InputKind::Text => text::strip_text(input, forced, tracing),
        InputKind::HtmlFragment | InputKind::HtmlPage => {
            page::strip_html(input, kind, forced, options, tracing)
        }
    };
    traced.stripped.kind = kind;
    if let Some(url) = &options.url {
        traced.stripped.meta.url = Some(url.clone());
    }
    Ok(traced)
}

/// Tells an HTML page, an HTML fragment and a plain-text dump apart.
pub fn detect_kind(input: &str) -> InputKind {
    let head = prefix(
        input.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']),
        4096,
    );
    let lower = head.to_ascii_lowercase();
    if lower.starts_with("<!doctype")
        || lower.starts_with("<html")
        || lower.contains("<head")
        || lower.contains("<body")
        || (lower.starts_with("<?xml") && lower.contains("<html"))
    {
        return InputKind::HtmlPage;
    }
    let tags = count_tags(&lower);
    if tags >= 2 || (tags == 1 && lower.trim_start().starts_with('<')) {
        InputKind::HtmlFragment
    } else {
        InputKind::Text
    }
}

/// Tag openings that mark HTML.
const TAGS: &[&str] = &[
    "<p",
    "<div",
    "<br",
    "<img",
    "<span",
    "<a ",
    "<h1",
    "<h2",
    "<h3",
    "<h4",
    "<section",
    "<article",
    "<ul",
    "<ol",
    "<li",
    "<table",
    "<figure",
    "<strong",
    "<font",
    "<b>",
    "<em",
    "<blockquote",
    "<!--",
    "<center",
    "<iframe",
    "<script",
    "<style",
];

/// Tags that mark HTML in lower-cased text: the `TAGS` patterns followed by
/// the end of a tag name.
fn count_tags(lower: &str) -> usize {
    // every pattern opens with its only `<`, so its occurrences are the `<`
    // positions it starts at: one scan serves them all
    let mut tags = 0;
    let mut from = 0;
    while let Some(p) = lower
        .get(from..)
        .and_then(|r| r.find('<'))
        .map(|i| i + from)
    {
        from = p + 1;
        let rest = &lower[p..];
        for t in TAGS {
            if !rest.starts_with(t) {
                continue;
            }
            let after = rest[t.len()..].chars().next();
            if t.ends_with(' ')
                || t.ends_with('>')
                || t.ends_with('-')
                || matches!(after, Some('>' | ' ' | '/' | '\n' | '\t' | '\r'))
            {
                tags += 1;
            }
        }
    }
    tags
}

fn prefix(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The per-pattern search that `detect_kind`'s single scan replaces.
    fn tag_count_by_pattern(lower: &str) -> usize {
        let mut n = 0;
        for t in TAGS {
            let mut rest = lower;
            while let Some(i) = rest.find(t) {
                let after = rest[i + t.len()..].chars().next();
                if t.ends_with(' ')
                    || t.ends_with('>')
                    || t.ends_with('-')
                    || matches!(after, Some('>' | ' ' | '/' | '\n' | '\t' | '\r'))
                {
                    n += 1;
                }
                rest = &rest[i + t.len()..];
            }
        }
        n
    }

    #[test]
    fn kinds() {
        assert_eq!(detect_kind("<!DOCTYPE html><p>字</p>"), InputKind::HtmlPage);
        assert_eq!(detect_kind("<p>甲</p><p>乙</p>"), InputKind::HtmlFragment);
        assert_eq!(detect_kind("<p>只有一个标签"), InputKind::HtmlFragment);
        assert_eq!(detect_kind("正文 <p 不算标签"), InputKind::Text);
        assert_eq!(detect_kind("甲<br/>乙<!-- 注 -->"), InputKind::HtmlFragment);
        assert_eq!(detect_kind("纯文本，一行一段。\n第二段。"), InputKind::Text);
        // the same counts as searching pattern by pattern
        for s in [
            "<p><br/><a href><b><!----><li>",
            "<<p <pp <p\t<span>",
            "<a <a  <b><b><div><divx><h1>",
            "",
            "<",
        ] {
            assert_eq!(count_tags(s), tag_count_by_pattern(s), "{s}");
        }
    }
}
