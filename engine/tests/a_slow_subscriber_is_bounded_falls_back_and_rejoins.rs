//! A subscriber that reads nothing while many changes are written never blocks the writers and
//! holds at most its inbox's bound meanwhile (measured by `Subscription::buffered`): when the
//! inbox fills, the dispatchers drop it to catch-up. Then it receives every change, in order,
//! from its inbox and then from the history, holding at most the inbox and one page, and is live
//! again once it has caught up. The figure is 1,000,000 changes; the suite runs 40,000 (40
//! batches of 1,000) to stay short on a 2-core machine; the bound does not depend on it.
//! `AORTA_SLOW_SUBSCRIBER_CHANGES=1000000 cargo test --release -p aorta-engine --test
//! a_slow_subscriber_is_bounded_falls_back_and_rejoins -- --nocapture` runs the figure
//! (`docs/benchmarks.md` has its output).

mod subscription_common;

use aorta_engine::limits::{
    SUBSCRIPTION_INBOX_BYTES_DEFAULT, SUBSCRIPTION_INBOX_EVENTS_DEFAULT,
    SUBSCRIPTION_PAGE_BYTES_MAX, SUBSCRIPTION_PAGE_CHANGES_MAX,
};
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
fn a_subscriber_that_reads_nothing_then_everything_stays_within_its_bound() {
    let dir = tempfile::tempdir().unwrap();
    let engine = Engine::open(EngineConfig::new(dir.path()).with_shards(2)).unwrap();
    let mut slow = engine
        .subscribe(Pattern::subtree("/load"), Start::Now)
        .unwrap();
    assert!(slow.is_live(), "a subscriber from now is live at once");
    // A batch is never split, and one batch beyond the bound only goes into an empty inbox:
    // these batches fit, so the bound is the inbox's.
    let inbox_events_max = SUBSCRIPTION_INBOX_EVENTS_DEFAULT;
    assert!(PER_BATCH <= inbox_events_max);
    let (mut held_events, mut held_bytes) = (0, 0);
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
        let (events, bytes) = slow.buffered();
        assert!(events <= inbox_events_max, "{events} events held");
        held_events = held_events.max(events);
        held_bytes = held_bytes.max(bytes);
    }
    // Give the dispatchers time to push what they can; the inbox then stays full.
    std::thread::sleep(std::time::Duration::from_millis(200));
    let (events, bytes) = slow.buffered();
    held_events = held_events.max(events);
    held_bytes = held_bytes.max(bytes);
    println!("while it read nothing it held at most {held_events} events, {held_bytes} bytes");
    assert!(held_events <= inbox_events_max);
    assert!(held_bytes <= SUBSCRIPTION_INBOX_BYTES_DEFAULT);
    if batches * PER_BATCH > 2 * inbox_events_max {
        assert!(
            !slow.is_live(),
            "a full inbox drops the subscriber to catch-up"
        );
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
         estimated bytes while it read"
    );
    assert!(most_events <= inbox_events_max + SUBSCRIPTION_PAGE_CHANGES_MAX);
    assert!(most_bytes <= SUBSCRIPTION_INBOX_BYTES_DEFAULT + SUBSCRIPTION_PAGE_BYTES_MAX);
    assert!(slow.is_live(), "caught up, it is live again");
}
