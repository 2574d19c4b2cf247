//! A batch with one command the permission filter refuses is rejected whole: nothing of it is
//! logged or applied, and no position is taken. A principal without rules may do nothing (default
//! deny); the root principal (what `commit` runs as) may do anything.

mod filters_common;

use aorta_engine::filter::Action;
use aorta_engine::{Batch, Command, Rejection};
use filters_common::*;

#[test]
fn one_forbidden_command_rejects_the_whole_batch() {
    let dir = tempfile::tempdir().unwrap();
    let engine = open(dir.path(), 1);
    let alice = principal("alice");
    engine
        .commit(Batch::single(rule(
            "alice-apps",
            "allow",
            "principal:alice",
            "/apps",
            &["create", "update"],
            &["*"],
        )))
        .unwrap();
    let before = positions(&engine);

    let batch = Batch::new(vec![
        put("/apps/web", "a", "task"),
        put("/secret", "b", "task"),
    ]);
    let (filter, index, reason) = rejection(engine.commit_as(&alice, batch));
    assert_eq!((filter, index), ("permission", 1));
    assert_eq!(
        reason,
        Rejection::Denied {
            principal: "alice".into(),
            action: Action::Create,
            namespace: "/secret".into(),
            kind: "task".into(),
            rule: None,
        }
    );
    assert_eq!(engine.get("/apps/web", "a").unwrap(), None);
    assert_eq!(engine.get("/secret", "b").unwrap(), None);
    assert_eq!(
        positions(&engine),
        before,
        "a rejected batch takes no position"
    );

    // Alone, the allowed command commits; a delete is not among alice's actions.
    engine
        .commit_as(&alice, Batch::single(put("/apps/web", "a", "task")))
        .unwrap();
    let (filter, _, reason) = rejection(engine.commit_as(
        &alice,
        Batch::single(Command::delete("/apps/web", "a", None)),
    ));
    assert_eq!(filter, "permission");
    assert!(matches!(
        reason,
        Rejection::Denied {
            action: Action::Delete,
            ..
        }
    ));
    assert!(engine.get("/apps/web", "a").unwrap().is_some());
}

#[test]
fn a_principal_without_rules_may_do_nothing_and_root_anything() {
    let dir = tempfile::tempdir().unwrap();
    let engine = open(dir.path(), 2);
    let bob = principal("bob");
    for namespace in ["/", "/apps", "/bob"] {
        let (filter, _, _) =
            rejection(engine.commit_as(&bob, Batch::single(put(namespace, "x", "t"))));
        assert_eq!(filter, "permission");
        assert_eq!(engine.get(namespace, "x").unwrap(), None);
    }
    // `commit` runs as root, which no rule binds.
    engine.commit(Batch::single(put("/bob", "x", "t"))).unwrap();
    engine
        .commit_as(&principal("root"), Batch::single(put("/apps", "x", "t")))
        .unwrap();
    assert!(engine.get("/bob", "x").unwrap().is_some());
    assert!(engine.get("/apps", "x").unwrap().is_some());
}
