//! A client subscription keeps the token of the last frame it received: subscribing again (after
//! a lost connection) asks for every change after it. Before any token it resumes from its
//! original start; an end with `Compacted` is reported with its figures.

mod support;

use std::sync::Arc;

use aorta_engine::subscription::{Event, EventAction, Pattern, Start};
use aorta_engine::Error;
use aorta_wire::convert::subscribe_from_wire;
use aorta_wire::subscriptions::{self, ClientSubscription, Delivery};
use aorta_wire::wire;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use support::*;

fn an_event() -> Event {
    let resource = resource()
        .new_tree(&mut TestRunner::deterministic())
        .unwrap()
        .current();
    Event {
        shard: 1,
        position: 9,
        commit_time_ms: 5,
        action: EventAction::Created,
        old: None,
        new: Some(Arc::new(resource)),
    }
}

fn resumed_start(subscription: &ClientSubscription) -> Start {
    let wire::Message::Subscribe(subscribe) = through_a_frame(&subscription.resubscribe()) else {
        panic!("a subscribe");
    };
    subscribe_from_wire(&subscribe).unwrap().1
}

#[test]
fn the_last_token_received_is_where_it_resumes() {
    let pattern = Pattern::subtree("/apps");
    let (mut subscription, subscribe) = ClientSubscription::open(pattern.clone(), Start::Now);
    let wire::Message::Subscribe(first) = through_a_frame(&subscribe) else {
        panic!("a subscribe");
    };
    assert_eq!(subscribe_from_wire(&first).unwrap(), (pattern, Start::Now));
    assert_eq!(resumed_start(&subscription), Start::Now);

    let started = subscription
        .receive(&through_a_frame(&subscriptions::subscribed(&[4, 7])))
        .unwrap();
    assert_eq!(started, Delivery::Started);
    assert_eq!(resumed_start(&subscription), Start::After(vec![4, 7]));

    let event = an_event();
    let delivered = subscription
        .receive(&through_a_frame(&subscriptions::events(
            std::slice::from_ref(&event),
            &[4, 9],
        )))
        .unwrap();
    assert_eq!(delivered, Delivery::Events(vec![event]));
    assert_eq!(resumed_start(&subscription), Start::After(vec![4, 9]));
}

#[test]
fn an_end_is_reported_with_its_figures() {
    let (mut subscription, _) =
        ClientSubscription::open(Pattern::subtree("/"), Start::After(vec![1]));
    let end = subscriptions::ended(&Error::Compacted {
        shard: 0,
        requested: 1,
        oldest_available: 50,
        current: 80,
    });
    let Delivery::Ended(error) = subscription.receive(&through_a_frame(&end)).unwrap() else {
        panic!("an end");
    };
    assert_eq!(error.code, wire::ErrorCode::Compacted);
    assert!(subscription.is_ended());
    assert!(subscription.receive(&a_request()).is_err());
}
