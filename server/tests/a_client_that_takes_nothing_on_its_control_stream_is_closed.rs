//! The node's writes on the control stream wait for the client's stream credit, never for ever:
//! a client that takes nothing there (its QUIC stack still acknowledges packets, so neither
//! side's idle timeout fires) is closed — during the handshake when the handshake timeout passes
//! (`Unauthenticated`), after it once a `Pong` could not be written for three heartbeat
//! intervals (`Unavailable`). Either way it holds no connection slot for long.

mod common;

use std::time::{Duration, Instant};

use aorta_wire::handshake::ClientHandshake;
use aorta_wire::wire;
use common::artery::{cluster_key, nonce, FramedStream};
use common::{client_with, closed_with, connect, Node};

#[tokio::test]
async fn a_client_that_gives_no_credit_is_closed_at_the_handshake_timeout() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(dir.path(), &["--handshake-timeout-ms", "1500"]);
    // No credit on any stream: the node can write nothing to the client.
    let endpoint = client_with(dir.path(), b"aorta/1", |transport| {
        transport.stream_receive_window(0u32.into());
    });
    let connection = connect(&endpoint, node.address).await.unwrap();
    let (send, recv) = connection.open_bi().await.unwrap();
    let mut control = FramedStream::new(send, recv);
    let (_, hello) = ClientHandshake::start(cluster_key(dir.path()), "root", nonce()).unwrap();
    let opened = Instant::now();
    control.send(&hello).await;

    let (code, reason) = closed_with(&connection, Duration::from_secs(8))
        .await
        .unwrap();
    assert_eq!(code, wire::ErrorCode::Unauthenticated as u64, "{reason}");
    assert!(
        reason.contains("1500 ms") && reason.contains("Challenge"),
        "{reason}"
    );
    assert!(
        opened.elapsed() < Duration::from_secs(5),
        "closed after {:?}",
        opened.elapsed()
    );
}

#[tokio::test]
async fn a_client_that_stops_taking_its_pongs_is_closed_after_three_heartbeat_intervals() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(dir.path(), &["--keep-alive-interval-ms", "300"]);
    // Room for the handshake's messages and a few dozen heartbeats, no more, on each stream.
    let endpoint = client_with(dir.path(), b"aorta/1", |transport| {
        transport.stream_receive_window(2048u32.into());
    });
    let connection = connect(&endpoint, node.address).await.unwrap();
    let (send, recv) = connection.open_bi().await.unwrap();
    let mut control = FramedStream::new(send, recv);
    let (mut handshake, hello) =
        ClientHandshake::start(cluster_key(dir.path()), "root", nonce()).unwrap();
    control.send(&hello).await;
    loop {
        let message = control.receive().await.unwrap().expect("the handshake");
        match handshake.handle(&message).unwrap() {
            Some(reply) => control.send(&reply).await,
            None => break,
        }
    }
    assert!(handshake.session().is_some(), "established");

    // The client pings and never reads: the node's Pongs fill the stream's 2 KiB, then wait.
    let started = Instant::now();
    let pinging = async {
        for sequence in 0.. {
            let ping = wire::Message::Ping(Box::new(wire::Ping { sequence }));
            control.send(&ping).await;
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    };
    let closed = tokio::select! {
        closed = closed_with(&connection, Duration::from_secs(20)) => closed,
        () = pinging => unreachable!("the pings go on until the connection closes"),
    };
    let (code, reason) = closed.unwrap();
    assert_eq!(code, wire::ErrorCode::Unavailable as u64, "{reason}");
    assert!(
        reason.contains("heartbeat could not be written for 900 ms"),
        "{reason}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "closed after {:?}",
        started.elapsed()
    );
}
