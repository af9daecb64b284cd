//! `zhnews decode`: UTF-8 text on stdout; encoding, choice, malformed count and warnings on
//! stderr; exit codes 0 / 1 (--strict with malformed bytes) / 2 (usage or I/O).

mod common;

use std::path::PathBuf;
use std::process::Output;

const TEXT: &str = "本报讯，市图书馆今天起延长开放时间，方便市民下班后前来阅读。";

fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zhnews-decode-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write scratch file");
    path
}

fn zhnews(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let args: Vec<&str> = std::iter::once("decode")
        .chain(args.iter().copied())
        .collect();
    common::run_with_stdin(&args, stdin.unwrap_or_default())
}

fn gbk(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = zhnews_encoding::encoding_rs::GB18030.new_encoder();
    out.resize(
        encoder
            .max_buffer_length_from_utf8_without_replacement(text.len())
            .expect("size"),
        0,
    );
    let (_, _, written, _) = encoder.encode_from_utf8(text, &mut out, true);
    out.truncate(written);
    out
}

#[test]
fn gbk_file_is_detected_and_written_as_utf8() {
    let path = scratch("gbk.txt", &gbk(TEXT));
    let out = zhnews(&[path.to_str().expect("utf-8 path")], None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).expect("utf-8 stdout"), TEXT);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("GB18030 (detected), 0 malformed"), "{err}");
}

#[test]
fn lying_meta_is_reported_as_a_warning() {
    let page = format!("<meta charset=\"gb2312\"><p>{TEXT}</p>");
    let path = scratch("lying.html", page.as_bytes());
    let out = zhnews(&[path.to_str().expect("utf-8 path")], None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).expect("utf-8 stdout"), page);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("UTF-8 (detected)"), "{err}");
    assert!(
        err.contains("warning:") && err.contains("declares GB18030 but the bytes are valid UTF-8"),
        "{err}"
    );
}

#[test]
fn label_and_stdin() {
    let out = zhnews(&["--label", "gbk", "--tld", "cn", "-"], Some(&gbk(TEXT)));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).expect("utf-8 stdout"), TEXT);
    assert!(String::from_utf8_lossy(&out.stderr).contains("GB18030 (declared)"));
}

#[test]
fn unknown_label_is_a_usage_error() {
    let out = zhnews(&["--label", "klingon", "-"], Some(b"x"));
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("zhnews decode: --label: unknown encoding label \"klingon\""),
        "{err}"
    );
}

#[test]
fn missing_file_is_an_io_error() {
    let out = zhnews(&["/nonexistent/zhnews/file.txt"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("/nonexistent/zhnews/file.txt: cannot read")
    );
}

#[test]
fn strict_fails_on_malformed_bytes() {
    let mut bytes = gbk(TEXT);
    bytes.pop();
    let path = scratch("truncated.txt", &bytes);
    let p = path.to_str().expect("utf-8 path");
    let lenient = zhnews(&["--label", "gbk", p], None);
    assert_eq!(lenient.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&lenient.stderr).contains("1 malformed"));
    assert!(String::from_utf8_lossy(&lenient.stdout).ends_with('\u{FFFD}'));
    let strict = zhnews(&["--label", "gbk", "--strict", p], None);
    assert_eq!(strict.status.code(), Some(1));
}
