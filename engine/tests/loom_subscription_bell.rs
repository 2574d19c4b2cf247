//! Model check (loom) of a dispatcher group's bell (`sync::bell`): the dispatcher pushes a
//! delivery into each member's inbox and rings the group's bell once, while the members read the
//! bell's word, look at their inboxes and, finding nothing, sleep on the bell (`bell::wait_any`,
//! as a blocked `Subscription::next_batch` does). The kernel's futex is emulated under loom by a
//! lock and a condition variable (the wait compares the word under the lock; the wake notifies
//! under it). In every interleaving each member ends up with its delivery: a lost wake-up, such
//! as a ring that skipped the wake because it read no sleeper, would leave a member asleep, which
//! loom reports as a deadlock.
//!
//! Run with: RUSTFLAGS="--cfg loom" cargo test -p aorta-engine --release --test loom_subscription_bell
#![cfg(loom)]

use std::time::{Duration, Instant};

use aorta_engine::sync::bell::{wait_any, Bell, Waited};
use loom::sync::{Arc, Mutex};
use loom::thread;

const PREEMPTIONS: usize = 3;

fn model<F: Fn() + Sync + Send + 'static>(f: F) {
    let mut builder = loom::model::Builder::new();
    builder.preemption_bound = Some(PREEMPTIONS);
    builder.check(f);
}

/// A group: its members' inboxes (deliveries pushed so far) and its bell.
struct Group {
    inboxes: Vec<Mutex<u64>>,
    bell: Bell,
}

fn group(members: usize) -> Arc<Group> {
    Arc::new(Group {
        inboxes: (0..members).map(|_| Mutex::new(0)).collect(),
        bell: Bell::default(),
    })
}

/// What the dispatcher does with a page: push to every member, then ring once.
fn dispatch(group: &Group) {
    for inbox in &group.inboxes {
        *inbox.lock().unwrap() += 1;
    }
    group.bell.ring();
}

/// A member's loop, as `Subscription::ready` runs it, until its inbox has had `want` deliveries.
fn follow(group: &Group, member: usize, want: u64) {
    let far = Instant::now() + Duration::from_secs(3600);
    loop {
        let seen = group.bell.seen();
        if *group.inboxes[member].lock().unwrap() >= want {
            return;
        }
        assert_eq!(wait_any(&[(&group.bell, seen)], far), Waited::Rang);
    }
}

#[test]
fn a_member_never_sleeps_through_a_ring() {
    model(|| {
        let g = group(1);
        let dispatcher = {
            let g = g.clone();
            thread::spawn(move || dispatch(&g))
        };
        follow(&g, 0, 1);
        dispatcher.join().unwrap();
    });
}

#[test]
fn two_members_woken_by_one_ring_each_get_their_delivery() {
    model(|| {
        let g = group(2);
        let dispatcher = {
            let g = g.clone();
            thread::spawn(move || dispatch(&g))
        };
        let other = {
            let g = g.clone();
            thread::spawn(move || follow(&g, 1, 1))
        };
        follow(&g, 0, 1);
        other.join().unwrap();
        dispatcher.join().unwrap();
    });
}

#[test]
fn a_member_follows_two_pages() {
    model(|| {
        let g = group(1);
        let dispatcher = {
            let g = g.clone();
            thread::spawn(move || {
                dispatch(&g);
                dispatch(&g);
            })
        };
        follow(&g, 0, 2);
        dispatcher.join().unwrap();
    });
}
