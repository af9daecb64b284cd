#![no_main]
//! Fuzz target for zhnews-script: conversion with every config, and detection, on arbitrary
//! UTF-8 (invalid UTF-8 is decoded lossily so the bytes still reach the converter).

use libfuzzer_sys::fuzz_target;
use zhnews_script::{Config, Converter, detect};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let config = Config::ALL[usize::from(selector) % Config::ALL.len()];
    let out = Converter::new(config).convert(&text);
    // Line breaks are never part of a dictionary key or value.
    assert_eq!(out.matches('\n').count(), text.matches('\n').count());
    let _ = detect(&text);
    let _ = detect(&out);
});
