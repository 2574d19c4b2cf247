//! A history file that fails its checksum, or is missing, is an error naming the file — never a
//! stream with changes left out. Real engine, real files.

use std::path::{Path, PathBuf};

use aorta_engine::limits::MEMTABLE_BYTES_MIN;
use aorta_engine::table::store::TableWork;
use aorta_engine::{Batch, Command, Engine, EngineConfig, Error, ResourceSpec};

fn config(dir: &Path) -> EngineConfig {
    let mut config = EngineConfig::new(dir).with_shards(1);
    config.memtable_bytes_max = MEMTABLE_BYTES_MIN;
    config.table_work = TableWork::Inline;
    config
}

/// Writes enough to flush several history files; returns them, oldest first.
fn write_and_close(dir: &Path) -> Vec<PathBuf> {
    let engine = Engine::open(config(dir)).unwrap();
    for i in 0..300u64 {
        let spec =
            ResourceSpec::new("/h", &format!("k{}", i % 13), "t").with_data(vec![i as u8; 64]);
        engine
            .commit(Batch::single(Command::put(spec, None)))
            .unwrap();
    }
    engine.close();
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("shard-000/tables"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "hist"))
        .collect();
    files.sort();
    assert!(files.len() >= 3, "{files:?}");
    files
}

#[test]
fn a_flipped_bit_in_a_history_file_is_reported_with_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let files = write_and_close(dir.path());
    let oldest = &files[0];
    let mut bytes = std::fs::read(oldest).unwrap();
    bytes[20] ^= 0x10; // inside the first data block
    std::fs::write(oldest, &bytes).unwrap();

    let engine = Engine::open(config(dir.path())).unwrap();
    match engine.history(0, 1, 1000, 1 << 20) {
        Err(Error::Corrupt { path, .. }) => assert_eq!(&path, oldest),
        other => panic!(
            "expected Corrupt naming {}, got {other:?}",
            oldest.display()
        ),
    }
    // Changes the damaged file does not hold are still served.
    let current = engine.positions().unwrap()[0];
    let last = engine.history(0, current, 10, 1 << 20).unwrap();
    assert_eq!(last.changes.len(), 1);
    assert_eq!(last.changes[0].position, current);
}

#[test]
fn a_missing_history_file_fails_the_open() {
    let dir = tempfile::tempdir().unwrap();
    let files = write_and_close(dir.path());
    std::fs::remove_file(&files[1]).unwrap();
    match Engine::open(config(dir.path())) {
        Err(Error::Corrupt { path, reason, .. }) => {
            assert_eq!(path, files[1]);
            assert!(reason.contains("missing"), "{reason}");
        }
        Err(other) => panic!("expected Corrupt, got {other}"),
        Ok(_) => panic!("an engine opened without a history file its manifest names"),
    }
}
