//! A get as a principal is checked against its read rules: what a rule lets it read is answered;
//! in a namespace where it may read nothing the answer is `ReadDenied` whether the resource is
//! there or not (the answer does not tell); where it may read some types, a resource of a hidden
//! type is `ReadDenied` and an absent one `None`. A write grant is no read grant, `*` is. A get by
//! id answers a resource it may not read as absent.

mod filters_common;

use aorta_engine::filter::Action;
use aorta_engine::{Batch, Rejection};
use filters_common::*;

#[test]
fn a_get_answers_only_what_the_rules_let_the_principal_read() {
    let dir = tempfile::tempdir().unwrap();
    let engine = open(dir.path(), 2);
    engine
        .commit(Batch::new(vec![
            rule(
                "alice-reads-apps",
                "allow",
                "principal:alice",
                "/apps",
                &["read"],
                &["*"],
            ),
            rule(
                "alice-no-secrets",
                "deny",
                "principal:alice",
                "/apps",
                &["read"],
                &["secret"],
            ),
        ]))
        .unwrap();
    engine
        .commit(Batch::single(put("/apps", "web", "task")))
        .unwrap();
    engine
        .commit(Batch::single(put("/apps", "key", "secret")))
        .unwrap();
    engine
        .commit(Batch::single(put("/ops", "db", "task")))
        .unwrap();
    let alice = principal("alice");

    let web = engine.get_as(&alice, "/apps", "web").unwrap().unwrap();
    assert_eq!(web.kind, "task");
    assert_eq!(engine.get_as(&alice, "/apps", "absent").unwrap(), None);

    // A namespace no rule lets alice read: denied, there or not, and the same reason.
    let (target, present) = read_denial(engine.get_as(&alice, "/ops", "db"));
    assert_eq!(target, "/ops/db");
    let (_, absent) = read_denial(engine.get_as(&alice, "/ops", "nothing"));
    assert_eq!(present, absent, "the answer tells nothing of what exists");
    assert_eq!(
        present,
        Rejection::Denied {
            principal: "alice".into(),
            action: Action::Read,
            namespace: "/ops".into(),
            kind: "*".into(),
            rule: None,
        }
    );

    // A type a deny rule hides, in a namespace alice may read.
    let (target, reason) = read_denial(engine.get_as(&alice, "/apps", "key"));
    assert_eq!(target, "/apps/key");
    assert_eq!(
        reason,
        Rejection::Denied {
            principal: "alice".into(),
            action: Action::Read,
            namespace: "/apps".into(),
            kind: "secret".into(),
            rule: Some("/system/policy/alice-no-secrets".into()),
        }
    );

    // By id: what alice may read is found; what she may not is absent to her.
    let key = engine.get("/apps", "key").unwrap().unwrap();
    let db = engine.get("/ops", "db").unwrap().unwrap();
    assert_eq!(engine.get_by_id_as(&alice, web.id).unwrap(), Some(web));
    assert_eq!(engine.get_by_id_as(&alice, key.id).unwrap(), None);
    assert_eq!(engine.get_by_id_as(&alice, db.id).unwrap(), None);
    assert!(engine.get_by_id(db.id).unwrap().is_some(), "root reads it");
}

#[test]
fn write_grants_do_not_read_and_star_does() {
    let dir = tempfile::tempdir().unwrap();
    let engine = open(dir.path(), 1);
    engine
        .commit(Batch::new(vec![
            rule(
                "bob-writes",
                "allow",
                "principal:bob",
                "/apps",
                &["create", "update", "delete"],
                &["*"],
            ),
            rule(
                "carol-all",
                "allow",
                "principal:carol",
                "/apps",
                &["*"],
                &["*"],
            ),
        ]))
        .unwrap();
    let bob = principal("bob");
    let carol = principal("carol");
    engine
        .commit_as(&bob, Batch::single(put("/apps", "web", "task")))
        .unwrap();
    read_denial(engine.get_as(&bob, "/apps", "web"));
    let mallory = principal("mallory");
    read_denial(engine.get_as(&mallory, "/apps", "web"));
    let web = engine.get("/apps", "web").unwrap().unwrap();
    read_denial(engine.get_by_id_as(&mallory, web.id));
    assert!(engine.get_as(&carol, "/apps", "web").unwrap().is_some());
}
