//! The engine's metadata file is written last when a data directory is made, and once it exists
//! every shard's log must exist: a shard whose log vanished is `Corrupt`, never a fresh empty shard
//! that silently forgets its resources; a power cut while a directory is being made never leaves it
//! unopenable.

use std::path::Path;

use aorta_engine::limits::WAL_SEGMENT_BYTES_MIN;
use aorta_engine::storage::sim::{SimDisk, Tear};
use aorta_engine::wal::Preallocation;
use aorta_engine::{Batch, Command, Engine, EngineConfig, Error, ResourceSpec};

fn open(disk: &SimDisk) -> Result<Engine, Error> {
    let make = {
        let disk = disk.clone();
        move || Ok(disk.storage())
    };
    let mut config = EngineConfig::new("/data").with_shards(2);
    // Spares made on the shard's own thread (small ones): the simulated disk's IO points, which the
    // test's faults count, stay in one deterministic order.
    config.wal_preallocation = Preallocation::Inline;
    config.segment_bytes_max = WAL_SEGMENT_BYTES_MIN;
    Engine::open_with(config, make)
}

#[test]
fn a_shard_whose_log_vanished_is_corruption_not_a_fresh_start() {
    let disk = SimDisk::new();
    let engine = open(&disk).unwrap();
    let shard = engine.shard_for("/ns");
    engine
        .commit(Batch::single(Command::put(
            ResourceSpec::new("/ns", "k", "t"),
            None,
        )))
        .unwrap();
    engine.close();
    // Every file of that shard's log goes (an operator's mistake, a lost directory).
    let wal = format!("/data/shard-{shard:03}/wal");
    for file in disk.files() {
        if file.starts_with(Path::new(&wal)) {
            disk.delete(&file);
        }
    }
    match open(&disk) {
        Err(Error::Corrupt { path, .. }) => assert!(path.starts_with(&wal), "{}", path.display()),
        Err(other) => panic!("expected Corrupt, got {other}"),
        Ok(_) => panic!("a shard whose log vanished opened empty"),
    }
}

#[test]
fn a_power_cut_while_a_data_directory_is_made_never_leaves_it_unopenable() {
    let points = {
        let disk = SimDisk::new();
        open(&disk).unwrap().close();
        disk.io_points()
    };
    for k in 0..points {
        let disk = SimDisk::new();
        disk.power_off_after(k);
        let _ = open(&disk).map(Engine::close);
        disk.power_cut(Tear::DropUnsynced);
        let engine = open(&disk).unwrap_or_else(|e| panic!("cut after {k} IO points: {e}"));
        engine
            .commit(Batch::single(Command::put(
                ResourceSpec::new("/ns", "k", "t"),
                None,
            )))
            .unwrap_or_else(|e| panic!("cut after {k} IO points: write failed: {e}"));
        engine.close();
    }
}
