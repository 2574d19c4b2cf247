//! Resource ids come from the cluster id fixed when the data directory is made and from the log, never
//! from a number drawn per directory: two replicas made with one cluster id mint the same ids from
//! the same commands, a directory keeps its cluster id across restarts, and opening it with another
//! cluster id is refused without changing anything.

use aorta_engine::storage::sim::SimDisk;
use aorta_engine::wal::Preallocation;
use aorta_engine::{Batch, Command, Engine, EngineConfig, Error, ResourceId, ResourceSpec};

const CLUSTER: u32 = 0x00c1_0573;

fn config(cluster_id: Option<u32>) -> EngineConfig {
    let mut config = EngineConfig::new("/data").with_shards(2);
    config.cluster_id = cluster_id;
    config.wal_preallocation = Preallocation::Off;
    config
}

fn open(disk: &SimDisk, cluster_id: Option<u32>) -> Result<Engine, Error> {
    let make = {
        let disk = disk.clone();
        move || Ok(disk.storage())
    };
    Engine::open_with(config(cluster_id), make)
}

/// The same commands, in the same order: the ids they mint.
fn create_some(engine: &Engine) -> Vec<ResourceId> {
    (0..6)
        .flat_map(|i| {
            let batch = Batch::new(vec![
                Command::create(ResourceSpec::new(
                    &format!("/ns{}", i % 3),
                    &format!("a{i}"),
                    "t",
                )),
                Command::create(ResourceSpec::new(
                    &format!("/ns{}", i % 3),
                    &format!("b{i}"),
                    "t",
                )),
            ]);
            engine.commit(batch).expect("commit").ids
        })
        .collect()
}

#[test]
fn replicas_made_with_one_cluster_id_mint_the_same_ids() {
    let (first, second) = (SimDisk::new(), SimDisk::new());
    let a = open(&first, Some(CLUSTER)).unwrap();
    let b = open(&second, Some(CLUSTER)).unwrap();
    assert_eq!(a.cluster_id(), CLUSTER);
    let (ids_a, ids_b) = (create_some(&a), create_some(&b));
    assert_eq!(ids_a.len(), 12);
    assert_eq!(
        ids_a, ids_b,
        "the same log minted different ids on two replicas"
    );
    assert!(ids_a.iter().all(|id| id.cluster_id() == CLUSTER));
}

#[test]
fn a_directory_keeps_its_cluster_id_and_refuses_another() {
    let disk = SimDisk::new();
    let engine = open(&disk, None).unwrap();
    let drawn = engine.cluster_id();
    let ids = create_some(&engine);
    engine.close();

    // Reopened without naming one: the recorded id, not a new draw.
    let engine = open(&disk, None).unwrap();
    assert_eq!(engine.cluster_id(), drawn);
    engine.close();

    // Another cluster id: refused, and nothing changed.
    let files_before: Vec<_> = disk
        .files()
        .into_iter()
        .map(|f| (disk.file_len(&f), f))
        .collect();
    match open(&disk, Some(drawn.wrapping_add(1))) {
        Err(Error::Incompatible { reason, .. }) => assert!(reason.contains("cluster"), "{reason}"),
        other => panic!("opening with another cluster id: {:?}", other.map(|_| ())),
    }
    let files_after: Vec<_> = disk
        .files()
        .into_iter()
        .map(|f| (disk.file_len(&f), f))
        .collect();
    assert_eq!(files_before, files_after);

    // Its own id, named: opens, and the resources still carry it.
    let engine = open(&disk, Some(drawn)).unwrap();
    let id = ids[0];
    let found = engine.get_by_id(id).unwrap().expect("a resource by its id");
    assert_eq!(found.id.cluster_id(), drawn);
}
