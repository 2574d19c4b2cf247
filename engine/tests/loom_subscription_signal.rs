//! Model check (loom) of the subscription signal: a shard records a change in its history (under
//! the history's lock) and bumps the signal, while a subscriber reads the history and, finding
//! nothing, prepares to sleep and sleeps (`subscription::signal::prepare_to_sleep`, as the stream
//! does). In every interleaving the subscriber ends up seeing the change: a lost wake-up would
//! leave it asleep, which loom reports as a deadlock (its `wait_timeout` never times out). Two
//! shards, one subscriber over both, too.
//!
//! Run with: RUSTFLAGS="--cfg loom" cargo test -p aorta-engine --release --test loom_subscription_signal
#![cfg(loom)]

use std::time::{Duration, Instant};

use aorta_engine::subscription::{prepare_to_sleep, Signal, Waiter};
use loom::sync::{Arc, Mutex};
use loom::thread;

const PREEMPTIONS: usize = 3;

fn model<F: Fn() + Sync + Send + 'static>(f: F) {
    let mut builder = loom::model::Builder::new();
    builder.preemption_bound = Some(PREEMPTIONS);
    builder.check(f);
}

/// A shard: its history (how many changes recorded) and its signal.
struct Shard {
    history: Mutex<u64>,
    signal: Signal,
}

fn shard() -> Arc<Shard> {
    Arc::new(Shard {
        history: Mutex::new(0),
        signal: Signal::default(),
    })
}

/// What the shard's apply step does: record, then publish (bump).
fn commit(shard: &Shard) {
    *shard.history.lock().unwrap() += 1;
    shard.signal.bump();
}

/// The subscriber's loop, as `Subscription::ready` runs it, until it has read `want` changes of
/// every shard.
fn follow(shards: &[Arc<Shard>], want: u64) {
    let waiter = Arc::new(Waiter::default());
    let far = Instant::now() + Duration::from_secs(3600);
    let signals: Vec<&Signal> = shards.iter().map(|s| &s.signal).collect();
    loop {
        let seqs: Vec<u64> = signals.iter().map(|s| s.seq()).collect();
        let read: Vec<u64> = shards.iter().map(|s| *s.history.lock().unwrap()).collect();
        if read.iter().all(|r| *r >= want) {
            return;
        }
        if !prepare_to_sleep(&signals, &seqs, &waiter, None) {
            continue;
        }
        waiter.sleep_until(far);
    }
}

#[test]
fn a_subscriber_never_sleeps_through_a_commit() {
    model(|| {
        let s = shard();
        let writer = {
            let s = s.clone();
            thread::spawn(move || commit(&s))
        };
        follow(&[s], 1);
        writer.join().unwrap();
    });
}

#[test]
fn a_subscriber_over_two_shards_never_sleeps_through_a_commit() {
    model(|| {
        let (a, b) = (shard(), shard());
        let writers: Vec<_> = [a.clone(), b.clone()]
            .into_iter()
            .map(|s| thread::spawn(move || commit(&s)))
            .collect();
        follow(&[a, b], 1);
        for writer in writers {
            writer.join().unwrap();
        }
    });
}
