//! Finding the front matter block and the body.

use crate::error::Origin;
use crate::{Error, Value};
use std::fmt;
use std::str::FromStr;

/// The syntax of a front matter block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Between `---` lines (closed by `---` or `...`).
    Yaml,
    /// Between `+++` lines.
    Toml,
    /// A JSON object at the start, or Hexo's `;;;` block.
    Json,
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Yaml => "yaml",
            Format::Toml => "toml",
            Format::Json => "json",
        })
    }
}

/// The text was not `yaml`, `toml` or `json`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown front matter format {0:?}; use yaml, toml or json")]
pub struct UnknownFormat(pub String);

impl FromStr for Format {
    type Err = UnknownFormat;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "yaml" | "yml" => Ok(Format::Yaml),
            "toml" => Ok(Format::Toml),
            "json" => Ok(Format::Json),
            _ => Err(UnknownFormat(s.to_string())),
        }
    }
}

/// Byte offsets `start..end` in the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// A document cut into its front matter (if any) and its body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    /// The front matter block, when the document starts with one.
    pub front_matter: Option<FrontMatter<'a>>,
    /// Everything after the closing fence line (the whole input, minus a BOM, when there
    /// is no front matter).
    pub body: &'a str,
}

/// An unparsed front matter block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatter<'a> {
    /// Its syntax.
    pub format: Format,
    /// The text between the fences (for a JSON object: the object itself). Starts at the
    /// beginning of a line.
    pub raw: &'a str,
    /// Where `raw` sits in the input.
    pub span: Span,
    /// The 1-based line of the input on which `raw` starts, so errors point into the input.
    pub line: usize,
}

impl<'a> FrontMatter<'a> {
    /// Parses the block into a [`Value`]. Errors carry the line and column in the input
    /// that was split, not in the block.
    pub fn parse(&self) -> Result<Value<'a>, Error> {
        let origin = Origin {
            offset: self.span.start,
            line: self.line,
        };
        match self.format {
            Format::Yaml => crate::yaml::parse(self.raw, origin),
            Format::Toml => crate::convert::toml(self.raw, origin),
            Format::Json => crate::convert::json(self.raw, origin),
        }
    }

    /// Parses the block and deserializes it into `T` (field names appear in errors).
    pub fn deserialize<T: serde::Deserialize<'a>>(&self) -> Result<T, Error> {
        crate::from_value(self.parse()?)
    }
}

/// Cuts `input` into front matter and body.
///
/// Accepted, as Hexo, Hugo and Jekyll accept them: a UTF-8 BOM, CRLF line endings, blank
/// lines before the opening fence, and trailing spaces on fence lines. Fences:
/// `---` … `---` or `...` (YAML), `+++` … `+++` (TOML), `;;;` … `;;;` (Hexo JSON, with or
/// without the outer braces), and a JSON object whose `{` opens the first line. Only the
/// first fence pair counts, so a `---` rule later in the body is never a fence; an opening
/// fence that is never closed means there is no front matter.
pub fn split(input: &str) -> Split<'_> {
    let start = if input.starts_with('\u{feff}') { 3 } else { 0 };
    let none = Split {
        front_matter: None,
        body: &input[start..],
    };
    let mut lines = Lines {
        text: input,
        pos: start,
        line: 1,
    };
    // Blank lines before the opening fence are skipped, as static-site generators do.
    let (open_start, open) = loop {
        let Some((line_start, content)) = lines.next() else {
            return none;
        };
        if !content.trim().is_empty() {
            break (line_start, content);
        }
    };
    let open_line = lines.line - 1;
    let fence = open.trim_end();
    let (format, closers): (Format, &[&str]) = match fence {
        "---" => (Format::Yaml, &["---", "..."]),
        "+++" => (Format::Toml, &["+++"]),
        ";;;" => (Format::Json, &[";;;"]),
        _ if open.starts_with('{') => {
            return split_json_object(input, open_start, open_line, start);
        }
        _ => return none,
    };
    let raw_start = lines.pos;
    let raw_line = lines.line;
    while let Some((line_start, content)) = lines.next() {
        // Fences are three characters; only such lines are compared.
        if content.len() >= 3
            && content.as_bytes()[3..]
                .iter()
                .all(|b| b.is_ascii_whitespace())
            && closers.contains(&&content[..3])
        {
            return Split {
                front_matter: Some(FrontMatter {
                    format,
                    raw: &input[raw_start..line_start],
                    span: Span {
                        start: raw_start,
                        end: line_start,
                    },
                    line: raw_line,
                }),
                body: &input[lines.pos..],
            };
        }
    }
    none
}

/// A JSON object opening the document: its end is found by a string-aware brace count,
/// and the object must be alone on its last line. Parsing is left to serde_json.
fn split_json_object(input: &str, open: usize, line: usize, start: usize) -> Split<'_> {
    let bytes = input.as_bytes();
    // A JSON object's first key is a string: this keeps template tags such as Hugo's
    // `{{< figure >}}` opening a body from being taken for front matter.
    let first = input[open + 1..].trim_start().as_bytes().first().copied();
    if !matches!(first, Some(b'"') | Some(b'}')) {
        return Split {
            front_matter: None,
            body: &input[start..],
        };
    }
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, &b) in bytes.iter().enumerate().skip(open) {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    let end = i + 1;
                    let rest = &input[end..];
                    let line_end = rest.find('\n').map_or(input.len(), |n| end + n + 1);
                    if !input[end..line_end].trim().is_empty() {
                        break;
                    }
                    return Split {
                        front_matter: Some(FrontMatter {
                            format: Format::Json,
                            raw: &input[open..end],
                            span: Span { start: open, end },
                            line,
                        }),
                        body: &input[line_end..],
                    };
                }
            }
            _ => {}
        }
    }
    Split {
        front_matter: None,
        body: &input[start..],
    }
}

/// Lines with their start offsets; content excludes the `\n` / `\r\n`.
struct Lines<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
}

impl<'a> Iterator for Lines<'a> {
    type Item = (usize, &'a str);
    fn next(&mut self) -> Option<Self::Item> {
        if self.pos >= self.text.len() {
            return None;
        }
        let start = self.pos;
        let rest = &self.text[start..];
        let (content, advance) = match memchr::memchr(b'\n', rest.as_bytes()) {
            Some(n) => (&rest[..n], n + 1),
            None => (rest, rest.len()),
        };
        self.pos += advance;
        self.line += 1;
        Some((start, content.strip_suffix('\r').unwrap_or(content)))
    }
}
