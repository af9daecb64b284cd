//! A light element tree built from html5ever's tokenizer.
//!
//! A full html5ever DOM costs more than the whole speed budget, and article
//! extraction needs only elements, a few attributes and text. The tree builder
//! here does the part of HTML5 tree construction that matters for text: raw
//! text elements (script/style are skipped), void elements, implied end tags
//! of `p`/`li`/table cells, and end tags that close intervening elements.
//! Nesting is bounded: deeper elements are flattened into the element at the
//! bound so hostile input can neither overflow the stack nor hide text.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::{LocalName, local_name};

pub(crate) type NodeId = usize;

#[derive(Debug)]
pub(crate) enum NodeKind {
    Element(Element),
    /// Text shares the tokenizer's buffer where it can: adjacent runs
    /// join without a copy.
    Text(StrTendril),
    /// A comment that carries a section marker; the string is the text of its payload.
    Marker(String),
}

#[derive(Debug, Default)]
pub(crate) struct Element {
    /// Interned, so the common tag names cost no allocation per element.
    pub name: LocalName,
    /// A block-level element (its start and end break the text flow).
    pub block: bool,
    pub id: Option<StrTendril>,
    pub class: Option<StrTendril>,
    pub attrs: Vec<(LocalName, StrTendril)>,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| &**k == name)
            .map(|(_, v)| &**v)
    }
    pub fn has_class(&self, c: &str) -> bool {
        self.class
            .as_deref()
            .is_some_and(|cl| cl.split_ascii_whitespace().any(|x| x == c))
    }
}

/// Nodes are stored in document order (pre-order), so the subtree of node
/// `id` is the index range `id..node.end`: walks are plain loops over the
/// arena, and nodes own no child lists.
#[derive(Debug)]
pub(crate) struct Node {
    pub kind: NodeKind,
    pub parent: NodeId,
    /// The last child so far while building (0: none).
    last_child: NodeId,
    /// One past the last node of the subtree.
    pub end: NodeId,
}

/// Head information read while building the tree.
#[derive(Debug, Default)]
pub(crate) struct Head {
    pub title: Option<String>,
    /// `<meta>` name/property/itemprop → content, in document order.
    pub metas: Vec<(String, String)>,
    pub canonical: Option<String>,
}

#[derive(Debug)]
pub(crate) struct Tree {
    pub nodes: Vec<Node>,
    pub head: Head,
}

impl Tree {
    pub fn element(&self, id: NodeId) -> Option<&Element> {
        match &self.nodes[id].kind {
            NodeKind::Element(e) => Some(e),
            _ => None,
        }
    }
}

/// Tag classes, looked up once per tag. BLOCK: its start and end break
/// the text flow; VOID: never has content; CLOSES_P: its start closes an
/// open `<p>`; SKIPPED: its content is not visible text.
const BLOCK: u8 = 1;
const VOID: u8 = 2;
const CLOSES_P: u8 = 4;
const SKIPPED: u8 = 8;

fn tag_flags(name: &str) -> u8 {
    match name {
        "address" => BLOCK | CLOSES_P,
        "article" => BLOCK | CLOSES_P,
        "aside" => BLOCK | CLOSES_P,
        "blockquote" => BLOCK | CLOSES_P,
        "center" => BLOCK | CLOSES_P,
        "details" => BLOCK | CLOSES_P,
        "dialog" => BLOCK | CLOSES_P,
        "dd" => BLOCK | CLOSES_P,
        "div" => BLOCK | CLOSES_P,
        "dl" => BLOCK | CLOSES_P,
        "dt" => BLOCK | CLOSES_P,
        "fieldset" => BLOCK | CLOSES_P,
        "figcaption" => BLOCK | CLOSES_P,
        "figure" => BLOCK | CLOSES_P,
        "footer" => BLOCK | CLOSES_P,
        "form" => BLOCK | CLOSES_P,
        "h1" => BLOCK | CLOSES_P,
        "h2" => BLOCK | CLOSES_P,
        "h3" => BLOCK | CLOSES_P,
        "h4" => BLOCK | CLOSES_P,
        "h5" => BLOCK | CLOSES_P,
        "h6" => BLOCK | CLOSES_P,
        "header" => BLOCK | CLOSES_P,
        "hgroup" => BLOCK | CLOSES_P,
        "hr" => BLOCK | VOID | CLOSES_P,
        "li" => BLOCK | CLOSES_P,
        "main" => BLOCK | CLOSES_P,
        "nav" => BLOCK | CLOSES_P,
        "ol" => BLOCK | CLOSES_P,
        "p" => BLOCK | CLOSES_P,
        "pre" => BLOCK | CLOSES_P,
        "section" => BLOCK | CLOSES_P,
        "summary" => BLOCK,
        "table" => BLOCK | CLOSES_P,
        "tbody" => BLOCK,
        "td" => BLOCK,
        "tfoot" => BLOCK,
        "th" => BLOCK,
        "thead" => BLOCK,
        "tr" => BLOCK,
        "ul" => BLOCK | CLOSES_P,
        "caption" => BLOCK,
        "body" => BLOCK,
        "html" => BLOCK,
        "br" => BLOCK | VOID,
        "menu" => BLOCK | CLOSES_P,
        "#root" => BLOCK,
        "script" => SKIPPED,
        "style" => SKIPPED,
        "noscript" => SKIPPED,
        "template" => SKIPPED,
        "iframe" => SKIPPED,
        "noembed" => SKIPPED,
        "noframes" => SKIPPED,
        "xmp" => SKIPPED,
        "textarea" => SKIPPED,
        "select" => SKIPPED,
        "object" => SKIPPED,
        "svg" => SKIPPED,
        "math" => SKIPPED,
        "canvas" => SKIPPED,
        "video" => SKIPPED,
        "audio" => SKIPPED,
        "head" => SKIPPED,
        "area" => VOID,
        "base" => VOID,
        "col" => VOID,
        "embed" => VOID,
        "img" => VOID,
        "input" => VOID,
        "link" => VOID,
        "meta" => VOID,
        "param" => VOID,
        "source" => VOID,
        "track" => VOID,
        "wbr" => VOID,
        "keygen" => VOID,
        "dir" => CLOSES_P,
        _ => 0,
    }
}

fn is_kept_attr(name: &str) -> bool {
    matches!(
        name,
        "src"
            | "data-src"
            | "data-original"
            | "data-lazy-src"
            | "href"
            | "alt"
            | "title"
            | "itemprop"
            | "style"
            | "align"
            | "name"
            | "property"
            | "content"
            | "rel"
            | "http-equiv"
    )
}

struct Builder {
    nodes: Vec<Node>,
    stack: Vec<NodeId>,
    /// Names of elements opened past the depth bound, so their end tags
    /// don't close real ancestors.
    overflow: Vec<LocalName>,
    max_depth: usize,
    max_nodes: usize,
    /// Inside a skipped element: its name, or `title` (text collected).
    skipping: Option<LocalName>,
    title_buf: Option<String>,
    head: Head,
}

impl Builder {
    fn new(max_depth: usize) -> Builder {
        Builder {
            nodes: vec![Node {
                kind: NodeKind::Element(Element {
                    name: LocalName::from("#root"),
                    ..Element::default()
                }),
                parent: 0,
                last_child: 0,
                end: 0,
            }],
            stack: vec![0],
            overflow: Vec::new(),
            max_depth: max_depth.max(2),
            max_nodes: 4_000_000,
            skipping: None,
            title_buf: None,
            head: Head::default(),
        }
    }

    fn top(&self) -> NodeId {
        self.stack.last().copied().unwrap_or(0)
    }

    fn add(&mut self, kind: NodeKind) -> Option<NodeId> {
        if self.nodes.len() >= self.max_nodes {
            return None;
        }
        let parent = self.top();
        let id = self.nodes.len();
        self.nodes.push(Node {
            kind,
            parent,
            last_child: 0,
            end: 0,
        });
        self.nodes[parent].last_child = id;
        Some(id)
    }

    fn text(&mut self, s: StrTendril) {
        if let Some(buf) = &mut self.title_buf {
            buf.push_str(&s);
            return;
        }
        if self.skipping.is_some() {
            return;
        }
        // indentation between tags only separates words: one space keeps that
        let blank = s.bytes().all(|b| b.is_ascii_whitespace());
        let top = self.top();
        let last = self.nodes[top].last_child;
        if last != 0 {
            if let NodeKind::Text(t) = &mut self.nodes[last].kind {
                if !blank {
                    t.push_tendril(&s);
                } else if !t.ends_with(' ') {
                    t.push_char(' ');
                }
                return;
            }
        }
        let s = if blank { StrTendril::from_char(' ') } else { s };
        self.add(NodeKind::Text(s));
    }

    /// Pops up to and including the innermost open element named `name`,
    /// if one is open and not past a `stop` element. Names are interned, so
    /// each level costs one comparison.
    fn close(&mut self, name: &LocalName, stop: &[LocalName]) -> bool {
        let mut i = self.stack.len();
        while i > 1 {
            i -= 1;
            let n = self.stack[i];
            let NodeKind::Element(e) = &self.nodes[n].kind else {
                continue;
            };
            if e.name == *name {
                self.stack.truncate(i);
                return true;
            }
            if stop.contains(&e.name) {
                return false;
            }
        }
        false
    }

    fn start(&mut self, tag: Tag) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        if tag.name == local_name!("title") && self.head.title.is_none() && self.title_buf.is_none()
        {
            self.title_buf = Some(String::new());
            return TokenSinkResult::RawData(RawKind::Rcdata);
        }
        if tag.name == local_name!("meta") || tag.name == local_name!("link") {
            self.read_head_tag(&tag);
        }
        if self.skipping.is_some() {
            return TokenSinkResult::Continue;
        }
        let flags = tag_flags(name);
        if flags & SKIPPED != 0 {
            // <head> content is not visible, but its meta/title tags are read above.
            if tag.self_closing || tag.name == local_name!("head") {
                return TokenSinkResult::Continue;
            }
            let raw = match name {
                "script" => TokenSinkResult::RawData(RawKind::ScriptData),
                "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                    TokenSinkResult::RawData(RawKind::Rawtext)
                }
                "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
                _ => TokenSinkResult::Continue,
            };
            self.skipping = Some(tag.name);
            return raw;
        }
        // Implied end tags.
        if flags & CLOSES_P != 0 && self.top_is(&local_name!("p")) {
            self.stack.pop();
        }
        match name {
            "li" => {
                self.close(
                    &local_name!("li"),
                    &[
                        local_name!("ul"),
                        local_name!("ol"),
                        local_name!("div"),
                        local_name!("table"),
                    ],
                );
            }
            "dd" | "dt" => {
                let stop = [local_name!("dl"), local_name!("div")];
                if !self.close(&local_name!("dd"), &stop) {
                    self.close(&local_name!("dt"), &stop);
                }
            }
            "td" | "th" => {
                let stop = [local_name!("tr"), local_name!("table")];
                if !self.close(&local_name!("td"), &stop) {
                    self.close(&local_name!("th"), &stop);
                }
            }
            "tr" => {
                self.close(
                    &local_name!("tr"),
                    &[
                        local_name!("table"),
                        local_name!("tbody"),
                        local_name!("thead"),
                        local_name!("tfoot"),
                    ],
                );
            }
            "option" => {
                self.close(&local_name!("option"), &[local_name!("select")]);
            }
            _ => {}
        }
        let void = flags & VOID != 0 || tag.self_closing;
        if !void && self.stack.len() >= self.max_depth {
            // Flatten: the element's content lands in the element at the bound.
            self.overflow.push(tag.name);
            return TokenSinkResult::Continue;
        }
        let mut el = Element {
            name: tag.name,
            block: flags & BLOCK != 0,
            ..Element::default()
        };
        for a in tag.attrs {
            let k: &str = &a.name.local;
            match k {
                "id" => el.id = Some(a.value),
                "class" => el.class = Some(a.value),
                _ if is_kept_attr(k) => el.attrs.push((a.name.local, a.value)),
                _ => {}
            }
        }
        if let Some(id) = self.add(NodeKind::Element(el)) {
            if !void {
                self.stack.push(id);
            }
        }
        TokenSinkResult::Continue
    }

    fn top_is(&self, name: &LocalName) -> bool {
        matches!(&self.nodes[self.top()].kind, NodeKind::Element(e) if e.name == *name)
    }

    fn end(&mut self, tag: Tag) {
        if tag.name == local_name!("title") {
            if let Some(t) = self.title_buf.take() {
                self.head.title = Some(t);
            }
            return;
        }
        if let Some(sk) = &self.skipping {
            if *sk == tag.name {
                self.skipping = None;
            }
            return;
        }
        if let Some(pos) = self.overflow.iter().rposition(|n| *n == tag.name) {
            self.overflow.remove(pos);
            return;
        }
        if tag.name == local_name!("br") {
            self.add(NodeKind::Element(Element {
                name: local_name!("br"),
                ..Element::default()
            }));
            return;
        }
        if tag_flags(&tag.name) & VOID != 0 {
            return;
        }
        self.close(&tag.name, &[]);
    }

    fn read_head_tag(&mut self, tag: &Tag) {
        let get = |n: &str| {
            tag.attrs
                .iter()
                .find(|a| &*a.name.local == n)
                .map(|a| a.value.to_string())
        };
        if &*tag.name == "link" {
            if get("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) {
                if let Some(h) = get("href") {
                    self.head.canonical.get_or_insert(h);
                }
            }
            return;
        }
        let key = get("property")
            .or_else(|| get("name"))
            .or_else(|| get("itemprop"));
        if let (Some(k), Some(c)) = (key, get("content")) {
            if self.head.metas.len() < 512 {
                self.head.metas.push((k.to_ascii_lowercase(), c));
            }
        }
    }

    fn comment(&mut self, text: &str) {
        if self.skipping.is_some() {
            return;
        }
        if let Some(payload) = marker_payload(text) {
            let inner = inner_text(payload);
            self.add(NodeKind::Marker(inner));
        }
    }
}

/// Comments that carry section markers: Sina's
/// `<!--article_adlist[<p>相关阅读</p>]article_adlist-->` and the like.
fn marker_payload(comment: &str) -> Option<&str> {
    let open = comment.find('[')?;
    let close = comment.rfind(']')?;
    if close <= open {
        return None;
    }
    let name = comment[..open].trim();
    if name.is_empty()
        || !name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    {
        return None;
    }
    let tail = comment[close + 1..].trim();
    if !tail.is_empty() && tail != name {
        return None;
    }
    Some(&comment[open + 1..close])
}

/// The text of an HTML snippet (used for comment payloads; not nested further).
fn inner_text(html: &str) -> String {
    let sink = TextSink {
        out: RefCell::new(String::new()),
    };
    let tok = Tokenizer::new(sink, TokenizerOpts::default());
    let q = BufferQueue::default();
    q.push_back(StrTendril::from_slice(html));
    let _ = tok.feed(&q);
    tok.end();
    let s = tok.sink.out.into_inner();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

struct TextSink {
    out: RefCell<String>,
}

impl TokenSink for TextSink {
    type Handle = ();
    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        if let Token::CharacterTokens(t) = token {
            self.out.borrow_mut().push_str(&t);
        }
        TokenSinkResult::Continue
    }
}

struct Sink<'q> {
    b: RefCell<Builder>,
    /// The tokenizer's input, so raw text that is thrown away can be jumped over.
    q: &'q BufferQueue,
}

impl TokenSink for Sink<'_> {
    type Handle = ();
    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut b = self.b.borrow_mut();
        match token {
            Token::TagToken(tag) => match tag.kind {
                TagKind::StartTag => {
                    let result = b.start(tag);
                    if let TokenSinkResult::RawData(
                        kind @ (RawKind::Rawtext | RawKind::ScriptData),
                    ) = result
                    {
                        if let Some(name) = &b.skipping {
                            if skip_raw(self.q, name, matches!(kind, RawKind::ScriptData)) {
                                // the end tag is next: the data state reads it as well
                                return TokenSinkResult::Continue;
                            }
                        }
                    }
                    return result;
                }
                TagKind::EndTag => b.end(tag),
            },
            Token::CharacterTokens(t) => b.text(t),
            Token::CommentToken(c) => b.comment(&c),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// Moves the input past the raw text of a skipped element (style, script…)
/// up to its end tag, so the tokenizer does not walk text that is thrown
/// away. Leaves the input alone, and the tokenizer's raw text state in charge,
/// when the end tag is not in the front chunk or, in a script, an HTML
/// comment opener could move where it ends (the spec's escaped states).
fn skip_raw(q: &BufferQueue, name: &str, script: bool) -> bool {
    let Some(mut front) = q.peek_front_chunk_mut() else {
        return false;
    };
    let Some(end) = raw_end(&front, name) else {
        return false;
    };
    if script && has_comment_opener(&front[..end]) {
        return false;
    }
    let Ok(n) = u32::try_from(end) else {
        return false;
    };
    front.pop_front(n);
    true
}

/// Whether `<!--` occurs in `s`.
fn has_comment_opener(s: &str) -> bool {
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(i) = s.get(from..).and_then(|t| t.find('<')).map(|i| i + from) {
        if b.get(i + 1..i + 4) == Some(b"!--") {
            return true;
        }
        from = i + 1;
    }
    false
}

/// Byte offset of the first `</name` (ASCII case-insensitive) that the raw
/// text states take for the end tag: followed by whitespace, `/` or `>`.
fn raw_end(s: &str, name: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut from = 0;
    // `find` with a char is a memchr scan, far faster here than a substring search
    while let Some(i) = s.get(from..).and_then(|t| t.find('<')).map(|i| i + from) {
        if b.get(i + 1) != Some(&b'/') {
            from = i + 1;
            continue;
        }
        let rest = &b[i + 2..];
        if rest.len() > name.len()
            && rest[..name.len()].eq_ignore_ascii_case(name.as_bytes())
            && matches!(
                rest[name.len()],
                b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>'
            )
        {
            return Some(i);
        }
        from = i + 2;
    }
    None
}

pub(crate) fn parse(input: &str, max_depth: usize) -> Tree {
    let q = BufferQueue::default();
    q.push_back(StrTendril::from_slice(input));
    let sink = Sink {
        b: RefCell::new(Builder::new(max_depth)),
        q: &q,
    };
    let tok = Tokenizer::new(sink, TokenizerOpts::default());
    let _ = tok.feed(&q);
    tok.end();
    let b = tok.sink.b.into_inner();
    let mut head = b.head;
    if head.title.is_none() {
        head.title = b.title_buf;
    }
    let mut nodes = b.nodes;
    // children follow their parent, so a reverse sweep sees a subtree's end
    // before its root's
    for id in (0..nodes.len()).rev() {
        let last = nodes[id].last_child;
        nodes[id].end = if last == 0 { id + 1 } else { nodes[last].end };
    }
    Tree { nodes, head }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &Tree) -> String {
        t.nodes
            .iter()
            .filter_map(|n| match &n.kind {
                NodeKind::Text(s) => Some(&**s),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn script_and_style_are_skipped_entities_decoded() {
        let t = parse(
            "<p>甲&amp;乙</p><script>var a = '<p>x</p>';</script><style>.a&#123;&#125;</style><p>丙</p>",
            64,
        );
        assert_eq!(texts(&t), "甲&乙丙");
    }

    #[test]
    fn raw_text_is_jumped_to_its_end_tag() {
        assert_eq!(raw_end("a{}</stylex></STYLE >", "style"), Some(12));
        assert_eq!(raw_end("a{}</style", "style"), None);
        assert_eq!(raw_end("<<</</style>", "style"), Some(4));
        assert!(has_comment_opener("a<<!--b"));
        assert!(!has_comment_opener("a<!-b<!"));
        let t = parse(
            "<style>p{}</stylex><p>x</p></STYLE\n><p>甲</p><script>if(a</b){}</script ><p>乙</p>",
            64,
        );
        assert_eq!(texts(&t), "甲乙");
    }

    #[test]
    fn escaped_script_ends_where_the_tokenizer_says() {
        let t = parse(
            "<script><!--<script>x</script><p>不见</p>--></script><p>丙</p>",
            64,
        );
        assert_eq!(texts(&t), "丙");
    }

    #[test]
    fn deep_nesting_is_flattened_not_lost() {
        let s = "<div>".repeat(100_000) + "深处的字" + &"</div>".repeat(100_000);
        let t = parse(&s, 64);
        assert_eq!(texts(&t), "深处的字");
        assert!(t.nodes.len() < 100);
    }

    #[test]
    fn comment_markers_are_read() {
        let t = parse(
            "<p>正文。</p><!--article_adlist[<p><font>相关阅读</font></p>]article_adlist--><!-- 普通注释 -->",
            64,
        );
        let markers: Vec<_> = t
            .nodes
            .iter()
            .filter_map(|n| match &n.kind {
                NodeKind::Marker(s) => Some(s.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(markers, vec!["相关阅读".to_string()]);
    }

    #[test]
    fn head_meta_and_title() {
        let t = parse(
            "<html><head><title>标题_网站</title><meta property=\"og:title\" content=\"标题\"></head><body><p>字</p></body></html>",
            64,
        );
        assert_eq!(t.head.title.as_deref(), Some("标题_网站"));
        assert_eq!(
            t.head.metas,
            vec![("og:title".to_string(), "标题".to_string())]
        );
        assert_eq!(texts(&t), "字");
    }
}
