//! A client's puts and a watch through a bad network: every datagram between the clients and a
//! real `aortad` crosses `aorta-relay`, which, all along, drops 3 % of them, sends 2 % twice and
//! delays each by 0–15 ms (so they arrive out of order). Half-way, while puts are in flight, it
//! also cuts the path for 4 s, twice the clients' idle timeout (2 s): both connections die (the
//! node's side too: QUIC's idle timeout is the smaller of the two sides'), and the writer and the
//! watcher must connect again — through the same faults — and the watch resume after its last
//! token.
//!
//! Then: every put answered `Ok` is on the node at its receipt's revision, and every resource under
//! the watched namespace is one of the puts; a put answered with an error is absent or present once;
//! the watcher received exactly what the node holds — each change once, in each shard's order, and
//! nothing more; the node logged a second connection from each client; the relay's counters show
//! that the faults happened.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use aorta_client::{
    Client, CommitReceipt, Error, ErrorKind, ListFrom, Pattern, Query, ResourceSpec, Scope, Start,
};
use aorta_relay::{Faults, UdpRelay};
use futures_util::StreamExt as _;
use support::{client_config, Node};

const PUTS: usize = 200;
const IN_FLIGHT: usize = 8;
/// The clients' QUIC idle timeout: a connection that hears nothing this long is dead.
const IDLE_TIMEOUT: Duration = Duration::from_secs(2);
/// How long the path is cut: past the idle timeout, so that QUIC cannot just retransmit.
const CUT: Duration = Duration::from_secs(4);
/// Puts of the second half acknowledged before the cut: the cut falls among puts in flight.
const ACKNOWLEDGED_BEFORE_CUT: usize = 10;

fn bad_network(cut: bool) -> Faults {
    Faults {
        drop_per_million: 30_000,
        duplicate_per_million: 20_000,
        delay_min: Duration::ZERO,
        delay_max: Duration::from_millis(15),
        cut,
    }
}

fn namespace(i: usize) -> String {
    format!("/faulty/n{}", i % 4)
}

fn name(i: usize) -> String {
    format!("item-{i:03}")
}

/// The node-side address of the `nth` connection the node established (from 1).
async fn remote_of_connection(node: &Node, nth: usize) -> String {
    let established = node
        .await_log_fields("connection established", nth, Duration::from_secs(10))
        .await;
    established[nth - 1]["remote"]
        .as_str()
        .expect("a remote address")
        .to_owned()
}

fn connections_from(node: &Node, remote: &str) -> usize {
    node.log_count("connection established", "remote", remote)
}

#[tokio::test]
async fn puts_and_watches_survive_a_bad_network() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(dir.path());
    let relay = UdpRelay::start(node.address, bad_network(false), 7).unwrap();
    let through_relay = || {
        let mut config = client_config(dir.path(), relay.local_addr());
        config.idle_timeout = IDLE_TIMEOUT;
        config
    };
    // Each client keeps its UDP socket across reconnections, so the relay keeps its flow, and the
    // node sees each client's connections come from one address: the watcher's connects first.
    let watcher = Client::connect(through_relay()).await.unwrap();
    let watcher_remote = remote_of_connection(&node, 1).await;
    let mut watch = watcher
        .subscribe(Pattern::subtree("/faulty"), Start::Now)
        .await
        .unwrap();
    let writer = Client::connect(through_relay()).await.unwrap();
    let writer_remote = remote_of_connection(&node, 2).await;
    assert_ne!(watcher_remote, writer_remote);

    let acknowledged = AtomicUsize::new(0);
    let put = |i: usize| {
        let writer = writer.clone();
        let acknowledged = &acknowledged;
        async move {
            let spec =
                ResourceSpec::new(&namespace(i), &name(i), "item").with_data(vec![i as u8; 300]);
            let result = writer.put(spec, None).await;
            if result.is_ok() {
                acknowledged.fetch_add(1, Ordering::SeqCst);
            }
            (i, result)
        }
    };
    let first_half: Vec<(usize, Result<CommitReceipt, Error>)> =
        futures_util::stream::iter(0..PUTS / 2)
            .map(put)
            .buffer_unordered(IN_FLIGHT)
            .collect()
            .await;
    for (i, result) in &first_half {
        // Drops, duplicates and reordering alone are QUIC's to hide: no put may fail.
        if let Err(error) = result {
            panic!("put {i} failed on a lossy (not cut) path: {error}");
        }
    }

    // The second half, and the cut once a few of them are acknowledged: the cut falls among puts
    // in flight (requests on their way, answers on their way back, puts waiting for a place).
    let second_half = futures_util::stream::iter(PUTS / 2..PUTS)
        .map(put)
        .buffer_unordered(IN_FLIGHT)
        .collect::<Vec<_>>();
    let cutter = async {
        let deadline = Instant::now() + Duration::from_secs(30);
        while acknowledged.load(Ordering::SeqCst) < PUTS / 2 + ACKNOWLEDGED_BEFORE_CUT {
            assert!(Instant::now() < deadline, "the second half did not start");
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        relay.set_faults(bad_network(true)).unwrap();
        let left_at_cut = PUTS - acknowledged.load(Ordering::SeqCst);
        tokio::time::sleep(CUT).await;
        relay.set_faults(bad_network(false)).unwrap();
        left_at_cut
    };
    let (second_half, not_acknowledged_at_cut) = tokio::join!(second_half, cutter);
    assert!(
        not_acknowledged_at_cut > IN_FLIGHT,
        "puts were left to write when the path was cut"
    );

    let mut acked: BTreeMap<String, (u16, u64)> = BTreeMap::new();
    let mut failed: BTreeMap<String, (String, Error)> = BTreeMap::new();
    for (i, result) in first_half.into_iter().chain(second_half) {
        match result {
            Ok(receipt) => {
                acked.insert(name(i), (receipt.shard, receipt.position));
            }
            Err(error) => {
                // Only the cut may fail a put, as a lost connection (or one not made again in
                // time): nothing else, and never a refusal.
                assert_eq!(error.kind(), ErrorKind::Unavailable, "put {i}: {error}");
                failed.insert(name(i), (namespace(i), error));
            }
        }
    }

    // What the node holds, read on a connection of its own (no relay).
    let reader = Client::connect(client_config(dir.path(), node.address))
        .await
        .unwrap();
    let query = Query {
        namespace: "/faulty".into(),
        scope: Scope::Subtree,
        kind: None,
        selector: None,
        page_size: 64,
    };
    let mut held: BTreeMap<String, u64> = BTreeMap::new();
    let mut from = ListFrom::Latest;
    loop {
        let page = reader.list(&query, from).await.unwrap();
        for resource in &page.items {
            let previous = held.insert(resource.name.clone(), resource.revision);
            assert!(previous.is_none(), "{} listed twice", resource.name);
        }
        match page.next {
            Some(token) => from = ListFrom::Token(token.encode()),
            None => break,
        }
    }
    // Every acknowledged put is there, at the revision its receipt gave.
    for (name, (_, position)) in &acked {
        assert_eq!(
            held.get(name),
            Some(position),
            "acknowledged put {name} is not held at its receipt's revision"
        );
    }
    // Whatever else is there is a put that was answered with an error.
    let unacknowledged: BTreeSet<&String> =
        held.keys().filter(|n| !acked.contains_key(*n)).collect();
    for name in &unacknowledged {
        assert!(
            failed.contains_key(*name),
            "{name} is held but was never put"
        );
    }
    // The client reports two kinds of failed puts. A put whose connection died after its request
    // left (`ConnectionLost`) is not retried (it may have committed): it is absent when the cut
    // took its request, present once when the cut took only its answer — both are right, and
    // runs see both (typically 8 such puts, from none to 6 of them committed). A put that found no
    // connection and could not make one during the cut (`Unreachable`) never left: it is absent.
    // A get says which each is, and the watch must agree.
    let mut failed_but_committed: BTreeMap<String, u64> = BTreeMap::new();
    for (name, (namespace, error)) in &failed {
        match reader.get(namespace, name).await.unwrap() {
            Some(resource) => {
                assert!(
                    !matches!(error, Error::Unreachable { .. }),
                    "{name} committed though its put never left: {error}"
                );
                assert_eq!(held.get(name), Some(&resource.revision), "{name}");
                failed_but_committed.insert(name.clone(), resource.revision);
            }
            None => assert!(!held.contains_key(name), "{name}"),
        }
        println!("failed put {name}: {error}");
    }
    println!(
        "{} puts acknowledged; {} failed in the cut: {} of them committed, {} absent",
        acked.len(),
        failed.len(),
        failed_but_committed.len(),
        failed.len() - failed_but_committed.len()
    );

    // The watch: exactly what the node holds, each change once, in each shard's order.
    let mut seen: BTreeMap<String, (u16, u64)> = BTreeMap::new();
    let mut last_position: BTreeMap<u16, u64> = BTreeMap::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    while seen.len() < held.len() {
        let event = tokio::time::timeout_at(deadline, watch.next())
            .await
            .unwrap_or_else(|_| {
                panic!(
                    "the watch delivered {} of {} changes within 30 s",
                    seen.len(),
                    held.len()
                )
            })
            .expect("the stream goes on")
            .expect("an event");
        let resource = event.new.expect("puts");
        assert!(
            held.contains_key(&resource.name),
            "{} delivered but never written",
            resource.name
        );
        let last = last_position.entry(event.shard).or_default();
        assert!(event.position > *last, "shard {} out of order", event.shard);
        *last = event.position;
        let previous = seen.insert(resource.name.clone(), (event.shard, event.position));
        assert!(previous.is_none(), "{} delivered twice", resource.name);
    }
    let seen_revisions: BTreeMap<String, u64> = seen
        .iter()
        .map(|(name, (_, position))| (name.clone(), *position))
        .collect();
    assert_eq!(
        seen_revisions, held,
        "the watcher saw exactly what the node holds"
    );
    for (name, receipt) in &acked {
        assert_eq!(
            seen.get(name),
            Some(receipt),
            "{name}: the receipt's shard and position"
        );
    }
    if let Ok(extra) = tokio::time::timeout(Duration::from_millis(700), watch.next()).await {
        panic!("an event more than written: {extra:?}");
    }

    // Both clients connected again after the cut (the watcher's subscription on its new
    // connection delivered the changes it missed, above).
    let watcher_connections = connections_from(&node, &watcher_remote);
    assert!(
        watcher_connections >= 2,
        "the watcher connected again after the cut ({watcher_connections} connections)"
    );
    let writer_connections = connections_from(&node, &writer_remote);
    assert!(
        writer_connections >= 2,
        "the writer connected again after the cut ({writer_connections} connections)"
    );
    let stats = relay.stats();
    println!(
        "relay: {stats:?}; connections: watcher {watcher_connections}, writer {writer_connections}"
    );
    assert!(
        stats.dropped > stats.cut,
        "datagrams were dropped: {stats:?}"
    );
    assert!(stats.duplicated > 0, "datagrams were duplicated: {stats:?}");
    assert!(stats.reordered > 0, "datagrams were reordered: {stats:?}");
    assert!(
        stats.cut > 0,
        "the path was cut while datagrams flowed: {stats:?}"
    );
}
