//! A subscriber that reads nothing while many changes are written holds nothing meanwhile (it is
//! a cursor into the history, not a queue) and never blocks the writers; then it receives every
//! change, in order, while what it holds stays within one page (measured by
//! `Subscription::buffered`). The figure is 1,000,000 changes; the suite runs 40,000 (40
//! batches of 1,000) to stay short on a 2-core machine; the bound does not depend on it.
//! `AORTA_SLOW_SUBSCRIBER_CHANGES=1000000 cargo test --release -p aorta-engine --test
//! a_slow_subscriber_holds_one_page_and_misses_nothing -- --nocapture` runs the figure
//! (`docs/benchmarks.md` has its output).

mod subscription_common;

use aorta_engine::limits::{SUBSCRIPTION_PAGE_BYTES_MAX, SUBSCRIPTION_PAGE_CHANGES_MAX};
use aorta_engine::subscription::{Pattern, Start};
use aorta_engine::{Batch, Command, Engine, EngineConfig, ResourceSpec};
use subscription_common::{assert_nothing_more, PATIENCE};

const PER_BATCH: usize = 1000;

/// Changes written while the subscriber reads nothing (a multiple of `PER_BATCH`).
fn changes() -> usize {
    std::env::var("AORTA_SLOW_SUBSCRIBER_CHANGES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(40_000)
}

#[test]
fn a_subscriber_that_reads_nothing_then_everything_stays_within_one_page() {
    let dir = tempfile::tempdir().unwrap();
    let engine = Engine::open(EngineConfig::new(dir.path()).with_shards(2)).unwrap();
    let mut slow = engine
        .subscribe(Pattern::subtree("/load"), Start::Now)
        .unwrap();
    let batches = changes() / PER_BATCH;
    for b in 0..batches {
        let namespace = format!("/load/n{}", b % 8);
        let commands = (0..PER_BATCH)
            .map(|i| {
                let spec = ResourceSpec::new(&namespace, &format!("r{i}"), "item")
                    .with_data(vec![b as u8; 100]);
                Command::put(spec, None)
            })
            .collect();
        engine.commit(Batch::new(commands)).unwrap();
        assert_eq!(slow.buffered(), (0, 0), "nothing is pushed to a subscriber");
    }
    let mut received = 0;
    let mut last = [0u64; 2];
    let (mut most_events, mut most_bytes) = (0, 0);
    while received < batches * PER_BATCH {
        let event = slow.next(PATIENCE).unwrap().expect("every change arrives");
        assert!(event.position >= last[event.shard as usize]);
        last[event.shard as usize] = event.position;
        received += 1;
        let (events, bytes) = slow.buffered();
        most_events = most_events.max(events);
        most_bytes = most_bytes.max(bytes);
    }
    assert_nothing_more(&mut slow);
    println!(
        "a slow subscriber of {received} changes held at most {most_events} events, {most_bytes} \
         estimated bytes"
    );
    assert!(most_events <= SUBSCRIPTION_PAGE_CHANGES_MAX);
    assert!(most_bytes <= SUBSCRIPTION_PAGE_BYTES_MAX);
}
