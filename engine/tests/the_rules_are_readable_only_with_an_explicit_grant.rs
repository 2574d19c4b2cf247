//! The policy namespace (the rules themselves) is read only with a read grant that names it: a
//! principal allowed everything on `/` may not get or list /system/policy, and its list of `/`
//! leaves the rules out; a grant on /system/policy lets it read them; a deny rule on `/` hides
//! them again, deny winning as everywhere.

mod filters_common;

use aorta_engine::filter::{POLICY_NAMESPACE, RULE_TYPE};
use aorta_engine::{Batch, Engine, Principal};
use filters_common::*;

fn policy_keys(engine: &Engine, principal: &Principal) -> Vec<String> {
    let (keys, _) = list_all(engine, principal, &query("/", true, 100));
    keys.into_iter()
        .filter(|key| key.starts_with(POLICY_NAMESPACE))
        .collect()
}

#[test]
fn only_a_grant_that_names_the_policy_namespace_reads_the_rules() {
    let dir = tempfile::tempdir().unwrap();
    let engine = open(dir.path(), 2);
    engine
        .commit(Batch::new(vec![
            rule("admin-all", "allow", "principal:admin", "/", &["*"], &["*"]),
            rule(
                "admin-system",
                "allow",
                "principal:admin",
                "/system",
                &["read"],
                &["*"],
            ),
            rule(
                "auditor-rules",
                "allow",
                "principal:auditor",
                POLICY_NAMESPACE,
                &["read"],
                &[RULE_TYPE],
            ),
        ]))
        .unwrap();
    engine
        .commit(Batch::single(put("/system", "settings", "config")))
        .unwrap();
    let admin = principal("admin");
    let auditor = principal("auditor");

    // Everything on `/` and a read grant on `/system`: /system's own resources, not the rules.
    assert!(engine
        .get_as(&admin, "/system", "settings")
        .unwrap()
        .is_some());
    read_denial(engine.get_as(&admin, POLICY_NAMESPACE, "admin-all"));
    read_denial(engine.query_as(&admin, &query(POLICY_NAMESPACE, false, 10), None));
    assert_eq!(policy_keys(&engine, &admin), Vec::<String>::new());
    let (everything, _) = list_all(&engine, &admin, &query("/", true, 100));
    assert_eq!(everything, ["/system/settings"]);
    assert_eq!(
        policy_keys(&engine, &Principal::Root).len(),
        3,
        "root reads them"
    );

    // A grant that names the policy namespace: the rules, and nothing else.
    let rule = engine
        .get_as(&auditor, POLICY_NAMESPACE, "admin-all")
        .unwrap()
        .unwrap();
    assert_eq!(rule.kind, RULE_TYPE);
    assert_eq!(policy_keys(&engine, &auditor).len(), 3);
    read_denial(engine.get_as(&auditor, "/system", "settings"));

    // The admin may write itself that grant (it may write everywhere); then it reads the rules.
    engine
        .commit_as(
            &admin,
            Batch::single(filters_common::rule(
                "admin-rules",
                "allow",
                "principal:admin",
                POLICY_NAMESPACE,
                &["read"],
                &["*"],
            )),
        )
        .unwrap();
    assert_eq!(policy_keys(&engine, &admin).len(), 4);

    // A deny on `/` reaches the policy namespace like any other.
    engine
        .commit(Batch::single(filters_common::rule(
            "auditor-nothing",
            "deny",
            "principal:auditor",
            "/",
            &["read"],
            &["*"],
        )))
        .unwrap();
    read_denial(engine.get_as(&auditor, POLICY_NAMESPACE, "admin-all"));
    read_denial(engine.query_as(&auditor, &query(POLICY_NAMESPACE, false, 10), None));
}
