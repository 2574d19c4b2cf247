//! The `Welcome` states the node's per-connection limits, so that a client can keep its requests
//! under them instead of learning them from `Overloaded` answers: `requests_in_flight_max` and
//! `request_bytes_in_flight_max`, as configured (and the defaults when nothing is configured).

mod common;

use common::artery::connect_as;
use common::Node;

#[tokio::test]
async fn the_welcome_states_the_connection_limits() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(
        dir.path(),
        &[
            "--requests-in-flight-max",
            "8",
            "--request-bytes-in-flight-max",
            "16777216",
        ],
    );
    let artery = connect_as(&node, "root").await;
    assert_eq!(artery.session.requests_in_flight_max, 8);
    assert_eq!(artery.session.request_bytes_in_flight_max, 16 << 20);
    drop(artery);
    node.terminate();

    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(dir.path(), &[]);
    let artery = connect_as(&node, "root").await;
    assert_eq!(artery.session.requests_in_flight_max, 256);
    assert_eq!(artery.session.request_bytes_in_flight_max, 64 << 20);
    drop(artery);
    node.terminate();
}
