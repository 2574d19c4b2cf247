//! Subscriptions end to end: one writer commits batches under a prefix while 100 subscribers (one
//! thread each, blocking `next_batch`) follow it from "now"; prints the submit-to-delivery latency
//! (from just before the batch's `commit` call to the subscriber holding the event: the fdatasync
//! is inside it, as a client would see it) p50/p99/max over every delivered event, and the
//! delivered changes per second (events of all subscribers / wall time from the first commit to
//! the last delivery). Without `--bench` (under `cargo test --benches`) it runs a small smoke
//! configuration once. Figures are printed, never asserted.

#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::sync::{Arc, Barrier, OnceLock};
use std::time::{Duration, Instant};

use aorta_engine::subscription::{Pattern, Start};
use aorta_engine::{Batch, Command, Engine, EngineConfig, ResourceSpec};
use hdrhistogram::Histogram;

struct Setup {
    subscribers: usize,
    batches: usize,
    per_batch: usize,
}

const BENCH: Setup = Setup {
    subscribers: 100,
    batches: 1_000,
    per_batch: 64,
};
const SMOKE: Setup = Setup {
    subscribers: 4,
    batches: 50,
    per_batch: 16,
};

fn main() {
    let bench = std::env::args().any(|a| a == "--bench");
    let setup = if bench { BENCH } else { SMOKE };
    run(&setup);
}

fn run(setup: &Setup) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let engine =
        Arc::new(Engine::open(EngineConfig::new(dir.path()).with_shards(1)).expect("open"));
    let changes = setup.batches * setup.per_batch;
    let starts: Arc<Vec<OnceLock<Instant>>> =
        Arc::new((0..changes).map(|_| OnceLock::new()).collect());
    let ready = Arc::new(Barrier::new(setup.subscribers + 1));
    let subscribers: Vec<_> = (0..setup.subscribers)
        .map(|_| {
            let mut subscription = engine
                .subscribe(Pattern::subtree("/feed"), Start::Now)
                .expect("subscribe");
            let starts = starts.clone();
            let ready = ready.clone();
            std::thread::spawn(move || {
                let mut latency = Histogram::<u64>::new(3).expect("a histogram");
                ready.wait();
                let mut received = 0;
                while received < changes {
                    let events = subscription
                        .next_batch(1024, Duration::from_secs(60))
                        .expect("events");
                    assert!(!events.is_empty(), "no event for a minute");
                    let now = Instant::now();
                    for event in &events {
                        let name = &event.new.as_ref().expect("puts").name;
                        let index: usize = name[1..].parse().expect("e<index>");
                        let start = starts[index].get().expect("set before its commit");
                        latency
                            .record(now.duration_since(*start).as_nanos() as u64)
                            .ok();
                    }
                    received += events.len();
                }
                (latency, Instant::now())
            })
        })
        .collect();
    ready.wait();
    let first = Instant::now();
    for b in 0..setup.batches {
        let now = Instant::now();
        let commands = (0..setup.per_batch)
            .map(|i| {
                let index = b * setup.per_batch + i;
                starts[index].set(now).expect("once");
                let spec = ResourceSpec::new("/feed/items", &format!("e{index}"), "item")
                    .with_data(vec![0; 256]);
                Command::put(spec, None)
            })
            .collect();
        engine.commit(Batch::new(commands)).expect("commit");
    }
    let mut latency = Histogram::<u64>::new(3).expect("a histogram");
    let mut last = first;
    for subscriber in subscribers {
        let (histogram, done) = subscriber.join().expect("a subscriber thread");
        latency.add(histogram).expect("same bounds");
        last = last.max(done);
    }
    let elapsed = last.duration_since(first).as_secs_f64();
    let delivered = (changes * setup.subscribers) as f64;
    println!(
        "subscription delivery: {} subscribers, {} batches of {}: submit-to-delivery p50 {:.1} µs, p99 {:.1} µs, max {:.1} µs; {:.0} delivered changes/s",
        setup.subscribers,
        setup.batches,
        setup.per_batch,
        latency.value_at_quantile(0.50) as f64 / 1e3,
        latency.value_at_quantile(0.99) as f64 / 1e3,
        latency.max() as f64 / 1e3,
        delivered / elapsed
    );
}
