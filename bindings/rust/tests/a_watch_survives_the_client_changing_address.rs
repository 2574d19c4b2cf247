//! A client whose address changes mid-watch — to the node, every datagram of its connection
//! suddenly comes from a new port, as behind a NAT that rebinds or on a robot that moves from one
//! network to another — keeps its connection (QUIC migration: the node has one endpoint that
//! knows every connection id, whatever the source address) and its subscription: the changes
//! written before and after the move arrive once each, with no reconnection. The move is made by
//! `aorta-relay`, which gives the client's flow a new upstream socket.

mod support;

use std::time::Duration;

use aorta_client::{Client, Pattern, ResourceSpec, Start, Subscription};
use aorta_relay::{Faults, UdpRelay};
use futures_util::StreamExt as _;
use support::{client_config, Node};

async fn next(watch: &mut Subscription) -> (String, u64) {
    let event = tokio::time::timeout(Duration::from_secs(60), watch.next())
        .await
        .expect("an event within 60 s")
        .expect("the stream goes on")
        .expect("an event");
    (event.new.unwrap().name.clone(), event.position)
}

fn connections_established(node: &Node) -> usize {
    node.log_text()
        .lines()
        .filter(|line| line.contains("connection established"))
        .count()
}

#[tokio::test]
async fn a_watch_survives_the_client_changing_address() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(dir.path());
    let relay = std::sync::Arc::new(UdpRelay::start(node.address, Faults::none(), 1).unwrap());
    let writer = Client::connect(client_config(dir.path(), node.address))
        .await
        .unwrap();
    let watcher = Client::connect(client_config(dir.path(), relay.local_addr()))
        .await
        .unwrap();
    let mut watch = watcher
        .subscribe(Pattern::subtree("/robots"), Start::Now)
        .await
        .unwrap();
    let write = |name: String| {
        let writer = writer.clone();
        async move {
            let receipt = writer
                .create(ResourceSpec::new("/robots", &name, "robot"))
                .await
                .unwrap();
            (name, receipt.position)
        }
    };
    let (mut written, mut seen) = (Vec::new(), Vec::new());
    for i in 0..5 {
        written.push(write(format!("before-{i}")).await);
        seen.push(next(&mut watch).await);
    }
    let established = connections_established(&node);
    assert_eq!(established, 2, "the writer and the watcher");

    let moving = relay.clone();
    let moved = tokio::task::spawn_blocking(move || moving.rebind_flows())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(moved, 1, "the watcher's flow moved to a new port");
    for i in 0..5 {
        written.push(write(format!("after-{i}")).await);
    }
    for _ in 0..5 {
        seen.push(next(&mut watch).await);
    }
    assert_eq!(seen, written);
    // A request on the moved connection works too.
    assert!(watcher.get("/robots", "after-4").await.unwrap().is_some());
    assert_eq!(
        connections_established(&node),
        established,
        "no new connection: the watcher's connection migrated"
    );
    if let Ok(extra) = tokio::time::timeout(Duration::from_millis(700), watch.next()).await {
        panic!("an event more than written: {extra:?}");
    }
}
