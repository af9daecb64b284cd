//! The committed `data/opencc/opencc.compiled` must be what the vendored dictionaries and
//! configs compile to today. If this fails, run `cargo xtask script refresh --offline`
//! (or `cargo run -p zhnews-script --example opencc_compile`) and commit the result.

#[path = "../tools/compile.rs"]
mod compile;

use std::path::Path;

fn data_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data/opencc"))
}

#[test]
fn header_records_the_current_sources() {
    let header = zhnews_script::tables_header();
    assert!(header.starts_with("# DO NOT EDIT"), "{header}");
    let fingerprint = compile::sources_fingerprint(data_dir()).expect("sources readable");
    let expected = format!("sources fnv1a64 {fingerprint:016x}");
    assert!(
        header.contains(&expected),
        "the embedded tables were compiled from other sources ({expected} not in {header:?}); \
         regenerate them with `cargo xtask script refresh --offline`"
    );
}

#[test]
fn compiled_tables_are_current() {
    let version = std::fs::read_to_string(data_dir().join("VERSION")).expect("VERSION");
    let version = version.lines().next().expect("version line");
    let fresh = compile::compile(data_dir(), version).expect("dictionaries compile");
    let committed = std::fs::read(data_dir().join("opencc.compiled")).expect("compiled file");
    assert!(
        fresh == committed,
        "data/opencc/opencc.compiled is stale; regenerate it with `cargo xtask script refresh --offline`"
    );
}
