//! Malformed input: random bytes on a request stream, or a well-framed body that is not a
//! message, reset that stream with `Malformed` (40); random bytes on a control stream close that
//! connection with `Malformed` and the reason. Meanwhile another connection is served throughout.

mod common;

use std::time::Duration;

use aorta_wire::convert::{Call, Reply};
use aorta_wire::frame::header;
use aorta_wire::wire;
use common::artery::{connect_as, nonce, open};
use common::{closed_with, Node};

#[tokio::test]
async fn random_bytes_close_the_stream_and_the_node_serves_others() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(dir.path(), &[]);
    let bystander = connect_as(&node, "bystander").await;
    let artery = connect_as(&node, "root").await;

    for round in 0..20 {
        let mut garbage = nonce().to_vec();
        garbage.extend_from_slice(&nonce());
        if round % 2 == 1 {
            // A valid header before the garbage: the body fails verification instead.
            let mut framed = header(garbage.len() as u32).to_vec();
            framed.extend_from_slice(&garbage);
            garbage = framed;
        } else {
            garbage[0] = 0xff;
        }
        let mut stream = artery.stream().await;
        stream.send.write_all(&garbage).await.unwrap();
        let _ = stream.send.finish();
        assert_eq!(
            stream.receive().await,
            Err(format!("reset {}", wire::ErrorCode::Malformed as u64)),
            "round {round}"
        );
        assert!(matches!(
            bystander.call(&Call::Positions).await,
            Reply::Positions(_)
        ));
    }
    // The connection that sent them is still served.
    assert!(matches!(artery.call(&Call::Status).await, Reply::Status(_)));

    // Garbage on a control stream: that connection is closed.
    let (_endpoint, connection, mut control) = open(&node).await;
    control.send.write_all(&[0xffu8; 64]).await.unwrap();
    let (code, reason) = closed_with(&connection, Duration::from_secs(10))
        .await
        .unwrap();
    assert_eq!(code, wire::ErrorCode::Malformed as u64, "{reason}");
    assert!(reason.contains("frame version"), "{reason}");
    assert!(matches!(
        bystander.call(&Call::Positions).await,
        Reply::Positions(_)
    ));
}
