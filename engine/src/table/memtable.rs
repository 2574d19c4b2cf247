//! `Memtable`: the in-memory table of recent versions, written by one thread (the shard applying
//! committed batches) and read by any number of threads at once.
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
//!   invisible to that reader: no copy-on-write, just the key order.
//! - **Bounded by bytes.** [`Memtable::approximate_bytes`] counts every key and value plus
//!   [`ENTRY_OVERHEAD_BYTES`] a version and [`KEY_OVERHEAD_BYTES`] a user key; the owner flushes
//!   the memtable to an sstable before it passes its budget.
//!
//! **Layout: a skip list of user keys, each with its versions in a vector.** A key's new version
//! is appended to the key's vector (positions ascending), which the writer finds through a hash
//! map of its own: an update of a key the memtable holds costs a hash lookup and a push, not a
//! skip-list search among every version (a third of the shard's CPU per commit at 256 writers
//! when each version was a skip-list entry: `docs/benchmarks.md`). Only a key's first version
//! searches the skip list. A key's vector sits behind a `RwLock` that the writer holds for one
//! push and a reader for one lookup (a binary search) or one step of a range: a reader waits at
//! most for one push of that key (or, while the writer waits for that key, for the readers ahead
//! of it), never for a search.
//!
//! Values are `Arc<[u8]>`, internal keys `Arc<[u8]>`: a reader takes a reference count, never a
//! copy, and may keep the bytes after the memtable is dropped.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock, RwLock};

use crossbeam_skiplist::map::Entry;
use crossbeam_skiplist::SkipMap;

use super::version::{
    encode_versioned_into, split_versioned, EntryBytes, VersionedEntry, USER_KEY_TERMINATOR,
};
use crate::limits::SSTABLE_VALUE_BYTES_MAX;

/// What one version costs beyond its internal key and value bytes, as
/// [`Memtable::approximate_bytes`] counts it: its slot in its key's vector (position and two
/// handles, 40 bytes, up to twice that while the vector has room to grow — a key of 2 versions
/// holds 4 slots), the two `Arc` allocations' counters (16 bytes each), and the allocator's
/// rounding. Measured with a counting allocator, 128 bytes undercounted keys of 2 to 5 versions
/// by up to 15 %; 160 covers them.
pub const ENTRY_OVERHEAD_BYTES: usize = 160;

/// What one user key costs beyond its bytes, counted with its first version: the skip list node
/// (key and value handles, reference count and height, a tower of two next pointers on average),
/// the key's `Arc` and its versions' (counters, lock and vector header), and the writer's hash
/// map slot.
pub const KEY_OVERHEAD_BYTES: usize = 192;

/// One version of a user key.
#[derive(Clone)]
struct StoredVersion {
    position: u64,
    /// The internal key (`table::version`): handed out by ranges without a copy.
    key: Arc<[u8]>,
    value: Option<Arc<[u8]>>,
}

/// A user key's versions, positions ascending (the newest last).
#[derive(Default)]
struct KeyVersions {
    versions: RwLock<Vec<StoredVersion>>,
}

impl KeyVersions {
    fn read(&self) -> std::sync::RwLockReadGuard<'_, Vec<StoredVersion>> {
        // A panic while the lock was held happened in a push (an allocation failure): the
        // vector is whole either way.
        self.versions.read().unwrap_or_else(|p| p.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, Vec<StoredVersion>> {
        self.versions.write().unwrap_or_else(|p| p.into_inner())
    }
}

type Map = SkipMap<Arc<[u8]>, Arc<KeyVersions>>;
type MapEntry<'m> = Entry<'m, Arc<[u8]>, Arc<KeyVersions>>;

/// The MVCC in-memory table. `insert` from one thread only; everything else from any thread.
pub struct Memtable {
    /// Every user key, in order, with its versions.
    keys: Map,
    /// The writer's way to a key's versions without a skip-list search. Only `insert` locks it,
    /// so the lock is never contended; it makes `Memtable` shareable across threads.
    writer_index: Mutex<foldhash::HashMap<Arc<[u8]>, Arc<KeyVersions>>>,
    /// Versions, tombstones included.
    len: AtomicUsize,
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
            .field("keys", &self.keys.len())
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
            keys: SkipMap::new(),
            writer_index: Mutex::new(foldhash::HashMap::default()),
            len: AtomicUsize::new(0),
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
        let mut added_bytes = key.len() + value.map_or(0, <[u8]>::len) + ENTRY_OVERHEAD_BYTES;
        let version = StoredVersion {
            position,
            key: Arc::from(key),
            value: value.map(Arc::from),
        };
        let mut writer_index = self.writer_index.lock().unwrap_or_else(|p| p.into_inner());
        match writer_index.get(user_key) {
            Some(versions) => {
                let mut versions = versions.write();
                let newest = versions
                    .last()
                    .expect("a key is indexed with its first version");
                assert!(
                    newest.position < position,
                    "memtable insert of user key {user_key:02x?} at position {position} twice"
                );
                versions.push(version);
            }
            None => {
                added_bytes += user_key.len() + KEY_OVERHEAD_BYTES;
                let user_key: Arc<[u8]> = Arc::from(user_key);
                let versions = Arc::new(KeyVersions {
                    versions: RwLock::new(vec![version]),
                });
                writer_index.insert(Arc::clone(&user_key), Arc::clone(&versions));
                // Readers find the key from here on, with its first version.
                self.keys.insert(user_key, versions);
            }
        }
        drop(writer_index);
        self.len.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(added_bytes, Ordering::Relaxed);
        self.last_position.store(position, Ordering::Release);
        self.first_position.get_or_init(|| position);
    }

    /// The newest version of `user_key` at or below position `at`; `None` if this memtable holds
    /// none (an older table may).
    pub fn get(&self, user_key: &[u8], at: u64) -> Option<Version> {
        let entry = self.keys.get(user_key)?;
        let versions = entry.value().read();
        let visible = versions.partition_point(|version| version.position <= at);
        let version = &versions[visible.checked_sub(1)?];
        debug_assert!(version.position <= at);
        Some(match &version.value {
            Some(value) => Version::Put {
                position: version.position,
                value: Arc::clone(value),
            },
            None => Version::Deleted {
                position: version.position,
            },
        })
    }

    /// The entries with an internal key in `from..to_exclusive` (to the end for `None`), in
    /// internal-key order: a merge source.
    pub fn range(&self, from: &[u8], to_exclusive: Option<&[u8]>) -> Range<'_> {
        // The user keys with a version at or after `from`: every key at or after `from` (all of
        // its versions are), and, below `from`, only the prefixes of `from` that end where `from`
        // has a 0x00 (the internal keys' terminator): a shorter key that is not such a prefix
        // differs from `from` at a smaller byte or is followed in `from` by a byte above the
        // terminator, so all its versions sort below `from`. A seek is thus one skip-list search
        // per 0x00 in `from` (a handful: the separators of a table key) plus one; the versions
        // below `from` of those prefixes are skipped by comparison.
        let mut prefixes: Vec<MapEntry<'_>> = from
            .iter()
            .enumerate()
            .filter(|&(_, &byte)| byte == USER_KEY_TERMINATOR)
            .filter_map(|(end, _)| self.keys.get(&from[..end]))
            .collect();
        // Shortest (smallest) first, taken from the back.
        prefixes.reverse();
        let mut range = Range {
            key: None,
            remaining: 0,
            prefixes,
            at_or_after_from: Some(self.keys.lower_bound(std::ops::Bound::Included(from))),
            from: (!from.is_empty()).then(|| Box::from(from)),
            to_exclusive: to_exclusive.map(Box::from),
        };
        let first = range.next_key();
        range.enter(first);
        range
    }

    /// Every entry in internal-key order (for a flush).
    pub fn iter(&self) -> Range<'_> {
        self.range(&[], None)
    }

    /// Keys and values of every entry, plus [`ENTRY_OVERHEAD_BYTES`] each and
    /// [`KEY_OVERHEAD_BYTES`] (and the user key's bytes) for each user key.
    pub fn approximate_bytes(&self) -> usize {
        self.bytes.load(Ordering::Relaxed)
    }

    /// Entries (versions, tombstones included).
    pub fn len(&self) -> usize {
        self.len.load(Ordering::Relaxed)
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
///
/// A user key's versions are taken as they were when the range reached the key: a version the
/// writer appends later has a position above every reader's (see the module doc), so no reader
/// misses it.
pub struct Range<'m> {
    /// The user key whose versions are being handed out.
    key: Option<MapEntry<'m>>,
    /// Its versions not handed out yet: indices `0..remaining`, handed out from the newest down.
    remaining: usize,
    /// The user keys below `from` that may have versions at or after it (see `Memtable::range`),
    /// to visit first, the smallest last.
    prefixes: Vec<MapEntry<'m>>,
    /// The first user key at or after `from`, until it is visited; from there on, each key's
    /// successor.
    at_or_after_from: Option<Option<MapEntry<'m>>>,
    /// Versions below this internal key are skipped; `None` once one was not.
    from: Option<Box<[u8]>>,
    to_exclusive: Option<Box<[u8]>>,
}

impl<'m> Range<'m> {
    fn enter(&mut self, key: Option<MapEntry<'m>>) {
        self.remaining = key.as_ref().map_or(0, |key| key.value().read().len());
        self.key = key;
    }

    /// The user key after the current one: the prefixes of `from` first, then the first key at
    /// or after `from`, then successors.
    fn next_key(&mut self) -> Option<MapEntry<'m>> {
        if let Some(prefix) = self.prefixes.pop() {
            return Some(prefix);
        }
        if let Some(first) = self.at_or_after_from.take() {
            return first;
        }
        self.key.as_ref()?.next()
    }
}

impl Iterator for Range<'_> {
    type Item = VersionedEntry<'static>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let key = self.key.as_ref()?;
            if self.remaining == 0 {
                let next = self.next_key();
                self.enter(next);
                continue;
            }
            self.remaining -= 1;
            let version = key.value().read()[self.remaining].clone();
            if let Some(from) = &self.from {
                if version.key.as_ref() < from.as_ref() {
                    continue;
                }
                self.from = None;
            }
            if let Some(end) = &self.to_exclusive {
                if version.key.as_ref() >= end.as_ref() {
                    self.key = None;
                    return None;
                }
            }
            debug_assert!(split_versioned(&version.key)
                .is_ok_and(|(user_key, position)| user_key == key.key().as_ref()
                    && position == version.position));
            return Some(VersionedEntry {
                key: EntryBytes::Shared(version.key),
                value: version.value.map(EntryBytes::Shared),
            });
        }
    }
}
