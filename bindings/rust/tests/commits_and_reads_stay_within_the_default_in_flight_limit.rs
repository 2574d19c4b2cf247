//! Under the node's default `requests_in_flight_max` (256, stated in its `Welcome`), 1,000
//! commits and 200 reads (gets and lists) at once, from as many callers, all succeed: the commits
//! fill the lanes (their share of the limit) and wait for places, while the reads keep the places
//! reserved for them, so none is answered `Overloaded`. Each commit's receipt is its own.

mod support;

use aorta_client::Client;
use support::{client_config, Node};

const COMMITS: usize = 1_000;
const READS: usize = 200;

#[tokio::test]
async fn commits_and_reads_stay_within_the_default_in_flight_limit() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start_with(
        dir.path(),
        "127.0.0.1:0".parse().unwrap(),
        &["--shards", "2"],
    );
    let client = Client::connect(client_config(dir.path(), node.address))
        .await
        .unwrap();
    assert_eq!(client.session().await.unwrap().requests_in_flight_max, 256);

    support::commits_and_reads_at_once(&client, COMMITS, READS).await;
    node.terminate();
}
