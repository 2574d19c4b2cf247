//! Create, update, put and delete with their conditions, through the real engine on io_uring:
//! a failed condition rejects the whole batch and writes nothing.

use aorta_engine::{Batch, Command, ConflictReason, Engine, EngineConfig, Error, ResourceSpec};

fn spec(name: &str, data: &str) -> ResourceSpec {
    ResourceSpec::new("/apps/web", name, "task").with_data(data.as_bytes())
}

fn open(dir: &std::path::Path) -> Engine {
    Engine::open(EngineConfig::new(dir).with_shards(2)).expect("engine opens")
}

#[test]
fn create_update_put_delete_follow_their_rules() {
    let dir = tempfile::tempdir().unwrap();
    let engine = open(dir.path());

    let created = engine
        .commit(Batch::single(Command::create(spec("a", "1"))))
        .unwrap();
    let a = engine.get("/apps/web", "a").unwrap().unwrap();
    assert_eq!(a.revision, created.position);
    assert_eq!(a.id, created.ids[0]);
    assert_eq!(a.data, b"1");
    assert_eq!(engine.get_by_id(a.id).unwrap().unwrap(), a);

    let again = engine.commit(Batch::single(Command::create(spec("a", "2"))));
    assert!(matches!(
        again,
        Err(Error::Conflict {
            reason: ConflictReason::AlreadyExists { .. },
            ..
        })
    ));

    let missing = engine.commit(Batch::single(Command::update(spec("b", "x"), None)));
    assert!(matches!(
        missing,
        Err(Error::Conflict {
            reason: ConflictReason::NotFound,
            ..
        })
    ));

    let updated = engine
        .commit(Batch::single(Command::update(
            spec("a", "3"),
            Some(a.revision),
        )))
        .unwrap();
    let a2 = engine.get("/apps/web", "a").unwrap().unwrap();
    assert_eq!(a2.data, b"3");
    assert_eq!(a2.id, a.id, "update keeps the id");
    assert_eq!(a2.created_ms, a.created_ms, "update keeps the created time");
    assert_eq!(a2.revision, updated.position);

    let stale = engine.commit(Batch::single(Command::put(
        spec("a", "4"),
        Some(a.revision),
    )));
    assert!(matches!(
        stale,
        Err(Error::Conflict { reason: ConflictReason::RevisionMismatch { expected, actual }, .. })
            if expected == a.revision && actual == a2.revision
    ));

    engine
        .commit(Batch::single(Command::put(spec("c", "5"), Some(0))))
        .unwrap();
    engine
        .commit(Batch::single(Command::delete(
            "/apps/web",
            "a",
            Some(a2.revision),
        )))
        .unwrap();
    assert_eq!(engine.get("/apps/web", "a").unwrap(), None);
    assert_eq!(engine.get_by_id(a.id).unwrap(), None);
}

#[test]
fn a_failed_condition_rejects_the_whole_batch() {
    let dir = tempfile::tempdir().unwrap();
    let engine = open(dir.path());
    engine
        .commit(Batch::single(Command::create(spec("exists", "0"))))
        .unwrap();
    let before = engine.positions().unwrap();

    let batch = Batch::new(vec![
        Command::create(spec("new-1", "1")),
        Command::create(spec("new-2", "2")),
        Command::create(spec("exists", "3")),
    ]);
    match engine.commit(batch) {
        Err(Error::Conflict {
            command_index, key, ..
        }) => {
            assert_eq!(command_index, 2);
            assert_eq!(key, "/apps/web/exists");
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(engine.get("/apps/web", "new-1").unwrap(), None);
    assert_eq!(engine.get("/apps/web", "new-2").unwrap(), None);
    assert_eq!(engine.positions().unwrap(), before, "nothing was logged");
}

#[test]
fn a_batch_gets_one_position_and_survives_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let receipt = {
        let engine = open(dir.path());
        engine
            .commit(Batch::new(vec![
                Command::create(spec("x", "1")),
                Command::create(spec("y", "2")),
            ]))
            .unwrap()
    };
    let engine = open(dir.path());
    let x = engine.get("/apps/web", "x").unwrap().unwrap();
    let y = engine.get("/apps/web", "y").unwrap().unwrap();
    assert_eq!(x.revision, receipt.position);
    assert_eq!(y.revision, receipt.position);
    assert_eq!(vec![x.id, y.id], receipt.ids);
}

#[test]
fn reads_validate_their_key_and_cannot_alias_another_namespace() {
    let dir = tempfile::tempdir().unwrap();
    let engine = open(dir.path());
    engine
        .commit(Batch::single(Command::create(ResourceSpec::new(
            "/a/b", "c", "t",
        ))))
        .unwrap();
    // `/a` + `b/c` would spell the key of `/a/b` + `c`.
    assert!(matches!(engine.get("/a", "b/c"), Err(Error::Invalid(_))));
    assert!(matches!(engine.get("a", "c"), Err(Error::Invalid(_))));
    assert!(engine.get("/a/b", "c").unwrap().is_some());
}

#[test]
fn invalid_input_is_refused_with_the_rule_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let engine = open(dir.path());
    let before = engine.positions().unwrap();
    let too_big =
        ResourceSpec::new("/apps/web", "big", "task").with_data(vec![0u8; 1024 * 1024 + 1]);
    for (batch, what) in [
        (Batch::single(Command::create(too_big)), "data"),
        (
            Batch::single(Command::create(ResourceSpec::new(
                "/apps//web",
                "x",
                "task",
            ))),
            "namespace",
        ),
        (
            Batch::single(Command::create(ResourceSpec::new("/apps/web", "x", ""))),
            "type",
        ),
        (
            Batch::single(Command::delete("/apps/web", "..", None)),
            "name",
        ),
        (Batch::new(vec![]), "batch has no commands"),
        (
            Batch::new(vec![
                Command::create(spec("dup", "1")),
                Command::put(spec("dup", "2"), None),
            ]),
            "twice",
        ),
    ] {
        match engine.commit(batch) {
            Err(Error::Invalid(error)) => {
                assert!(
                    error.to_string().contains(what),
                    "{error} does not mention {what}"
                )
            }
            other => panic!("expected Invalid mentioning {what}, got {other:?}"),
        }
    }
    let mut tags = ResourceSpec::new("/apps/web", "tags", "task");
    for i in 0..65 {
        tags = tags.with_tag(&format!("k{i}"), "v");
    }
    assert!(matches!(
        engine.commit(Batch::single(Command::create(tags))),
        Err(Error::Invalid(aorta_engine::ValidationError::TooMany {
            max: 64,
            ..
        }))
    ));
    assert_eq!(engine.positions().unwrap(), before, "nothing was written");
}
