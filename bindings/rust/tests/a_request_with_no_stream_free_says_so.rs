//! A connection has at most the node's `streams_per_connection_max` streams open (QUIC's stream
//! limit; the control stream counts). A request or subscription that finds none free waits for
//! one, within its request timeout, and then fails saying so — not with a bare time-out — as
//! `Unavailable` (retryable); once a stream closes, requests go through again.

mod support;

use std::time::{Duration, Instant};

use aorta_client::{Client, Error, ErrorKind, Pattern, Start};
use support::{client_config, Node};

#[tokio::test]
async fn a_request_with_no_stream_free_says_so() {
    let dir = tempfile::tempdir().unwrap();
    // The control stream and one subscription fill the connection.
    let node = Node::start_with(
        dir.path(),
        "127.0.0.1:0".parse().unwrap(),
        &["--streams-per-connection-max", "2"],
    );
    let mut config = client_config(dir.path(), node.address);
    config.request_timeout = Duration::from_secs(1);
    let client = Client::connect(config).await.unwrap();
    let watch = client
        .subscribe(Pattern::subtree("/apps"), Start::Now)
        .await
        .unwrap();

    let error = client.get("/apps", "web").await.unwrap_err();
    assert!(matches!(error, Error::NoStreamFree { .. }), "{error:?}");
    assert_eq!(error.kind(), ErrorKind::Unavailable);
    let message = error.to_string();
    assert!(
        message.contains("streams_per_connection_max") && message.contains("the request"),
        "{message}"
    );
    let error = client
        .subscribe(Pattern::subtree("/other"), Start::Now)
        .await
        .unwrap_err();
    assert!(matches!(error, Error::NoStreamFree { .. }), "{error:?}");
    assert!(error.to_string().contains("subscribing"), "{error}");

    // Ending the subscription frees its stream (the node gives the credit back).
    drop(watch);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        match client.get("/apps", "web").await {
            Ok(found) => {
                assert_eq!(found, None);
                break;
            }
            Err(error @ Error::NoStreamFree { .. }) if Instant::now() < deadline => {
                let _ = error;
            }
            Err(error) => panic!("{error}"),
        }
    }
}
