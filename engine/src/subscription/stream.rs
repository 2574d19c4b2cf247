//! A subscription's stream: per shard, a cursor that reads the shard's history in pages and
//! sleeps on the shard's [`Signal`] when it has read everything; the shards' streams merged into
//! one. There is no separate live path: "live" is a cursor at the end of the history, so catch-up
//! and live are the same reads and no change can fall between them (see `docs/architecture.md`,
//! *Subscriptions*).
//!
//! Invariants: within a shard, events come in commit order, each change at most once (a cursor
//! only moves forward, to one past the last batch of the page it read; asserted) and none skipped
//! (a page holds every change from the cursor on, whole batches); the resume token of a shard is
//! the last position whose every event was delivered.
//!
//! Memory: one page of one shard's history at a time — at most `SUBSCRIPTION_PAGE_CHANGES_MAX`
//! changes and `SUBSCRIPTION_PAGE_BYTES_MAX` estimated bytes, or one batch if it is larger — of
//! which only the matching changes are kept, as `Arc`s shared with the history when the page came
//! from memory. Nothing is pushed to a subscriber, so a slow one holds nothing more: it falls
//! behind in the history, and past its horizon gets `Compacted`.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::error::{Error, Result};
use crate::limits::{
    SUBSCRIPTION_PAGES_PER_POLL_MAX, SUBSCRIPTION_PAGE_BYTES_MAX, SUBSCRIPTION_PAGE_CHANGES_MAX,
};
use crate::query::{QueryError, Scope};
use crate::routing::shard_for_namespace;
use crate::state::Published;
use crate::subscription::pattern::{Event, Pattern};
use crate::subscription::signal::{prepare_to_sleep, Waiter};

/// Where a subscription starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Start {
    /// After each shard's latest published position: only changes committed from now on.
    Now,
    /// After these positions, one per shard of the engine (a [`Subscription::resume_token`], or
    /// `Engine::positions` taken with a listing): every change above them. A position at or
    /// below a shard's history horizon is `Error::Compacted`. `0` is the beginning.
    After(Vec<u64>),
}

struct Cursor {
    shard: u16,
    published: Arc<Published>,
    /// The next position to read.
    next: u64,
    /// The last position whose every matching event was delivered.
    delivered: u64,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Progress {
    /// The buffer holds events.
    Events,
    /// A page was read and nothing in it matched.
    Skipped,
    /// Every cursor is at the end of its shard's history.
    Idle,
}

/// One subscriber's stream of events. See the module doc.
pub struct Subscription {
    pattern: Pattern,
    /// Every shard of the engine, in order: the token covers them all.
    positions: Vec<u64>,
    cursors: Vec<Cursor>,
    /// The matching events of the last page read, and which cursor and position it went through.
    buffer: VecDeque<Event>,
    page: Option<(usize, u64)>,
    /// The cursor the next read starts from, so that a busy shard does not starve the others.
    turn: usize,
    /// `sync::prim::Arc`: the signal's protocol is model-checked under loom.
    waiter: crate::sync::prim::Arc<Waiter>,
}

impl Subscription {
    /// A subscription of `pattern` (already valid) over the engine's shards' published states.
    pub(crate) fn open(
        pattern: Pattern,
        start: Start,
        shards: Vec<Arc<Published>>,
    ) -> Result<Subscription> {
        let count = shards.len();
        let positions: Vec<u64> = match start {
            Start::Now => shards.iter().map(|p| p.position()).collect(),
            Start::After(positions) if positions.len() == count => positions,
            Start::After(positions) => {
                return Err(Error::InvalidQuery(QueryError::Positions {
                    given: positions.len(),
                    shards: count,
                }))
            }
        };
        let involved: Vec<u16> = match pattern.scope {
            Scope::Children => vec![shard_for_namespace(&pattern.namespace, count as u16)],
            Scope::Subtree => (0..count as u16).collect(),
        };
        let mut cursors = Vec::with_capacity(involved.len());
        for shard in involved {
            let published = shards[shard as usize].clone();
            let after = positions[shard as usize];
            // Probe: a start past the horizon is refused now, not at the first read.
            published.history_from(after + 1, 1, SUBSCRIPTION_PAGE_BYTES_MAX)?;
            cursors.push(Cursor {
                shard,
                published,
                next: after + 1,
                delivered: after,
            });
        }
        Ok(Subscription {
            pattern,
            positions,
            cursors,
            buffer: VecDeque::new(),
            page: None,
            turn: 0,
            waiter: crate::sync::prim::Arc::new(Waiter::default()),
        })
    }

    pub fn pattern(&self) -> &Pattern {
        &self.pattern
    }

    /// The position delivered so far, per shard of the engine: `Start::After(token)` resumes
    /// exactly after the last event taken, when it was the last of its batch (as after every
    /// [`Subscription::next_batch`]); taken in the middle of a batch, it resumes at that batch,
    /// whose events then come again.
    pub fn resume_token(&self) -> Vec<u64> {
        let mut token = self.positions.clone();
        for cursor in &self.cursors {
            token[cursor.shard as usize] = cursor.delivered;
        }
        token
    }

    /// What the subscription holds now beyond the history it shares: the events buffered from
    /// the last page read, and their estimated bytes (as the history charges them). Both stay
    /// within one page: `SUBSCRIPTION_PAGE_CHANGES_MAX` changes and `SUBSCRIPTION_PAGE_BYTES_MAX`
    /// bytes, or one batch larger than that.
    pub fn buffered(&self) -> (usize, u64) {
        let bytes = self
            .buffer
            .iter()
            .map(|e| {
                let side = |r: &Option<Arc<crate::resource::Resource>>| {
                    r.as_deref()
                        .map_or(0, crate::history::resource_estimated_bytes)
                };
                std::mem::size_of::<Event>() as u64 + side(&e.old) + side(&e.new)
            })
            .sum();
        (self.buffer.len(), bytes)
    }

    /// The next event, waiting up to `timeout` for one; `None` if none came. `Compacted` if the
    /// subscriber fell behind a shard's history horizon; `Closed` once the engine is closed and
    /// everything readable was delivered.
    pub fn next(&mut self, timeout: Duration) -> Result<Option<Event>> {
        let deadline = Instant::now() + timeout;
        Ok(if self.ready(deadline)? {
            self.pop()
        } else {
            None
        })
    }

    /// The events of at least one whole batch (of one shard), and of more whole batches up to
    /// `max` events when they are already read; waits up to `timeout` for the first. Empty if none
    /// came. The resume token afterwards is exact.
    pub fn next_batch(&mut self, max: usize, timeout: Duration) -> Result<Vec<Event>> {
        let deadline = Instant::now() + timeout;
        let mut events = Vec::new();
        if !self.ready(deadline)? {
            return Ok(events);
        }
        while let Some(front) = self.buffer.front() {
            let same_batch = events
                .last()
                .is_some_and(|last: &Event| last.position == front.position);
            if events.len() >= max.max(1) && !same_batch {
                break;
            }
            events.push(self.pop().expect("the buffer has a front"));
        }
        Ok(events)
    }

    /// The next event, as a future: pending until one is committed. The history pages are read
    /// in `poll` (from memory, or from mapped history files).
    pub async fn next_async(&mut self) -> Result<Event> {
        std::future::poll_fn(|cx| self.poll_next(cx)).await
    }

    fn poll_next(&mut self, cx: &mut Context<'_>) -> Poll<Result<Event>> {
        if let Some(event) = self.pop() {
            return Poll::Ready(Ok(event));
        }
        for _ in 0..SUBSCRIPTION_PAGES_PER_POLL_MAX {
            let seqs = self.seqs();
            match self.read_page() {
                Err(error) => return Poll::Ready(Err(error)),
                Ok(Progress::Events) => {
                    return Poll::Ready(Ok(self.pop().expect("a page of events")))
                }
                Ok(Progress::Skipped) => continue,
                Ok(Progress::Idle) => {
                    if self.closed() {
                        return Poll::Ready(Err(Error::Closed));
                    }
                    if !self.prepare_to_sleep(&seqs, Some(cx.waker())) {
                        cx.waker().wake_by_ref();
                    }
                    return Poll::Pending;
                }
            }
        }
        // Many pages skipped: let the executor run others, and come back.
        cx.waker().wake_by_ref();
        Poll::Pending
    }

    /// Whether the buffer holds an event by `deadline`.
    fn ready(&mut self, deadline: Instant) -> Result<bool> {
        loop {
            if !self.buffer.is_empty() {
                return Ok(true);
            }
            let seqs = self.seqs();
            let mut progress = Progress::Skipped;
            for _ in 0..SUBSCRIPTION_PAGES_PER_POLL_MAX {
                progress = self.read_page()?;
                if progress != Progress::Skipped {
                    break;
                }
            }
            match progress {
                Progress::Events => return Ok(true),
                Progress::Skipped if Instant::now() < deadline => continue,
                Progress::Skipped => return Ok(false),
                Progress::Idle => {}
            }
            if self.closed() {
                return Err(Error::Closed);
            }
            if !self.prepare_to_sleep(&seqs, None) {
                continue;
            }
            if !self.waiter.sleep_until(deadline) {
                return Ok(false);
            }
        }
    }

    fn seqs(&self) -> Vec<u64> {
        self.cursors
            .iter()
            .map(|c| c.published.signal().seq())
            .collect()
    }

    fn prepare_to_sleep(&self, seqs: &[u64], waker: Option<&std::task::Waker>) -> bool {
        let signals: Vec<&crate::subscription::Signal> =
            self.cursors.iter().map(|c| c.published.signal()).collect();
        prepare_to_sleep(&signals, seqs, &self.waiter, waker)
    }

    fn closed(&self) -> bool {
        self.cursors
            .iter()
            .any(|c| c.published.signal().is_closed())
    }

    /// Reads one page from the first cursor (from `turn` on) whose shard has changes past it.
    fn read_page(&mut self) -> Result<Progress> {
        assert!(
            self.buffer.is_empty(),
            "a page is read once the last is delivered"
        );
        let count = self.cursors.len();
        for k in 0..count {
            let index = (self.turn + k) % count;
            let cursor = &mut self.cursors[index];
            let page = cursor.published.history_from(
                cursor.next,
                SUBSCRIPTION_PAGE_CHANGES_MAX,
                SUBSCRIPTION_PAGE_BYTES_MAX,
            )?;
            let Some(last) = page.changes.last() else {
                continue;
            };
            // Forward only, every change from the cursor on: no duplicate, no gap.
            assert!(
                page.changes[0].position >= cursor.next && last.position < page.next_position,
                "shard {}: a history page from {} holds {}..={} and ends at {}",
                cursor.shard,
                cursor.next,
                page.changes[0].position,
                last.position,
                page.next_position
            );
            cursor.next = page.next_position;
            self.turn = (index + 1) % count;
            let through = page.next_position - 1;
            for change in &page.changes {
                if let Some(event) = self.pattern.event_for(cursor.shard, change) {
                    self.buffer.push_back(event);
                }
            }
            if self.buffer.is_empty() {
                cursor.delivered = through;
                return Ok(Progress::Skipped);
            }
            self.page = Some((index, through));
            return Ok(Progress::Events);
        }
        Ok(Progress::Idle)
    }

    /// Takes the next buffered event, moving its shard's delivered position to the last position
    /// whose events are all taken.
    fn pop(&mut self) -> Option<Event> {
        let event = self.buffer.pop_front()?;
        let (index, through) = self.page.expect("buffered events come from a page");
        let cursor = &mut self.cursors[index];
        let delivered = match self.buffer.front() {
            None => through,
            Some(next) if next.position == event.position => event.position - 1,
            Some(_) => event.position,
        };
        cursor.delivered = cursor.delivered.max(delivered);
        Some(event)
    }
}

impl Drop for Subscription {
    fn drop(&mut self) {
        for cursor in &self.cursors {
            cursor.published.signal().unregister(&self.waiter);
        }
    }
}

/// An in-process handler's thread and its stop flag.
pub(crate) struct HandlerThread {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<Result<()>>>,
}

/// How long a handler thread sleeps before it looks at its stop flag again (the engine's close
/// wakes it at once).
const HANDLER_STOP_CHECK: Duration = Duration::from_millis(50);

impl HandlerThread {
    /// Runs `handler` for every event of `subscription` on a thread of its own, in the
    /// subscription's order, until stopped, the engine closes, or the subscription fails.
    pub(crate) fn spawn(
        name: String,
        mut subscription: Subscription,
        handler: Box<dyn Fn(&Event) + Send>,
    ) -> Result<HandlerThread> {
        let stop = Arc::new(AtomicBool::new(false));
        let stopping = stop.clone();
        let thread = std::thread::Builder::new()
            .name(name)
            .spawn(move || loop {
                if stopping.load(Ordering::Acquire) {
                    return Ok(());
                }
                match subscription.next_batch(SUBSCRIPTION_PAGE_CHANGES_MAX, HANDLER_STOP_CHECK) {
                    Ok(events) => events.iter().for_each(&handler),
                    Err(Error::Closed) => return Ok(()),
                    Err(error) => {
                        tracing::error!(%error, "a subscription handler stopped");
                        return Err(error);
                    }
                }
            })
            .map_err(|e| Error::io("spawning a handler thread", e))?;
        Ok(HandlerThread {
            stop,
            thread: Some(thread),
        })
    }

    /// Stops the thread after the batch it is handling and returns how it ended: `Ok`, or the
    /// error that stopped it (`Compacted` if it fell past the horizon), or `HandlerPanicked`.
    pub(crate) fn stop(mut self) -> Result<()> {
        self.stop.store(true, Ordering::Release);
        match self.thread.take().expect("joined once").join() {
            Ok(outcome) => outcome,
            Err(panic) => Err(Error::HandlerPanicked {
                cause: panic_text(panic.as_ref()),
            }),
        }
    }
}

fn panic_text(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".into())
}

/// The engine's running handlers, by id.
#[derive(Default)]
pub(crate) struct Handlers {
    pub(crate) threads: Mutex<std::collections::BTreeMap<u64, HandlerThread>>,
    pub(crate) next_id: std::sync::atomic::AtomicU64,
}
