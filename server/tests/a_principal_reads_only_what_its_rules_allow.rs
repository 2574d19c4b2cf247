//! The principal a client names in its handshake is the one its reads are checked as, over the
//! wire against a real aortad: with rules that let `alice` read /apps but no resource of type
//! `secret`, her get, list and subscription show only that; a get of a secret, a get or list of
//! /ops (there or not) and a subscription to /ops are `Rejected` by the permission filter with the
//! `Denied` reason marked `read` (the client's `Denied` kind). Positions and status need no rule.

mod common;

use aorta_engine::filter::{POLICY_NAMESPACE, RULE_TYPE};
use aorta_engine::query::{Query, Scope};
use aorta_engine::subscription::{Pattern, Start};
use aorta_engine::{Batch, Command, ResourceSpec};
use aorta_wire::convert::{Call, ListFrom, RemoteError, Reply};
use aorta_wire::subscriptions::{ClientSubscription, Delivery};
use aorta_wire::wire;
use common::artery::{connect_as, Artery, FramedStream};
use common::Node;

fn rule(name: &str, effect: &str, namespace: &str, types: &str) -> Command {
    let json = format!(
        r#"{{"effect":"{effect}","principal":"alice","namespace":"{namespace}","actions":["read"],"types":[{types}]}}"#
    );
    Command::put(
        ResourceSpec::new(POLICY_NAMESPACE, name, RULE_TYPE).with_data(json.into_bytes()),
        None,
    )
}

async fn write(artery: &Artery, command: Command) {
    let reply = artery.call(&Call::Commit(Batch::single(command))).await;
    assert!(matches!(reply, Reply::Committed(_)), "{reply:?}");
}

async fn get(artery: &Artery, namespace: &str, name: &str) -> Reply {
    artery
        .call(&Call::Get {
            namespace: namespace.into(),
            name: name.into(),
        })
        .await
}

async fn list(artery: &Artery, namespace: &str) -> Reply {
    let query = Query {
        namespace: namespace.into(),
        scope: Scope::Subtree,
        kind: None,
        selector: None,
        page_size: 100,
    };
    artery
        .call(&Call::List {
            query,
            from: ListFrom::Latest,
        })
        .await
}

/// The `Denied` reason of a refused read, checked to be the permission filter's and marked read.
fn read_denied(error: RemoteError) -> (String, Box<wire::Denied>) {
    assert_eq!(error.code, wire::ErrorCode::Rejected, "{error}");
    let Some(wire::ErrorDetail::RejectionDetail(detail)) = error.detail else {
        panic!("{error:?}")
    };
    assert_eq!(detail.filter, "permission");
    let wire::Rejection::Denied(denied) = detail.reason else {
        panic!("{:?}", detail.reason)
    };
    assert!(denied.read, "a read's denial says so");
    assert_eq!(denied.principal, "alice");
    (detail.key, denied)
}

fn failed(reply: Reply) -> RemoteError {
    match reply {
        Reply::Failed(error) => error,
        other => panic!("must be refused: {other:?}"),
    }
}

async fn subscribe(artery: &Artery, namespace: &str) -> (ClientSubscription, FramedStream) {
    let (subscription, subscribe) =
        ClientSubscription::open(Pattern::subtree(namespace), Start::Now);
    let mut stream = artery.stream().await;
    stream.send(&subscribe).await;
    (subscription, stream)
}

async fn next_delivery(
    subscription: &mut ClientSubscription,
    stream: &mut FramedStream,
) -> Delivery {
    let message = stream.receive().await.unwrap().expect("a message");
    subscription.receive(&message).unwrap()
}

#[tokio::test]
async fn a_principal_reads_only_what_its_rules_allow() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(dir.path(), &[]);
    let root = connect_as(&node, "root").await;
    write(&root, rule("alice-apps", "allow", "/apps", r#""*""#)).await;
    write(&root, rule("alice-no-secrets", "deny", "/", r#""secret""#)).await;
    for (namespace, name, kind) in [
        ("/apps/web", "site", "task"),
        ("/apps/web", "key", "secret"),
        ("/ops", "db", "task"),
    ] {
        write(
            &root,
            Command::put(ResourceSpec::new(namespace, name, kind), None),
        )
        .await;
    }
    let alice = connect_as(&node, "alice").await;

    // Get.
    let Reply::Found(Some(site)) = get(&alice, "/apps/web", "site").await else {
        panic!("alice reads /apps/web/site")
    };
    assert_eq!(site.kind, "task");
    assert_eq!(get(&alice, "/apps/web", "absent").await, Reply::Found(None));
    let (key, secret) = read_denied(failed(get(&alice, "/apps/web", "key").await));
    assert_eq!(key, "/apps/web/key");
    assert_eq!(secret.kind, "secret");
    assert_eq!(
        secret.rule.as_deref(),
        Some("/system/policy/alice-no-secrets")
    );
    let (_, there) = read_denied(failed(get(&alice, "/ops", "db").await));
    let (_, absent) = read_denied(failed(get(&alice, "/ops", "nothing").await));
    assert_eq!(
        there, absent,
        "the answer tells nothing of what exists in /ops"
    );
    assert_eq!(there.namespace_path, "/ops");
    assert!(matches!(
        get(&root, "/ops", "db").await,
        Reply::Found(Some(_))
    ));

    // List.
    let Reply::Page(page) = list(&alice, "/apps").await else {
        panic!("alice lists /apps")
    };
    let keys: Vec<String> = page.items.iter().map(|r| r.key()).collect();
    assert_eq!(keys, ["/apps/web/site"], "the secret is left out");
    let (target, _) = read_denied(failed(list(&alice, "/ops").await));
    assert_eq!(target, "/ops");

    // Positions and status name no namespace: anyone may have them.
    assert!(matches!(
        alice.call(&Call::Positions).await,
        Reply::Positions(_)
    ));
    assert!(matches!(alice.call(&Call::Status).await, Reply::Status(_)));

    // Watch: /ops is refused at once; /apps delivers only what alice may read.
    let (mut ops, mut ops_stream) = subscribe(&alice, "/ops").await;
    let Delivery::Ended(error) = next_delivery(&mut ops, &mut ops_stream).await else {
        panic!("a subscription to /ops is refused")
    };
    let (target, _) = read_denied(error);
    assert_eq!(target, "/ops");

    let (mut apps, mut apps_stream) = subscribe(&alice, "/apps").await;
    assert!(matches!(
        next_delivery(&mut apps, &mut apps_stream).await,
        Delivery::Started
    ));
    for (namespace, name, kind) in [
        ("/apps/web", "key2", "secret"),
        ("/ops", "db2", "task"),
        ("/apps/web", "page", "task"),
    ] {
        write(
            &root,
            Command::put(ResourceSpec::new(namespace, name, kind), None),
        )
        .await;
    }
    let Delivery::Events(events) = next_delivery(&mut apps, &mut apps_stream).await else {
        panic!("events")
    };
    let keys: Vec<String> = events
        .iter()
        .map(|e| e.new.as_ref().unwrap().key())
        .collect();
    assert_eq!(
        keys,
        ["/apps/web/page"],
        "the secret's creation is not delivered"
    );
}
