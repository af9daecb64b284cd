//! zhnews turns one scraped Chinese news article — in any common encoding, with or without
//! front matter, as an HTML fragment, a full portal page or a plain-text dump, in Simplified or
//! Traditional script — into one clean [`Article`] record: title, outlet, authors, editor,
//! publish time with its offset, images with captions, the body paragraphs and nothing else, in
//! one script, with the dates it mentions resolved.
//!
//! This crate is the thin facade: it composes the job crates, each usable alone and re-exported
//! here — [`encoding`] (bytes → UTF-8), [`frontmatter`] (split and parse front matter),
//! [`strip`] (boilerplate removal and metadata lines), [`script`] (OpenCC conversion, detection,
//! punctuation) and [`date`] (timestamps and date expressions). It owns the record type and the
//! rules that decide between competing sources of metadata (front matter first, then page
//! metadata, then labelled lines). It does no I/O and never prints.
//!
//! ```
//! use zhnews::{Article, Options};
//!
//! let doc = "---\ntitle: '示例新闻'\nauthor: 示例网\ndate: Sun, 04 Sep 2022 07:37:50 GMT\n---\n\
//!            <p>9月2日，示例市举行了新闻发布会。</p>";
//! let article = Article::from_bytes(doc.as_bytes(), &Options::default())?;
//! assert_eq!(article.title.as_deref(), Some("示例新闻"));
//! assert_eq!(article.outlet.as_deref(), Some("示例网"));
//! assert_eq!(article.published_at.as_deref(), Some("2022-09-04T15:37:50+08:00"));
//! assert_eq!(article.paragraphs, ["9月2日，示例市举行了新闻发布会。"]);
//! # Ok::<(), zhnews::Error>(())
//! ```
//!
//! What it does not do: fetch pages, read files (the `zhnews` command does), or guess at
//! metadata the document does not state.

#![forbid(unsafe_code)]

mod article;
mod meta;
mod options;
mod pipeline;

pub use article::{
    Article, DateRecord, ImageRecord, RelatedRecord, SCHEMA_VERSION, ScriptRecord, StrippedRecord,
    TranslationRecord,
};
pub use options::{Options, OutputScript, parse_offset};
pub use pipeline::Input;
/// +08:00, China Standard Time: the default offset (fixed; China has kept no summer time since 1991).
pub use zhnews_date::china_offset;

pub use zhnews_date as date;
pub use zhnews_encoding as encoding;
pub use zhnews_frontmatter as frontmatter;
pub use zhnews_script as script;
pub use zhnews_strip as strip;

/// Largest document the pipeline accepts (64 MiB): larger inputs are not articles, and bounding
/// them keeps one hostile file from exhausting memory in a batch.
pub const MAX_DOCUMENT_BYTES: usize = 64 << 20;

/// Why a document could not become an [`Article`].
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The front matter is not valid; the message names line and column in the document.
    #[error("front matter: {0}")]
    FrontMatter(#[from] zhnews_frontmatter::Error),
    /// The body could not be read as HTML or text.
    #[error("body: {0}")]
    Strip(#[from] zhnews_strip::Error),
    /// The document is larger than [`MAX_DOCUMENT_BYTES`].
    #[error(
        "document is {size} bytes, over the {limit}-byte limit; split it or check that it is one article"
    )]
    TooLarge {
        /// Size of the document in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// The document holds no text at all.
    #[error("document is empty (0 bytes of text after decoding)")]
    Empty,
    /// An option value is not valid.
    #[error("{0}")]
    Option(String),
}

impl Error {
    /// A short machine-readable name for the kind of failure, used in error records.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::FrontMatter(_) => "front_matter",
            Error::Strip(_) => "body",
            Error::TooLarge { .. } => "too_large",
            Error::Empty => "empty",
            Error::Option(_) => "option",
        }
    }
}

impl Article {
    /// Cleans one document given as raw bytes.
    ///
    /// The id is a hash of the bytes; use [`Article::from_input`] to pass a source path, an id
    /// or an encoding declared elsewhere.
    pub fn from_bytes(bytes: &[u8], options: &Options) -> Result<Article, Error> {
        pipeline::run(&Input::new(bytes), options)
    }

    /// Cleans one document with what is known about it besides its bytes.
    pub fn from_input(input: &Input<'_>, options: &Options) -> Result<Article, Error> {
        pipeline::run(input, options)
    }
}
