//! Answers are charged until they are written: a client that pipelines many small requests for
//! large pages and reads none of the answers makes the node hold at most about
//! `request_bytes_in_flight_max` of them (the node stops taking requests while its answers to
//! send fill that), not a page per request in flight. Once the client reads, every answer comes,
//! whole and in order.

mod common;

use std::time::Duration;

use aorta_engine::limits::{DATA_BYTES_MAX, PAGE_SIZE_MAX};
use aorta_engine::query::{Query, Scope};
use aorta_engine::{Batch, Command, ResourceSpec};
use aorta_wire::convert::{Call, ListFrom, Reply};
use common::artery::connect_as;
use common::Node;

/// Resources of (almost) 1 MiB each: a page of them is several MiB.
const RESOURCES: usize = 8;
/// List requests sent at once: 48 pages of several MiB, were they all made before any is read.
const REQUESTS: usize = 48;
const BYTES_IN_FLIGHT_MAX: u64 = 16 * 1024 * 1024;
/// What the node may grow by: the limit, a page beyond it, their encoded copy while written, and
/// QUIC's send buffers; far below the 48 pages and their encoded copy (several hundred MiB) of an
/// unbounded node.
const GROWTH_MAX_BYTES: u64 = 128 * 1024 * 1024;

/// The node's peak resident memory so far (`VmHWM`), in bytes.
fn peak_resident_bytes(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status
        .lines()
        .find(|line| line.starts_with("VmHWM:"))
        .expect("VmHWM in /proc/PID/status");
    let kib: u64 = line
        .split_whitespace()
        .nth(1)
        .and_then(|kib| kib.parse().ok())
        .expect("VmHWM: N kB");
    kib * 1024
}

#[tokio::test]
async fn answers_a_client_does_not_read_hold_the_node_to_its_bytes_limit() {
    let dir = tempfile::tempdir().unwrap();
    let limit = BYTES_IN_FLIGHT_MAX.to_string();
    // Heartbeats far apart: this client answers none while it holds back and then reads.
    let node = Node::start(
        dir.path(),
        &[
            "--request-bytes-in-flight-max",
            &limit,
            "--idle-timeout-ms",
            "300000",
            "--keep-alive-interval-ms",
            "100000",
        ],
    );
    let artery = connect_as(&node, "root").await;
    for i in 0..RESOURCES {
        let spec = ResourceSpec::new("/blobs", &format!("b{i}"), "blob").with_data(vec![
            i as u8;
            DATA_BYTES_MAX
                - 4096
        ]);
        let reply = artery
            .call(&Call::Commit(Batch::single(Command::create(spec))))
            .await;
        assert!(matches!(reply, Reply::Committed(_)), "{reply:?}");
    }
    let query = Query {
        namespace: "/blobs".into(),
        scope: Scope::Children,
        kind: None,
        selector: None,
        page_size: PAGE_SIZE_MAX,
    };
    let list = Call::List {
        query,
        from: ListFrom::Latest,
    };
    let Reply::Page(first) = artery.call(&list).await else {
        panic!("a page");
    };
    assert!(first.items.len() >= 2, "a page of several MiB");
    let pid = node.child.id();
    let before = peak_resident_bytes(pid);

    let mut stream = artery.requests().await;
    for _ in 0..REQUESTS {
        stream.send(&list).await;
    }
    // The node takes what it may and makes those answers; the client reads nothing.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let grown = peak_resident_bytes(pid).saturating_sub(before);
    eprintln!("the node grew by {} MiB", grown >> 20);
    assert!(
        grown < GROWTH_MAX_BYTES,
        "the node grew by {} MiB holding answers the client does not read (limit {} MiB)",
        grown >> 20,
        BYTES_IN_FLIGHT_MAX >> 20
    );

    let names = |page: &aorta_engine::query::Page| -> Vec<String> {
        page.items.iter().map(|r| r.name.clone()).collect()
    };
    let reading = std::time::Instant::now();
    for i in 0..REQUESTS {
        let reply = tokio::time::timeout(Duration::from_secs(60), stream.receive())
            .await
            .unwrap_or_else(|_| panic!("answer {i} within 60 s"));
        let Reply::Page(page) = reply else {
            panic!("answer {i}: {reply:?}");
        };
        assert_eq!(names(&page), names(&first), "answer {i}");
    }
    eprintln!("{REQUESTS} answers read in {:?}", reading.elapsed());
}
