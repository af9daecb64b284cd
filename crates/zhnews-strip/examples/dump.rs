//! Prints what `strip` makes of a file: `cargo run -p zhnews-strip --example dump FILE…`.
//! A leading `---` front matter block is skipped.

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut code = ExitCode::SUCCESS;
    let summary = std::env::args().any(|a| a == "--summary");
    for path in std::env::args().skip(1).filter(|a| a != "--summary") {
        let Ok(bytes) = std::fs::read(&path) else {
            eprintln!("dump: {path}: cannot read");
            code = ExitCode::from(2);
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        let body = skip_front_matter(&text);
        match zhnews_strip::strip(body, &zhnews_strip::Options::default()) {
            Ok(s) if summary => {
                let paras: Vec<String> = s
                    .blocks
                    .iter()
                    .filter(|b| matches!(b, zhnews_strip::Block::Paragraph(_)))
                    .map(|b| b.text())
                    .collect();
                let cut = |t: &str| t.chars().take(30).collect::<String>();
                println!(
                    "== {path} [{}] profile {:?}\n   title {:?}\n   time {:?} outlet {:?} editors {:?} authors {:?}\n   blocks {} paras {} chars {} related {} removed {}\n   first {:?}\n   last  {:?}",
                    s.kind,
                    s.profile,
                    s.meta.title,
                    s.meta.published,
                    s.meta.outlet,
                    s.meta.editors,
                    s.meta.authors,
                    s.blocks.len(),
                    paras.len(),
                    paras.iter().map(|p| p.chars().count()).sum::<usize>(),
                    s.related.len(),
                    s.removed.len(),
                    paras.first().map(|p| cut(p)),
                    paras.last().map(|p| cut(p)),
                );
            }
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
