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
//!   caller must treat the log as failed (never retry as if the data were safe).

use std::io;
use std::path::Path;

pub mod sim;
pub mod uring;

/// A file opened through a [`Storage`]; valid until closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FileId(pub u32);

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
    fn close(&mut self, file: FileId);
    fn len(&mut self, file: FileId) -> io::Result<u64>;
    /// Reads up to `buf.len()` bytes at `offset`; returns how many (0 at end of file).
    fn read_at(&mut self, file: FileId, offset: u64, buf: &mut [u8]) -> io::Result<usize>;
    fn write_at(&mut self, file: FileId, offset: u64, buf: &[u8]) -> io::Result<()>;
    fn sync_data(&mut self, file: FileId) -> io::Result<()>;
    /// `write_at` then `sync_data`; io_uring submits both in one call, linked.
    fn write_and_sync(&mut self, file: FileId, offset: u64, buf: &[u8]) -> io::Result<()> {
        self.write_at(file, offset, buf)?;
        self.sync_data(file)
    }
    fn truncate(&mut self, file: FileId, len: u64) -> io::Result<()>;
    fn remove_file(&mut self, path: &Path) -> io::Result<()>;
    fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()>;
    fn sync_dir(&mut self, path: &Path) -> io::Result<()>;

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
