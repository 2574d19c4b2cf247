//! A shard: one log and one state, owned by one thread. [`Shard`] is the sans-IO core (decide,
//! log, apply), driven by the shard thread in production and directly by tests.
//!
//! Group commit: [`Shard::commit_group`] takes every batch that arrived while the previous group was
//! being synced, decides each against the state plus the effects of the batches before it in the group,
//! appends the accepted ones to the log, makes them durable with one write and one fdatasync, then
//! applies them and answers. A batch is answered `Ok` only after the sync that covers it succeeded.
//! Reads see only applied — durable — state.

use std::collections::HashMap;
use std::path::Path;

use crate::codec;
use crate::command::{Change, Command, CommitReceipt, CommittedBatch, ValidBatch};
use crate::error::{ConflictReason, Error, Result};
use crate::filter::{Admission, Pipeline, Principal};
use crate::history::HistoryLimits;
use crate::limits::BATCH_BYTES_MAX;
use crate::limits::{
    HISTORY_AGE_MS_MAX, HISTORY_CHANGES_MAX, HISTORY_MEMORY_BYTES_DEFAULT, MEMTABLE_BYTES_DEFAULT,
};
use crate::resource::{Resource, ResourceId};
use crate::state::Published;
use crate::state::{Minter, State};
use crate::storage::Storage;
use crate::table::store::{Flusher, TableStore, TableWork};
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
    /// The horizon of the shard's history of changes (its history files), which is also how far
    /// back compaction keeps superseded versions.
    pub history: HistoryLimits,
    /// Estimated bytes of changes the history keeps in memory beside its files.
    pub history_memory_bytes: u64,
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
            history: HistoryLimits::default(),
            history_memory_bytes: HISTORY_MEMORY_BYTES_DEFAULT,
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
    /// the module doc). Each decided batch passes the command filters before it is logged.
    ///
    /// A batch answered `Conflict` or `Rejected` because of an earlier batch of the same group
    /// whose flush then failed is answered `LogFailed` instead: no answer describes a state that
    /// never existed.
    pub fn commit_group_as(
        &mut self,
        batches: Vec<(Principal, ValidBatch)>,
        now_ms: u64,
    ) -> Vec<Result<CommitReceipt>> {
        if let Some(cause) = &self.tables_failure {
            let cause = format!("the shard's tables failed: {cause}");
            return batches
                .iter()
                .map(|_| {
                    Err(Error::LogFailed {
                        shard: self.options.shard,
                        cause: cause.clone(),
                    })
                })
                .collect();
        }
        let mut answers: Vec<Option<Result<CommitReceipt>>> =
            (0..batches.len()).map(|_| None).collect();
        // Key → its state after the group's earlier batches, and the flush (chunk) that holds them.
        let mut overlay: HashMap<String, (Option<Current>, usize)> = HashMap::new();
        // Conflicts decided against the overlay: (slot, chunk of the effect they saw).
        let mut conflicts_on_overlay: Vec<(usize, usize)> = Vec::new();
        let mut decided: Vec<Decided> = Vec::new();
        let mut chunk = 0usize;
        let mut failed_chunk: Option<usize> = None;
        let mut payload = Vec::new();
        // The chunk of the group's last accepted batch: a filter's verdict may depend on it.
        let mut last_accepted_chunk: Option<usize> = None;
        if let Some(filters) = &mut self.filters {
            filters.begin_group(&self.state.view());
        }
        for (slot, (principal, batch)) in batches.into_iter().enumerate() {
            let position = self.wal.appended_position() + 1;
            let (committed, ids, keys, olds) = match self.decide(batch, &overlay, position, now_ms)
            {
                Ok(outcome) => outcome,
                Err(error) => {
                    if let Error::Conflict { key, .. } = &error {
                        if let Some(&(_, seen)) = overlay.get(key) {
                            conflicts_on_overlay.push((slot, seen));
                        }
                    }
                    answers[slot] = Some(Err(error));
                    continue;
                }
            };
            let admission = match &mut self.filters {
                None => Admission::default(),
                Some(filters) => match filters.check(&principal, &committed, &olds) {
                    Ok(admission) => admission,
                    Err(error) => {
                        if let Some(seen) = last_accepted_chunk {
                            conflicts_on_overlay.push((slot, seen));
                        }
                        answers[slot] = Some(Err(error));
                        continue;
                    }
                },
            };
            payload.clear();
            codec::encode_batch(&committed, &mut payload);
            if let Err(error) = self.wal.append(RecordKind::Batch, position, &payload) {
                self.settle(admission, false);
                answers[slot] = Some(Err(error));
                continue;
            }
            if let Some(filters) = &mut self.filters {
                filters.accepted(&committed);
            }
            last_accepted_chunk = Some(chunk);
            for (change, key) in committed.changes.iter().zip(keys) {
                let after = match change {
                    Change::Created(r) | Change::Updated(r) => Some(Current::from(r)),
                    Change::Deleted { .. } => None,
                };
                overlay.insert(key, (after, chunk));
            }
            decided.push(Decided {
                slot,
                batch: committed,
                ids,
                olds,
                admission,
            });
            if self.wal.pending_bytes() >= GROUP_BYTES_MAX {
                if !self.make_durable(&mut decided, &mut answers) {
                    failed_chunk.get_or_insert(chunk);
                }
                chunk += 1;
            }
        }
        if !self.make_durable(&mut decided, &mut answers) {
            failed_chunk.get_or_insert(chunk);
        }
        if let Some(filters) = &mut self.filters {
            filters.end_group();
        }
        self.after_apply();
        if let Some(failed) = failed_chunk {
            let cause = self.wal.failure().unwrap_or_default().to_string();
            for &(slot, seen) in &conflicts_on_overlay {
                if seen >= failed {
                    answers[slot] = Some(Err(Error::LogFailed {
                        shard: self.options.shard,
                        cause: format!(
                            "the batch conflicted with an earlier batch of its group that was \
                             never made durable: {cause}"
                        ),
                    }));
                }
            }
        }
        answers
            .into_iter()
            .map(|a| a.expect("every batch of a group is answered"))
            .collect()
    }

    /// Syncs the decided batches; applies and acknowledges them only if the sync succeeded. Returns
    /// whether it did.
    fn make_durable(
        &mut self,
        decided: &mut Vec<Decided>,
        answers: &mut [Option<Result<CommitReceipt>>],
    ) -> bool {
        if decided.is_empty() {
            return self.wal.failure().is_none();
        }
        let flushed = self.wal.flush();
        if let Some(filters) = &mut self.filters {
            filters.flushed(flushed.is_ok());
        }
        match flushed {
            Ok(durable) => {
                for d in decided.drain(..) {
                    debug_assert!(d.batch.position <= durable);
                    let position = d.batch.position;
                    self.settle(d.admission, true);
                    self.state.apply_decided(d.batch, d.olds);
                    answers[d.slot] = Some(Ok(CommitReceipt {
                        shard: self.options.shard,
                        position,
                        ids: d.ids,
                    }));
                }
                true
            }
            Err(error) => {
                let cause = error.to_string();
                for d in decided.drain(..) {
                    self.settle(d.admission, false);
                    answers[d.slot] = Some(Err(Error::LogFailed {
                        shard: self.options.shard,
                        cause: cause.clone(),
                    }));
                }
                false
            }
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
        overlay: &HashMap<String, (Option<Current>, usize)>,
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
