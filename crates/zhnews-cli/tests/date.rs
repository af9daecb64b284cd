//! `zhnews date`: one line in, one JSON object out.

mod common;

use std::process::Output;

fn run(args: &[&str], stdin: &str) -> Output {
    let args: Vec<&str> = std::iter::once("date")
        .chain(args.iter().copied())
        .collect();
    common::run_with_stdin(&args, stdin.as_bytes())
}

fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn resolves_expressions_and_timestamps() {
    let out = run(
        &["--anchor", "2024-04-10T08:57:34+08:00"],
        "外交部4月9日下午举行记者会，12月2日另有安排\nSun, 04 Sep 2022 07:37:50 GMT\n發佈時間:2024-04-10 08:57:34\n上周五\n",
    );
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = lines(&out);
    assert_eq!(v.len(), 4);
    assert_eq!(v[0]["text"], "4月9日下午");
    assert_eq!(v[0]["start"], "2024-04-09T13:00:00+08:00");
    assert_eq!(v[0]["end"], "2024-04-09T18:00:00+08:00");
    assert_eq!(v[0]["precision"], "part_of_day");
    assert_eq!(v[1]["start"], "2022-09-04T07:37:50+00:00");
    assert_eq!(v[1]["end"], "2022-09-04T07:37:51+00:00");
    assert_eq!(v[1]["precision"], "second");
    assert_eq!(v[2]["start"], "2024-04-10T08:57:34+08:00");
    assert_eq!(v[3]["start"], "2024-04-05T00:00:00+08:00");
    assert_eq!(v[3]["precision"], "day");
}

#[test]
fn anchor_is_read_in_the_given_offset() {
    // 23:30 UTC on the 9th is the 10th in China: 今天 is the 10th.
    let out = run(&["--anchor", "2024-04-09T23:30:00Z"], "今天\n");
    assert!(out.status.success());
    assert_eq!(lines(&out)[0]["start"], "2024-04-10T00:00:00+08:00");
    let out = run(
        &["--anchor", "2024-04-09T23:30:00Z", "--tz", "+00:00"],
        "今天\n2024-04-10 08:00\n",
    );
    let v = lines(&out);
    assert_eq!(v[0]["start"], "2024-04-09T00:00:00+00:00");
    assert_eq!(v[1]["start"], "2024-04-10T08:00:00+00:00");
}

#[test]
fn unrecognised_lines_give_null_and_exit_1() {
    let out = run(
        &["--anchor", "2024-04-10T08:57:34+08:00"],
        "第9届论坛\nMon, 04 Sep 2022 07:37:50 GMT\n今天\n",
    );
    assert_eq!(out.status.code(), Some(1));
    let v = lines(&out);
    assert_eq!(v.len(), 3);
    assert!(v[0]["start"].is_null());
    assert!(v[1]["start"].is_null());
    assert_eq!(v[2]["precision"], "day");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("line 2") && err.contains("contradicts"),
        "{err}"
    );
}

#[test]
fn bad_anchor_is_a_usage_error() {
    let out = run(&["--anchor", "yesterday"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("RFC 3339"));
}
