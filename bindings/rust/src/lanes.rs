//! Write lanes: a few long-lived request streams per artery that carry commits pipelined.
//!
//! A stream per request costs both sides a stream's opening and closing, a task, a frame decoder
//! and its buffers, and a packet or two of its own; a busy writer pays that for every put. A lane
//! is one request stream kept open: commits are written to it as they come (several in one write
//! when they queue up), the node runs them at once and answers them in order
//! (`aorta_wire::requests`). A commit goes to the open lane with the fewest answers owed; more
//! lanes open, up to the artery's lane count, while every open one is busy.
//!
//! Only commits use lanes: a lane answers in order, and a read must not wait behind another
//! caller's group commit, so reads keep a stream each.
//!
//! Bounds: the node states its `requests_in_flight_max` in the `Welcome`, and the artery's
//! budget (`budget.rs`) keeps the client under it: a commit first takes a place in the commits'
//! share of the limit (the limit minus a reserve kept for reads: `L / 8`, at least 1, at most 32;
//! none when the limit is 1), then a place in the whole limit, and holds both until its answer
//! arrived; a caller finding no place waits (within its request timeout) instead of being
//! answered `Overloaded`. The bytes of its frame are taken likewise, within the node's
//! `request_bytes_in_flight_max`, before the commit is queued. The lanes' shape derives from
//! that share: up to [`LANES_MAX`] lanes, each owing at most `depth` ≤ [`LANE_DEPTH`] answers,
//! `lanes × depth` covering the share (a limit of 1 or 2: one lane of depth 1; 8: four lanes of
//! depth 2 sharing 7 places; the default 256: four lanes of depth 56). Beyond a lane's depth, commits wait in its queue of `depth`
//! entries, then their callers wait to enqueue. A node that states no limit (an older node) gets
//! [`LANES_MAX`] lanes of [`LANE_DEPTH`], as many as its default `requests_in_flight_max`.
//!
//! Failure: when a lane's stream or connection fails, every commit it had written is answered with
//! the error and "sent" (the node may have run it), every commit still queued with the error and
//! "not sent" (the caller may retry it on a new artery), and the lane is replaced by the next
//! commit that finds it closed.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Weak};

use aorta_wire::convert::{Call, Reply};
use aorta_wire::requests::ClientRequests;
use bytes::Bytes;
use tokio::sync::{mpsc, oneshot, Mutex};

use crate::artery::Artery;
use crate::budget::Held;
use crate::framed::Framed;
use crate::Error;

/// Lanes one artery opens at most (fewer under a small `requests_in_flight_max`).
pub(crate) const LANES_MAX: usize = 4;
/// Answers one lane owes at most (fewer under a small `requests_in_flight_max`); as many more
/// may queue for it.
pub(crate) const LANE_DEPTH: usize = 64;

/// A commit's outcome: its reply, or the error and whether the commit left whole.
pub(crate) type Outcome = Result<Reply, (Error, bool)>;

struct Queued {
    /// The commit's request id (the artery's numbering) and its encoded frame.
    id: u64,
    frame: Bytes,
    answer: oneshot::Sender<Outcome>,
    /// The commit's places and bytes in the artery's budget, given back with its answer.
    held: Held,
}

/// The sending side of one lane.
struct Lane {
    queue: mpsc::Sender<Queued>,
    /// Commits given to the lane and not yet answered (queued or in flight).
    owed: Arc<AtomicUsize>,
}

impl Lane {
    fn is_closed(&self) -> bool {
        self.queue.is_closed()
    }
}

/// The lanes of one artery.
pub(crate) struct Lanes {
    lanes: Mutex<Vec<Lane>>,
    /// Lanes open at most, and answers each owes at most (from the artery's budget).
    lanes_max: usize,
    depth: usize,
}

impl Lanes {
    pub(crate) fn new(lanes_max: usize, depth: usize) -> Lanes {
        assert!(
            (1..=LANES_MAX).contains(&lanes_max) && (1..=LANE_DEPTH).contains(&depth),
            "lanes within LANES_MAX × LANE_DEPTH"
        );
        Lanes {
            lanes: Mutex::new(Vec::new()),
            lanes_max,
            depth,
        }
    }

    /// Runs `call` (a commit) on a lane of `artery`, once the artery's budget has a place and its
    /// bytes for it.
    pub(crate) async fn call(
        &self,
        artery: &Arc<Artery>,
        call: &Call,
        waiting_for_stream: &AtomicBool,
    ) -> Outcome {
        let id = artery.next_request_id();
        let frame = artery
            .budget
            .encode(id, call)
            .map_err(|error| (error, false))?;
        let held = artery
            .budget
            .commit(frame.len())
            .await
            .map_err(|error| (error, false))?;
        let (queue, owed) = self
            .pick(artery, waiting_for_stream)
            .await
            .map_err(|error| (error, false))?;
        let (answer, answered) = oneshot::channel();
        owed.fetch_add(1, Ordering::Relaxed);
        let queued = Queued {
            id,
            frame: Bytes::from(frame),
            answer,
            held,
        };
        if let Err(mpsc::error::SendError(refused)) = queue.send(queued).await {
            owed.fetch_sub(1, Ordering::Relaxed);
            drop(refused);
            return Err((lane_gone(), false));
        }
        // The lane answers every queued commit, even when it fails; a lane task that vanished
        // (its runtime shut down) drops the sender.
        answered.await.unwrap_or_else(|_| Err((lane_gone(), true)))
    }

    /// The open lane that owes the fewest answers, opening one if every open lane owes some and
    /// fewer than `lanes_max` are open; closed lanes are dropped first.
    async fn pick(
        &self,
        artery: &Arc<Artery>,
        waiting_for_stream: &AtomicBool,
    ) -> Result<(mpsc::Sender<Queued>, Arc<AtomicUsize>), Error> {
        // The lock is held long only by a caller opening a lane that waits for a stream: a caller
        // that gives up waiting for the lock waited for a stream too.
        waiting_for_stream.store(true, Ordering::Relaxed);
        let mut lanes = self.lanes.lock().await;
        waiting_for_stream.store(false, Ordering::Relaxed);
        lanes.retain(|lane| !lane.is_closed());
        let least = lanes
            .iter()
            .min_by_key(|lane| lane.owed.load(Ordering::Relaxed));
        let idle = least.is_some_and(|lane| lane.owed.load(Ordering::Relaxed) == 0);
        if idle || lanes.len() >= self.lanes_max {
            let lane = least.expect("lanes_max > 0");
            return Ok((lane.queue.clone(), lane.owed.clone()));
        }
        let framed = artery.open_stream(waiting_for_stream).await?;
        let (queue, queued) = mpsc::channel(self.depth);
        let owed = Arc::new(AtomicUsize::new(0));
        tokio::spawn(run_lane(
            framed,
            queued,
            owed.clone(),
            Arc::downgrade(artery),
            self.depth,
        ));
        lanes.push(Lane {
            queue: queue.clone(),
            owed: owed.clone(),
        });
        Ok((queue, owed))
    }
}

/// What each caller of a failed lane gets (the failure is one, its callers many).
fn lane_failed(failure: &Error) -> Error {
    Error::ConnectionLost {
        reason: format!("the request lane failed: {failure}"),
    }
}

fn lane_gone() -> Error {
    Error::ConnectionLost {
        reason: "the request lane closed".into(),
    }
}

/// One lane's task: writes what is queued while fewer than `depth` answers are owed, and hands
/// each answer to its caller, in order, giving back its places in the budget. Ends when the
/// stream or the connection fails (or every sender is gone and nothing is owed).
///
/// It holds the artery weakly: the artery holds the lane's sender, so a strong reference here
/// would keep both alive, and a client dropped without `close` would leave its connection open
/// for ever (`a_dropped_client_closes_its_connection`).
async fn run_lane(
    mut framed: Framed,
    mut queued: mpsc::Receiver<Queued>,
    owed: Arc<AtomicUsize>,
    artery: Weak<Artery>,
    depth: usize,
) {
    let mut requests = ClientRequests::new(depth);
    let mut waiting: VecDeque<(oneshot::Sender<Outcome>, Held)> = VecDeque::new();
    let mut open = true;
    let failure: Error = loop {
        if !open && waiting.is_empty() {
            framed.finish();
            return;
        }
        let may_send = open && waiting.len() < depth;
        tokio::select! {
            next = queued.recv(), if may_send => {
                let Some(first) = next else {
                    open = false;
                    continue;
                };
                // Everything already queued goes in one write, within the depth.
                let mut batch = vec![first];
                while waiting.len() + batch.len() < depth {
                    match queued.try_recv() {
                        Ok(more) => batch.push(more),
                        Err(_) => break,
                    }
                }
                let mut frames = Vec::with_capacity(batch.len());
                for entry in batch {
                    match requests.sent(entry.id) {
                        Ok(()) => {
                            frames.push(entry.frame);
                            waiting.push_back((entry.answer, entry.held));
                        }
                        Err(error) => {
                            owed.fetch_sub(1, Ordering::Relaxed);
                            let _ = entry.answer.send(Err((Error::protocol(error.to_string()), false)));
                        }
                    }
                }
                if let Err(error) = framed.send_frames(&mut frames).await {
                    break error;
                }
                if let Some(artery) = artery.upgrade() {
                    artery.spoke();
                }
            }
            received = framed.receive(), if !waiting.is_empty() => {
                let message = match received {
                    Ok(Some(message)) => message,
                    Ok(None) => break Error::ConnectionLost {
                        reason: "the node ended a request lane with answers owed".into(),
                    },
                    Err(error) => break error,
                };
                if let Some(artery) = artery.upgrade() {
                    artery.heard();
                }
                let outcome = match requests.receive(&message) {
                    Ok((_, reply)) => Ok(reply),
                    Err(error) => break Error::protocol(error.to_string()),
                };
                let (answer, held) = waiting.pop_front().expect("an answer was owed");
                owed.fetch_sub(1, Ordering::Relaxed);
                // The place is free before the caller hears: its next request may take it.
                drop(held);
                let _ = answer.send(outcome);
            }
        }
    };
    // Written commits may have run; queued ones never left.
    queued.close();
    for (answer, held) in waiting.drain(..) {
        owed.fetch_sub(1, Ordering::Relaxed);
        drop(held);
        let _ = answer.send(Err((lane_failed(&failure), true)));
    }
    while let Ok(entry) = queued.try_recv() {
        owed.fetch_sub(1, Ordering::Relaxed);
        let _ = entry.answer.send(Err((lane_failed(&failure), false)));
    }
}
