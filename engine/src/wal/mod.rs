//! The write-ahead log of one shard: segmented files of checksummed records with rising positions.
//!
//! Invariants:
//! - `durable_position <= appended_position`; a record is acknowledged only once `durable_position`
//!   covers it, which happens only after the `fdatasync` that covers its bytes succeeded.
//! - After any write or sync error the log is *failed*: it refuses every further append and flush until
//!   it is reopened, and never reports the failed records durable (a failed fsync is never retried as
//!   if the data were safe).
//! - Records go to the active (last) segment; once it holds `segment_bytes_max` bytes the next flush
//!   starts a new segment (header written and synced, directory synced) before writing. A flush is never
//!   split across segments, so a closed segment was synced whole and cannot have a torn tail.
//!
//! Positions are indexes that may have gaps (as a raft log's may): each append must be above the last.
//! `appended_position` (buffered, ordered) and `durable_position` (synced) are separate signals, and
//! `truncate_after` / `purge_before` cut a suffix or whole old segments.

pub mod record;
pub mod scan;
pub mod segment;

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::storage::{FileId, Storage};
use record::{RecordKind, RecordRef};
use scan::{scan, ScanEnd};
use segment::SEGMENT_HEADER_BYTES;

#[derive(Clone, Debug)]
pub struct WalOptions {
    pub shard: u16,
    pub segment_bytes_max: u64,
}

struct SegmentMeta {
    first_position: u64,
    path: PathBuf,
}

pub struct Wal<S: Storage> {
    storage: S,
    dir: PathBuf,
    options: WalOptions,
    /// Every segment, oldest first; the last is the active one.
    segments: Vec<SegmentMeta>,
    active_file: FileId,
    /// Bytes of the active segment that hold valid, written records.
    active_len: u64,
    /// Encoded records appended but not yet written.
    pending: Vec<u8>,
    pending_first_position: Option<u64>,
    appended_position: u64,
    durable_position: u64,
    failure: Option<String>,
}

impl<S: Storage> Wal<S> {
    /// Opens the log in `dir` (creating it if empty), replays every record into `visit` in order, cuts
    /// a torn tail, and stops with `Error::Corrupt` (file and offset) at any other damage.
    pub fn open(
        mut storage: S,
        dir: &Path,
        options: WalOptions,
        visit: &mut dyn FnMut(RecordRef<'_>) -> Result<(), String>,
    ) -> Result<Self> {
        crate::storage::create_dir_durable(&mut storage, dir)
            .map_err(|e| Error::io(format!("creating WAL directory {}", dir.display()), e))?;
        let mut segments: Vec<SegmentMeta> = storage
            .list_dir(dir)
            .map_err(|e| Error::io(format!("listing WAL directory {}", dir.display()), e))?
            .into_iter()
            .filter_map(|name| {
                segment::parse_segment_name(&name).map(|first_position| SegmentMeta {
                    first_position,
                    path: dir.join(name),
                })
            })
            .collect();
        segments.sort_by_key(|s| s.first_position);

        let mut last_position = 0u64;
        let mut active: Option<(FileId, u64)> = None;
        let count = segments.len();
        let mut index = 0;
        while index < segments.len() {
            let is_last = index + 1 == count;
            let meta = &segments[index];
            let file = storage
                .open(&meta.path, false)
                .map_err(|e| Error::io(format!("opening {}", meta.path.display()), e))?;
            let bytes = storage
                .read_all(file)
                .map_err(|e| Error::io(format!("reading {}", meta.path.display()), e))?;
            let header = match segment::decode_header(&bytes) {
                Ok(header) => header,
                Err(_) if is_last && bytes.len() <= SEGMENT_HEADER_BYTES => {
                    // A segment whose creation was cut short: it never held a record.
                    tracing::warn!(path = %meta.path.display(), "removing a half-created WAL segment");
                    storage.close(file);
                    let path = meta.path.clone();
                    storage
                        .remove_file(&path)
                        .and_then(|_| storage.sync_dir(dir))
                        .map_err(|e| Error::io(format!("removing {}", path.display()), e))?;
                    segments.pop();
                    break;
                }
                Err(reason) => {
                    return Err(Error::Corrupt {
                        path: meta.path.clone(),
                        offset: 0,
                        reason,
                    })
                }
            };
            if header.first_position != meta.first_position || header.shard != options.shard {
                return Err(Error::Corrupt {
                    path: meta.path.clone(),
                    offset: 0,
                    reason: format!(
                        "header says shard {} first position {}, but the file belongs to shard {} at position {}",
                        header.shard, header.first_position, options.shard, meta.first_position
                    ),
                });
            }
            // Each segment names the last position before it: a missing or stale segment in the
            // middle of the log breaks the chain. (The oldest segment's predecessor may have been
            // purged, so the chain starts at the second segment.)
            if index > 0 && header.previous_last_position != last_position {
                return Err(Error::Corrupt {
                    path: meta.path.clone(),
                    offset: 0,
                    reason: format!(
                        "segment follows position {} but the segment before it ends at {last_position}: a segment is missing or stale",
                        header.previous_last_position
                    ),
                });
            }
            let outcome = scan(
                &bytes,
                SEGMENT_HEADER_BYTES,
                header.first_position - 1,
                is_last,
                &mut |_, record| visit(record),
            );
            match outcome.end {
                ScanEnd::Clean => {}
                ScanEnd::Corrupt { offset, reason } => {
                    return Err(Error::Corrupt {
                        path: meta.path.clone(),
                        offset: offset as u64,
                        reason,
                    })
                }
                ScanEnd::TornTail { offset, reason } => {
                    tracing::warn!(
                        path = %meta.path.display(), offset, cut_bytes = bytes.len() - offset, %reason,
                        "cutting the torn tail of the WAL"
                    );
                    storage
                        .truncate(file, offset as u64)
                        .and_then(|_| storage.sync_data(file))
                        .map_err(|e| {
                            Error::io(
                                format!("cutting the torn tail of {}", meta.path.display()),
                                e,
                            )
                        })?;
                }
            }
            if outcome.last_position > last_position {
                last_position = outcome.last_position;
            }
            if is_last {
                // Make what we replayed durable before anyone reads it: after an earlier failed
                // fsync, the page cache may hold bytes that never reached the disk.
                storage
                    .sync_data(file)
                    .map_err(|e| Error::io(format!("syncing {}", meta.path.display()), e))?;
                active = Some((file, outcome.valid_len as u64));
            } else {
                storage.close(file);
            }
            index += 1;
        }

        let mut wal = Wal {
            storage,
            dir: dir.to_path_buf(),
            options,
            segments,
            active_file: FileId(u32::MAX),
            active_len: 0,
            pending: Vec::new(),
            pending_first_position: None,
            appended_position: last_position,
            durable_position: last_position,
            failure: None,
        };
        match active {
            Some((file, len)) => {
                wal.active_file = file;
                wal.active_len = len;
            }
            None => wal.start_segment(last_position + 1)?,
        }
        Ok(wal)
    }

    pub fn appended_position(&self) -> u64 {
        self.appended_position
    }

    pub fn durable_position(&self) -> u64 {
        self.durable_position
    }

    /// Why the log failed, if it did.
    pub fn failure(&self) -> Option<&str> {
        self.failure.as_deref()
    }

    pub fn pending_bytes(&self) -> usize {
        self.pending.len()
    }

    pub fn segment_count(&self) -> usize {
        self.segments.len()
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn failed_error(&self) -> Error {
        Error::LogFailed {
            shard: self.options.shard,
            cause: self.failure.clone().unwrap_or_default(),
        }
    }

    fn fail(&mut self, what: &str, error: std::io::Error) -> Error {
        let cause = format!("{what}: {error}");
        tracing::error!(shard = self.options.shard, %cause, "WAL failed; refusing writes until reopened");
        self.failure = Some(cause);
        self.pending.clear();
        self.pending_first_position = None;
        self.failed_error()
    }

    /// Buffers a record; it is readable in order now and durable after the next successful `flush`.
    pub fn append(&mut self, kind: RecordKind, position: u64, payload: &[u8]) -> Result<()> {
        if self.failure.is_some() {
            return Err(self.failed_error());
        }
        assert!(
            position > self.appended_position,
            "WAL positions must rise: {position} after {}",
            self.appended_position
        );
        record::encode(kind, position, payload, &mut self.pending);
        self.pending_first_position.get_or_insert(position);
        self.appended_position = position;
        Ok(())
    }

    /// Writes every buffered record and fdatasyncs it: one write and one sync for the whole group.
    /// Returns the durable position. On error the log is failed and nothing buffered is durable.
    pub fn flush(&mut self) -> Result<u64> {
        if self.failure.is_some() {
            return Err(self.failed_error());
        }
        let Some(first_position) = self.pending_first_position else {
            return Ok(self.durable_position);
        };
        if self.active_len > SEGMENT_HEADER_BYTES as u64
            && self.active_len + self.pending.len() as u64 > self.options.segment_bytes_max
        {
            if let Err(error) = self.roll_segment(first_position) {
                return Err(self.fail("starting a new WAL segment", error));
            }
        }
        let pending = std::mem::take(&mut self.pending);
        if let Err(error) = self
            .storage
            .write_and_sync(self.active_file, self.active_len, &pending)
        {
            // The bytes may sit in the page cache, marked clean after a writeback error, and would
            // be replayed on reopen although they never reached the disk; later records would then
            // follow a hole. Cut them now (best effort: the log is failed either way).
            if let Err(cut) = self
                .storage
                .truncate(self.active_file, self.active_len)
                .and_then(|_| self.storage.sync_data(self.active_file))
            {
                tracing::error!(shard = self.options.shard, %cut, "could not cut the failed WAL write");
            }
            return Err(self.fail("writing and syncing the WAL", error));
        }
        self.active_len += pending.len() as u64;
        self.pending = pending;
        self.pending.clear();
        self.pending_first_position = None;
        self.durable_position = self.appended_position;
        Ok(self.durable_position)
    }

    fn roll_segment(&mut self, first_position: u64) -> std::io::Result<()> {
        let path = self.dir.join(segment::segment_name(first_position));
        let file = self.storage.open(&path, true)?;
        let header = segment::encode_header(&segment::SegmentHeader {
            shard: self.options.shard,
            first_position,
            previous_last_position: self.durable_position,
        });
        self.storage.write_and_sync(file, 0, &header)?;
        self.storage.sync_dir(&self.dir)?;
        self.storage.close(self.active_file);
        self.active_file = file;
        self.active_len = SEGMENT_HEADER_BYTES as u64;
        self.segments.push(SegmentMeta {
            first_position,
            path,
        });
        tracing::debug!(
            shard = self.options.shard,
            first_position,
            "started WAL segment"
        );
        Ok(())
    }

    fn start_segment(&mut self, first_position: u64) -> Result<()> {
        self.roll_segment(first_position).map_err(|e| {
            Error::io(
                format!("creating a WAL segment in {}", self.dir.display()),
                e,
            )
        })
    }

    /// Cuts every record above `position`, durably: no replay ever brings them back. Nothing may be
    /// pending. Afterwards `appended_position` is the last record kept (at most `position`).
    pub fn truncate_after(&mut self, position: u64) -> Result<()> {
        if self.failure.is_some() {
            return Err(self.failed_error());
        }
        assert!(self.pending.is_empty(), "flush before truncating the WAL");
        if position >= self.appended_position {
            return Ok(());
        }
        // Newest segments first, so that a crash part-way leaves a prefix of the log.
        while self.segments.len() > 1 && self.segments.last().unwrap().first_position > position {
            let meta = self.segments.pop().unwrap();
            self.storage.close(self.active_file);
            self.active_file = FileId(u32::MAX);
            if let Err(error) = self
                .storage
                .remove_file(&meta.path)
                .and_then(|_| self.storage.sync_dir(&self.dir))
            {
                return Err(self.fail("removing a WAL segment while truncating", error));
            }
        }
        let meta = self.segments.last().unwrap();
        let path = meta.path.clone();
        let first_position = meta.first_position;
        let result = (|| {
            if self.active_file == FileId(u32::MAX) {
                self.active_file = self.storage.open(&path, false)?;
            }
            let bytes = self.storage.read_all(self.active_file)?;
            let header = segment::decode_header(&bytes).map_err(std::io::Error::other)?;
            let mut cut = SEGMENT_HEADER_BYTES;
            // The last position kept: the next segment's header must name it exactly.
            let mut last_kept = header.previous_last_position;
            scan(
                &bytes,
                SEGMENT_HEADER_BYTES,
                first_position.saturating_sub(1),
                true,
                &mut |offset, record| {
                    if record.position <= position {
                        cut = offset + record.encoded_len();
                        last_kept = record.position;
                    }
                    Ok(())
                },
            );
            self.storage.truncate(self.active_file, cut as u64)?;
            self.storage.sync_data(self.active_file)?;
            Ok((cut as u64, last_kept))
        })();
        match result {
            Ok((cut, last_kept)) => {
                self.active_len = cut;
                self.appended_position = last_kept;
                self.durable_position = last_kept;
                Ok(())
            }
            Err(error) => Err(self.fail("truncating the WAL", error)),
        }
    }

    /// Deletes whole segments whose records are all below `position` (a snapshot covers them). The
    /// active segment is never deleted. Returns how many segments went.
    pub fn purge_before(&mut self, position: u64) -> Result<usize> {
        let mut removed = 0;
        while self.segments.len() > 1 && self.segments[1].first_position <= position {
            let meta = self.segments.remove(0);
            self.storage
                .remove_file(&meta.path)
                .map_err(|e| Error::io(format!("purging {}", meta.path.display()), e))?;
            removed += 1;
        }
        if removed > 0 {
            self.storage
                .sync_dir(&self.dir)
                .map_err(|e| Error::io(format!("syncing {}", self.dir.display()), e))?;
        }
        Ok(removed)
    }

    /// Reads every durable record at or above `from`, in order.
    pub fn read_from(
        &mut self,
        from: u64,
        visit: &mut dyn FnMut(RecordRef<'_>) -> Result<(), String>,
    ) -> Result<()> {
        let durable = self.durable_position;
        for index in 0..self.segments.len() {
            if let Some(next) = self.segments.get(index + 1) {
                if next.first_position <= from {
                    continue;
                }
            }
            let meta = &self.segments[index];
            let path = meta.path.clone();
            let first_position = meta.first_position;
            let file = self
                .storage
                .open(&path, false)
                .map_err(|e| Error::io(format!("opening {}", path.display()), e))?;
            let bytes = self.storage.read_all(file);
            self.storage.close(file);
            let bytes = bytes.map_err(|e| Error::io(format!("reading {}", path.display()), e))?;
            if let Err(reason) = segment::decode_header(&bytes) {
                return Err(Error::Corrupt {
                    path,
                    offset: 0,
                    reason,
                });
            }
            let mut failure = None;
            let outcome = scan(
                &bytes,
                SEGMENT_HEADER_BYTES,
                first_position - 1,
                index + 1 == self.segments.len(),
                &mut |_, record| {
                    if record.position >= from && record.position <= durable {
                        visit(record).inspect_err(|e| failure = Some(e.clone()))?;
                    }
                    Ok(())
                },
            );
            if let Some(reason) = failure {
                return Err(Error::Corrupt {
                    path,
                    offset: outcome.valid_len as u64,
                    reason,
                });
            }
            if let ScanEnd::Corrupt { offset, reason } = outcome.end {
                return Err(Error::Corrupt {
                    path,
                    offset: offset as u64,
                    reason,
                });
            }
        }
        Ok(())
    }
}
