//! A purged segment is recycled into the next spare (`wal/spare.rs`, step 4) rather than deleted:
//! on a file system mounted with `discard`, deleting a segment discards its blocks and the log's
//! `fdatasync` waits behind that. Here, on real files with the helper thread (the default): the
//! purged segment's name goes at the purge (it is held as `next-segment.recycle`); the spare made
//! after it is the purged segment's file (its inode), full size and all zeros before it becomes a
//! segment; the log rolls onto it; a reopen reads exactly the records written, none of the
//! recycled segment's earlier life; a close removes a held segment, and an open one left behind. (Every IO point of the recycling, cut by
//! a power failure: `crash_during_group_commit`, odd seeds.)

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use aorta_engine::storage::uring::UringStorage;
use aorta_engine::wal::record::RecordKind;
use aorta_engine::wal::spare::{RECYCLE_FILE, SPARE_FILE};
use aorta_engine::wal::{Preallocation, Wal, WalOptions};

const SEGMENT_BYTES: u64 = 64 * 1024;
const RECORD_BYTES: usize = 1000;

fn open(dir: &Path) -> (Wal<UringStorage>, Vec<(u64, Vec<u8>)>) {
    let mut seen = Vec::new();
    let options = WalOptions {
        preallocation: Preallocation::Background,
        ..WalOptions::new(0, SEGMENT_BYTES)
    };
    let wal = Wal::open(UringStorage::new().unwrap(), dir, options, &mut |r| {
        seen.push((r.position, r.payload.to_vec()));
        Ok(())
    })
    .unwrap();
    (wal, seen)
}

fn payload(position: u64) -> Vec<u8> {
    vec![(position % 251) as u8; RECORD_BYTES]
}

/// Appends one record per flush until the log has rolled over `rolls` more times (new segment
/// names: a purged segment may keep its name until the helper recycles it).
fn write_until_rolled(wal: &mut Wal<UringStorage>, dir: &Path, rolls: usize) {
    let newest = |dir: &Path| segments(dir).last().cloned();
    let mut seen = newest(dir);
    let mut rolled = 0;
    let deadline = Instant::now() + Duration::from_secs(30);
    while rolled < rolls {
        if newest(dir) != seen {
            seen = newest(dir);
            rolled += 1;
            continue;
        }
        assert!(Instant::now() < deadline, "the log did not roll over");
        let position = wal.appended_position() + 1;
        wal.append(RecordKind::Batch, position, &payload(position))
            .unwrap();
        wal.flush().unwrap();
    }
}

fn segments(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "wal"))
        .collect();
    paths.sort();
    paths
}

fn inode(path: &Path) -> Option<u64> {
    std::fs::metadata(path).ok().map(|m| m.ino())
}

/// Waits (bounded, 10 s) until `done` holds.
fn wait_until(mut done: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        if done() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    false
}

/// Waits until the helper made a spare (it is idle then, until the next roll-over).
fn wait_for_a_spare(dir: &Path) {
    assert!(
        wait_until(|| dir.join(SPARE_FILE).exists()),
        "no spare was made"
    );
}

fn first_position(segment: &Path) -> u64 {
    segment
        .file_stem()
        .unwrap()
        .to_str()
        .unwrap()
        .parse()
        .unwrap()
}

#[test]
fn a_purged_segment_becomes_the_next_spare_and_its_old_records_never_come_back() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("wal");
    let (mut wal, seen) = open(&dir);
    assert!(seen.is_empty());
    // Three segments, the third active; wait for the helper's spare so that the next roll-over
    // takes it, and the spare made after it can be the purged segment.
    write_until_rolled(&mut wal, &dir, 2);
    let first = segments(&dir)[0].clone();
    let first_inode = inode(&first).unwrap();
    let first_bytes = std::fs::read(&first).unwrap();
    assert!(
        first_bytes
            .windows(RECORD_BYTES)
            .any(|w| w == payload(1).as_slice()),
        "the first segment holds record 1"
    );
    let second_first_position = first_position(&segments(&dir)[1]);

    // Purge the first segment: the helper keeps it (its segment name goes at once); the next
    // roll-over takes the spare made meanwhile and asks for another, which the helper makes from
    // the purged segment.
    wait_for_a_spare(&dir);
    assert_eq!(wal.purge_before(second_first_position).unwrap(), 1);
    write_until_rolled(&mut wal, &dir, 1);
    assert!(
        wait_until(|| wal.segments_recycled() == 1),
        "no spare was made from the purged segment"
    );
    assert_eq!(
        inode(&dir.join(SPARE_FILE)),
        Some(first_inode),
        "the spare is the purged segment's file"
    );
    assert!(!first.exists(), "the purged segment's name is gone");
    assert!(!dir.join(RECYCLE_FILE).exists());
    let spare = std::fs::read(dir.join(SPARE_FILE)).unwrap();
    assert_eq!(spare.len() as u64, SEGMENT_BYTES, "a spare is full size");
    assert!(
        spare.iter().all(|&b| b == 0),
        "a recycled spare holds nothing of its earlier life"
    );

    // The log rolls onto it: a segment with the purged segment's inode and a new name.
    write_until_rolled(&mut wal, &dir, 1);
    assert!(
        segments(&dir).iter().any(|p| inode(p) == Some(first_inode)),
        "the recycled file became a segment"
    );
    let last = wal.appended_position();
    drop(wal);

    // A reopen reads every record written after the purge point, each once, and nothing else.
    let (_wal, seen) = open(&dir);
    let expected: Vec<(u64, Vec<u8>)> = (second_first_position..=last)
        .map(|p| (p, payload(p)))
        .collect();
    assert_eq!(seen.len(), expected.len());
    assert!(
        seen == expected,
        "the records replayed are exactly those written"
    );
}

#[test]
fn a_purged_segment_held_for_recycling_loses_its_name_at_once_and_a_close_removes_it() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("wal");
    let (mut wal, _) = open(&dir);
    write_until_rolled(&mut wal, &dir, 2);
    let first = segments(&dir)[0].clone();
    let first_inode = inode(&first).unwrap();
    let second_first_position = first_position(&segments(&dir)[1]);
    // The helper is idle (its spare made): it takes the purged segment to hold, not to remove.
    wait_for_a_spare(&dir);
    assert_eq!(wal.purge_before(second_first_position).unwrap(), 1);
    // No roll-over follows: the helper holds it under a name that is no segment's.
    assert!(
        wait_until(|| inode(&dir.join(RECYCLE_FILE)) == Some(first_inode)),
        "the purged segment is not held for recycling"
    );
    assert!(
        !first.exists(),
        "the purged segment's name went at the purge"
    );
    drop(wal);
    assert!(
        !dir.join(RECYCLE_FILE).exists(),
        "a close left the held segment behind"
    );
    let (_wal, seen) = open(&dir);
    assert_eq!(seen.first().map(|r| r.0), Some(second_first_position));
}

#[test]
fn an_open_removes_a_segment_left_held_for_recycling() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("wal");
    let (mut wal, _) = open(&dir);
    write_until_rolled(&mut wal, &dir, 1);
    let last = wal.appended_position();
    drop(wal);
    // What a crash leaves between the purge's rename and the next spare.
    std::fs::write(dir.join(RECYCLE_FILE), vec![7u8; 4096]).unwrap();
    let (_wal, seen) = open(&dir);
    assert!(!dir.join(RECYCLE_FILE).exists());
    assert_eq!(seen.last().map(|r| r.0), Some(last));
}
