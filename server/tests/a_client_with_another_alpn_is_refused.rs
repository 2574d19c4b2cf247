//! A client that offers another application protocol than `aorta/1` fails the TLS handshake
//! (no_application_protocol), and the node logs the failed handshake and keeps serving.

mod common;

use std::time::Duration;

use common::{connect, Node};

#[tokio::test]
async fn a_client_with_another_alpn_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(dir.path(), &[]);

    let wrong = common::client(dir.path(), b"aorta/0");
    let error = connect(&wrong, node.address)
        .await
        .expect_err("the handshake must fail");
    let text = error.to_string();
    assert!(
        matches!(error, quinn::ConnectionError::ConnectionClosed(_)),
        "{text}"
    );
    assert!(
        text.contains("120"),
        "expected TLS alert 120 (no_application_protocol): {text}"
    );
    node.log
        .until("handshake failed", |_| true, Duration::from_secs(10))
        .await
        .expect("the node logs the failed handshake");

    // The node is unharmed: the right protocol still connects.
    let right = common::client(dir.path(), b"aorta/1");
    connect(&right, node.address)
        .await
        .expect("aorta/1 connects");
}
