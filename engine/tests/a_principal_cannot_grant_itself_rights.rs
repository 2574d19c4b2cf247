//! Bypass attempts: rules and role bindings are resources checked like any other, so a principal
//! allowed elsewhere cannot write itself a rule or a role; a batch is checked against the rules as
//! they were before it, so even a principal that may write rules cannot use a rule in the batch
//! that writes it; and changing a resource's type does not escape a rule on the type it had.

mod filters_common;

use aorta_engine::filter::{Action, RULE_TYPE};
use aorta_engine::{Batch, Command, Rejection, ResourceSpec};
use filters_common::*;

#[test]
fn a_principal_cannot_write_itself_a_rule_or_a_role() {
    let dir = tempfile::tempdir().unwrap();
    let engine = open(dir.path(), 3);
    let alice = principal("alice");
    engine
        .commit(Batch::new(vec![
            rule(
                "alice-apps",
                "allow",
                "principal:alice",
                "/apps",
                &["*"],
                &["*"],
            ),
            rule("admins", "allow", "role:admin", "/", &["*"], &["*"]),
        ]))
        .unwrap();
    let grant = rule("mine", "allow", "principal:alice", "/", &["*"], &["*"]);
    let (filter, _, reason) = rejection(engine.commit_as(&alice, Batch::single(grant)));
    assert_eq!(filter, "permission");
    assert_eq!(
        reason,
        Rejection::Denied {
            principal: "alice".into(),
            action: Action::Create,
            namespace: "/system/policy".into(),
            kind: RULE_TYPE.into(),
            rule: None,
        }
    );
    rejection(engine.commit_as(&alice, Batch::single(binding("me", "alice", &["admin"]))));
    // Nor delete or rewrite the rules that bind her.
    rejection(engine.commit_as(&alice, delete_policy("alice-apps")));
    let widened = rule(
        "alice-apps",
        "allow",
        "principal:alice",
        "/",
        &["*"],
        &["*"],
    );
    rejection(engine.commit_as(&alice, Batch::single(widened)));

    assert!(engine.get("/system/policy", "mine").unwrap().is_none());
    assert!(engine.get("/system/policy", "me").unwrap().is_none());
    rejection(engine.commit_as(&alice, Batch::single(put("/ops", "x", "t"))));
}

#[test]
fn a_batch_cannot_use_the_rule_it_writes() {
    let dir = tempfile::tempdir().unwrap();
    // One shard: a rule and a resource elsewhere can share a batch.
    let engine = open(dir.path(), 1);
    let alice = principal("alice");
    engine
        .commit(Batch::single(rule(
            "alice-writes-rules",
            "allow",
            "principal:alice",
            "/system/policy",
            &["*"],
            &[RULE_TYPE],
        )))
        .unwrap();
    let grant = rule(
        "alice-secrets",
        "allow",
        "principal:alice",
        "/secrets",
        &["*"],
        &["*"],
    );
    let batch = Batch::new(vec![grant.clone(), put("/secrets", "x", "t")]);
    let (filter, index, _) = rejection(engine.commit_as(&alice, batch));
    assert_eq!((filter, index), ("permission", 1));
    assert!(engine
        .get("/system/policy", "alice-secrets")
        .unwrap()
        .is_none());

    // Once the rule is committed on its own, it applies to her next batch.
    engine.commit_as(&alice, Batch::single(grant)).unwrap();
    engine
        .commit_as(&alice, Batch::single(put("/secrets", "x", "t")))
        .unwrap();
}

#[test]
fn changing_a_type_does_not_escape_a_rule_on_the_old_type() {
    let dir = tempfile::tempdir().unwrap();
    let engine = open(dir.path(), 2);
    let alice = principal("alice");
    engine
        .commit(Batch::new(vec![
            rule(
                "alice-apps",
                "allow",
                "principal:alice",
                "/apps",
                &["*"],
                &["*"],
            ),
            rule(
                "no-secrets",
                "deny",
                "principal:alice",
                "/apps",
                &["update", "delete"],
                &["secret"],
            ),
        ]))
        .unwrap();
    engine
        .commit(Batch::single(put("/apps", "s", "secret")))
        .unwrap();
    let (_, _, reason) =
        rejection(engine.commit_as(&alice, Batch::single(put("/apps", "s", "public"))));
    assert!(matches!(
        reason,
        Rejection::Denied { action: Action::Update, ref kind, .. } if kind == "secret"
    ));
    rejection(engine.commit_as(&alice, Batch::single(Command::delete("/apps", "s", None))));
    let update = Command::update(ResourceSpec::new("/apps", "s", "public"), None);
    rejection(engine.commit_as(&alice, Batch::single(update)));
    assert_eq!(engine.get("/apps", "s").unwrap().unwrap().kind, "secret");
    // Her own resources of other types she may change freely.
    engine
        .commit_as(&alice, Batch::single(put("/apps", "p", "public")))
        .unwrap();
    engine
        .commit_as(&alice, Batch::single(put("/apps", "p", "other")))
        .unwrap();
}
