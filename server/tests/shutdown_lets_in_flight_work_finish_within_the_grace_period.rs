//! Graceful shutdown through the protocol seam, with a service that has work in flight when
//! SIGTERM comes (it needs `linger` to finish): the node refuses new connections at once, waits
//! for the service within `shutdown_grace_ms`, then closes with code 22 (Unavailable) and exits 0; a service
//! slower than the grace period is cut off when it ends.
//!
//! The node under test is this test binary itself, re-run with `AORTA_TEST_LINGER_MS` set: it
//! then runs `aorta_server::node::run` with the lingering service instead of the test.

mod common;

use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use aorta_server::config::Surroundings;
use aorta_server::service::{BoxFuture, ConnectionService, Ended, Session};
use aorta_server::{cli, logging, node};
use common::{closed_with, connect, Node};

const TEST_NAME: &str = "shutdown_lets_in_flight_work_finish_within_the_grace_period";
const LINGER_VAR: &str = "AORTA_TEST_LINGER_MS";

/// Holds each connection until shutdown is requested, then needs `linger` more to finish.
struct Lingering {
    linger: Duration,
}

impl ConnectionService for Lingering {
    fn serve(&self, mut session: Session) -> BoxFuture<Ended> {
        let linger = self.linger;
        Box::pin(async move {
            tokio::select! {
                _ = session.connection.closed() => return Ended::Closed,
                _ = session.shutdown.requested() => {}
            }
            tokio::time::sleep(linger).await;
            Ended::ShutdownRequested
        })
    }
}

/// The child's side: a node with the lingering service.
fn run_node(linger_ms: &str) {
    let args = std::env::var("AORTA_TEST_NODE_ARGS").unwrap();
    let parsed = cli::parse_from(std::iter::once("aortad").chain(args.split(' '))).unwrap();
    let config = cli::resolve(&parsed, &Surroundings::of_process())
        .unwrap()
        .config;
    logging::init(config.log_format, &config.log_filter);
    let linger = Duration::from_millis(linger_ms.parse().unwrap());
    node::run(&config, Arc::new(Lingering { linger })).unwrap();
}

fn start(data_dir: &std::path::Path, linger_ms: u64, grace_ms: u64) -> Node {
    let mut command = Command::new(std::env::current_exe().unwrap());
    let args = format!(
        "--listen 127.0.0.1:0 --log-format json --shutdown-grace-ms {grace_ms} --data-dir {}",
        data_dir.display()
    );
    command
        .args(["--exact", TEST_NAME, "--nocapture", "--test-threads", "1"])
        .env(LINGER_VAR, linger_ms.to_string())
        .env("AORTA_TEST_NODE_ARGS", args);
    Node::spawn(command, data_dir)
}

#[tokio::test]
async fn shutdown_lets_in_flight_work_finish_within_the_grace_period() {
    if let Ok(linger_ms) = std::env::var(LINGER_VAR) {
        // Not on the test's runtime: the node makes runtimes of its own.
        tokio::task::spawn_blocking(move || run_node(&linger_ms))
            .await
            .unwrap();
        return;
    }
    let dir = tempfile::tempdir().unwrap();

    // The work finishes within the grace period.
    let node = start(dir.path(), 1_000, 10_000);
    let client = common::client(dir.path(), b"aorta/1");
    let connection = connect(&client, node.address).await.unwrap();
    let signalled = Instant::now();
    node.signal(libc::SIGTERM);
    node.log
        .until(
            "shutdown: asking connections to finish their work",
            |_| true,
            Duration::from_secs(10),
        )
        .await
        .unwrap();
    let late = connect(&client, node.address).await;
    assert!(
        matches!(late, Err(quinn::ConnectionError::ConnectionClosed(_))),
        "a connection during shutdown must be refused: {late:?}"
    );
    let (code, reason) = closed_with(&connection, Duration::from_secs(10))
        .await
        .unwrap();
    let waited = signalled.elapsed();
    assert_eq!((code, reason.as_str()), (22, "node shutting down"));
    assert!(
        waited >= Duration::from_millis(900),
        "closed after {waited:?}"
    );
    let (status, log) = tokio::task::spawn_blocking(move || node.terminate_wait())
        .await
        .unwrap();
    assert_eq!(status.code(), Some(0), "{}", log.text());
    assert!(log
        .messages()
        .contains(&"shutdown: every connection finished".to_string()));

    // The work would outlast the grace period: the node closes when the period ends.
    let node = start(dir.path(), 60_000, 500);
    let connection = connect(&client, node.address).await.unwrap();
    let signalled = Instant::now();
    node.signal(libc::SIGTERM);
    let (code, _) = closed_with(&connection, Duration::from_secs(10))
        .await
        .unwrap();
    let waited = signalled.elapsed();
    assert_eq!(code, 22); // Unavailable
    assert!(
        waited >= Duration::from_millis(450) && waited < Duration::from_secs(5),
        "closed after {waited:?}"
    );
    let (status, log) = tokio::task::spawn_blocking(move || node.terminate_wait())
        .await
        .unwrap();
    assert_eq!(status.code(), Some(0), "{}", log.text());
    assert!(log
        .messages()
        .contains(&"shutdown: closing the connections still open".to_string()));
}
