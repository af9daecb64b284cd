#![no_main]
//! Fuzz target for zhnews-strip: any text, as each input kind and detected,
//! must strip without panicking, and stripping is deterministic.

use libfuzzer_sys::fuzz_target;
use zhnews_strip::{InputKind, Options, strip};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let small = Options {
        max_depth: 64,
        ..Options::default()
    };
    for kind in [
        None,
        Some(InputKind::HtmlFragment),
        Some(InputKind::HtmlPage),
        Some(InputKind::Text),
    ] {
        let opts = Options {
            kind,
            ..small.clone()
        };
        let a = strip(text, &opts);
        let b = strip(text, &opts);
        assert_eq!(a, b, "stripping is deterministic");
    }
});
