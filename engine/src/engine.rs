//! The engine: N shards, each on its own thread with its own storage (its own io_uring in
//! production), reached only through bounded queues.
//!
//! A request is validated on the caller's thread, routed by namespace to the owning shard
//! (`routing::shard_for_namespace`) and handed over as a message; the answer comes back through a
//! one-shot completion that can be waited on or awaited. Nothing else is shared between threads.

use std::any::Any;
use std::io;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::command::{Batch, CommitReceipt, ValidBatch};
use crate::error::{Error, Result};
use crate::filter::{Board, Pipeline, Principal, Reader};
use crate::history::{HistoryError, HistoryLimits, Page as HistoryPage};
use crate::limits::HANDLERS_MAX;
use crate::limits::{
    BATCH_BYTES_MAX, GROUP_BYTES_DEFAULT, GROUP_REQUESTS_MAX, HISTORY_MEMORY_BYTES_DEFAULT,
    HISTORY_MEMORY_BYTES_MAX, HISTORY_MEMORY_BYTES_MIN, MAPPED_RESIDENT_BYTES_DEFAULT,
    MAPPED_RESIDENT_BYTES_MIN, MEMTABLE_BYTES_DEFAULT, MEMTABLE_BYTES_MAX, MEMTABLE_BYTES_MIN,
    SEGMENT_BYTES_DEFAULT, SHARDS_MAX, SHARD_QUEUE_BYTES_DEFAULT, SHARD_QUEUE_BYTES_MAX,
    SHARD_QUEUE_REQUESTS_MAX, SHARD_SPIN_MAX, SUBSCRIPTION_INBOX_BYTES_DEFAULT,
    SUBSCRIPTION_INBOX_BYTES_MAX, SUBSCRIPTION_INBOX_EVENTS_DEFAULT, SUBSCRIPTION_INBOX_EVENTS_MAX,
    WAL_SEGMENT_BYTES_MAX, WAL_SEGMENT_BYTES_MIN,
};
use crate::meta;
use crate::query::Scope;
use crate::resource::{validate_name, validate_namespace, Resource, ResourceId};
use crate::routing::shard_for_namespace;
use crate::shard::{Answers, Shard, ShardOptions};
use crate::state::{Published, ReadView};
use crate::storage::uring::{SyncPath, UringStorage};
use crate::storage::Storage;
use crate::subscription::stream::HandlerThread;
use crate::subscription::{Event, Pattern, Start, Subscription};
use crate::sync::bell::Bell;
/// A shard's bell, shared with the completions of its blocked commits (`sync::prim::Arc`: under
/// loom, the completions' protocol is model-checked with it).
type SharedBell = crate::sync::prim::Arc<Bell>;
use crate::sync::{
    completion, completion_on_bell, BoundedQueue, Completer, InlineSync, Pending, PushError,
    SyncRunner, SyncThread, Wake,
};
use crate::table::store::{TableStats, TableWork, WorkerPriority};
use crate::wal::Preallocation;
use std::cell::RefCell;

/// How to open an engine. `Engine::open` checks every field ([`EngineConfig::validate`]) before it
/// touches the disk.
#[derive(Clone, Debug)]
pub struct EngineConfig {
    pub data_dir: PathBuf,
    /// Shards of a new data directory (default: one per core), 1 to `SHARDS_MAX`. An existing
    /// directory keeps its own; asking for a different count is an error.
    pub shards: Option<u16>,
    /// The cluster this data directory belongs to: the first 4 bytes of every resource id it mints.
    /// A new directory records it (or, if `None`, a random one); an existing one must match it
    /// (`None` accepts the recorded one). Replicas of one cluster are made with the same id, so the
    /// same log mints the same ids on every replica.
    pub cluster_id: Option<u32>,
    /// Size at which a WAL segment is closed and the next started (default `SEGMENT_BYTES_DEFAULT`),
    /// `WAL_SEGMENT_BYTES_MIN` to `WAL_SEGMENT_BYTES_MAX`.
    pub segment_bytes_max: u64,
    /// Requests one shard's queue holds (default and maximum `SHARD_QUEUE_REQUESTS_MAX`).
    pub queue_capacity: usize,
    /// Bytes one shard's queue holds (default `SHARD_QUEUE_BYTES_DEFAULT`), `BATCH_BYTES_MAX` (so
    /// that every valid batch fits) to `SHARD_QUEUE_BYTES_MAX`.
    pub queue_bytes_max: u64,
    /// Requests a shard takes into one group (default `GROUP_REQUESTS_MAX`), 1 to `queue_capacity`.
    pub group_requests_max: usize,
    /// Bytes of requests a shard takes into one group (default `GROUP_BYTES_DEFAULT`), 1 to
    /// `queue_bytes_max`; a group always takes its first request, however large.
    pub group_bytes_max: u64,
    /// Pin shard `i` to the `i`-th CPU this process may run on (modulo their count). `None` (the
    /// default) pins only where there are cores to spare (see [`pin_by_default`]).
    pub pin_shards_to_cpus: Option<bool>,
    /// How the log's write + fdatasync reach the kernel (io_uring, or direct system calls); see
    /// `docs/benchmarks.md` for the measured difference.
    pub wal_sync: SyncPath,
    /// How long a shard thread polls its empty queue before it sleeps, 0 to `SHARD_SPIN_MAX`; see
    /// `docs/benchmarks.md` for the measured difference.
    pub shard_spin: std::time::Duration,
    /// Whether WAL segments are made ahead of time at full size and zeroed, so that a commit's
    /// fdatasync overwrites blocks instead of growing the file (default `Background`: a helper
    /// thread per shard makes the next one); see `docs/benchmarks.md` for the measured difference.
    pub wal_preallocation: Preallocation,
    /// Whether a shard hands a log group's fdatasync to a thread of its own (`aorta-sync-<n>`)
    /// when batches are waiting, and decides and logs them while the device flushes (default on);
    /// off, every sync runs on the shard's thread and the shard decides nothing meanwhile. See
    /// `docs/benchmarks.md` for the measured difference.
    pub sync_thread: bool,
    /// Bytes of a shard's active memtable at which it is frozen and flushed to an sstable (default
    /// `MEMTABLE_BYTES_DEFAULT`), `MEMTABLE_BYTES_MIN` to `MEMTABLE_BYTES_MAX`. A shard holds at
    /// most `1 + FROZEN_MEMTABLES_MAX` memtables.
    pub memtable_bytes_max: u64,
    /// Where flushes run (default `Background`: a worker thread per shard; `Inline` for tests that
    /// cut power at every IO point).
    pub table_work: TableWork,
    /// The CPU priority of each shard's table workers (default `Normal`; `Idle` is `SCHED_IDLE`,
    /// faster on a machine that has CPU to spare for them, starved on one that has not); see
    /// [`WorkerPriority`] and `docs/benchmarks.md` for the measured difference.
    pub table_worker_priority: WorkerPriority,
    /// The horizon of each shard's history of changes (count, bytes of history files, age;
    /// defaults `HISTORY_*_DEFAULT`), which `Engine::history` streams from and which survives
    /// restarts. It is also how far back queries reach: compaction keeps every version a query at
    /// a position inside the horizon needs (`Engine::view_at`, `Engine::query_at`), so the horizon
    /// costs table space as well as history files.
    pub history: HistoryLimits,
    /// Estimated bytes of each shard's newest changes kept in memory beside its history files
    /// (default `HISTORY_MEMORY_BYTES_DEFAULT`), `HISTORY_MEMORY_BYTES_MIN` to
    /// `HISTORY_MEMORY_BYTES_MAX`: a read of them never touches a file. Changes not yet in a
    /// history file are kept whatever this says.
    pub history_memory_bytes: u64,
    /// Bytes of mapped table and history file pages the process may keep resident before the
    /// engine releases them to the page cache (`resident`; default
    /// `MAPPED_RESIDENT_BYTES_DEFAULT`, at least `MAPPED_RESIDENT_BYTES_MIN`); `None`: never.
    pub mapped_resident_bytes_max: Option<u64>,
    /// Events and estimated bytes each subscriber's inbox holds before the shards' dispatchers
    /// drop it back to reading the history itself (defaults `SUBSCRIPTION_INBOX_EVENTS_DEFAULT`,
    /// `SUBSCRIPTION_INBOX_BYTES_DEFAULT`; 1 to `SUBSCRIPTION_INBOX_*_MAX`): the memory a live
    /// subscriber that does not read may hold.
    pub subscription_inbox_events_max: usize,
    pub subscription_inbox_bytes_max: u64,
}

impl EngineConfig {
    pub fn new(data_dir: impl Into<PathBuf>) -> Self {
        EngineConfig {
            data_dir: data_dir.into(),
            shards: None,
            cluster_id: None,
            segment_bytes_max: SEGMENT_BYTES_DEFAULT,
            queue_capacity: SHARD_QUEUE_REQUESTS_MAX,
            queue_bytes_max: SHARD_QUEUE_BYTES_DEFAULT,
            group_requests_max: GROUP_REQUESTS_MAX,
            group_bytes_max: GROUP_BYTES_DEFAULT,
            pin_shards_to_cpus: None,
            wal_sync: SyncPath::default(),
            shard_spin: std::time::Duration::ZERO,
            wal_preallocation: Preallocation::Background,
            sync_thread: true,
            memtable_bytes_max: MEMTABLE_BYTES_DEFAULT,
            table_work: TableWork::Background,
            table_worker_priority: WorkerPriority::Normal,
            history: HistoryLimits::default(),
            history_memory_bytes: HISTORY_MEMORY_BYTES_DEFAULT,
            mapped_resident_bytes_max: Some(MAPPED_RESIDENT_BYTES_DEFAULT),
            subscription_inbox_events_max: SUBSCRIPTION_INBOX_EVENTS_DEFAULT,
            subscription_inbox_bytes_max: SUBSCRIPTION_INBOX_BYTES_DEFAULT,
        }
    }

    pub fn with_shards(mut self, shards: u16) -> Self {
        self.shards = Some(shards);
        self
    }

    /// Checks every field against its bounds; the first that breaks one is the error.
    pub fn validate(&self) -> Result<()> {
        if let Some(shards) = self.shards {
            check_range("shards", shards as u64, 1, SHARDS_MAX as u64)?;
        }
        check_range(
            "segment_bytes_max",
            self.segment_bytes_max,
            WAL_SEGMENT_BYTES_MIN,
            WAL_SEGMENT_BYTES_MAX,
        )?;
        check_range(
            "queue_capacity",
            self.queue_capacity as u64,
            1,
            SHARD_QUEUE_REQUESTS_MAX as u64,
        )?;
        check_range(
            "queue_bytes_max",
            self.queue_bytes_max,
            BATCH_BYTES_MAX as u64,
            SHARD_QUEUE_BYTES_MAX,
        )?;
        check_range(
            "group_requests_max",
            self.group_requests_max as u64,
            1,
            self.queue_capacity as u64,
        )?;
        check_range(
            "group_bytes_max",
            self.group_bytes_max,
            1,
            self.queue_bytes_max,
        )?;
        self.history.validate().map_err(|error| match error {
            HistoryError::InvalidLimit { field, value, rule } => Error::InvalidConfig {
                field,
                value: value.to_string(),
                rule,
            },
            other => unreachable!("validation yields only invalid limits: {other}"),
        })?;
        if let Some(max) = self.mapped_resident_bytes_max {
            check_range(
                "mapped_resident_bytes_max",
                max,
                MAPPED_RESIDENT_BYTES_MIN,
                u64::MAX,
            )?;
        }
        check_range(
            "history_memory_bytes",
            self.history_memory_bytes,
            HISTORY_MEMORY_BYTES_MIN,
            HISTORY_MEMORY_BYTES_MAX,
        )?;
        check_range(
            "memtable_bytes_max",
            self.memtable_bytes_max,
            MEMTABLE_BYTES_MIN,
            MEMTABLE_BYTES_MAX,
        )?;
        check_range(
            "subscription_inbox_events_max",
            self.subscription_inbox_events_max as u64,
            1,
            SUBSCRIPTION_INBOX_EVENTS_MAX as u64,
        )?;
        check_range(
            "subscription_inbox_bytes_max",
            self.subscription_inbox_bytes_max,
            1,
            SUBSCRIPTION_INBOX_BYTES_MAX,
        )?;
        check_range(
            "shard_spin (µs)",
            self.shard_spin.as_micros().min(u64::MAX as u128) as u64,
            0,
            SHARD_SPIN_MAX.as_micros() as u64,
        )
    }
}

fn check_range(field: &'static str, value: u64, min: u64, max: u64) -> Result<()> {
    if (min..=max).contains(&value) {
        return Ok(());
    }
    Err(Error::InvalidConfig {
        field,
        value: value.to_string(),
        rule: format!("must be from {min} to {max}"),
    })
}

/// The default number of shards: one per core.
pub fn default_shard_count() -> u16 {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, SHARDS_MAX) as u16
}

/// A commit handed to its shard: the batch, and where its answer goes. Kept apart so that whatever
/// happens to the batch (a panic in the middle of a group), the shard thread still holds every
/// reply and can answer it. Reads never enter the queue: they are answered from the shard's
/// published read view on the caller's thread.
struct Request {
    batch: ValidBatch,
    /// Who sent it: what the permission filter checks.
    principal: Principal,
    reply: Reply<CommitReceipt>,
}

impl Request {
    /// What the request counts against its queue's byte budget: its batch's encoded size bound (at
    /// most `BATCH_BYTES_MAX`, which every queue can hold).
    fn bytes(&self) -> u64 {
        self.batch.encoded_len_bound() as u64
    }
}

/// The answering side of one request. If it is dropped without an answer (a bug, or a panic that
/// escaped the shard thread's guards) it answers `ShardDown` itself, so that no waiter ever sees a
/// bare `Abandoned`.
struct Reply<T> {
    done: Option<Completer<Result<T>>>,
    shard: u16,
}

impl<T> Reply<T> {
    fn new(shard: u16) -> (Self, Pending<Result<T>>) {
        Self::of(shard, completion())
    }

    /// A reply whose blocked waiter sleeps on the shard's `answers` bell, on `bit`.
    fn on_bell(shard: u16, answers: SharedBell, bit: u32) -> (Self, Pending<Result<T>>) {
        Self::of(shard, completion_on_bell(answers, bit))
    }

    fn of(
        shard: u16,
        (done, pending): (Completer<Result<T>>, Pending<Result<T>>),
    ) -> (Self, Pending<Result<T>>) {
        (
            Reply {
                done: Some(done),
                shard,
            },
            pending,
        )
    }

    fn send(mut self, answer: Result<T>) {
        let done = self.done.take().expect("a reply is sent once");
        done.complete(answer);
    }

    /// Gives the answer now; its waiter is woken when the returned [`Wake`] is dropped.
    fn send_later(mut self, answer: Result<T>) -> Wake<Result<T>> {
        let done = self.done.take().expect("a reply is sent once");
        done.complete_later(answer)
    }

    /// The request never reached its shard and the caller gets its error directly: nobody waits for
    /// this reply.
    fn discard(mut self) {
        drop(self.done.take());
    }
}

impl<T> Drop for Reply<T> {
    fn drop(&mut self) {
        if let Some(done) = self.done.take() {
            done.complete(Err(Error::ShardDown {
                shard: self.shard,
                cause: "the shard thread stopped without answering this request".into(),
            }));
        }
    }
}

/// Whether a shard thread is serving requests, or why it stopped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShardState {
    Up,
    /// The thread stopped for `cause` (a panic's message, or why it could not go on); every request
    /// to it is answered `Error::ShardDown` until the engine is reopened.
    Down {
        cause: String,
    },
}

/// One shard's health, as [`Engine::shard_health`] reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShardHealth {
    pub shard: u16,
    pub state: ShardState,
    /// Requests and bytes waiting in the shard's queue (not those of the group it is working on).
    pub queued_requests: usize,
    pub queued_bytes: u64,
}

/// Why a shard stopped, shared by its thread (which writes it once, before failing its queue) and the
/// engine (which reads it to answer callers). A request is refused `ShardDown` only after the cause is
/// recorded, so callers always see it.
#[derive(Default)]
struct ShardStatus {
    down: Mutex<Option<String>>,
}

impl ShardStatus {
    fn cause(&self) -> Option<String> {
        // Poison cannot leave an `Option<String>` half-written; the value is still meaningful.
        self.down
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    fn set_down(&self, cause: &str) {
        let mut down = self
            .down
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        // The first cause is the real one; later ones are consequences.
        down.get_or_insert_with(|| cause.to_string());
    }
}

struct ShardHandle {
    queue: Arc<BoundedQueue<Request>>,
    /// What the threads blocked in `commit` on this shard sleep on, each on its ticket's bit; the
    /// shard rings it once per flush.
    answers: SharedBell,
    /// Tickets of the blocking commits, in about the order they are queued, and how many of them
    /// are in `commit` now (see `ticket_bit`).
    tickets: AtomicU64,
    committing: AtomicU64,
    status: Arc<ShardStatus>,
    /// The shard's read view, set once it has opened.
    published: Option<Arc<Published>>,
    thread: Option<JoinHandle<()>>,
}

/// What a shard thread needs besides its shard: where its requests come from, and how to form groups.
struct ShardLoop {
    id: u16,
    queue: Arc<BoundedQueue<Request>>,
    answers: SharedBell,
    status: Arc<ShardStatus>,
    group_requests_max: usize,
    group_bytes_max: u64,
    /// Whether the shard's log syncs run on a thread of their own (see `EngineConfig`).
    sync_thread: bool,
}

pub struct Engine {
    shards: Vec<ShardHandle>,
    cluster_id: u32,
    data_dir: PathBuf,
    /// The command filters' shared state: the enforced policy and the quota ledgers.
    board: Arc<Board>,
    /// Keeps mapped pages under `mapped_resident_bytes_max` (none: no budget).
    resident: Option<crate::resident::ResidentGuard>,
    /// In-process subscription handlers, one thread each.
    handlers: crate::subscription::stream::Handlers,
    /// Each shard's subscription dispatcher (the live path of subscriptions).
    dispatchers: Vec<crate::subscription::dispatch::Dispatcher>,
    /// Each subscriber's inbox bounds: events, estimated bytes.
    inbox_bounds: (usize, u64),
}

pub fn wal_dir(data_dir: &Path, shard: u16) -> PathBuf {
    data_dir.join(format!("shard-{shard:03}")).join("wal")
}

/// Whether shard threads are pinned when the configuration leaves it open: only with at least two
/// CPUs per shard and four CPUs in all, so that the callers, the kernel's IO work and the WAL's
/// spare-segment helper never queue for a pinned shard's core. On this 2-core machine pinning one
/// shard (two CPUs per shard) still made one writer slower in 3 of 4 A/B pairs, and pinning two
/// shards slower in every pair (`docs/benchmarks.md`).
pub fn pin_by_default(cpus: usize, shards: u16) -> bool {
    cpus >= 4 && cpus >= 2 * shards as usize
}

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

impl Engine {
    /// Opens (or creates) the engine in `config.data_dir` on io_uring storage.
    pub fn open(config: EngineConfig) -> Result<Engine> {
        let sync_path = config.wal_sync;
        Self::open_with(config, move || UringStorage::with_sync_path(sync_path))
    }

    /// Opens the engine with storages made by `make_storage`: one for the metadata, then one on each
    /// shard thread. An invalid `config` is refused before any storage is made.
    pub fn open_with<S, F>(config: EngineConfig, make_storage: F) -> Result<Engine>
    where
        S: Storage,
        F: Fn() -> io::Result<S> + Send + Sync + 'static,
    {
        config.validate()?;
        let mut storage = make_storage().map_err(|e| Error::io("creating storage", e))?;
        // A new data directory gets its metadata file last, once every shard's log is durable: a
        // crash before that leaves a directory that is still new. Once the file exists, every
        // shard's log must exist too (an empty log there is data lost, never a fresh start).
        let existing = meta::load(
            &mut storage,
            &config.data_dir,
            config.shards,
            config.cluster_id,
        )?;
        let is_new = existing.is_none();
        let meta = existing.unwrap_or_else(|| {
            meta::fresh(config.shards, default_shard_count(), config.cluster_id)
        });
        let make_storage = Arc::new(make_storage);
        let board = Arc::new(Board::new(meta.shard_count));
        let mut engine = Engine {
            shards: Vec::with_capacity(meta.shard_count as usize),
            cluster_id: meta.cluster_id,
            data_dir: config.data_dir.clone(),
            board: board.clone(),
            resident: None,
            handlers: Default::default(),
            dispatchers: Vec::new(),
            inbox_bounds: (
                config.subscription_inbox_events_max,
                config.subscription_inbox_bytes_max,
            ),
        };
        let mut opened = Vec::with_capacity(meta.shard_count as usize);
        for shard in 0..meta.shard_count {
            let (handle, ready) = spawn_shard(
                &config,
                shard,
                meta.shard_count,
                meta.cluster_id,
                !is_new,
                make_storage.clone(),
                board.clone(),
            )?;
            engine.shards.push(handle);
            opened.push(ready);
        }
        for (shard, ready) in opened.into_iter().enumerate() {
            let published = ready
                .wait()
                .unwrap_or_else(|_| Err(engine.down_error(shard as u16)))?;
            engine.shards[shard].published = Some(published);
        }
        // Before any batch can be submitted: every pipeline's first group sees the durable policy.
        board.start(
            engine
                .shards
                .iter()
                .map(|s| s.published.clone().expect("every shard opened"))
                .collect(),
        )?;
        if is_new {
            meta::write(&mut storage, &config.data_dir, meta)?;
        }
        drop(storage);
        for shard in &engine.shards {
            let published = shard.published.clone().expect("every shard opened");
            engine
                .dispatchers
                .push(crate::subscription::dispatch::Dispatcher::spawn(Arc::new(
                    crate::subscription::ShardFeed::new(published),
                ))?);
        }
        if let Some(max) = config.mapped_resident_bytes_max {
            let shards = engine
                .shards
                .iter()
                .map(|s| s.published.clone().expect("every shard opened"))
                .collect();
            engine.resident = Some(
                crate::resident::ResidentGuard::start(shards, max)
                    .map_err(|e| Error::io("spawning the resident-pages thread", e))?,
            );
        }
        Ok(engine)
    }

    pub fn shard_count(&self) -> u16 {
        self.shards.len() as u16
    }

    pub fn cluster_id(&self) -> u32 {
        self.cluster_id
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn shard_for(&self, namespace: &str) -> u16 {
        shard_for_namespace(namespace, self.shard_count())
    }

    /// Each shard's state (up, or down and why) and what waits in its queue. A down shard stays down
    /// until the engine is reopened.
    pub fn shard_health(&self) -> Vec<ShardHealth> {
        self.shards
            .iter()
            .enumerate()
            .map(|(shard, handle)| ShardHealth {
                shard: shard as u16,
                state: match handle.status.cause() {
                    None => ShardState::Up,
                    Some(cause) => ShardState::Down { cause },
                },
                queued_requests: handle.queue.len(),
                queued_bytes: handle.queue.bytes(),
            })
            .collect()
    }

    fn route(&self, batch: &ValidBatch) -> Result<u16> {
        let mut namespaces = batch.namespaces();
        let first = namespaces.next().expect("a valid batch has a command");
        let shard = self.shard_for(first);
        for other in namespaces {
            let other_shard = self.shard_for(other);
            if other_shard != shard {
                return Err(Error::BatchSpansShards {
                    first_shard: shard,
                    other_shard,
                    first_namespace: first.into(),
                    other_namespace: other.into(),
                });
            }
        }
        Ok(shard)
    }

    /// Validates and queues a batch without waiting; the returned completion resolves once the batch
    /// is durable (or rejected, or its shard went down). A queue full by either budget answers
    /// `Overloaded` at once; a down shard answers `ShardDown`. Runs as [`Principal::Root`].
    pub fn submit(&self, batch: Batch) -> Result<Pending<Result<CommitReceipt>>> {
        self.submit_as(&Principal::Root, batch)
    }

    /// [`Engine::submit`] on behalf of `principal`, whose permissions the batch is checked against.
    pub fn submit_as(
        &self,
        principal: &Principal,
        batch: Batch,
    ) -> Result<Pending<Result<CommitReceipt>>> {
        let batch = batch.validate()?;
        let shard = self.route(&batch)?;
        let (reply, pending) = Reply::new(shard);
        let request = Request {
            batch,
            principal: principal.clone(),
            reply,
        };
        self.enqueue(shard, request, Room::Refuse)?;
        Ok(pending)
    }

    /// Commits a batch and waits until it is durable; waits for room (by requests and by bytes) if
    /// the shard queue is full. Runs as [`Principal::Root`], which the permission filter lets do
    /// anything (validation and quota still apply).
    pub fn commit(&self, batch: Batch) -> Result<CommitReceipt> {
        self.commit_as(&Principal::Root, batch)
    }

    /// [`Engine::commit`] on behalf of `principal`: the permission filter checks each command
    /// against the rules (default deny), then validation and quota as for every batch. A refusal
    /// is `Error::Rejected` and writes nothing.
    pub fn commit_as(&self, principal: &Principal, batch: Batch) -> Result<CommitReceipt> {
        let batch = batch.validate()?;
        let shard = self.route(&batch)?;
        let handle = &self.shards[shard as usize];
        let committing = Committing::enter(&handle.committing);
        let ticket = handle.tickets.fetch_add(1, Ordering::Relaxed);
        let bit = ticket_bit(ticket, committing.others);
        let (reply, pending) = Reply::on_bell(shard, handle.answers.clone(), bit);
        let request = Request {
            batch,
            principal: principal.clone(),
            reply,
        };
        self.enqueue(shard, request, Room::Wait)?;
        self.wait(shard, pending)
    }

    /// The command filters' shared state: the enforced policy and each budget's ledger.
    pub fn filter_board(&self) -> &Arc<Board> {
        &self.board
    }

    /// Hands a request to its shard; on failure the caller gets the error and the request's reply is
    /// discarded unanswered.
    fn enqueue(&self, shard: u16, request: Request, room: Room) -> Result<()> {
        let queue = &self.shards[shard as usize].queue;
        let bytes = request.bytes();
        let pushed = match room {
            Room::Wait => queue.push_blocking(request, bytes),
            Room::Refuse => queue.try_push(request, bytes),
        };
        let (request, error) = match pushed {
            Ok(()) => return Ok(()),
            Err(PushError::Full(request, overflow)) => (
                request,
                Error::Overloaded {
                    shard,
                    budget: overflow.budget,
                    queued: overflow.queued,
                    limit: overflow.limit,
                },
            ),
            Err(PushError::Closed(request)) => (request, Error::Closed),
            Err(PushError::Failed(request)) => (request, self.down_error(shard)),
        };
        request.reply.discard();
        Err(error)
    }

    /// Waits for a reply. An abandoned completion cannot happen (a [`Reply`] answers when dropped),
    /// but if it did, the shard is what failed.
    fn wait<T>(&self, shard: u16, pending: Pending<Result<T>>) -> Result<T> {
        pending
            .wait()
            .unwrap_or_else(|_| Err(self.down_error(shard)))
    }

    fn down_error(&self, shard: u16) -> Error {
        let cause = self.shards[shard as usize]
            .status
            .cause()
            .unwrap_or_else(|| "the shard thread stopped".into());
        Error::ShardDown { shard, cause }
    }

    /// The read view of a shard that is up. Reads are answered on the caller's thread from the
    /// view the shard published after its last apply: they never wait behind a group commit.
    /// A shard number outside the engine is invalid input.
    fn published(&self, shard: u16) -> Result<&Arc<Published>> {
        let Some(handle) = self.shards.get(shard as usize) else {
            return Err(Error::Invalid(crate::ValidationError::Syntax {
                field: "shard",
                value: shard.to_string(),
                rule: "below the shard count",
            }));
        };
        if handle.status.cause().is_some() {
            return Err(self.down_error(shard));
        }
        Ok(handle
            .published
            .as_ref()
            .expect("an open engine has every shard's view"))
    }

    /// What a shard's tables wrote and dropped (flushes, compactions, write amplification).
    pub fn table_stats(&self, shard: u16) -> Result<TableStats> {
        Ok(self.published(shard)?.table_stats())
    }

    /// A page of shard `shard`'s committed changes at positions `>= from`, in commit order, as
    /// whole batches within `max_changes` and `max_bytes` (see `History::read_from`). A position
    /// older than the history's horizon is `Error::Compacted` with the oldest available and the
    /// current position. Never waits behind the write queue.
    pub fn history(
        &self,
        shard: u16,
        from: u64,
        max_changes: usize,
        max_bytes: u64,
    ) -> Result<HistoryPage> {
        self.published(shard)?
            .history_from(from, max_changes, max_bytes)
    }

    /// A consistent view of one shard at its latest durable position.
    pub fn view(&self, shard: u16) -> Result<ReadView> {
        Ok(self.published(shard)?.view())
    }

    /// A consistent view of one shard at an older position, if the shard still holds it
    /// (`Error::Compacted` otherwise).
    pub fn view_at(&self, shard: u16, position: u64) -> Result<ReadView> {
        self.published(shard)?.view_at(position)
    }

    /// The resource at `namespace` + `name`, as of the latest durable batch.
    pub fn get(&self, namespace: &str, name: &str) -> Result<Option<Resource>> {
        validate_namespace(namespace)?;
        validate_name(name)?;
        self.published(self.shard_for(namespace))?
            .view()
            .get(namespace, name)
    }

    /// `get`, as a future for async callers. It never waits: the answer is ready at once.
    pub async fn get_async(&self, namespace: &str, name: &str) -> Result<Option<Resource>> {
        self.get(namespace, name)
    }

    /// [`Engine::get`] on behalf of `principal`, checked against its read rules (see
    /// `filter::read`). A namespace where the rules let it read nothing is `Error::ReadDenied`
    /// before anything is looked up, whether or not the resource exists: the answer does not
    /// tell. Where it may read some types, an absent resource is `None` and a present one of a
    /// type it may not read is `ReadDenied` (its name, not its content, is told: a create of
    /// that name would tell as much).
    pub fn get_as(
        &self,
        principal: &Principal,
        namespace: &str,
        name: &str,
    ) -> Result<Option<Resource>> {
        let Some(reader) = self.reader(principal) else {
            return self.get(namespace, name);
        };
        validate_namespace(namespace)?;
        validate_name(name)?;
        let rights = reader.now();
        let target = format!("{namespace}/{name}");
        rights.check_within(&target, namespace, Scope::Children, None)?;
        let found = self.get(namespace, name)?;
        if let Some(resource) = &found {
            rights.check_resource(resource)?;
        }
        Ok(found)
    }

    /// The resource with this id, if it exists in this engine.
    pub fn get_by_id(&self, id: ResourceId) -> Result<Option<Resource>> {
        if id.cluster_id() != self.cluster_id || id.shard() >= self.shard_count() {
            return Ok(None);
        }
        self.published(id.shard())?.view().get_by_id(id)
    }

    /// [`Engine::get_by_id`] on behalf of `principal`. An id names no namespace, so no place can be
    /// refused before the lookup; a resource the principal may not read is answered as absent
    /// (`None`), so that ids (which are minted in order) cannot be used to learn what exists
    /// where it may not read. A principal the rules let read nothing anywhere is
    /// `Error::ReadDenied`.
    pub fn get_by_id_as(&self, principal: &Principal, id: ResourceId) -> Result<Option<Resource>> {
        let Some(reader) = self.reader(principal) else {
            return self.get_by_id(id);
        };
        let rights = reader.now();
        rights.check_within(&id.to_string(), "/", Scope::Subtree, None)?;
        Ok(self
            .get_by_id(id)?
            .filter(|resource| rights.may_read(resource)))
    }

    /// The read checker of `principal`; `None` for root, which reads everything.
    pub(crate) fn reader(&self, principal: &Principal) -> Option<Reader> {
        Reader::new(principal, &self.board)
    }

    /// `get_by_id`, as a future for async callers; ready at once.
    pub async fn get_by_id_async(&self, id: ResourceId) -> Result<Option<Resource>> {
        self.get_by_id(id)
    }

    /// Each shard's latest durable position: together, a resume token. Fails `ShardDown` if any
    /// shard is down.
    pub fn positions(&self) -> Result<Vec<u64>> {
        (0..self.shard_count())
            .map(|shard| Ok(self.published(shard)?.position()))
            .collect()
    }

    /// A subscription of `pattern` from `start`: every matching change committed after it, in
    /// commit order within each shard (see `subscription::stream`). `Compacted` if `start` is
    /// past a shard's history horizon (list again at `current`, subscribe after it);
    /// `InvalidPattern` or `InvalidQuery` (the token names another number of shards) for bad input.
    pub fn subscribe(&self, pattern: Pattern, start: Start) -> Result<Subscription> {
        self.subscribe_as(&Principal::Root, pattern, start)
    }

    /// [`Engine::subscribe`] on behalf of `principal`, checked against its read rules (see
    /// `filter::read`): a pattern whose namespace and scope (and type, if given) hold nothing the
    /// rules let it read is `Error::ReadDenied` at once; then every event is judged against the
    /// rules enforced when it is handed out (`ReadRights::judge`), so a rule change applies to
    /// every event handed out after the rule's commit was acknowledged. A subscription is not
    /// ended by a rule that later hides all of its pattern: it goes quiet.
    pub fn subscribe_as(
        &self,
        principal: &Principal,
        pattern: Pattern,
        start: Start,
    ) -> Result<Subscription> {
        pattern.validate()?;
        let reader = self.reader(principal);
        if let Some(reader) = &reader {
            reader.now().check_within(
                &pattern.namespace,
                &pattern.namespace,
                pattern.scope,
                pattern.kind.as_deref(),
            )?;
        }
        let feeds = (0..self.shard_count())
            .map(|shard| {
                self.published(shard)?;
                Ok(self.dispatchers[shard as usize].feed().clone())
            })
            .collect::<Result<Vec<_>>>()?;
        Subscription::open(pattern, start, feeds, self.inbox_bounds, reader)
    }

    /// Runs `handler` with every event of a subscription of `pattern` from `start`, in order, on a
    /// thread of its own, until [`Engine::unregister_handler`] or the engine closes. A slow handler
    /// delays only itself. At most `HANDLERS_MAX` at once.
    pub fn register_handler(
        &self,
        pattern: Pattern,
        start: Start,
        handler: impl Fn(&Event) + Send + 'static,
    ) -> Result<u64> {
        let mut threads = self
            .handlers
            .threads
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        if threads.len() >= HANDLERS_MAX {
            return Err(Error::InvalidConfig {
                field: "handlers",
                value: threads.len().to_string(),
                rule: format!("at most {HANDLERS_MAX} at once; unregister one first"),
            });
        }
        let subscription = self.subscribe(pattern, start)?;
        let id = self.handlers.next_id.fetch_add(1, Ordering::Relaxed);
        let thread = HandlerThread::spawn(
            format!("aorta-handler-{id}"),
            subscription,
            Box::new(handler),
        )?;
        threads.insert(id, thread);
        Ok(id)
    }

    /// Stops handler `id` after the events it is handling, and says how it ended: `Ok`, or the
    /// error that stopped it earlier (`Compacted` if it fell past a horizon, `HandlerPanicked`).
    /// `None` if no such handler runs.
    pub fn unregister_handler(&self, id: u64) -> Option<Result<()>> {
        let thread = self
            .handlers
            .threads
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&id)?;
        Some(thread.stop())
    }

    /// Stops every shard after it has answered what is queued, and waits for the threads.
    pub fn close(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        // Subscriptions first: every waiting one wakes and ends with `Closed`.
        for shard in &self.shards {
            if let Some(published) = &shard.published {
                published.signal().close();
            }
        }
        // Then the dispatchers: each drops its live subscribers, who read the rest themselves.
        self.dispatchers.clear();
        let handlers = std::mem::take(
            &mut *self
                .handlers
                .threads
                .lock()
                .unwrap_or_else(|p| p.into_inner()),
        );
        for (id, handler) in handlers {
            if let Err(error) = handler.stop() {
                tracing::warn!(handler = id, %error, "a handler had stopped");
            }
        }
        self.resident.take();
        for shard in &self.shards {
            shard.queue.close();
        }
        for shard in &mut self.shards {
            if let Some(thread) = shard.thread.take() {
                if thread.join().is_err() {
                    tracing::error!("a shard thread panicked outside its guards");
                }
            }
        }
    }
}

/// What a push does when the queue is full.
#[derive(Clone, Copy)]
enum Room {
    Wait,
    Refuse,
}

impl Drop for Engine {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// How many CPUs this process may run on.
fn allowed_cpu_count() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
}

/// Pins the calling thread to the `index`-th CPU of those the process may use (modulo their count),
/// so that a shard keeps one core and its caches. Failure is logged, not fatal.
fn pin_to_allowed_cpu(index: usize) {
    // SAFETY: cpu_set_t is plain old data for which all-zeroes is the empty set; the libc calls get
    // a pointer to a set of exactly the size they are told, and CPU_ISSET/CPU_SET index below
    // CPU_SETSIZE.
    let result = unsafe {
        let mut allowed: libc::cpu_set_t = std::mem::zeroed();
        if libc::sched_getaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &mut allowed) != 0 {
            Err(io::Error::last_os_error())
        } else {
            let cpus: Vec<usize> = (0..libc::CPU_SETSIZE as usize)
                .filter(|&cpu| libc::CPU_ISSET(cpu, &allowed))
                .collect();
            let Some(&cpu) = cpus.get(index % cpus.len().max(1)) else {
                return tracing::warn!(shard = index, "no CPU is allowed; shard thread not pinned");
            };
            let mut set: libc::cpu_set_t = std::mem::zeroed();
            libc::CPU_SET(cpu, &mut set);
            if libc::sched_setaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &set) != 0 {
                Err(io::Error::last_os_error())
            } else {
                Ok(cpu)
            }
        }
    };
    match result {
        Ok(cpu) => tracing::debug!(shard = index, cpu, "shard thread pinned"),
        Err(error) => {
            tracing::warn!(shard = index, %error, "could not pin the shard thread to a CPU")
        }
    }
}

/// Starts shard `shard`'s thread; the returned completion says whether it opened.
fn spawn_shard<S, F>(
    config: &EngineConfig,
    shard: u16,
    shard_count: u16,
    cluster_id: u32,
    must_exist: bool,
    make_storage: Arc<F>,
    board: Arc<Board>,
) -> Result<(ShardHandle, Pending<Result<Arc<Published>>>)>
where
    S: Storage,
    F: Fn() -> io::Result<S> + Send + Sync + 'static,
{
    let queue = Arc::new(
        BoundedQueue::new(config.queue_capacity, config.queue_bytes_max)
            .with_consumer_spin(config.shard_spin),
    );
    let status = Arc::new(ShardStatus::default());
    let (ready, ready_wait) = completion::<Result<Arc<Published>>>();
    let options = ShardOptions {
        must_exist,
        shard_count: Some(shard_count),
        preallocation: config.wal_preallocation,
        memtable_bytes_max: config.memtable_bytes_max,
        table_work: config.table_work,
        table_worker_priority: config.table_worker_priority,
        history: config.history,
        history_memory_bytes: config.history_memory_bytes,
        ..ShardOptions::new(shard, cluster_id, config.segment_bytes_max)
    };
    let dir = wal_dir(&config.data_dir, shard);
    let answers = SharedBell::new(Bell::uncounted());
    let shard_loop = ShardLoop {
        id: shard,
        queue: queue.clone(),
        answers: answers.clone(),
        status: status.clone(),
        group_requests_max: config.group_requests_max,
        group_bytes_max: config.group_bytes_max,
        sync_thread: config.sync_thread,
    };
    let pin = config
        .pin_shards_to_cpus
        .unwrap_or_else(|| pin_by_default(allowed_cpu_count(), shard_count));
    let thread = std::thread::Builder::new()
        .name(format!("aorta-shard-{shard}"))
        .spawn(move || {
            if pin {
                pin_to_allowed_cpu(shard as usize);
            }
            shard_thread(shard_loop, ready, || {
                let storage = make_storage().map_err(|e| Error::io("creating shard storage", e))?;
                let mut shard = Shard::open(storage, &dir, options)?;
                shard.set_filters(Pipeline::new(shard.id(), board));
                Ok(shard)
            });
        })
        .map_err(|e| Error::io("spawning a shard thread", e))?;
    let handle = ShardHandle {
        queue,
        answers,
        tickets: AtomicU64::new(0),
        committing: AtomicU64::new(0),
        status,
        published: None,
        thread: Some(thread),
    };
    Ok((handle, ready_wait))
}

/// The body of a shard thread: open the shard, serve until the queue is closed. However it ends other
/// than by `close` — a failed open, a panic anywhere — the shard goes down: the cause is recorded, the
/// queue is failed and everything in it answered `ShardDown`, so that no caller waits on a thread that
/// is gone.
fn shard_thread<S: Storage>(
    shard_loop: ShardLoop,
    ready: Completer<Result<Arc<Published>>>,
    open: impl FnOnce() -> Result<Shard<S>>,
) {
    let mut ready = Some(ready);
    let ended = catch_unwind(AssertUnwindSafe(|| match open() {
        Ok(shard) => {
            ready
                .take()
                .expect("ready is answered once")
                .complete(Ok(shard.published().clone()));
            run_shard(shard, &shard_loop)
        }
        Err(error) => {
            let cause = format!("opening the shard failed: {error}");
            ready
                .take()
                .expect("ready is answered once")
                .complete(Err(error));
            Err(cause)
        }
    }));
    let cause = match ended {
        Ok(Ok(())) => return tracing::debug!(shard = shard_loop.id, "shard stopped"),
        Ok(Err(cause)) => cause,
        Err(panic) => panic_cause(&*panic),
    };
    go_down(&shard_loop, &cause);
    if let Some(ready) = ready {
        ready.complete(Err(Error::ShardDown {
            shard: shard_loop.id,
            cause,
        }));
    }
}

/// Records why the shard stopped, then fails its queue and answers everything that was waiting in
/// it. The cause is recorded first, so that a producer refused by the failed queue finds it.
fn go_down(shard_loop: &ShardLoop, cause: &str) {
    tracing::error!(shard = shard_loop.id, cause, "shard down");
    shard_loop.status.set_down(cause);
    for request in shard_loop.queue.fail() {
        request.reply.send(Err(Error::ShardDown {
            shard: shard_loop.id,
            cause: cause.to_string(),
        }));
    }
}

/// The message of a panic payload (`panic!` with a literal or a formatted message), or a placeholder.
fn panic_cause(panic: &(dyn Any + Send)) -> String {
    let message = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".into());
    format!("the shard thread panicked: {message}")
}

/// The shard thread's loop: take everything queued (up to a group's budgets), serve it, repeat until
/// the queue is closed and drained (`Ok`), or a group panicked (`Err` with the cause, every request of
/// that group already answered).
fn run_shard<S: Storage>(mut shard: Shard<S>, shard_loop: &ShardLoop) -> Result<(), String> {
    let mut syncer: Box<dyn SyncRunner> = if shard_loop.sync_thread {
        let name = format!("aorta-sync-{}", shard_loop.id);
        // The shard may be waiting for batches while its sync runs: the sync's end wakes it.
        let queue = shard_loop.queue.clone();
        let thread = SyncThread::spawn(name, Box::new(move || queue.wake_consumer()))
            .map_err(|error| format!("starting the shard's sync thread failed: {error}"))?;
        Box::new(thread)
    } else {
        Box::new(InlineSync::default())
    };
    let mut inbox = Vec::with_capacity(shard_loop.group_requests_max.min(4096));
    while shard_loop.queue.pop_up_to(
        shard_loop.group_requests_max,
        shard_loop.group_bytes_max,
        &mut inbox,
    ) {
        serve_stream(&mut shard, shard_loop, &mut inbox, &mut *syncer)?;
    }
    Ok(())
}

/// While a shard's sync runs on its sync thread, the queue wakes the shard when this many requests
/// wait (or the sync reported): a wake-up per batch of arrivals, not per arrival.
const WAKE_AT: usize = 32;

/// Requests one stream of commits takes at most (its first group included) before it ends and the
/// shard takes the queue afresh: bounds the replies a stream holds.
const STREAM_REQUESTS_MAX: usize = 65_536;

/// The bit of a shard's `answers` bell that a blocked `commit` sleeps on, for its `ticket` when
/// `others` other commits are in flight on the shard. A flush rings the bits of the tickets it
/// answered. Consecutive tickets (requests queued one after another, answered by the same flush or
/// the next) share a bit `width` at a time, `width` chosen so that the 32 bits span about twice the
/// commits in flight: a flush then rings the bits of its own threads and leaves those of the next
/// flush asleep — measured, a fixed 8 tickets per bit woke 16 writers about twice per commit (two
/// bits for all of them), and one ticket per bit would wake 256 twice (32 bits, 8 threads each).
/// Threads that share a bit across flushes (tickets `32 * width` apart, or a `width` that changed
/// between them) may wake for each other's ring: a woken thread looks, finds nothing and sleeps
/// again. Any bit is correct; these only make spurious wakes rare.
fn ticket_bit(ticket: u64, others: u64) -> u32 {
    let width = (others / 16).max(1).next_power_of_two();
    1 << ((ticket / width) % 32)
}

/// One blocking commit in flight on a shard, counted while it lasts.
struct Committing<'a> {
    count: &'a AtomicU64,
    /// The others in flight when it entered.
    others: u64,
}

impl<'a> Committing<'a> {
    fn enter(count: &'a AtomicU64) -> Self {
        let others = count.fetch_add(1, Ordering::Relaxed);
        Committing { count, others }
    }
}

impl Drop for Committing<'_> {
    fn drop(&mut self) {
        self.count.fetch_sub(1, Ordering::Relaxed);
    }
}

/// A stream's answers, each given at once and its waiter woken at the end of its flush: all of a
/// flush's values are in place before the first waiter runs, so the shard thread is not
/// preempted by each writer it wakes in turn (measured: most of the shard's task switches at 256
/// writers were such preemptions), and a waiter that already took its value is not woken at all.
/// Dropped (also when the shard panics) it wakes whatever it holds.
struct WokenPerFlush<'a> {
    replies: &'a RefCell<Vec<Option<Reply<CommitReceipt>>>>,
    wakes: Vec<Wake<Result<CommitReceipt>>>,
    /// The shard's bell, which its blocked `commit` threads sleep on: rung once per flush with
    /// the bits of the threads answered.
    answers: &'a Bell,
}

impl Answers for WokenPerFlush<'_> {
    fn answer(&mut self, slot: usize, answer: Result<CommitReceipt>) {
        let reply = self.replies.borrow_mut()[slot].take();
        let reply = reply.expect("each request is answered once");
        self.wakes.push(reply.send_later(answer));
    }

    fn flushed(&mut self) {
        // Tasks are woken one by one (each wake a push to an executor's queue); the threads on
        // the bell all at once, by the bits of their tickets.
        let mut bits = 0;
        for wake in self.wakes.drain(..) {
            bits |= wake.wake_deferring(self.answers);
        }
        self.answers.ring_bits(bits);
    }
}

/// Serves the requests in `inbox`, and those that arrive while their flushes sync, as one
/// `commit_stream`. Every reply is held here, outside the work that may panic, so a panic in the
/// work answers every request not yet answered `ShardDown` with the panic's message.
fn serve_stream<S: Storage>(
    shard: &mut Shard<S>,
    shard_loop: &ShardLoop,
    inbox: &mut Vec<Request>,
    syncer: &mut dyn SyncRunner,
) -> Result<(), String> {
    // Shared by the closure that takes more requests and the one that answers them.
    let replies: RefCell<Vec<Option<Reply<CommitReceipt>>>> =
        RefCell::new(Vec::with_capacity(inbox.len()));
    let mut first = Vec::with_capacity(inbox.len());
    for request in inbox.drain(..) {
        first.push((request.principal, request.batch));
        replies.borrow_mut().push(Some(request.reply));
    }
    if first.is_empty() {
        return Ok(());
    }
    let mut arrived = Vec::new();
    let mut answers = WokenPerFlush {
        replies: &replies,
        wakes: Vec::new(),
        answers: &shard_loop.answers,
    };
    let committed = catch_unwind(AssertUnwindSafe(|| {
        shard.commit_stream(
            first,
            &mut now_ms,
            &mut |more, until| {
                let mut replies = replies.borrow_mut();
                let room = STREAM_REQUESTS_MAX.saturating_sub(replies.len());
                if room == 0 {
                    return;
                }
                let (max, bytes_max) = (
                    shard_loop.group_requests_max.min(room),
                    shard_loop.group_bytes_max,
                );
                match until {
                    None => shard_loop.queue.try_pop_up_to(max, bytes_max, &mut arrived),
                    Some(until) => shard_loop.queue.pop_up_to_unless(
                        max,
                        bytes_max,
                        WAKE_AT,
                        &mut arrived,
                        until,
                    ),
                };
                for request in arrived.drain(..) {
                    more.push((request.principal, request.batch));
                    replies.push(Some(request.reply));
                }
            },
            syncer,
            &mut answers,
        )
    }));
    drop(answers);
    let replies = replies.into_inner();
    match committed {
        Ok(()) => {
            debug_assert!(
                replies.iter().all(Option::is_none),
                "every request answered"
            );
            Ok(())
        }
        Err(panic) => {
            let cause = panic_cause(&*panic);
            for reply in replies.into_iter().flatten() {
                reply.send(Err(Error::ShardDown {
                    shard: shard_loop.id,
                    cause: cause.clone(),
                }));
            }
            Err(cause)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{pin_by_default, ticket_bit};

    /// The bits a run of `count` consecutive tickets from `first` sleep on, `others` in flight.
    fn bits(first: u64, count: u64, others: u64) -> u32 {
        (first..first + count).fold(0, |bits, t| bits | ticket_bit(t, others))
    }

    #[test]
    fn a_flush_rings_the_bits_of_its_writers_and_not_those_of_the_next() {
        for t in 0..10_000 {
            assert_eq!(ticket_bit(t, t % 700).count_ones(), 1);
        }
        // Few writers: a bit each, so 16 in flight never share one.
        assert_eq!(bits(0, 16, 15).count_ones(), 16);
        // 256 writers, half answered by one flush, half waiting for the next: disjoint bits.
        for first in [0, 8, 100, 1_000_003] {
            let flush = bits(first, 128, 255);
            let next = bits(first + 128, 128, 255);
            let shared = (flush & next).count_ones();
            assert!(shared <= 2, "{shared} bits shared from ticket {first}");
            assert!(flush.count_ones() <= 10, "{flush:#b}");
        }
    }

    #[test]
    fn shards_are_pinned_only_with_cores_to_spare() {
        // This 2-core machine: never (measured slower with one shard as with two).
        assert!(!pin_by_default(2, 1));
        assert!(!pin_by_default(2, 2));
        assert!(!pin_by_default(3, 1));
        assert!(pin_by_default(4, 1));
        assert!(pin_by_default(4, 2));
        assert!(!pin_by_default(4, 3));
        // The default shard count is one per core: then there is no core to spare.
        assert!(!pin_by_default(16, 16));
        assert!(pin_by_default(16, 8));
    }
}
