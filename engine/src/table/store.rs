//! One shard's tables on disk: the manifest, the sstable files, and the flush that turns a frozen
//! memtable into a durable table.
//!
//! A flush, in the order that keeps every step crash-safe:
//! 1. the table is written under its final name (`<number>.sst`, a number never used before) and
//!    fdatasynced, and so is the history file of the memtable's changes (`<number + 1>.hist`,
//!    `history::file`); then the directory is fsynced, once for both — a crash here leaves files no
//!    manifest names, which the next open removes;
//! 2. the manifest naming both, with the new flushed position, is written atomically (temporary
//!    file, fdatasync, rename, directory fsync) — only now do the table's versions and the file's
//!    changes count as durable. The same manifest drops the oldest history files that fall past the
//!    history's horizon (`history::file::files_past_horizon`) and raises the history horizon;
//!    their files are removed after it is written (a crash before leaves files the next open
//!    removes);
//! 3. the readers' parts swap the frozen memtable for the table (the same versions) and take the
//!    new history file; then the history's memory may evict the changes the file holds;
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

use std::sync::atomic::{AtomicU64, Ordering};

use super::compaction;
use super::file::TableFile;
use super::manifest::{parse_numbered_file_name, HistoryMeta, Manifest, TableMeta, MANIFEST_FILE};
use super::memtable::Memtable;
use super::merge::{CompactionFilter, CompactionStats, MergingIter, Source};
use super::sstable::{SstableWriter, WriteError};
use super::version::split_versioned;
use super::version::VersionedEntry;
use crate::error::{Error, Result};
use crate::history::file::{files_past_horizon, write_history_file, HistoryFile, HistoryFiles};
use crate::history::HistoryLimits;
use crate::state::{Parts, Published};
use crate::storage::{
    create_dir_durable, write_file_atomically, FileId, Storage, DIRECT_IO_ALIGN_BYTES,
};

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

/// The CPU priority of a shard's table workers (its memtable flush and its compactor).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum WorkerPriority {
    /// The scheduler's normal policy, sharing the CPU with everything else. The default.
    #[default]
    Normal,
    /// `SCHED_IDLE`: a worker runs only on a CPU that nothing else wants, and a waking shard,
    /// sync or caller thread takes the CPU from it at once. On few cores a flush or a merge that
    /// holds a CPU for milliseconds can keep a woken shard waiting behind it (measured: the shard
    /// 2.4 ms on the run queue of a CPU busy with the flush, the other CPU idle); with `Idle`, 256
    /// writers committed 4-14 % more (`docs/benchmarks.md`). Not the default, because it starves
    /// the workers whenever other threads keep every core busy: two threads reading in a loop
    /// made a test's flushes, and so its writes, crawl for minutes; the frozen memtables fill up
    /// and writes wait for them. The same starvation can hold the shard up directly: a worker
    /// preempted while it holds a lock the shard takes (the history's, while a flush copies a
    /// chunk of changes; the published parts') keeps it until the CPUs have time to spare, and
    /// Linux mutexes have no priority inheritance. Linux does not let an unprivileged thread leave
    /// `SCHED_IDLE`, so the choice is made once, at start.
    Idle,
}

/// Sets the calling thread's scheduling policy to `priority`; a refusal is logged, not fatal (the
/// worker runs at the normal priority).
fn lower_own_priority(priority: WorkerPriority) {
    if priority == WorkerPriority::Normal {
        return;
    }
    let param = libc::sched_param { sched_priority: 0 };
    // SAFETY: sched_setscheduler only reads `param`, a valid sched_param that outlives the call;
    // pid 0 is the calling thread.
    if unsafe { libc::sched_setscheduler(0, libc::SCHED_IDLE, &param) } != 0 {
        let error = std::io::Error::last_os_error();
        tracing::warn!(%error, "could not set a table worker to SCHED_IDLE; it runs at the normal priority");
    }
}

/// Bytes of entries a compaction merges between two releases of its inputs' mapped pages.
const COMPACTION_RELEASE_BYTES: usize = 32 * 1024 * 1024;

/// Bytes a flush hands to one `write_at`: bounds the flush's buffer whatever the table's size.
const FLUSH_WRITE_BYTES: usize = 1024 * 1024;

/// The tables of one shard: the manifest and the directory.
pub struct TableStore<S: Storage> {
    storage: S,
    dir: PathBuf,
    manifest: Manifest,
}

/// What a frozen memtable's flush needs to know of the state when it was frozen.
#[derive(Clone)]
pub struct FlushJob {
    pub memtable: Arc<Memtable>,
    /// Every batch at or below it is in the memtable or older tables.
    pub position: u64,
    pub resource_count: u64,
    /// The position of the previous flush: the memtable holds the changes after it, up to
    /// `position` (at least one), which the flush copies from the shard's history
    /// (`Published::history_changes_between`) on its own thread, not the shard's.
    pub changes_after: u64,
}

/// What a flush made: the open table, the open history file, and how many of the oldest history
/// files its manifest dropped (with the new history horizon).
pub struct Flushed {
    pub table: Arc<TableFile>,
    pub history: Arc<HistoryFile>,
    pub history_dropped: usize,
    pub history_horizon: u64,
}

impl<S: Storage> TableStore<S> {
    /// Opens (or creates) the tables of `shard` in `dir`: reads the manifest, removes files that no
    /// manifest names (a crash in the middle of a flush), opens every table and history file. A
    /// file the manifest names but that is missing or damaged is an error, never an empty answer.
    pub fn open(
        mut storage: S,
        dir: &Path,
        shard: u16,
    ) -> Result<(Self, Vec<Arc<TableFile>>, HistoryFiles)> {
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
        let named: HashSet<u64> = manifest
            .tables
            .iter()
            .map(|t| t.number)
            .chain(manifest.history.iter().map(|h| h.number))
            .collect();
        let mut removed = false;
        for name in &names {
            let leftover = match parse_numbered_file_name(name) {
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
        let history = HistoryFiles {
            horizon: manifest.history_horizon,
            files: manifest
                .history
                .iter()
                .map(|meta| HistoryFile::open(&mut storage, dir, *meta).map(Arc::new))
                .collect::<Result<Vec<_>>>()?,
        };
        let store = TableStore {
            storage,
            dir: dir.to_path_buf(),
            manifest,
        };
        Ok((store, tables, history))
    }

    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes `job`'s memtable as a table and its changes as a history file, makes them durable and
    /// names them in the manifest, dropping the history files past `history`'s horizon (steps 1 and
    /// 2 of the module doc).
    pub fn flush(
        &mut self,
        job: &FlushJob,
        published: &Published,
        history: &HistoryLimits,
    ) -> Result<Flushed> {
        assert!(job.position >= self.manifest.flushed_position);
        let number = self.manifest.next_table_number;
        let meta = write_table_file(
            &mut self.storage,
            &self.dir,
            number,
            job.memtable.iter().map(Ok),
        )?
        .expect("only a memtable with versions is flushed");
        let changes = published.history_changes_between(job.changes_after, job.position);
        let history_meta = write_history_file(
            &mut self.storage,
            &self.dir,
            number + 1,
            self.manifest.flushed_position + 1,
            job.position,
            &changes,
        )?;
        drop(changes);
        // One directory fsync for both names: a flush's fsyncs queue on the device with the WAL's.
        sync_table_dir(&mut self.storage, &self.dir)?;
        let mut next = self.manifest.clone();
        next.tables.insert(0, meta);
        next.flushed_position = job.position;
        next.next_table_number = number + 2;
        next.resource_count = job.resource_count;
        next.history.push(history_meta);
        let history_dropped = files_past_horizon(&next.history, history);
        let dropped: Vec<HistoryMeta> = next.history.drain(..history_dropped).collect();
        if let Some(last) = dropped.last() {
            next.history_horizon = last.last_position;
        }
        let history_horizon = next.history_horizon;
        self.write_manifest(next)?;
        for file in &dropped {
            let path = self.dir.join(file.file_name());
            // No manifest names it any more: a file a failed removal leaves is removed at the
            // next open.
            if let Err(error) = self.storage.remove_file(&path) {
                tracing::warn!(file = %path.display(), %error, "removing a dropped history file failed");
            }
        }
        Ok(Flushed {
            table: TableFile::open(&mut self.storage, &self.dir, meta).map(Arc::new)?,
            history: HistoryFile::open(&mut self.storage, &self.dir, history_meta).map(Arc::new)?,
            history_dropped,
            history_horizon,
        })
    }

    /// Writes the manifest atomically; only then is it the store's manifest.
    fn write_manifest(&mut self, manifest: Manifest) -> Result<()> {
        let path = self.dir.join(MANIFEST_FILE);
        write_file_atomically(&mut self.storage, &path, &manifest.encode())
            .map_err(|e| Error::io(format!("writing {}", path.display()), e))?;
        self.manifest = manifest;
        Ok(())
    }
}

/// Writes the versions `entries` yields (in internal-key order) as table `number` in `dir`: step 1
/// of a flush or of a compaction (see [`write_sstable_file`]). Returns its manifest entry, or `None`
/// (and no file) when `entries` yields nothing.
fn write_table_file<'a, S: Storage>(
    storage: &mut S,
    dir: &Path,
    number: u64,
    entries: impl Iterator<Item = Result<VersionedEntry<'a>>>,
) -> Result<Option<TableMeta>> {
    let path = dir.join(super::manifest::table_file_name(number));
    let mut positions = (u64::MAX, 0u64);
    let writer = SstableWriter::new();
    let written = write_sstable_file(
        storage,
        &path,
        "table",
        FileWrites::Cached,
        writer,
        entries,
        |writer, entry| {
            let (user_key, position) =
                split_versioned(&entry.key).expect("tables are written from versioned keys");
            positions = (positions.0.min(position), positions.1.max(position));
            writer.add_with_filter_key(&entry.key, user_key, entry.sstable_value())
        },
    )?;
    Ok(written.map(|(bytes, entries)| TableMeta {
        number,
        min_position: positions.0,
        max_position: positions.1,
        bytes,
        entries,
    }))
}

/// How a file's bytes reach the device (`write_sstable_file`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FileWrites {
    /// Through the page cache, each step started on its way at once (`Storage::write_behind`):
    /// for sstables, which compactions soon read back (mapped) and gets read at random.
    Cached,
    /// Past the page cache (`Storage::open_direct`) in whole blocks, the last one padded and the
    /// file then cut to its length: for history files, written once and read only by catch-ups
    /// from before the in-memory history, in order. Why: a buffered write costs this VM's kernel
    /// about 1.8 s of CPU per GiB (page allocation, memory accounting, the copy) against 0.14 s
    /// direct, and a memtable's history file is its largest write (`docs/benchmarks.md`, "History
    /// files past the page cache").
    Direct,
}

/// Writes a new sstable file at `path` (a `what`, for errors) from `entries`, each handed to
/// `add`, in writes of about `FLUSH_WRITE_BYTES` made as `writes` says, and fdatasyncs it; the
/// caller fsyncs the directory (once for every file it writes) before a manifest names it.
/// Returns its bytes and entries, or `None` (and no file) when `entries` yields nothing. A file
/// left by a failure is removed here or, after a crash, by the next open (no manifest names it).
pub(crate) fn write_sstable_file<S: Storage, E>(
    storage: &mut S,
    path: &Path,
    what: &str,
    writes: FileWrites,
    mut writer: SstableWriter,
    entries: impl Iterator<Item = Result<E>>,
    mut add: impl FnMut(&mut SstableWriter, E) -> std::result::Result<(), WriteError>,
) -> Result<Option<(u64, u64)>> {
    let io = |doing: &str, e| Error::io(format!("{doing} {what} {}", path.display()), e);
    let full = |e: WriteError| {
        Error::io(
            format!("writing {what} {}", path.display()),
            std::io::Error::other(e.to_string()),
        )
    };
    // A file system that refuses direct writes gets cached ones, written back step by step.
    let (file, direct) = match writes {
        FileWrites::Cached => storage.open(path, true).map(|file| (file, false)),
        FileWrites::Direct => storage.open_direct(path, true),
    }
    .map_err(|e| io("creating", e))?;
    let mut offset = 0u64;
    let mut previous = None;
    let mut direct = direct.then(DirectSteps::new);
    let written = || -> Result<Option<(u64, u64)>> {
        for entry in entries {
            add(&mut writer, entry?).map_err(full)?;
            let taken = offset + direct.as_ref().map_or(0, DirectSteps::pending) as u64;
            if writer.position() - taken < FLUSH_WRITE_BYTES as u64 {
                continue;
            }
            let ready = writer.ready();
            if let Some(direct) = direct.as_mut() {
                offset = direct
                    .write(storage, file, offset, ready, false)
                    .map_err(|e| io("writing", e))?;
                writer.take_ready();
                continue;
            }
            storage
                .write_at(file, offset, ready)
                .map_err(|e| io("writing", e))?;
            // Written back step by step, so that the device never holds more than two steps of a
            // table ahead of a log's fdatasync (`Storage::write_behind`).
            let len = ready.len() as u64;
            storage
                .write_behind(file, offset, len, previous)
                .map_err(|e| io("writing back", e))?;
            writer.take_ready();
            previous = Some((offset, len));
            offset += len;
        }
        let entries = writer.entry_count();
        if entries == 0 {
            return Ok(None);
        }
        let rest = std::mem::take(&mut writer).finish().map_err(full)?;
        let end = if let Some(direct) = direct.as_mut() {
            let end = offset + (direct.pending() + rest.len()) as u64;
            direct
                .write(storage, file, offset, &rest, true)
                .map_err(|e| io("writing", e))?;
            // The last block was padded with zeros: cut them off before the sync.
            storage.truncate(file, end).map_err(|e| io("cutting", e))?;
            end
        } else {
            storage
                .write_at(file, offset, &rest)
                .map_err(|e| io("writing", e))?;
            offset + rest.len() as u64
        };
        storage.sync_data(file).map_err(|e| io("syncing", e))?;
        Ok(Some((end, entries)))
    };
    let written = written();
    storage.close(file);
    let written = match written {
        Ok(written) => written,
        Err(error) => {
            let _ = storage.remove_file(path);
            return Err(error);
        }
    };
    if written.is_none() {
        storage
            .remove_file(path)
            .map_err(|e| io("removing empty", e))?;
    }
    Ok(written)
}

/// The writes of a file opened with `Storage::open_direct`: whole blocks from an aligned buffer,
/// the bytes of a last partial block held until more come (or padded at the end).
struct DirectSteps {
    /// Where blocks gather to be written: `DIRECT_IO_ALIGN_BYTES` more than a step, so that a step
    /// can start at an aligned address inside it (`start`).
    staging: Vec<u8>,
    /// The aligned start of the steps in `staging`.
    start: usize,
    /// Bytes gathered at `staging[start..]` and not yet written: less than a block between writes.
    filled: usize,
}

impl DirectSteps {
    fn new() -> DirectSteps {
        let staging = vec![0; FLUSH_WRITE_BYTES + DIRECT_IO_ALIGN_BYTES];
        let start = staging.as_ptr().align_offset(DIRECT_IO_ALIGN_BYTES);
        assert!(
            start < DIRECT_IO_ALIGN_BYTES,
            "a byte buffer always has an aligned address within its first block"
        );
        DirectSteps {
            staging,
            start,
            filled: 0,
        }
    }

    fn pending(&self) -> usize {
        self.filled
    }

    /// Gathers `bytes` and writes every whole block gathered at `offset` (every block, the last
    /// one padded with zeros, when `last`); returns the offset after what it wrote. Bytes are
    /// copied once, from `bytes` into the aligned steps.
    fn write<S: Storage>(
        &mut self,
        storage: &mut S,
        file: FileId,
        mut offset: u64,
        mut bytes: &[u8],
        last: bool,
    ) -> std::io::Result<u64> {
        debug_assert_eq!(offset % DIRECT_IO_ALIGN_BYTES as u64, 0);
        let step_max =
            (self.staging.len() - self.start) / DIRECT_IO_ALIGN_BYTES * DIRECT_IO_ALIGN_BYTES;
        loop {
            let room = step_max - self.filled;
            let taken = bytes.len().min(room);
            let at = self.start + self.filled;
            self.staging[at..at + taken].copy_from_slice(&bytes[..taken]);
            self.filled += taken;
            bytes = &bytes[taken..];
            if bytes.is_empty() {
                break;
            }
            // The step is full and more bytes wait: write it whole.
            let step = &self.staging[self.start..self.start + step_max];
            storage.write_at(file, offset, step)?;
            offset += step_max as u64;
            self.filled = 0;
        }
        if last {
            let padded = self.filled.next_multiple_of(DIRECT_IO_ALIGN_BYTES);
            self.staging[self.start + self.filled..self.start + padded].fill(0);
            self.filled = padded;
        }
        let whole = self.filled / DIRECT_IO_ALIGN_BYTES * DIRECT_IO_ALIGN_BYTES;
        if whole > 0 {
            let step = &self.staging[self.start..self.start + whole];
            storage.write_at(file, offset, step)?;
            offset += whole as u64;
            // What is left (less than a block) moves to the start, for the next bytes.
            let left = self.filled - whole;
            let from = self.start + whole;
            self.staging.copy_within(from..from + left, self.start);
            self.filled = left;
        }
        Ok(offset)
    }
}

/// Fsyncs `dir`, so that the files just written there keep their names through a power cut: what
/// a manifest may name only after.
fn sync_table_dir<S: Storage>(storage: &mut S, dir: &Path) -> Result<()> {
    storage
        .sync_dir(dir)
        .map_err(|e| Error::io(format!("syncing the tables directory {}", dir.display()), e))
}

/// What a shard's tables have written and dropped, for write-amplification reports.
#[derive(Default, Debug)]
pub struct TableCounters {
    pub flushes: AtomicU64,
    pub flushed_bytes: AtomicU64,
    pub compactions: AtomicU64,
    pub compaction_bytes_read: AtomicU64,
    pub compaction_bytes_written: AtomicU64,
    pub superseded_dropped: AtomicU64,
    pub tombstones_dropped: AtomicU64,
    /// Bytes of history files written (one per flush).
    pub history_bytes_written: AtomicU64,
}

/// A snapshot of [`TableCounters`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TableStats {
    pub flushes: u64,
    pub flushed_bytes: u64,
    pub compactions: u64,
    pub compaction_bytes_read: u64,
    pub compaction_bytes_written: u64,
    pub superseded_dropped: u64,
    pub tombstones_dropped: u64,
    /// Bytes of history files written (one per flush): not in `write_amplification`.
    pub history_bytes_written: u64,
    /// Tables the shard holds now.
    pub tables: u64,
}

impl TableStats {
    /// Table bytes written (flushes and compactions) per byte flushed: the tables' share of write
    /// amplification (the WAL adds one more write of every byte).
    pub fn write_amplification(&self) -> f64 {
        if self.flushed_bytes == 0 {
            return 1.0;
        }
        (self.flushed_bytes + self.compaction_bytes_written) as f64 / self.flushed_bytes as f64
    }
}

impl TableCounters {
    pub fn snapshot(&self, tables: u64) -> TableStats {
        let get = |c: &AtomicU64| c.load(Ordering::Relaxed);
        TableStats {
            flushes: get(&self.flushes),
            flushed_bytes: get(&self.flushed_bytes),
            compactions: get(&self.compactions),
            compaction_bytes_read: get(&self.compaction_bytes_read),
            compaction_bytes_written: get(&self.compaction_bytes_written),
            superseded_dropped: get(&self.superseded_dropped),
            tombstones_dropped: get(&self.tombstones_dropped),
            history_bytes_written: get(&self.history_bytes_written),
            tables,
        }
    }
}

impl<S: Storage> TableStore<S> {
    /// Merges `inputs` (a run of adjacent tables, newest first) into one table numbered `number`,
    /// written and synced through `storage`, keeping what a reader at `horizon` or later sees.
    /// Returns its manifest entry (`None` when nothing survives) and what the filter dropped.
    fn write_compaction(
        storage: &mut S,
        dir: &Path,
        number: u64,
        inputs: &[Arc<TableFile>],
        horizon: u64,
        bottom: bool,
    ) -> Result<(Option<TableMeta>, CompactionStats)> {
        let sources: Vec<Source<'_, '_, Error>> = inputs
            .iter()
            .map(|table| {
                let entries = table
                    .sstable()
                    .iter()
                    .map(move |e| e.map(VersionedEntry::from).map_err(|e| table.error(e)));
                Box::new(entries) as Source<'_, '_, Error>
            })
            .collect();
        let mut filter = CompactionFilter::new(MergingIter::new(sources), horizon, bottom);
        // The inputs are read once, in order: their pages are released as the merge goes, so that
        // a merge of gibibytes does not hold them all in the process's resident set.
        let mut read_since_release = 0usize;
        let entries = filter
            .by_ref()
            .inspect(|entry| {
                if let Ok(entry) = entry {
                    read_since_release +=
                        entry.key.len() + entry.value.as_ref().map_or(0, |v| v.len());
                    if read_since_release >= COMPACTION_RELEASE_BYTES {
                        read_since_release = 0;
                        inputs.iter().for_each(|table| table.release_resident());
                    }
                }
            })
            .map(|entry| entry.map_err(|error| error.into_engine_error(dir)));
        let meta = write_table_file(storage, dir, number, entries)?;
        sync_table_dir(storage, dir)?;
        Ok((meta, filter.stats()))
    }

    /// Names `output` in place of the run of tables `replaced` in the manifest, and the new
    /// horizon. The run's tables stay on disk until the caller removes them.
    fn replace_tables(
        &mut self,
        replaced: &[u64],
        output: Option<TableMeta>,
        horizon: u64,
    ) -> Result<()> {
        let mut next = self.manifest.clone();
        let at = next
            .tables
            .iter()
            .position(|t| t.number == replaced[0])
            .expect("a compaction's run is still in the manifest");
        let removed: Vec<u64> = next
            .tables
            .drain(at..at + replaced.len())
            .map(|t| t.number)
            .collect();
        assert_eq!(removed, replaced, "a compaction's run is still contiguous");
        if let Some(output) = output {
            next.tables.insert(at, output);
        }
        next.horizon = next.horizon.max(horizon);
        self.write_manifest(next)
    }

    /// Reserves a table number for a compaction's output (the manifest records the next number
    /// only when it is written; a crash before that leaves a file that the next open removes).
    fn reserve_number(&mut self) -> u64 {
        let number = self.manifest.next_table_number;
        self.manifest.next_table_number += 1;
        number
    }
}

/// Runs one compaction if one is due: plans under the store (briefly), merges without holding it,
/// then swaps the manifest and the readers' parts, and removes the inputs. Returns whether it ran.
fn compact_once<S: Storage>(
    store: &Mutex<TableStore<S>>,
    storage: &mut S,
    published: &Published,
    counters: &TableCounters,
) -> Result<bool> {
    let lock = || store.lock().unwrap_or_else(|p| p.into_inner());
    let (plan, number, dir, horizon, numbers, inputs) = {
        let mut store = lock();
        let Some(plan) = compaction::plan(&store.manifest.tables) else {
            return Ok(false);
        };
        // Versions stay readable back to the history's horizon: a query at any position the
        // history still streams from sees exactly that position.
        let horizon = store.manifest.history_horizon.max(store.manifest.horizon);
        let numbers: Vec<u64> = store.manifest.tables[plan.run.clone()]
            .iter()
            .map(|t| t.number)
            .collect();
        // Under the store's lock the readers' parts name exactly the manifest's tables: a flush
        // swaps both while it holds the lock.
        let parts = published.parts();
        let inputs: Vec<Arc<TableFile>> = numbers
            .iter()
            .map(|n| {
                parts
                    .tables
                    .iter()
                    .find(|t| t.meta().number == *n)
                    .cloned()
                    .expect("every table of the manifest is in the readers' parts")
            })
            .collect();
        (
            plan,
            store.reserve_number(),
            store.dir.clone(),
            horizon,
            numbers,
            inputs,
        )
    };
    let bytes_read: u64 = inputs.iter().map(|t| t.meta().bytes).sum();
    let (output, stats) =
        TableStore::write_compaction(storage, &dir, number, &inputs, horizon, plan.bottom)?;
    let output_table = match output {
        Some(meta) => Some(Arc::new(TableFile::open(storage, &dir, meta)?)),
        None => None,
    };
    {
        let mut store = lock();
        store.replace_tables(&numbers, output, horizon)?;
        // Readers below the new horizon are refused before any of them can see the merged table.
        published.raise_horizon(horizon);
        published.update_parts(|parts| {
            let at = parts
                .tables
                .iter()
                .position(|t| t.meta().number == numbers[0])
                .expect("the run is in the parts");
            let mut tables = parts.tables.clone();
            let removed: Vec<u64> = tables
                .splice(at..at + numbers.len(), output_table.clone())
                .map(|t| t.meta().number)
                .collect();
            assert_eq!(removed, numbers);
            Parts {
                memtables: parts.memtables.clone(),
                tables,
                history: parts.history.clone(),
            }
        });
    }
    for table in &inputs {
        storage
            .remove_file(table.path())
            .map_err(|e| Error::io(format!("removing {}", table.path().display()), e))?;
    }
    storage
        .sync_dir(&dir)
        .map_err(|e| Error::io(format!("syncing {}", dir.display()), e))?;
    counters.compactions.fetch_add(1, Ordering::Relaxed);
    counters
        .compaction_bytes_read
        .fetch_add(bytes_read, Ordering::Relaxed);
    counters
        .compaction_bytes_written
        .fetch_add(output.map_or(0, |m| m.bytes), Ordering::Relaxed);
    counters
        .superseded_dropped
        .fetch_add(stats.superseded_dropped, Ordering::Relaxed);
    counters
        .tombstones_dropped
        .fetch_add(stats.tombstones_dropped, Ordering::Relaxed);
    tracing::debug!(
        shard = published.shard(),
        inputs = numbers.len(),
        bytes_read,
        bytes_written = output.map_or(0, |m| m.bytes),
        horizon,
        "tables compacted"
    );
    Ok(true)
}

/// Runs the flushes and compactions of one shard: inline, or on worker threads.
pub enum Flusher<S: Storage> {
    Inline {
        store: Mutex<TableStore<S>>,
        storage: S,
        published: Arc<Published>,
        counters: Arc<TableCounters>,
        history: HistoryLimits,
    },
    Background(Workers),
}

/// The flush worker and the compactor of one shard.
pub struct Workers {
    shared: Arc<WorkerShared>,
    threads: Vec<JoinHandle<()>>,
    counters: Arc<TableCounters>,
}

struct WorkerShared {
    state: Mutex<WorkerState>,
    changed: Condvar,
}

struct WorkerState {
    /// Frozen memtables to flush, oldest first; the front one is being flushed.
    jobs: VecDeque<FlushJob>,
    flushed_position: u64,
    /// Flushes the compactor has not looked at yet.
    unplanned_flushes: u64,
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
        priority: WorkerPriority,
        history: HistoryLimits,
    ) -> Result<Self> {
        let shard = store.manifest().shard;
        let storage = store
            .storage
            .sibling()
            .map_err(|e| Error::io("creating the compactor's storage", e))?;
        let counters = published.counters().clone();
        let flushed_position = store.manifest().flushed_position;
        let store = Mutex::new(store);
        match work {
            TableWork::Inline => Ok(Flusher::Inline {
                store,
                storage,
                published,
                counters,
                history,
            }),
            TableWork::Background => {
                let shared = Arc::new(WorkerShared {
                    state: Mutex::new(WorkerState {
                        jobs: VecDeque::new(),
                        flushed_position,
                        unplanned_flushes: 1,
                        failure: None,
                        stop: false,
                    }),
                    changed: Condvar::new(),
                });
                let store = Arc::new(store);
                let flush_thread = {
                    let (shared, store, published, counters) = (
                        shared.clone(),
                        store.clone(),
                        published.clone(),
                        counters.clone(),
                    );
                    std::thread::Builder::new()
                        .name(format!("aorta-flush-{shard}"))
                        .spawn(move || {
                            lower_own_priority(priority);
                            run_flusher(&store, &published, &shared, &counters, &history)
                        })
                        .map_err(|e| Error::io("spawning a flush worker", e))?
                };
                let compact_thread = {
                    let (shared, counters) = (shared.clone(), counters.clone());
                    std::thread::Builder::new()
                        .name(format!("aorta-compact-{shard}"))
                        .spawn(move || {
                            lower_own_priority(priority);
                            run_compactor(&store, storage, &published, &shared, &counters)
                        })
                        .map_err(|e| Error::io("spawning a compactor", e))?
                };
                Ok(Flusher::Background(Workers {
                    shared,
                    threads: vec![flush_thread, compact_thread],
                    counters,
                }))
            }
        }
    }

    /// Flushes `job` (inline, then compacts what is due) or queues it for the worker, first
    /// waiting while `FROZEN_MEMTABLES_MAX` are queued. An error means the tables failed: the
    /// caller refuses writes from then on.
    pub fn flush(&mut self, job: FlushJob) -> Result<(), String> {
        match self {
            Flusher::Inline {
                store,
                storage,
                published,
                counters,
                history,
            } => {
                let flushed = store
                    .get_mut()
                    .unwrap_or_else(|p| p.into_inner())
                    .flush(&job, published, history)
                    .map_err(|e| e.to_string())?;
                install_flushed(published, counters, &job, flushed);
                while compact_once(store, storage, published, counters)
                    .map_err(|e| e.to_string())?
                {}
                Ok(())
            }
            Flusher::Background(workers) => {
                let mut state = workers.lock();
                loop {
                    if let Some(failure) = &state.failure {
                        return Err(failure.clone());
                    }
                    if state.jobs.len() < crate::limits::FROZEN_MEMTABLES_MAX {
                        break;
                    }
                    if workers.threads.iter().any(|t| t.is_finished()) {
                        return Err("a table worker stopped".into());
                    }
                    state = workers
                        .shared
                        .changed
                        .wait_timeout(state, WORKER_WAIT_STEP)
                        .unwrap_or_else(|p| p.into_inner())
                        .0;
                }
                state.jobs.push_back(job);
                workers.shared.changed.notify_all();
                Ok(())
            }
        }
    }

    /// The position up to which the tables durably hold every batch.
    pub fn flushed_position(&self) -> u64 {
        match self {
            Flusher::Inline { store, .. } => {
                store
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .manifest()
                    .flushed_position
            }
            Flusher::Background(workers) => workers.lock().flushed_position,
        }
    }

    /// Why the tables failed, if they did.
    pub fn failure(&self) -> Option<String> {
        match self {
            Flusher::Inline { .. } => None,
            Flusher::Background(workers) => workers.lock().failure.clone(),
        }
    }

    pub fn counters(&self) -> Arc<TableCounters> {
        match self {
            Flusher::Inline { counters, .. } => counters.clone(),
            Flusher::Background(workers) => workers.counters.clone(),
        }
    }
}

impl Workers {
    fn lock(&self) -> std::sync::MutexGuard<'_, WorkerState> {
        self.shared
            .state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Drop for Workers {
    /// Lets the flush worker finish the flushes queued (their memtables would otherwise be replayed
    /// from the WAL at the next open: nothing is lost either way) and the compactor its current
    /// merge, then joins them.
    fn drop(&mut self) {
        self.lock().stop = true;
        self.shared.changed.notify_all();
        for thread in self.threads.drain(..) {
            if thread.join().is_err() {
                tracing::error!("a table worker panicked");
            }
        }
    }
}

/// Swaps a flushed memtable for its table in the readers' parts and adds its history file, dropping
/// the history files its manifest dropped (step 3 of the module doc); then lets the history's
/// memory evict what the new file holds, and counts the flush. Called under the store's lock, so
/// that a compaction plans against a horizon the readers already refuse below.
fn install_flushed(
    published: &Published,
    counters: &TableCounters,
    job: &FlushJob,
    flushed: Flushed,
) {
    counters.flushes.fetch_add(1, Ordering::Relaxed);
    counters
        .flushed_bytes
        .fetch_add(flushed.table.meta().bytes, Ordering::Relaxed);
    counters
        .history_bytes_written
        .fetch_add(flushed.history.meta().bytes, Ordering::Relaxed);
    // Readers below the history's horizon are refused before compaction can drop what they need.
    published.raise_horizon(flushed.history_horizon);
    published.update_parts(|parts| {
        let memtables: Vec<_> = parts
            .memtables
            .iter()
            .filter(|m| !Arc::ptr_eq(m, &job.memtable))
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
        tables.push(flushed.table.clone());
        tables.extend(parts.tables.iter().cloned());
        let mut files: Vec<Arc<HistoryFile>> =
            parts.history.files[flushed.history_dropped..].to_vec();
        files.push(flushed.history.clone());
        Parts {
            memtables,
            tables,
            history: HistoryFiles {
                horizon: flushed.history_horizon,
                files,
            },
        }
    });
    published.history_persisted_through(job.position);
}

fn lock_state(shared: &WorkerShared) -> std::sync::MutexGuard<'_, WorkerState> {
    shared
        .state
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn run_flusher<S: Storage>(
    store: &Mutex<TableStore<S>>,
    published: &Arc<Published>,
    shared: &WorkerShared,
    counters: &TableCounters,
    history: &HistoryLimits,
) {
    loop {
        let job = {
            let mut state = lock_state(shared);
            loop {
                if state.failure.is_some() {
                    return;
                }
                if let Some(job) = state.jobs.front() {
                    break job.clone();
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
        let flushed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut store = store.lock().unwrap_or_else(|p| p.into_inner());
            let flushed = store.flush(&job, published, history)?;
            install_flushed(published, counters, &job, flushed);
            Ok::<_, Error>(())
        }));
        let mut state = lock_state(shared);
        match flushed {
            Ok(Ok(())) => {
                state.jobs.pop_front();
                state.flushed_position = job.position;
                state.unplanned_flushes += 1;
                tracing::debug!(
                    shard = published.shard(),
                    position = job.position,
                    "memtable flushed"
                );
            }
            Ok(Err(error)) => {
                tracing::error!(shard = published.shard(), %error, "a table flush failed");
                state.failure = Some(format!("flushing a memtable failed: {error}"));
            }
            Err(_) => {
                state.failure = Some("flushing a memtable panicked".into());
            }
        }
        shared.changed.notify_all();
    }
}

fn run_compactor<S: Storage>(
    store: &Mutex<TableStore<S>>,
    mut storage: S,
    published: &Arc<Published>,
    shared: &WorkerShared,
    counters: &TableCounters,
) {
    loop {
        {
            let mut state = lock_state(shared);
            loop {
                if state.failure.is_some() || state.stop {
                    return;
                }
                if state.unplanned_flushes > 0 {
                    state.unplanned_flushes = 0;
                    break;
                }
                state = shared
                    .changed
                    .wait(state)
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
            }
        }
        loop {
            let compacted = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                compact_once(store, &mut storage, published, counters)
            }));
            let failure = match compacted {
                Ok(Ok(true)) => {
                    if lock_state(shared).stop {
                        return;
                    }
                    continue;
                }
                Ok(Ok(false)) => break,
                Ok(Err(error)) => format!("a compaction failed: {error}"),
                Err(_) => "a compaction panicked".to_string(),
            };
            tracing::error!(shard = published.shard(), %failure, "the tables failed");
            lock_state(shared).failure = Some(failure);
            shared.changed.notify_all();
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::uring::UringStorage;

    /// Entries of growing sizes (a file of several steps whose end falls inside a block).
    fn entries(count: u32) -> impl Iterator<Item = Result<(Vec<u8>, Vec<u8>)>> {
        (0..count).map(|i| {
            let key = format!("key-{i:08}").into_bytes();
            let value = vec![(i % 251) as u8; 100 + (i as usize * 7) % 900];
            Ok((key, value))
        })
    }

    fn write(storage: &mut UringStorage, path: &Path, writes: FileWrites) -> (u64, u64) {
        write_sstable_file(
            storage,
            path,
            "test file",
            writes,
            SstableWriter::new(),
            entries(5_000),
            |writer, (key, value)| writer.put(&key, &value),
        )
        .unwrap()
        .expect("entries were written")
    }

    #[test]
    fn a_file_written_past_the_page_cache_holds_the_bytes_a_cached_write_leaves() {
        let dir = tempfile::tempdir().unwrap();
        let mut storage = UringStorage::new().unwrap();
        let (cached_path, direct_path) = (dir.path().join("cached"), dir.path().join("direct"));
        let cached = write(&mut storage, &cached_path, FileWrites::Cached);
        let direct = write(&mut storage, &direct_path, FileWrites::Direct);
        assert_eq!(direct, cached, "the same length and entries");
        assert!(
            cached.0 > 2 * FLUSH_WRITE_BYTES as u64,
            "several steps: {}",
            cached.0
        );
        assert_ne!(
            cached.0 % DIRECT_IO_ALIGN_BYTES as u64,
            0,
            "the end falls inside a block, so the padding had to be cut"
        );
        let bytes = std::fs::read(&direct_path).unwrap();
        assert_eq!(bytes.len() as u64, direct.0);
        assert!(bytes == std::fs::read(&cached_path).unwrap());
    }
}
