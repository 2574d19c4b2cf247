//! The applied state of one shard: every version of every key since the tables' horizon, in an
//! active memtable, frozen memtables waiting for their flush, and sstables — and the read view that
//! the shard publishes after each apply, which readers on any thread use without going through the
//! shard's queue.
//!
//! Invariant: the state holds exactly the effect of every durable batch up to `applied_position`,
//! in position order, and nothing else. Each key's entries are versions (`table::version`): a read
//! at position `p` sees, for each key, its newest version at or below `p`. The by-id index
//! (`i` + id → the resource's table key) is written in the same apply step as the resource, in the
//! same memtable, so a view at any position sees both or neither.
//!
//! [`State::apply_with`] is the single apply step, fed the same decided batches in the live path
//! and in recovery.
//!
//! Publication: the shard inserts a batch's versions into the active memtable, then stores the
//! batch's position (`Release`). A reader loads the position (`Acquire`), then the parts
//! (memtables and tables); every parts value published after the position was stored holds every
//! version at or below it, because parts change only by freezing the active memtable (kept, now
//! frozen) and by replacing a frozen memtable with the table flushed from it (the same versions)
//! or tables with their compaction (the same versions above the horizon). Versions above a view's
//! position are never seen, so a view is consistent at exactly one position.

use std::collections::HashSet;
use std::ops::ControlFlow;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use arc_swap::ArcSwap;

use crate::codec;
use crate::command::{Change, CommittedBatch};
use crate::error::{Error, Result};
use crate::history::file::HistoryFiles;
use crate::history::{
    History, HistoryChange, HistoryError, HistoryLimits, Page, BATCH_OVERHEAD_BYTES,
};
use crate::limits::{BATCH_COMMANDS_MAX, MEMTABLE_BYTES_DEFAULT};
use crate::recent::RecentVersions;
use crate::resource::{validate_name, validate_namespace, Resource, ResourceId};
use crate::routing::shard_for_namespace;
use crate::table::file::TableFile;
use crate::table::key::{
    decode_resource_key, encode_id_key, encode_resource_key_into, encode_tag_index_key,
    encode_type_index_key, KeyRange,
};
use crate::table::memtable::Memtable;
use crate::table::merge::{memtable_source, MergingIter, Source, VisibleAt};
use crate::table::store::{FlushJob, TableCounters, TableStats};
use crate::table::version::VersionedEntry;

/// Who wrote a logged batch: a create's id is derived from the log (cluster id, shard, position,
/// index), never random, so every replica mints the same; and every namespace it changes is owned
/// by this shard (when the shard count is known).
#[derive(Clone, Copy, Debug)]
pub struct Minter {
    pub cluster_id: u32,
    pub shard: u16,
    pub shard_count: Option<u16>,
}

/// What a change did to its key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Created,
    Updated,
    Deleted,
}

/// One change of one apply step, as its key saw it: `old` is the resource before (none for a
/// create), `new` the one after (none for a delete), at the batch's `position`. This is what feeds
/// the history and the subscriptions; a listener that keeps a resource clones it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AppliedChange<'a> {
    pub position: u64,
    pub action: Action,
    pub old: Option<&'a Resource>,
    pub new: Option<&'a Resource>,
}

/// What a view reads: the memtables (the active one first, then the frozen ones, newest first) and
/// the tables (newest first). Versions in an earlier part are newer than those in a later one. And
/// the history files, which a history read uses for the changes memory no longer holds.
#[derive(Default)]
pub struct Parts {
    pub memtables: Vec<Arc<Memtable>>,
    pub tables: Vec<Arc<TableFile>>,
    pub history: HistoryFiles,
}

/// One shard's published state, shared by the shard thread (the only writer of versions and of the
/// position), its table worker (which swaps flushed and compacted parts) and every reader.
pub struct Published {
    shard: u16,
    position: AtomicU64,
    parts: ArcSwap<Parts>,
    /// Serializes the read-modify-write of `parts` between the shard and its table worker. Readers
    /// never take it.
    parts_writer: Mutex<()>,
    /// Reads below this position are refused: compaction may have dropped versions they need.
    horizon: AtomicU64,
    /// What the shard's flushes and compactions wrote and dropped.
    counters: Arc<TableCounters>,
    /// The newest changes, in commit order: every change not yet in a history file, and older ones
    /// while they fit `history_memory_bytes`. The shard records a batch's changes under one lock,
    /// before it publishes the batch's position.
    history: Mutex<History>,
    /// Bumped after each published position: what idle subscriptions sleep on.
    signal: crate::subscription::Signal,
}

/// Changes a flush copies from, or evicts from, the shard's history under one hold of its lock
/// (whole batches: a copy's chunk ends at the first batch boundary past it, an eviction's step
/// before the batch that would pass it): about 0.1 ms of work, so the shard, which records each
/// commit under that lock, never waits longer (`Published::history_changes_between`,
/// `Published::history_persisted_through`).
const HISTORY_LOCK_CHUNK_CHANGES: usize = 4096;

/// What [`ReadView::scan`] calls for each live user key: (user key, version position, value).
pub type ScanVisitor<'v> = dyn FnMut(&[u8], u64, &[u8]) -> ControlFlow<()> + 'v;

/// A consistent view of one shard at one position.
#[derive(Clone)]
pub struct ReadView {
    shard: u16,
    position: u64,
    parts: Arc<Parts>,
}

impl Published {
    fn new(shard: u16, parts: Parts, position: u64, horizon: u64, history: History) -> Self {
        Published {
            shard,
            position: AtomicU64::new(position),
            parts: ArcSwap::from_pointee(parts),
            parts_writer: Mutex::new(()),
            horizon: AtomicU64::new(horizon),
            counters: Arc::default(),
            history: Mutex::new(history),
            signal: Default::default(),
        }
    }

    /// The signal bumped after each published position (subscriptions wait on it).
    pub fn signal(&self) -> &crate::subscription::Signal {
        &self.signal
    }

    /// The latest applied (durable) position.
    pub fn position(&self) -> u64 {
        self.position.load(Ordering::Acquire)
    }

    pub fn shard(&self) -> u16 {
        self.shard
    }

    /// A page of the changes at positions `>= from`, in commit order, as whole batches within
    /// `max_changes` and `max_bytes` (see `History::read_from`): from memory when it still holds
    /// them, else from the history files (a page then ends at the last file's end at the latest).
    /// `Error::Compacted` if some of them are past the history's horizon (the files dropped them).
    pub fn history_from(&self, from: u64, max_changes: usize, max_bytes: u64) -> Result<Page> {
        crate::history::check_page_limits(max_changes, max_bytes)
            .map_err(|error| self.history_error(from, error))?;
        // Positions start at 1: a read from 0 is a read from the beginning.
        let mut at = from.max(1);
        loop {
            let memory = self.history.lock().unwrap_or_else(|p| p.into_inner());
            let current = memory.current();
            // Loaded under the memory's lock: the files name at least every change memory evicted
            // (a flush swaps the parts before it lets memory evict what the new file holds).
            let parts = self.parts.load_full();
            let horizon = parts.history.horizon;
            if at <= horizon {
                return Err(Error::Compacted {
                    shard: self.shard,
                    requested: from,
                    oldest_available: horizon + 1,
                    current,
                });
            }
            if at >= memory.oldest_available() {
                return memory
                    .read_from(at, max_changes, max_bytes)
                    .map_err(|error| self.history_error(from, error));
            }
            drop(memory);
            let page = read_history_files(&parts.history, at, max_changes, max_bytes, current)?;
            if !page.changes.is_empty() || page.next_position <= at {
                return Ok(page);
            }
            // No change from `at` to the files' end: the rest is in memory, or in files a flush
            // added meanwhile.
            at = page.next_position;
        }
    }

    fn history_error(&self, from: u64, error: HistoryError) -> Error {
        match error {
            HistoryError::Compacted {
                oldest_available,
                current,
            } => Error::Compacted {
                shard: self.shard,
                requested: from,
                oldest_available,
                current,
            },
            HistoryError::InvalidLimit { field, value, rule } => Error::InvalidConfig {
                field,
                value: value.to_string(),
                rule,
            },
        }
    }

    /// Owned copies (sharing the resources) of the changes at positions in `after + 1 ..= through`,
    /// in commit order: what a flush writes to a history file. Taken in whole batches of about
    /// `HISTORY_LOCK_CHUNK_CHANGES` under one lock each, so that the shard, which records each
    /// batch under the same lock, never waits for more than one chunk (a memtable's changes
    /// copied under one lock took the shard's thread tens of milliseconds:
    /// `docs/benchmarks.md`). They are never evicted meanwhile: memory keeps every change not yet
    /// in a history file.
    pub fn history_changes_between(&self, after: u64, through: u64) -> Vec<HistoryChange> {
        let mut changes = Vec::new();
        let mut next = after + 1;
        while next <= through {
            // Room for a whole chunk before the lock: no reallocation (and no fresh pages to
            // fault in) while the shard may be waiting for it.
            changes.reserve(HISTORY_LOCK_CHUNK_CHANGES + crate::limits::BATCH_COMMANDS_MAX);
            let history = self.history.lock().unwrap_or_else(|p| p.into_inner());
            let mut last_position = None;
            for (taken, change) in history
                .iter_from(next)
                .expect("changes not yet in a history file are never evicted")
                .enumerate()
            {
                if change.position > through {
                    break;
                }
                if taken >= HISTORY_LOCK_CHUNK_CHANGES
                    && last_position.is_some_and(|last| last != change.position)
                {
                    break;
                }
                last_position = Some(change.position);
                changes.push(change.clone());
            }
            drop(history);
            match last_position {
                Some(last) => next = last + 1,
                None => break,
            }
        }
        changes
    }

    /// Says that the history files now hold every change up to `position` (after the parts name
    /// the new file): memory may evict them. Evicts in steps of at most
    /// `HISTORY_LOCK_CHUNK_CHANGES` under one lock each and frees each step's changes after letting
    /// go of the lock, so that the shard, which records each commit under it, waits for one step at
    /// most (`History::persist_and_evict_some`).
    pub fn history_persisted_through(&self, position: u64) {
        let mut evicted = Vec::with_capacity(HISTORY_LOCK_CHUNK_CHANGES);
        loop {
            let done = self
                .history
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .persist_and_evict_some(position, HISTORY_LOCK_CHUNK_CHANGES, &mut evicted);
            evicted.clear();
            if done {
                break;
            }
        }
    }

    pub fn counters(&self) -> &Arc<TableCounters> {
        &self.counters
    }

    /// What the shard's tables wrote and dropped so far, and how many tables it holds.
    pub fn table_stats(&self) -> TableStats {
        self.counters
            .snapshot(self.parts.load().tables.len() as u64)
    }

    pub fn horizon(&self) -> u64 {
        self.horizon.load(Ordering::Acquire)
    }

    /// A view at the latest applied position.
    pub fn view(&self) -> ReadView {
        let position = self.position();
        ReadView {
            shard: self.shard,
            position,
            parts: self.parts.load_full(),
        }
    }

    /// A view at an older position `at`, if the tables still hold every version it needs.
    pub fn view_at(&self, at: u64) -> Result<ReadView> {
        let view = self.view();
        let horizon = self.horizon();
        if at > view.position || at < horizon {
            return Err(Error::Compacted {
                shard: self.shard,
                requested: at,
                oldest_available: horizon,
                current: view.position,
            });
        }
        Ok(ReadView {
            position: at,
            ..view
        })
    }

    /// Replaces the parts by `change(current)`, atomically with respect to other writers.
    pub fn update_parts(&self, change: impl FnOnce(&Parts) -> Parts) {
        let _writer = self
            .parts_writer
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let current = self.parts.load();
        self.parts.store(Arc::new(change(&current)));
    }

    pub fn parts(&self) -> Arc<Parts> {
        self.parts.load_full()
    }

    /// Raises the horizon (never lowers it). Called before the tables that need it are swapped in.
    pub fn raise_horizon(&self, horizon: u64) {
        self.horizon.fetch_max(horizon, Ordering::AcqRel);
    }

    fn publish_position(&self, position: u64) {
        self.position.store(position, Ordering::Release);
        self.signal.bump();
    }
}

impl ReadView {
    pub fn position(&self) -> u64 {
        self.position
    }

    pub fn shard(&self) -> u16 {
        self.shard
    }

    pub fn parts(&self) -> &Parts {
        &self.parts
    }

    /// The newest version at or below the view's position of `user_key`, decoded by `decode`.
    fn lookup<T>(
        &self,
        user_key: &[u8],
        skip_memtables: usize,
        decode: impl FnOnce(u64, &[u8]) -> Result<T>,
    ) -> Result<Option<T>> {
        for memtable in self.parts.memtables.iter().skip(skip_memtables) {
            if let Some(version) = memtable.get(user_key, self.position) {
                return match version.value() {
                    Some(bytes) => decode(version.position(), bytes).map(Some),
                    None => Ok(None),
                };
            }
        }
        for table in &self.parts.tables {
            if let Some(found) = table.get(user_key, self.position)? {
                return match found.value {
                    Some(bytes) => decode(found.position, bytes).map(Some),
                    None => Ok(None),
                };
            }
        }
        Ok(None)
    }

    /// Visits, in user-key order, each user key of `range` that has a live version at the view's
    /// position, with that version's position and value, until `visit` breaks. Merges every
    /// memtable and table of the view; a damaged table is an error naming its file and block.
    pub fn scan(&self, range: &KeyRange, visit: &mut ScanVisitor<'_>) -> Result<()> {
        let end = range.end.as_slice();
        let mut sources: Vec<Source<'_, '_, Error>> =
            Vec::with_capacity(self.parts.memtables.len() + self.parts.tables.len());
        for memtable in &self.parts.memtables {
            sources.push(memtable_source(memtable.range(&range.start, Some(end))));
        }
        for table in &self.parts.tables {
            let entries = table
                .sstable()
                .range(range.start.as_slice()..)
                .take_while(move |entry| entry.as_ref().map_or(true, |e| e.key < end))
                .map(move |entry| entry.map(VersionedEntry::from).map_err(|e| table.error(e)));
            sources.push(Box::new(entries));
        }
        for item in VisibleAt::new(MergingIter::new(sources), self.position) {
            let entry = item
                .map_err(|error| error.into_engine_error(format!("shard {} tables", self.shard)))?;
            if visit(entry.user_key(), entry.position, &entry.value).is_break() {
                break;
            }
        }
        Ok(())
    }

    /// Visits, in table-key order, each resource of a range of resource keys at the view's
    /// position, decoded; a value that does not decode stops the scan with its error.
    pub fn scan_resources(&self, range: &KeyRange, visit: &mut dyn FnMut(Resource)) -> Result<()> {
        let mut failure = None;
        self.scan(
            range,
            &mut |_, position, value| match self.decode_resource(position, value) {
                Ok(resource) => {
                    visit(resource);
                    ControlFlow::Continue(())
                }
                Err(error) => {
                    failure = Some(error);
                    ControlFlow::Break(())
                }
            },
        )?;
        failure.map_or(Ok(()), Err)
    }

    /// Decodes a resource value read at `position`.
    pub(crate) fn decode_resource(&self, position: u64, bytes: &[u8]) -> Result<Resource> {
        codec::decode_resource_value(position, bytes).map_err(|error| Error::Corrupt {
            path: format!("shard {} tables", self.shard).into(),
            offset: 0,
            reason: format!("a resource value does not decode: {error}"),
        })
    }

    /// The resource at (`namespace`, `name`), which must be valid.
    pub fn get(&self, namespace: &str, name: &str) -> Result<Option<Resource>> {
        let mut key = Vec::with_capacity(2 + namespace.len() + name.len());
        encode_resource_key_into(namespace, name, &mut key)?;
        self.get_by_table_key(&key)
    }

    pub(crate) fn get_by_table_key(&self, key: &[u8]) -> Result<Option<Resource>> {
        self.lookup(key, 0, |position, bytes| {
            self.decode_resource(position, bytes)
        })
    }

    /// As [`ReadView::get_by_table_key`], without searching the newest memtable: for a caller that
    /// knows the key is not in it (the shard's `State::latest` holds every key the active memtable
    /// holds while `RecentVersions::covers_active_memtable`).
    fn get_by_table_key_below_newest_memtable(&self, key: &[u8]) -> Result<Option<Resource>> {
        self.lookup(key, 1, |position, bytes| {
            self.decode_resource(position, bytes)
        })
    }

    /// The resource with this id.
    pub fn get_by_id(&self, id: ResourceId) -> Result<Option<Resource>> {
        let Some(key) = self.lookup(&encode_id_key(id), 0, |_, bytes| Ok(bytes.to_vec()))? else {
            return Ok(None);
        };
        if decode_resource_key(&key).is_err() {
            return Err(Error::Corrupt {
                path: format!("shard {} tables", self.shard).into(),
                offset: 0,
                reason: format!("the by-id entry of {id} names no resource key"),
            });
        }
        let resource = self.get_by_table_key(&key)?;
        // The by-id entry and the resource are written in one apply step, so they agree at every
        // position; a resource with another id there would be a broken index.
        assert!(
            resource.as_ref().is_none_or(|r| r.id == id),
            "the by-id index of shard {} points {id} at a resource with another id",
            self.shard
        );
        Ok(resource)
    }
}

/// A page of history read from `files`, from `from` (inside them) on: whole batches within the
/// page limits (the first always), ending at the files' end at the latest.
fn read_history_files(
    files: &HistoryFiles,
    from: u64,
    max_changes: usize,
    max_bytes: u64,
    current: u64,
) -> Result<Page> {
    let first = files
        .files
        .partition_point(|f| f.meta().last_position < from);
    let end = files
        .files
        .last()
        .map_or(from, |f| f.meta().last_position + 1);
    let mut page = Page {
        changes: Vec::new(),
        next_position: end.max(from),
        current,
    };
    // The page holds whole batches: `changes[..batch_start]` (of `bytes` estimated bytes) are
    // taken; `changes[batch_start..]` is the batch being read (`batch_bytes`). A batch that is
    // not the page's first is dropped, and the page ends, as soon as it breaks a limit: it can only
    // grow, so nothing more of it is decoded.
    let (mut bytes, mut batch_start, mut batch_bytes) = (0u64, 0usize, 0u64);
    for file in &files.files[first..] {
        for change in file.changes_from(from) {
            let change = change?;
            if page
                .changes
                .last()
                .is_some_and(|c| c.position != change.position)
            {
                // The batch being read is whole, and within the limits (checked as it grew).
                bytes += batch_bytes;
                batch_start = page.changes.len();
                batch_bytes = 0;
                page.next_position = page.changes[batch_start - 1].position + 1;
            }
            if batch_bytes == 0 {
                batch_bytes = BATCH_OVERHEAD_BYTES;
            }
            batch_bytes += change.estimated_bytes();
            page.changes.push(change);
            let over = page.changes.len() > max_changes || bytes + batch_bytes > max_bytes;
            if over && batch_start > 0 {
                page.changes.truncate(batch_start);
                return Ok(page);
            }
        }
    }
    if !page.changes.is_empty() {
        // Every change the files hold from `from` on fits: continue past the last file.
        page.next_position = end;
    }
    Ok(page)
}

/// The shard thread's side of the state: the only writer of versions.
pub struct State {
    published: Arc<Published>,
    active: Arc<Memtable>,
    applied_position: u64,
    /// The applied position when the active memtable was started: its changes are those after it.
    frozen_position: u64,
    resource_count: u64,
    key: Vec<u8>,
    value: Vec<u8>,
    /// The newest version (`None`: deleted) of the keys the shard changed recently, as applied:
    /// the shard's decisions read a key they changed recently here instead of searching the
    /// memtables and tables and decoding the version (a fifth of a shard's CPU per commit at 256
    /// writers when only the active memtable's keys were kept; `recent`). Exact by construction:
    /// the only writer of the state (`apply_known`) records here too. Bounded by bytes: two
    /// generations of at most `memtable_bytes_max` each, sharing the resources with the history
    /// (`Arc`).
    latest: RecentVersions,
}

impl Default for State {
    fn default() -> Self {
        State::from_tables(
            0,
            Vec::new(),
            HistoryFiles::default(),
            0,
            0,
            0,
            HistoryLimits::default(),
            MEMTABLE_BYTES_DEFAULT,
        )
    }
}

/// Splits a resource key string (`/ns/name`, `/name`) into namespace and name.
fn split_key(key: &str) -> Option<(&str, &str)> {
    let (namespace, name) = key.rsplit_once('/')?;
    Some((if namespace.is_empty() { "/" } else { namespace }, name))
}

impl State {
    /// A state whose tables hold every batch up to `flushed_position` (`resource_count`
    /// resources then), with compaction's `horizon`, and whose history files hold the changes up
    /// to it; the WAL tail is applied on top. `memory` bounds the history's in-memory tail.
    #[allow(clippy::too_many_arguments)]
    pub fn from_tables(
        shard: u16,
        tables: Vec<Arc<TableFile>>,
        history_files: HistoryFiles,
        flushed_position: u64,
        resource_count: u64,
        horizon: u64,
        memory: HistoryLimits,
        recent_generation_bytes_max: u64,
    ) -> Self {
        let active = Arc::new(Memtable::new());
        let parts = Parts {
            memtables: vec![active.clone()],
            tables,
            history: history_files,
        };
        State {
            published: Arc::new(Published::new(
                shard,
                parts,
                flushed_position,
                horizon,
                History::tail_after(memory, flushed_position)
                    .expect("history limits are validated with the configuration"),
            )),
            active,
            applied_position: flushed_position,
            frozen_position: flushed_position,
            resource_count,
            key: Vec::new(),
            value: Vec::new(),
            latest: RecentVersions::new(recent_generation_bytes_max),
        }
    }

    /// What readers on other threads use.
    pub fn published(&self) -> &Arc<Published> {
        &self.published
    }

    /// A view at the applied position.
    pub fn view(&self) -> ReadView {
        ReadView {
            shard: self.published.shard,
            position: self.applied_position,
            parts: self.published.parts(),
        }
    }

    /// The current resource of a key string (`/ns/name`); `None` for a malformed key. Panics on a
    /// table that fails its checksum: the shard cannot decide anything against a state it cannot
    /// read (the panic takes the shard down, naming the file and block).
    pub fn get(&self, key: &str) -> Option<Resource> {
        self.try_get(key).unwrap_or_else(|error| panic!("{error}"))
    }

    pub fn try_get(&self, key: &str) -> Result<Option<Resource>> {
        let Some((namespace, name)) = split_key(key) else {
            return Ok(None);
        };
        if validate_namespace(namespace).is_err() || validate_name(name).is_err() {
            return Ok(None);
        }
        self.view().get(namespace, name)
    }

    /// The current resource of a valid key, as the shard's decisions read it: from the versions
    /// the shard changed recently when it holds one (`latest`), else from the state.
    pub fn get_latest(&self, namespace: &str, name: &str) -> Result<Option<Arc<Resource>>> {
        let mut key = Vec::with_capacity(2 + namespace.len() + name.len());
        encode_resource_key_into(namespace, name, &mut key)?;
        if let Some(latest) = self.latest.get(&key) {
            debug_assert_eq!(
                latest.as_deref(),
                self.view().get_by_table_key(&key)?.as_ref(),
                "the newest version applied is the state's"
            );
            return Ok(latest.clone());
        }
        let view = self.view();
        if !self.latest.covers_active_memtable() {
            return Ok(view.get_by_table_key(&key)?.map(Arc::new));
        }
        // Not in `latest`, which holds every key of the active memtable: its skip list need not
        // be searched.
        debug_assert!(
            self.active.get(&key, u64::MAX).is_none(),
            "every key of the active memtable is in latest"
        );
        assert!(
            Arc::ptr_eq(&view.parts.memtables[0], &self.active),
            "the readers' newest memtable is the shard's active one"
        );
        Ok(view
            .get_by_table_key_below_newest_memtable(&key)?
            .map(Arc::new))
    }

    pub fn get_by_id(&self, id: &ResourceId) -> Option<Resource> {
        self.view()
            .get_by_id(*id)
            .unwrap_or_else(|error| panic!("{error}"))
    }

    /// Checks a logged batch as strictly as the write path made it, then that it can follow the
    /// current state (see [`State::check`]): 1 to `BATCH_COMMANDS_MAX` changes, every resource valid
    /// (names, sizes, tags), one change per key, a create's id minted from this shard and position
    /// and its created time the commit time, revisions the batch's position. Records may come from a
    /// leader over the network; a record that breaks a rule is reported, never applied.
    pub fn check_logged(&self, batch: &CommittedBatch, minter: Minter) -> Result<(), String> {
        let count = batch.changes.len();
        if count == 0 || count > BATCH_COMMANDS_MAX {
            return Err(format!(
                "a logged batch has {count} changes (1 to {BATCH_COMMANDS_MAX})"
            ));
        }
        let mut keys = HashSet::with_capacity(count);
        let mut ids = HashSet::with_capacity(count);
        for (index, change) in batch.changes.iter().enumerate() {
            let (id, valid) = match change {
                Change::Created(r) | Change::Updated(r) => (r.id, r.validate()),
                Change::Deleted {
                    id,
                    namespace,
                    name,
                } => (
                    *id,
                    validate_namespace(namespace).and_then(|_| validate_name(name)),
                ),
            };
            let key = change.key();
            valid.map_err(|e| format!("change {index} ({key}): {e}"))?;
            if let Some(count) = minter.shard_count {
                let namespace = match change {
                    Change::Created(r) | Change::Updated(r) => &r.namespace,
                    Change::Deleted { namespace, .. } => namespace,
                };
                let owner = shard_for_namespace(namespace, count);
                if owner != minter.shard {
                    return Err(format!(
                        "{key} belongs to shard {owner} of {count}, not to shard {}",
                        minter.shard
                    ));
                }
            }
            if !keys.insert(key.clone()) {
                return Err(format!("the batch changes {key} twice"));
            }
            if !ids.insert(id) {
                return Err(format!("the batch names id {id} twice"));
            }
            if let Change::Created(r) | Change::Updated(r) = change {
                if r.revision != batch.position {
                    return Err(format!(
                        "{key} has revision {} in the batch at position {}",
                        r.revision, batch.position
                    ));
                }
            }
            if let Change::Created(r) = change {
                let minted = ResourceId::new(
                    minter.cluster_id,
                    minter.shard,
                    batch.position,
                    index as u16,
                );
                if r.id != minted || r.created_ms != batch.commit_time_ms {
                    return Err(format!(
                        "created {key} has id {} and created time {}, not {minted} and {}",
                        r.id, r.created_ms, batch.commit_time_ms
                    ));
                }
            }
            if let Change::Updated(r) = change {
                let stored = self.try_get(&key).map_err(|e| e.to_string())?;
                if let Some(stored) = stored {
                    if stored.created_ms != r.created_ms {
                        return Err(format!(
                            "updated {key} changes its created time {} to {}",
                            stored.created_ms, r.created_ms
                        ));
                    }
                }
            }
        }
        self.check(batch)
    }

    /// Checks that `batch` can follow the current state: its position rises, a created key is absent
    /// and its id unused, an updated or deleted key holds the same resource id.
    pub fn check(&self, batch: &CommittedBatch) -> Result<(), String> {
        if batch.position <= self.applied_position {
            return Err(format!(
                "batch position {} does not follow {}",
                batch.position, self.applied_position
            ));
        }
        let view = self.view();
        for change in &batch.changes {
            let key = change.key();
            let current = self.try_get(&key).map_err(|e| e.to_string())?.map(|r| r.id);
            match change {
                Change::Created(r) => {
                    let id_used = view.get_by_id(r.id).map_err(|e| e.to_string())?.is_some();
                    if current.is_some() || id_used {
                        return Err(format!("created {key} (id {}) already exists", r.id));
                    }
                }
                Change::Updated(r) if current != Some(r.id) => {
                    return Err(format!(
                        "updated {key} (id {}) is not the stored resource",
                        r.id
                    ));
                }
                Change::Deleted { id, .. } if current != Some(*id) => {
                    return Err(format!(
                        "deleted {key} (id {id}) is not the stored resource"
                    ));
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Applies a durable batch.
    pub fn apply(&mut self, batch: CommittedBatch) {
        self.apply_with(batch, &mut |_| {});
    }

    /// Applies a durable batch and hands each change, in the batch's order, to `on_change` as
    /// (action, old, new, position); then publishes the batch's position to readers.
    pub fn apply_with(
        &mut self,
        batch: CommittedBatch,
        on_change: &mut dyn FnMut(AppliedChange<'_>),
    ) {
        self.apply_known(batch, Vec::new(), on_change);
    }

    /// Applies a batch its shard just decided, given what the decision read: `olds[i]` is the
    /// resource change `i`'s key held before the batch, when the decision read it from this state
    /// (`None` where it did not — a key an earlier batch of the same group changed — and the apply
    /// reads it). Saves reading and decoding every key twice on the commit path.
    pub fn apply_decided(
        &mut self,
        batch: CommittedBatch,
        olds: Vec<Option<Option<Arc<Resource>>>>,
    ) {
        assert_eq!(olds.len(), batch.changes.len(), "one old per change");
        self.apply_known(batch, olds, &mut |_| {});
    }

    fn apply_known(
        &mut self,
        batch: CommittedBatch,
        olds: Vec<Option<Option<Arc<Resource>>>>,
        on_change: &mut dyn FnMut(AppliedChange<'_>),
    ) {
        assert!(
            batch.position > self.applied_position,
            "batches apply in position order: {} after {}",
            batch.position,
            self.applied_position
        );
        let published = self.published.clone();
        let mut history = published.history.lock().unwrap_or_else(|p| p.into_inner());
        let commit_time_ms = batch.commit_time_ms;
        let position = batch.position;
        let mut olds = olds.into_iter();
        for change in batch.changes {
            let (action, namespace, name) = match &change {
                Change::Created(r) => (Action::Created, &r.namespace, &r.name),
                Change::Updated(r) => (Action::Updated, &r.namespace, &r.name),
                Change::Deleted {
                    namespace, name, ..
                } => (Action::Deleted, namespace, name),
            };
            self.key.clear();
            encode_resource_key_into(namespace, name, &mut self.key)
                .expect("a decided or checked change names a valid key");
            // The version before this batch: the batch changes each key once, so reading at the
            // applied position sees it whatever this batch has inserted so far.
            let read = |key: &[u8]| {
                self.view()
                    .get_by_table_key(key)
                    .unwrap_or_else(|error| panic!("reading the state to apply a batch: {error}"))
                    .map(Arc::new)
            };
            let old = match olds.next().flatten() {
                Some(known) => {
                    debug_assert_eq!(known, read(&self.key), "the decision read the state");
                    known
                }
                None => match self.latest.get(&self.key) {
                    Some(latest) => latest.clone(),
                    None => read(&self.key),
                },
            };
            let new = match change {
                Change::Created(resource) | Change::Updated(resource) => {
                    debug_assert_eq!(resource.revision, position);
                    self.value.clear();
                    codec::encode_resource_value(&resource, &mut self.value);
                    self.active.insert(&self.key, position, Some(&self.value));
                    match &old {
                        None => {
                            self.active.insert(
                                &encode_id_key(resource.id),
                                position,
                                Some(&self.key),
                            );
                            self.resource_count += 1;
                        }
                        Some(old) => assert_eq!(
                            old.id,
                            resource.id,
                            "an update keeps the id of {}",
                            resource.key()
                        ),
                    }
                    update_indexes(&self.active, position, old.as_deref(), Some(&resource));
                    Some(Arc::new(resource))
                }
                Change::Deleted { id, .. } => {
                    assert!(
                        old.as_ref().map(|r| r.id) == Some(id),
                        "a logged delete of {} must find the resource it deleted",
                        String::from_utf8_lossy(&self.key)
                    );
                    self.active.insert(&self.key, position, None);
                    self.active.insert(&encode_id_key(id), position, None);
                    update_indexes(&self.active, position, old.as_deref(), None);
                    self.resource_count -= 1;
                    None
                }
            };
            self.latest.record(&self.key, new.clone());
            on_change(AppliedChange {
                position,
                action,
                old: old.as_deref(),
                new: new.as_deref(),
            });
            // The history shares the resources: no copy of them on the commit path.
            history.record_owned(HistoryChange {
                position,
                commit_time_ms,
                action,
                old,
                new,
            });
        }
        drop(history);
        self.applied_position = position;
        self.published.publish_position(position);
    }

    pub fn applied_position(&self) -> u64 {
        self.applied_position
    }

    /// Resources at the applied position.
    pub fn len(&self) -> usize {
        self.resource_count as usize
    }

    pub fn is_empty(&self) -> bool {
        self.resource_count == 0
    }

    /// Bytes held by the active memtable.
    pub fn active_bytes(&self) -> u64 {
        self.active.approximate_bytes() as u64
    }

    /// Freezes the active memtable (it stays readable) and starts a new one; returns the frozen one
    /// for its flush, with the changes it holds for the flush's history file.
    pub fn freeze(&mut self) -> FlushJob {
        let frozen = std::mem::replace(&mut self.active, Arc::new(Memtable::new()));
        // The new memtable starts empty: every key it will hold is recorded from here on.
        self.latest.active_memtable_started();
        let active = self.active.clone();
        self.published.update_parts(|parts| {
            assert!(Arc::ptr_eq(&parts.memtables[0], &frozen));
            let mut memtables = Vec::with_capacity(parts.memtables.len() + 1);
            memtables.push(active);
            memtables.extend(parts.memtables.iter().cloned());
            Parts {
                memtables,
                tables: parts.tables.clone(),
                history: parts.history.clone(),
            }
        });
        let changes_after = self.frozen_position;
        self.frozen_position = self.applied_position;
        FlushJob {
            memtable: frozen,
            position: self.applied_position,
            resource_count: self.resource_count,
            changes_after,
        }
    }

    /// Every resource at the applied position, in table-key order (tree order of namespaces, then
    /// names). For tests and tools: it reads every table.
    pub fn iter(&self) -> impl Iterator<Item = Resource> {
        crate::table::scan::resources(&self.view())
            .unwrap_or_else(|error| panic!("{error}"))
            .into_iter()
    }
}

/// Writes the type and tag index entries that change from `old` to `new` at `position`: a put for
/// each entry `new` has and `old` lacks, a tombstone for each `old` has and `new` lacks. Entries
/// both share are left alone (their older version stays visible). Index values are empty: the key
/// names the resource.
fn update_indexes(
    memtable: &Memtable,
    position: u64,
    old: Option<&Resource>,
    new: Option<&Resource>,
) {
    if let (Some(old), Some(new)) = (old, new) {
        // Both name the same key (an update): the entries differ only where the type or the
        // tags do, and most updates change neither.
        debug_assert!(old.namespace == new.namespace && old.name == new.name);
        if old.kind == new.kind && old.tags == new.tags {
            return;
        }
    }
    let entries = |r: &Resource| {
        let mut keys = Vec::with_capacity(1 + r.tags.len());
        keys.push(
            encode_type_index_key(&r.kind, &r.namespace, &r.name)
                .expect("a stored resource has a valid type, namespace and name"),
        );
        for (tag_key, tag_value) in &r.tags {
            keys.push(
                encode_tag_index_key(tag_key, tag_value, &r.namespace, &r.name)
                    .expect("a stored resource has valid tags"),
            );
        }
        keys
    };
    let old_keys = old.map(entries).unwrap_or_default();
    let new_keys = new.map(entries).unwrap_or_default();
    for key in &old_keys {
        if !new_keys.contains(key) {
            memtable.insert(key, position, None);
        }
    }
    for key in &new_keys {
        if !old_keys.contains(key) {
            memtable.insert(key, position, Some(&[]));
        }
    }
}
