//! A bell that every live subscriber thread of one pattern on one shard sleeps on, so that the
//! dispatcher wakes the whole group with one system call instead of one wake per subscriber.
//!
//! Why: with 100 subscriber threads on one pattern, the dispatcher woke each one through its
//! inbox's [`Signal`](super::Signal) — a lock, a flag and a `futex` wake per thread — and every
//! woken thread that landed on the dispatcher's core could preempt it before the next wake:
//! measured, 29 preemptions of the dispatcher per batch of 100 wakes, each holding back every
//! subscriber not yet woken (`docs/benchmarks.md`, "One wake per group"). A ring is one `FUTEX_WAKE`
//! of every sleeper of the word, inside one call, so the kernel wakes them all before the
//! dispatcher can be preempted.
//!
//! A bell is a futex word (a ring count) and a count of its sleepers. A blocked subscriber whose
//! cursors are all live sleeps on the bells of its groups (one per shard) at once, with
//! `futex_waitv` (Linux 5.16): it (1) reads each bell's word, (2) takes its inbox and finds nothing,
//! (3) counts itself a sleeper of each bell by a read-modify-write, (4) sleeps while every word
//! still holds what (1) read (the kernel compares them under its own lock). The dispatcher (a)
//! pushes the deliveries into the inboxes, (b) adds to the word, (c) reads the sleeper count by a
//! read-modify-write and wakes the word's sleepers if it is not zero. No lost wake-up: (3) and
//! (c) are both read-modify-writes of the sleeper count; if (c) comes first in its order, (3)
//! reads what (c) wrote, so (b) happens before (4), which then sees the word moved and returns at
//! once; if (3) comes first, (c) sees the sleeper and wakes it (a wake before it sleeps is a word
//! that moved). And a word read at (1) after (b) means the inbox taken at (2) holds (a). The same
//! protocol as [`Signal`](super::Signal)'s, model-checked the same way
//! (`engine/tests/loom_subscription_bell.rs`, with a futex emulated under a lock).
//!
//! Everything else that wakes a subscriber — a drop, the dispatcher's stop, the async form —
//! still goes through the inbox's signal; a drop and a stop ring the group's bell too. Where
//! `futex_waitv` is missing (`ENOSYS`) or a subscription has more live shards than it takes, the
//! subscriber sleeps on its inbox's signal as before.

use std::sync::atomic::Ordering::{AcqRel, Acquire};
use std::time::Instant;

use crate::sync::prim::AtomicU32;

/// The most bells one wait takes (`futex_waitv`'s limit).
pub const BELLS_PER_WAIT_MAX: usize = 128;

#[derive(Debug, Default)]
pub struct Bell {
    /// Rings so far (wrapping): the futex word.
    word: AtomicU32,
    /// Threads counted as asleep on the word (step (3) of the module doc).
    sleepers: AtomicU32,
    #[cfg(loom)]
    kernel: loom_futex::Kernel,
}

/// How a wait ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Waited {
    /// A bell rang after its word was read (or the wait was interrupted): look again.
    Rang,
    /// The deadline passed.
    TimedOut,
    /// This kernel has no `futex_waitv`, or there were too many bells: sleep some other way.
    Unsupported,
}

impl Bell {
    /// Step (1): what the word holds now.
    pub fn seen(&self) -> u32 {
        self.word.load(Acquire)
    }

    /// Steps (b) and (c): wakes every thread asleep on the bell.
    pub fn ring(&self) {
        self.word.fetch_add(1, AcqRel);
        if self.sleepers.fetch_add(0, AcqRel) == 0 {
            return;
        }
        #[cfg(not(loom))]
        {
            // An error here is only EFAULT or EINVAL, impossible for a word we own; a sleeper it
            // failed to wake still ends at its deadline.
            let _ = rustix::thread::futex::wake(
                &self.word,
                rustix::thread::futex::Flags::PRIVATE,
                i32::MAX as u32,
            );
        }
        #[cfg(loom)]
        self.kernel.wake();
    }
}

/// Whether `futex_waitv` worked so far (cleared at its first `ENOSYS`).
#[cfg(not(loom))]
static WAITV_AVAILABLE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(true);

/// Whether [`wait_any`] may work here (false once the kernel said it has no `futex_waitv`).
pub fn available() -> bool {
    #[cfg(not(loom))]
    {
        WAITV_AVAILABLE.load(std::sync::atomic::Ordering::Relaxed)
    }
    #[cfg(loom)]
    true
}

/// Steps (3) and (4): sleeps until one of `bells` rings past the word read (its second element),
/// or `deadline`. Spurious returns are possible: the caller looks again either way.
pub fn wait_any(bells: &[(&Bell, u32)], deadline: Instant) -> Waited {
    if bells.is_empty() || bells.len() > BELLS_PER_WAIT_MAX || !available() {
        return Waited::Unsupported;
    }
    for (bell, _) in bells {
        bell.sleepers.fetch_add(1, AcqRel);
    }
    let waited = sleep(bells, deadline);
    for (bell, _) in bells {
        bell.sleepers.fetch_sub(1, AcqRel);
    }
    waited
}

#[cfg(not(loom))]
fn sleep(bells: &[(&Bell, u32)], deadline: Instant) -> Waited {
    use rustix::io::Errno;
    use rustix::thread::futex;

    let Some(left) = deadline.checked_duration_since(Instant::now()) else {
        return Waited::TimedOut;
    };
    // `futex_waitv` takes an absolute time on the clock `Instant` reads (CLOCK_MONOTONIC).
    let now = rustix::time::clock_gettime(rustix::time::ClockId::Monotonic);
    let nanos = now.tv_nsec as u64 + u64::from(left.subsec_nanos());
    let timeout = futex::Timespec {
        tv_sec: now
            .tv_sec
            .saturating_add(left.as_secs().min(i64::MAX as u64 / 2) as i64)
            .saturating_add((nanos / 1_000_000_000) as i64),
        tv_nsec: (nanos % 1_000_000_000) as _,
    };
    let waits: Vec<futex::Wait> = bells
        .iter()
        .map(|(bell, seen)| {
            let mut wait = futex::Wait::new();
            wait.val = u64::from(*seen);
            wait.uaddr = futex::WaitPtr::new(bell.word.as_ptr().cast());
            wait.flags = futex::WaitFlags::SIZE_U32 | futex::WaitFlags::PRIVATE;
            wait
        })
        .collect();
    match futex::waitv(
        &waits,
        futex::WaitvFlags::empty(),
        Some(&timeout),
        futex::ClockId::Monotonic,
    ) {
        Ok(_) => Waited::Rang,
        // A word had moved already (EAGAIN), or a signal interrupted the sleep.
        Err(Errno::AGAIN) | Err(Errno::INTR) => Waited::Rang,
        Err(Errno::TIMEDOUT) => Waited::TimedOut,
        Err(Errno::NOSYS) => {
            WAITV_AVAILABLE.store(false, std::sync::atomic::Ordering::Relaxed);
            tracing::info!(
                "this kernel has no futex_waitv (Linux 5.16): subscriber threads are woken one by one"
            );
            Waited::Unsupported
        }
        Err(error) => {
            // EINVAL or EFAULT: a bug in the arguments above, not an operating condition.
            panic!("futex_waitv failed: {error}");
        }
    }
}

/// Under loom: the kernel's futex as a lock and a condition variable per bell; a wait compares the
/// word under the lock, a wake notifies under it. One bell per wait (the model needs no more).
#[cfg(loom)]
fn sleep(bells: &[(&Bell, u32)], _deadline: Instant) -> Waited {
    assert_eq!(bells.len(), 1, "the loom futex holds one bell per wait");
    let (bell, seen) = bells[0];
    bell.kernel.wait_while(|| bell.word.load(Acquire) == seen);
    Waited::Rang
}

#[cfg(loom)]
mod loom_futex {
    use loom::sync::{Condvar, Mutex};

    #[derive(Debug, Default)]
    pub(super) struct Kernel {
        lock: Mutex<()>,
        sleepers: Condvar,
    }

    impl Kernel {
        pub(super) fn wait_while(&self, unchanged: impl Fn() -> bool) {
            let guard = self.lock.lock().unwrap();
            if unchanged() {
                drop(self.sleepers.wait(guard).unwrap());
            }
        }

        pub(super) fn wake(&self) {
            let _guard = self.lock.lock().unwrap();
            self.sleepers.notify_all();
        }
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::time::Duration;

    #[test]
    fn one_ring_wakes_every_sleeper_of_the_bell() {
        let bell = Arc::new(Bell::default());
        let seen = bell.seen();
        let sleepers: Vec<_> = (0..4)
            .map(|_| {
                let bell = bell.clone();
                std::thread::spawn(move || {
                    let deadline = Instant::now() + Duration::from_secs(60);
                    while bell.seen() == seen {
                        assert_eq!(wait_any(&[(&bell, seen)], deadline), Waited::Rang);
                    }
                })
            })
            .collect();
        // Let them fall asleep (not needed for correctness: a ring before a sleep moves the word).
        std::thread::sleep(Duration::from_millis(20));
        bell.ring();
        for sleeper in sleepers {
            sleeper.join().unwrap();
        }
    }

    #[test]
    fn a_ring_before_the_wait_returns_it_at_once_and_a_silent_bell_times_out() {
        let bell = Bell::default();
        let seen = bell.seen();
        bell.ring();
        let far = Instant::now() + Duration::from_secs(60);
        assert_eq!(wait_any(&[(&bell, seen)], far), Waited::Rang);
        let started = Instant::now();
        let soon = started + Duration::from_millis(30);
        assert_eq!(wait_any(&[(&bell, bell.seen())], soon), Waited::TimedOut);
        assert!(Instant::now() >= soon, "the wait ended before its deadline");
    }

    #[test]
    fn a_wait_over_two_bells_wakes_on_either() {
        let quiet = Arc::new(Bell::default());
        let loud = Arc::new(Bell::default());
        let (quiet_seen, loud_seen) = (quiet.seen(), loud.seen());
        let sleeper = {
            let (quiet, loud) = (quiet.clone(), loud.clone());
            std::thread::spawn(move || {
                let deadline = Instant::now() + Duration::from_secs(60);
                while loud.seen() == loud_seen {
                    let waited = wait_any(&[(&quiet, quiet_seen), (&loud, loud_seen)], deadline);
                    assert_eq!(waited, Waited::Rang);
                }
            })
        };
        std::thread::sleep(Duration::from_millis(20));
        loud.ring();
        sleeper.join().unwrap();
        assert_eq!(quiet.seen(), quiet_seen);
    }

    #[test]
    fn no_bell_or_too_many_is_unsupported() {
        let far = Instant::now() + Duration::from_secs(60);
        assert_eq!(wait_any(&[], far), Waited::Unsupported);
        let bells: Vec<Bell> = (0..=BELLS_PER_WAIT_MAX).map(|_| Bell::default()).collect();
        let waits: Vec<(&Bell, u32)> = bells.iter().map(|b| (b, b.seen())).collect();
        assert_eq!(wait_any(&waits, far), Waited::Unsupported);
    }
}
