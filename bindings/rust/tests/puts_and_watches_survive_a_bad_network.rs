//! A client's puts and a watch through a bad network: every datagram between the clients and a
//! real `aortad` crosses `aorta-relay`, which drops 3 % of them, sends 2 % twice, delays each by
//! 0–15 ms (so they arrive out of order) and, half-way, cuts the path for 1.5 s. Every put still
//! completes once, and the watcher receives exactly the changes written — each once, in each
//! shard's order — and nothing more. The relay's counters show that the faults happened.

mod support;

use std::collections::BTreeMap;
use std::time::Duration;

use aorta_client::{Client, Pattern, ResourceSpec, Start};
use aorta_relay::{Faults, UdpRelay};
use futures_util::StreamExt as _;
use support::{client_config, Node};

const PUTS: usize = 200;
const IN_FLIGHT: usize = 8;

fn bad_network(cut: bool) -> Faults {
    Faults {
        drop_per_million: 30_000,
        duplicate_per_million: 20_000,
        delay_min: Duration::ZERO,
        delay_max: Duration::from_millis(15),
        cut,
    }
}

#[tokio::test]
async fn puts_and_watches_survive_a_bad_network() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(dir.path());
    let relay = UdpRelay::start(node.address, bad_network(false), 7).unwrap();
    let through_relay = || client_config(dir.path(), relay.local_addr());
    let watcher = Client::connect(through_relay()).await.unwrap();
    let mut watch = watcher
        .subscribe(Pattern::subtree("/faulty"), Start::Now)
        .await
        .unwrap();
    let writer = Client::connect(through_relay()).await.unwrap();

    let put = |i: usize| {
        let writer = writer.clone();
        async move {
            let name = format!("item-{i:03}");
            let spec = ResourceSpec::new(&format!("/faulty/n{}", i % 4), &name, "item")
                .with_data(vec![i as u8; 300]);
            let receipt = writer
                .put(spec, None)
                .await
                .expect("a put through the relay");
            (name, (receipt.shard, receipt.position))
        }
    };
    let mut written: BTreeMap<String, (u16, u64)> = BTreeMap::new();
    let first_half: Vec<_> = futures_util::stream::iter(0..PUTS / 2)
        .map(put)
        .buffer_unordered(IN_FLIGHT)
        .collect()
        .await;
    written.extend(first_half);
    // Cut the path while the second half is written: the puts wait for it to heal.
    relay.set_faults(bad_network(true)).unwrap();
    let healer = tokio::spawn({
        async move {
            tokio::time::sleep(Duration::from_millis(1500)).await;
        }
    });
    let second_half = futures_util::stream::iter(PUTS / 2..PUTS)
        .map(put)
        .buffer_unordered(IN_FLIGHT)
        .collect::<Vec<_>>();
    let (second_half, _) = tokio::join!(second_half, async {
        healer.await.unwrap();
        relay.set_faults(bad_network(false)).unwrap();
    });
    written.extend(second_half);
    assert_eq!(written.len(), PUTS, "every put completed once");

    let mut seen: BTreeMap<String, (u16, u64)> = BTreeMap::new();
    let mut last_position: BTreeMap<u16, u64> = BTreeMap::new();
    while seen.len() < PUTS {
        let event = tokio::time::timeout(Duration::from_secs(60), watch.next())
            .await
            .expect("an event within 60 s")
            .expect("the stream goes on")
            .expect("an event");
        let resource = event.new.expect("puts");
        let last = last_position.entry(event.shard).or_default();
        assert!(event.position > *last, "shard {} out of order", event.shard);
        *last = event.position;
        let previous = seen.insert(resource.name.clone(), (event.shard, event.position));
        assert!(previous.is_none(), "{} delivered twice", resource.name);
    }
    assert_eq!(seen, written, "the watcher saw exactly what was written");
    if let Ok(extra) = tokio::time::timeout(Duration::from_millis(700), watch.next()).await {
        panic!("an event more than written: {extra:?}");
    }
    let stats = relay.stats();
    println!("relay: {stats:?}");
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
