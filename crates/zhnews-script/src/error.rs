//! The crate's error type.

/// What can go wrong in this crate.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A config name that OpenCC does not have.
    #[error(
        "unknown OpenCC config {name:?}; use one of s2t, t2s, s2tw, tw2s, s2twp, tw2sp, s2hk, \
         hk2s, s2hkp, hk2sp, t2tw, tw2t, t2hk, hk2t, t2jp, jp2t"
    )]
    UnknownConfig {
        /// The name that was given.
        name: String,
    },
    /// A script name that [`Script`](crate::Script)'s `FromStr` does not know.
    #[error("unknown script {name:?}; use one of hans, hant, mixed, non_chinese")]
    UnknownScript {
        /// The name that was given.
        name: String,
    },
    /// A region name that [`Region`](crate::Region)'s `FromStr` does not know.
    #[error("unknown region {name:?}; use tw or hk")]
    UnknownRegion {
        /// The name that was given.
        name: String,
    },
    /// The dictionary tables built into the crate are damaged (a broken build).
    #[error(
        "the embedded OpenCC tables are damaged ({what}); rebuild the crate, or regenerate them \
         with `cargo xtask script refresh`"
    )]
    CorruptTables {
        /// What is wrong with them.
        what: String,
    },
}
