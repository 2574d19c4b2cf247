//! A subscription stream ends with `SubscriptionEnd` carrying the error, then finishes: a pattern
//! that breaks a rule is `InvalidPattern`, a start that names another number of shards is
//! `InvalidQuery`, and a node shutting down ends a live subscription with `Unavailable` (the
//! client subscribes again from its last token elsewhere or later).

mod common;

use aorta_engine::query::Scope;
use aorta_engine::subscription::{Actions, Pattern, Start};
use aorta_wire::subscriptions::{ClientSubscription, Delivery};
use aorta_wire::wire;
use common::artery::{connect_as, Artery};
use common::Node;

fn pattern(actions: Actions) -> Pattern {
    Pattern {
        namespace: "/feed".into(),
        scope: Scope::Subtree,
        kind: None,
        selector: None,
        actions,
    }
}

/// Subscribes and returns the code the subscription ended with (after `Subscribed`, if any).
async fn ended_with(artery: &Artery, pattern: Pattern, start: Start) -> wire::ErrorCode {
    let (mut subscription, subscribe) = ClientSubscription::open(pattern, start);
    let mut stream = artery.stream().await;
    stream.send(&subscribe).await;
    loop {
        let message = stream.receive().await.unwrap().expect("an end");
        match subscription.receive(&message).unwrap() {
            Delivery::Ended(error) => {
                assert_eq!(stream.receive().await, Ok(None), "finished after its end");
                return error.code;
            }
            Delivery::Started | Delivery::Events(_) => {}
        }
    }
}

#[tokio::test]
async fn a_subscription_ends_with_its_error() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(dir.path(), &[]);
    let artery = connect_as(&node, "root").await;
    assert_eq!(
        ended_with(&artery, pattern(Actions::NONE), Start::Now).await,
        wire::ErrorCode::InvalidPattern
    );
    let too_many_shards = Start::After(vec![0; 257]);
    let code = ended_with(&artery, pattern(Actions::ALL), too_many_shards).await;
    assert!(
        matches!(
            code,
            wire::ErrorCode::InvalidQuery | wire::ErrorCode::InvalidInput
        ),
        "{code:?}"
    );

    let live = tokio::spawn(async move {
        let code = ended_with(&artery, pattern(Actions::ALL), Start::Now).await;
        (code, artery)
    });
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    node.signal(libc::SIGTERM);
    let (code, _artery) = live.await.unwrap();
    assert_eq!(code, wire::ErrorCode::Unavailable);
    let (status, _) = node.terminate_wait();
    assert_eq!(status.code(), Some(0));
}
