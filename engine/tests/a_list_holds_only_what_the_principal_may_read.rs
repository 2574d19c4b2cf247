//! A list as a principal holds only what its read rules let it read: a deny rule on a namespace
//! inside the listed prefix leaves that subtree out, a deny rule on a type leaves that type out,
//! and the pages, followed by their tokens, hold every readable resource once, in order, full but
//! for the last. A list of a place where the rules let it read nothing is `ReadDenied`, whether or
//! not anything is there; so is one that a deny rule hides whole.

mod filters_common;

use aorta_engine::filter::Action;
use aorta_engine::query::Query;
use aorta_engine::{Batch, Command, Engine, Rejection};
use filters_common::*;

fn setup(engine: &Engine) {
    alice_reads_apps(engine, "/apps");
    for (namespace, count) in [
        ("/apps", 3),
        ("/apps/private", 4),
        ("/apps/private/deep", 2),
        ("/apps/web", 5),
        ("/apps/db", 3),
        ("/other", 3),
    ] {
        for i in 0..count {
            let kind = if i % 2 == 0 { "task" } else { "secret" };
            let commands: Vec<Command> = vec![put(namespace, &format!("r{i}"), kind)];
            engine.commit(Batch::new(commands)).unwrap();
        }
    }
}

/// What alice may read, by the test's own statement of the rules.
fn readable_by_alice(key: &str, kind: &str) -> bool {
    key.starts_with("/apps/") && !key.starts_with("/apps/private/") && kind != "secret"
}

#[test]
fn pages_leave_out_what_deny_rules_hide_and_tokens_walk_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let engine = open(dir.path(), 4);
    setup(&engine);
    let alice = principal("alice");
    let apps = query("/apps", true, 2);

    let everything = list_all(&engine, &aorta_engine::Principal::Root, &apps).0;
    let expected: Vec<String> = everything
        .iter()
        .filter(|key| {
            let (namespace, name) = key.rsplit_once('/').unwrap();
            let kind = engine.get(namespace, name).unwrap().unwrap().kind;
            readable_by_alice(key, &kind)
        })
        .cloned()
        .collect();
    assert_eq!(everything.len(), 17);
    assert_eq!(expected.len(), 7, "{expected:?}");

    let (listed, sizes) = list_all(&engine, &alice, &apps);
    assert_eq!(listed, expected);
    let (last, full) = sizes.split_last().unwrap();
    assert!(full.iter().all(|&size| size == 2), "{sizes:?}");
    assert!(*last <= 2);

    // Read as of older positions: the same rules.
    let positions = engine.positions().unwrap();
    let at = engine
        .query_at_as(&alice, &query("/apps", true, 100), &positions)
        .unwrap();
    let keys: Vec<String> = at.items.iter().map(|r| r.key()).collect();
    assert_eq!(keys, expected);

    // One type asked for: that type, where alice may read it.
    let tasks = Query {
        kind: Some("task".into()),
        ..query("/apps/web", false, 100)
    };
    let page = engine.query_as(&alice, &tasks, None).unwrap();
    assert_eq!(page.items.len(), 3);
    assert!(page.items.iter().all(|r| r.kind == "task"));
}

#[test]
fn a_list_where_nothing_is_readable_is_denied() {
    let dir = tempfile::tempdir().unwrap();
    let engine = open(dir.path(), 4);
    setup(&engine);
    let alice = principal("alice");

    // No rule of alice reaches /other: denied, though /other holds resources; and /nowhere,
    // which holds none, is answered the same.
    let (target, other) = read_denial(engine.query_as(&alice, &query("/other", true, 10), None));
    assert_eq!(target, "/other");
    let (_, nowhere) = read_denial(engine.query_as(&alice, &query("/nowhere", true, 10), None));
    assert_eq!(
        other,
        Rejection::Denied {
            principal: "alice".into(),
            action: Action::Read,
            namespace: "/other".into(),
            kind: "*".into(),
            rule: None,
        }
    );
    assert!(matches!(nowhere, Rejection::Denied { rule: None, .. }));

    // A deny rule hides /apps/private whole: its name is the reason.
    let (_, private) =
        read_denial(engine.query_as(&alice, &query("/apps/private", true, 10), None));
    assert!(
        matches!(private, Rejection::Denied { rule: Some(ref r), .. } if r == "/system/policy/alice-private"),
        "{private:?}"
    );
    // The type the deny rule hides, asked for alone.
    let secrets = Query {
        kind: Some("secret".into()),
        ..query("/apps", true, 10)
    };
    let (_, reason) = read_denial(engine.query_as(&alice, &secrets, None));
    assert!(matches!(reason, Rejection::Denied { ref kind, .. } if kind == "secret"));
    // As of older positions too.
    let positions = engine.positions().unwrap();
    read_denial(engine.query_at_as(&alice, &query("/other", false, 10), &positions));

    // A list of / reaches /apps, where alice may read: allowed, and holds only that.
    let (everything, _) = list_all(&engine, &alice, &query("/", true, 100));
    assert_eq!(everything.len(), 7);
    assert!(everything.iter().all(|key| key.starts_with("/apps/")));

    // Children of /apps: its own resources alice may read, none of its sub-namespaces'.
    let children = engine
        .query_as(&alice, &query("/apps", false, 10), None)
        .unwrap();
    assert_eq!(children.items.len(), 2);
    assert_eq!(children.items[0].namespace, "/apps");

    // bob, whom no rule names, may list nothing.
    read_denial(engine.query_as(&principal("bob"), &query("/", true, 10), None));
}
