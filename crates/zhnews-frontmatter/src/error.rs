//! The one error type of the crate.

/// What kind of problem an [`Error`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The YAML is malformed (bad indentation, unterminated quote, stray text…).
    Syntax,
    /// Valid YAML that this parser deliberately does not accept in front matter
    /// (tags, directives, complex keys, several documents).
    Unsupported,
    /// A safety bound was reached (nesting depth, alias expansion, integer range).
    Limit,
    /// The TOML front matter is malformed (reported by the `toml` crate).
    Toml,
    /// The JSON front matter is malformed (reported by `serde_json`).
    Json,
    /// The front matter parsed, but does not fit the type it was deserialized into.
    Data,
}

/// An error with the place it happened in the original document.
///
/// `Display` reads `line L, column C: what went wrong; what to do`. Lines and columns are
/// 1-based and count characters (not bytes) in the whole document the front matter was split
/// from, so an editor can jump straight to the spot. Errors from deserializing into a user type
/// have no place: their `line()` is 0 and the prefix reads `front matter`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {message}", where_text(*.line, *.column))]
pub struct Error {
    kind: ErrorKind,
    message: String,
    offset: usize,
    line: usize,
    column: usize,
}

fn where_text(line: usize, column: usize) -> String {
    if line == 0 {
        "front matter".to_string()
    } else {
        format!("line {line}, column {column}")
    }
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: String, pos: Pos) -> Self {
        Error {
            kind,
            message,
            offset: pos.offset,
            line: pos.line,
            column: pos.column,
        }
    }

    pub(crate) fn data(message: String) -> Self {
        Error {
            kind: ErrorKind::Data,
            message,
            offset: 0,
            line: 0,
            column: 0,
        }
    }

    /// Prefixes the message with the path of the value it is about (e.g. `categories[1]`).
    pub(crate) fn within(mut self, path: &str) -> Self {
        if self.kind == ErrorKind::Data {
            // Nested calls arrive innermost first: `[1]` then `categories` → `categories[1]`.
            let (inner, rest) = match self
                .message
                .strip_prefix('`')
                .and_then(|m| m.split_once("`: "))
            {
                Some((inner, rest)) => (inner.to_string(), rest.to_string()),
                None => (String::new(), std::mem::take(&mut self.message)),
            };
            let joined = if inner.is_empty() {
                path.to_string()
            } else if inner.starts_with('[') {
                format!("{path}{inner}")
            } else {
                format!("{path}.{inner}")
            };
            self.message = format!("`{joined}`: {rest}");
        }
        self
    }

    /// What kind of problem this is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// 1-based line in the original document (0 when the error has no place).
    pub fn line(&self) -> usize {
        self.line
    }

    /// 1-based column, in characters, in the original document (0 when the error has no place).
    pub fn column(&self) -> usize {
        self.column
    }

    /// Byte offset in the original document.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// The message without the place: what went wrong and what to do.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl serde::de::Error for Error {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        Error::data(msg.to_string())
    }
}

/// A resolved place in the original document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pos {
    pub offset: usize,
    pub line: usize,
    pub column: usize,
}

/// Where a piece of text (front matter) sits in the document it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Origin {
    /// Byte offset of the text's first byte.
    pub offset: usize,
    /// 1-based line of the text's first byte.
    pub line: usize,
}

impl Origin {
    pub const START: Origin = Origin { offset: 0, line: 1 };

    /// Resolves a byte offset inside `text` to a place in the original document.
    ///
    /// The text always starts at the beginning of a line, so columns need no adjustment.
    pub fn locate(self, text: &str, at: usize) -> Pos {
        let at = floor_char_boundary(text, at.min(text.len()));
        let before = &text[..at];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let line = self.line + before.bytes().filter(|&b| b == b'\n').count();
        let column = before[line_start..].chars().count() + 1;
        Pos {
            offset: self.offset + at,
            line,
            column,
        }
    }
}

fn floor_char_boundary(s: &str, mut at: usize) -> usize {
    while at > 0 && !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}
