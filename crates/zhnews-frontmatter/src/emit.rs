//! A small YAML emitter: block style, plain scalars where they read back the same,
//! double quotes with escapes otherwise.

use crate::value::Value;
use std::fmt::Write as _;

impl Value<'_> {
    /// The value as a bare YAML document that [`parse_yaml`](crate::parse_yaml) reads back
    /// to an equal value (NaN aside, which equals nothing).
    ///
    /// ```
    /// use zhnews_frontmatter::{parse_yaml, Value};
    /// let v = parse_yaml("title: '港口: 新航线'\ntags: [航运, 经济]\n").unwrap();
    /// assert_eq!(v.to_yaml(), "title: \"港口: 新航线\"\ntags:\n  - 航运\n  - 经济\n");
    /// assert_eq!(parse_yaml(&v.to_yaml()).unwrap(), v);
    /// ```
    pub fn to_yaml(&self) -> String {
        let mut out = String::new();
        match self {
            Value::Map(m) if !m.is_empty() => block(&mut out, self, 0),
            Value::Seq(s) if !s.is_empty() => block(&mut out, self, 0),
            other => {
                scalar(&mut out, other);
                out.push('\n');
            }
        }
        out
    }

    /// The value as a YAML front matter block: `---`, the document, `---`, each on its own
    /// lines, ready to be followed by a body.
    pub fn to_yaml_front_matter(&self) -> String {
        format!("---\n{}---\n", self.to_yaml())
    }
}

/// Writes a non-empty collection whose first line's indentation is already in `out`.
fn block(out: &mut String, v: &Value<'_>, indent: usize) {
    let mut first = true;
    let mut pad = |out: &mut String| {
        if !first {
            for _ in 0..indent {
                out.push(' ');
            }
        }
        first = false;
    };
    match v {
        Value::Map(map) => {
            for (k, v) in map.iter() {
                pad(out);
                string(out, k);
                out.push(':');
                child(out, v, indent + 2, true);
            }
        }
        Value::Seq(items) => {
            for v in items {
                pad(out);
                out.push('-');
                child(out, v, indent + 2, false);
            }
        }
        other => {
            scalar(out, other);
            out.push('\n');
        }
    }
}

/// Writes what follows `key:` or `-`.
fn child(out: &mut String, v: &Value<'_>, indent: usize, after_key: bool) {
    match v {
        Value::Map(m) if !m.is_empty() => {
            if after_key {
                out.push('\n');
                for _ in 0..indent {
                    out.push(' ');
                }
            } else {
                out.push(' ');
            }
            block(out, v, indent);
        }
        Value::Seq(s) if !s.is_empty() => {
            if after_key {
                out.push('\n');
                for _ in 0..indent {
                    out.push(' ');
                }
            } else {
                out.push(' ');
            }
            block(out, v, indent);
        }
        other => {
            out.push(' ');
            scalar(out, other);
            out.push('\n');
        }
    }
}

fn scalar(out: &mut String, v: &Value<'_>) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Value::Float(f) => {
            if f.is_nan() {
                out.push_str(".nan");
            } else if f.is_infinite() {
                out.push_str(if *f > 0.0 { ".inf" } else { "-.inf" });
            } else {
                // Debug keeps a `.0` or an exponent, so the text reads back as a float.
                let _ = write!(out, "{f:?}");
            }
        }
        Value::String(s) => string(out, s),
        Value::Seq(_) => out.push_str("[]"),
        Value::Map(_) => out.push_str("{}"),
    }
}

fn string(out: &mut String, s: &str) {
    if plain_ok(s) {
        out.push_str(s);
        return;
    }
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{85}' => out.push_str("\\N"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            '\u{feff}' => out.push_str("\\uFEFF"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                let _ = write!(out, "\\x{:02X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Whether `s` written plain reads back as the same string, in block and flow context.
fn plain_ok(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if s.starts_with("---") || s.starts_with("...") {
        return false;
    }
    if matches!(
        first,
        '-' | '?'
            | ':'
            | ','
            | '['
            | ']'
            | '{'
            | '}'
            | '#'
            | '&'
            | '*'
            | '!'
            | '|'
            | '>'
            | '\''
            | '"'
            | '%'
            | '@'
            | '`'
            | ' '
    ) {
        return false;
    }
    if s.ends_with(' ') || s.ends_with(':') {
        return false;
    }
    if s.contains(": ") || s.contains(" #") || s.contains('\t') {
        return false;
    }
    if s.chars().any(|c| {
        matches!(
            c,
            ',' | '[' | ']' | '{' | '}' | '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}'
        ) || (c as u32) < 0x20
            || c == '\u{7f}'
    }) {
        return false;
    }
    matches!(
        crate::yaml::resolve(std::borrow::Cow::Borrowed(s)),
        Ok(Value::String(_))
    )
}
