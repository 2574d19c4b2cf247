//! Back-pressure: a shard's queue is bounded. While the shard is stuck in an IO, `submit` beyond the
//! queue's capacity answers `Overloaded` at once and writes nothing; `commit` waits for room instead;
//! everything accepted completes once the disk moves again.
//!
//! Regression (3 failures in 30 release runs): the test used to submit at once after stalling the
//! disk and assumed the shard had taken exactly the first request into its stuck group. When the shard
//! thread woke late it took two, or took its group only after some submits were refused and then
//! accepted more, so up to 4 were accepted and the bound of 3 failed. That assertion panicked while
//! the test held the disk's stall guard (a lock), poisoning the simulated disk, so the shard thread
//! then panicked in `storage/sim.rs` too: a consequence, not the cause. Now the test waits until the
//! shard has taken the first request (its queue is empty again) before filling the queue, so what is
//! accepted no longer depends on how the shard groups requests, and it releases the stall before any
//! assertion can fail.

use std::time::{Duration, Instant};

use aorta_engine::engine::ShardHealth;
use aorta_engine::limits::WAL_SEGMENT_BYTES_MIN;
use aorta_engine::storage::sim::SimDisk;
use aorta_engine::sync::Budget;
use aorta_engine::wal::Preallocation;
use aorta_engine::{Batch, Command, Engine, EngineConfig, Error, ResourceSpec};

fn put(name: &str) -> Batch {
    Batch::single(Command::put(ResourceSpec::new("/ns", name, "t"), None))
}

fn health(engine: &Engine) -> ShardHealth {
    engine.shard_health().remove(0)
}

/// Waits until the shard's queue holds `requests` (the shard took the rest into its group).
fn wait_until_queued(engine: &Engine, requests: usize) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while health(engine).queued_requests != requests {
        assert!(Instant::now() < deadline, "the shard never took its group");
        std::thread::sleep(Duration::from_millis(1));
    }
}

#[test]
fn submit_beyond_capacity_is_overloaded_and_writes_nothing() {
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
    config.queue_capacity = 2;
    config.group_requests_max = 2;
    config.pin_shards_to_cpus = Some(false);
    let engine = Engine::open_with(config, make).unwrap();

    let stall = disk.stall();
    // The shard takes the first request into a group and is stuck in its IO; only then do we fill the
    // queue, so exactly 2 more are accepted whatever the timing.
    let first = engine.submit(put("k0")).unwrap();
    wait_until_queued(&engine, 0);
    let mut accepted = vec![("k0".to_string(), first)];
    let mut refused = Vec::new();
    for i in 1..8 {
        let name = format!("k{i}");
        match engine.submit(put(&name)) {
            Ok(pending) => accepted.push((name, pending)),
            Err(error) => refused.push((name, error)),
        }
    }
    let queued = health(&engine).queued_requests;

    // `commit` waits for room rather than failing: while it waits the queue stays as it was (the
    // commit is not in it); it finishes once the disk moves.
    let (waited_in_queue, patient) = std::thread::scope(|scope| {
        let handle = scope.spawn(|| engine.commit(put("patient")));
        std::thread::sleep(Duration::from_millis(50));
        let waited = !handle.is_finished() && health(&engine).queued_requests == 2;
        drop(stall);
        (waited, handle.join().unwrap())
    });

    assert_eq!(queued, 2);
    assert_eq!(accepted.len(), 3, "the group of one plus the queue's 2");
    assert_eq!(refused.len(), 5);
    for (name, error) in &refused {
        match error {
            Error::Overloaded {
                shard: 0,
                budget: Budget::Requests,
                queued: 2,
                limit: 2,
            } => {}
            other => panic!("{name}: unexpected {other}"),
        }
    }
    assert!(waited_in_queue, "commit waited for room outside the queue");
    assert!(patient.is_ok(), "{patient:?}");
    for (name, pending) in accepted {
        pending
            .wait()
            .unwrap()
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(engine.get("/ns", &name).unwrap().is_some());
    }
    for (name, _) in refused {
        assert!(
            engine.get("/ns", &name).unwrap().is_none(),
            "{name} was refused but written"
        );
    }
}
