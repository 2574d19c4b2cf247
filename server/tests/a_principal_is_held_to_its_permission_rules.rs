//! The principal a client names in its handshake is the one its writes are checked as: with a
//! rule (a resource under /system/policy) that lets `alice` write /apps only, alice's write to
//! /apps commits, her write to /ops is `Rejected` by the permission filter with the figures, and
//! she cannot write herself a wider rule; `root` may.

mod common;

use aorta_engine::filter::{POLICY_NAMESPACE, RULE_TYPE};
use aorta_engine::{Batch, Command, ResourceSpec};
use aorta_wire::convert::{Call, Reply};
use aorta_wire::wire;
use common::artery::{connect_as, Artery};
use common::Node;

fn rule(name: &str, principal: &str, namespace: &str) -> Command {
    let json = format!(
        r#"{{"effect":"allow","principal":"{principal}","namespace":"{namespace}","actions":["*"],"types":["*"]}}"#
    );
    Command::put(
        ResourceSpec::new(POLICY_NAMESPACE, name, RULE_TYPE).with_data(json.into_bytes()),
        None,
    )
}

async fn write(artery: &Artery, command: Command) -> Reply {
    artery.call(&Call::Commit(Batch::single(command))).await
}

fn denied(reply: Reply) -> Box<wire::Denied> {
    let Reply::Failed(error) = reply else {
        panic!("must be rejected: {reply:?}")
    };
    assert_eq!(error.code, wire::ErrorCode::Rejected, "{error}");
    let Some(wire::ErrorDetail::RejectionDetail(detail)) = error.detail else {
        panic!("{error:?}")
    };
    assert_eq!(detail.filter, "permission");
    let wire::Rejection::Denied(denied) = detail.reason else {
        panic!("{:?}", detail.reason)
    };
    denied
}

#[tokio::test]
async fn a_principal_is_held_to_its_permission_rules() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(dir.path(), &[]);
    let root = connect_as(&node, "root").await;
    let granted = write(&root, rule("alice-apps", "alice", "/apps")).await;
    assert!(matches!(granted, Reply::Committed(_)), "{granted:?}");

    let alice = connect_as(&node, "alice").await;
    assert_eq!(alice.session.principal, "alice");
    let allowed = write(
        &alice,
        Command::put(ResourceSpec::new("/apps", "web", "task"), None),
    )
    .await;
    assert!(matches!(allowed, Reply::Committed(_)), "{allowed:?}");

    let refused = denied(
        write(
            &alice,
            Command::put(ResourceSpec::new("/ops", "db", "task"), None),
        )
        .await,
    );
    assert_eq!(refused.principal, "alice");
    assert_eq!(refused.namespace_path, "/ops");
    // Root reads it: alice's rule does not let her read /ops.
    let ops = root
        .call(&Call::Get {
            namespace: "/ops".into(),
            name: "db".into(),
        })
        .await;
    assert_eq!(ops, Reply::Found(None), "a denied write writes nothing");

    let widened = denied(write(&alice, rule("alice-all", "alice", "/")).await);
    assert_eq!(widened.namespace_path, POLICY_NAMESPACE);
    let by_root = write(
        &root,
        Command::put(ResourceSpec::new("/ops", "db", "task"), None),
    )
    .await;
    assert!(matches!(by_root, Reply::Committed(_)), "{by_root:?}");
}

/// A principal no rule names (the cluster key lets a client name any) may write nothing: the
/// permission filter denies by default, creates, updates and deletes alike.
#[tokio::test]
async fn an_unknown_principal_may_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(dir.path(), &[]);
    let root = connect_as(&node, "root").await;
    let made = write(
        &root,
        Command::put(ResourceSpec::new("/apps", "web", "task"), None),
    )
    .await;
    assert!(matches!(made, Reply::Committed(_)), "{made:?}");

    let mallory = connect_as(&node, "mallory").await;
    assert_eq!(mallory.session.principal, "mallory");
    for command in [
        Command::create(ResourceSpec::new("/apps", "api", "task")),
        Command::put(ResourceSpec::new("/apps", "web", "task"), None),
        Command::delete("/apps", "web", None),
    ] {
        let refused = denied(write(&mallory, command).await);
        assert_eq!(refused.principal, "mallory");
        assert_eq!(refused.namespace_path, "/apps");
    }
    let web = root
        .call(&Call::Get {
            namespace: "/apps".into(),
            name: "web".into(),
        })
        .await;
    let Reply::Found(Some(web)) = web else {
        panic!("{web:?}")
    };
    assert_eq!(web.revision, 1, "nothing mallory sent was written");
}
