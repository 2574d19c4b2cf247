//! A subscription as a principal is checked against its read rules: a pattern where it may read
//! nothing is `ReadDenied` at once; then it receives only the changes it may read — live and in
//! catch-up, blocking and async alike. What it may not read is, to it, outside the pattern: an
//! update that changes a resource's type to a hidden one is `Left` without the new resource, one
//! from a hidden type is `Entered` without the old one, and changes that stay hidden are not
//! delivered at all. The actions it asked for apply to what it sees (`Left` only: the update the
//! pattern alone would call `Updated`).

mod filters_common;
mod subscription_common;

use aorta_engine::subscription::{Actions, Event, EventAction, Pattern, Start, Subscription};
use aorta_engine::{Batch, Command, Engine, Rejection};
use filters_common::*;
use subscription_common::{assert_nothing_more, block_on, take};

/// What a subscriber was told: position, action, and the old and new types it was handed.
type Seen = (u64, EventAction, Option<String>, Option<String>);

fn seen(events: &[Event]) -> Vec<Seen> {
    let kind =
        |r: &Option<std::sync::Arc<aorta_engine::Resource>>| r.as_ref().map(|r| r.kind.clone());
    events
        .iter()
        .map(|e| (e.position, e.action, kind(&e.old), kind(&e.new)))
        .collect()
}

fn commit(engine: &Engine, command: Command) -> u64 {
    engine.commit(Batch::single(command)).unwrap().position
}

/// The changes, and what alice is told of each (by the test's own reading of the rules).
fn changes(engine: &Engine) -> Vec<Seen> {
    let s = |kind: &str| Some(kind.to_string());
    let created = commit(engine, put("/apps/web", "a", "task"));
    commit(engine, put("/apps/private", "p", "task"));
    commit(engine, put("/apps/web", "s", "secret"));
    let hidden_now = commit(engine, put("/apps/web", "a", "secret"));
    let shown_now = commit(engine, put("/apps/web", "s", "task"));
    let updated = commit(engine, put("/apps/web", "s", "task"));
    commit(engine, Command::delete("/apps/web", "a", None));
    commit(engine, Command::delete("/apps/private", "p", None));
    commit(engine, put("/ops", "db", "task"));
    let end = commit(engine, put("/apps/web", "end", "task"));
    vec![
        (created, EventAction::Created, None, s("task")),
        (hidden_now, EventAction::Left, s("task"), None),
        (shown_now, EventAction::Entered, None, s("task")),
        (updated, EventAction::Updated, s("task"), s("task")),
        (end, EventAction::Created, None, s("task")),
    ]
}

fn subscribe(engine: &Engine, pattern: Pattern, start: Start) -> Subscription {
    engine
        .subscribe_as(&principal("alice"), pattern, start)
        .unwrap()
}

#[test]
fn events_are_judged_by_what_the_principal_may_read() {
    let dir = tempfile::tempdir().unwrap();
    let engine = open(dir.path(), 2);
    alice_reads_apps(&engine, "/");
    let before = engine.positions().unwrap();
    let mut live = subscribe(&engine, Pattern::subtree("/"), Start::Now);
    let transitions = Actions::of(&[EventAction::Entered, EventAction::Left]);
    let mut only_transitions = subscribe(
        &engine,
        Pattern::subtree("/apps").with_actions(transitions),
        Start::Now,
    );
    let expected = changes(&engine);

    assert_eq!(seen(&take(&mut live, expected.len())), expected);
    assert_nothing_more(&mut live);
    assert_eq!(
        seen(&take(&mut only_transitions, 2)),
        [expected[1].clone(), expected[2].clone()]
    );
    assert_nothing_more(&mut only_transitions);

    // Catch-up from the history, through the async path.
    let mut catching_up = subscribe(&engine, Pattern::subtree("/apps"), Start::After(before));
    let events: Vec<Event> = (0..expected.len())
        .map(|_| block_on(catching_up.next_async()).unwrap())
        .collect();
    assert_eq!(seen(&events), expected);
    assert_nothing_more(&mut catching_up);
}

#[test]
fn a_pattern_where_nothing_is_readable_is_denied() {
    let dir = tempfile::tempdir().unwrap();
    let engine = open(dir.path(), 2);
    alice_reads_apps(&engine, "/");
    let alice = principal("alice");
    for pattern in [
        Pattern::subtree("/ops"),
        Pattern::subtree("/apps/private"),
        Pattern::subtree("/apps").with_kind("secret"),
    ] {
        let opened = engine.subscribe_as(&alice, pattern.clone(), Start::Now);
        let (target, reason) = read_denial(opened.map(|_| "subscribed"));
        assert_eq!(target, pattern.namespace);
        assert!(matches!(reason, Rejection::Denied { .. }));
    }
    let opened = engine.subscribe_as(&principal("bob"), Pattern::subtree("/"), Start::Now);
    read_denial(opened.map(|_| "subscribed"));
}
