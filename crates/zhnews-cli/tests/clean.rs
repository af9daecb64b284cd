//! `zhnews clean` as a user runs it: exit codes, order, error records, stdin, formats.

mod common;

use common::{examples, records, run_with_stdin, zhnews};
use std::io::Write;
use std::path::PathBuf;
use std::process::Stdio;

const DOC: &str = "---\ntitle: '测试标题'\nauthor: 测试网\ndate: 2024-03-01 10:00:00\n---\n<p>3月1日上午，测试市召开会议。</p>\n<p>会议持续了两个小时。</p>\n";

#[test]
fn stdin_document_becomes_one_record() {
    let out = run_with_stdin(&["clean", "-"], DOC.as_bytes());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["title"], "测试标题");
    assert_eq!(recs[0]["outlet"], "测试网");
    assert_eq!(recs[0]["published_at"], "2024-03-01T10:00:00+08:00");
    assert_eq!(recs[0]["paragraphs"].as_array().map(Vec::len), Some(2));
    // Chinese is written as UTF-8, never as \u escapes.
    assert!(String::from_utf8_lossy(&out.stdout).contains("测试标题"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 document"));
}

#[test]
fn a_missing_path_is_a_usage_error_with_exit_2() {
    let out = zhnews()
        .args(["clean", "/nonexistent/zhnews/path"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/zhnews/path"));
    assert!(out.stdout.is_empty());
}

#[test]
fn a_bad_document_yields_an_error_record_and_the_batch_goes_on() {
    let dir = std::env::temp_dir().join(format!("zhnews-clean-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join("a.txt"), DOC).expect("write");
    std::fs::write(
        dir.join("b.txt"),
        "---\ntitle: 'unclosed\nauthor: x\n---\n<p>正文。</p>\n",
    )
    .expect("write");
    std::fs::write(dir.join("c.txt"), DOC.replace("测试标题", "第三篇")).expect("write");
    let out = zhnews().arg("clean").arg(&dir).output().expect("runs");
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs = records(&out);
    assert_eq!(recs.len(), 3);
    assert_eq!(recs[0]["title"], "测试标题");
    assert_eq!(recs[1]["error"]["kind"], "front_matter");
    let message = recs[1]["error"]["message"].as_str().expect("message");
    assert!(
        message.contains("b.txt") && message.contains("line"),
        "{message}"
    );
    assert_eq!(recs[2]["title"], "第三篇");
}

#[test]
fn output_is_identical_for_any_number_of_jobs() {
    let one = zhnews()
        .arg("clean")
        .arg(examples())
        .args(["--jobs", "1", "--quiet"])
        .output()
        .expect("runs");
    let four = zhnews()
        .arg("clean")
        .arg(examples())
        .args(["--jobs", "4", "--quiet"])
        .output()
        .expect("runs");
    assert!(!one.stdout.is_empty());
    assert_eq!(one.stdout, four.stdout);
    assert_eq!(one.status.code(), four.status.code());
    assert!(
        one.stderr.is_empty(),
        "--quiet prints nothing: {}",
        String::from_utf8_lossy(&one.stderr)
    );
}

#[test]
fn every_example_gives_exactly_one_line_in_input_order() {
    let out = zhnews()
        .arg("clean")
        .arg(examples())
        .arg("--quiet")
        .output()
        .expect("runs");
    let mut files: Vec<String> = std::fs::read_dir(examples())
        .expect("examples")
        .map(|e| e.expect("entry").file_name().to_string_lossy().to_string())
        .filter(|n| !n.starts_with('.'))
        .collect();
    files.sort();
    let recs = records(&out);
    assert_eq!(recs.len(), files.len());
    for (rec, file) in recs.iter().zip(&files) {
        let source = rec["source"].as_str().expect("source");
        assert!(source.ends_with(file.as_str()), "{source} vs {file}");
    }
}

#[test]
fn markdown_and_text_formats_are_for_reading() {
    let md = run_with_stdin(&["clean", "--format", "md"], DOC.as_bytes());
    let md = String::from_utf8(md.stdout).expect("utf-8");
    assert!(md.starts_with("# 测试标题\n"), "{md}");
    assert!(md.contains("测试网"));
    assert!(md.contains("会议持续了两个小时。"));
    let text = run_with_stdin(&["clean", "--format", "text"], DOC.as_bytes());
    let text = String::from_utf8(text.stdout).expect("utf-8");
    assert!(text.starts_with("测试标题\n"), "{text}");
    assert!(!text.contains('{'));
}

#[test]
fn keep_stripped_adds_the_removed_pieces_with_rules() {
    let doc = "---\ntitle: '测试'\n---\n<p>正文第一段。</p>\n<p class=\"article-editor\">责任编辑：张三</p>\n";
    let out = run_with_stdin(&["clean", "--keep-stripped"], doc.as_bytes());
    let recs = records(&out);
    let stripped = recs[0]["stripped"].as_array().expect("stripped present");
    assert!(
        stripped
            .iter()
            .all(|s| s["rule"].is_string() && s["text"].is_string())
    );
    let plain = run_with_stdin(&["clean"], doc.as_bytes());
    assert!(records(&plain)[0].get("stripped").is_none());
}

#[test]
fn bad_options_are_usage_errors() {
    for args in [
        ["clean", "--script", "latin"],
        ["clean", "--tz", "8"],
        ["clean", "--format", "xml"],
    ] {
        let out = zhnews().args(args).output().expect("runs");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zhnews-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn jsonl_shard() -> String {
    let mut lines = Vec::new();
    lines.push(serde_json::json!({"id": "doc-1", "text": DOC}).to_string());
    lines.push("{broken json".to_string());
    // GB18030 bytes of a short article, carried as base64 with an encoding label.
    let gbk: Vec<u8> = vec![
        0xb1, 0xea, 0xcc, 0xe2, 0x0a, 0x0a, 0xd5, 0xfd, 0xce, 0xc4, 0xa1, 0xa3, 0x0a,
    ];
    use base64_shim::encode;
    lines.push(serde_json::json!({"id": 3, "bytes": encode(&gbk), "encoding": "gbk"}).to_string());
    lines.join("\n") + "\n"
}

/// A tiny base64 encoder so the test needs no extra dependency.
mod base64_shim {
    pub fn encode(bytes: &[u8]) -> String {
        const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = String::new();
        for chunk in bytes.chunks(3) {
            let b = [
                chunk[0],
                *chunk.get(1).unwrap_or(&0),
                *chunk.get(2).unwrap_or(&0),
            ];
            let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
            for i in 0..4 {
                if i <= chunk.len() {
                    out.push(A[((n >> (18 - 6 * i)) & 63) as usize] as char);
                } else {
                    out.push('=');
                }
            }
        }
        out
    }
}

#[test]
fn jsonl_input_keeps_ids_and_row_alignment_even_for_bad_lines() {
    let out = run_with_stdin(
        &["clean", "--input", "jsonl", "--quiet"],
        jsonl_shard().as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    let recs = records(&out);
    assert_eq!(recs.len(), 3, "one output line per input line");
    assert_eq!(recs[0]["id"], "doc-1");
    assert_eq!(recs[0]["title"], "测试标题");
    assert_eq!(recs[1]["error"]["kind"], "input");
    assert!(
        recs[1]["source"]
            .as_str()
            .is_some_and(|s| s.ends_with(":2"))
    );
    assert_eq!(recs[2]["id"], "3");
    assert_eq!(recs[2]["encoding"], "GB18030");
    assert_eq!(recs[2]["title"], "标题");
}

#[test]
fn strict_stops_at_the_first_failure() {
    let out = run_with_stdin(
        &["clean", "--input", "jsonl", "--strict", "--quiet"],
        jsonl_shard().as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    let recs = records(&out);
    assert_eq!(recs.len(), 2, "stops after the failing record");
    assert!(recs[1].get("error").is_some());
}

#[test]
fn gzip_input_sharded_compressed_output_and_stats() {
    let dir = temp_dir("shards");
    let input = dir.join("in");
    std::fs::create_dir_all(input.join("part")).expect("dir");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(jsonl_shard().as_bytes()).expect("gzip");
    std::fs::write(
        input.join("part/shard.jsonl.gz"),
        gz.finish().expect("gzip"),
    )
    .expect("write");
    std::fs::write(input.join("one.txt"), DOC).expect("write");
    let out_dir = dir.join("out");
    let stats = dir.join("stats.json");
    let out = zhnews()
        .arg("clean")
        .arg(&input)
        .arg("-o")
        .arg(format!("{}/", out_dir.display()))
        .args([
            "--shard-size",
            "2",
            "--compress",
            "gz",
            "--quiet",
            "--stats",
        ])
        .arg(&stats)
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    assert!(out_dir.join("articles-00000.jsonl.gz").exists());
    assert!(out_dir.join("part/shard-00000.jsonl.gz").exists());
    assert!(out_dir.join("part/shard-00001.jsonl.gz").exists());
    let mut text = String::new();
    use std::io::Read;
    flate2::read::GzDecoder::new(
        std::fs::File::open(out_dir.join("part/shard-00001.jsonl.gz")).expect("open"),
    )
    .read_to_string(&mut text)
    .expect("gunzip");
    assert_eq!(text.lines().count(), 1);
    let stats: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&stats).expect("stats")).expect("json");
    assert_eq!(stats["documents"], 4);
    assert_eq!(stats["errors"], 1);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn dolma_format_puts_the_body_in_text_and_the_rest_in_metadata() {
    let mut child = zhnews()
        .args(["clean", "--format", "dolma", "--quiet"])
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(DOC.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("runs");
    let recs = records(&out);
    assert_eq!(
        recs[0]["text"],
        "3月1日上午，测试市召开会议。\n会议持续了两个小时。"
    );
    assert_eq!(recs[0]["source"], "zhnews");
    assert_eq!(recs[0]["created"], "2024-03-01T10:00:00+08:00");
    assert_eq!(recs[0]["added"], "2023-11-14T22:13:20Z");
    assert_eq!(recs[0]["metadata"]["title"], "测试标题");
    assert!(recs[0]["metadata"].get("paragraphs").is_none());
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let big: String = (0..2000)
        .map(|i| serde_json::json!({"id": i, "text": DOC}).to_string() + "\n")
        .collect();
    let mut child = zhnews()
        .args(["clean", "--input", "jsonl", "--quiet"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(big.as_bytes());
    });
    // Read one line, then close our end, as `| head -1` does.
    let mut stdout = child.stdout.take().expect("stdout");
    let mut first = [0u8; 64];
    use std::io::Read;
    let n = stdout.read(&mut first).expect("read");
    assert!(n > 0);
    drop(stdout);
    let out = child.wait_with_output().expect("finishes");
    writer.join().ok();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
}

#[test]
fn long_runs_of_blank_lines_in_jsonl_are_skipped_without_growing_the_stack() {
    let input =
        "\n".repeat(100_000) + &serde_json::json!({"id": "a", "text": DOC}).to_string() + "\n";
    let out = run_with_stdin(
        &["clean", "--input", "jsonl", "--quiet", "--jobs", "1"],
        input.as_bytes(),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(records(&out).len(), 1);
}

#[test]
fn a_record_source_field_names_the_record_and_exit_zero_keeps_engines_going() {
    let input =
        serde_json::json!({"id": "a", "source": "https://news.example.cn/a.html", "text": DOC})
            .to_string()
            + "\n{broken\n";
    let out = run_with_stdin(
        &["clean", "--input", "jsonl", "--quiet", "--exit-zero"],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0));
    let recs = records(&out);
    assert_eq!(recs[0]["source"], "https://news.example.cn/a.html");
    assert_eq!(recs[1]["error"]["kind"], "input");
}
