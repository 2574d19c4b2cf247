//! Tiered compaction keeps a shard's table count logarithmic, drops superseded versions and
//! tombstones older than the history's horizon (checked where merges run at fixed points of the
//! writes: inline), and changes no answer: current reads, reads at any position
//! at or above the horizon (`Compacted` below it), and the state after a restart. Real engines on
//! real files, with a small memtable so that many flushes and compactions happen; both where the
//! flushes and compactions run on the shard's thread and on worker threads.

use std::collections::BTreeMap;

use aorta_engine::history::HistoryLimits;
use aorta_engine::limits::MEMTABLE_BYTES_MIN;
use aorta_engine::table::store::TableWork;
use aorta_engine::{Batch, Command, Engine, EngineConfig, Error, ResourceSpec};

const KEYS: u64 = 400;
const ROUNDS: u64 = 12;
/// Changes the history keeps (about 100 positions of 8 changes): compaction keeps the versions
/// that reads inside it need.
const RETAINED_CHANGES: usize = 800;

fn config(dir: &std::path::Path, work: TableWork) -> EngineConfig {
    let mut config = EngineConfig::new(dir).with_shards(1);
    config.memtable_bytes_max = MEMTABLE_BYTES_MIN;
    config.table_work = work;
    config.history = HistoryLimits {
        changes_max: RETAINED_CHANGES,
        ..HistoryLimits::default()
    };
    config
}

fn spec(i: u64, round: u64) -> ResourceSpec {
    ResourceSpec::new("/apps", &format!("r{i:04}"), "task")
        .with_tag("round", &round.to_string())
        .with_data(vec![round as u8; 150])
}

/// Each round puts every key in batches of 8 (a few deleted instead in odd rounds); returns the
/// expected data of each key after every position.
fn write_rounds(engine: &Engine) -> Vec<(u64, BTreeMap<String, Vec<u8>>)> {
    let mut model = BTreeMap::new();
    let mut snapshots = Vec::new();
    for round in 0..ROUNDS {
        for start in (0..KEYS).step_by(8) {
            let mut commands = Vec::new();
            for i in start..start + 8 {
                let name = format!("r{i:04}");
                if round % 2 == 1 && i % 7 == 0 && model.contains_key(&name) {
                    commands.push(Command::delete("/apps", &name, None));
                    model.remove(&name);
                } else {
                    commands.push(Command::put(spec(i, round), None));
                    model.insert(name, spec(i, round).data);
                }
            }
            let receipt = engine.commit(Batch::new(commands)).unwrap();
            if receipt.position % 37 == 0 {
                snapshots.push((receipt.position, model.clone()));
            }
        }
    }
    snapshots.push((engine.positions().unwrap()[0], model));
    snapshots
}

fn state_at(engine: &Engine, position: u64) -> Result<BTreeMap<String, Vec<u8>>, Error> {
    let view = engine.view_at(0, position)?;
    let mut state = BTreeMap::new();
    for i in 0..KEYS {
        let name = format!("r{i:04}");
        if let Some(r) = view.get("/apps", &name)? {
            state.insert(name, r.data);
        }
    }
    Ok(state)
}

/// The files of a directory with their sizes, by name: what a failed assertion shows.
fn file_sizes(dir: &std::path::Path) -> Vec<(String, u64)> {
    let mut files: Vec<(String, u64)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| {
            let entry = entry.unwrap();
            let name = entry.file_name().to_string_lossy().into_owned();
            (name, entry.metadata().unwrap().len())
        })
        .collect();
    files.sort();
    files
}

fn compaction_keeps_every_read(work: TableWork) {
    let dir = tempfile::tempdir().unwrap();
    let engine = Engine::open(config(dir.path(), work)).unwrap();
    let snapshots = write_rounds(&engine);
    let (current, latest) = snapshots.last().unwrap().clone();
    // Let the background compactor catch up: it merges what is due after each flush. Under a
    // loaded suite that can take seconds; a minute is the bound on the wait, not a timing claim.
    let stats = (0..3000)
        .map(|_| {
            std::thread::sleep(std::time::Duration::from_millis(20));
            engine.table_stats(0).unwrap()
        })
        .find(|s| s.tables < 16)
        .unwrap_or_else(|| engine.table_stats(0).unwrap());
    println!(
        "{work:?}: {stats:?}, write amplification {:.2}",
        stats.write_amplification()
    );
    assert!(stats.flushes >= 20, "{stats:?}");
    assert!(stats.compactions > 0, "{stats:?}");
    assert!(
        stats.tables < 16,
        "tables pile up: {stats:?}; files {:?}",
        file_sizes(&dir.path().join("shard-000/tables"))
    );
    if work == TableWork::Inline {
        // Inline, each flush's merges run before the next write, at the horizon of that moment,
        // so the deep merges (of tables a round of writes apart, which hold a key twice) come at
        // fixed points of the writes. A background compactor may lag the writes (on a loaded
        // machine, measured: every merge of a run among recent tables, which hold each key once)
        // and then drops nothing: whether it does is timing, not a property.
        assert!(stats.superseded_dropped > 0, "{stats:?}");
    }
    assert!(stats.write_amplification() < 6.0, "{stats:?}");

    let mut refused = 0;
    for (position, expected) in &snapshots {
        match state_at(&engine, *position) {
            Ok(state) => assert_eq!(&state, expected, "the state at position {position}"),
            Err(Error::Compacted {
                requested,
                oldest_available,
                current: now,
                ..
            }) => {
                assert_eq!(requested, *position);
                assert!(*position < oldest_available && oldest_available <= current);
                assert_eq!(now, current);
                refused += 1;
            }
            Err(other) => panic!("{other}"),
        }
    }
    assert!(refused > 0, "reads below the horizon are refused");
    assert_eq!(state_at(&engine, current).unwrap(), latest);
    drop(engine);

    let engine = Engine::open(config(dir.path(), work)).unwrap();
    assert_eq!(state_at(&engine, current).unwrap(), latest);
    assert!(matches!(
        state_at(&engine, snapshots[0].0),
        Err(Error::Compacted { .. })
    ));
}

#[test]
fn inline_compaction_keeps_every_read() {
    compaction_keeps_every_read(TableWork::Inline);
}

#[test]
fn background_compaction_keeps_every_read() {
    compaction_keeps_every_read(TableWork::Background);
}
