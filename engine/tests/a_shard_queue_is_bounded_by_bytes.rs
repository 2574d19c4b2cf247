//! Memory is bounded by bytes, not only by count: a shard's queue admits requests up to
//! `queue_bytes_max` (a commit counts its batch's encoded-size bound), and a group takes at most
//! `group_bytes_max` bytes of requests, but always at least one.

use std::time::{Duration, Instant};

use aorta_engine::limits::BATCH_BYTES_MAX;
use aorta_engine::limits::WAL_SEGMENT_BYTES_MIN;
use aorta_engine::storage::sim::SimDisk;
use aorta_engine::sync::{BoundedQueue, Budget, Overflow, PushError};
use aorta_engine::wal::Preallocation;
use aorta_engine::{Batch, Command, Engine, EngineConfig, Error, ResourceSpec};

/// A batch of one put with `data_bytes` of data.
fn put(name: &str, data_bytes: usize) -> Batch {
    let mut spec = ResourceSpec::new("/ns", name, "t");
    spec.data = vec![7u8; data_bytes];
    Batch::single(Command::put(spec, None))
}

#[test]
fn submits_beyond_the_byte_budget_are_overloaded_by_bytes_and_write_nothing() {
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
    config.queue_bytes_max = BATCH_BYTES_MAX as u64;
    config.group_bytes_max = BATCH_BYTES_MAX as u64;
    config.pin_shards_to_cpus = Some(false);
    let engine = Engine::open_with(config, make).unwrap();
    // Every name below has 2 bytes, so every batch has this bound.
    let bound = put("k1", 1 << 20).validate().unwrap().encoded_len_bound() as u64;
    let fit = BATCH_BYTES_MAX as u64 / bound;
    assert!(fit >= 2, "the test needs room for a few batches");

    let stall = disk.stall();
    // The shard takes the first batch into its stuck group; then the queue fills by bytes, far
    // below its request capacity.
    let first = engine.submit(put("k0", 1 << 20)).unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while engine.shard_health()[0].queued_requests != 0 {
        assert!(Instant::now() < deadline, "the shard never took its group");
        std::thread::sleep(Duration::from_millis(1));
    }
    let mut accepted = vec![("k0".to_string(), first)];
    let mut refused = Vec::new();
    for i in 1..=fit + 2 {
        let name = format!("k{i}");
        match engine.submit(put(&name, 1 << 20)) {
            Ok(pending) => accepted.push((name, pending)),
            Err(error) => refused.push((name, error)),
        }
    }
    let queued_bytes = engine.shard_health()[0].queued_bytes;
    drop(stall);

    assert_eq!(accepted.len() as u64, 1 + fit);
    assert_eq!(queued_bytes, fit * bound);
    assert_eq!(refused.len(), 2);
    for (name, error) in &refused {
        match error {
            Error::Overloaded {
                shard: 0,
                budget: Budget::Bytes,
                queued,
                limit,
            } => {
                assert_eq!(*queued, fit * bound, "{name}");
                assert_eq!(*limit, BATCH_BYTES_MAX as u64, "{name}");
            }
            other => panic!("{name}: unexpected {other}"),
        }
    }
    for (name, pending) in accepted {
        pending
            .wait()
            .unwrap()
            .unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    for (name, _) in refused {
        assert!(
            engine.get("/ns", &name).unwrap().is_none(),
            "{name} was refused but written"
        );
    }
}

#[test]
fn a_group_holds_at_most_its_byte_budget_but_always_one_request() {
    let queue = BoundedQueue::new(16, 2000);
    for (item, bytes) in [(1, 600), (2, 300), (3, 200), (4, 900)] {
        queue.try_push(item, bytes).unwrap();
    }
    let mut group = Vec::new();
    assert!(queue.pop_up_to(16, 500, &mut group));
    assert_eq!(
        group,
        vec![1],
        "the first request goes even when larger than the budget"
    );
    group.clear();
    assert!(queue.pop_up_to(16, 500, &mut group));
    assert_eq!(group, vec![2, 3], "300 + 200 fit 500; adding 900 would not");
    group.clear();
    assert!(queue.pop_up_to(1, 5000, &mut group));
    assert_eq!(group, vec![4]);
    assert_eq!(queue.bytes(), 0);
}

#[test]
fn a_queue_reports_which_budget_is_full() {
    let queue = BoundedQueue::new(2, 100);
    queue.try_push(1, 60).unwrap();
    let full = Overflow {
        budget: Budget::Bytes,
        queued: 60,
        limit: 100,
    };
    assert_eq!(queue.try_push(2, 41), Err(PushError::Full(2, full)));
    queue.try_push(3, 40).unwrap();
    let full = Overflow {
        budget: Budget::Requests,
        queued: 2,
        limit: 2,
    };
    assert_eq!(queue.try_push(4, 0), Err(PushError::Full(4, full)));
}

#[test]
fn a_failed_queue_hands_back_its_items_and_refuses_pushes() {
    let queue = BoundedQueue::new(4, 100);
    queue.try_push(1, 10).unwrap();
    queue.try_push(2, 10).unwrap();
    assert_eq!(queue.fail(), vec![1, 2]);
    assert_eq!(queue.try_push(3, 10), Err(PushError::Failed(3)));
    assert_eq!(queue.push_blocking(4, 10), Err(PushError::Failed(4)));
    let mut group = Vec::new();
    assert!(
        !queue.pop_up_to(4, 100, &mut group),
        "a failed queue ends the consumer"
    );
    assert!(queue.fail().is_empty());
}
