//! One shard's tables on disk: the manifest, the sstable files, and the flush that turns a frozen
//! memtable into a durable table.
//!
//! A flush, in the order that keeps every step crash-safe:
//! 1. the table is written under its final name (`<number>.sst`, a number never used before) and
//!    fdatasynced, then the directory is fsynced — a crash here leaves a file no manifest names,
//!    which the next open removes;
//! 2. the manifest naming it, with the new flushed position, is written atomically (temporary file,
//!    fdatasync, rename, directory fsync) — only now do the table's versions count as durable in
//!    the tables;
//! 3. the readers' parts swap the frozen memtable for the table (the same versions);
//! 4. the shard, on its own thread, purges the WAL segments wholly at or below the flushed position
//!    (`Wal::purge_before`): the first segment that remains chains to it.
//!
//! A failed write or sync of a table or manifest fails the tables (never retried as if the data
//! were safe): the shard then refuses writes until it is reopened, and recovery replays the WAL,
//! which still holds everything the tables do not.

use std::collections::{HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use super::file::TableFile;
use super::manifest::{parse_table_file_name, Manifest, TableMeta, MANIFEST_FILE};
use super::memtable::Memtable;
use super::sstable::SstableWriter;
use super::version::{split_versioned, VERSION_SUFFIX_BYTES};
use crate::error::{Error, Result};
use crate::state::{Parts, Published};
use crate::storage::{create_dir_durable, write_file_atomically, Storage};

/// Where flushes run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum TableWork {
    /// On the shard's own thread, at once: deterministic, for tests that cut power at every IO
    /// point. Writers wait for each flush.
    Inline,
    /// On a worker thread per shard with a storage of its own; writers wait only when
    /// `FROZEN_MEMTABLES_MAX` frozen memtables are already waiting. The default.
    #[default]
    Background,
}

/// Bytes a flush hands to one `write_at`: bounds the flush's buffer whatever the table's size.
const FLUSH_WRITE_BYTES: usize = 1024 * 1024;

/// The tables of one shard: the manifest and the directory.
pub struct TableStore<S: Storage> {
    storage: S,
    dir: PathBuf,
    manifest: Manifest,
}

/// What a frozen memtable's flush needs to know of the state when it was frozen.
pub struct FlushJob {
    pub memtable: Arc<Memtable>,
    /// Every batch at or below it is in the memtable or older tables.
    pub position: u64,
    pub resource_count: u64,
}

impl<S: Storage> TableStore<S> {
    /// Opens (or creates) the tables of `shard` in `dir`: reads the manifest, removes files that no
    /// manifest names (a crash in the middle of a flush), opens every table. A table the manifest
    /// names but that is missing or damaged is an error, never an empty answer.
    pub fn open(mut storage: S, dir: &Path, shard: u16) -> Result<(Self, Vec<Arc<TableFile>>)> {
        create_dir_durable(&mut storage, dir)
            .map_err(|e| Error::io(format!("creating {}", dir.display()), e))?;
        storage
            .sync_dir(dir)
            .map_err(|e| Error::io(format!("syncing {}", dir.display()), e))?;
        let manifest_path = dir.join(MANIFEST_FILE);
        let names = storage
            .list_dir(dir)
            .map_err(|e| Error::io(format!("listing {}", dir.display()), e))?;
        let manifest = if names.iter().any(|n| n == MANIFEST_FILE) {
            let file = storage
                .open(&manifest_path, false)
                .map_err(|e| Error::io(format!("opening {}", manifest_path.display()), e))?;
            let bytes = storage.read_all(file);
            storage.close(file);
            let bytes =
                bytes.map_err(|e| Error::io(format!("reading {}", manifest_path.display()), e))?;
            Manifest::decode(&bytes, shard).map_err(|error| Error::Corrupt {
                path: manifest_path.clone(),
                offset: 0,
                reason: error.to_string(),
            })?
        } else {
            Manifest::new(shard)
        };
        let named: HashSet<u64> = manifest.tables.iter().map(|t| t.number).collect();
        let mut removed = false;
        for name in &names {
            let leftover = match parse_table_file_name(name) {
                Some(number) => !named.contains(&number),
                None => name.ends_with(".tmp"),
            };
            if leftover {
                let path = dir.join(name);
                storage
                    .remove_file(&path)
                    .map_err(|e| Error::io(format!("removing {}", path.display()), e))?;
                tracing::info!(shard, file = %path.display(), "removed a table file no manifest names");
                removed = true;
            }
        }
        if removed {
            storage
                .sync_dir(dir)
                .map_err(|e| Error::io(format!("syncing {}", dir.display()), e))?;
        }
        let tables = manifest
            .tables
            .iter()
            .map(|meta| TableFile::open(&mut storage, dir, *meta).map(Arc::new))
            .collect::<Result<Vec<_>>>()?;
        let store = TableStore {
            storage,
            dir: dir.to_path_buf(),
            manifest,
        };
        Ok((store, tables))
    }

    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes `job`'s memtable as a table, makes it durable and names it in the manifest (steps 1
    /// and 2 of the module doc). Returns the open table.
    pub fn flush(&mut self, job: &FlushJob) -> Result<Arc<TableFile>> {
        assert!(job.position >= self.manifest.flushed_position);
        let number = self.manifest.next_table_number;
        let path = self.dir.join(super::manifest::table_file_name(number));
        let io = |what: &str, e| Error::io(format!("{what} {}", path.display()), e);
        let file = self
            .storage
            .open(&path, true)
            .map_err(|e| io("creating table", e))?;
        let written = self.write_table(file, &job.memtable);
        let synced = written.and_then(|(bytes, entries, positions)| {
            self.storage
                .sync_data(file)
                .map_err(|e| io("syncing table", e))?;
            Ok((bytes, entries, positions))
        });
        self.storage.close(file);
        let (bytes, entries, (min_position, max_position)) = synced?;
        self.storage
            .sync_dir(&self.dir)
            .map_err(|e| io("syncing the directory of table", e))?;
        let meta = TableMeta {
            number,
            min_position,
            max_position,
            bytes,
            entries,
        };
        let mut next = self.manifest.clone();
        next.tables.insert(0, meta);
        next.flushed_position = job.position;
        next.next_table_number = number + 1;
        next.resource_count = job.resource_count;
        self.write_manifest(next)?;
        TableFile::open(&mut self.storage, &self.dir, meta).map(Arc::new)
    }

    /// Writes the manifest atomically; only then is it the store's manifest.
    fn write_manifest(&mut self, manifest: Manifest) -> Result<()> {
        let path = self.dir.join(MANIFEST_FILE);
        write_file_atomically(&mut self.storage, &path, &manifest.encode())
            .map_err(|e| Error::io(format!("writing {}", path.display()), e))?;
        self.manifest = manifest;
        Ok(())
    }

    /// Streams the memtable into `file` in bounded writes. Returns the file's bytes, its entries and
    /// the positions of the versions it holds.
    fn write_table(
        &mut self,
        file: crate::storage::FileId,
        memtable: &Memtable,
    ) -> Result<(u64, u64, (u64, u64))> {
        let mut writer = SstableWriter::new();
        let mut offset = 0u64;
        let mut positions = (u64::MAX, 0u64);
        let dir = self.dir.clone();
        let write_error = |e| Error::io(format!("writing a table in {}", dir.display()), e);
        for entry in memtable.iter() {
            let key = &*entry.key;
            let (user_key, position) =
                split_versioned(key).expect("the memtable holds versioned keys");
            positions = (positions.0.min(position), positions.1.max(position));
            writer
                .add_with_filter_key(key, user_key, entry.sstable_value())
                .expect("memtable entries are within the table limits and in order");
            debug_assert!(key.len() >= VERSION_SUFFIX_BYTES);
            if writer.position() - offset >= FLUSH_WRITE_BYTES as u64 {
                let ready = writer.take_ready();
                self.storage
                    .write_at(file, offset, &ready)
                    .map_err(write_error)?;
                offset += ready.len() as u64;
            }
        }
        let entries = writer.entry_count();
        assert!(entries > 0, "only a memtable with versions is flushed");
        let rest = writer.finish().expect("a table with entries finishes");
        self.storage
            .write_at(file, offset, &rest)
            .map_err(write_error)?;
        Ok((offset + rest.len() as u64, entries, positions))
    }
}

/// Runs the flushes of one shard: inline, or on a worker thread.
pub enum Flusher<S: Storage> {
    Inline {
        store: TableStore<S>,
        published: Arc<Published>,
    },
    Background(Worker),
}

/// The flush worker of one shard.
pub struct Worker {
    shared: Arc<WorkerShared>,
    thread: Option<JoinHandle<()>>,
}

struct WorkerShared {
    state: Mutex<WorkerState>,
    changed: Condvar,
}

struct WorkerState {
    /// Frozen memtables to flush, oldest first; the front one is being flushed.
    jobs: VecDeque<FlushJob>,
    flushed_position: u64,
    failure: Option<String>,
    stop: bool,
}

/// How long the shard waits for the worker between checks that it is still alive.
const WORKER_WAIT_STEP: Duration = Duration::from_millis(100);

impl<S: Storage> Flusher<S> {
    pub fn new(
        store: TableStore<S>,
        published: Arc<Published>,
        work: TableWork,
        shard: u16,
    ) -> Result<Self> {
        match work {
            TableWork::Inline => Ok(Flusher::Inline { store, published }),
            TableWork::Background => {
                let shared = Arc::new(WorkerShared {
                    state: Mutex::new(WorkerState {
                        jobs: VecDeque::new(),
                        flushed_position: store.manifest().flushed_position,
                        failure: None,
                        stop: false,
                    }),
                    changed: Condvar::new(),
                });
                let worker_shared = shared.clone();
                let thread = std::thread::Builder::new()
                    .name(format!("aorta-tables-{shard}"))
                    .spawn(move || run_worker(store, published, &worker_shared))
                    .map_err(|e| Error::io("spawning a table worker", e))?;
                Ok(Flusher::Background(Worker {
                    shared,
                    thread: Some(thread),
                }))
            }
        }
    }

    /// Flushes `job` (inline) or queues it for the worker, first waiting while
    /// `FROZEN_MEMTABLES_MAX` are queued. An error means the tables failed: the caller refuses
    /// writes from then on.
    pub fn flush(&mut self, job: FlushJob) -> Result<(), String> {
        match self {
            Flusher::Inline { store, published } => {
                let table = store.flush(&job).map_err(|e| e.to_string())?;
                install_flushed(published, &job.memtable, table);
                Ok(())
            }
            Flusher::Background(worker) => {
                let mut state = worker.lock();
                loop {
                    if let Some(failure) = &state.failure {
                        return Err(failure.clone());
                    }
                    if state.jobs.len() < crate::limits::FROZEN_MEMTABLES_MAX {
                        break;
                    }
                    if worker.thread.as_ref().is_none_or(|t| t.is_finished()) {
                        return Err("the table worker stopped".into());
                    }
                    state = worker
                        .shared
                        .changed
                        .wait_timeout(state, WORKER_WAIT_STEP)
                        .unwrap_or_else(|p| p.into_inner())
                        .0;
                }
                state.jobs.push_back(job);
                worker.shared.changed.notify_all();
                Ok(())
            }
        }
    }

    /// The position up to which the tables durably hold every batch.
    pub fn flushed_position(&self) -> u64 {
        match self {
            Flusher::Inline { store, .. } => store.manifest().flushed_position,
            Flusher::Background(worker) => worker.lock().flushed_position,
        }
    }

    /// Why the tables failed, if they did.
    pub fn failure(&self) -> Option<String> {
        match self {
            Flusher::Inline { .. } => None,
            Flusher::Background(worker) => worker.lock().failure.clone(),
        }
    }
}

impl Worker {
    fn lock(&self) -> std::sync::MutexGuard<'_, WorkerState> {
        self.shared
            .state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Drop for Worker {
    /// Lets the worker finish the flushes queued (their memtables would otherwise be replayed from
    /// the WAL at the next open: nothing is lost either way), then joins it.
    fn drop(&mut self) {
        self.lock().stop = true;
        self.shared.changed.notify_all();
        if let Some(thread) = self.thread.take() {
            if thread.join().is_err() {
                tracing::error!("a table worker panicked");
            }
        }
    }
}

/// Swaps a flushed memtable for its table in the readers' parts (step 3 of the module doc).
fn install_flushed(published: &Published, memtable: &Arc<Memtable>, table: Arc<TableFile>) {
    published.update_parts(|parts| {
        let memtables: Vec<_> = parts
            .memtables
            .iter()
            .filter(|m| !Arc::ptr_eq(m, memtable))
            .cloned()
            .collect();
        assert_eq!(
            memtables.len() + 1,
            parts.memtables.len(),
            "a flushed memtable is one of the parts"
        );
        assert!(
            !memtables.is_empty(),
            "the active memtable is never flushed"
        );
        let mut tables = Vec::with_capacity(parts.tables.len() + 1);
        tables.push(table);
        tables.extend(parts.tables.iter().cloned());
        Parts { memtables, tables }
    });
}

fn run_worker<S: Storage>(
    mut store: TableStore<S>,
    published: Arc<Published>,
    shared: &WorkerShared,
) {
    let lock = || {
        shared
            .state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    };
    loop {
        let job = {
            let mut state = lock();
            loop {
                if state.failure.is_some() {
                    return;
                }
                if let Some(job) = state.jobs.front() {
                    break FlushJob {
                        memtable: job.memtable.clone(),
                        position: job.position,
                        resource_count: job.resource_count,
                    };
                }
                if state.stop {
                    return;
                }
                state = shared
                    .changed
                    .wait(state)
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
            }
        };
        let flushed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| store.flush(&job)));
        let mut state = lock();
        match flushed {
            Ok(Ok(table)) => {
                install_flushed(&published, &job.memtable, table);
                state.jobs.pop_front();
                state.flushed_position = job.position;
                tracing::debug!(
                    shard = store.manifest().shard,
                    position = job.position,
                    "memtable flushed"
                );
            }
            Ok(Err(error)) => {
                tracing::error!(shard = store.manifest().shard, %error, "a table flush failed");
                state.failure = Some(format!("flushing a memtable failed: {error}"));
            }
            Err(_) => {
                state.failure = Some("flushing a memtable panicked".into());
            }
        }
        shared.changed.notify_all();
    }
}
