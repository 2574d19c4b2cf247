//! Connection migration: a client that moves to a new UDP socket (new port) mid-connection keeps
//! its connection. After the rebind it opens a stream and writes bytes that are not a frame, and
//! the node's answer — the close with `Malformed` — reaches it at its new address; the node logs the close with that new
//! address. Without migration the node would drop the packets from the new address and the
//! client would only time out.

mod common;

use std::net::UdpSocket;
use std::time::Duration;

use common::{closed_with, connect, field, Node};

#[tokio::test]
async fn a_client_that_rebinds_its_socket_keeps_its_connection() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(dir.path(), &[]);
    let client = common::client(dir.path(), b"aorta/1");
    let connection = connect(&client, node.address).await.unwrap();
    let before = client.local_addr().unwrap();
    node.log
        .until(
            "connection established",
            |line| field(line, "remote") == before.to_string(),
            Duration::from_secs(10),
        )
        .await
        .unwrap();

    client
        .rebind(UdpSocket::bind("127.0.0.1:0").unwrap())
        .unwrap();
    let after = client.local_addr().unwrap();
    assert_ne!(before, after);

    let (mut send, _receive) = connection.open_bi().await.unwrap();
    send.write_all(b"after the move").await.unwrap();
    let (code, reason) = closed_with(&connection, Duration::from_secs(8))
        .await
        .unwrap();
    assert_eq!(code, 40, "{reason}"); // Malformed: not a frame
    node.log
        .until(
            "connection closed",
            |line| field(line, "remote") == after.to_string(),
            Duration::from_secs(10),
        )
        .await
        .unwrap_or_else(|| panic!("no close logged from {after}:\n{}", node.log.text()));
}
