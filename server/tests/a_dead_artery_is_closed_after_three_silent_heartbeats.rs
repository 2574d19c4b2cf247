//! Heartbeats: the node pings an artery that it has sent nothing on for one heartbeat interval
//! (`keep_alive_interval_ms`, announced in `Welcome`), and closes one it has received nothing on
//! for three with `Unavailable` (22) and the reason. A client that answers the pings stays.

mod common;

use std::time::{Duration, Instant};

use aorta_wire::convert::{Call, Reply};
use aorta_wire::wire;
use common::artery::connect_as;
use common::{closed_with, Node};

#[tokio::test]
async fn a_dead_artery_is_closed_after_three_silent_heartbeats() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(dir.path(), &["--keep-alive-interval-ms", "300"]);

    let silent = connect_as(&node, "silent").await;
    assert_eq!(silent.session.heartbeat_interval_ms, 300);
    let mut alive = connect_as(&node, "alive").await;
    let started = Instant::now();

    // The live client answers every ping for 2 s (> 3 intervals).
    let mut pings = 0;
    while started.elapsed() < Duration::from_secs(2) {
        let Ok(message) =
            tokio::time::timeout(Duration::from_millis(100), alive.control.receive()).await
        else {
            continue;
        };
        if let Some(wire::Message::Ping(ping)) = message.unwrap() {
            pings += 1;
            let pong = wire::Message::Pong(Box::new(wire::Pong {
                sequence: ping.sequence,
            }));
            alive.control.send(&pong).await;
        }
    }
    assert!(pings >= 3, "{pings} pings in 2 s");

    let (code, reason) = closed_with(&silent.connection, Duration::from_secs(1))
        .await
        .unwrap();
    assert_eq!(code, wire::ErrorCode::Unavailable as u64, "{reason}");
    assert!(reason.contains("artery dead"), "{reason}");
    assert!(matches!(
        alive.call(&Call::Positions).await,
        Reply::Positions(_)
    ));
}
