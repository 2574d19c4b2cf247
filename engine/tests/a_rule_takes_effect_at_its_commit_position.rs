//! A rule applies exactly from its commit position: on the shard that owns the policy namespace,
//! to every batch after it in that shard's order — within the same commit group too — and to none
//! before it; on every other shard, to every batch submitted after the rule was acknowledged.

mod filters_common;

use std::time::{Duration, Instant};

use aorta_engine::limits::WAL_SEGMENT_BYTES_MIN;
use aorta_engine::storage::sim::SimDisk;
use aorta_engine::wal::Preallocation;
use aorta_engine::{Batch, Engine, EngineConfig, Error, Principal};
use filters_common::*;

fn allow_alice() -> Batch {
    Batch::single(rule(
        "alice-apps",
        "allow",
        "principal:alice",
        "/apps",
        &["*"],
        &["*"],
    ))
}

#[test]
fn on_the_policy_shard_a_rule_applies_from_the_next_position() {
    let dir = tempfile::tempdir().unwrap();
    let engine = open(dir.path(), 1);
    let alice = principal("alice");
    rejection(engine.commit_as(&alice, Batch::single(put("/apps", "a", "t"))));
    let granted = engine.commit(allow_alice()).unwrap().position;
    let written = engine
        .commit_as(&alice, Batch::single(put("/apps", "a", "t")))
        .unwrap()
        .position;
    assert_eq!(written, granted + 1);
    let revoked = engine.commit(delete_policy("alice-apps")).unwrap().position;
    rejection(engine.commit_as(&alice, Batch::single(put("/apps", "b", "t"))));
    assert_eq!(engine.positions().unwrap(), vec![revoked]);
}

fn wait_until_queued(engine: &Engine, requests: usize) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while engine.shard_health()[0].queued_requests != requests {
        assert!(Instant::now() < deadline, "the shard never took its group");
        std::thread::sleep(Duration::from_millis(1));
    }
}

/// Five batches in one commit group: the rule's grant and its revocation apply to exactly the
/// batches between them, though the whole group is synced at once.
#[test]
fn within_one_group_a_rule_applies_to_exactly_the_batches_after_it() {
    let disk = SimDisk::new();
    let make = {
        let disk = disk.clone();
        move || Ok(disk.storage())
    };
    let mut config = EngineConfig::new("/data").with_shards(1);
    config.wal_preallocation = Preallocation::Inline;
    config.segment_bytes_max = WAL_SEGMENT_BYTES_MIN;
    config.pin_shards_to_cpus = Some(false);
    let engine = Engine::open_with(config, make).unwrap();
    let alice = principal("alice");

    let stall = disk.stall();
    let first = engine
        .submit(Batch::single(put("/other", "first", "t")))
        .unwrap();
    wait_until_queued(&engine, 0);
    let group = vec![
        engine.submit_as(&alice, Batch::single(put("/apps", "before", "t"))),
        engine.submit_as(&Principal::Root, allow_alice()),
        engine.submit_as(&alice, Batch::single(put("/apps", "between", "t"))),
        engine.submit_as(&Principal::Root, delete_policy("alice-apps")),
        engine.submit_as(&alice, Batch::single(put("/apps", "after", "t"))),
    ];
    let queued = engine.shard_health()[0].queued_requests;
    drop(stall);

    assert_eq!(
        queued, 5,
        "the five batches wait together for the next group"
    );
    first.wait().unwrap().unwrap();
    let answers: Vec<Result<_, Error>> = group
        .into_iter()
        .map(|pending| pending.unwrap().wait().unwrap())
        .collect();
    let positions: Vec<Option<u64>> = answers
        .iter()
        .map(|a| a.as_ref().ok().map(|r| r.position))
        .collect();
    assert_eq!(
        positions,
        vec![None, Some(2), Some(3), Some(4), None],
        "{answers:?}"
    );
    for (answer, filter) in [(&answers[0], "permission"), (&answers[4], "permission")] {
        assert!(
            matches!(answer, Err(Error::Rejected { filter: f, .. }) if *f == filter),
            "{answer:?}"
        );
    }
    assert!(engine.get("/apps", "before").unwrap().is_none());
    assert!(engine.get("/apps", "between").unwrap().is_some());
    assert!(engine.get("/apps", "after").unwrap().is_none());
}

#[test]
fn on_other_shards_a_rule_applies_once_acknowledged() {
    let dir = tempfile::tempdir().unwrap();
    let engine = open(dir.path(), 4);
    let alice = principal("alice");
    let policy_shard = engine.shard_for("/system/policy");
    let namespaces: Vec<String> = (0..64)
        .map(|i| format!("/apps/n{i}"))
        .filter(|ns| engine.shard_for(ns) != policy_shard)
        .collect();
    assert!(namespaces.len() > 3);
    for (round, ns) in namespaces.iter().enumerate() {
        rejection(engine.commit_as(&alice, Batch::single(put(ns, "x", "t"))));
        engine.commit(allow_alice()).unwrap();
        engine
            .commit_as(&alice, Batch::single(put(ns, "x", "t")))
            .unwrap_or_else(|e| panic!("round {round}, {ns}: {e}"));
        engine.commit(delete_policy("alice-apps")).unwrap();
        rejection(engine.commit_as(&alice, Batch::single(put(ns, "y", "t"))));
    }
}
