//! Segments made ahead of time (`wal/spare.rs`): the log rolls onto a full-size, zero-filled spare,
//! keeps the zero tail of its active segment across restarts, cuts a closed segment to its last
//! group, keeps a whole spare across a restart and removes a partial one, and goes on without a
//! spare when one cannot be made.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use aorta_engine::storage::sim::{SimDisk, SimStorage, Tear};
use aorta_engine::storage::Storage;
use aorta_engine::wal::record::RecordKind;
use aorta_engine::wal::spare::{SPARE_FILE, SPARE_TMP_FILE};
use aorta_engine::wal::{Preallocation, Wal, WalOptions};

const SEGMENT_BYTES: u64 = 64 * 1024;

fn dir() -> PathBuf {
    PathBuf::from("/log")
}

fn open(disk: &SimDisk, preallocation: Preallocation) -> (Wal<SimStorage>, Vec<u64>) {
    let mut seen = Vec::new();
    let wal = Wal::open(
        disk.storage(),
        &dir(),
        WalOptions {
            preallocation,
            ..WalOptions::new(0, SEGMENT_BYTES)
        },
        &mut |r| {
            seen.push(r.position);
            Ok(())
        },
    )
    .unwrap();
    (wal, seen)
}

/// Appends `count` records of `len` bytes after the log's last position, one flush per `per_flush`.
fn write(wal: &mut Wal<SimStorage>, count: u64, len: usize, per_flush: u64) {
    let first = wal.appended_position() + 1;
    for position in first..first + count {
        wal.append(RecordKind::Batch, position, &vec![position as u8; len])
            .unwrap();
        if (position - first + 1) % per_flush == 0 {
            wal.flush().unwrap();
        }
    }
    wal.flush().unwrap();
}

fn segments(disk: &SimDisk) -> Vec<(PathBuf, u64)> {
    disk.files()
        .into_iter()
        .filter(|f| f.extension().is_some_and(|e| e == "wal"))
        .map(|f| {
            let len = disk.file_len(&f).unwrap();
            (f, len)
        })
        .collect()
}

fn spare(disk: &SimDisk) -> Option<u64> {
    disk.file_len(&dir().join(SPARE_FILE))
}

#[test]
fn the_active_segment_is_full_size_and_keeps_its_zero_tail_across_restarts() {
    let disk = SimDisk::new();
    let (mut wal, _) = open(&disk, Preallocation::Inline);
    assert_eq!(spare(&disk), Some(SEGMENT_BYTES), "a spare is made at open");
    write(&mut wal, 20, 100, 4);
    // The first flush replaced the empty appended segment by the spare; a new spare was made.
    let active = segments(&disk);
    assert_eq!(active.len(), 1, "{active:?}");
    assert_eq!(
        active[0].1, SEGMENT_BYTES,
        "the active segment is full size"
    );
    assert_eq!(spare(&disk), Some(SEGMENT_BYTES));
    drop(wal);
    disk.power_cut(Tear::DropUnsynced);
    let (mut wal, seen) = open(&disk, Preallocation::Inline);
    assert_eq!(seen, (1..=20).collect::<Vec<_>>());
    assert_eq!(
        segments(&disk)[0].1,
        SEGMENT_BYTES,
        "recovery did not cut the zero tail of a full-size segment"
    );
    write(&mut wal, 5, 100, 1);
    drop(wal);
    disk.power_cut(Tear::DropUnsynced);
    let (_, seen) = open(&disk, Preallocation::Inline);
    assert_eq!(seen, (1..=25).collect::<Vec<_>>());
}

#[test]
fn a_closed_segment_ends_at_its_last_group() {
    let disk = SimDisk::new();
    let (mut wal, _) = open(&disk, Preallocation::Inline);
    write(&mut wal, 400, 1000, 5);
    let all = segments(&disk);
    assert!(all.len() >= 4, "several roll-overs: {all:?}");
    let (closed, active) = all.split_at(all.len() - 1);
    for (path, len) in closed {
        assert!(
            *len < SEGMENT_BYTES && len % 64 == 0,
            "{}: a closed segment of {len} bytes",
            path.display()
        );
    }
    assert_eq!(active[0].1, SEGMENT_BYTES);
    drop(wal);
    disk.power_cut(Tear::DropUnsynced);
    let (_, seen) = open(&disk, Preallocation::Inline);
    assert_eq!(seen, (1..=400).collect::<Vec<_>>());
}

#[test]
fn the_helper_thread_makes_the_spares_the_log_rolls_onto() {
    let disk = SimDisk::new();
    let (mut wal, _) = open(&disk, Preallocation::Background);
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut rolled_onto_spares = 0;
    let mut position = 0;
    while rolled_onto_spares < 3 {
        assert!(
            Instant::now() < deadline,
            "the helper made no spare in time"
        );
        if spare(&disk) != Some(SEGMENT_BYTES) {
            std::thread::sleep(Duration::from_millis(1));
            continue;
        }
        let before = segments(&disk).len();
        // Enough to fill the active segment: the next flush rolls over, onto the ready spare.
        let per_segment = SEGMENT_BYTES / 1000 + 1;
        write(&mut wal, per_segment, 1000, 4);
        position += per_segment;
        let after = segments(&disk);
        if after.len() > before && after.last().unwrap().1 == SEGMENT_BYTES {
            rolled_onto_spares += 1;
        }
    }
    drop(wal);
    disk.power_cut(Tear::DropUnsynced);
    let (_, seen) = open(&disk, Preallocation::Off);
    assert_eq!(seen, (1..=position).collect::<Vec<_>>());
}

/// IO points an open takes (the log is closed before and after).
fn open_cost(disk: &SimDisk) -> u64 {
    let before = disk.io_points();
    let (wal, _) = open(disk, Preallocation::Inline);
    drop(wal);
    disk.io_points() - before
}

#[test]
fn a_whole_spare_is_kept_across_a_restart_and_a_partial_one_removed() {
    let disk = SimDisk::new();
    let (mut wal, _) = open(&disk, Preallocation::Inline);
    write(&mut wal, 10, 100, 2);
    drop(wal);
    disk.power_cut(Tear::DropUnsynced);
    assert_eq!(spare(&disk), Some(SEGMENT_BYTES), "the spare was synced");
    let adopting = open_cost(&disk);
    // A spare of another size (the segment size changed) and one being made are removed.
    disk.delete(&dir().join(SPARE_FILE));
    let mut storage = disk.storage();
    for (name, len) in [(SPARE_FILE, 4096u64), (SPARE_TMP_FILE, 8192)] {
        let file = storage.open(&dir().join(name), true).unwrap();
        storage
            .write_and_sync(file, 0, &vec![0; len as usize])
            .unwrap();
        storage.close(file);
    }
    storage.sync_dir(&dir()).unwrap();
    drop(storage);
    let remaking = open_cost(&disk);
    assert!(
        remaking > adopting,
        "an open with a whole spare makes no new one ({adopting} IO points), one without does \
         ({remaking})"
    );
    assert_eq!(spare(&disk), Some(SEGMENT_BYTES));
    assert_eq!(disk.file_len(&dir().join(SPARE_TMP_FILE)), None);
    let (_, seen) = open(&disk, Preallocation::Inline);
    assert_eq!(seen, (1..=10).collect::<Vec<_>>());
}

#[test]
fn a_spare_that_cannot_be_made_leaves_the_log_appending() {
    let disk = SimDisk::new();
    // Room for the log's own bytes, not for a spare.
    disk.set_capacity(Some(SEGMENT_BYTES / 2));
    let (mut wal, _) = open(&disk, Preallocation::Inline);
    assert_ne!(spare(&disk), Some(SEGMENT_BYTES));
    write(&mut wal, 20, 200, 3);
    assert!(wal.failure().is_none());
    let active = segments(&disk);
    assert!(
        active[0].1 < SEGMENT_BYTES,
        "the segment grows by appends: {active:?}"
    );
    drop(wal);
    disk.power_cut(Tear::DropUnsynced);
    disk.set_capacity(None);
    let (_, seen) = open(&disk, Preallocation::Inline);
    assert_eq!(seen, (1..=20).collect::<Vec<_>>());
}
