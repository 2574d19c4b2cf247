//! The engine: N shards, each on its own thread with its own storage (its own io_uring in
//! production), reached only through bounded queues.
//!
//! A request is validated on the caller's thread, routed by namespace to the owning shard
//! (`routing::shard_for_namespace`) and handed over as a message; the answer comes back through a
//! one-shot completion that can be waited on or awaited. Nothing else is shared between threads.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::command::{Batch, CommitReceipt, ValidBatch};
use crate::error::{Error, Result};
use crate::limits::{
    GROUP_REQUESTS_MAX, SEGMENT_BYTES_DEFAULT, SHARDS_MAX, SHARD_QUEUE_REQUESTS_MAX,
};
use crate::meta;
use crate::resource::{
    key_of, validate_name, validate_namespace, Resource, ResourceId, ValidationError,
};
use crate::routing::shard_for_namespace;
use crate::shard::{Shard, ShardOptions};
use crate::storage::uring::UringStorage;
use crate::storage::Storage;
use crate::sync::{completion, BoundedQueue, Completer, Pending, PushError};

#[derive(Clone, Debug)]
pub struct EngineConfig {
    pub data_dir: PathBuf,
    /// Shards of a new data directory (default: one per core). An existing directory keeps its own;
    /// asking for a different count is an error.
    pub shards: Option<u16>,
    pub segment_bytes_max: u64,
    pub queue_capacity: usize,
    pub group_requests_max: usize,
    /// Pin shard `i` to the `i`-th CPU this process may run on (modulo their count).
    pub pin_shards_to_cpus: bool,
}

impl EngineConfig {
    pub fn new(data_dir: impl Into<PathBuf>) -> Self {
        EngineConfig {
            data_dir: data_dir.into(),
            shards: None,
            segment_bytes_max: SEGMENT_BYTES_DEFAULT,
            queue_capacity: SHARD_QUEUE_REQUESTS_MAX,
            group_requests_max: GROUP_REQUESTS_MAX,
            pin_shards_to_cpus: true,
        }
    }

    pub fn with_shards(mut self, shards: u16) -> Self {
        self.shards = Some(shards);
        self
    }
}

/// The default number of shards: one per core.
pub fn default_shard_count() -> u16 {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, SHARDS_MAX) as u16
}

enum Request {
    Commit {
        batch: ValidBatch,
        done: Completer<Result<CommitReceipt>>,
    },
    Get {
        key: String,
        done: Completer<Option<Resource>>,
    },
    GetById {
        id: ResourceId,
        done: Completer<Option<Resource>>,
    },
    Position {
        done: Completer<u64>,
    },
}

struct ShardHandle {
    queue: Arc<BoundedQueue<Request>>,
    thread: Option<JoinHandle<()>>,
}

pub struct Engine {
    shards: Vec<ShardHandle>,
    instance: u32,
    data_dir: PathBuf,
}

pub fn wal_dir(data_dir: &Path, shard: u16) -> PathBuf {
    data_dir.join(format!("shard-{shard:03}")).join("wal")
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
        Self::open_with(config, UringStorage::new)
    }

    /// Opens the engine with storages made by `make_storage`: one for the metadata, then one on each
    /// shard thread.
    pub fn open_with<S, F>(config: EngineConfig, make_storage: F) -> Result<Engine>
    where
        S: Storage,
        F: Fn() -> io::Result<S> + Send + Sync + 'static,
    {
        let mut storage = make_storage().map_err(|e| Error::io("creating storage", e))?;
        if let Some(n) = config.shards {
            if n == 0 || n as usize > SHARDS_MAX {
                return Err(ValidationError::TooMany {
                    field: "shards",
                    count: n as usize,
                    max: SHARDS_MAX,
                }
                .into());
            }
        }
        let meta = meta::load_or_create(
            &mut storage,
            &config.data_dir,
            config.shards,
            default_shard_count(),
        )?;
        drop(storage);
        let make_storage = Arc::new(make_storage);
        let mut shards = Vec::with_capacity(meta.shard_count as usize);
        let mut opened = Vec::with_capacity(meta.shard_count as usize);
        for shard in 0..meta.shard_count {
            let queue = Arc::new(BoundedQueue::new(config.queue_capacity));
            let (ready, ready_wait) = completion::<Result<()>>();
            let options = ShardOptions::new(shard, meta.instance, config.segment_bytes_max);
            let dir = wal_dir(&config.data_dir, shard);
            let thread_queue = queue.clone();
            let thread_storage = make_storage.clone();
            let group_max = config.group_requests_max;
            let pin = config.pin_shards_to_cpus;
            let thread = std::thread::Builder::new()
                .name(format!("aorta-shard-{shard}"))
                .spawn(move || {
                    if pin {
                        pin_to_allowed_cpu(shard as usize);
                    }
                    let opened = thread_storage()
                        .map_err(|e| Error::io("creating shard storage", e))
                        .and_then(|storage| Shard::open(storage, &dir, options));
                    match opened {
                        Ok(shard) => {
                            ready.complete(Ok(()));
                            run_shard(shard, &thread_queue, group_max);
                        }
                        Err(error) => ready.complete(Err(error)),
                    }
                })
                .map_err(|e| Error::io("spawning a shard thread", e))?;
            shards.push(ShardHandle {
                queue,
                thread: Some(thread),
            });
            opened.push(ready_wait);
        }
        let engine = Engine {
            shards,
            instance: meta.instance,
            data_dir: config.data_dir.clone(),
        };
        for ready in opened {
            ready.wait().map_err(|_| Error::Closed)??;
        }
        Ok(engine)
    }

    pub fn shard_count(&self) -> u16 {
        self.shards.len() as u16
    }

    pub fn instance(&self) -> u32 {
        self.instance
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn shard_for(&self, namespace: &str) -> u16 {
        shard_for_namespace(namespace, self.shard_count())
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
    /// is durable (or rejected). A full shard queue answers `Overloaded` at once.
    pub fn submit(&self, batch: Batch) -> Result<Pending<Result<CommitReceipt>>> {
        let batch = batch.validate()?;
        let shard = self.route(&batch)?;
        let (done, pending) = completion();
        let queue = &self.shards[shard as usize].queue;
        match queue.try_push(Request::Commit { batch, done }) {
            Ok(()) => Ok(pending),
            Err(PushError::Full(_)) => Err(Error::Overloaded {
                shard,
                queued: queue.len(),
                limit: queue.capacity(),
            }),
            Err(PushError::Closed(_)) => Err(Error::Closed),
        }
    }

    /// Commits a batch and waits until it is durable; waits for room if the shard queue is full.
    pub fn commit(&self, batch: Batch) -> Result<CommitReceipt> {
        let batch = batch.validate()?;
        let shard = self.route(&batch)?;
        let (done, pending) = completion();
        self.send(shard, Request::Commit { batch, done })?;
        pending.wait().map_err(|_| Error::Closed)?
    }

    fn send(&self, shard: u16, request: Request) -> Result<()> {
        self.shards[shard as usize]
            .queue
            .push_blocking(request)
            .map_err(|_| Error::Closed)
    }

    /// The resource at `namespace` + `name`, as of the latest durable batch.
    pub fn get(&self, namespace: &str, name: &str) -> Result<Option<Resource>> {
        validate_namespace(namespace)?;
        validate_name(name)?;
        let (done, pending) = completion();
        let key = key_of(namespace, name);
        self.send(self.shard_for(namespace), Request::Get { key, done })?;
        pending.wait().map_err(|_| Error::Closed)
    }

    /// The resource with this id, if it exists in this engine.
    pub fn get_by_id(&self, id: ResourceId) -> Result<Option<Resource>> {
        if id.instance() != self.instance || id.shard() >= self.shard_count() {
            return Ok(None);
        }
        let (done, pending) = completion();
        self.send(id.shard(), Request::GetById { id, done })?;
        pending.wait().map_err(|_| Error::Closed)
    }

    /// Each shard's latest durable position: together, a resume token.
    pub fn positions(&self) -> Result<Vec<u64>> {
        let mut waits = Vec::with_capacity(self.shards.len());
        for shard in 0..self.shard_count() {
            let (done, pending) = completion();
            self.send(shard, Request::Position { done })?;
            waits.push(pending);
        }
        waits
            .into_iter()
            .map(|p| p.wait().map_err(|_| Error::Closed))
            .collect()
    }

    /// Stops every shard after it has answered what is queued, and waits for the threads.
    pub fn close(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        for shard in &self.shards {
            shard.queue.close();
        }
        for shard in &mut self.shards {
            if let Some(thread) = shard.thread.take() {
                if thread.join().is_err() {
                    tracing::error!("a shard thread panicked");
                }
            }
        }
    }
}

impl Drop for Engine {
    fn drop(&mut self) {
        self.shutdown();
    }
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

/// The shard thread: take everything queued (up to a group), answer reads from durable state, commit
/// the writes as one group, answer them; repeat until the queue is closed and drained.
fn run_shard<S: Storage>(mut shard: Shard<S>, queue: &BoundedQueue<Request>, group_max: usize) {
    let mut inbox = Vec::with_capacity(group_max.min(4096));
    let mut batches = Vec::new();
    let mut waiters = Vec::new();
    while queue.pop_up_to(group_max, &mut inbox) {
        for request in inbox.drain(..) {
            match request {
                Request::Commit { batch, done } => {
                    batches.push(batch);
                    waiters.push(done);
                }
                Request::Get { key, done } => done.complete(shard.get(&key).cloned()),
                Request::GetById { id, done } => done.complete(shard.get_by_id(&id).cloned()),
                Request::Position { done } => done.complete(shard.position()),
            }
        }
        if batches.is_empty() {
            continue;
        }
        let answers = shard.commit_group(std::mem::take(&mut batches), now_ms());
        for (done, answer) in waiters.drain(..).zip(answers) {
            done.complete(answer);
        }
    }
    tracing::debug!(shard = shard.id(), "shard stopped");
}
