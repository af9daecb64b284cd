//! Script conversion throughput, zhnews-script side by side with the Rust peers (zhconv,
//! opencc-fmmseg) and memcpy of the same text as the ceiling.
//!
//! Input: `ZHNEWS_BENCH_TRAD` / `ZHNEWS_BENCH_SIMP` (files), else the dense benchmark text in
//! `../shared/bench` when present, else text generated from the vendored OpenCC phrase
//! list; each repeated in memory to at least `ZHNEWS_BENCH_MB` (default 20) MB.
//!
//! `cargo bench -p zhnews-benches --bench script` runs criterion. With
//! `ZHNEWS_BENCH_TABLE=1` it instead times each converter in-process (CPU time of all
//! threads, best of `ZHNEWS_BENCH_ROUNDS` rounds, default 5, the converters taking turns)
//! and prints one JSON line per measurement, which `cargo xtask bench` /
//! `cargo xtask script peers` turn into a table with OpenCC itself.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use zhnews_script::{Config, Converter};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

fn target_bytes() -> usize {
    let mb = std::env::var("ZHNEWS_BENCH_MB")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(20);
    mb.max(1) << 20
}

fn repeat_to(unit: &str, bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + unit.len());
    while out.len() < bytes && !unit.is_empty() {
        out.push_str(unit);
        if !unit.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

/// Simplified text made from the vendored OpenCC phrase list: phrases in a fixed
/// pseudo-random order, joined into sentences with punctuation, digits and some Latin.
fn generated_simplified() -> String {
    let path = workspace().join("crates/zhnews-script/data/opencc/dictionary/STPhrases.txt");
    let dict = std::fs::read_to_string(path).unwrap_or_default();
    let phrases: Vec<&str> = dict
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .filter(|k| !k.is_empty())
        .collect();
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut out = String::new();
    for i in 0..phrases.len().max(1) * 2 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        if let Some(p) = phrases.get((seed % phrases.len().max(1) as u64) as usize) {
            out.push_str(p);
        }
        out.push_str(match i % 23 {
            7 => "，",
            15 => "。",
            22 => "。\n",
            11 => " 2024 年 ",
            19 => "（CCTV）",
            _ => "",
        });
    }
    out
}

/// (Traditional input for t2s, Simplified input for s2t, where they came from)
pub fn inputs() -> (String, String, String) {
    let bytes = target_bytes();
    let env = |k: &str| std::env::var_os(k).map(PathBuf::from);
    let shared = workspace().parent().map(|p| p.join("shared/bench"));
    let pick = |var: &str, name: &str| -> Option<(String, String)> {
        let path = env(var).or_else(|| {
            shared
                .as_ref()
                .map(|d| d.join(name))
                .filter(|p| p.is_file())
        })?;
        let text = std::fs::read_to_string(&path).ok()?;
        Some((text, path.display().to_string()))
    };
    match (
        pick("ZHNEWS_BENCH_TRAD", "trad-dense-unique.txt"),
        pick("ZHNEWS_BENCH_SIMP", "simp-dense-unique.txt"),
    ) {
        (Some((trad, tp)), Some((simp, sp))) => (
            repeat_to(&trad, bytes),
            repeat_to(&simp, bytes),
            format!("{tp} + {sp}"),
        ),
        _ => {
            let simp = generated_simplified();
            let trad = Converter::new(Config::S2tw).convert(&simp);
            (
                repeat_to(&trad, bytes),
                repeat_to(&simp, bytes),
                "generated from OpenCC STPhrases".to_owned(),
            )
        }
    }
}

type Conv<'a> = Box<dyn Fn(&str) -> String + 'a>;

fn converters(config: Config) -> Vec<(&'static str, Conv<'static>)> {
    let ours = Converter::new(config);
    let variant = if config == Config::T2s {
        zhconv::Variant::ZhHans
    } else {
        zhconv::Variant::ZhHant
    };
    let zh = zhconv::get_builtin_converter(variant);
    let fmm = opencc_fmmseg::OpenCC::new();
    let name = config.name();
    vec![
        ("zhnews-script", Box::new(move |t: &str| ours.convert(t))),
        ("zhconv 0.4", Box::new(move |t: &str| zh.convert(t))),
        (
            "opencc-fmmseg 0.13",
            Box::new(move |t: &str| fmm.convert(t, name, false)),
        ),
        ("memcpy", Box::new(|t: &str| t.to_owned())),
    ]
}

/// CPU time of the process: the nanoseconds of /proc/self/task/*/schedstat summed over its
/// threads (a peer may convert on a thread pool), else the 10 ms ticks of /proc/self/stat
/// (user + system); None off Linux (wall time then).
fn cpu_time() -> Option<Duration> {
    let threads = std::fs::read_dir("/proc/self/task").ok().map(|dir| {
        dir.filter_map(|t| {
            let stat = std::fs::read_to_string(t.ok()?.path().join("schedstat")).ok()?;
            stat.split_whitespace().next()?.parse::<u64>().ok()
        })
        .sum::<u64>()
    });
    if let Some(ns) = threads.filter(|&ns| ns > 0) {
        return Some(Duration::from_nanos(ns));
    }
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_micros(ticks * 10_000))
}

/// Shortest timed round, in seconds: long enough for a coarse CPU clock to be read to ±2%.
const MIN_ROUND_SECONDS: f64 = 0.2;

fn table() {
    let (trad, simp, source) = inputs();
    let rounds = std::env::var("ZHNEWS_BENCH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5usize);
    eprintln!(
        "script bench: {source}, {} / {} bytes",
        trad.len(),
        simp.len()
    );
    for (config, text) in [(Config::T2s, &trad), (Config::S2t, &simp)] {
        let reference = Converter::new(config).convert(text);
        // The xtask times OpenCC itself on exactly this text and compares its output to ours.
        if let Some(dir) = std::env::var_os("ZHNEWS_BENCH_DUMP").map(PathBuf::from) {
            let _ = std::fs::write(dir.join(format!("{config}.in.txt")), text.as_bytes());
            let _ = std::fs::write(dir.join(format!("{config}.out.txt")), reference.as_bytes());
        }
        // Rounds go round the converters in turn, so that a busy spell of the machine falls
        // on all of them alike; each keeps its best round.
        let convs = converters(config);
        let mut best = vec![(f64::MAX, f64::MAX, false); convs.len()];
        for _ in 0..rounds.max(1) {
            for ((_, conv), best) in convs.iter().zip(best.iter_mut()) {
                // The CPU clock may move in coarse steps (4 ms on some kernels): a fast
                // converter (memcpy) repeats until a round lasts long enough to read it.
                let probe = Instant::now();
                best.2 = black_box(conv(black_box(text))) == reference;
                let once = probe.elapsed().as_secs_f64().max(1e-6);
                let times = (MIN_ROUND_SECONDS / once).ceil().clamp(1.0, 10_000.0) as usize;
                let c0 = cpu_time();
                let t0 = Instant::now();
                for _ in 0..times {
                    black_box(conv(black_box(text)));
                }
                let wall = t0.elapsed().as_secs_f64();
                let cpu = match (c0, cpu_time()) {
                    (Some(a), Some(b)) if b > a => (b - a).as_secs_f64(),
                    _ => wall,
                };
                best.0 = best.0.min(cpu.max(1e-6) / times as f64);
                best.1 = best.1.min(wall.max(1e-6) / times as f64);
            }
        }
        let mb = text.len() as f64 / 1e6;
        for ((name, _), (best_cpu, best_wall, same)) in convs.iter().zip(best) {
            println!(
                "{{\"config\":\"{config}\",\"name\":\"{name}\",\"bytes\":{},\"cpu_mb_s\":{:.1},\"wall_mb_s\":{:.1},\"same_as_zhnews\":{same}}}",
                text.len(),
                mb / best_cpu,
                mb / best_wall
            );
        }
    }
}

fn bench(c: &mut Criterion) {
    if std::env::var_os("ZHNEWS_BENCH_TABLE").is_some() {
        table();
        return;
    }
    let (trad, simp, source) = inputs();
    eprintln!("script bench input: {source}");
    for (config, text) in [(Config::T2s, &trad), (Config::S2t, &simp)] {
        let mut group = c.benchmark_group(format!("script/{config}"));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.sample_size(10);
        group.measurement_time(Duration::from_secs(8));
        for (name, conv) in converters(config) {
            group.bench_function(name, |b| b.iter(|| conv(black_box(text))));
        }
        group.finish();
    }
    let detect_input = &simp[..simp.len().min(4 << 20)];
    let mut group = c.benchmark_group("script/detect");
    group.throughput(Throughput::Bytes(detect_input.len() as u64));
    group.sample_size(10);
    group.bench_function("zhnews-script", |b| {
        b.iter(|| zhnews_script::detect(black_box(detect_input)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
