//! A quinn client that trusts the node's generated certificate and offers ALPN `aorta/1`
//! completes the TLS handshake; the node logs the connection and its close.

mod common;

use std::time::Duration;

use common::{connect, field, Node};

#[tokio::test]
async fn a_client_with_aorta_alpn_and_the_node_certificate_connects() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(dir.path(), &[]);
    let client = common::client(dir.path(), b"aorta/1");

    let connection = connect(&client, node.address)
        .await
        .expect("the handshake completes");
    let negotiated = connection
        .handshake_data()
        .unwrap()
        .downcast::<quinn::crypto::rustls::HandshakeData>()
        .unwrap();
    assert_eq!(negotiated.protocol.as_deref(), Some(&b"aorta/1"[..]));
    let local = client.local_addr().unwrap().to_string();
    let established = node
        .log
        .until(
            "connection established",
            |line| field(line, "remote") == local,
            Duration::from_secs(10),
        )
        .await
        .expect("the node logs the connection");
    assert!(!field(&established, "core").is_empty());

    connection.close(0u32.into(), b"done");
    node.log
        .until(
            "connection closed",
            |line| field(line, "remote") == local,
            Duration::from_secs(10),
        )
        .await
        .expect("the node logs the close");
}
