//! The YAML subset that front matter uses.
//!
//! The structure (indentation, which node starts where) is followed by a small cursor over
//! the text; the tokens inside a line — scalar resolution, escapes, block scalar headers,
//! anchor names — are nom parsers. Every node parser leaves the cursor at the start of the
//! line after the node, having checked that nothing but a comment follows it.

use crate::error::{Error, ErrorKind, Origin};
use crate::value::{Map, Value};
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n, take_while1};
use nom::character::complete::{char, digit0, digit1, hex_digit1, oct_digit1, one_of};
use nom::combinator::{all_consuming, map, opt, recognize, value};
use nom::sequence::preceded;
use nom::{IResult, Parser as _};
use std::borrow::Cow;
use std::cell::Cell;
use std::collections::{HashMap, HashSet};

/// How deeply collections may nest (block and flow together). Deeper input is an error,
/// so hostile input cannot exhaust the stack.
pub const MAX_DEPTH: usize = 128;

/// How many nodes aliases may copy in one document in total. A "billion laughs" document
/// reaches this after a few levels and is rejected instead of exhausting memory.
pub const MAX_ALIAS_NODES: usize = 100_000;

type Res<T> = Result<T, Error>;

pub(crate) fn parse(src: &str, origin: Origin) -> Res<Value<'_>> {
    let mut p = P {
        src,
        b: src.as_bytes(),
        pos: 0,
        origin,
        depth: 0,
        anchors: HashMap::new(),
        expanded: 0,
        key_cache: Cell::new((usize::MAX, 0)),
    };
    p.check_chars()?;
    p.document()
}

struct P<'a> {
    src: &'a str,
    b: &'a [u8],
    pos: usize,
    origin: Origin,
    depth: usize,
    anchors: HashMap<&'a str, (Value<'a>, usize)>,
    expanded: usize,
    /// The last key found by `key_end` (start, colon): a key line is looked at up to three
    /// times (is it a key? which mapping? parse it), and scanning it once is enough.
    key_cache: Cell<(usize, usize)>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    /// A node that begins a line (or the document): anything may start here.
    Line,
    /// After `key:` or `---` on the same line: a mapping or sequence cannot start here.
    Value,
    /// After `- ` on the same line: compact nested mappings and sequences may start here.
    Entry,
}

fn is_ws(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

fn is_brk(b: u8) -> bool {
    b == b'\n' || b == b'\r'
}

fn is_flow_ind(b: u8) -> bool {
    matches!(b, b',' | b'[' | b']' | b'{' | b'}')
}

impl<'a> P<'a> {
    // ---- small helpers -------------------------------------------------------------

    /// The byte at `p`, or 0 past the end (NUL is rejected up front, so 0 means the end).
    fn at(&self, p: usize) -> u8 {
        self.b.get(p).copied().unwrap_or(0)
    }

    fn cur(&self) -> u8 {
        self.at(self.pos)
    }

    fn eof(&self, p: usize) -> bool {
        p >= self.b.len()
    }

    /// End of input, a line break, or the end of input at `p`.
    fn brk_or_eof(&self, p: usize) -> bool {
        self.eof(p) || is_brk(self.at(p))
    }

    fn blank_at(&self, p: usize) -> bool {
        self.eof(p) || is_ws(self.at(p)) || is_brk(self.at(p))
    }

    fn line_start(&self, p: usize) -> usize {
        memchr::memrchr(b'\n', &self.b[..p]).map_or(0, |i| i + 1)
    }

    fn col(&self, p: usize) -> usize {
        p - self.line_start(p)
    }

    fn err(&self, at: usize, kind: ErrorKind, msg: impl Into<String>) -> Error {
        Error::new(kind, msg.into(), self.origin.locate(self.src, at))
    }

    fn syntax(&self, at: usize, msg: impl Into<String>) -> Error {
        self.err(at, ErrorKind::Syntax, msg)
    }

    fn skip_ws(&mut self) {
        while is_ws(self.cur()) {
            self.pos += 1;
        }
    }

    /// Position after the line break at `p` (which must be at a break).
    fn after_brk(&self, p: usize) -> usize {
        match self.at(p) {
            b'\r' if self.at(p + 1) == b'\n' => p + 2,
            b'\r' | b'\n' => p + 1,
            _ => p,
        }
    }

    fn end_of_line(&self, p: usize) -> usize {
        let rest = self.b.get(p..).unwrap_or_default();
        memchr::memchr2(b'\n', b'\r', rest).map_or(self.b.len(), |i| p + i)
    }

    fn check_chars(&self) -> Res<()> {
        if let Some(i) = self
            .b
            .iter()
            .position(|&c| (c < 0x20 && c != b'\t' && c != b'\n' && c != b'\r') || c == 0x7f)
        {
            return Err(self.syntax(
                i,
                format!(
                    "control character U+{:04X} is not allowed in YAML; remove it or write it as an escape in a double-quoted string",
                    self.b[i]
                ),
            ));
        }
        Ok(())
    }

    /// Whether a `---` or `...` document marker starts at `p`.
    fn marker_at(&self, p: usize) -> Option<u8> {
        let m = self.at(p);
        if (m == b'-' || m == b'.')
            && self.col(p) == 0
            && self.at(p + 1) == m
            && self.at(p + 2) == m
            && self.blank_at(p + 3)
        {
            Some(m)
        } else {
            None
        }
    }

    /// After a node: only spaces and a comment may follow on the line; moves past the break.
    fn finish_line(&mut self) -> Res<()> {
        let had_ws = self.pos > 0 && is_ws(self.at(self.pos - 1));
        let start = self.pos;
        self.skip_ws();
        if self.cur() == b'#' {
            if !had_ws && self.pos == start && self.col(self.pos) != 0 {
                return Err(self.syntax(
                    self.pos,
                    "a comment needs a space before `#`; add one, or quote the value if `#` belongs to it",
                ));
            }
            self.pos = self.end_of_line(self.pos);
        }
        if self.eof(self.pos) {
            return Ok(());
        }
        if is_brk(self.cur()) {
            self.pos = self.after_brk(self.pos);
            return Ok(());
        }
        Err(self.stray(self.pos))
    }

    fn stray(&self, at: usize) -> Error {
        match self.at(at) {
            b':' => self.syntax(
                at,
                "unexpected `:`; a mapping cannot start here (a key must begin its own line, and a multi-line value cannot be a key). Quote the value if the `:` belongs to it",
            ),
            b'-' if self.blank_at(at + 1) => self.syntax(
                at,
                "a sequence item cannot start here; put `- ` at the start of its own line",
            ),
            _ => self.syntax(
                at,
                "unexpected text after the value; quote the whole value or move this onto its own line",
            ),
        }
    }

    /// From a line start, skips blank and comment-only lines. Returns the indentation
    /// (spaces) of the next line with content, leaving the cursor at that line's start, or
    /// `None` at the end of input.
    fn next_content_line(&mut self) -> Option<usize> {
        loop {
            let ls = self.pos;
            let mut p = ls;
            while self.at(p) == b' ' {
                p += 1;
            }
            let indent = p - ls;
            while is_ws(self.at(p)) {
                p += 1;
            }
            if self.eof(p) {
                self.pos = p;
                return None;
            }
            match self.at(p) {
                b'\n' | b'\r' => self.pos = self.after_brk(p),
                b'#' => {
                    let e = self.end_of_line(p);
                    if self.eof(e) {
                        self.pos = e;
                        return None;
                    }
                    self.pos = self.after_brk(e);
                }
                _ => return Some(indent),
            }
        }
    }

    /// A structural line must be indented with spaces only.
    fn check_tab_indent(&self, ls: usize, indent: usize, what: &str) -> Res<()> {
        if self.at(ls + indent) == b'\t' {
            return Err(self.syntax(
                ls + indent,
                format!("a tab cannot indent {what}; use spaces"),
            ));
        }
        Ok(())
    }

    fn enter(&mut self, at: usize) -> Res<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.err(
                at,
                ErrorKind::Limit,
                format!("nesting is deeper than {MAX_DEPTH} levels; flatten the front matter"),
            ));
        }
        Ok(())
    }

    // ---- document ------------------------------------------------------------------

    fn document(&mut self) -> Res<Value<'a>> {
        if self.src.starts_with('\u{feff}') {
            self.pos = 3;
        }
        let Some(indent) = self.next_content_line() else {
            return Ok(Value::Null);
        };
        let start = self.pos + indent;
        if indent == 0 && self.at(start) == b'%' {
            return Err(self.err(
                start,
                ErrorKind::Unsupported,
                "directives (`%YAML`, `%TAG`) are not supported in front matter; remove the line",
            ));
        }
        let value = if self.marker_at(start) == Some(b'-') {
            self.pos = start + 3;
            self.block_value(-1, Ctx::Value)?
        } else if self.marker_at(start) == Some(b'.') {
            Value::Null
        } else {
            let ls = self.pos;
            self.indented_node(ls, indent, -1)?
        };
        let Some(indent) = self.next_content_line() else {
            return Ok(value);
        };
        let at = self.pos + indent;
        match self.marker_at(at) {
            Some(b'.') => {
                self.pos = at + 3;
                self.finish_line()?;
                match self.next_content_line() {
                    None => Ok(value),
                    Some(i) => Err(self.more_documents(self.pos + i)),
                }
            }
            Some(_) => Err(self.more_documents(at)),
            None => Err(if indent > 0 {
                self.syntax(
                    at,
                    "this line is indented more than the block it follows; align it with the lines above",
                )
            } else {
                self.syntax(
                    at,
                    "unexpected content after the end of the top-level value; check its indentation",
                )
            }),
        }
    }

    fn more_documents(&self, at: usize) -> Error {
        self.err(
            at,
            ErrorKind::Unsupported,
            "front matter holds one YAML document; remove this document marker and what follows it",
        )
    }

    // ---- block structure -----------------------------------------------------------

    /// The value after an indicator (`key:`, `- `, `---`) at the cursor: on the same line or
    /// on the following, more indented lines. `parent` is the indentation of the collection
    /// the value belongs to (-1 at the top level).
    fn block_value(&mut self, parent: isize, ctx: Ctx) -> Res<Value<'a>> {
        let sep = self.pos;
        self.skip_ws();
        if ctx == Ctx::Entry
            && self.src[sep..self.pos].contains('\t')
            && ((self.cur() == b'-' && self.blank_at(self.pos + 1))
                || self.key_end(self.pos).is_some())
        {
            return Err(self.syntax(
                sep,
                "a tab cannot indent a collection nested in a `- ` item; use spaces",
            ));
        }
        if self.cur() == b'#' || self.brk_or_eof(self.pos) {
            self.finish_line()?;
            return self.next_line_value(parent, ctx);
        }
        self.block_node(parent, ctx)
    }

    /// A value that starts on a following line (or is null).
    fn next_line_value(&mut self, parent: isize, ctx: Ctx) -> Res<Value<'a>> {
        let Some(indent) = self.next_content_line() else {
            return Ok(Value::Null);
        };
        let ls = self.pos;
        let start = ls + indent;
        if self.marker_at(start).is_some() {
            return Ok(Value::Null);
        }
        if indent as isize > parent {
            return self.indented_node(ls, indent, parent);
        }
        // `key:` followed by `- ` items at the key's own indentation, as the seeds write it.
        if indent as isize == parent
            && ctx == Ctx::Value
            && self.at(start) == b'-'
            && self.blank_at(start + 1)
        {
            self.pos = start;
            return self.block_seq(indent);
        }
        Ok(Value::Null)
    }

    /// A node that begins a line indented by `indent` spaces. Tabs after the spaces may
    /// separate a scalar or a flow collection, but cannot indent a block collection, whose
    /// indentation they would make ambiguous.
    fn indented_node(&mut self, ls: usize, indent: usize, parent: isize) -> Res<Value<'a>> {
        let start = ls + indent;
        if self.at(start) == b'\t' {
            let mut q = start;
            while is_ws(self.at(q)) {
                q += 1;
            }
            if self.key_end(q).is_some() || (self.at(q) == b'-' && self.blank_at(q + 1)) {
                let what = if self.at(q) == b'-' {
                    "a sequence"
                } else {
                    "a mapping"
                };
                return Err(self.syntax(start, format!("a tab cannot indent {what}; use spaces")));
            }
            self.pos = q;
            return self.block_node(parent, Ctx::Value);
        }
        self.pos = start;
        self.block_node(parent, Ctx::Line)
    }

    /// A node whose first character is at the cursor.
    fn block_node(&mut self, parent: isize, ctx: Ctx) -> Res<Value<'a>> {
        let start = self.pos;
        let c = self.cur();
        // Node properties.
        if c == b'!' {
            return Err(self.unsupported_tag(start));
        }
        if c == b'&' {
            let name = self.anchor_name(start + 1)?;
            self.pos = start + 1 + name.len();
            if !self.blank_at(self.pos) {
                return Err(self.syntax(self.pos, "an anchor name must be followed by a space"));
            }
            self.skip_ws();
            let value = if self.cur() == b'#' || self.brk_or_eof(self.pos) {
                self.finish_line()?;
                self.next_line_value(parent, Ctx::Value)?
            } else if ctx != Ctx::Value && self.key_end(self.pos).is_some() {
                // `&a key: value`: the anchor names the key; the mapping starts before it.
                let col = self.col(start);
                return self.block_map(col, Some((name, start)));
            } else {
                if self.cur() == b'&' || self.cur() == b'!' {
                    return Err(self.syntax(
                        self.pos,
                        "a node takes one anchor; remove the extra property",
                    ));
                }
                self.block_node(parent, ctx)?
            };
            self.define_anchor(name, &value, start)?;
            return Ok(value);
        }
        let next_blank = self.blank_at(start + 1);
        match c {
            b'-' if next_blank => {
                if ctx == Ctx::Value {
                    return Err(self.syntax(
                        start,
                        "a sequence cannot start on the same line as its key; put each `- ` item on its own line",
                    ));
                }
                let col = self.col(start);
                self.block_seq(col)
            }
            b'?' if next_blank => Err(self.err(
                start,
                ErrorKind::Unsupported,
                "explicit `? ` keys are not supported in front matter; write `key: value`",
            )),
            b':' if next_blank => Err(self.err(
                start,
                ErrorKind::Unsupported,
                "a mapping key is missing before `:`; write `key: value`",
            )),
            b'|' | b'>' => {
                let s = self.block_scalar(parent)?;
                Ok(Value::String(s))
            }
            _ => {
                // After `key:` a mapping cannot start, so the line is not searched for a
                // key (the scalar scan below stops at a `: ` and reports it).
                if ctx != Ctx::Value && self.key_end(start).is_some() {
                    let col = self.col(start);
                    return self.block_map(col, None);
                }
                let value = match c {
                    b'[' | b'{' => {
                        let v = self.flow_collection(parent)?;
                        self.skip_ws();
                        if self.cur() == b':' {
                            return Err(self.err(
                                self.pos,
                                ErrorKind::Unsupported,
                                "a collection cannot be a mapping key in front matter; use a plain key",
                            ));
                        }
                        v
                    }
                    b'"' => Value::String(self.double_quoted(parent)?),
                    b'\'' => Value::String(self.single_quoted(parent)?),
                    b'*' => self.alias(start)?,
                    _ => {
                        let text = self.plain_block(parent)?;
                        resolve(text).map_err(|m| self.err(start, ErrorKind::Limit, m))?
                    }
                };
                if ctx == Ctx::Value
                    && self.cur() == b':'
                    && self.blank_at(self.pos + 1)
                    && self.line_start(self.pos) <= start
                {
                    return Err(self.syntax(
                        start,
                        "a mapping cannot start on the same line as its key; put it on the next line, indented",
                    ));
                }
                self.finish_line()?;
                Ok(value)
            }
        }
    }

    /// A block mapping whose first key is at the cursor, in column `indent`.
    fn block_map(&mut self, indent: usize, key_anchor: Option<(&'a str, usize)>) -> Res<Value<'a>> {
        self.enter(self.pos)?;
        let mut map = Map::new();
        let mut seen: HashSet<Cow<'a, str>> = HashSet::new();
        let mut key_anchor = key_anchor;
        loop {
            let key_at = self.pos;
            let key = self.map_key()?;
            if let Some((name, at)) = key_anchor.take() {
                self.define_anchor(name, &Value::String(key.clone()), at)?;
            }
            // Short maps are checked by a scan; long ones through a set, so a large
            // generated front matter stays linear.
            let dup = if map.len() < 16 {
                map.contains_key(&key)
            } else {
                if seen.is_empty() {
                    seen.extend(map.keys().map(|k| Cow::Owned(k.to_string())));
                }
                !seen.insert(key.clone())
            };
            if dup {
                return Err(self.syntax(
                    key_at,
                    format!("duplicate key `{key}`; each key may appear once in a mapping"),
                ));
            }
            let value = self.block_value(indent as isize, Ctx::Value)?;
            map.push(key, value);
            let Some(next) = self.next_content_line() else {
                break;
            };
            let ls = self.pos;
            let at = ls + next;
            if next < indent || self.marker_at(at).is_some() {
                break;
            }
            if next > indent {
                return Err(self.syntax(
                    at,
                    "this line is indented more than the keys above it; align it with them, or put it under a key that has no value on its line",
                ));
            }
            self.check_tab_indent(ls, next, "a mapping")?;
            self.pos = at;
            if self.cur() == b'&' {
                let name = self.anchor_name(at + 1)?;
                self.pos = at + 1 + name.len();
                self.skip_ws();
                key_anchor = Some((name, at));
            }
            if self.key_end(self.pos).is_none() {
                if self.cur() == b'-' && self.blank_at(self.pos + 1) {
                    // Belongs to an enclosing structure, or is misplaced; the caller decides.
                    self.pos = ls;
                    break;
                }
                return Err(self.syntax(
                    self.pos,
                    "expected `key: value` at the indentation of the keys above; add the `: ` or fix the indentation",
                ));
            }
        }
        self.depth -= 1;
        Ok(Value::Map(map))
    }

    /// A key at the cursor, through the `:` that ends it.
    fn map_key(&mut self) -> Res<Cow<'a, str>> {
        let start = self.pos;
        let key: Cow<'a, str> = match self.cur() {
            b'"' => self.double_quoted(-1)?,
            b'\'' => self.single_quoted(-1)?,
            b'*' => match self.alias(start)? {
                Value::String(s) => s,
                _ => {
                    return Err(self.err(
                        start,
                        ErrorKind::Unsupported,
                        "an alias used as a key must name a string; use a plain key",
                    ));
                }
            },
            b'!' => return Err(self.unsupported_tag(start)),
            _ => {
                let end = self.key_end(start).unwrap_or(start);
                let mut e = end;
                while e > start && is_ws(self.at(e - 1)) {
                    e -= 1;
                }
                self.pos = end;
                Cow::Borrowed(&self.src[start..e])
            }
        };
        self.skip_ws();
        if self.cur() != b':' {
            return Err(self.syntax(self.pos, "expected `:` after the key"));
        }
        self.pos += 1;
        Ok(key)
    }

    /// If a single-line implicit key starts at `p`, the position of its `:`.
    fn key_end(&self, p: usize) -> Option<usize> {
        let (at, colon) = self.key_cache.get();
        if at == p {
            return Some(colon);
        }
        let found = self.scan_key(p);
        if let Some(colon) = found {
            self.key_cache.set((p, colon));
        }
        found
    }

    fn scan_key(&self, p: usize) -> Option<usize> {
        let c = self.at(p);
        let mut q = match c {
            b'"' => {
                let mut q = p + 1;
                loop {
                    match self.at(q) {
                        b'"' => break q + 1,
                        b'\\' => q += 2,
                        b'\n' | b'\r' | 0 => return None,
                        _ => q += 1,
                    }
                }
            }
            b'\'' => {
                let mut q = p + 1;
                loop {
                    match self.at(q) {
                        b'\'' if self.at(q + 1) == b'\'' => q += 2,
                        b'\'' => break q + 1,
                        b'\n' | b'\r' | 0 => return None,
                        _ => q += 1,
                    }
                }
            }
            b'*' => {
                let mut q = p + 1;
                while !self.blank_at(q) && !is_flow_ind(self.at(q)) {
                    q += 1;
                }
                q
            }
            _ => {
                if !self.plain_start(p, false) {
                    return None;
                }
                let mut q = p;
                loop {
                    match self.at(q) {
                        b':' if self.blank_at(q + 1) => return Some(q),
                        b'#' if q > p && is_ws(self.at(q - 1)) => return None,
                        b'\n' | b'\r' | 0 => return None,
                        _ => q += 1,
                    }
                }
            }
        };
        while is_ws(self.at(q)) {
            q += 1;
        }
        (self.at(q) == b':' && self.blank_at(q + 1)).then_some(q)
    }

    /// A block sequence whose first `-` is at the cursor, in column `indent`.
    fn block_seq(&mut self, indent: usize) -> Res<Value<'a>> {
        self.enter(self.pos)?;
        let mut items = Vec::new();
        loop {
            self.pos += 1;
            let item = self.block_value(indent as isize, Ctx::Entry)?;
            items.push(item);
            let Some(next) = self.next_content_line() else {
                break;
            };
            let ls = self.pos;
            let at = ls + next;
            if next < indent || self.marker_at(at).is_some() {
                break;
            }
            if next > indent {
                return Err(self.syntax(
                    at,
                    "this line is indented more than the `- ` items above it; align it with them",
                ));
            }
            self.check_tab_indent(ls, next, "a sequence")?;
            if !(self.at(at) == b'-' && self.blank_at(at + 1)) {
                break;
            }
            self.pos = at;
        }
        self.depth -= 1;
        Ok(Value::Seq(items))
    }

    // ---- scalars -------------------------------------------------------------------

    /// Whether a plain scalar may start at `p` (`flow`: inside `[]`/`{}`).
    fn plain_start(&self, p: usize, flow: bool) -> bool {
        let c = self.at(p);
        match c {
            0 | b'\n' | b'\r' | b' ' | b'\t' => false,
            b'-' | b'?' | b':' => {
                let n = self.at(p + 1);
                !(self.blank_at(p + 1) || (flow && is_flow_ind(n)))
            }
            b',' | b'[' | b']' | b'{' | b'}' | b'#' | b'&' | b'*' | b'!' | b'|' | b'>' | b'\''
            | b'"' | b'%' | b'@' | b'`' => false,
            _ => true,
        }
    }

    /// End of a plain scalar's text on the current line (trailing spaces excluded).
    fn plain_line_end(&self, p: usize, flow: bool) -> usize {
        if !flow {
            if let Some(end) = self.plain_line_end_fast(p) {
                return end;
            }
        }
        let mut q = p;
        let mut end = p;
        loop {
            let c = self.at(q);
            match c {
                0 | b'\n' | b'\r' => break,
                b':' if self.blank_at(q + 1) || (flow && is_flow_ind(self.at(q + 1))) => break,
                b'#' if q > p && is_ws(self.at(q - 1)) => break,
                b',' | b'[' | b']' | b'{' | b'}' if flow => break,
                b' ' | b'\t' => q += 1,
                _ => {
                    q += 1;
                    end = q;
                }
            }
        }
        end
    }

    /// Block-context `plain_line_end` jumping between the only bytes that can end the
    /// text (`:`, `#`, line feed); `None` when a carriage return needs the careful loop.
    fn plain_line_end_fast(&self, p: usize) -> Option<usize> {
        let mut q = p;
        let stop = loop {
            let rest = self.b.get(q..).unwrap_or_default();
            let Some(i) = memchr::memchr3(b':', b'#', b'\n', rest) else {
                break self.b.len();
            };
            let r = q + i;
            match self.b[r] {
                b':' if self.blank_at(r + 1) => break r,
                b'#' if r > p && is_ws(self.b[r - 1]) => break r,
                b'\n' => break r,
                _ => q = r + 1,
            }
        };
        if memchr::memchr(b'\r', &self.b[p..stop]).is_some() {
            return None;
        }
        let mut end = stop;
        while end > p && is_ws(self.b[end - 1]) {
            end -= 1;
        }
        Some(end)
    }

    /// A plain scalar in block context, possibly over several lines (folded).
    fn plain_block(&mut self, parent: isize) -> Res<Cow<'a, str>> {
        self.plain(parent, false)
    }

    fn plain(&mut self, parent: isize, flow: bool) -> Res<Cow<'a, str>> {
        let start = self.pos;
        if !self.plain_start(start, flow) {
            let c = self.at(start);
            return Err(match c {
                b'@' | b'`' => self.syntax(
                    start,
                    format!(
                        "`{}` is reserved and cannot start a plain value; quote the value",
                        c as char
                    ),
                ),
                b'%' => self.syntax(start, "`%` cannot start a plain value; quote the value"),
                b'-' | b'?' | b':' if flow => self.syntax(
                    start,
                    format!(
                        "`{} ` cannot appear here inside `[]` or `{{}}`; quote the value",
                        c as char
                    ),
                ),
                _ => self.syntax(
                    start,
                    "expected a value here; quote it if it starts with a special character",
                ),
            });
        }
        let end = self.plain_line_end(start, flow);
        self.pos = end;
        let mut out: Option<String> = None;
        loop {
            // Look past the line end for a continuation line.
            let mut q = self.pos;
            while is_ws(self.at(q)) {
                q += 1;
            }
            if !is_brk(self.at(q)) {
                break;
            }
            let mut breaks = 0usize;
            let (cont, indent) = loop {
                q = self.after_brk(q);
                breaks += 1;
                let ls = q;
                while self.at(q) == b' ' {
                    q += 1;
                }
                let indent = q - ls;
                while is_ws(self.at(q)) {
                    q += 1;
                }
                if !is_brk(self.at(q)) {
                    break (q, indent);
                }
            };
            if self.eof(cont)
                || (indent as isize) <= parent
                || self.at(cont) == b'#'
                || self
                    .marker_at(cont - (cont - self.line_start(cont)))
                    .is_some()
                    && indent == 0
            {
                break;
            }
            if flow
                && (is_flow_ind(self.at(cont))
                    || (self.at(cont) == b':'
                        && (self.blank_at(cont + 1) || is_flow_ind(self.at(cont + 1)))))
            {
                break;
            }
            if !flow && self.at(cont) == b':' && self.blank_at(cont + 1) {
                break;
            }
            let e = self.plain_line_end(cont, flow);
            if e == cont {
                break;
            }
            let s = out.get_or_insert_with(|| self.src[start..end].to_string());
            if breaks == 1 {
                s.push(' ');
            } else {
                for _ in 1..breaks {
                    s.push('\n');
                }
            }
            s.push_str(&self.src[cont..e]);
            self.pos = e;
        }
        Ok(match out {
            Some(s) => Cow::Owned(s),
            None => Cow::Borrowed(&self.src[start..end]),
        })
    }

    /// After a line break inside a quoted scalar: counts empty lines, checks the next
    /// line's indentation, and returns (position of its first character, empty lines).
    fn quoted_fold(&self, brk: usize, parent: isize, open: usize) -> Res<(usize, usize)> {
        let mut q = brk;
        let mut empty = 0usize;
        loop {
            q = self.after_brk(q);
            let ls = q;
            if self.marker_at(ls).is_some() {
                return Err(self.syntax(
                    ls,
                    "a document marker cannot appear inside a quoted value; close the quote before it",
                ));
            }
            while self.at(q) == b' ' {
                q += 1;
            }
            let spaces = q - ls;
            while is_ws(self.at(q)) {
                q += 1;
            }
            if self.eof(q) {
                return Err(self.syntax(
                    open,
                    "this quoted value is never closed; add the closing quote",
                ));
            }
            if is_brk(self.at(q)) {
                empty += 1;
                continue;
            }
            if spaces as isize <= parent {
                // Almost always a quote left open (the next key reads as a continuation), so
                // point at the quote that opened it rather than at the innocent next line.
                return Err(self.syntax(
                    open,
                    "this quoted value is not closed on its line, and the next line is not \
                     indented as its continuation; add the closing quote (or indent the \
                     continued lines more than the key)",
                ));
            }
            return Ok((q, empty));
        }
    }

    fn double_quoted(&mut self, parent: isize) -> Res<Cow<'a, str>> {
        self.quoted(parent, b'"')
    }

    fn single_quoted(&mut self, parent: isize) -> Res<Cow<'a, str>> {
        self.quoted(parent, b'\'')
    }

    /// A `"…"` or `'…'` scalar; the cursor is on the opening `quote`. Both styles fold line
    /// breaks the same way and drop the spaces before a fold; they differ in their escapes
    /// (`\` sequences in double quotes, a doubled `''` in single quotes).
    fn quoted(&mut self, parent: isize, quote: u8) -> Res<Cow<'a, str>> {
        let double = quote == b'"';
        let open = self.pos;
        let start = open + 1;
        // Fast path: no escapes and no line breaks, so the text borrows.
        let rest = self.b.get(start..).unwrap_or_default();
        let escape_byte = if double { b'\\' } else { b'\'' };
        if let Some(i) = memchr::memchr3(quote, escape_byte, b'\n', rest)
            && rest[i] == quote
            && (double || rest.get(i + 1) != Some(&b'\''))
            && memchr::memchr(b'\r', &rest[..i]).is_none()
        {
            self.pos = start + i + 1;
            return Ok(Cow::Borrowed(&self.src[start..start + i]));
        }
        let mut out = String::new();
        let mut q = start;
        // Where a run of literal spaces began, so it can be dropped before a line fold.
        let mut ws_from: Option<usize> = None;
        loop {
            let Some(&c) = self.b.get(q) else {
                return Err(self.syntax(
                    open,
                    format!(
                        "this quoted value is never closed; add the closing `{}`",
                        quote as char
                    ),
                ));
            };
            match c {
                b'\'' if !double && self.at(q + 1) == b'\'' => {
                    ws_from = None;
                    out.push('\'');
                    q += 2;
                }
                c if c == quote => {
                    self.pos = q + 1;
                    return Ok(Cow::Owned(out));
                }
                b'\\' if double => {
                    ws_from = None;
                    let n = self.at(q + 1);
                    if is_brk(n) {
                        // An escaped line break joins the lines without a space.
                        let (next, empty) = self.quoted_fold(q + 1, parent, open)?;
                        for _ in 0..empty {
                            out.push('\n');
                        }
                        q = next;
                        continue;
                    }
                    match escape(&self.src[q + 1..]) {
                        Ok((rest, ch)) => {
                            out.push(ch);
                            q = self.b.len() - rest.len();
                        }
                        Err(_) => {
                            let shown: String = self.src[q..].chars().take(2).collect();
                            return Err(self.syntax(
                                q,
                                format!(
                                    "unknown escape `{shown}`; write `\\\\` for a backslash or use one of \\n \\t \\\" \\xXX \\uXXXX \\UXXXXXXXX"
                                ),
                            ));
                        }
                    }
                }
                b'\n' | b'\r' => {
                    if let Some(w) = ws_from.take() {
                        out.truncate(w);
                    }
                    let (next, empty) = self.quoted_fold(q, parent, open)?;
                    if empty == 0 {
                        out.push(' ');
                    }
                    for _ in 0..empty {
                        out.push('\n');
                    }
                    q = next;
                }
                b' ' | b'\t' => {
                    if ws_from.is_none() {
                        ws_from = Some(out.len());
                    }
                    out.push(c as char);
                    q += 1;
                }
                _ => {
                    ws_from = None;
                    let mut e = q + 1;
                    while let Some(&d) = self.b.get(e) {
                        if d == quote
                            || d == escape_byte
                            || matches!(d, b'\n' | b'\r' | b' ' | b'\t')
                        {
                            break;
                        }
                        e += 1;
                    }
                    out.push_str(&self.src[q..e]);
                    q = e;
                }
            }
        }
    }

    /// A literal (`|`) or folded (`>`) block scalar; the cursor is on the indicator.
    fn block_scalar(&mut self, parent: isize) -> Res<Cow<'a, str>> {
        let head = self.pos;
        let folded = self.cur() == b'>';
        self.pos += 1;
        let (rest, (indent_ind, chomp)) =
            header(&self.src[self.pos..]).unwrap_or((&self.src[self.pos..], (None, Chomp::Clip)));
        self.pos = self.b.len() - rest.len();
        if !self.blank_at(self.pos) {
            return Err(self.syntax(
                self.pos,
                "a block scalar header is `|` or `>`, then optionally `-` or `+` and an indentation digit 1-9; move other text to the next lines",
            ));
        }
        self.finish_line()?;
        let base = parent.max(0) as usize;
        let explicit = indent_ind.map(|m| if parent >= 0 { base + m } else { m });
        // Find the content indentation: explicit, or that of the first non-empty line.
        let body_start = self.pos;
        let indent = match explicit {
            Some(n) => n,
            None => {
                let mut q = body_start;
                let mut max_empty = 0usize;
                let mut max_empty_at = body_start;
                loop {
                    let ls = q;
                    while self.at(q) == b' ' {
                        q += 1;
                    }
                    let n = q - ls;
                    if self.eof(q) {
                        break (max_empty.max(n)).max((parent + 1) as usize);
                    }
                    if is_brk(self.at(q)) {
                        if n > max_empty {
                            max_empty = n;
                            max_empty_at = q;
                        }
                        q = self.after_brk(q);
                        continue;
                    }
                    if n < max_empty && (n as isize) > parent {
                        return Err(self.syntax(
                            max_empty_at,
                            "an empty line at the start of a block scalar has more spaces than its first text line; remove the extra spaces or add an indentation digit",
                        ));
                    }
                    if self.at(q) == b'\t' && (n as isize) <= parent + 1 && n == 0 {
                        break (parent + 1).max(0) as usize;
                    }
                    break n.max((parent + 1) as usize);
                }
            }
        };
        // Collect lines.
        let mut lines: Vec<&'a str> = Vec::new(); // content lines ("" marks an empty line)
        let mut kinds: Vec<bool> = Vec::new(); // true: content line
        let mut q = body_start;
        let mut consumed_to = body_start;
        loop {
            if self.eof(q) {
                break;
            }
            let ls = q;
            if indent == 0 && self.marker_at(ls).is_some() {
                break;
            }
            let mut n = 0;
            while self.at(q) == b' ' {
                q += 1;
                n += 1;
            }
            let e = self.end_of_line(q);
            if q == e && n <= indent {
                // Only spaces, no more than the indentation: an empty line.
                lines.push("");
                kinds.push(false);
            } else if n >= indent {
                lines.push(&self.src[ls + indent..e]);
                kinds.push(true);
            } else {
                if self.src[q..e].bytes().all(is_ws) {
                    return Err(self.syntax(
                        q,
                        "a tab cannot indent a line of a block scalar; use spaces, or remove the tab",
                    ));
                }
                // A less indented line with text ends the block scalar.
                break;
            }
            if self.eof(e) {
                // The end of the input counts as the last line break: a block scalar at
                // the end of front matter reads the same with or without its final newline.
                consumed_to = e;
                break;
            }
            q = self.after_brk(e);
            consumed_to = q;
        }
        // Trailing empty lines belong to the chomping, and a final less-indented empty
        // run before a following key is consumed too.
        self.pos = consumed_to;
        let last_content = kinds.iter().rposition(|&k| k);
        let mut out = String::new();
        let Some(last) = last_content else {
            if chomp == Chomp::Keep {
                for _ in 0..lines.len() {
                    out.push('\n');
                }
            }
            let _ = head;
            return Ok(Cow::Owned(out));
        };
        let mut prev: Option<&str> = None;
        let mut empties = 0usize;
        for (line, &content) in lines[..=last].iter().zip(&kinds[..=last]) {
            if !content {
                empties += 1;
                continue;
            }
            match prev {
                None => {
                    for _ in 0..empties {
                        out.push('\n');
                    }
                }
                Some(p) => {
                    let more = |l: &str| l.starts_with(' ') || l.starts_with('\t');
                    if folded && !more(p) && !more(line) {
                        if empties == 0 {
                            out.push(' ');
                        } else {
                            for _ in 0..empties {
                                out.push('\n');
                            }
                        }
                    } else {
                        for _ in 0..=empties {
                            out.push('\n');
                        }
                    }
                }
            }
            out.push_str(line);
            prev = Some(line);
            empties = 0;
        }
        let trailing = lines.len() - last - 1;
        let final_break = true;
        match chomp {
            Chomp::Strip => {}
            Chomp::Clip => {
                if final_break {
                    out.push('\n');
                }
            }
            Chomp::Keep => {
                if final_break {
                    out.push('\n');
                }
                for _ in 0..trailing {
                    out.push('\n');
                }
            }
        }
        Ok(Cow::Owned(out))
    }

    // ---- flow collections ----------------------------------------------------------

    /// Whitespace, comments and line breaks inside `[]`/`{}`.
    fn flow_ws(&mut self, parent: isize) -> Res<()> {
        loop {
            let c = self.cur();
            if is_ws(c) {
                self.pos += 1;
            } else if c == b'#' {
                if self.pos > 0 && !is_ws(self.at(self.pos - 1)) && !is_brk(self.at(self.pos - 1)) {
                    return Err(self.syntax(self.pos, "a comment needs a space before `#`"));
                }
                self.pos = self.end_of_line(self.pos);
            } else if is_brk(c) {
                self.pos = self.after_brk(self.pos);
                let ls = self.pos;
                if self.marker_at(ls).is_some() {
                    return Err(self.syntax(
                        ls,
                        "a document marker cannot appear inside `[]` or `{}`; close the collection first",
                    ));
                }
                let mut q = ls;
                while self.at(q) == b' ' {
                    q += 1;
                }
                let spaces = q - ls;
                while is_ws(self.at(q)) {
                    q += 1;
                }
                // A closing bracket may sit at its key's indentation, as hand-written files do.
                let closing = matches!(self.at(q), b']' | b'}') && spaces as isize == parent;
                if !self.brk_or_eof(q)
                    && self.at(q) != b'#'
                    && (spaces as isize) <= parent
                    && !closing
                {
                    return Err(self.syntax(
                        q,
                        "a continued `[]` or `{}` must be indented more than its key; indent this line",
                    ));
                }
            } else {
                return Ok(());
            }
        }
    }

    fn flow_collection(&mut self, parent: isize) -> Res<Value<'a>> {
        let open = self.pos;
        self.enter(open)?;
        let is_map = self.cur() == b'{';
        let close = if is_map { b'}' } else { b']' };
        self.pos += 1;
        let mut items = Vec::new();
        let mut map = Map::new();
        loop {
            self.flow_ws(parent)?;
            if self.eof(self.pos) {
                return Err(self.syntax(
                    open,
                    format!(
                        "this `{}` is never closed; add `{}`",
                        self.at(open) as char,
                        close as char
                    ),
                ));
            }
            if self.cur() == close {
                self.pos += 1;
                break;
            }
            let entry_at = self.pos;
            if self.cur() == b'?' && self.blank_at(self.pos + 1) {
                return Err(self.err(
                    entry_at,
                    ErrorKind::Unsupported,
                    "explicit `? ` keys are not supported in front matter; write `key: value`",
                ));
            }
            let (key_or_item, adjacent_ok) = if self.cur() == b':'
                && (self.blank_at(self.pos + 1) || is_flow_ind(self.at(self.pos + 1)))
            {
                if is_map {
                    return Err(self.err(
                        entry_at,
                        ErrorKind::Unsupported,
                        "a mapping key is missing before `:`; write `key: value`",
                    ));
                }
                return Err(self.err(
                    entry_at,
                    ErrorKind::Unsupported,
                    "a mapping key is missing before `:`; write `key: value`",
                ));
            } else {
                let json_like = matches!(self.cur(), b'"' | b'\'' | b'[' | b'{');
                (self.flow_node(parent)?, json_like)
            };
            let mut q = self.pos;
            while is_ws(self.at(q)) {
                q += 1;
            }
            // `:` right after the node (or after spaces on the same line) makes it a key.
            let colon_here = self.at(q) == b':'
                && (self.blank_at(q + 1)
                    || is_flow_ind(self.at(q + 1))
                    || (adjacent_ok && q == self.pos));
            let colon = if colon_here {
                Some(q)
            } else {
                // Inside `{}` the `:` may come on a later line; inside `[]` a key must
                // stay on one line with its `:`.
                self.flow_ws(parent)?;
                let c = self.pos;
                let is_colon = self.cur() == b':'
                    && (self.blank_at(c + 1) || is_flow_ind(self.at(c + 1)) || adjacent_ok);
                match (is_colon, is_map) {
                    (true, true) => Some(c),
                    (true, false) => {
                        return Err(self.syntax(
                            c,
                            "inside `[]` a key and its `:` must be on the same line; join the lines",
                        ));
                    }
                    _ => None,
                }
            };
            if let Some(c) = colon {
                if matches!(key_or_item, Value::Seq(_) | Value::Map(_)) {
                    return Err(self.err(
                        entry_at,
                        ErrorKind::Unsupported,
                        "a collection cannot be a mapping key in front matter; use a plain key",
                    ));
                }
                self.pos = c + 1;
                self.flow_ws(parent)?;
                let v = if self.cur() == b',' || self.cur() == close {
                    Value::Null
                } else {
                    self.flow_node(parent)?
                };
                let key = key_text(key_or_item);
                if is_map {
                    if map.contains_key(&key) {
                        return Err(self.syntax(
                            entry_at,
                            format!("duplicate key `{key}`; each key may appear once in a mapping"),
                        ));
                    }
                    map.push(key, v);
                } else {
                    let mut single = Map::new();
                    single.push(key, v);
                    items.push(Value::Map(single));
                }
            } else if is_map {
                let key = key_text(key_or_item);
                if map.contains_key(&key) {
                    return Err(self.syntax(
                        entry_at,
                        format!("duplicate key `{key}`; each key may appear once in a mapping"),
                    ));
                }
                map.push(key, Value::Null);
            } else {
                items.push(key_or_item);
            }
            self.flow_ws(parent)?;
            match self.cur() {
                b',' => self.pos += 1,
                c if c == close => {}
                0 => {
                    return Err(self.syntax(
                        open,
                        format!(
                            "this `{}` is never closed; add `{}`",
                            self.at(open) as char,
                            close as char
                        ),
                    ));
                }
                _ => {
                    return Err(self.syntax(
                        self.pos,
                        format!(
                            "expected `,` or `{}` here; separate entries with commas",
                            close as char
                        ),
                    ));
                }
            }
        }
        self.depth -= 1;
        Ok(if is_map {
            Value::Map(map)
        } else {
            Value::Seq(items)
        })
    }

    fn flow_node(&mut self, parent: isize) -> Res<Value<'a>> {
        let start = self.pos;
        match self.cur() {
            b'[' | b'{' => self.flow_collection(parent),
            b'"' => Ok(Value::String(self.double_quoted(parent)?)),
            b'\'' => Ok(Value::String(self.single_quoted(parent)?)),
            b'*' => self.alias(start),
            b'!' => Err(self.unsupported_tag(start)),
            b'&' => {
                let name = self.anchor_name(start + 1)?;
                self.pos = start + 1 + name.len();
                self.flow_ws(parent)?;
                let v = if matches!(self.cur(), b',' | b']' | b'}') {
                    Value::Null
                } else {
                    self.flow_node(parent)?
                };
                self.define_anchor(name, &v, start)?;
                Ok(v)
            }
            _ => {
                let text = self.plain(parent, true)?;
                resolve(text).map_err(|m| self.err(start, ErrorKind::Limit, m))
            }
        }
    }

    // ---- anchors, aliases, tags ----------------------------------------------------

    fn anchor_name(&self, p: usize) -> Res<&'a str> {
        match anchor_name(&self.src[p..]) {
            Ok((_, name)) => Ok(name),
            Err(_) => Err(self.syntax(p, "an anchor or alias needs a name right after `&` or `*`")),
        }
    }

    fn define_anchor(&mut self, name: &'a str, value: &Value<'a>, _at: usize) -> Res<()> {
        let size = node_count(value);
        self.anchors.insert(name, (value.clone(), size));
        Ok(())
    }

    fn alias(&mut self, start: usize) -> Res<Value<'a>> {
        let name = self.anchor_name(start + 1)?;
        self.pos = start + 1 + name.len();
        let Some((value, size)) = self.anchors.get(name) else {
            return Err(self.syntax(
                start,
                format!("alias `*{name}` refers to no anchor defined before it; define `&{name}` earlier"),
            ));
        };
        self.expanded += size;
        if self.expanded > MAX_ALIAS_NODES {
            return Err(self.err(
                start,
                ErrorKind::Limit,
                format!(
                    "aliases expand to more than {MAX_ALIAS_NODES} values; front matter this large is refused (possible \"billion laughs\" input)"
                ),
            ));
        }
        Ok(value.clone())
    }

    fn unsupported_tag(&self, at: usize) -> Error {
        self.err(
            at,
            ErrorKind::Unsupported,
            "tags (`!tag`, `!!str`) are not supported in front matter; remove the tag, and quote the value if it must stay text",
        )
    }
}

fn key_text(v: Value<'_>) -> Cow<'_, str> {
    match v {
        Value::String(s) => s,
        Value::Null => Cow::Borrowed(""),
        Value::Bool(b) => Cow::Owned(b.to_string()),
        Value::Int(i) => Cow::Owned(i.to_string()),
        Value::Float(f) => Cow::Owned(f.to_string()),
        Value::Seq(_) | Value::Map(_) => Cow::Borrowed(""),
    }
}

fn node_count(v: &Value<'_>) -> usize {
    match v {
        Value::Seq(items) => 1 + items.iter().map(node_count).sum::<usize>(),
        Value::Map(map) => 1 + map.iter().map(|(_, v)| 1 + node_count(v)).sum::<usize>(),
        _ => 1,
    }
}

// ---- nom token parsers -------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Chomp {
    Strip,
    Clip,
    Keep,
}

fn chomp(i: &str) -> IResult<&str, Chomp> {
    alt((
        value(Chomp::Strip, char('-')),
        value(Chomp::Keep, char('+')),
    ))
    .parse(i)
}

fn indent_digit(i: &str) -> IResult<&str, usize> {
    map(one_of("123456789"), |c| c as usize - '0' as usize).parse(i)
}

/// Block scalar header indicators, in either order: `|2-`, `|-2`, `|+`, `|1`.
fn header(i: &str) -> IResult<&str, (Option<usize>, Chomp)> {
    alt((
        map((indent_digit, opt(chomp)), |(d, c)| {
            (Some(d), c.unwrap_or(Chomp::Clip))
        }),
        map((chomp, opt(indent_digit)), |(c, d)| (d, c)),
        map(nom::combinator::success(()), |_| (None, Chomp::Clip)),
    ))
    .parse(i)
}

fn anchor_name(i: &str) -> IResult<&str, &str> {
    take_while1(|c: char| !matches!(c, ' ' | '\t' | '\n' | '\r' | ',' | '[' | ']' | '{' | '}'))
        .parse(i)
}

fn hex_char(digits: usize) -> impl Fn(&str) -> IResult<&str, char> {
    move |i: &str| {
        nom::combinator::map_opt(
            take_while_m_n(digits, digits, |c: char| c.is_ascii_hexdigit()),
            |h: &str| u32::from_str_radix(h, 16).ok().and_then(char::from_u32),
        )
        .parse(i)
    }
}

/// One escape after the backslash of a double-quoted scalar.
fn escape(i: &str) -> IResult<&str, char> {
    alt((
        alt((
            value('\0', char('0')),
            value('\u{07}', char('a')),
            value('\u{08}', char('b')),
            value('\t', char('t')),
            value('\t', char('\t')),
            value('\n', char('n')),
            value('\u{0b}', char('v')),
            value('\u{0c}', char('f')),
            value('\r', char('r')),
            value('\u{1b}', char('e')),
            value(' ', char(' ')),
            value('"', char('"')),
            value('/', char('/')),
            value('\\', char('\\')),
        )),
        alt((
            value('\u{85}', char('N')),
            value('\u{a0}', char('_')),
            value('\u{2028}', char('L')),
            value('\u{2029}', char('P')),
            preceded(char('x'), hex_char(2)),
            preceded(char('u'), hex_char(4)),
            preceded(char('U'), hex_char(8)),
        )),
    ))
    .parse(i)
}

fn sign(i: &str) -> IResult<&str, Option<char>> {
    opt(one_of("+-")).parse(i)
}

fn decimal_int(i: &str) -> IResult<&str, &str> {
    recognize((sign, digit1)).parse(i)
}

fn float_text(i: &str) -> IResult<&str, &str> {
    recognize((
        sign,
        alt((
            recognize((char('.'), digit1)),
            recognize((digit1, opt((char('.'), digit0)))),
        )),
        opt((one_of("eE"), sign, digit1)),
    ))
    .parse(i)
}

fn special_float(i: &str) -> IResult<&str, f64> {
    alt((
        map(
            (sign, alt((tag(".inf"), tag(".Inf"), tag(".INF")))),
            |(s, _)| {
                if s == Some('-') {
                    f64::NEG_INFINITY
                } else {
                    f64::INFINITY
                }
            },
        ),
        value(f64::NAN, alt((tag(".nan"), tag(".NaN"), tag(".NAN")))),
    ))
    .parse(i)
}

/// The YAML 1.2 core schema for a plain scalar. An integer outside `i64` is an error,
/// never a silently rounded float.
pub(crate) fn resolve(text: Cow<'_, str>) -> Result<Value<'_>, String> {
    let s: &str = &text;
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return Ok(Value::Null),
        "true" | "True" | "TRUE" => return Ok(Value::Bool(true)),
        "false" | "False" | "FALSE" => return Ok(Value::Bool(false)),
        _ => {}
    }
    let first = s.as_bytes()[0];
    if !(first.is_ascii_digit() || matches!(first, b'+' | b'-' | b'.')) {
        return Ok(Value::String(text));
    }
    if all_consuming(decimal_int).parse(s).is_ok() {
        return s
            .parse::<i64>()
            .map(Value::Int)
            .map_err(|_| out_of_range(s));
    }
    if let Ok((_, digits)) = all_consuming(octal).parse(s) {
        return i64::from_str_radix(digits, 8)
            .map(Value::Int)
            .map_err(|_| out_of_range(s));
    }
    if let Ok((_, digits)) = all_consuming(hex).parse(s) {
        return i64::from_str_radix(digits, 16)
            .map(Value::Int)
            .map_err(|_| out_of_range(s));
    }
    if all_consuming(float_text).parse(s).is_ok() {
        if let Ok(f) = s.parse::<f64>() {
            return Ok(Value::Float(f));
        }
    }
    if let Ok((_, f)) = all_consuming(special_float).parse(s) {
        return Ok(Value::Float(f));
    }
    Ok(Value::String(text))
}

fn octal(i: &str) -> IResult<&str, &str> {
    preceded(tag("0o"), oct_digit1).parse(i)
}

fn hex(i: &str) -> IResult<&str, &str> {
    preceded(tag("0x"), hex_digit1).parse(i)
}

fn out_of_range(s: &str) -> String {
    format!("the integer {s} does not fit in 64 bits; quote it to keep it as text")
}
