//! `zhnews clean` over a web archive: a gzipped WARC with one gzip member per record (as crawlers
//! write them), holding the project's example page as an HTTP response, a WET text conversion
//! and the records that are not documents.
#![cfg(feature = "warc")]

mod common;

use common::{examples, records, run_with_stdin, zhnews};
use std::io::Write;

fn record(kind: &str, id: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut head = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\n\
         WARC-Date: 2026-11-20T08:00:00Z\r\nWARC-Target-URI: https://news.example.org/{id}.htm\r\n\
         Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    head.extend_from_slice(block);
    head.extend_from_slice(b"\r\n\r\n");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&head).expect("gzip");
    gz.finish().expect("gzip")
}

fn archive() -> Vec<u8> {
    let page = std::fs::read(examples().join("090-page-museum.html")).expect("example page");
    let mut response = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n".to_vec();
    response.extend_from_slice(format!("Content-Length: {}\r\n\r\n", page.len()).as_bytes());
    response.extend_from_slice(&page);
    // WET text starts with the page's title line.
    let wet = "江城地铁五号线完成全线联调 预计年底开通\n\
               江城晚报讯 11月20日，江城地铁五号线完成全线联调。\n\
               据介绍，五号线全长二十八公里，设站二十座，预计年底开通。\n";
    let mut file = record(
        "warcinfo",
        "info",
        "application/warc-fields",
        b"software: test\r\n",
    );
    file.extend(record(
        "request",
        "req",
        "application/http; msgtype=request",
        b"GET /museum.htm HTTP/1.1\r\nHost: news.example.org\r\n\r\n",
    ));
    file.extend(record(
        "response",
        "museum",
        "application/http; msgtype=response",
        &response,
    ));
    file.extend(record(
        "response",
        "logo",
        "application/http; msgtype=response",
        b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
    ));
    file.extend(record("conversion", "metro", "text/plain", wet.as_bytes()));
    file
}

#[test]
fn documents_of_an_archive_become_records_and_the_rest_is_counted() {
    let dir = std::env::temp_dir().join(format!("zhnews-warc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("crawl-00001.warc.gz");
    std::fs::write(&path, archive()).expect("write archive");
    let stats = dir.join("stats.json");
    let output = zhnews()
        .arg("clean")
        .arg(&path)
        .arg("--stats")
        .arg(&stats)
        .output()
        .expect("zhnews runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let records = records(&output);
    assert_eq!(records.len(), 2, "{records:#?}");

    let page = &records[0];
    assert_eq!(page["id"], "urn:uuid:museum");
    assert_eq!(page["url"], "https://news.example.org/museum.htm");
    assert_eq!(page["title"], "海陵博物馆新馆开馆 千余件文物首次集中亮相");
    assert_eq!(page["published_at"], "2025-05-18T09:30:00+08:00");
    assert_eq!(page["paragraphs"].as_array().map(Vec::len), Some(5));
    assert!(
        page["source"]
            .as_str()
            .is_some_and(|s| s.ends_with("crawl-00001.warc.gz:3"))
    );

    let text = &records[1];
    assert_eq!(text["id"], "urn:uuid:metro");
    assert_eq!(text["title"], "江城地铁五号线完成全线联调 预计年底开通");
    let paragraphs = text["paragraphs"].as_array().expect("paragraphs");
    assert_eq!(paragraphs.len(), 2, "{text:#}");
    assert!(
        paragraphs[1]
            .as_str()
            .is_some_and(|p| p.starts_with("据介绍"))
    );

    let stats: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&stats).expect("stats")).expect("JSON");
    assert_eq!(stats["documents"], 2);
    assert_eq!(stats["skipped_records"], 3);
    assert_eq!(stats["skipped_kinds"]["request"], 1);
    assert_eq!(stats["skipped_kinds"]["warcinfo"], 1);
    assert_eq!(stats["skipped_kinds"]["http-not-html-or-not-ok"], 1);
    assert!(
        stderr.contains("3 archive records were not documents"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_broken_archive_yields_an_error_record_not_silence() {
    let mut file = archive();
    file.extend_from_slice(b"WARC/1.0\r\nWARC-Type: response\r\n\r\n");
    let output = run_with_stdin(&["clean", "--input", "warc", "-"], &file);
    assert_eq!(output.status.code(), Some(1));
    let lines = records(&output);
    assert_eq!(lines.len(), 3);
    let error = &lines[2]["error"];
    assert_eq!(error["kind"], "input");
    let message = error["message"].as_str().expect("message");
    assert!(message.contains("WARC record 6"), "{message}");
    assert!(message.contains("skipped"), "{message}");
}

/// Every example article, served as an HTTP response inside an archive, gives the same record
/// as the file itself: only where it came from (`source`, `id`, `url`) differs.
#[test]
fn an_archived_page_gives_the_same_record_as_the_page_file() {
    let mut files: Vec<_> = std::fs::read_dir(examples())
        .expect("examples")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    let mut archive = Vec::new();
    for (n, file) in files.iter().enumerate() {
        let body = std::fs::read(file).expect("example");
        let mut block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".to_vec();
        block.extend_from_slice(&body);
        archive.extend(record(
            "response",
            &format!("page-{n}"),
            "application/http; msgtype=response",
            &block,
        ));
    }
    let from_archive = records(&run_with_stdin(
        &["clean", "--input", "warc", "-"],
        &archive,
    ));
    let from_files = records(&zhnews().arg("clean").args(&files).output().expect("runs"));
    assert_eq!(from_archive.len(), files.len());
    assert_eq!(from_files.len(), files.len());
    let without_origin = |mut record: serde_json::Value| {
        if let Some(map) = record.as_object_mut() {
            for key in ["source", "id", "url"] {
                map.remove(key);
            }
            // The error message names the document by its source.
            if let Some(error) = map.get_mut("error").and_then(|e| e.as_object_mut()) {
                error.remove("message");
            }
        }
        record
    };
    for ((archived, file), path) in from_archive.into_iter().zip(from_files).zip(&files) {
        assert_eq!(
            without_origin(archived),
            without_origin(file),
            "{}",
            path.display()
        );
    }
}
