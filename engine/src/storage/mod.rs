//! The IO boundary: the small set of file operations the log needs, behind one trait.
//!
//! Two implementations: [`uring::UringStorage`] (production: reads, writes and fdatasync go through a
//! per-shard io_uring) and [`sim::SimStorage`] (tests: an in-memory disk that models what survives a
//! power cut and injects faults). Everything above this trait is the same code in both.
//!
//! Contract, which both implementations keep and the WAL relies on:
//! - `write_at` writes the whole buffer or returns an error; after an error, what the file holds in
//!   that range is unknown.
//! - Written data survives a power cut only after a successful `sync_data` of that file; a created,
//!   renamed or removed name survives only after `sync_dir` of its directory.
//! - An error from `sync_data` means the data may be lost even though reads still return it; the
//!   caller must treat the log as failed (never retry as if the data were safe). Reads stop
//!   returning such data only after `drop_cached_pages` (or a reboot).
//! - `write_and_sync` returns `Ok` only when every byte was written and a sync issued after the
//!   last of them succeeded (see [`linked`]).

use std::io;
use std::path::Path;

pub mod linked;
pub mod sim;
pub mod uring;

/// A file opened through a [`Storage`]; valid until closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FileId(pub u32);

/// A sync of one file's data, taken from a [`Storage`] to run on another thread (see
/// [`Storage::detached_sync`]): the shard decides its next batches while the device flushes.
pub struct DetachedSync(Box<dyn FnOnce() -> io::Result<()> + Send>);

impl DetachedSync {
    pub fn new(sync: impl FnOnce() -> io::Result<()> + Send + 'static) -> Self {
        DetachedSync(Box::new(sync))
    }

    /// Runs the sync on the calling thread. Its error means what `sync_data`'s does.
    pub fn run(self) -> io::Result<()> {
        (self.0)()
    }
}

impl std::fmt::Debug for DetachedSync {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DetachedSync")
    }
}

/// The bytes of an immutable file: mapped, or read into memory.
pub enum FileBytes {
    Mapped(memmap2::Mmap),
    Owned(Vec<u8>),
}

impl FileBytes {
    /// Takes a mapped file's pages out of the process's resident set (`madvise(MADV_DONTNEED)`);
    /// they stay in the page cache, and the next access maps them again. Owned bytes are left as
    /// they are. Best effort: a failed advice is ignored.
    pub fn release_resident(&self) {
        if let FileBytes::Mapped(map) = self {
            // SAFETY: the engine maps its sstables and history files read-only and shared, and
            // never changes those files after they are written (see `map_file`): dropping the
            // pages from this mapping only means the next access reads the same bytes again, so
            // every slice borrowed from the map stays valid and unchanged.
            let _ = unsafe { map.unchecked_advise(memmap2::UncheckedAdvice::DontNeed) };
        }
    }
}

impl std::ops::Deref for FileBytes {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            FileBytes::Mapped(map) => map,
            FileBytes::Owned(bytes) => bytes,
        }
    }
}

/// The alignment of a write through a file opened by [`Storage::open_direct`]: of its offset, its
/// length and its buffer's address (no device this runs on has larger logical blocks).
pub const DIRECT_IO_ALIGN_BYTES: usize = 4096;

pub trait Storage: Send + 'static {
    /// Creates a directory and its missing parents; the new entries are durable only after a
    /// `sync_dir` of each parent (see [`create_dir_durable`]).
    fn create_dir_all(&mut self, path: &Path) -> io::Result<()>;
    fn dir_exists(&mut self, path: &Path) -> io::Result<bool>;
    /// Names of the entries of a directory, sorted.
    fn list_dir(&mut self, path: &Path) -> io::Result<Vec<String>>;
    /// Opens a file for reading and writing; `create` makes it if absent (the name is durable only
    /// after `sync_dir`).
    fn open(&mut self, path: &Path, create: bool) -> io::Result<FileId>;
    /// Opens a file as `open` does, for writes that skip the page cache where the file system
    /// allows it (`O_DIRECT`), and says whether they do: then every write through it must start
    /// at a multiple of [`DIRECT_IO_ALIGN_BYTES`] in the file, come from a buffer at such an
    /// address and be a multiple of it long, and nothing is read through it. Such a write is no
    /// more durable than another until `sync_data`. The default is a plain `open` (`false`).
    fn open_direct(&mut self, path: &Path, create: bool) -> io::Result<(FileId, bool)> {
        Ok((self.open(path, create)?, false))
    }
    fn close(&mut self, file: FileId);
    fn len(&mut self, file: FileId) -> io::Result<u64>;
    /// Reads up to `buf.len()` bytes at `offset`; returns how many (0 at end of file).
    fn read_at(&mut self, file: FileId, offset: u64, buf: &mut [u8]) -> io::Result<usize>;
    fn write_at(&mut self, file: FileId, offset: u64, buf: &[u8]) -> io::Result<()>;
    fn sync_data(&mut self, file: FileId) -> io::Result<()>;
    /// A `sync_data` of `file` to run later, on any thread: it covers every write made before it
    /// runs, and its error means what `sync_data`'s does. The caller writes nothing to the file,
    /// and does not close it, until the sync has run.
    fn detached_sync(&mut self, file: FileId) -> io::Result<DetachedSync>;
    /// `write_at` then `sync_data`, submitted as one linked pair; both implementations run the
    /// shared [`linked::write_and_sync`] (short writes finished, a cancelled sync never taken for
    /// success, a failed sync never retried).
    fn write_and_sync(&mut self, file: FileId, offset: u64, buf: &[u8]) -> io::Result<()> {
        self.write_at(file, offset, buf)?;
        self.sync_data(file)
    }
    /// Starts the device write of `len` bytes of `file` from `offset` (already handed to
    /// `write_at`), then waits until the device has the earlier range `wait` (started the same way
    /// before): a file written in steps this way never has more than two steps' bytes queued on
    /// the device ahead of another file's fdatasync. It makes nothing durable (the caller still
    /// syncs), so the default does nothing.
    ///
    /// An error is the caller's write failing: Linux reports a writeback error to one waiter, and
    /// this wait may be that one, so a later `sync_data` could succeed without the bytes.
    fn write_behind(
        &mut self,
        file: FileId,
        offset: u64,
        len: u64,
        wait: Option<(u64, u64)>,
    ) -> io::Result<()> {
        let _ = (file, offset, len, wait);
        Ok(())
    }
    /// Drops the file's clean pages from the page cache, so that later reads show what the device
    /// holds. Call it after a successful `sync_data` and before reading a file back at open.
    ///
    /// Why: when writeback fails, Linux reports the error to one fsync and marks the pages clean.
    /// Their bytes still read back from the cache, but they are not on the device, and a later
    /// fdatasync succeeds without writing them (it only writes dirty pages). A process that opens
    /// the file after such a failure (without a reboot) would read, checksum and trust data that
    /// a power cut will take away. `POSIX_FADV_DONTNEED` starts writeback of dirty pages and then
    /// evicts the clean, unmapped, unlocked ones, so the next read of those offsets goes to the
    /// device and shows what it really holds.
    ///
    /// Limits: it is advice; pages mapped by some process, locked (`mlock`), still dirty or under
    /// writeback stay cached, and on a filesystem whose only copy is the page cache (tmpfs) it
    /// does nothing. It narrows the window; it does not replace failing the log on a sync error.
    fn drop_cached_pages(&mut self, file: FileId) -> io::Result<()>;
    fn truncate(&mut self, file: FileId, len: u64) -> io::Result<()>;
    fn remove_file(&mut self, path: &Path) -> io::Result<()>;
    fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()>;
    fn sync_dir(&mut self, path: &Path) -> io::Result<()>;
    /// The whole content of an immutable file (an sstable), for reading from any thread. The
    /// default reads it into memory; production storage maps it (`memmap2`), so that a table's
    /// bytes are paged in on demand and shared with the page cache instead of copied.
    fn map_file(&mut self, path: &Path) -> io::Result<FileBytes> {
        let file = self.open(path, false)?;
        let bytes = self.read_all(file);
        self.close(file);
        Ok(FileBytes::Owned(bytes?))
    }
    /// Another storage on the same files, for another thread (the WAL's spare-segment helper).
    fn sibling(&self) -> io::Result<Self>
    where
        Self: Sized;

    /// Reads a whole file into memory (used by recovery and small metadata files).
    fn read_all(&mut self, file: FileId) -> io::Result<Vec<u8>> {
        let len = self.len(file)?;
        let len = usize::try_from(len).map_err(|_| io::Error::other("file too large"))?;
        let mut buf = vec![0u8; len];
        let mut filled = 0;
        while filled < len {
            let n = self.read_at(file, filled as u64, &mut buf[filled..])?;
            if n == 0 {
                buf.truncate(filled);
                break;
            }
            filled += n;
        }
        Ok(buf)
    }
}

/// Creates `path` and its missing parents, and makes each new directory entry durable by syncing the
/// directory that holds it: without this a power cut can take a whole shard directory away.
pub fn create_dir_durable<S: Storage + ?Sized>(storage: &mut S, path: &Path) -> io::Result<()> {
    let mut missing = Vec::new();
    let mut current = Some(path);
    while let Some(dir) = current {
        if dir.as_os_str().is_empty() || storage.dir_exists(dir)? {
            break;
        }
        missing.push(dir.to_path_buf());
        current = dir.parent();
    }
    storage.create_dir_all(path)?;
    for dir in missing.iter().rev() {
        let parent = match dir.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        storage.sync_dir(parent)?;
    }
    Ok(())
}

/// Writes `bytes` to `path` so that after return either the old or the new content survives a crash:
/// write a temporary file, sync it, rename it over `path`, sync the directory.
pub fn write_file_atomically<S: Storage + ?Sized>(
    storage: &mut S,
    path: &Path,
    bytes: &[u8],
) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let tmp = path.with_extension("tmp");
    let file = storage.open(&tmp, true)?;
    let result = storage
        .truncate(file, 0)
        .and_then(|_| storage.write_and_sync(file, 0, bytes));
    storage.close(file);
    result?;
    storage.rename(&tmp, path)?;
    storage.sync_dir(dir)
}
