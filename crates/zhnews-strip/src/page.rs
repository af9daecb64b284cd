//! HTML fragments and pages: profile choice, article container, and the walk
//! that turns the tree into pieces for the rules engine.

use crate::html::{self, Element, NodeId, NodeKind, Tree};
use crate::profiles::{self, Forced, GENERIC, Profile};
use crate::rules::{Engine, Piece, PieceKind, Region, Role, clean, is_cjk};
use crate::select::{FirstMatch, SelectorSet};
use crate::{InputKind, Meta, Options, Traced};

pub(crate) fn strip_html(
    input: &str,
    kind: InputKind,
    forced: Option<Forced>,
    options: &Options,
    tracing: bool,
) -> Traced {
    let tree = html::parse(input, options.max_depth);
    let (meta, late_time, modified) = page_meta(&tree);
    let profile: Option<&'static Profile> = match forced {
        Some(Forced::Html(p)) => Some(p),
        Some(Forced::Text(_)) => None,
        None => detect_profile(input, kind, options.url.as_deref(), &meta),
    };
    let container = match kind {
        InputKind::HtmlPage => find_container(&tree, profile),
        _ => 0,
    };
    let pieces = walk(&tree, container, profile);
    let mut engine = Engine::new(false, meta, tracing);
    engine.late_time = late_time;
    engine.site_name = tree.head.title.as_deref().and_then(site_from_head);
    engine.run(pieces);
    let site_title = engine.title_is_site_name();
    let mut traced = engine.finish();
    let m = &mut traced.stripped.meta;
    if m.published.is_none() {
        m.published = modified;
    }
    if site_title {
        // the page named only the site where the headline should be
        m.title = None;
    }
    if m.title.is_none() {
        if let Some(t) = tree.head.title.as_deref() {
            let t = title_from_head(t);
            if !t.is_empty() {
                m.title = Some(t);
            }
        }
    }
    if kind == InputKind::HtmlPage && container != 0 {
        let title = m.title.take();
        m.title = refine_title(&tree, container, title);
    }
    traced.stripped.profile = profile.map(|p| p.name.to_string());
    traced
}

/// Separators between a headline and the site or section name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &[
    " -- ", "--", " - ", " — ", " | ", "_", "|", "｜", "－", "—", "-", " ",
];

/// The visible text of a subtree, whitespace collapsed.
fn subtree_text(tree: &Tree<'_>, id: NodeId) -> String {
    let mut out = String::new();
    for n in id..tree.nodes.len().min(tree.nodes[id].end) {
        if let NodeKind::Text(s) = &tree.nodes[n].kind {
            out.push_str(s);
        }
    }
    clean(&out)
}

/// Headings a reader sees as such (`h1`–`h6`, or an element whose class names
/// a title), except a site logo: a heading that holds a picture or links home.
fn visible_headings(tree: &Tree<'_>) -> Vec<(NodeId, String)> {
    let mut out = Vec::new();
    for id in 1..tree.nodes.len() {
        let Some(e) = tree.element(id) else { continue };
        let heading = matches!(e.name.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
            || e.class.as_deref().is_some_and(|c| {
                c.as_bytes()
                    .windows(5)
                    .any(|w| w.eq_ignore_ascii_case(b"title"))
            });
        if !heading {
            continue;
        }
        let end = tree.nodes.len().min(tree.nodes[id].end);
        let logo = (id..end).any(|n| {
            tree.element(n).is_some_and(|c| {
                &*c.name == "img"
                    || &*c.name == "a"
                        && c.attr("href").is_some_and(|h| {
                            let h = h.trim_end_matches('/');
                            h.is_empty() || h.matches('/').count() <= 2 && h.contains("//")
                        })
            })
        });
        let text = subtree_text(tree, id);
        let n = text.chars().count();
        if !logo && (4..=120).contains(&n) {
            out.push((id, text));
        }
    }
    out
}

/// Whether `text` occurs in a text node outside the article container: the
/// site's chrome (logo, navigation, footer, source line) names it.
fn in_chrome(tree: &Tree<'_>, container: NodeId, text: &str) -> bool {
    let end = tree.nodes[container].end;
    (1..tree.nodes.len())
        .filter(|&id| id < container || id >= end)
        .any(|id| matches!(&tree.nodes[id].kind, NodeKind::Text(s) if s.contains(text)))
}

/// The headline among what the page offers: a visible heading that `<title>`
/// starts or ends with wins over a title carrying the site's name; a site or
/// section name the chrome repeats is cut off the end; a title that names only
/// a section gives way to the heading at the top of the article.
fn refine_title(tree: &Tree<'_>, container: NodeId, title: Option<String>) -> Option<String> {
    let Some(head) = tree
        .head
        .title
        .as_deref()
        .map(clean)
        .filter(|h| !h.is_empty())
    else {
        return title;
    };
    let headings = visible_headings(tree);
    let at_sep = |rest: &str, before: bool| {
        TITLE_SEPARATORS.iter().any(|s| {
            if before {
                rest.ends_with(s)
            } else {
                rest.starts_with(s)
            }
        })
    };
    let matched = headings
        .iter()
        .map(|(_, h)| h.as_str())
        .filter(|h| {
            *h == head
                || head.strip_prefix(h).is_some_and(|r| at_sep(r, false))
                || head.strip_suffix(h).is_some_and(|r| at_sep(r, true))
        })
        .max_by_key(|h| h.len());
    if let Some(h) = matched {
        return match title {
            Some(t) if t == h => Some(t),
            // keep a title that is neither the heading plus a tail nor foreign to <title>
            Some(t) if !t.starts_with(h) && head.contains(t.as_str()) => Some(t),
            _ => Some(h.to_string()),
        };
    }
    let mut t = match title {
        Some(t) if head.starts_with(t.as_str()) => t,
        None => head.clone(),
        Some(t) => return Some(t),
    };
    // `标题-栏目`, `标题 某单位`: a tail the site's chrome repeats is its name
    for _ in 0..2 {
        let cut = TITLE_SEPARATORS
            .iter()
            .filter_map(|s| t.rfind(s).map(|i| (i, s.len())))
            .max_by_key(|&(i, len)| (i + len, len));
        let Some((i, len)) = cut else { break };
        let (prefix, suffix) = (t[..i].trim(), t[i + len..].trim());
        let ok = prefix.chars().count() >= 8
            && (2..=20).contains(&suffix.chars().count())
            && suffix.chars().next().is_some_and(is_cjk)
            && in_chrome(tree, container, suffix);
        if !ok {
            break;
        }
        t = prefix.to_string();
    }
    // `新闻动态--某学会官网`: the page names only its section
    let first = TITLE_SEPARATORS
        .iter()
        .filter_map(|s| t.find(s))
        .min()
        .map_or(t.as_str(), |i| t[..i].trim());
    if first.chars().count() <= 6 {
        let end = tree.nodes[container].end;
        let inside = headings.iter().find(|(id, _)| *id > container && *id < end);
        let before = headings.iter().rev().find(|(id, _)| *id < container);
        if let Some((_, h)) = inside
            .or(before)
            .filter(|(_, h)| h.chars().filter(|c| is_cjk(*c)).count() >= 8)
        {
            return Some(h.clone());
        }
    }
    Some(t)
}

/// `<title>` without the site name: `标题_新浪网`, `标题 - 网易新闻`, `标题|某网`.
fn title_from_head(t: &str) -> String {
    let t = clean(t);
    for sep in ["_", "|", "｜", " - ", " — ", "－", " -- "] {
        if let Some(i) = t.find(sep) {
            let head = t[..i].trim();
            if head.chars().count() >= 4 {
                return head.to_string();
            }
        }
    }
    t
}

/// The site name after the headline in `<title>`: `标题 - 某省人民政府门户网站`.
fn site_from_head(t: &str) -> Option<String> {
    let t = clean(t);
    for sep in ["_", "|", "｜", " - ", " — ", "－", " -- "] {
        if let Some(i) = t.rfind(sep) {
            let site = t[i + sep.len()..].trim();
            if t[..i].trim().chars().count() >= 4 && !site.is_empty() {
                return Some(site.to_string());
            }
        }
    }
    None
}

/// The page's `<meta>` values, and whether its time is only a late
/// (edition) time that a visible header time replaces.
fn page_meta(tree: &Tree<'_>) -> (Meta, bool, Option<String>) {
    let mut m = Meta::default();
    let mut late_time = false;
    let mut modified = None;
    for (k, v) in &tree.head.metas {
        let v = clean(v);
        if v.is_empty() {
            continue;
        }
        match k.as_str() {
            "og:title" | "twitter:title" => {
                m.title.get_or_insert(v);
            }
            "article:published_time"
            | "publishdate"
            | "pubdate"
            | "og:release_date"
            | "weibo: article:create_at"
            | "article:published"
            | "publish_time"
            | "datepublished"
            | "ptime"
            | "og:article:published_time"
            | "published_time"
            | "publish-date"
            | "firstpublishedtime" => {
                m.published.get_or_insert(v);
            }
            // the time an app edition went out, often hours after the article
            "apub:time" => {
                m.published.get_or_insert(v);
                late_time = true;
            }
            // a last resort when the page states no publication time at all
            "dateupdate" | "datemodified" | "article:modified_time" | "og:updated_time" => {
                modified.get_or_insert(v);
            }
            "description" | "og:description" => {
                m.description.get_or_insert(v);
            }
            "keywords" | "news_keywords" if m.keywords.is_empty() => {
                m.keywords = v
                    .split([',', '，', '、', ';', '；'])
                    .map(clean)
                    .filter(|s| !s.is_empty())
                    .collect();
            }
            "og:image" | "twitter:image" => {
                m.lead_image.get_or_insert(v);
            }
            "og:url" => {
                m.url.get_or_insert(v);
            }
            "source" | "article:source" | "og:article:source" => {
                // `来源：某网-某频道 原创稿`: the label and the note are not the outlet
                let name = v
                    .split_once(['：', ':'])
                    .filter(|(label, _)| label.trim().ends_with("来源"))
                    .map_or(v.as_str(), |(_, rest)| rest.trim());
                let name = crate::rules::outlet_name(name);
                if !name.is_empty() {
                    m.outlet.get_or_insert(name);
                }
            }
            _ => {}
        }
    }
    if m.url.is_none() {
        m.url = tree.head.canonical.clone();
    }
    (m, late_time, modified)
}

fn detect_profile(
    input: &str,
    kind: InputKind,
    url: Option<&str>,
    meta: &Meta,
) -> Option<&'static Profile> {
    for u in [url, meta.url.as_deref()].into_iter().flatten() {
        if let Some(p) = profiles::host_of(u).and_then(|h| profiles::by_host(&h)) {
            return Some(p);
        }
        // an archived copy names the original address in its path
        if let Some(i) = u.get(8..).and_then(|r| r.find("http")) {
            if let Some(p) = profiles::host_of(&u[8 + i..]).and_then(|h| profiles::by_host(&h)) {
                return Some(p);
            }
        }
    }
    let scan = match kind {
        InputKind::HtmlPage => prefix(input, 96 * 1024),
        _ => prefix(input, 512 * 1024),
    };
    profiles::by_mentions(scan)
}

fn prefix(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

// ---------------------------------------------------------------- container

/// Per node: visible "weight" (CJK chars + ASCII words) and the part inside links.
struct Weights {
    text: Vec<u32>,
    link: Vec<u32>,
}

fn weight(s: &str) -> u32 {
    let mut n = 0u32;
    let mut in_word = false;
    for c in s.chars() {
        if is_cjk(c) {
            n += 1;
            in_word = false;
        } else if c.is_ascii_alphanumeric() {
            if !in_word {
                n += 1;
            }
            in_word = true;
        } else {
            in_word = false;
        }
    }
    n
}

fn punct(s: &str) -> u32 {
    s.chars()
        .filter(|c| {
            matches!(
                c,
                '，' | '。' | '！' | '？' | '；' | '、' | '：' | '“' | '”'
            )
        })
        .count() as u32
}

fn weights(tree: &Tree<'_>) -> Weights {
    let n = tree.nodes.len();
    let mut text = vec![0u32; n];
    let mut link = vec![0u32; n];
    // children always follow their parent in the arena, so a reverse sweep sums subtrees
    for id in (1..n).rev() {
        let node = &tree.nodes[id];
        if let NodeKind::Text(s) = &node.kind {
            let w = weight(s);
            text[id] = w;
            if in_link(tree, id) {
                link[id] = w;
            }
        }
        if let Some(e) = tree.element(id) {
            if &*e.name == "a" {
                link[id] = text[id];
            }
        }
        let p = node.parent;
        text[p] = text[p].saturating_add(text[id]);
        link[p] = link[p].saturating_add(link[id]);
    }
    Weights { text, link }
}

fn in_link(tree: &Tree<'_>, mut id: NodeId) -> bool {
    for _ in 0..6 {
        id = tree.nodes[id].parent;
        if id == 0 {
            return false;
        }
        match tree.element(id) {
            Some(e) if &*e.name == "a" => return true,
            Some(e) if e.block => return false,
            _ => {}
        }
    }
    false
}

/// Text and link-text weight of one subtree, without recursion.
fn subtree_weight(tree: &Tree<'_>, id: NodeId) -> (u32, u32) {
    let (mut text, mut link) = (0u32, 0u32);
    // the subtree is the arena range id..end; a link covers the range up to its end
    let mut link_end = 0;
    for n in id..tree.nodes.len().min(tree.nodes[id].end) {
        match &tree.nodes[n].kind {
            NodeKind::Text(s) => {
                let w = weight(s);
                text += w;
                if n < link_end {
                    link += w;
                }
            }
            NodeKind::Element(e) => {
                if &*e.name == "a" {
                    link_end = link_end.max(tree.nodes[n].end);
                }
            }
            NodeKind::Marker(_) => {}
        }
    }
    (text, link)
}

fn find_container(tree: &Tree<'_>, profile: Option<&Profile>) -> NodeId {
    let sels = profile
        .map(|p| p.containers)
        .unwrap_or(&[])
        .iter()
        .chain(GENERIC.containers.iter());
    for sel in sels {
        let found = (1..tree.nodes.len()).find(|&id| {
            tree.element(id)
                .is_some_and(|e| crate::select::matches(sel, e))
                && {
                    let (text, link) = subtree_weight(tree, id);
                    text >= 40 && link * 2 < text
                }
        });
        if let Some(id) = found {
            return id;
        }
    }
    density(tree, &weights(tree))
}

/// GNE/readability-style scoring: each paragraph's text and Chinese
/// punctuation count for its parent (fully) and grandparent (half); link-heavy
/// candidates lose.
fn density(tree: &Tree<'_>, w: &Weights) -> NodeId {
    let n = tree.nodes.len();
    // a paragraph is the nearest block ancestor of its text; inline links and
    // markup split its text into several nodes, so sum them per paragraph first
    let mut para_w = vec![0u32; n];
    let mut para_p = vec![0u32; n];
    for id in 1..n {
        let NodeKind::Text(s) = &tree.nodes[id].kind else {
            continue;
        };
        let len = weight(s);
        if len == 0 || in_link(tree, id) {
            continue;
        }
        if len >= 10 && crate::rules::is_copyright_text(s) {
            continue;
        }
        let mut p = tree.nodes[id].parent;
        for _ in 0..6 {
            match tree.element(p) {
                Some(e) if e.block => break,
                _ if p == 0 => break,
                _ => p = tree.nodes[p].parent,
            }
        }
        para_w[p] += len;
        para_p[p] += punct(s);
    }
    let mut score = vec![0f32; n];
    for p in 1..n {
        let len = para_w[p];
        if len < 10 {
            continue;
        }
        let s = 1.0 + para_p[p] as f32 + (len as f32 / 60.0).min(3.0);
        if tree
            .element(p)
            .is_some_and(|e| matches!(e.name.as_str(), "div" | "td" | "section" | "article"))
        {
            score[p] += s;
        }
        let gp = tree.nodes[p].parent;
        score[gp] += s;
        let ggp = tree.nodes[gp].parent;
        score[ggp] += s / 2.0;
    }
    let mut best = (0usize, 0f32);
    for (id, &sc) in score.iter().enumerate().skip(1) {
        if sc <= 0.0 {
            continue;
        }
        let t = w.text[id].max(1) as f32;
        let ld = w.link[id] as f32 / t;
        let s = sc * (1.0 - ld);
        if s > best.1 {
            best = (id, s);
        }
    }
    best.0
}

// ---------------------------------------------------------------- walk

const CAPTION_CLASSES: &[&str] = &[
    "img_descr",
    "caption",
    "pic_txt",
    "pictext",
    "img-desc",
    "imgdesc",
    "pic-desc",
    "picintro",
    "img_txt",
    "img-title",
    "photo-desc",
    "pic_title",
    "pic-title",
    "img_title",
    "figure-caption",
    "image-caption",
    "photo_txt",
    "tupian",
    "pic_info",
    "picinfo",
];

/// A caption class, or one of them with a `-`/`_` suffix.
fn is_caption_class(w: &str) -> bool {
    let Some(&first) = w.as_bytes().first() else {
        return false;
    };
    CAPTION_CLASSES.iter().any(|k| {
        k.as_bytes()[0] == first
            && w.starts_with(k)
            && matches!(w.as_bytes().get(k.len()), None | Some(b'-' | b'_'))
    })
}

#[derive(Clone)]
struct Ctx<'a> {
    kind: PieceKind,
    region: Region,
    inside: bool,
    centered: bool,
    bold: bool,
    /// Borrowed from the tree: contexts are cloned per element.
    href: Option<&'a str>,
}

/// The selectors of the profile and the generic table, parsed once per document.
struct Selectors {
    drop: SelectorSet,
    cut: SelectorSet,
    generic_drop: SelectorSet,
    /// Profile roles first, then generic ones; the first match wins.
    roles: FirstMatch<Role>,
}

impl Selectors {
    fn new(profile: Option<&Profile>) -> Selectors {
        let mut roles: Vec<(Role, &[&str])> = Vec::new();
        for p in profile.into_iter().chain(std::iter::once(&GENERIC)) {
            roles.push((Role::Title, p.title));
            roles.push((Role::MetaLines, p.meta));
            roles.push((Role::Published, p.published));
            roles.push((Role::Outlet, p.outlet));
            roles.push((Role::Breadcrumb, p.breadcrumb));
        }
        let roles = FirstMatch::new(roles);
        Selectors {
            drop: SelectorSet::new(profile.map_or(&[], |p| p.drop)),
            cut: SelectorSet::new(profile.map_or(&[], |p| p.cut)),
            generic_drop: SelectorSet::new(GENERIC.drop),
            roles,
        }
    }
}

struct Walker<'a> {
    tree: &'a Tree<'a>,
    container: NodeId,
    sel: Selectors,
    pieces: Vec<Piece>,
    buf: String,
    buf_ctx: Option<Ctx<'a>>,
    buf_weight: u32,
    buf_link_weight: u32,
    buf_href: Option<&'a str>,
    /// The class list of the element being entered (kept to reuse its allocation).
    classes: Vec<&'a str>,
    /// Text of the first link of the run.
    buf_link_text: String,
}

impl<'a> Walker<'a> {
    fn flush(&mut self) {
        let Some(ctx) = self.buf_ctx.take() else {
            self.buf.clear();
            self.buf_link_text.clear();
            return;
        };
        let text = std::mem::take(&mut self.buf);
        if text.trim().is_empty() {
            self.buf_link_text.clear();
            return;
        }
        let all_link = self.buf_weight > 0 && self.buf_link_weight >= self.buf_weight;
        let mut p = Piece::new(ctx.kind, text);
        p.region = ctx.region;
        p.centered = ctx.centered;
        p.bold = ctx.bold;
        if all_link {
            p.url = self.buf_href.map(str::to_string);
        }
        if self.buf_link_weight * 2 > self.buf_weight {
            if let Some(h) = self.buf_href.take() {
                p.link = Some((std::mem::take(&mut self.buf_link_text), h.to_string()));
            }
        }
        self.buf_link_text.clear();
        self.buf_weight = 0;
        self.buf_link_weight = 0;
        self.buf_href = None;
        self.pieces.push(p);
    }

    fn text(&mut self, s: &str, ctx: &Ctx<'a>) {
        if self.buf_ctx.is_none() {
            if s.trim().is_empty() {
                return;
            }
            self.buf_ctx = Some(ctx.clone());
        }
        self.buf.push_str(s);
        let w = weight(s);
        self.buf_weight += w;
        if ctx.href.is_some() {
            self.buf_link_weight += w;
            if self.buf_href.is_none() {
                self.buf_href = ctx.href;
            }
            if self.buf_href == ctx.href {
                self.buf_link_text.push_str(s);
            }
        }
    }

    fn enter(&mut self, id: NodeId, e: &'a Element<'a>, parent: &Ctx<'a>) -> Ctx<'a> {
        let mut c = parent.clone();
        if id == self.container {
            c.inside = true;
            c.region = Region::Body;
        }
        let name = e.name.as_str();
        c.kind = match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                PieceKind::Heading(name.as_bytes()[1] - b'0')
            }
            "li" => {
                let pid = self.tree.nodes[id].parent;
                let ordered = self.tree.element(pid).is_some_and(|p| &*p.name == "ol");
                PieceKind::ListItem {
                    ordered,
                    group: pid,
                }
            }
            "blockquote" => PieceKind::Quote,
            "figcaption" => PieceKind::Caption,
            "p" | "div" | "section" | "article" | "td" | "th" | "dd" | "dt" | "center" | "pre"
            | "span" | "font" | "strong" | "b" | "em" => {
                if matches!(
                    c.kind,
                    PieceKind::ListItem { .. }
                        | PieceKind::Quote
                        | PieceKind::Caption
                        | PieceKind::Heading(_)
                ) && !e.block
                    || matches!(c.kind, PieceKind::Quote | PieceKind::Caption)
                {
                    c.kind.clone()
                } else if e.block {
                    PieceKind::Para
                } else {
                    c.kind.clone()
                }
            }
            _ => c.kind.clone(),
        };
        if let Some(cl) = e.class.as_deref() {
            let low: std::borrow::Cow<'_, str> = if cl.bytes().any(|b| b.is_ascii_uppercase()) {
                cl.to_ascii_lowercase().into()
            } else {
                cl.into()
            };
            if low.split_ascii_whitespace().any(is_caption_class) {
                c.kind = PieceKind::Caption;
            }
        }
        if e.block {
            c.centered = e
                .attr("align")
                .is_some_and(|a| a.eq_ignore_ascii_case("center"))
                || e.attr("style").is_some_and(centered_style)
                || name == "center"
                || (c.centered && !matches!(name, "div" | "section" | "article" | "body"));
        }
        if matches!(name, "strong" | "b") {
            c.bold = true;
        } else if e.block {
            c.bold = false;
        }
        if name == "a" {
            c.href = e
                .attr("href")
                .filter(|h| !h.starts_with("javascript") && !h.is_empty() && *h != "#");
        }
        self.classes.clear();
        if let Some(cl) = e.class.as_deref() {
            self.classes.extend(cl.split_ascii_whitespace());
        }
        let classes = &self.classes[..];
        let sel = &self.sel;
        if c.inside {
            if matches!(c.region, Region::Body) {
                if sel.drop.matches(e, classes) {
                    c.region = Region::Dropped("profile-drop");
                } else if sel.cut.matches(e, classes) {
                    c.region = Region::CutSection;
                }
                if matches!(c.region, Region::Body) && sel.generic_drop.matches(e, classes) {
                    c.region =
                        Region::Dropped(if e.attr("style").is_some_and(|s| s.contains("none")) {
                            "hidden"
                        } else {
                            "share-widget"
                        });
                }
            }
        } else if e.id.is_some()
            || e.class.is_some()
            || matches!(name, "h1" | "h2" | "h3" | "time")
            || !e.attrs.is_empty()
        {
            let role = sel.roles.find(e, classes);
            if let Some(r) = role {
                // the innermost role wins, except inside a title
                if !matches!(c.region, Region::Role(Role::Title)) {
                    c.region = Region::Role(r);
                }
            }
        }
        c
    }
}

/// `text-align: center` in a style attribute, ignoring spaces and ASCII
/// case, without building a squeezed copy of the attribute.
fn centered_style(style: &str) -> bool {
    const WANT: &[u8] = b"text-align:center";
    let b = style.as_bytes();
    // most styles say nothing of centring: a linear scan rules them out
    if !b.windows(6).any(|w| w.eq_ignore_ascii_case(b"center")) {
        return false;
    }
    (0..b.len()).any(|start| {
        let mut got = b[start..]
            .iter()
            .filter(|&&c| c != b' ')
            .map(u8::to_ascii_lowercase);
        b[start] != b' ' && WANT.iter().all(|&w| got.next() == Some(w))
    })
}

fn is_small(e: &Element<'_>) -> bool {
    let dim = |k: &str| {
        e.attr(k)
            .and_then(|v| v.trim_end_matches("px").trim().parse::<u32>().ok())
    };
    matches!(dim("width"), Some(w) if w > 0 && w < 60)
        || matches!(dim("height"), Some(h) if h > 0 && h < 60)
}

fn image_url(e: &Element<'_>) -> Option<String> {
    let src = e
        .attr("src")
        .filter(|s| !s.starts_with("data:") && !s.trim().is_empty());
    let lazy = ["data-src", "data-original", "data-lazy-src"]
        .iter()
        .find_map(|k| e.attr(k))
        .filter(|s| !s.trim().is_empty());
    match (src, lazy) {
        (Some(s), Some(l))
            if s.contains("blank")
                || s.contains("loading")
                || s.contains("grey")
                || s.contains("lazy") =>
        {
            Some(l.trim().to_string())
        }
        (Some(s), _) => Some(s.trim().to_string()),
        (None, l) => l.map(|s| s.trim().to_string()),
    }
}

fn walk(tree: &Tree<'_>, container: NodeId, profile: Option<&Profile>) -> Vec<Piece> {
    let mut w = Walker {
        tree,
        container,
        sel: Selectors::new(profile),
        pieces: Vec::new(),
        buf: String::new(),
        buf_ctx: None,
        buf_weight: 0,
        buf_link_weight: 0,
        buf_href: None,
        classes: Vec::new(),
        buf_link_text: String::new(),
    };
    let root_ctx = Ctx {
        kind: PieceKind::Para,
        region: if container == 0 {
            Region::Body
        } else {
            Region::Outside { near: false }
        },
        inside: container == 0,
        centered: false,
        bold: false,
        href: None,
    };
    // open elements: context, end of the subtree, whether it is a block
    let mut ctxs: Vec<(Ctx<'_>, NodeId, bool)> = vec![(root_ctx, usize::MAX, false)];
    let mut first_body: Option<usize> = None;
    let mut last_body: Option<usize> = None;
    let n = tree.nodes.len();
    let mut next = 1;
    // the arena is in document order: a loop over it is a depth-first walk
    loop {
        let id = next;
        // leave the elements that end before this node
        while ctxs.len() > 1 && ctxs.last().is_some_and(|c| c.1 <= id) {
            let Some((c, _, block)) = ctxs.pop() else {
                break;
            };
            if block {
                w.flush();
            }
            if c.inside && !ctxs.last().is_some_and(|p| p.0.inside) {
                w.flush();
                last_body = Some(w.pieces.len());
            }
        }
        if id >= n {
            break;
        }
        next = id + 1;
        // ctxs always holds the root context, so this borrow never clones
        let Some((parent, _, _)) = ctxs.last() else {
            break;
        };
        match &tree.nodes[id].kind {
            NodeKind::Text(s) => w.text(s, parent),
            NodeKind::Marker(s) => {
                w.flush();
                let mut p = Piece::new(PieceKind::Marker, s.clone());
                p.region = if parent.inside {
                    parent.region
                } else {
                    Region::Outside { near: false }
                };
                if parent.inside {
                    p.region = Region::Body;
                }
                w.pieces.push(p);
            }
            NodeKind::Element(e) => {
                let name = e.name.as_str();
                let ctx = w.enter(id, e, parent);
                // a change of region (a byline span, a dropped widget) ends the text run
                let block = e.block || ctx.region != parent.region || id == container;
                if block || name == "img" {
                    w.flush();
                }
                if id == container {
                    first_body = Some(w.pieces.len());
                }
                if matches!(name, "img" | "br" | "hr") {
                    // void: nothing inside to walk
                    next = tree.nodes[id].end.max(id + 1);
                }
                if name == "img" {
                    if !is_small(e) {
                        let mut p = Piece::new(
                            PieceKind::Image {
                                url: image_url(e),
                                alt: e.attr("alt").map(str::to_string),
                            },
                            String::new(),
                        );
                        p.region = ctx.region;
                        p.url = ctx.href.map(str::to_string);
                        w.pieces.push(p);
                    }
                    continue;
                }
                if name == "br" || name == "hr" {
                    continue;
                }
                ctxs.push((ctx, tree.nodes[id].end, block));
            }
        }
    }
    w.flush();
    // mark outside pieces close to the container as "near" (they may hold the byline)
    if let (Some(first), last) = (first_body, last_body) {
        let last = last.unwrap_or(w.pieces.len());
        let n = w.pieces.len();
        for (i, p) in w.pieces.iter_mut().enumerate() {
            if let Region::Outside { near } = &mut p.region {
                *near = (i < first && first - i <= 15) || (i >= last && i - last < 12 && i < n);
            }
        }
    }
    w.pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title_of(html: &str) -> Option<String> {
        let options = Options {
            kind: Some(InputKind::HtmlPage),
            ..Options::default()
        };
        crate::strip(html, &options).ok().and_then(|s| s.meta.title)
    }

    const BODY: &str = "<p>河畔新桥今日上午正式通车，全长一千二百米，连接东西两岸的老城区和新城区。</p>\
        <p>市交通局表示，新桥通车后，两岸之间的车程将由四十分钟缩短到十分钟左右。</p>\
        <p>据介绍，大桥设计为双向六车道，两侧设有人行道和非机动车道，方便市民出行。</p>";

    #[test]
    fn titles_lose_the_site_name_and_section_names_give_way() {
        // a visible heading that the <title> starts with, a site name glued on by `-`
        let page = format!(
            "<html><head><title>河畔新桥今日正式通车-河畔电子周刊</title></head><body>\
             <div class=\"logo\">河畔电子周刊</div><h4>河畔新桥今日正式通车</h4>\
             <article>{BODY}</article></body></html>"
        );
        assert_eq!(title_of(&page).as_deref(), Some("河畔新桥今日正式通车"));
        // no heading: a tail the site's chrome repeats is cut, a space being the separator
        let page = format!(
            "<html><head><title>河畔街道领导一行到新桥工地调研 河畔街道办事处</title></head><body>\
             <div class=\"nav\">河畔街道办事处</div><article>{BODY}</article>\
             <div class=\"foot\">版权所有 河畔街道办事处</div></body></html>"
        );
        assert_eq!(
            title_of(&page).as_deref(),
            Some("河畔街道领导一行到新桥工地调研")
        );
        // the same tail, unrepeated, may belong to the headline
        let page = format!(
            "<html><head><title>河畔街道领导一行到新桥工地调研 东岸街道办事处</title></head>\
             <body><article>{BODY}</article></body></html>"
        );
        assert_eq!(
            title_of(&page).as_deref(),
            Some("河畔街道领导一行到新桥工地调研 东岸街道办事处")
        );
        // <title> names only the section; the headline is the heading over the article
        let page = format!(
            "<html><head><title>新闻动态--河畔学会官网</title></head><body>\
             <h3>首页 - 新闻动态</h3><div class=\"box\"><h5>河畔学会年会在新桥会展中心成功举行！</h5>\
             <article>{BODY}</article></div></body></html>"
        );
        assert_eq!(
            title_of(&page).as_deref(),
            Some("河畔学会年会在新桥会展中心成功举行！")
        );
        // a logo heading that links home carries a slogan, not the headline
        let page = format!(
            "<html><head><title>河畔快讯--河畔新桥今日正式通车</title></head><body>\
             <h1><a href=\"http://www.example.com/\">河畔快讯_最新资讯_权威本地新闻网站</a></h1>\
             <div class=\"title-text\">河畔新桥今日正式通车</div><article>{BODY}</article></body></html>"
        );
        assert_eq!(title_of(&page).as_deref(), Some("河畔新桥今日正式通车"));
    }

    #[test]
    fn page_meta_source_loses_its_label_and_note() {
        let page = format!(
            "<html><head><meta name=\"source\" content=\"来源：河畔网-文化频道 原创稿\">\
             <title>河畔新桥今日正式通车_河畔网</title></head><body><article>{BODY}</article></body></html>"
        );
        let options = Options {
            kind: Some(InputKind::HtmlPage),
            ..Options::default()
        };
        let out = crate::strip(&page, &options)
            .ok()
            .and_then(|s| s.meta.outlet);
        assert_eq!(out.as_deref(), Some("河畔网-文化频道"));
    }

    #[test]
    fn centered_styles() {
        assert!(centered_style("text-align:center"));
        assert!(centered_style("margin:0; TEXT-ALIGN : Center;"));
        assert!(centered_style("x:text-align:centext-align:center"));
        assert!(!centered_style("text-align:left"));
        assert!(!centered_style("text-align:cente"));
        assert!(!centered_style(""));
    }
}
