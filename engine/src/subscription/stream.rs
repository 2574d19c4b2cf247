//! A subscription's stream: per shard, a cursor that either reads the shard's history itself in
//! pages (catch-up) or, once it has caught up with the shard's dispatcher, takes the batches the
//! dispatcher pushes to its inbox (live); the shards' streams merged into one. A subscriber drops
//! back to reading when its inbox fills, and joins again when it has caught up (see `dispatch`
//! for why neither switch can lose or repeat a change).
//!
//! Invariants: within a shard, events come in commit order, each change at most once (a cursor
//! only moves forward, to one past the last batch of the page it read or the delivery it took;
//! asserted) and none skipped (a page holds every change from the cursor on, whole batches; a
//! dispatcher delivers every matching batch from the cursor at the join on); the resume token of
//! a shard is the last position whose every event was delivered.
//!
//! Memory: one page of one shard's history or one delivery at a time — at most
//! `SUBSCRIPTION_PAGE_CHANGES_MAX` changes and `SUBSCRIPTION_PAGE_BYTES_MAX` estimated bytes, or
//! one batch if it is larger — of which only the matching changes are kept, as `Arc`s shared with
//! the history when the page came from memory; plus the inbox, bounded by
//! `EngineConfig::subscription_inbox_events_max` events and `subscription_inbox_bytes_max`
//! estimated bytes. A
//! slow subscriber holds no more: past its inbox's bound it falls behind in the history, and past
//! the history's horizon gets `Compacted`.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::error::{Error, Result};
use crate::filter::Reader;
use crate::limits::{
    SUBSCRIPTION_PAGES_PER_POLL_MAX, SUBSCRIPTION_PAGE_BYTES_MAX, SUBSCRIPTION_PAGE_CHANGES_MAX,
};
use crate::query::{QueryError, Scope};
use crate::routing::shard_for_namespace;
use crate::subscription::dispatch::{event_estimated_bytes, Inbox, ShardFeed};
use crate::subscription::pattern::{Actions, Event, Pattern};
use crate::subscription::signal::{prepare_to_sleep, Waiter};
use crate::sync::bell::{self, Bell, Waited};

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

/// Events taken at once ([`Subscription::next_events`]): whole batches, in the order
/// [`Subscription::next_batch`] gives them. A batch delivered live is held as the dispatcher made
/// it — one `Arc<[Event]>` shared by every subscriber of the pattern — and events read from the
/// history as their own; [`EventBatch::iter`] lends them all, [`EventBatch::into_vec`] copies.
#[derive(Clone, Debug, Default)]
pub struct EventBatch {
    parts: Vec<Part>,
    len: usize,
}

#[derive(Clone, Debug)]
enum Part {
    Shared(Arc<[Event]>),
    Owned(Vec<Event>),
}

impl Part {
    fn events(&self) -> &[Event] {
        match self {
            Part::Shared(events) => events,
            Part::Owned(events) => events,
        }
    }
}

/// What [`EventBatch::iter`] returns: the events, in order, lent.
pub struct EventBatchIter<'a> {
    parts: std::slice::Iter<'a, Part>,
    current: std::slice::Iter<'a, Event>,
}

impl<'a> Iterator for EventBatchIter<'a> {
    type Item = &'a Event;

    fn next(&mut self) -> Option<&'a Event> {
        loop {
            if let Some(event) = self.current.next() {
                return Some(event);
            }
            self.current = self.parts.next()?.events().iter();
        }
    }
}

impl EventBatch {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The events, in order.
    pub fn iter(&self) -> EventBatchIter<'_> {
        EventBatchIter {
            parts: self.parts.iter(),
            current: [].iter(),
        }
    }

    pub fn last(&self) -> Option<&Event> {
        self.parts.last().and_then(|part| part.events().last())
    }

    /// The events as a vector of their own (each event of a shared batch cloned).
    pub fn into_vec(self) -> Vec<Event> {
        let mut events = Vec::with_capacity(self.len);
        for part in self.parts {
            match part {
                Part::Shared(shared) => events.extend(shared.iter().cloned()),
                Part::Owned(owned) => events.extend(owned),
            }
        }
        events
    }

    fn push_shared(&mut self, events: Arc<[Event]>) {
        self.len += events.len();
        self.parts.push(Part::Shared(events));
    }

    fn push_owned(&mut self, events: Vec<Event>) {
        if events.is_empty() {
            return;
        }
        self.len += events.len();
        self.parts.push(Part::Owned(events));
    }
}

impl<'a> IntoIterator for &'a EventBatch {
    type Item = &'a Event;
    type IntoIter = EventBatchIter<'a>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl IntoIterator for EventBatch {
    type Item = Event;
    type IntoIter = std::vec::IntoIter<Event>;

    fn into_iter(self) -> Self::IntoIter {
        self.into_vec().into_iter()
    }
}

struct Cursor {
    shard: u16,
    feed: Arc<ShardFeed>,
    /// The next position to read (or to be delivered from the inbox).
    next: u64,
    /// The last position whose every matching event was delivered.
    delivered: u64,
    /// Whether the shard's dispatcher delivers to the inbox (as far as this side knows: the
    /// dispatcher may have dropped it since, which the next look at the inbox finds).
    joined: bool,
    /// The bell of its group at the dispatcher, while joined: what a blocked `next_batch` sleeps
    /// on (`bell`).
    bell: Option<Arc<Bell>>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Progress {
    /// The buffer holds events.
    Events,
    /// A page was read and nothing in it matched.
    Skipped,
    /// Every cursor is at the end of its shard's history, or joined with nothing in the inbox.
    Idle,
}

/// Subscriptions' ids: they tell members of a dispatcher apart.
static NEXT_SUBSCRIBER_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// One subscriber's stream of events. See the module doc.
pub struct Subscription {
    id: u64,
    /// The pattern as the subscriber asked for it.
    pattern: Pattern,
    /// The pattern changes are matched with (by the dispatchers, and the history pages read
    /// here): `pattern` itself, or, with a reader, `pattern` asking for every action, so that the
    /// reader can judge each change whole before the asked actions are applied (an update the
    /// pattern sees as `Updated` is `Left` for a principal who may not read its new side).
    matching: Pattern,
    /// The principal's read check, applied to each event as it is handed out; `None`: root.
    reader: Option<Reader>,
    /// Every shard of the engine, in order: the token covers them all.
    positions: Vec<u64>,
    cursors: Vec<Cursor>,
    /// What the dispatchers of the shards it is live on pushed (bounded).
    inbox: Arc<Inbox>,
    /// The matching events of the last page read or delivery taken, and which cursor and
    /// position it went through.
    buffer: VecDeque<Event>,
    /// A live delivery taken whole and not copied yet (no reader judges its events): the
    /// dispatcher's `Arc<[Event]>`, shared with every subscriber of the pattern, handed out
    /// whole by `next_events`, copied into `buffer` for the event-at-a-time calls. Set only
    /// while `buffer` is empty; `page` names its cursor and position.
    shared: Option<Arc<[Event]>>,
    page: Option<(usize, u64)>,
    /// The cursor the next read starts from, so that a busy shard does not starve the others.
    turn: usize,
    /// Whether the next step looks at the inbox before the history, alternately, so that
    /// neither starves the other.
    inbox_first: bool,
    /// `sync::prim::Arc`: the signal's protocol is model-checked under loom.
    waiter: crate::sync::prim::Arc<Waiter>,
    /// Times a cursor joined its shard's dispatcher, and times a dispatcher dropped it.
    joins: u64,
    drops: u64,
}

/// What a subscription watched before its reads found nothing: which cursors were joined, and
/// the sequence numbers of its inbox's signal and of its other cursors' shards' signals.
struct Watch {
    joined: Vec<bool>,
    seqs: Vec<u64>,
}

impl Subscription {
    /// A subscription of `pattern` (already valid) over the engine's shards' feeds.
    pub(crate) fn open(
        pattern: Pattern,
        start: Start,
        shards: Vec<Arc<ShardFeed>>,
        inbox_bounds: (usize, u64),
        reader: Option<Reader>,
    ) -> Result<Subscription> {
        let count = shards.len();
        let positions: Vec<u64> = match start {
            Start::Now => shards.iter().map(|f| f.published().position()).collect(),
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
            let feed = shards[shard as usize].clone();
            let after = positions[shard as usize];
            // Probe: a start past the horizon is refused now, not at the first read.
            feed.published()
                .history_from(after + 1, 1, SUBSCRIPTION_PAGE_BYTES_MAX)?;
            cursors.push(Cursor {
                shard,
                feed,
                next: after + 1,
                delivered: after,
                joined: false,
                bell: None,
            });
        }
        let matching = match reader {
            Some(_) => pattern.clone().with_actions(Actions::ALL),
            None => pattern.clone(),
        };
        let mut subscription = Subscription {
            id: NEXT_SUBSCRIBER_ID.fetch_add(1, Ordering::Relaxed),
            pattern,
            matching,
            reader,
            positions,
            cursors,
            inbox: Arc::new(Inbox::with_bounds(count, inbox_bounds.0, inbox_bounds.1)),
            joins: 0,
            drops: 0,
            buffer: VecDeque::new(),
            shared: None,
            page: None,
            turn: 0,
            inbox_first: true,
            waiter: crate::sync::prim::Arc::new(Waiter::default()),
        };
        // A start at the present joins at once; an older one reads the history first.
        for index in 0..subscription.cursors.len() {
            subscription.try_join(index);
        }
        Ok(subscription)
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
    /// the last page read or delivery taken, and those its inbox holds, with their estimated
    /// bytes (as the history charges them). Bounded by one page (`SUBSCRIPTION_PAGE_CHANGES_MAX`
    /// changes, `SUBSCRIPTION_PAGE_BYTES_MAX` bytes, or one larger batch) plus the inbox's
    /// bounds (`EngineConfig::subscription_inbox_events_max` and `subscription_inbox_bytes_max`,
    /// or one larger batch).
    pub fn buffered(&self) -> (usize, u64) {
        let shared = self.shared.as_deref().unwrap_or_default();
        let bytes: u64 = self
            .buffer
            .iter()
            .chain(shared)
            .map(event_estimated_bytes)
            .sum();
        let (inbox_events, inbox_bytes) = self.inbox.lock().held();
        (
            self.buffer.len() + shared.len() + inbox_events,
            bytes + inbox_bytes,
        )
    }

    /// Whether the subscription is live on every shard it involves (its events pushed by the
    /// shards' dispatchers) rather than reading some shard's history itself.
    pub fn is_live(&self) -> bool {
        let inbox = self.inbox.lock();
        self.cursors
            .iter()
            .all(|c| c.joined && inbox.is_live(c.shard))
    }

    /// How many times a cursor joined its shard's dispatcher (went live), and how many times a
    /// dispatcher dropped it back to reading the history (its inbox was full, or the dispatcher
    /// stopped).
    pub fn live_switches(&self) -> (u64, u64) {
        (self.joins, self.drops)
    }

    /// The next event, waiting up to `timeout` for one; `None` if none came. `Compacted` if the
    /// subscriber fell behind a shard's history horizon; `Closed` once the engine is closed and
    /// everything readable was delivered.
    pub fn next(&mut self, timeout: Duration) -> Result<Option<Event>> {
        let deadline = Instant::now() + timeout;
        loop {
            if !self.ready(deadline)? {
                return Ok(None);
            }
            if let Some(event) = self.pop_readable() {
                return Ok(Some(event));
            }
        }
    }

    /// The events of at least one whole batch (of one shard), and of more whole batches when
    /// they are already read or delivered, as long as all of them fit in `max` events (one
    /// batch larger than `max` comes alone); waits up to `timeout` for the first. Empty if none
    /// came. The resume token afterwards is exact. Each event its own copy:
    /// [`Subscription::next_events`] gives the same without copying live batches.
    pub fn next_batch(&mut self, max: usize, timeout: Duration) -> Result<Vec<Event>> {
        Ok(self.next_events(max, timeout)?.into_vec())
    }

    /// What [`Subscription::next_batch`] gives, as an [`EventBatch`]: a batch delivered live is
    /// the dispatcher's own, shared with every subscriber of the same pattern, not copied event
    /// by event. Copying is what costs: each event holds its resources by `Arc`, and 100
    /// subscriber threads cloning and dropping the same events bounce those counts' cache lines
    /// between the cores — measured, a fifth of the subscriber threads' CPU
    /// (`docs/benchmarks.md`, "Batches shared, not copied").
    pub fn next_events(&mut self, max: usize, timeout: Duration) -> Result<EventBatch> {
        let max = max.max(1);
        let deadline = Instant::now() + timeout;
        let mut batch = EventBatch::default();
        loop {
            if !self.ready(deadline)? {
                return Ok(batch);
            }
            loop {
                if let Some(events) = self.shared.take() {
                    // One whole batch: taken whole, or left for the next call.
                    if !batch.is_empty() && batch.len() + events.len() > max {
                        self.shared = Some(events);
                        break;
                    }
                    let (index, through) = self.page.expect("a delivery names its cursor");
                    let cursor = &mut self.cursors[index];
                    cursor.delivered = cursor.delivered.max(through);
                    batch.push_shared(events);
                } else {
                    // One allocation for what the buffer holds, not a doubling per few events
                    // (100 subscriber threads each growing a vector per batch showed up as page
                    // faults).
                    let mut owned = Vec::with_capacity(self.buffer.len().min(max));
                    while let Some(front) = self.buffer.front() {
                        let taken = batch.len() + owned.len();
                        // A batch is a position of a shard: two shards may each have one at
                        // the same position.
                        let same_batch =
                            owned.last().or(batch.last()).is_some_and(|last: &Event| {
                                (last.shard, last.position) == (front.shard, front.position)
                            });
                        if taken > 0 && !same_batch {
                            // Another whole batch only if all of it fits.
                            let batch_of = (front.shard, front.position);
                            let next = self
                                .buffer
                                .iter()
                                .take_while(|e| (e.shard, e.position) == batch_of)
                                .count();
                            if taken + next > max {
                                break;
                            }
                        }
                        owned.extend(self.pop());
                    }
                    batch.push_owned(owned);
                    if !self.buffer.is_empty() {
                        break;
                    }
                }
                if batch.len() >= max || !self.take_delivery() {
                    break;
                }
            }
            // Empty only if every event taken was one the principal may not read: wait on.
            if !batch.is_empty() {
                return Ok(batch);
            }
        }
    }

    /// The next event, as a future: pending until one is committed. Catch-up reads history
    /// pages in `poll` (from memory, or from mapped history files); live events come from the
    /// inbox.
    pub async fn next_async(&mut self) -> Result<Event> {
        std::future::poll_fn(|cx| self.poll_next(cx)).await
    }

    fn poll_next(&mut self, cx: &mut Context<'_>) -> Poll<Result<Event>> {
        if let Some(event) = self.pop_readable() {
            return Poll::Ready(Ok(event));
        }
        for _ in 0..SUBSCRIPTION_PAGES_PER_POLL_MAX {
            let watch = self.watch();
            match self.step() {
                Err(error) => return Poll::Ready(Err(error)),
                Ok(Progress::Events) => match self.pop_readable() {
                    Some(event) => return Poll::Ready(Ok(event)),
                    // Every event of the page was one the principal may not read.
                    None => continue,
                },
                Ok(Progress::Skipped) => continue,
                Ok(Progress::Idle) => {
                    if self.closed() {
                        if self.leave_all() {
                            continue;
                        }
                        return Poll::Ready(Err(Error::Closed));
                    }
                    if !self.prepare_to_sleep(&watch, Some(cx.waker())) {
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
            if self.holds_events() {
                return Ok(true);
            }
            // Read before the inbox is looked at (step (1) of `bell`'s protocol).
            let bells = self.bells_seen();
            let watch = self.watch();
            let mut progress = Progress::Skipped;
            for _ in 0..SUBSCRIPTION_PAGES_PER_POLL_MAX {
                progress = self.step()?;
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
                if self.leave_all() {
                    continue;
                }
                return Err(Error::Closed);
            }
            if let Some(bells) = &bells {
                // By address: a cursor keeps its old bell's `Arc` until a join hands it the new
                // one, so a rejoin to a new group always shows a different address (and a second
                // drop in the same pass would need a stopped dispatcher, which refuses joins).
                let moved = self.cursors.iter().zip(bells).any(|(c, (bell, _))| {
                    !c.joined || c.bell.as_ref().is_none_or(|now| Arc::as_ptr(now) != *bell)
                });
                if moved {
                    // Dropped since (it reads the history now), or dropped and joined again,
                    // maybe to a new group: look again with the bells of now.
                    continue;
                }
                let bells: Vec<(&Bell, u32)> = self
                    .cursors
                    .iter()
                    .zip(bells)
                    .map(|(c, (_, seen))| (&**c.bell.as_ref().expect("joined"), *seen))
                    .collect();
                match bell::wait_any(&bells, deadline) {
                    Waited::Rang => continue,
                    Waited::TimedOut => return Ok(false),
                    Waited::Unsupported => {}
                }
            }
            if !self.prepare_to_sleep(&watch, None) {
                continue;
            }
            if !self.waiter.sleep_until(deadline) {
                return Ok(false);
            }
        }
    }

    /// When every cursor is live: each one's group bell and what its word holds now. A blocked
    /// subscriber then sleeps on those bells, which its dispatchers ring once per page for the
    /// whole group; else (some cursor reads the history itself, whose shard signal it must sleep
    /// on) `None`.
    /// (Each bell by its address: a clone of its `Arc` would be one more write to a cache line
    /// that every subscriber of the group shares.)
    fn bells_seen(&self) -> Option<Vec<(*const Bell, u32)>> {
        if !bell::available() || self.cursors.len() > bell::BELLS_PER_WAIT_MAX {
            return None;
        }
        self.cursors
            .iter()
            .map(|c| {
                let bell = c.bell.as_ref().filter(|_| c.joined)?;
                Some((Arc::as_ptr(bell), bell.seen()))
            })
            .collect()
    }

    /// One unit of progress: a delivery taken from the inbox or a page read from a shard's
    /// history, in alternating order of preference.
    fn step(&mut self) -> Result<Progress> {
        let inbox_first = self.inbox_first;
        self.inbox_first = !inbox_first;
        if inbox_first && self.take_delivery() {
            return Ok(Progress::Events);
        }
        match self.read_page()? {
            Progress::Idle => {}
            progress => return Ok(progress),
        }
        if !inbox_first && self.take_delivery() {
            return Ok(Progress::Events);
        }
        Ok(Progress::Idle)
    }

    fn watch(&self) -> Watch {
        let mut seqs = vec![self.inbox.signal.seq()];
        seqs.extend(
            self.cursors
                .iter()
                .filter(|c| !c.joined)
                .map(|c| c.feed.published().signal().seq()),
        );
        Watch {
            joined: self.cursors.iter().map(|c| c.joined).collect(),
            seqs,
        }
    }

    /// Registers to be woken by the inbox and by the shards it reads itself, and says whether
    /// it may sleep: not if anything moved since `watch` was taken.
    fn prepare_to_sleep(&self, watch: &Watch, waker: Option<&std::task::Waker>) -> bool {
        if self
            .cursors
            .iter()
            .zip(&watch.joined)
            .any(|(c, joined)| c.joined != *joined)
        {
            return false;
        }
        let mut signals: Vec<&crate::subscription::Signal> = vec![&self.inbox.signal];
        signals.extend(
            self.cursors
                .iter()
                .filter(|c| !c.joined)
                .map(|c| c.feed.published().signal()),
        );
        prepare_to_sleep(&signals, &watch.seqs, &self.waiter, waker)
    }

    fn closed(&self) -> bool {
        self.cursors
            .iter()
            .any(|c| c.feed.published().signal().is_closed())
    }

    /// Joins cursor `index`'s shard's dispatcher if the cursor is past what it dispatched.
    fn try_join(&mut self, index: usize) {
        let cursor = &mut self.cursors[index];
        if cursor.joined || cursor.next <= cursor.feed.dispatched_through() {
            return;
        }
        if let Some(bell) = cursor
            .feed
            .try_join(self.id, &self.matching, &self.inbox, cursor.next)
        {
            cursor.joined = true;
            cursor.bell = Some(bell);
            self.joins += 1;
            // Its shard's bumps are the dispatcher's business now.
            cursor.feed.published().signal().unregister(&self.waiter);
        }
    }

    /// Leaves every dispatcher (the engine is closing): what the inbox holds is taken, the rest
    /// read from the history. Whether any cursor was joined.
    fn leave_all(&mut self) -> bool {
        let mut any = false;
        for cursor in &mut self.cursors {
            if cursor.joined {
                cursor.feed.leave(self.id, &self.matching, &self.inbox);
                cursor.joined = false;
                any = true;
            }
        }
        any
    }

    /// Takes the oldest delivery from the inbox into the buffer; moves a joined cursor with
    /// nothing queued to what its dispatcher dispatched; notices a dispatcher that dropped it.
    fn take_delivery(&mut self) -> bool {
        assert!(
            !self.holds_events(),
            "a delivery is taken once the last is delivered"
        );
        // Loaded before the inbox's lock: see `dispatch`'s module doc.
        let through: Vec<Option<u64>> = self
            .cursors
            .iter()
            .map(|c| c.joined.then(|| c.feed.dispatched_through()))
            .collect();
        let mut inbox = self.inbox.lock();
        let delivery = inbox.pop();
        for (cursor, through) in self.cursors.iter_mut().zip(through) {
            let Some(through) = through else {
                continue;
            };
            if !inbox.is_live(cursor.shard) {
                // Dropped (its inbox was full, or the dispatcher stopped): take what is queued,
                // then read the history from there.
                cursor.joined = false;
                self.drops += 1;
                continue;
            }
            let taking = delivery.as_ref().is_some_and(|d| d.shard == cursor.shard);
            if inbox.queued(cursor.shard) == 0 && !taking {
                cursor.next = cursor.next.max(through + 1);
                cursor.delivered = cursor.delivered.max(through);
            }
        }
        drop(inbox);
        let Some(delivery) = delivery else {
            return false;
        };
        let index = self
            .cursors
            .iter()
            .position(|c| c.shard == delivery.shard)
            .expect("delivered by a shard the pattern involves");
        let cursor = &mut self.cursors[index];
        // Forward only: no duplicate, no gap (see `dispatch`).
        assert!(
            delivery.position >= cursor.next,
            "shard {}: a delivery at {} behind the cursor at {}",
            cursor.shard,
            delivery.position,
            cursor.next
        );
        cursor.next = delivery.position + 1;
        if self.reader.is_none() {
            // Copied only if taken event by event (`pop`).
            self.shared = Some(delivery.events);
        } else {
            // Judged event by event for the reader (`pop`).
            self.buffer.extend(delivery.events.iter().cloned());
        }
        self.page = Some((index, delivery.position));
        true
    }

    /// Whether events taken from a page or a delivery wait to be handed out.
    fn holds_events(&self) -> bool {
        !self.buffer.is_empty() || self.shared.is_some()
    }

    /// Reads one page from the first cursor (from `turn` on) that reads its shard's history
    /// itself and whose shard has changes past it; then joins that shard's dispatcher if it
    /// caught up with it.
    fn read_page(&mut self) -> Result<Progress> {
        assert!(
            !self.holds_events(),
            "a page is read once the last is delivered"
        );
        let count = self.cursors.len();
        for k in 0..count {
            let index = (self.turn + k) % count;
            if self.cursors[index].joined || self.inbox.lock().queued(self.cursors[index].shard) > 0
            {
                // Live there, or deliveries from before a drop still to take first.
                continue;
            }
            let cursor = &mut self.cursors[index];
            let page = cursor.feed.published().history_from(
                cursor.next,
                SUBSCRIPTION_PAGE_CHANGES_MAX,
                SUBSCRIPTION_PAGE_BYTES_MAX,
            )?;
            let Some(last) = page.changes.last() else {
                self.try_join(index);
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
                if let Some(event) = self.matching.event_for(cursor.shard, change) {
                    self.buffer.push_back(event);
                }
            }
            let progress = if self.buffer.is_empty() {
                cursor.delivered = through;
                Progress::Skipped
            } else {
                self.page = Some((index, through));
                Progress::Events
            };
            self.try_join(index);
            return Ok(progress);
        }
        Ok(Progress::Idle)
    }

    /// Takes buffered events until one the principal may read, or the buffer is empty.
    fn pop_readable(&mut self) -> Option<Event> {
        while self.holds_events() {
            if let Some(event) = self.pop() {
                return Some(event);
            }
        }
        None
    }

    /// Takes the next buffered event, moving its shard's delivered position to the last position
    /// whose events are all taken; returns it as the principal may see it (`ReadRights::judge`,
    /// by the rules enforced now), or `None` if it may not see it or the buffer is empty.
    fn pop(&mut self) -> Option<Event> {
        if self.buffer.is_empty() {
            if let Some(shared) = self.shared.take() {
                self.buffer.extend(shared.iter().cloned());
            }
        }
        let event = self.buffer.pop_front()?;
        let (index, through) = self.page.expect("buffered events come from a page");
        let cursor = &mut self.cursors[index];
        let delivered = match self.buffer.front() {
            None => through,
            Some(next) if next.position == event.position => event.position - 1,
            Some(_) => event.position,
        };
        cursor.delivered = cursor.delivered.max(delivered);
        match &self.reader {
            None => Some(event),
            Some(reader) => reader.now().judge(event, self.pattern.actions),
        }
    }
}

impl Drop for Subscription {
    fn drop(&mut self) {
        self.leave_all();
        for cursor in &self.cursors {
            cursor.feed.published().signal().unregister(&self.waiter);
        }
        self.inbox.signal.unregister(&self.waiter);
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
                match subscription.next_events(SUBSCRIPTION_PAGE_CHANGES_MAX, HANDLER_STOP_CHECK) {
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
