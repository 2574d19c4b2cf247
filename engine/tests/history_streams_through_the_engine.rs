//! Every committed change — (action, old, new, position) — can be streamed from the engine in commit
//! order from any position inside the history's horizon, across the history files that flushes
//! write and the tail in memory, and across restarts; a position past the horizon answers
//! `Compacted` with the oldest available and the current position, and the state at the horizon
//! can still be read. Real engine, real files; small memtables, so that flushes write many history
//! files, and the smallest memory for the history, so that most reads come from the files.

use aorta_engine::history::{HistoryChange, HistoryLimits};
use aorta_engine::limits::{HISTORY_MEMORY_BYTES_MIN, MEMTABLE_BYTES_MIN};
use aorta_engine::state::Action;
use aorta_engine::table::store::TableWork;
use aorta_engine::{Batch, Command, Engine, EngineConfig, Error, ResourceSpec};

fn config(dir: &std::path::Path, changes_max: usize) -> EngineConfig {
    let mut config = EngineConfig::new(dir).with_shards(1);
    config.history = HistoryLimits {
        changes_max,
        ..HistoryLimits::default()
    };
    config.memtable_bytes_max = MEMTABLE_BYTES_MIN;
    config.history_memory_bytes = HISTORY_MEMORY_BYTES_MIN;
    config.table_work = TableWork::Inline;
    config
}

/// Every change from `from` on, by pages of `page` changes.
fn stream(engine: &Engine, from: u64, page: usize) -> Vec<HistoryChange> {
    let mut streamed = Vec::new();
    let mut from = from;
    loop {
        let page = engine.history(0, from, page, 1 << 20).unwrap();
        if page.changes.is_empty() {
            assert_eq!(page.current, engine.positions().unwrap()[0]);
            return streamed;
        }
        assert!(page.next_position > page.changes.last().unwrap().position);
        streamed.extend(page.changes);
        from = page.next_position;
    }
}

fn spec(name: &str, value: u64) -> ResourceSpec {
    ResourceSpec::new("/h", name, "t").with_data(value.to_le_bytes().to_vec())
}

#[test]
fn changes_stream_in_commit_order_with_old_and_new() {
    let dir = tempfile::tempdir().unwrap();
    let engine = Engine::open(config(dir.path(), 10_000)).unwrap();
    let mut expected = Vec::new();
    for i in 0..3000u64 {
        let name = format!("k{}", i % 7);
        let receipt = if i % 11 == 10 {
            match engine.commit(Batch::single(Command::delete("/h", &name, None))) {
                Ok(receipt) => receipt,
                Err(Error::Conflict { .. }) => continue,
                Err(other) => panic!("{other}"),
            }
        } else {
            engine
                .commit(Batch::single(Command::put(spec(&name, i), None)))
                .unwrap()
        };
        expected.push((receipt.position, name, i % 11 == 10, i));
    }
    let streamed = stream(&engine, 1, 17);
    let stats = engine.table_stats(0).unwrap();
    assert!(
        stats.flushes >= 5,
        "the stream crosses history files: {stats:?}"
    );
    drop(engine);
    // The same changes after a restart: the files and the replayed WAL tail hold them all.
    let engine = Engine::open(config(dir.path(), 10_000)).unwrap();
    assert_eq!(stream(&engine, 1, 17), streamed);
    assert_eq!(stream(&engine, 1, 1000), streamed);
    assert_eq!(
        stream(&engine, 0, 64),
        streamed,
        "a read from 0 reads from the beginning"
    );
    let middle = expected[expected.len() / 2].0;
    assert_eq!(
        stream(&engine, middle, 5),
        streamed
            .iter()
            .filter(|c| c.position >= middle)
            .cloned()
            .collect::<Vec<_>>()
    );
    assert_eq!(streamed.len(), expected.len());
    let mut last_data = std::collections::HashMap::new();
    for (change, (position, name, deleted, value)) in streamed.iter().zip(&expected) {
        assert_eq!(change.position, *position);
        let old = last_data.get(name).cloned();
        assert_eq!(
            change.old.as_ref().map(|r| r.data.clone()),
            old,
            "old of {name} at {position}"
        );
        if *deleted {
            assert_eq!(change.action, Action::Deleted);
            assert!(change.new.is_none());
            last_data.remove(name);
        } else {
            let new = change.new.as_ref().unwrap();
            assert_eq!(new.data, value.to_le_bytes().to_vec());
            assert_eq!(new.revision, *position);
            let action = if old.is_some() {
                Action::Updated
            } else {
                Action::Created
            };
            assert_eq!(change.action, action);
            last_data.insert(name.clone(), new.data.clone());
        }
    }
}

#[test]
fn a_position_past_the_horizon_answers_compacted() {
    let dir = tempfile::tempdir().unwrap();
    let engine = Engine::open(config(dir.path(), 50)).unwrap();
    let mut datas = std::collections::BTreeMap::new();
    for i in 0..400u64 {
        let receipt = engine
            .commit(Batch::single(Command::put(spec("k", i), None)))
            .unwrap();
        datas.insert(receipt.position, spec("k", i).data);
    }
    let current = engine.positions().unwrap()[0];
    let oldest = match engine.history(0, 1, 100, 1 << 20) {
        Err(Error::Compacted {
            shard: 0,
            requested: 1,
            oldest_available,
            current: now,
        }) => {
            assert_eq!(now, current);
            oldest_available
        }
        other => panic!("expected Compacted, got {other:?}"),
    };
    assert!(oldest > 1 && oldest <= current, "{oldest} of {current}");
    // Whole history files are dropped: the files keep at most 50 changes but for the newest file.
    let tail: Vec<u64> = stream(&engine, oldest, 30)
        .iter()
        .map(|c| c.position)
        .collect();
    assert_eq!(tail, (oldest..=current).collect::<Vec<_>>());
    assert!(matches!(
        engine.history(0, oldest - 1, 100, 1 << 20),
        Err(Error::Compacted { .. })
    ));
    // The state at the horizon is still readable (list there, then stream from one past it);
    // below it, compaction may have dropped what a read needs.
    let at_horizon = engine.view_at(0, oldest - 1).unwrap();
    assert_eq!(
        at_horizon.get("/h", "k").unwrap().unwrap().data,
        datas[&(oldest - 1)]
    );
    assert!(matches!(
        engine.view_at(0, oldest - 2),
        Err(Error::Compacted { .. })
    ));
    drop(engine);

    // The horizon is durable: after a restart the same changes are there, and no older ones.
    let engine = Engine::open(config(dir.path(), 50)).unwrap();
    match engine.history(0, 1, 100, 1 << 20) {
        Err(Error::Compacted {
            oldest_available, ..
        }) => assert_eq!(oldest_available, oldest),
        other => panic!("expected Compacted, got {other:?}"),
    }
    let after: Vec<u64> = stream(&engine, oldest, 30)
        .iter()
        .map(|c| c.position)
        .collect();
    assert_eq!(after, tail);
}
