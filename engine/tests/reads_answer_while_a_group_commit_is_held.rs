//! Reads never wait behind a group commit: while the shard is stuck inside its group's IO (the
//! simulated disk hangs, as a device whose flush does not return), `get`, `get_by_id`, a listing
//! and `positions` answer at once from what is published, and the held write is neither visible
//! nor answered; once the disk moves, the write completes and is read back.

use std::sync::mpsc;
use std::time::Duration;

use aorta_engine::limits::WAL_SEGMENT_BYTES_MIN;
use aorta_engine::query::{Query, Scope};
use aorta_engine::storage::sim::SimDisk;
use aorta_engine::wal::Preallocation;
use aorta_engine::{Batch, Command, Engine, EngineConfig, ResourceSpec};

fn put(name: &str) -> Batch {
    Batch::single(Command::put(
        ResourceSpec::new("/ns", name, "t").with_data(name.as_bytes()),
        None,
    ))
}

#[test]
fn reads_answer_while_a_group_commit_is_held() {
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
    let before = engine.commit(put("before")).unwrap();

    let stall = disk.stall();
    let held = engine.submit(put("held")).unwrap();
    // The shard has taken it into its group and is inside that group's IO once its queue is empty.
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while engine.shard_health()[0].queued_requests != 0 {
        if std::time::Instant::now() > deadline {
            drop(stall);
            panic!("the shard never took the held write");
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    // The reads run on a thread of their own, so that a read stuck behind the held commit fails
    // the test by its deadline instead of hanging it (and the stall is released before any
    // assertion, so that a failure cannot poison the simulated disk).
    let (sender, answers) = mpsc::channel();
    let reads = std::thread::scope(|scope| {
        scope.spawn(|| {
            let got = engine.get("/ns", "before").unwrap();
            let by_id = engine.get_by_id(before.ids[0]).unwrap();
            let query = Query {
                namespace: "/ns".into(),
                scope: Scope::Children,
                kind: None,
                selector: None,
                page_size: 100,
            };
            let listed = engine.query(&query, None).unwrap();
            let positions = engine.positions().unwrap();
            let held = engine.get("/ns", "held").unwrap();
            let _ = sender.send((got, by_id, listed, positions, held));
        });
        let answered = answers.recv_timeout(Duration::from_secs(10));
        drop(stall);
        answered
    });
    let (got, by_id, listed, positions, held_read) =
        reads.expect("reads answered within 10 s while the commit was held");

    let got = got.expect("the committed resource");
    assert_eq!(got.data, b"before");
    assert_eq!(got.revision, before.position);
    assert_eq!(by_id.expect("by id").revision, before.position);
    let names: Vec<&str> = listed.items.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["before"]);
    assert_eq!(positions, vec![before.position]);
    assert_eq!(held_read, None, "a write is not read before it is durable");

    let receipt = held.wait().unwrap().unwrap();
    assert!(receipt.position > before.position);
    let after = engine.get("/ns", "held").unwrap().expect("durable now");
    assert_eq!(after.revision, receipt.position);
}
