//! Subscriptions end to end: one writer commits batches under a prefix while 100 subscribers
//! follow it from "now", in two forms, as users have them:
//! - *threads*: each subscriber an OS thread calling the blocking `next_events` (whole batches,
//!   live ones shared rather than copied; `AORTA_DELIVERY_COPIES=1`: `next_batch`, a copy of
//!   each event);
//! - *futures*: the 100 subscribers are tasks on one executor thread calling `next_async`.
//!
//! For every (subscriber, batch) it records when the subscriber held the batch's last event, and
//! prints two latencies over them: **commit-to-delivery**, from the instant the writer's `commit`
//! returned (the batch durable and acknowledged) — 0 when the subscriber had it before the writer
//! was even woken, which is counted and printed — and **submit-to-delivery**, from just before
//! the `commit` call (the fdatasync inside it, as a client would see it); then the delivered
//! changes per second (events of all subscribers / wall time from the first commit to the last
//! delivery) and the writer's commit latency. Without `--bench` (under `cargo test --benches`) it
//! runs a small smoke configuration once. Figures are printed, never asserted.

#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Barrier, Mutex, OnceLock};
use std::task::{Context, Poll, Wake, Waker};
use std::thread::Thread;
use std::time::{Duration, Instant};

use aorta_engine::subscription::{Event, Pattern, Start, Subscription};
use aorta_engine::{Batch, Command, Engine, EngineConfig, ResourceSpec};
use hdrhistogram::Histogram;

struct Setup {
    subscribers: usize,
    batches: usize,
    per_batch: usize,
}

const BENCH: Setup = Setup {
    subscribers: 100,
    batches: 2_000,
    per_batch: 64,
};
const SMOKE: Setup = Setup {
    subscribers: 4,
    batches: 50,
    per_batch: 16,
};

/// Times a dispatcher dropped a subscriber (its inbox full: it read the history to catch up), over
/// all subscribers of the last run.
static DROPS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// Batches left out of the latencies.
const WARM_UP_BATCHES: usize = 50;

#[derive(Clone, Copy, Debug)]
enum Form {
    Threads,
    Futures,
}

/// Per batch: when the writer called `commit`, and when it returned.
struct Clock {
    submitted: Vec<OnceLock<Instant>>,
    acknowledged: Vec<OnceLock<Instant>>,
}

fn main() {
    let bench = std::env::args().any(|a| a == "--bench");
    let setup = if bench { BENCH } else { SMOKE };
    let forms: Vec<Form> = match std::env::var("AORTA_DELIVERY_FORMS").as_deref() {
        Ok("threads") => vec![Form::Threads],
        Ok("futures") => vec![Form::Futures],
        _ => vec![Form::Threads, Form::Futures],
    };
    let paced = Duration::from_secs_f64((setup.per_batch * setup.subscribers) as f64 / 1e6);
    for form in forms {
        run(&setup, form, Some(paced));
        run(&setup, form, None);
    }
}

fn run(setup: &Setup, form: Form, interval: Option<Duration>) {
    DROPS.store(0, std::sync::atomic::Ordering::Relaxed);
    let dir = tempfile::tempdir().expect("a temp dir");
    let engine =
        Arc::new(Engine::open(EngineConfig::new(dir.path()).with_shards(1)).expect("open"));
    let clock = Arc::new(Clock {
        submitted: (0..setup.batches).map(|_| OnceLock::new()).collect(),
        acknowledged: (0..setup.batches).map(|_| OnceLock::new()).collect(),
    });
    let subscriptions: Vec<Subscription> = (0..setup.subscribers)
        .map(|_| {
            engine
                .subscribe(Pattern::subtree("/feed"), Start::Now)
                .expect("subscribe")
        })
        .collect();
    // Every subscriber thread (or the executor) and the writer start together.
    let ready = Arc::new(Barrier::new(match form {
        Form::Threads => setup.subscribers + 1,
        Form::Futures => 2,
    }));
    let per_batch = setup.per_batch;
    let batches = setup.batches;
    let changes = batches * per_batch;
    // Each subscriber's delivery instant of each batch (its last event).
    let followers = {
        let ready = ready.clone();
        std::thread::spawn(move || match form {
            Form::Threads => follow_on_threads(subscriptions, changes, per_batch, ready),
            Form::Futures => follow_on_one_executor(subscriptions, changes, per_batch, ready),
        })
    };
    ready.wait();
    let first = Instant::now();
    for b in 0..batches {
        if let Some(interval) = interval {
            let due = first + interval * b as u32;
            if let Some(wait) = due.checked_duration_since(Instant::now()) {
                std::thread::sleep(wait);
            }
        }
        let commands = (0..per_batch)
            .map(|i| {
                let spec =
                    ResourceSpec::new("/feed/items", &format!("e{}", b * per_batch + i), "item")
                        .with_data(vec![0; 256]);
                Command::put(spec, None)
            })
            .collect();
        clock.submitted[b].set(Instant::now()).expect("once");
        engine.commit(Batch::new(commands)).expect("commit");
        clock.acknowledged[b].set(Instant::now()).expect("once");
    }
    let deliveries = followers.join().expect("the subscribers");
    let mut commit_to_delivery = Histogram::<u64>::new(3).expect("a histogram");
    let mut submit_to_delivery = Histogram::<u64>::new(3).expect("a histogram");
    let mut commit = Histogram::<u64>::new(3).expect("a histogram");
    let mut before_ack = 0u64;
    let mut last = first;
    for b in 0..batches {
        let submitted = *clock.submitted[b].get().expect("set");
        let acknowledged = *clock.acknowledged[b].get().expect("set");
        commit
            .record(acknowledged.duration_since(submitted).as_nanos() as u64)
            .ok();
    }
    let warm_up = if batches > 4 * WARM_UP_BATCHES {
        WARM_UP_BATCHES
    } else {
        0
    };
    for subscriber in &deliveries {
        for (b, delivered) in subscriber.iter().enumerate() {
            last = last.max(*delivered);
            if b < warm_up {
                continue;
            }
            let submitted = *clock.submitted[b].get().expect("set");
            let acknowledged = *clock.acknowledged[b].get().expect("set");
            if *delivered < acknowledged {
                before_ack += 1;
            }
            commit_to_delivery
                .record(delivered.saturating_duration_since(acknowledged).as_nanos() as u64)
                .ok();
            submit_to_delivery
                .record(delivered.duration_since(submitted).as_nanos() as u64)
                .ok();
        }
    }
    if std::env::var_os("AORTA_DELIVERY_WORST").is_some() {
        let mut worst: Vec<(Duration, usize, usize)> = deliveries
            .iter()
            .enumerate()
            .flat_map(|(s, d)| {
                let clock = &clock;
                d.iter().enumerate().map(move |(b, at)| {
                    let ack = *clock.acknowledged[b].get().expect("set");
                    (at.saturating_duration_since(ack), s, b)
                })
            })
            .collect();
        worst.sort();
        for (latency, s, b) in worst.iter().rev().take(12) {
            println!("  worst: subscriber {s} batch {b}: {latency:?}");
        }
    }
    let elapsed = last.duration_since(first).as_secs_f64();
    let delivered = (changes * setup.subscribers) as f64;
    let us = |h: &Histogram<u64>, q: f64| h.value_at_quantile(q) as f64 / 1e3;
    println!(
        "subscription delivery, {form:?}, {}: {} subscribers, {} batches of {}: commit-to-delivery p50 \
         {:.1} µs, p99 {:.1} µs, p99.9 {:.1} µs, max {:.1} µs ({:.1} % before the writer's ack); \
         submit-to-delivery p50 {:.1} µs, p99 {:.1} µs; commit p50 {:.1} µs, p99 {:.1} µs, max \
         {:.1} µs; {:.0} delivered changes/s; {} drops to catch-up",
        match interval {
            Some(i) => format!("paced, a batch every {:.1} ms", i.as_secs_f64() * 1e3),
            None => "flat out".to_string(),
        },
        setup.subscribers,
        batches,
        per_batch,
        us(&commit_to_delivery, 0.50),
        us(&commit_to_delivery, 0.99),
        us(&commit_to_delivery, 0.999),
        commit_to_delivery.max() as f64 / 1e3,
        100.0 * before_ack as f64 / ((batches - warm_up) * setup.subscribers) as f64,
        us(&submit_to_delivery, 0.50),
        us(&submit_to_delivery, 0.99),
        us(&commit, 0.50),
        us(&commit, 0.99),
        commit.max() as f64 / 1e3,
        delivered / elapsed,
        DROPS.load(std::sync::atomic::Ordering::Relaxed)
    );
}

/// Each subscriber on a thread of its own, blocking in `next_batch`.
fn follow_on_threads(
    subscriptions: Vec<Subscription>,
    changes: usize,
    per_batch: usize,
    ready: Arc<Barrier>,
) -> Vec<Vec<Instant>> {
    let threads: Vec<_> = subscriptions
        .into_iter()
        .map(|mut subscription| {
            let ready = ready.clone();
            std::thread::spawn(move || {
                let mut delivered = Vec::with_capacity(changes / per_batch);
                ready.wait();
                let mut received = 0;
                let copies = std::env::var_os("AORTA_DELIVERY_COPIES").is_some();
                let patience = Duration::from_secs(60);
                // Either way the same look at each event; only how they are taken differs.
                let mut note = |events: &mut dyn Iterator<Item = &Event>| {
                    let now = Instant::now();
                    let mut count = 0;
                    for event in events {
                        count += 1;
                        let name = &event.new.as_ref().expect("puts").name;
                        if (name[1..].parse::<usize>().expect("e<index>") + 1) % per_batch == 0 {
                            delivered.push(now);
                        }
                    }
                    assert!(count > 0, "no event for a minute");
                    count
                };
                while received < changes {
                    received += if copies {
                        let events = subscription.next_batch(4096, patience).expect("events");
                        note(&mut events.iter())
                    } else {
                        let events = subscription.next_events(4096, patience).expect("events");
                        note(&mut events.iter())
                    };
                }
                DROPS.fetch_add(
                    subscription.live_switches().1,
                    std::sync::atomic::Ordering::Relaxed,
                );
                delivered
            })
        })
        .collect();
    threads
        .into_iter()
        .map(|t| t.join().expect("a subscriber thread"))
        .collect()
}

/// A minimal executor: tasks woken push their index to a ready queue and unpark the thread.
struct TaskWaker {
    task: usize,
    ready: Arc<Mutex<VecDeque<usize>>>,
    thread: Thread,
}

impl Wake for TaskWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }
    fn wake_by_ref(self: &Arc<Self>) {
        self.ready
            .lock()
            .expect("the ready queue")
            .push_back(self.task);
        self.thread.unpark();
    }
}

type Task = Pin<Box<dyn Future<Output = Vec<Instant>> + Send>>;

/// Every subscriber a task on this one thread, awaiting `next_async`.
fn follow_on_one_executor(
    subscriptions: Vec<Subscription>,
    changes: usize,
    per_batch: usize,
    ready: Arc<Barrier>,
) -> Vec<Vec<Instant>> {
    let count = subscriptions.len();
    let mut tasks: Vec<Option<Task>> = subscriptions
        .into_iter()
        .map(|mut subscription| {
            let task: Task = Box::pin(async move {
                let mut delivered = Vec::with_capacity(changes / per_batch);
                for _ in 0..changes {
                    let event = subscription.next_async().await.expect("an event");
                    let name = &event.new.as_ref().expect("puts").name;
                    if (name[1..].parse::<usize>().expect("e<index>") + 1) % per_batch == 0 {
                        delivered.push(Instant::now());
                    }
                }
                DROPS.fetch_add(
                    subscription.live_switches().1,
                    std::sync::atomic::Ordering::Relaxed,
                );
                delivered
            });
            Some(task)
        })
        .collect();
    let queue = Arc::new(Mutex::new((0..count).collect::<VecDeque<usize>>()));
    let wakers: Vec<Waker> = (0..count)
        .map(|task| {
            Waker::from(Arc::new(TaskWaker {
                task,
                ready: queue.clone(),
                thread: std::thread::current(),
            }))
        })
        .collect();
    let mut results: Vec<Option<Vec<Instant>>> = (0..count).map(|_| None).collect();
    let mut done = 0;
    ready.wait();
    while done < count {
        let next = queue.lock().expect("the ready queue").pop_front();
        let Some(index) = next else {
            std::thread::park_timeout(Duration::from_millis(100));
            continue;
        };
        let Some(task) = tasks[index].as_mut() else {
            continue;
        };
        let mut cx = Context::from_waker(&wakers[index]);
        if let Poll::Ready(delivered) = task.as_mut().poll(&mut cx) {
            results[index] = Some(delivered);
            tasks[index] = None;
            done += 1;
        }
    }
    results
        .into_iter()
        .map(|r| r.expect("every task finished"))
        .collect()
}
