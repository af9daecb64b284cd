//! Decoding with encoding_rs while counting malformed sequences.

use encoding_rs::{DecoderResult, Encoding};
use std::borrow::Cow;

/// Text decoded with one encoding, and what went wrong on the way.
#[derive(Debug, Clone)]
pub(crate) struct Text<'a> {
    pub(crate) text: Cow<'a, str>,
    pub(crate) malformed: usize,
    pub(crate) first_malformed: Option<usize>,
}

/// Decodes `bytes` (no BOM handling) with `encoding`; malformed sequences become U+FFFD and are
/// counted. Clean input that needs no conversion (valid UTF-8, ASCII in an ASCII-compatible
/// encoding) is borrowed.
pub(crate) fn decode<'a>(encoding: &'static Encoding, bytes: &'a [u8]) -> Text<'a> {
    if let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(bytes) {
        return Text {
            text,
            malformed: 0,
            first_malformed: None,
        };
    }
    let (text, malformed, first_malformed) = decode_counting(encoding, bytes);
    Text {
        text: Cow::Owned(text),
        malformed,
        first_malformed,
    }
}

/// Decodes without the fast path, counting each malformed sequence and noting where the first
/// one starts (byte offset in `bytes`).
pub(crate) fn decode_counting(
    encoding: &'static Encoding,
    bytes: &[u8],
) -> (String, usize, Option<usize>) {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let initial = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len())
        .saturating_add(16);
    let mut out = String::with_capacity(initial);
    let mut src = bytes;
    let mut consumed = 0usize;
    let mut malformed = 0usize;
    let mut first = None;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(src, &mut out, true);
        consumed += read;
        src = &src[read..];
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => {
                let more = decoder
                    .max_utf8_buffer_length_without_replacement(src.len())
                    .unwrap_or(src.len())
                    .max(16);
                out.reserve(more);
            }
            DecoderResult::Malformed(bad, after) => {
                malformed += 1;
                if first.is_none() {
                    first = Some(consumed.saturating_sub(usize::from(bad) + usize::from(after)));
                }
                out.push('\u{FFFD}');
            }
        }
    }
    (out, malformed, first)
}

/// A decoded prefix of the input, for scoring.
#[derive(Debug)]
pub(crate) struct Sample {
    /// The text of the first `limit` input bytes.
    pub(crate) text: String,
    /// How many U+FFFD were inserted.
    pub(crate) replaced: usize,
    /// Length of the text decoded from the first `mark` input bytes, so that candidates can be
    /// scored over the same input span.
    pub(crate) mark: usize,
}

/// Decodes up to `limit` bytes of `bytes`; a character cut at the limit is not malformed.
/// With `strict`, gives up (None) at the first malformed sequence; otherwise inserts U+FFFD.
pub(crate) fn sample(
    encoding: &'static Encoding,
    bytes: &[u8],
    limit: usize,
    mark: usize,
    strict: bool,
) -> Option<Sample> {
    let last = bytes.len() <= limit;
    let src = if last { bytes } else { &bytes[..limit] };
    let split = mark.min(src.len());
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let cap = decoder
        .max_utf8_buffer_length(src.len())
        .unwrap_or(src.len())
        .saturating_add(16);
    let mut out = String::with_capacity(cap);
    let mut replaced = 0usize;
    let mut mark_len = None;
    for (chunk, chunk_last) in [
        (&src[..split], last && split == src.len()),
        (&src[split..], last),
    ] {
        let mut rest = chunk;
        loop {
            let (result, read) =
                decoder.decode_to_string_without_replacement(rest, &mut out, chunk_last);
            rest = &rest[read..];
            match result {
                DecoderResult::InputEmpty => break,
                DecoderResult::OutputFull => out.reserve(rest.len().saturating_mul(3).max(16)),
                DecoderResult::Malformed(_, _) if strict => return None,
                DecoderResult::Malformed(_, _) => {
                    replaced += 1;
                    out.push('\u{FFFD}');
                }
            }
        }
        mark_len.get_or_insert(out.len());
        if chunk_last {
            break;
        }
    }
    let mark = mark_len.unwrap_or(out.len());
    Some(Sample {
        text: out,
        replaced,
        mark,
    })
}

/// Decodes a prefix of `bytes`: a character cut at the end of the prefix is not counted as
/// malformed. Returns the text and the number of U+FFFD produced.
pub(crate) fn decode_sample(
    encoding: &'static Encoding,
    bytes: &[u8],
    limit: usize,
) -> (String, usize) {
    match sample(encoding, bytes, limit, limit, false) {
        Some(s) => (s.text, s.replaced),
        None => (String::new(), 0),
    }
}

/// Like [`decode_sample`], but gives up at the first malformed sequence.
pub(crate) fn decode_sample_strict(
    encoding: &'static Encoding,
    bytes: &[u8],
    limit: usize,
) -> Option<String> {
    sample(encoding, bytes, limit, limit, true).map(|s| s.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_each_malformed_sequence_and_its_offset() {
        // "中" in GBK, then a lone lead byte before ASCII, then "文".
        let bytes = [0xD6, 0xD0, 0x81, b' ', 0xCE, 0xC4];
        let (text, n, first) = decode_counting(encoding_rs::GB18030, &bytes);
        assert_eq!(text, "中\u{FFFD} 文");
        assert_eq!(n, 1);
        assert_eq!(first, Some(2));
    }

    #[test]
    fn clean_ascii_borrows() {
        let t = decode(encoding_rs::GB18030, b"plain ascii");
        assert!(matches!(t.text, Cow::Borrowed(_)));
        assert_eq!(t.malformed, 0);
    }

    #[test]
    fn sample_does_not_count_a_cut_character() {
        let bytes = [0xD6, 0xD0, 0xCE, 0xC4];
        let (text, replaced) = decode_sample(encoding_rs::GB18030, &bytes, 3);
        assert_eq!(text, "中");
        assert_eq!(replaced, 0);
    }

    #[test]
    fn sample_marks_the_text_of_the_first_bytes() {
        // "中文" in GBK, the mark falling inside the second character.
        let bytes = [0xD6, 0xD0, 0xCE, 0xC4, b'x'];
        let s = sample(encoding_rs::GB18030, &bytes, 100, 3, false).expect("lenient");
        assert_eq!(
            (s.text.as_str(), s.mark, s.replaced),
            ("中文x", "中".len(), 0)
        );
        assert!(sample(encoding_rs::BIG5, &[0xA4, 0x80], 100, 1, true).is_none());
    }
}
