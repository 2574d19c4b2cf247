//! Request ids are the client's and only echoed: a client that sends a write and then a read with
//! the same id on one stream gets the write's receipt first and the read's answer second, though
//! the read is answered at once and the write only after its group commit (the node matches
//! replies by the request's place on the stream; matching by id swapped them).

mod common;

use aorta_engine::{Batch, Command, ResourceSpec};
use aorta_wire::convert::{Call, Reply};
use aorta_wire::wire;
use common::artery::connect_as;
use common::Node;

fn request(id: u64, call: &Call) -> wire::Message {
    wire::Message::Request(Box::new(wire::Request {
        id,
        body: call.to_wire(),
    }))
}

#[tokio::test]
async fn a_repeated_request_id_gets_each_reply_for_its_own_request() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(dir.path(), &[]);
    let artery = connect_as(&node, "root").await;
    let mut stream = artery.stream().await;
    for round in 0..20 {
        let spec = ResourceSpec::new("/ids", &format!("r{round}"), "item");
        let write = Call::Commit(Batch::single(Command::put(spec, None)));
        stream.send(&request(7, &write)).await;
        stream.send(&request(7, &Call::Positions)).await;
        for expected in ["the write's receipt", "the read's positions"] {
            let Some(wire::Message::Response(response)) = stream.receive().await.unwrap() else {
                panic!("round {round}: a response");
            };
            assert_eq!(response.request_id, 7);
            let reply = Reply::from_wire(&response.body).unwrap();
            match (expected, &reply) {
                ("the write's receipt", Reply::Committed(_)) => {}
                ("the read's positions", Reply::Positions(_)) => {}
                _ => panic!("round {round}: {expected} expected, got {reply:?}"),
            }
        }
    }
}
