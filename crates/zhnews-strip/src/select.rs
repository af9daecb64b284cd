//! Simple selectors for profile tables: `tag`, `#id`, `.class`,
//! `[attr=value]`, `[attr]`, `[attr^=prefix]`, `[attr*=part]` and their
//! compounds (`div.post_body#endText`). Profiles need no combinators: an
//! article container or a drop target is named by its own attributes.

use crate::html::Element;

pub(crate) fn matches(sel: &str, el: &Element<'_>) -> bool {
    let mut rest = sel;
    // most elements have neither id nor class: reject without parsing
    match rest.as_bytes().first() {
        None => return false,
        Some(b'.') if el.class.is_none() => return false,
        Some(b'#') if el.id.is_none() => return false,
        Some(b'[') if el.attrs.is_empty() && el.class.is_none() && el.id.is_none() => return false,
        Some(c) if c.is_ascii_alphabetic() && !rest.starts_with(el.name.as_str()) => return false,
        _ => {}
    }
    // tag part
    let tag_end = rest.find(['.', '#', '[']).unwrap_or(rest.len());
    let tag = &rest[..tag_end];
    if !tag.is_empty() && tag != "*" && !tag.eq_ignore_ascii_case(&el.name) {
        return false;
    }
    rest = &rest[tag_end..];
    while !rest.is_empty() {
        let (kind, body) = rest.split_at(1);
        match kind {
            "." | "#" => {
                let end = body.find(['.', '#', '[']).unwrap_or(body.len());
                let v = &body[..end];
                let ok = if kind == "." {
                    el.has_class(v)
                } else {
                    el.id.as_deref() == Some(v)
                };
                if !ok {
                    return false;
                }
                rest = &body[end..];
            }
            "[" => {
                let Some(end) = body.find(']') else {
                    return false;
                };
                let cond = &body[..end];
                if !attr_matches(cond, el) {
                    return false;
                }
                rest = &body[end + 1..];
            }
            _ => return false,
        }
    }
    true
}

fn attr_matches(cond: &str, el: &Element<'_>) -> bool {
    let get = |name: &str| -> Option<&str> {
        match name {
            "id" => el.id.as_deref(),
            "class" => el.class.as_deref(),
            _ => el.attr(name),
        }
    };
    let Some(eq) = cond.find('=') else {
        return get(cond.trim()).is_some();
    };
    let (mut name, value) = (&cond[..eq], cond[eq + 1..].trim().trim_matches(['"', '\'']));
    let op = name
        .chars()
        .last()
        .filter(|c| matches!(c, '^' | '*' | '$' | '~'));
    if op.is_some() {
        name = &name[..name.len() - 1];
    }
    let Some(actual) = get(name.trim()) else {
        return false;
    };
    match op {
        Some('^') => actual.starts_with(value),
        Some('*') => actual.contains(value),
        Some('$') => actual.ends_with(value),
        Some('~') => actual.split_ascii_whitespace().any(|w| w == value),
        _ => actual == value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    fn el<'a>(
        name: &str,
        id: Option<&'a str>,
        class: Option<&'a str>,
        attrs: &[(&str, &'a str)],
    ) -> Element<'a> {
        Element {
            name: name.into(),
            block: false,
            id: id.map(Cow::Borrowed),
            class: class.map(Cow::Borrowed),
            attrs: attrs
                .iter()
                .map(|(a, b)| ((*a).into(), Cow::Borrowed(*b)))
                .collect(),
        }
    }

    #[test]
    fn first_match_follows_list_order() {
        let index = FirstMatch::new([
            (1, &["h1", ".title"][..]),
            (2, &[".date", "[itemprop=datePublished]"][..]),
            (3, &[".title.big", "#source"][..]),
        ]);
        let e = el("span", None, Some("big title"), &[]);
        assert_eq!(index.find(&e, &["big", "title"]), Some(1));
        let e = el("span", Some("source"), Some("date"), &[]);
        assert_eq!(index.find(&e, &["date"]), Some(2));
        let e = el("span", Some("source"), None, &[]);
        assert_eq!(index.find(&e, &[]), Some(3));
        let e = el("p", None, None, &[("itemprop", "datePublished")]);
        assert_eq!(index.find(&e, &[]), Some(2));
        let e = el("p", None, Some("plain"), &[]);
        assert_eq!(index.find(&e, &["plain"]), None);
    }

    #[test]
    fn compound_selectors() {
        let e = el(
            "div",
            Some("endText"),
            Some("post_body clearfix"),
            &[("itemprop", "articleBody")],
        );
        assert!(matches("div.post_body#endText", &e));
        assert!(matches("#endText", &e));
        assert!(matches(".clearfix", &e));
        assert!(matches("[itemprop=articleBody]", &e));
        assert!(matches("[class*=body]", &e));
        assert!(!matches("p.post_body", &e));
        assert!(!matches(".post", &e));
        assert!(!matches("[itemprop=author]", &e));
    }
}

/// One selector parsed once per document, for matching many elements.
#[derive(Debug, Default)]
pub(crate) struct Compiled {
    /// Interned like element names, so the check is a pointer comparison.
    tag: Option<String>,
    id: Option<String>,
    classes: Vec<String>,
    attrs: Vec<AttrCond>,
}

/// `[name]`, `[name=value]`, `[name^=value]`, `[name*=value]`, `[name$=value]`, `[name~=value]`.
#[derive(Debug)]
struct AttrCond {
    name: String,
    op: Option<char>,
    value: Option<String>,
}

impl AttrCond {
    fn new(cond: &str) -> AttrCond {
        let Some(eq) = cond.find('=') else {
            return AttrCond {
                name: cond.trim().to_string(),
                op: None,
                value: None,
            };
        };
        let (mut name, value) = (&cond[..eq], cond[eq + 1..].trim().trim_matches(['"', '\'']));
        let op = name
            .chars()
            .last()
            .filter(|c| matches!(c, '^' | '*' | '$' | '~'));
        if op.is_some() {
            name = &name[..name.len() - 1];
        }
        AttrCond {
            name: name.trim().to_string(),
            op,
            value: Some(value.to_string()),
        }
    }

    fn matches(&self, el: &Element<'_>) -> bool {
        let actual = match self.name.as_str() {
            "id" => el.id.as_deref(),
            "class" => el.class.as_deref(),
            name => el.attr(name),
        };
        let Some(actual) = actual else {
            return false;
        };
        let Some(value) = self.value.as_deref() else {
            return true;
        };
        match self.op {
            Some('^') => actual.starts_with(value),
            Some('*') => actual.contains(value),
            Some('$') => actual.ends_with(value),
            Some('~') => actual.split_ascii_whitespace().any(|w| w == value),
            _ => actual == value,
        }
    }
}

impl Compiled {
    fn new(sel: &str) -> Compiled {
        let mut c = Compiled::default();
        let tag_end = sel.find(['.', '#', '[']).unwrap_or(sel.len());
        if tag_end > 0 && &sel[..tag_end] != "*" {
            c.tag = Some(sel[..tag_end].to_ascii_lowercase());
        }
        let mut rest = &sel[tag_end..];
        while !rest.is_empty() {
            let (kind, body) = rest.split_at(1);
            if kind == "[" {
                let end = body.find(']').unwrap_or(body.len());
                c.attrs.push(AttrCond::new(&body[..end]));
                rest = body.get(end + 1..).unwrap_or("");
            } else {
                let end = body.find(['.', '#', '[']).unwrap_or(body.len());
                if kind == "." {
                    c.classes.push(body[..end].to_string());
                } else {
                    c.id = Some(body[..end].to_string());
                }
                rest = &body[end..];
            }
        }
        c
    }

    fn matches(&self, el: &Element<'_>, classes: &[&str]) -> bool {
        self.tag.as_ref().is_none_or(|t| el.name == t.as_str())
            && self
                .id
                .as_deref()
                .is_none_or(|i| el.id.as_deref() == Some(i))
            && self.classes.iter().all(|k| classes.contains(&k.as_str()))
            && self.attrs.iter().all(|a| a.matches(el))
    }
}

/// A list of selectors; matches when any does.
#[derive(Debug, Default)]
pub(crate) struct SelectorSet {
    all: Vec<Compiled>,
    /// The selectors an element without id and class can match: most
    /// elements of a page are such, and most selectors name a class.
    plain: Vec<usize>,
}

impl SelectorSet {
    pub fn new(sels: &[&str]) -> SelectorSet {
        let all: Vec<Compiled> = sels.iter().map(|s| Compiled::new(s.trim())).collect();
        let plain = (0..all.len())
            .filter(|&i| {
                let c = &all[i];
                c.classes.is_empty()
                    && c.id.is_none()
                    && c.attrs.iter().all(|a| a.name != "class" && a.name != "id")
            })
            .collect();
        SelectorSet { all, plain }
    }

    /// `classes` is the element's class list, split once by the caller.
    pub fn matches(&self, el: &Element<'_>, classes: &[&str]) -> bool {
        if el.id.is_none() && el.class.is_none() {
            return self.plain.iter().any(|&i| self.all[i].matches(el, classes));
        }
        self.all.iter().any(|c| c.matches(el, classes))
    }
}

/// Labelled selector lists (`[(label, selectors)]`), asked for the label of
/// the first list an element matches. Selectors naming a class are filed
/// under that class, so an element is tried only against the selectors of
/// its own classes and the few that name no class.
#[derive(Debug)]
pub(crate) struct FirstMatch<T> {
    by_class: std::collections::HashMap<String, Vec<(usize, Compiled)>>,
    /// Selectors without a class, in list order.
    other: Vec<(usize, Compiled)>,
    labels: Vec<T>,
}

impl<T: Copy> FirstMatch<T> {
    pub fn new<'a>(lists: impl IntoIterator<Item = (T, &'a [&'a str])>) -> FirstMatch<T> {
        let mut index = FirstMatch {
            by_class: std::collections::HashMap::new(),
            other: Vec::new(),
            labels: Vec::new(),
        };
        for (rank, (label, sels)) in lists.into_iter().enumerate() {
            index.labels.push(label);
            for sel in sels {
                let c = Compiled::new(sel.trim());
                match c.classes.first() {
                    Some(class) => index
                        .by_class
                        .entry(class.clone())
                        .or_default()
                        .push((rank, c)),
                    None => index.other.push((rank, c)),
                }
            }
        }
        index
    }

    /// The label of the first list with a selector that matches `el`
    /// (`classes` is its class list, split once by the caller).
    pub fn find(&self, el: &Element<'_>, classes: &[&str]) -> Option<T> {
        let mut best = self
            .other
            .iter()
            .find(|(_, c)| c.matches(el, classes))
            .map(|(rank, _)| *rank);
        for class in classes {
            let Some(list) = self.by_class.get(*class) else {
                continue;
            };
            for (rank, c) in list {
                if best.is_none_or(|b| *rank < b) && c.matches(el, classes) {
                    best = Some(*rank);
                }
            }
        }
        best.and_then(|rank| self.labels.get(rank).copied())
    }
}
