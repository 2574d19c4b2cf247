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
use crate::resource::{Resource, ResourceId, ResourceSpec};
use crate::state::State;
use crate::storage::Storage;
use crate::wal::record::RecordKind;
use crate::wal::{Wal, WalOptions};

/// Bytes of log records a group buffers before it writes and syncs them; a larger group is committed
/// in several syncs. Bounds a shard's write buffer.
pub const GROUP_BYTES_MAX: usize = 16 * 1024 * 1024;

#[derive(Clone, Debug)]
pub struct ShardOptions {
    pub shard: u16,
    pub instance: u32,
    pub segment_bytes_max: u64,
}

pub struct Shard<S: Storage> {
    options: ShardOptions,
    wal: Wal<S>,
    state: State,
    /// Keys changed by batches staged or in flight but not yet applied: what a later decision must
    /// see, with the position of the batch that last changed each key.
    overlay: HashMap<String, (Option<Current>, u64)>,
    /// Batches decided and buffered for the next sync.
    staged: Vec<Decided>,
    /// Batches of the sync in flight.
    in_flight: Vec<Decided>,
    /// Why the sync in flight could not even start (the log had failed).
    start_failure: Option<String>,
    /// Scratch buffer for encoding one batch.
    payload: Vec<u8>,
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

/// A batch decided and appended to the log's buffer, waiting for its sync.
struct Decided {
    batch: CommittedBatch,
    ids: Vec<ResourceId>,
}

/// The batches of a finished sync, and whether it failed.
pub struct Synced {
    batches: Vec<Decided>,
    failure: Option<String>,
}

impl<S: Storage> Shard<S> {
    /// Opens the shard's log in `wal_dir` and replays it into the state.
    pub fn open(storage: S, wal_dir: &Path, options: ShardOptions) -> Result<Self> {
        let mut state = State::default();
        let wal = Wal::open(
            storage,
            wal_dir,
            WalOptions {
                shard: options.shard,
                segment_bytes_max: options.segment_bytes_max,
            },
            &mut |record| {
                if record.kind != RecordKind::Batch {
                    return Ok(());
                }
                let batch = codec::decode_batch(record.position, record.payload)
                    .map_err(|e| e.to_string())?;
                state.check(&batch)?;
                state.apply(batch);
                Ok(())
            },
        )?;
        tracing::info!(
            shard = options.shard,
            position = wal.durable_position(),
            resources = state.len(),
            "shard recovered"
        );
        Ok(Shard {
            options,
            wal,
            state,
            overlay: HashMap::new(),
            staged: Vec::new(),
            in_flight: Vec::new(),
            start_failure: None,
            payload: Vec::new(),
        })
    }

    pub fn id(&self) -> u16 {
        self.options.shard
    }

    /// The position of the last durable, applied batch.
    pub fn position(&self) -> u64 {
        self.state.applied_position()
    }

    pub fn get(&self, key: &str) -> Option<&Resource> {
        self.state.get(key)
    }

    pub fn get_by_id(&self, id: &ResourceId) -> Option<&Resource> {
        self.state.get_by_id(id)
    }

    pub fn state(&self) -> &State {
        &self.state
    }

    pub fn wal_mut(&mut self) -> &mut Wal<S> {
        &mut self.wal
    }

    /// Commits a group of batches: one answer per batch, in order (see the module doc). The same
    /// steps as the shard thread's pipeline, run one after the other.
    pub fn commit_group(
        &mut self,
        batches: Vec<ValidBatch>,
        now_ms: u64,
    ) -> Vec<Result<CommitReceipt>> {
        assert!(!self.wal.has_flush_in_flight() && self.staged.is_empty());
        let mut answers: Vec<Option<Result<CommitReceipt>>> =
            (0..batches.len()).map(|_| None).collect();
        let mut staged_slots = Vec::new();
        for (slot, batch) in batches.into_iter().enumerate() {
            match self.stage(batch, now_ms) {
                Ok(()) => staged_slots.push(slot),
                Err(error) => answers[slot] = Some(Err(error)),
            }
            if self.staged_bytes() >= GROUP_BYTES_MAX {
                self.sync_staged(&mut staged_slots, &mut answers);
            }
        }
        self.sync_staged(&mut staged_slots, &mut answers);
        answers
            .into_iter()
            .map(|a| a.expect("every batch of a group is answered"))
            .collect()
    }

    fn sync_staged(
        &mut self,
        slots: &mut Vec<usize>,
        answers: &mut [Option<Result<CommitReceipt>>],
    ) {
        self.start_sync();
        let synced = self.wait_sync();
        for (slot, answer) in slots.drain(..).zip(self.apply_synced(synced)) {
            answers[slot] = Some(answer);
        }
    }

    /// Decides `batch` against the state plus every batch staged or in flight before it, and
    /// appends it to the log's buffer. `Err` is the answer now (a failed condition, a failed log);
    /// `Ok` means the answer comes from `apply_synced` after the sync that covers it.
    pub fn stage(&mut self, batch: ValidBatch, now_ms: u64) -> Result<()> {
        let position = self.wal.appended_position() + 1;
        let (committed, ids, keys) = self.decide(batch, position, now_ms)?;
        self.payload.clear();
        codec::encode_batch(&committed, &mut self.payload);
        self.wal
            .append(RecordKind::Batch, position, &self.payload)?;
        for (change, key) in committed.changes.iter().zip(keys) {
            let after = match change {
                Change::Created(r) | Change::Updated(r) => Some(Current::from(r)),
                Change::Deleted { .. } => None,
            };
            self.overlay.insert(key, (after, position));
        }
        self.staged.push(Decided {
            batch: committed,
            ids,
        });
        Ok(())
    }

    /// Log bytes staged and not yet handed to the disk.
    pub fn staged_bytes(&self) -> usize {
        self.wal.pending_bytes()
    }

    pub fn has_staged(&self) -> bool {
        !self.staged.is_empty()
    }

    pub fn has_sync_in_flight(&self) -> bool {
        !self.in_flight.is_empty()
    }

    /// Hands every staged batch to the disk (one write, one fdatasync) without waiting.
    pub fn start_sync(&mut self) {
        assert!(
            self.in_flight.is_empty(),
            "wait for the sync in flight first"
        );
        if self.staged.is_empty() {
            return;
        }
        self.in_flight = std::mem::take(&mut self.staged);
        if let Err(error) = self.wal.flush_start() {
            self.start_failure = Some(error.to_string());
        }
    }

    /// Waits for the sync in flight; its batches are then durable, or failed.
    pub fn wait_sync(&mut self) -> Synced {
        let batches = std::mem::take(&mut self.in_flight);
        if batches.is_empty() {
            return Synced {
                batches,
                failure: None,
            };
        }
        let failure = match self.start_failure.take() {
            Some(cause) => Some(cause),
            None => self.wal.flush_finish().err().map(|e| e.to_string()),
        };
        Synced { batches, failure }
    }

    /// Applies the batches of a successful sync and answers them, in order; or answers every one
    /// `LogFailed` if the sync failed.
    pub fn apply_synced(&mut self, synced: Synced) -> Vec<Result<CommitReceipt>> {
        if let Some(cause) = synced.failure {
            // The log is failed: nothing staged will ever be durable, so no decision may rely on it.
            self.overlay.clear();
            return synced
                .batches
                .into_iter()
                .map(|_| {
                    Err(Error::LogFailed {
                        shard: self.options.shard,
                        cause: cause.clone(),
                    })
                })
                .collect();
        }
        let mut answers = Vec::with_capacity(synced.batches.len());
        for d in synced.batches {
            let position = d.batch.position;
            debug_assert!(position <= self.wal.durable_position());
            for change in &d.batch.changes {
                let key = change.key();
                if self.overlay.get(&key).is_some_and(|(_, p)| *p == position) {
                    self.overlay.remove(&key);
                }
            }
            self.state.apply(d.batch);
            answers.push(Ok(CommitReceipt {
                shard: self.options.shard,
                position,
                ids: d.ids,
            }));
        }
        answers
    }

    /// Checks every condition of `batch` against the state as the group has changed it so far, and
    /// builds the changes it will log at `position`, with each command's id and key.
    #[allow(clippy::type_complexity)]
    fn decide(
        &self,
        batch: ValidBatch,
        position: u64,
        now_ms: u64,
    ) -> Result<(CommittedBatch, Vec<ResourceId>, Vec<String>)> {
        let commands = batch.into_commands();
        let mut changes = Vec::with_capacity(commands.len());
        let mut ids = Vec::with_capacity(commands.len());
        let mut keys = Vec::with_capacity(commands.len());
        for (index, command) in commands.into_iter().enumerate() {
            let key = command.key();
            let current: Option<Current> = match self.overlay.get(&key) {
                Some((after, _)) => *after,
                None => self.state.get(&key).map(Current::from),
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
                self.options.instance,
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
                    Change::Created(build(spec, fresh_id, now_ms, position))
                }
                (Command::Update { spec, .. } | Command::Put { spec, .. }, Some(existing)) => {
                    Change::Updated(build(spec, existing.id, existing.created_ms, position))
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
        }
        Ok((
            CommittedBatch {
                position,
                commit_time_ms: now_ms,
                changes,
            },
            ids,
            keys,
        ))
    }
}

fn build(spec: ResourceSpec, id: ResourceId, created_ms: u64, position: u64) -> Resource {
    Resource {
        api_version: spec.api_version,
        id,
        namespace: spec.namespace,
        name: spec.name,
        kind: spec.kind,
        created_ms,
        owner: spec.owner,
        tags: spec.tags,
        cost: spec.cost,
        data: spec.data,
        revision: position,
    }
}
