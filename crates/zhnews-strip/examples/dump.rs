//! Prints what `strip` makes of a file: `cargo run -p zhnews-strip --example dump FILE…`.
//! A leading `---` front matter block is skipped.

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut code = ExitCode::SUCCESS;
    for path in std::env::args().skip(1) {
        let Ok(bytes) = std::fs::read(&path) else {
            eprintln!("dump: {path}: cannot read");
            code = ExitCode::from(2);
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        let body = skip_front_matter(&text);
        match zhnews_strip::strip(body, &zhnews_strip::Options::default()) {
            Ok(s) => {
                println!("== {path}: kind {} profile {:?}", s.kind, s.profile);
                println!("meta: {:#?}", s.meta);
                for b in &s.blocks {
                    println!("  BLOCK {b:?}");
                }
                for r in &s.related {
                    println!("  RELATED {r:?}");
                }
                if let Some(t) = &s.translation {
                    println!(
                        "  TRANSLATION title {:?}, {} paragraphs",
                        t.title,
                        t.paragraphs.len()
                    );
                }
                for r in &s.removed {
                    let short: String = r.text.chars().take(60).collect();
                    println!("  REMOVED [{}] {short}", r.rule);
                }
            }
            Err(e) => {
                eprintln!("dump: {path}: {e}");
                code = ExitCode::from(1);
            }
        }
    }
    code
}

fn skip_front_matter(text: &str) -> &str {
    let t = text.trim_start();
    if let Some(rest) = t.strip_prefix("---") {
        if let Some(end) = rest.find("\n---") {
            return &rest[end + 4..];
        }
    }
    text
}
