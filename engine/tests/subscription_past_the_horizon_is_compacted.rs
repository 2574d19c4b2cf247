//! A subscription that starts at or below a shard's history horizon is refused with `Compacted`
//! and the current position (list again there, subscribe after it); a subscriber that reads
//! nothing while more than its inbox holds is written and the horizon passes it gets what its
//! inbox held, then `Compacted` — writers never wait for it. Small memtables and a small history,
//! flushes inline, so the horizon moves.

mod subscription_common;

use aorta_engine::history::HistoryLimits;
use aorta_engine::limits::{
    HISTORY_MEMORY_BYTES_MIN, MEMTABLE_BYTES_MIN, SUBSCRIPTION_INBOX_EVENTS_DEFAULT,
};
use aorta_engine::subscription::{Pattern, Start};
use aorta_engine::table::store::TableWork;
use aorta_engine::{Batch, Command, Engine, EngineConfig, Error, ResourceSpec};
use subscription_common::{take, PATIENCE};

fn config(dir: &std::path::Path) -> EngineConfig {
    let mut config = EngineConfig::new(dir).with_shards(1);
    config.history = HistoryLimits {
        changes_max: 8,
        ..HistoryLimits::default()
    };
    config.memtable_bytes_max = MEMTABLE_BYTES_MIN;
    config.history_memory_bytes = HISTORY_MEMORY_BYTES_MIN;
    config.table_work = TableWork::Inline;
    config
}

fn write(engine: &Engine, batches: usize, per_batch: usize) {
    for _ in 0..batches {
        let commands = (0..per_batch)
            .map(|i| {
                let spec =
                    ResourceSpec::new("/apps", &format!("r{i}"), "task").with_data(vec![7; 200]);
                Command::put(spec, None)
            })
            .collect();
        engine.commit(Batch::new(commands)).unwrap();
    }
}

#[test]
fn a_start_past_the_horizon_is_compacted_with_the_current_position() {
    let dir = tempfile::tempdir().unwrap();
    let engine = Engine::open(config(dir.path())).unwrap();
    // A subscriber from now that reads nothing while the horizon moves past it.
    let mut slow = engine.subscribe(Pattern::subtree("/"), Start::Now).unwrap();
    // More than its inbox holds: it is dropped to catch-up, where the horizon has moved on.
    let per_batch = 50;
    let batches = 2 * SUBSCRIPTION_INBOX_EVENTS_DEFAULT / per_batch + 10;
    write(&engine, batches, per_batch);
    let current = engine.positions().unwrap()[0];
    match engine.subscribe(Pattern::subtree("/"), Start::After(vec![0])) {
        Err(Error::Compacted {
            shard: 0,
            current: c,
            oldest_available,
            ..
        }) => {
            assert_eq!(c, current);
            assert!(oldest_available > 1 && oldest_available <= current);
        }
        other => panic!("expected Compacted, got {:?}", other.map(|_| ())),
    }
    // What its inbox held comes first, whole batches in order; then `Compacted`.
    let mut held = 0;
    let mut last = 0;
    loop {
        match slow.next(PATIENCE) {
            Ok(Some(event)) => {
                assert!(event.position >= last);
                last = event.position;
                held += 1;
            }
            Err(Error::Compacted { current: c, .. }) => {
                assert_eq!(c, current);
                break;
            }
            other => panic!("expected Compacted, got {other:?}"),
        }
    }
    assert!(
        held <= SUBSCRIPTION_INBOX_EVENTS_DEFAULT,
        "{held} events held"
    );
    assert_eq!(held % per_batch, 0, "whole batches");
    // The answer is stable: the subscriber stays where it was.
    assert!(matches!(slow.next(PATIENCE), Err(Error::Compacted { .. })));
    // Subscribing after the current position works, and sees what comes next.
    let mut again = engine
        .subscribe(Pattern::subtree("/"), Start::After(vec![current]))
        .unwrap();
    write(&engine, 1, 1);
    let events = take(&mut again, 1);
    assert_eq!(events[0].position, current + 1);
}
