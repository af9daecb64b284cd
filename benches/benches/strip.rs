//! zhnews-strip speed on one core: the 38 real portal pages of
//! `../shared/peers/pages` when present (decoded once, outside the timing),
//! else generated portal-like pages; plus an HTML fragment and a text dump.
//! Documents per second are what `cargo xtask bench` compares with trafilatura.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::PathBuf;
use zhnews_strip::{Options, strip};

/// Invented news sentences.
const SENTENCES: &[&str] = &[
    "本报讯，市气象台今天发布消息，预计未来三天全市以晴到多云天气为主。",
    "记者从市交通运输局获悉，新开通的地铁五号线日均客流已突破二十万人次。",
    "据介绍，今年前三季度全省粮食总产量稳中有增，秋粮收购工作有序展开。",
    "市教育局表示，将在明年春季学期前新建12所小学，缓解城区入学压力。",
    "专家提醒，秋冬季节是呼吸道疾病高发期，市民应注意保暖并及时接种疫苗。",
];

fn pages_dir() -> Option<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()?
        .to_path_buf();
    let shared = std::env::var_os("ZHNEWS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.parent().map(|p| p.join("shared")).unwrap_or_default());
    let dir = shared.join("peers").join("pages");
    dir.is_dir().then_some(dir)
}

fn peer_pages() -> Vec<String> {
    let Some(dir) = pages_dir() else {
        return Vec::new();
    };
    let mut files = Vec::new();
    let mut stack = vec![dir];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "html") {
                files.push(p);
            }
        }
    }
    files.sort();
    files
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .map(|b| {
            zhnews_encoding::decode(&b, zhnews_encoding::Hint::new())
                .text
                .into_owned()
        })
        .collect()
}

/// A portal-like page: navigation, header with byline, body, related list, footer.
fn generated_page(n: usize) -> String {
    let mut s = String::from(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>河畔新桥通车_河畔网</title>\
         <meta property=\"og:title\" content=\"河畔新桥通车\">\
         <meta name=\"publishdate\" content=\"2025-03-01\"><script>var x = 1;</script></head><body>\
         <div class=\"nav\"><ul>",
    );
    for i in 0..40 {
        s.push_str(&format!("<li><a href=\"/c{i}\">频道{i}</a></li>"));
    }
    s.push_str("</ul></div><h1>河畔新桥通车</h1><div class=\"info\">2025-03-01 10:20 来源：河畔日报</div><div id=\"article\">");
    for i in 0..n {
        s.push_str("<p>　　");
        for j in 0..4 {
            s.push_str(SENTENCES[(i + j) % SENTENCES.len()]);
        }
        s.push_str("</p>");
        if i % 5 == 2 {
            s.push_str("<p style=\"text-align:center\"><img src=\"https://img.example.com/a.jpg\"></p><p style=\"text-align:center\">河畔新桥夜景。本报记者 林小溪 摄</p>");
        }
    }
    s.push_str("<p>责任编辑：林小溪</p></div><div class=\"related\"><h3>相关新闻</h3><ul>");
    for i in 0..20 {
        s.push_str(&format!(
            "<li><a href=\"/n{i}\">相关报道标题第{i}条</a></li>"
        ));
    }
    s.push_str(
        "</ul></div><div class=\"footer\">Copyright © 2025 河畔网 版权所有</div></body></html>",
    );
    s
}

fn bench(c: &mut Criterion) {
    let opts = Options::default();
    let pages = peer_pages();
    let (label, pages) = if pages.is_empty() {
        (
            "generated pages (38)",
            (0..38)
                .map(|i| generated_page(10 + i % 30))
                .collect::<Vec<_>>(),
        )
    } else {
        ("peer pages (38)", pages)
    };
    let total: usize = pages.iter().map(String::len).sum();
    let mut group = c.benchmark_group("strip");
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function(label, |b| {
        b.iter(|| {
            let mut n = 0;
            for p in &pages {
                n += strip(black_box(p), &opts).map_or(0, |s| s.blocks.len());
            }
            n
        })
    });

    let fragment: String = (0..30)
        .map(|i| format!("<p>　　{}{}</p>", SENTENCES[i % 5], SENTENCES[(i + 1) % 5]))
        .collect::<String>()
        + "<p class=\"article-editor\">责任编辑：林小溪</p>";
    group.throughput(Throughput::Bytes(fragment.len() as u64));
    group.bench_function("html fragment", |b| {
        b.iter(|| strip(black_box(&fragment), &opts).map_or(0, |s| s.blocks.len()))
    });

    let dump: String = String::from(
        "首页 > 本地\n\n河畔新桥通车\n\n发布时间:2025-03-01 10:20:30 | 来源:河畔日报 | 作者: | 责任编辑:林小溪\n\n",
    ) + &(0..30)
        .map(|i| format!("{}{}\n\n", SENTENCES[i % 5], SENTENCES[(i + 2) % 5]))
        .collect::<String>();
    group.throughput(Throughput::Bytes(dump.len() as u64));
    group.bench_function("text dump", |b| {
        b.iter(|| strip(black_box(&dump), &opts).map_or(0, |s| s.blocks.len()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
