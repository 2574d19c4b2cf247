//! The merge of memtables and sstables yields every version once, in internal-key order, and
//! `VisibleAt(at)` yields exactly what a `BTreeMap` model of the history holds at `at`: for each
//! user key its newest version at or below `at`, unless that is a delete. A source's error comes
//! out of the merge, and a duplicated internal key comes out once, from the newest source.

mod mvcc_common;

use std::collections::BTreeMap;

use aorta_engine::table::memtable::Memtable;
use aorta_engine::table::merge::{memtable_source, MergeError, MergingIter, Source, VisibleAt};
use aorta_engine::table::sstable::ReadError;
use aorta_engine::table::version::{all_versions_start, versioned_key, EntryBytes, VersionedEntry};
use mvcc_common::{build_sources, history, internal_entries, layout, open, sources, visible_at};
use proptest::prelude::*;

type Visible = BTreeMap<Vec<u8>, (u64, Vec<u8>)>;

fn read_visible<'a, E: std::fmt::Debug>(sources: Vec<Source<'_, 'a, E>>, at: u64) -> Visible {
    VisibleAt::new(MergingIter::new(sources), at)
        .map(|item| {
            let entry = item.unwrap();
            (
                entry.user_key().to_vec(),
                (entry.position, entry.value.to_vec()),
            )
        })
        .collect()
}

fn owned(key: &[u8], value: Option<&[u8]>) -> VersionedEntry<'static> {
    VersionedEntry {
        key: EntryBytes::Shared(key.into()),
        value: value.map(|v| EntryBytes::Shared(v.into())),
    }
}

#[test]
fn a_newer_source_shadows_an_older_one_and_deletes_hide_keys() {
    let older = Memtable::new();
    older.insert(b"a", 1, Some(b"a1"));
    older.insert(b"b", 1, Some(b"b1"));
    older.insert(b"c", 2, Some(b"c2"));
    let newer = Memtable::new();
    newer.insert(b"a", 3, Some(b"a3"));
    newer.insert(b"b", 4, None);
    let read = |at| {
        let sources: Vec<Source<'_, '_, ReadError>> =
            vec![memtable_source(newer.iter()), memtable_source(older.iter())];
        read_visible(sources, at)
    };
    let entry = |k: &[u8], p: u64, v: &[u8]| (k.to_vec(), (p, v.to_vec()));
    assert_eq!(read(0), Visible::new());
    assert_eq!(
        read(1),
        Visible::from([entry(b"a", 1, b"a1"), entry(b"b", 1, b"b1")])
    );
    assert_eq!(
        read(3),
        Visible::from([
            entry(b"a", 3, b"a3"),
            entry(b"b", 1, b"b1"),
            entry(b"c", 2, b"c2")
        ])
    );
    assert_eq!(
        read(u64::MAX),
        Visible::from([entry(b"a", 3, b"a3"), entry(b"c", 2, b"c2")])
    );
}

#[test]
fn an_identical_internal_key_comes_from_the_newest_source_only() {
    let key = versioned_key(b"k", 5);
    let newer = vec![Ok::<_, ()>(owned(&key, Some(b"new")))];
    let older = vec![
        Ok(owned(&versioned_key(b"a", 1), Some(b"a"))),
        Ok(owned(&key, Some(b"old"))),
        Ok(owned(&versioned_key(b"k", 4), None)),
    ];
    let mut merge = MergingIter::new(vec![newer.into_iter(), older.into_iter()]);
    let merged: Vec<_> = merge.by_ref().map(Result::unwrap).collect();
    assert_eq!(
        merged,
        vec![
            owned(&versioned_key(b"a", 1), Some(b"a")),
            owned(&key, Some(b"new")),
            owned(&versioned_key(b"k", 4), None),
        ]
    );
    assert_eq!(merge.duplicates_skipped(), 1);
}

#[test]
fn a_source_error_is_yielded_and_ends_the_merge() {
    let good = vec![
        Ok(owned(&versioned_key(b"a", 1), Some(b"a"))),
        Ok(owned(&versioned_key(b"z", 1), Some(b"z"))),
    ];
    let broken = vec![
        Ok(owned(&versioned_key(b"b", 1), Some(b"b"))),
        Err("block 3 is damaged"),
        Ok(owned(&versioned_key(b"c", 1), Some(b"c"))),
    ];
    let merged: Vec<_> = MergingIter::new(vec![good.into_iter(), broken.into_iter()]).collect();
    assert_eq!(merged.len(), 3, "{merged:?}");
    assert_eq!(merged[0], Ok(owned(&versioned_key(b"a", 1), Some(b"a"))));
    assert_eq!(merged[1], Ok(owned(&versioned_key(b"b", 1), Some(b"b"))));
    assert_eq!(merged[2], Err("block 3 is damaged"));

    let visible: Vec<_> =
        VisibleAt::new(vec![Err::<VersionedEntry, _>("lost")].into_iter(), 9).collect();
    assert!(matches!(visible[..], [Err(MergeError::Source("lost"))]));
}

#[test]
fn a_key_that_is_not_an_internal_key_is_a_typed_error() {
    let source = vec![Ok::<_, ()>(owned(b"short", Some(b"v")))];
    let visible: Vec<_> = VisibleAt::new(source.into_iter(), 1).collect();
    assert!(
        matches!(visible[..], [Err(MergeError::Key(_))]),
        "{visible:?}"
    );
}

#[test]
fn a_range_from_a_user_key_starts_at_its_newest_version() {
    let memtable = Memtable::new();
    memtable.insert(b"a", 1, Some(b"a1"));
    memtable.insert(b"b", 2, Some(b"b2"));
    memtable.insert(b"b", 3, Some(b"b3"));
    memtable.insert(b"c", 3, Some(b"c3"));
    let sources: Vec<Source<'_, '_, ReadError>> = vec![memtable_source(
        memtable.range(&all_versions_start(b"b"), None),
    )];
    let read = read_visible(sources, 2);
    assert_eq!(read.keys().collect::<Vec<_>>(), [b"b"]);
    assert_eq!(read[&b"b"[..]], (2, b"b2".to_vec()));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Spread over memtables and sstables, a history reads at every position as the model says,
    /// whole and from any user key on; the merge itself is the sorted set of every version.
    #[test]
    fn visible_at_equals_the_model_at_every_position(
        history in history(24),
        (kinds, assignment) in layout(),
        from_key in prop::sample::select(mvcc_common::USER_KEYS.to_vec()),
    ) {
        let built = build_sources(&history, &kinds, &assignment);
        let opened = open(&built);

        let merged: Vec<(Vec<u8>, Option<Vec<u8>>)> = MergingIter::new(sources(&opened, &[]))
            .map(|item| {
                let entry = item.unwrap();
                (entry.key.to_vec(), entry.value_bytes().map(<[u8]>::to_vec))
            })
            .collect();
        let expected: Vec<_> = internal_entries(&history).into_iter().collect();
        prop_assert_eq!(merged, expected);

        let last = history.last().unwrap().position;
        let from = all_versions_start(from_key);
        for at in 0..=last + 1 {
            let model = visible_at(&history, at);
            prop_assert_eq!(read_visible(sources(&opened, &[]), at), model.clone(), "at {}", at);
            let tail: Visible = model.into_iter().filter(|(k, _)| k.as_slice() >= from_key).collect();
            prop_assert_eq!(read_visible(sources(&opened, &from), at), tail, "at {} from {:?}", at, from_key);
        }
    }
}
