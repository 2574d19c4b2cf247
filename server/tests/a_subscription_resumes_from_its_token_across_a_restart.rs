//! A subscription over the wire receives the changes that match it, with a resume token on
//! every `Events` frame; after the node restarts (changes committed meanwhile), subscribing again
//! from the last token received delivers every later change once: nothing lost, nothing
//! repeated. A start past a shard's history is not served silently (its error comes as
//! `SubscriptionEnd` or is absent only when the history still holds it).

mod common;

use aorta_engine::query::Scope;
use aorta_engine::subscription::{Actions, Pattern, Start};
use aorta_engine::{Batch, Command, ResourceSpec};
use aorta_wire::convert::{Call, Reply};
use aorta_wire::subscriptions::{ClientSubscription, Delivery};
use common::artery::{connect_as, Artery, FramedStream};
use common::Node;

fn pattern() -> Pattern {
    Pattern {
        namespace: "/feed".into(),
        scope: Scope::Subtree,
        kind: None,
        selector: None,
        actions: Actions::ALL,
    }
}

async fn put(artery: &Artery, name: &str) {
    let spec = ResourceSpec::new("/feed", name, "item");
    let reply = artery
        .call(&Call::Commit(Batch::single(Command::put(spec, None))))
        .await;
    assert!(matches!(reply, Reply::Committed(_)), "{reply:?}");
}

/// Opens `subscription` on a new stream and waits for `Subscribed`.
async fn open(artery: &Artery, subscription: &mut ClientSubscription) -> FramedStream {
    let mut stream = artery.stream().await;
    stream.send(&subscription.resubscribe()).await;
    let first = stream.receive().await.unwrap().expect("Subscribed");
    assert_eq!(subscription.receive(&first).unwrap(), Delivery::Started);
    stream
}

/// Receives events until `count` have come; their resources' names.
async fn receive(
    stream: &mut FramedStream,
    subscription: &mut ClientSubscription,
    count: usize,
) -> Vec<String> {
    let mut names = Vec::new();
    while names.len() < count {
        let message = stream.receive().await.unwrap().expect("more events");
        match subscription.receive(&message).unwrap() {
            Delivery::Events(events) => names.extend(
                events
                    .iter()
                    .map(|e| e.new.as_ref().or(e.old.as_ref()).unwrap().name.clone()),
            ),
            other => panic!("{other:?}"),
        }
    }
    names
}

#[tokio::test]
async fn a_subscription_resumes_from_its_token_across_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(dir.path(), &[]);
    let artery = connect_as(&node, "root").await;
    let (mut subscription, _) = ClientSubscription::open(pattern(), Start::Now);
    let mut stream = open(&artery, &mut subscription).await;
    for name in ["a", "b", "c"] {
        put(&artery, name).await;
    }
    assert_eq!(
        receive(&mut stream, &mut subscription, 3).await,
        ["a", "b", "c"]
    );
    let token = subscription.resume_from().clone();
    drop(stream);
    drop(artery);
    let (status, _) = node.terminate();
    assert_eq!(status.code(), Some(0));

    let node = Node::start(dir.path(), &[]);
    let artery = connect_as(&node, "root").await;
    for name in ["d", "e"] {
        put(&artery, name).await;
    }
    assert_eq!(subscription.resume_from(), &token);
    let mut stream = open(&artery, &mut subscription).await;
    put(&artery, "f").await;
    assert_eq!(
        receive(&mut stream, &mut subscription, 3).await,
        ["d", "e", "f"],
        "every change after the token, once"
    );
    // Nothing more arrives: no change came twice.
    let quiet = tokio::time::timeout(std::time::Duration::from_millis(300), stream.receive()).await;
    assert!(quiet.is_err(), "unexpected: {quiet:?}");

    // The client stops the stream; the node goes on serving the connection.
    stream.send.reset(0u32.into()).unwrap();
    let _ = stream.recv.stop(0u32.into());
    assert!(matches!(
        artery.call(&Call::Positions).await,
        Reply::Positions(_)
    ));
}
