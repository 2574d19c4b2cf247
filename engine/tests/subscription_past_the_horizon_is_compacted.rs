//! A subscription that starts at or below a shard's history horizon is refused with `Compacted`
//! and the current position (list again there, subscribe after it); a subscriber that reads
//! nothing while the horizon passes it gets `Compacted` at its next read — writers never wait for
//! it. Small memtables and a small history, flushes inline, so the horizon moves.

mod subscription_common;

use aorta_engine::history::HistoryLimits;
use aorta_engine::limits::{HISTORY_MEMORY_BYTES_MIN, MEMTABLE_BYTES_MIN};
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

fn write(engine: &Engine, count: usize) {
    for i in 0..count {
        let spec =
            ResourceSpec::new("/apps", &format!("r{}", i % 50), "task").with_data(vec![7; 200]);
        engine
            .commit(Batch::new(vec![Command::put(spec, None)]))
            .unwrap();
    }
}

#[test]
fn a_start_past_the_horizon_is_compacted_with_the_current_position() {
    let dir = tempfile::tempdir().unwrap();
    let engine = Engine::open(config(dir.path())).unwrap();
    // A subscriber from now that reads nothing while the horizon moves past it.
    let mut slow = engine.subscribe(Pattern::subtree("/"), Start::Now).unwrap();
    write(&engine, 400);
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
    match slow.next(PATIENCE) {
        Err(Error::Compacted { current: c, .. }) => assert_eq!(c, current),
        other => panic!("expected Compacted, got {other:?}"),
    }
    // The answer is stable: the subscriber stays where it was.
    assert!(matches!(slow.next(PATIENCE), Err(Error::Compacted { .. })));
    // Subscribing after the current position works, and sees what comes next.
    let mut again = engine
        .subscribe(Pattern::subtree("/"), Start::After(vec![current]))
        .unwrap();
    write(&engine, 1);
    let events = take(&mut again, 1);
    assert_eq!(events[0].position, current + 1);
}
