//! `Memtable`: the in-memory table of recent versions, written by one thread (the shard applying
//! committed batches) and read by any number of threads at once, without locks.
//!
//! Invariants:
//! - **MVCC.** Every entry is a version: keyed by its internal key (`table::version`: user key,
//!   then position newest first), valued by its bytes or `None` for a tombstone. Nothing is ever
//!   overwritten or removed; a later write is a new version.
//! - **Positions never decrease.** The writer inserts in commit order: each insert's position is at
//!   least the one before (the keys of one batch share a position), and a (user key, position) is
//!   inserted once. Both are asserted.
//! - **Reads at a position are stable.** A reader at position `at` sees exactly the versions at or
//!   below `at`. Once the writer has published `at` (made every insert at or below it visible, e.g.
//!   by a release store the reader acquires), later inserts all have larger positions, so they are
//!   invisible to that reader: no lock, no copy-on-write, just the key order.
//! - **Bounded by bytes.** [`Memtable::approximate_bytes`] counts every key and value plus
//!   [`ENTRY_OVERHEAD_BYTES`]; the owner flushes the memtable to an sstable before it passes its
//!   budget.
//!
//! Values are `Arc<[u8]>`, keys `Arc<[u8]>`: a reader takes a reference count, never a copy, and
//! may keep the bytes after the memtable is dropped.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use crossbeam_skiplist::map::Entry;
use crossbeam_skiplist::SkipMap;

use super::version::{encode_versioned_into, split_versioned, EntryBytes, VersionedEntry};
use crate::limits::SSTABLE_VALUE_BYTES_MAX;

/// What one entry costs beyond its key and value bytes, as [`Memtable::approximate_bytes`] counts
/// it. The skip list node holds the key and value handles (16 bytes each), a reference count and
/// height (8) and a tower of next pointers (8 bytes a level, 2 levels on average); each `Arc`
/// allocation adds two counters (16 bytes each); the allocator rounds each of the three
/// allocations up. 128 bytes errs on the side of flushing early.
pub const ENTRY_OVERHEAD_BYTES: usize = 128;

type Map = SkipMap<Arc<[u8]>, Option<Arc<[u8]>>>;
type MapEntry<'m> = Entry<'m, Arc<[u8]>, Option<Arc<[u8]>>>;

/// The MVCC in-memory table. `insert` from one thread only; everything else from any thread.
pub struct Memtable {
    entries: Map,
    bytes: AtomicUsize,
    /// Stored before `first_position` is set, so a reader that sees the first position also sees a
    /// last position at least as new.
    last_position: AtomicU64,
    first_position: OnceLock<u64>,
}

/// The figures, never the entries.
impl std::fmt::Debug for Memtable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Memtable")
            .field("len", &self.len())
            .field("approximate_bytes", &self.approximate_bytes())
            .field("first_position", &self.first_position())
            .field("last_position", &self.last_position())
            .finish()
    }
}

impl Default for Memtable {
    fn default() -> Self {
        Self::new()
    }
}

/// The version of a user key that a reader at some position sees.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Version {
    /// The key holds `value`, written at `position`.
    Put { position: u64, value: Arc<[u8]> },
    /// The key was deleted at `position`.
    Deleted { position: u64 },
}

impl Version {
    pub fn position(&self) -> u64 {
        match *self {
            Version::Put { position, .. } | Version::Deleted { position } => position,
        }
    }

    /// The value's bytes, `None` if the key was deleted.
    pub fn value(&self) -> Option<&[u8]> {
        match self {
            Version::Put { value, .. } => Some(value),
            Version::Deleted { .. } => None,
        }
    }
}

impl Memtable {
    pub fn new() -> Self {
        Memtable {
            entries: SkipMap::new(),
            bytes: AtomicUsize::new(0),
            last_position: AtomicU64::new(0),
            first_position: OnceLock::new(),
        }
    }

    /// Inserts `user_key`'s version at `position`: its value, or a tombstone for `None`. Only the
    /// single writer calls this, in commit order: `position` is at least every position inserted
    /// before, and (`user_key`, `position`) is new. Both are asserted (a violation is a bug in the
    /// caller, and the table would answer reads wrongly), and so are the key and value limits
    /// (`TABLE_USER_KEY_BYTES_MAX`, `SSTABLE_VALUE_BYTES_MAX`), which the caller validated.
    pub fn insert(&self, user_key: &[u8], position: u64, value: Option<&[u8]>) {
        if let Some(last) = self.last_position() {
            assert!(
                position >= last,
                "memtable insert at position {position} after position {last}: positions never decrease"
            );
        }
        if let Some(value) = value {
            // A value that no sstable can hold could never be flushed.
            assert!(
                value.len() <= SSTABLE_VALUE_BYTES_MAX,
                "memtable value of {} bytes is over SSTABLE_VALUE_BYTES_MAX ({SSTABLE_VALUE_BYTES_MAX})",
                value.len()
            );
        }
        let mut key = Vec::new();
        encode_versioned_into(user_key, position, &mut key);
        let entry_bytes = key.len() + value.map_or(0, <[u8]>::len) + ENTRY_OVERHEAD_BYTES;
        let mut inserted = false;
        self.entries.get_or_insert_with(Arc::from(key), || {
            inserted = true;
            value.map(Arc::from)
        });
        assert!(
            inserted,
            "memtable insert of user key {user_key:02x?} at position {position} twice"
        );
        self.bytes.fetch_add(entry_bytes, Ordering::Relaxed);
        self.last_position.store(position, Ordering::Release);
        self.first_position.get_or_init(|| position);
    }

    /// The newest version of `user_key` at or below position `at`; `None` if this memtable holds
    /// none (an older table may).
    pub fn get(&self, user_key: &[u8], at: u64) -> Option<Version> {
        let mut seek = Vec::new();
        encode_versioned_into(user_key, at, &mut seek);
        let entry = self
            .entries
            .lower_bound(std::ops::Bound::Included(seek.as_slice()))?;
        let (found_user_key, position) =
            split_versioned(entry.key()).expect("the memtable builds its keys itself");
        if found_user_key != user_key {
            return None;
        }
        assert!(position <= at);
        Some(match entry.value() {
            Some(value) => Version::Put {
                position,
                value: Arc::clone(value),
            },
            None => Version::Deleted { position },
        })
    }

    /// The entries with an internal key in `from..to_exclusive` (to the end for `None`), in
    /// internal-key order: a merge source.
    pub fn range(&self, from: &[u8], to_exclusive: Option<&[u8]>) -> Range<'_> {
        let next = self.entries.lower_bound(std::ops::Bound::Included(from));
        Range {
            next,
            to_exclusive: to_exclusive.map(Box::from),
        }
    }

    /// Every entry in internal-key order (for a flush).
    pub fn iter(&self) -> Range<'_> {
        self.range(&[], None)
    }

    /// Keys and values of every entry, plus [`ENTRY_OVERHEAD_BYTES`] each.
    pub fn approximate_bytes(&self) -> usize {
        self.bytes.load(Ordering::Relaxed)
    }

    /// Entries (versions, tombstones included).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.first_position().is_none()
    }

    /// The position of the first insert, `None` while empty.
    pub fn first_position(&self) -> Option<u64> {
        self.first_position.get().copied()
    }

    /// The position of the latest insert, `None` while empty.
    pub fn last_position(&self) -> Option<u64> {
        // Acquire on `first_position` (inside `get`) orders the load after the store of the last
        // position that preceded setting it.
        self.first_position.get()?;
        Some(self.last_position.load(Ordering::Acquire))
    }
}

/// Memtable entries in internal-key order, from a start key to an optional end. Each step takes a
/// reference count on the key and the value; nothing is copied.
pub struct Range<'m> {
    next: Option<MapEntry<'m>>,
    to_exclusive: Option<Box<[u8]>>,
}

impl Iterator for Range<'_> {
    type Item = VersionedEntry<'static>;

    fn next(&mut self) -> Option<Self::Item> {
        let entry = self.next.take()?;
        if let Some(end) = &self.to_exclusive {
            if entry.key().as_ref() >= end.as_ref() {
                return None;
            }
        }
        self.next = entry.next();
        Some(VersionedEntry {
            key: EntryBytes::Shared(Arc::clone(entry.key())),
            value: entry.value().clone().map(EntryBytes::Shared),
        })
    }
}
