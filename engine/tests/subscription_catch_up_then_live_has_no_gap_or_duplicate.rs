//! Catch-up then live, under concurrent writers: subscribers started from the beginning, from a
//! position in the middle and from "now" while writers commit on every shard receive, per shard,
//! exactly the changes committed after their start, in commit order, with no gap and no duplicate
//! where the catch-up meets the live tail. One subscriber uses the blocking form, one the async
//! form. Real engine on a temp dir; small memtables and the smallest history memory (1 MiB a
//! shard), with 8 KiB of data per resource (about 2.5 MB of history a shard), so that flushes run
//! meanwhile and the catch-up from the beginning reads history files before the memory tail.

mod subscription_common;

use std::collections::BTreeMap;
use std::sync::{Arc, Barrier};

use aorta_engine::limits::{HISTORY_MEMORY_BYTES_MIN, MEMTABLE_BYTES_MIN};
use aorta_engine::subscription::{Event, Pattern, Start, Subscription};
use aorta_engine::{Batch, Command, Engine, EngineConfig, ResourceSpec};
use subscription_common::{assert_nothing_more, block_on, take};

const SHARDS: u16 = 2;
const WRITERS: usize = 4;
const BATCHES_PER_WRITER: usize = 150;

/// Each writer creates its own resources, one per batch, in namespaces spread over the shards.
fn writer(engine: &Engine, writer: usize) -> Vec<(u16, u64)> {
    (0..BATCHES_PER_WRITER)
        .map(|i| {
            let namespace = format!("/w/{writer}/{}", i % 3);
            let spec =
                ResourceSpec::new(&namespace, &format!("r{i}"), "task").with_data(vec![1; 8192]);
            let receipt = engine
                .commit(Batch::new(vec![Command::create(spec)]))
                .unwrap();
            (receipt.shard, receipt.position)
        })
        .collect()
}

/// Per shard, the positions delivered, checking each shard's order rises strictly.
fn per_shard(events: &[Event]) -> BTreeMap<u16, Vec<u64>> {
    let mut shards: BTreeMap<u16, Vec<u64>> = BTreeMap::new();
    for event in events {
        let positions = shards.entry(event.shard).or_default();
        if let Some(last) = positions.last() {
            assert!(
                event.position > *last,
                "shard {}: {} after {last}",
                event.shard,
                event.position
            );
        }
        positions.push(event.position);
    }
    shards
}

fn expected(committed: &[(u16, u64)], after: &[u64]) -> BTreeMap<u16, Vec<u64>> {
    let mut shards: BTreeMap<u16, Vec<u64>> = BTreeMap::new();
    for &(shard, position) in committed {
        if position > after[shard as usize] {
            shards.entry(shard).or_default().push(position);
        }
    }
    for positions in shards.values_mut() {
        positions.sort_unstable();
    }
    shards
}

#[test]
fn subscribers_started_during_writes_miss_nothing_and_repeat_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = EngineConfig::new(dir.path()).with_shards(SHARDS);
    config.memtable_bytes_max = MEMTABLE_BYTES_MIN;
    config.history_memory_bytes = HISTORY_MEMORY_BYTES_MIN;
    let engine = Arc::new(Engine::open(config).unwrap());
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
    let from_beginning = engine
        .subscribe(
            Pattern::subtree("/w"),
            Start::After(vec![0; SHARDS as usize]),
        )
        .unwrap();
    start.wait();
    // While the writers run: one subscriber from "now", one from a token taken now (its
    // catch-up races the live tail), read asynchronously.
    std::thread::sleep(std::time::Duration::from_millis(5));
    let now = engine.positions().unwrap();
    let mut from_now = engine
        .subscribe(Pattern::subtree("/w"), Start::Now)
        .unwrap();
    let now_start = from_now.resume_token();
    let mut from_token = engine
        .subscribe(Pattern::subtree("/w"), Start::After(now.clone()))
        .unwrap();
    let total = WRITERS * BATCHES_PER_WRITER;
    let blocking = std::thread::spawn(move || {
        let mut subscription: Subscription = from_beginning;
        let events = take(&mut subscription, total);
        (subscription, events)
    });
    let committed: Vec<(u16, u64)> = writers
        .into_iter()
        .flat_map(|w| w.join().unwrap())
        .collect();
    assert_eq!(committed.len(), total);

    let (mut from_beginning, events) = blocking.join().unwrap();
    assert_eq!(
        per_shard(&events),
        expected(&committed, &[0; SHARDS as usize])
    );
    assert_nothing_more(&mut from_beginning);

    let want = expected(&committed, &now);
    let count: usize = want.values().map(Vec::len).sum();
    let events = block_on(async {
        let mut events = Vec::new();
        while events.len() < count {
            events.push(from_token.next_async().await.unwrap());
        }
        events
    });
    assert_eq!(per_shard(&events), want);
    assert_nothing_more(&mut from_token);

    let want = expected(&committed, &now_start);
    let count: usize = want.values().map(Vec::len).sum();
    let events = take(&mut from_now, count);
    assert_eq!(per_shard(&events), want);
    assert_nothing_more(&mut from_now);
}
