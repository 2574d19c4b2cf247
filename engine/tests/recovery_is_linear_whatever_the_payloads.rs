//! Recovery reads the log by its framing only: a payload that embeds valid-looking group headers,
//! record frames and segment headers costs exactly what a plain payload of the same size costs, and
//! a torn tail after such payloads is still cut, never taken for corruption.
//!
//! The cost is asserted as work counted by the scan (headers read, records decoded, bytes
//! checksummed), which is deterministic; the wall-clock times are printed beside it, not asserted
//! (timings belong in benchmarks).

use std::path::PathBuf;
use std::time::Instant;

use aorta_engine::storage::sim::{SimDisk, Tear};
use aorta_engine::wal::group::{seal, GROUP_HEADER_BYTES};
use aorta_engine::wal::record::{encode, RecordKind};
use aorta_engine::wal::scan::ScanWork;
use aorta_engine::wal::segment::{encode_header, SegmentHeader};
use aorta_engine::wal::{FailStop, Wal, WalOptions};

const RECORDS: u64 = 4_000;
const PAYLOAD_BYTES: usize = 2_000;
const RECORDS_PER_GROUP: u64 = 8;

fn dir() -> PathBuf {
    PathBuf::from("/log")
}

/// A payload made only of valid frames: sealed groups naming the segment and positions just above
/// the record's own, record frames, and segment headers, cut to `PAYLOAD_BYTES`.
fn adversarial_payload(position: u64) -> Vec<u8> {
    let mut payload = Vec::with_capacity(PAYLOAD_BYTES + 512);
    let mut next = position + 1;
    while payload.len() < PAYLOAD_BYTES {
        let mut group = vec![0u8; GROUP_HEADER_BYTES];
        encode(RecordKind::Batch, next, &[0xAB; 40], &mut group);
        seal(&mut group, 1, next, next, 1);
        payload.extend_from_slice(&group);
        encode(RecordKind::Metadata, next + 1, b"vote", &mut payload);
        payload.extend_from_slice(&encode_header(&SegmentHeader {
            shard: 0,
            first_position: next + 1,
            previous_last_position: next,
        }));
        next += 2;
    }
    payload.truncate(PAYLOAD_BYTES);
    payload
}

fn plain_payload(position: u64) -> Vec<u8> {
    vec![(position % 251) as u8 | 1; PAYLOAD_BYTES]
}

/// Writes the log, cuts the power (tearing the last write in half if asked), and recovers it:
/// returns what recovery did, how long it took, and how many records it replayed.
fn recover(payload: fn(u64) -> Vec<u8>, tear_last: bool) -> (ScanWork, f64, u64) {
    let disk = SimDisk::new();
    let options = WalOptions {
        fail_stop: FailStop::Panic,
        ..WalOptions::new(0, 64 * 1024 * 1024)
    };
    let mut wal = Wal::open(disk.storage(), &dir(), options.clone(), &mut |_| Ok(())).unwrap();
    for position in 1..=RECORDS {
        wal.append(RecordKind::Batch, position, &payload(position))
            .unwrap();
        if position % RECORDS_PER_GROUP == 0 {
            wal.flush().unwrap();
        }
    }
    let tear = if tear_last {
        // One more group is written but its sync never happens: half of it reaches the disk. With
        // the power off the log cannot cut it and stops, as the process would die.
        for position in RECORDS + 1..=RECORDS + RECORDS_PER_GROUP {
            wal.append(RecordKind::Batch, position, &payload(position))
                .unwrap();
        }
        disk.power_off_after(1);
        let stopped = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| wal.flush()));
        assert!(
            stopped.is_err(),
            "the log stops when it cannot cut a failed write"
        );
        Tear::KeepPrefix(disk.last_unsynced_write_len().unwrap() / 2)
    } else {
        wal.flush().unwrap();
        Tear::DropUnsynced
    };
    drop(wal);
    disk.power_cut(tear);
    let mut replayed = 0;
    let started = Instant::now();
    let wal = Wal::open(disk.storage(), &dir(), options, &mut |_| {
        replayed += 1;
        Ok(())
    })
    .unwrap_or_else(|e| panic!("recovery failed: {e}"));
    let seconds = started.elapsed().as_secs_f64();
    (wal.recovery_work(), seconds, replayed)
}

#[test]
fn payloads_that_embed_valid_frames_cost_what_plain_payloads_cost() {
    let (plain, plain_s, plain_n) = recover(plain_payload, false);
    let (adversarial, adversarial_s, adversarial_n) = recover(adversarial_payload, false);
    println!(
        "recovery of {RECORDS} records of {PAYLOAD_BYTES} bytes: plain {:.1} ms, adversarial {:.1} ms ({:.2}x); work {plain:?} vs {adversarial:?}",
        plain_s * 1e3,
        adversarial_s * 1e3,
        adversarial_s / plain_s
    );
    assert_eq!((plain_n, adversarial_n), (RECORDS, RECORDS));
    assert_eq!(
        plain, adversarial,
        "recovery's work depends on the payloads' content"
    );
    assert_eq!(plain.headers_read, RECORDS / RECORDS_PER_GROUP);
    assert_eq!(plain.bytes_zero_checked, 0);
}

#[test]
fn a_torn_tail_after_payloads_that_embed_valid_frames_is_still_cut() {
    let (plain, _, plain_n) = recover(plain_payload, true);
    let (adversarial, _, adversarial_n) = recover(adversarial_payload, true);
    // Every group but the torn last one is replayed, whatever the payloads hold.
    assert_eq!(plain_n, RECORDS);
    assert_eq!(adversarial_n, RECORDS);
    assert_eq!(plain, adversarial);
}
