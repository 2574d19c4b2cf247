//! The live path of subscriptions: one dispatcher per shard reads the shard's history once, judges
//! each change against every live subscription through one [`SubscriptionIndex`] (identical
//! patterns judged once, for all their subscribers), and pushes each batch's matching events to
//! the live subscribers' inboxes — one shared `Arc<[Event]>` per pattern and batch — waking each
//! subscriber once per page it received something from.
//!
//! A subscription starts in catch-up: it reads the history itself (`stream`). Once its cursor on a
//! shard is past what the shard's dispatcher has dispatched, it *joins*: from then on the
//! dispatcher delivers that shard's batches from the cursor on, and the subscription stops reading
//! there. A dispatcher with no member counts as having dispatched everything published (a join
//! moves `dispatched_through` there first): a subscription from far back reads its catch-up
//! itself, never through the shared dispatcher, whose live subscribers would wait behind it. A subscriber whose inbox would pass its bound is *dropped* by the dispatcher (the batch
//! that does not fit is not pushed): it takes what its inbox holds, then reads the history again
//! from there, and joins again when it has caught up.
//!
//! No gap, no duplicate, at the join and at the drop: both happen under the registry's lock, which
//! the dispatcher holds while it dispatches a page and moves `dispatched_through`. A join with
//! cursor `from` is accepted only if `from > dispatched_through`: the pages the dispatcher
//! dispatches after the join run on from `dispatched_through + 1` as it was then, hence reach
//! `from` with nothing left out (a page it was already reading when a join to an idle dispatcher
//! moved `dispatched_through` lies wholly below `from`), and it skips, for that member, batches
//! below `from` (the subscriber read them). A refused join means the dispatcher already passed the
//! cursor; the subscriber reads the history further and tries again. A drop stops the pushes at a
//! batch boundary; everything pushed before is contiguous from the cursor, so the subscriber's
//! cursor after taking it is where its own reads resume. A subscriber that takes its inbox empty
//! while it is live on a shard moves its cursor to `dispatched_through + 1`, loaded *before* it
//! locked the inbox: the dispatcher pushes a page's deliveries before it publishes its
//! `dispatched_through` (release/acquire), so an empty inbox then means every batch up to there was
//! either taken or not for this subscriber.
//!
//! Wake-ups are the shard signal's protocol (`signal`): each inbox has a [`Signal`] the dispatcher
//! bumps after pushing, and the subscriber registers on it before it sleeps — except a blocked
//! subscriber thread whose cursors are all live, which sleeps on its groups' [`Bell`]s instead:
//! the dispatcher rings each group it pushed to once per page, a single wake for all of the
//! group's sleeping threads (`bell`; a drop and a stop ring it too); so is the dispatcher's
//! own sleep, on the shard's signal while it has members and on its `joins` signal while it has
//! none — a shard with no live subscriber costs its writers nothing more than before (no wake).
//!
//! Limits: an inbox holds at most `EngineConfig::subscription_inbox_events_max` events and
//! `subscription_inbox_bytes_max` estimated bytes (defaults `SUBSCRIPTION_INBOX_*_DEFAULT`; one
//! delivery more than that only into an empty inbox: a batch is never split); the dispatcher reads pages of `SUBSCRIPTION_PAGE_CHANGES_MAX`
//! changes; at most `SUBSCRIPTION_INDEX_PATTERNS_MAX` distinct live patterns per shard (a
//! subscription that cannot join stays in catch-up, which is correct, only slower).

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::error::{Error, Result};
use crate::history::{resource_estimated_bytes, Page};
use crate::limits::{SUBSCRIPTION_PAGE_BYTES_MAX, SUBSCRIPTION_PAGE_CHANGES_MAX};
use crate::state::Published;
use crate::subscription::index::{PatternId, SubscriptionIndex};
use crate::subscription::pattern::{Event, Pattern};
use crate::subscription::signal::{prepare_to_sleep, Signal, Waiter};
use crate::sync::bell::Bell;

/// One batch's matching events for one subscriber (shared with every subscriber of the same
/// pattern).
#[derive(Clone, Debug)]
pub(crate) struct Delivery {
    pub(crate) shard: u16,
    pub(crate) position: u64,
    pub(crate) events: Arc<[Event]>,
    pub(crate) bytes: u64,
}

/// The estimate an event is charged: the history's estimate of its resources, and the event.
pub(crate) fn event_estimated_bytes(event: &Event) -> u64 {
    let side = |r: &Option<Arc<crate::resource::Resource>>| {
        r.as_deref().map_or(0, resource_estimated_bytes)
    };
    std::mem::size_of::<Event>() as u64 + side(&event.old) + side(&event.new)
}

#[derive(Debug)]
pub(crate) struct InboxState {
    deliveries: VecDeque<Delivery>,
    events: usize,
    bytes: u64,
    /// Per shard of the engine: whether that shard's dispatcher delivers here.
    live: Vec<bool>,
    /// Per shard of the engine: how many deliveries of it are queued.
    queued: Vec<usize>,
}

/// A subscriber's inbox: what the dispatchers pushed and it has not taken yet. Bounded.
#[derive(Debug)]
pub(crate) struct Inbox {
    /// Bumped by a dispatcher after it pushed; the subscriber sleeps on it.
    pub(crate) signal: Signal,
    state: Mutex<InboxState>,
    events_max: usize,
    bytes_max: u64,
}

/// What a push did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pushed {
    Queued,
    /// It did not fit: the subscriber is no longer live on that shard.
    Dropped,
}

impl Inbox {
    pub(crate) fn with_bounds(shards: usize, events_max: usize, bytes_max: u64) -> Inbox {
        Inbox {
            signal: Signal::default(),
            state: Mutex::new(InboxState {
                deliveries: VecDeque::new(),
                events: 0,
                bytes: 0,
                live: vec![false; shards],
                queued: vec![0; shards],
            }),
            events_max,
            bytes_max,
        }
    }

    pub(crate) fn lock(&self) -> MutexGuard<'_, InboxState> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn push(&self, delivery: Delivery) -> Pushed {
        let mut state = self.lock();
        let shard = delivery.shard as usize;
        if !state.live[shard] {
            return Pushed::Dropped;
        }
        let fits = state.deliveries.is_empty()
            || (state.events + delivery.events.len() <= self.events_max
                && state.bytes + delivery.bytes <= self.bytes_max);
        if !fits {
            state.live[shard] = false;
            return Pushed::Dropped;
        }
        state.events += delivery.events.len();
        state.bytes += delivery.bytes;
        state.queued[shard] += 1;
        state.deliveries.push_back(delivery);
        Pushed::Queued
    }

    fn set_live(&self, shard: u16, live: bool) {
        self.lock().live[shard as usize] = live;
    }
}

impl InboxState {
    /// The oldest delivery, if any.
    pub(crate) fn pop(&mut self) -> Option<Delivery> {
        let delivery = self.deliveries.pop_front()?;
        self.events -= delivery.events.len();
        self.bytes -= delivery.bytes;
        self.queued[delivery.shard as usize] -= 1;
        Some(delivery)
    }

    pub(crate) fn is_live(&self, shard: u16) -> bool {
        self.live[shard as usize]
    }

    pub(crate) fn queued(&self, shard: u16) -> usize {
        self.queued[shard as usize]
    }

    /// Events and estimated bytes held.
    pub(crate) fn held(&self) -> (usize, u64) {
        (self.events, self.bytes)
    }
}

/// A live subscriber of one shard.
#[derive(Debug)]
struct Member {
    subscriber: u64,
    inbox: Arc<Inbox>,
    /// The first position it wants from the dispatcher (it read the ones before itself).
    from: u64,
}

/// The live subscribers of one pattern, and the bell their blocked threads sleep on together
/// (`bell`).
#[derive(Debug, Default)]
struct Group {
    members: Vec<Member>,
    bell: Arc<Bell>,
}

#[derive(Debug, Default)]
struct Registry {
    index: SubscriptionIndex,
    /// Each distinct live pattern's id in the index: identical patterns are judged once.
    ids: HashMap<Pattern, PatternId>,
    groups: HashMap<PatternId, Group>,
    members: usize,
    /// The dispatcher stopped (close, or it failed): nobody joins any more.
    stopped: bool,
    /// Scratch: one batch's events per pattern, reused.
    pending: HashMap<PatternId, Vec<Event>>,
}

/// One shard's dispatcher state, shared by the dispatcher thread and the subscriptions.
pub struct ShardFeed {
    shard: u16,
    published: Arc<Published>,
    registry: Mutex<Registry>,
    /// The last position whose batches were dispatched: stored only under the registry's lock
    /// (after the page's pushes, release), loaded without it by subscribers (acquire).
    dispatched_through: AtomicU64,
    /// Bumped by every join and by `stop`: what the dispatcher sleeps on while it has no member.
    joins: Signal,
    stop_requested: AtomicBool,
}

impl std::fmt::Debug for ShardFeed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ShardFeed")
            .field("shard", &self.shard)
            .field("dispatched_through", &self.dispatched_through())
            .finish_non_exhaustive()
    }
}

impl ShardFeed {
    pub(crate) fn new(published: Arc<Published>) -> ShardFeed {
        let position = published.position();
        ShardFeed {
            shard: published.shard(),
            registry: Mutex::new(Registry::default()),
            dispatched_through: AtomicU64::new(position),
            published,
            joins: Signal::default(),
            stop_requested: AtomicBool::new(false),
        }
    }

    pub fn shard(&self) -> u16 {
        self.shard
    }

    pub(crate) fn published(&self) -> &Arc<Published> {
        &self.published
    }

    fn lock(&self) -> MutexGuard<'_, Registry> {
        self.registry.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The last position dispatched (acquire: the pushes of its page are visible).
    pub(crate) fn dispatched_through(&self) -> u64 {
        self.dispatched_through.load(Ordering::Acquire)
    }

    /// Live subscribers now (for tests and stats).
    pub fn members(&self) -> usize {
        self.lock().members
    }

    /// Distinct live patterns now.
    pub fn patterns(&self) -> usize {
        self.lock().groups.len()
    }

    /// Makes `subscriber` live from `from` on, and gives the bell of its group: `None` if the
    /// dispatcher already dispatched past `from - 1` (read further, then try again), stopped, or
    /// holds its most patterns.
    pub(crate) fn try_join(
        &self,
        subscriber: u64,
        pattern: &Pattern,
        inbox: &Arc<Inbox>,
        from: u64,
    ) -> Option<Arc<Bell>> {
        let mut registry = self.lock();
        if registry.stopped {
            return None;
        }
        if registry.members == 0 {
            // An idle dispatcher dispatched nothing while nobody listened: everything published
            // so far is for the joiner to read itself. Else the first subscriber from far back
            // would hand its whole catch-up to the dispatcher, and every live subscriber that
            // joins after it would wait for that backlog before its first delivery.
            self.dispatched_through
                .fetch_max(self.published.position(), Ordering::AcqRel);
        }
        // Under the lock, where it is stored: the dispatcher delivers nothing at or below it to a
        // member that joins now, and skips, for that member, whatever it reads below `from`.
        if from <= self.dispatched_through() {
            return None;
        }
        let id = match registry.ids.get(pattern) {
            Some(id) => *id,
            None => match registry.index.insert(pattern.clone()) {
                Ok(id) => {
                    registry.ids.insert(pattern.clone(), id);
                    id
                }
                Err(_) => return None,
            },
        };
        inbox.set_live(self.shard, true);
        let group = registry.groups.entry(id).or_default();
        group.members.push(Member {
            subscriber,
            inbox: inbox.clone(),
            from,
        });
        let bell = group.bell.clone();
        registry.members += 1;
        drop(registry);
        self.joins.bump();
        Some(bell)
    }

    /// Stops delivering to `subscriber` (idempotent). What its inbox holds stays there.
    pub(crate) fn leave(&self, subscriber: u64, pattern: &Pattern, inbox: &Inbox) {
        let mut registry = self.lock();
        let registry = &mut *registry;
        inbox.set_live(self.shard, false);
        let Some(&id) = registry.ids.get(pattern) else {
            return;
        };
        let group = &mut registry
            .groups
            .get_mut(&id)
            .expect("a filed pattern has a group")
            .members;
        let before = group.len();
        group.retain(|m| m.subscriber != subscriber);
        let removed = before - group.len();
        registry.members -= removed;
        if group.is_empty() {
            registry.forget(id);
        }
    }

    /// Asks the dispatcher to stop: it drops every member (who then read the history themselves)
    /// and ends.
    pub(crate) fn request_stop(&self) {
        self.stop_requested.store(true, Ordering::Release);
        self.joins.bump();
        self.published.signal().bump();
    }

    /// Drops every member and refuses joins from now on.
    fn stop(&self) {
        let mut registry = self.lock();
        registry.stopped = true;
        let woken = registry.drop_all(self.shard);
        drop(registry);
        woken.wake();
    }

    /// Dispatches one page (whole batches from `dispatched_through + 1`) and returns whom to wake.
    fn dispatch(&self, page: &Page) -> Woken {
        let mut registry = self.lock();
        let registry = &mut *registry;
        let mut woken = Vec::new();
        let mut bells = Vec::new();
        let mut start = 0;
        while start < page.changes.len() {
            let position = page.changes[start].position;
            let end = start
                + page.changes[start..]
                    .iter()
                    .take_while(|c| c.position == position)
                    .count();
            for change in &page.changes[start..end] {
                let pending = &mut registry.pending;
                registry.index.matches(change, &mut |id, action| {
                    pending.entry(id).or_default().push(Event {
                        shard: self.shard,
                        position,
                        commit_time_ms: change.commit_time_ms,
                        action,
                        old: change.old.clone(),
                        new: change.new.clone(),
                    });
                });
            }
            let mut emptied = Vec::new();
            for (id, events) in registry.pending.drain() {
                let bytes = events.iter().map(event_estimated_bytes).sum();
                let delivery = Delivery {
                    shard: self.shard,
                    position,
                    events: events.into(),
                    bytes,
                };
                let Group { members, bell } = registry
                    .groups
                    .get_mut(&id)
                    .expect("a matched pattern has a group");
                let before = members.len();
                let woken_before = woken.len();
                members.retain(|member| {
                    if position < member.from {
                        return true;
                    }
                    let pushed = member.inbox.push(delivery.clone());
                    // A dropped member is woken too: it has its inbox to take, then reads.
                    woken.push(member.inbox.clone());
                    pushed == Pushed::Queued
                });
                if woken.len() > woken_before {
                    bells.push(bell.clone());
                }
                registry.members -= before - members.len();
                if members.is_empty() {
                    emptied.push(id);
                }
            }
            for id in emptied {
                registry.forget(id);
            }
            start = end;
        }
        // A join with no member may have moved it past this page (`try_join`): never back.
        self.dispatched_through
            .fetch_max(page.next_position - 1, Ordering::AcqRel);
        woken.sort_by_key(|inbox| Arc::as_ptr(inbox) as usize);
        woken.dedup_by(|a, b| Arc::ptr_eq(a, b));
        bells.sort_by_key(|bell| Arc::as_ptr(bell) as usize);
        bells.dedup_by(|a, b| Arc::ptr_eq(a, b));
        Woken {
            inboxes: woken,
            bells,
        }
    }
}

/// Whom a dispatch, a drop or a stop wakes: each inbox through its signal (its subscriber may
/// sleep there, or be a task), then each group's bell (its blocked threads, all at once).
#[derive(Default)]
struct Woken {
    inboxes: Vec<Arc<Inbox>>,
    bells: Vec<Arc<Bell>>,
}

impl Woken {
    fn wake(self) {
        for inbox in self.inboxes {
            inbox.signal.bump();
        }
        for bell in self.bells {
            bell.ring();
        }
    }
}

impl Registry {
    fn forget(&mut self, id: PatternId) {
        self.groups.remove(&id);
        if let Some(pattern) = self.index.remove(id) {
            self.ids.remove(&pattern);
        }
    }

    fn drop_all(&mut self, shard: u16) -> Woken {
        let mut woken = Woken::default();
        for (_, group) in self.groups.drain() {
            for member in group.members {
                member.inbox.set_live(shard, false);
                woken.inboxes.push(member.inbox);
            }
            woken.bells.push(group.bell);
        }
        self.ids.clear();
        self.index = SubscriptionIndex::new();
        self.members = 0;
        woken
    }
}

/// A shard's dispatcher thread; stopped and joined on drop.
pub(crate) struct Dispatcher {
    feed: Arc<ShardFeed>,
    thread: Option<JoinHandle<()>>,
}

/// How long the dispatcher sleeps before it looks at its stop flag again (a stop also wakes it).
const DISPATCHER_STOP_CHECK: Duration = Duration::from_millis(100);

impl Dispatcher {
    pub(crate) fn spawn(feed: Arc<ShardFeed>) -> Result<Dispatcher> {
        let running = feed.clone();
        let thread = std::thread::Builder::new()
            .name(format!("aorta-dispatch-{}", feed.shard))
            .spawn(move || {
                let outcome =
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(&running)));
                if outcome.is_err() {
                    tracing::error!(
                        shard = running.shard,
                        "the subscription dispatcher panicked; subscribers read the history"
                    );
                }
                // Whatever ended it, nobody may wait on it any more.
                running.stop();
            })
            .map_err(|e| Error::io("spawning a subscription dispatcher", e))?;
        Ok(Dispatcher {
            feed,
            thread: Some(thread),
        })
    }

    pub(crate) fn feed(&self) -> &Arc<ShardFeed> {
        &self.feed
    }
}

impl Drop for Dispatcher {
    fn drop(&mut self) {
        self.feed.request_stop();
        if let Some(thread) = self.thread.take() {
            if thread.join().is_err() {
                tracing::error!("a subscription dispatcher thread panicked outside its guard");
            }
        }
    }
}

/// The dispatcher's loop: read a page from the next position, dispatch it, wake who got something;
/// sleep when there is nothing to read, or no member to read for.
fn run(feed: &ShardFeed) {
    let signal = feed.published.signal();
    let waiter = crate::sync::prim::Arc::new(Waiter::default());
    let mut next = feed.dispatched_through() + 1;
    let mut had_members = false;
    loop {
        if feed.stop_requested.load(Ordering::Acquire) {
            break;
        }
        // With no member, sleep on joins (writers then wake nobody); skip to a joiner's cursor.
        let joins_seq = feed.joins.seq();
        let members = {
            let registry = feed.lock();
            if registry.members > 0 && !had_members {
                // Every member's `from` is past `dispatched_through`: nothing below the smallest
                // is anybody's.
                let first = registry
                    .groups
                    .values()
                    .flat_map(|g| &g.members)
                    .map(|m| m.from)
                    .min()
                    .expect("members");
                next = next.max(first);
                feed.dispatched_through
                    .fetch_max(next - 1, Ordering::AcqRel);
            }
            registry.members
        };
        had_members = members > 0;
        if members == 0 {
            if prepare_to_sleep(&[&feed.joins], &[joins_seq], &waiter, None) {
                waiter.sleep_until(Instant::now() + DISPATCHER_STOP_CHECK);
            }
            feed.joins.unregister(&waiter);
            continue;
        }
        // A join to an idle dispatcher may have moved `dispatched_through` past `next` (its last
        // member left mid-page): no member wants anything up to there.
        next = next.max(feed.dispatched_through() + 1);
        let seq = signal.seq();
        match feed.published.history_from(
            next,
            SUBSCRIPTION_PAGE_CHANGES_MAX,
            SUBSCRIPTION_PAGE_BYTES_MAX,
        ) {
            Ok(page) if page.changes.is_empty() => {
                if signal.is_closed() {
                    break;
                }
                if prepare_to_sleep(&[signal, &feed.joins], &[seq, joins_seq], &waiter, None) {
                    waiter.sleep_until(Instant::now() + DISPATCHER_STOP_CHECK);
                }
            }
            Ok(page) => {
                assert!(
                    page.changes[0].position >= next,
                    "shard {}: the dispatcher read {} from {}",
                    feed.shard,
                    page.changes[0].position,
                    next
                );
                feed.dispatch(&page).wake();
                next = page.next_position;
            }
            Err(Error::Compacted { .. }) => {
                // It fell past the horizon (starved for long): every member reads the history
                // itself (and gets `Compacted` there if it must); dispatch from now on.
                let mut registry = feed.lock();
                let woken = registry.drop_all(feed.shard);
                next = feed.published.position() + 1;
                feed.dispatched_through
                    .fetch_max(next - 1, Ordering::AcqRel);
                drop(registry);
                had_members = false;
                tracing::warn!(
                    shard = feed.shard,
                    "the subscription dispatcher fell past the history horizon; members dropped"
                );
                woken.wake();
            }
            Err(error) => {
                tracing::error!(shard = feed.shard, %error, "the subscription dispatcher stopped");
                break;
            }
        }
    }
    signal.unregister(&waiter);
    feed.joins.unregister(&waiter);
}
