//! The "something was published" signal of one shard, which idle subscriptions sleep on.
//!
//! The shard bumps it after it publishes each batch's position (`state::Published`); that costs one
//! atomic add and one atomic load while no subscriber sleeps, and a lock plus one wake per sleeper
//! otherwise. A subscriber never receives events through it: it only learns that the history may
//! have grown, and reads the history itself. So the signal carries no data and cannot overflow.
//!
//! No lost wake-up: a subscriber (1) loads `seq`, (2) reads the history, and if it found nothing,
//! (3) registers its [`Waiter`], (4) loads `seq` again and sleeps only if it is unchanged. The
//! shard (a) records the batch in the history, (b) adds to `seq`, (c) loads the sleeper count and
//! wakes every registered waiter if it is not zero. All of (3), (4), (b), (c) are `SeqCst`, so
//! either (4) sees (b)'s add, or (c) sees (3)'s registration and wakes the waiter (a waiter woken
//! before it sleeps keeps the wake: its flag is set). And a `seq` loaded at (1) after (b) means
//! the history read at (2) sees (a).

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering::SeqCst};
use std::sync::{Arc, Condvar, Mutex};
use std::task::Waker;
use std::time::Instant;

/// One shard's signal. See the module doc.
#[derive(Debug, Default)]
pub struct Signal {
    seq: AtomicU64,
    sleeping: AtomicUsize,
    sleepers: Mutex<HashMap<u64, Arc<Waiter>>>,
    closed: AtomicBool,
}

impl Signal {
    /// Says that the shard published something; wakes every registered waiter.
    pub fn bump(&self) {
        self.seq.fetch_add(1, SeqCst);
        if self.sleeping.load(SeqCst) == 0 {
            return;
        }
        let woken = {
            let mut sleepers = self.sleepers.lock().unwrap_or_else(|p| p.into_inner());
            self.sleeping.store(0, SeqCst);
            std::mem::take(&mut *sleepers)
        };
        for waiter in woken.values() {
            waiter.wake();
        }
    }

    /// Says that the engine is closing: wakes every waiter, and every later wait returns at once.
    pub fn close(&self) {
        self.closed.store(true, SeqCst);
        self.bump();
    }

    pub fn is_closed(&self) -> bool {
        self.closed.load(SeqCst)
    }

    pub fn seq(&self) -> u64 {
        self.seq.load(SeqCst)
    }

    /// Registers `waiter` to be woken by the next bump (once; registering again is harmless).
    pub fn register(&self, waiter: &Arc<Waiter>) {
        let mut sleepers = self.sleepers.lock().unwrap_or_else(|p| p.into_inner());
        sleepers.insert(waiter.id, waiter.clone());
        self.sleeping.store(sleepers.len(), SeqCst);
    }

    pub fn unregister(&self, waiter: &Waiter) {
        let mut sleepers = self.sleepers.lock().unwrap_or_else(|p| p.into_inner());
        sleepers.remove(&waiter.id);
        self.sleeping.store(sleepers.len(), SeqCst);
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

static NEXT_WAITER_ID: AtomicU64 = AtomicU64::new(0);

impl Default for Waiter {
    fn default() -> Self {
        Waiter {
            id: NEXT_WAITER_ID.fetch_add(1, SeqCst),
            state: Mutex::default(),
            condvar: Condvar::new(),
        }
    }
}

impl Waiter {
    fn lock(&self) -> std::sync::MutexGuard<'_, WaiterState> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn wake(&self) {
        let mut state = self.lock();
        state.woken = true;
        if let Some(waker) = state.waker.take() {
            waker.wake();
        }
        self.condvar.notify_all();
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

#[cfg(test)]
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
