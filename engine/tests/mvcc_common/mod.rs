//! Shared by the MVCC tests (memtable, merge, compaction): random write histories over a small set
//! of user keys, a `BTreeMap` model of what a reader at a position sees, and the same history
//! spread over several merge sources (memtables and real sstables).
#![allow(dead_code)]

use std::collections::BTreeMap;

use aorta_engine::table::memtable::Memtable;
use aorta_engine::table::merge::{memtable_source, sstable_source, Source};
use aorta_engine::table::sstable::{ReadError, Sstable, SstableWriter, Value};
use aorta_engine::table::version::versioned_key;
use proptest::prelude::*;

/// User keys that keep the precondition of `table::version` while sharing prefixes: resource keys
/// of one namespace where names extend each other, a sub-namespace, and an id key.
pub const USER_KEYS: [&[u8]; 7] = [
    b"k\x01a",
    b"k\x01a-",
    b"k\x01ab",
    b"k\x01b",
    b"ka\x00\x01a",
    b"ka\x00b\x00\x01a",
    b"i\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x07",
];

/// One write of a history: `None` is a delete.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Write {
    pub key: Vec<u8>,
    pub position: u64,
    pub value: Option<Vec<u8>>,
}

/// Batches at rising positions (with gaps), each writing 1..=3 distinct keys; a quarter of the
/// writes are deletes.
pub fn history(batches_max: usize) -> impl Strategy<Value = Vec<Write>> {
    let write = (
        prop::sample::subsequence((0..USER_KEYS.len()).collect::<Vec<_>>(), 1..=3),
        prop::collection::vec(
            prop::option::weighted(0.75, prop::collection::vec(any::<u8>(), 0..8)),
            3,
        ),
    );
    prop::collection::vec((1u64..=3, write), 1..=batches_max).prop_map(|batches| {
        let mut position = 0;
        let mut writes = Vec::new();
        for (gap, (keys, values)) in batches {
            position += gap;
            for (key, value) in keys.into_iter().zip(values) {
                writes.push(Write {
                    key: USER_KEYS[key].to_vec(),
                    position,
                    value,
                });
            }
        }
        writes
    })
}

/// The newest version of each key at or below `at`, tombstones included: (position, value).
pub fn newest_versions_at(history: &[Write], at: u64) -> BTreeMap<Vec<u8>, (u64, Option<Vec<u8>>)> {
    let mut newest = BTreeMap::new();
    for write in history.iter().filter(|w| w.position <= at) {
        newest.insert(write.key.clone(), (write.position, write.value.clone()));
    }
    newest
}

/// What a reader at `at` sees: each key whose newest version at or below `at` is a put, with that
/// version's position and value.
pub fn visible_at(history: &[Write], at: u64) -> BTreeMap<Vec<u8>, (u64, Vec<u8>)> {
    newest_versions_at(history, at)
        .into_iter()
        .filter_map(|(key, (position, value))| value.map(|v| (key, (position, v))))
        .collect()
}

/// Every internal key of the history with its value, in internal-key order.
pub fn internal_entries(history: &[Write]) -> BTreeMap<Vec<u8>, Option<Vec<u8>>> {
    history
        .iter()
        .map(|w| (versioned_key(&w.key, w.position), w.value.clone()))
        .collect()
}

pub fn write_sstable(entries: &BTreeMap<Vec<u8>, Option<Vec<u8>>>) -> Vec<u8> {
    // Small blocks, so that a table has many and ranges cross block boundaries.
    let mut writer = SstableWriter::with_block_bytes(256).unwrap();
    for (key, value) in entries {
        let value = match value {
            Some(v) => Value::Put(v),
            None => Value::Delete,
        };
        writer.add(key, value).unwrap();
    }
    writer.finish().unwrap()
}

/// One merge source holding part of a history.
pub enum Built {
    /// Boxed: a memtable holds its skip list's head tower (hundreds of bytes).
    Memtable(Box<Memtable>),
    /// An sstable's bytes; `None` if its part of the history is empty (a table holds one entry).
    Sstable(Option<Vec<u8>>),
}

/// Spreads `history` over `kinds.len()` sources (true: a memtable, false: an sstable), write `i`
/// going to source `assignment[i] % kinds.len()`.
pub fn build_sources(history: &[Write], kinds: &[bool], assignment: &[usize]) -> Vec<Built> {
    assert!(!kinds.is_empty());
    let mut parts: Vec<Vec<Write>> = vec![Vec::new(); kinds.len()];
    for (i, write) in history.iter().enumerate() {
        let source = assignment.get(i).copied().unwrap_or(i) % kinds.len();
        parts[source].push(write.clone());
    }
    kinds
        .iter()
        .zip(parts)
        .map(|(&is_memtable, part)| {
            if is_memtable {
                let memtable = Memtable::new();
                for w in &part {
                    memtable.insert(&w.key, w.position, w.value.as_deref());
                }
                Built::Memtable(Box::new(memtable))
            } else if part.is_empty() {
                Built::Sstable(None)
            } else {
                Built::Sstable(Some(write_sstable(&internal_entries(&part))))
            }
        })
        .collect()
}

/// A built source, opened for reading.
pub enum Opened<'a> {
    Memtable(&'a Memtable),
    Sstable(Option<Sstable<'a>>),
}

pub fn open(built: &[Built]) -> Vec<Opened<'_>> {
    built
        .iter()
        .map(|b| match b {
            Built::Memtable(m) => Opened::Memtable(m),
            Built::Sstable(bytes) => {
                Opened::Sstable(bytes.as_deref().map(|b| Sstable::open(b).unwrap()))
            }
        })
        .collect()
}

/// Every opened source from internal key `from`, in the given order.
pub fn sources<'s, 'a>(opened: &'s [Opened<'a>], from: &[u8]) -> Vec<Source<'s, 'a, ReadError>> {
    opened
        .iter()
        .map(|o| match o {
            Opened::Memtable(m) => memtable_source(m.range(from, None)),
            Opened::Sstable(Some(table)) => sstable_source(table.range(from..)),
            Opened::Sstable(None) => Box::new(std::iter::empty()) as Source<'s, 'a, ReadError>,
        })
        .collect()
}

/// Source kinds (1..=4 sources, each a memtable or an sstable) and an assignment of writes.
pub fn layout() -> impl Strategy<Value = (Vec<bool>, Vec<usize>)> {
    (
        prop::collection::vec(any::<bool>(), 1..=4),
        prop::collection::vec(0usize..4, 0..200),
    )
}
