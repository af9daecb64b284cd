//! zhnews-script (being written): OpenCC-compatible conversion, script detection, punctuation.

mod detect;
mod punct;
mod variants;

pub use detect::{Detection, Region, Script, detect};
pub use punct::{normalize_punctuation, normalize_width};
pub use variants::mainland_variants;
