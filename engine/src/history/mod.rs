//! History: one shard's in-memory tail of committed changes, streamable in commit order.
//!
//! Every change the apply step yields (`state::AppliedChange`: action, old, new, position) is
//! recorded here, owned, with its batch's commit time. The tail reaches back to a horizon set by
//! [`HistoryLimits`]: a number of changes, a number of estimated bytes and an age. Readers (the
//! subscriptions, next) stream it from any position inside the horizon, by pages
//! ([`History::read_from`]) or by borrowing iterator ([`History::iter_from`]). Sans-IO: time comes in
//! as each batch's commit time, nothing here reads a clock.
//!
//! # Invariants
//! - Commit order: changes are kept in the order they were recorded; positions never fall (a
//!   change at a lower position than the last one recorded is a programmer error and panics).
//!   Positions may have gaps.
//! - Whole batches: the changes of one position (one batch) are kept, evicted and paged together.
//! - Limits: after every [`History::record`] all three limits hold, or the history holds only its
//!   newest batch (see *Eviction*).
//! - Exact horizon: the history remembers the position of the last batch it evicted,
//!   `evicted_through`. A read from `p` is answered iff `p > evicted_through`: then no change at or
//!   after `p` was ever evicted, whatever gaps the positions have.
//!
//! # Eviction
//! After each change is recorded, whole batches are evicted from the oldest end while the history
//! holds more than `changes_max` changes, or more than `bytes_max` estimated bytes, or its oldest
//! batch's commit time is more than `age_max_ms` before the newest commit time seen. The newest
//! batch is never evicted: a single batch larger than a limit is kept, alone. It is bounded anyway:
//! a batch has at most `BATCH_COMMANDS_MAX` (1,024) changes, each with two resources of at most
//! about 1 MiB of data; so is what one [`Page`] holds beyond its asked limits. Age is measured
//! against the newest commit time recorded (the largest seen, if the clock stepped back), so an idle
//! shard keeps its tail until its next commit.
//!
//! # Memory bound
//! Each change is charged [`HistoryChange::estimated_bytes`]: the change record itself plus, for
//! each resource it holds, the `Resource` struct, its `Arc` header, and the bytes of its strings,
//! data and tags (a clone allocates exactly its length; each tag is charged `TAG_ENTRY_OVERHEAD_BYTES`
//! for its map node). Each batch is charged [`BATCH_OVERHEAD_BYTES`] for its index entry. The sum is
//! kept at or under `bytes_max` (but for the single-batch case above). What the estimate leaves out
//! is the allocator's rounding and the two deques' spare capacity: they are kept in chunks of
//! [`deque::CHUNK_ENTRIES`] entries ([`deque::ChunkedDeque`]), so the spare is at most a partly
//! filled chunk at each end and one emptied chunk, whatever the number kept (under a megabyte
//! each). A record never moves the changes already kept: no reallocation of a large deque on the
//! shard's thread, under the history's lock.
//!
//! # `Compacted`
//! A read from a position at or before `evicted_through` fails with
//! [`HistoryError::Compacted`]` { oldest_available, current }`: `oldest_available` is the smallest
//! position a read is answered from now (`evicted_through + 1`), `current` the position of the last
//! recorded batch. Changes the client has not seen are gone, so it cannot resume; it lists again
//! (a snapshot at `current`) and streams from `current + 1`. A read from beyond `current` is not an
//! error: it is an empty page whose `next_position` is the position asked (nothing is there yet; a
//! subscriber that is up to date reads from `current + 1`).
//!
//! Resources are held in `Arc`s: recording clones each resource once; a page clones only pointers;
//! the iterator borrows.

pub mod deque;
pub mod file;

use std::mem::size_of;
use std::sync::Arc;

use self::deque::ChunkedDeque;
use crate::limits::*;
use crate::resource::Resource;
use crate::state::{Action, AppliedChange};

/// Bytes charged to each tag of a resource beyond its key and value: the map node's share and the
/// two strings' headers.
pub const TAG_ENTRY_OVERHEAD_BYTES: u64 = 64;
/// Bytes charged to each batch for its index entry.
pub const BATCH_OVERHEAD_BYTES: u64 = size_of::<BatchInfo>() as u64;

/// The horizon of one shard's history. A batch is evicted once any limit is broken (see the module
/// doc); every field must be at least 1 and at most its `HISTORY_*_MAX`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HistoryLimits {
    /// Changes kept. Default `HISTORY_CHANGES_DEFAULT` (1 Mi).
    pub changes_max: usize,
    /// Estimated bytes kept. Default `HISTORY_BYTES_DEFAULT` (64 MiB).
    pub bytes_max: u64,
    /// How far back, in commit time, from the newest commit. Default `HISTORY_AGE_MS_DEFAULT` (1 h).
    pub age_max_ms: u64,
}

impl Default for HistoryLimits {
    fn default() -> Self {
        HistoryLimits {
            changes_max: HISTORY_CHANGES_DEFAULT,
            bytes_max: HISTORY_BYTES_DEFAULT,
            age_max_ms: HISTORY_AGE_MS_DEFAULT,
        }
    }
}

impl HistoryLimits {
    pub fn validate(&self) -> Result<(), HistoryError> {
        check_range(
            "changes_max",
            self.changes_max as u64,
            HISTORY_CHANGES_MAX as u64,
        )?;
        check_range("bytes_max", self.bytes_max, HISTORY_BYTES_MAX)?;
        check_range("age_max_ms", self.age_max_ms, HISTORY_AGE_MS_MAX)
    }
}

fn check_range(field: &'static str, value: u64, max: u64) -> Result<(), HistoryError> {
    if value == 0 || value > max {
        return Err(HistoryError::InvalidLimit {
            field,
            value,
            rule: format!("1 to {max}"),
        });
    }
    Ok(())
}

/// Checks a history page's limits: `max_changes` 1 to `HISTORY_PAGE_CHANGES_MAX`, `max_bytes` 1 to
/// `HISTORY_PAGE_BYTES_MAX`.
pub fn check_page_limits(max_changes: usize, max_bytes: u64) -> Result<(), HistoryError> {
    check_range(
        "max_changes",
        max_changes as u64,
        HISTORY_PAGE_CHANGES_MAX as u64,
    )?;
    check_range("max_bytes", max_bytes, HISTORY_PAGE_BYTES_MAX)
}

/// What a history read cannot answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HistoryError {
    /// Some change at or after the position asked was evicted. List again at `current` and stream
    /// from `current + 1`.
    #[error("history is compacted before position {oldest_available} (current {current}); list again and stream from {current} + 1")]
    Compacted { oldest_available: u64, current: u64 },
    /// A history limit or a page limit is out of its range; nothing was done.
    #[error("invalid history limit {field} = {value}: {rule}")]
    InvalidLimit {
        field: &'static str,
        value: u64,
        rule: String,
    },
}

/// One recorded change, owned: what the apply step yielded, with its batch's commit time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistoryChange {
    pub position: u64,
    pub commit_time_ms: u64,
    pub action: Action,
    pub old: Option<Arc<Resource>>,
    pub new: Option<Arc<Resource>>,
}

impl HistoryChange {
    /// The estimate this change is charged (see the module doc).
    pub fn estimated_bytes(&self) -> u64 {
        let resource = |r: &Option<Arc<Resource>>| r.as_deref().map_or(0, resource_estimated_bytes);
        size_of::<HistoryChange>() as u64 + resource(&self.old) + resource(&self.new)
    }
}

/// The estimate one held resource is charged: struct, `Arc` counts, and its heap bytes.
pub fn resource_estimated_bytes(r: &Resource) -> u64 {
    let strings = r.api_version.len() + r.namespace.len() + r.name.len() + r.kind.len();
    let tags: u64 = r
        .tags
        .iter()
        .map(|(k, v)| (k.len() + v.len()) as u64 + TAG_ENTRY_OVERHEAD_BYTES)
        .sum();
    (size_of::<Resource>() + 2 * size_of::<usize>() + strings + r.owner.len() + r.data.len()) as u64
        + tags
}

/// The index entry of one kept batch.
#[derive(Clone, Copy, Debug)]
struct BatchInfo {
    position: u64,
    commit_time_ms: u64,
    /// The sequence number (count of changes ever recorded before it) of the batch's first change.
    first_sequence: u64,
    changes: usize,
    bytes: u64,
}

/// A page of history: whole batches in commit order, and where to continue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    pub changes: Vec<HistoryChange>,
    /// The position to read from next: one past the last batch in the page, or the position asked
    /// if the page is empty.
    pub next_position: u64,
    /// The position of the last recorded batch when the page was read (0: none yet).
    pub current: u64,
}

/// One shard's history tail. See the module doc.
#[derive(Debug)]
pub struct History {
    limits: HistoryLimits,
    changes: ChunkedDeque<HistoryChange>,
    batches: ChunkedDeque<BatchInfo>,
    bytes: u64,
    /// Sequence number of `changes[0]`.
    front_sequence: u64,
    /// Position of the last recorded batch (0: none).
    current: u64,
    /// The newest commit time recorded (the largest seen).
    newest_time_ms: u64,
    /// Position of the last evicted batch (0: none).
    evicted_through: u64,
    /// Batches above this position are never evicted: in an engine, the changes not yet in a
    /// history file (see [`History::persisted_through`]). `u64::MAX` for a history of its own.
    evictable_through: u64,
}

impl History {
    pub fn new(limits: HistoryLimits) -> Result<Self, HistoryError> {
        limits.validate()?;
        Ok(History {
            limits,
            changes: ChunkedDeque::new(),
            batches: ChunkedDeque::new(),
            bytes: 0,
            front_sequence: 0,
            current: 0,
            newest_time_ms: 0,
            evicted_through: 0,
            evictable_through: u64::MAX,
        })
    }

    /// A history that begins after `position`: reads from at or below it are `Compacted` (the
    /// changes before a restart that the tables already held are not kept).
    pub fn after(limits: HistoryLimits, position: u64) -> Result<Self, HistoryError> {
        let mut history = History::new(limits)?;
        history.current = position;
        history.evicted_through = position;
        Ok(history)
    }

    /// The in-memory tail of an engine's shard, beside its history files: it begins after
    /// `persisted` (the files hold the changes up to it) and evicts a batch only once a file holds
    /// it ([`History::persisted_through`]), whatever the limits say.
    pub fn tail_after(limits: HistoryLimits, persisted: u64) -> Result<Self, HistoryError> {
        let mut history = History::after(limits, persisted)?;
        history.evictable_through = persisted;
        Ok(history)
    }

    /// Says that history files now hold every change up to `position`: those batches may be
    /// evicted when the limits ask. Evicts them all here; an engine, whose shard records under the
    /// same lock, uses [`History::persist_and_evict_some`] instead.
    pub fn persisted_through(&mut self, position: u64) {
        let mut evicted = Vec::new();
        while !self.persist_and_evict_some(position, usize::MAX, &mut evicted) {}
    }

    /// One step of [`History::persisted_through`]: evicts the oldest whole batches at or below
    /// `position` while a limit is broken, moving their changes into `evicted` (for the caller to
    /// drop after it lets go of the history's lock), and stops before a batch that would take
    /// `evicted` past `max_changes` (a first batch is always taken). Returns `true` once every batch
    /// at or below `position` that the limits let go is evicted, and only then lets later records
    /// evict up to `position`: until then they evict only what the steps already reached, so the
    /// recording thread never inherits a flush's worth of evictions.
    ///
    /// Why in steps: once a flush's history file is durable, a memtable's worth of changes (about
    /// 28 ms of frees for a 64 MiB memtable, measured) becomes evictable at once, and the shard
    /// records each commit under this history's lock (`docs/benchmarks.md`).
    pub fn persist_and_evict_some(
        &mut self,
        position: u64,
        max_changes: usize,
        evicted: &mut Vec<HistoryChange>,
    ) -> bool {
        assert!(
            position <= self.current,
            "persisted {position} beyond the recorded {}",
            self.current
        );
        let taken_before = evicted.len();
        loop {
            let oldest = match self.batches.front() {
                Some(oldest)
                    if self.batches.len() > 1
                        && oldest.position <= position
                        && self.over_limits(oldest) =>
                {
                    *oldest
                }
                _ => {
                    self.evictable_through = self.evictable_through.max(position);
                    return true;
                }
            };
            if evicted.len() > taken_before && evicted.len() + oldest.changes > max_changes {
                return false;
            }
            self.evict_oldest(|change| evicted.push(change));
            self.evictable_through = self.evictable_through.max(oldest.position);
        }
    }

    /// Records one change (cloning its resources), then evicts the oldest whole batches until the
    /// limits hold. A change at the position of the last one joins its batch (its commit time must
    /// be the batch's); a higher position starts a new batch. Feed it every change of a batch before
    /// the next batch's, as `State::apply_with` yields them.
    pub fn record(&mut self, change: AppliedChange<'_>, commit_time_ms: u64) {
        let owned = HistoryChange {
            position: change.position,
            commit_time_ms,
            action: change.action,
            old: change.old.map(|r| Arc::new(r.clone())),
            new: change.new.map(|r| Arc::new(r.clone())),
        };
        self.record_owned(owned);
    }

    /// [`History::record`] for a change already owned (recovery, tests, benchmarks).
    pub fn record_owned(&mut self, change: HistoryChange) {
        assert!(change.position >= 1, "positions start at 1");
        assert!(
            change.position >= self.current,
            "history records in commit order: position {} after {}",
            change.position,
            self.current
        );
        let bytes = change.estimated_bytes();
        let joins = change.position == self.current && !self.batches.is_empty();
        if joins {
            let last = self
                .batches
                .back_mut()
                .expect("a batch at the current position");
            assert_eq!(last.position, change.position);
            assert_eq!(
                last.commit_time_ms, change.commit_time_ms,
                "one batch, one commit time"
            );
            last.changes += 1;
            last.bytes += bytes;
            self.bytes += bytes;
        } else {
            self.batches.push_back(BatchInfo {
                position: change.position,
                commit_time_ms: change.commit_time_ms,
                first_sequence: self.front_sequence + self.changes.len() as u64,
                changes: 1,
                bytes: BATCH_OVERHEAD_BYTES + bytes,
            });
            self.bytes += BATCH_OVERHEAD_BYTES + bytes;
            self.current = change.position;
            self.newest_time_ms = self.newest_time_ms.max(change.commit_time_ms);
        }
        self.changes.push_back(change);
        self.evict();
    }

    fn over_limits(&self, oldest: &BatchInfo) -> bool {
        self.changes.len() > self.limits.changes_max
            || self.bytes > self.limits.bytes_max
            || self.newest_time_ms.saturating_sub(oldest.commit_time_ms) > self.limits.age_max_ms
    }

    /// Evicts the oldest whole batches while a limit is broken, keeping the newest batch.
    fn evict(&mut self) {
        while self.batches.len() > 1
            && self.batches.front().is_some_and(|oldest| {
                oldest.position <= self.evictable_through && self.over_limits(oldest)
            })
        {
            self.evict_oldest(drop);
        }
    }

    /// Evicts the oldest batch (never the only one), handing each of its changes to `take`.
    fn evict_oldest(&mut self, mut take: impl FnMut(HistoryChange)) {
        assert!(self.batches.len() > 1, "the newest batch is never evicted");
        let oldest = self.batches.pop_front().expect("more than one batch");
        assert_eq!(oldest.first_sequence, self.front_sequence);
        for _ in 0..oldest.changes {
            let change = self.changes.pop_front().expect("the batch's changes");
            debug_assert_eq!(change.position, oldest.position);
            take(change);
        }
        self.front_sequence += oldest.changes as u64;
        self.bytes -= oldest.bytes;
        self.evicted_through = oldest.position;
    }

    /// The index of the first kept batch at or after `from_position`, or `Compacted`.
    fn locate(&self, from_position: u64) -> Result<usize, HistoryError> {
        if from_position.max(1) <= self.evicted_through {
            return Err(HistoryError::Compacted {
                oldest_available: self.oldest_available(),
                current: self.current,
            });
        }
        Ok(self.batches.partition_point(|b| b.position < from_position))
    }

    fn change_index(&self, batch: &BatchInfo) -> usize {
        (batch.first_sequence - self.front_sequence) as usize
    }

    /// The changes at positions `>= from_position`, in commit order, as whole batches: batches are
    /// added while the page stays within `max_changes` and `max_bytes` (estimated, as charged); the
    /// first batch is always added, so a batch larger than the page limits comes alone, whole.
    /// `max_changes` is 1 to `HISTORY_PAGE_CHANGES_MAX`, `max_bytes` 1 to `HISTORY_PAGE_BYTES_MAX`.
    pub fn read_from(
        &self,
        from_position: u64,
        max_changes: usize,
        max_bytes: u64,
    ) -> Result<Page, HistoryError> {
        check_page_limits(max_changes, max_bytes)?;
        let first = self.locate(from_position)?;
        let (mut count, mut bytes, mut next_position) = (0usize, 0u64, from_position);
        for batch in self.batches.iter_from(first) {
            let fits = count + batch.changes <= max_changes && bytes + batch.bytes <= max_bytes;
            if count > 0 && !fits {
                break;
            }
            count += batch.changes;
            bytes += batch.bytes;
            next_position = batch.position + 1;
        }
        let start = self.batches.get(first).map_or(0, |b| self.change_index(b));
        // Slice by slice: each slice's clone is sized and tight, as one `VecDeque` range's was.
        let mut changes = Vec::with_capacity(count);
        for slice in self.changes.slices_from(start) {
            let wanted = (count - changes.len()).min(slice.len());
            changes.extend_from_slice(&slice[..wanted]);
            if changes.len() == count {
                break;
            }
        }
        Ok(Page {
            changes,
            next_position,
            current: self.current,
        })
    }

    /// Every kept change at positions `>= from_position`, in commit order, borrowed: streaming
    /// without copying. The borrow holds the history, so nothing is recorded meanwhile.
    pub fn iter_from(
        &self,
        from_position: u64,
    ) -> Result<impl Iterator<Item = &HistoryChange> + '_, HistoryError> {
        let first = self.locate(from_position)?;
        let start = self
            .batches
            .get(first)
            .map_or(self.changes.len(), |b| self.change_index(b));
        Ok(self.changes.iter_from(start))
    }

    pub fn limits(&self) -> HistoryLimits {
        self.limits
    }

    /// Changes kept.
    pub fn len(&self) -> usize {
        self.changes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// Batches kept.
    pub fn batch_count(&self) -> usize {
        self.batches.len()
    }

    /// Estimated bytes kept (see the module doc).
    pub fn bytes(&self) -> u64 {
        self.bytes
    }

    /// The position of the last recorded batch (0: none yet).
    pub fn current(&self) -> u64 {
        self.current
    }

    /// The smallest position a read is answered from: one past the last evicted batch.
    pub fn oldest_available(&self) -> u64 {
        self.evicted_through + 1
    }

    /// The position of the oldest kept batch, if any.
    pub fn oldest_kept(&self) -> Option<u64> {
        self.batches.front().map(|b| b.position)
    }
}
