//! `cargo xtask encoding …`: peer comparison and conformance runs for zhnews-encoding.
//!
//! - `conformance`: the public samples in `../shared/peers/encodings` (manifest.jsonl: file,
//!   true encoding, SHA-256 of the expected UTF-8) decoded by zhnews and by chardetng with
//!   encoding_rs alone; then the project's own generated test set (the `corpus` integration
//!   test, with its per-form table and chardetng-alone baseline).
//! - `peers [--docs N] [--passes N]`: detection + decoding throughput on generated 5 KB GBK, Big5
//!   and UTF-8 documents, zhnews in process against charset-normalizer (scratch venv) timed in
//!   its own process, in the same run, with the ratio and each side's exactness.

use crate::util;
use anyhow::{Context, Result, bail};
use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;
use zhnews::encoding::encoding_rs::{BIG5, Encoding, GB18030};
use zhnews::encoding::{Hint, decode};

const PEER_PACKAGES: [&str; 1] = ["charset-normalizer==3.4.7"];

/// Entry point: `peers`, `conformance`.
pub fn run(args: &[String]) -> Result<()> {
    match args.first().map(String::as_str) {
        Some("conformance") => conformance(),
        Some("peers") => peers(&args[1..]),
        Some(other) => {
            bail!("zhnews-encoding has no xtask workflow {other:?}: use conformance or peers")
        }
        None => bail!("usage: cargo xtask encoding <conformance|peers [--docs N] [--passes N]>"),
    }
}

// ---------------------------------------------------------------------------------------------
// conformance

#[derive(Deserialize)]
struct ManifestEntry {
    file: String,
    encoding: String,
    expected_utf8_sha256: String,
}

#[derive(Deserialize)]
struct Compared {
    file: String,
    zhnews: String,
    chosen_by: String,
    chardetng: String,
}

fn conformance() -> Result<()> {
    match util::shared_dir().map(|d| d.join("peers").join("encodings")) {
        Some(dir) if dir.join("manifest.jsonl").is_file() => manifest(&dir)?,
        _ => println!(
            "encoding conformance: ../shared/peers/encodings/manifest.jsonl not found; skipped the public samples"
        ),
    }
    println!(
        "\nencoding conformance: the project's generated test set (cargo test --release -p zhnews-encoding --test corpus)"
    );
    let mut cmd = util::cargo();
    cmd.args([
        "test",
        "--release",
        "--quiet",
        "-p",
        "zhnews-encoding",
        "--test",
        "corpus",
        "--",
        "--nocapture",
        "at_least_99_percent_exact",
    ]);
    util::run_cmd(&mut cmd)
}

fn manifest(dir: &Path) -> Result<()> {
    let text = std::fs::read_to_string(dir.join("manifest.jsonl"))
        .context("cannot read manifest.jsonl")?;
    let mut entries = Vec::new();
    for (i, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let entry: ManifestEntry = serde_json::from_str(line)
            .with_context(|| format!("manifest.jsonl line {}: not a manifest entry", i + 1))?;
        entries.push(entry);
    }
    let paths: Vec<PathBuf> = entries.iter().map(|e| dir.join(&e.file)).collect();
    // chardetng is not a dependency of xtask: the crate's `compare` example runs both.
    let out = Command::new(util::cargo().get_program())
        .current_dir(util::workspace_root())
        .args([
            "run",
            "--release",
            "--quiet",
            "-p",
            "zhnews-encoding",
            "--example",
            "compare",
            "--",
        ])
        .args(&paths)
        .output()
        .context("cannot run the compare example")?;
    if !out.status.success() {
        bail!(
            "compare example failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let compared: Vec<Compared> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()
        .context("compare example printed something that is not its JSON")?;
    if compared.len() != entries.len() {
        bail!(
            "compare example answered {} of {} files",
            compared.len(),
            entries.len()
        );
    }

    println!(
        "encoding conformance: {} samples in {}",
        entries.len(),
        dir.display()
    );
    println!(
        "{:<40} {:<10} {:<22} {:<6} {:<14} {:<6}",
        "file", "true", "zhnews", "exact", "chardetng", "exact"
    );
    let (mut ours_ok, mut theirs_ok) = (0usize, 0usize);
    let mut failures = Vec::new();
    for ((entry, path), cmp) in entries.iter().zip(&paths).zip(&compared) {
        if !cmp.file.ends_with(&entry.file) {
            bail!(
                "compare example answered for {} instead of {}",
                cmp.file,
                entry.file
            );
        }
        let bytes =
            std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
        let ours = decode(&bytes, Hint::new());
        let ours_exact = sha256_hex(ours.text.as_bytes()) == entry.expected_utf8_sha256;
        let theirs_exact = Encoding::for_label(cmp.chardetng.as_bytes()).is_some_and(|e| {
            let (text, _, _) = e.decode(&bytes);
            sha256_hex(text.as_bytes()) == entry.expected_utf8_sha256
        });
        ours_ok += usize::from(ours_exact);
        theirs_ok += usize::from(theirs_exact);
        if !ours_exact {
            failures.push(format!(
                "{}: true {}, zhnews chose {} ({}) — {}",
                entry.file,
                entry.encoding,
                cmp.zhnews,
                cmp.chosen_by,
                ours.warnings
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ")
            ));
        }
        println!(
            "{:<40} {:<10} {:<22} {:<6} {:<14} {:<6}",
            entry.file,
            entry.encoding,
            format!("{} ({})", cmp.zhnews, cmp.chosen_by),
            if ours_exact { "yes" } else { "NO" },
            cmp.chardetng,
            if theirs_exact { "yes" } else { "NO" }
        );
    }
    let n = entries.len().max(1);
    println!(
        "exact: zhnews {ours_ok}/{} ({:.1}%), chardetng + encoding_rs alone {theirs_ok}/{} ({:.1}%)",
        entries.len(),
        100.0 * ours_ok as f64 / n as f64,
        entries.len(),
        100.0 * theirs_ok as f64 / n as f64
    );
    for f in &failures {
        println!("FAIL {f}");
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// peers: speed

/// Invented news sentences for the generated benchmark documents.
const SIMPLIFIED: &[&str] = &[
    "本报讯，市气象台今天发布消息，预计未来三天全市以晴到多云天气为主。",
    "记者从市交通运输局获悉，新开通的地铁五号线日均客流已突破二十万人次。",
    "市教育局表示，将在明年春季学期前新建12所小学，缓解城区入学压力。",
    "专家提醒，秋冬季节是呼吸道疾病高发期，市民应注意保暖并及时接种疫苗。",
    "社区志愿者连续三个月为独居老人送餐上门，受到居民的一致好评。",
    "港口集装箱吞吐量连续六个月保持增长，外贸形势总体稳定向好。",
    "研究团队在国际期刊上发表论文，介绍了一种新型电池材料的制备方法。",
    "经过两年建设，跨江大桥主体工程顺利合龙，预计年底前通车。\n",
];

const TRADITIONAL: &[&str] = &[
    "中央氣象局今日表示，颱風預計明晚登陸東部沿海，請民眾做好防颱準備。",
    "立法院昨日三讀通過修正案，未來勞工每年特休假將再增加兩天。",
    "據統計，今年第三季出口金額創下歷史新高，半導體產品貢獻最大。",
    "研究人員發現，適度運動有助於降低中年族群罹患慢性病的風險。",
    "國際書展今年以永續發展為主題，展期共六天，預計吸引五十萬人次。",
    "機場第三航廈擴建工程進度超前，預計提前半年完工啟用。\n",
];

/// A document of about `target` bytes in `encoding` (None = UTF-8), varied by `seed`.
fn document(
    sentences: &[&str],
    seed: usize,
    encoding: Option<&'static Encoding>,
) -> (String, Vec<u8>) {
    let mut text = format!("（第{seed}期）");
    let mut i = seed;
    loop {
        text.push_str(sentences[i % sentences.len()]);
        i += 1 + seed % 3;
        let len = match encoding {
            Some(e) => e.encode(&text).0.len(),
            None => text.len(),
        };
        if len >= 5_000 {
            break;
        }
    }
    let bytes = match encoding {
        Some(e) => e.encode(&text).0.into_owned(),
        None => text.clone().into_bytes(),
    };
    (text, bytes)
}

/// The peer runs as a server so that its passes interleave with ours: the machine's load
/// changes over a run, and timing one side after the other would compare different machines.
/// Startup and imports are not timed; one untimed pass warms it up.
const PEER_SCRIPT: &str = r#"
import json, sys, time
import charset_normalizer
groups = {}
for group in sys.argv[1:]:
    name, _, listing = group.partition("=")
    paths = [p for p in open(listing, encoding="utf-8").read().split("\n") if p]
    groups[name] = [open(p, "rb").read() for p in paths]
encodings = {n: [str(charset_normalizer.from_bytes(b).best().encoding) for b in blobs] for n, blobs in groups.items()}
print(json.dumps({n: {"docs": len(b), "bytes": sum(map(len, b)), "encodings": encodings[n]} for n, b in groups.items()}), flush=True)
for line in sys.stdin:
    blobs = groups[line.strip()]
    t = time.perf_counter()
    for b in blobs:
        charset_normalizer.from_bytes(b).best()
    print(time.perf_counter() - t, flush=True)
"#;

#[derive(Deserialize)]
struct PeerGroup {
    docs: usize,
    bytes: usize,
    encodings: Vec<String>,
}

/// The peer server: one timed pass over a group per request.
struct Peer {
    child: std::process::Child,
    stdout: std::io::BufReader<std::process::ChildStdout>,
}

impl Peer {
    fn read_line(&mut self) -> Result<String> {
        use std::io::BufRead;
        let mut line = String::new();
        if self.stdout.read_line(&mut line)? == 0 {
            bail!("charset-normalizer exited early");
        }
        Ok(line)
    }

    fn pass(&mut self, group: &str) -> Result<f64> {
        use std::io::Write;
        let stdin = self
            .child
            .stdin
            .as_mut()
            .context("charset-normalizer stdin closed")?;
        writeln!(stdin, "{group}")?;
        stdin.flush()?;
        let line = self.read_line()?;
        line.trim()
            .parse()
            .with_context(|| format!("charset-normalizer answered {line:?}"))
    }
}

impl Drop for Peer {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let _ = self.child.wait();
    }
}

fn peers(args: &[String]) -> Result<()> {
    let mut docs = 100usize;
    let mut passes = 5usize;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let value = |it: &mut std::slice::Iter<'_, String>| -> Result<usize> {
            it.next()
                .context("expected a number")?
                .parse()
                .context("expected a number")
        };
        match arg.as_str() {
            "--docs" => docs = value(&mut it).context("--docs N")?.max(1),
            "--passes" => passes = value(&mut it).context("--passes N")?.max(1),
            other => bail!("unknown argument {other:?}: use --docs N or --passes N"),
        }
    }
    // A debug build would measure the compiler's opt-level, not the crate: re-run in release.
    if cfg!(debug_assertions) {
        println!("encoding peers: rebuilding xtask in release mode for timing…");
        let mut cmd = util::cargo();
        cmd.args([
            "run",
            "--quiet",
            "--release",
            "--package",
            "xtask",
            "--",
            "encoding",
            "peers",
        ]);
        cmd.args(["--docs", &docs.to_string(), "--passes", &passes.to_string()]);
        return util::run_cmd(&mut cmd);
    }

    let dir = util::workspace_root()
        .join("target")
        .join("xtask-encoding-peers");
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let groups: [(&str, &[&str], Option<&'static Encoding>); 3] = [
        ("gbk", SIMPLIFIED, Some(GB18030)),
        ("big5", TRADITIONAL, Some(BIG5)),
        ("utf-8", SIMPLIFIED, None),
    ];
    let mut sets = Vec::new();
    let mut peer_args = Vec::new();
    for (name, sentences, encoding) in groups {
        let mut listing = String::new();
        let mut set = Vec::new();
        for seed in 0..docs {
            let (text, bytes) = document(sentences, seed, encoding);
            let path = dir.join(format!("{name}-{seed:04}.txt"));
            std::fs::write(&path, &bytes)
                .with_context(|| format!("cannot write {}", path.display()))?;
            listing.push_str(&path.to_string_lossy());
            listing.push('\n');
            set.push((text, bytes));
        }
        let list_path = dir.join(format!("{name}.list"));
        std::fs::write(&list_path, listing).context("cannot write the file list")?;
        peer_args.push(format!("{name}={}", list_path.display()));
        sets.push((name, set));
    }

    let python = util::venv("charset-normalizer", &PEER_PACKAGES)?;
    let mut child = Command::new(&python)
        .arg("-c")
        .arg(PEER_SCRIPT)
        .args(&peer_args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .context("cannot run charset-normalizer")?;
    let stdout = child.stdout.take().context("charset-normalizer stdout")?;
    let mut peer_proc = Peer {
        child,
        stdout: std::io::BufReader::new(stdout),
    };
    let header = peer_proc.read_line()?;
    let peer: std::collections::HashMap<String, PeerGroup> = serde_json::from_str(&header)
        .context("charset-normalizer output is not the expected JSON")?;

    // Ours in process, interleaved pass by pass with the peer; one untimed pass first (lazily
    // built tables), then the best of `passes` on each side.
    let mut ours = Vec::new();
    let mut theirs = Vec::new();
    for (name, set) in &sets {
        let mut exact = 0usize;
        for (text, bytes) in set {
            exact += usize::from(decode(bytes, Hint::new()).text == text.as_str());
        }
        let mut best = f64::INFINITY;
        let mut peer_best = f64::INFINITY;
        for _ in 0..passes {
            let start = Instant::now();
            let mut sink = 0usize;
            for (_, bytes) in set {
                sink += decode(std::hint::black_box(bytes), Hint::new()).text.len();
            }
            std::hint::black_box(sink);
            best = best.min(start.elapsed().as_secs_f64());
            peer_best = peer_best.min(peer_proc.pass(name)?);
        }
        let bytes: usize = set.iter().map(|(_, b)| b.len()).sum();
        ours.push((*name, bytes, best, exact));
        theirs.push(peer_best);
    }
    drop(peer_proc);

    println!(
        "encoding peers: {docs} generated documents per input (about 5 KB each), best of {passes} passes, one core"
    );
    println!(
        "{:<7} {:>9} {:>13} {:>21} {:>7} {:>13} {:>17}",
        "input", "bytes", "zhnews MB/s", "charset-normalizer", "ratio", "zhnews exact", "c-n exact"
    );
    for (((name, bytes, secs, exact), (_, set)), peer_secs) in ours.iter().zip(&sets).zip(&theirs) {
        let group = peer
            .get(*name)
            .with_context(|| format!("charset-normalizer skipped {name}"))?;
        if group.docs != set.len() || group.bytes != *bytes {
            bail!(
                "charset-normalizer saw {} docs / {} bytes of {name}, we saw {} / {bytes}",
                group.docs,
                group.bytes,
                set.len()
            );
        }
        let ours_mbs = *bytes as f64 / secs / 1e6;
        let peer_mbs = *bytes as f64 / *peer_secs / 1e6;
        let peer_exact = set
            .iter()
            .zip(&group.encodings)
            .filter(|((text, bytes), label)| {
                Encoding::for_label(label.replace('_', "-").as_bytes())
                    .is_some_and(|e| e.decode(bytes).0 == text.as_str())
            })
            .count();
        println!(
            "{:<7} {:>9} {:>13.1} {:>16.1} MB/s {:>6.1}x {:>9}/{:<3} {:>13}/{:<3}",
            name,
            bytes,
            ours_mbs,
            peer_mbs,
            ours_mbs / peer_mbs,
            exact,
            set.len(),
            peer_exact,
            set.len()
        );
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// SHA-256 (FIPS 180-4), to check decoded text against the manifest without a new dependency.

fn sha256_hex(data: &[u8]) -> String {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let mut msg = data.to_vec();
    let bit_len = (data.len() as u64).wrapping_mul(8);
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&bit_len.to_be_bytes());
    for block in msg.chunks_exact(64) {
        let mut w = [0u32; 64];
        for (i, word) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for i in 0..64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *x = x.wrapping_add(y);
        }
    }
    h.iter().map(|x| format!("{x:08x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_known_answers() {
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        let long = "新闻".repeat(100);
        assert_eq!(sha256_hex(long.as_bytes()).len(), 64);
    }

    #[test]
    fn generated_documents_are_about_5kb() {
        let (text, bytes) = document(SIMPLIFIED, 3, Some(GB18030));
        assert!((5_000..5_200).contains(&bytes.len()), "{}", bytes.len());
        assert_eq!(GB18030.decode(&bytes).0, text);
    }
}
