//! A continuation token damaged on its way back (any character changed, truncated, emptied,
//! extended, or not a token at all) is refused with `Error::InvalidToken`, never read as another
//! resume point and never a panic.

mod query_common;

use aorta_engine::error::Error;
use aorta_engine::query::{Query, Scope};
use aorta_engine::{Batch, Command, ResourceSpec};
use query_common::open_engine;

#[test]
fn every_damaged_token_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let engine = open_engine(dir.path(), 3);
    for namespace in ["/a", "/a/b", "/a/c"] {
        let commands = (0..5)
            .map(|i| Command::put(ResourceSpec::new(namespace, &format!("r{i}"), "task"), None))
            .collect();
        engine.commit(Batch::new(commands)).unwrap();
    }
    let query = Query {
        namespace: "/a".into(),
        scope: Scope::Subtree,
        kind: None,
        selector: None,
        page_size: 4,
    };
    let token = engine.query(&query, None).unwrap().next.unwrap().encode();
    engine.query(&query, Some(&token)).unwrap();

    let refused = |text: &str| {
        let answer = engine.query(&query, Some(text));
        assert!(
            matches!(answer, Err(Error::InvalidToken(_))),
            "{text:?} gave {answer:?}"
        );
    };
    let alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (index, original) in token.char_indices() {
        for replacement in alphabet.chars().filter(|&c| c != original) {
            let mut damaged = token.clone();
            damaged.replace_range(index..index + 1, &replacement.to_string());
            refused(&damaged);
        }
    }
    for len in 0..token.len() {
        refused(&token[..len]);
    }
    refused(&format!("{token}A"));
    refused(&format!("{token}AAAA"));
    refused("not a token!");
    refused(&"A".repeat(1_000_000));
}
