//! `zhnews explain FILE`: the document in order, each piece marked as kept,
//! stripped (with the rule), related or translation, then the metadata found.

use std::fmt::Write as _;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use zhnews_strip::{Block, InputKind, Options, Trace};

use super::io::{read_input, write_stdout};

/// When to colour the output.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Color {
    /// Colour when stdout is a terminal.
    Auto,
    /// Always colour (ANSI escapes).
    Always,
    /// Never colour.
    Never,
}

/// Arguments of `zhnews explain`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The document (`-` for stdin); front matter is skipped.
    pub file: PathBuf,
    /// Input kind instead of detecting it: html-fragment, html-page or text.
    #[arg(long)]
    pub kind: Option<InputKind>,
    /// Force a portal profile by name (e.g. sina, 163, portal-dump).
    #[arg(long)]
    pub profile: Option<String>,
    /// The document's address (helps pick the portal profile).
    #[arg(long)]
    pub url: Option<String>,
    /// Colour the output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
}

struct Paint {
    on: bool,
}

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

/// Runs `zhnews explain`.
pub fn run(args: Args) -> ExitCode {
    let name = args.file.display().to_string();
    let bytes = match read_input(&args.file) {
        Ok(b) => b,
        Err(err) => {
            eprintln!("zhnews explain: {name}: cannot read: {err}");
            return ExitCode::from(2);
        }
    };
    let decoded = zhnews_encoding::decode(&bytes, zhnews_encoding::Hint::new());
    let split = zhnews_frontmatter::split(&decoded.text);
    let options = Options {
        kind: args.kind,
        profile: args.profile.clone(),
        url: args.url.clone(),
        ..Options::default()
    };
    let traced = match zhnews_strip::strip_traced(split.body, &options) {
        Ok(t) => t,
        Err(err) => {
            eprintln!("zhnews explain: {name}: {err}");
            // a wrong profile name is a usage error; an oversized input is the document's
            let usage = matches!(
                err,
                zhnews_strip::Error::UnknownProfile { .. }
                    | zhnews_strip::Error::UnknownKind { .. }
            );
            return ExitCode::from(if usage { 2 } else { 1 });
        }
    };
    let paint = Paint {
        on: match args.color {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => {
                std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
            }
        },
    };
    let out = render(&name, &traced, split.front_matter.is_some(), &paint);
    match write_stdout(out.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("zhnews explain: stdout: {err}");
            ExitCode::from(2)
        }
    }
}

fn render(name: &str, traced: &zhnews_strip::Traced, front_matter: bool, p: &Paint) -> String {
    let s = &traced.stripped;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {name}: {}{}{}",
        p.wrap("1", "explain"),
        s.kind,
        s.profile
            .as_deref()
            .map(|x| format!(", profile {x}"))
            .unwrap_or_default(),
        if front_matter {
            ", front matter skipped"
        } else {
            ""
        },
    );
    let (mut kept, mut stripped) = (0usize, 0usize);
    for step in &traced.trace {
        let (tag, code) = match &step.went {
            Trace::Block(i) => {
                kept += 1;
                let what = match s.blocks.get(*i) {
                    Some(Block::Heading { level, .. }) => format!("KEEP heading h{level}"),
                    Some(Block::Paragraph(_)) => "KEEP paragraph".to_string(),
                    Some(Block::Image(img)) => {
                        format!(
                            "KEEP image{}",
                            img.url
                                .as_deref()
                                .map(|u| format!(" {u}"))
                                .unwrap_or_default()
                        )
                    }
                    Some(Block::List { .. }) => "KEEP list item".to_string(),
                    Some(Block::Quote(_)) => "KEEP quote".to_string(),
                    None => "KEEP".to_string(),
                };
                (what, "32")
            }
            Trace::Removed(i) => {
                stripped += 1;
                let rule = s.removed.get(*i).map_or("?", |r| r.rule.as_str());
                (format!("STRIP {rule}"), "31")
            }
            Trace::Related(_) => ("RELATED".to_string(), "33"),
            Trace::Translation(None) => ("TRANSLATION title".to_string(), "36"),
            Trace::Translation(Some(_)) => ("TRANSLATION".to_string(), "36"),
        };
        let text = if step.text.is_empty() {
            "(picture)".to_string()
        } else {
            step.text.clone()
        };
        let _ = writeln!(out, "{} | {}", p.wrap(code, &format!("{tag:<24}")), text);
    }
    let m = &s.meta;
    let _ = writeln!(out, "{}", p.wrap("1", "metadata"));
    let mut field = |k: &str, v: String| {
        if !v.is_empty() {
            let _ = writeln!(out, "  {} {v}", p.wrap("34", &format!("{k:<15}")));
        }
    };
    field("title", m.title.clone().unwrap_or_default());
    field(
        "original_title",
        m.original_title.clone().unwrap_or_default(),
    );
    field("published", m.published.clone().unwrap_or_default());
    field("outlet", m.outlet.clone().unwrap_or_default());
    field("authors", m.authors.join("、"));
    field("editors", m.editors.join("、"));
    field("breadcrumb", m.breadcrumb.join(" > "));
    field("lead_image", m.lead_image.clone().unwrap_or_default());
    field("description", m.description.clone().unwrap_or_default());
    field("keywords", m.keywords.join(", "));
    field("url", m.url.clone().unwrap_or_default());
    let _ = writeln!(
        out,
        "{} {kept} kept, {stripped} stripped, {} related, translation: {}",
        p.wrap("1", "summary"),
        s.related.len(),
        s.translation
            .as_ref()
            .map_or("none".to_string(), |t| format!(
                "{} ({} paragraphs)",
                t.lang,
                t.paragraphs.len()
            )),
    );
    out
}
