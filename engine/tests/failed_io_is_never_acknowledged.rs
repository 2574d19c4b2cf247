//! A failed fsync, a failed write (EIO) or a full disk (ENOSPC): the writes it covered fail and are
//! never acknowledged, nothing after them is acknowledged either (the log refuses writes until it is
//! reopened), reads keep serving the acknowledged state, and a reopen recovers.

mod common;

use std::path::PathBuf;

use aorta_engine::engine::{Engine, EngineConfig};
use aorta_engine::limits::WAL_SEGMENT_BYTES_MIN;
use aorta_engine::shard::{Shard, ShardOptions};
use aorta_engine::storage::sim::{OpKind, SimDisk, SimStorage, Tear};
use aorta_engine::wal::Preallocation;
use aorta_engine::{Batch, Command, Error, ResourceSpec, ValidBatch};

fn options() -> ShardOptions {
    ShardOptions::new(0, 1, 1 << 20)
}

fn dir() -> PathBuf {
    PathBuf::from("/data/wal")
}

fn put(name: &str, data: &str) -> ValidBatch {
    Batch::single(Command::put(
        ResourceSpec::new("/ns", name, "t").with_data(data.as_bytes()),
        None,
    ))
    .validate()
    .unwrap()
}

fn open(disk: &SimDisk) -> Shard<SimStorage> {
    Shard::open(disk.storage(), &dir(), options()).expect("shard opens")
}

fn assert_log_failed(answers: &[aorta_engine::Result<aorta_engine::CommitReceipt>]) {
    for answer in answers {
        assert!(
            matches!(answer, Err(Error::LogFailed { .. })),
            "expected LogFailed, got {answer:?}"
        );
    }
}

/// Runs the scenario shared by every fault: one acknowledged group, then `inject` arms a fault, then
/// a group that must fail whole and a later group that must fail too.
fn fault_scenario(inject: impl FnOnce(&SimDisk)) -> SimDisk {
    let disk = SimDisk::new();
    let mut shard = open(&disk);
    let acked = shard.commit_group(vec![put("a", "1"), put("b", "1")], 1);
    assert!(acked.iter().all(Result::is_ok));

    inject(&disk);
    let failed = shard.commit_group(vec![put("a", "2"), put("c", "2")], 2);
    assert_log_failed(&failed);
    // The log is failed: later writes are refused even though the disk works again.
    disk.set_capacity(None);
    let later = shard.commit_group(vec![put("d", "3")], 3);
    assert_log_failed(&later);
    assert!(shard.wal_mut().failure().is_some());

    // Reads keep serving the acknowledged state and show nothing of the failed groups.
    assert_eq!(shard.get("/ns/a").unwrap().data, b"1");
    assert!(shard.get("/ns/c").is_none());
    assert!(shard.get("/ns/d").is_none());
    disk
}

fn recovers_after_power_cut(disk: &SimDisk) {
    disk.power_cut(Tear::DropUnsynced);
    let mut shard = open(disk);
    assert_eq!(
        shard.get("/ns/a").unwrap().data,
        b"1",
        "acknowledged write lost"
    );
    assert!(shard.get("/ns/b").is_some(), "acknowledged write lost");
    assert!(
        shard.get("/ns/c").is_none(),
        "a write whose sync failed survived a power cut"
    );
    assert!(shard.get("/ns/d").is_none());
    let again = shard.commit_group(vec![put("e", "4")], 4);
    assert!(again[0].is_ok(), "the reopened log takes writes: {again:?}");
}

#[test]
fn a_failed_fsync_fails_the_group_and_the_log() {
    let disk = fault_scenario(|disk| disk.fail_nth(OpKind::Sync, 0, libc::EIO));
    recovers_after_power_cut(&disk);
}

#[test]
fn a_failed_write_fails_the_group_and_the_log() {
    let disk = fault_scenario(|disk| disk.fail_nth(OpKind::Write, 0, libc::EIO));
    recovers_after_power_cut(&disk);
}

#[test]
fn a_full_disk_fails_the_group_and_the_log() {
    let disk = fault_scenario(|disk| disk.set_capacity(Some(disk.used_bytes() + 10)));
    recovers_after_power_cut(&disk);
}

#[test]
fn a_failed_fsync_is_not_retried_as_if_the_data_were_safe() {
    let disk = SimDisk::new();
    let mut shard = open(&disk);
    disk.fail_nth(OpKind::Sync, 0, libc::EIO);
    assert_log_failed(&shard.commit_group(vec![put("a", "1")], 1));
    let syncs_before = disk.io_points();
    assert_log_failed(&shard.commit_group(vec![put("b", "1")], 2));
    assert_eq!(
        disk.io_points(),
        syncs_before,
        "a failed log must not write or sync again"
    );
    // Reopened without a power cut, the page cache may still hold the failed write: it may come back
    // (it was never acknowledged, so either outcome is allowed), but the reopened log is whole.
    drop(shard);
    let mut shard = open(&disk);
    assert!(shard.commit_group(vec![put("c", "1")], 3)[0].is_ok());
}

/// Linux marks pages clean after a writeback error, so a failed write may read back fine and still
/// never reach the disk (the simulated disk does the same). Reopening must not replay it, or later
/// acknowledged records would follow a hole that a power cut reveals.
#[test]
fn a_write_whose_fsync_failed_is_never_replayed() {
    let disk = SimDisk::new();
    let mut shard = open(&disk);
    assert!(shard.commit_group(vec![put("a", "1")], 1)[0].is_ok());
    disk.fail_nth(OpKind::Sync, 0, libc::EIO);
    assert_log_failed(&shard.commit_group(vec![put("lost", "2")], 2));
    drop(shard);

    // Reopen without a power cut: the failed write is not there.
    let mut shard = open(&disk);
    assert!(
        shard.get("/ns/lost").is_none(),
        "a write whose fsync failed was replayed"
    );
    let acked = shard
        .commit_group(vec![put("b", "3")], 3)
        .remove(0)
        .unwrap();
    drop(shard);

    // And a power cut afterwards finds a whole log with every acknowledged write.
    disk.power_cut(Tear::DropUnsynced);
    let shard = Shard::open(disk.storage(), &dir(), options()).expect("no hole in the log");
    assert_eq!(shard.get("/ns/a").unwrap().data, b"1");
    assert_eq!(shard.get("/ns/b").unwrap().revision, acked.position);
    assert!(shard.get("/ns/lost").is_none());
}

#[test]
fn the_engine_reports_a_failed_log_to_every_writer_until_reopened() {
    let disk = SimDisk::new();
    let make = {
        let disk = disk.clone();
        move || Ok(disk.storage())
    };
    let mut config = EngineConfig::new("/data").with_shards(1);
    // Spares made on the shard's own thread (small ones): the simulated disk's IO points, which the
    // test's faults count, stay in one deterministic order.
    config.wal_preallocation = Preallocation::Inline;
    config.segment_bytes_max = WAL_SEGMENT_BYTES_MIN;
    let engine = Engine::open_with(config.clone(), make.clone()).unwrap();
    let spec = |name: &str| ResourceSpec::new("/ns", name, "t");
    engine
        .commit(Batch::single(Command::create(spec("ok"))))
        .unwrap();

    disk.fail_nth(OpKind::Sync, 0, libc::EIO);
    let failed = engine.commit(Batch::single(Command::create(spec("lost"))));
    assert!(matches!(failed, Err(Error::LogFailed { .. })), "{failed:?}");
    let later = engine.commit(Batch::single(Command::create(spec("later"))));
    assert!(matches!(later, Err(Error::LogFailed { .. })), "{later:?}");
    assert!(engine.get("/ns", "ok").unwrap().is_some());
    engine.close();

    disk.power_cut(Tear::DropUnsynced);
    let engine = Engine::open_with(config, make).unwrap();
    assert!(engine.get("/ns", "ok").unwrap().is_some());
    assert!(engine.get("/ns", "lost").unwrap().is_none());
    assert!(engine.get("/ns", "later").unwrap().is_none());
    engine
        .commit(Batch::single(Command::create(spec("after"))))
        .unwrap();
}
