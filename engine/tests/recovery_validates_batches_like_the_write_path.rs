//! A logged batch may come from a leader over the network or from a bug that wrote it: recovery
//! holds every batch record to the rules the write path follows (`State::check_logged`). A record
//! that passes its checksum but breaks a rule stops `Shard::open` with `Error::Corrupt` — never a
//! panic, never a half-applied state — and a well-formed record written the same way is applied.

use std::path::PathBuf;

use aorta_engine::codec::encode_batch;
use aorta_engine::limits::{BATCH_COMMANDS_MAX, DATA_BYTES_MAX, NAME_BYTES_MAX};
use aorta_engine::shard::{Shard, ShardOptions};
use aorta_engine::storage::sim::{SimDisk, SimStorage};
use aorta_engine::wal::record::RecordKind;
use aorta_engine::wal::{Wal, WalOptions};
use aorta_engine::{Change, CommittedBatch, Error, Resource, ResourceId};

const CLUSTER_ID: u32 = 1;
const SHARD: u16 = 0;
/// The commit time of every batch written here.
const NOW_MS: u64 = 1_000;

fn dir() -> PathBuf {
    PathBuf::from("/data/wal")
}

fn options() -> ShardOptions {
    ShardOptions::new(SHARD, CLUSTER_ID, 1 << 20)
}

/// The resource the write path would create as change `index` of the batch at `position`.
fn created(name: &str, position: u64, index: u16) -> Resource {
    Resource {
        api_version: "v1".into(),
        id: ResourceId::new(CLUSTER_ID, SHARD, position, index),
        namespace: "/ns".into(),
        name: name.into(),
        kind: "task".into(),
        created_ms: NOW_MS,
        owner: "alice".into(),
        tags: Default::default(),
        cost: 0,
        data: b"{}".to_vec(),
        revision: position,
    }
}

/// The same resource, updated by the batch at `position`.
fn updated(resource: &Resource, position: u64) -> Resource {
    Resource {
        data: b"{\"v\":2}".to_vec(),
        revision: position,
        ..resource.clone()
    }
}

fn batch(position: u64, changes: Vec<Change>) -> CommittedBatch {
    CommittedBatch {
        position,
        commit_time_ms: NOW_MS,
        changes,
    }
}

/// The batch at position 1 that every case starts from: `/ns/existing` is created.
fn setup() -> CommittedBatch {
    batch(1, vec![Change::Created(created("existing", 1, 0))])
}

/// Writes `batches` as batch records, straight into the log, one flush each.
fn write_log(disk: &SimDisk, batches: &[CommittedBatch]) {
    let mut wal = Wal::open(
        disk.storage(),
        &dir(),
        WalOptions::new(SHARD, 1 << 20),
        &mut |_| Ok(()),
    )
    .unwrap();
    for batch in batches {
        let mut payload = Vec::new();
        encode_batch(batch, &mut payload);
        wal.append(RecordKind::Batch, batch.position, &payload)
            .unwrap();
        wal.flush().unwrap();
    }
}

fn open(disk: &SimDisk) -> Result<Shard<SimStorage>, Error> {
    Shard::open(disk.storage(), &dir(), options())
}

/// Asserts that recovery of the setup batch followed by `bad` stops as `Corrupt` at the record of
/// `bad`, with a reason that mentions `mentions`.
fn assert_rejected(case: &str, bad: CommittedBatch, mentions: &str) {
    let disk = SimDisk::new();
    write_log(&disk, &[setup(), bad]);
    let opened = std::panic::catch_unwind(|| open(&disk).map(|shard| shard.position()));
    match opened {
        Err(_) => panic!("{case}: recovery panicked"),
        Ok(Ok(position)) => panic!("{case}: the batch was applied (shard at position {position})"),
        Ok(Err(Error::Corrupt { path, reason, .. })) => {
            assert!(path.starts_with(dir()), "{case}: {path:?}");
            assert!(
                reason.contains(mentions),
                "{case}: the reason {reason:?} does not mention {mentions:?}"
            );
        }
        Ok(Err(other)) => panic!("{case}: expected Corrupt, got {other}"),
    }
}

fn create_at_2(resource: Resource) -> CommittedBatch {
    batch(2, vec![Change::Created(resource)])
}

#[test]
fn a_well_formed_batch_written_straight_to_the_log_is_applied() {
    let disk = SimDisk::new();
    let existing = created("existing", 1, 0);
    let fresh = created("fresh", 2, 1);
    write_log(
        &disk,
        &[
            setup(),
            batch(
                2,
                vec![
                    Change::Updated(updated(&existing, 2)),
                    Change::Created(fresh.clone()),
                ],
            ),
            batch(
                3,
                vec![
                    Change::Deleted {
                        id: fresh.id,
                        namespace: "/ns".into(),
                        name: "fresh".into(),
                    },
                    Change::Created(created("third", 3, 1)),
                ],
            ),
        ],
    );
    let shard = open(&disk).expect("a well-formed log recovers");
    assert_eq!(shard.position(), 3);
    assert_eq!(shard.get("/ns/existing"), Some(updated(&existing, 2)));
    assert_eq!(shard.get("/ns/fresh"), None);
    assert_eq!(shard.get("/ns/third"), Some(created("third", 3, 1)));
}

#[test]
fn an_invalid_namespace_is_corruption() {
    for namespace in ["/a/../b", "/a b", "ns", "/ns/", "//"] {
        let resource = Resource {
            namespace: namespace.into(),
            ..created("x", 2, 0)
        };
        assert_rejected(
            &format!("namespace {namespace:?}"),
            create_at_2(resource),
            "namespace",
        );
    }
    let long = format!("/{}", "a".repeat(64));
    assert_rejected(
        "a namespace segment of 64 bytes",
        create_at_2(Resource {
            namespace: long,
            ..created("x", 2, 0)
        }),
        "namespace",
    );
}

#[test]
fn an_invalid_name_is_corruption() {
    for name in ["..", ".", "a b", "", "a/b"] {
        assert_rejected(
            &format!("name {name:?}"),
            create_at_2(created(name, 2, 0)),
            "name",
        );
    }
    let long = "n".repeat(NAME_BYTES_MAX + 1);
    assert_rejected(
        "a name over the limit",
        create_at_2(created(&long, 2, 0)),
        "name",
    );
    // A delete's namespace and name are held to the same rules.
    assert_rejected(
        "a delete of an invalid name",
        batch(
            2,
            vec![Change::Deleted {
                id: created("existing", 1, 0).id,
                namespace: "/ns".into(),
                name: "..".into(),
            }],
        ),
        "name",
    );
}

#[test]
fn other_invalid_fields_are_corruption() {
    let base = created("x", 2, 0);
    assert_rejected(
        "an empty type",
        create_at_2(Resource {
            kind: String::new(),
            ..base.clone()
        }),
        "type",
    );
    assert_rejected(
        "an owner with a control character",
        create_at_2(Resource {
            owner: "a\nb".into(),
            ..base.clone()
        }),
        "owner",
    );
    assert_rejected(
        "an invalid tag key",
        create_at_2(Resource {
            tags: [("a key".to_string(), "v".to_string())].into(),
            ..base
        }),
        "tag key",
    );
}

#[test]
fn data_over_the_limit_is_corruption() {
    let resource = Resource {
        data: vec![b'x'; DATA_BYTES_MAX + 1],
        ..created("big", 2, 0)
    };
    assert_rejected("data over DATA_BYTES_MAX", create_at_2(resource), "data");
}

#[test]
fn the_same_key_twice_in_one_batch_is_corruption() {
    let existing = created("existing", 1, 0);
    assert_rejected(
        "two creates of one key",
        batch(
            2,
            vec![
                Change::Created(created("twice", 2, 0)),
                Change::Created(created("twice", 2, 1)),
            ],
        ),
        "twice",
    );
    assert_rejected(
        "an update and a delete of one key",
        batch(
            2,
            vec![
                Change::Updated(updated(&existing, 2)),
                Change::Deleted {
                    id: existing.id,
                    namespace: "/ns".into(),
                    name: "existing".into(),
                },
            ],
        ),
        "twice",
    );
}

#[test]
fn the_same_id_twice_in_one_batch_is_corruption() {
    let existing = created("existing", 1, 0);
    assert_rejected(
        "an update and a delete naming one id",
        batch(
            2,
            vec![
                Change::Updated(updated(&existing, 2)),
                Change::Deleted {
                    id: existing.id,
                    namespace: "/ns".into(),
                    name: "other".into(),
                },
            ],
        ),
        "twice",
    );
}

#[test]
fn a_create_whose_id_was_not_minted_from_its_position_is_corruption() {
    let cases = [
        (
            "another cluster",
            ResourceId::new(CLUSTER_ID + 1, SHARD, 2, 0),
        ),
        (
            "another shard",
            ResourceId::new(CLUSTER_ID, SHARD + 1, 2, 0),
        ),
        ("another position", ResourceId::new(CLUSTER_ID, SHARD, 1, 0)),
        ("another index", ResourceId::new(CLUSTER_ID, SHARD, 2, 1)),
    ];
    for (case, id) in cases {
        let resource = Resource {
            id,
            ..created("x", 2, 0)
        };
        assert_rejected(case, create_at_2(resource), "created /ns/x");
    }
}

#[test]
fn a_create_whose_created_time_is_not_the_commit_time_is_corruption() {
    let resource = Resource {
        created_ms: NOW_MS - 1,
        ..created("x", 2, 0)
    };
    assert_rejected(
        "created time before the commit",
        create_at_2(resource),
        "created /ns/x",
    );
}

#[test]
fn an_empty_batch_is_corruption() {
    assert_rejected("0 changes", batch(2, vec![]), "0 changes");
}

#[test]
fn a_batch_over_the_command_limit_is_corruption() {
    let count = BATCH_COMMANDS_MAX + 1;
    let changes = (0..count)
        .map(|i| Change::Created(created(&format!("k{i}"), 2, i as u16)))
        .collect();
    assert_rejected(
        "more than BATCH_COMMANDS_MAX changes",
        batch(2, changes),
        &format!("{count} changes"),
    );
}

#[test]
fn a_delete_of_a_key_that_does_not_exist_is_corruption() {
    assert_rejected(
        "delete of an absent key",
        batch(
            2,
            vec![Change::Deleted {
                id: ResourceId::new(CLUSTER_ID, SHARD, 1, 5),
                namespace: "/ns".into(),
                name: "absent".into(),
            }],
        ),
        "/ns/absent",
    );
}

#[test]
fn an_update_whose_id_differs_from_the_stored_one_is_corruption() {
    let existing = created("existing", 1, 0);
    let resource = Resource {
        id: ResourceId::new(CLUSTER_ID, SHARD, 1, 7),
        ..updated(&existing, 2)
    };
    assert_rejected(
        "update with another id",
        batch(2, vec![Change::Updated(resource)]),
        "not the stored resource",
    );
    assert_rejected(
        "update of an absent key",
        batch(
            2,
            vec![Change::Updated(updated(&created("absent", 1, 1), 2))],
        ),
        "not the stored resource",
    );
}

#[test]
fn an_update_that_changes_the_created_time_is_corruption() {
    let existing = created("existing", 1, 0);
    let resource = Resource {
        created_ms: NOW_MS + 5,
        ..updated(&existing, 2)
    };
    assert_rejected(
        "update with another created time",
        batch(2, vec![Change::Updated(resource)]),
        "created time",
    );
}
