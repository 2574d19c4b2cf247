//! A type that declares a schema gets its data checked on every create and update: size, JSON
//! object, required fields, field kinds, undeclared fields. A violation rejects the whole batch
//! and names the schema; types without a schema are not checked; a schema change applies to the
//! next batch.

mod filters_common;

use aorta_engine::{Batch, Command, Rejection, ResourceSpec};
use filters_common::*;

fn task(name: &str, data: &str) -> Command {
    Command::put(
        ResourceSpec::new("/apps", name, "orchestrator/task").with_data(data.as_bytes().to_vec()),
        None,
    )
}

fn violation(result: Result<aorta_engine::CommitReceipt, aorta_engine::Error>) -> String {
    match rejection(result) {
        (
            "validation",
            _,
            Rejection::SchemaViolation {
                kind,
                schema,
                reason,
            },
        ) => {
            assert_eq!(kind, "orchestrator/task");
            assert_eq!(schema, "/system/policy/task-schema");
            reason
        }
        other => panic!("expected a schema violation, got {other:?}"),
    }
}

#[test]
fn schema_violations_are_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let engine = open(dir.path(), 2);
    engine
        .commit(Batch::single(schema(
            "task-schema",
            r#"{"type":"orchestrator/task","data_bytes_max":128,
                "fields":{"image":"string","replicas":"integer","env":"object"},
                "required":["image"],"additional_fields":false}"#,
        )))
        .unwrap();

    engine
        .commit(Batch::single(task(
            "ok",
            r#"{"image":"web:1","replicas":3}"#,
        )))
        .unwrap();
    let cases = [
        ("not-json", "image: web", "not JSON"),
        ("not-object", r#"["web:1"]"#, "not a JSON object"),
        ("missing", r#"{"replicas":3}"#, "\"image\" is missing"),
        (
            "wrong-kind",
            r#"{"image":"web","replicas":"3"}"#,
            "\"replicas\"",
        ),
        (
            "fraction",
            r#"{"image":"web","replicas":1.5}"#,
            "\"replicas\"",
        ),
        (
            "undeclared",
            r#"{"image":"web","debug":true}"#,
            "\"debug\" is not declared",
        ),
    ];
    for (name, data, expected) in cases {
        let reason = violation(engine.commit(Batch::single(task(name, data))));
        assert!(reason.contains(expected), "{name}: {reason}");
        assert!(engine.get("/apps", name).unwrap().is_none());
    }
    let long = format!(r#"{{"image":"{}"}}"#, "x".repeat(200));
    assert!(violation(engine.commit(Batch::single(task("long", &long)))).contains("limit"));

    // One bad resource rejects its batch whole, and an update is checked like a create.
    let batch = Batch::new(vec![
        task("fine", r#"{"image":"a"}"#),
        task("bad", r#"{"image":7}"#),
    ]);
    violation(engine.commit(batch));
    assert!(engine.get("/apps", "fine").unwrap().is_none());
    violation(engine.commit(Batch::single(task("ok", r#"{"replicas":1}"#))));
    assert_eq!(
        engine.get("/apps", "ok").unwrap().unwrap().data,
        br#"{"image":"web:1","replicas":3}"#
    );

    // Other types are not checked; a relaxed schema applies to the next batch.
    engine
        .commit(Batch::single(Command::put(
            ResourceSpec::new("/apps", "blob", "other").with_data(b"\xff\x00".to_vec()),
            None,
        )))
        .unwrap();
    engine
        .commit(Batch::single(schema(
            "task-schema",
            r#"{"type":"orchestrator/task","fields":{"image":"string"},"required":["image"]}"#,
        )))
        .unwrap();
    engine
        .commit(Batch::single(task(
            "undeclared",
            r#"{"image":"web","debug":true}"#,
        )))
        .unwrap();
    engine.commit(delete_policy("task-schema")).unwrap();
    engine
        .commit(Batch::single(task("free", "anything at all")))
        .unwrap();
}

#[test]
fn malformed_policy_resources_are_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let engine = open(dir.path(), 1);
    let cases = [
        policy(
            "r",
            "aorta.io/rule",
            r#"{"effect":"allow","principal":"a","namespace":"/","actions":["*"],"types":["*"],"efect":"deny"}"#,
        ),
        policy(
            "r",
            "aorta.io/rule",
            r#"{"effect":"allow","namespace":"/","actions":["*"],"types":["*"]}"#,
        ),
        policy("b", "aorta.io/budget", r#"{"namespace":"/t","budget":-5}"#),
        policy(
            "b",
            "aorta.io/role-binding",
            r#"{"principal":"a","roles":[]}"#,
        ),
        policy(
            "s",
            "aorta.io/schema",
            r#"{"type":"t","fields":{"a":"text"}}"#,
        ),
        policy("x", "something-else", "{}"),
        policy("x", "aorta.io/rule", "not json"),
    ];
    for (i, command) in cases.into_iter().enumerate() {
        match rejection(engine.commit(Batch::single(command))) {
            ("validation", 0, Rejection::InvalidPolicy { .. }) => {}
            other => panic!("case {i}: {other:?}"),
        }
    }
    assert_eq!(engine.positions().unwrap(), vec![0], "nothing was written");
}
