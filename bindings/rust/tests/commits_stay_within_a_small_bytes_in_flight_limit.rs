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

use aorta_client::Client;
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

    support::commits_and_reads_with_data_at_once(&client, PUTS, READS, value).await;
    node.terminate();
}

/// Put `i`'s value: `VALUE_BYTES` bytes that differ from one put to the next.
fn value(i: usize) -> Vec<u8> {
    (0..VALUE_BYTES)
        .map(|at| (at.wrapping_mul(31) ^ i) as u8)
        .collect()
}
