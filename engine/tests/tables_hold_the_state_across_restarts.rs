//! The state lives in memtables flushed to sstables: after a restart it is read from the tables plus
//! the WAL tail (not the whole log), superseded and deleted versions never come back, a damaged table
//! is an error naming its file and block, and a missing one an error rather than an empty answer.
//! Real engines on real files (io_uring), with a small memtable so that flushes happen.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use aorta_engine::engine::wal_dir;
use aorta_engine::limits::MEMTABLE_BYTES_MIN;
use aorta_engine::shard::{Shard, ShardOptions};
use aorta_engine::storage::uring::UringStorage;
use aorta_engine::table::store::TableWork;
use aorta_engine::{Batch, Command, Engine, EngineConfig, Error, ResourceSpec};

const DATA_BYTES: usize = 200;

fn config(dir: &Path, work: TableWork) -> EngineConfig {
    let mut config = EngineConfig::new(dir).with_shards(1);
    config.memtable_bytes_max = MEMTABLE_BYTES_MIN;
    config.table_work = work;
    config.segment_bytes_max = 64 * 1024;
    config
}

fn spec(i: u64, round: u64) -> ResourceSpec {
    ResourceSpec::new("/apps", &format!("r{i:05}"), "task")
        .with_tag("round", &round.to_string())
        .with_data(vec![(i + round) as u8; DATA_BYTES])
}

fn tables_dir(dir: &Path) -> PathBuf {
    dir.join("shard-000").join("tables")
}

fn table_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(tables_dir(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sst"))
        .collect();
    files.sort();
    files
}

/// Writes `count` resources in batches of 10, then updates every third and deletes every fifth,
/// and returns the expected data of each name (None: deleted).
fn write_history(engine: &Engine, count: u64) -> BTreeMap<String, Option<Vec<u8>>> {
    let mut expected = BTreeMap::new();
    for start in (0..count).step_by(10) {
        let batch = Batch::new(
            (start..(start + 10).min(count))
                .map(|i| Command::put(spec(i, 0), None))
                .collect(),
        );
        engine.commit(batch).unwrap();
    }
    for i in 0..count {
        expected.insert(format!("r{i:05}"), Some(spec(i, 0).data));
    }
    for i in (0..count).step_by(3) {
        engine
            .commit(Batch::single(Command::put(spec(i, 1), None)))
            .unwrap();
        expected.insert(format!("r{i:05}"), Some(spec(i, 1).data));
    }
    for i in (0..count).step_by(5) {
        engine
            .commit(Batch::single(Command::delete(
                "/apps",
                &format!("r{i:05}"),
                None,
            )))
            .unwrap();
        expected.insert(format!("r{i:05}"), None);
    }
    expected
}

fn assert_state(engine: &Engine, expected: &BTreeMap<String, Option<Vec<u8>>>) {
    for (name, data) in expected {
        let got = engine.get("/apps", name).unwrap();
        assert_eq!(got.as_ref().map(|r| &r.data), data.as_ref(), "{name}");
        if let Some(resource) = got {
            assert_eq!(
                engine.get_by_id(resource.id).unwrap().as_ref(),
                Some(&resource),
                "{name} by id"
            );
        }
    }
}

#[test]
fn a_restart_reads_the_tables_and_replays_only_the_wal_tail() {
    let dir = tempfile::tempdir().unwrap();
    let engine = Engine::open(config(dir.path(), TableWork::Inline)).unwrap();
    let expected = write_history(&engine, 3_000);
    assert_state(&engine, &expected);
    let position = engine.positions().unwrap()[0];
    let stats = engine.table_stats(0).unwrap();
    assert!(stats.flushes >= 5, "{stats:?}");
    engine.close();

    let tables = table_files(dir.path());
    assert!(!tables.is_empty(), "flushes made tables");
    assert!(tables_dir(dir.path()).join("MANIFEST").exists());
    let first_segment = wal_dir(dir.path(), 0).join("00000000000000000001.wal");
    assert!(!first_segment.exists(), "the flushed log was purged");

    // The shard's recovery replays only what is not in the tables.
    let options = ShardOptions {
        must_exist: true,
        shard_count: Some(1),
        memtable_bytes_max: MEMTABLE_BYTES_MIN,
        ..ShardOptions::new(0, 0, 64 * 1024)
    };
    let cluster_id = {
        let engine = Engine::open(config(dir.path(), TableWork::Inline)).unwrap();
        assert_state(&engine, &expected);
        assert_eq!(engine.positions().unwrap()[0], position);
        engine.cluster_id()
    };
    let shard = Shard::open(
        UringStorage::new().unwrap(),
        &wal_dir(dir.path(), 0),
        ShardOptions {
            cluster_id,
            ..options
        },
    )
    .unwrap();
    let replayed = shard.recovery_work().records_decoded;
    assert!(
        replayed < position / 2,
        "recovery decoded {replayed} records of {position}: the whole log, not its tail"
    );
    assert_eq!(shard.position(), position);
}

#[test]
fn superseded_and_deleted_versions_never_come_back_after_flushes_and_restarts() {
    let dir = tempfile::tempdir().unwrap();
    let expected = {
        let engine = Engine::open(config(dir.path(), TableWork::Background)).unwrap();
        write_history(&engine, 1_500)
    };
    for _ in 0..2 {
        let engine = Engine::open(config(dir.path(), TableWork::Background)).unwrap();
        assert_state(&engine, &expected);
    }
}

#[test]
fn reads_during_background_flushes_see_every_acknowledged_write() {
    let dir = tempfile::tempdir().unwrap();
    let engine = Arc::new(Engine::open(config(dir.path(), TableWork::Background)).unwrap());
    let acknowledged = Arc::new(AtomicU64::new(0));
    let readers: Vec<_> = (0..2)
        .map(|_| {
            let (engine, acknowledged) = (engine.clone(), acknowledged.clone());
            std::thread::spawn(move || {
                let mut reads = 0u64;
                loop {
                    let done = acknowledged.load(Ordering::Acquire);
                    if done == u64::MAX {
                        return reads;
                    }
                    if done == 0 {
                        continue;
                    }
                    let i = reads * 7919 % done;
                    let got = engine.get("/apps", &format!("r{i:05}")).unwrap();
                    assert!(got.is_some(), "acknowledged r{i:05} is missing");
                    reads += 1;
                }
            })
        })
        .collect();
    for i in 0..3_000u64 {
        engine
            .commit(Batch::single(Command::put(spec(i, 0), None)))
            .unwrap();
        acknowledged.store(i + 1, Ordering::Release);
    }
    acknowledged.store(u64::MAX, Ordering::Release);
    let reads: u64 = readers.into_iter().map(|r| r.join().unwrap()).sum();
    assert!(reads > 0);
    // Compaction may have merged the tables since: count the flushes, not the files.
    let stats = engine.table_stats(0).unwrap();
    assert!(stats.flushes >= 3, "flushes ran meanwhile: {stats:?}");
}

#[test]
fn a_flipped_bit_in_a_table_is_an_error_naming_the_file_and_block() {
    let dir = tempfile::tempdir().unwrap();
    let expected = {
        let engine = Engine::open(config(dir.path(), TableWork::Inline)).unwrap();
        write_history(&engine, 1_000)
    };
    let victim = table_files(dir.path()).remove(0);
    let mut bytes = std::fs::read(&victim).unwrap();
    // The middle of the file: resource entries, which hold most of the bytes.
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x10;
    std::fs::write(&victim, &bytes).unwrap();

    let engine = Engine::open(config(dir.path(), TableWork::Inline)).unwrap();
    let mut errors = 0;
    for (name, data) in &expected {
        match engine.get("/apps", name) {
            Ok(got) => assert_eq!(got.map(|r| r.data).as_ref(), data.as_ref(), "{name}"),
            Err(Error::Corrupt { path, reason, .. }) => {
                assert_eq!(path, victim);
                assert!(reason.contains("block"), "{reason}");
                errors += 1;
            }
            Err(other) => panic!("{name}: {other}"),
        }
    }
    assert!(errors > 0, "the damaged block was never reported");
}

#[test]
fn a_missing_table_is_an_error_not_an_empty_answer() {
    let dir = tempfile::tempdir().unwrap();
    {
        let engine = Engine::open(config(dir.path(), TableWork::Inline)).unwrap();
        write_history(&engine, 1_000);
    }
    let victim = table_files(dir.path()).remove(0);
    std::fs::remove_file(&victim).unwrap();
    match Engine::open(config(dir.path(), TableWork::Inline)) {
        Err(Error::Corrupt { path, reason, .. }) => {
            assert_eq!(path, victim);
            assert!(reason.contains("missing"), "{reason}");
        }
        Err(other) => panic!("wrong error: {other}"),
        Ok(_) => panic!("an engine without one of its tables opened"),
    }
}

#[test]
fn recovery_flushes_a_long_wal_tail_as_the_live_path_does() {
    let dir = tempfile::tempdir().unwrap();
    let expected = {
        // A memtable large enough that nothing is flushed: the whole history stays in the WAL.
        let mut config = config(dir.path(), TableWork::Inline);
        config.memtable_bytes_max = aorta_engine::limits::MEMTABLE_BYTES_MAX;
        let engine = Engine::open(config).unwrap();
        write_history(&engine, 1_500)
    };
    assert!(table_files(dir.path()).is_empty());
    // Reopened with a small memtable, the replay freezes and flushes as it goes.
    let engine = Engine::open(config(dir.path(), TableWork::Inline)).unwrap();
    let stats = engine.table_stats(0).unwrap();
    assert!(stats.flushes >= 5, "the replay flushed: {stats:?}");
    assert!(!table_files(dir.path()).is_empty());
    assert_state(&engine, &expected);
    // The engine's WAL helper thread removes purged segments: wait for it, within a bound.
    let first_segment = wal_dir(dir.path(), 0).join("00000000000000000001.wal");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while first_segment.exists() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(
        !first_segment.exists(),
        "the log the replay flushed was purged"
    );
}
