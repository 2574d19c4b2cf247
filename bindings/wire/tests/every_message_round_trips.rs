//! Every message of the protocol goes through a frame and comes back equal; engine values go to
//! the wire, through a frame, and back to equal engine values (proptest).

mod support;

use std::collections::BTreeSet;

use aorta_engine::engine::{ShardHealth, ShardState};
use aorta_engine::query::{Page, Query};
use aorta_engine::CommitReceipt;
use aorta_wire::convert::{self, Call, ListFrom, RemoteError, Reply, Status};
use aorta_wire::handshake::message_kind;
use aorta_wire::wire;
use proptest::prelude::*;
use support::*;

#[test]
fn every_message_kind_survives_a_frame() {
    let messages = every_message();
    let kinds: BTreeSet<&str> = messages.iter().map(message_kind).collect();
    assert_eq!(kinds.len(), 18, "a sample of every message kind: {kinds:?}");
    for message in &messages {
        assert_eq!(&through_a_frame(message), message);
    }
}

fn call_round_trip(call: &Call) -> Call {
    let message = wire::Message::Request(Box::new(wire::Request {
        id: 1,
        body: call.to_wire(),
    }));
    let wire::Message::Request(request) = through_a_frame(&message) else {
        panic!("a request comes back a request");
    };
    Call::from_wire(request.body).expect("a valid call decodes")
}

fn reply_round_trip(reply: &Reply) -> Reply {
    let message = wire::Message::Response(Box::new(wire::Response {
        request_id: 1,
        body: reply.to_wire(),
    }));
    let wire::Message::Response(response) = through_a_frame(&message) else {
        panic!("a response comes back a response");
    };
    Reply::from_wire(&response.body).expect("a valid reply decodes")
}

fn positions() -> impl Strategy<Value = Vec<u64>> {
    prop::collection::vec(any::<u64>(), 1..8)
}

proptest! {
    #[test]
    fn commits_round_trip(batch in batch()) {
        let call = Call::Commit(batch);
        prop_assert_eq!(call_round_trip(&call), call);
    }

    #[test]
    fn gets_round_trip(namespace in namespace(), name in name(), id in resource_id()) {
        let call = Call::Get { namespace, name };
        prop_assert_eq!(call_round_trip(&call), call);
        let call = Call::GetById(id);
        prop_assert_eq!(call_round_trip(&call), call);
    }

    #[test]
    fn lists_round_trip(query in query(), positions in positions(), at in any::<bool>()) {
        let from = if at { ListFrom::Positions(positions) } else { ListFrom::Latest };
        let call = Call::List { query, from };
        prop_assert_eq!(call_round_trip(&call), call);
    }

    #[test]
    fn receipts_and_gets_round_trip(
        shard in any::<u16>(),
        position in any::<u64>(),
        ids in prop::collection::vec(resource_id(), 1..5),
        found in prop::option::of(resource()),
    ) {
        let reply = Reply::Committed(CommitReceipt { shard, position, ids });
        prop_assert_eq!(reply_round_trip(&reply), reply);
        let reply = Reply::Found(found);
        prop_assert_eq!(reply_round_trip(&reply), reply);
    }

    #[test]
    fn pages_round_trip(items in prop::collection::vec(resource(), 0..8), positions in positions()) {
        let reply = Reply::Page(Page { items, positions, next: None });
        prop_assert_eq!(reply_round_trip(&reply), reply);
    }

    #[test]
    fn positions_and_status_round_trip(positions in positions(), cluster_id in any::<u32>(), down in any::<bool>()) {
        let reply = Reply::Positions(positions);
        prop_assert_eq!(reply_round_trip(&reply), reply);
        let state = if down { ShardState::Down { cause: "disk".into() } } else { ShardState::Up };
        let reply = Reply::Status(Status {
            cluster_id,
            shards: vec![ShardHealth { shard: 0, state, queued_requests: 3, queued_bytes: 4 }],
        });
        prop_assert_eq!(reply_round_trip(&reply), reply);
    }

    #[test]
    fn subscriptions_round_trip(pattern in pattern(), start in start()) {
        let message = wire::Message::Subscribe(Box::new(convert::subscribe_to_wire(&pattern, &start)));
        let wire::Message::Subscribe(subscribe) = through_a_frame(&message) else {
            panic!("a subscribe comes back a subscribe");
        };
        let (decoded_pattern, decoded_start) = convert::subscribe_from_wire(&subscribe).unwrap();
        prop_assert_eq!(decoded_pattern, pattern);
        prop_assert_eq!(decoded_start, start);
    }

    #[test]
    fn events_round_trip(events in prop::collection::vec(event(), 0..4), token in positions()) {
        let message = wire::Message::Events(Box::new(convert::events_to_wire(&events, &token)));
        let wire::Message::Events(decoded) = through_a_frame(&message) else {
            panic!("events come back events");
        };
        let (decoded_events, decoded_token) = convert::events_from_wire(&decoded).unwrap();
        prop_assert_eq!(decoded_events, events);
        prop_assert_eq!(decoded_token, token);
    }
}

/// A page's continuation token travels as its text and comes back the same token; a list with
/// that token decodes when it is sent with the query it belongs to.
#[test]
fn a_page_token_round_trips_and_binds_to_its_query() {
    use aorta_engine::query::{Scope, ShardResume, Token};
    let query = Query {
        namespace: "/apps".into(),
        scope: Scope::Subtree,
        kind: None,
        selector: None,
        page_size: 10,
    };
    let token = Token::new(
        query.fingerprint(),
        vec![5, 6],
        vec![ShardResume::Done, ShardResume::Start],
    )
    .unwrap();
    let reply = Reply::Page(Page {
        items: Vec::new(),
        positions: vec![5, 6],
        next: Some(token.clone()),
    });
    assert_eq!(reply_round_trip(&reply), reply);
    let call = Call::List {
        query: query.clone(),
        from: ListFrom::Token(token.encode()),
    };
    assert_eq!(call_round_trip(&call), call);
}

#[test]
fn a_remote_error_round_trips() {
    let reply = Reply::Failed(RemoteError {
        code: wire::ErrorCode::Overloaded,
        message: "shard 0 is overloaded".into(),
        detail: Some(wire::ErrorDetail::ShardDetail(Box::new(
            wire::ShardDetail { shard: 0 },
        ))),
    });
    assert_eq!(reply_round_trip(&reply), reply);
}
