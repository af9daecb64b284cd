//! WARC and WET input: the documents inside a web archive.
//!
//! A crawl's WARC file holds far more than articles. Only two kinds of record are documents:
//! `response` records carrying an HTTP response with an HTML (or plain-text) payload, and
//! `conversion` records (WET files: the text Common Crawl extracted from each page); `resource`
//! records with an HTML or text block count too. Everything else (`warcinfo`, `request`,
//! `metadata`, `revisit`, non-HTML responses, redirects and error statuses) is not an article:
//! those records yield no output record, and every one of them is counted by reason in the run
//! summary, so nothing disappears unaccounted.
//!
//! WARC header blocks are parsed by the `warc` crate's parser, HTTP heads by `httparse`; the
//! record framing around them (bounded header reads, Content-Length bodies, the CRLF CRLF
//! that closes a record) and what to do with each record are ours. The `warc` crate's record
//! readers are not used: they read header blocks without a bound and panic on header values
//! that are not UTF-8.

use super::input::MAX_DOC_BYTES;
use std::io::{self, BufRead, Read};

/// Longest WARC header block read before the record is declared broken.
const MAX_WARC_HEADER: u64 = 1 << 20;

/// Most HTTP header lines in a response head.
const MAX_HTTP_HEADERS: usize = 256;

/// One document found in a WARC file.
#[derive(Debug)]
pub struct WarcDoc {
    /// `WARC-Record-ID` without its angle brackets.
    pub id: Option<String>,
    /// `WARC-Target-URI`.
    pub url: Option<String>,
    /// The payload: HTML of a response (HTTP head, chunking and gzip removed) or WET text.
    pub bytes: Vec<u8>,
    /// The charset the HTTP `Content-Type` declared.
    pub encoding: Option<String>,
}

/// What reading the next record gave.
#[derive(Debug)]
pub enum Next {
    /// A document.
    Doc(WarcDoc),
    /// A record that is not a document, with the reason it was passed over.
    Skipped(&'static str),
    /// A document-shaped record that cannot be used (an error record is due); the file goes on.
    Bad {
        /// The record's id, when known.
        id: Option<String>,
        /// `too_large` or `input`.
        kind: &'static str,
        /// What is wrong.
        message: String,
    },
    /// The file's framing is broken: nothing after this point can be trusted.
    Broken(String),
    /// No more records.
    End,
}

/// Reads the next record of a WARC stream (already decompressed) and says what it is.
pub fn next_record(reader: &mut dyn BufRead) -> Next {
    // Several blank lines between records are tolerated (some writers add them).
    loop {
        match reader.fill_buf() {
            Ok([]) => return Next::End,
            Ok([b'\r' | b'\n', ..]) => reader.consume(1),
            Ok(_) => break,
            Err(err) => return Next::Broken(format!("cannot read: {err}")),
        }
    }
    let mut head = Vec::with_capacity(1024);
    loop {
        let room = MAX_WARC_HEADER.saturating_sub(head.len() as u64);
        if room == 0 {
            return Next::Broken(format!(
                "WARC header block longer than {MAX_WARC_HEADER} bytes"
            ));
        }
        let line_start = head.len();
        match reader.take(room).read_until(b'\n', &mut head) {
            Err(err) => return Next::Broken(format!("cannot read: {err}")),
            Ok(0) => return Next::Broken("the file ends inside a WARC header".into()),
            Ok(_) => {}
        }
        if matches!(&head[line_start..], b"\r\n" | b"\n") {
            break;
        }
    }
    let (fields, length) = match warc::parser::headers(&head) {
        Ok((_, (_version, fields, length))) => (fields, length as u64),
        Err(_) => {
            return Next::Broken(
                "not a WARC record: its header block is malformed (expected a `WARC/1.x` line, \
                 `Name: value` lines and a Content-Length)"
                    .into(),
            );
        }
    };
    let field = |name: &str| {
        fields
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| String::from_utf8_lossy(value).trim().to_string())
    };
    let unbracket = |v: String| v.trim_start_matches('<').trim_end_matches('>').to_string();
    let id = field("WARC-Record-ID").map(unbracket);
    let url = field("WARC-Target-URI").map(unbracket);
    let content_type = field("Content-Type")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let kind = match field("WARC-Type")
        .unwrap_or_default()
        .to_ascii_lowercase()
        .as_str()
    {
        "response" if content_type.starts_with("application/http") => Kind::HttpResponse,
        "response" => Kind::Skip("response-not-http"),
        "conversion" => Kind::Payload,
        "resource" if is_document_type(&content_type) => Kind::Payload,
        "resource" => Kind::Skip("resource-not-html"),
        "warcinfo" => Kind::Skip("warcinfo"),
        "request" => Kind::Skip("request"),
        "metadata" => Kind::Skip("metadata"),
        "revisit" => Kind::Skip("revisit"),
        "continuation" => Kind::Skip("continuation"),
        "" => return Next::Broken("WARC record without a WARC-Type".into()),
        _ => Kind::Skip("unknown-type"),
    };

    let mut block = Vec::new();
    let read = match kind {
        Kind::Skip(_) => 0,
        _ if length > MAX_DOC_BYTES => 0,
        _ => {
            block.reserve(usize::try_from(length).unwrap_or(0));
            match reader.take(length).read_to_end(&mut block) {
                Ok(n) => n as u64,
                Err(err) => return Next::Broken(format!("cannot read record body: {err}")),
            }
        }
    };
    // What was not read above (skipped records, oversized ones), then the closing CRLF CRLF.
    match io::copy(&mut reader.take(length - read), &mut io::sink()) {
        Ok(n) if read + n == length => {}
        Ok(n) => {
            return Next::Broken(format!(
                "the file ends inside a record: {} of its {length} bytes",
                read + n
            ));
        }
        Err(err) => return Next::Broken(format!("cannot read record body: {err}")),
    }
    let mut end = [0u8; 4];
    match reader.read_exact(&mut end) {
        Ok(()) if &end == b"\r\n\r\n" => {}
        Ok(()) => {
            return Next::Broken(format!(
                "the record's {length}-byte body is not followed by CRLF CRLF; Content-Length is wrong"
            ));
        }
        Err(err) if err.kind() == io::ErrorKind::UnexpectedEof => {
            return Next::Broken("the file ends inside a record".into());
        }
        Err(err) => return Next::Broken(format!("cannot read: {err}")),
    }

    match kind {
        Kind::Skip(reason) => Next::Skipped(reason),
        _ if length > MAX_DOC_BYTES => Next::Bad {
            id,
            kind: "too_large",
            message: format!(
                "WARC record of {length} bytes is over the {MAX_DOC_BYTES}-byte limit"
            ),
        },
        Kind::HttpResponse => match http_payload(&block) {
            Ok(Some((bytes, encoding))) => Next::Doc(WarcDoc {
                id,
                url,
                bytes,
                encoding,
            }),
            Ok(None) => Next::Skipped("http-not-html-or-not-ok"),
            Err(message) => Next::Bad {
                id,
                kind: "input",
                message,
            },
        },
        Kind::Payload => Next::Doc(WarcDoc {
            id,
            url,
            bytes: block,
            encoding: charset(&content_type),
        }),
    }
}

enum Kind {
    HttpResponse,
    Payload,
    Skip(&'static str),
}

fn is_document_type(content_type: &str) -> bool {
    let mime = content_type.split(';').next().unwrap_or("").trim();
    matches!(mime, "text/html" | "application/xhtml+xml" | "text/plain")
}

fn charset(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        (name.trim().eq_ignore_ascii_case("charset"))
            .then(|| value.trim().trim_matches('"').trim().to_string())
            .filter(|v| !v.is_empty())
    })
}

/// A response body and the charset its head declared.
type Payload = (Vec<u8>, Option<String>);

/// The payload of an HTTP response block: `Ok(None)` when it is not a successful HTML or text
/// response, `Err` when it is one but cannot be decoded.
fn http_payload(block: &[u8]) -> Result<Option<Payload>, String> {
    let mut headers = vec![httparse::EMPTY_HEADER; MAX_HTTP_HEADERS];
    let mut response = httparse::Response::new(&mut headers);
    let head = match response.parse(block) {
        Ok(httparse::Status::Complete(n)) => n,
        Ok(httparse::Status::Partial) => return Err("HTTP response head is incomplete".into()),
        Err(err) => return Err(format!("not an HTTP response: {err}")),
    };
    if !response.code.is_some_and(|c| (200..300).contains(&c)) {
        return Ok(None);
    }
    let header = |name: &str| {
        response
            .headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).to_ascii_lowercase())
    };
    let content_type = header("content-type").unwrap_or_default();
    if !content_type.is_empty() && !is_document_type(&content_type) {
        return Ok(None);
    }
    let mut body = block[head..].to_vec();
    if header("transfer-encoding").is_some_and(|t| t.contains("chunked")) {
        body = dechunk(&body)?;
    }
    match header("content-encoding").as_deref().map(str::trim) {
        None | Some("" | "identity") => {}
        Some("gzip" | "x-gzip") => {
            body = inflate(flate2::read::MultiGzDecoder::new(&body[..]), "gzip")?;
        }
        Some("deflate") => {
            body = inflate(flate2::read::ZlibDecoder::new(&body[..]), "deflate")?;
        }
        Some(other) => return Err(format!("Content-Encoding {other:?} is not supported")),
    }
    Ok(Some((body, charset(&content_type))))
}

/// Removes HTTP/1.1 chunked framing.
fn dechunk(mut rest: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(rest.len());
    loop {
        let (skip, size) = match httparse::parse_chunk_size(rest) {
            Ok(httparse::Status::Complete(found)) => found,
            // A crawler that cut the transfer short: keep what arrived.
            Ok(httparse::Status::Partial) => return Ok(out),
            Err(_) => return Err("malformed chunked transfer encoding".into()),
        };
        if size == 0 {
            return Ok(out);
        }
        rest = &rest[skip..];
        let size = usize::try_from(size).unwrap_or(usize::MAX).min(rest.len());
        out.extend_from_slice(&rest[..size]);
        rest = rest[size..].strip_prefix(b"\r\n").unwrap_or(&rest[size..]);
    }
}

/// Decompresses a body, refusing to expand past the document limit.
fn inflate(decoder: impl Read, name: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    decoder
        .take(MAX_DOC_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|e| format!("cannot decode {name} content: {e}"))?;
    if out.len() as u64 > MAX_DOC_BYTES {
        return Err(format!(
            "{name} content expands past the {MAX_DOC_BYTES}-byte limit"
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn record(kind: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        write!(
            out,
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{kind}-1>\r\n\
             WARC-Date: 2026-11-20T08:00:00Z\r\nWARC-Target-URI: https://news.example.cn/a.html\r\n\
             Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .expect("write");
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    fn all(bytes: &[u8]) -> Vec<Next> {
        let mut reader = io::BufReader::new(bytes);
        let mut out = Vec::new();
        loop {
            match next_record(&mut reader) {
                Next::End => return out,
                next => {
                    let broken = matches!(next, Next::Broken(_));
                    out.push(next);
                    if broken {
                        return out;
                    }
                }
            }
        }
    }

    #[test]
    fn responses_and_conversions_are_documents_the_rest_is_counted() {
        let mut file = record("warcinfo", "application/warc-fields", b"software: test\r\n");
        file.extend(record(
            "request",
            "application/http; msgtype=request",
            b"GET /a.html HTTP/1.1\r\n\r\n",
        ));
        file.extend(record(
            "response",
            "application/http; msgtype=response",
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=GBK\r\n\r\n<p>\xd6\xd0</p>",
        ));
        file.extend(record(
            "response",
            "application/http; msgtype=response",
            b"HTTP/1.1 301 Moved\r\nLocation: /b\r\n\r\n",
        ));
        file.extend(record(
            "conversion",
            "text/plain",
            "正文第一段。\n".as_bytes(),
        ));
        let got = all(&file);
        assert_eq!(got.len(), 5, "{got:?}");
        assert!(matches!(got[0], Next::Skipped("warcinfo")));
        assert!(matches!(got[1], Next::Skipped("request")));
        match &got[2] {
            Next::Doc(doc) => {
                assert_eq!(doc.bytes, b"<p>\xd6\xd0</p>");
                assert_eq!(doc.encoding.as_deref(), Some("gbk"));
                assert_eq!(doc.id.as_deref(), Some("urn:uuid:response-1"));
                assert_eq!(doc.url.as_deref(), Some("https://news.example.cn/a.html"));
            }
            other => panic!("expected a document, got {other:?}"),
        }
        assert!(matches!(got[3], Next::Skipped("http-not-html-or-not-ok")));
        match &got[4] {
            Next::Doc(doc) => assert_eq!(doc.bytes, "正文第一段。\n".as_bytes()),
            other => panic!("expected WET text, got {other:?}"),
        }
    }

    #[test]
    fn chunked_and_gzipped_payloads_are_unwrapped() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all("<p>新闻</p>".as_bytes()).expect("gzip");
        let gz = gz.finish().expect("gzip");
        let mut block = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\
             Content-Encoding: gzip\r\n\r\n{:x}\r\n",
            gz.len()
        )
        .into_bytes();
        block.extend_from_slice(&gz);
        block.extend_from_slice(b"\r\n0\r\n\r\n");
        let file = record("response", "application/http; msgtype=response", &block);
        match &all(&file)[..] {
            [Next::Doc(doc)] => assert_eq!(doc.bytes, "<p>新闻</p>".as_bytes()),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn broken_framing_and_bad_payloads_say_what_is_wrong() {
        let mut file = record(
            "response",
            "application/http; msgtype=response",
            b"HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\nxx",
        );
        let cut = record("conversion", "text/plain", b"some text");
        file.extend_from_slice(&cut[..cut.len() - 8]);
        let got = all(&file);
        match &got[..] {
            [Next::Bad { kind, message, .. }, Next::Broken(why)] => {
                assert_eq!(*kind, "input");
                assert!(message.contains("\"br\""), "{message}");
                assert!(why.contains("ends"), "{why}");
            }
            other => panic!("{other:?}"),
        }
        let got = all(b"this is not a warc file\r\n\r\n");
        assert!(
            matches!(&got[..], [Next::Broken(why)] if why.contains("WARC")),
            "{got:?}"
        );
    }

    #[test]
    fn endless_header_blocks_are_cut_off() {
        let mut file = b"WARC/1.0\r\n".to_vec();
        while file.len() as u64 <= MAX_WARC_HEADER + 10 {
            file.extend_from_slice(b"X-Filler: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n");
        }
        let got = all(&file);
        assert!(
            matches!(&got[..], [Next::Broken(why)] if why.contains("longer than")),
            "{got:?}"
        );
    }

    proptest::proptest! {
        /// Damaged archives (bytes flipped, cut, or garbage) end in documents, skips, error
        /// records and a stop: never a panic, never a loop that reads nothing.
        #[test]
        fn damaged_archives_never_panic(
            cut in 0usize..2000,
            flips in proptest::collection::vec((0usize..2000, proptest::num::u8::ANY), 0..6),
            garbage in proptest::collection::vec(proptest::num::u8::ANY, 0..64),
        ) {
            let mut file = record("warcinfo", "application/warc-fields", b"software: test\r\n");
            file.extend(record(
                "response",
                "application/http; msgtype=response",
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n<p>x<\r\n0\r\n\r\n",
            ));
            file.extend(record("conversion", "text/plain", "正文。".as_bytes()));
            for (at, byte) in flips {
                let len = file.len();
                file[at % len] = byte;
            }
            file.truncate(cut.min(file.len()));
            file.extend(garbage);
            let got = all(&file);
            proptest::prop_assert!(got.len() <= 4);
        }
    }
}
