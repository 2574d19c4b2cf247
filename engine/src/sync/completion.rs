//! A one-shot completion: the shard fills it once, the writer waits for it (blocking or as a future).
//!
//! Invariant: a value is delivered at most once; if the completer is dropped without completing (the
//! shard thread ended), the waiter gets `Abandoned` instead of waiting forever.
//!
//! A blocked waiter sleeps on the completion's condition variable, or, for a completion made with
//! [`completion_on_bell`], on a [`Bell`] that the producer shares between many completions: a shard
//! that answers a flush then wakes all the threads of that flush with one call
//! ([`Wake::wake_deferring`]) instead of one wake per thread. Each such completion has a bit of
//! the bell, which its thread sleeps on, so that a ring for one flush does not wake the threads
//! waiting for the next (`bell` has the protocol).

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

use super::bell::Bell;
use super::lock;
use super::prim::{Arc, Condvar, Mutex};

/// The waiting side could not get a value: the completer went away without completing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the completion was abandoned: its producer stopped before answering")]
pub struct Abandoned;

enum State<T> {
    /// Not answered yet: the task to wake, and whether a thread is blocked in `wait` (only then does
    /// the answer notify the condition variable, saving a futex call per acknowledgement).
    Waiting {
        waker: Option<Waker>,
        blocked: bool,
    },
    Done(T),
    Taken,
    Abandoned,
}

struct Slot<T> {
    state: Mutex<State<T>>,
    ready: Condvar,
    /// Where a blocked waiter sleeps instead of `ready`: a bell the producer shares, and this
    /// completion's bit on it.
    bell: Option<(Arc<Bell>, u32)>,
}

/// The side that answers.
pub struct Completer<T> {
    slot: Option<Arc<Slot<T>>>,
}

/// The side that waits.
pub struct Pending<T> {
    slot: Arc<Slot<T>>,
}

pub fn completion<T>() -> (Completer<T>, Pending<T>) {
    with_slot(None)
}

/// A completion whose blocked waiter sleeps on `bell`, woken by the rings that name `bit` (one
/// bit set).
pub fn completion_on_bell<T>(bell: Arc<Bell>, bit: u32) -> (Completer<T>, Pending<T>) {
    assert_eq!(
        bit.count_ones(),
        1,
        "a completion sleeps on one bit of its bell"
    );
    with_slot(Some((bell, bit)))
}

fn with_slot<T>(bell: Option<(Arc<Bell>, u32)>) -> (Completer<T>, Pending<T>) {
    let slot = Arc::new(Slot {
        state: Mutex::new(State::Waiting {
            waker: None,
            blocked: false,
        }),
        ready: Condvar::new(),
        bell,
    });
    (
        Completer {
            slot: Some(slot.clone()),
        },
        Pending { slot },
    )
}

impl<T> Completer<T> {
    pub fn complete(self, value: T) {
        drop(self.complete_later(value));
    }

    /// Gives the value now and the wake-up later: the returned [`Wake`] wakes the waiter when it
    /// is dropped. A producer that answers many completions at once (a shard answering a flush)
    /// gives every value first and wakes afterwards, so a woken waiter that polls its neighbours
    /// finds their values there, and the producer is not preempted by the first waiter it wakes
    /// before it has answered the rest.
    pub fn complete_later(mut self, value: T) -> Wake<T> {
        let slot = self.slot.take().expect("a completer completes once");
        finish(slot, State::Done(value))
    }
}

/// The wake-up of a completion whose value is given ([`Completer::complete_later`]): wakes the
/// waiter when dropped, unless the waiter took its value already (then nobody waits on it).
#[must_use = "dropping a Wake wakes its waiter at once"]
pub struct Wake<T> {
    slot: Arc<Slot<T>>,
    waker: Option<Waker>,
    blocked: bool,
}

impl<T> Wake<T> {
    /// Wakes the waiter now, unless it is a thread asleep on `bell`: then returns its bit, for the
    /// caller to ring `bell` once for many wakes (0 if there is nothing to ring). A thread asleep
    /// on another bell is woken on that one now.
    pub fn wake_deferring(mut self, bell: &Bell) -> u32 {
        let deferred = match &self.slot.bell {
            Some((own, bit)) if self.blocked && std::ptr::eq::<Bell>(&**own, bell) => {
                if self.taken() {
                    self.waker = None;
                    0
                } else {
                    *bit
                }
            }
            _ => return 0,
        };
        // Its bell is rung by the caller; a waker (a future that a thread also blocks on cannot
        // be: `wait` consumes the `Pending`) is woken on drop.
        self.blocked = false;
        deferred
    }

    fn taken(&self) -> bool {
        matches!(*lock(&self.slot.state), State::Taken)
    }
}

impl<T> Drop for Wake<T> {
    fn drop(&mut self) {
        if self.waker.is_none() && !self.blocked {
            return;
        }
        if self.taken() {
            // The waiter polled (or woke) on its own and took the value: a wake now would only
            // be spurious (for a future, a wasted poll; for its thread, a wasted switch).
            return;
        }
        if self.blocked {
            match &self.slot.bell {
                Some((bell, bit)) => bell.ring_bits(*bit),
                None => self.slot.ready.notify_all(),
            }
        }
        if let Some(waker) = self.waker.take() {
            waker.wake();
        }
    }
}

impl<T> Drop for Completer<T> {
    fn drop(&mut self) {
        if let Some(slot) = self.slot.take() {
            drop(finish(slot, State::Abandoned));
        }
    }
}

/// Puts `outcome` in the slot; the returned [`Wake`] wakes the waiter when dropped.
fn finish<T>(slot: Arc<Slot<T>>, outcome: State<T>) -> Wake<T> {
    let (waker, blocked) = match std::mem::replace(&mut *lock(&slot.state), outcome) {
        State::Waiting { waker, blocked } => (waker, blocked),
        _ => unreachable!("a completion is finished exactly once"),
    };
    Wake {
        slot,
        waker,
        blocked,
    }
}

impl<T> Pending<T> {
    /// Blocks the calling thread until the value arrives.
    pub fn wait(self) -> Result<T, Abandoned> {
        if let Some((bell, bit)) = &self.slot.bell {
            return self.wait_on_bell(bell, *bit);
        }
        let mut state = lock(&self.slot.state);
        loop {
            if let Some(outcome) = take_or_block(&mut state) {
                return outcome;
            }
            state = self
                .slot
                .ready
                .wait(state)
                .expect("hand-off lock poisoned: a thread panicked inside it");
        }
    }

    /// `wait` for a completion on a bell: steps (1)–(4) of `bell`'s protocol, the value in the
    /// slot being what it waits for, and `blocked` what tells the producer to ring its bit.
    fn wait_on_bell(&self, bell: &Bell, bit: u32) -> Result<T, Abandoned> {
        loop {
            let seen = bell.seen();
            if let Some(outcome) = take_or_block(&mut lock(&self.slot.state)) {
                return outcome;
            }
            // A ring after `seen` (or a spurious return): look again. The deadline is only a
            // floor under a mistake: every answer rings its bit (loom checks that), so a look
            // after it finds nothing new unless a wake-up was lost.
            bell.wait_bits(
                seen,
                bit,
                Some(std::time::Instant::now() + BELL_RECHECK_AFTER),
            );
        }
    }
}

/// The outcome if there is one (the value, or `Abandoned`), taken; else marks a thread blocked on
/// it, so that the answer wakes it.
fn take_or_block<T>(state: &mut State<T>) -> Option<Result<T, Abandoned>> {
    match std::mem::replace(state, State::Taken) {
        State::Done(value) => Some(Ok(value)),
        State::Abandoned => Some(Err(Abandoned)),
        State::Taken => unreachable!("a pending value is taken once"),
        State::Waiting { waker, .. } => {
            *state = State::Waiting {
                waker,
                blocked: true,
            };
            None
        }
    }
}

/// How long a thread blocked on a bell sleeps before it looks at its completion again, ringed or
/// not: so that no mistake in the bits could hold a writer for ever.
const BELL_RECHECK_AFTER: std::time::Duration = std::time::Duration::from_secs(1);

impl<T> Future for Pending<T> {
    type Output = Result<T, Abandoned>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut state = lock(&self.slot.state);
        match std::mem::replace(&mut *state, State::Taken) {
            State::Done(value) => Poll::Ready(Ok(value)),
            State::Abandoned => Poll::Ready(Err(Abandoned)),
            State::Taken => panic!("a pending value is polled after it was taken"),
            State::Waiting { blocked, .. } => {
                *state = State::Waiting {
                    waker: Some(cx.waker().clone()),
                    blocked,
                };
                Poll::Pending
            }
        }
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::task::Wake as WakeTask;

    #[derive(Default)]
    struct Count(AtomicUsize);

    impl WakeTask for Count {
        fn wake(self: std::sync::Arc<Self>) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }

    #[test]
    fn a_wake_held_back_wakes_the_task_once_dropped_unless_it_took_its_value() {
        for polls_before_the_wake in [false, true] {
            let count = std::sync::Arc::new(Count::default());
            let waker = Waker::from(count.clone());
            let mut cx = Context::from_waker(&waker);
            let (done, mut pending) = completion::<u32>();
            assert!(Pin::new(&mut pending).poll(&mut cx).is_pending());
            let wake = done.complete_later(7);
            // The value is there before the wake-up.
            assert_eq!(count.0.load(Ordering::SeqCst), 0);
            if polls_before_the_wake {
                assert_eq!(Pin::new(&mut pending).poll(&mut cx), Poll::Ready(Ok(7)));
                drop(wake);
                assert_eq!(count.0.load(Ordering::SeqCst), 0, "no wake once taken");
            } else {
                drop(wake);
                assert_eq!(count.0.load(Ordering::SeqCst), 1, "woken when dropped");
                assert_eq!(Pin::new(&mut pending).poll(&mut cx), Poll::Ready(Ok(7)));
            }
        }
    }
}
