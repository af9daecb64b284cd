//! Front matter: split + parse of a document shaped like the Hexo-style feed exports
//! (blank line, `---`, quoted title, `- ` list one space in, RFC 2822 date), with
//! gray_matter and saphyr measured in the same run; and throughput on a large generated
//! front matter. `cargo xtask frontmatter peers` prints the summary table.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use saphyr::LoadableYamlNode as _;
use std::hint::black_box;
use std::time::Duration;

/// Our own article in the shape of the feed exports: a blank line before the fence,
/// single-quoted values, `- ` items one space in, and an HTML body.
fn seed_shaped() -> String {
    let mut doc = String::from(
        "\n---\ntitle: '沿海港口新航线开通 首批货轮顺利靠泊'\ncategories: \n - 新媒体\n - 海港日报\n - 首页\n\
         headimg: 'https://img.example.cn/news/port/2024/03/15/20240315081500123.jpg'\n\
         author: 海港日报\ncomments: false\ndate: Fri, 15 Mar 2024 08:15:00 GMT\n\
         thumbnail: 'https://img.example.cn/news/port/2024/03/15/20240315081500123.jpg'\n---\n\n<div>\n",
    );
    for i in 0..12 {
        doc.push_str(&format!(
            "<p>\n本报讯 第{i}段：记者从市港务局获悉，新开通的远洋航线今天迎来首批货轮，港区各项作业有序进行，预计全年吞吐量将明显增长。\n</p>\n"
        ));
    }
    doc.push_str("</div>\n");
    doc
}

/// A large front matter using every construct the parser supports.
fn large(entries: usize) -> String {
    let mut doc = String::from("---\n");
    for i in 0..entries {
        match i % 6 {
            0 => doc.push_str(&format!("title_{i}: '第{i}篇 港口新闻：航线开通'\n")),
            1 => doc.push_str(&format!(
                "tags_{i}:\n  - 经济\n  - 交通\n  - \"编号 {i}\\t完\"\n"
            )),
            2 => doc.push_str(&format!(
                "meta_{i}:\n  count: {i}\n  ratio: 0.{i}5\n  draft: false\n  empty: ~\n"
            )),
            3 => doc.push_str(&format!(
                "summary_{i}: >-\n  第一行摘要文字，\n  第二行摘要文字。\n\n  新段落 {i}\n"
            )),
            4 => doc.push_str(&format!("flow_{i}: {{a: 1, b: [x, y, \"z\"], c: 新闻}}\n")),
            _ => doc.push_str(&format!("plain_{i}: 记者 王{i} 报道 multi word value\n")),
        }
    }
    doc.push_str("---\nbody\n");
    doc
}

fn bench(c: &mut Criterion) {
    let doc = seed_shaped();
    // gray_matter misses front matter after a leading blank line, so it is given the
    // document without it, to measure it doing the same work.
    let doc_gm = doc.trim_start_matches('\n').to_string();
    let ours = zhnews_frontmatter::split(&doc)
        .front_matter
        .and_then(|fm| fm.parse().ok());
    assert_eq!(
        ours.as_ref()
            .and_then(|v| v.get("author"))
            .and_then(|v| v.as_str()),
        Some("海港日报")
    );
    let matter = gray_matter::Matter::<gray_matter::engine::YAML>::new();
    let gm = matter
        .parse::<gray_matter::Pod>(&doc_gm)
        .ok()
        .and_then(|p| p.data);
    assert!(gm.is_some(), "gray_matter found no front matter");

    let mut group = c.benchmark_group("frontmatter_seed_shaped");
    group.throughput(Throughput::Bytes(doc.len() as u64));
    group.bench_function("zhnews", |b| {
        b.iter(|| {
            let split = zhnews_frontmatter::split(black_box(&doc));
            split.front_matter.map(|fm| fm.parse())
        })
    });
    group.bench_function("gray_matter", |b| {
        b.iter(|| matter.parse::<gray_matter::Pod>(black_box(&doc_gm)))
    });
    // saphyr has no splitter: our split finds the block, saphyr parses it.
    group.bench_function("saphyr", |b| {
        b.iter(|| {
            let split = zhnews_frontmatter::split(black_box(&doc));
            split
                .front_matter
                .map(|fm| saphyr::Yaml::load_from_str(fm.raw))
        })
    });
    group.finish();

    let big = large(3000);
    assert!(
        zhnews_frontmatter::split(&big)
            .front_matter
            .map(|fm| fm.parse().is_ok())
            == Some(true)
    );
    let mut group = c.benchmark_group("frontmatter_large");
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(4));
    group.bench_function("zhnews", |b| {
        b.iter(|| {
            let split = zhnews_frontmatter::split(black_box(&big));
            split.front_matter.map(|fm| fm.parse())
        })
    });
    group.bench_function("saphyr", |b| {
        b.iter(|| {
            let split = zhnews_frontmatter::split(black_box(&big));
            split
                .front_matter
                .map(|fm| saphyr::Yaml::load_from_str(fm.raw))
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
