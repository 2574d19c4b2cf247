//! The live path's switches under concurrent writers: with an inbox of a few events, a subscriber
//! that reads slowly is dropped by the shards' dispatchers again and again (its inbox full), reads
//! the history itself, and joins again when it has caught up — and still receives, per shard,
//! exactly the changes committed, in commit order, none missing, none twice. A fast subscriber
//! beside it, async, receives the same. Both go through a resume (token) half-way. Real engine,
//! two shards, four writers committing batches of one to four creates.

mod subscription_common;

use std::collections::BTreeMap;
use std::sync::{Arc, Barrier};
use std::time::Duration;

use aorta_engine::subscription::{Event, Pattern, Start, Subscription};
use aorta_engine::{Batch, Command, Engine, EngineConfig, ResourceSpec};
use subscription_common::{assert_nothing_more, block_on, PATIENCE};

const SHARDS: u16 = 2;
const WRITERS: usize = 4;
const BATCHES_PER_WRITER: usize = 120;

type Committed = BTreeMap<u16, Vec<(u64, String)>>;

/// Each writer commits batches of 1–4 creates in namespaces spread over the shards; returns
/// what it committed as (shard, position, key).
fn writer(engine: &Engine, writer: usize) -> Vec<(u16, u64, String)> {
    let mut committed = Vec::new();
    for i in 0..BATCHES_PER_WRITER {
        let namespace = format!("/feed/{writer}/{}", i % 5);
        let names: Vec<String> = (0..1 + (i + writer) % 4)
            .map(|k| format!("r{i}-{k}"))
            .collect();
        let commands = names
            .iter()
            .map(|name| Command::create(ResourceSpec::new(&namespace, name, "item")))
            .collect();
        let receipt = engine.commit(Batch::new(commands)).unwrap();
        for name in names {
            committed.push((
                receipt.shard,
                receipt.position,
                format!("{namespace}/{name}"),
            ));
        }
    }
    committed
}

fn per_shard(events: &[Event]) -> Committed {
    let mut shards: Committed = BTreeMap::new();
    for event in events {
        let new = event.new.as_ref().expect("creates");
        let list = shards.entry(event.shard).or_default();
        if let Some((last, _)) = list.last() {
            assert!(
                event.position >= *last,
                "shard {}: out of order",
                event.shard
            );
        }
        list.push((event.position, format!("{}/{}", new.namespace, new.name)));
    }
    shards
}

fn expected(committed: &[(u16, u64, String)]) -> Committed {
    let mut shards: Committed = BTreeMap::new();
    for (shard, position, key) in committed {
        shards
            .entry(*shard)
            .or_default()
            .push((*position, key.clone()));
    }
    // Within a batch, events come in command order; batches in position order.
    for list in shards.values_mut() {
        list.sort_by_key(|(position, _)| *position);
    }
    shards
}

/// Reads `count` events slowly (a pause every few), through a resume half-way: the second half
/// comes from a new subscription started after the first's token.
fn read_slowly(engine: &Engine, mut subscription: Subscription, count: usize) -> (Vec<Event>, u64) {
    let mut events = Vec::new();
    let mut drops = 0;
    let mut resumed = false;
    while events.len() < count {
        let batch = subscription.next_batch(3, PATIENCE).unwrap();
        assert!(!batch.is_empty(), "no event within {PATIENCE:?}");
        events.extend(batch);
        if events.len() % 7 < 3 {
            std::thread::sleep(Duration::from_millis(2));
        }
        if !resumed && events.len() >= count / 2 {
            drops += subscription.live_switches().1;
            let token = subscription.resume_token();
            subscription = engine
                .subscribe(Pattern::subtree("/feed"), Start::After(token))
                .unwrap();
            resumed = true;
        }
    }
    assert_nothing_more(&mut subscription);
    let (joins, later_drops) = subscription.live_switches();
    assert!(
        joins >= later_drops,
        "every drop is followed by a join, once caught up"
    );
    assert!(subscription.is_live(), "caught up, it is live");
    (events, drops + later_drops)
}

#[test]
fn a_slow_subscriber_with_a_small_inbox_switches_and_misses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = EngineConfig::new(dir.path()).with_shards(SHARDS);
    config.subscription_inbox_events_max = 6;
    let engine = Arc::new(Engine::open(config).unwrap());
    let slow = engine
        .subscribe(Pattern::subtree("/feed"), Start::Now)
        .unwrap();
    let mut fast = engine
        .subscribe(Pattern::subtree("/feed"), Start::Now)
        .unwrap();
    assert!(slow.is_live() && fast.is_live());
    let start = Arc::new(Barrier::new(WRITERS + 1));
    let writers: Vec<_> = (0..WRITERS)
        .map(|w| {
            let engine = engine.clone();
            let start = start.clone();
            std::thread::spawn(move || {
                start.wait();
                writer(&engine, w)
            })
        })
        .collect();
    let total: usize = (0..WRITERS)
        .map(|w| {
            (0..BATCHES_PER_WRITER)
                .map(|i| 1 + (i + w) % 4)
                .sum::<usize>()
        })
        .sum();
    let slow_reader = {
        let engine = engine.clone();
        std::thread::spawn(move || read_slowly(&engine, slow, total))
    };
    start.wait();
    let fast_events = block_on(async {
        let mut events = Vec::new();
        while events.len() < total {
            events.push(fast.next_async().await.unwrap());
        }
        events
    });
    let committed: Vec<_> = writers
        .into_iter()
        .flat_map(|w| w.join().unwrap())
        .collect();
    assert_eq!(committed.len(), total);
    let want = expected(&committed);
    let (slow_events, drops) = slow_reader.join().unwrap();
    assert_eq!(per_shard(&slow_events), want, "the slow subscriber");
    assert_eq!(per_shard(&fast_events), want, "the fast subscriber");
    assert_nothing_more(&mut fast);
    println!("the slow subscriber was dropped to catch-up {drops} times");
    assert!(
        drops > 0,
        "an inbox of 6 events overflows under these writers"
    );
}
