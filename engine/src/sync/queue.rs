//! A bounded multi-producer, single-consumer queue (one consumer only: the shard thread).
//!
//! Invariant: the queue never holds more than `capacity` items; producers either get `Full` back
//! (`try_push`) or wait for room (`push_blocking`). The consumer takes items in FIFO order, in groups
//! of at most `max` (`pop_up_to`), which is how a shard forms a commit group: everything that arrived
//! while it was busy with the previous group. After `close`, pushes fail and the consumer drains what
//! is left, then sees the end.

use std::collections::VecDeque;

use super::lock;
use super::prim::{Condvar, Mutex};

pub struct BoundedQueue<T> {
    inner: Mutex<Inner<T>>,
    not_empty: Condvar,
    not_full: Condvar,
    capacity: usize,
}

struct Inner<T> {
    items: VecDeque<T>,
    closed: bool,
    /// The (single) consumer is blocked in `pop_up_to`: only then does a push notify, which saves a
    /// futex call per request while the shard is busy.
    consumer_waiting: bool,
    /// Producers blocked in `push_blocking`, waiting for room.
    producers_waiting: usize,
}

/// Why a push did not happen; the item is handed back.
#[derive(PartialEq, Eq)]
pub enum PushError<T> {
    Full(T),
    Closed(T),
}

impl<T> std::fmt::Debug for PushError<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            PushError::Full(_) => "Full",
            PushError::Closed(_) => "Closed",
        })
    }
}

impl<T> BoundedQueue<T> {
    pub fn new(capacity: usize) -> Self {
        assert!(capacity > 0, "a queue needs room for at least one item");
        BoundedQueue {
            inner: Mutex::new(Inner {
                items: VecDeque::with_capacity(capacity.min(1024)),
                closed: false,
                consumer_waiting: false,
                producers_waiting: 0,
            }),
            not_empty: Condvar::new(),
            not_full: Condvar::new(),
            capacity,
        }
    }

    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// Pushes without waiting; a full queue is the caller's back-pressure signal.
    pub fn try_push(&self, item: T) -> Result<(), PushError<T>> {
        let mut inner = lock(&self.inner);
        if inner.closed {
            return Err(PushError::Closed(item));
        }
        if inner.items.len() >= self.capacity {
            return Err(PushError::Full(item));
        }
        inner.items.push_back(item);
        let wake = inner.consumer_waiting;
        drop(inner);
        if wake {
            self.not_empty.notify_one();
        }
        Ok(())
    }

    /// Pushes, waiting while the queue is full. Fails only if the queue is closed.
    pub fn push_blocking(&self, item: T) -> Result<(), PushError<T>> {
        let mut inner = lock(&self.inner);
        loop {
            if inner.closed {
                return Err(PushError::Closed(item));
            }
            if inner.items.len() < self.capacity {
                break;
            }
            inner.producers_waiting += 1;
            inner = self
                .not_full
                .wait(inner)
                .expect("hand-off lock poisoned: a thread panicked inside it");
            inner.producers_waiting -= 1;
        }
        inner.items.push_back(item);
        let wake = inner.consumer_waiting;
        drop(inner);
        if wake {
            self.not_empty.notify_one();
        }
        Ok(())
    }

    /// Moves up to `max` items into `out`, waiting until there is at least one. Returns `false` only
    /// when the queue is closed and empty: the consumer's signal to stop.
    pub fn pop_up_to(&self, max: usize, out: &mut Vec<T>) -> bool {
        assert!(max > 0);
        let mut inner = lock(&self.inner);
        while inner.items.is_empty() {
            if inner.closed {
                return false;
            }
            inner.consumer_waiting = true;
            inner = self
                .not_empty
                .wait(inner)
                .expect("hand-off lock poisoned: a thread panicked inside it");
            inner.consumer_waiting = false;
        }
        let taken = inner.items.len().min(max);
        out.extend(inner.items.drain(..taken));
        let wake = inner.producers_waiting > 0;
        drop(inner);
        if wake {
            // Every producer waiting for room may now fit.
            self.not_full.notify_all();
        }
        true
    }

    /// Refuses further pushes and wakes everyone; items already queued are still delivered.
    pub fn close(&self) {
        lock(&self.inner).closed = true;
        self.not_empty.notify_all();
        self.not_full.notify_all();
    }

    pub fn len(&self) -> usize {
        lock(&self.inner).items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
