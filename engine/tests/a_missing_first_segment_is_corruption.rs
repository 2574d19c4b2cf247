//! The start file chains the first segment the way each segment header chains the next: a log that
//! lost its oldest segment, its every segment, or its start file together with its first segment is
//! reported `Corrupt` (naming a file) instead of silently starting later or empty. A purge that a
//! crash interrupted (start file moved, old segments still there) is finished by the next open, and
//! a crash at any point of creating a brand-new log leaves a log that opens.

use std::path::{Path, PathBuf};

use aorta_engine::storage::sim::{SimDisk, SimStorage, Tear};
use aorta_engine::storage::{write_file_atomically, Storage};
use aorta_engine::wal::record::RecordKind;
use aorta_engine::wal::start::{self, START_FILE};
use aorta_engine::wal::{FailStop, Wal, WalOptions};
use aorta_engine::Error;

/// Small enough that every flushed record of `fill` gets a segment of its own.
const SEGMENT_BYTES_MAX: u64 = 300;

fn dir() -> PathBuf {
    PathBuf::from("/log")
}

fn options() -> WalOptions {
    WalOptions {
        fail_stop: FailStop::Panic,
        ..WalOptions::new(0, SEGMENT_BYTES_MAX)
    }
}

fn try_open_with(
    disk: &SimDisk,
    options: WalOptions,
) -> Result<(Wal<SimStorage>, Vec<u64>), Error> {
    let mut seen = Vec::new();
    let wal = Wal::open(disk.storage(), &dir(), options, &mut |r| {
        seen.push(r.position);
        Ok(())
    })?;
    Ok((wal, seen))
}

fn try_open(disk: &SimDisk) -> Result<(Wal<SimStorage>, Vec<u64>), Error> {
    try_open_with(disk, options())
}

fn open(disk: &SimDisk) -> (Wal<SimStorage>, Vec<u64>) {
    try_open(disk).expect("the log opens")
}

/// Segment files of the log, oldest first.
fn segments(disk: &SimDisk) -> Vec<PathBuf> {
    disk.files()
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "wal"))
        .collect()
}

/// A log of records 1..=8, one per flush, so one per segment; returns its segments.
fn log_over_several_segments(disk: &SimDisk) -> Vec<PathBuf> {
    let (mut wal, _) = open(disk);
    for p in 1..=8 {
        wal.append(RecordKind::Batch, p, &[p as u8; 60]).unwrap();
        wal.flush().unwrap();
    }
    drop(wal);
    let segments = segments(disk);
    assert_eq!(segments.len(), 8, "one segment per record: {segments:?}");
    segments
}

/// Asserts that opening fails as `Corrupt` naming a file of the log, and returns that file.
fn assert_corrupt(disk: &SimDisk) -> PathBuf {
    match try_open(disk) {
        Err(Error::Corrupt { path, .. }) => {
            assert!(path.starts_with(dir()), "{path:?} is not in the log");
            path
        }
        Err(other) => panic!("expected Corrupt, got {other}"),
        Ok((_, seen)) => panic!("a log with a missing segment opened and replayed {seen:?}"),
    }
}

#[test]
fn deleting_the_first_segment_is_corruption_naming_the_oldest_left() {
    let disk = SimDisk::new();
    let segments = log_over_several_segments(&disk);
    disk.delete(&segments[0]);
    assert_eq!(assert_corrupt(&disk), segments[1]);
}

#[test]
fn deleting_every_segment_but_the_start_file_is_corruption_naming_the_start_file() {
    let disk = SimDisk::new();
    for segment in log_over_several_segments(&disk) {
        disk.delete(&segment);
    }
    assert_eq!(assert_corrupt(&disk), dir().join(START_FILE));
    assert!(
        segments(&disk).is_empty(),
        "a failed open must not start a new, empty log"
    );
}

#[test]
fn deleting_the_start_file_and_the_first_segment_is_corruption() {
    let disk = SimDisk::new();
    let segments = log_over_several_segments(&disk);
    disk.delete(&dir().join(START_FILE));
    disk.delete(&segments[0]);
    assert_eq!(assert_corrupt(&disk), segments[1]);
}

#[test]
fn after_a_purge_deleting_the_new_first_segment_is_corruption() {
    let disk = SimDisk::new();
    log_over_several_segments(&disk);
    let (mut wal, _) = open(&disk);
    let removed = wal.purge_before(5).unwrap();
    assert!(removed > 0);
    let start = wal.start_position();
    assert!(start > 0);
    drop(wal);
    let left = segments(&disk);
    assert_eq!(left.len(), 8 - removed);
    // The purged log itself opens, from its new start.
    let (_, seen) = open(&disk);
    assert_eq!(seen, (start + 1..=8).collect::<Vec<_>>());
    disk.delete(&left[0]);
    assert_eq!(assert_corrupt(&disk), left[1]);
}

#[test]
fn an_interrupted_purge_is_finished_by_the_next_open() {
    let disk = SimDisk::new();
    let segments = log_over_several_segments(&disk);
    // A purge up to position 4 that stopped after moving the start file: the segments of records
    // 1..=4 are still there.
    let mut storage = disk.storage();
    write_file_atomically(&mut storage, &dir().join(START_FILE), &start::encode(0, 4)).unwrap();
    drop(storage);
    disk.power_cut(Tear::DropUnsynced);

    let (wal, seen) = open(&disk);
    assert_eq!(seen, vec![5, 6, 7, 8], "replay starts after the new start");
    assert_eq!(wal.start_position(), 4);
    assert_eq!(wal.durable_position(), 8);
    drop(wal);
    assert_eq!(self::segments(&disk), segments[4..].to_vec());
    // The removal was durable: a power cut does not bring the purged segments back.
    disk.power_cut(Tear::DropUnsynced);
    assert_eq!(self::segments(&disk), segments[4..].to_vec());
    let (_, seen) = open(&disk);
    assert_eq!(seen, vec![5, 6, 7, 8]);
}

#[test]
fn must_exist_on_an_empty_or_missing_directory_is_corruption_and_creates_no_file() {
    let must_exist = || WalOptions {
        must_exist: true,
        ..options()
    };
    for made in [true, false] {
        let disk = SimDisk::new();
        if made {
            disk.storage().create_dir_all(&dir()).unwrap();
        }
        match try_open_with(&disk, must_exist()) {
            Err(Error::Corrupt { path, .. }) => assert_eq!(path, dir()),
            Err(other) => panic!("expected Corrupt, got {other}"),
            Ok(_) => panic!("must_exist opened an empty directory as a new log"),
        }
        assert_eq!(
            disk.files(),
            Vec::<PathBuf>::new(),
            "nothing may be created"
        );
        // Nor does a second attempt, after a power cut, find a log that the first one started.
        disk.power_cut(Tear::DropUnsynced);
        assert!(matches!(
            try_open_with(&disk, must_exist()),
            Err(Error::Corrupt { .. })
        ));
    }
}

/// IO points of the first open of a new log in `dir`.
fn io_points_of_creating_a_log() -> u64 {
    let disk = SimDisk::new();
    let before = disk.io_points();
    open(&disk);
    disk.io_points() - before
}

fn assert_empty_and_usable(disk: &SimDisk, k: u64) {
    let (mut wal, seen) =
        try_open(disk).unwrap_or_else(|e| panic!("power cut after {k} IO points of creation: {e}"));
    assert!(seen.is_empty(), "after {k}: {seen:?}");
    assert_eq!(wal.appended_position(), 0);
    assert_eq!(wal.start_position(), 0);
    wal.append(RecordKind::Batch, 1, b"first").unwrap();
    assert_eq!(wal.flush().unwrap(), 1);
    drop(wal);
    disk.power_cut(Tear::DropUnsynced);
    let (_, seen) = try_open(disk)
        .unwrap_or_else(|e| panic!("after {k}: the log made after the cut does not reopen: {e}"));
    assert_eq!(seen, vec![1], "after {k}");
}

#[test]
fn a_power_cut_at_any_point_of_creating_a_log_leaves_a_log_that_opens() {
    let points = io_points_of_creating_a_log();
    assert!(points >= 4, "{points}");
    for k in 0..=points {
        let disk = SimDisk::new();
        disk.power_off_after(k);
        let outcome = try_open(&disk).map(|_| ());
        assert_eq!(outcome.is_ok(), k == points, "after {k}: {outcome:?}");
        disk.power_cut(Tear::DropUnsynced);
        assert_empty_and_usable(&disk, k);
        assert!(
            !disk.files().iter().any(|p| p == Path::new("/log/wal.tmp")),
            "after {k}: a temporary start file is left: {:?}",
            disk.files()
        );
    }
}
