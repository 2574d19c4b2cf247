//! Several clients on one UDP socket (`ClientEndpoint`, `Client::connect_via`): each has its own
//! artery and configuration — a client with a wrong cluster key on the shared socket is refused
//! while the others go on — a watch on one client sees the commits of the others, and a client
//! closed and used again reconnects on the same socket.

mod support;

use std::time::Duration;

use aorta_client::{Client, ClientEndpoint, ClusterKey, ErrorKind, Pattern, ResourceSpec, Start};
use futures_util::StreamExt as _;
use support::{client_config, Node};

#[tokio::test]
async fn clients_sharing_one_endpoint_keep_their_own_connections() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(dir.path());
    let config = client_config(dir.path(), node.address);
    let endpoint = ClientEndpoint::new(&config).unwrap();
    assert!(endpoint.local_addr().unwrap().port() > 0);

    let watcher = Client::connect_via(&endpoint, config.clone())
        .await
        .unwrap();
    let mut watch = watcher
        .subscribe(Pattern::subtree("/shared"), Start::Now)
        .await
        .unwrap();
    let writers = [
        Client::connect_via(&endpoint, config.clone())
            .await
            .unwrap(),
        Client::connect_via(&endpoint, config.clone())
            .await
            .unwrap(),
    ];

    // Another configuration on the same socket: its own handshake, refused on its own.
    let mut wrong = config.clone();
    wrong.cluster_key = ClusterKey::new(&[7u8; 32]).unwrap();
    let refused = Client::connect_via(&endpoint, wrong).await.unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::Denied, "{refused}");

    let mut positions = Vec::new();
    for (index, writer) in writers.iter().enumerate() {
        let receipt = writer
            .create(ResourceSpec::new("/shared", &format!("w{index}"), "item"))
            .await
            .unwrap();
        positions.push(receipt.position);
    }
    // Closed, then used again: a new connection on the same socket.
    writers[0].close().await;
    let again = writers[0]
        .create(ResourceSpec::new("/shared", "w0-again", "item"))
        .await
        .unwrap();
    positions.push(again.position);

    let mut seen = Vec::new();
    while seen.len() < positions.len() {
        let event = tokio::time::timeout(Duration::from_secs(30), watch.next())
            .await
            .expect("an event within 30 s")
            .expect("the watch goes on")
            .expect("an event");
        seen.push(event.position);
    }
    seen.sort_unstable();
    positions.sort_unstable();
    assert_eq!(seen, positions);

    // Every connection came from the one socket: the watcher, the two writers, the refused
    // client (its QUIC handshake passed, the artery's did not) and the reconnection.
    let from = format!("127.0.0.1:{}", endpoint.local_addr().unwrap().port());
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while node.log_count("connection established", "remote", &from) < 5
        && std::time::Instant::now() < deadline
    {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(
        node.log_count("connection established", "remote", &from),
        5,
        "{}",
        node.log_text()
    );
}
