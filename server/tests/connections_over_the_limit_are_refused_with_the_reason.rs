//! With `--connections-max 1`, a second connection completes its handshake and is closed at once
//! with application code 2 and the reason (how many are open, the limit); once the first
//! closes, a new one is served again. The node never fails.

mod common;

use std::time::Duration;

use common::{closed_with, connect, field, Node};

#[tokio::test]
async fn connections_over_the_limit_are_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(dir.path(), &["--connections-max", "1"]);
    let client = common::client(dir.path(), b"aorta/1");

    let first = connect(&client, node.address).await.unwrap();
    let second = connect(&client, node.address)
        .await
        .expect("the handshake completes, so that the reason can be sent");
    let (code, reason) = closed_with(&second, Duration::from_secs(10)).await.unwrap();
    assert_eq!(code, 20); // Overloaded
    assert_eq!(reason, "too many connections: 1 open, connections_max is 1");
    let refused = node
        .log
        .until(
            "connection refused: too many connections",
            |_| true,
            Duration::from_secs(10),
        )
        .await
        .unwrap();
    assert_eq!(field(&refused, "connections_max"), "1");
    assert!(first.close_reason().is_none(), "the first stays open");

    first.close(0u32.into(), b"bye");
    node.log
        .until("connection closed", |_| true, Duration::from_secs(10))
        .await
        .unwrap();
    let third = connect(&client, node.address).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(third.close_reason().is_none(), "{:?}", third.close_reason());

    let (status, _) = tokio::task::spawn_blocking(move || node.terminate())
        .await
        .unwrap();
    assert_eq!(status.code(), Some(0));
}
