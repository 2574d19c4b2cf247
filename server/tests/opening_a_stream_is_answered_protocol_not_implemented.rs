//! Until the wire protocol lands, a client that opens a stream is closed with application code 3
//! and a reason that says so — the node pretends nothing.

mod common;

use std::time::Duration;

use common::{closed_with, connect, Node};

#[tokio::test]
async fn opening_a_stream_is_answered_protocol_not_implemented() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(dir.path(), &[]);
    let client = common::client(dir.path(), b"aorta/1");
    let connection = connect(&client, node.address).await.unwrap();

    let (mut send, _receive) = connection.open_bi().await.unwrap();
    // A stream exists for the peer only once a frame of it is sent.
    send.write_all(b"hello").await.unwrap();
    let (code, reason) = closed_with(&connection, Duration::from_secs(10))
        .await
        .unwrap();
    assert_eq!(code, 3);
    assert!(reason.contains("protocol not implemented yet"), "{reason}");

    // Another connection is not affected, and a unidirectional stream gets the same answer.
    let other = connect(&client, node.address).await.unwrap();
    let mut send = other.open_uni().await.unwrap();
    send.write_all(b"x").await.unwrap();
    let (code, _) = closed_with(&other, Duration::from_secs(10)).await.unwrap();
    assert_eq!(code, 3);
}
