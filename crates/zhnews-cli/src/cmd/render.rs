//! Records as JSON Lines, Markdown or plain text.

use std::fmt::Write as _;
use std::str::FromStr;
use zhnews::Article;

/// How `clean` writes each record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON object per line (the record).
    Jsonl,
    /// One Dolma document per line: id, text, source, created, added, metadata.
    Dolma,
    /// Markdown for reading: title, byline, paragraphs with images and captions in place.
    Md,
    /// Plain text for reading or for a text corpus.
    Text,
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "jsonl" | "json" => Ok(Format::Jsonl),
            "dolma" => Ok(Format::Dolma),
            "md" | "markdown" => Ok(Format::Md),
            "text" | "txt" => Ok(Format::Text),
            _ => Err(format!(
                "unknown format {s:?}; expected jsonl, dolma, md or text"
            )),
        }
    }
}

/// Appends one record, newline-terminated, to `out`. `added` is the run's timestamp (Dolma's
/// `added`). Appending lets a caller reuse one buffer for every record instead of growing a fresh
/// string per record.
pub fn render(article: &Article, format: Format, added: &str, out: &mut Vec<u8>) {
    match format {
        Format::Jsonl => json_line(article, out),
        Format::Dolma => json_line(&dolma(article, added), out),
        Format::Md => out.extend_from_slice(markdown(article).as_bytes()),
        Format::Text => out.extend_from_slice(plain(article).as_bytes()),
    }
}

/// Appends the record of a document that failed, in the same format as the others so that
/// output stays row-aligned with input.
pub fn render_error(
    source: &str,
    id: Option<&str>,
    kind: &str,
    message: &str,
    format: Format,
    out: &mut Vec<u8>,
) {
    match format {
        Format::Jsonl | Format::Dolma => {
            let mut record = serde_json::json!({ "source": source, "error": { "kind": kind, "message": message } });
            if let Some(id) = id {
                record["id"] = serde_json::Value::from(id);
            }
            json_line(&record, out);
        }
        // Readers of md/text still see which document failed, in place.
        Format::Md | Format::Text => {
            out.extend_from_slice(format!("[error: {kind}] {message}\n\n").as_bytes());
        }
    }
}

fn json_line<T: serde::Serialize>(value: &T, out: &mut Vec<u8>) {
    let start = out.len();
    match serde_json::to_writer(&mut *out, value) {
        Ok(()) => out.push(b'\n'),
        // Serialising strings, numbers and lists cannot fail; say so in-band if it ever does.
        Err(err) => {
            out.truncate(start);
            out.extend_from_slice(
                format!("{{\"error\":{{\"kind\":\"internal\",\"message\":\"{err}\"}}}}\n")
                    .as_bytes(),
            );
        }
    }
}

/// The Dolma document shape (as read by dolma, datatrove and OLMo tooling): the body in `text`,
/// everything else in `metadata`.
fn dolma(article: &Article, added: &str) -> serde_json::Value {
    let mut metadata = serde_json::to_value(article).unwrap_or_default();
    if let Some(map) = metadata.as_object_mut() {
        for key in ["id", "text", "paragraphs", "source"] {
            map.remove(key);
        }
        map.insert(
            "source_path".into(),
            serde_json::Value::from(article.source.clone()),
        );
    }
    serde_json::json!({
        "id": article.id,
        "text": article.text,
        "source": "zhnews",
        "created": article.published_at,
        "added": added,
        "metadata": metadata,
    })
}

/// The byline a reader expects under a headline: outlet, authors, editor, time.
fn byline(article: &Article) -> String {
    let mut parts = Vec::new();
    if let Some(outlet) = &article.outlet {
        parts.push(outlet.clone());
    }
    if !article.authors.is_empty() {
        parts.push(format!("作者：{}", article.authors.join("、")));
    }
    if let Some(editor) = &article.editor {
        parts.push(format!("责任编辑：{editor}"));
    }
    if let Some(time) = &article.published_at {
        parts.push(time.clone());
    }
    parts.join(" · ")
}

fn markdown(article: &Article) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}\n",
        article.title.as_deref().unwrap_or("(untitled)")
    );
    let by = byline(article);
    if !by.is_empty() {
        let _ = writeln!(out, "*{by}*\n");
    }
    let mut images = article.images.iter().peekable();
    for (i, paragraph) in article.paragraphs.iter().enumerate() {
        while let Some(image) = images.next_if(|img| img.position <= i) {
            push_image_md(&mut out, image);
        }
        let _ = writeln!(out, "{paragraph}\n");
    }
    for image in images {
        push_image_md(&mut out, image);
    }
    if let Some(t) = &article.translation {
        let _ = writeln!(out, "---\n\n## {}\n", t.title.as_deref().unwrap_or(&t.lang));
        for p in &t.paragraphs {
            let _ = writeln!(out, "{p}\n");
        }
    }
    if !article.related.is_empty() {
        let _ = writeln!(out, "---\n\n**相关**\n");
        for r in &article.related {
            let _ = writeln!(out, "- {}", r.title.as_deref().unwrap_or(&r.text));
        }
        out.push('\n');
    }
    out.push('\n');
    out
}

fn push_image_md(out: &mut String, image: &zhnews::ImageRecord) {
    let caption = image.caption.as_deref().unwrap_or("");
    let _ = writeln!(out, "![{caption}]({})", image.url.as_deref().unwrap_or(""));
    if !caption.is_empty() {
        let _ = writeln!(out, "*{caption}*");
    }
    out.push('\n');
}

fn plain(article: &Article) -> String {
    let mut out = String::new();
    if let Some(title) = &article.title {
        let _ = writeln!(out, "{title}");
    }
    let by = byline(article);
    if !by.is_empty() {
        let _ = writeln!(out, "{by}");
    }
    out.push('\n');
    let mut images = article.images.iter().peekable();
    for (i, paragraph) in article.paragraphs.iter().enumerate() {
        while let Some(image) = images.next_if(|img| img.position <= i) {
            if let Some(caption) = &image.caption {
                let _ = writeln!(out, "[图：{caption}]");
            }
        }
        let _ = writeln!(out, "{paragraph}");
    }
    if let Some(t) = &article.translation {
        out.push('\n');
        if let Some(title) = &t.title {
            let _ = writeln!(out, "{title}");
        }
        for p in &t.paragraphs {
            let _ = writeln!(out, "{p}");
        }
    }
    out.push('\n');
    out
}
