//! The write-ahead log of one shard: segmented files of checksummed groups of records with rising
//! positions.
//!
//! Invariants:
//! - `durable_position <= appended_position`; a record is acknowledged only once `durable_position`
//!   covers it, which happens only after the `fdatasync` that covers its bytes succeeded.
//! - One flush is one group (`group.rs`): one write and one fdatasync, and the next write begins
//!   only after that sync returned. So only the last group of the last segment can ever be an
//!   unfinished write, and recovery knows where it begins (`scan.rs`).
//! - After any write or sync error the log is *failed*: it refuses every further append and flush
//!   until it is reopened, and never reports the failed records durable (a failed fsync is never
//!   retried as if the data were safe). The failed bytes are cut from the file at once; if even the
//!   cut fails, the process stops (`FailStop`), because a reopen could otherwise replay bytes that
//!   live only in the page cache.
//! - Records go to the active (last) segment; once a flush would take it past `segment_bytes_max`
//!   the flush first starts a new segment (header written and synced, directory synced). A flush is
//!   never split across segments, so a closed segment was synced whole.
//! - The segments form a chain: each header names the last position before it, the first segment's
//!   is named by the start file (`start.rs`), so a missing or stale segment anywhere is detected.
//!
//! Positions are indexes that may have gaps (as a raft log's may): each append must be above the
//! last. `appended_position` (buffered, ordered) and `durable_position` (synced) are separate
//! signals, and `truncate_after` / `purge_before` cut a suffix or whole old segments.

pub mod group;
pub mod record;
pub mod scan;
pub mod segment;
pub mod spare;
pub mod start;

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::limits::RECORD_PAYLOAD_BYTES_MAX;
use crate::resource::ValidationError;
use crate::storage::{DetachedSync, FileId, Storage};
use group::{GroupHeader, GROUP_BODY_BYTES_MAX, GROUP_HEADER_BYTES};
use record::{RecordKind, RecordRef};
use scan::{scan, ScanEnd, ScanFrom, ScanWork};
use segment::SEGMENT_HEADER_BYTES;
pub use spare::Preallocation;
use spare::Spares;

/// The read index keeps one entry (a group's first position and offset) per this many bytes of a
/// segment: `read_from` reads at most this much before the position it wants. 1,024 entries of 16
/// bytes for a 64 MiB segment.
pub const READ_INDEX_STRIDE_BYTES: u64 = 64 * 1024;

/// What the log does when it cannot make its state safe after a failed write (the cut of the failed
/// bytes failed too): go on it must not, since a reopen could replay bytes that never reached the
/// disk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailStop {
    /// Log the cause and abort the process (production).
    Abort,
    /// Panic (tests, which observe the stop; an engine turns it into a down shard).
    Panic,
}

#[derive(Clone, Debug)]
pub struct WalOptions {
    pub shard: u16,
    pub segment_bytes_max: u64,
    /// The log must already exist (its data directory was made before): an empty directory is
    /// `Corrupt`, never a new, empty log that silently forgets what was there.
    pub must_exist: bool,
    pub fail_stop: FailStop,
    /// Whether segments are made ahead of time at full size (see [`spare`]).
    pub preallocation: Preallocation,
}

impl WalOptions {
    pub fn new(shard: u16, segment_bytes_max: u64) -> Self {
        WalOptions {
            shard,
            segment_bytes_max,
            must_exist: false,
            fail_stop: FailStop::Abort,
            preallocation: Preallocation::Off,
        }
    }
}

struct SegmentMeta {
    first_position: u64,
    previous_last_position: u64,
    path: PathBuf,
    /// End of the last whole group: every byte below it was synced.
    valid_end: u64,
    /// Sparse read index: (first position of a group, its offset), rising, the first group always.
    index: Vec<(u64, u64)>,
}

impl SegmentMeta {
    fn note_group(&mut self, offset: u64, first_position: u64) {
        let due = self
            .index
            .last()
            .is_none_or(|&(_, last)| offset >= last + READ_INDEX_STRIDE_BYTES);
        if due {
            self.index.push((first_position, offset));
        }
    }
}

pub struct Wal<S: Storage> {
    storage: S,
    dir: PathBuf,
    options: WalOptions,
    /// Every segment, oldest first; the last is the active one. Never empty once open.
    segments: Vec<SegmentMeta>,
    active_file: Option<FileId>,
    /// The active file's length: a write that ends beyond it grows the file.
    active_len: u64,
    /// The next segment, made ahead of time.
    spares: Spares,
    /// The group being built: 64 bytes reserved for its header, then its records.
    pending: Vec<u8>,
    pending_first_position: Option<u64>,
    pending_records: u32,
    appended_position: u64,
    durable_position: u64,
    /// A group written by [`Wal::write_group`] whose sync has not reported yet.
    in_flight: Option<WrittenGroup>,
    failure: Option<String>,
    /// What recovery's reading of the segments did (see [`ScanWork`]).
    recovery_work: ScanWork,
}

/// A group written to the active segment and waiting for its sync (see [`Wal::write_group`]).
struct WrittenGroup {
    file: FileId,
    offset: u64,
    bytes: u64,
    first_position: u64,
    last_position: u64,
}

fn corrupt(path: &Path, offset: u64, reason: impl Into<String>) -> Error {
    Error::Corrupt {
        path: path.to_path_buf(),
        offset,
        reason: reason.into(),
    }
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
        let io = |what: &str, path: &Path| {
            let context = format!("{what} {}", path.display());
            move |e| Error::io(context, e)
        };
        let exists = storage
            .dir_exists(dir)
            .map_err(io("looking for the WAL directory", dir))?;
        if options.must_exist && !exists {
            return Err(corrupt(
                dir,
                0,
                "the WAL directory is missing although the data directory was made before",
            ));
        }
        crate::storage::create_dir_durable(&mut storage, dir)
            .map_err(io("creating WAL directory", dir))?;
        // A name made before a crash may not be durable yet: make every entry on the path durable
        // before trusting what the directory lists.
        sync_dir_and_parents(&mut storage, dir).map_err(io("syncing the directories of", dir))?;
        let spares = Spares::new(
            options.preallocation,
            dir,
            options.segment_bytes_max,
            || storage.sibling(),
        )
        .map_err(io("starting the spare-segment helper of", dir))?;
        let mut wal = Wal {
            storage,
            dir: dir.to_path_buf(),
            options,
            segments: Vec::new(),
            active_file: None,
            active_len: 0,
            spares,
            pending: Vec::new(),
            pending_first_position: None,
            pending_records: 0,
            appended_position: 0,
            durable_position: 0,
            in_flight: None,
            failure: None,
            recovery_work: ScanWork::default(),
        };
        let names = wal.list_segments()?;
        wal.segments = wal.read_segment_headers(names)?;
        let start = wal.settle_start()?;
        wal.replay(start, visit)?;
        if wal.segments.is_empty() {
            wal.start_segment(start)
                .map_err(io("creating a WAL segment in", dir))?;
            wal.write_start(start)
                .map_err(io("writing the start file of", dir))?;
        }
        let active = wal.active_file.expect("an open log has an active file");
        wal.active_len = wal
            .storage
            .len(active)
            .map_err(io("reading the length of the active segment in", dir))?;
        if !wal.spares.is_ready() {
            wal.spares.request(&mut wal.storage);
        }
        Ok(wal)
    }

    fn list_segments(&mut self) -> Result<Vec<(u64, PathBuf)>> {
        let dir = self.dir.clone();
        let listed = self
            .storage
            .list_dir(&dir)
            .map_err(|e| Error::io(format!("listing WAL directory {}", dir.display()), e))?;
        let mut names = Vec::new();
        for name in listed {
            let path = dir.join(&name);
            if let Some(first_position) = segment::parse_segment_name(&name) {
                names.push((first_position, path));
                continue;
            }
            // A spare is never a segment. A complete one is kept for the next roll-over; one being
            // made, or of another size, is removed, as is a purged segment held for recycling
            // (`spare.rs`).
            let keep = match name.as_str() {
                spare::SPARE_FILE => {
                    let (_, len) = self
                        .read_prefix(&path, &mut [])
                        .map_err(|e| Error::io(format!("reading {}", path.display()), e))?;
                    self.spares.adopt(len)
                }
                spare::SPARE_TMP_FILE | spare::RECYCLE_FILE => false,
                _ => continue,
            };
            if !keep {
                self.storage
                    .remove_file(&path)
                    .map_err(|e| Error::io(format!("removing {}", path.display()), e))?;
            }
        }
        names.sort();
        Ok(names)
    }

    /// Reads each segment's header. A last segment whose creation was cut short (no valid header
    /// and nothing but zeros) is removed: it never held a record.
    fn read_segment_headers(&mut self, mut names: Vec<(u64, PathBuf)>) -> Result<Vec<SegmentMeta>> {
        let mut metas = Vec::with_capacity(names.len());
        let count = names.len();
        for (index, (first_position, path)) in names.drain(..).enumerate() {
            let mut header = [0u8; SEGMENT_HEADER_BYTES];
            let (read, len) = self
                .read_prefix(&path, &mut header)
                .map_err(|e| Error::io(format!("reading {}", path.display()), e))?;
            let decoded = segment::decode_header(&header[..read]);
            let header = match decoded {
                Ok(header) => header,
                Err(_) if index + 1 == count && self.is_all_zero(&path, len)? => {
                    tracing::warn!(path = %path.display(), "removing a half-created WAL segment");
                    self.storage
                        .remove_file(&path)
                        .and_then(|_| self.storage.sync_dir(&self.dir))
                        .map_err(|e| Error::io(format!("removing {}", path.display()), e))?;
                    break;
                }
                Err(reason) => return Err(corrupt(&path, 0, reason)),
            };
            if header.first_position != first_position || header.shard != self.options.shard {
                return Err(corrupt(
                    &path,
                    0,
                    format!(
                        "header says shard {} first position {}, but the file belongs to shard {} at position {first_position}",
                        header.shard, header.first_position, self.options.shard
                    ),
                ));
            }
            metas.push(SegmentMeta {
                first_position,
                previous_last_position: header.previous_last_position,
                path,
                valid_end: SEGMENT_HEADER_BYTES as u64,
                index: Vec::new(),
            });
        }
        Ok(metas)
    }

    fn read_prefix(&mut self, path: &Path, buf: &mut [u8]) -> std::io::Result<(usize, u64)> {
        let file = self.storage.open(path, false)?;
        let result = (|| {
            let len = self.storage.len(file)?;
            let mut filled = 0;
            while filled < buf.len() {
                let n = self
                    .storage
                    .read_at(file, filled as u64, &mut buf[filled..])?;
                if n == 0 {
                    break;
                }
                filled += n;
            }
            Ok((filled, len))
        })();
        self.storage.close(file);
        result
    }

    fn is_all_zero(&mut self, path: &Path, len: u64) -> Result<bool> {
        if len <= SEGMENT_HEADER_BYTES as u64 {
            // Even non-zero: a header cut short. Records are only written once the header is synced.
            return Ok(true);
        }
        let bytes = self
            .read_whole(path)
            .map_err(|e| Error::io(format!("reading {}", path.display()), e))?;
        Ok(bytes.iter().all(|&b| b == 0))
    }

    fn read_whole(&mut self, path: &Path) -> std::io::Result<Vec<u8>> {
        let file = self.storage.open(path, false)?;
        let bytes = self.storage.read_all(file);
        self.storage.close(file);
        bytes
    }

    /// Decides where the log starts, from the start file and the oldest segments, and finishes a
    /// purge that a crash interrupted. Returns the start position.
    fn settle_start(&mut self) -> Result<u64> {
        let path = self.dir.join(start::START_FILE);
        let stored = match self.read_whole(&path) {
            Ok(bytes) => {
                Some(start::decode(&bytes, self.options.shard).map_err(|r| corrupt(&path, 0, r))?)
            }
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
            Err(error) => return Err(Error::io(format!("reading {}", path.display()), error)),
        };
        match (stored, self.segments.first()) {
            (None, None) if self.options.must_exist => Err(corrupt(
                &self.dir,
                0,
                "the WAL directory is empty although the data directory was made before: every \
                 segment and the start file are missing",
            )),
            (None, None) => Ok(0),
            (Some(start), None) => Err(corrupt(
                &path,
                0,
                format!("the log starts after position {start}, but every segment is missing"),
            )),
            (None, Some(first)) if first.previous_last_position == 0 => {
                // The first segment of a new log was made, its start file not yet.
                self.write_start(0)
                    .map_err(|e| Error::io(format!("writing {}", path.display()), e))?;
                Ok(0)
            }
            (None, Some(first)) => Err(corrupt(
                &first.path,
                0,
                format!(
                    "the start file is missing and the oldest segment follows position {}: \
                     earlier segments are missing",
                    first.previous_last_position
                ),
            )),
            (Some(start), Some(_)) => {
                let Some(first) = self
                    .segments
                    .iter()
                    .position(|s| s.previous_last_position == start)
                else {
                    let oldest = &self.segments[0];
                    return Err(corrupt(
                        &oldest.path,
                        0,
                        format!(
                            "the log starts after position {start}, but the oldest segment follows \
                             position {}: the first segment is missing",
                            oldest.previous_last_position
                        ),
                    ));
                };
                if self.segments[..first]
                    .iter()
                    .any(|s| s.previous_last_position >= start)
                {
                    return Err(corrupt(&self.segments[0].path, 0, "segments out of order"));
                }
                // Segments older than the start are what an interrupted purge left: finish it.
                for stale in self.segments.drain(..first).collect::<Vec<_>>() {
                    tracing::warn!(path = %stale.path.display(), "removing a purged WAL segment");
                    self.storage
                        .remove_file(&stale.path)
                        .map_err(|e| Error::io(format!("removing {}", stale.path.display()), e))?;
                }
                if first > 0 {
                    self.storage
                        .sync_dir(&self.dir)
                        .map_err(|e| Error::io(format!("syncing {}", self.dir.display()), e))?;
                }
                Ok(start)
            }
        }
    }

    fn write_start(&mut self, start: u64) -> std::io::Result<()> {
        let bytes = start::encode(self.options.shard, start);
        crate::storage::write_file_atomically(
            &mut self.storage,
            &self.dir.join(start::START_FILE),
            &bytes,
        )
    }

    /// Replays every segment in order, checking the chain, and cuts a torn tail of the last one.
    fn replay(
        &mut self,
        start: u64,
        visit: &mut dyn FnMut(RecordRef<'_>) -> Result<(), String>,
    ) -> Result<()> {
        let mut last_position = start;
        let count = self.segments.len();
        for index in 0..count {
            let is_last = index + 1 == count;
            let path = self.segments[index].path.clone();
            let meta = &self.segments[index];
            if meta.previous_last_position != last_position {
                return Err(corrupt(
                    &path,
                    0,
                    format!(
                        "segment follows position {} but the log before it ends at {last_position}: a segment is missing or stale",
                        meta.previous_last_position
                    ),
                ));
            }
            let segment_first = meta.first_position;
            let file = self
                .storage
                .open(&path, false)
                .map_err(|e| Error::io(format!("opening {}", path.display()), e))?;
            let bytes = if is_last {
                // Make what we are about to replay durable, then drop cached pages so that bytes a
                // failed writeback left in the page cache (clean, but never on disk) are read from
                // the device, not replayed (see `docs/format.md`, "Writes that failed").
                self.storage
                    .sync_data(file)
                    .and_then(|_| self.storage.drop_cached_pages(file))
                    .map_err(|e| Error::io(format!("syncing {}", path.display()), e))?;
                self.storage.read_all(file)
            } else {
                let bytes = self.storage.read_all(file);
                self.storage.close(file);
                bytes
            }
            .map_err(|e| Error::io(format!("reading {}", path.display()), e))?;
            let meta = &mut self.segments[index];
            let outcome = scan(
                &bytes[SEGMENT_HEADER_BYTES..],
                ScanFrom {
                    file_offset: SEGMENT_HEADER_BYTES as u64,
                    segment: segment_first,
                    after_position: last_position,
                    is_last_segment: is_last,
                },
                &mut |offset, header| meta.note_group(offset, header.first_position),
                visit,
            );
            meta.valid_end = outcome.valid_end;
            self.recovery_work += outcome.work;
            match outcome.end {
                ScanEnd::Clean => {}
                ScanEnd::Corrupt { offset, reason } => return Err(corrupt(&path, offset, reason)),
                ScanEnd::TornTail { offset, .. }
                    if bytes[offset as usize..].iter().all(|&b| b == 0) =>
                {
                    // Zeros to the end: the unwritten rest of a segment made at full size (or a
                    // size that grew without its data). The next group overwrites them; cutting
                    // them would only make every later sync grow the file again.
                }
                ScanEnd::TornTail { offset, reason } => {
                    tracing::warn!(
                        path = %path.display(), offset, cut_bytes = bytes.len() as u64 - offset, %reason,
                        "cutting the torn tail of the WAL"
                    );
                    self.storage
                        .truncate(file, offset)
                        .and_then(|_| self.storage.sync_data(file))
                        .map_err(|e| {
                            Error::io(format!("cutting the torn tail of {}", path.display()), e)
                        })?;
                }
            }
            last_position = outcome.last_position;
            if is_last {
                self.active_file = Some(file);
            }
        }
        self.appended_position = last_position;
        self.durable_position = last_position;
        Ok(())
    }

    pub fn appended_position(&self) -> u64 {
        self.appended_position
    }

    pub fn durable_position(&self) -> u64 {
        self.durable_position
    }

    /// How many spares were made from purged segments (`wal/spare.rs`, step 4).
    pub fn segments_recycled(&self) -> u64 {
        self.spares.recycled()
    }

    /// What recovery's reading of the segments did at open.
    pub fn recovery_work(&self) -> ScanWork {
        self.recovery_work
    }

    /// The position the log starts after (0, or the purge point).
    pub fn start_position(&self) -> u64 {
        self.segments[0].previous_last_position
    }

    /// Why the log failed, if it did.
    pub fn failure(&self) -> Option<&str> {
        self.failure.as_deref()
    }

    /// Bytes of records waiting for the next flush.
    pub fn pending_bytes(&self) -> usize {
        self.pending.len().saturating_sub(GROUP_HEADER_BYTES)
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
        self.discard_pending();
        self.failed_error()
    }

    fn discard_pending(&mut self) {
        self.pending.clear();
        self.pending_first_position = None;
        self.pending_records = 0;
        // A group written and still syncing stays appended: its sync may yet succeed (a purge can
        // fail the log meanwhile), and durable never passes appended.
        self.appended_position = self
            .in_flight
            .as_ref()
            .map_or(self.durable_position, |group| group.last_position);
    }

    fn stop(&self, cause: &str) -> ! {
        tracing::error!(shard = self.options.shard, %cause, "WAL cannot make its state safe; stopping");
        match self.options.fail_stop {
            FailStop::Abort => std::process::abort(),
            FailStop::Panic => panic!("WAL fail-stop: {cause}"),
        }
    }

    /// Buffers a record; it is readable in order now and durable after the next successful `flush`.
    /// A position that does not rise, a payload over the limit, or a group that would outgrow its
    /// bound (flush first) is refused with an error and changes nothing.
    pub fn append(&mut self, kind: RecordKind, position: u64, payload: &[u8]) -> Result<()> {
        if self.failure.is_some() {
            return Err(self.failed_error());
        }
        if position <= self.appended_position {
            return Err(Error::PositionNotRising {
                shard: self.options.shard,
                position,
                last: self.appended_position,
            });
        }
        if payload.len() > RECORD_PAYLOAD_BYTES_MAX {
            return Err(ValidationError::TooLong {
                field: "log record payload",
                len: payload.len(),
                max: RECORD_PAYLOAD_BYTES_MAX,
            }
            .into());
        }
        let grown = self.pending_bytes() + record::encoded_len(payload.len());
        if grown > GROUP_BODY_BYTES_MAX {
            return Err(ValidationError::TooLong {
                field: "log group (flush first)",
                len: grown,
                max: GROUP_BODY_BYTES_MAX,
            }
            .into());
        }
        if self.pending.is_empty() {
            self.pending.resize(GROUP_HEADER_BYTES, 0);
        }
        record::encode(kind, position, payload, &mut self.pending);
        self.pending_first_position.get_or_insert(position);
        self.pending_records += 1;
        self.appended_position = position;
        Ok(())
    }

    /// Writes every buffered record as one group and fdatasyncs it: one write and one sync. Returns
    /// the durable position. On error the log is failed and nothing buffered is durable.
    pub fn flush(&mut self) -> Result<u64> {
        let Some((file, offset, first_position)) = self.seal_pending()? else {
            return Ok(self.durable_position);
        };
        if let Err(error) = self.storage.write_and_sync(file, offset, &self.pending) {
            return Err(self.cut_failed_group(file, offset, error));
        }
        let group = self.take_written(file, offset, first_position);
        self.note_durable(group);
        Ok(self.durable_position)
    }

    /// Writes every buffered record as one group, as `flush` does, but without syncing it: returns
    /// the sync that makes the group durable, to run on any thread, after which [`Wal::synced`]
    /// takes its outcome. Records appended meanwhile wait for the next group; no other group is
    /// written and nothing is cut until then (asserted); a purge may run meanwhile (it never
    /// touches the active segment). `None` if nothing is buffered. On error the log is failed
    /// and nothing buffered is durable.
    ///
    /// Why: the shard decides and logs the next batches while the device flushes this group,
    /// instead of leaving the CPU idle for the flush.
    pub fn write_group(&mut self) -> Result<Option<DetachedSync>> {
        let Some((file, offset, first_position)) = self.seal_pending()? else {
            return Ok(None);
        };
        let sync = self
            .storage
            .write_at(file, offset, &self.pending)
            .and_then(|()| self.storage.detached_sync(file));
        let sync = match sync {
            Ok(sync) => sync,
            Err(error) => return Err(self.cut_failed_group(file, offset, error)),
        };
        self.in_flight = Some(self.take_written(file, offset, first_position));
        Ok(Some(sync))
    }

    /// The buffered group, just written at `offset` of `file`, as a written group; the buffer
    /// starts the next one.
    fn take_written(&mut self, file: FileId, offset: u64, first_position: u64) -> WrittenGroup {
        let group = WrittenGroup {
            file,
            offset,
            bytes: self.pending.len() as u64,
            first_position,
            last_position: self.appended_position,
        };
        self.pending.clear();
        self.pending_first_position = None;
        self.pending_records = 0;
        group
    }

    /// Takes the outcome of the sync [`Wal::write_group`] returned: the durable position, or, on
    /// error, a failed log (the group's bytes cut, as a failed `flush` does) with nothing of the
    /// group, or appended after it, durable.
    pub fn synced(&mut self, outcome: std::io::Result<()>) -> Result<u64> {
        let group = self
            .in_flight
            .take()
            .expect("a synced group was written by write_group");
        if let Err(error) = outcome {
            return Err(self.cut_failed_group(group.file, group.offset, error));
        }
        self.note_durable(group);
        Ok(self.durable_position)
    }

    /// Records a group as durable: the segment's end and read index move past it.
    fn note_durable(&mut self, group: WrittenGroup) {
        let active = self.segments.last_mut().expect("an open log has a segment");
        assert_eq!(
            active.valid_end, group.offset,
            "a group follows the last durable one"
        );
        active.note_group(group.offset, group.first_position);
        active.valid_end = group.offset + group.bytes;
        self.active_len = self.active_len.max(active.valid_end);
        assert!(group.last_position > self.durable_position);
        self.durable_position = group.last_position;
    }

    /// A group's write or sync failed: the bytes may sit in the page cache, marked clean after a
    /// writeback error, and would be replayed on reopen although they never reached the disk;
    /// later groups would then follow a hole. Cuts them and fails the log; if the cut fails too,
    /// the only safe move is to stop.
    fn cut_failed_group(&mut self, file: FileId, offset: u64, error: std::io::Error) -> Error {
        if let Err(cut) = self
            .storage
            .truncate(file, offset)
            .and_then(|_| self.storage.sync_data(file))
        {
            self.stop(&format!(
                "writing the WAL failed ({error}) and cutting the failed bytes failed too ({cut})"
            ));
        }
        self.fail("writing and syncing the WAL", error)
    }

    /// Rolls over to a new segment if the buffered group needs one, and seals the group: its
    /// file, offset and first position, or `None` if nothing is buffered.
    fn seal_pending(&mut self) -> Result<Option<(FileId, u64, u64)>> {
        if self.failure.is_some() {
            return Err(self.failed_error());
        }
        assert!(
            self.in_flight.is_none(),
            "a WAL group is written only after the previous one's sync reported"
        );
        let Some(first_position) = self.pending_first_position else {
            return Ok(None);
        };
        let group_bytes = self
            .pending
            .len()
            .next_multiple_of(group::GROUP_ALIGN_BYTES) as u64;
        let active = self.segments.last().expect("an open log has a segment");
        let full = active.valid_end > SEGMENT_HEADER_BYTES as u64
            && active.valid_end + group_bytes > self.options.segment_bytes_max;
        // A write that would grow the file is worth a new segment when a spare is ready: its
        // syncs then overwrite blocks already written instead of growing the file.
        let grows = active.valid_end + group_bytes > self.active_len;
        if full || (grows && self.spares.is_ready()) {
            if let Err(error) = self.roll_over() {
                return Err(self.fail("starting a new WAL segment", error));
            }
        }
        let active = self.segments.last().expect("an open log has a segment");
        let (segment_first, offset) = (active.first_position, active.valid_end);
        group::seal(
            &mut self.pending,
            segment_first,
            first_position,
            self.appended_position,
            self.pending_records,
        );
        let file = self.active_file.expect("an open log has an active file");
        Ok(Some((file, offset, first_position)))
    }

    /// Makes a new active segment after the durable position. The one it follows is first cut to
    /// its last group (a closed segment never has a zero tail); an active segment without a group is
    /// replaced, not followed (the two would have the same name). With a spare ready, the spare
    /// becomes the segment: header written and synced, renamed, directory synced; otherwise the
    /// segment starts as a header and grows by appends.
    fn roll_over(&mut self) -> std::io::Result<()> {
        let active = self.segments.last().expect("an open log has a segment");
        let file = self.active_file.expect("an open log has an active file");
        let replacing = active.valid_end == SEGMENT_HEADER_BYTES as u64;
        if !replacing && self.active_len > active.valid_end {
            self.storage.truncate(file, active.valid_end)?;
            self.storage.sync_data(file)?;
            self.active_len = active.valid_end;
        }
        if !self.spares.is_ready() {
            assert!(!replacing, "an empty segment is only replaced by a spare");
            self.start_segment(self.durable_position)?;
            // Asks again if the last try failed (a no-op while one is being made).
            self.spares.request(&mut self.storage);
            return Ok(());
        }
        let previous_last_position = self.durable_position;
        let first_position = previous_last_position + 1;
        assert!(
            !replacing || active.first_position == first_position,
            "an empty active segment starts right after the durable position"
        );
        let path = self.dir.join(segment::segment_name(first_position));
        let spare_path = self.spares.path().to_path_buf();
        let spare = self.storage.open(&spare_path, false)?;
        let header = self.segment_header(previous_last_position);
        let written = self.storage.write_and_sync(spare, 0, &header);
        self.storage.close(spare);
        written?;
        self.spares.taken();
        self.storage.rename(&spare_path, &path)?;
        self.storage.sync_dir(&self.dir)?;
        let file = self.storage.open(&path, false)?;
        if replacing {
            self.segments.pop();
        }
        let len = self.spares.bytes().max(SEGMENT_HEADER_BYTES as u64);
        self.activate(file, path, previous_last_position, len);
        self.spares.request(&mut self.storage);
        Ok(())
    }

    /// The header of the segment that follows `previous_last_position`.
    fn segment_header(&self, previous_last_position: u64) -> [u8; SEGMENT_HEADER_BYTES] {
        segment::encode_header(&segment::SegmentHeader {
            shard: self.options.shard,
            first_position: previous_last_position + 1,
            previous_last_position,
        })
    }

    /// Makes `file` (at `path`, `len` bytes long, its header durable and its name synced) the active
    /// segment, after `previous_last_position`.
    fn activate(&mut self, file: FileId, path: PathBuf, previous_last_position: u64, len: u64) {
        if let Some(old) = self.active_file.replace(file) {
            self.storage.close(old);
        }
        self.active_len = len;
        let first_position = previous_last_position + 1;
        self.segments.push(SegmentMeta {
            first_position,
            previous_last_position,
            path,
            valid_end: SEGMENT_HEADER_BYTES as u64,
            index: Vec::new(),
        });
        tracing::debug!(
            shard = self.options.shard,
            first_position,
            "started WAL segment"
        );
    }

    /// Starts a segment after `previous_last_position`: header written and synced, directory
    /// synced, before any record goes to it.
    fn start_segment(&mut self, previous_last_position: u64) -> std::io::Result<()> {
        let first_position = previous_last_position + 1;
        let path = self.dir.join(segment::segment_name(first_position));
        let file = self.storage.open(&path, true)?;
        let header = self.segment_header(previous_last_position);
        let result = self
            .storage
            .write_and_sync(file, 0, &header)
            .and_then(|_| self.storage.sync_dir(&self.dir));
        if let Err(error) = result {
            self.storage.close(file);
            return Err(error);
        }
        self.activate(
            file,
            path,
            previous_last_position,
            SEGMENT_HEADER_BYTES as u64,
        );
        Ok(())
    }

    /// Cuts every record above `position`, durably: no replay ever brings them back. Nothing may be
    /// pending. Afterwards `appended_position` is the last record kept (at most `position`; the
    /// log's start position if none is). A position below the log's start is refused, and damage
    /// found below `position` fails the call as `Corrupt` without cutting anything.
    pub fn truncate_after(&mut self, position: u64) -> Result<()> {
        if self.failure.is_some() {
            return Err(self.failed_error());
        }
        assert!(self.pending.is_empty(), "flush before truncating the WAL");
        assert!(
            self.in_flight.is_none(),
            "take the sync's outcome before truncating the WAL"
        );
        if position >= self.appended_position {
            return Ok(());
        }
        if position < self.start_position() {
            return Err(ValidationError::Syntax {
                field: "truncate position",
                value: position.to_string(),
                rule: "at or above the log's start position (records below it were purged)",
            }
            .into());
        }
        // Newest segments first, so that a crash part-way leaves a prefix of the log.
        while self.segments.len() > 1
            && self.segments.last().unwrap().previous_last_position >= position
        {
            let meta = self.segments.pop().unwrap();
            if let Some(file) = self.active_file.take() {
                self.storage.close(file);
            }
            if let Err(error) = self
                .storage
                .remove_file(&meta.path)
                .and_then(|_| self.storage.sync_dir(&self.dir))
            {
                return Err(self.fail("removing a WAL segment while truncating", error));
            }
        }
        self.cut_last_segment_after(position)
    }

    /// Cuts the records above `position` from the last segment. At a group boundary this is a
    /// truncate; inside a group, the kept records are written as a new group into a copy of the
    /// segment that replaces it atomically (rename), so a crash never loses a kept record.
    fn cut_last_segment_after(&mut self, position: u64) -> Result<()> {
        let meta = self.segments.last().unwrap();
        let (path, segment_first, after) = (
            meta.path.clone(),
            meta.first_position,
            meta.previous_last_position,
        );
        let file = match self.active_file {
            Some(file) => file,
            None => match self.storage.open(&path, false) {
                Ok(file) => *self.active_file.insert(file),
                Err(error) => return Err(self.fail("opening the WAL to truncate it", error)),
            },
        };
        let bytes = match self.storage.read_all(file) {
            Ok(bytes) => bytes,
            Err(error) => return Err(self.fail("reading the WAL to truncate it", error)),
        };
        let mut keep_end = SEGMENT_HEADER_BYTES as u64;
        let mut last_kept = after;
        let mut split: Option<(u64, Vec<u8>, u64, u32)> = None;
        let mut index = Vec::new();
        let current_group: std::cell::Cell<Option<(u64, GroupHeader)>> = Default::default();
        let outcome = scan(
            &bytes[SEGMENT_HEADER_BYTES..],
            ScanFrom {
                file_offset: SEGMENT_HEADER_BYTES as u64,
                segment: segment_first,
                after_position: after,
                is_last_segment: false,
            },
            &mut |offset, header| current_group.set(Some((offset, *header))),
            &mut |record| {
                let (offset, header) = current_group.get().expect("a record is inside a group");
                if header.first_position > position {
                    return Ok(());
                }
                if header.last_position <= position {
                    if record.position == header.first_position {
                        index.push((header.first_position, offset));
                    }
                    keep_end = offset + header.extent() as u64;
                    last_kept = header.last_position;
                    return Ok(());
                }
                // The group straddles `position`: its records up to `position` are rebuilt.
                let (_, buf, last, count) = split.get_or_insert_with(|| {
                    (
                        offset,
                        vec![0u8; GROUP_HEADER_BYTES],
                        header.first_position,
                        0,
                    )
                });
                if record.position <= position {
                    record::encode(record.kind, record.position, record.payload, buf);
                    *last = record.position;
                    *count += 1;
                }
                Ok(())
            },
        );
        if let ScanEnd::Corrupt { offset, reason } = outcome.end {
            // Damage at or below `position` must not be cut away as if it were the suffix.
            if outcome.last_position < position {
                return Err(corrupt(&path, offset, reason));
            }
        }
        let result = match split {
            None => self
                .storage
                .truncate(file, keep_end)
                .and_then(|_| self.storage.sync_data(file)),
            Some((offset, mut buf, last, count)) => {
                let first =
                    u64::from_le_bytes(buf[GROUP_HEADER_BYTES + 8..][..8].try_into().unwrap());
                group::seal(&mut buf, segment_first, first, last, count);
                index.push((first, offset));
                let mut copy = bytes[..offset as usize].to_vec();
                copy.extend_from_slice(&buf);
                keep_end = copy.len() as u64;
                last_kept = last;
                self.replace_segment(&path, &copy)
            }
        };
        if let Err(error) = result {
            return Err(self.fail("truncating the WAL", error));
        }
        self.active_len = keep_end;
        let meta = self.segments.last_mut().unwrap();
        meta.valid_end = keep_end;
        meta.index.clear();
        for (first, offset) in index {
            meta.note_group(offset, first);
        }
        self.appended_position = last_kept;
        self.durable_position = last_kept;
        Ok(())
    }

    /// Replaces the active segment by `bytes`, atomically: a copy is written and synced, renamed
    /// over it, and the directory synced.
    fn replace_segment(&mut self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        if let Some(file) = self.active_file.take() {
            self.storage.close(file);
        }
        crate::storage::write_file_atomically(&mut self.storage, path, bytes)?;
        self.active_file = Some(self.storage.open(path, false)?);
        Ok(())
    }

    /// Deletes whole segments whose records are all below `position` (a snapshot covers them). The
    /// active segment is never deleted. Returns how many segments went. The start file moves first,
    /// so a crash part-way leaves segments that the next open removes. With spares, one segment
    /// may be kept to become the next spare (recycled), and with a spare's helper thread the
    /// segments are handed to it (`Spares::retire`), which logs a failed removal and leaves the
    /// segment to the next open; a removal here that fails fails the log.
    pub fn purge_before(&mut self, position: u64) -> Result<usize> {
        if self.failure.is_some() {
            return Err(self.failed_error());
        }
        // A group may be syncing meanwhile (`write_group`): a purge never touches the active
        // segment it is in, only whole segments before it, the start file and the directory.
        let removable = self
            .segments
            .windows(2)
            .take_while(|pair| pair[1].previous_last_position < position)
            .count();
        if removable == 0 {
            return Ok(0);
        }
        let new_start = self.segments[removable].previous_last_position;
        if let Err(error) = self.write_start(new_start) {
            return Err(self.fail("moving the WAL start file", error));
        }
        // The start file now names a later segment: the purged ones are an interrupted purge's
        // leftovers if a crash keeps them, which the next open removes. So one may become the next
        // spare, and a helper thread may remove the others later, off this thread
        // (`Spares::retire`).
        let mut removed_here = false;
        for meta in self.segments.drain(..removable).collect::<Vec<_>>() {
            if let Err(path) = self.spares.retire(&mut self.storage, meta.path) {
                if let Err(error) = self.storage.remove_file(&path) {
                    return Err(self.fail("removing a purged WAL segment", error));
                }
                removed_here = true;
            }
        }
        if removed_here {
            if let Err(error) = self.storage.sync_dir(&self.dir) {
                return Err(self.fail("syncing the WAL directory after a purge", error));
            }
        }
        Ok(removable)
    }

    /// Reads every durable record at or above `from`, in order. Starts at the segment and indexed
    /// group that hold `from`, so a read near the end does not re-read the whole log.
    pub fn read_from(
        &mut self,
        from: u64,
        visit: &mut dyn FnMut(RecordRef<'_>) -> Result<(), String>,
    ) -> Result<()> {
        let durable = self.durable_position;
        let first_segment = self
            .segments
            .partition_point(|s| s.first_position <= from)
            .saturating_sub(1);
        for index in first_segment..self.segments.len() {
            let meta = &self.segments[index];
            let (mut start_offset, mut after) =
                (SEGMENT_HEADER_BYTES as u64, meta.previous_last_position);
            if index == first_segment {
                let at = meta.index.partition_point(|&(p, _)| p <= from);
                if let Some(&(first, offset)) = at.checked_sub(1).and_then(|i| meta.index.get(i)) {
                    (start_offset, after) = (offset, first - 1);
                }
            }
            let (path, segment_first, end) =
                (meta.path.clone(), meta.first_position, meta.valid_end);
            let bytes = self
                .read_range(&path, start_offset, end)
                .map_err(|e| Error::io(format!("reading {}", path.display()), e))?;
            let mut failure = None;
            let outcome = scan(
                &bytes,
                ScanFrom {
                    file_offset: start_offset,
                    segment: segment_first,
                    after_position: after,
                    is_last_segment: false,
                },
                &mut |_, _| {},
                &mut |record| {
                    if record.position >= from && record.position <= durable {
                        visit(record).inspect_err(|e| failure = Some(e.clone()))?;
                    }
                    Ok(())
                },
            );
            if let Some(reason) = failure {
                return Err(corrupt(&path, outcome.valid_end, reason));
            }
            if let ScanEnd::Corrupt { offset, reason } = outcome.end {
                return Err(corrupt(&path, offset, reason));
            }
            if outcome.valid_end != end {
                return Err(corrupt(
                    &path,
                    outcome.valid_end,
                    "segment shorter than logged",
                ));
            }
        }
        Ok(())
    }

    fn read_range(&mut self, path: &Path, start: u64, end: u64) -> std::io::Result<Vec<u8>> {
        let file = self.storage.open(path, false)?;
        let mut buf = vec![0u8; (end - start) as usize];
        let result = (|| {
            let mut filled = 0;
            while filled < buf.len() {
                let n = self
                    .storage
                    .read_at(file, start + filled as u64, &mut buf[filled..])?;
                if n == 0 {
                    return Err(std::io::Error::from(std::io::ErrorKind::UnexpectedEof));
                }
                filled += n;
            }
            Ok(())
        })();
        self.storage.close(file);
        result.map(|_| buf)
    }
}

/// Syncs `dir` and every directory above it, so that each entry on the path is durable.
fn sync_dir_and_parents<S: Storage + ?Sized>(storage: &mut S, dir: &Path) -> std::io::Result<()> {
    for ancestor in dir.ancestors() {
        if ancestor.as_os_str().is_empty() {
            break;
        }
        storage.sync_dir(ancestor)?;
    }
    Ok(())
}
