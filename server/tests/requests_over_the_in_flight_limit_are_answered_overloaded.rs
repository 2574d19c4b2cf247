//! `requests_in_flight_max`: with a limit of 1, writes pipelined on one stream while the first
//! waits for its group commit are answered `Overloaded` (in order, naming the limit), never
//! queued without bound; once answers are out, requests are served again.

mod common;

use aorta_engine::{Batch, Command, ResourceSpec};
use aorta_wire::convert::{Call, Reply};
use aorta_wire::wire;
use common::artery::connect_as;
use common::Node;

#[tokio::test]
async fn requests_over_the_in_flight_limit_are_answered_overloaded() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(dir.path(), &["--requests-in-flight-max", "1"]);
    let artery = connect_as(&node, "root").await;
    let mut stream = artery.requests().await;
    let writes = 50;
    for i in 0..writes {
        let spec = ResourceSpec::new("/load", &format!("r{i}"), "item");
        stream
            .send(&Call::Commit(Batch::single(Command::put(spec, None))))
            .await;
    }
    let (mut committed, mut overloaded) = (0, 0);
    for _ in 0..writes {
        match stream.receive().await {
            Reply::Committed(_) => committed += 1,
            Reply::Failed(error) => {
                assert_eq!(error.code, wire::ErrorCode::Overloaded, "{error}");
                assert!(
                    error.message.contains("requests_in_flight_max is 1"),
                    "{error}"
                );
                assert!(error.is_retryable());
                overloaded += 1;
            }
            other => panic!("{other:?}"),
        }
    }
    assert!(committed >= 1, "{committed} committed");
    assert!(overloaded >= 1, "{overloaded} overloaded of {writes}");
    assert_eq!(committed + overloaded, writes);
    assert!(matches!(
        stream.call(&Call::Positions).await,
        Reply::Positions(_)
    ));
}
