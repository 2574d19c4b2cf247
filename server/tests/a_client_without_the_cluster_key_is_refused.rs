//! A client that does not have the cluster key cannot be served. One that answers the challenge
//! with no proof at all (an empty MAC) gets `HandshakeRefused` with `Malformed` and the size a
//! proof has; one that guesses (32 zero bytes) or offers a token in place of the key gets
//! `AuthenticationFailed` (44); each connection is then closed with that code, and the node keeps
//! serving clients that know the key.

mod common;

use std::time::Duration;

use aorta_wire::convert::{Call, Reply};
use aorta_wire::handshake::PROTOCOL_VERSION;
use aorta_wire::wire;
use common::artery::{connect_as, nonce, open};
use common::{closed_with, Node};

fn hello(token: Option<Vec<u8>>) -> wire::Message {
    wire::Message::ClientHello(Box::new(wire::ClientHello {
        versions: vec![PROTOCOL_VERSION],
        principal: "root".into(),
        credential: wire::CredentialKind::ClusterKey,
        client_nonce: nonce().to_vec(),
        token,
    }))
}

/// The `HandshakeRefused` that the control stream carries next, and the connection's close.
async fn refused(
    control: &mut common::artery::FramedStream,
    connection: &quinn::Connection,
) -> (wire::Error, u64, String) {
    let message = tokio::time::timeout(Duration::from_secs(10), control.receive())
        .await
        .expect("an answer within 10 s")
        .unwrap()
        .expect("a message");
    let wire::Message::HandshakeRefused(refused) = message else {
        panic!("a refusal, not {message:?}");
    };
    let (code, reason) = closed_with(connection, Duration::from_secs(10))
        .await
        .unwrap();
    (*refused.error, code, reason)
}

#[tokio::test]
async fn a_client_without_the_cluster_key_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(dir.path(), &[]);

    // No key: no proof (an empty MAC), then a guess of the right size.
    for (mac, expected) in [
        (Vec::new(), wire::ErrorCode::Malformed),
        (vec![0; 32], wire::ErrorCode::AuthenticationFailed),
    ] {
        let (_endpoint, connection, mut control) = open(&node).await;
        control.send(&hello(None)).await;
        let challenge = control.receive().await.unwrap().unwrap();
        assert!(
            matches!(challenge, wire::Message::Challenge(_)),
            "{challenge:?}"
        );
        control
            .send(&wire::Message::Proof(Box::new(wire::Proof { mac })))
            .await;
        let (error, code, reason) = refused(&mut control, &connection).await;
        assert_eq!(error.code, expected, "{error:?}");
        assert_eq!(code, expected as u64, "{reason}");
        if expected == wire::ErrorCode::Malformed {
            assert!(error.message.contains("32"), "{}", error.message);
        }
    }

    // A token in place of the key (version 1 serves the cluster key only).
    let (_endpoint, connection, mut control) = open(&node).await;
    control.send(&hello(Some(vec![1, 2, 3]))).await;
    let (error, code, reason) = refused(&mut control, &connection).await;
    assert_eq!(
        error.code,
        wire::ErrorCode::AuthenticationFailed,
        "{error:?}"
    );
    assert!(error.message.contains("token"), "{}", error.message);
    assert_eq!(
        code,
        wire::ErrorCode::AuthenticationFailed as u64,
        "{reason}"
    );

    let artery = connect_as(&node, "root").await;
    assert!(matches!(
        artery.call(&Call::Positions).await,
        Reply::Positions(_)
    ));
}
