//! Punctuation and width normalisation for Chinese text.
//!
//! Two separate, optional passes, each idempotent and each returning
//! `Cow::Borrowed` (without allocating) when there is nothing to change:
//!
//! - [`normalize_punctuation`]: ASCII `, : ; ? ! ( )` written next to a
//!   Chinese character become the full-width forms Chinese typesetting uses.
//! - [`normalize_width`]: full-width digits and Latin letters become ASCII;
//!   indentation made of U+3000 and whitespace at line ends go.
//!
//! What stays as it is, on purpose:
//! - `.` (decimal points, abbreviations, domain names and `。` cannot be
//!   told apart reliably) and quotes (`"` and `'` do not say whether they
//!   open or close, and English text inside Chinese keeps them).
//! - Spaces around converted punctuation: whether a space was meant is not
//!   knowable, and removing it could glue Latin words together.

use std::borrow::Cow;

/// ASCII `, : ; ? ! ( )` next to Chinese text become `，：；？！（）`.
///
/// A run of these characters (`?!`, `),`) is converted when the character
/// before or after the run is Chinese (a Han character or CJK punctuation).
/// A pair of round brackets is converted together when either side
/// qualifies, so `美联社(AP)` becomes `美联社（AP）` and not half of it.
/// Never converted:
/// - `,` or `:` between two digits (`08:57:34`, `3:1`, `1,000`);
/// - anything inside a URL (`http://`, `https://`, `ftp://`, `mailto:`,
///   `www.`), up to trailing punctuation that ends a sentence;
/// - punctuation between Latin text on both sides, so an English sentence
///   inside a Chinese article stays ASCII; likewise punctuation after a
///   Chinese word that a space and Latin text follow (`共同富裕, he said`).
///
/// ```
/// use zhnews_script::normalize_punctuation;
/// assert_eq!(normalize_punctuation("发布时间:2024-04-10 08:57:34"), "发布时间：2024-04-10 08:57:34");
/// assert_eq!(normalize_punctuation("他说,比分是3:1!真精彩"), "他说，比分是3:1！真精彩");
/// assert_eq!(normalize_punctuation("Hello, world!"), "Hello, world!");
/// assert_eq!(normalize_punctuation("详见https://example.com/a?b=1,谢谢"), "详见https://example.com/a?b=1，谢谢");
/// ```
pub fn normalize_punctuation(text: &str) -> Cow<'_, str> {
    if !text.bytes().any(is_target) || !Runs::new(text).any(|r| r.converts) {
        return Cow::Borrowed(text);
    }
    let mut runs: Vec<Run> = Runs::new(text).collect();
    pair_brackets(text, &mut runs);
    let mut out = Edits::new(text);
    let mut buf = [0u8; 4];
    for run in runs.iter().filter(|r| r.converts) {
        let mut s = String::with_capacity(3 * (run.end - run.start));
        for &b in &text.as_bytes()[run.start..run.end] {
            s.push_str(full_width(b).encode_utf8(&mut buf));
        }
        out.replace(run.start..run.end, &s);
    }
    out.finish()
}

/// Full-width digits and Latin letters become ASCII; U+3000 indentation
/// and whitespace at line ends go.
///
/// - `０-９ Ａ-Ｚ ａ-ｚ` become `0-9 A-Z a-z`; `．` and `：` between two digits
///   (of either width) become `.` and `:` (`１．５` → `1.5`, `０８：５７` → `08:57`).
/// - A line's leading whitespace is removed when it contains U+3000 or
///   U+00A0 (the indentation Chinese pages use); plain ASCII indentation
///   stays, since it can carry structure.
/// - Whitespace before each line end (`\n`, `\r\n`) or the end of the text
///   is removed. Line breaks themselves are kept.
///
/// ```
/// use zhnews_script::normalize_width;
/// assert_eq!(normalize_width("\u{3000}\u{3000}ＧＤＰ增长５．２％  \n下一段"), "GDP增长5.2％\n下一段");
/// assert!(matches!(normalize_width("nothing to do"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn normalize_width(text: &str) -> Cow<'_, str> {
    let mut out = Edits::new(text);
    let mut line_start = 0;
    while line_start <= text.len() {
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |i| line_start + i);
        let content_end = if text[..line_end].ends_with('\r') && line_end > line_start {
            line_end - 1
        } else {
            line_end
        };
        width_line(text, line_start, content_end, &mut out);
        line_start = line_end + 1;
    }
    out.finish()
}

fn width_line(text: &str, start: usize, end: usize, out: &mut Edits<'_>) {
    let line = &text[start..end];
    let body_start = start + (line.len() - line.trim_start_matches(is_line_space).len());
    let body_end = start + line.trim_end_matches(is_line_space).len();
    if body_start >= body_end {
        if start < end {
            out.replace(start..end, "");
        }
        return;
    }
    let indent = &text[start..body_start];
    if indent.contains(['\u{3000}', '\u{a0}']) {
        out.replace(start..body_start, "");
    }
    let mut buf = [0u8; 4];
    let body = &text[body_start..body_end];
    // Every character this pass converts is U+FFxx, encoded from 0xEF on.
    if !body.as_bytes().contains(&0xEF) {
        if body_end < end {
            out.replace(body_end..end, "");
        }
        return;
    }
    let mut prev: Option<char> = text[..body_start].chars().next_back();
    let mut iter = body.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let at = body_start + i;
        let next = iter.peek().map(|&(_, n)| n);
        let ascii = match c {
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => char::from_u32(c as u32 - 0xFEE0),
            '．' if prev.is_some_and(is_digit) && next.is_some_and(is_digit) => Some('.'),
            '：' if prev.is_some_and(is_digit) && next.is_some_and(is_digit) => Some(':'),
            _ => None,
        };
        if let Some(a) = ascii {
            out.replace(at..at + c.len_utf8(), a.encode_utf8(&mut buf));
        }
        prev = Some(c);
    }
    if body_end < end {
        out.replace(body_end..end, "");
    }
}

fn is_line_space(c: char) -> bool {
    c.is_whitespace() && c != '\n' && c != '\r'
}

/// Copy-on-write output: nothing is allocated until the first replacement.
struct Edits<'a> {
    src: &'a str,
    buf: Option<String>,
    copied: usize,
}

impl<'a> Edits<'a> {
    fn new(src: &'a str) -> Self {
        Edits {
            src,
            buf: None,
            copied: 0,
        }
    }

    /// Replacements must come in increasing, non-overlapping order.
    fn replace(&mut self, range: std::ops::Range<usize>, with: &str) {
        if range.start < self.copied {
            return;
        }
        let src = self.src;
        let buf = self
            .buf
            .get_or_insert_with(|| String::with_capacity(src.len() + 16));
        buf.push_str(&src[self.copied..range.start]);
        buf.push_str(with);
        self.copied = range.end;
    }

    fn finish(self) -> Cow<'a, str> {
        match self.buf {
            None => Cow::Borrowed(self.src),
            Some(mut buf) => {
                buf.push_str(&self.src[self.copied..]);
                Cow::Owned(buf)
            }
        }
    }
}

fn is_target(b: u8) -> bool {
    matches!(b, b',' | b':' | b';' | b'?' | b'!' | b'(' | b')')
}

fn full_width(b: u8) -> char {
    match b {
        b',' => '，',
        b':' => '：',
        b';' => '；',
        b'?' => '？',
        b'!' => '！',
        b'(' => '（',
        b')' => '）',
        other => char::from(other),
    }
}

/// Han characters and CJK punctuation; full-width letters and digits are
/// not, since they are Latin text in another width.
fn is_chinese(c: char) -> bool {
    matches!(c as u32,
        0x3001..=0x303F
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF01..=0xFF0F
        | 0xFF1A..=0xFF20
        | 0xFF3B..=0xFF40
        | 0xFF5B..=0xFF65
        | 0x20000..=0x3134F)
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// A maximal run of target punctuation outside any URL.
#[derive(Debug, Clone, Copy)]
struct Run {
    start: usize,
    end: usize,
    line: usize,
    converts: bool,
}

/// Walks the target-punctuation runs of a text without allocating.
struct Runs<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
    /// The ASCII token last looked at and the URL span inside it.
    token: Option<Token>,
}

#[derive(Debug, Clone, Copy)]
struct Token {
    start: usize,
    end: usize,
    protected: Option<(usize, usize)>,
}

impl<'a> Runs<'a> {
    fn new(text: &'a str) -> Self {
        Runs {
            text,
            pos: 0,
            line: 0,
            token: None,
        }
    }

    fn token_at(&mut self, i: usize) -> Token {
        if let Some(t) = self.token
            && t.start <= i
            && i < t.end
        {
            return t;
        }
        let bytes = self.text.as_bytes();
        let floor = self.token.map_or(0, |t| t.end);
        let mut start = i;
        while start > floor && bytes[start - 1].is_ascii_graphic() {
            start -= 1;
        }
        let mut end = i;
        while end < bytes.len() && bytes[end].is_ascii_graphic() {
            end += 1;
        }
        let t = Token {
            start,
            end,
            protected: url_span(&bytes[start..end]).map(|(a, b)| (start + a, start + b)),
        };
        self.token = Some(t);
        t
    }
}

impl Iterator for Runs<'_> {
    type Item = Run;

    fn next(&mut self) -> Option<Run> {
        let bytes = self.text.as_bytes();
        loop {
            let mut i = self.pos;
            while i < bytes.len() && !is_target(bytes[i]) {
                if bytes[i] == b'\n' {
                    self.line += 1;
                }
                i += 1;
            }
            if i >= bytes.len() {
                self.pos = i;
                return None;
            }
            let mut j = i;
            while j < bytes.len() && is_target(bytes[j]) {
                j += 1;
            }
            self.pos = j;
            let (mut start, mut end) = (i, j);
            if let Some((ps, pe)) = self.token_at(i).protected {
                if start >= ps && end <= pe {
                    continue;
                }
                if start < pe && end > pe {
                    start = pe;
                } else if start < ps && end > ps {
                    end = ps;
                }
            }
            let left = self.text[..start].chars().next_back();
            let right = self.text[end..].chars().next();
            let number = end - start == 1
                && matches!(bytes[start], b',' | b':')
                && left.is_some_and(is_digit)
                && right.is_some_and(is_digit);
            // "共同富裕, he said": a space and Latin text after the run is
            // Latin typography, so Chinese on the left alone does not count.
            let latin_follows = right == Some(' ')
                && bytes
                    .get(end + 1)
                    .is_some_and(|b| b.is_ascii_alphanumeric());
            let converts = !number
                && ((left.is_some_and(is_chinese) && !latin_follows)
                    || right.is_some_and(is_chinese));
            return Some(Run {
                start,
                end,
                line: self.line,
                converts,
            });
        }
    }
}

/// The URL inside an ASCII token, as byte offsets into the token, without
/// the sentence punctuation that follows it.
fn url_span(token: &[u8]) -> Option<(usize, usize)> {
    const SCHEMES: [&[u8]; 5] = [b"http://", b"https://", b"ftp://", b"mailto:", b"www."];
    let start = (0..token.len()).find(|&k| {
        SCHEMES.iter().any(|s| {
            token.len() - k >= s.len()
                && token[k..k + s.len()].eq_ignore_ascii_case(s)
                && (k == 0 || !token[k - 1].is_ascii_alphanumeric())
        })
    })?;
    let mut end = token.len();
    loop {
        match token[..end].last() {
            Some(b'.' | b',' | b':' | b';' | b'!' | b'?' | b'\'' | b'"') => end -= 1,
            Some(b')') => {
                let span = &token[start..end];
                let open = span.iter().filter(|&&b| b == b'(').count();
                let close = span.iter().filter(|&&b| b == b')').count();
                if close > open {
                    end -= 1;
                } else {
                    break;
                }
            }
            _ => break,
        }
        if end <= start {
            return None;
        }
    }
    Some((start, end))
}

/// Runs linked by a matching pair of round brackets on one line convert
/// together, so a bracket is never left half converted.
fn pair_brackets(text: &str, runs: &mut [Run]) {
    let mut parent: Vec<usize> = (0..runs.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let bytes = text.as_bytes();
    let mut open: Vec<usize> = Vec::new();
    let mut line = usize::MAX;
    for (k, run) in runs.iter().enumerate() {
        if run.line != line {
            open.clear();
            line = run.line;
        }
        for &b in &bytes[run.start..run.end] {
            match b {
                b'(' => open.push(k),
                b')' => {
                    if let Some(o) = open.pop() {
                        let (a, b) = (root(&mut parent, o), root(&mut parent, k));
                        parent[a] = b;
                    }
                }
                _ => {}
            }
        }
    }
    let mut converts = vec![false; runs.len()];
    for (k, run) in runs.iter().enumerate() {
        if run.converts {
            let r = root(&mut parent, k);
            converts[r] = true;
        }
    }
    for (k, run) in runs.iter_mut().enumerate() {
        let r = root(&mut parent, k);
        if converts[r] {
            run.converts = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_span_strips_sentence_punctuation() {
        assert_eq!(url_span(b"https://a.com/x,"), Some((0, 15)));
        assert_eq!(url_span(b"(https://a.com/x)"), Some((1, 16)));
        assert_eq!(url_span(b"https://w.org/Foo_(bar)"), Some((0, 23)));
        assert_eq!(url_span(b"awww.x"), None);
        assert_eq!(url_span(b"plain"), None);
    }

    #[test]
    fn brackets_convert_in_pairs() {
        assert_eq!(normalize_punctuation("美联社(AP)报道"), "美联社（AP）报道");
        assert_eq!(normalize_punctuation("(1)总则"), "（1）总则");
        assert_eq!(normalize_punctuation("x(a)(b)中"), "x（a）（b）中");
    }

    #[test]
    fn runs_convert_whole() {
        assert_eq!(normalize_punctuation("真的吗?!"), "真的吗？！");
        assert_eq!(normalize_punctuation("中文,,abc"), "中文，，abc");
    }
}
