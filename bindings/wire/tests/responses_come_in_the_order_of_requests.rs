//! On a request stream the server may finish requests in any order but answers them in the order
//! they came; the client matches each response to its oldest request in flight and refuses one
//! out of order; a request that fails to decode is answered in its turn with an error; both sides
//! bound the requests in flight; replies are matched by place, so a repeated id gets each reply
//! for its own request.

mod support;

use aorta_wire::convert::{Call, RemoteError, Reply};
use aorta_wire::requests::{ClientRequests, RequestStreamError, ServerRequests};
use aorta_wire::wire;
use support::*;

fn get(name: &str) -> Call {
    Call::Get {
        namespace: "/apps".into(),
        name: name.into(),
    }
}

#[test]
fn replies_finished_out_of_order_go_out_in_order() {
    let mut client = ClientRequests::default();
    let mut server = ServerRequests::default();
    let mut ids = Vec::new();
    let mut seqs = Vec::new();
    for name in ["a", "b", "c"] {
        let (id, request) = client.send(&get(name)).unwrap();
        let accepted = server.accept(through_a_frame(&request)).unwrap();
        assert_eq!(accepted.id, id);
        assert_eq!(accepted.call, Ok(get(name)));
        ids.push(id);
        seqs.push(accepted.seq);
    }
    assert_eq!(seqs, [0, 1, 2]);
    assert_eq!(client.in_flight(), 3);

    server.finish(seqs[2], &Reply::Found(None)).unwrap();
    assert!(server.ready().is_empty(), "c waits for a and b");
    server.finish(seqs[0], &Reply::Positions(vec![1])).unwrap();
    let first = server.ready();
    assert_eq!(first.len(), 1);
    server.finish(seqs[1], &Reply::Positions(vec![2])).unwrap();
    let rest = server.ready();
    assert_eq!(rest.len(), 2);
    assert_eq!(server.pending(), 0);

    let replies: Vec<(u64, Reply)> = first
        .iter()
        .chain(&rest)
        .map(|response| client.receive(&through_a_frame(response)).unwrap())
        .collect();
    assert_eq!(
        replies,
        vec![
            (ids[0], Reply::Positions(vec![1])),
            (ids[1], Reply::Positions(vec![2])),
            (ids[2], Reply::Found(None)),
        ]
    );
    assert_eq!(client.in_flight(), 0);
}

#[test]
fn the_client_refuses_a_response_out_of_order() {
    let mut client = ClientRequests::default();
    let (first, _) = client.send(&get("a")).unwrap();
    let (second, _) = client.send(&get("b")).unwrap();
    let response = wire::Message::Response(Box::new(wire::Response {
        request_id: second,
        body: Reply::Found(None).to_wire(),
    }));
    assert_eq!(
        client.receive(&response),
        Err(RequestStreamError::OutOfOrder {
            expected: Some(first),
            found: second
        })
    );
    assert!(matches!(
        client.receive(&a_request()),
        Err(RequestStreamError::Unexpected { .. })
    ));
}

#[test]
fn an_invalid_request_is_answered_in_its_turn() {
    let mut client = ClientRequests::default();
    let mut server = ServerRequests::default();
    let bad = Call::Get {
        namespace: "no slash".into(),
        name: "x".into(),
    };
    let (id, request) = client.send(&bad).unwrap();
    let accepted = server.accept(request).unwrap();
    assert_eq!(accepted.id, id);
    let error = accepted.call.unwrap_err();
    let reply = Reply::Failed(RemoteError::from_wire(&error.to_wire()));
    server.finish(accepted.seq, &reply).unwrap();
    let responses = server.ready();
    let (_, received) = client.receive(&responses[0]).unwrap();
    let Reply::Failed(remote) = received else {
        panic!("an error reply");
    };
    assert_eq!(remote.code, wire::ErrorCode::InvalidInput);
}

#[test]
fn both_sides_bound_the_requests_in_flight() {
    let mut client = ClientRequests::new(2);
    let mut server = ServerRequests::new(2);
    for name in ["a", "b"] {
        let (_, request) = client.send(&get(name)).unwrap();
        server.accept(request).unwrap();
    }
    assert_eq!(
        client.send(&get("c")),
        Err(RequestStreamError::Full { in_flight: 2 })
    );
    assert!(!server.can_accept());
    assert!(matches!(
        server.accept(a_request()),
        Err(RequestStreamError::Full { .. })
    ));
    assert_eq!(
        server.finish(99, &Reply::Found(None)),
        Err(RequestStreamError::UnknownRequest { seq: 99 })
    );
    server.finish(1, &Reply::Found(None)).unwrap();
    assert_eq!(
        server.finish(1, &Reply::Found(None)),
        Err(RequestStreamError::UnknownRequest { seq: 1 }),
        "a request is finished once"
    );
    let ping = wire::Message::Ping(Box::default());
    assert!(matches!(
        ServerRequests::default().accept(ping),
        Err(RequestStreamError::Unexpected { .. })
    ));
}

/// A client that repeats an id (ids are the client's; the protocol does not forbid it) still gets
/// each reply for its own request: the server matches replies by the request's place on the
/// stream, never by id. (Matching by id, a read answered at once took the reply slot of an
/// earlier write with the same id that was still waiting for its sync.)
#[test]
fn a_repeated_id_gets_each_reply_for_its_own_request() {
    let mut server = ServerRequests::default();
    let request = |name: &str| {
        wire::Message::Request(Box::new(wire::Request {
            id: 7,
            body: get(name).to_wire(),
        }))
    };
    let slow = server.accept(through_a_frame(&request("slow"))).unwrap();
    let fast = server.accept(through_a_frame(&request("fast"))).unwrap();
    assert_eq!((slow.id, fast.id), (7, 7));
    assert_ne!(slow.seq, fast.seq);
    // The second finishes first, as a read does while a write waits for its sync.
    server.finish(fast.seq, &Reply::Positions(vec![2])).unwrap();
    assert!(server.ready().is_empty(), "the second waits for the first");
    server.finish(slow.seq, &Reply::Positions(vec![1])).unwrap();
    let bodies: Vec<Reply> = server
        .ready()
        .iter()
        .map(|message| {
            let wire::Message::Response(response) = message else {
                panic!("a response");
            };
            assert_eq!(response.request_id, 7);
            Reply::from_wire(&response.body).unwrap()
        })
        .collect();
    assert_eq!(
        bodies,
        vec![Reply::Positions(vec![1]), Reply::Positions(vec![2])]
    );
}

#[test]
fn requests_numbered_by_the_caller_are_matched_in_the_order_written() {
    // A client that numbers its requests across streams (ids 40, 7, 41 on this one): each is
    // recorded when written, and the responses must answer them in that order.
    let mut client = ClientRequests::new(3);
    let mut server = ServerRequests::default();
    let mut seqs = Vec::new();
    for (id, name) in [(40, "a"), (7, "b"), (41, "c")] {
        let request = ClientRequests::request(id, &get(name));
        client.sent(id).unwrap();
        let accepted = server.accept(through_a_frame(&request)).unwrap();
        assert_eq!((accepted.id, accepted.call), (id, Ok(get(name))));
        seqs.push(accepted.seq);
    }
    assert_eq!(
        client.sent(42),
        Err(RequestStreamError::Full { in_flight: 3 }),
        "the stream's bound holds for caller-numbered requests too"
    );
    for seq in &seqs {
        server.finish(*seq, &Reply::Found(None)).unwrap();
    }
    let responses = server.ready();
    // Answering 7 before 40 is out of order.
    assert_eq!(
        client.receive(&responses[1]).map(|(id, _)| id),
        Err(RequestStreamError::OutOfOrder {
            expected: Some(40),
            found: 7
        })
    );
    let answered: Vec<u64> = responses
        .iter()
        .map(|response| client.receive(response).unwrap().0)
        .collect();
    assert_eq!(answered, [40, 7, 41]);
    assert_eq!(client.in_flight(), 0);
}
