//! A table is written back to the device step by step while it is written (`Storage::write_behind`,
//! so that a big flush never queues ahead of the log's fdatasync). When such a step's writeback
//! fails, Linux reports the error to that one wait and marks the pages clean, so the table's final
//! fdatasync could succeed without them: the flush must fail instead, the shard must refuse writes
//! from then on with the tables' failure as the cause, and every acknowledged write must still be
//! there after a power cut and a reopen (the log kept them; the failed table is not used).

use std::path::PathBuf;

use aorta_engine::shard::{Shard, ShardOptions};
use aorta_engine::storage::sim::{OpKind, SimDisk, SimStorage, Tear};
use aorta_engine::{Batch, Command, Error, ResourceSpec, ValidBatch};

/// Big enough that a flushed memtable makes a table of several write steps (1 MiB each).
const MEMTABLE_BYTES: u64 = 3 << 20;
const VALUE_BYTES: usize = 4096;

fn options() -> ShardOptions {
    ShardOptions {
        memtable_bytes_max: MEMTABLE_BYTES,
        ..ShardOptions::new(0, 1, 64 << 20)
    }
}

fn dir() -> PathBuf {
    PathBuf::from("/data/wal")
}

fn open(disk: &SimDisk) -> Shard<SimStorage> {
    Shard::open(disk.storage(), &dir(), options()).expect("shard opens")
}

/// A value that differs per key and per byte, so no two keys' data are alike.
fn value(i: u64) -> Vec<u8> {
    (0..VALUE_BYTES)
        .map(|b| (i.wrapping_mul(31) as usize + b * 7) as u8)
        .collect()
}

fn put(i: u64) -> ValidBatch {
    Batch::single(Command::put(
        ResourceSpec::new("/ns", &format!("k{i:06}"), "t").with_data(value(i)),
        None,
    ))
    .validate()
    .unwrap()
}

/// Every one of the first `acknowledged` writes reads back with its value.
fn assert_every_write_readable(shard: &Shard<SimStorage>, acknowledged: u64) {
    for i in 0..acknowledged {
        let name = format!("/ns/k{i:06}");
        let found = shard.get(&name);
        assert_eq!(
            found.map(|resource| resource.data),
            Some(value(i)),
            "acknowledged write {name} lost"
        );
    }
}

#[test]
fn a_failed_table_writeback_fails_the_tables_and_loses_no_acknowledged_write() {
    let disk = SimDisk::new();
    let mut shard = open(&disk);
    disk.fail_nth(OpKind::WriteBehind, 0, libc::EIO);

    // Writes until the tables fail: the memtable fills, its flush writes the table in steps and
    // the first step's writeback fails.
    let mut acknowledged = 0u64;
    let refusal = loop {
        assert!(
            acknowledged < 4 * MEMTABLE_BYTES / VALUE_BYTES as u64,
            "no flush failed after {acknowledged} writes"
        );
        let answer = shard
            .commit_group(vec![put(acknowledged)], acknowledged + 1)
            .remove(0);
        match answer {
            Ok(_) => acknowledged += 1,
            Err(error) => break error,
        }
    };
    match &refusal {
        Error::LogFailed { cause, .. } => assert!(
            cause.contains("tables failed") && cause.contains("writing back"),
            "the refusal names the failed writeback: {cause}"
        ),
        other => panic!("expected the tables' failure, got {other:?}"),
    }
    // (The memtable counts its own overhead too, so it fills before the values alone do.)
    assert!(
        acknowledged * VALUE_BYTES as u64 >= MEMTABLE_BYTES / 2,
        "the refusal came with the first flush, not before: after {acknowledged} writes"
    );
    // Refused from then on, though the disk works again.
    let later = shard.commit_group(vec![put(1_000_000)], acknowledged + 2);
    assert!(
        matches!(later[0], Err(Error::LogFailed { .. })),
        "{later:?}"
    );
    // Reads keep serving every acknowledged write.
    assert_every_write_readable(&shard, acknowledged);
    drop(shard);

    // A power cut loses whatever was not synced; every acknowledged write comes back.
    disk.power_cut(Tear::DropUnsynced);
    let mut shard = open(&disk);
    assert_every_write_readable(&shard, acknowledged);
    assert!(
        shard.get("/ns/k1000000").is_none(),
        "a refused write survived"
    );
    let again = shard.commit_group(vec![put(2_000_000)], acknowledged + 3);
    assert!(
        again[0].is_ok(),
        "the reopened shard takes writes: {again:?}"
    );
}
