//! The output buffer of the two dense conversion loops (s2t's and t2s's): UTF-8 written as
//! bytes.
//!
//! Most steps of those loops write one character whose UTF-8 bytes the s2t table holds
//! ready, or which is copied from the input, or whose three-byte form is put together
//! without branching on its length. Writing those as one four-byte store and moving on by
//! the character's length costs a few instructions, where `String::push` works out the
//! length and checks the capacity on every call: 7-8% fewer instructions per conversion,
//! about 5% more throughput for both configs.

/// A zero-filled byte buffer written at `pos`: a character's bytes go in as one four-byte
/// store, the position then moves on by the character's length (the bytes past it are
/// overwritten by the next write, or cut off in [`Out::finish`]).
///
/// Everything written before `pos` is whole UTF-8: the bytes of `&str`s, the encodings of
/// `char`s, or the first `len` of four bytes that begin with the UTF-8 encoding of one
/// character of `len` bytes (taken from the tables, which built them with
/// `char::encode_utf8`, or copied from a `&str` at a character boundary).
pub(crate) struct Out {
    /// Its length is the room: `buf[pos..]` is scratch.
    buf: Vec<u8>,
    /// Where the prefix given to [`Out::new`] ends.
    start: usize,
    pos: usize,
}

impl Out {
    /// A buffer that goes on from `prefix` with room for `room` more bytes (the capacity
    /// `prefix` has is used when it is enough).
    pub(crate) fn new(prefix: String, room: usize) -> Out {
        let pos = prefix.len();
        let mut buf = prefix.into_bytes();
        // Filling the room costs a pass at memory speed, but keeps every write plain safe
        // indexing. Only the room: callers that convert many short segments into one
        // long output must not fill its whole capacity each time.
        buf.resize(pos.saturating_add(room), 0);
        Out {
            buf,
            start: pos,
            pos,
        }
    }

    /// Writes the first `len` (1 to 4) bytes of `bytes` (little-endian), which are the
    /// UTF-8 encoding of one character.
    #[inline(always)]
    pub(crate) fn put4(&mut self, bytes: u32, len: usize) {
        let pos = self.pos;
        match self.buf.get_mut(pos..pos.wrapping_add(4)) {
            Some(dst) => {
                dst.copy_from_slice(&bytes.to_le_bytes());
                self.pos = pos + len.min(4);
            }
            None => self.put4_cold(bytes, len),
        }
    }

    #[cold]
    #[inline(never)]
    fn put4_cold(&mut self, bytes: u32, len: usize) {
        self.grow(4);
        self.put4(bytes, len);
    }

    /// Makes room for `n` more bytes at `pos`.
    #[cold]
    #[inline(never)]
    fn grow(&mut self, n: usize) {
        let want = self
            .buf
            .len()
            .saturating_mul(2)
            .max(self.pos.saturating_add(n).saturating_add(16));
        self.buf.resize(want, 0);
    }

    #[inline(always)]
    pub(crate) fn push_str(&mut self, s: &str) {
        let b = s.as_bytes();
        let end = self.pos.saturating_add(b.len());
        if end > self.buf.len() {
            self.grow(b.len());
        }
        if let Some(dst) = self.buf.get_mut(self.pos..end) {
            dst.copy_from_slice(b);
            self.pos = end;
        }
    }

    /// Writes `ch`; the three-byte form (almost every Chinese character) is encoded without
    /// branching on the length.
    #[inline(always)]
    pub(crate) fn push(&mut self, ch: char) {
        let c = ch as u32;
        if c.wrapping_sub(0x800) < 0x1_0000 - 0x800 {
            let bytes = 0x0080_80E0 | c >> 12 | (c >> 6 & 0x3F) << 8 | (c & 0x3F) << 16;
            self.put4(bytes, 3);
        } else {
            let (bytes, len) = utf8_word(ch);
            self.put4(bytes, len);
        }
    }

    /// The prefix given to [`Out::new`] and all that was written after it.
    pub(crate) fn finish(mut self) -> String {
        self.buf.truncate(self.pos);
        into_string_unchecked(self.buf, self.start)
    }
}

/// `bytes` as a `String`, without the validation pass of `String::from_utf8`: that pass
/// runs at about 1.3 GB/s over Chinese text and would cost a quarter of the conversion.
/// `bytes[..start]` is the `String` given to [`Out::new`], so only what follows is checked
/// in debug builds (checking it all would make many short conversions into one long output
/// quadratic).
#[allow(unsafe_code)]
fn into_string_unchecked(bytes: Vec<u8>, start: usize) -> String {
    debug_assert!(
        bytes
            .get(start..)
            .is_some_and(|b| std::str::from_utf8(b).is_ok()),
        "the conversion wrote invalid UTF-8"
    );
    // SAFETY: `bytes` is the part of an `Out` buffer before its position. Every byte there
    // came from a `&str` (the prefix, `push_str`) or is one of the first `len`
    // bytes of a `put4` whose first `len` bytes are the UTF-8 encoding of one `char`: the
    // encodings stored in the tables at load time by `char::encode_utf8` (`utf8_word`),
    // `char::encode_utf8` in `push`, or four bytes of a `&str` that begin at a character
    // boundary with a character of `len` bytes (`raw4`, with `len` the length `decode`
    // found there). Each write starts where the previous one ended, so the bytes are whole
    // characters in a row: valid UTF-8.
    unsafe { String::from_utf8_unchecked(bytes) }
}

/// The room to reserve for the conversion of `len` bytes of text: values are rarely longer
/// than their keys, and a four-byte store needs up to three bytes past the last character.
pub(crate) fn room_for(len: usize) -> usize {
    len.saturating_add(len / 8).saturating_add(16)
}

/// The UTF-8 encoding of `ch` as the little-endian bytes of a `u32`, and its length.
pub(crate) fn utf8_word(ch: char) -> (u32, usize) {
    let mut b = [0; 4];
    let len = ch.encode_utf8(&mut b).len();
    (u32::from_le_bytes(b), len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_whole_characters_past_a_prefix_and_grows() {
        let mut out = Out::new("前缀".to_owned(), 0);
        for ch in "汉a字\u{20000}é".chars().cycle().take(200) {
            let (w, len) = utf8_word(ch);
            out.put4(w, len);
        }
        out.push_str("，完");
        out.push('。');
        let want = format!(
            "前缀{}，完。",
            "汉a字\u{20000}é"
                .chars()
                .cycle()
                .take(200)
                .collect::<String>()
        );
        assert_eq!(out.finish(), want);
    }

    #[test]
    fn an_empty_buffer_gives_the_empty_string() {
        assert_eq!(Out::new(String::new(), 0).finish(), "");
        let mut out = Out::new(String::new(), 0);
        out.push_str(&"字".repeat(100));
        assert_eq!(out.finish(), "字".repeat(100));
    }
}
