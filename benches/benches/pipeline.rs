//! The whole pipeline, bytes to record, on the project's example articles (one core).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;
use zhnews::{Article, Options};

fn examples() -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/articles");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

fn bench(c: &mut Criterion) {
    let docs = examples();
    let bytes: usize = docs.iter().map(Vec::len).sum();
    let options = Options::default();
    // Build the converters once outside the timed loop, as a long batch would.
    for doc in &docs {
        let _ = Article::from_bytes(doc, &options);
    }
    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("examples/hans", |b| {
        b.iter(|| {
            for doc in &docs {
                let _ = black_box(Article::from_bytes(black_box(doc), &options));
            }
        })
    });
    let keep = Options::default().script(zhnews::OutputScript::Keep);
    group.bench_function("examples/keep", |b| {
        b.iter(|| {
            for doc in &docs {
                let _ = black_box(Article::from_bytes(black_box(doc), &keep));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
