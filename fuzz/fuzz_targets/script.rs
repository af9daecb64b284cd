#![no_main]
//! Fuzz target for zhnews-script (being written).

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = data;
});
