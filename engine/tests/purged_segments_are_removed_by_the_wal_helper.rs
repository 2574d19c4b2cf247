//! With segments made ahead of time (the engine's default), the log's helper thread removes the
//! segments a purge drops (but one it keeps to recycle into the next spare:
//! `purged_segments_become_the_next_spare`), off the shard's thread: an unlink drops the file's page cache, which for
//! a 64 MiB segment took the shard milliseconds between two groups. The start file names a later
//! segment before any is handed over, so the purge is as safe as before: the segments disappear
//! while the engine runs, a close finishes the removals queued, and every write is there after a
//! reopen. (A segment a crash leaves behind is an interrupted purge's, which an open removes:
//! `crash_during_group_commit`, `a_missing_first_segment_is_corruption`.)

use std::path::Path;
use std::time::{Duration, Instant};

use aorta_engine::engine::wal_dir;
use aorta_engine::limits::MEMTABLE_BYTES_MIN;
use aorta_engine::table::store::TableWork;
use aorta_engine::wal::Preallocation;
use aorta_engine::{Batch, Command, Engine, EngineConfig, ResourceSpec};

const SEGMENT_BYTES: u64 = 64 * 1024;

fn config(dir: &Path) -> EngineConfig {
    let mut config = EngineConfig::new(dir).with_shards(1);
    config.memtable_bytes_max = MEMTABLE_BYTES_MIN;
    config.table_work = TableWork::Inline;
    config.segment_bytes_max = SEGMENT_BYTES;
    assert_eq!(config.wal_preallocation, Preallocation::Background);
    config
}

/// The names of the log's segment files.
fn segments(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(wal_dir(dir, 0))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".wal"))
        .collect();
    names.sort();
    names
}

fn data(i: u64) -> Vec<u8> {
    vec![(i % 251) as u8; 512]
}

#[test]
fn the_wal_helper_removes_purged_segments_and_a_close_finishes_them() {
    let dir = tempfile::tempdir().unwrap();
    let engine = Engine::open(config(dir.path())).unwrap();
    let count = 2_000u64;
    for i in 0..count {
        let spec = ResourceSpec::new("/apps", &format!("r{i:05}"), "task").with_data(data(i));
        engine
            .commit(Batch::single(Command::put(spec, None)))
            .unwrap();
    }
    let stats = engine.table_stats(0).unwrap();
    assert!(
        stats.flushes >= 5,
        "flushes happened, so purges did: {stats:?}"
    );
    // About a megabyte of log went through 64 KiB segments: most were purged. The helper removes
    // them; wait for it, within a bound.
    let deadline = Instant::now() + Duration::from_secs(10);
    while segments(dir.path()).len() > 4 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    let live = segments(dir.path());
    assert!(
        live.len() <= 4,
        "purged segments were removed while open: {live:?}"
    );
    assert!(
        !live.contains(&"00000000000000000001.wal".to_string()),
        "{live:?}"
    );

    // More purges, then a close at once: the close finishes the removals it queued.
    for i in count..2 * count {
        let spec = ResourceSpec::new("/apps", &format!("r{i:05}"), "task").with_data(data(i));
        engine
            .commit(Batch::single(Command::put(spec, None)))
            .unwrap();
    }
    engine.close();
    let after_close = segments(dir.path());
    assert!(
        after_close.len() <= 4,
        "a close left purged segments: {after_close:?}"
    );

    let engine = Engine::open(config(dir.path())).unwrap();
    for i in 0..2 * count {
        let got = engine.get("/apps", &format!("r{i:05}")).unwrap();
        assert_eq!(got.map(|r| r.data), Some(data(i)), "r{i:05}");
    }
}
