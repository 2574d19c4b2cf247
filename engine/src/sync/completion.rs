//! A one-shot completion: the shard fills it once, the writer waits for it (blocking or as a future).
//!
//! Invariant: a value is delivered at most once; if the completer is dropped without completing (the
//! shard thread ended), the waiter gets `Abandoned` instead of waiting forever.
//!
//! A [`WakeTree`] answers many completions at once, as a shard answers a commit group: waking each
//! blocked thread costs the waker a system call and a cross-core interrupt, and a shard that woke
//! every writer of a 128-writer group itself would spend more time waking than syncing. So the
//! tree wakes only the first blocked thread; each woken thread, before it returns, wakes the next
//! two (`2i+1`, `2i+2`), spreading the wake-ups over the woken threads in log₂ n steps. Every
//! value is in its slot before anyone is woken, so a thread that wakes early (spuriously) takes its
//! value and passes its wake-ups on early; a wake-up sent twice is harmless.

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
    /// The value, and the wake-ups its thread owes to others of its [`WakeTree`].
    Done(T, Option<Duty<T>>),
    Taken,
    Abandoned,
}

/// The wake-ups a woken thread passes on: the children of its index in its tree.
struct Duty<T> {
    tree: Arc<Vec<Arc<Slot<T>>>>,
    index: usize,
}

impl<T> Duty<T> {
    fn pass_on(self) {
        for child in [2 * self.index + 1, 2 * self.index + 2] {
            if let Some(slot) = self.tree.get(child) {
                slot.ready.notify_all();
            }
        }
    }
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
        finish(&slot, State::Done(value, None));
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
                State::Done(value, duty) => {
                    drop(state);
                    if let Some(duty) = duty {
                        duty.pass_on();
                    }
                    return Ok(value);
                }
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
            State::Done(value, duty) => {
                drop(state);
                if let Some(duty) = duty {
                    duty.pass_on();
                }
                Poll::Ready(Ok(value))
            }
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

/// Answers many completions, waking their blocked threads as a tree (see the module doc). Answers
/// whose waiter is not blocked (a future, or a thread not yet waiting) are delivered at once;
/// answers to blocked threads are held until [`WakeTree::wake`]. Dropped without `wake` (a panic
/// in between), it delivers what it holds and wakes each thread itself.
pub struct WakeTree<T> {
    held: Vec<(Arc<Slot<T>>, T)>,
}

impl<T> Default for WakeTree<T> {
    fn default() -> Self {
        WakeTree { held: Vec::new() }
    }
}

impl<T> WakeTree<T> {
    pub fn complete(&mut self, mut completer: Completer<T>, value: T) {
        let slot = completer.slot.take().expect("a completer completes once");
        let blocked = matches!(&*lock(&slot.state), State::Waiting { blocked: true, .. });
        if blocked {
            // Still `Waiting`: the thread stays asleep (or goes back to sleep) until `wake`.
            self.held.push((slot, value));
        } else {
            // If the thread blocks meanwhile, `finish` sees it and wakes it.
            finish(&slot, State::Done(value, None));
        }
    }

    /// Puts every held value in its slot, each with its wake-up duty, then wakes the first thread.
    pub fn wake(mut self) {
        let held = std::mem::take(&mut self.held);
        if held.is_empty() {
            return;
        }
        let tree: Arc<Vec<Arc<Slot<T>>>> =
            Arc::new(held.iter().map(|(slot, _)| slot.clone()).collect());
        for (index, (slot, value)) in held.into_iter().enumerate() {
            let duty = Duty {
                tree: tree.clone(),
                index,
            };
            let mut state = lock(&slot.state);
            match std::mem::replace(&mut *state, State::Done(value, Some(duty))) {
                State::Waiting { waker, .. } => {
                    drop(state);
                    if let Some(waker) = waker {
                        waker.wake();
                    }
                }
                _ => unreachable!("a held completion is still waiting"),
            }
        }
        tree[0].ready.notify_all();
    }
}

impl<T> Drop for WakeTree<T> {
    fn drop(&mut self) {
        for (slot, value) in self.held.drain(..) {
            finish(&slot, State::Done(value, None));
        }
    }
}
