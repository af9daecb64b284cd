//! Quick throughput check of one config on a file, repeated to 20 MB:
//! `cargo run --release -p zhnews-script --example throughput -- t2s FILE`.
//! (The side-by-side comparison with peers is `cargo xtask script peers`.)
//! `ZHNEWS_OUT=FILE` also writes the converted text, to compare two builds byte for byte.

use std::time::Instant;
use zhnews_script::{Config, Converter};

fn main() {
    let mut args = std::env::args().skip(1);
    let config: Config = args
        .next()
        .and_then(|c| c.parse().ok())
        .unwrap_or(Config::T2s);
    let Some(text) = args.next().and_then(|p| std::fs::read_to_string(p).ok()) else {
        eprintln!("usage: throughput CONFIG FILE");
        return;
    };
    let mb: usize = std::env::var("ZHNEWS_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let rounds: usize = std::env::var("ZHNEWS_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let mut big = String::new();
    while big.len() < mb << 20 {
        big.push_str(&text);
    }
    let converter = Converter::new(config);
    // For comparing builds byte for byte: the converted text of one round.
    if let Some(path) = std::env::var_os("ZHNEWS_OUT") {
        if let Err(err) = std::fs::write(&path, converter.convert(&big)) {
            eprintln!("cannot write {}: {err}", path.to_string_lossy());
        }
    }
    let mut rates = Vec::new();
    for _ in 0..rounds {
        let (t0, c0) = (Instant::now(), cpu_seconds());
        let out = converter.convert(&big);
        let (wall, cpu) = (t0.elapsed().as_secs_f64(), cpu_seconds() - c0);
        let mb = big.len() as f64 / 1e6;
        println!(
            "{config}: {:.1} MB/s CPU, {:.1} MB/s wall ({} bytes out)",
            mb / cpu,
            mb / wall,
            out.len()
        );
        rates.push(mb / cpu);
    }
    rates.sort_by(f64::total_cmp);
    if let (Some(best), Some(median)) = (rates.last(), rates.get(rates.len() / 2)) {
        println!("{config}: best {best:.1} MB/s, median {median:.1} MB/s CPU");
    }
}

/// CPU time of this thread in seconds: nanoseconds from /proc/thread-self/schedstat where
/// available, else the 10 ms ticks of /proc/self/stat (Linux only), so a busy machine
/// does not skew the rate.
fn cpu_seconds() -> f64 {
    if let Some(ns) = std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
    {
        return ns / 1e9;
    }
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or("", |r| r.1)
        .split_whitespace()
        .collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}
