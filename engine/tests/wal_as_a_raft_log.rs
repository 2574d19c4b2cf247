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
