//! `zhnews explain` end to end, on documents written for these tests.

use std::path::PathBuf;
use std::process::Command;

fn write_temp(name: &str, content: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zhnews-explain-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, content).expect("write temp file");
    path
}

fn explain(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_zhnews"))
        .arg("explain")
        .args(args)
        .output()
        .expect("run zhnews");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const FRAGMENT: &str = "---\ntitle: '河畔新桥通车'\nauthor: 河畔日报\n---\n\
<div><p class=\"ori_titlesource\">　　原标题：河畔新桥今日通车</p>\
<p>　　本报讯，河畔新桥今日上午正式通车，全长一千二百米，连接东西两岸。</p>\
<p>　　市民李女士说，过去过河要绕行半小时，如今几分钟就到了。</p>\
<!--article_adlist[<p><font>相关阅读</font></p>]article_adlist-->\
<p>　　去年十月，新桥主体结构完工。</p>\
<!--article_adlist[<p>举报/反馈</p>]article_adlist-->\
<div>扫码下载河畔日报APP，看更多本地新闻</div>\
<p class=\"article-editor\">责任编辑：林小溪_NF1234 </p></div>";

#[test]
fn marks_kept_and_stripped_parts_with_rules() {
    let path = write_temp("fragment.html", FRAGMENT);
    let (code, out, err) = explain(&[path.to_str().expect("utf-8 path")]);
    assert_eq!(code, 0, "stderr: {err}");
    assert!(out.contains("front matter skipped"), "{out}");
    assert!(out.contains("STRIP original-title"), "{out}");
    assert!(out.contains("原标题：河畔新桥今日通车"), "{out}");
    assert!(out.contains("KEEP paragraph"), "{out}");
    assert!(out.contains("本报讯，河畔新桥今日上午正式通车"), "{out}");
    assert!(out.contains("RELATED"), "{out}");
    assert!(out.contains("去年十月，新桥主体结构完工。"), "{out}");
    assert!(out.contains("STRIP app-promo"), "{out}");
    assert!(out.contains("STRIP editor-line"), "{out}");
    assert!(out.contains("林小溪"), "{out}");
    // in document order: the original title line comes before the body
    let a = out.find("原标题").expect("original title shown");
    let b = out.find("本报讯").expect("body shown");
    let c = out.find("责任编辑").expect("editor shown");
    assert!(a < b && b < c, "{out}");
    // not a terminal: no colour
    assert!(!out.contains('\u{1b}'), "{out}");
}

#[test]
fn colour_on_request() {
    let path = write_temp("colour.html", FRAGMENT);
    let (code, out, _) = explain(&["--color", "always", path.to_str().expect("utf-8 path")]);
    assert_eq!(code, 0);
    assert!(out.contains("\u{1b}[31m"), "stripped parts are red: {out}");
    assert!(out.contains("\u{1b}[32m"), "kept parts are green: {out}");
}

#[test]
fn text_dump_with_translation() {
    let dump = "首頁 > 地方\n\n河畔新橋通車\n\n發佈時間:2025-03-01 10:20:30 | 來源:河畔日報 | 作者: | 責任編輯:林小溪\n\n\
本報訊,河畔新橋今日上午正式通車,全長一千二百米。\n\n市民紛紛前來參觀,現場氣氛熱烈。本報記者 王小明 攝\n\n\
市民李女士說,過去過河要繞行半小時。\n\n\nRiverside bridge opens\n\nThe new Riverside bridge opened to traffic on Saturday morning.\n\n\
Residents said the crossing now takes only a few minutes.\n";
    let path = write_temp("dump.txt", dump);
    let (code, out, err) = explain(&[path.to_str().expect("utf-8 path")]);
    assert_eq!(code, 0, "stderr: {err}");
    assert!(out.contains("text, profile portal-dump"), "{out}");
    assert!(out.contains("STRIP breadcrumb"), "{out}");
    assert!(out.contains("STRIP meta-line"), "{out}");
    assert!(out.contains("KEEP image"), "{out}");
    assert!(out.contains("TRANSLATION title"), "{out}");
    assert!(out.contains("editors         林小溪"), "{out}");
}

#[test]
fn missing_file_is_an_io_error() {
    let (code, _, err) = explain(&["/nonexistent/zhnews/explain-input.html"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("zhnews explain: /nonexistent/zhnews/explain-input.html:"),
        "{err}"
    );
}

#[test]
fn unknown_profile_is_reported() {
    let path = write_temp("profile.html", FRAGMENT);
    let (code, _, err) = explain(&[
        "--profile",
        "nosuchportal",
        path.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown portal profile"), "{err}");
}
