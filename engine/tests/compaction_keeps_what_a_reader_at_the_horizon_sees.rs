//! A compaction at horizon `h` keeps, for each user key, every version above `h` and the newest
//! version at or below `h` (unless it is a tombstone and the output goes to the bottom of the
//! tree), and drops the rest: read at any position `p >= h`, its output (written to a real
//! sstable and read back) equals its input, and it keeps nothing a reader at `h` or later cannot
//! see. Its counts add up.

mod mvcc_common;

use std::collections::BTreeMap;

use aorta_engine::table::memtable::Memtable;
use aorta_engine::table::merge::{
    memtable_source, sstable_source, CompactionFilter, CompactionStats, MergingIter, Source,
    VisibleAt,
};
use aorta_engine::table::sstable::{ReadError, Sstable, SstableWriter};
use aorta_engine::table::version::{split_versioned, versioned_key};
use mvcc_common::{build_sources, history, layout, open, sources, visible_at, Write};
use proptest::prelude::*;

type Visible = BTreeMap<Vec<u8>, (u64, Vec<u8>)>;

fn read_visible(sources: Vec<Source<'_, '_, ReadError>>, at: u64) -> Visible {
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

/// Compacts `sources` into one sstable's bytes (`None` if nothing is kept), with the counts.
fn compact(
    sources: Vec<Source<'_, '_, ReadError>>,
    horizon: u64,
    drop_tombstones: bool,
) -> (Option<Vec<u8>>, CompactionStats) {
    let mut filter = CompactionFilter::new(MergingIter::new(sources), horizon, drop_tombstones);
    let mut writer = SstableWriter::with_block_bytes(256).unwrap();
    for item in filter.by_ref() {
        let entry = item.unwrap();
        writer.add(&entry.key, entry.sstable_value()).unwrap();
    }
    let stats = filter.stats();
    let bytes = (writer.entry_count() > 0).then(|| writer.finish().unwrap());
    (bytes, stats)
}

/// (user key, position, value or `None` for a delete).
type WriteRef<'a> = (&'a [u8], u64, Option<&'a [u8]>);

fn memtable_of(writes: &[WriteRef<'_>]) -> Memtable {
    let memtable = Memtable::new();
    for &(key, position, value) in writes {
        memtable.insert(key, position, value);
    }
    memtable
}

/// (user key, position, is a tombstone) of every entry of a compacted table.
fn versions(bytes: &Option<Vec<u8>>) -> Vec<(Vec<u8>, u64, bool)> {
    let Some(bytes) = bytes else {
        return Vec::new();
    };
    Sstable::open(bytes)
        .unwrap()
        .iter()
        .map(|entry| {
            let entry = entry.unwrap();
            let (user_key, position) = split_versioned(entry.key).unwrap();
            (user_key.to_vec(), position, entry.value.is_delete())
        })
        .collect()
}

#[test]
fn versions_above_the_horizon_stay_and_only_the_newest_below_it() {
    let memtable = memtable_of(&[
        (b"a", 1, Some(b"a1")),
        (b"a", 2, Some(b"a2")),
        (b"b", 2, Some(b"b2")),
        (b"a", 3, Some(b"a3")),
        (b"b", 3, None),
        (b"a", 5, Some(b"a5")),
        (b"c", 5, None),
        (b"b", 6, Some(b"b6")),
    ]);
    let (bytes, stats) = compact(vec![memtable_source(memtable.iter())], 3, false);
    let expected: Vec<(Vec<u8>, u64, bool)> = vec![
        (b"a".to_vec(), 5, false),
        (b"a".to_vec(), 3, false),
        (b"b".to_vec(), 6, false),
        (b"b".to_vec(), 3, true),
        (b"c".to_vec(), 5, true),
    ];
    assert_eq!(versions(&bytes), expected);
    assert_eq!(
        stats,
        CompactionStats {
            entries_in: 8,
            entries_out: 5,
            superseded_dropped: 3,
            tombstones_dropped: 0,
        }
    );
}

#[test]
fn at_the_bottom_a_tombstone_at_the_horizon_goes_with_everything_under_it() {
    let memtable = memtable_of(&[
        (b"a", 1, Some(b"a1")),
        (b"a", 2, None),
        (b"b", 2, Some(b"b2")),
        (b"c", 3, None),
        (b"c", 4, Some(b"c4")),
        (b"d", 4, None),
    ]);
    let (bytes, stats) = compact(vec![memtable_source(memtable.iter())], 3, true);
    let expected: Vec<(Vec<u8>, u64, bool)> = vec![
        (b"b".to_vec(), 2, false),
        (b"c".to_vec(), 4, false),
        // Above the horizon every version stays, tombstones too: the filter decides only at and
        // below the horizon.
        (b"d".to_vec(), 4, true),
    ];
    assert_eq!(versions(&bytes), expected);
    assert_eq!(stats.superseded_dropped, 1);
    assert_eq!(stats.tombstones_dropped, 2);
    assert_eq!(stats.entries_out, 3);
}

#[test]
fn a_compaction_that_keeps_nothing_says_so() {
    let memtable = memtable_of(&[(b"a", 1, Some(b"a1")), (b"a", 2, None)]);
    let (bytes, stats) = compact(vec![memtable_source(memtable.iter())], 2, true);
    assert_eq!(bytes, None);
    assert_eq!(stats.entries_in, 2);
    assert_eq!(stats.entries_out, 0);
    assert_eq!(stats.superseded_dropped + stats.tombstones_dropped, 2);
}

/// The kept versions of one user key: all above the horizon, at most one at or below it (the
/// newest there in the history), and with `drop_tombstones` that one is not a tombstone.
fn check_minimal(history: &[Write], kept: &[(Vec<u8>, u64, bool)], horizon: u64, drop: bool) {
    let mut below: BTreeMap<&[u8], Vec<(u64, bool)>> = BTreeMap::new();
    for (key, position, is_tombstone) in kept.iter().filter(|v| v.1 <= horizon) {
        below
            .entry(key)
            .or_default()
            .push((*position, *is_tombstone));
    }
    for (key, kept_below) in &below {
        assert_eq!(
            kept_below.len(),
            1,
            "{key:02x?} keeps {kept_below:?} below {horizon}"
        );
        let newest = history
            .iter()
            .filter(|w| w.key == *key && w.position <= horizon)
            .map(|w| w.position)
            .max();
        assert_eq!(Some(kept_below[0].0), newest);
        assert!(
            !(drop && kept_below[0].1),
            "a tombstone at the bottom is kept"
        );
    }
    let above = history.iter().filter(|w| w.position > horizon).count();
    assert_eq!(kept.iter().filter(|v| v.1 > horizon).count(), above);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// The whole history (so the output is the bottom of the tree, and dropping tombstones is
    /// allowed) compacted at any horizon reads, at every position from the horizon on, as the
    /// uncompacted sources and as the model do.
    #[test]
    fn the_output_reads_as_the_input_from_the_horizon_on(
        history in history(24),
        (kinds, assignment) in layout(),
        horizon_pick in any::<prop::sample::Index>(),
        drop_tombstones in any::<bool>(),
    ) {
        let built = build_sources(&history, &kinds, &assignment);
        let opened = open(&built);
        let last = history.last().unwrap().position;
        let horizon = horizon_pick.index(last as usize + 2) as u64;

        let (bytes, stats) = compact(sources(&opened, &[]), horizon, drop_tombstones);
        let kept = versions(&bytes);
        prop_assert_eq!(stats.entries_in, history.len() as u64);
        prop_assert_eq!(stats.entries_out, kept.len() as u64);
        prop_assert_eq!(
            stats.entries_in,
            stats.entries_out + stats.superseded_dropped + stats.tombstones_dropped
        );
        if !drop_tombstones {
            prop_assert_eq!(stats.tombstones_dropped, 0);
        }
        check_minimal(&history, &kept, horizon, drop_tombstones);

        let table = bytes.as_deref().map(|b| Sstable::open(b).unwrap());
        for at in horizon..=last + 1 {
            let compacted: Vec<Source<'_, '_, ReadError>> = match &table {
                Some(table) => vec![sstable_source(table.iter())],
                None => Vec::new(),
            };
            let compacted = read_visible(compacted, at);
            prop_assert_eq!(&compacted, &read_visible(sources(&opened, &[]), at), "at {}", at);
            prop_assert_eq!(compacted, visible_at(&history, at), "at {}", at);
        }
    }

    /// Compacting only the older sources, without dropping tombstones (a newer source stays
    /// above), then merging the newer source over the output still reads as the model.
    #[test]
    fn a_partial_compaction_under_newer_sources_keeps_reads(
        history in history(24),
        horizon_pick in any::<prop::sample::Index>(),
        split_pick in any::<prop::sample::Index>(),
    ) {
        let last = history.last().unwrap().position;
        let horizon = horizon_pick.index(last as usize + 2) as u64;
        // Positions above the split go to the newer memtable; the rest are compacted.
        let split = split_pick.index(last as usize + 1) as u64;
        let newer = Memtable::new();
        let older = Memtable::new();
        for w in &history {
            let target = if w.position > split { &newer } else { &older };
            target.insert(&w.key, w.position, w.value.as_deref());
        }
        let (bytes, _) = compact(vec![memtable_source(older.iter())], horizon, false);
        let table = bytes.as_deref().map(|b| Sstable::open(b).unwrap());
        for at in horizon..=last + 1 {
            let mut merged: Vec<Source<'_, '_, ReadError>> = vec![memtable_source(newer.iter())];
            if let Some(table) = &table {
                merged.push(sstable_source(table.iter()));
            }
            prop_assert_eq!(read_visible(merged, at), visible_at(&history, at), "at {}", at);
        }
        // The internal keys of a version above the horizon are all still there.
        for w in history.iter().filter(|w| w.position > horizon && w.position <= split) {
            let table = table.as_ref().expect("a version above the horizon is kept");
            prop_assert!(table.get(&versioned_key(&w.key, w.position)).unwrap().is_some());
        }
    }
}
