//! The [`Article`] record: what one input document becomes.

use serde::{Deserialize, Serialize};

/// Version of the record layout below. Bumped when a field changes meaning or shape; adding a
/// field does not bump it (consumers must ignore fields they do not know).
pub const SCHEMA_VERSION: u32 = 1;

/// One cleaned article, serialised as one JSON Lines record.
///
/// Fields that do not apply are `null` (or empty lists); no field is ever renamed or removed
/// within a schema version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Layout version of this record ([`SCHEMA_VERSION`]).
    pub schema_version: u32,
    /// Stable id: the input's own id when it carries one, else a hash of its path or URL, else a
    /// hash of its bytes.
    pub id: String,
    /// Where the document came from (path or URL), when known.
    pub source: Option<String>,
    /// The page's address: the one the input gave (JSONL `url`, WARC-Target-URI, a URL as
    /// source), else the front matter's, else the page's own (`og:url`, canonical link).
    pub url: Option<String>,
    /// The portal profile that matched (`sina`, `guancha`, `dump`, …), when one did.
    pub portal: Option<String>,
    /// The input's character encoding as decoded (`UTF-8`, `GB18030`, `Big5`, …).
    pub encoding: String,
    /// Headline, in the output script.
    pub title: Option<String>,
    /// The original headline (原标题) when the page states one.
    pub original_title: Option<String>,
    /// The outlet that published the story (来源 / source), not a person.
    pub outlet: Option<String>,
    /// Reporters and writers (作者); empty when the page names none.
    pub authors: Vec<String>,
    /// The responsible editor(s) (责任编辑), staff codes removed, joined with `、`.
    pub editor: Option<String>,
    /// The responsible editors one by one.
    pub editors: Vec<String>,
    /// Publish time, RFC 3339 with offset, in the configured time zone.
    pub published_at: Option<String>,
    /// How precise `published_at` is (`second`, `minute`, `day`, …).
    pub published_precision: Option<String>,
    /// Categories or breadcrumb sections, outermost first.
    pub categories: Vec<String>,
    /// The article's lead image (front matter `headimg`/`image`, or the page's `og:image`).
    pub lead_image: Option<String>,
    /// Images of the body in order, with their captions.
    pub images: Vec<ImageRecord>,
    /// Body paragraphs, in the output script, boilerplate removed.
    pub paragraphs: Vec<String>,
    /// `paragraphs` joined by `\n`.
    pub text: String,
    /// A version of the same story in another language appended to the document.
    pub translation: Option<TranslationRecord>,
    /// Other articles or teasers the page appended (相关阅读 …), kept apart from the body.
    pub related: Vec<RelatedRecord>,
    /// Script of the input and of the output.
    pub script: ScriptRecord,
    /// Dates the body mentions, resolved against the publish time.
    pub dates: Vec<DateRecord>,
    /// Things a careful reader should know about this record (lying charset, missing date, …).
    pub warnings: Vec<String>,
    /// Everything removed from the document with the rule that removed it (only with
    /// `keep_stripped`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stripped: Option<Vec<StrippedRecord>>,
}

/// An image of the body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImageRecord {
    /// Image address as written in the document.
    pub url: Option<String>,
    /// Caption, in the output script.
    pub caption: Option<String>,
    /// Photo credit (图片来源, 摄), when separate from the caption.
    pub credit: Option<String>,
    /// How many paragraphs precede the image in the body.
    pub position: usize,
}

/// The appended version of the story in another language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TranslationRecord {
    /// BCP 47 language tag (`en`).
    pub lang: String,
    /// Its headline.
    pub title: Option<String>,
    /// Its paragraphs, untouched by script conversion.
    pub paragraphs: Vec<String>,
}

/// An appended related article or teaser.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelatedRecord {
    /// Its headline, when it has one.
    pub title: Option<String>,
    /// Its text.
    pub text: String,
    /// Its address, when linked.
    pub url: Option<String>,
}

/// Script of the input, of the output, and the conversion applied.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScriptRecord {
    /// Script detected in the input: `hans`, `hant`, `mixed`, `non_chinese`.
    pub detected: String,
    /// Regional wording detected in the input (`tw`, `hk`), when it could tell.
    pub region: Option<String>,
    /// Script of the output text.
    pub output: String,
    /// OpenCC configuration applied, when any.
    pub config: Option<String>,
}

/// A date mentioned in the body, resolved to an interval.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateRecord {
    /// The words as they appear in the output paragraph.
    pub text: String,
    /// Start of the interval, RFC 3339.
    pub start: String,
    /// Exclusive end of the interval, RFC 3339.
    pub end: String,
    /// `year`, `month`, `day`, `part_of_day`, `hour`, `minute` or `second`.
    pub precision: String,
    /// Index of the paragraph it was found in.
    pub paragraph: usize,
    /// True for 当地时间: the clock time is local to the place in the story, not to the anchor.
    pub local_time: bool,
}

/// A piece of the input that was removed, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StrippedRecord {
    /// Name of the rule that removed it.
    pub rule: String,
    /// The removed text.
    pub text: String,
}
