//! The next segment, made ahead of time: a file of the segment's full size, zero-filled and synced.
//!
//! Why: an fdatasync after an append must also commit the file's new size and the blocks allocated
//! for it (on ext4 a journal commit, a second device write), while an fdatasync after an overwrite of
//! blocks that were written and synced before flushes the data alone. On this machine's disk a 4 KiB
//! overwrite + fdatasync ran 1.6-2.7x the rate of a 4 KiB append + fdatasync (`docs/benchmarks.md`).
//! `fallocate` is not enough: it leaves *unwritten* extents, whose first write converts them in the
//! journal again. So the spare is written with zeros, once, off the write path.
//!
//! Life cycle (each step an IO point of the crash test):
//! 1. `next-segment.spare.tmp` is created, truncated to zero, filled with zeros chunk by chunk,
//!    fdatasynced, renamed to `next-segment.spare`, and the directory synced (so that a spare
//!    outlives a power cut): a file of that name holds synced zeros (and perhaps a header, if a
//!    roll-over was cut short), so an open keeps it if it has the right size and removes it
//!    otherwise; an open always removes a `.tmp`;
//! 2. when the log rolls over, it writes the new segment's header into the spare and syncs it, then
//!    renames the spare to the segment's name and syncs the directory: only then does a record go
//!    to it. A crash before the rename leaves a spare (removed at open); after it, a segment whose
//!    header is durable and whose tail is zeros, which recovery reads as the end of the log;
//! 3. the segment it replaces as the active one is first cut to its last group and synced, so that
//!    a closed segment never has a zero tail (recovery stays strict about closed segments);
//! 4. a purged segment (the start file already names a later one) is *recycled* into the next
//!    spare rather than deleted, when none is held yet ([`Spares::retire`]): at once renamed to
//!    `next-segment.recycle` (so that the purged segment's name goes at the purge, as a deletion
//!    would make it go), and when the next spare is asked for, renamed to
//!    `next-segment.spare.tmp`, the directory synced (so that a crash can no longer bring back,
//!    under its segment name, a file whose header is being zeroed), cut to the spare's size if it
//!    is longer, and then filled with zeros and renamed exactly as in step 1. An open removes a
//!    `next-segment.recycle` as it does a `.tmp`. So no spare ever holds a record of an earlier
//!    life of the log (a group names its segment anyway, and recovery stops at a group that names
//!    another).
//!
//! Why recycle: on a file system mounted with `discard`, deleting a 64 MiB segment discards its
//! blocks, and the log's `fdatasync` waits behind the discard (`docs/benchmarks.md`); overwriting blocks already allocated also spares the new file's
//! allocation. Any other purged segment is deleted. With a helper thread, the helper does both,
//! after the start file moved past the segment: one a crash leaves is an interrupted purge's, which
//! the next open removes.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender, TryRecvError, TrySendError};
use std::sync::Arc;
use std::thread::JoinHandle;

use crate::storage::Storage;

/// The spare's name in the WAL directory; never a segment name, so a leftover is never replayed.
pub const SPARE_FILE: &str = "next-segment.spare";
/// The spare while it is being made.
pub const SPARE_TMP_FILE: &str = "next-segment.spare.tmp";
/// A purged segment held to become the next spare (step 4 of the module doc); an open removes it.
pub const RECYCLE_FILE: &str = "next-segment.recycle";
/// Zeros written, then synced, per step while preparing a spare: bounds the buffer, how long a
/// cancelled preparation takes to notice, and how much of the spare's writeback can queue on the
/// device ahead of a commit's fdatasync (one sync of the whole spare at the end put tens of
/// milliseconds of zeros ahead of commits: `docs/benchmarks.md`).
pub const ZERO_CHUNK_BYTES: usize = 256 * 1024;
/// The most a spare is made of: a larger `segment_bytes_max` preallocates this much and appends the
/// rest (a terabyte of zeros per segment would be absurd).
pub const SPARE_BYTES_MAX: u64 = 1024 * 1024 * 1024;

/// How the log gets its segments.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Preallocation {
    /// Each segment grows by appends (every sync also commits the new size).
    Off,
    /// Spares are made by the log's own thread when it needs the next one, through its own storage:
    /// deterministic, for tests that cut power at every IO point.
    Inline,
    /// Spares are made by a helper thread with a storage of its own; the log never waits for one
    /// (without a ready spare it starts an appended segment). The default.
    #[default]
    Background,
}

/// The spare of one log: its state, and the helper thread that makes it.
pub struct Spares {
    mode: Preallocation,
    path: PathBuf,
    bytes: u64,
    ready: bool,
    /// `Inline`: a purged segment is held, as `RECYCLE_FILE`, for the next spare.
    holding: bool,
    /// Spares made from purged segments (both modes).
    recycled: Arc<AtomicU64>,
    background: Option<Background>,
}

/// What the helper thread is asked to do.
enum Request {
    /// Make the next spare (from the segment it holds for recycling, if any).
    Spare,
    /// A purged segment: held for the next spare if the helper holds none, else removed. Either
    /// way off the shard's thread: an unlink drops the file's page cache (and, with `discard`, its
    /// blocks), milliseconds for a 64 MiB segment, which the shard's thread would otherwise spend
    /// between two groups (`docs/benchmarks.md`). The log's start file already names a later
    /// segment, so a segment a crash leaves behind is removed at the next open, as an interrupted
    /// purge's.
    Retire(PathBuf),
}

/// Purged segments queued for the helper's removal at most; past it, the log removes them itself.
/// The request channel holds one more: the spare's request always finds room.
pub const REMOVALS_QUEUED_MAX: usize = 64;

struct Background {
    requests: Option<SyncSender<Request>>,
    /// Removals sent and not yet done: kept below `REMOVALS_QUEUED_MAX`, so that the channel
    /// always has room for the spare's request.
    removals_queued: Arc<AtomicUsize>,
    results: Receiver<io::Result<()>>,
    outstanding: bool,
    cancel: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Spares {
    /// `bytes`: the size of a segment. A `Background` mode gets its own storage from `sibling`.
    pub fn new<S: Storage>(
        mode: Preallocation,
        dir: &Path,
        bytes: u64,
        sibling: impl FnOnce() -> io::Result<S>,
    ) -> io::Result<Self> {
        let path = dir.join(SPARE_FILE);
        let bytes = bytes.min(SPARE_BYTES_MAX);
        let recycled = Arc::new(AtomicU64::new(0));
        let background = match mode {
            Preallocation::Background => Some(Background::spawn(
                sibling()?,
                path.clone(),
                bytes,
                recycled.clone(),
            )?),
            Preallocation::Off | Preallocation::Inline => None,
        };
        Ok(Spares {
            mode,
            path,
            bytes,
            ready: false,
            holding: false,
            recycled,
            background,
        })
    }

    pub fn enabled(&self) -> bool {
        self.mode != Preallocation::Off
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A spare found at open, complete (`len` is the size spares are made of): ready to use.
    pub fn adopt(&mut self, len: u64) -> bool {
        self.ready = self.enabled() && len == self.bytes;
        self.ready
    }

    /// The size a spare is made of.
    pub fn bytes(&self) -> u64 {
        self.bytes
    }

    /// Asks for the next spare. `Inline` makes it now through `storage`; a failure there is not the
    /// log's (the log goes on with appended segments), so it is logged and forgotten.
    pub fn request<S: Storage>(&mut self, storage: &mut S) {
        self.ready = false;
        match self.mode {
            Preallocation::Off => {}
            Preallocation::Inline => {
                let made = make_spare(
                    storage,
                    &self.path,
                    self.bytes,
                    &mut self.holding,
                    &self.recycled,
                    &AtomicBool::new(false),
                );
                match made {
                    Ok(()) => self.ready = true,
                    Err(error) => {
                        tracing::warn!(path = %self.path.display(), %error, "could not make a WAL spare segment")
                    }
                }
            }
            Preallocation::Background => {
                let background = self.background.as_mut().expect("a background preparer");
                if !background.outstanding {
                    if let Some(requests) = &background.requests {
                        background.outstanding = requests.try_send(Request::Spare).is_ok();
                    }
                }
            }
        }
    }

    /// Whether a spare is ready to become the next segment (never blocks). Once taken (renamed),
    /// call [`Spares::request`] for the next one.
    pub fn is_ready(&mut self) -> bool {
        if let Some(background) = self.background.as_mut() {
            if background.outstanding {
                match background.results.try_recv() {
                    Ok(result) => {
                        background.outstanding = false;
                        match result {
                            Ok(()) => self.ready = true,
                            Err(error) => {
                                tracing::warn!(path = %self.path.display(), %error, "could not make a WAL spare segment")
                            }
                        }
                    }
                    Err(TryRecvError::Empty) => {}
                    Err(TryRecvError::Disconnected) => background.outstanding = false,
                }
            }
        }
        self.ready
    }

    /// Takes a purged segment, to recycle into the next spare or to remove: `Inline` renames it to
    /// `next-segment.recycle` through `storage` and holds it for the next spare, if it holds none;
    /// `Background` hands it to the helper thread, which does the same or removes it. Gives it
    /// back when there is no helper and nothing is held for it (`Off`, or `Inline` already holding
    /// one, or its rename failed: the caller removes it, deterministically for the crash test) or
    /// the helper's queue is full.
    pub fn retire<S: Storage + ?Sized>(
        &mut self,
        storage: &mut S,
        path: PathBuf,
    ) -> Result<(), PathBuf> {
        if self.mode == Preallocation::Inline {
            if self.holding || !hold_for_recycling(storage, &path, &self.path) {
                return Err(path);
            }
            self.holding = true;
            return Ok(());
        }
        let Some(background) = self.background.as_ref() else {
            return Err(path);
        };
        let Some(requests) = background.requests.as_ref() else {
            return Err(path);
        };
        // Only this thread adds to the count, so it cannot pass the limit between check and add.
        if background.removals_queued.load(Ordering::Acquire) >= REMOVALS_QUEUED_MAX {
            return Err(path);
        }
        background.removals_queued.fetch_add(1, Ordering::AcqRel);
        requests.try_send(Request::Retire(path)).map_err(|error| {
            background.removals_queued.fetch_sub(1, Ordering::AcqRel);
            match error {
                TrySendError::Full(Request::Retire(path))
                | TrySendError::Disconnected(Request::Retire(path)) => path,
                _ => unreachable!("a retired segment comes back as one"),
            }
        })
    }

    /// How many spares were made from purged segments.
    pub fn recycled(&self) -> u64 {
        self.recycled.load(Ordering::Relaxed)
    }

    /// The spare was renamed into a segment.
    pub fn taken(&mut self) {
        debug_assert!(self.ready);
        self.ready = false;
    }
}

impl Background {
    fn spawn<S: Storage>(
        mut storage: S,
        path: PathBuf,
        bytes: u64,
        recycled: Arc<AtomicU64>,
    ) -> io::Result<Background> {
        // Room for one spare request (the log keeps at most one outstanding) and the removals.
        let (requests, request_rx) = sync_channel::<Request>(1 + REMOVALS_QUEUED_MAX);
        let (result_tx, results) = sync_channel(1);
        let cancel = Arc::new(AtomicBool::new(false));
        let stop = cancel.clone();
        let removals_queued = Arc::new(AtomicUsize::new(0));
        let removals_done = removals_queued.clone();
        let thread = std::thread::Builder::new()
            .name("aorta-wal-spare".into())
            .spawn(move || {
                let mut holding = false;
                for request in request_rx {
                    match request {
                        Request::Spare => {
                            let result = make_spare(
                                &mut storage,
                                &path,
                                bytes,
                                &mut holding,
                                &recycled,
                                &stop,
                            );
                            if result_tx.send(result).is_err() {
                                break;
                            }
                        }
                        Request::Retire(segment) => {
                            // Finished even after the log closed (see `Drop`).
                            if !holding && !stop.load(Ordering::Relaxed) {
                                holding = hold_for_recycling(&mut storage, &segment, &path);
                            }
                            if !holding {
                                remove_purged(&mut storage, &segment);
                            }
                            removals_done.fetch_sub(1, Ordering::AcqRel);
                        }
                    }
                }
                // The log closed: the segment held for recycling goes like any purged one.
                if holding {
                    remove_purged(&mut storage, &path.with_file_name(RECYCLE_FILE));
                }
            })?;
        Ok(Background {
            requests: Some(requests),
            removals_queued,
            results,
            outstanding: false,
            cancel,
            thread: Some(thread),
        })
    }
}

impl Drop for Background {
    /// Stops the helper before the log is gone, so that no spare of this log is written while a
    /// later open of the same directory removes or makes its own. The removals already queued are
    /// finished first (at most `REMOVALS_QUEUED_MAX` unlinks): a closed log leaves no purged
    /// segment behind.
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
        self.requests.take();
        // The result channel has room for the one result a request can produce, so the thread
        // never blocks on it; it sees the cancel flag within one chunk.
        while self.results.try_recv().is_ok() {}
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Renames the purged `segment` to `RECYCLE_FILE` beside the spare at `spare`, to become the next
/// spare's file; `false` (logged) if it cannot be, and the caller removes it instead.
fn hold_for_recycling<S: Storage + ?Sized>(storage: &mut S, segment: &Path, spare: &Path) -> bool {
    match storage.rename(segment, &spare.with_file_name(RECYCLE_FILE)) {
        Ok(()) => true,
        Err(error) => {
            tracing::warn!(path = %segment.display(), %error, "could not keep a purged WAL segment to recycle; removing it");
            false
        }
    }
}

/// Removes a purged segment (or the file holding one) off the log's thread: a failure is logged
/// and left to the next open, which removes it.
fn remove_purged<S: Storage + ?Sized>(storage: &mut S, path: &Path) {
    match storage.remove_file(path) {
        Ok(()) => {}
        Err(error) if error.kind() == io::ErrorKind::NotFound => {}
        Err(error) => tracing::warn!(
            path = %path.display(),
            %error,
            "could not remove a purged WAL segment; the next open removes it"
        ),
    }
}

/// Makes the spare at `path`: `bytes` of zeros, synced, in the purged segment held as
/// `RECYCLE_FILE` if `holding` (which it then clears; counted in `recycled`), else in a new file.
/// Stops early (an error) once `cancel` is set.
pub fn make_spare<S: Storage + ?Sized>(
    storage: &mut S,
    path: &Path,
    bytes: u64,
    holding: &mut bool,
    recycled: &AtomicU64,
    cancel: &AtomicBool,
) -> io::Result<()> {
    let interrupted = || {
        io::Error::new(
            io::ErrorKind::Interrupted,
            "the log closed while its spare segment was being made",
        )
    };
    if cancel.load(Ordering::Relaxed) {
        return Err(interrupted());
    }
    let tmp = path.with_file_name(SPARE_TMP_FILE);
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut reused = false;
    if std::mem::take(holding) {
        let held = path.with_file_name(RECYCLE_FILE);
        match storage.rename(&held, &tmp) {
            // Synced before a byte of it is zeroed: a crash must not bring the segment's name back
            // on a file whose header is gone (an open would call that corruption).
            Ok(()) => {
                storage.sync_dir(dir)?;
                reused = true;
            }
            Err(error) => {
                tracing::warn!(path = %held.display(), %error, "could not recycle a purged WAL segment; removing it");
                remove_purged(storage, &held);
            }
        }
    }
    let file = storage.open(&tmp, true)?;
    let result = (|| {
        if !reused {
            storage.truncate(file, 0)?;
        } else if storage.len(file)? > bytes {
            storage.truncate(file, bytes)?;
        }
        let zeros = vec![0u8; ZERO_CHUNK_BYTES.min(bytes as usize)];
        let mut offset = 0u64;
        while offset < bytes {
            if cancel.load(Ordering::Relaxed) {
                return Err(interrupted());
            }
            let len = zeros.len().min((bytes - offset) as usize);
            storage.write_and_sync(file, offset, &zeros[..len])?;
            offset += len as u64;
        }
        Ok(())
    })();
    storage.close(file);
    result?;
    storage.rename(&tmp, path)?;
    storage.sync_dir(dir)?;
    if reused {
        recycled.fetch_add(1, Ordering::Relaxed);
    }
    Ok(())
}
