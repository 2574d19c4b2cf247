//! A subscription whose network is cut (every packet dropped, neither side told) finds its
//! connection dead, reconnects once the network is back, and delivers exactly the changes made
//! meanwhile: nothing lost, nothing twice.

mod support;

use std::time::Duration;

use aorta_client::{Client, Pattern, ResourceSpec, Start, Subscription};
use futures_util::StreamExt as _;
use support::{client_config, Node, Relay};

/// The next event's name and position, waiting at most a minute.
async fn next(watch: &mut Subscription) -> (String, u64) {
    let event = tokio::time::timeout(Duration::from_secs(60), watch.next())
        .await
        .expect("an event within 60 s")
        .expect("the stream goes on")
        .expect("an event");
    (event.new.unwrap().name.clone(), event.position)
}

#[tokio::test]
async fn a_watch_resumes_across_a_cut_connection() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(dir.path());
    let relay = Relay::start(node.address).await;
    let writer = Client::connect(client_config(dir.path(), node.address))
        .await
        .unwrap();
    let mut config = client_config(dir.path(), relay.address);
    // The server name stays the node's: the relay is on another port of the same address.
    config.idle_timeout = Duration::from_secs(2);
    let watcher = Client::connect(config).await.unwrap();
    let mut watch = watcher
        .subscribe(Pattern::subtree("/jobs"), Start::Now)
        .await
        .unwrap();
    let mut written = Vec::new();
    let mut seen = Vec::new();
    let write = |name: String| {
        let writer = writer.clone();
        async move {
            let receipt = writer
                .create(ResourceSpec::new("/jobs", &name, "job"))
                .await
                .unwrap();
            (name, receipt.position)
        }
    };
    written.push(write("before".into()).await);
    seen.push(next(&mut watch).await);

    relay.set_cut(true);
    for i in 0..5 {
        written.push(write(format!("during-{i}")).await);
    }
    // Past the watcher's idle timeout (2 s): its connection is dead by now.
    tokio::time::sleep(Duration::from_secs(4)).await;
    relay.set_cut(false);
    for _ in 0..5 {
        seen.push(next(&mut watch).await);
    }
    written.push(write("after".into()).await);
    seen.push(next(&mut watch).await);

    assert_eq!(seen, written);
    let connections = node.log_count(
        "connection established",
        "remote",
        &relay.node_side.to_string(),
    );
    assert!(
        connections >= 2,
        "the watcher connected again after the cut ({connections} connections through the relay)"
    );
    if let Ok(extra) = tokio::time::timeout(Duration::from_millis(700), watch.next()).await {
        panic!("an event more than written: {extra:?}");
    }
}
