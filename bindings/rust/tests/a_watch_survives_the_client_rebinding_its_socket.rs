//! A client that moves its own UDP socket to a new local port mid-stream (`Client::rebind`, as a
//! device does when it changes network) keeps its connection and its watch: connected straight to
//! the node (no relay), it is rebound while another client's puts stream into its watch, and the
//! watch delivers every change once, in order, with nothing lost or repeated; a put and a get on
//! the moved client work; the node established one connection for it, from its first address, and
//! logs that same connection closing from the new one (the node follows a migrating client and
//! logs its address at the close).

mod support;

use std::net::UdpSocket;
use std::time::Duration;

use aorta_client::{Client, Pattern, ResourceSpec, Start, Subscription};
use futures_util::StreamExt as _;
use support::{client_config, Node};

const WRITES: usize = 30;
/// Events the watch takes before the client moves.
const BEFORE_MOVE: usize = 5;

async fn next(watch: &mut Subscription) -> (String, u64) {
    let event = tokio::time::timeout(Duration::from_secs(20), watch.next())
        .await
        .expect("an event within 20 s")
        .expect("the stream goes on")
        .expect("an event");
    (event.new.unwrap().name.clone(), event.position)
}

/// How the node sees a client bound to `local` (on the unspecified address) over loopback.
fn seen_from(local: std::net::SocketAddr) -> String {
    format!("127.0.0.1:{}", local.port())
}

#[tokio::test]
async fn a_watch_survives_the_client_rebinding_its_socket() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(dir.path());
    let mover = Client::connect(client_config(dir.path(), node.address))
        .await
        .unwrap();
    let before = mover.local_addr().unwrap();
    let established = node
        .await_log_fields("connection established", 1, Duration::from_secs(10))
        .await;
    assert_eq!(established[0]["remote"], seen_from(before).as_str());
    let connection = established[0]["connection"].clone();
    assert!(connection.is_u64(), "the node logs a connection id");
    let mut watch = mover
        .subscribe(Pattern::subtree("/devices"), Start::Now)
        .await
        .unwrap();
    let writer = Client::connect(client_config(dir.path(), node.address))
        .await
        .unwrap();

    // Another client's puts stream into the watch, before, during and after the move.
    let writing = tokio::spawn(async move {
        let mut written = Vec::new();
        for i in 0..WRITES {
            let name = format!("d{i:02}");
            let receipt = writer
                .create(ResourceSpec::new("/devices", &name, "device"))
                .await
                .unwrap();
            written.push((name, receipt.position));
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        written
    });
    let mut seen = Vec::new();
    for _ in 0..BEFORE_MOVE {
        seen.push(next(&mut watch).await);
    }
    assert!(!writing.is_finished(), "the move falls among the writes");
    mover
        .rebind(UdpSocket::bind("127.0.0.1:0").unwrap())
        .unwrap();
    let after = mover.local_addr().unwrap();
    assert_ne!(after.port(), before.port(), "the client's socket moved");
    while seen.len() < WRITES {
        seen.push(next(&mut watch).await);
    }
    let mut written = writing.await.unwrap();
    assert_eq!(seen, written, "each change once, in order, across the move");

    // Requests on the moved client: a put (which its own watch sees too) and a get.
    let receipt = mover
        .put(
            ResourceSpec::new("/devices", "from-the-mover", "device"),
            None,
        )
        .await
        .unwrap();
    written.push(("from-the-mover".into(), receipt.position));
    seen.push(next(&mut watch).await);
    assert_eq!(seen, written);
    let read = mover.get("/devices", "from-the-mover").await.unwrap();
    assert_eq!(
        read.map(|resource| resource.revision),
        Some(receipt.position)
    );
    if let Ok(extra) = tokio::time::timeout(Duration::from_millis(700), watch.next()).await {
        panic!("an event more than written: {extra:?}");
    }

    // One connection for the mover, made from its first address; none from its new one.
    let established = node.log_fields("connection established");
    let from = |address: &str| {
        established
            .iter()
            .filter(|fields| fields["remote"] == address)
            .count()
    };
    assert_eq!(from(&seen_from(before)), 1, "{}", node.log_text());
    assert_eq!(
        from(&seen_from(after)),
        0,
        "no new connection from the new address"
    );
    assert_eq!(established.len(), 2, "the mover and the writer");
    // The same connection, closed, is logged from the new address: the node followed the move.
    drop(watch);
    mover.close().await;
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    let closed = loop {
        let closed = node.log_fields("connection closed");
        if let Some(line) = closed.into_iter().find(|f| f["connection"] == connection) {
            break line;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the node logged no close of connection {connection} within 10 s:\n{}",
            node.log_text()
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    };
    assert_eq!(
        closed["remote"],
        seen_from(after).as_str(),
        "the node's last address of the connection is the new one: {closed}"
    );
}
