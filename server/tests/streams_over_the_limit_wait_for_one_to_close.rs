//! `streams_per_connection_max`: with 2 streams allowed (the control stream is one), a client
//! with a request stream open cannot open another until it closes: QUIC flow control holds the
//! opener, nothing is refused or lost.

mod common;

use std::time::Duration;

use aorta_wire::convert::{Call, Reply};
use common::artery::connect_as;
use common::Node;

#[tokio::test]
async fn streams_over_the_limit_wait_for_one_to_close() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(dir.path(), &["--streams-per-connection-max", "2"]);
    let artery = connect_as(&node, "root").await;
    let mut open = artery.requests().await;
    assert!(matches!(
        open.call(&Call::Positions).await,
        Reply::Positions(_)
    ));

    let waiting =
        tokio::time::timeout(Duration::from_millis(500), artery.connection.open_bi()).await;
    assert!(waiting.is_err(), "a third stream must wait");

    open.stream.send.finish().unwrap();
    assert_eq!(open.stream.receive().await, Ok(None));
    let reply = tokio::time::timeout(Duration::from_secs(10), artery.call(&Call::Status))
        .await
        .expect("a stream is free again");
    assert!(matches!(reply, Reply::Status(_)));
}
