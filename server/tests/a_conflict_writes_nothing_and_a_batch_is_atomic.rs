//! Conditional writes over the wire: an update whose expected revision moved on is `Conflict`
//! with the figures (kind, expected, actual) and writes nothing; a batch whose last command
//! conflicts writes none of its commands; a batch that holds is committed whole, at one
//! position.

mod common;

use aorta_engine::{Batch, Command, ResourceSpec};
use aorta_wire::convert::{Call, Reply};
use aorta_wire::wire;
use common::artery::connect_as;
use common::Node;

fn spec(name: &str, data: &str) -> ResourceSpec {
    ResourceSpec::new("/orders", name, "order").with_data(data.as_bytes().to_vec())
}

#[tokio::test]
async fn a_conflict_writes_nothing_and_a_batch_is_atomic() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(dir.path(), &[]);
    let artery = connect_as(&node, "root").await;

    let Reply::Committed(first) = artery
        .call(&Call::Commit(Batch::single(Command::create(spec(
            "o1", "1",
        )))))
        .await
    else {
        panic!("create")
    };
    let stale = first.position + 1000;
    let conflict = artery
        .call(&Call::Commit(Batch::single(Command::update(
            spec("o1", "2"),
            Some(stale),
        ))))
        .await;
    let Reply::Failed(error) = conflict else {
        panic!("{conflict:?}")
    };
    assert_eq!(error.code, wire::ErrorCode::Conflict, "{error}");
    let Some(wire::ErrorDetail::ConflictDetail(detail)) = &error.detail else {
        panic!("no conflict detail: {error:?}")
    };
    assert_eq!(detail.kind, wire::ConflictKind::RevisionMismatch);
    assert_eq!((detail.expected, detail.actual), (stale, first.position));
    assert!(!error.is_retryable());

    // The batch's last command fails: its first is not written either.
    let batch = Batch::new(vec![
        Command::create(spec("o2", "2")),
        Command::create(spec("o1", "again")),
    ]);
    let Reply::Failed(error) = artery.call(&Call::Commit(batch)).await else {
        panic!("the batch must fail")
    };
    let Some(wire::ErrorDetail::ConflictDetail(detail)) = &error.detail else {
        panic!("{error:?}")
    };
    assert_eq!(
        (detail.command_index, detail.kind),
        (1, wire::ConflictKind::AlreadyExists)
    );
    let o2 = artery
        .call(&Call::Get {
            namespace: "/orders".into(),
            name: "o2".into(),
        })
        .await;
    assert_eq!(o2, Reply::Found(None));

    // A batch that holds: every command at one position.
    let batch = Batch::new(vec![
        Command::create(spec("o2", "2")),
        Command::create(spec("o3", "3")),
        Command::update(spec("o1", "1b"), Some(first.position)),
    ]);
    let Reply::Committed(receipt) = artery.call(&Call::Commit(batch)).await else {
        panic!("the batch must commit")
    };
    for name in ["o1", "o2", "o3"] {
        let Reply::Found(Some(resource)) = artery
            .call(&Call::Get {
                namespace: "/orders".into(),
                name: name.into(),
            })
            .await
        else {
            panic!("{name} missing")
        };
        assert_eq!(resource.revision, receipt.position, "{name}");
    }
}
