//! Model checks (loom) of the two thread hand-offs of the engine: writers → shard queue (group commit
//! intake) and shard → writer completion (the acknowledgement). loom runs every interleaving of the
//! threads below, so a lost wake-up, a double delivery or a deadlock fails the test.
//!
//! Run with: RUSTFLAGS="--cfg loom" cargo test -p aorta-engine --release --test loom_handoff
#![cfg(loom)]

use aorta_engine::sync::{completion, Abandoned, BoundedQueue, Completer, PushError};
use loom::sync::Arc;
use loom::thread;

/// Explores interleavings with at most `PREEMPTIONS` forced context switches per execution: bugs in
/// hand-offs like these show up within two or three (loom's documentation recommends a bound), and
/// the unbounded space of the two-producer models takes hours.
const PREEMPTIONS: usize = 3;

fn model<F: Fn() + Sync + Send + 'static>(f: F) {
    let mut builder = loom::model::Builder::new();
    builder.preemption_bound = Some(PREEMPTIONS);
    builder.check(f);
}

/// Two writers each hand a request with its completion to a shard that takes them in groups and
/// acknowledges each: every writer gets exactly its own answer.
#[test]
fn group_commit_handoff_acknowledges_every_writer_exactly_once() {
    model(|| {
        let queue: Arc<BoundedQueue<(u32, Completer<u32>)>> = Arc::new(BoundedQueue::new(2));
        let writers: Vec<_> = (0..2u32)
            .map(|writer| {
                let queue = queue.clone();
                thread::spawn(move || {
                    let (done, pending) = completion();
                    queue.push_blocking((writer, done)).unwrap();
                    assert_eq!(pending.wait(), Ok(writer * 10));
                })
            })
            .collect();
        let mut handled = 0;
        let mut group = Vec::new();
        while handled < 2 {
            assert!(queue.pop_up_to(2, &mut group));
            for (writer, done) in group.drain(..) {
                done.complete(writer * 10);
                handled += 1;
            }
        }
        for writer in writers {
            writer.join().unwrap();
        }
        assert!(queue.is_empty());
    });
}

/// A queue of one slot with two producers waiting for room: nothing is lost or duplicated, and each
/// producer's items arrive in the order it pushed them.
#[test]
fn a_full_queue_makes_producers_wait_without_losing_items() {
    model(|| {
        let queue = Arc::new(BoundedQueue::new(1));
        let producers: Vec<_> = (0..2u32)
            .map(|producer| {
                let queue = queue.clone();
                thread::spawn(move || {
                    for seq in 0..2u32 {
                        queue.push_blocking((producer, seq)).unwrap();
                    }
                })
            })
            .collect();
        let mut seen = Vec::new();
        let mut group = Vec::new();
        while seen.len() < 4 {
            assert!(queue.pop_up_to(1, &mut group));
            assert_eq!(group.len(), 1, "a group never exceeds its maximum");
            seen.append(&mut group);
        }
        for producer in producers {
            producer.join().unwrap();
        }
        for producer in 0..2 {
            let order: Vec<u32> = seen
                .iter()
                .filter(|(p, _)| *p == producer)
                .map(|(_, s)| *s)
                .collect();
            assert_eq!(order, vec![0, 1]);
        }
    });
}

/// `try_push` never waits: on a full queue it hands the item back as `Full`.
#[test]
fn try_push_reports_full_instead_of_waiting() {
    model(|| {
        let queue = Arc::new(BoundedQueue::new(1));
        queue.try_push(1u32).unwrap();
        let other = {
            let queue = queue.clone();
            thread::spawn(move || match queue.try_push(2) {
                Ok(()) => true,
                Err(PushError::Full(2)) => false,
                Err(other) => panic!("unexpected {other:?}"),
            })
        };
        let mut group = Vec::new();
        assert!(queue.pop_up_to(4, &mut group));
        let second_went_in = other.join().unwrap();
        if second_went_in {
            if group.len() == 1 {
                assert!(queue.pop_up_to(4, &mut group));
            }
            assert_eq!(group, vec![1, 2]);
        } else {
            assert_eq!(group, vec![1]);
        }
    });
}

/// Closing the queue wakes a shard waiting for work, lets it drain what is queued, and refuses
/// later pushes.
#[test]
fn close_drains_then_ends_and_refuses_pushes() {
    model(|| {
        let queue = Arc::new(BoundedQueue::new(2));
        let closer = {
            let queue = queue.clone();
            thread::spawn(move || {
                let pushed = queue.try_push(7u32).is_ok();
                queue.close();
                assert!(matches!(queue.try_push(8), Err(PushError::Closed(8))));
                pushed
            })
        };
        let mut got = Vec::new();
        while queue.pop_up_to(2, &mut got) {}
        let pushed = closer.join().unwrap();
        assert_eq!(got, if pushed { vec![7] } else { vec![] });
    });
}

/// A shard that stops without answering (its completer dropped) wakes the writer with `Abandoned`
/// instead of leaving it waiting forever.
#[test]
fn an_abandoned_completion_wakes_its_waiter() {
    model(|| {
        let (done, pending) = completion::<u32>();
        let shard = thread::spawn(move || drop(done));
        assert_eq!(pending.wait(), Err(Abandoned));
        shard.join().unwrap();
    });
}

/// Completing and waiting race: the waiter always gets the value, whichever runs first.
#[test]
fn a_completion_delivers_its_value_whoever_comes_first() {
    model(|| {
        let (done, pending) = completion::<u32>();
        let shard = thread::spawn(move || done.complete(42));
        assert_eq!(pending.wait(), Ok(42));
        shard.join().unwrap();
    });
}
