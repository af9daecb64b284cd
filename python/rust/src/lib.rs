//! Python bindings of zhnews: the native module `zhnews._zhnews` behind the `zhnews` Python
//! package (built with maturin from `python/`).
//!
//! It exposes one batch call in two output shapes, so a data engine pays the crossing into Rust
//! once per batch rather than once per document:
//!
//! - `normalize_batch(items, *, options=None, threads=1) -> list[dict]`
//! - `normalize_batch_json(items, *, options=None, threads=1) -> list[str]`: the same records as
//!   JSON text, byte-identical to the lines `zhnews clean` writes, for engines that store a
//!   record as one string column.
//!
//! `items` is any iterable of `(source, data)`, `(source, data, id)` or `(source, data, id,
//! encoding)` tuples, where `data` is the
//! raw `bytes` of the document (decoded in Rust, any encoding zhnews detects) or a `str`. Every
//! input yields one output in input order; a document that fails (or panics) yields an error
//! record `{"source", "id"?, "error": {"kind", "message"}}` instead, so outputs stay row-aligned
//! with inputs. The GIL is released while Rust works, and with `threads > 1` the batch runs on
//! a rayon pool of that size (pools are kept per size, so repeated calls do not respawn threads).
//!
//! What it does not do: read files, talk to engines (the pure-Python adapters in the package
//! do), or keep any state besides the dictionaries the job crates load once per process.
//!
//! The Rust side is usable without Python for tests:
//!
//! ```
//! use _zhnews::{Doc, Outcome, process};
//! let doc = Doc {
//!     source: "a.txt".into(),
//!     data: "<p>示例市今天举行新闻发布会。</p>".into(),
//!     id: Some("7".into()),
//!     encoding: None,
//! };
//! match process(&doc, &zhnews::Options::default()) {
//!     Outcome::Ok(article) => assert_eq!(article.id, "7"),
//!     Outcome::Err { message, .. } => panic!("{message}"),
//! }
//! ```

#![forbid(unsafe_code)]

mod pyser;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple};
use rayon::prelude::*;
use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Mutex, OnceLock};
use zhnews::{Article, Input, Options, OutputScript};

/// One document as handed over from Python, owned so that the GIL can be released.
#[derive(Debug, Clone)]
pub struct Doc {
    /// Path, URL or any name of where the document came from.
    pub source: String,
    /// The document's raw bytes.
    pub data: Vec<u8>,
    /// The id the document already carries, kept in its record.
    pub id: Option<String>,
    /// A character encoding declared outside the bytes (an HTTP header, a JSONL field).
    pub encoding: Option<String>,
}

/// What one document became.
#[derive(Debug)]
pub enum Outcome {
    /// A record.
    Ok(Box<Article>),
    /// The document failed; the fields of its error record.
    Err {
        /// Where it came from.
        source: String,
        /// Its id, when it carried one.
        id: Option<String>,
        /// Machine-readable kind (`front_matter`, `empty`, `internal`, …).
        kind: String,
        /// A sentence naming the document, where and what went wrong.
        message: String,
    },
}

/// Cleans one document, turning a failure or a panic into an error outcome.
pub fn process(doc: &Doc, options: &Options) -> Outcome {
    let mut input = Input::new(&doc.data).source(&doc.source);
    if let Some(id) = &doc.id {
        input = input.id(id);
    }
    if let Some(label) = &doc.encoding {
        input = input.declared_encoding(label);
    }
    let error = |kind: &str, message: String| Outcome::Err {
        source: doc.source.clone(),
        id: doc.id.clone(),
        kind: kind.to_string(),
        message,
    };
    // One hostile document must not take the batch (and the engine's worker) down with it.
    match catch_unwind(AssertUnwindSafe(|| Article::from_input(&input, options))) {
        Ok(Ok(article)) => Outcome::Ok(Box::new(article)),
        Ok(Err(err)) => error(err.kind(), format!("{}: {err}", doc.source)),
        Err(_) => error(
            "internal",
            format!(
                "{}: internal error while processing this document",
                doc.source
            ),
        ),
    }
}

/// The error record exactly as `zhnews clean` writes it (key order included).
pub fn error_value(source: &str, id: Option<&str>, kind: &str, message: &str) -> serde_json::Value {
    let mut record =
        serde_json::json!({ "source": source, "error": { "kind": kind, "message": message } });
    if let Some(id) = id {
        record["id"] = serde_json::Value::from(id);
    }
    record
}

/// An outcome as one JSON text (no trailing newline), the same bytes as a `zhnews clean` line.
pub fn to_json(outcome: &Outcome) -> String {
    let text = match outcome {
        Outcome::Ok(article) => serde_json::to_string(article),
        Outcome::Err {
            source,
            id,
            kind,
            message,
        } => serde_json::to_string(&error_value(source, id.as_deref(), kind, message)),
    };
    // Serialising strings, numbers and lists cannot fail; say so in-band if it ever does.
    text.unwrap_or_else(|err| {
        serde_json::json!({ "error": { "kind": "internal", "message": err.to_string() } })
            .to_string()
    })
}

/// Runs `docs` in order, on a pool of `threads` workers when more than one.
pub fn run_batch<T: Send>(
    docs: &[Doc],
    options: &Options,
    threads: usize,
    f: impl Fn(Outcome) -> T + Sync,
) -> Vec<T> {
    let one = |doc: &Doc| f(process(doc, options));
    if threads <= 1 || docs.len() <= 1 {
        return docs.iter().map(one).collect();
    }
    match pool(threads) {
        Some(pool) => pool.install(|| docs.par_iter().map(one).collect()),
        None => docs.iter().map(one).collect(),
    }
}

/// A pool per size, built on first use: engines call once per batch, and respawning threads
/// every call would cost more than small batches take.
fn pool(threads: usize) -> Option<Arc<rayon::ThreadPool>> {
    static POOLS: OnceLock<Mutex<HashMap<usize, Arc<rayon::ThreadPool>>>> = OnceLock::new();
    let mut pools = POOLS.get_or_init(Default::default).lock().ok()?;
    if let Some(pool) = pools.get(&threads) {
        return Some(pool.clone());
    }
    let pool = Arc::new(
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .ok()?,
    );
    pools.insert(threads, pool.clone());
    Some(pool)
}

/// Reads the `options` dict: `script`, `tz`, `keep_stripped`; anything else is a ValueError so a
/// misspelt key never passes silently.
fn parse_options(options: Option<&Bound<'_, PyDict>>) -> PyResult<Options> {
    let mut out = Options::default();
    let Some(dict) = options else {
        return Ok(out);
    };
    for (key, value) in dict.iter() {
        let key: String = key.extract().map_err(|_| {
            PyTypeError::new_err("options keys must be strings (script, tz, keep_stripped)")
        })?;
        match key.as_str() {
            "script" => {
                let text: String = value.extract().map_err(|_| {
                    PyTypeError::new_err(
                        "options['script'] must be a string: hans, hant, tw, hk or keep",
                    )
                })?;
                out.script = text
                    .parse::<OutputScript>()
                    .map_err(|e| PyValueError::new_err(format!("options['script']: {e}")))?;
            }
            "tz" => {
                let text: String = value.extract().map_err(|_| {
                    PyTypeError::new_err("options['tz'] must be a string such as '+08:00'")
                })?;
                out.default_offset = zhnews::parse_offset(&text)
                    .map_err(|e| PyValueError::new_err(format!("options['tz']: {e}")))?;
            }
            "keep_stripped" => {
                out.keep_stripped = value
                    .extract()
                    .map_err(|_| PyTypeError::new_err("options['keep_stripped'] must be a bool"))?;
            }
            other => {
                return Err(PyValueError::new_err(format!(
                    "unknown option {other:?}; expected script, tz or keep_stripped"
                )));
            }
        }
    }
    Ok(out)
}

/// Copies the Python items into owned documents (the GIL is held only for this).
fn read_items(items: &Bound<'_, PyAny>) -> PyResult<Vec<Doc>> {
    let mut docs = Vec::with_capacity(items.len().unwrap_or(0));
    for (index, item) in items.try_iter()?.enumerate() {
        let item = item?;
        let bad = || {
            PyTypeError::new_err(format!(
                "items[{index}] must be a (source: str, data: bytes | str[, id: str | None[, encoding: str | None]]) tuple"
            ))
        };
        let tuple = item.cast::<PyTuple>().map_err(|_| bad())?;
        if !(2..=4).contains(&tuple.len()) {
            return Err(bad());
        }
        let source: String = tuple.get_item(0)?.extract().map_err(|_| bad())?;
        let data = tuple.get_item(1)?;
        let data = if let Ok(bytes) = data.cast::<PyBytes>() {
            bytes.as_bytes().to_vec()
        } else if let Ok(text) = data.cast::<PyString>() {
            text.to_str()?.as_bytes().to_vec()
        } else {
            return Err(bad());
        };
        let encoding = match tuple.len() {
            4 => {
                let label = tuple.get_item(3)?;
                if label.is_none() {
                    None
                } else {
                    Some(label.extract::<String>().map_err(|_| {
                        PyTypeError::new_err(format!(
                            "items[{index}]: the encoding must be a str label or None"
                        ))
                    })?)
                }
            }
            _ => None,
        };
        let id = match tuple.len() {
            3 | 4 => {
                let id = tuple.get_item(2)?;
                if id.is_none() {
                    None
                } else if let Ok(text) = id.extract::<String>() {
                    Some(text)
                } else if let Ok(number) = id.extract::<i64>() {
                    Some(number.to_string())
                } else {
                    return Err(PyTypeError::new_err(format!(
                        "items[{index}]: the id must be a str, an int or None"
                    )));
                }
            }
            _ => None,
        };
        docs.push(Doc {
            source,
            data,
            id,
            encoding,
        });
    }
    Ok(docs)
}

fn check_threads(threads: usize) -> PyResult<()> {
    if threads == 0 {
        return Err(PyValueError::new_err("threads must be at least 1"));
    }
    Ok(())
}

/// What both batch calls share: the arguments checked, the items copied out of Python, and the
/// batch cleaned with the GIL released, `shape` turning each outcome into what the call returns.
fn clean_items<T: Send>(
    py: Python<'_>,
    items: &Bound<'_, PyAny>,
    options: Option<&Bound<'_, PyDict>>,
    threads: usize,
    shape: impl Fn(Outcome) -> T + Sync + Send,
) -> PyResult<Vec<T>> {
    check_threads(threads)?;
    let options = parse_options(options)?;
    let docs = read_items(items)?;
    Ok(py.detach(|| run_batch(&docs, &options, threads, shape)))
}

/// Cleans a batch of documents into one dict per input, in input order.
#[pyfunction]
#[pyo3(signature = (items, *, options = None, threads = 1))]
fn normalize_batch<'py>(
    py: Python<'py>,
    items: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyDict>>,
    threads: usize,
) -> PyResult<Bound<'py, PyList>> {
    let outcomes = clean_items(py, items, options, threads, |o| o)?;
    let keys = pyser::Keys::new(py);
    // The records are trees (no cycles), yet each dict and list counts towards the cyclic
    // collector's thresholds, which would rescan the growing batch dozens of times while it is
    // built. The GIL is held throughout, so no other Python code runs while collection waits.
    let _paused = pyser::GcPause::new(py)?;
    let mut records = Vec::with_capacity(outcomes.len());
    for outcome in outcomes {
        let record = match outcome {
            Outcome::Ok(article) => keys.to_python(&*article)?,
            Outcome::Err {
                source,
                id,
                kind,
                message,
            } => keys.to_python(&error_value(&source, id.as_deref(), &kind, &message))?,
        };
        records.push(record);
    }
    PyList::new(py, records)
}

/// Cleans a batch of documents into one JSON text per input (the `zhnews clean` line without its
/// newline), in input order.
#[pyfunction]
#[pyo3(signature = (items, *, options = None, threads = 1))]
fn normalize_batch_json<'py>(
    py: Python<'py>,
    items: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyDict>>,
    threads: usize,
) -> PyResult<Bound<'py, PyList>> {
    let lines = clean_items(py, items, options, threads, |o| to_json(&o))?;
    PyList::new(py, lines)
}

/// The native part of the `zhnews` Python package.
#[pymodule]
fn _zhnews(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(normalize_batch, m)?)?;
    m.add_function(wrap_pyfunction!(normalize_batch_json, m)?)?;
    m.add("SCHEMA_VERSION", zhnews::SCHEMA_VERSION)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(source: &str, data: &[u8], id: Option<&str>) -> Doc {
        Doc {
            source: source.into(),
            data: data.to_vec(),
            id: id.map(str::to_string),
            encoding: None,
        }
    }

    #[test]
    fn records_keep_order_ids_and_error_shape() {
        let docs = [
            doc(
                "a",
                "<p>示例市今天举行新闻发布会，介绍新建大桥的进展。</p>".as_bytes(),
                Some("x1"),
            ),
            doc("b", b"---\ntitle: [unclosed\n---\nbody", Some("x2")),
            doc("c", b"", None),
        ];
        let lines = run_batch(&docs, &Options::default(), 1, |o| to_json(&o));
        assert_eq!(lines.len(), 3);
        let first: serde_json::Value = serde_json::from_str(&lines[0]).expect("json");
        assert_eq!(first["id"], "x1");
        assert_eq!(first["source"], "a");
        let second: serde_json::Value = serde_json::from_str(&lines[1]).expect("json");
        assert_eq!(second["id"], "x2");
        assert_eq!(second["error"]["kind"], "front_matter");
        assert!(
            second["error"]["message"]
                .as_str()
                .is_some_and(|m| m.starts_with("b: "))
        );
        let third: serde_json::Value = serde_json::from_str(&lines[2]).expect("json");
        assert_eq!(third["error"]["kind"], "empty");
        assert!(third.get("id").is_none());
    }

    #[test]
    fn threads_do_not_change_output() {
        let docs: Vec<Doc> = (0..40)
            .map(|i| {
                doc(
                    &format!("d{i}"),
                    format!("<p>第{i}条：示例县发布新闻，天气晴朗。</p>").as_bytes(),
                    None,
                )
            })
            .collect();
        let one = run_batch(&docs, &Options::default(), 1, |o| to_json(&o));
        let four = run_batch(&docs, &Options::default(), 4, |o| to_json(&o));
        assert_eq!(one, four);
    }
}
