//! A record that passes its checksum but changes a namespace another shard owns (a segment copied
//! from the wrong shard, a leader's bug) is `Corrupt` at replay, never applied where reads of that
//! namespace would never look.

use std::path::PathBuf;

use aorta_engine::codec::encode_batch;
use aorta_engine::routing::shard_for_namespace;
use aorta_engine::shard::{Shard, ShardOptions};
use aorta_engine::storage::sim::SimDisk;
use aorta_engine::wal::record::RecordKind;
use aorta_engine::wal::{Wal, WalOptions};
use aorta_engine::{Change, CommittedBatch, Error, Resource, ResourceId};

const SHARDS: u16 = 2;

fn dir() -> PathBuf {
    PathBuf::from("/data/shard-000/wal")
}

/// A namespace that shard `shard` of `SHARDS` owns.
fn namespace_of(shard: u16) -> String {
    (0..)
        .map(|i| format!("/ns{i}"))
        .find(|ns| shard_for_namespace(ns, SHARDS) == shard)
        .unwrap()
}

fn log_a_create(disk: &SimDisk, namespace: &str) {
    let mut wal = Wal::open(
        disk.storage(),
        &dir(),
        WalOptions::new(0, 1 << 20),
        &mut |_| Ok(()),
    )
    .unwrap();
    let resource = Resource {
        api_version: "v1".into(),
        id: ResourceId::new(1, 0, 1, 0),
        namespace: namespace.into(),
        name: "k".into(),
        kind: "t".into(),
        created_ms: 5,
        owner: String::new(),
        tags: Default::default(),
        cost: 0,
        data: Vec::new(),
        revision: 1,
    };
    let mut payload = Vec::new();
    encode_batch(
        &CommittedBatch {
            position: 1,
            commit_time_ms: 5,
            changes: vec![Change::Created(resource)],
        },
        &mut payload,
    );
    wal.append(RecordKind::Batch, 1, &payload).unwrap();
    wal.flush().unwrap();
}

fn open(disk: &SimDisk) -> Result<Shard<aorta_engine::storage::sim::SimStorage>, Error> {
    Shard::open(
        disk.storage(),
        &dir(),
        ShardOptions {
            shard_count: Some(SHARDS),
            ..ShardOptions::new(0, 1, 1 << 20)
        },
    )
}

#[test]
fn a_batch_for_a_namespace_of_another_shard_is_corruption() {
    let disk = SimDisk::new();
    let foreign = namespace_of(1);
    log_a_create(&disk, &foreign);
    match open(&disk) {
        Err(Error::Corrupt { reason, .. }) => {
            assert!(reason.contains("belongs to shard 1"), "{reason}")
        }
        Err(other) => panic!("expected Corrupt, got {other}"),
        Ok(_) => panic!("a batch of another shard was applied"),
    }
}

#[test]
fn a_batch_for_a_namespace_of_this_shard_is_applied() {
    let disk = SimDisk::new();
    let own = namespace_of(0);
    log_a_create(&disk, &own);
    let shard = open(&disk).unwrap();
    assert!(shard.get(&format!("{own}/k")).is_some());
}
