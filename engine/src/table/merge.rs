//! Merging sorted sources of versions (memtables and sstables), and the two views of the merge:
//! what a reader at a position sees ([`VisibleAt`]) and what a compaction keeps
//! ([`CompactionFilter`]). No IO: sources are iterators over bytes already in memory.
//!
//! Invariants:
//! - [`MergingIter`] yields every internal key of its sources once, in strictly increasing order.
//!   Sources are given newest first; if two hold the same internal key (they should not: a
//!   version is written once), the newest source's entry is yielded and the others skipped.
//! - A source's error is yielded in the stream, after the entries that are known to come before
//!   it, and then the merge ends: past a broken source the order can no longer be trusted.
//! - [`VisibleAt`] yields, for each user key, its newest version at or below `at` if that version
//!   is a put: exactly what a read at `at` answers.
//! - [`CompactionFilter`] keeps every version a reader at any position at or above its horizon can
//!   see, and nothing else: reading its output at any `p >= horizon` equals reading its input.
//!
//! Entries carry [`EntryBytes`]: keys and values stay borrowed from the sstable's or the memtable's
//! bytes, so a merge copies no key and no value.

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::fmt;

use super::memtable;
use super::sstable::{self, ReadError};
use super::version::{split_versioned, EntryBytes, VersionKeyError, VersionedEntry};

/// A merge source: versions in strictly increasing internal-key order, or errors.
pub type Source<'s, 'a, E> = Box<dyn Iterator<Item = Result<VersionedEntry<'a>, E>> + 's>;

/// A memtable range as a merge source (it never fails).
pub fn memtable_source<'s, 'a: 's, E: 's>(range: memtable::Range<'a>) -> Source<'s, 'a, E> {
    Box::new(range.map(Ok))
}

/// An sstable range as a merge source; its entries keep borrowing the table's bytes.
pub fn sstable_source<'s, 'a: 's>(range: sstable::Range<'s, 'a>) -> Source<'s, 'a, ReadError> {
    Box::new(range.map(|entry| entry.map(VersionedEntry::from)))
}

/// Why a view of a merge stopped: a source failed, or an entry's key is not an internal key.
#[derive(Debug, thiserror::Error)]
pub enum MergeError<E> {
    #[error("a merge source failed: {0}")]
    Source(E),
    #[error("a merge source holds a key that is not an internal key: {0}")]
    Key(#[from] VersionKeyError),
}

impl MergeError<crate::error::Error> {
    /// The engine error of a merge of `place`'s tables: a source's own error, or a key that is
    /// not versioned reported as corruption of `place`.
    pub fn into_engine_error(self, place: impl AsRef<std::path::Path>) -> crate::error::Error {
        match self {
            MergeError::Source(error) => error,
            MergeError::Key(error) => crate::error::Error::Corrupt {
                path: place.as_ref().to_path_buf(),
                offset: 0,
                reason: format!("a table holds a key that is not versioned: {error}"),
            },
        }
    }
}

/// The head entry of one source, ordered so that `BinaryHeap` (a max-heap) pops the smallest key
/// first, and of equal keys the newest source (smallest index) first.
struct Head<'a> {
    entry: VersionedEntry<'a>,
    source: usize,
}

impl Ord for Head<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        (&*other.entry.key, other.source).cmp(&(&*self.entry.key, self.source))
    }
}

impl PartialOrd for Head<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Head<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Head<'_> {}

/// A k-way merge of sources given newest first. Holds one entry per source.
pub struct MergingIter<'a, E, I> {
    sources: Vec<I>,
    heads: BinaryHeap<Head<'a>>,
    started: bool,
    /// An error pulled from a source, yielded after the entry being returned.
    pending_error: Option<E>,
    done: bool,
    /// The last key yielded, to assert that the output rises strictly.
    last_key: Option<EntryBytes<'a>>,
    duplicates_skipped: u64,
}

impl<'a, E, I> MergingIter<'a, E, I>
where
    I: Iterator<Item = Result<VersionedEntry<'a>, E>>,
{
    /// Merges `sources`, the newest first. Nothing is read until the first `next`.
    pub fn new(sources: Vec<I>) -> Self {
        let heads = BinaryHeap::with_capacity(sources.len());
        MergingIter {
            sources,
            heads,
            started: false,
            pending_error: None,
            done: false,
            last_key: None,
            duplicates_skipped: 0,
        }
    }

    /// Entries skipped because a newer source held the same internal key (expected: 0).
    pub fn duplicates_skipped(&self) -> u64 {
        self.duplicates_skipped
    }

    /// Pulls the next entry of `source` into the heap; keeps the first error.
    fn refill(&mut self, source: usize) {
        match self.sources[source].next() {
            Some(Ok(entry)) => self.heads.push(Head { entry, source }),
            // Keep the first error: the merge ends when it is yielded.
            Some(Err(e)) => {
                self.pending_error.get_or_insert(e);
            }
            None => {}
        }
    }

    fn start(&mut self) {
        self.started = true;
        for source in 0..self.sources.len() {
            self.refill(source);
        }
    }
}

impl<'a, E, I> Iterator for MergingIter<'a, E, I>
where
    I: Iterator<Item = Result<VersionedEntry<'a>, E>>,
{
    type Item = Result<VersionedEntry<'a>, E>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        if !self.started {
            self.start();
        }
        if let Some(e) = self.pending_error.take() {
            self.done = true;
            self.heads.clear();
            return Some(Err(e));
        }
        let Some(Head { entry, source }) = self.heads.pop() else {
            self.done = true;
            return None;
        };
        self.refill(source);
        while let Some(head) = self.heads.peek() {
            if head.entry.key != entry.key {
                break;
            }
            // The heap orders equal keys by source, so this one is older than `entry`.
            assert!(head.source > source);
            let older = self.heads.pop().expect("peeked").source;
            self.duplicates_skipped += 1;
            self.refill(older);
        }
        if let Some(last) = &self.last_key {
            assert!(
                *last < entry.key,
                "a merge source is not in strictly increasing key order: {:?} after {:?}",
                entry.key,
                last
            );
        }
        self.last_key = Some(entry.key.clone());
        Some(Ok(entry))
    }
}

/// A user key, kept as the internal key of one of its versions (a reference count or a borrow,
/// never a copy) and its length.
#[derive(Default)]
struct DecidedUserKey<'a> {
    internal_key: Option<EntryBytes<'a>>,
    user_key_len: usize,
}

impl<'a> DecidedUserKey<'a> {
    fn is(&self, user_key: &[u8]) -> bool {
        self.internal_key
            .as_ref()
            .is_some_and(|key| &key[..self.user_key_len] == user_key)
    }

    fn set(&mut self, internal_key: &EntryBytes<'a>, user_key_len: usize) {
        assert!(user_key_len <= internal_key.len());
        self.internal_key = Some(internal_key.clone());
        self.user_key_len = user_key_len;
    }
}

/// The version of one user key that a reader at some position sees, borrowed or shared like the
/// merge's entries.
#[derive(Clone, PartialEq, Eq)]
pub struct VisibleEntry<'a> {
    /// The internal key of the version (the user key and the version's position).
    pub internal_key: EntryBytes<'a>,
    pub value: EntryBytes<'a>,
    pub position: u64,
}

impl VisibleEntry<'_> {
    /// The user key: the internal key without its version suffix.
    pub fn user_key(&self) -> &[u8] {
        let (user_key, _) =
            split_versioned(&self.internal_key).expect("VisibleAt yields split keys only");
        user_key
    }
}

impl fmt::Debug for VisibleEntry<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("VisibleEntry")
            .field("user_key", &self.user_key())
            .field("position", &self.position)
            .field("value", &self.value)
            .finish()
    }
}

/// What a reader at position `at` sees in a merged stream: for each user key, its newest version
/// at or below `at`, skipped if that is a tombstone or if there is none. Ends after an error.
pub struct VisibleAt<'a, I> {
    merged: I,
    at: u64,
    /// The last user key decided (yielded, or found deleted): its older versions are skipped.
    decided: DecidedUserKey<'a>,
    done: bool,
}

impl<'a, E, I> VisibleAt<'a, I>
where
    I: Iterator<Item = Result<VersionedEntry<'a>, E>>,
{
    /// `merged` is in internal-key order (a [`MergingIter`], or one source).
    pub fn new(merged: I, at: u64) -> Self {
        VisibleAt {
            merged,
            at,
            decided: DecidedUserKey::default(),
            done: false,
        }
    }

    fn step(&mut self) -> Result<Option<VisibleEntry<'a>>, MergeError<E>> {
        for item in self.merged.by_ref() {
            let entry = item.map_err(MergeError::Source)?;
            let (user_key, position) = split_versioned(&entry.key)?;
            if position > self.at || self.decided.is(user_key) {
                continue;
            }
            // The newest version at or below `at`: versions of a user key come newest first.
            self.decided.set(&entry.key, user_key.len());
            if let Some(value) = entry.value {
                return Ok(Some(VisibleEntry {
                    internal_key: entry.key,
                    value,
                    position,
                }));
            }
        }
        Ok(None)
    }
}

impl<'a, E, I> Iterator for VisibleAt<'a, I>
where
    I: Iterator<Item = Result<VersionedEntry<'a>, E>>,
{
    type Item = Result<VisibleEntry<'a>, MergeError<E>>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let result = self.step();
        if !matches!(result, Ok(Some(_))) {
            self.done = true;
        }
        result.transpose()
    }
}

/// What a [`CompactionFilter`] dropped and kept, for write-amplification reports.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CompactionStats {
    /// Entries read from the merge.
    pub entries_in: u64,
    /// Entries yielded.
    pub entries_out: u64,
    /// Versions at or below the horizon under a newer version at or below it: no reader at or
    /// above the horizon can see them.
    pub superseded_dropped: u64,
    /// Tombstones that were the newest version at or below the horizon, dropped because nothing
    /// older remains below the compaction's output.
    pub tombstones_dropped: u64,
}

/// Filters a merged stream for a compaction whose output is read only at positions at or above
/// `horizon` (no reader is older). For each user key it keeps every version above the horizon and
/// the newest version at or below it (what a reader at the horizon sees), and drops the older ones.
/// That newest version is dropped too if it is a tombstone and `drop_tombstones_at_horizon`: the
/// caller says so only when the output goes to the bottom of the tree (no older table remains
/// below it, so no older version could reappear). Yields internal entries ready for
/// `SstableWriter::add`, in order. Ends after an error.
pub struct CompactionFilter<'a, I> {
    merged: I,
    horizon: u64,
    drop_tombstones_at_horizon: bool,
    /// The last user key whose newest version at or below the horizon was decided (kept or
    /// dropped): its older versions are dropped.
    decided: DecidedUserKey<'a>,
    stats: CompactionStats,
    done: bool,
}

impl<'a, E, I> CompactionFilter<'a, I>
where
    I: Iterator<Item = Result<VersionedEntry<'a>, E>>,
{
    pub fn new(merged: I, horizon: u64, drop_tombstones_at_horizon: bool) -> Self {
        CompactionFilter {
            merged,
            horizon,
            drop_tombstones_at_horizon,
            decided: DecidedUserKey::default(),
            stats: CompactionStats::default(),
            done: false,
        }
    }

    /// What was read, kept and dropped so far.
    pub fn stats(&self) -> CompactionStats {
        self.stats
    }

    fn step(&mut self) -> Result<Option<VersionedEntry<'a>>, MergeError<E>> {
        for item in self.merged.by_ref() {
            let entry = item.map_err(MergeError::Source)?;
            self.stats.entries_in += 1;
            let (user_key, position) = split_versioned(&entry.key)?;
            if position > self.horizon {
                self.stats.entries_out += 1;
                return Ok(Some(entry));
            }
            if self.decided.is(user_key) {
                self.stats.superseded_dropped += 1;
                continue;
            }
            self.decided.set(&entry.key, user_key.len());
            if entry.is_tombstone() && self.drop_tombstones_at_horizon {
                self.stats.tombstones_dropped += 1;
                continue;
            }
            self.stats.entries_out += 1;
            return Ok(Some(entry));
        }
        Ok(None)
    }
}

impl<'a, E, I> Iterator for CompactionFilter<'a, I>
where
    I: Iterator<Item = Result<VersionedEntry<'a>, E>>,
{
    type Item = Result<VersionedEntry<'a>, MergeError<E>>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let result = self.step();
        if !matches!(result, Ok(Some(_))) {
            self.done = true;
        }
        result.transpose()
    }
}
