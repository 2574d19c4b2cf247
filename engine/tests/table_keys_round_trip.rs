//! A resource key decodes back to its (namespace, name), and no two different pairs share a key:
//! on random universes of adversarial pairs and on a fixed list of look-alikes.

mod table_key_strategies;

use std::collections::HashMap;

use aorta_engine::limits::RESOURCE_KEY_BYTES_MAX;
use aorta_engine::table::key::{decode_resource_key, encode_resource_key, ResourceKey};
use proptest::prelude::*;
use table_key_strategies::{universe, Pair};

/// Encodes every pair, checks the round trip and the bound, and that distinct pairs never share a
/// key.
fn check_round_trip_and_injective(pairs: &[Pair]) {
    let mut seen: HashMap<Vec<u8>, &Pair> = HashMap::new();
    for pair in pairs {
        let key = encode_resource_key(&pair.0, &pair.1).unwrap();
        assert!(
            key.len() <= RESOURCE_KEY_BYTES_MAX,
            "{pair:?}: {} bytes",
            key.len()
        );
        let decoded = decode_resource_key(&key).unwrap();
        assert_eq!(
            decoded,
            ResourceKey {
                namespace: pair.0.clone(),
                name: pair.1.clone()
            }
        );
        if let Some(other) = seen.insert(key.clone(), pair) {
            assert_eq!(other, pair, "two pairs share the key {key:?}");
        }
    }
}

#[test]
fn look_alikes_round_trip_to_different_keys() {
    let namespaces = [
        "/", "/a", "/a-b", "/a.b", "/ab", "/a/b", "/a/b/c", "/a_b", "/A", "/a0",
    ];
    let names = ["a", "b", "a-b", "a.b", "ab", "c", "a.", "-", "_", "..."];
    let pairs: Vec<Pair> = namespaces
        .iter()
        .flat_map(|ns| names.iter().map(move |n| (ns.to_string(), n.to_string())))
        .collect();
    check_round_trip_and_injective(&pairs);
    // The string key `namespace/name` is the same for these two; the table keys differ.
    assert_ne!(
        encode_resource_key("/a", "b").unwrap(),
        encode_resource_key("/", "a").unwrap()
    );
    assert_ne!(
        encode_resource_key("/a/b", "c").unwrap(),
        encode_resource_key("/a", "b").unwrap()
    );
}

proptest! {
    #[test]
    fn random_pairs_round_trip_to_different_keys(pairs in universe()) {
        check_round_trip_and_injective(&pairs);
    }
}
