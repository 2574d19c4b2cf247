//! A read rule applies to every read served after its commit was acknowledged, on every shard:
//! a get, a list, and each event a subscription hands out — whatever position the read is at.
//! A subscription opened before a rule follows it: a deny hides the events handed out after it
//! (those of changes committed before it too), a grant shows the ones after it.

mod filters_common;
mod subscription_common;

use aorta_engine::query::Query;
use aorta_engine::subscription::{EventAction, Pattern, Start};
use aorta_engine::{Batch, Engine};
use filters_common::*;
use subscription_common::{assert_nothing_more, take};

fn grant(engine: &Engine, name: &str, namespace: &str) {
    engine
        .commit(Batch::single(rule(
            name,
            "allow",
            "principal:alice",
            namespace,
            &["read"],
            &["*"],
        )))
        .unwrap();
}

fn deny(engine: &Engine, name: &str, namespace: &str) {
    engine
        .commit(Batch::single(rule(
            name,
            "deny",
            "principal:alice",
            namespace,
            &["read"],
            &["*"],
        )))
        .unwrap();
}

#[test]
fn gets_and_lists_follow_each_rule_from_its_acknowledgement() {
    let dir = tempfile::tempdir().unwrap();
    let engine = open(dir.path(), 4);
    let alice = principal("alice");
    let policy_shard = engine.shard_for("/system/policy");
    let namespaces: Vec<String> = (0..64)
        .map(|i| format!("/apps/n{i}"))
        .filter(|ns| engine.shard_for(ns) != policy_shard)
        .take(8)
        .collect();
    assert_eq!(namespaces.len(), 8);
    for ns in &namespaces {
        engine.commit(Batch::single(put(ns, "x", "t"))).unwrap();
    }
    let list = |ns: &str| -> Query { query(ns, false, 10) };
    for (round, ns) in namespaces.iter().enumerate() {
        read_denial(engine.get_as(&alice, ns, "x"));
        read_denial(engine.query_as(&alice, &list(ns), None));
        let before = engine.positions().unwrap();

        grant(&engine, "alice-apps", "/apps");
        let found = engine.get_as(&alice, ns, "x");
        assert!(
            matches!(found, Ok(Some(_))),
            "round {round}, {ns}: {found:?}"
        );
        assert_eq!(
            engine
                .query_as(&alice, &list(ns), None)
                .unwrap()
                .items
                .len(),
            1
        );
        // An older position is read with today's rules.
        let old = engine.query_at_as(&alice, &list(ns), &before).unwrap();
        assert_eq!(old.items.len(), 1);

        deny(&engine, "alice-not-here", ns);
        read_denial(engine.get_as(&alice, ns, "x"));
        read_denial(engine.query_at_as(&alice, &list(ns), &before));
        engine.commit(delete_policy("alice-not-here")).unwrap();
        assert!(engine.get_as(&alice, ns, "x").unwrap().is_some());

        engine.commit(delete_policy("alice-apps")).unwrap();
        read_denial(engine.get_as(&alice, ns, "x"));
    }
}

#[test]
fn a_subscription_follows_the_rules_enforced_when_each_event_is_handed_out() {
    let dir = tempfile::tempdir().unwrap();
    // One shard: the events come in commit order, so that what was handed out before a rule
    // is known.
    let engine = open(dir.path(), 1);
    let alice = principal("alice");
    grant(&engine, "alice-apps", "/apps");
    let start = engine.positions().unwrap();
    let mut watch = engine
        .subscribe_as(&alice, Pattern::subtree("/"), Start::Now)
        .unwrap();
    let commit = |ns: &str, name: &str| -> u64 {
        engine
            .commit(Batch::single(put(ns, name, "t")))
            .unwrap()
            .position
    };
    let keys_of = |events: &[aorta_engine::subscription::Event]| -> Vec<(String, EventAction)> {
        events
            .iter()
            .map(|e| (e.new.as_ref().unwrap().key(), e.action))
            .collect()
    };

    commit("/apps/a", "1");
    commit("/ops", "1");
    commit("/apps/b", "1");
    assert_eq!(
        keys_of(&take(&mut watch, 2)),
        [
            ("/apps/a/1".to_string(), EventAction::Created),
            ("/apps/b/1".to_string(), EventAction::Created)
        ]
    );

    // A deny on /apps/b, then a grant on /ops: each applies to the events after it.
    deny(&engine, "alice-not-b", "/apps/b");
    commit("/apps/b", "2");
    commit("/apps/a", "2");
    grant(&engine, "alice-ops", "/ops");
    commit("/ops", "2");
    assert_eq!(
        keys_of(&take(&mut watch, 2)),
        [
            ("/apps/a/2".to_string(), EventAction::Created),
            ("/ops/2".to_string(), EventAction::Created)
        ]
    );
    assert_nothing_more(&mut watch);

    // Read from the history now, the changes of before the rules are judged by them too:
    // /apps/b is hidden, /ops shown.
    let mut again = engine
        .subscribe_as(&alice, Pattern::subtree("/"), Start::After(start))
        .unwrap();
    let keys: Vec<String> = take(&mut again, 4)
        .iter()
        .map(|e| e.new.as_ref().unwrap().key())
        .collect();
    assert_eq!(keys, ["/apps/a/1", "/ops/1", "/apps/a/2", "/ops/2"]);
    assert_nothing_more(&mut again);
}
