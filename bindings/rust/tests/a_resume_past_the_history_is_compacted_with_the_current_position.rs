//! A watch resumed from a position the node's history no longer holds ends with the `Compacted`
//! kind and its figures (the shard, what was asked, the oldest position still held, the current
//! one), over a real QUIC connection; the client then lists at the current position and watches
//! from there, as a Kubernetes informer relists, and misses nothing written after. The node keeps
//! 8 changes of history and flushes 64 KiB memtables (history is dropped a flushed file at a time).

mod support;

use std::time::Duration;

use aorta_client::{
    Client, Error, ErrorKind, ListFrom, Pattern, Query, ResourceSpec, Scope, Start,
};
use futures_util::StreamExt as _;
use support::{client_config, Node};

const HISTORY_CHANGES: u64 = 8;
const WRITES: usize = 200;
/// 200 writes of 2 KiB: several 64 KiB memtables, so several history files to drop.
const DATA_BYTES: usize = 2048;

#[tokio::test]
async fn a_resume_past_the_history_is_compacted_with_the_current_position() {
    let dir = tempfile::tempdir().unwrap();
    let history = HISTORY_CHANGES.to_string();
    let node = Node::start_with(
        dir.path(),
        "127.0.0.1:0".parse().unwrap(),
        &[
            "--shards",
            "1",
            "--history-changes-max",
            &history,
            "--memtable-bytes-max",
            "65536",
        ],
    );
    let client = Client::connect(client_config(dir.path(), node.address))
        .await
        .unwrap();
    let mut last = 0;
    for i in 0..WRITES {
        let spec = ResourceSpec::new("/feed", &format!("e{i:03}"), "event")
            .with_data(vec![b'd'; DATA_BYTES]);
        last = client.put(spec, None).await.unwrap().position;
    }

    // Resume right after the first write: evicted once a flush drops its history file. Flushes
    // run beside the writers, so the horizon may pass it a moment after the last write.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    let outcome = loop {
        let outcome = match client
            .subscribe(Pattern::subtree("/feed"), Start::After(vec![1]))
            .await
        {
            Err(error) => error,
            Ok(mut subscription) => {
                match tokio::time::timeout(Duration::from_secs(30), subscription.next())
                    .await
                    .expect("an answer within 30 s")
                    .expect("the stream says why it ends")
                {
                    Err(error) => error,
                    Ok(event) => {
                        // Still held: the next change after position 1, in order.
                        assert_eq!(event.position, 2, "{event:?}");
                        assert!(
                            tokio::time::Instant::now() < deadline,
                            "history never dropped"
                        );
                        tokio::time::sleep(Duration::from_millis(100)).await;
                        continue;
                    }
                }
            }
        };
        break outcome;
    };
    assert_eq!(outcome.kind(), ErrorKind::Compacted, "{outcome}");
    let Error::Compacted {
        detail: Some(detail),
        ..
    } = &outcome
    else {
        panic!("the figures travel with it: {outcome:?}")
    };
    // `requested` is the first position the start needs: the one after 1.
    assert_eq!((detail.shard, detail.requested), (0, 2));
    assert!(
        detail.oldest_available > 1 && detail.oldest_available <= last,
        "{detail:?}"
    );
    assert_eq!(
        detail.current, last,
        "the current position is the last write's"
    );

    // List at the current position, then watch from it: the next write arrives, once.
    let query = Query {
        namespace: "/feed".into(),
        scope: Scope::Children,
        kind: None,
        selector: None,
        page_size: 1000,
    };
    let page = client
        .list(&query, ListFrom::Positions(vec![detail.current]))
        .await
        .unwrap();
    assert_eq!(page.items.len(), WRITES, "the list holds every resource");
    let mut watch = client
        .subscribe(
            Pattern::subtree("/feed"),
            Start::After(vec![detail.current]),
        )
        .await
        .unwrap();
    let after = client
        .put(ResourceSpec::new("/feed", "after", "event"), None)
        .await
        .unwrap();
    let event = tokio::time::timeout(Duration::from_secs(30), watch.next())
        .await
        .expect("the next write within 30 s")
        .unwrap()
        .unwrap();
    assert_eq!(event.new.unwrap().name, "after");
    assert_eq!(event.position, after.position);
    node.terminate();
}
