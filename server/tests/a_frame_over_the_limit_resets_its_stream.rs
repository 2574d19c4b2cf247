//! `frame_bytes_max`: a frame header announcing a body over the node's limit resets that stream
//! with `FrameTooLarge` (41) before any of the body is taken; the connection and its other
//! streams go on.

mod common;

use aorta_wire::convert::{Call, Reply};
use aorta_wire::frame::header;
use common::artery::connect_as;
use common::Node;

#[tokio::test]
async fn a_frame_over_the_limit_resets_its_stream() {
    let dir = tempfile::tempdir().unwrap();
    let limit: u32 = 4 * 1024 * 1024;
    let node = Node::start(dir.path(), &["--frame-bytes-max", &limit.to_string()]);
    let artery = connect_as(&node, "root").await;
    assert_eq!(artery.session.frame_bytes_max, limit);

    let mut stream = artery.stream().await;
    stream.send.write_all(&header(limit + 1)).await.unwrap();
    stream.send.write_all(&[0u8; 1024]).await.unwrap();
    assert_eq!(stream.receive().await, Err("reset 41".to_string()));

    assert!(matches!(
        artery.call(&Call::Positions).await,
        Reply::Positions(_)
    ));
}
