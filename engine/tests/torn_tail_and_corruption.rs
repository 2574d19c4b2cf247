//! Recovery tells a torn tail (cut, and the log goes on) from corruption before the tail (stop, and
//! name the file and offset): never silently skip a record.

use std::path::PathBuf;

use aorta_engine::shard::{Shard, ShardOptions};
use aorta_engine::storage::sim::{SimDisk, SimStorage, Tear};
use aorta_engine::wal::group::GROUP_HEADER_BYTES;
use aorta_engine::wal::record::RECORD_HEADER_BYTES;
use aorta_engine::wal::segment::SEGMENT_HEADER_BYTES;
use aorta_engine::wal::FailStop;
use aorta_engine::{Batch, Command, Error, ResourceSpec};

fn dir() -> PathBuf {
    PathBuf::from("/data/wal")
}

fn open(disk: &SimDisk) -> Result<Shard<SimStorage>, Error> {
    Shard::open(disk.storage(), &dir(), ShardOptions::new(0, 1, 1 << 20))
}

fn commit(shard: &mut Shard<SimStorage>, name: &str) -> u64 {
    let batch = Batch::single(Command::put(
        ResourceSpec::new("/ns", name, "t").with_data(vec![b'x'; 40]),
        None,
    ))
    .validate()
    .unwrap();
    shard
        .commit_group(vec![batch], 1)
        .remove(0)
        .unwrap()
        .position
}

fn segment(disk: &SimDisk) -> PathBuf {
    let files = disk.files();
    files
        .into_iter()
        .find(|p| p.extension().is_some_and(|e| e == "wal"))
        .expect("a segment")
}

/// Offsets of the records of the only segment, found by writing them one at a time.
fn log_with_three_records(disk: &SimDisk) -> Vec<u64> {
    let mut shard = open(disk).unwrap();
    let mut ends = vec![SEGMENT_HEADER_BYTES as u64];
    for name in ["a", "b", "c"] {
        commit(&mut shard, name);
        ends.push(disk.file_len(&segment(disk)).unwrap());
    }
    ends
}

#[test]
fn a_torn_last_write_is_cut_and_the_log_goes_on() {
    let disk = SimDisk::new();
    let ends = log_with_three_records(&disk);
    let mut shard = Shard::open(
        disk.storage(),
        &dir(),
        ShardOptions {
            fail_stop: FailStop::Panic,
            ..ShardOptions::new(0, 1, 1 << 20)
        },
    )
    .unwrap();
    // A fourth record is written, then the power goes before its sync: the write stays unsynced,
    // and the log, unable to cut it with the power off, stops (as the process would die).
    disk.power_off_after(1);
    let batch = Batch::single(Command::put(ResourceSpec::new("/ns", "torn", "t"), None))
        .validate()
        .unwrap();
    let stopped = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        shard.commit_group(vec![batch], 2)
    }));
    assert!(
        stopped.is_err(),
        "the log stops when it cannot cut a failed write"
    );
    let written = disk.last_unsynced_write_len().expect("an unsynced write");
    drop(shard);
    // Only half of that write reaches the disk.
    disk.power_cut(Tear::KeepPrefix(written / 2));
    assert!(disk.file_len(&segment(&disk)).unwrap() > ends[3]);

    let mut shard = open(&disk).expect("a torn tail is not an error");
    assert_eq!(
        disk.file_len(&segment(&disk)).unwrap(),
        ends[3],
        "torn bytes cut"
    );
    assert!(shard.get("/ns/c").is_some());
    assert!(shard.get("/ns/torn").is_none());
    let position = commit(&mut shard, "after");
    drop(shard);
    let shard = open(&disk).unwrap();
    assert_eq!(shard.get("/ns/after").unwrap().revision, position);
}

#[test]
fn a_flipped_bit_before_the_tail_stops_recovery_naming_file_and_offset() {
    let disk = SimDisk::new();
    let ends = log_with_three_records(&disk);
    let path = segment(&disk);
    // A bit in the payload of the second record (its group begins at ends[1]).
    disk.flip_bit(
        &path,
        ends[1] + (GROUP_HEADER_BYTES + RECORD_HEADER_BYTES) as u64 + 5,
        3,
    );
    match open(&disk) {
        Err(Error::Corrupt {
            path: p, offset, ..
        }) => {
            assert_eq!(p, path);
            assert_eq!(offset, ends[1]);
            let message = Error::Corrupt {
                path: p,
                offset,
                reason: String::new(),
            }
            .to_string();
            assert!(message.contains(&path.display().to_string()));
            assert!(message.contains(&format!("offset {offset}")));
        }
        Err(other) => panic!("expected Corrupt, got {other}"),
        Ok(_) => panic!("a corrupt record was skipped"),
    }
}

#[test]
fn a_flipped_bit_in_the_last_complete_record_is_corruption_too() {
    let disk = SimDisk::new();
    let ends = log_with_three_records(&disk);
    let path = segment(&disk);
    disk.flip_bit(
        &path,
        ends[2] + (GROUP_HEADER_BYTES + RECORD_HEADER_BYTES) as u64 + 1,
        0,
    );
    assert!(matches!(open(&disk), Err(Error::Corrupt { offset, .. }) if offset == ends[2]));
}

#[test]
fn a_damaged_segment_header_is_corruption() {
    let disk = SimDisk::new();
    log_with_three_records(&disk);
    let path = segment(&disk);
    disk.flip_bit(&path, 3, 1);
    assert!(matches!(open(&disk), Err(Error::Corrupt { offset: 0, path: p, .. }) if p == path));
}

fn small_segments() -> ShardOptions {
    ShardOptions::new(0, 1, 256)
}

/// A log of twelve records over several small segments; returns the segment paths in order.
fn log_over_several_segments(disk: &SimDisk) -> Vec<PathBuf> {
    let mut shard = Shard::open(disk.storage(), &dir(), small_segments()).unwrap();
    for i in 0..12 {
        commit(&mut shard, &format!("k{i}"));
    }
    drop(shard);
    let segments: Vec<PathBuf> = disk
        .files()
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "wal"))
        .collect();
    assert!(segments.len() >= 3, "{segments:?}");
    segments
}

#[test]
fn damage_in_a_closed_segment_stops_recovery_there() {
    let disk = SimDisk::new();
    let segments = log_over_several_segments(&disk);
    // Damage the first record of a middle segment: recovery must stop there, not go on with the
    // later segments.
    let middle = &segments[segments.len() / 2];
    disk.flip_bit(middle, SEGMENT_HEADER_BYTES as u64 + 2, 0);
    let error = Shard::open(disk.storage(), &dir(), small_segments())
        .err()
        .expect("recovery stops");
    assert!(
        matches!(&error, Error::Corrupt { path, .. } if path == middle),
        "{error}"
    );
}

#[test]
fn a_missing_middle_segment_stops_recovery() {
    let disk = SimDisk::new();
    let segments = log_over_several_segments(&disk);
    let middle = segments.len() / 2;
    disk.delete(&segments[middle]);
    let error = Shard::open(disk.storage(), &dir(), small_segments())
        .err()
        .expect("a hole in the log stops recovery");
    assert!(
        matches!(&error, Error::Corrupt { path, offset: 0, .. } if *path == segments[middle + 1]),
        "{error}"
    );
}

/// A record can pass its checksum and still not fit the state (a bug that wrote it, or a segment
/// from another log): recovery reports it with file and offset instead of applying it.
#[test]
fn a_checksummed_batch_that_does_not_fit_the_state_is_corruption() {
    use aorta_engine::codec::encode_batch;
    use aorta_engine::wal::record::RecordKind;
    use aorta_engine::wal::{Wal, WalOptions};
    use aorta_engine::{Change, CommittedBatch, ResourceId};

    let disk = SimDisk::new();
    let ends = log_with_three_records(&disk);
    let mut wal = Wal::open(
        disk.storage(),
        &dir(),
        WalOptions::new(0, 1 << 20),
        &mut |_| Ok(()),
    )
    .unwrap();
    let mut payload = Vec::new();
    encode_batch(
        &CommittedBatch {
            position: 4,
            commit_time_ms: 0,
            changes: vec![Change::Deleted {
                id: ResourceId::new(1, 0, 99, 0),
                namespace: "/ns".into(),
                name: "never-existed".into(),
            }],
        },
        &mut payload,
    );
    wal.append(RecordKind::Batch, 4, &payload).unwrap();
    wal.flush().unwrap();
    drop(wal);
    match open(&disk) {
        Err(Error::Corrupt { offset, reason, .. }) => {
            // The offset of the record, inside the group that begins at ends[3].
            assert_eq!(offset, ends[3] + GROUP_HEADER_BYTES as u64);
            assert!(reason.contains("never-existed"), "{reason}");
        }
        Err(other) => panic!("expected Corrupt, got {other}"),
        Ok(_) => panic!("an inconsistent batch was applied"),
    }
}
