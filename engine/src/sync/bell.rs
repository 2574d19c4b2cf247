//! A bell: a futex word many threads sleep on at once, rung with one system call. Two users:
//!
//! - the live subscriber threads of one pattern on one shard (a dispatcher group), which the
//!   dispatcher wakes all at once per page (`subscription::dispatch`);
//! - the writer threads blocked in a shard's `Engine::commit`, which the shard wakes once per
//!   flush, each thread sleeping on the bit of its request's ticket (`completion`).
//!
//! Why: waking N threads one by one costs the waker a lock, a flag and a `futex` wake each, and
//! every woken thread that lands on the waker's core can preempt it before the next wake:
//! measured, 29 preemptions of a subscription dispatcher per batch of 100 wakes, each holding back
//! every thread not yet woken (`docs/benchmarks.md`, "One wake per group"). A ring is one
//! `FUTEX_WAKE` of every sleeper of the word (or of those whose bit it names), inside one call, so
//! the kernel wakes them all before the waker can be preempted.
//!
//! A bell is a futex word (a ring count) and a count of its sleepers. A sleeper (1) reads the
//! word, (2) looks at what it waits for and finds nothing, (3) counts itself a sleeper by a
//! read-modify-write, (4) sleeps while the word still holds what (1) read (the kernel compares it
//! under its own lock) — on several bells at once with `futex_waitv` (Linux 5.16), or on one with
//! a bit mask (`FUTEX_WAIT_BITSET`). The ringer (a) makes what the sleeper waits for true, (b)
//! adds to the word, (c) reads the sleeper count by a read-modify-write and, if it is not zero,
//! wakes the word's sleepers (those whose mask meets the ring's bits). No lost wake-up: (3) and
//! (c) are both read-modify-writes of the sleeper count; if (c) comes first in its order, (3)
//! reads what (c) wrote, so (b) happens before (4), which then sees the word moved and returns at
//! once; if (3) comes first, (c) sees the sleeper and wakes it (a wake before it sleeps is a word
//! that moved). And a word read at (1) after (b) means the look at (2) sees (a). The bits only
//! narrow whom a ring wakes: a ringer must name the bit of every sleeper whose (a) it made true,
//! and a sleeper woken for another's bit looks, finds nothing and sleeps again. The same protocol
//! as the subscription `Signal`'s, model-checked the same way (`engine/tests/loom_subscription_bell.rs`,
//! `engine/tests/loom_handoff.rs`, with the futex emulated under a lock, bits honoured).
//!
//! An *uncounted* bell ([`Bell::uncounted`], a shard's) drops steps (3) and (c): every ring that
//! names a bit makes its call, and the protocol is the plain futex one — the ringer makes (a)
//! true, then (b), then wakes; a sleeper whose (1) came before (b) either finds the word moved in
//! the kernel's compare or is queued before the wake, which the kernel orders under its lock.
//!
//! Where `futex_waitv` is missing (`ENOSYS`), refused (`EPERM`, a system-call filter) or a wait
//! has more bells than it takes, subscribers sleep as before (their inbox's signal);
//! `FUTEX_WAIT_BITSET` is as old as Linux 2.6.25, and if it fails all the same its sleepers nap a
//! millisecond at a time instead.

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
    /// Whether sleepers are counted (steps (3) and (c)); else every ring makes its call.
    uncounted: bool,
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
    /// A bell that does not count its sleepers: every ring makes its system call, and a sleep
    /// costs no write to a shared count. For a bell rung rarely and slept on often — a shard's,
    /// rung once per flush, slept on by 256 writer threads once per commit each, whose count's
    /// cache line was a measured cost. Steps (3) and (c) fall away; the rest is the plain futex
    /// protocol (the kernel compares the word under its lock, and every ring after (b) wakes).
    pub fn uncounted() -> Bell {
        Bell {
            uncounted: true,
            ..Bell::default()
        }
    }

    /// Step (1): what the word holds now.
    pub fn seen(&self) -> u32 {
        self.word.load(Acquire)
    }

    /// Steps (b) and (c): wakes every thread asleep on the bell.
    pub fn ring(&self) {
        self.ring_bits(u32::MAX);
    }

    /// Steps (b) and (c): wakes the threads asleep on the bell whose mask meets `bits` (every
    /// waiter of [`wait_any`] has them all). No bit, no ring.
    pub fn ring_bits(&self, bits: u32) {
        if bits == 0 {
            return;
        }
        self.word.fetch_add(1, AcqRel);
        if !self.uncounted && self.sleepers.fetch_add(0, AcqRel) == 0 {
            return;
        }
        #[cfg(not(loom))]
        {
            // An error here is only EFAULT or EINVAL, impossible for a word we own and a mask
            // that is not zero; a sleeper it failed to wake would still end at its deadline.
            let _ = rustix::thread::futex::wake_bitset(
                &self.word,
                rustix::thread::futex::Flags::PRIVATE,
                i32::MAX as u32,
                std::num::NonZeroU32::new(bits).expect("not zero: checked above"),
            );
        }
        #[cfg(loom)]
        self.kernel.wake(bits);
    }

    /// Steps (3) and (4) on this bell alone, for the rings that name one of `bits`: sleeps until
    /// such a ring after the word held `seen`, or `deadline` (`None`: no deadline). Spurious
    /// returns are possible: the caller looks again either way.
    pub fn wait_bits(&self, seen: u32, bits: u32, deadline: Option<Instant>) -> Waited {
        assert_ne!(bits, 0, "a sleeper that no ring can wake");
        self.count_sleeper();
        let waited = self.sleep_bits(seen, bits, deadline);
        self.uncount_sleeper();
        waited
    }

    /// Step (3), on a counted bell.
    fn count_sleeper(&self) {
        if !self.uncounted {
            self.sleepers.fetch_add(1, AcqRel);
        }
    }

    fn uncount_sleeper(&self) {
        if !self.uncounted {
            self.sleepers.fetch_sub(1, AcqRel);
        }
    }

    #[cfg(not(loom))]
    fn sleep_bits(&self, seen: u32, bits: u32, deadline: Option<Instant>) -> Waited {
        use rustix::io::Errno;
        use rustix::thread::futex;

        let timeout = match deadline {
            None => None,
            Some(deadline) => match absolute(deadline) {
                Some(timeout) => Some(timeout),
                None => return Waited::TimedOut,
            },
        };
        // FUTEX_WAIT_BITSET takes an absolute time on CLOCK_MONOTONIC.
        match futex::wait_bitset(
            &self.word,
            futex::Flags::PRIVATE,
            seen,
            timeout.as_ref(),
            std::num::NonZeroU32::new(bits).expect("not zero: asserted"),
        ) {
            Ok(()) | Err(Errno::AGAIN) | Err(Errno::INTR) => Waited::Rang,
            Err(Errno::TIMEDOUT) => Waited::TimedOut,
            Err(error) => {
                // Not expected (a filter of system calls that refuses this futex operation, say):
                // a short nap instead, after which the caller looks again — slower, never stuck.
                static LOGGED: std::sync::Once = std::sync::Once::new();
                LOGGED.call_once(|| {
                    tracing::warn!(%error, "futex wait failed; threads poll every millisecond instead");
                });
                std::thread::sleep(std::time::Duration::from_millis(1));
                Waited::Rang
            }
        }
    }

    /// Under loom: the emulated futex (`loom_futex`), which honours the bits.
    #[cfg(loom)]
    fn sleep_bits(&self, seen: u32, bits: u32, _deadline: Option<Instant>) -> Waited {
        self.kernel
            .wait_while(bits, || self.word.load(Acquire) == seen);
        Waited::Rang
    }
}

/// `deadline` as an absolute time on CLOCK_MONOTONIC (the clock `Instant` reads); `None` if it
/// has passed.
#[cfg(not(loom))]
fn absolute(deadline: Instant) -> Option<rustix::thread::futex::Timespec> {
    let left = deadline.checked_duration_since(Instant::now())?;
    let now = rustix::time::clock_gettime(rustix::time::ClockId::Monotonic);
    let nanos = now.tv_nsec as u64 + u64::from(left.subsec_nanos());
    Some(rustix::thread::futex::Timespec {
        tv_sec: now
            .tv_sec
            .saturating_add(left.as_secs().min(i64::MAX as u64 / 2) as i64)
            .saturating_add((nanos / 1_000_000_000) as i64),
        tv_nsec: (nanos % 1_000_000_000) as _,
    })
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
        bell.count_sleeper();
    }
    let waited = sleep(bells, deadline);
    for (bell, _) in bells {
        bell.uncount_sleeper();
    }
    waited
}

#[cfg(not(loom))]
fn sleep(bells: &[(&Bell, u32)], deadline: Instant) -> Waited {
    use rustix::io::Errno;
    use rustix::thread::futex;

    // `futex_waitv` takes an absolute time on CLOCK_MONOTONIC.
    let Some(timeout) = absolute(deadline) else {
        return Waited::TimedOut;
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
        Err(error) => {
            // ENOSYS: a kernel before 5.16; EPERM: a filter of system calls (a container's
            // seccomp profile, systemd's `SystemCallFilter=`) that does not know it. Anything
            // else would be a bug in the arguments above; either way the subscribers sleep as
            // before, on their inboxes' signals.
            WAITV_AVAILABLE.store(false, std::sync::atomic::Ordering::Relaxed);
            tracing::info!(
                %error,
                "futex_waitv is not available: subscriber threads are woken one by one"
            );
            Waited::Unsupported
        }
    }
}

/// Under loom: the emulated futex (`loom_futex`); one bell per wait (the model needs no more).
#[cfg(loom)]
fn sleep(bells: &[(&Bell, u32)], _deadline: Instant) -> Waited {
    assert_eq!(bells.len(), 1, "the loom futex holds one bell per wait");
    let (bell, seen) = bells[0];
    bell.kernel
        .wait_while(u32::MAX, || bell.word.load(Acquire) == seen);
    Waited::Rang
}

/// The kernel's futex for loom, per bell: under one lock, a wait compares the word and, if it is
/// unchanged, queues an entry with its mask and sleeps until a wake marks that entry; a wake marks
/// the queued entries whose mask meets its bits. As the kernel, it wakes nobody else: a ring that
/// leaves out a sleeper's bit leaves that sleeper asleep, which loom reports as a deadlock.
#[cfg(loom)]
mod loom_futex {
    use loom::sync::{Condvar, Mutex};

    #[derive(Debug, Default)]
    pub(super) struct Kernel {
        /// The queued sleepers: an id, its mask, whether a wake marked it.
        queue: Mutex<(u64, Vec<(u64, u32, bool)>)>,
        sleepers: Condvar,
    }

    impl Kernel {
        pub(super) fn wait_while(&self, mask: u32, unchanged: impl Fn() -> bool) {
            let mut queue = self.queue.lock().unwrap();
            if !unchanged() {
                return;
            }
            let id = queue.0;
            queue.0 += 1;
            queue.1.push((id, mask, false));
            loop {
                queue = self.sleepers.wait(queue).unwrap();
                let at = queue.1.iter().position(|e| e.0 == id).expect("queued");
                if queue.1[at].2 {
                    queue.1.remove(at);
                    return;
                }
            }
        }

        pub(super) fn wake(&self, bits: u32) {
            let mut queue = self.queue.lock().unwrap();
            for entry in queue.1.iter_mut().filter(|e| e.1 & bits != 0) {
                entry.2 = true;
            }
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
    fn an_uncounted_bell_wakes_the_sleepers_of_the_bits_it_rings_and_no_others() {
        let bell = Arc::new(Bell::uncounted());
        let seen = bell.seen();
        let woken = Arc::new(std::sync::atomic::AtomicU32::new(0));
        let sleepers: Vec<_> = [1u32, 2, 4]
            .into_iter()
            .map(|bit| {
                let (bell, woken) = (bell.clone(), woken.clone());
                std::thread::spawn(move || {
                    let deadline = Instant::now() + Duration::from_secs(60);
                    // As a writer: sleeps until its own bit is rung (the word moving for another
                    // bit wakes nobody here: the kernel filters by bits).
                    while bell.wait_bits(seen, bit, Some(deadline)) != Waited::Rang {}
                    woken.fetch_or(bit, std::sync::atomic::Ordering::SeqCst);
                })
            })
            .collect();
        std::thread::sleep(Duration::from_millis(50));
        // Rung for bits 1 and 4: those two wake. Bit 2's sleeper sees the word moved only if it
        // had not gone to sleep yet (then it returns at once too): so this checks who must wake.
        bell.ring_bits(1 | 4);
        let far = Instant::now() + Duration::from_secs(60);
        while woken.load(std::sync::atomic::Ordering::SeqCst) & 5 != 5 {
            assert!(Instant::now() < far, "a rung sleeper slept on");
            std::thread::sleep(Duration::from_millis(1));
        }
        bell.ring_bits(2);
        for sleeper in sleepers {
            sleeper.join().unwrap();
        }
        assert_eq!(woken.load(std::sync::atomic::Ordering::SeqCst), 7);
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
