//! A subscription outlives its node: the node is stopped (SIGTERM) and started again on the same
//! port while the subscription is open, writes land before and after; the stream delivers every
//! change exactly once, in order. The client's requests reconnect by themselves too.

mod support;

use std::time::Duration;

use aorta_client::{Client, Event, EventAction, Pattern, ResourceSpec, Start, Subscription};
use futures_util::StreamExt as _;
use support::{client_config, Node};

/// Waits (bounded) for the next event.
pub async fn next_event(subscription: &mut Subscription) -> Event {
    tokio::time::timeout(Duration::from_secs(60), subscription.next())
        .await
        .expect("an event within 60 s")
        .expect("the stream goes on")
        .expect("an event, not an error")
}

/// Checks that nothing more comes for a while: no duplicate after the last expected event.
pub async fn nothing_more(subscription: &mut Subscription) {
    if let Ok(extra) = tokio::time::timeout(Duration::from_millis(700), subscription.next()).await {
        panic!("an event more than written: {extra:?}");
    }
}

fn name_of(event: &Event) -> String {
    event
        .new
        .as_ref()
        .or(event.old.as_ref())
        .unwrap()
        .name
        .clone()
}

#[tokio::test]
async fn a_watch_resumes_across_a_node_restart() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(dir.path());
    let address = node.address;
    let client = Client::connect(client_config(dir.path(), address))
        .await
        .unwrap();
    let mut watch = client
        .subscribe(Pattern::subtree("/apps"), Start::Now)
        .await
        .unwrap();

    let mut written = Vec::new();
    for name in ["before-1", "before-2"] {
        let receipt = client
            .create(ResourceSpec::new("/apps/web", name, "task"))
            .await
            .unwrap();
        written.push((name.to_string(), receipt.position));
    }
    let mut seen = Vec::new();
    for _ in 0..2 {
        let event = next_event(&mut watch).await;
        seen.push((name_of(&event), event.position));
    }

    // Off the runtime's thread: the client's connection and subscription keep running meanwhile
    // and see the node go.
    let data_dir = dir.path().to_owned();
    let node = tokio::task::spawn_blocking(move || {
        let status = node.terminate();
        assert!(status.success(), "a clean shutdown: {status}");
        Node::start_on(&data_dir, address)
    })
    .await
    .unwrap();

    // The same client writes after the restart: its requests reconnect.
    for name in ["after-1", "after-2", "after-3"] {
        let receipt = client
            .create(ResourceSpec::new("/apps/web", name, "task"))
            .await
            .unwrap();
        written.push((name.to_string(), receipt.position));
    }
    client.delete("/apps/web", "before-1", None).await.unwrap();
    for _ in 0..4 {
        let event = next_event(&mut watch).await;
        seen.push((name_of(&event), event.position));
        if seen.len() == 6 {
            assert_eq!(event.action, EventAction::Deleted);
        }
    }
    nothing_more(&mut watch).await;
    let names: Vec<_> = seen.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(
        names,
        ["before-1", "before-2", "after-1", "after-2", "after-3", "before-1"],
        "node log:\n{}",
        node.log_text()
    );
    for ((name, position), (written_name, written_position)) in seen.iter().zip(&written) {
        assert_eq!((name, position), (written_name, written_position));
    }

    // A new subscription from where this one stopped gets only what came after.
    let mut resumed = client
        .subscribe(Pattern::subtree("/apps"), watch.resume_from().clone())
        .await
        .unwrap();
    drop(watch);
    client
        .create(ResourceSpec::new("/apps/web", "later", "task"))
        .await
        .unwrap();
    assert_eq!(name_of(&next_event(&mut resumed).await), "later");
    nothing_more(&mut resumed).await;
}
