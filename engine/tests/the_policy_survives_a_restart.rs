//! The policy is ordinary durable state: after a restart the rules, role bindings, schemas and
//! budgets in force are those that were committed, and the quota usage is counted again.

mod filters_common;

use aorta_engine::Batch;
use filters_common::*;

#[test]
fn the_policy_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let alice = principal("alice");
    {
        let engine = open(dir.path(), 3);
        engine
            .commit(Batch::new(vec![
                binding("alice-roles", "alice", &["dev"]),
                rule("dev-apps", "allow", "role:dev", "/apps", &["*"], &["*"]),
                rule(
                    "alice-db",
                    "deny",
                    "principal:alice",
                    "/apps/db",
                    &["*"],
                    &["*"],
                ),
                budget("apps", "/apps", 10),
                schema("t", r#"{"type":"t","data_bytes_max":4}"#),
            ]))
            .unwrap();
        engine
            .commit_as(&alice, Batch::single(put_cost("/apps/web", "a", 10)))
            .unwrap();
        engine.close();
    }
    let engine = open(dir.path(), 3);
    assert_eq!(engine.filter_board().enforced().policy.len(), 5);
    // Quota counted from the tables and the log: the budget is full.
    let (filter, _, _) =
        rejection(engine.commit_as(&alice, Batch::single(put_cost("/apps/web", "b", 1))));
    assert_eq!(filter, "quota");
    // Permissions: the deny and the default deny still hold; the role's allow too.
    let (filter, _, _) =
        rejection(engine.commit_as(&alice, Batch::single(put("/apps/db", "c", "x"))));
    assert_eq!(filter, "permission");
    let (filter, _, _) = rejection(engine.commit_as(&alice, Batch::single(put("/ops", "c", "x"))));
    assert_eq!(filter, "permission");
    engine
        .commit_as(&alice, Batch::single(put("/apps/web", "c", "x")))
        .unwrap();
    // The schema.
    let (filter, _, _) = rejection(engine.commit(Batch::single(aorta_engine::Command::put(
        aorta_engine::ResourceSpec::new("/apps/web", "d", "t").with_data(vec![0; 5]),
        None,
    ))));
    assert_eq!(filter, "validation");
}
