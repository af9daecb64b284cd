//! What the `zhnews clean` tests share: running the built binary and reading its records.
#![allow(dead_code)] // each test file uses its own subset

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// The built `zhnews` binary.
pub fn zhnews() -> Command {
    Command::new(env!("CARGO_BIN_EXE_zhnews"))
}

/// The project's example articles.
pub fn examples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles")
}

/// Runs `zhnews ARGS` with `stdin` as its standard input (written from another thread, so a
/// large input cannot deadlock against a full stdout pipe).
pub fn run_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = zhnews()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("zhnews starts");
    let mut input = child.stdin.take().expect("stdin");
    let owned = stdin.to_vec();
    let writer = std::thread::spawn(move || input.write_all(&owned));
    let output = child.wait_with_output().expect("zhnews finishes");
    // A usage error exits before reading stdin: a closed pipe is not a test failure.
    match writer.join().expect("writer thread") {
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => {}
        other => other.expect("stdin written"),
    }
    output
}

/// The JSON records on stdout, one per line.
pub fn records(output: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(output.stdout.clone())
        .expect("utf-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}
