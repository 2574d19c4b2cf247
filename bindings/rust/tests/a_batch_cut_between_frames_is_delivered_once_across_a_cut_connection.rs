//! A batch whose events take several `Events` frames (the frames before its last carry the token
//! from before it) is delivered once when the connection is cut in the middle of it: the
//! subscription resumes from that token, the node sends the whole batch again, and the client
//! drops the events it delivered already. Every event once, in order, nothing more.

mod support;

use std::collections::HashMap;
use std::time::Duration;

use aorta_client::{Batch, Client, Command, Pattern, ResourceSpec, Start, Subscription};
use futures_util::StreamExt as _;
use support::{client_config, Node, Relay};

/// Resources updated by the one large batch.
const RESOURCES: usize = 1024;
/// Each update's data: the batch stays under the engine's 4 MiB, and each event carries the
/// resource before and after it, so the batch's events (about 8.4 MB) take five frames of the
/// node's 2 MiB frame budget (half its 4 MiB frame limit).
const DATA_BYTES: usize = 3_900;

fn spec(name: &str, fill: u8) -> ResourceSpec {
    ResourceSpec::new("/fleet", name, "robot").with_data(vec![fill; DATA_BYTES])
}

/// The next event's name and data's first byte, waiting at most a minute.
async fn next(watch: &mut Subscription) -> (String, u8) {
    let event = tokio::time::timeout(Duration::from_secs(60), watch.next())
        .await
        .expect("an event within 60 s")
        .expect("the stream goes on")
        .expect("an event");
    let new = event.new.expect("an update has the resource after it");
    (new.name.clone(), new.data[0])
}

#[tokio::test]
async fn a_batch_cut_between_frames_is_delivered_once_across_a_cut_connection() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start_with(
        dir.path(),
        "127.0.0.1:0".parse().unwrap(),
        &["--frame-bytes-max", "4194304"],
    );
    let relay = Relay::start(node.address).await;
    let writer = Client::connect(client_config(dir.path(), node.address))
        .await
        .unwrap();
    let names: Vec<String> = (0..RESOURCES).map(|i| format!("r{i:04}")).collect();
    for chunk in names.chunks(RESOURCES / 4) {
        let creates = chunk.iter().map(|name| Command::create(spec(name, 0)));
        writer.commit(Batch::new(creates.collect())).await.unwrap();
    }

    let mut config = client_config(dir.path(), relay.address);
    config.idle_timeout = Duration::from_secs(2);
    // One event of budget: the client's task holds at most the frame being taken and the next,
    // and reads no further until the reader takes them.
    config.subscription_buffer_events = 1;
    let watcher = Client::connect(config).await.unwrap();
    let mut watch = watcher
        .subscribe(Pattern::subtree("/fleet"), Start::Now)
        .await
        .unwrap();
    let updates = names.iter().map(|name| Command::put(spec(name, 1), None));
    writer.commit(Batch::new(updates.collect())).await.unwrap();

    let mut seen = Vec::new();
    for _ in 0..10 {
        seen.push(next(&mut watch).await);
    }
    relay.set_cut(true);
    // Past the watcher's idle timeout (2 s): its connection is dead by now, with most of the
    // batch not received yet.
    tokio::time::sleep(Duration::from_secs(4)).await;
    relay.set_cut(false);
    while seen.len() < RESOURCES {
        seen.push(next(&mut watch).await);
    }
    if let Ok(extra) = tokio::time::timeout(Duration::from_millis(700), watch.next()).await {
        let extra = extra.map(|event| event.map(|event| event.new.map(|r| r.name.clone())));
        panic!("an event more than the batch's: {extra:?}");
    }

    let expected: Vec<(String, u8)> = names.iter().map(|name| (name.clone(), 1)).collect();
    if seen != expected {
        let mut times: HashMap<&str, usize> = HashMap::new();
        for (name, _) in &seen {
            *times.entry(name.as_str()).or_default() += 1;
        }
        let repeated = times.values().filter(|&&n| n > 1).count();
        panic!(
            "the batch's {RESOURCES} updates, each once and in order: {repeated} repeated, \
             first seen {:?}",
            &seen[..12]
        );
    }
    let connections = node.log_count(
        "connection established",
        "remote",
        &relay.node_side.to_string(),
    );
    assert!(
        connections >= 2,
        "the watcher connected again after the cut ({connections} connections through the relay)"
    );
}
