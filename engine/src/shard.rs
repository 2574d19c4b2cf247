//! A shard: one log and one state, owned by one thread. [`Shard`] is the sans-IO core (decide,
//! log, apply), driven by the shard thread in production and directly by tests.
//!
//! Group commit: [`Shard::commit_group`] takes every batch that arrived while the previous group was
//! being synced, decides each against the state plus the effects of the batches before it in the group,
//! appends the accepted ones to the log, makes them durable with one write and one fdatasync, then
//! applies them and answers. A batch is answered `Ok` only after the sync that covers it succeeded.
//! Reads see only applied — durable — state.

use std::path::Path;

use crate::codec;
use crate::command::{Change, Command, CommitReceipt, CommittedBatch, ValidBatch};
use crate::error::{ConflictReason, Error, Result};
use crate::filter::{Admission, Pipeline, Principal};
use crate::history::HistoryLimits;
use crate::limits::BATCH_BYTES_MAX;
use crate::limits::{
    HISTORY_AGE_MS_MAX, HISTORY_CHANGES_MAX, HISTORY_MEMORY_BYTES_DEFAULT, MEMTABLE_BYTES_DEFAULT,
    RECENT_GENERATION_BYTES_MAX,
};
use crate::resource::{Resource, ResourceId};
use crate::state::Published;
use crate::state::{Minter, State};
use crate::storage::Storage;
use crate::sync::{InlineSync, SyncRunner};
use crate::table::store::{Flusher, TableStore, TableWork, WorkerPriority};
use crate::wal::record::RecordKind;
use crate::wal::{FailStop, Preallocation, Wal, WalOptions};
use std::sync::Arc;

/// Bytes of log records a group buffers before it writes and syncs them; a larger group is committed
/// in several syncs. Bounds a shard's write buffer.
pub const GROUP_BYTES_MAX: usize = 16 * 1024 * 1024;

#[derive(Clone, Debug)]
pub struct ShardOptions {
    pub shard: u16,
    pub cluster_id: u32,
    pub segment_bytes_max: u64,
    /// The shard's log must already exist (see [`WalOptions::must_exist`]).
    pub must_exist: bool,
    /// What the log does when it cannot make its state safe (see [`FailStop`]).
    pub fail_stop: FailStop,
    /// The engine's shard count, if known: replay then refuses a batch that changes a namespace
    /// another shard owns.
    pub shard_count: Option<u16>,
    /// Whether the log's segments are made ahead of time at full size (see [`Preallocation`]).
    pub preallocation: Preallocation,
    /// Bytes of the active memtable at which it is frozen and flushed to a table.
    pub memtable_bytes_max: u64,
    /// Where flushes run (see [`TableWork`]).
    pub table_work: TableWork,
    /// The CPU priority of the table workers, when they run in the background (see
    /// [`WorkerPriority`]).
    pub table_worker_priority: WorkerPriority,
    /// The horizon of the shard's history of changes (its history files), which is also how far
    /// back compaction keeps superseded versions.
    pub history: HistoryLimits,
    /// Estimated bytes of changes the history keeps in memory beside its files.
    pub history_memory_bytes: u64,
    /// See [`HAND_OVER_BATCHES_MIN`], the default (tests lower it to drive the pipelined path
    /// with small groups).
    pub hand_over_batches_min: usize,
}

impl ShardOptions {
    pub fn new(shard: u16, cluster_id: u32, segment_bytes_max: u64) -> Self {
        ShardOptions {
            shard,
            cluster_id,
            segment_bytes_max,
            must_exist: false,
            fail_stop: FailStop::Abort,
            shard_count: None,
            preallocation: Preallocation::Off,
            memtable_bytes_max: MEMTABLE_BYTES_DEFAULT,
            table_work: TableWork::Inline,
            table_worker_priority: WorkerPriority::default(),
            history: HistoryLimits::default(),
            history_memory_bytes: HISTORY_MEMORY_BYTES_DEFAULT,
            hand_over_batches_min: HAND_OVER_BATCHES_MIN,
        }
    }
}

pub struct Shard<S: Storage> {
    options: ShardOptions,
    wal: Wal<S>,
    state: State,
    flusher: Flusher<S>,
    /// The flushed position up to which the WAL has been purged.
    purged_through: u64,
    /// Why the tables failed (a flush's write or sync): the shard then refuses writes.
    tables_failure: Option<String>,
    /// The command filters every decided batch passes before it is logged (`None`: no filters,
    /// as a shard driven directly by a test).
    filters: Option<Pipeline>,
}

/// What deciding a later command of the same group needs to know of a key an earlier batch changed:
/// its id, revision and created time, or that it is now absent.
#[derive(Clone, Copy)]
struct Current {
    id: ResourceId,
    revision: u64,
    created_ms: u64,
}

impl From<&Resource> for Current {
    fn from(r: &Resource) -> Self {
        Current {
            id: r.id,
            revision: r.revision,
            created_ms: r.created_ms,
        }
    }
}

/// Batches a flush, the one that just synced and those waiting must hold together for the flush's
/// sync to go to the sync thread (see `commit_stream`): below it, two wake-ups cost more than the
/// overlap saves (measured: 16 writers lost up to 18 % with every sync handed over).
pub const HAND_OVER_BATCHES_MIN: usize = 32;

/// Key → its state after the group's earlier batches, and the flush (chunk) that holds them.
/// foldhash rather than SipHash: it is filled and probed for every command of every commit.
type Overlay = foldhash::HashMap<String, (Option<Current>, usize)>;

/// The batches of one log group (a flush) of a stream: those decided and appended, waiting for
/// its sync, and the refusals decided while it was built, held until it reports (a refusal may
/// rest on the effect of a batch of this flush or an earlier one that then fails).
struct Flush {
    number: usize,
    decided: Vec<Decided>,
    /// (slot, the refusal, the flush whose batch's effect it saw, if any)
    refused: Vec<(usize, Error, Option<usize>)>,
}

impl Flush {
    fn new(number: usize) -> Self {
        Flush {
            number,
            decided: Vec::new(),
            refused: Vec::new(),
        }
    }
}

/// What deciding needs across the flushes of a stream.
#[derive(Default)]
struct StreamState {
    overlay: Overlay,
    /// The first flush whose write or sync failed.
    failed_flush: Option<usize>,
    /// The flush of the last batch the filters accepted: a filter's verdict may depend on it.
    last_accepted_flush: Option<usize>,
    /// The record being encoded (reused).
    payload: Vec<u8>,
}

/// Where a stream takes more batches: `more(into, None)` moves the batches waiting now into
/// `into`; `more(into, Some(until))` waits for some, but returns with none once `until()` holds
/// (the flush in flight has synced).
pub type More<'a> = dyn FnMut(&mut Vec<(Principal, ValidBatch)>, Option<&dyn Fn() -> bool>) + 'a;

/// Where a stream's answers go: [`Answers::answer`] once per batch, by slot, then
/// [`Answers::flushed`] after the answers of each flush, so that a caller can give the values
/// first and wake their waiters together (the engine does: see `Completer::complete_later`).
/// A closure `FnMut(slot, answer)` is `Answers` with nothing to do at `flushed`.
pub trait Answers {
    fn answer(&mut self, slot: usize, answer: Result<CommitReceipt>);
    fn flushed(&mut self) {}
}

impl<F: FnMut(usize, Result<CommitReceipt>)> Answers for F {
    fn answer(&mut self, slot: usize, answer: Result<CommitReceipt>) {
        self(slot, answer)
    }
}

/// A batch decided in the current group, waiting for its sync.
struct Decided {
    slot: usize,
    batch: CommittedBatch,
    ids: Vec<ResourceId>,
    /// What each change's key held before, where the decision read it (see
    /// [`State::apply_decided`]).
    olds: Vec<Option<Option<Arc<Resource>>>>,
    /// The batch's quota reservations, settled once it is durable or failed.
    admission: Admission,
}

impl<S: Storage> Shard<S> {
    /// The directory of a shard's tables, beside its log.
    pub fn tables_dir(wal_dir: &Path) -> std::path::PathBuf {
        wal_dir.parent().unwrap_or(Path::new(".")).join("tables")
    }

    /// Opens the shard's tables and its log in `wal_dir`, and replays the log's tail (the batches
    /// after the tables' flushed position) into the state.
    pub fn open(storage: S, wal_dir: &Path, options: ShardOptions) -> Result<Self> {
        let table_storage = storage
            .sibling()
            .map_err(|e| Error::io("creating the tables' storage", e))?;
        let tables_dir = Self::tables_dir(wal_dir);
        let (store, tables, history_files) =
            TableStore::open(table_storage, &tables_dir, options.shard)?;
        let manifest = store.manifest().clone();
        let flushed = manifest.flushed_position;
        let mut state = State::from_tables(
            options.shard,
            tables,
            history_files,
            flushed,
            manifest.resource_count,
            manifest.horizon.max(manifest.history_horizon),
            HistoryLimits {
                changes_max: HISTORY_CHANGES_MAX,
                bytes_max: options.history_memory_bytes,
                age_max_ms: HISTORY_AGE_MS_MAX,
            },
            options.memtable_bytes_max.min(RECENT_GENERATION_BYTES_MAX),
        );
        let minter = Minter {
            cluster_id: options.cluster_id,
            shard: options.shard,
            shard_count: options.shard_count,
        };
        let tables = manifest.tables.len();
        let mut flusher = Flusher::new(
            store,
            state.published().clone(),
            options.table_work,
            options.table_worker_priority,
            options.history,
        )?;
        // The replay freezes and flushes full memtables as the live path does, so that a long WAL
        // tail never holds more than the live bound in memory. A failed flush fails the shard's
        // writes once it is open (the WAL still holds everything).
        let mut replay_failure: Option<String> = None;
        let memtable_bytes_max = options.memtable_bytes_max;
        let wal = Wal::open(
            storage,
            wal_dir,
            WalOptions {
                must_exist: options.must_exist,
                fail_stop: options.fail_stop,
                preallocation: options.preallocation,
                ..WalOptions::new(options.shard, options.segment_bytes_max)
            },
            &mut |record| {
                if record.kind != RecordKind::Batch {
                    return Ok(());
                }
                if record.payload.len() > BATCH_BYTES_MAX {
                    return Err(format!(
                        "a batch record of {} bytes is over the limit {BATCH_BYTES_MAX}",
                        record.payload.len()
                    ));
                }
                if record.position <= flushed {
                    // Already in the tables; the segment waits for its purge.
                    return Ok(());
                }
                let batch = codec::decode_batch(record.position, record.payload)
                    .map_err(|e| e.to_string())?;
                state.check_logged(&batch, minter)?;
                state.apply(batch);
                if replay_failure.is_none() && state.active_bytes() >= memtable_bytes_max {
                    replay_failure = flusher.flush(state.freeze()).err();
                }
                Ok(())
            },
        )?;
        if wal.start_position() > flushed || wal.durable_position() < flushed {
            return Err(Error::Corrupt {
                path: wal_dir.to_path_buf(),
                offset: 0,
                reason: format!(
                    "the log holds positions {} to {} but the tables end at {flushed}: a part of \
                     the history is in neither",
                    wal.start_position() + 1,
                    wal.durable_position()
                ),
            });
        }
        assert_eq!(
            state.applied_position(),
            wal.durable_position().max(flushed)
        );
        tracing::info!(
            shard = options.shard,
            position = wal.durable_position(),
            flushed,
            tables,
            resources = state.len(),
            "shard recovered"
        );
        if let Some(cause) = &replay_failure {
            tracing::error!(shard = options.shard, %cause, "the tables failed during recovery");
        }
        let mut shard = Shard {
            options,
            wal,
            state,
            flusher,
            purged_through: 0,
            tables_failure: replay_failure,
            filters: None,
        };
        shard.purge_flushed();
        Ok(shard)
    }

    /// Installs the command filters: from now on every decided batch passes them before it is
    /// logged (see `filter`).
    pub fn set_filters(&mut self, filters: Pipeline) {
        self.filters = Some(filters);
    }

    pub fn id(&self) -> u16 {
        self.options.shard
    }

    /// The position of the last durable, applied batch.
    pub fn position(&self) -> u64 {
        self.state.applied_position()
    }

    pub fn get(&self, key: &str) -> Option<Resource> {
        self.state.get(key)
    }

    pub fn get_by_id(&self, id: &ResourceId) -> Option<Resource> {
        self.state.get_by_id(id)
    }

    pub fn state(&self) -> &State {
        &self.state
    }

    /// What readers on other threads use: the view published after each apply.
    pub fn published(&self) -> &Arc<Published> {
        self.state.published()
    }

    /// Freezes the active memtable once it holds `memtable_bytes_max`, and hands it to its flush;
    /// then purges the log segments the tables now hold. A failed flush fails the shard's writes.
    fn after_apply(&mut self) {
        if self.tables_failure.is_none()
            && self.state.active_bytes() >= self.options.memtable_bytes_max
        {
            if let Err(cause) = self.flusher.flush(self.state.freeze()) {
                tracing::error!(shard = self.options.shard, %cause, "the tables failed");
                self.tables_failure = Some(cause);
            }
        }
        if self.tables_failure.is_none() {
            self.tables_failure = self.flusher.failure();
        }
        self.purge_flushed();
    }

    /// Purges the WAL segments wholly at or below the tables' flushed position.
    fn purge_flushed(&mut self) {
        let flushed = self.flusher.flushed_position();
        if flushed > self.purged_through {
            // A failed purge fails the log (`Wal::purge_before`): later writes get `LogFailed`.
            if self.wal.purge_before(flushed + 1).is_ok() {
                self.purged_through = flushed;
            }
        }
    }

    /// What recovery read of the log at open: with tables, only the tail after the flushed
    /// position is decoded and applied.
    pub fn recovery_work(&self) -> crate::wal::scan::ScanWork {
        self.wal.recovery_work()
    }

    pub fn wal_mut(&mut self) -> &mut Wal<S> {
        &mut self.wal
    }

    /// Commits a group of batches, each as the root principal: one answer per batch, in order.
    pub fn commit_group(
        &mut self,
        batches: Vec<ValidBatch>,
        now_ms: u64,
    ) -> Vec<Result<CommitReceipt>> {
        self.commit_group_as(
            batches
                .into_iter()
                .map(|batch| (Principal::Root, batch))
                .collect(),
            now_ms,
        )
    }

    /// Commits a group of batches, each sent by its principal: one answer per batch, in order (see
    /// the module doc). Each decided batch passes the command filters before it is logged. The
    /// group's syncs run on this thread ([`Shard::commit_stream`] without more batches).
    ///
    /// A batch answered `Conflict` or `Rejected` because of an earlier batch of the same group
    /// whose flush then failed is answered `LogFailed` instead: no answer describes a state that
    /// never existed.
    pub fn commit_group_as(
        &mut self,
        batches: Vec<(Principal, ValidBatch)>,
        now_ms: u64,
    ) -> Vec<Result<CommitReceipt>> {
        let mut answers: Vec<Option<Result<CommitReceipt>>> =
            (0..batches.len()).map(|_| None).collect();
        self.commit_stream(
            batches,
            &mut || now_ms,
            &mut |_, _| {},
            &mut InlineSync::default(),
            &mut |slot: usize, answer: Result<CommitReceipt>| {
                assert!(
                    answers[slot].replace(answer).is_none(),
                    "one answer a batch"
                );
            },
        );
        answers
            .into_iter()
            .map(|a| a.expect("every batch of a group is answered"))
            .collect()
    }

    /// Commits `first`, then whatever `more` hands over while a flush syncs, as one stream of
    /// flushes: each flush's batches are decided against the state plus the effects of every
    /// batch logged before them (synced or not), written as one log group, synced, applied, and
    /// answered through `answer(slot, …)`, slots numbering the batches in the order they came.
    ///
    /// Pipelining: once a flush is written, the shard asks `more` for waiting batches; if there
    /// are some, the flush's sync goes to `syncer` and the shard decides and logs them, and then
    /// whatever `more` hands over until the sync reports (waiting in `more` for either); if not,
    /// it syncs on this thread (one writer pays no hand-off). One sync at a time: the next flush
    /// is written after the previous one's sync reported. A batch is answered `Ok` only
    /// after the sync that covers it succeeded, and a refusal that rests on a flush that then
    /// failed is answered `LogFailed`.
    ///
    /// The stream asks `more` for nothing once the log or the tables failed; batches handed over
    /// after another shard published a policy start a new filter group (checked against it).
    pub fn commit_stream(
        &mut self,
        first: Vec<(Principal, ValidBatch)>,
        now_ms: &mut dyn FnMut() -> u64,
        more: &mut More<'_>,
        syncer: &mut dyn SyncRunner,
        answer: &mut dyn Answers,
    ) {
        let mut next_slot = 0usize;
        let mut batches = first;
        while !batches.is_empty() {
            batches =
                self.commit_filter_group(batches, &mut next_slot, now_ms, more, syncer, answer);
        }
    }

    /// One group of the command filters within a stream: returns the batches `more` handed over
    /// after another shard published a policy (for the next group), or none at the end.
    fn commit_filter_group(
        &mut self,
        first: Vec<(Principal, ValidBatch)>,
        next_slot: &mut usize,
        now_ms: &mut dyn FnMut() -> u64,
        more: &mut More<'_>,
        syncer: &mut dyn SyncRunner,
        answer: &mut dyn Answers,
    ) -> Vec<(Principal, ValidBatch)> {
        if let Some(cause) = &self.tables_failure {
            let cause = format!("the shard's tables failed: {cause}");
            for _ in first {
                let error = Error::LogFailed {
                    shard: self.options.shard,
                    cause: cause.clone(),
                };
                answer.answer(*next_slot, Err(error));
                *next_slot += 1;
            }
            answer.flushed();
            return Vec::new();
        }
        let mut stream = StreamState::default();
        let mut building = Flush::new(0);
        let mut in_flight: Option<Flush> = None;
        if let Some(filters) = &mut self.filters {
            filters.begin_group(&self.state.view());
        }
        let mut current = first;
        // Batches handed over after another shard published a policy: the next group's.
        let mut carried = Vec::new();
        loop {
            let now = now_ms();
            for (principal, batch) in current.drain(..) {
                let slot = *next_slot;
                *next_slot += 1;
                self.decide_and_log(slot, principal, batch, now, &mut stream, &mut building);
                if self.wal.pending_bytes() >= GROUP_BYTES_MAX {
                    // A flush at its byte bound is synced now, here, after the one in flight.
                    if let Some(flying) = in_flight.take() {
                        let outcome = syncer.finish();
                        self.complete_flush(flying, Some(outcome), &mut stream, answer);
                    }
                    let next = Flush::new(building.number + 1);
                    let full = std::mem::replace(&mut building, next);
                    self.sync_here(full, &mut stream, answer);
                }
            }
            // While a flush syncs, decide what arrives, until its sync reports.
            if in_flight.is_some() && carried.is_empty() && !syncer.is_done() {
                let done = || syncer.is_done();
                if self.take_more(more, &mut current, Some(&done)) {
                    if self.must_regroup() {
                        carried = std::mem::take(&mut current);
                    }
                    continue;
                }
            }
            // The flush in flight synced (or nothing more comes before it does): its outcome
            // first, so that the next flush can be written at once and sync while this one is
            // applied and answered.
            let synced = in_flight.take().map(|flying| {
                let outcome = syncer.finish();
                let durable = self.wal.synced(outcome).map_err(|error| error.to_string());
                (flying, durable)
            });
            let next = Flush::new(building.number + 1);
            let ending = std::mem::replace(&mut building, next);
            if ending.decided.is_empty() {
                if let Some((flying, durable)) = synced {
                    self.finish_flush(flying, durable, &mut stream, answer);
                }
                self.complete_flush(ending, None, &mut stream, answer);
                if !carried.is_empty() || !self.take_more(more, &mut current, None) {
                    break;
                }
                if self.must_regroup() {
                    carried = std::mem::take(&mut current);
                    break;
                }
                continue;
            }
            let sync = match self.wal.write_group() {
                Ok(sync) => sync.expect("a flush with decided batches has records to write"),
                Err(error) => {
                    if let Some((flying, durable)) = synced {
                        self.finish_flush(flying, durable, &mut stream, answer);
                    }
                    self.fail_flush(ending, &error, &mut stream, answer);
                    continue;
                }
            };
            if let Some(filters) = &mut self.filters {
                filters.written();
            }
            // Hand the sync over when there is enough to do meanwhile: the flush that just
            // synced to apply and answer, batches waiting, or a flush that alone holds so many
            // batches that more will come while it syncs (a stream's first flush at many
            // writers: synced here, the shard could decide nothing for a whole device flush).
            // Otherwise sync here: a hand-off costs two wake-ups, more than a few batches' work
            // saves (one writer never pays it).
            let synced_batches = synced
                .as_ref()
                .map_or(0, |(flying, _)| flying.decided.len());
            let mut hand_over = false;
            if carried.is_empty() && self.take_more(more, &mut current, None) {
                if self.must_regroup() {
                    carried = std::mem::take(&mut current);
                } else {
                    hand_over = true;
                }
            }
            let many = self.options.hand_over_batches_min;
            hand_over = carried.is_empty()
                && (hand_over || synced_batches > 0 || ending.decided.len() >= many)
                && ending.decided.len() + synced_batches + current.len() >= many;
            if hand_over {
                syncer.start(sync);
                in_flight = Some(ending);
                if let Some((flying, durable)) = synced {
                    self.finish_flush(flying, durable, &mut stream, answer);
                }
                continue;
            }
            if let Some((flying, durable)) = synced {
                self.finish_flush(flying, durable, &mut stream, answer);
            }
            let outcome = sync.run();
            self.complete_flush(ending, Some(outcome), &mut stream, answer);
            if !carried.is_empty() {
                break;
            }
        }
        debug_assert!(in_flight.is_none() && building.decided.is_empty());
        if let Some(filters) = &mut self.filters {
            filters.end_group();
        }
        carried
    }

    /// Asks `more` for waiting batches (with `until`: waiting for some unless `until()` holds),
    /// unless the log or the tables failed (the next stream answers them). Whether it handed
    /// over any.
    fn take_more(
        &self,
        more: &mut More<'_>,
        into: &mut Vec<(Principal, ValidBatch)>,
        until: Option<&dyn Fn() -> bool>,
    ) -> bool {
        debug_assert!(into.is_empty());
        if self.tables_failure.is_none() && self.wal.failure().is_none() {
            more(into, until);
        }
        !into.is_empty()
    }

    /// Whether batches handed over now must start a new filter group: another shard published a
    /// policy, which batches submitted after its publication must be checked against. Asked after
    /// `more` took them, so a publication that preceded their submission is seen.
    fn must_regroup(&self) -> bool {
        self.filters.as_ref().is_some_and(Pipeline::board_moved)
    }

    /// Decides one batch against the state and the stream's earlier batches, passes it through
    /// the filters and appends it to the log: it joins `building`'s decided batches, or its
    /// refusals.
    fn decide_and_log(
        &mut self,
        slot: usize,
        principal: Principal,
        batch: ValidBatch,
        now_ms: u64,
        stream: &mut StreamState,
        building: &mut Flush,
    ) {
        let position = self.wal.appended_position() + 1;
        let (committed, ids, keys, olds) =
            match self.decide(batch, &stream.overlay, position, now_ms) {
                Ok(outcome) => outcome,
                Err(error) => {
                    let seen = match &error {
                        Error::Conflict { key, .. } => {
                            stream.overlay.get(key).map(|&(_, flush)| flush)
                        }
                        _ => None,
                    };
                    building.refused.push((slot, error, seen));
                    return;
                }
            };
        let admission = match &mut self.filters {
            None => Admission::default(),
            Some(filters) => match filters.check(&principal, &committed, &olds) {
                Ok(admission) => admission,
                Err(error) => {
                    building
                        .refused
                        .push((slot, error, stream.last_accepted_flush));
                    return;
                }
            },
        };
        stream.payload.clear();
        codec::encode_batch(&committed, &mut stream.payload);
        if let Err(error) = self
            .wal
            .append(RecordKind::Batch, position, &stream.payload)
        {
            self.settle(admission, false);
            building.refused.push((slot, error, None));
            return;
        }
        if let Some(filters) = &mut self.filters {
            filters.accepted(&committed, &keys);
        }
        stream.last_accepted_flush = Some(building.number);
        for (change, key) in committed.changes.iter().zip(keys) {
            let after = match change {
                Change::Created(r) | Change::Updated(r) => Some(Current::from(r)),
                Change::Deleted { .. } => None,
            };
            stream.overlay.insert(key, (after, building.number));
        }
        building.decided.push(Decided {
            slot,
            batch: committed,
            ids,
            olds,
            admission,
        });
    }

    /// Writes and syncs `flush` on this thread, then completes it.
    fn sync_here(&mut self, flush: Flush, stream: &mut StreamState, answer: &mut dyn Answers) {
        if flush.decided.is_empty() {
            return self.complete_flush(flush, None, stream, answer);
        }
        match self.wal.write_group() {
            Ok(sync) => {
                if let Some(filters) = &mut self.filters {
                    filters.written();
                }
                let sync = sync.expect("a flush with decided batches has records to write");
                self.complete_flush(flush, Some(sync.run()), stream, answer);
            }
            Err(error) => self.fail_flush(flush, &error, stream, answer),
        }
    }

    /// A flush whose write failed (the log is failed): nothing of it is durable.
    fn fail_flush(
        &mut self,
        flush: Flush,
        error: &Error,
        stream: &mut StreamState,
        answer: &mut dyn Answers,
    ) {
        self.finish_flush(flush, Err(error.to_string()), stream, answer);
    }

    /// Takes a flush's sync outcome (`None`: nothing was written, only refusals to release), then
    /// applies and answers its batches.
    fn complete_flush(
        &mut self,
        flush: Flush,
        outcome: Option<std::io::Result<()>>,
        stream: &mut StreamState,
        answer: &mut dyn Answers,
    ) {
        let durable = match outcome {
            None => Ok(self.wal.durable_position()),
            Some(outcome) => self.wal.synced(outcome).map_err(|error| error.to_string()),
        };
        self.finish_flush(flush, durable, stream, answer);
    }

    /// Applies and answers a flush's batches if it is durable (else `LogFailed`), releases its
    /// refusals, and does what follows an apply (freeze, purge).
    fn finish_flush(
        &mut self,
        flush: Flush,
        durable: std::result::Result<u64, String>,
        stream: &mut StreamState,
        answer: &mut dyn Answers,
    ) {
        let Flush {
            number,
            decided,
            refused,
        } = flush;
        let synced = !decided.is_empty();
        if synced {
            if let Some(filters) = &mut self.filters {
                filters.flushed(durable.is_ok());
            }
        }
        let mut answered = Vec::with_capacity(decided.len());
        match &durable {
            Ok(durable) => {
                for d in decided {
                    debug_assert!(d.batch.position <= *durable);
                    let position = d.batch.position;
                    self.settle(d.admission, true);
                    self.state.apply_decided(d.batch, d.olds);
                    answered.push((
                        d.slot,
                        Ok(CommitReceipt {
                            shard: self.options.shard,
                            position,
                            ids: d.ids,
                        }),
                    ));
                }
            }
            Err(cause) => {
                stream.failed_flush.get_or_insert(number);
                for d in decided {
                    self.settle(d.admission, false);
                    answered.push((
                        d.slot,
                        Err(Error::LogFailed {
                            shard: self.options.shard,
                            cause: cause.clone(),
                        }),
                    ));
                }
            }
        }
        if let Some(filters) = &mut self.filters {
            // Before the answers: a batch submitted after a policy change was acknowledged is
            // checked against it, on every shard.
            filters.publish_durable();
        }
        let answers_any = !answered.is_empty() || !refused.is_empty();
        for (slot, answer_of) in answered {
            answer.answer(slot, answer_of);
        }
        for (slot, error, seen) in refused {
            let on_failed =
                matches!((seen, stream.failed_flush), (Some(seen), Some(failed)) if seen >= failed);
            if on_failed {
                let cause = self.wal.failure().unwrap_or_default().to_string();
                answer.answer(
                    slot,
                    Err(Error::LogFailed {
                        shard: self.options.shard,
                        cause: format!(
                            "the batch conflicted with an earlier batch of its group that was \
                             never made durable: {cause}"
                        ),
                    }),
                );
            } else {
                answer.answer(slot, Err(error));
            }
        }
        if answers_any {
            answer.flushed();
        }
        if synced {
            self.after_apply();
        }
    }

    /// Settles a batch's quota reservations (see [`Admission::settle`]).
    fn settle(&mut self, admission: Admission, durable: bool) {
        match &mut self.filters {
            Some(filters) => filters.settle(admission, durable),
            None => admission.settle(durable),
        }
    }

    /// Checks every condition of `batch` against the state as the group has changed it so far, and
    /// builds the changes it will log at `position`, with each command's id and key.
    #[allow(clippy::type_complexity)]
    fn decide(
        &self,
        batch: ValidBatch,
        overlay: &Overlay,
        position: u64,
        now_ms: u64,
    ) -> Result<(
        CommittedBatch,
        Vec<ResourceId>,
        Vec<String>,
        Vec<Option<Option<Arc<Resource>>>>,
    )> {
        let commands = batch.into_commands();
        let mut changes = Vec::with_capacity(commands.len());
        let mut ids = Vec::with_capacity(commands.len());
        let mut keys = Vec::with_capacity(commands.len());
        let mut olds = Vec::with_capacity(commands.len());
        for (index, command) in commands.into_iter().enumerate() {
            let key = command.key();
            let (current, old): (Option<Current>, Option<Option<Arc<Resource>>>) =
                match overlay.get(&key) {
                    Some((after, _)) => (*after, None),
                    None => {
                        let stored = self.state.get_latest(command.namespace(), command.name())?;
                        (stored.as_deref().map(Current::from), Some(stored))
                    }
                };
            let conflict = |reason| Error::Conflict {
                command_index: index,
                key: key.clone(),
                reason,
            };
            let actual = current.map_or(0, |r| r.revision);
            if let Some(expected) = command.expected_revision() {
                if expected != actual {
                    return Err(conflict(ConflictReason::RevisionMismatch {
                        expected,
                        actual,
                    }));
                }
            }
            let fresh_id = ResourceId::new(
                self.options.cluster_id,
                self.options.shard,
                position,
                index as u16,
            );
            let change = match (command, current) {
                (Command::Create { .. }, Some(existing)) => {
                    return Err(conflict(ConflictReason::AlreadyExists {
                        revision: existing.revision,
                    }))
                }
                (Command::Update { .. } | Command::Delete { .. }, None) => {
                    return Err(conflict(ConflictReason::NotFound))
                }
                (Command::Create { spec } | Command::Put { spec, .. }, None) => {
                    Change::Created(spec.into_resource(fresh_id, now_ms, position))
                }
                (Command::Update { spec, .. } | Command::Put { spec, .. }, Some(existing)) => {
                    Change::Updated(spec.into_resource(existing.id, existing.created_ms, position))
                }
                (
                    Command::Delete {
                        namespace, name, ..
                    },
                    Some(existing),
                ) => Change::Deleted {
                    id: existing.id,
                    namespace: namespace.clone(),
                    name: name.clone(),
                },
            };
            ids.push(match &change {
                Change::Created(r) | Change::Updated(r) => r.id,
                Change::Deleted { id, .. } => *id,
            });
            changes.push(change);
            keys.push(key);
            olds.push(old);
        }
        Ok((
            CommittedBatch {
                position,
                commit_time_ms: now_ms,
                changes,
            },
            ids,
            keys,
            olds,
        ))
    }
}
