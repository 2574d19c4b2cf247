//! Deny wins: a deny rule that matches refuses the command whatever allows it, whether the deny
//! and the allow name the principal or one of its roles; removing the deny restores the allow.

mod filters_common;

use aorta_engine::filter::Action;
use aorta_engine::{Batch, Command, Rejection};
use filters_common::*;

#[test]
fn a_principal_deny_beats_a_role_allow() {
    let dir = tempfile::tempdir().unwrap();
    let engine = open(dir.path(), 1);
    let alice = principal("alice");
    engine
        .commit(Batch::new(vec![
            binding("alice-roles", "alice", &["dev"]),
            rule("dev-all", "allow", "role:dev", "/", &["*"], &["*"]),
            rule(
                "alice-prod",
                "deny",
                "principal:alice",
                "/apps/prod",
                &["update", "delete"],
                &["*"],
            ),
        ]))
        .unwrap();

    engine
        .commit_as(&alice, Batch::single(put("/apps/prod", "x", "task")))
        .unwrap();
    let (filter, _, reason) =
        rejection(engine.commit_as(&alice, Batch::single(put("/apps/prod", "x", "task2"))));
    assert_eq!(filter, "permission");
    assert_eq!(
        reason,
        Rejection::Denied {
            principal: "alice".into(),
            action: Action::Update,
            namespace: "/apps/prod".into(),
            kind: "task2".into(),
            rule: Some("/system/policy/alice-prod".into()),
        }
    );
    let (_, _, reason) = rejection(engine.commit_as(
        &alice,
        Batch::single(Command::delete("/apps/prod", "x", None)),
    ));
    assert!(matches!(reason, Rejection::Denied { rule: Some(_), .. }));
    // The deny covers /apps/prod's subtree by whole segments, not /apps/production.
    engine
        .commit_as(&alice, Batch::single(put("/apps/prod/eu", "y", "task")))
        .unwrap();
    rejection(engine.commit_as(&alice, Batch::single(put("/apps/prod/eu", "y", "task2"))));
    engine
        .commit_as(&alice, Batch::single(put("/apps/production", "z", "task")))
        .unwrap();
    engine
        .commit_as(&alice, Batch::single(put("/apps/production", "z", "task2")))
        .unwrap();

    engine.commit(delete_policy("alice-prod")).unwrap();
    engine
        .commit_as(&alice, Batch::single(put("/apps/prod", "x", "task2")))
        .unwrap();
    assert_eq!(
        engine.get("/apps/prod", "x").unwrap().unwrap().kind,
        "task2"
    );
}

#[test]
fn a_role_deny_beats_a_principal_allow() {
    let dir = tempfile::tempdir().unwrap();
    let engine = open(dir.path(), 1);
    let alice = principal("alice");
    engine
        .commit(Batch::new(vec![
            rule("alice-all", "allow", "principal:alice", "/", &["*"], &["*"]),
            rule(
                "no-interns-secrets",
                "deny",
                "role:intern",
                "/secrets",
                &["*"],
                &["*"],
            ),
        ]))
        .unwrap();
    engine
        .commit_as(&alice, Batch::single(put("/secrets", "a", "t")))
        .unwrap();

    engine
        .commit(Batch::single(binding(
            "alice-roles",
            "alice",
            &["dev", "intern"],
        )))
        .unwrap();
    let (_, _, reason) =
        rejection(engine.commit_as(&alice, Batch::single(put("/secrets", "b", "t"))));
    assert_eq!(
        reason,
        Rejection::Denied {
            principal: "alice".into(),
            action: Action::Create,
            namespace: "/secrets".into(),
            kind: "t".into(),
            rule: Some("/system/policy/no-interns-secrets".into()),
        }
    );
    assert_eq!(engine.get("/secrets", "b").unwrap(), None);
    // Still allowed outside the deny's prefix.
    engine
        .commit_as(&alice, Batch::single(put("/public", "b", "t")))
        .unwrap();
}
