//! Finding a charset the document declares about itself: the HTML prescan (WHATWG HTML,
//! "prescan a byte stream to determine its encoding") over the first 1024 bytes, and the XML
//! declaration.

/// How many bytes the HTML prescan looks at, as the HTML standard prescribes.
pub(crate) const PRESCAN_LIMIT: usize = 1024;

/// A charset label found in the document, with the byte offset of the construct that holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub(crate) label: String,
    pub(crate) offset: usize,
}

fn is_space(b: u8) -> bool {
    matches!(b, 0x09 | 0x0A | 0x0C | 0x0D | 0x20)
}

fn starts_with_ci(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.len() >= needle.len() && haystack[..needle.len()].eq_ignore_ascii_case(needle)
}

/// The encoding label of an XML declaration at the very start (`<?xml … encoding="…"?>`).
pub(crate) fn xml_declaration(bytes: &[u8]) -> Option<Found> {
    let head = &bytes[..bytes.len().min(PRESCAN_LIMIT)];
    if !head.starts_with(b"<?xml") || !head.get(5).is_some_and(|&b| is_space(b)) {
        return None;
    }
    let end = head.windows(2).position(|w| w == b"?>")?;
    let decl = &head[..end];
    let mut i = 5;
    while i < decl.len() {
        if decl[i..].starts_with(b"encoding") {
            let mut j = i + "encoding".len();
            while j < decl.len() && is_space(decl[j]) {
                j += 1;
            }
            if decl.get(j) != Some(&b'=') {
                i = j;
                continue;
            }
            j += 1;
            while j < decl.len() && is_space(decl[j]) {
                j += 1;
            }
            let quote = *decl.get(j)?;
            if quote != b'"' && quote != b'\'' {
                return None;
            }
            let start = j + 1;
            let len = decl[start..].iter().position(|&b| b == quote)?;
            let label = String::from_utf8_lossy(&decl[start..start + len]).into_owned();
            return Some(Found { label, offset: 0 });
        }
        i += 1;
    }
    None
}

/// The result of the HTML prescan: the first usable declaration, and labels that were declared
/// but are not encoding labels (so the caller can say they were ignored).
#[derive(Debug, Default)]
pub(crate) struct Prescan {
    pub(crate) found: Option<Found>,
    pub(crate) unknown: Vec<Found>,
}

/// The HTML standard's prescan of the first 1024 bytes for `<meta charset>` or
/// `<meta http-equiv="content-type" content="…charset=…">`.
pub(crate) fn html_meta(bytes: &[u8], is_label: impl Fn(&str) -> bool) -> Prescan {
    let b = &bytes[..bytes.len().min(PRESCAN_LIMIT)];
    let mut out = Prescan::default();
    let mut i = 0;
    while i < b.len() {
        // Only a '<' can start anything the prescan cares about.
        match b[i..].iter().position(|&c| c == b'<') {
            Some(p) => i += p,
            None => return out,
        }
        if b[i..].starts_with(b"<!--") {
            // The closing "-->" may share its dashes with the opening, so search from i + 2.
            match b[i + 2..].windows(3).position(|w| w == b"-->") {
                Some(p) => i = i + 2 + p + 2,
                None => return out,
            }
        } else if starts_with_ci(&b[i..], b"<meta")
            && b.get(i + 5).is_some_and(|&c| is_space(c) || c == b'/')
        {
            let tag_offset = i;
            i += 5;
            let mut names: Vec<String> = Vec::new();
            let mut got_pragma = false;
            let mut need_pragma: Option<bool> = None;
            let mut charset: Option<String> = None;
            while let Some((name, value)) = attribute(b, &mut i) {
                if names.contains(&name) {
                    continue;
                }
                match name.as_str() {
                    "http-equiv" => got_pragma |= value == "content-type",
                    "content" if charset.is_none() => {
                        if let Some(c) = charset_from_content(&value) {
                            charset = Some(c);
                            need_pragma = Some(true);
                        }
                    }
                    "charset" => {
                        charset = Some(value.clone());
                        need_pragma = Some(false);
                    }
                    _ => {}
                }
                names.push(name);
            }
            let usable = match need_pragma {
                None => false,
                Some(true) => got_pragma,
                Some(false) => true,
            };
            if let (true, Some(label)) = (usable, charset) {
                let found = Found {
                    label,
                    offset: tag_offset,
                };
                if is_label(&found.label) {
                    out.found = Some(found);
                    return out;
                }
                out.unknown.push(found);
            }
        } else if b[i] == b'<'
            && (b.get(i + 1).is_some_and(u8::is_ascii_alphabetic)
                || (b.get(i + 1) == Some(&b'/')
                    && b.get(i + 2).is_some_and(u8::is_ascii_alphabetic)))
        {
            while i < b.len() && !is_space(b[i]) && b[i] != b'>' {
                i += 1;
            }
            while attribute(b, &mut i).is_some() {}
        } else if b[i..].starts_with(b"<!")
            || b[i..].starts_with(b"</")
            || b[i..].starts_with(b"<?")
        {
            match b[i..].iter().position(|&c| c == b'>') {
                Some(p) => i += p,
                None => return out,
            }
        }
        i += 1;
    }
    out
}

/// The HTML standard's "get an attribute" step of the prescan; names and values are lowercased.
/// Returns `None` at `>` or at the end of the prescanned bytes.
fn attribute(b: &[u8], i: &mut usize) -> Option<(String, String)> {
    while *i < b.len() && (is_space(b[*i]) || b[*i] == b'/') {
        *i += 1;
    }
    if *i >= b.len() || b[*i] == b'>' {
        return None;
    }
    let mut name = Vec::new();
    let mut value = Vec::new();
    loop {
        let c = *b.get(*i)?;
        if c == b'=' && !name.is_empty() {
            *i += 1;
            break;
        }
        if is_space(c) {
            while *i < b.len() && is_space(b[*i]) {
                *i += 1;
            }
            if b.get(*i) != Some(&b'=') {
                return Some((lossy(name), String::new()));
            }
            *i += 1;
            break;
        }
        if c == b'/' || c == b'>' {
            return Some((lossy(name), String::new()));
        }
        name.push(c.to_ascii_lowercase());
        *i += 1;
    }
    while *i < b.len() && is_space(b[*i]) {
        *i += 1;
    }
    let c = *b.get(*i)?;
    if c == b'"' || c == b'\'' {
        loop {
            *i += 1;
            let d = *b.get(*i)?;
            if d == c {
                *i += 1;
                return Some((lossy(name), lossy(value)));
            }
            value.push(d.to_ascii_lowercase());
        }
    }
    if c == b'>' {
        return Some((lossy(name), String::new()));
    }
    loop {
        let d = *b.get(*i)?;
        if is_space(d) || d == b'>' {
            return Some((lossy(name), lossy(value)));
        }
        value.push(d.to_ascii_lowercase());
        *i += 1;
    }
}

fn lossy(v: Vec<u8>) -> String {
    String::from_utf8(v).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The HTML standard's "extract a character encoding from a meta element" from a `content`
/// value such as `text/html; charset=gb2312`.
fn charset_from_content(content: &str) -> Option<String> {
    let s = content.as_bytes();
    let mut pos = 0;
    loop {
        let rel = s[pos..]
            .windows(7)
            .position(|w| w.eq_ignore_ascii_case(b"charset"))?;
        pos += rel + 7;
        while pos < s.len() && is_space(s[pos]) {
            pos += 1;
        }
        if s.get(pos) == Some(&b'=') {
            pos += 1;
            break;
        }
    }
    while pos < s.len() && is_space(s[pos]) {
        pos += 1;
    }
    match s.get(pos) {
        None => None,
        Some(&q) if q == b'"' || q == b'\'' => {
            let len = s[pos + 1..].iter().position(|&c| c == q)?;
            Some(content[pos + 1..pos + 1 + len].to_string())
        }
        Some(_) => {
            let len = s[pos..]
                .iter()
                .position(|&c| is_space(c) || c == b';')
                .unwrap_or(s.len() - pos);
            (len > 0).then(|| content[pos..pos + len].to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(html: &str) -> Option<String> {
        html_meta(html.as_bytes(), |l| {
            encoding_rs::Encoding::for_label(l.as_bytes()).is_some()
        })
        .found
        .map(|f| f.label)
    }

    #[test]
    fn meta_charset() {
        assert_eq!(
            meta("<html><head><meta charset=gb2312><title>x</title>").as_deref(),
            Some("gb2312")
        );
        assert_eq!(meta("<META CHARSET='Big5'>").as_deref(), Some("big5"));
        assert_eq!(meta("<meta charset=\"utf-8\"/>").as_deref(), Some("utf-8"));
    }

    #[test]
    fn meta_http_equiv_needs_the_pragma() {
        let good = r#"<meta http-equiv="Content-Type" content="text/html; charset=GBK">"#;
        assert_eq!(meta(good).as_deref(), Some("gbk"));
        let reversed = r#"<meta content="text/html;charset=big5" http-equiv=content-type>"#;
        assert_eq!(meta(reversed).as_deref(), Some("big5"));
        let no_pragma = r#"<meta content="text/html; charset=gbk">"#;
        assert_eq!(meta(no_pragma), None);
    }

    #[test]
    fn comments_and_attribute_values_are_skipped() {
        assert_eq!(
            meta("<!-- <meta charset=big5> --><meta charset=gbk>").as_deref(),
            Some("gbk")
        );
        assert_eq!(
            meta(r#"<div title="<meta charset=big5>"><meta charset=gbk>"#).as_deref(),
            Some("gbk")
        );
        assert_eq!(meta("<!--><meta charset=gbk>").as_deref(), Some("gbk"));
    }

    #[test]
    fn only_the_first_1024_bytes_count() {
        let late = format!("{}<meta charset=gbk>", " ".repeat(1020));
        assert_eq!(meta(&late), None);
    }

    #[test]
    fn unknown_labels_are_kept_aside_and_scanning_goes_on() {
        let scan = html_meta(b"<meta charset=klingon><meta charset=gbk>", |l| l == "gbk");
        assert_eq!(scan.found.map(|f| f.label).as_deref(), Some("gbk"));
        assert_eq!(scan.unknown.len(), 1);
        assert_eq!(scan.unknown[0].label, "klingon");
    }

    #[test]
    fn xml_declaration_encoding() {
        let f = xml_declaration(b"<?xml version=\"1.0\" encoding='GB2312'?><rss/>");
        assert_eq!(f.map(|f| f.label).as_deref(), Some("GB2312"));
        assert_eq!(xml_declaration(b"<?xml version=\"1.0\"?>"), None);
        assert_eq!(xml_declaration(b" <?xml encoding='gbk'?>"), None);
    }

    #[test]
    fn content_charset_forms() {
        assert_eq!(
            charset_from_content("text/html; charset=gb2312").as_deref(),
            Some("gb2312")
        );
        assert_eq!(
            charset_from_content("text/html;charset = \"big5\"").as_deref(),
            Some("big5")
        );
        assert_eq!(charset_from_content("text/html; charset='utf-8"), None);
        assert_eq!(charset_from_content("text/html"), None);
    }
}
