//! `cargo xtask corpus DIR [--script S]`: run the pipeline over every file under DIR and print a
//! quality table: documents, errors, paragraphs, mean paragraph length, the share of documents
//! with each metadata field, and the boilerplate rules that fired most.

use anyhow::{Context, Result, bail};
use std::collections::BTreeMap;
use std::path::PathBuf;
use zhnews::{Article, Input, Options, OutputScript};

/// Entry point.
pub fn run(args: &[String]) -> Result<()> {
    let mut dirs = Vec::new();
    let mut script = OutputScript::Hans;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        if arg == "--script" {
            let value = it.next().context("--script needs a value")?;
            script = value.parse().map_err(|e| anyhow::anyhow!("{e}"))?;
        } else {
            dirs.push(PathBuf::from(arg));
        }
    }
    if dirs.is_empty() {
        bail!("usage: cargo xtask corpus DIR [DIR…] [--script hans|hant|tw|hk|keep]");
    }
    let options = Options::default().script(script).keep_stripped(true);
    let mut stats = Stats::default();
    for dir in &dirs {
        if !dir.exists() {
            bail!("{}: no such file or folder", dir.display());
        }
        for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
            let entry = entry?;
            if !entry.file_type().is_file() {
                continue;
            }
            let name = entry.file_name().to_string_lossy();
            // Licence and readme files sit beside saved pages in conformance folders.
            if name.starts_with('.') || is_documentation(&name) {
                continue;
            }
            let bytes = std::fs::read(entry.path())?;
            let source = entry.path().display().to_string();
            stats.bytes += bytes.len();
            match Article::from_input(&Input::new(&bytes).source(&source), &options) {
                Ok(article) => stats.add(&article),
                Err(err) => {
                    stats.errors += 1;
                    println!("error: {source}: {err}");
                }
            }
        }
    }
    stats.print(&dirs);
    Ok(())
}

fn is_documentation(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    [
        "README", "LICENSE", "LICENCE", "COPYING", "AUTHORS", "NOTICE",
    ]
    .iter()
    .any(|p| upper.starts_with(p))
        || upper.ends_with(".JSON")
        || upper.ends_with(".JSONL")
}

#[derive(Default)]
struct Stats {
    documents: usize,
    errors: usize,
    bytes: usize,
    paragraphs: usize,
    paragraph_chars: usize,
    with_title: usize,
    with_date: usize,
    with_outlet: usize,
    with_editor: usize,
    with_images: usize,
    with_related: usize,
    with_translation: usize,
    rules: BTreeMap<String, usize>,
}

impl Stats {
    fn add(&mut self, article: &Article) {
        self.documents += 1;
        self.paragraphs += article.paragraphs.len();
        self.paragraph_chars += article
            .paragraphs
            .iter()
            .map(|p| p.chars().count())
            .sum::<usize>();
        self.with_title += usize::from(article.title.is_some());
        self.with_date += usize::from(article.published_at.is_some());
        self.with_outlet += usize::from(article.outlet.is_some());
        self.with_editor += usize::from(article.editor.is_some());
        self.with_images += usize::from(!article.images.is_empty());
        self.with_related += usize::from(!article.related.is_empty());
        self.with_translation += usize::from(article.translation.is_some());
        for removed in article.stripped.iter().flatten() {
            *self.rules.entry(removed.rule.clone()).or_default() += 1;
        }
    }

    fn print(&self, dirs: &[PathBuf]) {
        let total = self.documents + self.errors;
        let share = |n: usize| {
            if self.documents == 0 {
                "-".to_string()
            } else {
                format!("{:.0}% ({n})", 100.0 * n as f64 / self.documents as f64)
            }
        };
        let names: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
        println!("\ncorpus: {}", names.join(", "));
        println!("| measure | value |");
        println!("|---|---|");
        println!(
            "| documents | {total} ({:.2} MB) |",
            self.bytes as f64 / 1e6
        );
        println!("| errors | {} |", self.errors);
        println!("| paragraphs | {} |", self.paragraphs);
        let mean = if self.paragraphs == 0 {
            0.0
        } else {
            self.paragraph_chars as f64 / self.paragraphs as f64
        };
        println!("| mean paragraph length (chars) | {mean:.1} |");
        println!("| with title | {} |", share(self.with_title));
        println!("| with publish time | {} |", share(self.with_date));
        println!("| with outlet | {} |", share(self.with_outlet));
        println!("| with editor | {} |", share(self.with_editor));
        println!("| with images | {} |", share(self.with_images));
        println!("| with related | {} |", share(self.with_related));
        println!("| with translation | {} |", share(self.with_translation));
        let mut rules: Vec<(&String, &usize)> = self.rules.iter().collect();
        rules.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        println!("\n| boilerplate rule | removals |");
        println!("|---|---|");
        for (rule, count) in rules.into_iter().take(15) {
            println!("| {rule} | {count} |");
        }
    }
}
