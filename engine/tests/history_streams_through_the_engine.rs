//! Every committed change — (action, old, new, position) — can be streamed from the engine in commit
//! order from any position inside the history's horizon; a position past it answers `Compacted`
//! with the oldest available and the current position. Real engine, real files.

use aorta_engine::history::HistoryLimits;
use aorta_engine::state::Action;
use aorta_engine::{Batch, Command, Engine, EngineConfig, Error, ResourceSpec};

fn config(dir: &std::path::Path, changes_max: usize) -> EngineConfig {
    let mut config = EngineConfig::new(dir).with_shards(1);
    config.history = HistoryLimits {
        changes_max,
        ..HistoryLimits::default()
    };
    config
}

fn spec(name: &str, value: u64) -> ResourceSpec {
    ResourceSpec::new("/h", name, "t").with_data(value.to_le_bytes().to_vec())
}

#[test]
fn changes_stream_in_commit_order_with_old_and_new() {
    let dir = tempfile::tempdir().unwrap();
    let engine = Engine::open(config(dir.path(), 10_000)).unwrap();
    let mut expected = Vec::new();
    for i in 0..300u64 {
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
    let mut streamed = Vec::new();
    let mut from = 1;
    loop {
        let page = engine.history(0, from, 17, 1 << 20).unwrap();
        if page.changes.is_empty() {
            assert_eq!(page.current, expected.last().unwrap().0);
            break;
        }
        streamed.extend(page.changes);
        from = page.next_position;
    }
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
    for i in 0..200u64 {
        engine
            .commit(Batch::single(Command::put(spec("k", i), None)))
            .unwrap();
    }
    let current = engine.positions().unwrap()[0];
    match engine.history(0, 1, 100, 1 << 20) {
        Err(Error::Compacted {
            shard: 0,
            requested: 1,
            oldest_available,
            current: now,
        }) => {
            assert_eq!(now, current);
            assert_eq!(oldest_available, current - 49, "50 changes are kept");
        }
        other => panic!("expected Compacted, got {other:?}"),
    }
    let page = engine.history(0, current - 49, 100, 1 << 20).unwrap();
    assert_eq!(page.changes.len(), 50);
    assert_eq!(page.changes.last().unwrap().position, current);
    drop(engine);

    // After a restart the history begins after what the tables hold; here nothing was flushed,
    // so the whole WAL is replayed into it and the horizon applies again.
    let engine = Engine::open(config(dir.path(), 50)).unwrap();
    let page = engine.history(0, current - 49, 100, 1 << 20).unwrap();
    assert_eq!(page.changes.len(), 50);
    assert!(matches!(
        engine.history(0, 1, 100, 1 << 20),
        Err(Error::Compacted { .. })
    ));
}
