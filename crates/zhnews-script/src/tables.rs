//! The embedded, precompiled OpenCC tables (`data/opencc/opencc.compiled`) and the matching
//! and conversion loops that run over them.
//!
//! The file is produced by `tools/compile.rs`; its layout is described there. Everything is
//! validated once when a table is first needed, so the conversion loops can index freely.

use crate::Error;
use crate::out::{Out, utf8_word};
use std::sync::OnceLock;

static COMPILED: &[u8] = include_bytes!("../data/opencc/opencc.compiled");

const FORMAT_VERSION: u32 = 2;
const NO_VALUE: u32 = u32::MAX;
const PRIO_SHIFT: u32 = 28;
const VALUE_MASK: u32 = (1 << PRIO_SHIFT) - 1;
// First-character slots (u64): everything the common cases need without touching the trie.
/// Bits 0..21: the character's own value when that is a single character, else the
/// character itself.
const SLOT_CHAR: u64 = 0x1F_FFFF;
/// Bits 21..25: the priority of the character's own value.
const SLOT_PRIO_SHIFT: u32 = 21;
/// The character is a key on its own.
const SLOT_HAS_VALUE: u64 = 1 << 26;
/// ... and its value is the single character in bits 0..21.
const SLOT_SINGLE: u64 = 1 << 27;
/// Longer keys begin with the character.
const SLOT_PHRASES: u64 = 1 << 28;
/// The character's own value is longer than one character (needs the value table).
const SLOT_MULTI: u64 = 1 << 29;
/// Where few characters begin phrases (t2s): bits 32..52 say where the character's filter
/// region starts in `pair_bits`; bits 52..64: its word count less one (see [`pack_filter`]).
const SLOT_FILTER_SHIFT: u32 = 32;
/// Elsewhere (s2t): bits 32..64 hold the UTF-8 bytes of the character in bits 0..21
/// (little-endian), and bits 30..32 their count less one, so that the loop writes it as
/// it is (see [`Out::put4`]).
const SLOT_UTF8_SHIFT: u32 = 32;
const SLOT_UTF8_LEN_SHIFT: u32 = 30;
/// In a `pairs` entry: bits 0..24 hold the node of the two-character prefix.
const PAIR_NODE: u64 = (1 << 24) - 1;
/// In a `pairs` entry: when no third character continues the prefix, the prefix itself is
/// the match (it is a key, and no shorter key of lower priority wins over it).
const PAIR_TAKE: u64 = 1 << 24;
/// ... and its value is two characters of the Basic Multilingual Plane, held in bits 32..48
/// and 48..64, so that the common two-character phrase is answered from its entry alone.
const PAIR_INLINE: u64 = 1 << 25;
/// Separates the segments of a segmented config where its chain runs over them all at
/// once: a noncharacter, which no OpenCC dictionary holds in a key or a value (a test
/// checks), so no key matches across it and every stage copies it.
pub(crate) const SEPARATOR: char = '\u{FFFF}';
/// Accepts every priority: plain conversion stages.
pub(crate) const ANY_PRIORITY: u32 = u32::MAX;

/// Bounds of OpenCC's ideographic description sequence parser.
const IDS_MAX_DEPTH: usize = 16;
const IDS_MAX_CODE_POINTS: usize = 64;

/// What a match is replaced with.
enum Hit {
    Char(char),
    Value(u32),
}

#[derive(Clone, Copy)]
struct Node {
    start: u32,
    len: u32,
    value: u32,
}

/// One flattened dictionary tree as a trie, with a paged table for the first character.
pub(crate) struct Matcher {
    /// `code point >> 8` -> page number in `slots` (page 0 is all empty).
    pages: Vec<u16>,
    /// `page << 8 | (code point & 0xff)` -> 0 when no key begins with the character, else
    /// its own value inlined and what kinds of key begin with it (see `SLOT_*`), so that
    /// most characters are answered from this one word. Where few characters begin
    /// phrases (t2s), the slot also says where the character's filter of second
    /// characters lies in `pair_bits` (see [`Matcher::pair_maybe`]).
    slots: Vec<u64>,
    /// For each slot, the trie node of its character (only the slow paths need it).
    slot_nodes: Vec<u32>,
    /// Blocked Bloom filters, one region per first character, over the second characters
    /// of its keys of two or more characters: most characters that begin some phrase are
    /// not followed by a character that continues one, and this answers that without
    /// walking the trie. A region per character (instead of one filter hashed over pairs)
    /// keeps the filters of the common characters in the innermost cache. Word 0 is empty:
    /// the region of characters that begin no longer key.
    pair_bits: Vec<u64>,
    /// For each slot, the region of `pair_bits` that holds its filter of second
    /// characters, for [`Matcher::match_at`].
    exact_filters: Vec<u64>,
    /// One blocked Bloom filter over (first, second) and (first, second, third)
    /// characters, for stages where most characters begin phrases (see
    /// [`Matcher::candidate_bits`]): its address comes from the text alone, so its load
    /// does not wait for the slot's.
    cand_bits: Vec<u64>,
    cand_mask: usize,
    /// Open-addressing table (first, second character) -> node of the two-character prefix:
    /// replaces a binary search among the many children of common first characters.
    /// Each entry: the pair (`first << 32 | second`, `u64::MAX` when free), the node of the
    /// two-character prefix with what to do when nothing follows it (see `PAIR_*`), and a
    /// 64-bit filter of the characters that may follow it: most two-character prefixes in
    /// running text are either a key that is not continued or neither, which this answers
    /// from the one entry.
    pairs: Vec<[u64; 3]>,
    pair_mask: usize,
    /// Whether fewer than one in eight first characters begins a longer key.
    few_phrases: bool,
    /// For each value: the value itself when it is a single character.
    value_char: Vec<Option<char>>,
    nodes: Vec<Node>,
    /// Children of every node, sorted per node; the child at index `i` is node `i + 1`.
    child_chars: Vec<u32>,
    value_ends: Vec<u32>,
    values: String,
    /// Which ASCII bytes begin some key (almost always none).
    ascii_start: [bool; 128],
    /// UTF-8 lead bytes of every key's first character, when there are at most three:
    /// lets a stage that rarely applies (normalization) skip ahead with `memchr`.
    leads: Option<Vec<u8>>,
    /// For those stages, up to three (lead byte, lowest second byte, span) ranges that hold
    /// the first two bytes of every key's first character, when there are so few (the
    /// compatibility ideographs are two): text none of whose byte pairs falls in them is
    /// left alone, which a vectorised scan tells at close to memory speed.
    pair_ranges: Option<[(u8, u8, u8); 3]>,
    /// Every key of one character has a priority above 0 and every longer key priority 0
    /// (s2t): a match of priority 0 is then exactly a match of two or more characters.
    phrases_first: bool,
}

/// What a config runs: normalization stages, then segmentation and the chain per segment.
pub(crate) struct Plan {
    pub(crate) name: String,
    pub(crate) normalization: Vec<u32>,
    pub(crate) segmentation: Option<(u32, u32)>,
    pub(crate) chain: Vec<u32>,
}

pub(crate) struct Tables {
    body: &'static [u8],
    offsets: Vec<u32>,
    matchers: Vec<OnceLock<Result<Matcher, Error>>>,
    pub(crate) plans: Vec<Plan>,
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn u32(&mut self) -> Result<u32, Error> {
        let b = self
            .bytes
            .get(self.pos..self.pos + 4)
            .ok_or_else(|| corrupt(format!("truncated at byte {}", self.pos)))?;
        self.pos += 4;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn u32s(&mut self, n: u32) -> Result<Vec<u32>, Error> {
        let n = n as usize;
        let end = n
            .checked_mul(4)
            .and_then(|l| l.checked_add(self.pos))
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| corrupt(format!("array of {n} words overruns the file")))?;
        let out = self.bytes[self.pos..end]
            .chunks_exact(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect();
        self.pos = end;
        Ok(out)
    }

    fn bytes_padded(&mut self, n: u32) -> Result<&'a [u8], Error> {
        let n = n as usize;
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| corrupt(format!("{n} bytes overrun the file")))?;
        let out = &self.bytes[self.pos..end];
        self.pos = end.div_ceil(4) * 4;
        Ok(out)
    }
}

struct Varints<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Varints<'_> {
    /// Most numbers in the stream (child deltas, lengths) take one byte.
    #[inline(always)]
    fn next(&mut self) -> Result<u32, Error> {
        match self.bytes.get(self.pos) {
            Some(&b) if b < 0x80 => {
                self.pos += 1;
                Ok(u32::from(b))
            }
            _ => self.next_long(),
        }
    }

    #[inline(never)]
    fn next_long(&mut self) -> Result<u32, Error> {
        let mut v = 0u32;
        for shift in [0, 7, 14, 21, 28] {
            let b = *self
                .bytes
                .get(self.pos)
                .ok_or_else(|| corrupt("truncated table stream".to_owned()))?;
            self.pos += 1;
            v |= u32::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err(corrupt("overlong number in table stream".to_owned()))
    }
}

fn corrupt(what: String) -> Error {
    Error::CorruptTables { what }
}

/// The tables, parsed once per process (matchers themselves load lazily).
pub(crate) fn tables() -> Result<&'static Tables, Error> {
    static TABLES: OnceLock<Result<Tables, Error>> = OnceLock::new();
    TABLES
        .get_or_init(|| parse(COMPILED))
        .as_ref()
        .map_err(Clone::clone)
}

/// The header lines of the embedded file (its DO-NOT-EDIT notice and source fingerprint).
pub(crate) fn header() -> &'static str {
    let end = COMPILED.iter().position(|&b| b == 0).unwrap_or(0);
    std::str::from_utf8(&COMPILED[..end]).unwrap_or("")
}

fn parse(file: &'static [u8]) -> Result<Tables, Error> {
    let header_end = file
        .iter()
        .position(|&b| b == 0)
        .ok_or_else(|| corrupt("no header".to_owned()))?;
    let body = &file[(header_end + 1).div_ceil(4) * 4..];
    let mut r = Reader {
        bytes: body,
        pos: 0,
    };
    let version = r.u32()?;
    if version != FORMAT_VERSION {
        return Err(corrupt(format!(
            "format {version}, expected {FORMAT_VERSION}"
        )));
    }
    let n = r.u32()?;
    let offsets = r.u32s(n)?;
    // The plans follow the last matcher; find them by walking the sizes.
    let mut end = r.pos;
    for &off in &offsets {
        let mut m = Reader {
            bytes: body,
            pos: off as usize,
        };
        let (_nodes, _values, stream, value_bytes) = (m.u32()?, m.u32()?, m.u32()?, m.u32()?);
        m.bytes_padded(stream)?;
        m.bytes_padded(value_bytes)?;
        end = end.max(m.pos);
    }
    let mut r = Reader {
        bytes: body,
        pos: end,
    };
    let count = r.u32()?;
    let mut plans = Vec::new();
    for _ in 0..count {
        let len = r.u32()?;
        let name = std::str::from_utf8(r.bytes_padded(len)?)
            .map_err(|_| corrupt("config name is not UTF-8".to_owned()))?
            .to_owned();
        let k = r.u32()?;
        let normalization = r.u32s(k)?;
        let seg = r.u32()?;
        let limit = r.u32()?;
        let k = r.u32()?;
        let chain = r.u32s(k)?;
        for &m in normalization
            .iter()
            .chain(&chain)
            .chain((seg != NO_VALUE).then_some(&seg))
        {
            if m >= n {
                return Err(corrupt(format!("config {name} names table {m} of {n}")));
            }
        }
        let segmentation = (seg != NO_VALUE).then_some((seg, limit));
        plans.push(Plan {
            name,
            normalization,
            segmentation,
            chain,
        });
    }
    let matchers = (0..n).map(|_| OnceLock::new()).collect();
    Ok(Tables {
        body,
        offsets,
        matchers,
        plans,
    })
}

impl Tables {
    pub(crate) fn matcher(&self, id: u32) -> Result<&Matcher, Error> {
        let slot = self
            .matchers
            .get(id as usize)
            .ok_or_else(|| corrupt(format!("no table {id}")))?;
        let off = self.offsets.get(id as usize).copied().unwrap_or(u32::MAX);
        slot.get_or_init(|| Matcher::load(self.body, off as usize))
            .as_ref()
            .map_err(Clone::clone)
    }
}

impl Matcher {
    fn load(body: &[u8], off: usize) -> Result<Matcher, Error> {
        let mut r = Reader {
            bytes: body,
            pos: off,
        };
        let (n_nodes, n_values, n_stream, n_value_bytes) = (r.u32()?, r.u32()?, r.u32()?, r.u32()?);
        let mut stream = Varints {
            bytes: r.bytes_padded(n_stream)?,
            pos: 0,
        };
        let values = std::str::from_utf8(r.bytes_padded(n_value_bytes)?)
            .map_err(|_| corrupt("values are not UTF-8".to_owned()))?
            .to_owned();
        let n_children = n_nodes.saturating_sub(1);
        let mut nodes = Vec::with_capacity(n_nodes as usize);
        let mut child_chars = Vec::with_capacity(n_children as usize);
        let mut start = 0u32;
        for _ in 0..n_nodes {
            let len = stream.next()?;
            let value = stream.next()?.wrapping_sub(1);
            let mut c = 0u32;
            for _ in 0..len {
                c = c
                    .checked_add(stream.next()?)
                    .ok_or_else(|| corrupt("char overflow".to_owned()))?;
                child_chars.push(c);
            }
            nodes.push(Node { start, len, value });
            start = start
                .checked_add(len)
                .ok_or_else(|| corrupt("too many children".to_owned()))?;
        }
        let mut value_ends = Vec::with_capacity(n_values as usize);
        let mut end = 0u32;
        for _ in 0..n_values {
            end = end
                .checked_add(stream.next()?)
                .ok_or_else(|| corrupt("value overflow".to_owned()))?;
            value_ends.push(end);
        }
        if start != n_children || child_chars.len() != n_children as usize {
            return Err(corrupt("child count mismatch".to_owned()));
        }
        // Validate everything the loops index, so they cannot go out of bounds.
        let mut prev = 0u32;
        for &e in &value_ends {
            if e < prev || !values.is_char_boundary(e as usize) {
                return Err(corrupt("value offsets out of order".to_owned()));
            }
            prev = e;
        }
        if nodes.is_empty() {
            return Err(corrupt("empty trie".to_owned()));
        }
        for n in &nodes {
            let end = u64::from(n.start) + u64::from(n.len);
            if end > u64::from(n_children) {
                return Err(corrupt("child range out of bounds".to_owned()));
            }
            if n.value != NO_VALUE && (n.value & VALUE_MASK) >= n_values {
                return Err(corrupt("value id out of bounds".to_owned()));
            }
        }
        if value_ends
            .last()
            .is_some_and(|&e| e as usize != values.len())
        {
            return Err(corrupt("value lengths do not add up".to_owned()));
        }
        if child_chars.iter().any(|&c| c > 0x10_FFFF) {
            return Err(corrupt("child out of bounds".to_owned()));
        }
        let value_char = (0..value_ends.len())
            .map(|id| {
                let start = if id == 0 {
                    0
                } else {
                    value_ends[id - 1] as usize
                };
                let mut chars = values[start..value_ends[id] as usize].chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => Some(c),
                    _ => None,
                }
            })
            .collect();
        let mut m = Matcher {
            pages: vec![0; 0x1100],
            slots: vec![0; 256],
            slot_nodes: vec![0; 256],
            pair_bits: vec![0],
            exact_filters: Vec::new(),
            cand_bits: vec![0],
            cand_mask: 0,
            pairs: Vec::new(),
            pair_mask: 0,
            few_phrases: true,
            value_char,
            nodes,
            child_chars,
            value_ends,
            values,
            ascii_start: [false; 128],
            leads: None,
            pair_ranges: None,
            phrases_first: false,
        };
        let root = m.nodes[0];
        let root_children = root.start as usize..(root.start + root.len) as usize;
        let pairs: usize = root_children
            .clone()
            .map(|i| m.nodes[i + 1].len as usize)
            .sum();
        let with_phrases = root_children
            .clone()
            .filter(|&i| m.nodes[i + 1].len > 0)
            .count();
        m.few_phrases = with_phrases * 8 < root.len as usize;
        let table = (pairs + pairs / 2).next_power_of_two().max(16);
        m.pairs = vec![[u64::MAX, 0, 0]; table];
        m.pair_mask = table - 1;
        if !m.few_phrases {
            let items: usize = root_children
                .clone()
                .map(|i| {
                    let n = m.nodes[i + 1];
                    (n.start..n.start + n.len)
                        .map(|j| {
                            let second = m.nodes[j as usize + 1];
                            second.len as usize + usize::from(pair_takes(n, second))
                        })
                        .sum::<usize>()
                })
                .sum();
            let words = (items / 2).next_power_of_two().clamp(1, 1 << 20);
            m.cand_bits = vec![0; words];
            m.cand_mask = words - 1;
        }
        let mut leads = Vec::new();
        // (lead, second byte) of every key's first character; None once one is ASCII.
        let mut firsts: Option<Vec<(u8, u8)>> = Some(Vec::new());
        for i in root_children {
            let (c, node) = (m.child_chars[i], i as u32 + 1);
            let page = (c >> 8) as usize;
            if m.pages[page] == 0 {
                let next = u16::try_from(m.slots.len() / 256)
                    .map_err(|_| corrupt("too many pages".to_owned()))?;
                m.pages[page] = next;
                m.slots.resize(m.slots.len() + 256, 0);
                m.slot_nodes.resize(m.slots.len(), 0);
            }
            let n = m.nodes[node as usize];
            let mut slot = 0;
            if n.value != NO_VALUE {
                slot |= SLOT_HAS_VALUE | u64::from(n.value >> PRIO_SHIFT) << SLOT_PRIO_SHIFT;
                match m.value_char[(n.value & VALUE_MASK) as usize] {
                    Some(ch) => slot |= SLOT_SINGLE | u64::from(ch as u32),
                    None => slot |= SLOT_MULTI | u64::from(c),
                }
            } else {
                slot |= u64::from(c);
            }
            if n.len > 0 {
                slot |= SLOT_PHRASES;
            }
            // About 16 filter bits per second character: a few per cent false positives.
            let mut filter = 0;
            if n.len > 0 {
                filter = m.filter_region(n.len as usize)?;
            }
            // The candidate filter: the two-character prefixes that are the match when
            // nothing follows them, and the three-character prefixes of longer keys.
            let children = n.start as usize..(n.start + n.len) as usize;
            if !m.few_phrases {
                for j in children {
                    let (c2, second) = (m.child_chars[j], m.nodes[j + 1]);
                    let (word, take, _) = m.candidate_bits(c, c2, 0);
                    if pair_takes(n, second) {
                        m.cand_bits[word] |= take;
                    }
                    for k in second.start..second.start + second.len {
                        let (word, _, three) = m.candidate_bits(c, c2, m.child_chars[k as usize]);
                        m.cand_bits[word] |= three;
                    }
                }
            }
            let at = (m.pages[page] as usize) << 8 | (c & 0xff) as usize;
            m.exact_filters.resize(m.slots.len(), 0);
            m.exact_filters[at] = filter;
            // Where few characters begin phrases (t2s), the loop reaches the filter only
            // for those, and the exact one without the third character is cheaper.
            m.slots[at] = slot
                | if m.few_phrases {
                    pack_filter(filter)?
                } else {
                    let ch = char::from_u32((slot & SLOT_CHAR) as u32)
                        .ok_or_else(|| corrupt("slot character out of range".to_owned()))?;
                    let (bytes, len) = utf8_word(ch);
                    u64::from(bytes) << SLOT_UTF8_SHIFT | ((len - 1) as u64) << SLOT_UTF8_LEN_SHIFT
                };
            m.slot_nodes[at] = node;
            for j in n.start..n.start + n.len {
                let c2 = m.child_chars[j as usize];
                let (word, mask) = filter_bits(filter, c2);
                m.pair_bits[word] |= mask;
                let key = u64::from(c) << 32 | u64::from(c2);
                let mut e = pair_slot(key) & m.pair_mask;
                while m.pairs[e][0] != u64::MAX {
                    e = (e + 1) & m.pair_mask;
                }
                let second = m.nodes[j as usize + 1];
                if j + 1 > PAIR_NODE as u32 {
                    return Err(corrupt("too many trie nodes".to_owned()));
                }
                let mut info = u64::from(j + 1);
                if pair_takes(n, second) {
                    info |= PAIR_TAKE;
                    let id = (second.value & VALUE_MASK) as usize;
                    let start = if id == 0 {
                        0
                    } else {
                        m.value_ends[id - 1] as usize
                    };
                    let mut chars = m.values[start..m.value_ends[id] as usize].chars();
                    if let (Some(a), Some(b), None) = (chars.next(), chars.next(), chars.next()) {
                        if let (Ok(a), Ok(b)) = (u16::try_from(a as u32), u16::try_from(b as u32)) {
                            info |= PAIR_INLINE | u64::from(a) << 32 | u64::from(b) << 48;
                        }
                    }
                }
                let mut third = 0u64;
                for k in second.start..second.start + second.len {
                    third |= third_bit(m.child_chars[k as usize]);
                }
                m.pairs[e] = [key, info, third];
            }
            if c < 0x80 {
                m.ascii_start[c as usize] = true;
            }
            let mut buf = [0u8; 4];
            let utf8 = char::from_u32(c).map_or(&[][..], |ch| ch.encode_utf8(&mut buf).as_bytes());
            let lead = utf8.first().copied().unwrap_or(0);
            match (utf8, firsts.as_mut()) {
                (&[x, y, ..], Some(f)) => f.push((x, y)),
                _ => firsts = None,
            }
            if !leads.contains(&lead) {
                leads.push(lead);
            }
        }
        // Ideographic description sequences (U+2FF0..U+2FFF, lead byte 0xE2) change how
        // text is consumed, so the skip-ahead must stop at them too.
        if !leads.contains(&0xE2) {
            leads.push(0xE2);
        }
        if leads.len() <= 3 {
            m.leads = Some(leads);
            if let Some(mut f) = firsts {
                f.sort_unstable();
                f.dedup();
                // Never a UTF-8 byte: the unused ranges match nothing.
                let mut ranges = [(0xFF, 0, 0); 3];
                let mut n = 0usize;
                for (x, y) in f {
                    match n.checked_sub(1).map(|k| &mut ranges[k]) {
                        Some(r)
                            if r.0 == x && u16::from(r.1) + u16::from(r.2) + 1 == u16::from(y) =>
                        {
                            r.2 += 1;
                        }
                        _ if n < 3 => {
                            ranges[n] = (x, y, 0);
                            n += 1;
                        }
                        _ => {
                            n = 4;
                            break;
                        }
                    }
                }
                if n <= 3 {
                    m.pair_ranges = Some(ranges);
                }
            }
        }
        let one_char = root.start as usize + 1..=(root.start + root.len) as usize;
        m.phrases_first = m.nodes.iter().enumerate().skip(1).all(|(i, n)| {
            let one_char = one_char.contains(&i);
            n.value == NO_VALUE || ((n.value >> PRIO_SHIFT) == 0) != one_char
        });
        Ok(m)
    }

    /// Appends an empty filter region for `items` entries, about 16 bits each; returns its
    /// descriptor (word offset in bits 0..32, the word count less one in bits 32..).
    fn filter_region(&mut self, items: usize) -> Result<u64, Error> {
        let words = items.div_ceil(4).next_power_of_two();
        let offset = u32::try_from(self.pair_bits.len())
            .map_err(|_| corrupt("filter too large".to_owned()))?;
        self.pair_bits.resize(self.pair_bits.len() + words, 0);
        Ok(u64::from(offset) | ((words as u64) - 1) << 32)
    }

    #[inline(always)]
    fn root(&self, c: u32) -> [u64; 2] {
        let slot = self.root_slot(c);
        [slot, unpack_filter(slot)]
    }

    #[inline(always)]
    fn root_slot(&self, c: u32) -> u64 {
        let page = self.pages[(c >> 8) as usize] as usize;
        self.slots[page << 8 | (c & 0xff) as usize]
    }

    /// The trie node of `c` (0 when no key begins with it).
    fn node_of(&self, c: u32) -> u32 {
        let page = self.pages[(c >> 8) as usize] as usize;
        self.slot_nodes[page << 8 | (c & 0xff) as usize]
    }

    #[inline(always)]
    fn child(&self, node: Node, c: u32) -> u32 {
        let (s, e) = (node.start as usize, (node.start + node.len) as usize);
        let chars = &self.child_chars[s..e];
        match chars.binary_search(&c) {
            Ok(i) => (s + i) as u32 + 1,
            Err(_) => 0,
        }
    }

    #[inline(always)]
    fn value(&self, id: u32) -> &str {
        let id = id as usize;
        let start = if id == 0 {
            0
        } else {
            self.value_ends[id - 1] as usize
        };
        &self.values[start..self.value_ends[id] as usize]
    }

    /// Whether some key of two or more characters may begin with the first character
    /// whose filter is `filter` followed by `c2` (no false negatives).
    #[inline(always)]
    fn pair_maybe(&self, filter: u64, c2: u32) -> bool {
        let (word, mask) = filter_bits(filter, c2);
        self.pair_bits.get(word).is_some_and(|&w| w & mask == mask)
    }

    /// Whether a key of two or more characters may be the match where `c` is followed by
    /// `c2 c3` (no false negatives).
    #[inline(always)]
    fn candidate(&self, c: u32, c2: u32, c3: u32) -> bool {
        let (word, take, three) = self.candidate_bits(c, c2, c3);
        let w = self.cand_bits.get(word).copied().unwrap_or(0);
        (w & take == take) | (w & three == three)
    }

    /// The word of `cand_bits` for the prefix `c c2`, the two bits that stand for "the
    /// prefix `c c2` is the match when nothing follows", and the two that stand for "some
    /// key continues with `c c2 c3`": one word per two-character prefix, so that both are
    /// answered by one load.
    #[inline(always)]
    fn candidate_bits(&self, c: u32, c2: u32, c3: u32) -> (usize, u64, u64) {
        let h = (u64::from(c) << 21 | u64::from(c2)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let word = (h >> 32) as usize & self.cand_mask;
        let take = 1 << (h >> 58) | 1 << ((h >> 52) & 63);
        let g = (h ^ u64::from(c3)).wrapping_mul(0xD6E8_FEB8_6659_FD93);
        (word, take, 1 << (g >> 58) | 1 << ((g >> 52) & 63))
    }

    /// The node of the two-character prefix `c1 c2`, or 0.
    #[inline(always)]
    fn pair_node(&self, c1: u32, c2: u32) -> u32 {
        (self.pair_entry(c1, c2)[1] & PAIR_NODE) as u32
    }

    /// The entry of `pairs` for the two-character prefix `c1 c2`, or an empty one (node 0,
    /// nothing follows).
    #[inline(always)]
    fn pair_entry(&self, c1: u32, c2: u32) -> [u64; 3] {
        let key = u64::from(c1) << 32 | u64::from(c2);
        let mut at = pair_slot(key) & self.pair_mask;
        loop {
            let e = self.pairs[at];
            let k = e[0];
            if k == key {
                return e;
            }
            if k == u64::MAX {
                return [u64::MAX, 0, 0];
            }
            at = (at + 1) & self.pair_mask;
        }
    }

    #[inline(always)]
    fn hit(&self, vid: u32) -> Hit {
        match self.value_char[vid as usize] {
            Some(c) => Hit::Char(c),
            None => Hit::Value(vid),
        }
    }

    /// The key OpenCC matches at `b[i..]` (character `c` of `l` bytes) with priority at most
    /// `limit`: its length in bytes and replacement.
    #[inline(always)]
    fn match_at(&self, b: &[u8], i: usize, c: u32, l: usize, limit: u32) -> Option<(usize, Hit)> {
        let page = self.pages[(c >> 8) as usize] as usize;
        let at = page << 8 | (c & 0xff) as usize;
        let slot = self.slots[at];
        if slot == 0 {
            return None;
        }
        let filter = self.exact_filters.get(at).copied().unwrap_or(0);
        self.match_slot(b, i, c, l, slot, filter, limit)
    }

    /// [`Matcher::match_at`] once the slot of `c` is known to be non-zero.
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    fn match_slot(
        &self,
        b: &[u8],
        i: usize,
        c: u32,
        l: usize,
        slot: u64,
        filter: u64,
        limit: u32,
    ) -> Option<(usize, Hit)> {
        let node = self.node_of(c);
        if slot & SLOT_PHRASES != 0 && i + l < b.len() {
            let (c2, l2) = decode(b, i + l);
            if self.pair_maybe(filter, c2) {
                let second = self.pair_node(c, c2);
                if second != 0 {
                    return self
                        .longest_from_pair(b, i, l, node, second, i + l + l2, limit)
                        .map(|(len, v)| (len, self.hit(v)));
                }
            }
        }
        if slot & SLOT_HAS_VALUE == 0 || ((slot >> SLOT_PRIO_SHIFT) & 0x1f) as u32 > limit {
            return None;
        }
        if slot & SLOT_SINGLE != 0 {
            return char::from_u32((slot & SLOT_CHAR) as u32).map(|ch| (l, Hit::Char(ch)));
        }
        let v = self.nodes[node as usize].value;
        Some((l, Hit::Value(v & VALUE_MASK)))
    }

    /// The key OpenCC matches at `b[i..]` (lowest priority present, then longest), with the
    /// second character's node already found (`second`, reached after `j - i` bytes)
    /// through the pair table: its length in bytes and value id.
    #[allow(clippy::too_many_arguments)]
    fn longest_from_pair(
        &self,
        b: &[u8],
        i: usize,
        len0: usize,
        first: u32,
        second: u32,
        j: usize,
        limit: u32,
    ) -> Option<(usize, u32)> {
        let node = self.nodes[first as usize];
        let mut best = None;
        let mut best_prio = u32::MAX;
        if node.value != NO_VALUE && node.value >> PRIO_SHIFT <= limit {
            best = Some((len0, node.value & VALUE_MASK));
            best_prio = node.value >> PRIO_SHIFT;
        }
        let node = self.nodes[second as usize];
        let v = node.value;
        if v != NO_VALUE {
            let p = v >> PRIO_SHIFT;
            if p <= limit && p <= best_prio {
                best = Some((j - i, v & VALUE_MASK));
                best_prio = p;
            }
        }
        self.extend(b, i, j, node, limit, best, best_prio)
    }

    /// Walks on from `node` (reached at byte `j`) keeping the best key so far.
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    fn extend(
        &self,
        b: &[u8],
        i: usize,
        mut j: usize,
        mut node: Node,
        limit: u32,
        mut best: Option<(usize, u32)>,
        mut best_prio: u32,
    ) -> Option<(usize, u32)> {
        while node.len > 0 && j < b.len() {
            let (c, l) = decode(b, j);
            let next = self.child(node, c);
            if next == 0 {
                break;
            }
            node = self.nodes[next as usize];
            j += l;
            let v = node.value;
            if v != NO_VALUE {
                let p = v >> PRIO_SHIFT;
                if p <= limit && p <= best_prio {
                    best = Some((j - i, v & VALUE_MASK));
                    best_prio = p;
                }
            }
        }
        best
    }

    /// Byte offset of the first position at or after `from` where this stage could apply,
    /// or `b.len()`; only a hint, used to skip text a rarely-matching stage leaves alone.
    fn first_candidate(&self, b: &[u8], from: usize) -> usize {
        let Some(leads) = &self.leads else {
            return from;
        };
        let hay = &b[from..];
        let hit = match leads.as_slice() {
            [] => None,
            [a] => memchr::memchr(*a, hay),
            [a, c] => memchr::memchr2(*a, *c, hay),
            [a, c, d] => memchr::memchr3(*a, *c, *d, hay),
            _ => Some(0),
        };
        hit.map_or(b.len(), |h| from + h)
    }

    /// OpenCC's `Conversion::AppendConverted`: maximum forward matching over `text`,
    /// unmatched characters (and whole ideographic description sequences) copied as-is.
    pub(crate) fn convert_into(&self, text: &str, out: &mut String) {
        // A stage whose keys begin with few characters (the variant stages: TWVariants,
        // HKVariants, …) rarely applies to the text it meets: copying the runs between
        // its matches beats writing every character (t2tw, t2hk, hk2t about 1.4-2×,
        // s2tw's second stage about 1.25×), where stages of many first characters lose.
        if self.leads.is_some() || self.nodes[0].len < 256 {
            self.convert_sparse(text, out);
        } else {
            let mut o = Out::new(std::mem::take(out), crate::out::room_for(text.len()));
            if self.few_phrases {
                self.convert_dense(text, &mut o);
            } else {
                self.convert_window(text, &mut o);
            }
            *out = o.finish();
        }
    }

    /// For stages that change most text where few characters begin phrases (t2s): every
    /// character is written out as it is looked up, which keeps the common cases
    /// (unchanged, or a one-character value) free of unpredictable branches.
    fn convert_dense(&self, text: &str, out: &mut Out) {
        let b = text.as_bytes();
        let mut i = 0;
        // The character at `i`, decoded once: the look-ahead of one step is the current
        // character of the next.
        let mut cur = decode(b, 0);
        // ... and its slot, looked up one step ahead so that the load is under way while
        // the branches of the step before resolve.
        let mut cur_slot = self.root(cur.0);
        while i < b.len() {
            let (c, l) = cur;
            if c < 0x80 && !self.ascii_start[c as usize] {
                let start = i;
                i += 1;
                while i < b.len() && b[i] < 0x80 && !self.ascii_start[b[i] as usize] {
                    i += 1;
                }
                out.push_str(&text[start..i]);
                cur = decode(b, i);
                cur_slot = self.root(cur.0);
                continue;
            }
            let [slot, filter] = cur_slot;
            // The answer when no longer key applies: the character's one-character value, or
            // the character itself (slots carry it when the character is no key alone).
            let ch = if slot == 0 {
                c
            } else {
                (slot & SLOT_CHAR) as u32
            };
            // Computed without branching on the slot: whether a longer key may start here.
            let next = decode(b, i + l);
            let (c2, l2) = next;
            let next_slot = self.root(c2);
            // Few characters begin phrases here (t2s): a branch skips the filter well.
            let phrase = slot & SLOT_PHRASES != 0 && self.pair_maybe(filter, c2);
            let c3 = if phrase { decode(b, i + l + l2).0 } else { 0 };
            let slow = phrase | (slot & SLOT_MULTI != 0) | (c.wrapping_sub(0x2FF0) < 16);
            if !slow {
                if let Some(ch) = char::from_u32(ch) {
                    out.push(ch);
                }
                i += l;
                cur = next;
                cur_slot = next_slot;
                continue;
            }
            if phrase {
                let [_, info, third] = self.pair_entry(c, c2);
                let after = i + l + l2;
                // Most prefixes met in running text are not continued by the next character:
                // the entry then settles them on its own, without walking the trie.
                if third & third_bit(c3) != 0 {
                    let second = (info & PAIR_NODE) as u32;
                    let node = self.node_of(c);
                    if second != 0 {
                        if let Some((len, vid)) =
                            self.longest_from_pair(b, i, l, node, second, after, ANY_PRIORITY)
                        {
                            match self.hit(vid) {
                                Hit::Char(ch) => out.push(ch),
                                Hit::Value(vid) => out.push_str(self.value(vid)),
                            }
                            i += len;
                            cur = decode(b, i);
                            cur_slot = self.root(cur.0);
                            continue;
                        }
                    }
                } else if info & PAIR_TAKE != 0 {
                    self.write_pair_value(info, out);
                    i = after;
                    cur = decode(b, i);
                    cur_slot = self.root(cur.0);
                    continue;
                }
            }
            if slot & SLOT_HAS_VALUE != 0 {
                match char::from_u32(ch).filter(|_| slot & SLOT_SINGLE != 0) {
                    Some(ch) => out.push(ch),
                    None => {
                        let vid = self.nodes[self.node_of(c) as usize].value;
                        out.push_str(self.value(vid & VALUE_MASK));
                    }
                }
                i += l;
                cur = next;
                cur_slot = next_slot;
                continue;
            }
            let n = unmatched_len(b, i, c, l);
            out.push_str(&text[i..i + n]);
            i += n;
            cur = decode(b, i);
            cur_slot = self.root(cur.0);
        }
    }

    /// Writes the value of a two-character phrase that its pair entry settles: two BMP
    /// characters held inline in the entry, or a value behind its trie node.
    #[inline(always)]
    fn write_pair_value(&self, info: u64, out: &mut Out) {
        if info & PAIR_INLINE != 0 {
            let a = char::from_u32((info >> 32) as u16 as u32);
            let z = char::from_u32((info >> 48) as u32);
            if let (Some(a), Some(z)) = (a, z) {
                out.push(a);
                out.push(z);
            }
        } else {
            let vid = self.nodes[(info & PAIR_NODE) as usize].value;
            out.push_str(self.value(vid & VALUE_MASK));
        }
    }

    /// For stages where most characters begin some phrase (s2t): a window of three decoded
    /// characters slides along the text (see [`Window`]); the candidate filter over the
    /// next two characters sends the few places where a phrase may be the match to
    /// [`Matcher::phrase_step`].
    fn convert_window(&self, text: &str, out: &mut Out) {
        let mut w = Window::new(self, text);
        while w.step::<false>(self, out) {}
    }

    /// Whether [`Matcher::convert_marked`] can stand for segmentation by this stage's keys
    /// of priority 0 followed by this stage run on each segment.
    pub(crate) fn can_mark(&self) -> bool {
        self.phrases_first && !self.few_phrases && self.leads.is_none()
    }

    /// This stage over `text`, with [`SEPARATOR`] written before and after the value of
    /// every match of two or more characters. Where [`Matcher::can_mark`], those matches
    /// are the keys of priority 0 that OpenCC's maximum-match segmentation by the same
    /// keys finds, and the text between them matches one character at a time either way,
    /// so the separators fall exactly at the segment boundaries. Only for text without
    /// ideographic description characters (whose sequences match as one unit).
    pub(crate) fn convert_marked(&self, text: &str, out: &mut String) {
        let mut o = Out::new(std::mem::take(out), crate::out::room_for(text.len()));
        let mut w = Window::new(self, text);
        while w.step::<true>(self, &mut o) {}
        *out = o.finish();
    }

    /// One step of [`Matcher::convert_window`] where a phrase may be the match (or the
    /// character needs the value table, or begins a description sequence): writes the
    /// match at `i` and returns its length in bytes.
    #[inline(never)]
    #[allow(clippy::too_many_arguments)]
    fn phrase_step<const MARK: bool>(
        &self,
        text: &str,
        i: usize,
        (c, l): (u32, usize),
        (c2, l2): (u32, usize),
        c3: u32,
        slot: u64,
        out: &mut Out,
    ) -> usize {
        let b = text.as_bytes();
        let [_, info, third] = self.pair_entry(c, c2);
        // Most prefixes met in running text are not continued by the next character: the
        // entry then settles them on its own, without walking the trie.
        if third & third_bit(c3) != 0 {
            let second = (info & PAIR_NODE) as u32;
            let node = self.node_of(c);
            if second != 0 {
                if let Some((len, vid)) =
                    self.longest_from_pair(b, i, l, node, second, i + l + l2, ANY_PRIORITY)
                {
                    let mark = MARK && len > l;
                    if mark {
                        out.push(SEPARATOR);
                    }
                    match self.hit(vid) {
                        Hit::Char(ch) => out.push(ch),
                        Hit::Value(vid) => out.push_str(self.value(vid)),
                    }
                    if mark {
                        out.push(SEPARATOR);
                    }
                    return len;
                }
            }
        } else if info & PAIR_TAKE != 0 {
            if MARK {
                out.push(SEPARATOR);
            }
            self.write_pair_value(info, out);
            if MARK {
                out.push(SEPARATOR);
            }
            return l + l2;
        }
        if slot & SLOT_HAS_VALUE != 0 {
            match char::from_u32((slot & SLOT_CHAR) as u32).filter(|_| slot & SLOT_SINGLE != 0) {
                Some(ch) => out.push(ch),
                None => {
                    let vid = self.nodes[self.node_of(c) as usize].value;
                    out.push_str(self.value(vid & VALUE_MASK));
                }
            }
            return l;
        }
        let n = unmatched_len(b, i, c, l);
        out.push_str(&text[i..i + n]);
        n
    }

    /// The first key match at or after byte `from`: its start, length and value. Text that
    /// cannot start a key is skipped with `memchr` over the lead bytes of the keys.
    fn next_match(&self, b: &[u8], from: usize) -> Option<(usize, usize, Hit)> {
        let mut i = self.first_candidate(b, from);
        while i < b.len() {
            let x = b[i];
            if x < 0x80 && !self.ascii_start[x as usize] {
                i += 1;
                continue;
            }
            let (c, l) = decode(b, i);
            if let Some((len, hit)) = self.match_at(b, i, c, l, ANY_PRIORITY) {
                return Some((i, len, hit));
            }
            i += unmatched_len(b, i, c, l);
            i = self.first_candidate(b, i);
        }
        None
    }

    /// For stages that rarely apply (normalization): unchanged text is copied in runs
    /// between the matches.
    fn convert_sparse(&self, text: &str, out: &mut String) {
        let b = text.as_bytes();
        let mut flushed = 0;
        while let Some((i, len, hit)) = self.next_match(b, flushed) {
            out.push_str(&text[flushed..i]);
            match hit {
                Hit::Char(ch) => out.push(ch),
                Hit::Value(vid) => out.push_str(self.value(vid)),
            }
            flushed = i + len;
        }
        out.push_str(&text[flushed..]);
    }

    /// Whether this stage would change `text` at all (cheap for rarely-matching stages).
    pub(crate) fn touches(&self, text: &str) -> bool {
        let b = text.as_bytes();
        if let Some(ranges) = &self.pair_ranges {
            if !any_pair_in(b, ranges) {
                return false;
            }
        }
        self.next_match(b, 0).is_some()
    }

    /// OpenCC's `MaxMatchSegmentation`: calls `emit` with each segment (a key of priority at
    /// most `limit`, or a run of text between such keys), in order.
    pub(crate) fn segment(&self, text: &str, limit: u32, mut emit: impl FnMut(&str)) {
        let b = text.as_bytes();
        let mut run = 0;
        let mut i = 0;
        while i < b.len() {
            let x = b[i];
            if x < 0x80 && !self.ascii_start[x as usize] {
                i += 1;
                continue;
            }
            let (c, l) = decode(b, i);
            if let Some((len, _)) = self.match_at(b, i, c, l, limit) {
                if run < i {
                    emit(&text[run..i]);
                }
                emit(&text[i..i + len]);
                i += len;
                run = i;
                continue;
            }
            i += unmatched_len(b, i, c, l);
        }
        if run < b.len() {
            emit(&text[run..]);
        }
    }
}

/// A position in the text with the next three characters decoded and the slots of the
/// first two looked up, so that each step of [`Matcher::convert_window`] decodes one
/// character and looks one slot up.
struct Window<'t> {
    text: &'t str,
    i: usize,
    c: (u32, usize),
    c2: (u32, usize),
    slot: u64,
    slot2: u64,
}

impl<'t> Window<'t> {
    #[inline(always)]
    fn new(m: &Matcher, text: &'t str) -> Self {
        let mut w = Window {
            text,
            i: 0,
            c: (0, 1),
            c2: (0, 1),
            slot: 0,
            slot2: 0,
        };
        w.seek(m, 0);
        w
    }

    #[inline(always)]
    fn seek(&mut self, m: &Matcher, i: usize) {
        let b = self.text.as_bytes();
        self.i = i;
        self.c = decode(b, i);
        self.c2 = decode(b, i + self.c.1);
        self.slot = m.root_slot(self.c.0);
        self.slot2 = m.root_slot(self.c2.0);
    }

    /// Converts the match at the current position (a run of plain ASCII at once) and moves
    /// past it; false once the text is done.
    #[inline(always)]
    fn step<const MARK: bool>(&mut self, m: &Matcher, out: &mut Out) -> bool {
        let (text, i) = (self.text, self.i);
        let b = text.as_bytes();
        if i >= b.len() {
            return false;
        }
        let ((c, l), (c2, l2)) = (self.c, self.c2);
        if c < 0x80 && !m.ascii_start[c as usize] {
            // Most runs of plain ASCII in Chinese text are one character (a space, a line
            // break): the window then moves on by one step instead of starting over.
            if c2 >= 0x80 || m.ascii_start[c2 as usize] {
                out.put4(c, 1);
                self.i = i + 1;
                self.c = self.c2;
                self.slot = self.slot2;
                self.c2 = decode(b, i + 1 + l2);
                self.slot2 = m.root_slot(self.c2.0);
                return true;
            }
            let mut j = i + 1;
            while j < b.len() && b[j] < 0x80 && !m.ascii_start[b[j] as usize] {
                j += 1;
            }
            out.push_str(&text[i..j]);
            self.seek(m, j);
            return true;
        }
        let (c3, l3) = decode(b, i + l + l2);
        let s = self.slot;
        let slow = m.candidate(c, c2, c3) | (s & SLOT_MULTI != 0) | (c.wrapping_sub(0x2FF0) < 16);
        let n = if slow {
            m.phrase_step::<MARK>(text, i, (c, l), (c2, l2), c3, s, out)
        } else {
            // The answer when no longer key applies: the character's one-character value,
            // or the character itself (slots carry it when the character is no key
            // alone), as UTF-8 bytes; a character no key begins with is copied.
            // Chosen without a branch: which of the two applies varies from character to
            // character. An empty slot holds no bytes and length one.
            let keep = 0u32.wrapping_sub(u32::from(s == 0));
            let bytes = (s >> SLOT_UTF8_SHIFT) as u32 | raw4(b, i, c) & keep;
            let len = ((s >> SLOT_UTF8_LEN_SHIFT) & 3) as usize + 1 + (l - 1) * (keep & 1) as usize;
            out.put4(bytes, len);
            l
        };
        if n == l {
            self.i = i + l;
            self.c = self.c2;
            self.slot = self.slot2;
            self.c2 = (c3, l3);
            self.slot2 = m.root_slot(c3);
        } else {
            self.seek(m, i + n);
        }
        true
    }
}

/// The four bytes of `b` from `i` (little-endian), whose first are the UTF-8 encoding of the
/// character `c` there; near the end of `b`, that encoding.
#[inline(always)]
fn raw4(b: &[u8], i: usize, c: u32) -> u32 {
    match b.get(i..i.wrapping_add(4)) {
        Some(&[w, x, y, z]) => u32::from_le_bytes([w, x, y, z]),
        _ => char::from_u32(c).map_or(0, |ch| utf8_word(ch).0),
    }
}

/// A filter descriptor (offset in bits 0..32, word count less one in bits 32..) as slot bits.
fn pack_filter(filter: u64) -> Result<u64, Error> {
    let (offset, mask) = (filter as u32, (filter >> 32) as u32);
    if offset >= 1 << 20 || mask >= 1 << 12 {
        return Err(corrupt("filter too large".to_owned()));
    }
    Ok(u64::from(offset) << SLOT_FILTER_SHIFT | u64::from(mask) << (SLOT_FILTER_SHIFT + 20))
}

/// The filter descriptor held in a slot.
#[inline(always)]
fn unpack_filter(slot: u64) -> u64 {
    (slot >> SLOT_FILTER_SHIFT) & 0xF_FFFF | (slot >> (SLOT_FILTER_SHIFT + 20)) << 32
}

/// The word of `pair_bits` and the two bits in it that stand for `c2` in the filter
/// `filter` (word offset in bits 0..32, the word count less one, a power of two less one,
/// in bits 32..).
#[inline(always)]
fn filter_bits(filter: u64, c2: u32) -> (usize, u64) {
    let h = c2.wrapping_mul(0x9E37_79B1);
    let h = (h ^ h >> 15).wrapping_mul(0x85EB_CA77);
    let word = (filter as u32 as usize) + (h & (filter >> 32) as u32) as usize;
    (word, 1 << (h >> 26) | 1 << ((h >> 20) & 63))
}

/// Whether the two-character prefix whose first character's node is `first` and second's
/// `second` is the match when no third character continues it: it is a key, and a longer
/// key wins unless the shorter one has a lower priority.
fn pair_takes(first: Node, second: Node) -> bool {
    let first_prio = if first.value == NO_VALUE {
        u32::MAX
    } else {
        first.value >> PRIO_SHIFT
    };
    second.value != NO_VALUE && second.value >> PRIO_SHIFT <= first_prio
}

/// Whether some two consecutive bytes of `b` fall in one of the (lead, lowest second byte,
/// span) ranges. Chunks of fixed size without early exit, so that the compiler vectorises
/// the comparison.
fn any_pair_in(b: &[u8], ranges: &[(u8, u8, u8); 3]) -> bool {
    // Unused ranges (lead 0xFF, never a UTF-8 byte) come last; most stages use two (the
    // compatibility ideographs), and each range left out of the loop is a third less work.
    match *ranges {
        [r0, (0xFF, ..), _] => any_pair_in_n(b, [r0]),
        [r0, r1, (0xFF, ..)] => any_pair_in_n(b, [r0, r1]),
        all => any_pair_in_n(b, all),
    }
}

#[inline(always)]
fn any_pair_in_n<const N: usize>(b: &[u8], ranges: [(u8, u8, u8); N]) -> bool {
    const CHUNK: usize = 64;
    let pair = |p: u8, q: u8| {
        let mut hit = 0u8;
        for (lead, low, span) in ranges {
            hit |= u8::from(p == lead) & u8::from(q.wrapping_sub(low) <= span);
        }
        hit
    };
    let mut start = 0;
    while let Some(w) = b
        .get(start..start + CHUNK + 1)
        .and_then(|w| <&[u8; CHUNK + 1]>::try_from(w).ok())
    {
        let mut hit = 0u8;
        for k in 0..CHUNK {
            hit |= pair(w[k], w[k + 1]);
        }
        if hit != 0 {
            return true;
        }
        start += CHUNK;
    }
    let tail = b.get(start..).unwrap_or(&[]);
    tail.iter()
        .zip(tail.iter().skip(1))
        .any(|(&p, &q)| pair(p, q) != 0)
}

/// The bit that stands for `c` in the filter of characters following a two-character prefix.
#[inline(always)]
fn third_bit(c: u32) -> u64 {
    1 << (c.wrapping_mul(0x9E37_79B1) >> 26)
}

#[inline(always)]
fn pair_slot(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize
}

/// Decodes the character at `b[i]`; `b` is valid UTF-8 and `i` a character boundary.
/// (Slice patterns keep it to one length check per form.)
#[inline(always)]
fn decode(b: &[u8], i: usize) -> (u32, usize) {
    // Three-byte characters (all of the common Han characters) first, with one check.
    if let Some(&[x, y, z]) = b.get(i..i.wrapping_add(3)) {
        if x & 0xF0 == 0xE0 {
            let c = (x as u32 & 0x0F) << 12 | (y as u32 & 0x3F) << 6 | (z as u32 & 0x3F);
            return (c, 3);
        }
    }
    decode_any(b, i)
}

/// [`decode`] of any character.
#[inline(always)]
fn decode_any(b: &[u8], i: usize) -> (u32, usize) {
    match *b.get(i..).unwrap_or(&[]) {
        [x, ..] if x < 0x80 => (x as u32, 1),
        [x, y, ..] if x < 0xE0 => ((x as u32 & 0x1F) << 6 | (y as u32 & 0x3F), 2),
        [x, y, z, ..] if x < 0xF0 => (
            (x as u32 & 0x0F) << 12 | (y as u32 & 0x3F) << 6 | (z as u32 & 0x3F),
            3,
        ),
        [x, y, z, w, ..] => (
            (x as u32 & 0x07) << 18
                | (y as u32 & 0x3F) << 12
                | (z as u32 & 0x3F) << 6
                | (w as u32 & 0x3F),
            4,
        ),
        _ => (0, 1),
    }
}

/// How far OpenCC advances over an unmatched character: a complete ideographic
/// description sequence (⿰氵每) counts as one unit, so its parts are never converted.
#[inline(always)]
fn unmatched_len(b: &[u8], i: usize, c: u32, l: usize) -> usize {
    if (0x2FF0..=0x2FFF).contains(&c) {
        let mut points = 0;
        if let Some(n) = ids_len(b, i, IDS_MAX_DEPTH, &mut points) {
            return n;
        }
    }
    l
}

fn ids_arity(c: u32) -> usize {
    match c {
        0x2FF2 | 0x2FF3 => 3,
        0x2FFE | 0x2FFF => 1,
        0x2FF0..=0x2FFD => 2,
        _ => 0,
    }
}

/// Length of the complete description sequence at `b[i..]`, if it is complete.
fn ids_len(b: &[u8], i: usize, depth: usize, points: &mut usize) -> Option<usize> {
    if i >= b.len() || depth == 0 || *points >= IDS_MAX_CODE_POINTS {
        return None;
    }
    let (c, l) = decode(b, i);
    *points += 1;
    let arity = ids_arity(c);
    let mut off = l;
    for _ in 0..arity {
        off += ids_len(b, i + off, depth - 1, points)?;
    }
    Some(off)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The keys of a dictionary file's text.
    pub(crate) fn keys(dict: &str) -> impl Iterator<Item = &str> {
        dict.lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next())
            .filter(|k| !k.is_empty())
    }

    /// Up to `max_pieces` pieces per text, each a key, a prefix or suffix of one, or one of
    /// `others`; with `cut`, each text is then cut at a random character boundary.
    pub(crate) fn generated_texts(
        keys: &[&str],
        others: &[&str],
        (seed, max_pieces, cut): (u64, u64, bool),
        count: usize,
    ) -> Vec<String> {
        let mut seed = seed;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        (0..count)
            .map(|_| {
                let mut text = String::new();
                for _ in 0..(next() % max_pieces) {
                    let r = next();
                    let key = keys[(r >> 8) as usize % keys.len()];
                    match r % 8 {
                        0 => text.push_str(others[(r >> 40) as usize % others.len()]),
                        1 => text.extend(key.chars().take(1 + (r >> 50) as usize % 3)),
                        2 => text.extend(key.chars().skip(1)),
                        _ => text.push_str(key),
                    }
                }
                if cut {
                    let at = (next() as usize % (text.len() + 1)..=text.len())
                        .find(|&i| text.is_char_boundary(i))
                        .unwrap_or(text.len());
                    text.truncate(at);
                }
                text
            })
            .collect()
    }

    /// Texts made of dictionary keys, their prefixes and what the fast loops treat apart
    /// (ASCII runs of one and more characters, description sequences, characters outside
    /// the Basic Multilingual Plane, punctuation), cut anywhere.
    fn mixed_texts(dict: &str, count: usize) -> Vec<String> {
        let keys: Vec<&str> = keys(dict).collect();
        let others = [
            " ",
            "\n",
            "ab 12",
            "⿰氵每",
            "⿱",
            "\u{20000}",
            "，",
            "。",
            "\u{F900}",
            "a",
        ];
        generated_texts(&keys, &others, (0x9E37_79B9_7F4A_7C15, 40, true), count)
    }

    fn chain_matcher(config: &str) -> &'static Matcher {
        let tables = tables().expect("embedded tables load");
        let plan = tables
            .plans
            .iter()
            .find(|p| p.name == config)
            .expect("plan");
        tables.matcher(plan.chain[0]).expect("matcher")
    }

    #[test]
    fn fast_loops_give_the_plain_maximum_match() {
        // The plain loop (`convert_sparse` with no lead bytes to skip to) asks `match_at` at
        // every character; the s2t window and the t2s loop must agree with it everywhere.
        let s2t = chain_matcher("s2t");
        assert!(!s2t.few_phrases && s2t.leads.is_none());
        let t2s = chain_matcher("t2s");
        assert!(t2s.few_phrases && t2s.leads.is_none());
        for (m, dict, fast) in [
            (
                s2t,
                include_str!("../data/opencc/dictionary/STPhrases.txt"),
                Matcher::convert_into as fn(&Matcher, &str, &mut String),
            ),
            (
                t2s,
                include_str!("../data/opencc/dictionary/TSPhrases.txt"),
                Matcher::convert_into,
            ),
        ] {
            for text in mixed_texts(dict, 3000) {
                let (mut got, mut want) = (String::new(), String::new());
                fast(m, &text, &mut got);
                m.convert_sparse(&text, &mut want);
                assert_eq!(got, want, "on {text:?}");
            }
        }
    }

    #[test]
    fn the_s2t_loop_appends_after_what_the_output_holds() {
        let s2t = chain_matcher("s2t");
        let text = "简体字，然后是\u{20000}和 ASCII。".repeat(50);
        let mut want = String::new();
        s2t.convert_sparse(&text, &mut want);
        for prefix in ["", "前", "already here\n"] {
            let mut out = String::from(prefix);
            s2t.convert_into(&text, &mut out);
            assert_eq!(out, format!("{prefix}{want}"));
        }
        let mut out = String::new();
        s2t.convert_into("", &mut out);
        assert_eq!(out, "");
    }

    #[test]
    fn pair_scan_finds_a_pair_anywhere_and_nothing_else() {
        // U+F900 (a compatibility ideograph) is EF A4 80; U+FF0C (full-width comma) is
        // EF BC 8C and shares only the lead byte.
        let ranges = [(0xEF, 0xA4, 7), (0xF0, 0xAF, 0), (0xFF, 0, 0)];
        let plain = "新闻，报道。".repeat(40);
        assert!(!any_pair_in(plain.as_bytes(), &ranges));
        for at in [0, 21, 63, 64, 65, 127, plain.len()] {
            let mut text = plain.clone();
            // Insert at a character boundary at or before `at`.
            let at = (0..=at)
                .rev()
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(0);
            text.insert(at, '\u{F900}');
            assert!(any_pair_in(text.as_bytes(), &ranges), "missed at {at}");
        }
        assert!(!any_pair_in(b"", &ranges));
        assert!(any_pair_in("\u{2F800}".as_bytes(), &ranges));
        // One range, and three (the third for U+3002, the ideographic full stop E3 80 82).
        let one = [(0xEF, 0xA4, 7), (0xFF, 0, 0), (0xFF, 0, 0)];
        let three = [(0xEF, 0xA4, 7), (0xF0, 0xAF, 0), (0xE3, 0x80, 0)];
        assert!(!any_pair_in(plain.as_bytes(), &one));
        assert!(any_pair_in(plain.as_bytes(), &three));
        assert!(!any_pair_in("新闻，报道".repeat(40).as_bytes(), &three));
        assert!(any_pair_in(format!("{plain}\u{F900}").as_bytes(), &one));
        assert!(!any_pair_in("\u{2F800}".as_bytes(), &one));
    }
}
