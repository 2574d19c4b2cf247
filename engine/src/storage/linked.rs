//! The write-then-sync logic both storages share: what to do with the two completions of a linked
//! write + fdatasync, written once over a small submission trait.
//!
//! Invariant: `write_and_sync` returns `Ok` only if every byte was written and a sync that started
//! after the last of them succeeded. A sync cancelled because its linked write failed or fell short
//! (ECANCELED) is never read as success, and a failed sync is never retried: after a failed
//! fdatasync Linux marks the dirty pages clean, so a second sync would succeed without writing them.
//!
//! [`uring::UringStorage`](super::uring::UringStorage) implements [`LinkedIo`] over io_uring
//! (`IOSQE_IO_LINK`), [`sim::SimStorage`](super::sim::SimStorage) over its in-memory disk, which can
//! inject a short linked write, a failed write and a failed sync. The logic itself does no IO.

use std::io;

use super::FileId;

/// The two completions of a linked write + sync.
#[derive(Debug)]
pub struct LinkedCompletions {
    /// Bytes written (possibly fewer than asked), or the write's error.
    pub write: io::Result<usize>,
    /// The sync's result; `Err(ECANCELED)` when the write failed or was short, because the kernel
    /// runs a linked entry only if the one before it completed in full.
    pub sync: io::Result<()>,
}

/// Submission of the three operations the write path needs; each call waits for its completions.
pub trait LinkedIo {
    /// Submits a write of `buf` at `offset` linked to an fdatasync of `file`, and returns both
    /// completions. An outer `Err` means nothing was submitted.
    fn submit_write_linked_sync(
        &mut self,
        file: FileId,
        offset: u64,
        buf: &[u8],
    ) -> io::Result<LinkedCompletions>;
    /// Submits one write; returns how many bytes the kernel wrote (possibly fewer than asked).
    fn submit_write(&mut self, file: FileId, offset: u64, buf: &[u8]) -> io::Result<usize>;
    /// Submits one fdatasync of `file`.
    fn submit_sync(&mut self, file: FileId) -> io::Result<()>;
}

/// Writes all of `buf` at `offset`, continuing after short writes. A write that makes no progress is
/// an error (`WriteZero`) rather than a loop that never ends.
pub fn write_all<L: LinkedIo + ?Sized>(
    io: &mut L,
    file: FileId,
    offset: u64,
    buf: &[u8],
) -> io::Result<()> {
    let mut written = 0;
    while written < buf.len() {
        let n = io.submit_write(file, offset + written as u64, &buf[written..])?;
        if n == 0 {
            return Err(io::Error::new(
                io::ErrorKind::WriteZero,
                format!(
                    "write of {} bytes at offset {} made no progress",
                    buf.len() - written,
                    offset + written as u64
                ),
            ));
        }
        written += n;
    }
    Ok(())
}

/// Writes all of `buf` at `offset` and syncs `file`, as one linked submission when the write
/// completes in full.
///
/// - Write failed: its error is returned; the sync was cancelled and is not looked at.
/// - Write complete: the sync's result is returned as is (an error is never retried).
/// - Write short: the link broke, so the cancelled sync proves nothing; the rest is written and a
///   new sync submitted, once.
pub fn write_and_sync<L: LinkedIo + ?Sized>(
    io: &mut L,
    file: FileId,
    offset: u64,
    buf: &[u8],
) -> io::Result<()> {
    let LinkedCompletions { write, sync } = io.submit_write_linked_sync(file, offset, buf)?;
    let written = write?;
    assert!(
        written <= buf.len(),
        "the kernel wrote {written} bytes of a {}-byte buffer",
        buf.len()
    );
    if written == buf.len() {
        return sync;
    }
    // A short write: the sync, if it ran at all, ran before the rest of the bytes were written.
    write_all(io, file, offset + written as u64, &buf[written..])?;
    io.submit_sync(file)
}

#[cfg(test)]
mod tests {
    //! The shared logic, driven through the simulated disk's fault injection.

    use std::path::Path;

    use super::super::sim::{OpKind, SimDisk, SimStorage, Tear};
    use super::super::{FileId, Storage};

    fn open(disk: &SimDisk) -> (SimStorage, FileId) {
        let mut storage = disk.storage();
        storage.create_dir_all(Path::new("/d")).unwrap();
        storage.sync_dir(Path::new("/")).unwrap();
        let file = storage.open(Path::new("/d/f"), true).unwrap();
        (storage, file)
    }

    fn durable_content(disk: &SimDisk) -> Vec<u8> {
        disk.power_cut(Tear::DropUnsynced);
        let mut storage = disk.storage();
        match storage.open(Path::new("/d/f"), false) {
            Ok(file) => storage.read_all(file).unwrap(),
            Err(_) => Vec::new(),
        }
    }

    #[test]
    fn a_complete_linked_write_is_durable_after_one_write_and_one_sync() {
        let disk = SimDisk::new();
        let (mut storage, file) = open(&disk);
        let before = disk.io_points();
        storage.write_and_sync(file, 0, b"hello").unwrap();
        assert_eq!(disk.io_points() - before, 2);
        assert_eq!(disk.cancelled_syncs(), 0);
        storage.sync_dir(Path::new("/d")).unwrap();
        assert_eq!(durable_content(&disk), b"hello");
    }

    #[test]
    fn a_short_linked_write_is_finished_and_synced_again() {
        let disk = SimDisk::new();
        let (mut storage, file) = open(&disk);
        storage.sync_dir(Path::new("/d")).unwrap();
        disk.short_write_nth(0, 3);
        storage.write_and_sync(file, 0, b"hello world").unwrap();
        assert_eq!(disk.cancelled_syncs(), 1, "the linked sync was cancelled");
        assert_eq!(
            disk.last_unsynced_write_len(),
            None,
            "a new sync covered it"
        );
        assert_eq!(durable_content(&disk), b"hello world");
    }

    #[test]
    fn a_short_linked_write_whose_continuation_fails_returns_the_error_and_does_not_sync() {
        let disk = SimDisk::new();
        let (mut storage, file) = open(&disk);
        storage.sync_dir(Path::new("/d")).unwrap();
        disk.short_write_nth(0, 3);
        disk.fail_nth(OpKind::Write, 1, libc::ENOSPC);
        let error = storage.write_and_sync(file, 0, b"hello world").unwrap_err();
        assert_eq!(error.raw_os_error(), Some(libc::ENOSPC));
        assert_eq!(disk.cancelled_syncs(), 1);
        assert_eq!(durable_content(&disk), b"", "nothing was synced");
    }

    #[test]
    fn a_failed_linked_write_cancels_its_sync_and_returns_the_write_error() {
        for errno in [libc::EIO, libc::ENOSPC] {
            let disk = SimDisk::new();
            let (mut storage, file) = open(&disk);
            storage.sync_dir(Path::new("/d")).unwrap();
            disk.fail_nth(OpKind::Write, 0, errno);
            // A sync failure armed as well must not be reached: the cancelled sync never runs.
            disk.fail_nth(OpKind::Sync, 0, libc::EIO);
            let error = storage.write_and_sync(file, 0, b"hello").unwrap_err();
            assert_eq!(error.raw_os_error(), Some(errno));
            assert_eq!(disk.cancelled_syncs(), 1);
            // The armed sync failure is still pending: it hits the next sync, not the cancelled one.
            let next = storage.sync_data(file).unwrap_err();
            assert_eq!(next.raw_os_error(), Some(libc::EIO));
        }
    }

    #[test]
    fn a_failed_sync_after_a_complete_write_is_returned_and_never_retried() {
        let disk = SimDisk::new();
        let (mut storage, file) = open(&disk);
        storage.sync_dir(Path::new("/d")).unwrap();
        disk.fail_nth(OpKind::Sync, 0, libc::EIO);
        let before = disk.io_points();
        let error = storage.write_and_sync(file, 0, b"hello").unwrap_err();
        assert_eq!(error.raw_os_error(), Some(libc::EIO));
        assert_eq!(
            disk.io_points() - before,
            2,
            "one write, one sync, no retry"
        );
        // The bytes still read back (the cache holds them), yet a later clean sync does not
        // write them: they are lost at the next power cut.
        assert_eq!(storage.read_all(file).unwrap(), b"hello");
        storage.sync_data(file).unwrap();
        assert_eq!(durable_content(&disk), vec![0u8; 5]);
    }

    #[test]
    fn a_power_loss_at_the_linked_write_cancels_the_sync() {
        let disk = SimDisk::new();
        let (mut storage, file) = open(&disk);
        storage.sync_dir(Path::new("/d")).unwrap();
        disk.power_off_after(0);
        assert!(storage.write_and_sync(file, 0, b"hello").is_err());
        assert_eq!(disk.cancelled_syncs(), 1);
        assert_eq!(durable_content(&disk), b"");
    }
}
