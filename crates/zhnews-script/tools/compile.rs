//! Compiles the vendored OpenCC dictionaries and configs (`data/opencc`) into the binary
//! tables the converter embeds (`data/opencc/opencc.compiled`).
//!
//! Shared by `examples/opencc_compile.rs` (run by `cargo xtask script refresh`) and by the
//! test that checks the committed tables are current, so both always agree on the format.
//!
//! Each conversion stage of a config is one dictionary tree (a text dictionary, a union
//! group or a short-circuit group of those). A tree is flattened into one trie: every key
//! keeps the value of the first dictionary that lists it, tagged with a priority (the index
//! of its short-circuit branch). Matching then takes the lowest priority present among
//! the prefixes of the text and, within it, the longest key, which is exactly what
//! OpenCC's short-circuit and union groups compute.

#![allow(dead_code)]

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::Path;

/// Bumped whenever the binary layout changes.
pub const FORMAT_VERSION: u32 = 2;
/// Marks "this node ends no key".
pub const NO_VALUE: u32 = u32::MAX;
/// Bits of a node's value word that hold the priority.
pub const PRIO_SHIFT: u32 = 28;

/// A compile failure: which file and what went wrong.
#[derive(Debug)]
pub struct CompileError(pub String);

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CompileError {}

fn err<T>(msg: impl Into<String>) -> Result<T, CompileError> {
    Err(CompileError(msg.into()))
}

/// FNV-1a, 64 bit: a stable fingerprint of the sources, recorded in the header.
pub fn fnv1a64(state: u64, bytes: &[u8]) -> u64 {
    let mut h = state;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The OpenCC config names, in the order the tables list them.
pub const CONFIGS: [&str; 16] = [
    "s2t", "t2s", "s2tw", "tw2s", "s2twp", "tw2sp", "s2hk", "hk2s", "s2hkp", "hk2sp", "t2tw",
    "tw2t", "t2hk", "hk2t", "t2jp", "jp2t",
];

/// Fingerprint of every source file the tables are made from (dictionaries and configs).
pub fn sources_fingerprint(data_dir: &Path) -> Result<u64, CompileError> {
    let mut files = Vec::new();
    for sub in ["dictionary", "config"] {
        let dir = data_dir.join(sub);
        let rd =
            std::fs::read_dir(&dir).map_err(|e| CompileError(format!("{}: {e}", dir.display())))?;
        for entry in rd {
            let entry = entry.map_err(|e| CompileError(format!("{}: {e}", dir.display())))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".txt") || name.ends_with(".json") {
                files.push((format!("{sub}/{name}"), entry.path()));
            }
        }
    }
    files.sort();
    let mut h = fnv1a64(0xcbf2_9ce4_8422_2325, &FORMAT_VERSION.to_le_bytes());
    for (name, path) in files {
        let bytes =
            std::fs::read(&path).map_err(|e| CompileError(format!("{}: {e}", path.display())))?;
        h = fnv1a64(h, name.as_bytes());
        h = fnv1a64(h, &[0]);
        h = fnv1a64(h, &(bytes.len() as u64).to_le_bytes());
        h = fnv1a64(h, &bytes);
    }
    Ok(h)
}

/// A dictionary tree from a config.
#[derive(Clone, Debug)]
enum Spec {
    Text(String),
    Union(Vec<Spec>),
    ShortCircuit(Vec<Spec>),
}

impl Spec {
    fn canonical(&self) -> String {
        match self {
            Spec::Text(f) => format!("text:{f}"),
            Spec::Union(c) => {
                format!(
                    "union[{}]",
                    c.iter().map(Spec::canonical).collect::<Vec<_>>().join(",")
                )
            }
            Spec::ShortCircuit(c) => format!(
                "short_circuit[{}]",
                c.iter().map(Spec::canonical).collect::<Vec<_>>().join(",")
            ),
        }
    }
}

fn parse_spec(v: &serde_json::Value, at: &str) -> Result<Spec, CompileError> {
    let ty = v.get("type").and_then(|t| t.as_str()).unwrap_or("");
    match ty {
        "text" | "ocd2" | "ocd" => {
            let file = v.get("file").and_then(|f| f.as_str()).unwrap_or("");
            if file.is_empty() {
                return err(format!("{at}: dictionary without \"file\""));
            }
            // Binary dictionaries are built from the text file of the same stem.
            let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
            Ok(Spec::Text(format!("{stem}.txt")))
        }
        "group" => {
            let dicts = v
                .get("dicts")
                .and_then(|d| d.as_array())
                .ok_or_else(|| CompileError(format!("{at}: group without \"dicts\"")))?;
            let children = dicts
                .iter()
                .map(|d| parse_spec(d, at))
                .collect::<Result<Vec<_>, _>>()?;
            match v
                .get("match_policy")
                .and_then(|m| m.as_str())
                .unwrap_or("short_circuit")
            {
                "short_circuit" => Ok(Spec::ShortCircuit(children)),
                "union" => Ok(Spec::Union(children)),
                other => err(format!("{at}: unknown match_policy {other:?}")),
            }
        }
        other => err(format!("{at}: unsupported dictionary type {other:?}")),
    }
}

/// One parsed text dictionary: (key, default value) in file order.
fn read_dictionary(path: &Path) -> Result<Vec<(String, String)>, CompileError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| CompileError(format!("{}: {e}", path.display())))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((key, values)) = line.split_once('\t') else {
            return err(format!(
                "{}:{}: no tab between key and values",
                path.display(),
                n + 1
            ));
        };
        let value = values.split(' ').next().unwrap_or("");
        if key.is_empty() || value.is_empty() {
            return err(format!("{}:{}: empty key or value", path.display(), n + 1));
        }
        out.push((key.to_owned(), value.to_owned()));
    }
    Ok(out)
}

struct Flat {
    /// key -> (priority, value); the first dictionary listing a key at the lowest priority wins.
    entries: BTreeMap<String, (u32, String)>,
}

fn flatten(
    spec: &Spec,
    dict_dir: &Path,
    cache: &mut HashMap<String, Vec<(String, String)>>,
) -> Result<Flat, CompileError> {
    fn leaves<'s>(spec: &'s Spec, out: &mut Vec<&'s str>) -> Result<(), CompileError> {
        match spec {
            Spec::Text(f) => out.push(f),
            Spec::Union(c) => {
                for s in c {
                    leaves(s, out)?;
                }
            }
            Spec::ShortCircuit(_) => {
                return err("a short-circuit group inside a union group is not supported");
            }
        }
        Ok(())
    }
    let branches: Vec<&Spec> = match spec {
        Spec::ShortCircuit(c) => c.iter().collect(),
        other => vec![other],
    };
    let mut entries: BTreeMap<String, (u32, String)> = BTreeMap::new();
    for (prio, branch) in branches.into_iter().enumerate() {
        let prio = u32::try_from(prio).unwrap_or(u32::MAX);
        if prio >= 16 {
            return err("more than 16 branches in a short-circuit group");
        }
        let mut files = Vec::new();
        leaves(branch, &mut files)?;
        for file in files {
            if !cache.contains_key(file) {
                let d = read_dictionary(&dict_dir.join(file))?;
                cache.insert(file.to_owned(), d);
            }
            for (k, v) in cache.get(file).map(Vec::as_slice).unwrap_or(&[]) {
                entries
                    .entry(k.clone())
                    .or_insert_with(|| (prio, v.clone()));
            }
        }
    }
    Ok(Flat { entries })
}

struct Trie {
    /// (first child, child count, value word)
    nodes: Vec<[u32; 3]>,
    child_chars: Vec<u32>,
    child_nodes: Vec<u32>,
    value_ends: Vec<u32>,
    values: String,
}

fn build_trie(flat: &Flat) -> Trie {
    // A pointer trie first, then laid out breadth-first so siblings are contiguous.
    struct Tmp {
        children: BTreeMap<u32, usize>,
        value: u32,
    }
    let mut tmp = vec![Tmp {
        children: BTreeMap::new(),
        value: NO_VALUE,
    }];
    let mut values = String::new();
    let mut value_ends = Vec::new();
    let mut value_ids: HashMap<&str, u32> = HashMap::new();
    for (key, (prio, value)) in &flat.entries {
        let mut node = 0;
        for c in key.chars() {
            let next = tmp.len();
            let child = *tmp[node].children.entry(c as u32).or_insert(next);
            if child == next {
                tmp.push(Tmp {
                    children: BTreeMap::new(),
                    value: NO_VALUE,
                });
            }
            node = child;
        }
        let id = *value_ids.entry(value.as_str()).or_insert_with(|| {
            values.push_str(value);
            value_ends.push(values.len() as u32);
            (value_ends.len() - 1) as u32
        });
        tmp[node].value = (prio << PRIO_SHIFT) | id;
    }
    let mut order = vec![0usize];
    let mut index = vec![0u32; tmp.len()];
    let mut i = 0;
    while i < order.len() {
        let n = order[i];
        index[n] = i as u32;
        order.extend(tmp[n].children.values().copied());
        i += 1;
    }
    let mut trie = Trie {
        nodes: Vec::with_capacity(order.len()),
        child_chars: Vec::new(),
        child_nodes: Vec::new(),
        value_ends,
        values,
    };
    for &n in &order {
        let start = trie.child_chars.len() as u32;
        for (&c, &child) in &tmp[n].children {
            trie.child_chars.push(c);
            trie.child_nodes.push(index[child]);
        }
        trie.nodes
            .push([start, tmp[n].children.len() as u32, tmp[n].value]);
    }
    trie
}

fn push_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn push_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8 & 0x7f) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn push_bytes_padded(out: &mut Vec<u8>, b: &[u8]) {
    out.extend_from_slice(b);
    while out.len() % 4 != 0 {
        out.push(0);
    }
}

/// (normalization stages, segmentation (matcher, priority limit), chain stages) of a config.
type PlanIds = (Vec<u32>, Option<(u32, u32)>, Vec<u32>);

/// Compiles `data_dir` (holding `dictionary/` and `config/`) into the embedded table file.
pub fn compile(data_dir: &Path, version: &str) -> Result<Vec<u8>, CompileError> {
    let dict_dir = data_dir.join("dictionary");
    let mut cache = HashMap::new();
    let mut matcher_ids: HashMap<String, u32> = HashMap::new();
    let mut matchers: Vec<(String, Trie)> = Vec::new();
    // (normalization stages, segmentation (matcher, priority limit), chain stages)
    let mut plans: Vec<PlanIds> = Vec::new();
    let mut specs_by_id: Vec<Spec> = Vec::new();

    let mut intern = |spec: &Spec,
                      matchers: &mut Vec<(String, Trie)>,
                      specs_by_id: &mut Vec<Spec>,
                      cache: &mut HashMap<String, Vec<(String, String)>>|
     -> Result<u32, CompileError> {
        let canon = spec.canonical();
        if let Some(&id) = matcher_ids.get(&canon) {
            return Ok(id);
        }
        let flat = flatten(spec, &dict_dir, cache)?;
        let id = matchers.len() as u32;
        matchers.push((canon.clone(), build_trie(&flat)));
        specs_by_id.push(spec.clone());
        matcher_ids.insert(canon, id);
        Ok(id)
    };

    for name in CONFIGS {
        let path = data_dir.join("config").join(format!("{name}.json"));
        let text = std::fs::read_to_string(&path)
            .map_err(|e| CompileError(format!("{}: {e}", path.display())))?;
        let doc: serde_json::Value = serde_json::from_str(&text)
            .map_err(|e| CompileError(format!("{}: {e}", path.display())))?;
        let at = path.display().to_string();
        let stages = |key: &str| -> Result<Vec<Spec>, CompileError> {
            let Some(list) = doc.get(key) else {
                return Ok(Vec::new());
            };
            let list = list
                .as_array()
                .ok_or_else(|| CompileError(format!("{at}: \"{key}\" is not an array")))?;
            list.iter()
                .map(|s| {
                    let d = s
                        .get("dict")
                        .ok_or_else(|| CompileError(format!("{at}: stage without \"dict\"")))?;
                    parse_spec(d, &at)
                })
                .collect()
        };
        let norm_specs = stages("normalization")?;
        let chain_specs = stages("conversion_chain")?;
        let mut norm = Vec::new();
        for s in &norm_specs {
            norm.push(intern(s, &mut matchers, &mut specs_by_id, &mut cache)?);
        }
        let mut chain = Vec::new();
        for s in &chain_specs {
            chain.push(intern(s, &mut matchers, &mut specs_by_id, &mut cache)?);
        }
        let seg = match doc.get("segmentation") {
            None => None,
            Some(seg) => {
                if seg.get("type").and_then(|t| t.as_str()) != Some("mmseg") {
                    return err(format!("{at}: only mmseg segmentation is supported"));
                }
                let d = seg
                    .get("dict")
                    .ok_or_else(|| CompileError(format!("{at}: segmentation without dict")))?;
                let spec = parse_spec(d, &at)?;
                let canon = spec.canonical();
                // Segmentation needs only the keys of the first branch of a stage that
                // already holds them, so reuse that trie (priority 0) instead of a copy.
                let reuse = specs_by_id.iter().position(|s| match s {
                    Spec::ShortCircuit(c) => c.first().map(Spec::canonical) == Some(canon.clone()),
                    other => other.canonical() == canon,
                });
                match reuse {
                    Some(id) => Some((id as u32, 0)),
                    None => Some((
                        intern(&spec, &mut matchers, &mut specs_by_id, &mut cache)?,
                        0,
                    )),
                }
            }
        };
        plans.push((norm, seg, chain));
    }

    let fingerprint = sources_fingerprint(data_dir)?;
    let mut out = Vec::new();
    let mut header = String::new();
    let _ = writeln!(
        header,
        "# DO NOT EDIT: zhnews-script OpenCC tables, generated by `cargo xtask script refresh`"
    );
    let _ = writeln!(
        header,
        "# from data/opencc (dictionaries and configs of {version})."
    );
    let _ = writeln!(
        header,
        "# format {FORMAT_VERSION}; sources fnv1a64 {fingerprint:016x}"
    );
    out.extend_from_slice(header.as_bytes());
    out.push(0);
    while out.len() % 4 != 0 {
        out.push(0);
    }
    let body_start = out.len();
    push_u32(&mut out, FORMAT_VERSION);
    push_u32(&mut out, matchers.len() as u32);
    let table_at = out.len();
    for _ in &matchers {
        push_u32(&mut out, 0);
    }
    for (i, (_, t)) in matchers.iter().enumerate() {
        let off = (out.len() - body_start) as u32;
        out[table_at + 4 * i..table_at + 4 * i + 4].copy_from_slice(&off.to_le_bytes());
        // Breadth-first layout: the children of all nodes, in node order, are nodes 1..N,
        // so a child's node number is implied by its position and is not stored.
        let mut stream = Vec::new();
        for n in &t.nodes {
            push_varint(&mut stream, n[1]);
            push_varint(&mut stream, if n[2] == NO_VALUE { 0 } else { n[2] + 1 });
            let mut prev = 0;
            for &c in &t.child_chars[n[0] as usize..(n[0] + n[1]) as usize] {
                push_varint(&mut stream, c - prev);
                prev = c;
            }
        }
        let mut prev = 0;
        for &e in &t.value_ends {
            push_varint(&mut stream, e - prev);
            prev = e;
        }
        push_u32(&mut out, t.nodes.len() as u32);
        push_u32(&mut out, t.value_ends.len() as u32);
        push_u32(&mut out, stream.len() as u32);
        push_u32(&mut out, t.values.len() as u32);
        push_bytes_padded(&mut out, &stream);
        push_bytes_padded(&mut out, t.values.as_bytes());
    }
    push_u32(&mut out, plans.len() as u32);
    for (name, (norm, seg, chain)) in CONFIGS.iter().zip(&plans) {
        push_u32(&mut out, name.len() as u32);
        push_bytes_padded(&mut out, name.as_bytes());
        push_u32(&mut out, norm.len() as u32);
        for m in norm {
            push_u32(&mut out, *m);
        }
        match seg {
            Some((m, limit)) => {
                push_u32(&mut out, *m);
                push_u32(&mut out, *limit);
            }
            None => {
                push_u32(&mut out, NO_VALUE);
                push_u32(&mut out, 0);
            }
        }
        push_u32(&mut out, chain.len() as u32);
        for m in chain {
            push_u32(&mut out, *m);
        }
    }
    Ok(out)
}
