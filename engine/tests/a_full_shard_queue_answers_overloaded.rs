//! Back-pressure: a shard's queue is bounded. While the shard is stuck in an IO, `submit` beyond the
//! queue's capacity answers `Overloaded` at once and writes nothing; `commit` waits for room instead;
//! everything accepted completes once the disk moves again.

use aorta_engine::storage::sim::SimDisk;
use aorta_engine::{Batch, Command, Engine, EngineConfig, Error, ResourceSpec};

fn put(name: &str) -> Batch {
    Batch::single(Command::put(ResourceSpec::new("/ns", name, "t"), None))
}

#[test]
fn submit_beyond_capacity_is_overloaded_and_writes_nothing() {
    let disk = SimDisk::new();
    let make = {
        let disk = disk.clone();
        move || Ok(disk.storage())
    };
    let mut config = EngineConfig::new("/data").with_shards(1);
    config.queue_capacity = 2;
    let engine = Engine::open_with(config, make).unwrap();

    let stall = disk.stall();
    // The shard takes one group into its stuck IO (at most the 2 requests the queue held when it
    // looked), and the queue then holds 2 more: at most 4 are accepted.
    let mut accepted = Vec::new();
    let mut overloaded = Vec::new();
    for i in 0..8 {
        let name = format!("k{i}");
        match engine.submit(put(&name)) {
            Ok(pending) => accepted.push((name, pending)),
            Err(Error::Overloaded { shard, limit, .. }) => {
                assert_eq!((shard, limit), (0, 2));
                overloaded.push(name);
            }
            Err(other) => panic!("unexpected {other}"),
        }
    }
    assert!(
        accepted.len() <= 8 - 5,
        "at most a group plus the queue's 2 were taken"
    );
    assert!(!overloaded.is_empty());

    // `commit` waits for room rather than failing; it finishes once the disk moves.
    let waiting = {
        let engine = &engine;
        std::thread::scope(|scope| {
            let handle = scope.spawn(move || engine.commit(put("patient")));
            std::thread::sleep(std::time::Duration::from_millis(20));
            assert!(!handle.is_finished(), "commit waited for room");
            drop(stall);
            handle.join().unwrap()
        })
    };
    assert!(waiting.is_ok(), "{waiting:?}");

    for (name, pending) in accepted {
        pending
            .wait()
            .unwrap()
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(engine.get("/ns", &name).unwrap().is_some());
    }
    for name in overloaded {
        assert!(
            engine.get("/ns", &name).unwrap().is_none(),
            "{name} was refused but written"
        );
    }
}
