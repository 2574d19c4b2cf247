//! Shared by the subscription tests: reading a subscription until it has delivered what is
//! expected, a minimal executor for the async form, and an independent statement of which event a
//! pattern's subscriber receives (so the tests do not check the matcher against itself).
#![allow(dead_code)]

use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use std::thread::Thread;
use std::time::Duration;

use aorta_engine::query::TagSelector;
use aorta_engine::state::Action;
use aorta_engine::subscription::{Event, EventAction, Subscription};
use aorta_engine::Resource;

/// Long enough never to fire on a healthy run: a test waits this long only when it is failing.
pub const PATIENCE: Duration = Duration::from_secs(60);

/// Takes events by whole batches until at least `count` are taken; fails if none comes within
/// `PATIENCE`.
pub fn take(subscription: &mut Subscription, count: usize) -> Vec<Event> {
    let mut events = Vec::new();
    while events.len() < count {
        let batch = subscription
            .next_batch(count - events.len(), PATIENCE)
            .unwrap();
        assert!(
            !batch.is_empty(),
            "no event within {PATIENCE:?} after {} of {count}",
            events.len()
        );
        events.extend(batch);
    }
    events
}

/// Checks that nothing more is readable now.
pub fn assert_nothing_more(subscription: &mut Subscription) {
    let more = subscription.next(Duration::ZERO).unwrap();
    assert!(more.is_none(), "an unexpected event: {more:?}");
}

/// Which event a subscriber of (`root`, `subtree`, `selector`) receives for a change, written out
/// from the table, independently of `Pattern::judge`.
pub fn expected_action(
    root: &str,
    subtree: bool,
    selector: Option<&TagSelector>,
    action: Action,
    old: Option<&Resource>,
    new: Option<&Resource>,
) -> Option<EventAction> {
    let selects = |r: &Resource| {
        let in_scope = if subtree {
            root == "/" || r.namespace == root || r.namespace.starts_with(&format!("{root}/"))
        } else {
            r.namespace == root
        };
        in_scope && selector.is_none_or(|s| s.matches(&r.tags))
    };
    let before = old.is_some_and(selects);
    let after = new.is_some_and(selects);
    match action {
        Action::Created if after => Some(EventAction::Created),
        Action::Deleted if before => Some(EventAction::Deleted),
        Action::Updated if before && after => Some(EventAction::Updated),
        Action::Updated if after => Some(EventAction::Entered),
        Action::Updated if before => Some(EventAction::Left),
        _ => None,
    }
}

struct ThreadWaker(Thread);

impl Wake for ThreadWaker {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }
}

/// Runs a future to completion on this thread, parking between polls.
pub fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let waker = Waker::from(Arc::new(ThreadWaker(std::thread::current())));
    let mut cx = Context::from_waker(&waker);
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return output;
        }
        std::thread::park();
    }
}
