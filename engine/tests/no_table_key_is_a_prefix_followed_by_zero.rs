//! The precondition a multi-version layer relies on (`table::key`, "No key is followed by 0x00
//! inside another"): if a table key of any family (resource, id, type index, tag index) is a proper
//! prefix of another, the next byte of the longer one is a name byte (0x2D or above), never 0x00.
//! So appending `0x00 | version` to every key keeps each key's versions together.

mod table_key_strategies;

use aorta_engine::resource::ResourceId;
use aorta_engine::table::key::{
    encode_id_key, encode_resource_key, encode_tag_index_key, encode_type_index_key,
};
use proptest::prelude::*;
use table_key_strategies::universe;

const FIELDS: [&str; 4] = ["a", "a/b", "ab", "a-"];
const VALUES: [&str; 4] = ["", "a", "a b", "ab"];

/// Every key of every family for the resources of `pairs`, with look-alike types and tags.
fn all_keys(pairs: &[(String, String)], ids: &[u64]) -> Vec<Vec<u8>> {
    let mut keys = Vec::new();
    for (namespace, name) in pairs {
        keys.push(encode_resource_key(namespace, name).unwrap());
        for field in FIELDS {
            keys.push(encode_type_index_key(field, namespace, name).unwrap());
            for value in VALUES {
                keys.push(encode_tag_index_key(field, value, namespace, name).unwrap());
            }
        }
    }
    for &id in ids {
        keys.push(encode_id_key(ResourceId::new(1, 0, id, 0)).to_vec());
    }
    keys.sort();
    keys.dedup();
    keys
}

fn check_no_prefix_followed_by_zero(keys: &[Vec<u8>]) {
    // Sorted: every extension of a key follows it, before the first key that is not one.
    for (i, a) in keys.iter().enumerate() {
        for b in keys[i + 1..].iter().take_while(|b| b.starts_with(a)) {
            let next = b[a.len()];
            assert!(next >= b'-', "{a:?} is followed by {next:#04x} in {b:?}");
        }
    }
}

#[test]
fn names_that_extend_names_are_followed_by_name_bytes() {
    let pairs: Vec<(String, String)> = ["/", "/a", "/a/b"]
        .iter()
        .flat_map(|ns| ["a", "ab", "a-b", "a.b"].map(|n| (ns.to_string(), n.to_string())))
        .collect();
    let keys = all_keys(&pairs, &[0, 1, 256]);
    // The check is not vacuous: `.../a` is a prefix of `.../ab` in every family.
    assert!(keys.windows(2).any(|w| w[1].starts_with(&w[0])));
    check_no_prefix_followed_by_zero(&keys);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn no_key_is_a_prefix_followed_by_zero(
        pairs in universe(),
        ids in prop::collection::vec(any::<u64>(), 0..8),
    ) {
        check_no_prefix_followed_by_zero(&all_keys(&pairs, &ids));
    }
}
