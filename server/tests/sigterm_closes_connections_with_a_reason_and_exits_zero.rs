//! SIGTERM: the node stops accepting, closes open connections with application code 22, Unavailable ("node
//! shutting down"), closes the engine, logs each step and exits 0; a restart on the same data
//! directory succeeds. SIGINT does the same.

mod common;

use std::time::Duration;

use common::{closed_with, connect, Node};

#[tokio::test]
async fn sigterm_closes_connections_with_a_reason_and_exits_zero() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(dir.path(), &["--shutdown-grace-ms", "5000"]);
    let client = common::client(dir.path(), b"aorta/1");
    let first = connect(&client, node.address).await.unwrap();
    let second = connect(&client, node.address).await.unwrap();

    let (status, log) = tokio::task::spawn_blocking(move || node.terminate())
        .await
        .unwrap();
    assert_eq!(status.code(), Some(0), "{}", log.text());
    for connection in [&first, &second] {
        let (code, reason) = closed_with(connection, Duration::from_secs(5))
            .await
            .unwrap();
        assert_eq!((code, reason.as_str()), (22, "node shutting down"));
    }
    let messages = log.messages();
    let steps = [
        "shutdown: stopped accepting connections",
        "shutdown: asking connections to finish their work",
        "shutdown: every connection finished",
        "shutdown: connections closed",
        "shutdown: stopping the connection threads",
        "shutdown: closing the engine",
        "shutdown: engine closed",
        "stopped",
    ];
    let mut at = 0;
    for step in steps {
        let found = messages[at..].iter().position(|m| m == step);
        at += found.unwrap_or_else(|| panic!("no {step:?} after line {at}: {messages:#?}")) + 1;
    }

    // The data directory opens again, and SIGINT stops the node the same way.
    let node = Node::start(dir.path(), &[]);
    let (status, log) = tokio::task::spawn_blocking(move || node.stop_with(libc::SIGINT))
        .await
        .unwrap();
    assert_eq!(status.code(), Some(0), "{}", log.text());
    assert!(log.messages().iter().any(|m| m == "stopped"));
}
