//! A memtable read at position `at` answers exactly the newest version of each key at or below
//! `at` (a put, a delete, or nothing), whatever the single writer inserts meanwhile: readers on
//! other threads, reading at a position the writer has published, get the model's answer every
//! time. The writer's rules (positions never decrease, a version is written once) are asserted,
//! and the memtable's byte count is what it documents.

mod mvcc_common;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

use aorta_engine::table::memtable::{
    key_charge, version_charge, Memtable, Version, MAX_HEIGHT, VERSION_CHARGE_MIN_BYTES,
};
use aorta_engine::table::merge::VisibleAt;
use aorta_engine::table::version::{
    all_versions_end_inclusive, all_versions_start, versioned_key, VERSION_SUFFIX_BYTES,
};
use mvcc_common::{history, newest_versions_at, visible_at, Write};
use proptest::prelude::*;
use rand::{Rng, SeedableRng};

fn answer(version: Option<Version>) -> Option<(u64, Option<Vec<u8>>)> {
    version.map(|v| (v.position(), v.value().map(<[u8]>::to_vec)))
}

#[test]
fn a_read_sees_the_newest_version_at_or_below_its_position() {
    let memtable = Memtable::new();
    assert!(memtable.is_empty());
    assert_eq!(memtable.first_position(), None);
    assert_eq!(memtable.last_position(), None);
    memtable.insert(b"a", 2, Some(b"a2"));
    memtable.insert(b"b", 2, Some(b"b2"));
    memtable.insert(b"a", 5, None);
    memtable.insert(b"a", 7, Some(b"a7"));

    assert_eq!(memtable.get(b"a", 1), None);
    assert_eq!(
        answer(memtable.get(b"a", 2)),
        Some((2, Some(b"a2".to_vec())))
    );
    assert_eq!(
        answer(memtable.get(b"a", 4)),
        Some((2, Some(b"a2".to_vec())))
    );
    assert_eq!(
        memtable.get(b"a", 5),
        Some(Version::Deleted { position: 5 })
    );
    assert_eq!(
        memtable.get(b"a", 6),
        Some(Version::Deleted { position: 5 })
    );
    assert_eq!(
        answer(memtable.get(b"a", u64::MAX)),
        Some((7, Some(b"a7".to_vec())))
    );
    assert_eq!(
        answer(memtable.get(b"b", 9)),
        Some((2, Some(b"b2".to_vec())))
    );
    // Neither a key that extends a stored one nor one it extends is found.
    assert_eq!(memtable.get(b"ab", 9), None);
    assert_eq!(memtable.get(b"", 9), None);
    assert_eq!(memtable.get(b"c", 9), None);

    assert_eq!(memtable.len(), 4);
    assert_eq!(memtable.first_position(), Some(2));
    assert_eq!(memtable.last_position(), Some(7));
}

/// What a new key's first version may be charged: its key node of any height (1 to
/// `MAX_HEIGHT`), and the version.
fn new_key_charges(user_key: usize, version: usize) -> std::ops::RangeInclusive<usize> {
    key_charge(user_key, 1) + version..=key_charge(user_key, MAX_HEIGHT) + version
}

#[test]
fn approximate_bytes_counts_keys_values_and_the_overhead() {
    let memtable = Memtable::new();
    assert_eq!(memtable.approximate_bytes(), 0);
    let internal_key = 3 + VERSION_SUFFIX_BYTES;
    // A node: a 24-byte header, the internal key and the value, aligned to 8.
    let with_value = version_charge(internal_key, 100);
    assert_eq!(
        with_value,
        (24 + internal_key + 100usize).next_multiple_of(8)
    );
    memtable.insert(b"key", 1, Some(&[0; 100]));
    let first = memtable.approximate_bytes();
    assert!(new_key_charges(3, with_value).contains(&first), "{first}");
    // A key node: a 16-byte header, a tower of 8-byte pointers, the key, aligned; an index slot.
    assert_eq!(
        key_charge(3, 2),
        (16 + 2 * 8 + 3usize).next_multiple_of(8) + 24
    );
    // A second version of the same key: only the version is charged, at least the minimum.
    memtable.insert(b"key", 2, None);
    assert_eq!(version_charge(internal_key, 0), VERSION_CHARGE_MIN_BYTES);
    assert_eq!(
        memtable.approximate_bytes(),
        first + VERSION_CHARGE_MIN_BYTES
    );
    memtable.insert(b"other", 2, None);
    let added = memtable.approximate_bytes() - first - VERSION_CHARGE_MIN_BYTES;
    assert!(
        new_key_charges(5, VERSION_CHARGE_MIN_BYTES).contains(&added),
        "{added}"
    );
    // A large value is charged its bytes, and the free end of the 4 KiB chunk it did not fit in.
    memtable.insert(b"other", 3, Some(&[7; 5000]));
    let large = (24 + 5 + VERSION_SUFFIX_BYTES + 5000usize).next_multiple_of(8);
    let charged = memtable.approximate_bytes() - first - VERSION_CHARGE_MIN_BYTES - added;
    assert!(
        charged > large && charged < large + 4096,
        "{charged} for a node of {large}"
    );
    assert_eq!(
        memtable
            .get(b"other", 3)
            .and_then(|v| v.value().map(<[u8]>::len)),
        Some(5000)
    );
}

#[test]
fn ranges_run_in_internal_key_order_between_their_bounds() {
    let memtable = Memtable::new();
    memtable.insert(b"a", 1, Some(b"a1"));
    memtable.insert(b"b", 1, Some(b"b1"));
    memtable.insert(b"b", 2, None);
    memtable.insert(b"c", 3, Some(b"c3"));
    let all: Vec<Vec<u8>> = memtable.iter().map(|e| e.key.to_vec()).collect();
    assert_eq!(
        all,
        [
            versioned_key(b"a", 1),
            versioned_key(b"b", 2),
            versioned_key(b"b", 1),
            versioned_key(b"c", 3)
        ]
    );
    // All versions of `b`: from its start to just past its inclusive end.
    let mut end = all_versions_end_inclusive(b"b");
    end.push(0);
    let of_b: Vec<_> = memtable
        .range(&all_versions_start(b"b"), Some(&end))
        .map(|e| (e.key.to_vec(), e.value_bytes().map(<[u8]>::to_vec)))
        .collect();
    assert_eq!(
        of_b,
        [
            (versioned_key(b"b", 2), None),
            (versioned_key(b"b", 1), Some(b"b1".to_vec()))
        ]
    );
    // Seeking to (b, 1) skips b's newer version.
    let first = memtable
        .range(&versioned_key(b"b", 1), None)
        .next()
        .unwrap();
    assert_eq!(first.key.to_vec(), versioned_key(b"b", 1));
    assert_eq!(
        memtable
            .range(&versioned_key(b"c", 3), Some(&versioned_key(b"c", 3)))
            .count(),
        0
    );
}

#[test]
#[should_panic(expected = "positions never decrease")]
fn an_insert_below_the_last_position_is_a_bug() {
    let memtable = Memtable::new();
    memtable.insert(b"a", 5, Some(b"x"));
    memtable.insert(b"b", 4, Some(b"y"));
}

#[test]
#[should_panic(expected = "twice")]
fn the_same_version_twice_is_a_bug() {
    let memtable = Memtable::new();
    memtable.insert(b"a", 5, Some(b"x"));
    memtable.insert(b"b", 5, Some(b"y"));
    memtable.insert(b"a", 5, None);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// `get` at every position, and a `VisibleAt` scan of the whole memtable, agree with the model.
    #[test]
    fn gets_and_scans_equal_the_model_at_every_position(history in history(32)) {
        let memtable = Memtable::new();
        for w in &history {
            memtable.insert(&w.key, w.position, w.value.as_deref());
        }
        prop_assert_eq!(memtable.len(), history.len());
        prop_assert_eq!(memtable.first_position(), Some(history[0].position));
        let last = history.last().unwrap().position;
        prop_assert_eq!(memtable.last_position(), Some(last));
        for at in 0..=last + 1 {
            let model = newest_versions_at(&history, at);
            for key in mvcc_common::USER_KEYS {
                prop_assert_eq!(answer(memtable.get(key, at)), model.get(key).cloned());
            }
            let scan: BTreeMap<Vec<u8>, (u64, Vec<u8>)> =
                VisibleAt::new(memtable.iter().map(Ok::<_, ()>), at)
                    .map(|e| {
                        let e = e.unwrap();
                        (e.user_key().to_vec(), (e.position, e.value.to_vec()))
                    })
                    .collect();
            prop_assert_eq!(scan, visible_at(&history, at));
        }
    }
}

/// Range bounds to try: internal keys of the model's user keys (at positions on and between the
/// written ones), each key's first and past-last internal key, the user keys themselves, prefixes
/// of them (cut before, at and after a 0x00 byte), and the extremes.
fn bounds() -> Vec<Vec<u8>> {
    let mut bounds = vec![
        Vec::new(),
        b"k".to_vec(),
        b"ka".to_vec(),
        b"ka\x00".to_vec(),
        vec![0xff],
    ];
    for key in mvcc_common::USER_KEYS {
        bounds.push(key.to_vec());
        bounds.push(all_versions_start(key));
        let mut end = all_versions_end_inclusive(key);
        end.push(0);
        bounds.push(end);
        for position in [0, 1, 2, 3, 5, 8, 13, u64::MAX] {
            bounds.push(versioned_key(key, position));
        }
        let mut terminated = key.to_vec();
        terminated.push(0);
        bounds.push(terminated);
    }
    bounds
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// `range(from, to)` hands out exactly the inserted versions whose internal keys lie in
    /// `from..to`, in internal-key order, for bounds that are internal keys and bounds that are
    /// not (a user key, a prefix with or without a 0x00 in it).
    #[test]
    fn ranges_equal_the_model_between_any_bounds(history in history(24)) {
        let memtable = Memtable::new();
        for w in &history {
            memtable.insert(&w.key, w.position, w.value.as_deref());
        }
        let mut model: Vec<(Vec<u8>, Option<Vec<u8>>)> = history
            .iter()
            .map(|w| (versioned_key(&w.key, w.position), w.value.clone()))
            .collect();
        model.sort();
        let bounds = bounds();
        for from in &bounds {
            for to in bounds.iter().map(Some).chain([None]) {
                let got: Vec<(Vec<u8>, Option<Vec<u8>>)> = memtable
                    .range(from, to.map(Vec::as_slice))
                    .map(|e| (e.key.to_vec(), e.value_bytes().map(<[u8]>::to_vec)))
                    .collect();
                let expected: Vec<(Vec<u8>, Option<Vec<u8>>)> = model
                    .iter()
                    .filter(|(key, _)| key >= from && to.is_none_or(|to| key < to))
                    .cloned()
                    .collect();
                prop_assert_eq!(got, expected, "from {:02x?} to {:02x?}", from, to);
            }
        }
    }
}

/// A deterministic history: `BATCHES` batches at positions 1, 2, …, each writing 1..=4 of
/// `keys` keys, one write in five a delete.
fn concurrent_history(keys: u32) -> Vec<Write> {
    const BATCHES: u64 = 3000;
    let mut rng = rand::rngs::StdRng::seed_from_u64(0x000A_077A);
    let mut history = Vec::new();
    for position in 1..=BATCHES {
        let mut keys: Vec<u32> = (0..rng.gen_range(1..=4))
            .map(|_| rng.gen_range(0..keys))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        for key in keys {
            let value = (rng.gen_range(0..5) != 0).then(|| position.to_le_bytes().repeat(3));
            history.push(Write {
                key: format!("k\x01key-{key:04}").into_bytes(),
                position,
                value,
            });
        }
    }
    history
}

/// For each key, its versions by position: the expected answer at `at` is the last at or below it.
type Expected = BTreeMap<Vec<u8>, Vec<(u64, Option<Vec<u8>>)>>;

fn expected_at(expected: &Expected, key: &[u8], at: u64) -> Option<(u64, Option<Vec<u8>>)> {
    let versions = expected.get(key)?;
    let count = versions.partition_point(|(position, _)| *position <= at);
    count.checked_sub(1).map(|i| versions[i].clone())
}

/// One writer inserts batch after batch and publishes each batch's position (release) once the
/// batch is in; three readers take the published position (acquire) and check, while the writer
/// goes on, every key's `get` and a full scan at that position against the history. Every
/// `RENDEZVOUS_BATCHES` batches the writer waits for a few reads to finish, so that reads at
/// positions in the middle of the history are sure to happen on a loaded machine too.
#[test]
fn readers_on_other_threads_see_exactly_the_published_versions() {
    readers_see_exactly_the_published_versions(concurrent_history(24));
}

/// As above, with new keys arriving all along (about 4,000 writes over 2,000 keys): readers
/// search the skip list while the writer links new nodes into it at every level.
#[test]
fn readers_see_exactly_the_published_versions_while_new_keys_are_linked() {
    readers_see_exactly_the_published_versions(concurrent_history(2000));
}

fn readers_see_exactly_the_published_versions(history: Vec<Write>) {
    let history = Arc::new(history);
    let mut expected = Expected::new();
    for w in history.iter() {
        expected
            .entry(w.key.clone())
            .or_default()
            .push((w.position, w.value.clone()));
    }
    let expected = Arc::new(expected);
    let memtable = Arc::new(Memtable::new());
    let published = Arc::new(AtomicU64::new(0));
    let writer_done = Arc::new(AtomicBool::new(false));
    let reads_done = Arc::new(AtomicU64::new(0));
    const RENDEZVOUS_BATCHES: u64 = 500;

    let readers: Vec<_> = (0..3)
        .map(|_| {
            let (memtable, published, writer_done, expected, reads_done) = (
                Arc::clone(&memtable),
                Arc::clone(&published),
                Arc::clone(&writer_done),
                Arc::clone(&expected),
                Arc::clone(&reads_done),
            );
            std::thread::spawn(move || {
                let mut reads = 0u64;
                loop {
                    let done = writer_done.load(Ordering::Acquire);
                    let at = published.load(Ordering::Acquire);
                    for key in expected.keys() {
                        assert_eq!(
                            answer(memtable.get(key, at)),
                            expected_at(&expected, key, at),
                            "key {key:02x?} at {at}"
                        );
                    }
                    let scan: Vec<(Vec<u8>, u64)> =
                        VisibleAt::new(memtable.iter().map(Ok::<_, ()>), at)
                            .map(|e| {
                                let e = e.unwrap();
                                (e.user_key().to_vec(), e.position)
                            })
                            .collect();
                    let expected_scan: Vec<(Vec<u8>, u64)> = expected
                        .keys()
                        .filter_map(|key| match expected_at(&expected, key, at) {
                            Some((position, Some(_))) => Some((key.clone(), position)),
                            _ => None,
                        })
                        .collect();
                    assert_eq!(scan, expected_scan, "scan at {at}");
                    reads += 1;
                    reads_done.fetch_add(1, Ordering::Release);
                    if done {
                        return reads;
                    }
                }
            })
        })
        .collect();

    let mut i = 0;
    while i < history.len() {
        let position = history[i].position;
        while i < history.len() && history[i].position == position {
            let w = &history[i];
            memtable.insert(&w.key, w.position, w.value.as_deref());
            i += 1;
        }
        published.store(position, Ordering::Release);
        if position % RENDEZVOUS_BATCHES == 0 {
            let wanted = reads_done.load(Ordering::Acquire) + 3;
            while reads_done.load(Ordering::Acquire) < wanted {
                std::thread::yield_now();
            }
        }
    }
    writer_done.store(true, Ordering::Release);
    for reader in readers {
        let reads = reader.join().expect("a reader saw a wrong version");
        assert!(reads >= 1);
    }
    assert_eq!(memtable.len(), history.len());
}
