//! Punctuation and width normalisation (being written).

use std::borrow::Cow;

/// ASCII punctuation next to Chinese text becomes full-width.
pub fn normalize_punctuation(text: &str) -> Cow<'_, str> {
    Cow::Borrowed(text)
}

/// Full-width digits and Latin letters become ASCII.
pub fn normalize_width(text: &str) -> Cow<'_, str> {
    Cow::Borrowed(text)
}
