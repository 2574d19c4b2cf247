//! A one-shot completion: the shard fills it once, the writer waits for it (blocking or as a future).
//!
//! Invariant: a value is delivered at most once; if the completer is dropped without completing (the
//! shard thread ended), the waiter gets `Abandoned` instead of waiting forever.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

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
    let slot = Arc::new(Slot {
        state: Mutex::new(State::Waiting {
            waker: None,
            blocked: false,
        }),
        ready: Condvar::new(),
    });
    (
        Completer {
            slot: Some(slot.clone()),
        },
        Pending { slot },
    )
}

impl<T> Completer<T> {
    pub fn complete(mut self, value: T) {
        let slot = self.slot.take().expect("a completer completes once");
        finish(&slot, State::Done(value));
    }
}

impl<T> Drop for Completer<T> {
    fn drop(&mut self) {
        if let Some(slot) = self.slot.take() {
            finish(&slot, State::Abandoned);
        }
    }
}

fn finish<T>(slot: &Slot<T>, outcome: State<T>) {
    let mut state = lock(&slot.state);
    let (waker, blocked) = match std::mem::replace(&mut *state, outcome) {
        State::Waiting { waker, blocked } => (waker, blocked),
        _ => unreachable!("a completion is finished exactly once"),
    };
    drop(state);
    if blocked {
        slot.ready.notify_all();
    }
    if let Some(waker) = waker {
        waker.wake();
    }
}

impl<T> Pending<T> {
    /// Blocks the calling thread until the value arrives.
    pub fn wait(self) -> Result<T, Abandoned> {
        let mut state = lock(&self.slot.state);
        loop {
            match std::mem::replace(&mut *state, State::Taken) {
                State::Done(value) => return Ok(value),
                State::Abandoned => return Err(Abandoned),
                State::Taken => unreachable!("a pending value is taken once"),
                State::Waiting { waker, .. } => {
                    *state = State::Waiting {
                        waker,
                        blocked: true,
                    };
                    state = self
                        .slot
                        .ready
                        .wait(state)
                        .expect("hand-off lock poisoned: a thread panicked inside it");
                }
            }
        }
    }
}

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
