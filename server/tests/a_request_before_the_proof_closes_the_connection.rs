//! Nothing is served before the handshake ends: a client that sends its hello but no proof, then
//! a request on another stream, is closed with `Unauthenticated` (43) and a reason naming what
//! came too early; a client that says nothing is closed `Unauthenticated` when the (configured) handshake
//! timeout passes; a request on the control stream in place of the proof is refused there with
//! `HandshakeRefused`.

mod common;

use std::time::Duration;

use aorta_wire::convert::Call;
use aorta_wire::handshake::ClientHandshake;
use aorta_wire::requests::ClientRequests;
use aorta_wire::wire;
use common::artery::{cluster_key, nonce, open, FramedStream};
use common::{closed_with, Node};

#[tokio::test]
async fn a_request_before_the_proof_closes_the_connection() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(dir.path(), &[]);

    // Hello, no proof, then a request on a stream of its own.
    let (_endpoint, connection, mut control) = open(&node).await;
    let (_, hello) = ClientHandshake::start(cluster_key(dir.path()), "root", nonce()).unwrap();
    control.send(&hello).await;
    let challenge = control.receive().await.unwrap().unwrap();
    assert!(matches!(challenge, wire::Message::Challenge(_)));
    let (send, recv) = connection.open_bi().await.unwrap();
    let mut stream = FramedStream::new(send, recv);
    let (_, request) = ClientRequests::default().send(&Call::Positions).unwrap();
    stream.send(&request).await;
    let (code, reason) = closed_with(&connection, Duration::from_secs(10))
        .await
        .unwrap();
    assert_eq!(code, wire::ErrorCode::Unauthenticated as u64, "{reason}");
    assert!(reason.contains("Request"), "{reason}");

    // A request in place of the proof, on the control stream.
    let (_endpoint, connection, mut control) = open(&node).await;
    let (_, hello) = ClientHandshake::start(cluster_key(dir.path()), "root", nonce()).unwrap();
    control.send(&hello).await;
    control.receive().await.unwrap().unwrap();
    control.send(&request).await;
    let refused = control.receive().await.unwrap().unwrap();
    let wire::Message::HandshakeRefused(refused) = refused else {
        panic!("{refused:?}")
    };
    assert_eq!(refused.error.code, wire::ErrorCode::Unauthenticated);
    let (code, _) = closed_with(&connection, Duration::from_secs(10))
        .await
        .unwrap();
    assert_eq!(code, wire::ErrorCode::Unauthenticated as u64);
}

#[tokio::test]
async fn a_silent_connection_is_closed_when_the_handshake_timeout_passes() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(dir.path(), &["--handshake-timeout-ms", "1500"]);
    let endpoint = common::client(dir.path(), b"aorta/1");
    let connection = common::connect(&endpoint, node.address).await.unwrap();
    let opened = std::time::Instant::now();
    // The client's idle timeout is 10 s and the node's keep-alives hold the connection: only
    // the configured handshake timeout (1.5 s) closes it.
    let (code, reason) = closed_with(&connection, Duration::from_secs(20))
        .await
        .unwrap();
    assert_eq!(code, wire::ErrorCode::Unauthenticated as u64, "{reason}");
    assert!(reason.contains("1500 ms"), "{reason}");
    let waited = opened.elapsed();
    assert!(
        waited >= Duration::from_millis(1400) && waited < Duration::from_secs(8),
        "closed after {waited:?}"
    );
}
