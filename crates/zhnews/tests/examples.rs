//! Whole-article snapshots of the project's example articles through the pipeline.
//!
//! Each file in `examples/articles` is cleaned with the default options (`--script hans`) and
//! its record, or its error, is pinned as a snapshot in `tests/snapshots/`. Review changes with
//! `cargo insta review` (or `INSTA_UPDATE=always cargo test` and read the diff).

use std::path::{Path, PathBuf};
use zhnews::{Article, Input, Options};

fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles")
}

fn example_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(examples_dir())
        .expect("examples/articles exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

fn clean(path: &Path) -> Result<Article, zhnews::Error> {
    let bytes = std::fs::read(path).expect("example is readable");
    let name = path.file_name().expect("file name").to_string_lossy();
    let source = format!("examples/articles/{name}");
    Article::from_input(&Input::new(&bytes).source(&source), &Options::default())
}

#[test]
fn every_example_matches_its_snapshot() {
    let files = example_files();
    assert!(
        files.len() >= 8,
        "expected at least 8 example articles, found {}",
        files.len()
    );
    for path in files {
        let name = path
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .to_string();
        match clean(&path) {
            Ok(article) => insta::assert_json_snapshot!(name, article),
            Err(err) => {
                insta::assert_snapshot!(name, format!("error kind={} message={err}", err.kind()))
            }
        }
    }
}

#[test]
fn the_broken_front_matter_example_is_an_error_naming_line_and_column() {
    let broken: Vec<PathBuf> = example_files()
        .into_iter()
        .filter(|p| p.to_string_lossy().contains("broken-frontmatter"))
        .collect();
    assert!(
        !broken.is_empty(),
        "an example with broken front matter exists"
    );
    for path in broken {
        let err = clean(&path).expect_err("broken front matter is an error");
        assert_eq!(err.kind(), "front_matter");
        let message = err.to_string();
        assert!(message.contains("line "), "{message}");
        assert!(message.contains("column "), "{message}");
    }
}

#[test]
fn legacy_encodings_decode_to_the_same_kind_of_record() {
    for path in example_files() {
        let name = path.to_string_lossy().to_string();
        let expected = if name.contains("-gbk") {
            "GB18030"
        } else if name.contains("-big5") {
            "Big5"
        } else {
            continue;
        };
        let article = clean(&path).expect("legacy-encoded example cleans");
        assert_eq!(article.encoding, expected, "{name}");
        assert!(article.title.is_some(), "{name} has a title");
        assert!(!article.paragraphs.is_empty(), "{name} has paragraphs");
        assert!(
            article.text.chars().all(|c| c != '\u{FFFD}'),
            "{name} decodes without replacement"
        );
    }
}
