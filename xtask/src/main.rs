//! `cargo xtask <command>`: the project's workflows in Rust, so they run wherever cargo does.
//!
//! - `ci`: fmt check, clippy with warnings denied, all tests and doctests (what `.ci/run` runs).
//! - `bench [NAME]`: criterion benches, then each crate's side-by-side peer comparison.
//! - `fuzz [TARGET] [--seconds N]`: cargo-fuzz on the stable toolchain.
//! - `conformance [NAME]`: run the public conformance data in `../shared/peers` when present.
//! - `corpus DIR`: run the pipeline over a folder and print a quality table.
//! - `eval [--heldout]`: body/metadata quality on the saved portal pages (or on the held-out
//!   pages nobody tuned on), side by side with trafilatura.
//! - `engines [run|bench]`: the same job under Ray Data and PySpark, and throughput per face.
//! - `<crate> ARGS…`: a crate's own workflows (e.g. `cargo xtask script refresh`).

#![forbid(unsafe_code)]

mod ci;
mod corpus;
mod date;
mod encoding;
mod engines;
mod frontmatter;
mod fuzz;
mod heldout;
mod script;
mod strip;
mod util;

use anyhow::{Result, bail};

type Job = fn(&[String]) -> Result<()>;

const JOBS: [(&str, Job); 5] = [
    ("encoding", encoding::run),
    ("frontmatter", frontmatter::run),
    ("script", script::run),
    ("date", date::run),
    ("strip", strip::run),
];

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match dispatch(&args) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("xtask: {err:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn dispatch(args: &[String]) -> Result<()> {
    let Some((command, rest)) = args.split_first() else {
        bail!(
            "usage: cargo xtask <ci|bench|engines|fuzz|conformance|corpus|eval|encoding|frontmatter|script|date|strip> [ARGS…]"
        );
    };
    match command.as_str() {
        "ci" => ci::run(rest),
        "fuzz" => fuzz::run(rest),
        "corpus" => corpus::run(rest),
        "eval" => strip::run(&[&["eval".to_string()], rest].concat()),
        "bench" => bench(rest),
        "engines" => engines::run(rest),
        "conformance" => for_each_job(rest.first().map(String::as_str), "conformance"),
        other => match JOBS.iter().find(|(name, _)| *name == other) {
            Some((_, job)) => job(rest),
            None => bail!("unknown command {other:?}"),
        },
    }
}

/// Criterion benches, then every crate's side-by-side peer run, then the engine faces.
/// `cargo xtask bench NAME` runs one of them (a crate name, `pipeline` or `engines`).
fn bench(rest: &[String]) -> Result<()> {
    const CRITERION: [&str; 6] = [
        "encoding",
        "frontmatter",
        "strip",
        "script",
        "date",
        "pipeline",
    ];
    let only = rest.first().map(String::as_str);
    if only.is_none_or(|o| CRITERION.contains(&o)) {
        let mut cmd = util::cargo();
        cmd.args(["bench", "-p", "zhnews-benches"]);
        if let Some(name) = only {
            cmd.args(["--bench", name]);
        }
        util::run_cmd(&mut cmd)?;
    }
    if only.is_none_or(|o| JOBS.iter().any(|(name, _)| *name == o)) {
        for_each_job(only, "peers")?;
    }
    if only.is_none_or(|o| o == "engines") {
        println!("\n== engines bench");
        engines::run(&["bench".to_string()])?;
    }
    Ok(())
}

fn for_each_job(only: Option<&str>, what: &str) -> Result<()> {
    let mut failed = Vec::new();
    for (name, job) in JOBS {
        if only.is_some_and(|o| o != name) {
            continue;
        }
        println!("\n== {name} {what}");
        if let Err(err) = job(&[what.to_string()]) {
            eprintln!("xtask: {name} {what}: {err:#}");
            failed.push(name);
        }
    }
    if !failed.is_empty() {
        bail!("{what} failed for: {}", failed.join(", "));
    }
    Ok(())
}
