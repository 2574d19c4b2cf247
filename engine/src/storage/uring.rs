//! Production storage: data reads, writes and fdatasync go through one io_uring per shard.
//!
//! The shard thread owns the ring; each call submits its operations and waits for their completions
//! before it returns, so a buffer handed to the kernel outlives the operation. A write followed by a
//! sync is submitted as two linked entries in one `io_uring_enter`; what to make of their two
//! completions is decided by [`linked::write_and_sync`], which the simulated disk runs too. Rare
//! metadata operations (open, rename, remove, directory sync, truncate, fadvise) use ordinary
//! system calls.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io;
use std::os::fd::AsRawFd;
use std::os::unix::fs::FileExt;
use std::path::Path;

use io_uring::{opcode, squeue, types, IoUring};

use super::linked::{self, LinkedCompletions, LinkedIo};
use super::{DetachedSync, FileId, Storage};

/// Submission queue entries per ring: a shard has at most two operations in flight.
const RING_ENTRIES: u32 = 8;

pub struct UringStorage {
    ring: IoUring,
    files: HashMap<u32, File>,
    next_handle: u32,
    sync_path: SyncPath,
}

/// How the log's write + fdatasync reach the kernel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SyncPath {
    /// A linked write + fdatasync submitted to the shard's io_uring in one `io_uring_enter`. An
    /// fdatasync cannot complete inline, so io_uring hands it to one of its kernel workers (io-wq):
    /// a wake-up and ~145 µs of worker CPU per commit at one writer on this machine.
    Ring,
    /// `pwrite` and `fdatasync` called directly on the shard thread: no hand-off to a kernel worker.
    /// The default: one writer commits 1.3-1.6x faster than through the ring (`docs/benchmarks.md`).
    #[default]
    Syscall,
}

impl UringStorage {
    /// Holds `file` under a new handle.
    fn register(&mut self, file: File) -> FileId {
        self.next_handle += 1;
        self.files.insert(self.next_handle, file);
        FileId(self.next_handle)
    }

    pub fn new() -> io::Result<Self> {
        Self::with_sync_path(SyncPath::default())
    }

    pub fn with_sync_path(sync_path: SyncPath) -> io::Result<Self> {
        let ring = IoUring::new(RING_ENTRIES).map_err(|error| {
            io::Error::new(
                error.kind(),
                format!(
                    "cannot create an io_uring (is io_uring disabled on this kernel?): {error}"
                ),
            )
        })?;
        Ok(UringStorage {
            ring,
            files: HashMap::new(),
            next_handle: 0,
            sync_path,
        })
    }

    fn file(&self, file: FileId) -> io::Result<&File> {
        self.files
            .get(&file.0)
            .ok_or_else(|| io::Error::from_raw_os_error(libc::EBADF))
    }

    fn fd(&self, file: FileId) -> io::Result<types::Fd> {
        self.file(file).map(|f| types::Fd(f.as_raw_fd()))
    }

    /// Submits `entries` and waits for all their completions; returns each result in order.
    ///
    /// Once an entry is submitted the kernel may read or write its buffer until it completes, so this
    /// never returns with an entry in flight: if the ring itself fails while entries are in flight,
    /// the process aborts rather than free a buffer the kernel may still use.
    fn run(&mut self, entries: &[squeue::Entry]) -> io::Result<Vec<i32>> {
        assert!(entries.len() <= RING_ENTRIES as usize);
        assert!(
            self.ring.submission().is_empty() && self.ring.completion().is_empty(),
            "every earlier operation was completed and reaped"
        );
        for (index, entry) in entries.iter().enumerate() {
            let entry = entry.clone().user_data(index as u64);
            // SAFETY: the submission queue is empty and has room for RING_ENTRIES entries, and every
            // buffer an entry points to is borrowed by our caller for the whole call; we do not
            // return before the kernel has completed every submitted entry (below).
            unsafe { self.ring.submission().push(&entry) }
                .expect("the submission queue has room for every entry");
        }
        let mut results = vec![0i32; entries.len()];
        let mut completed = 0;
        while completed < entries.len() {
            match self.ring.submit_and_wait(entries.len() - completed) {
                Ok(_) => {}
                Err(error)
                    if matches!(
                        error.raw_os_error(),
                        Some(libc::EINTR) | Some(libc::EAGAIN) | Some(libc::EBUSY)
                    ) => {}
                Err(error) => {
                    tracing::error!(%error, "io_uring_enter failed with operations in flight; aborting");
                    std::process::abort();
                }
            }
            for cqe in self.ring.completion() {
                results[cqe.user_data() as usize] = cqe.result();
                completed += 1;
            }
        }
        Ok(results)
    }

    fn write_entry(fd: types::Fd, offset: u64, buf: &[u8]) -> squeue::Entry {
        let len = buf.len().min(u32::MAX as usize) as u32;
        opcode::Write::new(fd, buf.as_ptr(), len)
            .offset(offset)
            .build()
    }

    fn sync_entry(fd: types::Fd) -> squeue::Entry {
        opcode::Fsync::new(fd)
            .flags(types::FsyncFlags::DATASYNC)
            .build()
    }
}

fn check(result: i32) -> io::Result<usize> {
    if result < 0 {
        Err(io::Error::from_raw_os_error(-result))
    } else {
        Ok(result as usize)
    }
}

impl Storage for UringStorage {
    fn create_dir_all(&mut self, path: &Path) -> io::Result<()> {
        std::fs::create_dir_all(path)
    }

    fn dir_exists(&mut self, path: &Path) -> io::Result<bool> {
        match std::fs::metadata(path) {
            Ok(meta) => Ok(meta.is_dir()),
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(false),
            Err(error) => Err(error),
        }
    }

    fn list_dir(&mut self, path: &Path) -> io::Result<Vec<String>> {
        let mut names = Vec::new();
        for entry in std::fs::read_dir(path)? {
            names.push(entry?.file_name().to_string_lossy().into_owned());
        }
        names.sort();
        Ok(names)
    }

    fn open(&mut self, path: &Path, create: bool) -> io::Result<FileId> {
        let file = open_options(create).open(path)?;
        Ok(self.register(file))
    }

    fn open_direct(&mut self, path: &Path, create: bool) -> io::Result<(FileId, bool)> {
        use std::os::unix::fs::OpenOptionsExt as _;
        match open_options(create).custom_flags(libc::O_DIRECT).open(path) {
            Ok(file) if direct_writes_fit(&file) => Ok((self.register(file), true)),
            // A file whose device asks for more than `DIRECT_IO_ALIGN_BYTES`: cached after all.
            Ok(_) => Ok((self.open(path, create)?, false)),
            // A file system without O_DIRECT (tmpfs): through the page cache, then.
            Err(error) if error.raw_os_error() == Some(libc::EINVAL) => {
                Ok((self.open(path, create)?, false))
            }
            Err(error) => Err(error),
        }
    }

    fn close(&mut self, file: FileId) {
        self.files.remove(&file.0);
    }

    fn len(&mut self, file: FileId) -> io::Result<u64> {
        Ok(self.file(file)?.metadata()?.len())
    }

    fn read_at(&mut self, file: FileId, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
        let fd = self.fd(file)?;
        let len = buf.len().min(u32::MAX as usize) as u32;
        let entry = opcode::Read::new(fd, buf.as_mut_ptr(), len)
            .offset(offset)
            .build();
        check(self.run(&[entry])?[0])
    }

    fn write_at(&mut self, file: FileId, offset: u64, buf: &[u8]) -> io::Result<()> {
        linked::write_all(self, file, offset, buf)
    }

    fn sync_data(&mut self, file: FileId) -> io::Result<()> {
        self.submit_sync(file)
    }

    fn write_and_sync(&mut self, file: FileId, offset: u64, buf: &[u8]) -> io::Result<()> {
        linked::write_and_sync(self, file, offset, buf)
    }

    fn detached_sync(&mut self, file: FileId) -> io::Result<DetachedSync> {
        // A duplicate of the descriptor shares its open file description, so an fdatasync through
        // it reports the writeback errors of writes made through the original. A plain system
        // call on either sync path: the ring belongs to the shard's thread.
        let file = self.file(file)?.try_clone()?;
        Ok(DetachedSync::new(move || file.sync_data()))
    }

    fn write_behind(
        &mut self,
        file: FileId,
        offset: u64,
        len: u64,
        wait: Option<(u64, u64)>,
    ) -> io::Result<()> {
        let fd = self.fd(file)?;
        let range = |offset: u64, len: u64, flags: libc::c_uint| {
            let (Ok(offset), Ok(len)) = (i64::try_from(offset), i64::try_from(len)) else {
                return Err(io::Error::from(io::ErrorKind::InvalidInput));
            };
            // SAFETY: sync_file_range only reads its integer arguments; `fd` is open (we own its
            // File).
            if unsafe { libc::sync_file_range(fd.0, offset, len, flags) } != 0 {
                return Err(io::Error::last_os_error());
            }
            Ok(())
        };
        range(offset, len, libc::SYNC_FILE_RANGE_WRITE)?;
        if let Some((offset, len)) = wait {
            range(
                offset,
                len,
                libc::SYNC_FILE_RANGE_WAIT_BEFORE
                    | libc::SYNC_FILE_RANGE_WRITE
                    | libc::SYNC_FILE_RANGE_WAIT_AFTER,
            )?;
        }
        Ok(())
    }

    fn drop_cached_pages(&mut self, file: FileId) -> io::Result<()> {
        let fd = self.fd(file)?;
        // SAFETY: posix_fadvise only reads its integer arguments; `fd` is open (we own its File).
        let errno = unsafe { libc::posix_fadvise(fd.0, 0, 0, libc::POSIX_FADV_DONTNEED) };
        if errno != 0 {
            return Err(io::Error::from_raw_os_error(errno));
        }
        Ok(())
    }

    fn truncate(&mut self, file: FileId, len: u64) -> io::Result<()> {
        self.file(file)?.set_len(len)
    }

    fn remove_file(&mut self, path: &Path) -> io::Result<()> {
        std::fs::remove_file(path)
    }

    fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()> {
        std::fs::rename(from, to)
    }

    fn sync_dir(&mut self, path: &Path) -> io::Result<()> {
        File::open(path)?.sync_all()
    }

    fn map_file(&mut self, path: &Path) -> io::Result<super::FileBytes> {
        let file = File::open(path)?;
        if file.metadata()?.len() == 0 {
            return Ok(super::FileBytes::Owned(Vec::new()));
        }
        // SAFETY: the engine maps only its own sstables, which are written whole, synced and never
        // modified or truncated afterwards (compaction writes new files and removes old ones; a
        // removed file stays mapped until its last reader drops it). Another process changing
        // the file would break this; the data directory is the engine's alone.
        let map = unsafe { memmap2::Mmap::map(&file)? };
        Ok(super::FileBytes::Mapped(map))
    }

    fn sibling(&self) -> io::Result<Self> {
        UringStorage::with_sync_path(self.sync_path)
    }
}

impl LinkedIo for UringStorage {
    fn submit_write_linked_sync(
        &mut self,
        file: FileId,
        offset: u64,
        buf: &[u8],
    ) -> io::Result<LinkedCompletions> {
        if self.sync_path == SyncPath::Syscall {
            let file = self.file(file)?;
            let write = file.write_at(buf, offset);
            let sync = match write {
                Ok(n) if n == buf.len() => file.sync_data(),
                // As the ring's link does: a failed or short write cancels its sync.
                _ => Err(io::Error::from_raw_os_error(libc::ECANCELED)),
            };
            return Ok(LinkedCompletions { write, sync });
        }
        let fd = self.fd(file)?;
        // IO_LINK: the kernel starts the sync only after the write completed in full; a failed or
        // short write completes the sync with -ECANCELED.
        let write = Self::write_entry(fd, offset, buf).flags(squeue::Flags::IO_LINK);
        let results = self.run(&[write, Self::sync_entry(fd)])?;
        Ok(LinkedCompletions {
            write: check(results[0]),
            sync: check(results[1]).map(|_| ()),
        })
    }

    fn submit_write(&mut self, file: FileId, offset: u64, buf: &[u8]) -> io::Result<usize> {
        if self.sync_path == SyncPath::Syscall {
            return self.file(file)?.write_at(buf, offset);
        }
        let fd = self.fd(file)?;
        check(self.run(&[Self::write_entry(fd, offset, buf)])?[0])
    }

    fn submit_sync(&mut self, file: FileId) -> io::Result<()> {
        if self.sync_path == SyncPath::Syscall {
            // One fdatasync, never retried: after an error the data may be gone (see `Storage`).
            return self.file(file)?.sync_data();
        }
        let fd = self.fd(file)?;
        check(self.run(&[Self::sync_entry(fd)])?[0]).map(|_| ())
    }
}

/// Options for opening a file for reading and writing, made if `create` and absent, never cut.
fn open_options(create: bool) -> OpenOptions {
    let mut options = OpenOptions::new();
    options
        .read(true)
        .write(true)
        .create(create)
        .truncate(false);
    options
}

/// Whether writes aligned to `DIRECT_IO_ALIGN_BYTES` (offset, length and buffer address) suit
/// `file`, opened with `O_DIRECT`: what `statx` reports of its direct IO alignment (Linux 6.1+);
/// a kernel that does not say is trusted with 4 KiB, which every common device accepts.
fn direct_writes_fit(file: &File) -> bool {
    // SAFETY: `statx` is a plain C struct for which all zeros is a valid value.
    let mut stat: libc::statx = unsafe { std::mem::zeroed() };
    // SAFETY: the fd is open for the whole call, the empty path with AT_EMPTY_PATH names it, and
    // `stat` is a valid, writable statx buffer.
    let result = unsafe {
        libc::statx(
            file.as_raw_fd(),
            c"".as_ptr(),
            libc::AT_EMPTY_PATH,
            libc::STATX_DIOALIGN,
            &mut stat,
        )
    };
    if result != 0 || stat.stx_mask & libc::STATX_DIOALIGN == 0 {
        return true;
    }
    let align = super::DIRECT_IO_ALIGN_BYTES as u32;
    stat.stx_dio_offset_align != 0
        && align % stat.stx_dio_offset_align == 0
        && align % stat.stx_dio_mem_align.max(1) == 0
}
