//! SIGTERM while commits are in flight over a real connection: the node stops reading new
//! requests, answers every request it had taken (each answered commit durable), ends the stream,
//! closes the connection with 22 (`Unavailable`) and exits 0; after a restart every commit it
//! acknowledged is there at the revision its receipt gave, and none of the others is there twice
//! or half-written.

mod common;

use std::time::Duration;

use aorta_engine::{Batch, Command, ResourceSpec};
use aorta_wire::convert::{Call, Reply};
use aorta_wire::wire;
use common::artery::connect_as;
use common::{closed_with, Node};

/// Commits pipelined on one stream (a stream carries at most 256): more than one group commit's
/// worth, so that some are taken and waiting for their sync when the signal comes.
const COMMITS: usize = 250;

fn spec(i: usize) -> ResourceSpec {
    ResourceSpec::new("/orders", &format!("o{i:04}"), "order").with_data(vec![i as u8; 1024])
}

#[tokio::test]
async fn sigterm_answers_the_commits_in_flight_and_a_restart_keeps_them() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(dir.path(), &["--shutdown-grace-ms", "10000"]);
    let artery = connect_as(&node, "root").await;
    let mut stream = artery.requests().await;
    for i in 0..COMMITS {
        stream
            .send(&Call::Commit(Batch::single(Command::create(spec(i)))))
            .await;
    }
    // Once the first is answered the node is reading and committing the rest: signal then.
    let mut acknowledged = Vec::new();
    let first = tokio::time::timeout(Duration::from_secs(20), stream.receive())
        .await
        .expect("the first answer within 20 s");
    let Reply::Committed(receipt) = first else {
        panic!("{first:?}");
    };
    acknowledged.push((0, receipt.position));
    node.signal(libc::SIGTERM);

    // Answers in request order until the node ends the stream.
    loop {
        let message = tokio::time::timeout(Duration::from_secs(20), stream.stream.receive())
            .await
            .expect("the node answers or ends the stream within 20 s");
        // The stream ends finished, not lost: the node waits for its last answers to be
        // delivered before it closes the connection (a close discards what was not sent).
        let message = message.expect("the stream ends finished, with every answer delivered");
        let Some(message) = message else {
            break;
        };
        let (_, reply) = stream.requests.receive(&message).unwrap();
        let i = acknowledged.len();
        match reply {
            Reply::Committed(receipt) => acknowledged.push((i, receipt.position)),
            other => panic!("request {i} was taken, so it is answered: {other:?}"),
        }
    }
    let (code, reason) = closed_with(&artery.connection, Duration::from_secs(20))
        .await
        .unwrap_or_else(|error| panic!("{error}; the node's log:\n{}", node.log.text()));
    assert_eq!(
        (code, reason.as_str()),
        (wire::ErrorCode::Unavailable as u64, "node shutting down")
    );
    let status = tokio::task::spawn_blocking(move || {
        let (status, _) = node.terminate_wait();
        status
    })
    .await
    .unwrap();
    assert_eq!(status.code(), Some(0));

    let node = Node::start(dir.path(), &[]);
    let artery = connect_as(&node, "root").await;
    for (i, position) in &acknowledged {
        let reply = artery
            .call(&Call::Get {
                namespace: "/orders".into(),
                name: format!("o{i:04}"),
            })
            .await;
        let Reply::Found(Some(resource)) = reply else {
            panic!("acknowledged commit {i} lost across the restart: {reply:?}");
        };
        assert_eq!(resource.revision, *position, "commit {i}");
        assert_eq!(resource.data, vec![*i as u8; 1024], "commit {i}");
    }
    // Those never answered were not taken, or taken and not acknowledged: absent or whole.
    for i in acknowledged.len()..COMMITS {
        let reply = artery
            .call(&Call::Get {
                namespace: "/orders".into(),
                name: format!("o{i:04}"),
            })
            .await;
        match reply {
            Reply::Found(None) => {}
            Reply::Found(Some(resource)) => assert_eq!(resource.data, vec![i as u8; 1024]),
            other => panic!("{other:?}"),
        }
    }
    eprintln!(
        "{} of {COMMITS} commits answered after the signal",
        acknowledged.len()
    );
}
