//! A client whose proof is made with another key gets `HandshakeRefused` with
//! `AuthenticationFailed` (44), and the connection is closed with that code and the reason; the
//! node keeps serving clients that know the key.

mod common;

use std::time::Duration;

use aorta_wire::convert::{Call, Reply};
use aorta_wire::handshake::{ClusterKey, HandshakeError};
use aorta_wire::wire;
use common::artery::{connect_as, handshake_with};
use common::{closed_with, Node};

#[tokio::test]
async fn a_wrong_cluster_key_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(dir.path(), &[]);
    let wrong = ClusterKey::new(&[7u8; 32]).unwrap();
    let Err((connection, error)) = handshake_with(&node, wrong, "root").await else {
        panic!("a wrong key must be refused")
    };
    let HandshakeError::Refused { code, message } = &error else {
        panic!("{error:?}")
    };
    assert_eq!(*code, wire::ErrorCode::AuthenticationFailed);
    assert!(message.contains("cluster key"), "{message}");
    let (close_code, reason) = closed_with(&connection, Duration::from_secs(10))
        .await
        .unwrap();
    assert_eq!(close_code, wire::ErrorCode::AuthenticationFailed as u64);
    assert!(reason.contains("proof is wrong"), "{reason}");

    let artery = connect_as(&node, "root").await;
    assert!(matches!(
        artery.call(&Call::Positions).await,
        Reply::Positions(_)
    ));
}
