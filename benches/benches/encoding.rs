//! zhnews-encoding speed: detection plus decoding of 5 KB GBK and Big5 documents (chardetng
//! with encoding_rs alone measured beside it), a declared GBK document, and UTF-8 input, which
//! must run at memory speed: validation only, no copy (memcpy of the same bytes beside it).

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use zhnews_encoding::encoding_rs::{BIG5, GB18030};
use zhnews_encoding::{Hint, decode};

/// Invented news sentences, Simplified.
const SIMPLIFIED: &[&str] = &[
    "本报讯，市气象台今天发布消息，预计未来三天全市以晴到多云天气为主。",
    "记者从市交通运输局获悉，新开通的地铁五号线日均客流已突破二十万人次。",
    "据介绍，今年前三季度全省粮食总产量稳中有增，秋粮收购工作有序展开。",
    "市教育局表示，将在明年春季学期前新建12所小学，缓解城区入学压力。",
    "专家提醒，秋冬季节是呼吸道疾病高发期，市民应注意保暖并及时接种疫苗。",
    "经过两年建设，跨江大桥主体工程顺利合龙，预计年底前通车。\n",
];

/// Invented news sentences, Traditional.
const TRADITIONAL: &[&str] = &[
    "中央氣象局今日表示，颱風預計明晚登陸東部沿海，請民眾做好防颱準備。",
    "立法院昨日三讀通過修正案，未來勞工每年特休假將再增加兩天。",
    "據統計，今年第三季出口金額創下歷史新高，半導體產品貢獻最大。",
    "研究人員發現，適度運動有助於降低中年族群罹患慢性病的風險。\n",
];

fn text_of(sentences: &[&str], bytes: usize) -> String {
    let mut s = String::new();
    let mut i = 0;
    while s.len() < bytes {
        s.push_str(sentences[i % sentences.len()]);
        i += 1;
    }
    s
}

fn chardetng_alone(bytes: &[u8]) -> usize {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let encoding = detector.guess(None, true);
    encoding.decode(bytes).0.len()
}

fn legacy_docs(c: &mut Criterion) {
    // GBK: about 5 KB once encoded (two bytes per Hanzi; the UTF-8 text is about 1.5x larger).
    let gbk = GB18030.encode(&text_of(SIMPLIFIED, 7_500)).0.into_owned();
    let big5 = BIG5.encode(&text_of(TRADITIONAL, 7_500)).0.into_owned();
    let mut group = c.benchmark_group("encoding/5KB");
    for (name, bytes) in [("gbk", &gbk), ("big5", &big5)] {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("zhnews detect+decode", name),
            bytes,
            |b, bytes| b.iter(|| decode(black_box(bytes), Hint::new()).text.len()),
        );
        group.bench_with_input(
            BenchmarkId::new("chardetng+encoding_rs", name),
            bytes,
            |b, bytes| b.iter(|| chardetng_alone(black_box(bytes))),
        );
    }
    group.throughput(Throughput::Bytes(gbk.len() as u64));
    group.bench_function("zhnews declared gbk", |b| {
        b.iter(|| {
            decode(black_box(&gbk), Hint::new().declared("gbk"))
                .text
                .len()
        })
    });
    group.finish();
}

fn utf8(c: &mut Criterion) {
    let mut group = c.benchmark_group("encoding/utf8");
    for size in [5_000usize, 1_000_000] {
        let text = text_of(SIMPLIFIED, size);
        let bytes = text.as_bytes();
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("zhnews decode", size),
            bytes,
            |b, bytes| b.iter(|| decode(black_box(bytes), Hint::new()).text.len()),
        );
        group.bench_with_input(
            BenchmarkId::new("std::str::from_utf8", size),
            bytes,
            |b, bytes| b.iter(|| std::str::from_utf8(black_box(bytes)).map(str::len)),
        );
        group.bench_with_input(
            BenchmarkId::new("memcpy (to_vec)", size),
            bytes,
            |b, bytes| b.iter(|| black_box(bytes).to_vec()),
        );
    }
    group.finish();
}

criterion_group!(benches, legacy_docs, utf8);
criterion_main!(benches);
