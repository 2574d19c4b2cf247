//! Model checks (loom) of the two thread hand-offs of the engine: writers → shard queue (group commit
//! intake) and shard → writer completion (the acknowledgement, blocking or as a future), including a
//! shard that dies with writers waiting. loom runs every interleaving of the threads below, so a lost
//! wake-up, a double delivery or a deadlock (a writer that hangs) fails the test.
//!
//! Run with: RUSTFLAGS="--cfg loom" cargo test -p aorta-engine --release --test loom_handoff
#![cfg(loom)]

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Wake, Waker};

use aorta_engine::sync::bell::Bell;
use aorta_engine::sync::{
    completion, completion_on_bell, Abandoned, BoundedQueue, Completer, Pending, PushError,
};
use loom::sync::atomic::{AtomicBool, Ordering};
use loom::sync::Arc;
use loom::thread;

/// Byte budget of the queues below where bytes do not matter: every item counts 1.
const BYTES: u64 = 1 << 20;

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
        let queue: Arc<BoundedQueue<(u32, Completer<u32>)>> = Arc::new(BoundedQueue::new(2, BYTES));
        let writers: Vec<_> = (0..2u32)
            .map(|writer| {
                let queue = queue.clone();
                thread::spawn(move || {
                    let (done, pending) = completion();
                    queue.push_blocking((writer, done), 1).unwrap();
                    assert_eq!(pending.wait(), Ok(writer * 10));
                })
            })
            .collect();
        let mut handled = 0;
        let mut group = Vec::new();
        while handled < 2 {
            assert!(queue.pop_up_to(2, BYTES, &mut group));
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
        let queue = Arc::new(BoundedQueue::new(1, BYTES));
        let producers: Vec<_> = (0..2u32)
            .map(|producer| {
                let queue = queue.clone();
                thread::spawn(move || {
                    for seq in 0..2u32 {
                        queue.push_blocking((producer, seq), 1).unwrap();
                    }
                })
            })
            .collect();
        let mut seen = Vec::new();
        let mut group = Vec::new();
        while seen.len() < 4 {
            assert!(queue.pop_up_to(1, BYTES, &mut group));
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

/// The same with the byte budget as the limit (room for 4 items, but for 1 byte): producers wait for
/// bytes to be taken, and nothing is lost.
#[test]
fn a_full_byte_budget_makes_producers_wait_without_losing_items() {
    model(|| {
        let queue = Arc::new(BoundedQueue::new(4, 1));
        let producers: Vec<_> = (0..2u32)
            .map(|producer| {
                let queue = queue.clone();
                thread::spawn(move || queue.push_blocking(producer, 1).unwrap())
            })
            .collect();
        let mut seen = Vec::new();
        while seen.len() < 2 {
            assert!(queue.pop_up_to(4, 1, &mut seen));
            assert!(queue.bytes() <= 1, "the byte budget holds");
        }
        for producer in producers {
            producer.join().unwrap();
        }
        seen.sort();
        assert_eq!(seen, vec![0, 1]);
    });
}

/// `try_push` never waits: on a full queue it hands the item back as `Full`.
#[test]
fn try_push_reports_full_instead_of_waiting() {
    model(|| {
        let queue = Arc::new(BoundedQueue::new(1, BYTES));
        queue.try_push(1u32, 1).unwrap();
        let other = {
            let queue = queue.clone();
            thread::spawn(move || match queue.try_push(2, 1) {
                Ok(()) => true,
                Err(PushError::Full(2, _)) => false,
                Err(other) => panic!("unexpected {other:?}"),
            })
        };
        let mut group = Vec::new();
        assert!(queue.pop_up_to(4, BYTES, &mut group));
        let second_went_in = other.join().unwrap();
        if second_went_in {
            if group.len() == 1 {
                assert!(queue.pop_up_to(4, BYTES, &mut group));
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
        let queue = Arc::new(BoundedQueue::new(2, BYTES));
        let closer = {
            let queue = queue.clone();
            thread::spawn(move || {
                let pushed = queue.try_push(7u32, 1).is_ok();
                queue.close();
                assert!(matches!(queue.try_push(8, 1), Err(PushError::Closed(8))));
                pushed
            })
        };
        let mut got = Vec::new();
        while queue.pop_up_to(2, BYTES, &mut got) {}
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

/// The shard's answer in the models of a dying shard: its value, or that it is down.
type Answer = Result<u32, &'static str>;

/// A writer of the dying-shard models: pushes (waiting for room) then waits for its answer. Whether
/// its push was refused or its answer is an error, it must return; the shard never answers `Ok`.
fn writer_of_a_dying_shard(queue: Arc<BoundedQueue<Completer<Answer>>>) -> thread::JoinHandle<()> {
    thread::spawn(move || {
        let (done, pending) = completion::<Answer>();
        match queue.push_blocking(done, 1) {
            Err(PushError::Failed(_)) => {}
            Ok(()) => assert_eq!(pending.wait(), Ok(Err("down"))),
            Err(other) => panic!("unexpected {other:?}"),
        }
    })
}

/// A shard dies in the middle of a group (a queue of one, two writers): it answers its group, fails
/// the queue and answers what it hands back. Depending on the interleaving, the second writer is then
/// queued, blocked in `push_blocking` for room, or not yet pushing; the first is blocked in
/// `Pending::wait`. Every writer gets an error; none hangs. (Three writers, to have one queued and one
/// blocked at once, take minutes under loom; the two cases are each covered here.)
#[test]
fn a_dying_shard_answers_its_group_its_queue_and_blocked_writers() {
    model(|| {
        let queue = Arc::new(BoundedQueue::new(1, BYTES));
        let writers: Vec<_> = (0..2)
            .map(|_| writer_of_a_dying_shard(queue.clone()))
            .collect();
        let mut group = Vec::new();
        assert!(queue.pop_up_to(1, BYTES, &mut group));
        for done in group.drain(..) {
            done.complete(Err("down"));
        }
        for done in queue.fail() {
            done.complete(Err("down"));
        }
        for writer in writers {
            writer.join().unwrap();
        }
        assert!(
            !queue.pop_up_to(1, BYTES, &mut group),
            "a failed queue ends the consumer"
        );
    });
}

/// A shard dies before taking anything: writers blocked for room wake, and what was queued is
/// answered by whoever failed the queue.
#[test]
fn failing_a_queue_wakes_writers_waiting_for_room() {
    model(|| {
        let queue = Arc::new(BoundedQueue::new(1, BYTES));
        let writers: Vec<_> = (0..2)
            .map(|_| writer_of_a_dying_shard(queue.clone()))
            .collect();
        for done in queue.fail() {
            done.complete(Err("down"));
        }
        for writer in writers {
            writer.join().unwrap();
        }
    });
}

/// A waker that records it was woken and unparks the polling thread.
struct Unpark {
    woken: AtomicBool,
    thread: thread::Thread,
}

impl Wake for Unpark {
    fn wake(self: std::sync::Arc<Self>) {
        self.woken.store(true, Ordering::Release);
        self.thread.unpark();
    }
}

/// Polls `pending` as an executor would: if the first poll is not ready, waits to be woken, and then
/// the second poll must be ready. A lost wake-up leaves this thread parked for ever, which loom
/// reports as a deadlock.
fn poll_as_executor<T>(mut pending: Pending<T>) -> Result<T, Abandoned> {
    let unpark = std::sync::Arc::new(Unpark {
        woken: AtomicBool::new(false),
        thread: thread::current(),
    });
    let waker = Waker::from(unpark.clone());
    let mut cx = Context::from_waker(&waker);
    if let Poll::Ready(value) = Pin::new(&mut pending).poll(&mut cx) {
        return value;
    }
    while !unpark.woken.load(Ordering::Acquire) {
        thread::park();
    }
    match Pin::new(&mut pending).poll(&mut cx) {
        Poll::Ready(value) => value,
        Poll::Pending => panic!("woken, but the second poll is not ready"),
    }
}

/// The future side of a completion: a task polled before the value arrives is woken, and its next
/// poll returns the value.
#[test]
fn a_polled_completion_wakes_its_task_and_delivers_on_the_next_poll() {
    model(|| {
        let (done, pending) = completion::<u32>();
        let shard = thread::spawn(move || done.complete(42));
        assert_eq!(poll_as_executor(pending), Ok(42));
        shard.join().unwrap();
    });
}

/// A completion abandoned while a task polls it wakes the task, which then sees `Abandoned`.
#[test]
fn a_polled_completion_abandoned_wakes_its_task_with_abandoned() {
    model(|| {
        let (done, pending) = completion::<u32>();
        let shard = thread::spawn(move || drop(done));
        assert_eq!(poll_as_executor(pending), Err(Abandoned));
        shard.join().unwrap();
    });
}

/// A shard answering as it answers a flush: the value now (`complete_later`), the wake-up after
/// it has done other work (a yield, where the waiter may run and take its value).
fn give_then_wake(done: Completer<u32>, value: u32) -> thread::JoinHandle<()> {
    thread::spawn(move || {
        let wake = done.complete_later(value);
        thread::yield_now();
        drop(wake);
    })
}

/// A value given now and its wake-up later (`complete_later`, as a shard answers a flush): a
/// blocked waiter gets the value, whichever runs first.
#[test]
fn a_completion_woken_later_delivers_to_a_blocked_waiter() {
    model(|| {
        let (done, pending) = completion::<u32>();
        let shard = give_then_wake(done, 42);
        assert_eq!(pending.wait(), Ok(42));
        shard.join().unwrap();
    });
}

/// The same for a task: it is woken unless it took the value by itself first (a wake-up is
/// skipped only then), so it never waits for ever.
#[test]
fn a_completion_woken_later_delivers_to_a_polling_task() {
    model(|| {
        let (done, pending) = completion::<u32>();
        let shard = give_then_wake(done, 42);
        assert_eq!(poll_as_executor(pending), Ok(42));
        shard.join().unwrap();
    });
}

/// A task that polls again on its own (as an executor polling its neighbours does) may take its
/// value between `complete_later` and the wake, and then the wake is skipped; whichever comes
/// first, it has its value and nothing waits for ever.
#[test]
fn a_completion_woken_later_delivers_to_a_task_that_polls_again() {
    model(|| {
        let (done, mut pending) = completion::<u32>();
        let shard = give_then_wake(done, 42);
        let unpark = std::sync::Arc::new(Unpark {
            woken: AtomicBool::new(false),
            thread: thread::current(),
        });
        let waker = Waker::from(unpark.clone());
        let mut cx = Context::from_waker(&waker);
        let value = loop {
            if let Poll::Ready(value) = Pin::new(&mut pending).poll(&mut cx) {
                break value;
            }
            thread::yield_now();
        };
        assert_eq!(value, Ok(42));
        shard.join().unwrap();
    });
}

/// Writer threads blocked in `commit` sleep on their shard's bell, each on its ticket's bit, and
/// the shard answers a flush by giving every value, then ringing the bell once with the bits of
/// the threads still asleep (`Wake::wake_deferring`, as the engine's `WokenPerFlush` does): each
/// writer gets its value, whoever runs first, and nobody sleeps through the ring.
#[test]
fn writers_on_a_bell_are_woken_by_one_ring_of_their_bits() {
    model(|| {
        // As a shard's: its sleepers not counted, every ring a call.
        let bell = Arc::new(Bell::uncounted());
        let (first, first_pending) = completion_on_bell::<u32>(bell.clone(), 1 << 0);
        let (second, second_pending) = completion_on_bell::<u32>(bell.clone(), 1 << 5);
        let shard = {
            let bell = bell.clone();
            thread::spawn(move || {
                let wakes = [first.complete_later(1), second.complete_later(2)];
                thread::yield_now();
                let mut bits = 0;
                for wake in wakes {
                    bits |= wake.wake_deferring(&bell);
                }
                bell.ring_bits(bits);
            })
        };
        let other = thread::spawn(move || assert_eq!(second_pending.wait(), Ok(2)));
        assert_eq!(first_pending.wait(), Ok(1));
        other.join().unwrap();
        shard.join().unwrap();
    });
}

/// A completion on a bell whose wake is dropped on its own (an answer outside a flush, or a shard
/// that went down and dropped its completer) rings its own bit: the blocked writer gets its
/// answer, or `Abandoned`.
#[test]
fn a_completion_on_a_bell_answered_or_abandoned_alone_wakes_its_writer() {
    model(|| {
        // As a shard's: its sleepers not counted.
        let bell = Arc::new(Bell::uncounted());
        let (done, pending) = completion_on_bell::<u32>(bell.clone(), 1 << 3);
        let shard = give_then_wake(done, 7);
        assert_eq!(pending.wait(), Ok(7));
        shard.join().unwrap();
        let (done, pending) = completion_on_bell::<u32>(bell, 1 << 3);
        let shard = thread::spawn(move || drop(done));
        assert_eq!(pending.wait(), Err(Abandoned));
        shard.join().unwrap();
    });
}
