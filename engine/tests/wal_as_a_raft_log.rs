//! The WAL serves as a raft log later: positions with gaps, records of several kinds, separate
//! appended and durable signals, `truncate_after` that no replay undoes, `purge_before` of whole
//! segments, and reads from any position.

use std::path::PathBuf;

use aorta_engine::storage::sim::{SimDisk, SimStorage, Tear};
use aorta_engine::wal::record::RecordKind;
use aorta_engine::wal::{Wal, WalOptions};
use aorta_engine::Error;

/// A replayed record: kind, position, payload.
type Replayed = (RecordKind, u64, Vec<u8>);

fn dir() -> PathBuf {
    PathBuf::from("/log")
}

fn open(disk: &SimDisk, segment_bytes_max: u64) -> (Wal<SimStorage>, Vec<Replayed>) {
    let mut seen = Vec::new();
    let wal = Wal::open(
        disk.storage(),
        &dir(),
        WalOptions::new(0, segment_bytes_max),
        &mut |r| {
            seen.push((r.kind, r.position, r.payload.to_vec()));
            Ok(())
        },
    )
    .unwrap();
    (wal, seen)
}

fn positions(records: &[Replayed]) -> Vec<u64> {
    records.iter().map(|r| r.1).collect()
}

#[test]
fn positions_may_have_gaps_and_records_have_kinds() {
    let disk = SimDisk::new();
    let (mut wal, _) = open(&disk, 1 << 20);
    wal.append(RecordKind::Batch, 1, b"one").unwrap();
    wal.append(RecordKind::Metadata, 5, b"vote").unwrap();
    wal.append(RecordKind::Batch, 9, b"nine").unwrap();
    assert_eq!(wal.appended_position(), 9);
    assert_eq!(
        wal.durable_position(),
        0,
        "appended is not durable before the flush"
    );
    assert_eq!(wal.flush().unwrap(), 9);
    drop(wal);
    disk.power_cut(Tear::DropUnsynced);
    let (_, seen) = open(&disk, 1 << 20);
    assert_eq!(
        seen,
        vec![
            (RecordKind::Batch, 1, b"one".to_vec()),
            (RecordKind::Metadata, 5, b"vote".to_vec()),
            (RecordKind::Batch, 9, b"nine".to_vec()),
        ]
    );
}

/// Raft input comes from the network: a position that does not rise is an error, never a panic,
/// and changes nothing.
#[test]
fn a_position_that_does_not_rise_is_refused_with_an_error() {
    let disk = SimDisk::new();
    let (mut wal, _) = open(&disk, 1 << 20);
    wal.append(RecordKind::Batch, 3, b"x").unwrap();
    for position in [3, 2, 0] {
        match wal.append(RecordKind::Batch, position, b"y") {
            Err(Error::PositionNotRising {
                position: p, last, ..
            }) => assert_eq!((p, last), (position, 3)),
            other => panic!("expected PositionNotRising, got {other:?}"),
        }
    }
    assert_eq!(wal.appended_position(), 3);
    assert_eq!(wal.flush().unwrap(), 3);
    drop(wal);
    let (_, seen) = open(&disk, 1 << 20);
    assert_eq!(seen, vec![(RecordKind::Batch, 3, b"x".to_vec())]);
}

fn fill(wal: &mut Wal<SimStorage>, range: std::ops::RangeInclusive<u64>) {
    for p in range {
        wal.append(RecordKind::Batch, p, &[p as u8; 60]).unwrap();
        wal.flush().unwrap();
    }
}

#[test]
fn truncate_after_cuts_a_valid_suffix_for_good() {
    let disk = SimDisk::new();
    let (mut wal, _) = open(&disk, 300);
    fill(&mut wal, 1..=20);
    assert!(wal.segment_count() > 3);
    wal.truncate_after(7).unwrap();
    assert_eq!(wal.appended_position(), 7);
    // The log goes on above the cut, and the cut suffix never returns.
    fill(&mut wal, 8..=9);
    drop(wal);
    disk.power_cut(Tear::DropUnsynced);
    let (wal, seen) = open(&disk, 300);
    assert_eq!(positions(&seen), (1..=9).collect::<Vec<_>>());
    assert_eq!(
        seen[8].2,
        vec![9u8; 60],
        "position 9 is the new record, not the old one"
    );
    assert_eq!(wal.durable_position(), 9);
}

#[test]
fn purge_before_deletes_only_whole_covered_segments() {
    let disk = SimDisk::new();
    let (mut wal, _) = open(&disk, 300);
    fill(&mut wal, 1..=20);
    let before = wal.segment_count();
    let removed = wal.purge_before(10).unwrap();
    assert!(removed > 0);
    assert_eq!(wal.segment_count(), before - removed);
    let mut read = Vec::new();
    wal.read_from(0, &mut |r| {
        read.push(r.position);
        Ok(())
    })
    .unwrap();
    assert!(
        read[0] <= 10,
        "records at and above the purge point are kept: {read:?}"
    );
    assert_eq!(*read.last().unwrap(), 20);
    drop(wal);
    disk.power_cut(Tear::DropUnsynced);
    let (_, seen) = open(&disk, 300);
    assert_eq!(positions(&seen), read);
}

#[test]
fn readers_start_at_any_position_and_see_only_durable_records() {
    let disk = SimDisk::new();
    let (mut wal, _) = open(&disk, 300);
    fill(&mut wal, 1..=12);
    wal.append(RecordKind::Batch, 13, b"not yet durable")
        .unwrap();
    let mut read = Vec::new();
    wal.read_from(6, &mut |r| {
        read.push(r.position);
        Ok(())
    })
    .unwrap();
    assert_eq!(read, (6..=12).collect::<Vec<_>>());
}

#[test]
fn truncate_after_a_gap_keeps_the_segment_chain_whole() {
    let disk = SimDisk::new();
    let (mut wal, _) = open(&disk, 200);
    for p in [2, 4, 6, 8, 10, 12, 14, 16] {
        wal.append(RecordKind::Batch, p, &[1; 60]).unwrap();
        wal.flush().unwrap();
    }
    // 11 is a gap: the last record kept is 10.
    wal.truncate_after(11).unwrap();
    assert_eq!(wal.appended_position(), 10);
    for p in 20..30 {
        wal.append(RecordKind::Batch, p, &[2; 60]).unwrap();
        wal.flush().unwrap();
    }
    drop(wal);
    let (_, seen) = open(&disk, 200);
    let expected: Vec<u64> = [2, 4, 6, 8, 10].into_iter().chain(20..30).collect();
    assert_eq!(positions(&seen), expected);
}

fn read_all(wal: &mut Wal<SimStorage>) -> Vec<u64> {
    let mut read = Vec::new();
    wal.read_from(0, &mut |r| {
        read.push(r.position);
        Ok(())
    })
    .unwrap();
    read
}

/// A log of records 1..=20, one per segment, purged before 10: it starts after 9.
fn purged_log(disk: &SimDisk) -> Wal<SimStorage> {
    let (mut wal, _) = open(disk, 300);
    fill(&mut wal, 1..=20);
    assert!(wal.purge_before(10).unwrap() > 0);
    assert_eq!(wal.start_position(), 9);
    wal
}

#[test]
fn truncate_after_below_the_start_is_an_error_that_changes_nothing() {
    let disk = SimDisk::new();
    let mut wal = purged_log(&disk);
    let files = disk.files();
    let lens: Vec<Option<u64>> = files.iter().map(|f| disk.file_len(f)).collect();
    for position in [0, 5, 8] {
        let result = wal.truncate_after(position);
        assert!(
            matches!(result, Err(Error::Invalid(_))),
            "truncate_after({position}) below the start 9: {result:?}"
        );
    }
    assert_eq!(wal.appended_position(), 20);
    assert_eq!(wal.durable_position(), 20);
    assert_eq!(disk.files(), files);
    assert_eq!(
        files.iter().map(|f| disk.file_len(f)).collect::<Vec<_>>(),
        lens
    );
    assert_eq!(read_all(&mut wal), (10..=20).collect::<Vec<_>>());
    // The refusal did not fail the log.
    fill(&mut wal, 21..=21);
    drop(wal);
    disk.power_cut(Tear::DropUnsynced);
    let (_, seen) = open(&disk, 300);
    assert_eq!(positions(&seen), (10..=21).collect::<Vec<_>>());
}

#[test]
fn truncate_after_the_start_empties_the_log_and_appends_continue_above_it() {
    let disk = SimDisk::new();
    let mut wal = purged_log(&disk);
    wal.truncate_after(9).unwrap();
    assert_eq!(wal.appended_position(), 9);
    assert_eq!(wal.durable_position(), 9);
    assert_eq!(read_all(&mut wal), Vec::<u64>::new());
    drop(wal);
    disk.power_cut(Tear::DropUnsynced);
    let (mut wal, seen) = open(&disk, 300);
    assert_eq!(seen, vec![], "the emptied log stays empty");
    assert_eq!(wal.appended_position(), 9);
    assert_eq!(wal.start_position(), 9);
    for p in 10..=12 {
        wal.append(RecordKind::Batch, p, format!("new {p}").as_bytes())
            .unwrap();
        wal.flush().unwrap();
    }
    drop(wal);
    disk.power_cut(Tear::DropUnsynced);
    let (wal, seen) = open(&disk, 300);
    let expected: Vec<Replayed> = (10..=12)
        .map(|p| (RecordKind::Batch, p, format!("new {p}").into_bytes()))
        .collect();
    assert_eq!(seen, expected);
    assert_eq!(wal.durable_position(), 12);
}

#[test]
fn truncate_after_inside_a_group_keeps_exactly_the_records_up_to_it_durably() {
    let disk = SimDisk::new();
    let (mut wal, _) = open(&disk, 1 << 20);
    let record = |p: u64| (RecordKind::Batch, p, format!("record {p}").into_bytes());
    for group in [&[1u64, 2][..], &[3, 4, 5, 6, 7], &[8, 9]] {
        for &p in group {
            let (kind, p, payload) = record(p);
            wal.append(kind, p, &payload).unwrap();
        }
        wal.flush().unwrap();
    }
    wal.truncate_after(5).unwrap();
    assert_eq!(wal.appended_position(), 5);
    assert_eq!(wal.durable_position(), 5);
    assert_eq!(read_all(&mut wal), vec![1, 2, 3, 4, 5]);
    drop(wal);
    disk.power_cut(Tear::DropUnsynced);
    let (mut wal, seen) = open(&disk, 1 << 20);
    assert_eq!(seen, (1..=5).map(record).collect::<Vec<_>>());
    // The log goes on from the cut.
    wal.append(RecordKind::Metadata, 6, b"after the cut")
        .unwrap();
    assert_eq!(wal.flush().unwrap(), 6);
    drop(wal);
    disk.power_cut(Tear::DropUnsynced);
    let (wal, seen) = open(&disk, 1 << 20);
    let mut expected: Vec<Replayed> = (1..=5).map(record).collect();
    expected.push((RecordKind::Metadata, 6, b"after the cut".to_vec()));
    assert_eq!(seen, expected);
    assert_eq!(wal.appended_position(), 6);
}

/// Records 2, 4, ..., 16, one per segment: segment k+1 follows position k.
fn gapped_log(disk: &SimDisk) -> Wal<SimStorage> {
    let (mut wal, _) = open(disk, 300);
    for p in (2..=16).step_by(2) {
        wal.append(RecordKind::Batch, p, &[p as u8; 60]).unwrap();
        wal.flush().unwrap();
    }
    assert_eq!(wal.segment_count(), 8);
    wal
}

#[test]
fn an_empty_last_segment_after_a_truncate_in_a_gap_reports_the_positions_below_it() {
    let disk = SimDisk::new();
    let mut wal = gapped_log(&disk);
    // The last segment follows 14 and holds 16: cutting after 15 empties it.
    wal.truncate_after(15).unwrap();
    assert_eq!(wal.appended_position(), 14);
    assert_eq!(wal.durable_position(), 14);
    drop(wal);
    disk.power_cut(Tear::DropUnsynced);
    let (mut wal, seen) = open(&disk, 300);
    assert_eq!(positions(&seen), vec![2, 4, 6, 8, 10, 12, 14]);
    assert_eq!(wal.appended_position(), 14);
    assert_eq!(wal.durable_position(), 14);
    wal.append(RecordKind::Batch, 15, b"fifteen").unwrap();
    assert_eq!(wal.flush().unwrap(), 15);
    drop(wal);
    let (wal, seen) = open(&disk, 300);
    assert_eq!(positions(&seen), vec![2, 4, 6, 8, 10, 12, 14, 15]);
    assert_eq!(wal.durable_position(), 15);
}

#[test]
fn an_empty_last_segment_after_a_failed_flush_that_rolled_reports_the_positions_below_it() {
    use aorta_engine::storage::sim::OpKind;
    use aorta_engine::wal::FailStop;

    for power_cut in [false, true] {
        let disk = SimDisk::new();
        let mut wal = gapped_log(&disk);
        let segments = wal.segment_count();
        // The flush of 18 rolls: the new segment's header sync and directory sync succeed, then the
        // group's sync fails.
        disk.fail_nth(OpKind::Sync, 2, libc::EIO);
        wal.append(RecordKind::Batch, 18, &[18; 60]).unwrap();
        assert!(matches!(wal.flush(), Err(Error::LogFailed { .. })));
        assert_eq!(wal.segment_count(), segments + 1, "the flush rolled");
        drop(wal);
        if power_cut {
            disk.power_cut(Tear::DropUnsynced);
        }
        let mut seen = Vec::new();
        let mut wal = Wal::open(
            disk.storage(),
            &dir(),
            WalOptions {
                fail_stop: FailStop::Panic,
                ..WalOptions::new(0, 300)
            },
            &mut |r| {
                seen.push(r.position);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(
            seen,
            vec![2, 4, 6, 8, 10, 12, 14, 16],
            "power cut {power_cut}"
        );
        assert_eq!(wal.appended_position(), 16, "power cut {power_cut}");
        assert_eq!(wal.durable_position(), 16, "power cut {power_cut}");
        wal.append(RecordKind::Batch, 17, b"seventeen").unwrap();
        assert_eq!(wal.flush().unwrap(), 17);
        drop(wal);
        let (_, seen) = open(&disk, 300);
        assert_eq!(
            positions(&seen),
            vec![2, 4, 6, 8, 10, 12, 14, 16, 17],
            "power cut {power_cut}"
        );
    }
}

/// The segment file of a log that fits in one.
fn only_segment(disk: &SimDisk) -> PathBuf {
    let segments: Vec<PathBuf> = disk
        .files()
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "wal"))
        .collect();
    assert_eq!(segments.len(), 1, "{segments:?}");
    segments[0].clone()
}

#[test]
fn truncate_after_with_damage_below_its_position_is_corruption_and_cuts_nothing() {
    // Groups [1], [2, 3], [4], [5, 6] of 128, 192, 128 and 192 bytes, after a 64-byte segment
    // header.
    let disk = SimDisk::new();
    let (mut wal, _) = open(&disk, 1 << 20);
    for group in [&[1u64][..], &[2, 3], &[4], &[5, 6]] {
        for &p in group {
            wal.append(RecordKind::Batch, p, &[p as u8; 40]).unwrap();
        }
        wal.flush().unwrap();
    }
    let segment = only_segment(&disk);
    let len = disk.file_len(&segment).unwrap();
    // A payload byte of record 2, in the body of the second group (which starts at 64 + 128).
    let damaged_at = 64 + 128 + 64 + 16 + 3;
    disk.flip_bit(&segment, damaged_at, 4);
    for position in [2, 4, 5] {
        match wal.truncate_after(position) {
            Err(Error::Corrupt { path, .. }) => assert_eq!(path, segment),
            other => panic!("truncate_after({position}) over damage at {damaged_at}: {other:?}"),
        }
        assert_eq!(disk.file_len(&segment), Some(len), "the file was cut");
        assert_eq!(wal.appended_position(), 6);
        assert_eq!(wal.durable_position(), 6);
    }
    // Repair the bit: every record is still there, read and replayed.
    disk.flip_bit(&segment, damaged_at, 4);
    assert_eq!(read_all(&mut wal), vec![1, 2, 3, 4, 5, 6]);
    drop(wal);
    let (_, seen) = open(&disk, 1 << 20);
    assert_eq!(positions(&seen), vec![1, 2, 3, 4, 5, 6]);
}

#[test]
fn a_purge_whose_io_fails_fails_the_log_and_a_power_cut_leaves_a_whole_log() {
    // IO points of the purge: moving the start file, then removals and a directory sync.
    let points = {
        let disk = SimDisk::new();
        let (mut wal, _) = open(&disk, 300);
        fill(&mut wal, 1..=20);
        let before = disk.io_points();
        wal.purge_before(10).unwrap();
        disk.io_points() - before
    };
    assert!(points > 5, "{points}");
    for n in 0..points {
        let disk = SimDisk::new();
        let (mut wal, _) = open(&disk, 300);
        fill(&mut wal, 1..=20);
        disk.power_off_after(n);
        assert!(
            matches!(wal.purge_before(10), Err(Error::LogFailed { .. })),
            "a purge failing after {n} IO points"
        );
        assert!(wal.failure().is_some());
        assert!(
            matches!(
                wal.append(RecordKind::Batch, 21, b"x"),
                Err(Error::LogFailed { .. })
            ),
            "after {n}: append on a failed log"
        );
        assert!(
            matches!(wal.flush(), Err(Error::LogFailed { .. })),
            "after {n}: flush on a failed log"
        );
        drop(wal);
        disk.power_cut(Tear::DropUnsynced);
        let (wal, seen) = open(&disk, 300);
        let seen = positions(&seen);
        let first = seen[0];
        assert!(
            first <= 10,
            "after {n}: records at and above 10 were lost: {seen:?}"
        );
        assert_eq!(seen, (first..=20).collect::<Vec<_>>(), "after {n}");
        assert_eq!(wal.start_position(), first - 1, "after {n}");
    }
}

/// A storage that counts the bytes `read_at` returns, delegating every operation to the sim.
struct CountingStorage {
    inner: SimStorage,
    bytes_read: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

impl aorta_engine::storage::Storage for CountingStorage {
    fn create_dir_all(&mut self, path: &std::path::Path) -> std::io::Result<()> {
        self.inner.create_dir_all(path)
    }
    fn dir_exists(&mut self, path: &std::path::Path) -> std::io::Result<bool> {
        self.inner.dir_exists(path)
    }
    fn list_dir(&mut self, path: &std::path::Path) -> std::io::Result<Vec<String>> {
        self.inner.list_dir(path)
    }
    fn open(
        &mut self,
        path: &std::path::Path,
        create: bool,
    ) -> std::io::Result<aorta_engine::storage::FileId> {
        self.inner.open(path, create)
    }
    fn close(&mut self, file: aorta_engine::storage::FileId) {
        self.inner.close(file)
    }
    fn len(&mut self, file: aorta_engine::storage::FileId) -> std::io::Result<u64> {
        self.inner.len(file)
    }
    fn read_at(
        &mut self,
        file: aorta_engine::storage::FileId,
        offset: u64,
        buf: &mut [u8],
    ) -> std::io::Result<usize> {
        let n = self.inner.read_at(file, offset, buf)?;
        self.bytes_read
            .fetch_add(n as u64, std::sync::atomic::Ordering::Relaxed);
        Ok(n)
    }
    fn write_at(
        &mut self,
        file: aorta_engine::storage::FileId,
        offset: u64,
        buf: &[u8],
    ) -> std::io::Result<()> {
        self.inner.write_at(file, offset, buf)
    }
    fn sync_data(&mut self, file: aorta_engine::storage::FileId) -> std::io::Result<()> {
        self.inner.sync_data(file)
    }
    fn detached_sync(
        &mut self,
        file: aorta_engine::storage::FileId,
    ) -> std::io::Result<aorta_engine::storage::DetachedSync> {
        self.inner.detached_sync(file)
    }
    fn write_and_sync(
        &mut self,
        file: aorta_engine::storage::FileId,
        offset: u64,
        buf: &[u8],
    ) -> std::io::Result<()> {
        self.inner.write_and_sync(file, offset, buf)
    }
    fn truncate(&mut self, file: aorta_engine::storage::FileId, len: u64) -> std::io::Result<()> {
        self.inner.truncate(file, len)
    }
    fn remove_file(&mut self, path: &std::path::Path) -> std::io::Result<()> {
        self.inner.remove_file(path)
    }
    fn rename(&mut self, from: &std::path::Path, to: &std::path::Path) -> std::io::Result<()> {
        self.inner.rename(from, to)
    }
    fn sync_dir(&mut self, path: &std::path::Path) -> std::io::Result<()> {
        self.inner.sync_dir(path)
    }
    fn drop_cached_pages(&mut self, file: aorta_engine::storage::FileId) -> std::io::Result<()> {
        self.inner.drop_cached_pages(file)
    }
    fn sibling(&self) -> std::io::Result<Self> {
        Ok(CountingStorage {
            inner: self.inner.sibling()?,
            bytes_read: self.bytes_read.clone(),
        })
    }
}

#[test]
fn reading_from_near_the_end_of_a_large_segment_reads_far_less_than_the_segment() {
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::sync::Arc;

    const RECORDS: u64 = 256;
    const PAYLOAD_BYTES: usize = 4096;
    let disk = SimDisk::new();
    let bytes_read = Arc::new(AtomicU64::new(0));
    let open_counting = || {
        let storage = CountingStorage {
            inner: disk.storage(),
            bytes_read: bytes_read.clone(),
        };
        Wal::open(
            storage,
            &dir(),
            WalOptions::new(0, 4 << 20),
            &mut |_| Ok(()),
        )
        .unwrap()
    };
    let mut wal = open_counting();
    for p in 1..=RECORDS {
        wal.append(RecordKind::Batch, p, &[p as u8; PAYLOAD_BYTES])
            .unwrap();
        wal.flush().unwrap();
    }
    let segment = only_segment(&disk);
    let segment_bytes = disk.file_len(&segment).unwrap();
    assert!(segment_bytes >= 1 << 20, "{segment_bytes}");

    let read_from = |wal: &mut Wal<CountingStorage>, from: u64| {
        bytes_read.store(0, Ordering::Relaxed);
        let mut seen = Vec::new();
        wal.read_from(from, &mut |r| {
            assert_eq!(r.payload, &[r.position as u8; PAYLOAD_BYTES][..]);
            seen.push(r.position);
            Ok(())
        })
        .unwrap();
        (seen, bytes_read.load(Ordering::Relaxed))
    };
    // The read index is built while writing, and again by the replay of a reopen.
    for reopened in [false, true] {
        let (seen, read) = read_from(&mut wal, RECORDS);
        assert_eq!(seen, vec![RECORDS]);
        assert!(
            read < 128 * 1024,
            "reading the last record read {read} bytes of a {segment_bytes}-byte segment \
             (reopened {reopened})"
        );
        let (seen, read) = read_from(&mut wal, 0);
        assert_eq!(seen, (1..=RECORDS).collect::<Vec<_>>());
        assert!(
            read >= segment_bytes - 64,
            "reading from 0 read {read} of {segment_bytes} bytes (reopened {reopened})"
        );
        drop(wal);
        wal = open_counting();
    }
}

/// Groups [1, 2], [3..=7], [8, 9] fill the first segment (600 bytes at most); records 10..=16, one
/// per flush, fill two more.
fn log_with_a_group_to_split(disk: &SimDisk) -> Wal<SimStorage> {
    let (mut wal, _) = open(disk, 600);
    let mut groups: Vec<Vec<u64>> = vec![vec![1, 2], vec![3, 4, 5, 6, 7], vec![8, 9]];
    groups.extend((10..=16).map(|p| vec![p]));
    for group in groups {
        for p in group {
            wal.append(RecordKind::Batch, p, format!("record {p}").as_bytes())
                .unwrap();
        }
        wal.flush().unwrap();
    }
    assert_eq!(wal.segment_count(), 3);
    wal
}

#[test]
fn a_crash_at_any_point_of_a_truncate_keeps_every_record_up_to_its_position() {
    let points = {
        let disk = SimDisk::new();
        let mut wal = log_with_a_group_to_split(&disk);
        let before = disk.io_points();
        wal.truncate_after(5).unwrap();
        disk.io_points() - before
    };
    for n in 0..=points {
        let disk = SimDisk::new();
        let mut wal = log_with_a_group_to_split(&disk);
        disk.power_off_after(n);
        let truncated = wal.truncate_after(5);
        assert_eq!(truncated.is_ok(), n == points, "after {n}: {truncated:?}");
        drop(wal);
        disk.power_cut(Tear::DropUnsynced);
        let (mut wal, seen) = open(&disk, 600);
        let last = seen.last().expect("records up to 5 are kept").1;
        assert!(last >= 5, "after {n}: {:?}", positions(&seen));
        let expected: Vec<Replayed> = (1..=last)
            .map(|p| (RecordKind::Batch, p, format!("record {p}").into_bytes()))
            .collect();
        assert_eq!(seen, expected, "after {n}: not a prefix of the log");
        if truncated.is_ok() {
            assert_eq!(last, 5, "a truncate that succeeded was undone");
        }
        // Whatever the crash left, truncating again finishes the job and the log goes on.
        wal.truncate_after(5).unwrap();
        wal.append(RecordKind::Batch, 6, b"new six").unwrap();
        wal.flush().unwrap();
        drop(wal);
        disk.power_cut(Tear::DropUnsynced);
        let (_, seen) = open(&disk, 600);
        assert_eq!(positions(&seen), vec![1, 2, 3, 4, 5, 6], "after {n}");
        assert_eq!(seen[5].2, b"new six", "after {n}");
    }
}
