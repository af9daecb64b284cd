//! `zhnews frontmatter`: JSON output with key order kept, `--yaml-only`, errors and exit codes.

use std::path::PathBuf;
use std::process::{Command, Output};

fn write(name: &str, content: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("frontmatter-cli");
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let path = dir.join(name);
    std::fs::write(&path, content).expect("write input");
    path
}

fn zhnews(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zhnews"))
        .arg("frontmatter")
        .args(args)
        .output()
        .expect("run zhnews")
}

#[test]
fn prints_front_matter_as_json_in_document_order() {
    let path = write(
        "feed.html",
        "\n---\ntitle: '江城地铁五号线今日通车'\ncategories: \n - 城市\n - 交通\nzeta: 1\nauthor: 江城晚报\ncomments: false\n---\n\n<p>正文</p>\n",
    );
    let out = zhnews(&["--compact", path.to_str().expect("utf-8 path")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8(out.stdout).expect("utf-8"),
        "{\"title\":\"江城地铁五号线今日通车\",\"categories\":[\"城市\",\"交通\"],\"zeta\":1,\"author\":\"江城晚报\",\"comments\":false}\n"
    );
}

#[test]
fn yaml_only_reads_a_bare_document() {
    let path = write("bare.yaml", "b: [1, 2.5, ~]\na: |\n  两行\n  文本\n");
    let out = zhnews(&[
        "--yaml-only",
        "--compact",
        path.to_str().expect("utf-8 path"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8(out.stdout).expect("utf-8"),
        "{\"b\":[1,2.5,null],\"a\":\"两行\\n文本\\n\"}\n"
    );
}

#[test]
fn no_front_matter_prints_null() {
    let path = write("plain.txt", "<p>只有正文</p>\n---\n");
    let out = zhnews(&[path.to_str().expect("utf-8 path")]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).expect("utf-8"), "null\n");
}

#[test]
fn document_error_exits_1_with_file_line_column() {
    let path = write("broken.md", "\n---\ntitle: 晚报\n\tauthor: 记者\n---\n");
    let out = zhnews(&[path.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).expect("utf-8");
    assert_eq!(
        err,
        format!(
            "zhnews frontmatter: {}:4:1: a tab cannot indent a mapping; use spaces\n",
            path.display()
        )
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn missing_file_exits_2() {
    let out = zhnews(&["/nonexistent/zhnews/frontmatter.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .starts_with("zhnews frontmatter: /nonexistent/zhnews/frontmatter.md: cannot read")
    );
}

#[test]
fn invalid_utf8_is_a_document_error() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("frontmatter-cli");
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let path = dir.join("gbk.md");
    std::fs::write(&path, b"---\ntitle: \xba\xa3\n---\n").expect("write");
    let out = zhnews(&[path.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not UTF-8"));
}
