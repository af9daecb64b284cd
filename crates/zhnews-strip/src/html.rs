//! A light element tree built from html5gum's tokenizer.
//!
//! A full HTML5 DOM costs more than the whole speed budget, and article
//! extraction needs only elements, a few attributes and text. The tokenizer
//! (html5gum: WHATWG tokenization, character references, raw text states) feeds
//! the tree builder here directly, through its emitter interface, so tags and
//! text reach the tree without intermediate tokens. The builder does the part of
//! HTML5 tree construction that matters for text: raw text elements (script/style
//! are skipped), void elements, implied end tags of `p`/`li`/table cells, and end
//! tags that close intervening elements. Nesting is bounded: deeper elements are
//! flattened into the element at the bound so hostile input can neither overflow
//! the stack nor hide text.

use std::borrow::Cow;
use std::convert::Infallible;
use std::ops::Deref;

use html5gum::emitters::{Emitter, ForwardingEmitter};
use html5gum::{Error as TokenizerError, State, Tokenizer};

pub(crate) type NodeId = usize;

#[derive(Debug)]
pub(crate) enum NodeKind<'a> {
    Element(Element<'a>),
    /// Text borrows the input where it is a run of it (no entities, no
    /// line-ending rewrites), so most text costs neither a copy nor a check.
    Text(Cow<'a, str>),
    /// A comment that carries a section marker; the string is the text of its payload.
    Marker(String),
}

/// A tag or attribute name, lower case. The names the extractor looks at are
/// static strings, so most elements cost no allocation for their name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Name(Cow<'static, str>);

impl Name {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn from_bytes(name: &[u8]) -> Name {
        match known_name(name) {
            Some(known) => Name(Cow::Borrowed(known)),
            None => Name(Cow::Owned(String::from_utf8_lossy(name).into_owned())),
        }
    }
}

impl Deref for Name {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Name {
    fn from(name: &str) -> Name {
        Name::from_bytes(name.as_bytes())
    }
}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

macro_rules! known_names {
    ($($name:literal),* $(,)?) => {
        /// The static string of a common tag or attribute name.
        fn known_name(name: &[u8]) -> Option<&'static str> {
            match name {
                $(x if x == $name.as_bytes() => Some($name),)*
                _ => None,
            }
        }
    };
}

known_names!(
    "a",
    "abbr",
    "address",
    "area",
    "article",
    "aside",
    "audio",
    "b",
    "base",
    "bdi",
    "bdo",
    "blockquote",
    "body",
    "br",
    "button",
    "canvas",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "dfn",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "font",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "i",
    "iframe",
    "img",
    "input",
    "ins",
    "keygen",
    "label",
    "legend",
    "li",
    "link",
    "main",
    "mark",
    "math",
    "menu",
    "meta",
    "nav",
    "noembed",
    "noframes",
    "noscript",
    "object",
    "ol",
    "optgroup",
    "option",
    "p",
    "param",
    "picture",
    "pre",
    "q",
    "s",
    "samp",
    "script",
    "section",
    "select",
    "small",
    "source",
    "span",
    "strike",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "svg",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "track",
    "tt",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
    "xmp",
    "#root",
    // attributes the extractor keeps
    "src",
    "data-src",
    "data-original",
    "data-lazy-src",
    "href",
    "alt",
    "itemprop",
    "align",
    "name",
    "property",
    "content",
    "rel",
    "http-equiv",
    "id",
    "class",
);

#[derive(Debug, Default)]
pub(crate) struct Element<'a> {
    pub name: Name,
    /// A block-level element (its start and end break the text flow).
    pub block: bool,
    pub id: Option<Cow<'a, str>>,
    pub class: Option<Cow<'a, str>>,
    pub attrs: Vec<(Name, Cow<'a, str>)>,
}

impl Element<'_> {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k.as_str() == name)
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
pub(crate) struct Node<'a> {
    pub kind: NodeKind<'a>,
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
pub(crate) struct Tree<'a> {
    pub nodes: Vec<Node<'a>>,
    pub head: Head,
}

impl<'a> Tree<'a> {
    pub fn element(&self, id: NodeId) -> Option<&Element<'a>> {
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

/// A start tag as the builder receives it: attributes the extractor does not
/// use are not kept.
#[derive(Debug, Default)]
struct Tag<'a> {
    name: Name,
    self_closing: bool,
    id: Option<Cow<'a, str>>,
    class: Option<Cow<'a, str>>,
    attrs: Vec<(Name, Cow<'a, str>)>,
}

impl Tag<'_> {
    fn get(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k.as_str() == name)
            .map(|(_, v)| &**v)
    }
}

struct Builder<'a> {
    nodes: Vec<Node<'a>>,
    stack: Vec<NodeId>,
    /// Names of elements opened past the depth bound, so their end tags
    /// don't close real ancestors.
    overflow: Vec<Name>,
    max_depth: usize,
    max_nodes: usize,
    /// Inside a skipped element: its name.
    skipping: Option<Name>,
    /// Inside the first `<title>`: its text so far.
    title_buf: Option<String>,
    head: Head,
}

impl<'a> Builder<'a> {
    fn new(max_depth: usize) -> Builder<'a> {
        Builder {
            nodes: vec![Node {
                kind: NodeKind::Element(Element {
                    name: Name::from("#root"),
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

    fn add(&mut self, kind: NodeKind<'a>) -> Option<NodeId> {
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

    /// A run of text between two tags (or comments).
    fn text(&mut self, s: Cow<'a, str>) {
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
                    t.to_mut().push_str(&s);
                } else if !t.ends_with(' ') {
                    t.to_mut().push(' ');
                }
                return;
            }
        }
        let s = if blank { Cow::Borrowed(" ") } else { s };
        self.add(NodeKind::Text(s));
    }

    /// Pops up to and including the innermost open element named `name`,
    /// if one is open and not past a `stop` element.
    fn close(&mut self, name: &str, stop: &[&str]) -> bool {
        let mut i = self.stack.len();
        while i > 1 {
            i -= 1;
            let n = self.stack[i];
            let NodeKind::Element(e) = &self.nodes[n].kind else {
                continue;
            };
            if e.name == name {
                self.stack.truncate(i);
                return true;
            }
            if stop.contains(&e.name.as_str()) {
                return false;
            }
        }
        false
    }

    /// Takes a start tag; returns the tokenizer state its content is read in
    /// when that is not the data state.
    fn start(&mut self, tag: Tag<'a>) -> Option<State> {
        if tag.name == "title" && self.head.title.is_none() && self.title_buf.is_none() {
            self.title_buf = Some(String::new());
            return Some(State::RcData);
        }
        if tag.name == "meta" || tag.name == "link" {
            self.read_head_tag(&tag);
        }
        if self.skipping.is_some() {
            return None;
        }
        let flags = tag_flags(&tag.name);
        if flags & SKIPPED != 0 {
            // <head> content is not visible, but its meta/title tags are read above.
            if tag.self_closing || tag.name == "head" {
                return None;
            }
            // the states a browser reads these elements' content in (HTML5 tree construction)
            let state = match tag.name.as_str() {
                "script" => Some(State::ScriptData),
                "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                    Some(State::RawText)
                }
                "textarea" => Some(State::RcData),
                _ => None,
            };
            self.skipping = Some(tag.name);
            return state;
        }
        // Implied end tags.
        if flags & CLOSES_P != 0 && self.top_is("p") {
            self.stack.pop();
        }
        match tag.name.as_str() {
            "li" => {
                self.close("li", &["ul", "ol", "div", "table"]);
            }
            "dd" | "dt" => {
                let stop = ["dl", "div"];
                if !self.close("dd", &stop) {
                    self.close("dt", &stop);
                }
            }
            "td" | "th" => {
                let stop = ["tr", "table"];
                if !self.close("td", &stop) {
                    self.close("th", &stop);
                }
            }
            "tr" => {
                self.close("tr", &["table", "tbody", "thead", "tfoot"]);
            }
            "option" => {
                self.close("option", &["select"]);
            }
            _ => {}
        }
        let void = flags & VOID != 0 || tag.self_closing;
        if !void && self.stack.len() >= self.max_depth {
            // Flatten: the element's content lands in the element at the bound.
            self.overflow.push(tag.name);
            return None;
        }
        let el = Element {
            name: tag.name,
            block: flags & BLOCK != 0,
            id: tag.id,
            class: tag.class,
            attrs: tag.attrs,
        };
        if let Some(id) = self.add(NodeKind::Element(el)) {
            if !void {
                self.stack.push(id);
            }
        }
        None
    }

    fn top_is(&self, name: &str) -> bool {
        matches!(&self.nodes[self.top()].kind, NodeKind::Element(e) if e.name == name)
    }

    fn end(&mut self, name: &Name) {
        if *name == "title" {
            if let Some(t) = self.title_buf.take() {
                self.head.title = Some(t);
            }
            return;
        }
        if let Some(sk) = &self.skipping {
            if sk == name {
                self.skipping = None;
            }
            return;
        }
        if let Some(pos) = self.overflow.iter().rposition(|n| n == name) {
            self.overflow.remove(pos);
            return;
        }
        if *name == "br" {
            self.add(NodeKind::Element(Element {
                name: Name::from("br"),
                ..Element::default()
            }));
            return;
        }
        if tag_flags(name) & VOID != 0 {
            return;
        }
        self.close(name, &[]);
    }

    fn read_head_tag(&mut self, tag: &Tag<'a>) {
        if tag.name == "link" {
            if tag
                .get("rel")
                .is_some_and(|r| r.eq_ignore_ascii_case("canonical"))
            {
                if let Some(h) = tag.get("href") {
                    self.head.canonical.get_or_insert_with(|| h.to_string());
                }
            }
            return;
        }
        let key = tag
            .get("property")
            .or_else(|| tag.get("name"))
            .or_else(|| tag.get("itemprop"));
        if let (Some(k), Some(c)) = (key, tag.get("content")) {
            if self.head.metas.len() < 512 {
                self.head
                    .metas
                    .push((k.to_ascii_lowercase(), c.to_string()));
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
    let mut out = String::new();
    for token in Tokenizer::new(html).flatten() {
        if let html5gum::Token::String(s) = token {
            out.push_str(&String::from_utf8_lossy(&s));
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What the tokenizer is building between two emits.
#[derive(Debug, Default, PartialEq, Eq)]
enum Current {
    #[default]
    None,
    StartTag,
    EndTag,
    Comment,
}

/// A string the tokenizer hands over in pieces: a range of the input while
/// the pieces are adjacent runs of it, else bytes (entities, rewritten line
/// ends). Bytes, not a string: the tokenizer may split a character in two.
#[derive(Debug, Default)]
enum Pieces {
    #[default]
    Empty,
    Input(usize, usize),
    Bytes(Vec<u8>),
}

impl Pieces {
    fn push(&mut self, input: &str, piece: &[u8]) {
        if piece.is_empty() {
            return;
        }
        // where the piece lies in the input, if it is a slice of it
        let base = input.as_ptr() as usize;
        let at = (piece.as_ptr() as usize).wrapping_sub(base);
        let in_input = at <= input.len() && piece.len() <= input.len() - at;
        match self {
            Pieces::Empty if in_input => *self = Pieces::Input(at, at + piece.len()),
            Pieces::Input(_, end) if in_input && *end == at => *end += piece.len(),
            Pieces::Bytes(bytes) => bytes.extend_from_slice(piece),
            _ => {
                let mut bytes = match self {
                    Pieces::Input(start, end) => input.as_bytes()[*start..*end].to_vec(),
                    _ => Vec::new(),
                };
                bytes.extend_from_slice(piece);
                *self = Pieces::Bytes(bytes);
            }
        }
    }

    fn is_empty(&self) -> bool {
        matches!(self, Pieces::Empty)
    }

    /// The string so far; empties the collector.
    fn take<'a>(&mut self, input: &'a str) -> Cow<'a, str> {
        match std::mem::take(self) {
            Pieces::Empty => Cow::Borrowed(""),
            Pieces::Input(start, end) => match input.get(start..end) {
                Some(s) => Cow::Borrowed(s),
                None => String::from_utf8_lossy(&input.as_bytes()[start..end]),
            },
            Pieces::Bytes(bytes) => match String::from_utf8(bytes) {
                Ok(s) => Cow::Owned(s),
                Err(err) => Cow::Owned(String::from_utf8_lossy(err.as_bytes()).into_owned()),
            },
        }
    }
}

/// Feeds the tokenizer's output straight into the [`Builder`].
struct Sink<'a> {
    input: &'a str,
    b: Builder<'a>,
    /// Text since the last tag or comment.
    text: Pieces,
    current: Current,
    name: Vec<u8>,
    tag: Tag<'a>,
    /// The attribute being read: its name and value.
    attr_name: Vec<u8>,
    attr_open: bool,
    attr_value: Pieces,
    comment: Pieces,
    last_start_tag: Vec<u8>,
}

impl<'a> Sink<'a> {
    fn new(input: &'a str, max_depth: usize) -> Sink<'a> {
        Sink {
            input,
            b: Builder::new(max_depth),
            text: Pieces::Empty,
            current: Current::None,
            name: Vec::new(),
            tag: Tag::default(),
            attr_name: Vec::new(),
            attr_open: false,
            attr_value: Pieces::Empty,
            comment: Pieces::Empty,
            last_start_tag: Vec::new(),
        }
    }

    fn flush_text(&mut self) {
        if !self.text.is_empty() {
            let text = self.text.take(self.input);
            self.b.text(text);
        }
    }

    /// Puts the attribute just read on the tag, unless the tag already has
    /// one of that name (the first wins, as in HTML5) or it is not kept.
    fn finish_attribute(&mut self) {
        if !self.attr_open {
            return;
        }
        self.attr_open = false;
        match self.attr_name.as_slice() {
            b"id" => {
                if self.tag.id.is_none() {
                    self.tag.id = Some(self.attr_value.take(self.input));
                }
            }
            b"class" => {
                if self.tag.class.is_none() {
                    self.tag.class = Some(self.attr_value.take(self.input));
                }
            }
            name => {
                let Some(known) = known_name(name).filter(|n| is_kept_attr(n)) else {
                    return;
                };
                if self.tag.attrs.iter().all(|(k, _)| k.as_str() != known) {
                    let value = self.attr_value.take(self.input);
                    self.tag.attrs.push((Name(Cow::Borrowed(known)), value));
                }
            }
        }
    }
}

impl Emitter for Sink<'_> {
    type Token = Infallible;

    fn set_last_start_tag(&mut self, last_start_tag: Option<&[u8]>) {
        self.last_start_tag.clear();
        self.last_start_tag
            .extend_from_slice(last_start_tag.unwrap_or_default());
    }

    fn emit_eof(&mut self) {
        self.flush_text();
    }

    fn emit_error(&mut self, _error: TokenizerError) {}

    fn should_emit_errors(&mut self) -> bool {
        false
    }

    fn pop_token(&mut self) -> Option<Infallible> {
        None
    }

    fn emit_string(&mut self, c: &[u8]) {
        self.text.push(self.input, c);
    }

    fn init_start_tag(&mut self) {
        self.current = Current::StartTag;
        self.name.clear();
        self.tag = Tag::default();
        self.attr_open = false;
    }

    fn init_end_tag(&mut self) {
        self.current = Current::EndTag;
        self.name.clear();
        self.attr_open = false;
    }

    fn init_comment(&mut self) {
        self.current = Current::Comment;
        self.comment = Pieces::Empty;
    }

    fn emit_current_tag(&mut self) -> Option<State> {
        self.flush_text();
        match std::mem::take(&mut self.current) {
            Current::StartTag => {
                self.finish_attribute();
                self.last_start_tag.clear();
                self.last_start_tag.extend_from_slice(&self.name);
                let mut tag = std::mem::take(&mut self.tag);
                tag.name = Name::from_bytes(&self.name);
                self.b.start(tag)
            }
            Current::EndTag => {
                let name = Name::from_bytes(&self.name);
                self.b.end(&name);
                None
            }
            Current::Comment | Current::None => None,
        }
    }

    fn emit_current_comment(&mut self) {
        self.flush_text();
        self.current = Current::None;
        let comment = self.comment.take(self.input);
        self.b.comment(&comment);
    }

    fn emit_current_doctype(&mut self) {
        self.flush_text();
    }

    fn set_self_closing(&mut self) {
        if self.current == Current::StartTag {
            self.tag.self_closing = true;
        }
    }

    fn set_force_quirks(&mut self) {}

    fn push_tag_name(&mut self, s: &[u8]) {
        self.name.extend_from_slice(s);
    }

    fn push_comment(&mut self, s: &[u8]) {
        self.comment.push(self.input, s);
    }

    fn push_doctype_name(&mut self, _s: &[u8]) {}

    fn init_doctype(&mut self) {
        self.current = Current::None;
    }

    fn init_attribute(&mut self) {
        self.finish_attribute();
        if self.current == Current::StartTag {
            self.attr_open = true;
            self.attr_name.clear();
            self.attr_value = Pieces::Empty;
        }
    }

    fn push_attribute_name(&mut self, s: &[u8]) {
        if self.attr_open {
            self.attr_name.extend_from_slice(s);
        }
    }

    fn push_attribute_value(&mut self, s: &[u8]) {
        if self.attr_open {
            self.attr_value.push(self.input, s);
        }
    }

    fn set_doctype_public_identifier(&mut self, _value: &[u8]) {}

    fn set_doctype_system_identifier(&mut self, _value: &[u8]) {}

    fn push_doctype_public_identifier(&mut self, _s: &[u8]) {}

    fn push_doctype_system_identifier(&mut self, _s: &[u8]) {}

    fn current_is_appropriate_end_tag_token(&mut self) -> bool {
        self.current == Current::EndTag
            && !self.last_start_tag.is_empty()
            && self.name == self.last_start_tag
    }
}

/// Lends the sink to the tokenizer, which owns its emitter.
struct Feed<'s, 'a>(&'s mut Sink<'a>);

impl ForwardingEmitter for Feed<'_, '_> {
    type Token = Infallible;
    fn inner(&mut self) -> &mut impl Emitter<Token = Infallible> {
        &mut *self.0
    }
}

pub(crate) fn parse(input: &str, max_depth: usize) -> Tree<'_> {
    let mut sink = Sink::new(input, max_depth);
    // the emitter yields no tokens: `finish` runs the tokenizer to the end
    let _ = Tokenizer::new_with_emitter(input, Feed(&mut sink)).finish();
    sink.flush_text();
    let b = sink.b;
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

    fn texts(t: &Tree<'_>) -> String {
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
    fn raw_text_ends_at_its_own_end_tag() {
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
    fn text_borrows_the_input_unless_rewritten() {
        let t = parse(
            "<p class=\"a&amp;b\" id=\"xy\">甲乙</p><p>丙&lt;丁\r\n戊</p>",
            64,
        );
        let runs: Vec<_> = t
            .nodes
            .iter()
            .filter_map(|n| match &n.kind {
                NodeKind::Text(s) => Some((s.to_string(), matches!(s, Cow::Borrowed(_)))),
                _ => None,
            })
            .collect();
        assert_eq!(
            runs,
            vec![("甲乙".to_string(), true), ("丙<丁\n戊".to_string(), false)]
        );
        let p = t.element(1).expect("the first p");
        assert_eq!(p.class.as_deref(), Some("a&b"));
        assert!(matches!(p.id, Some(Cow::Borrowed("xy"))));
    }

    #[test]
    fn first_of_duplicate_attributes_wins() {
        let t = parse("<img src=a.jpg src=b.jpg class=c class=d>", 64);
        let img = t.element(1).expect("the img");
        assert_eq!(img.attr("src"), Some("a.jpg"));
        assert_eq!(img.class.as_deref(), Some("c"));
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
