//! The "something was published" signal of one shard, which idle subscriptions sleep on.
//!
//! The shard bumps it after it publishes each batch's position (`state::Published`); that costs one
//! atomic add and one atomic load while no subscriber sleeps, and a lock plus one wake per sleeper
//! otherwise. A subscriber never receives events through it: it only learns that the history may
//! have grown, and reads the history itself. So the signal carries no data and cannot overflow.
//!
//! No lost wake-up: a subscriber (1) loads `seq`, (2) reads the history, and if it found nothing,
//! (3) registers its [`Waiter`] (under the sleepers' lock, storing their count), (4) reads `seq`
//! again *by a read-modify-write* (`fetch_add(0)`) and sleeps only if it is unchanged. The shard
//! (a) records the batch in the history, (b) adds to `seq`, (c) loads the sleeper count and wakes
//! every registered waiter if it is not zero. (4) and (b) are both read-modify-writes of `seq`, so
//! one comes first in its modification order: if (b) does, (4) sees the change; if (4) does, (b)
//! reads what (4) wrote and, both being acquire-release, (3) happens before (c), which then sees
//! the registration and wakes the waiter (a waiter woken before it sleeps keeps the wake: its flag
//! is set). No `SeqCst` reasoning is needed, which is what lets loom check it exactly (loom treats
//! `SeqCst` as acquire-release; a first version that relied on `SeqCst` loads failed its model).
//! And a `seq` loaded at (1) after (b) means the history read at (2) sees (a). Steps (3) and (4)
//! are [`prepare_to_sleep`], which the subscription stream and the loom model
//! (`engine/tests/loom_subscription_signal.rs`: every interleaving of shards and a subscriber)
//! both use.

use std::collections::HashMap;
use std::sync::atomic::Ordering::{AcqRel, Acquire, Relaxed, Release};
use std::task::Waker;
use std::time::Instant;

use crate::sync::prim::{Arc, AtomicBool, AtomicU64, AtomicUsize, Condvar, Mutex, MutexGuard};

/// One shard's signal. See the module doc.
#[derive(Debug)]
pub struct Signal {
    seq: AtomicU64,
    sleeping: AtomicUsize,
    sleepers: Mutex<HashMap<u64, Arc<Waiter>>>,
    closed: AtomicBool,
}

impl Default for Signal {
    fn default() -> Self {
        Signal {
            seq: AtomicU64::new(0),
            sleeping: AtomicUsize::new(0),
            sleepers: Mutex::new(HashMap::new()),
            closed: AtomicBool::new(false),
        }
    }
}

/// Steps (3) and (4) of the module doc: forgets earlier wakes, registers `waiter` (with `waker`,
/// for the async form) on every signal, and says whether it may sleep now — `false` if a signal
/// moved since `seqs` were loaded (before the reads that found nothing): then read again.
pub fn prepare_to_sleep(
    signals: &[&Signal],
    seqs: &[u64],
    waiter: &Arc<Waiter>,
    waker: Option<&Waker>,
) -> bool {
    assert_eq!(signals.len(), seqs.len(), "one sequence number per signal");
    waiter.reset(waker);
    for signal in signals {
        signal.register(waiter);
    }
    signals
        .iter()
        .zip(seqs)
        .all(|(signal, seq)| signal.seq_in_order() == *seq)
}

impl Signal {
    /// Says that the shard published something; wakes every registered waiter.
    pub fn bump(&self) {
        self.seq.fetch_add(1, AcqRel);
        if self.sleeping.load(Acquire) == 0 {
            return;
        }
        // Taken out, then woken after the lock is released: a woken subscriber registers again
        // soon, and would otherwise queue on this lock behind the remaining wakes (measured: a
        // convoy on the inbox signals of 100 subscriber threads).
        // Drained rather than taken, so that the map keeps its allocation for the next
        // registrations (a subscriber registers again after every wake); one sleeper — an inbox's
        // subscriber — is woken without collecting into a vector.
        let (first, rest) = {
            let mut sleepers = self.sleepers.lock().unwrap_or_else(|p| p.into_inner());
            self.sleeping.store(0, Release);
            let mut drained = sleepers.drain().map(|(_, waiter)| waiter);
            let first = drained.next();
            let rest: Vec<Arc<Waiter>> = drained.collect();
            (first, rest)
        };
        for waiter in first.iter().chain(&rest) {
            waiter.wake();
        }
    }

    /// Says that the engine is closing: wakes every waiter, and every later wait returns at once.
    pub fn close(&self) {
        self.closed.store(true, Release);
        self.bump();
    }

    pub fn is_closed(&self) -> bool {
        self.closed.load(Acquire)
    }

    pub fn seq(&self) -> u64 {
        self.seq.load(Acquire)
    }

    /// `seq`, read by a read-modify-write so that it is ordered with every bump (step (4)).
    fn seq_in_order(&self) -> u64 {
        self.seq.fetch_add(0, AcqRel)
    }

    /// Registers `waiter` to be woken by the next bump (once; registering again is harmless).
    pub fn register(&self, waiter: &Arc<Waiter>) {
        let mut sleepers = self.sleepers.lock().unwrap_or_else(|p| p.into_inner());
        sleepers.insert(waiter.id, waiter.clone());
        self.sleeping.store(sleepers.len(), Release);
    }

    pub fn unregister(&self, waiter: &Waiter) {
        let mut sleepers = self.sleepers.lock().unwrap_or_else(|p| p.into_inner());
        sleepers.remove(&waiter.id);
        self.sleeping.store(sleepers.len(), Release);
    }
}

#[derive(Debug, Default)]
struct WaiterState {
    woken: bool,
    waker: Option<Waker>,
}

/// What one subscription sleeps on: a flag under a mutex with a condition variable for the
/// blocking form, and a `Waker` for the async form.
#[derive(Debug)]
pub struct Waiter {
    id: u64,
    state: Mutex<WaiterState>,
    condvar: Condvar,
}

/// Ids only tell waiters apart in a signal's map; they take no part in the protocol (a plain
/// `std` atomic, also under loom).
static NEXT_WAITER_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

impl Default for Waiter {
    fn default() -> Self {
        Waiter {
            id: NEXT_WAITER_ID.fetch_add(1, Relaxed),
            state: Mutex::new(WaiterState::default()),
            condvar: Condvar::new(),
        }
    }
}

impl Waiter {
    fn lock(&self) -> MutexGuard<'_, WaiterState> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn wake(&self) {
        let waker = {
            let mut state = self.lock();
            state.woken = true;
            state.waker.take()
        };
        // After the lock is released: a sleeper woken while it is held would only block on it.
        self.condvar.notify_all();
        if let Some(waker) = waker {
            waker.wake();
        }
    }

    /// Forgets earlier wakes; call before registering.
    pub fn reset(&self, waker: Option<&Waker>) {
        let mut state = self.lock();
        state.woken = false;
        state.waker = waker.cloned();
    }

    /// Sleeps until woken or `deadline`; returns whether it was woken.
    pub fn sleep_until(&self, deadline: Instant) -> bool {
        let mut state = self.lock();
        while !state.woken {
            let now = Instant::now();
            if now >= deadline {
                return false;
            }
            state = self
                .condvar
                .wait_timeout(state, deadline - now)
                .unwrap_or_else(|p| p.into_inner())
                .0;
        }
        true
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_bump_after_registration_wakes_the_waiter() {
        let signal = Arc::new(Signal::default());
        let waiter = Arc::new(Waiter::default());
        waiter.reset(None);
        signal.register(&waiter);
        let bumper = {
            let signal = signal.clone();
            std::thread::spawn(move || signal.bump())
        };
        assert!(waiter.sleep_until(Instant::now() + Duration::from_secs(60)));
        bumper.join().unwrap();
        waiter.reset(None);
        assert!(!waiter.sleep_until(Instant::now()));
    }
}
