//! A bounded multi-producer, single-consumer queue (one consumer only: the shard thread).
//!
//! Invariant: the queue never holds more than `requests_max` items nor more than `bytes_max` bytes
//! (each item is pushed with its size); producers either get `Full` back (`try_push`) or wait for room
//! (`push_blocking`). The consumer takes items in FIFO order, in groups of at most `max` items and
//! `bytes_max` bytes, always at least one (`pop_up_to`): that is how a shard forms a commit group,
//! everything that arrived while it was busy with the previous group. After `close`, pushes fail and
//! the consumer drains what is left, then sees the end. After `fail` (the consumer is gone), pushes
//! fail, blocked producers wake, and the items still queued are handed back to whoever failed it, so
//! that each can be answered: nothing waits on a consumer that will never come.

use std::collections::VecDeque;

use super::lock;
use super::prim::{Condvar, Mutex, MutexGuard};

pub struct BoundedQueue<T> {
    inner: Mutex<Inner<T>>,
    not_empty: Condvar,
    not_full: Condvar,
    requests_max: usize,
    bytes_max: u64,
    /// How long the consumer polls an empty queue before it sleeps (see `with_consumer_spin`).
    consumer_spin: std::time::Duration,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    Open,
    /// `close`: no more pushes; the consumer drains what is queued.
    Closed,
    /// `fail`: no more pushes, nothing left to drain; the consumer is gone.
    Failed,
}

struct Inner<T> {
    /// Each item with the bytes it counts against the budget.
    items: VecDeque<(T, u64)>,
    /// The sum of the bytes of `items`.
    bytes: u64,
    phase: Phase,
    /// The (single) consumer is blocked in `pop_up_to`: only then does a push notify, which saves a
    /// futex call per request while the shard is busy.
    consumer_waiting: bool,
    /// The queue length at which a push wakes the waiting consumer: 1, except while it waits in
    /// `pop_up_to_unless` (then a batch of arrivals per wake-up, not one).
    consumer_wakes_at: usize,
    /// Producers blocked in `push_blocking`, waiting for room.
    producers_waiting: usize,
}

/// Which budget of a queue is exhausted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Budget {
    Requests,
    Bytes,
}

impl std::fmt::Display for Budget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Budget::Requests => "requests",
            Budget::Bytes => "bytes",
        })
    }
}

/// Why an item did not fit: the budget it would have broken, what was queued, and the limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Overflow {
    pub budget: Budget,
    pub queued: u64,
    pub limit: u64,
}

/// Why a push did not happen; the item is handed back.
#[derive(PartialEq, Eq)]
pub enum PushError<T> {
    Full(T, Overflow),
    /// The queue was closed: the consumer is finishing what is queued.
    Closed(T),
    /// The queue was failed: the consumer is gone.
    Failed(T),
}

impl<T> std::fmt::Debug for PushError<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PushError::Full(_, overflow) => write!(f, "Full({overflow:?})"),
            PushError::Closed(_) => f.write_str("Closed"),
            PushError::Failed(_) => f.write_str("Failed"),
        }
    }
}

impl<T> Inner<T> {
    /// `Some` if an item of `bytes` does not fit now.
    fn overflow(&self, bytes: u64, requests_max: usize, bytes_max: u64) -> Option<Overflow> {
        if self.items.len() >= requests_max {
            return Some(Overflow {
                budget: Budget::Requests,
                queued: self.items.len() as u64,
                limit: requests_max as u64,
            });
        }
        if self.bytes + bytes > bytes_max {
            return Some(Overflow {
                budget: Budget::Bytes,
                queued: self.bytes,
                limit: bytes_max,
            });
        }
        None
    }
}

impl<T> BoundedQueue<T> {
    /// A queue of at most `requests_max` items and `bytes_max` bytes.
    pub fn new(requests_max: usize, bytes_max: u64) -> Self {
        assert!(requests_max > 0, "a queue needs room for at least one item");
        assert!(bytes_max > 0, "a queue needs room for at least one byte");
        BoundedQueue {
            inner: Mutex::new(Inner {
                items: VecDeque::with_capacity(requests_max.min(1024)),
                bytes: 0,
                phase: Phase::Open,
                consumer_waiting: false,
                consumer_wakes_at: 1,
                producers_waiting: 0,
            }),
            not_empty: Condvar::new(),
            not_full: Condvar::new(),
            requests_max,
            bytes_max,
            consumer_spin: std::time::Duration::ZERO,
        }
    }

    /// The consumer polls an empty queue for up to `spin` before it sleeps: a request that arrives
    /// meanwhile (a writer answered a moment ago sending its next commit) is taken without a
    /// futex wake-up on either side. Costs up to `spin` of CPU per idle moment.
    pub fn with_consumer_spin(mut self, spin: std::time::Duration) -> Self {
        self.consumer_spin = spin;
        self
    }

    pub fn capacity(&self) -> usize {
        self.requests_max
    }

    pub fn bytes_max(&self) -> u64 {
        self.bytes_max
    }

    /// An item larger than the whole budget could never be pushed and would make `push_blocking` wait
    /// forever; callers size their budget so that this cannot happen.
    fn assert_fits_empty(&self, bytes: u64) {
        assert!(
            bytes <= self.bytes_max,
            "an item of {bytes} bytes can never fit a queue of {} bytes",
            self.bytes_max
        );
    }

    /// Pushes without waiting; a full queue is the caller's back-pressure signal.
    pub fn try_push(&self, item: T, bytes: u64) -> Result<(), PushError<T>> {
        self.assert_fits_empty(bytes);
        let inner = lock(&self.inner);
        match inner.phase {
            Phase::Open => {}
            Phase::Closed => return Err(PushError::Closed(item)),
            Phase::Failed => return Err(PushError::Failed(item)),
        }
        if let Some(overflow) = inner.overflow(bytes, self.requests_max, self.bytes_max) {
            return Err(PushError::Full(item, overflow));
        }
        self.push_locked(inner, item, bytes);
        Ok(())
    }

    /// Pushes, waiting while the queue is full. Fails only if the queue is closed or failed, also
    /// while waiting.
    pub fn push_blocking(&self, item: T, bytes: u64) -> Result<(), PushError<T>> {
        self.assert_fits_empty(bytes);
        let mut inner = lock(&self.inner);
        loop {
            match inner.phase {
                Phase::Open => {}
                Phase::Closed => return Err(PushError::Closed(item)),
                Phase::Failed => return Err(PushError::Failed(item)),
            }
            if inner
                .overflow(bytes, self.requests_max, self.bytes_max)
                .is_none()
            {
                break;
            }
            inner.producers_waiting += 1;
            inner = self
                .not_full
                .wait(inner)
                .expect("hand-off lock poisoned: a thread panicked inside it");
            inner.producers_waiting -= 1;
        }
        self.push_locked(inner, item, bytes);
        Ok(())
    }

    fn push_locked(&self, mut inner: super::prim::MutexGuard<'_, Inner<T>>, item: T, bytes: u64) {
        inner.items.push_back((item, bytes));
        inner.bytes += bytes;
        debug_assert!(inner.items.len() <= self.requests_max && inner.bytes <= self.bytes_max);
        let wake = inner.consumer_waiting && inner.items.len() >= inner.consumer_wakes_at;
        drop(inner);
        if wake {
            self.not_empty.notify_one();
        }
    }

    /// Moves up to `max` items holding at most `bytes_max` bytes into `out` (but always at least one,
    /// whatever its size), waiting until there is one. Returns `false` only when the queue is closed
    /// and empty, or failed: the consumer's signal to stop.
    pub fn pop_up_to(&self, max: usize, bytes_max: u64, out: &mut Vec<T>) -> bool {
        assert!(max > 0);
        // Reassigned only by the spin below, which loom's model leaves out.
        #[cfg_attr(loom, allow(unused_mut))]
        let mut inner = lock(&self.inner);
        #[cfg(not(loom))]
        if inner.items.is_empty() && inner.phase == Phase::Open && !self.consumer_spin.is_zero() {
            let deadline = std::time::Instant::now() + self.consumer_spin;
            while inner.items.is_empty() && inner.phase == Phase::Open {
                drop(inner);
                for _ in 0..64 {
                    std::hint::spin_loop();
                }
                inner = lock(&self.inner);
                if std::time::Instant::now() >= deadline {
                    break;
                }
            }
        }
        let Some(inner) = self.wait_for(inner, 1, &|| false) else {
            return false;
        };
        // Closed and drained: nothing taken.
        self.take_up_to(inner, max, bytes_max, out) > 0
    }

    /// Takes what is queued now, as `pop_up_to` does, without waiting: how many items it took
    /// (none if the queue is empty, or failed).
    pub fn try_pop_up_to(&self, max: usize, bytes_max: u64, out: &mut Vec<T>) -> usize {
        assert!(max > 0);
        let inner = lock(&self.inner);
        if inner.phase == Phase::Failed {
            return 0;
        }
        self.take_up_to(inner, max, bytes_max, out)
    }

    /// Waits until `wake_at` items are queued (or `max`, if fewer), then takes them; but once
    /// `stop()` holds (checked under the queue's lock whenever the consumer would wait, and again
    /// after each [`BoundedQueue::wake_consumer`]) takes what is queued, perhaps nothing; and
    /// returns at once if the queue is closed or failed. How many items it took.
    ///
    /// Why: a shard whose sync runs on another thread decides the batches that arrive meanwhile,
    /// and must wake when either enough batches arrived or the sync reports (the sync thread
    /// sets what `stop` reads, then calls `wake_consumer`). A wake-up per batch would cost the
    /// shard and every producer a futex call each, for batches that the sync's end takes anyway.
    pub fn pop_up_to_unless(
        &self,
        max: usize,
        bytes_max: u64,
        wake_at: usize,
        out: &mut Vec<T>,
        stop: &dyn Fn() -> bool,
    ) -> usize {
        assert!(max > 0 && wake_at > 0);
        let inner = lock(&self.inner);
        match self.wait_for(inner, wake_at.min(max), stop) {
            Some(inner) => self.take_up_to(inner, max, bytes_max, out),
            None => 0,
        }
    }

    /// The consumer's wait: until `wake_at` items are queued, `stop()` holds, or the queue is
    /// closed; `None` if it failed.
    fn wait_for<'a>(
        &self,
        mut inner: MutexGuard<'a, Inner<T>>,
        wake_at: usize,
        stop: &dyn Fn() -> bool,
    ) -> Option<MutexGuard<'a, Inner<T>>> {
        loop {
            match inner.phase {
                Phase::Failed => return None,
                Phase::Closed => return Some(inner),
                Phase::Open if inner.items.len() >= wake_at => return Some(inner),
                Phase::Open => {}
            }
            if stop() {
                return Some(inner);
            }
            inner.consumer_waiting = true;
            inner.consumer_wakes_at = wake_at;
            inner = self
                .not_empty
                .wait(inner)
                .expect("hand-off lock poisoned: a thread panicked inside it");
            inner.consumer_waiting = false;
            inner.consumer_wakes_at = 1;
        }
    }

    /// Wakes a consumer waiting in [`BoundedQueue::pop_up_to_unless`] to check its `stop` again.
    /// Takes the queue's lock, so a consumer between its check and its wait cannot miss it.
    pub fn wake_consumer(&self) {
        let inner = lock(&self.inner);
        let waiting = inner.consumer_waiting;
        drop(inner);
        if waiting {
            self.not_empty.notify_all();
        }
    }

    /// Moves up to `max` items (and `bytes_max` bytes, but at least one item) from the front into
    /// `out`, and wakes the producers waiting for room.
    fn take_up_to(
        &self,
        mut inner: MutexGuard<'_, Inner<T>>,
        max: usize,
        bytes_max: u64,
        out: &mut Vec<T>,
    ) -> usize {
        let mut taken_bytes = 0u64;
        let mut taken = 0usize;
        while taken < max {
            let Some(&(_, bytes)) = inner.items.front() else {
                break;
            };
            if taken > 0 && taken_bytes + bytes > bytes_max {
                break;
            }
            let (item, bytes) = inner.items.pop_front().expect("front was just seen");
            out.push(item);
            taken_bytes += bytes;
            taken += 1;
        }
        inner.bytes -= taken_bytes;
        let wake = taken > 0 && inner.producers_waiting > 0;
        drop(inner);
        if wake {
            // Every producer waiting for room may now fit.
            self.not_full.notify_all();
        }
        taken
    }

    /// Refuses further pushes and wakes everyone; items already queued are still delivered.
    pub fn close(&self) {
        let mut inner = lock(&self.inner);
        if inner.phase == Phase::Open {
            inner.phase = Phase::Closed;
        }
        drop(inner);
        self.not_empty.notify_all();
        self.not_full.notify_all();
    }

    /// The consumer is gone: refuses every later push (`PushError::Failed`), wakes producers waiting
    /// for room so they get that error too, and hands back the items still queued so the caller can
    /// answer them. Idempotent; a later call returns nothing.
    pub fn fail(&self) -> Vec<T> {
        let mut inner = lock(&self.inner);
        inner.phase = Phase::Failed;
        inner.bytes = 0;
        let items: Vec<T> = inner.items.drain(..).map(|(item, _)| item).collect();
        drop(inner);
        self.not_empty.notify_all();
        self.not_full.notify_all();
        items
    }

    pub fn is_failed(&self) -> bool {
        lock(&self.inner).phase == Phase::Failed
    }

    /// Items queued now.
    pub fn len(&self) -> usize {
        lock(&self.inner).items.len()
    }

    /// Bytes queued now.
    pub fn bytes(&self) -> u64 {
        lock(&self.inner).bytes
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    /// A spinning consumer takes an item pushed while it spins, and one pushed after it went to
    /// sleep; it never takes more than is there.
    #[test]
    fn a_spinning_consumer_takes_items_pushed_during_and_after_its_spin() {
        let queue = std::sync::Arc::new(
            BoundedQueue::new(4, 1024).with_consumer_spin(Duration::from_millis(5)),
        );
        for delay_ms in [1u64, 20] {
            // Taken before the producer starts its sleep, so that the pop returning at or after
            // `delay_ms` follows from causality (the push comes after the sleep), not from timing.
            let started = Instant::now();
            let producer = {
                let queue = queue.clone();
                std::thread::spawn(move || {
                    std::thread::sleep(Duration::from_millis(delay_ms));
                    queue.try_push(delay_ms, 1).unwrap();
                })
            };
            let mut out = Vec::new();
            assert!(queue.pop_up_to(4, 1024, &mut out));
            assert_eq!(out, vec![delay_ms]);
            assert!(started.elapsed() >= Duration::from_millis(delay_ms));
            producer.join().unwrap();
        }
        queue.close();
        assert!(!queue.pop_up_to(4, 1024, &mut Vec::new()));
    }

    #[test]
    fn a_consumer_waiting_for_a_batch_wakes_at_the_batch_or_when_told_to_stop() {
        use std::sync::atomic::{AtomicBool, Ordering};
        let queue = std::sync::Arc::new(BoundedQueue::new(64, 1 << 20));
        let stop = std::sync::Arc::new(AtomicBool::new(false));
        // Three arrivals do not wake a consumer waiting for four; the fourth does.
        let producer = {
            let queue = queue.clone();
            std::thread::spawn(move || {
                for item in 0..4u32 {
                    std::thread::sleep(Duration::from_millis(2));
                    queue.try_push(item, 1).unwrap();
                }
            })
        };
        let mut out = Vec::new();
        let taken =
            queue.pop_up_to_unless(64, 1 << 20, 4, &mut out, &|| stop.load(Ordering::SeqCst));
        assert_eq!((taken, out.clone()), (4, vec![0, 1, 2, 3]));
        producer.join().unwrap();
        // Fewer than it waits for, then told to stop: it takes what is there.
        queue.try_push(9, 1).unwrap();
        let stopper = {
            let (queue, stop) = (queue.clone(), stop.clone());
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(5));
                stop.store(true, Ordering::SeqCst);
                queue.wake_consumer();
            })
        };
        out.clear();
        let taken =
            queue.pop_up_to_unless(64, 1 << 20, 4, &mut out, &|| stop.load(Ordering::SeqCst));
        assert_eq!((taken, out.clone()), (1, vec![9]));
        stopper.join().unwrap();
        // Stopped and empty: nothing, at once.
        assert_eq!(
            queue.pop_up_to_unless(64, 1 << 20, 4, &mut out, &|| true),
            0
        );
        // A closed queue never makes it wait.
        queue.close();
        assert_eq!(
            queue.pop_up_to_unless(64, 1 << 20, 4, &mut out, &|| false),
            0
        );
    }
}
