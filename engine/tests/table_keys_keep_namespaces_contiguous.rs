//! For any namespace N, `children_range(N)` holds the keys of exactly the resources whose namespace
//! is N, and `subtree_range(N)` those whose namespace is N or lies below it (`/a` holds `/a/b` and
//! `/a/b/c`, never `/ab`, `/a-b` or `/a.b`). Each is one contiguous run of the sorted keys, and
//! reading an sstable from the range's start to its end lists exactly those resources, in the
//! documented order.

mod table_key_strategies;

use std::collections::BTreeSet;

use aorta_engine::table::key::{children_range, encode_resource_key, subtree_range, KeyRange};
use aorta_engine::table::sstable::{Sstable, SstableWriter};
use proptest::prelude::*;
use table_key_strategies::{
    is_in_subtree, namespaces_and_ancestors, reference_cmp, segment, universe, Pair,
};

/// Checks `range` against the reference membership `expected` over every resource of `sorted`
/// (pairs with their keys, sorted by key), and through an sstable holding them all.
fn check_range(
    what: &str,
    namespace: &str,
    range: &KeyRange,
    sorted: &[(Vec<u8>, Pair)],
    table: &Sstable<'_>,
    expected: impl Fn(&Pair) -> bool,
) {
    let mut inside = Vec::new();
    for (i, (key, pair)) in sorted.iter().enumerate() {
        assert_eq!(
            range.contains(key),
            expected(pair),
            "{what}({namespace:?}) and {pair:?}"
        );
        if expected(pair) {
            inside.push(i);
        }
    }
    if let (Some(first), Some(last)) = (inside.first(), inside.last()) {
        assert_eq!(
            last - first + 1,
            inside.len(),
            "{what}({namespace:?}) is not contiguous"
        );
    }
    let mut wanted: Vec<Pair> = sorted
        .iter()
        .map(|(_, pair)| pair.clone())
        .filter(|pair| expected(pair))
        .collect();
    wanted.sort_by(reference_cmp);
    let listed: Vec<Pair> = table
        .range(range.start.as_slice()..)
        .map(|entry| entry.unwrap())
        .take_while(|entry| entry.key < range.end.as_slice())
        .map(|entry| {
            let value = std::str::from_utf8(entry.value.bytes()).unwrap();
            let (ns, name) = value.split_once(' ').unwrap();
            (ns.to_string(), name.to_string())
        })
        .collect();
    assert_eq!(listed, wanted, "{what}({namespace:?}) through an sstable");
}

fn check_every_namespace(pairs: Vec<Pair>, extra: Vec<String>) {
    let unique: BTreeSet<Pair> = pairs.into_iter().collect();
    let mut sorted: Vec<(Vec<u8>, Pair)> = unique
        .into_iter()
        .map(|pair| (encode_resource_key(&pair.0, &pair.1).unwrap(), pair))
        .collect();
    sorted.sort();
    let mut writer = SstableWriter::with_block_bytes(256).unwrap();
    for (key, (ns, name)) in &sorted {
        writer.put(key, format!("{ns} {name}").as_bytes()).unwrap();
    }
    let bytes = writer.finish().unwrap();
    let table = Sstable::open(&bytes).unwrap();
    let pairs: Vec<Pair> = sorted.iter().map(|(_, pair)| pair.clone()).collect();
    let mut queries = namespaces_and_ancestors(&pairs);
    queries.extend(extra);
    for namespace in &queries {
        let children = children_range(namespace).unwrap();
        check_range(
            "children_range",
            namespace,
            &children,
            &sorted,
            &table,
            |pair| pair.0 == *namespace,
        );
        let subtree = subtree_range(namespace).unwrap();
        check_range(
            "subtree_range",
            namespace,
            &subtree,
            &sorted,
            &table,
            |pair| is_in_subtree(&pair.0, namespace),
        );
    }
}

#[test]
fn look_alike_namespaces_stay_apart() {
    let namespaces = [
        "/", "/a", "/a-b", "/a.b", "/ab", "/a/b", "/a/b/c", "/a/b-c", "/a-b/c", "/a_b", "/a0",
    ];
    let names = ["a", "b", "a-b", "b-c", "c", "ab"];
    let pairs: Vec<Pair> = namespaces
        .iter()
        .flat_map(|ns| names.iter().map(move |n| (ns.to_string(), n.to_string())))
        .collect();
    let absent = ["/b", "/a/b/c/d", "/a-", "/a/c"].map(String::from).to_vec();
    check_every_namespace(pairs, absent);
}

proptest! {
    #[test]
    fn ranges_hold_exactly_their_namespaces(
        pairs in universe(),
        absent in prop::collection::vec(prop::collection::vec(segment(), 1..4), 0..4),
    ) {
        let absent = absent
            .iter()
            .map(|segments| table_key_strategies::join(
                &segments.iter().map(String::as_str).collect::<Vec<_>>(),
            ))
            .filter(|ns| aorta_engine::resource::validate_namespace(ns).is_ok())
            .collect();
        check_every_namespace(pairs, absent);
    }
}
