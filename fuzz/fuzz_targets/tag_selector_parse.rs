//! Tag selectors (`engine/src/query/selector.rs`): `TagSelector::parse` on arbitrary text (the
//! input, lossily made UTF-8).
//! - It never panics.
//! - An accepted selector's canonical form (`Display`) is at most `SELECTOR_BYTES_MAX` bytes,
//!   parses back to an equal selector, and prints the same again.
//! - Its plan's ranges (for `/`, both scopes) are computed without error.
#![no_main]

use aorta_engine::limits::SELECTOR_BYTES_MAX;
use aorta_engine::query::{Scope, TagSelector};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(selector) = TagSelector::parse(&text) else {
        return;
    };
    let canonical = selector.to_string();
    assert!(canonical.len() <= SELECTOR_BYTES_MAX);
    let again = TagSelector::parse(&canonical).expect("a canonical form is refused");
    assert_eq!(
        again, selector,
        "the canonical form {canonical:?} parses differently"
    );
    assert_eq!(again.to_string(), canonical);
    for scope in [Scope::Children, Scope::Subtree] {
        selector
            .plan()
            .ranges("/", scope)
            .expect("a plan of a valid selector");
    }
});
