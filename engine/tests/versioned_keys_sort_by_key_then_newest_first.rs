//! Internal keys (`user_key | 0x00 | !position`) sort bytewise as (user key, newest position
//! first) for real table keys, including user keys that are prefixes of each other; they split back
//! into what they were made of; seeking to `versioned_key(k, at)` finds k's newest version at or
//! below `at`; and `[all_versions_start(k), all_versions_end_inclusive(k)]` holds exactly k's
//! versions. Anything that is not an internal key is a typed error.

mod table_key_strategies;

use std::cmp::Reverse;
use std::collections::BTreeSet;
use std::ops::Bound;

use aorta_engine::resource::ResourceId;
use aorta_engine::table::key::{encode_id_key, encode_resource_key};
use aorta_engine::table::version::{
    all_versions_end_inclusive, all_versions_start, split_versioned, versioned_key,
    VersionKeyError, VERSION_SUFFIX_BYTES,
};
use proptest::prelude::*;
use table_key_strategies::universe;

/// A user key and the position of one of its versions.
type UserVersion = (Vec<u8>, u64);

/// Resource keys of a colliding universe and a few id keys.
fn user_keys() -> impl Strategy<Value = Vec<Vec<u8>>> {
    (universe(), prop::collection::vec(any::<[u8; 16]>(), 0..4)).prop_map(|(pairs, ids)| {
        let mut keys: Vec<Vec<u8>> = pairs
            .iter()
            .map(|(namespace, name)| encode_resource_key(namespace, name).unwrap())
            .collect();
        keys.extend(
            ids.into_iter()
                .map(|id| encode_id_key(ResourceId(id)).to_vec()),
        );
        keys
    })
}

/// Positions that cross byte boundaries of the inverted big-endian suffix.
fn position() -> impl Strategy<Value = u64> {
    prop_oneof![
        0u64..4,
        prop::sample::select(vec![255u64, 256, 65_535, 65_536, u64::MAX - 1, u64::MAX]),
        any::<u64>(),
    ]
}

fn versions() -> impl Strategy<Value = Vec<(Vec<u8>, u64)>> {
    user_keys().prop_flat_map(|keys| {
        prop::collection::vec((prop::sample::select(keys), position()), 1..64)
    })
}

#[test]
fn examples() {
    assert_eq!(VERSION_SUFFIX_BYTES, 9);
    let key = versioned_key(b"k\x01a", 0x0102);
    assert_eq!(key, b"k\x01a\x00\xff\xff\xff\xff\xff\xff\xfe\xfd");
    assert_eq!(split_versioned(&key), Ok((&b"k\x01a"[..], 0x0102)));
    // A prefix user key with all its versions before the key that extends it.
    assert!(all_versions_end_inclusive(b"k\x01a") < all_versions_start(b"k\x01a-"));
    assert!(versioned_key(b"k\x01a", 2) < versioned_key(b"k\x01a", 1));
}

/// Why the precondition is needed: a user key extended by 0x00 and more bytes interleaves with
/// the key it extends (the extension's bytes compare with inverted positions), and one extended
/// by 0x00 alone sorts before it. The engine never makes such a pair.
#[test]
fn without_the_precondition_the_order_breaks() {
    let short_new = versioned_key(b"a", u64::MAX);
    let long = versioned_key(b"a\x00b", 5);
    let short_old = versioned_key(b"a", 1);
    assert!(short_new < long && long < short_old);
    assert!(versioned_key(b"a\x00", 5) < versioned_key(b"a", 1));
}

#[test]
fn keys_that_are_not_internal_keys_are_refused() {
    for len in 0..VERSION_SUFFIX_BYTES {
        assert_eq!(
            split_versioned(&vec![0; len]),
            Err(VersionKeyError::TooShort { len })
        );
    }
    let mut key = versioned_key(b"k\x01a", 7);
    key[3] = 0x01;
    assert_eq!(
        split_versioned(&key),
        Err(VersionKeyError::MissingTerminator {
            len: 12,
            offset: 3,
            found: 0x01
        })
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn bytewise_order_is_user_key_then_newest_first(versions in versions()) {
        let unique: BTreeSet<UserVersion> = versions.into_iter().collect();
        let mut by_reference: Vec<&UserVersion> = unique.iter().collect();
        by_reference.sort_by_key(|(key, position)| (key.clone(), Reverse(*position)));
        let mut by_bytes: Vec<(Vec<u8>, &UserVersion)> = unique
            .iter()
            .map(|v| (versioned_key(&v.0, v.1), v))
            .collect();
        by_bytes.sort();
        for (internal, (key, position)) in &by_bytes {
            prop_assert_eq!(split_versioned(internal), Ok((key.as_slice(), *position)));
        }
        let by_bytes: Vec<&UserVersion> = by_bytes.into_iter().map(|(_, v)| v).collect();
        prop_assert_eq!(by_bytes, by_reference);
    }

    #[test]
    fn a_seek_finds_the_newest_version_at_or_below(
        versions in versions(),
        probe in any::<prop::sample::Index>(),
        at in position(),
    ) {
        let stored: BTreeSet<Vec<u8>> =
            versions.iter().map(|(key, position)| versioned_key(key, *position)).collect();
        let key = &versions[probe.index(versions.len())].0;

        let found = stored
            .range::<Vec<u8>, _>((Bound::Included(versioned_key(key, at)), Bound::Unbounded))
            .next()
            .map(|k| split_versioned(k).unwrap())
            .filter(|(user_key, _)| user_key == key)
            .map(|(_, position)| position);
        let newest = versions
            .iter()
            .filter(|(k, p)| k == key && *p <= at)
            .map(|(_, p)| *p)
            .max();
        prop_assert_eq!(found, newest);

        let all: BTreeSet<u64> = stored
            .range(all_versions_start(key)..=all_versions_end_inclusive(key))
            .map(|k| {
                let (user_key, position) = split_versioned(k).unwrap();
                assert_eq!(user_key, key.as_slice());
                position
            })
            .collect();
        let expected: BTreeSet<u64> =
            versions.iter().filter(|(k, _)| k == key).map(|(_, p)| *p).collect();
        prop_assert_eq!(all, expected);
    }
}
