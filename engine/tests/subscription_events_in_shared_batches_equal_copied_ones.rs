//! `Subscription::next_events` hands out live batches as the dispatcher made them (shared, not
//! copied) and history pages as their own events; what it gives must be exactly what
//! `next_batch` and `next` give: the same events in the same order, whole batches, at most `max`
//! events unless one batch is larger, and resume tokens that resume exactly. Real engine, 2
//! shards, a writer committing while the subscribers read (live deliveries), and a subscriber
//! from the beginning (history pages), then one resumed from a token taken mid-way. And with a
//! reader (the principal's read rules judge each event, so deliveries are copied), two shards'
//! batches at the same position are two batches, each taken whole and within `max`.

mod filters_common;
mod subscription_common;

use std::collections::BTreeMap;
use std::time::Duration;

use aorta_engine::subscription::{Event, Pattern, Start, Subscription};
use aorta_engine::{Batch, Command, Engine, EngineConfig, ResourceSpec};
use subscription_common::PATIENCE;

const SHARDS: u16 = 2;
const BATCHES: usize = 300;

type Key = (u16, u64, String);

fn key(event: &Event) -> Key {
    let r = event.new.as_ref().or(event.old.as_ref()).unwrap();
    (event.shard, event.position, r.key())
}

/// The sizes `next_events` and `next_batch` are asked for, in turn.
const MAXES: [usize; 4] = [1, 3, 7, 64];

/// Reads `count` events with `next_events`, checking each call's whole batches and bound.
fn read_shared(
    subscription: &mut Subscription,
    count: usize,
    sizes: &BTreeMap<Key, usize>,
) -> Vec<Key> {
    let mut keys = Vec::new();
    let mut call = 0;
    while keys.len() < count {
        let max = MAXES[call % MAXES.len()];
        call += 1;
        let events = subscription.next_events(max, PATIENCE).unwrap();
        assert!(!events.is_empty(), "no event within {PATIENCE:?}");
        assert_eq!(events.len(), events.iter().count());
        assert_eq!(events.last().map(key), events.iter().last().map(key));
        let taken: Vec<Key> = events.iter().map(key).collect();
        let positions: Vec<(u16, u64)> = taken.iter().map(|(s, p, _)| (*s, *p)).collect();
        let mut batches = positions.clone();
        batches.dedup();
        assert!(
            taken.len() <= max || batches.len() == 1,
            "{} events in {} batches for max {max}",
            taken.len(),
            batches.len()
        );
        // Whole batches: each position's events all there, together.
        for (shard, position) in &batches {
            let here = positions
                .iter()
                .filter(|p| **p == (*shard, *position))
                .count();
            let committed = sizes
                .iter()
                .find(|((s, p, _), _)| s == shard && p == position)
                .map(|(_, n)| *n)
                .expect("a committed batch");
            assert_eq!(here, committed, "batch {shard}/{position} split");
        }
        // The token covers exactly what was taken.
        let token = subscription.resume_token();
        if let Some((shard, position, _)) = taken.last() {
            assert_eq!(token[*shard as usize], *position);
        }
        let owned = events.clone().into_vec();
        assert_eq!(owned.iter().map(key).collect::<Vec<_>>(), taken);
        keys.extend(taken);
    }
    keys
}

fn read_copied(subscription: &mut Subscription, count: usize) -> Vec<Key> {
    let mut keys = Vec::new();
    let mut call = 0;
    while keys.len() < count {
        let max = MAXES[call % MAXES.len()];
        call += 1;
        let events = subscription.next_batch(max, PATIENCE).unwrap();
        assert!(!events.is_empty(), "no event within {PATIENCE:?}");
        keys.extend(events.iter().map(key));
    }
    keys
}

fn read_one_by_one(subscription: &mut Subscription, count: usize) -> Vec<Key> {
    (0..count)
        .map(|_| key(&subscription.next(PATIENCE).unwrap().expect("an event")))
        .collect()
}

#[test]
fn shared_batches_equal_copied_batches_and_single_events() {
    let dir = tempfile::tempdir().unwrap();
    let engine = std::sync::Arc::new(
        Engine::open(EngineConfig::new(dir.path()).with_shards(SHARDS)).unwrap(),
    );
    let namespaces: Vec<String> = (0..6).map(|i| format!("/feed/n{i}")).collect();
    assert!(
        namespaces
            .iter()
            .map(|n| engine.shard_for(n))
            .collect::<std::collections::BTreeSet<_>>()
            .len()
            > 1,
        "the namespaces must span shards"
    );
    let pattern = Pattern::subtree("/feed");
    let mut shared = engine.subscribe(pattern.clone(), Start::Now).unwrap();
    let mut copied = engine.subscribe(pattern.clone(), Start::Now).unwrap();
    let mut single = engine.subscribe(pattern.clone(), Start::Now).unwrap();
    let writer = {
        let engine = engine.clone();
        let namespaces = namespaces.clone();
        std::thread::spawn(move || {
            let mut committed: Vec<(Key, usize)> = Vec::new();
            for b in 0..BATCHES {
                let namespace = &namespaces[b % namespaces.len()];
                let size = 1 + (b * 7) % 9;
                let commands = (0..size)
                    .map(|i| {
                        Command::create(ResourceSpec::new(namespace, &format!("r{b}-{i}"), "item"))
                    })
                    .collect();
                let receipt = engine.commit(Batch::new(commands)).unwrap();
                for i in 0..size {
                    let key = (
                        receipt.shard,
                        receipt.position,
                        format!("{namespace}/r{b}-{i}"),
                    );
                    committed.push((key, size));
                }
                if b % 50 == 0 {
                    std::thread::sleep(Duration::from_millis(2));
                }
            }
            committed
        })
    };
    let committed = writer.join().unwrap();
    let sizes: BTreeMap<Key, usize> = committed.iter().cloned().collect();
    let count = committed.len();
    let by_shared = read_shared(&mut shared, count, &sizes);
    let by_copies = read_copied(&mut copied, count);
    let by_single = read_one_by_one(&mut single, count);
    // Per shard (the shards' dispatchers fill each inbox independently, so the merge order may
    // differ between subscribers), exactly what was committed, in commit order.
    let per_shard = |keys: &[Key]| {
        let mut map: BTreeMap<u16, Vec<Key>> = BTreeMap::new();
        for k in keys {
            map.entry(k.0).or_default().push(k.clone());
        }
        map
    };
    assert_eq!(per_shard(&by_shared), per_shard(&by_copies));
    assert_eq!(per_shard(&by_shared), per_shard(&by_single));
    assert_eq!(shared.resume_token(), copied.resume_token());
    let expected: Vec<Key> = committed.iter().map(|(k, _)| k.clone()).collect();
    assert_eq!(per_shard(&by_shared), per_shard(&expected));
    assert!(shared.next_events(10, Duration::ZERO).unwrap().is_empty());

    // From the beginning: history pages (events of their own), then a resume from a token taken
    // in the middle delivers exactly the rest.
    let mut from_start = engine
        .subscribe(pattern.clone(), Start::After(vec![0; SHARDS as usize]))
        .unwrap();
    let half = read_shared(&mut from_start, count / 2, &sizes);
    let token = from_start.resume_token();
    drop(from_start);
    let mut resumed = engine.subscribe(pattern, Start::After(token)).unwrap();
    let rest = read_shared(&mut resumed, count - half.len(), &sizes);
    let mut all = half;
    all.extend(rest);
    assert_eq!(per_shard(&all), per_shard(&expected));
    assert!(resumed.next_events(10, Duration::ZERO).unwrap().is_empty());
}

#[test]
fn with_a_reader_batches_of_two_shards_at_one_position_are_two_batches_within_max() {
    let dir = tempfile::tempdir().unwrap();
    let engine = filters_common::open(dir.path(), SHARDS);
    filters_common::alice_reads_apps(&engine, "/apps/secret-free");
    // Two namespaces alice may read, on different shards.
    let names: Vec<String> = (0..20).map(|i| format!("/apps/n{i}")).collect();
    let first = names[0].clone();
    let other = names
        .iter()
        .find(|n| engine.shard_for(n) != engine.shard_for(&first))
        .expect("a namespace on the other shard")
        .clone();
    let (small, large) = (engine.shard_for(&first), engine.shard_for(&other));
    // The same position on both shards: pad the one behind.
    loop {
        let positions = engine.positions().unwrap();
        let (p_small, p_large) = (positions[small as usize], positions[large as usize]);
        if p_small == p_large {
            break;
        }
        let behind = if p_small < p_large { &first } else { &other };
        engine
            .commit(Batch::single(filters_common::put(behind, "pad", "task")))
            .unwrap();
    }
    let mut subscription = engine
        .subscribe_as(
            &filters_common::principal("alice"),
            Pattern::subtree("/apps"),
            Start::Now,
        )
        .unwrap();
    const ROUNDS: usize = 20;
    for round in 0..ROUNDS {
        let batch = |namespace: &str, size: usize| {
            Batch::new(
                (0..size)
                    .map(|i| filters_common::put(namespace, &format!("r{round}-{i}"), "task"))
                    .collect(),
            )
        };
        let a = engine.commit(batch(&first, 2)).unwrap();
        let b = engine.commit(batch(&other, 5)).unwrap();
        assert_eq!(a.position, b.position, "the shards stay in step");
    }
    // Let both dispatchers push everything, so that each call finds batches of both shards.
    let deadline = std::time::Instant::now() + PATIENCE;
    while subscription.buffered().0 < ROUNDS * 7 {
        assert!(std::time::Instant::now() < deadline, "not delivered");
        std::thread::sleep(Duration::from_millis(5));
    }
    let max = 4;
    let mut taken = 0;
    while taken < ROUNDS * 7 {
        let events = subscription.next_events(max, PATIENCE).unwrap();
        let mut batches: Vec<(u16, u64)> = events.iter().map(|e| (e.shard, e.position)).collect();
        batches.dedup();
        assert!(
            events.len() <= max || batches.len() == 1,
            "{} events in batches {batches:?} for max {max}",
            events.len()
        );
        taken += events.len();
    }
    assert_eq!(taken, ROUNDS * 7);
}
