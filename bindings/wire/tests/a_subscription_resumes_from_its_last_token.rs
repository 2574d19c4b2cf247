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

/// Event `index` of the batch committed at `position` in `shard` (its name tells them apart).
fn batch_event(shard: u16, position: u64, index: usize) -> Event {
    let mut event = an_event();
    event.shard = shard;
    event.position = position;
    let mut resource = (*event.new.take().unwrap()).clone();
    resource.name = format!("s{shard}-p{position}-e{index}");
    resource.id = aorta_engine::ResourceId::new(1, shard, position, index as u16);
    event.new = Some(Arc::new(resource));
    event
}

fn names(delivery: Delivery) -> Vec<String> {
    let Delivery::Events(events) = delivery else {
        panic!("events, not {delivery:?}");
    };
    events
        .into_iter()
        .map(|event| event.new.unwrap().name.clone())
        .collect()
}

fn events_frame(
    subscription: &mut ClientSubscription,
    events: &[Event],
    token: &[u64],
) -> Vec<String> {
    names(
        subscription
            .receive(&through_a_frame(&subscriptions::events(events, token)))
            .unwrap(),
    )
}

/// A batch the server cut between frames comes again whole on the stream that resumes from the
/// token before it (the frames before its last carry that token): the events delivered already
/// are dropped, the rest delivered, each once; on both shards at once, and again after a second
/// cut within the same batch.
#[test]
fn a_batch_cut_between_frames_is_delivered_once_across_resumes() {
    let (mut subscription, _) = ClientSubscription::open(Pattern::subtree("/"), Start::Now);
    subscription
        .receive(&through_a_frame(&subscriptions::subscribed(&[4, 10])))
        .unwrap();
    let b5: Vec<Event> = (0..6).map(|i| batch_event(0, 5, i)).collect();
    let b11: Vec<Event> = (0..3).map(|i| batch_event(1, 11, i)).collect();
    let b6 = batch_event(0, 6, 0);
    let all = |events: &[Event]| -> Vec<String> {
        events
            .iter()
            .map(|event| event.new.as_ref().unwrap().name.clone())
            .collect()
    };

    // Shard 0's batch 5 cut after 2 events, shard 1's batch 11 after 1: the tokens stay before.
    let first = [&b5[..2], &b11[..1]].concat();
    assert_eq!(
        events_frame(&mut subscription, &first, &[4, 10]),
        all(&first)
    );
    assert_eq!(resumed_start(&subscription), Start::After(vec![4, 10]));

    // The connection is lost; the new stream sends both batches from their starts, cut again
    // after 4 events of batch 5.
    subscription
        .receive(&through_a_frame(&subscriptions::subscribed(&[4, 10])))
        .unwrap();
    let again = [&b5[..4], &b11[..]].concat();
    assert_eq!(
        events_frame(&mut subscription, &again, &[4, 11]),
        all(&[&b5[2..4], &b11[1..]].concat()),
        "only what was not delivered before"
    );

    // Lost again: batch 5 from its start, whole this time, and the batch after it.
    subscription
        .receive(&through_a_frame(&subscriptions::subscribed(&[4, 11])))
        .unwrap();
    let rest = [&b5[..], std::slice::from_ref(&b6)].concat();
    assert_eq!(
        events_frame(&mut subscription, &rest, &[6, 11]),
        all(&[&b5[4..], std::slice::from_ref(&b6)].concat())
    );
    assert_eq!(resumed_start(&subscription), Start::After(vec![6, 11]));

    // Nothing past the token is remembered any more: a resume drops nothing.
    subscription
        .receive(&through_a_frame(&subscriptions::subscribed(&[6, 11])))
        .unwrap();
    let b7 = batch_event(0, 7, 0);
    assert_eq!(
        events_frame(&mut subscription, std::slice::from_ref(&b7), &[7, 11]),
        all(std::slice::from_ref(&b7))
    );
}

/// On one stream nothing is dropped: events past the token are only repeats on the next stream.
#[test]
fn a_cut_batch_on_one_stream_is_delivered_as_it_comes() {
    let (mut subscription, _) = ClientSubscription::open(Pattern::subtree("/"), Start::Now);
    subscription
        .receive(&through_a_frame(&subscriptions::subscribed(&[4])))
        .unwrap();
    let b5: Vec<Event> = (0..4).map(|i| batch_event(0, 5, i)).collect();
    assert_eq!(events_frame(&mut subscription, &b5[..2], &[4]).len(), 2);
    assert_eq!(events_frame(&mut subscription, &b5[2..], &[5]).len(), 2);
}

/// The batch is judged again on the resumed stream, by the read rules then in force: an event
/// the principal may now read comes for the first time and is delivered, one it may no longer
/// read does not come; the events delivered before are dropped by name, not by count.
#[test]
fn a_cut_batch_judged_again_after_a_rule_change_is_delivered_once() {
    let (mut subscription, _) = ClientSubscription::open(Pattern::subtree("/"), Start::Now);
    subscription
        .receive(&through_a_frame(&subscriptions::subscribed(&[4])))
        .unwrap();
    let [a, b, c, d] = [0, 1, 2, 3].map(|i| batch_event(0, 5, i));
    let name = |event: &Event| event.new.as_ref().unwrap().name.clone();
    // b was not readable: the first stream delivers a and c, then is cut.
    assert_eq!(
        events_frame(&mut subscription, &[a.clone(), c.clone()], &[4]),
        [name(&a), name(&c)]
    );
    // b is readable now: the resumed stream sends a, b, c, d.
    subscription
        .receive(&through_a_frame(&subscriptions::subscribed(&[4])))
        .unwrap();
    assert_eq!(
        events_frame(
            &mut subscription,
            &[a.clone(), b.clone(), c.clone(), d.clone()],
            &[5]
        ),
        [name(&b), name(&d)],
        "b for the first time, d new; a and c were delivered"
    );

    // And the other way: c is no longer readable on the resumed stream.
    let (mut subscription, _) = ClientSubscription::open(Pattern::subtree("/"), Start::Now);
    subscription
        .receive(&through_a_frame(&subscriptions::subscribed(&[4])))
        .unwrap();
    assert_eq!(
        events_frame(&mut subscription, &[c.clone(), d.clone()], &[4]).len(),
        2
    );
    subscription
        .receive(&through_a_frame(&subscriptions::subscribed(&[4])))
        .unwrap();
    assert_eq!(
        events_frame(&mut subscription, &[a.clone(), d.clone()], &[5]),
        [name(&a)],
        "a is new; d was delivered"
    );
}
