//! Where documents come from: article files, JSON Lines records (datatrove's shape) or WARC/WET
//! archives, each possibly gzip- or zstd-compressed, streamed so that a shard of any size never
//! sits in memory.

use base64::Engine as _;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// How the command reads its inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputMode {
    /// `.jsonl`/`.ndjson` files (also compressed) are JSON Lines, anything else is one article.
    Auto,
    /// Every file is one article.
    Files,
    /// Every file (and stdin) is JSON Lines: one record per line.
    Jsonl,
    /// Every file (and stdin) is a WARC or WET archive (`.warc`, `.warc.gz`, `.wet.gz` in auto
    /// mode): HTML responses and WET text are the documents.
    Warc,
}

/// How one input file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    /// The whole file is one article.
    Article,
    /// One record per line.
    Jsonl,
    /// A web archive.
    Warc,
}

/// Names of the fields a JSON Lines record carries.
#[derive(Debug, Clone)]
pub struct JsonlKeys {
    /// The document: raw HTML or text.
    pub text: String,
    /// The record's id, kept in the output.
    pub id: String,
    /// An encoding label for the bytes in `bytes_key` (or a hint for `text`).
    pub encoding: String,
    /// Base64 of the raw bytes, for content that is not UTF-8.
    pub bytes: String,
    /// The page's URL.
    pub url: String,
    /// Where the record came from (path or URL), used as the record's `source`.
    pub source: String,
}

/// One document to clean, with what is known about it.
#[derive(Debug)]
pub struct Doc {
    /// Path, `path:line` for a JSONL record, or `-`.
    pub source: String,
    /// Which input file it came from (index into the expanded input list), for sharding.
    pub file: usize,
    /// The record's own id.
    pub id: Option<String>,
    /// The raw bytes.
    pub bytes: Vec<u8>,
    /// An encoding declared by the record.
    pub encoding: Option<String>,
    /// The page's URL.
    pub url: Option<String>,
}

/// A document that could not even be read; it still yields a record.
#[derive(Debug)]
pub struct BadDoc {
    /// Where.
    pub source: String,
    /// Which input file.
    pub file: usize,
    /// The record's id, when it could be read.
    pub id: Option<String>,
    /// `io` or `input`.
    pub kind: &'static str,
    /// What went wrong.
    pub message: String,
}

/// One input file and its name relative to the command-line argument it was found under (used
/// to mirror the input layout in sharded output).
#[derive(Debug, Clone)]
pub struct InputFile {
    /// The path to open (`-` is stdin).
    pub path: PathBuf,
    /// Its path relative to the folder given on the command line (its file name for a file
    /// argument, `stdin` for `-`).
    pub relative: PathBuf,
}

/// Expands command-line paths into files in a deterministic order; a path that does not exist
/// is an error before any work starts.
pub fn expand_paths(paths: &[PathBuf]) -> Result<Vec<InputFile>, String> {
    let stdin = || InputFile {
        path: PathBuf::from("-"),
        relative: PathBuf::from("stdin"),
    };
    if paths.is_empty() {
        return Ok(vec![stdin()]);
    }
    let mut inputs = Vec::new();
    for path in paths {
        if path == Path::new("-") {
            inputs.push(stdin());
            continue;
        }
        let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
        if meta.is_dir() {
            let walker = walkdir::WalkDir::new(path)
                .sort_by_file_name()
                .follow_links(true);
            for entry in walker {
                let entry = entry.map_err(|e| format!("{}: {e}", path.display()))?;
                let hidden =
                    entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.');
                if entry.file_type().is_file() && !hidden {
                    let relative = entry
                        .path()
                        .strip_prefix(path)
                        .map(Path::to_path_buf)
                        .unwrap_or_default();
                    inputs.push(InputFile {
                        path: entry.into_path(),
                        relative,
                    });
                }
            }
        } else {
            let relative = path
                .file_name()
                .map(PathBuf::from)
                .unwrap_or_else(|| path.clone());
            inputs.push(InputFile {
                path: path.clone(),
                relative,
            });
        }
    }
    Ok(inputs)
}

/// The file name without a compression suffix.
pub fn strip_compression(name: &str) -> &str {
    name.strip_suffix(".gz")
        .or_else(|| name.strip_suffix(".zst"))
        .unwrap_or(name)
}

fn format_by_name(path: &Path) -> FileFormat {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let name = strip_compression(&name).to_ascii_lowercase();
    if name.ends_with(".jsonl") || name.ends_with(".ndjson") {
        FileFormat::Jsonl
    } else if name.ends_with(".warc") || name.ends_with(".wet") {
        FileFormat::Warc
    } else {
        FileFormat::Article
    }
}

/// Opens a file or stdin, decompressing by magic number (gzip `1f 8b`, zstd `28 b5 2f fd`)
/// so that a misnamed file still reads.
fn open(path: &Path) -> io::Result<Box<dyn BufRead + Send>> {
    let raw: Box<dyn Read + Send> = if path == Path::new("-") {
        Box::new(io::stdin())
    } else {
        Box::new(File::open(path)?)
    };
    let mut reader = BufReader::with_capacity(1 << 16, raw);
    let head = reader.fill_buf()?;
    if head.starts_with(&[0x1f, 0x8b]) {
        let gz = flate2::bufread::MultiGzDecoder::new(reader);
        Ok(Box::new(BufReader::with_capacity(1 << 16, gz)))
    } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        let zst = zstd::stream::read::Decoder::with_buffer(reader)?;
        Ok(Box::new(BufReader::with_capacity(1 << 16, zst)))
    } else {
        Ok(Box::new(reader))
    }
}

/// Largest article file or JSONL line read: larger ones become error records, not OOMs.
pub const MAX_DOC_BYTES: u64 = zhnews::MAX_DOCUMENT_BYTES as u64;

/// Streams documents from the expanded inputs, in order.
pub struct Docs {
    files: Vec<InputFile>,
    mode: InputMode,
    keys: JsonlKeys,
    next_file: usize,
    /// The open multi-record file: its index, reader, format and records read so far.
    current: Option<(usize, Box<dyn BufRead + Send>, FileFormat, usize)>,
    skipped: std::collections::BTreeMap<&'static str, usize>,
}

impl Docs {
    /// Documents of `files`, read as `mode` says.
    pub fn new(files: Vec<InputFile>, mode: InputMode, keys: JsonlKeys) -> Docs {
        Docs {
            files,
            mode,
            keys,
            next_file: 0,
            current: None,
            skipped: Default::default(),
        }
    }

    /// Whether input file `file` holds many records (JSON Lines or WARC) rather than one
    /// article.
    pub fn is_record_stream(&self, file: usize) -> bool {
        self.files
            .get(file)
            .is_some_and(|f| self.format(&f.path) != FileFormat::Article)
    }

    /// Archive records that were not documents, by reason (`request`, `warcinfo`, …).
    pub fn skipped(&self) -> &std::collections::BTreeMap<&'static str, usize> {
        &self.skipped
    }

    fn display(&self, file: usize) -> String {
        let path = &self.files[file].path;
        if path == Path::new("-") {
            "-".into()
        } else {
            path.display().to_string()
        }
    }

    fn format(&self, path: &Path) -> FileFormat {
        match self.mode {
            InputMode::Jsonl => FileFormat::Jsonl,
            InputMode::Files => FileFormat::Article,
            InputMode::Warc => FileFormat::Warc,
            InputMode::Auto => format_by_name(path),
        }
    }

    /// The next record of the open JSONL file; blank lines are skipped (in a loop: a file of
    /// blank lines must not grow the stack).
    fn next_line(&mut self) -> Option<Result<Doc, BadDoc>> {
        loop {
            match self.read_line() {
                Line::Blank => continue,
                Line::Item(item) => return item,
            }
        }
    }

    fn read_line(&mut self) -> Line {
        let Some((file, reader, format, line_no)) = self.current.as_mut() else {
            return Line::Item(None);
        };
        let file = *file;
        if *format == FileFormat::Warc {
            *line_no += 1;
            let record_no = *line_no;
            return self.read_warc(file, record_no);
        }
        let mut line = Vec::new();
        let read = read_line(reader.as_mut(), &mut line);
        *line_no += 1;
        let line_no = *line_no;
        let source = format!("{}:{line_no}", self.display(file));
        Line::Item(match read {
            Ok(0) => {
                self.current = None;
                None
            }
            Err(err) => {
                self.current = None;
                Some(Err(BadDoc {
                    source,
                    file,
                    id: None,
                    kind: "io",
                    message: format!("cannot read: {err}"),
                }))
            }
            Ok(_) if line.len() as u64 > MAX_DOC_BYTES => {
                // The rest of an over-long line cannot be resynchronised reliably; stop this file.
                self.current = None;
                let message = format!(
                    "line longer than {MAX_DOC_BYTES} bytes; the rest of this file was skipped"
                );
                Some(Err(BadDoc {
                    source,
                    file,
                    id: None,
                    kind: "input",
                    message,
                }))
            }
            Ok(_) => {
                while line.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                    line.pop();
                }
                if line.iter().all(u8::is_ascii_whitespace) {
                    return Line::Blank;
                }
                Some(parse_record(&line, &self.keys, source, file))
            }
        })
    }
}

impl Docs {
    /// The next document of the open WARC file; records that are not documents are counted in
    /// `skipped` and read past.
    #[cfg(feature = "warc")]
    fn read_warc(&mut self, file: usize, record_no: usize) -> Line {
        use super::warc::{Next, next_record};
        let source = format!("{}:{record_no}", self.display(file));
        let Some((_, reader, _, _)) = self.current.as_mut() else {
            return Line::Item(None);
        };
        let bad = |id: Option<String>, kind: &'static str, message: String| BadDoc {
            source: source.clone(),
            file,
            id,
            kind,
            message,
        };
        Line::Item(match next_record(reader.as_mut()) {
            Next::End => {
                self.current = None;
                None
            }
            Next::Skipped(reason) => {
                *self.skipped.entry(reason).or_default() += 1;
                return Line::Blank;
            }
            Next::Doc(doc) => Some(Ok(Doc {
                source: source.clone(),
                file,
                id: doc.id,
                bytes: doc.bytes,
                encoding: doc.encoding,
                url: doc.url,
            })),
            Next::Bad { id, kind, message } => Some(Err(bad(id, kind, message))),
            Next::Broken(message) => {
                self.current = None;
                Some(Err(bad(
                    None,
                    "input",
                    format!(
                        "WARC record {record_no}: {message}; the rest of this file was skipped"
                    ),
                )))
            }
        })
    }

    #[cfg(not(feature = "warc"))]
    fn read_warc(&mut self, file: usize, _record_no: usize) -> Line {
        self.current = None;
        Line::Item(Some(Err(BadDoc {
            source: self.display(file),
            file,
            id: None,
            kind: "input",
            message: "this zhnews was built without WARC support; rebuild with `--features warc`"
                .into(),
        })))
    }
}

/// Appends the next line of `reader` (with its `\n`) to `line`, stopping after
/// `MAX_DOC_BYTES + 1` bytes so that the caller can tell an over-long line; returns the bytes
/// read, 0 at the end. `BufRead::read_until` does the same with a scalar newline search, which
/// cost a noticeable share of a page's time on lines of hundreds of kilobytes.
fn read_line(reader: &mut dyn BufRead, line: &mut Vec<u8>) -> io::Result<usize> {
    let limit = MAX_DOC_BYTES as usize + 1;
    let mut read = 0;
    loop {
        let available = match reader.fill_buf() {
            Ok(buf) => buf,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        let room = limit - read;
        let window = &available[..available.len().min(room)];
        let (used, done) = match memchr::memchr(b'\n', window) {
            Some(i) => (i + 1, true),
            None => (window.len(), window.is_empty() || window.len() == room),
        };
        line.extend_from_slice(&window[..used]);
        reader.consume(used);
        read += used;
        if done {
            return Ok(read);
        }
    }
}

/// One physical line of a JSONL file (or record of a WARC file).
enum Line {
    /// Whitespace only, or an archive record that is not a document: nothing to yield.
    Blank,
    /// A record, a bad record, or the end of the file (`None`).
    Item(Option<Result<Doc, BadDoc>>),
}

impl Iterator for Docs {
    type Item = Result<Doc, BadDoc>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.current.is_some() {
                if let Some(item) = self.next_line() {
                    return Some(item);
                }
                continue;
            }
            let file = self.next_file;
            let path = self.files.get(file)?.path.clone();
            self.next_file += 1;
            let source = self.display(file);
            let format = self.format(&path);
            if format != FileFormat::Article {
                match open(&path) {
                    Ok(reader) => self.current = Some((file, reader, format, 0)),
                    Err(err) => {
                        let message = format!("cannot read: {err}");
                        return Some(Err(BadDoc {
                            source,
                            file,
                            id: None,
                            kind: "io",
                            message,
                        }));
                    }
                }
                continue;
            }
            let read = open(&path).and_then(|r| {
                let mut bytes = Vec::new();
                r.take(MAX_DOC_BYTES + 1).read_to_end(&mut bytes)?;
                Ok(bytes)
            });
            return Some(match read {
                Ok(bytes) if bytes.len() as u64 > MAX_DOC_BYTES => Err(BadDoc {
                    source,
                    file,
                    id: None,
                    kind: "too_large",
                    message: format!("document is over the {MAX_DOC_BYTES}-byte limit"),
                }),
                Ok(bytes) => {
                    let url = None;
                    Ok(Doc {
                        source,
                        file,
                        id: None,
                        bytes,
                        encoding: None,
                        url,
                    })
                }
                Err(err) => Err(BadDoc {
                    source,
                    file,
                    id: None,
                    kind: "io",
                    message: format!("cannot read: {err}"),
                }),
            });
        }
    }
}

fn parse_record(line: &[u8], keys: &JsonlKeys, source: String, file: usize) -> Result<Doc, BadDoc> {
    let bad = |id: Option<String>, message: String| BadDoc {
        source: source.clone(),
        file,
        id,
        kind: "input",
        message,
    };
    let value: serde_json::Value = match serde_json::from_slice(line) {
        Ok(v) => v,
        Err(err) => {
            return Err(bad(
                None,
                format!("not a JSON record: column {}: {err}", err.column()),
            ));
        }
    };
    let serde_json::Value::Object(mut object) = value else {
        return Err(bad(None, "a JSONL record must be a JSON object".into()));
    };
    let id = object.get(&keys.id).and_then(|v| match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    });
    let encoding = object
        .get(&keys.encoding)
        .and_then(|v| v.as_str())
        .map(str::to_string);
    // The record's own origin beats its position in this shard: shards are re-cut and
    // re-numbered by engines, the origin is not.
    let origin = object
        .get(&keys.source)
        .and_then(|v| v.as_str())
        .filter(|s| !s.trim().is_empty())
        .map_or_else(|| source.clone(), str::to_string);
    let url = object
        .get(&keys.url)
        .and_then(|v| v.as_str())
        .map(str::to_string);
    let bytes = if let Some(b64) = object.get(&keys.bytes).and_then(|v| v.as_str()) {
        match base64::engine::general_purpose::STANDARD.decode(b64.trim()) {
            Ok(bytes) => bytes,
            Err(err) => {
                return Err(bad(
                    id,
                    format!("field {:?} is not valid base64: {err}", keys.bytes),
                ));
            }
        }
    } else {
        // Taken, not copied: the text is most of the record.
        match object.swap_remove(&keys.text) {
            Some(serde_json::Value::String(text)) => text.into_bytes(),
            Some(_) => return Err(bad(id, format!("field {:?} is not a string", keys.text))),
            None => {
                return Err(bad(
                    id,
                    format!(
                        "record has neither {:?} nor {:?}; set --text-key",
                        keys.text, keys.bytes
                    ),
                ));
            }
        }
    };
    Ok(Doc {
        source: origin,
        file,
        id,
        bytes,
        encoding,
        url,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> JsonlKeys {
        JsonlKeys {
            text: "text".into(),
            id: "id".into(),
            encoding: "encoding".into(),
            bytes: "bytes".into(),
            url: "url".into(),
            source: "source".into(),
        }
    }

    #[test]
    fn records_carry_id_text_and_hints() {
        let doc = parse_record(br#"{"id": 7, "text": "<p>hi</p>", "url": "https://a.example.cn/x", "encoding": "utf-8"}"#, &keys(), "f:1".into(), 0)
            .expect("parses");
        assert_eq!(doc.id.as_deref(), Some("7"));
        assert_eq!(doc.bytes, b"<p>hi</p>");
        assert_eq!(doc.url.as_deref(), Some("https://a.example.cn/x"));
        let gbk = parse_record(
            br#"{"id": "a", "bytes": "1tC5+g==", "encoding": "gbk"}"#,
            &keys(),
            "f:2".into(),
            0,
        )
        .expect("parses");
        assert_eq!(gbk.bytes, [0xd6, 0xd0, 0xb9, 0xfa]);
    }

    #[test]
    fn bad_records_say_what_is_wrong() {
        let err = parse_record(b"{not json", &keys(), "f:3".into(), 0).expect_err("bad json");
        assert!(err.message.contains("column"), "{}", err.message);
        let err = parse_record(br#"{"id": "x", "body": "t"}"#, &keys(), "f:4".into(), 0)
            .expect_err("no text");
        assert_eq!(err.id.as_deref(), Some("x"));
        assert!(err.message.contains("--text-key"));
        let err = parse_record(b"[1,2]", &keys(), "f:5".into(), 0).expect_err("not an object");
        assert!(err.message.contains("object"));
    }

    #[test]
    fn lines_are_read_across_buffer_refills_with_their_newline() {
        let text = b"{\"text\": \"one\"}\n\n{\"text\": \"two\"}";
        // A three-byte buffer makes every line span several refills.
        let mut reader = BufReader::with_capacity(3, &text[..]);
        let mut lines = Vec::new();
        loop {
            let mut line = Vec::new();
            let n = read_line(&mut reader, &mut line).expect("read");
            if n == 0 {
                break;
            }
            assert_eq!(n, line.len());
            lines.push(String::from_utf8(line).expect("utf-8"));
        }
        assert_eq!(
            lines,
            ["{\"text\": \"one\"}\n", "\n", "{\"text\": \"two\"}"]
        );
    }

    #[test]
    fn compression_suffixes_do_not_hide_jsonl_names() {
        assert_eq!(format_by_name(Path::new("a/b.jsonl.gz")), FileFormat::Jsonl);
        assert_eq!(format_by_name(Path::new("b.NDJSON.zst")), FileFormat::Jsonl);
        assert_eq!(format_by_name(Path::new("b.txt.gz")), FileFormat::Article);
        assert_eq!(
            format_by_name(Path::new("CC-MAIN-1.warc.gz")),
            FileFormat::Warc
        );
        assert_eq!(
            format_by_name(Path::new("CC-MAIN-1.warc.wet.gz")),
            FileFormat::Warc
        );
        assert_eq!(strip_compression("x.jsonl.zst"), "x.jsonl");
    }
}
