//! A node started with `requests_in_flight_max` = 8 states it in its `Welcome`, and the client
//! keeps its requests under it: 300 commits and 50 reads (gets and lists) at once, from as many
//! callers, all succeed — none is answered `Overloaded` — the callers past the budget waiting for
//! a place instead. Each commit's receipt is its own (checked against what the node then holds).

mod support;

use aorta_client::Client;
use support::{client_config, Node};

const COMMITS: usize = 300;
const READS: usize = 50;

#[tokio::test]
async fn commits_and_reads_stay_within_a_small_in_flight_limit() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start_with(
        dir.path(),
        "127.0.0.1:0".parse().unwrap(),
        &["--shards", "2", "--requests-in-flight-max", "8"],
    );
    let client = Client::connect(client_config(dir.path(), node.address))
        .await
        .unwrap();
    assert_eq!(client.session().await.unwrap().requests_in_flight_max, 8);

    support::commits_and_reads_at_once(&client, COMMITS, READS).await;
    node.terminate();
}
