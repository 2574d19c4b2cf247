//! A node started with `request_bytes_in_flight_max` = 4 MiB + 8 bytes (its smallest:
//! `frame_bytes_max`, 4 MiB, plus a frame's header) states it in its `Welcome`, and the client keeps the bytes of its requests under
//! it: 64 puts of 1000 KiB each (62.5 MiB together, fifteen times the limit) and 16 reads at
//! once, from as many callers, all succeed — none is answered or reset `Overloaded` — the callers
//! past the budget waiting for bytes instead. Each put's receipt is its own (checked against what
//! the node then holds), and the resource holds the data that was put.
//!
//! The count budget alone (the node's default of 256 requests in flight) lets all 64 puts go at
//! once; one shard takes them a commit group at a time while the node goes on reading, so it
//! holds more than 4 MiB and resets a lane's stream `Overloaded`, failing every commit on it
//! (this test then fails on its first put).

mod support;

use aorta_client::{Client, ListFrom, Query, ResourceSpec, Scope};
use support::{client_config, Node};

const MIB: usize = 1024 * 1024;
const PUTS: usize = 64;
const VALUE_BYTES: usize = 1000 * 1024;
const READS: usize = 16;

#[tokio::test]
async fn commits_stay_within_a_small_bytes_in_flight_limit() {
    let dir = tempfile::tempdir().unwrap();
    let frame_limit = (4 * MIB).to_string();
    let limit = (4 * MIB + 8).to_string();
    let node = Node::start_with(
        dir.path(),
        "127.0.0.1:0".parse().unwrap(),
        &[
            "--shards",
            "1",
            "--frame-bytes-max",
            &frame_limit,
            "--request-bytes-in-flight-max",
            &limit,
        ],
    );
    let client = Client::connect(client_config(dir.path(), node.address))
        .await
        .unwrap();
    let session = client.session().await.unwrap();
    assert_eq!(session.request_bytes_in_flight_max, 4 * MIB as u64 + 8);
    assert!(
        (PUTS * VALUE_BYTES) as u64 > 4 * session.request_bytes_in_flight_max,
        "the puts together are well over the limit"
    );

    let puts: Vec<_> = (0..PUTS)
        .map(|i| {
            let client = client.clone();
            tokio::spawn(async move {
                let namespace = format!("/ns{}", i % 8);
                let name = format!("r{i:03}");
                let spec = ResourceSpec::new(&namespace, &name, "blob").with_data(value(i));
                let receipt = client
                    .put(spec, None)
                    .await
                    .unwrap_or_else(|error| panic!("put {i}: {error}"));
                (namespace, name, receipt)
            })
        })
        .collect();
    let reads: Vec<_> = (0..READS)
        .map(|i| {
            let client = client.clone();
            tokio::spawn(async move {
                let namespace = format!("/ns{}", i % 8);
                let read = if i % 2 == 0 {
                    client
                        .get(&namespace, &format!("r{i:03}"))
                        .await
                        .map(|_| ())
                } else {
                    let query = Query {
                        namespace,
                        scope: Scope::Children,
                        kind: None,
                        selector: None,
                        page_size: 2,
                    };
                    client.list(&query, ListFrom::Latest).await.map(|_| ())
                };
                read.unwrap_or_else(|error| panic!("read {i}: {error}"));
            })
        })
        .collect();

    for read in reads {
        read.await.unwrap();
    }
    let mut receipts = Vec::with_capacity(PUTS);
    for put in puts {
        receipts.push(put.await.unwrap());
    }
    let resources = support::each_receipt_is_its_own(&client, &receipts).await;
    for (resource, (i, (namespace, name, _))) in resources.iter().zip(receipts.iter().enumerate()) {
        assert!(
            resource.data == value(i),
            "{namespace}/{name} holds another put's data"
        );
    }
    node.terminate();
}

/// Put `i`'s value: `VALUE_BYTES` bytes that differ from one put to the next.
fn value(i: usize) -> Vec<u8> {
    (0..VALUE_BYTES)
        .map(|at| (at.wrapping_mul(31) ^ i) as u8)
        .collect()
}
