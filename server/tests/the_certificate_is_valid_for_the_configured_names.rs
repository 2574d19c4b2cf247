//! `tls_names` decides what the generated certificate is valid for: with
//! `AORTA_TLS_NAMES=aorta.test,10.1.2.3` (comma-separated in the environment), a client verifying
//! either name connects, and one verifying `localhost` (a default name, not configured here) fails
//! the handshake on its own side.

mod common;

use common::{connect_as, Node};

#[tokio::test]
async fn the_certificate_is_valid_for_the_configured_names() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start_with_env(
        dir.path(),
        &[],
        &[("AORTA_TLS_NAMES", "aorta.test,10.1.2.3")],
    );
    let client = common::client(dir.path(), b"aorta/1");

    connect_as(&client, node.address, "aorta.test")
        .await
        .expect("valid for the DNS name");
    connect_as(&client, node.address, "10.1.2.3")
        .await
        .expect("valid for the IP address");
    let error = connect_as(&client, node.address, "localhost")
        .await
        .expect_err("not valid for a name it was not made for");
    assert!(
        matches!(error, quinn::ConnectionError::TransportError(_)),
        "the client refuses the certificate itself: {error}"
    );
}
