//! TOML and JSON front matter, parsed by the crates made for them and exposed as [`Value`].

use crate::error::{Error, ErrorKind, Origin};
use crate::value::{Map, Value};
use std::borrow::Cow;

/// TOML through the `toml` crate. Date-times become their RFC 3339 text.
pub(crate) fn toml(raw: &str, origin: Origin) -> Result<Value<'static>, Error> {
    match raw.parse::<toml::Table>() {
        Ok(table) => Ok(from_toml_table(table)),
        Err(err) => {
            let at = err.span().map_or(0, |s| s.start);
            let message = format!(
                "invalid TOML front matter: {}; fix the TOML syntax",
                err.message().trim_end()
            );
            Err(Error::new(ErrorKind::Toml, message, origin.locate(raw, at)))
        }
    }
}

fn from_toml_table(table: toml::Table) -> Value<'static> {
    let mut map = Map::new();
    for (k, v) in table {
        map.push(Cow::Owned(k), from_toml(v));
    }
    Value::Map(map)
}

fn from_toml(value: toml::Value) -> Value<'static> {
    match value {
        toml::Value::String(s) => Value::String(Cow::Owned(s)),
        toml::Value::Integer(i) => Value::Int(i),
        toml::Value::Float(f) => Value::Float(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(Cow::Owned(d.to_string())),
        toml::Value::Array(items) => Value::Seq(items.into_iter().map(from_toml).collect()),
        toml::Value::Table(table) => from_toml_table(table),
    }
}

/// JSON through serde_json, straight into a borrowing [`Value`]. Hexo's `;;;` blocks may
/// leave out the outer braces; they are added back for parsing.
pub(crate) fn json(raw: &str, origin: Origin) -> Result<Value<'_>, Error> {
    let trimmed = raw.trim_start();
    if trimmed.is_empty() {
        return Ok(Value::Map(Map::new()));
    }
    if trimmed.starts_with('{') {
        return serde_json::from_str::<Value<'_>>(raw).map_err(|e| json_error(raw, origin, &e, 0));
    }
    let wrapped = format!("{{{raw}}}");
    match serde_json::from_str::<Value<'_>>(&wrapped) {
        Ok(value) => Ok(value.into_owned()),
        Err(e) => Err(json_error(raw, origin, &e, 1)),
    }
}

fn json_error(raw: &str, origin: Origin, err: &serde_json::Error, shift: usize) -> Error {
    // serde_json reports a 1-based line and a 1-based byte column in the text it read.
    let mut offset = 0;
    for (i, line) in raw.split_inclusive('\n').enumerate() {
        if i + 1 == err.line() {
            let col = err.column().saturating_sub(1);
            let col = if i == 0 {
                col.saturating_sub(shift)
            } else {
                col
            };
            offset += col.min(line.len());
            break;
        }
        offset += line.len();
    }
    let mut text = err.to_string();
    if let Some(cut) = text.find(" at line ") {
        text.truncate(cut);
    }
    let message = format!("invalid JSON front matter: {text}; fix the JSON syntax");
    Error::new(ErrorKind::Json, message, origin.locate(raw, offset))
}
