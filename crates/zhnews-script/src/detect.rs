//! Script detection (being written).

/// The script a text is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Simplified Chinese.
    Hans,
    /// Traditional Chinese.
    Hant,
    /// Both scripts in comparable amounts.
    Mixed,
    /// No Chinese text.
    NonChinese,
}

/// Regional flavour of a text's wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Region {
    /// Taiwan wording.
    Taiwan,
    /// Hong Kong wording.
    HongKong,
}

/// What [`detect`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detection {
    /// The script.
    pub script: Script,
    /// The regional flavour, when it can tell.
    pub region: Option<Region>,
}

/// Detects the script of `text`.
pub fn detect(_text: &str) -> Detection {
    Detection { script: Script::NonChinese, region: None }
}
