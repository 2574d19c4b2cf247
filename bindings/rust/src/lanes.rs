//! Write lanes: a few long-lived request streams per artery that carry commits pipelined.
//!
//! A stream per request costs both sides a stream's opening and closing, a task, a frame decoder
//! and its buffers, and a packet or two of its own; a busy writer pays that for every put. A lane
//! is one request stream kept open: commits are written to it as they come (several in one write
//! when they queue up), the node runs them at once and answers them in order
//! (`aorta_wire::requests`). A commit goes to the open lane with the fewest answers owed; more
//! lanes open, up to [`LANES_MAX`], while every open one is busy.
//!
//! Only commits use lanes: a lane answers in order, and a read must not wait behind another
//! caller's group commit, so reads keep a stream each.
//!
//! Bounds: each lane owes at most [`LANE_DEPTH`] answers (beyond, commits wait in its queue of
//! [`LANE_DEPTH`] entries, then their callers wait to enqueue); so one artery's lanes hold at most
//! `LANES_MAX × LANE_DEPTH` requests in flight, the node's default `requests_in_flight_max`.
//!
//! Failure: when a lane's stream or connection fails, every commit it had written is answered with
//! the error and "sent" (the node may have run it), every commit still queued with the error and
//! "not sent" (the caller may retry it on a new artery), and the lane is replaced by the next
//! commit that finds it closed.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use aorta_wire::convert::{Call, Reply};
use aorta_wire::requests::ClientRequests;
use tokio::sync::{mpsc, oneshot, Mutex};

use crate::artery::Artery;
use crate::framed::Framed;
use crate::Error;

/// Lanes one artery opens at most.
pub(crate) const LANES_MAX: usize = 4;
/// Answers one lane owes at most; as many more may queue for it.
pub(crate) const LANE_DEPTH: usize = 64;

/// A commit's outcome: its reply, or the error and whether the commit left whole.
pub(crate) type Outcome = Result<Reply, (Error, bool)>;

struct Queued {
    call: Call,
    answer: oneshot::Sender<Outcome>,
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
#[derive(Default)]
pub(crate) struct Lanes {
    lanes: Mutex<Vec<Lane>>,
}

impl Lanes {
    /// Runs `call` (a commit) on a lane of `artery`.
    pub(crate) async fn call(&self, artery: &Arc<Artery>, call: Call) -> Outcome {
        let (queue, owed) = self.pick(artery).await.map_err(|error| (error, false))?;
        let (answer, answered) = oneshot::channel();
        owed.fetch_add(1, Ordering::Relaxed);
        if let Err(mpsc::error::SendError(refused)) = queue.send(Queued { call, answer }).await {
            owed.fetch_sub(1, Ordering::Relaxed);
            drop(refused);
            return Err((lane_gone(), false));
        }
        // The lane answers every queued commit, even when it fails; a lane task that vanished
        // (its runtime shut down) drops the sender.
        answered.await.unwrap_or_else(|_| Err((lane_gone(), true)))
    }

    /// The open lane that owes the fewest answers, opening one if every open lane owes some and
    /// fewer than [`LANES_MAX`] are open; closed lanes are dropped first.
    async fn pick(
        &self,
        artery: &Arc<Artery>,
    ) -> Result<(mpsc::Sender<Queued>, Arc<AtomicUsize>), Error> {
        let mut lanes = self.lanes.lock().await;
        lanes.retain(|lane| !lane.is_closed());
        let least = lanes
            .iter()
            .min_by_key(|lane| lane.owed.load(Ordering::Relaxed));
        let idle = least.is_some_and(|lane| lane.owed.load(Ordering::Relaxed) == 0);
        if idle || lanes.len() == LANES_MAX {
            let lane = least.expect("LANES_MAX > 0");
            return Ok((lane.queue.clone(), lane.owed.clone()));
        }
        let framed = artery.open_stream().await?;
        let (queue, queued) = mpsc::channel(LANE_DEPTH);
        let owed = Arc::new(AtomicUsize::new(0));
        tokio::spawn(run_lane(framed, queued, owed.clone(), artery.clone()));
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

/// One lane's task: writes what is queued while fewer than [`LANE_DEPTH`] answers are owed, and
/// hands each answer to its caller, in order. Ends when the stream or the connection fails (or
/// every sender is gone and nothing is owed).
async fn run_lane(
    mut framed: Framed,
    mut queued: mpsc::Receiver<Queued>,
    owed: Arc<AtomicUsize>,
    artery: Arc<Artery>,
) {
    let mut requests = ClientRequests::new(LANE_DEPTH);
    let mut waiting: VecDeque<oneshot::Sender<Outcome>> = VecDeque::new();
    let mut open = true;
    let failure: Error = loop {
        if !open && waiting.is_empty() {
            framed.finish();
            return;
        }
        let may_send = open && waiting.len() < LANE_DEPTH;
        tokio::select! {
            next = queued.recv(), if may_send => {
                let Some(first) = next else {
                    open = false;
                    continue;
                };
                // Everything already queued goes in one write, within the depth.
                let mut batch = vec![first];
                while waiting.len() + batch.len() < LANE_DEPTH {
                    match queued.try_recv() {
                        Ok(more) => batch.push(more),
                        Err(_) => break,
                    }
                }
                let mut messages = Vec::with_capacity(batch.len());
                for entry in batch {
                    match requests.send(&entry.call) {
                        Ok((_, message)) => {
                            messages.push(message);
                            waiting.push_back(entry.answer);
                        }
                        Err(error) => {
                            owed.fetch_sub(1, Ordering::Relaxed);
                            let _ = entry.answer.send(Err((Error::protocol(error.to_string()), false)));
                        }
                    }
                }
                if let Err(error) = framed.send_all(&messages).await {
                    break error;
                }
                artery.spoke();
            }
            received = framed.receive(), if !waiting.is_empty() => {
                let message = match received {
                    Ok(Some(message)) => message,
                    Ok(None) => break Error::ConnectionLost {
                        reason: "the node ended a request lane with answers owed".into(),
                    },
                    Err(error) => break error,
                };
                artery.heard();
                let outcome = match requests.receive(&message) {
                    Ok((_, reply)) => Ok(reply),
                    Err(error) => break Error::protocol(error.to_string()),
                };
                let answer = waiting.pop_front().expect("an answer was owed");
                owed.fetch_sub(1, Ordering::Relaxed);
                let _ = answer.send(outcome);
            }
        }
    };
    // Written commits may have run; queued ones never left.
    queued.close();
    for answer in waiting.drain(..) {
        owed.fetch_sub(1, Ordering::Relaxed);
        let _ = answer.send(Err((lane_failed(&failure), true)));
    }
    while let Ok(entry) = queued.try_recv() {
        owed.fetch_sub(1, Ordering::Relaxed);
        let _ = entry.answer.send(Err((lane_failed(&failure), false)));
    }
}
