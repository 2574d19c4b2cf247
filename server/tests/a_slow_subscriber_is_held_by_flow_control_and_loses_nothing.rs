//! A subscriber that stops reading: QUIC flow control stops the node's writes to its stream, and
//! writers are not held up. When the subscriber reads again it gets every change, in commit order,
//! once. (Where the events wait meanwhile — the engine's history, not a queue of the node, which
//! takes no more events for a stream it cannot write — is the design, `protocol::subscriptions`;
//! what this test observes is that nothing is lost or repeated and the writers go on.)

mod common;

use std::time::Duration;

use aorta_engine::query::Scope;
use aorta_engine::subscription::{Actions, Pattern, Start};
use aorta_engine::{Batch, Command, ResourceSpec};
use aorta_wire::convert::{Call, Reply};
use aorta_wire::subscriptions::{ClientSubscription, Delivery};
use common::artery::connect_as;
use common::Node;

/// 200 changes of 64 KiB each: 12.8 MB, far over a stream's flow-control window.
const CHANGES: usize = 200;
const DATA_BYTES: usize = 64 * 1024;

#[tokio::test]
async fn a_slow_subscriber_is_held_by_flow_control_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(dir.path(), &[]);
    let subscriber = connect_as(&node, "root").await;
    let writer = connect_as(&node, "root").await;
    let pattern = Pattern {
        namespace: "/big".into(),
        scope: Scope::Children,
        kind: None,
        selector: None,
        actions: Actions::ALL,
    };
    let (mut subscription, subscribe) = ClientSubscription::open(pattern, Start::Now);
    let mut stream = subscriber.stream().await;
    stream.send(&subscribe).await;
    let started = stream.receive().await.unwrap().unwrap();
    assert_eq!(subscription.receive(&started).unwrap(), Delivery::Started);

    // The subscriber reads nothing while every change is committed.
    let mut requests = writer.requests().await;
    for i in 0..CHANGES {
        let spec =
            ResourceSpec::new("/big", &format!("r{i:04}"), "blob").with_data(vec![7u8; DATA_BYTES]);
        let reply = tokio::time::timeout(
            Duration::from_secs(20),
            requests.call(&Call::Commit(Batch::single(Command::put(spec, None)))),
        )
        .await
        .expect("a writer is never held by a slow subscriber");
        assert!(matches!(reply, Reply::Committed(_)), "{reply:?}");
    }

    let mut names = Vec::new();
    while names.len() < CHANGES {
        let message = stream.receive().await.unwrap().expect("more events");
        let Delivery::Events(events) = subscription.receive(&message).unwrap() else {
            panic!("the subscription ended")
        };
        for event in events {
            let resource = event.new.expect("a put");
            assert_eq!(resource.data.len(), DATA_BYTES);
            names.push(resource.name.clone());
        }
    }
    let expected: Vec<String> = (0..CHANGES).map(|i| format!("r{i:04}")).collect();
    assert_eq!(names, expected, "every change, in order, once");
}
