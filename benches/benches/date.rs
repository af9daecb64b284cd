//! Dates: timestamps per second (with chrono's own RFC 2822 parser in the same run), the
//! hand-written test set as `zhnews date` reads it (timestamps and in-text expressions
//! separately), and find_dates throughput on generated article text where dates are sparse.
//! `cargo xtask date peers` reads these estimates next to the Python peers.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;
use zhnews_date::chrono::{DateTime, FixedOffset, TimeZone};
use zhnews_date::{china_offset, find_dates, parse_timestamp};

const TIMESTAMPS: &[&str] = &[
    "Sun, 04 Sep 2022 07:37:50 GMT",
    "Wed, 10 Apr 2024 08:57:34 +0800",
    "2024-04-10T08:57:34.123Z",
    "2024-04-10 08:57:34",
    "2024/4/9 8:05",
    "发布时间：2024-04-10 08:57:34",
    "2024年4月10日 08:57",
    "2024年4月10日 8时57分34秒",
    "Apr 9, 2024 8:57 PM",
    "Sun Sep 04 2022 15:37:50 GMT+0800 (China Standard Time)",
    "1712710654",
    "二〇二二年九月二日",
];

const RFC2822: &[&str] = &[
    "Sun, 04 Sep 2022 07:37:50 GMT",
    "Wed, 10 Apr 2024 08:57:34 +0800",
    "Fri, 15 Mar 2024 08:15:00 GMT",
    "Mon, 01 Jan 2024 00:00:00 -0500",
];

fn bench_timestamps(c: &mut Criterion) {
    let cn = china_offset();
    let mut g = c.benchmark_group("date_timestamps");
    g.throughput(Throughput::Elements(TIMESTAMPS.len() as u64));
    g.bench_function("zhnews_mixed", |b| {
        b.iter(|| {
            for t in TIMESTAMPS {
                let _ = black_box(parse_timestamp(black_box(t), cn));
            }
        })
    });
    g.finish();
    let mut g = c.benchmark_group("date_rfc2822");
    g.throughput(Throughput::Elements(RFC2822.len() as u64));
    g.bench_function("zhnews", |b| {
        b.iter(|| {
            for t in RFC2822 {
                let _ = black_box(parse_timestamp(black_box(t), cn));
            }
        })
    });
    g.bench_function("chrono", |b| {
        b.iter(|| {
            for t in RFC2822 {
                let _ = black_box(DateTime::parse_from_rfc2822(black_box(t)));
            }
        })
    });
    g.finish();
}

/// The test set's inputs and anchors, split into whole-line timestamps and in-text expressions.
type Lines = Vec<(DateTime<FixedOffset>, &'static str)>;

fn test_set() -> (Lines, Lines) {
    let mut ts = Vec::new();
    let mut expr = Vec::new();
    for line in include_str!("../../crates/zhnews-date/tests/cases.tsv").lines() {
        let f: Vec<&str> = line.split('\t').collect();
        if line.starts_with('#') || f.len() < 3 {
            continue;
        }
        let Ok(anchor) = DateTime::parse_from_rfc3339(f[1]) else {
            continue;
        };
        if f[0] == "ts" {
            ts.push((anchor, f[2]))
        } else {
            expr.push((anchor, f[2]))
        }
    }
    (ts, expr)
}

/// What `zhnews date` does with one line.
fn evaluate(anchor: DateTime<FixedOffset>, line: &str) -> Option<DateTime<FixedOffset>> {
    match parse_timestamp(line.trim(), china_offset()) {
        Ok(t) => Some(t.datetime),
        Err(_) => find_dates(line, anchor).first().map(|m| m.start),
    }
}

fn bench_test_set(c: &mut Criterion) {
    let (ts, expr) = test_set();
    let mut g = c.benchmark_group("date_testset");
    for (name, set) in [("timestamps", &ts), ("expressions", &expr)] {
        g.throughput(Throughput::Elements(set.len() as u64));
        g.bench_function(name, |b| {
            b.iter(|| {
                for (anchor, line) in set.iter() {
                    black_box(evaluate(*anchor, black_box(line)));
                }
            })
        });
    }
    g.finish();
}

/// Our own news-like sentences with no dates in them; every twentieth gets a date.
const FILLER: &[&str] = &[
    "记者从市交通运输局获悉，新开通的公交线路运行平稳，沿线居民出行更加便利。",
    "专家表示，推动产业升级需要长期投入，也离不开人才培养和制度保障。",
    "这场展览汇集了上百件珍贵文物，吸引大批市民和游客前来参观。",
    "据介绍，该项目总投资约一百亿元，建成后将大大提升区域物流效率。",
    "中方愿同各方一道，加强沟通协调，共同维护地区和平稳定。",
    "上半年全省经济运行总体平稳，消费市场持续回暖，就业形势基本稳定。",
    "不少商户反映，线上订单明显增多，配送压力随之加大。",
    "当地政府出台多项措施，支持中小企业渡过难关，稳住就业基本盘。",
    "大会强调，要坚持问题导向，把各项任务落到实处，确保取得实效。",
    "研究团队在实验中发现了一种新的材料结构，有望用于下一代电池。",
    "村里修通了水泥路，农产品可以直接运到城里的市场销售。",
    "学校组织师生开展志愿服务，走进社区为老人提供帮助。",
];

const DATES: &[&str] = &[
    "4月9日下午",
    "去年",
    "上周五",
    "2024年3月15日",
    "当地时间8日",
    "农历马年春节",
];

fn sparse_text(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 256);
    let mut i = 0usize;
    while s.len() < bytes {
        if i % 20 == 19 {
            s.push_str(DATES[(i / 20) % DATES.len()]);
            s.push('，');
        }
        s.push_str(FILLER[(i * 7 + i / 3) % FILLER.len()]);
        if i % 5 == 4 {
            s.push('\n');
        }
        i += 1;
    }
    s
}

fn bench_find(c: &mut Criterion) {
    let text = sparse_text(1 << 20);
    let anchor = china_offset()
        .with_ymd_and_hms(2024, 4, 10, 8, 57, 34)
        .single()
        .unwrap_or_default();
    let mut g = c.benchmark_group("date_find_sparse");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("zhnews", |b| {
        b.iter(|| black_box(find_dates(black_box(&text), anchor)))
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_secs(1));
    targets = bench_timestamps, bench_test_set, bench_find
}
criterion_main!(benches);
