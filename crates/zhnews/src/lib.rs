//! zhnews facade (being written).

pub use zhnews_date as date;
pub use zhnews_encoding as encoding;
pub use zhnews_frontmatter as frontmatter;
pub use zhnews_script as script;
pub use zhnews_strip as strip;
