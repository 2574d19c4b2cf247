//! Sorting resource keys bytewise (as an sstable does) gives the documented order: a depth-first,
//! pre-order walk of the namespace tree, a namespace's own resources by name first, then each
//! child namespace's subtree by segment. The reference order (`reference_cmp`) is written on the
//! path strings, not on the encoding.

mod table_key_strategies;

use std::collections::BTreeSet;

use aorta_engine::table::key::encode_resource_key;
use proptest::prelude::*;
use table_key_strategies::{reference_cmp, universe, Pair};

fn check_bytewise_order_is_the_reference(pairs: Vec<Pair>) {
    let unique: BTreeSet<Pair> = pairs.into_iter().collect();
    let mut by_reference: Vec<Pair> = unique.iter().cloned().collect();
    by_reference.sort_by(reference_cmp);
    let mut by_key: Vec<(Vec<u8>, Pair)> = unique
        .into_iter()
        .map(|pair| (encode_resource_key(&pair.0, &pair.1).unwrap(), pair))
        .collect();
    by_key.sort();
    let by_key: Vec<Pair> = by_key.into_iter().map(|(_, pair)| pair).collect();
    assert_eq!(by_key, by_reference);
}

#[test]
fn look_alikes_sort_depth_first() {
    let expected = [
        ("/", "z"),
        ("/a", "0"),
        ("/a", "b"),
        ("/a", "b-c"),
        ("/a/-", "x"),
        ("/a/b", "a"),
        ("/a/b/c", "a"),
        ("/a/c", "a"),
        ("/a-b", "a"),
        ("/a.b", "a"),
        ("/a0", "a"),
        ("/a_b", "a"),
        ("/ab", "a"),
    ];
    let pairs: Vec<Pair> = expected
        .iter()
        .rev()
        .map(|(ns, n)| (ns.to_string(), n.to_string()))
        .collect();
    let mut sorted: Vec<(Vec<u8>, &str, &str)> = expected
        .iter()
        .map(|&(ns, n)| (encode_resource_key(ns, n).unwrap(), ns, n))
        .collect();
    sorted.sort();
    let sorted: Vec<(&str, &str)> = sorted.into_iter().map(|(_, ns, n)| (ns, n)).collect();
    assert_eq!(sorted, expected);
    check_bytewise_order_is_the_reference(pairs);
}

proptest! {
    #[test]
    fn random_keys_sort_in_the_reference_order(pairs in universe()) {
        check_bytewise_order_is_the_reference(pairs);
    }
}
