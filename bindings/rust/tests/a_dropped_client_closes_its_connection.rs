//! A client dropped without `close`, after commits (which open its write lanes) and a read,
//! closes its connection: the node sees it end, even while the socket it used lives on (a
//! `ClientEndpoint` other clients share). A lane that held its artery strongly kept the
//! connection open for ever.

mod support;

use std::time::{Duration, Instant};

use aorta_client::{Client, ClientEndpoint, ResourceSpec};
use support::{client_config, Node};

#[tokio::test]
async fn a_dropped_client_closes_its_connection() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(dir.path());
    let config = client_config(dir.path(), node.address);
    let endpoint = ClientEndpoint::new(&config).unwrap();
    let from = format!("127.0.0.1:{}", endpoint.local_addr().unwrap().port());

    let client = Client::connect_via(&endpoint, config).await.unwrap();
    for index in 0..8 {
        client
            .create(ResourceSpec::new("/dropped", &format!("r{index}"), "item"))
            .await
            .unwrap();
    }
    assert!(client.get("/dropped", "r0").await.unwrap().is_some());
    assert_eq!(node.log_count("connection closed", "remote", &from), 0);
    drop(client);

    // Well within the node's idle timeout (30 s): closed by the client, not timed out.
    let deadline = Instant::now() + Duration::from_secs(10);
    while node.log_count("connection closed", "remote", &from) == 0 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(
        node.log_count("connection closed", "remote", &from),
        1,
        "the node never saw the dropped client's connection end:\n{}",
        node.log_text()
    );
    drop(endpoint);
}
