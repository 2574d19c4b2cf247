//! A batch that conflicts with an earlier batch of its own group is decided against a state that
//! exists only if that group becomes durable. When the group's sync fails, the conflict described a
//! state that never existed, so it is answered `LogFailed`, like the batch it conflicted with. A
//! conflict with durable state stays a `Conflict` whatever happens to the group.

use std::path::PathBuf;

use aorta_engine::shard::{Shard, ShardOptions};
use aorta_engine::storage::sim::{OpKind, SimDisk, SimStorage, Tear};
use aorta_engine::wal::FailStop;
use aorta_engine::{
    Batch, Command, CommitReceipt, ConflictReason, Error, ResourceSpec, ValidBatch,
};

fn dir() -> PathBuf {
    PathBuf::from("/data/wal")
}

fn open(disk: &SimDisk) -> Shard<SimStorage> {
    let options = ShardOptions {
        fail_stop: FailStop::Panic,
        ..ShardOptions::new(0, 1, 1 << 20)
    };
    Shard::open(disk.storage(), &dir(), options).expect("shard opens")
}

fn valid(command: Command) -> ValidBatch {
    Batch::single(command).validate().unwrap()
}

fn create(name: &str, data: &str) -> ValidBatch {
    valid(Command::create(
        ResourceSpec::new("/ns", name, "t").with_data(data.as_bytes()),
    ))
}

fn is_log_failed(answer: &aorta_engine::Result<CommitReceipt>) -> bool {
    matches!(answer, Err(Error::LogFailed { .. }))
}

/// Reopens (after a power cut or not) and checks that `/ns/k` is absent or holds the first
/// batch's create, the same on a second reopen, and that the reopened shard decides on it
/// accordingly.
fn assert_k_consistent_after_reopen(disk: &SimDisk, power_cut: bool) {
    if power_cut {
        disk.power_cut(Tear::DropUnsynced);
    }
    let shard = open(disk);
    let k = shard.get("/ns/k");
    if let Some(k) = &k {
        assert_eq!(
            k.data, b"first",
            "only the first create could have been logged"
        );
        assert_eq!(k.revision, shard.position());
    }
    drop(shard);
    let mut shard = open(disk);
    assert_eq!(shard.get("/ns/k"), k, "a second reopen disagrees");
    let answer = shard.commit_group(vec![create("k", "again")], 3).remove(0);
    match (&k, &answer) {
        (None, Ok(_)) => assert_eq!(shard.get("/ns/k").unwrap().data, b"again"),
        (Some(k), Err(Error::Conflict { reason, .. })) => assert_eq!(
            *reason,
            ConflictReason::AlreadyExists {
                revision: k.revision
            }
        ),
        _ => panic!("k after reopen is {k:?}, but a create of it answered {answer:?}"),
    }
}

#[test]
fn a_conflict_with_an_earlier_batch_of_a_failed_group_answers_log_failed() {
    for power_cut in [false, true] {
        let disk = SimDisk::new();
        let mut shard = open(&disk);
        disk.fail_nth(OpKind::Sync, 0, libc::EIO);
        let answers = shard.commit_group(vec![create("k", "first"), create("k", "second")], 1);
        assert!(
            answers.iter().all(is_log_failed),
            "power cut {power_cut}: {answers:?}"
        );
        assert!(shard.get("/ns/k").is_none(), "a failed group was applied");
        drop(shard);
        assert_k_consistent_after_reopen(&disk, power_cut);
    }
}

#[test]
fn a_not_found_after_an_earlier_delete_of_a_failed_group_answers_log_failed() {
    let disk = SimDisk::new();
    let mut shard = open(&disk);
    assert!(shard.commit_group(vec![create("k", "first")], 1)[0].is_ok());
    disk.fail_nth(OpKind::Sync, 0, libc::EIO);
    let update = valid(Command::update(ResourceSpec::new("/ns", "k", "t"), None));
    let answers = shard.commit_group(vec![valid(Command::delete("/ns", "k", None)), update], 2);
    assert!(answers.iter().all(is_log_failed), "{answers:?}");
    assert_eq!(shard.get("/ns/k").unwrap().data, b"first");
    drop(shard);
    disk.power_cut(Tear::DropUnsynced);
    let shard = open(&disk);
    assert_eq!(shard.get("/ns/k").unwrap().data, b"first");
}

#[test]
fn a_conflict_with_durable_state_stays_a_conflict_when_the_group_fails() {
    let disk = SimDisk::new();
    let mut shard = open(&disk);
    let receipt = shard
        .commit_group(vec![create("k", "first")], 1)
        .remove(0)
        .unwrap();
    disk.fail_nth(OpKind::Sync, 0, libc::EIO);
    let answers = shard.commit_group(vec![create("k", "second"), create("j", "j")], 2);
    match &answers[0] {
        Err(Error::Conflict { key, reason, .. }) => {
            assert_eq!(key, "/ns/k");
            assert_eq!(
                *reason,
                ConflictReason::AlreadyExists {
                    revision: receipt.position
                }
            );
        }
        other => panic!("a conflict with durable state answered {other:?}"),
    }
    assert!(is_log_failed(&answers[1]), "{:?}", answers[1]);
    drop(shard);
    disk.power_cut(Tear::DropUnsynced);
    let shard = open(&disk);
    assert_eq!(shard.get("/ns/k").unwrap().data, b"first");
    assert_eq!(shard.get("/ns/k").unwrap().revision, receipt.position);
    assert!(shard.get("/ns/j").is_none());
}
