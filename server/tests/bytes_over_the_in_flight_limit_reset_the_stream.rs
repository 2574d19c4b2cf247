//! `request_bytes_in_flight_max`: the bytes a connection makes the node hold (frames still
//! arriving, requests not yet answered) are bounded. With 4 MiB allowed, a stream that sends 3
//! MiB of a large frame and then another that sends 2 MiB more: the stream whose bytes cross the
//! limit is reset with `Overloaded` (20); the connection is still served.

mod common;

use aorta_wire::convert::{Call, Reply};
use aorta_wire::frame::header;
use aorta_wire::wire;
use common::artery::connect_as;
use common::Node;

const MIB: usize = 1024 * 1024;

#[tokio::test]
async fn bytes_over_the_in_flight_limit_reset_the_stream() {
    let dir = tempfile::tempdir().unwrap();
    let frame_limit = (4 * MIB).to_string();
    // The smallest the node takes: a largest frame, header and body.
    let limit = (4 * MIB + 8).to_string();
    let node = Node::start(
        dir.path(),
        &[
            "--frame-bytes-max",
            &frame_limit,
            "--request-bytes-in-flight-max",
            &limit,
        ],
    );
    let artery = connect_as(&node, "root").await;
    let overloaded = format!("reset {}", wire::ErrorCode::Overloaded as u64);

    let mut first = artery.stream().await;
    first.send.write_all(&header(4 * MIB as u32)).await.unwrap();
    first.send.write_all(&vec![0u8; 3 * MIB]).await.unwrap();
    let mut second = artery.stream().await;
    second
        .send
        .write_all(&header(4 * MIB as u32))
        .await
        .unwrap();
    // The write fails once the node stops the stream; its reset is what the test reads.
    let _ = second.send.write_all(&vec![0u8; 2 * MIB]).await;
    let (first_end, second_end) = tokio::join!(
        tokio::time::timeout(std::time::Duration::from_secs(2), first.receive()),
        tokio::time::timeout(std::time::Duration::from_secs(20), second.receive())
    );
    assert_eq!(second_end.unwrap(), Err(overloaded.clone()));
    assert!(
        first_end.is_err(),
        "the first stream is still waiting: {first_end:?}"
    );

    assert!(matches!(
        artery.call(&Call::Positions).await,
        Reply::Positions(_)
    ));
}
