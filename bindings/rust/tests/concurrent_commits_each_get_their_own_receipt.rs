//! Commits from many callers at once share a few pipelined request lanes, answered in order per
//! lane: each caller must get the receipt of its own commit, never a neighbour's. More callers
//! than the lanes take at once (4 × 64), over namespaces on both shards, each checked against
//! what the node then holds: the receipt's position is the resource's revision, and its shard
//! the one its namespace lives on.

mod support;

use aorta_client::{Client, ResourceSpec};
use support::{client_config, Node};

const CALLERS: usize = 400;

#[tokio::test]
async fn concurrent_commits_each_get_their_own_receipt() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start_with(
        dir.path(),
        "127.0.0.1:0".parse().unwrap(),
        &["--shards", "2"],
    );
    let client = Client::connect(client_config(dir.path(), node.address))
        .await
        .unwrap();
    let tasks: Vec<_> = (0..CALLERS)
        .map(|i| {
            let client = client.clone();
            tokio::spawn(async move {
                let namespace = format!("/ns{}", i % 16);
                let name = format!("r{i:03}");
                let spec =
                    ResourceSpec::new(&namespace, &name, "item").with_data(vec![i as u8; 64]);
                let receipt = client.put(spec, None).await.unwrap();
                (namespace, name, receipt)
            })
        })
        .collect();
    let mut receipts = Vec::with_capacity(tasks.len());
    for task in tasks {
        receipts.push(task.await.unwrap());
    }
    for resource in support::each_receipt_is_its_own(&client, &receipts).await {
        assert_eq!(
            resource.data,
            vec![resource.name[1..].parse::<usize>().unwrap() as u8; 64]
        );
    }
    node.terminate();
}
