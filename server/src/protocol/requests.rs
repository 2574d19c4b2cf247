//! A request stream: pipelined requests, each run at once as the connection's principal (reads on
//! this thread from the shards' published views, checked against its read rules; writes queued to
//! their shard without waiting, checked by the command filters), answered in order
//! (`aorta_wire::requests::ServerRequests` holds finished answers until those before are out).
//!
//! Bounds: at most `REQUESTS_IN_FLIGHT_DEFAULT` requests of the stream at once (beyond, the
//! stream is not read and QUIC flow control holds the client); each request counts against the
//! connection's `requests_in_flight_max` (beyond: answered `Overloaded`) and its bytes against
//! `request_bytes_in_flight_max` until it is answered; each answer's bytes (estimated from its
//! resources as a page's budget weighs them) are held from when it is made until it is written,
//! and while the connection's answers to send reach `request_bytes_in_flight_max` no stream takes
//! another request (`budget`'s module doc): a client that asks for large pages and does not read
//! them holds the node to that, not to 256 pages per stream.

use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use aorta_engine::filter::Principal;
use aorta_engine::sync::{Abandoned, Pending};
use aorta_engine::{CommitReceipt, Engine, Error};
use aorta_wire::convert::{
    page_budget_for_frame, resource_wire_bytes_max, Call, ListFrom, RemoteError, Reply, Status,
};
use aorta_wire::frame::FrameEncoder;
use aorta_wire::requests::{ServerRequests, REQUESTS_IN_FLIGHT_DEFAULT};
use aorta_wire::wire;
use tracing::debug;

use super::budget::Outgoing;
use super::connection::{ConnectionState, OutgoingHeld};
use super::io::{finish_delivered, reset_stream, write_messages, FrameReader, Received};
use crate::service::ShutdownSignal;

/// What one taken request holds until its answer is written.
struct Held {
    /// Its number on the stream (`Accepted::seq`).
    seq: u64,
    /// Whether it counts against `requests_in_flight_max` (a request refused by it does not).
    counted: bool,
    frame_bytes: u64,
    /// Its answer's estimated bytes, held from when it is made until it is written.
    answer_bytes: u64,
}

/// What an answer is charged while it waits to be written: its resources as a page's budget
/// weighs them (an upper bound of their encoded size), plus the envelope.
fn answer_estimated_bytes(reply: &Reply) -> u64 {
    const ENVELOPE_BYTES: u64 = 256;
    let weigh = resource_wire_bytes_max;
    let resources: usize = match reply {
        Reply::Found(Some(resource)) => weigh(resource),
        Reply::Page(page) => page.items.iter().map(weigh).sum(),
        Reply::Committed(receipt) => receipt.ids.len() * 32,
        Reply::Positions(positions) => positions.len() * 8,
        Reply::Status(status) => status.shards.len() * 64,
        Reply::Found(None) | Reply::Failed(_) => 0,
    };
    ENVELOPE_BYTES + resources as u64
}

/// One request stream's state.
struct RequestStream {
    state: Arc<ConnectionState>,
    principal: Principal,
    requests: ServerRequests,
    /// What each pending request holds, in the order of `requests`' answers.
    held: VecDeque<Held>,
    /// The writes of this stream waiting to be durable, oldest first: polled by the stream's own
    /// task, so that a shard's completion wakes it directly (no task, channel or hand-off per
    /// write). Only the oldest is polled until it is done (answers leave in request order
    /// anyway): the shard gives every value of a flush before it wakes anyone, so the writes
    /// behind the oldest are usually done when it wakes this task, and are taken in the same turn
    /// with no wake-up of their own (one never polled has no waker to wake).
    committing: VecDeque<Committing>,
}

/// One write waiting for its durable commit, with its request's number on the stream.
struct Committing {
    seq: u64,
    pending: Pending<aorta_engine::Result<CommitReceipt>>,
}

impl Future for Committing {
    type Output = (u64, Reply);

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let seq = self.seq;
        Pin::new(&mut self.pending).poll(cx).map(|outcome| {
            let reply = match outcome {
                Ok(Ok(receipt)) => Reply::Committed(receipt),
                Ok(Err(error)) => failed(&error),
                Err(Abandoned) => failed(&Error::Closed),
            };
            (seq, reply)
        })
    }
}

impl RequestStream {
    /// Takes one message from the client: a request is run (or refused); anything else breaks
    /// the stream.
    fn take(&mut self, received: Received) -> Result<(), wire::ErrorCode> {
        let accepted = match self.requests.accept(received.message) {
            Ok(accepted) => accepted,
            Err(error) => {
                debug!(%error, "request stream broken");
                self.state.budget().release_bytes(received.frame_bytes);
                return Err(wire::ErrorCode::Malformed);
            }
        };
        let counted = self.state.budget().take_request();
        self.held.push_back(Held {
            seq: accepted.seq,
            counted: counted.is_ok(),
            frame_bytes: received.frame_bytes,
            answer_bytes: 0,
        });
        let reply = match (counted, accepted.call) {
            (Err(over), _) => Some(Reply::Failed(RemoteError::from_wire(&over.to_wire()))),
            (Ok(()), Err(invalid)) => {
                Some(Reply::Failed(RemoteError::from_wire(&invalid.to_wire())))
            }
            (Ok(()), Ok(call)) => self.run(accepted.seq, call),
        };
        if let Some(reply) = reply {
            self.finish(accepted.seq, &reply);
        }
        Ok(())
    }

    /// Records the answer to request `seq`, its bytes held until it is written.
    fn finish(&mut self, seq: u64, reply: &Reply) {
        let oldest = self.held.front().expect("a request to answer").seq;
        let held = &mut self.held[usize::try_from(seq - oldest).expect("a held request")];
        debug_assert_eq!(held.seq, seq);
        held.answer_bytes = answer_estimated_bytes(reply);
        self.state
            .budget()
            .hold_outgoing(Outgoing::Answers, held.answer_bytes);
        self.requests
            .finish(seq, reply)
            .expect("each request is answered once");
    }

    /// Runs a call: the reply now, or `None` for a write whose reply comes from `committing`
    /// once it is durable.
    fn run(&mut self, seq: u64, call: Call) -> Option<Reply> {
        let engine: &Engine = &self.state.engine;
        let reply = match call {
            Call::Commit(batch) => {
                return match engine.submit_as(&self.principal, batch) {
                    Err(error) => Some(failed(&error)),
                    Ok(pending) => {
                        // The connection thread never waits for a durable commit: the stream's
                        // task goes on reading and answering while the shard works.
                        self.committing.push_back(Committing { seq, pending });
                        None
                    }
                };
            }
            // Every read is checked against the principal's read rules by the engine.
            Call::Get { namespace, name } => engine
                .get_as(&self.principal, &namespace, &name)
                .map(Reply::Found),
            Call::GetById(id) => engine.get_by_id_as(&self.principal, id).map(Reply::Found),
            Call::List { query, from } => {
                // A page is cut to what fits one frame; its token resumes after its last item.
                let budget = page_budget_for_frame(self.state.frame_bytes_max as usize);
                let principal = &self.principal;
                match from {
                    ListFrom::Latest => engine.query_as_within(principal, &query, None, &budget),
                    ListFrom::Token(token) => {
                        engine.query_as_within(principal, &query, Some(&token), &budget)
                    }
                    ListFrom::Positions(positions) => {
                        engine.query_at_as_within(principal, &query, &positions, &budget)
                    }
                }
                .map(Reply::Page)
            }
            // Positions and status name no namespace and tell nothing of any resource: every
            // principal may have them.
            Call::Positions => engine.positions().map(Reply::Positions),
            Call::Status => Ok(Reply::Status(Status {
                cluster_id: engine.cluster_id(),
                shards: engine.shard_health(),
            })),
        };
        Some(reply.unwrap_or_else(|error| failed(&error)))
    }

    /// Finishes the writes that are durable, oldest first, up to the first still waiting (whose
    /// completion then wakes this task); ready if any was finished.
    fn poll_committed(&mut self, cx: &mut Context<'_>) -> Poll<()> {
        let mut finished = false;
        while let Some(oldest) = self.committing.front_mut() {
            let Poll::Ready((seq, reply)) = Pin::new(oldest).poll(cx) else {
                break;
            };
            self.committing.pop_front();
            self.finish(seq, &reply);
            finished = true;
        }
        if finished {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    }

    /// The answers that may go now, in order, with what their requests held released, and the
    /// bytes the answers hold until the caller has written them.
    fn ready(&mut self) -> (Vec<wire::Message>, u64) {
        let ready = self.requests.ready();
        let mut answer_bytes = 0;
        let mut budget = self.state.budget();
        for _ in &ready {
            let held = self.held.pop_front().expect("each answer had a request");
            budget.release_bytes(held.frame_bytes);
            if held.counted {
                budget.release_request();
            }
            answer_bytes += held.answer_bytes;
        }
        (ready, answer_bytes)
    }
}

impl Drop for RequestStream {
    /// A stream that ends with requests unanswered (reset, connection lost) gives back what
    /// they held.
    fn drop(&mut self) {
        let mut answer_bytes = 0;
        let mut budget = self.state.budget();
        for held in self.held.drain(..) {
            budget.release_bytes(held.frame_bytes);
            if held.counted {
                budget.release_request();
            }
            answer_bytes += held.answer_bytes;
        }
        drop(budget);
        self.state.release_outgoing(Outgoing::Answers, answer_bytes);
    }
}

fn failed(error: &Error) -> Reply {
    Reply::Failed(RemoteError::from(error))
}

/// Serves a request stream whose first message is `first`, until the client finished it and
/// every request is answered, or shutdown (the requests taken are answered; no more are read).
pub async fn serve(
    state: Arc<ConnectionState>,
    principal: Principal,
    mut send: quinn::SendStream,
    mut recv: quinn::RecvStream,
    mut reader: FrameReader,
    first: Received,
    mut shutdown: ShutdownSignal,
) {
    let mut stream = RequestStream {
        state: state.clone(),
        principal,
        requests: ServerRequests::new(REQUESTS_IN_FLIGHT_DEFAULT),
        held: VecDeque::new(),
        committing: VecDeque::new(),
    };
    let mut encoder =
        FrameEncoder::with_limit(state.frame_bytes_max).expect("frame_bytes_max is in range");
    if let Err(code) = stream.take(first) {
        return reset_stream(&mut send, &mut recv, code);
    }
    let mut reading = true;
    loop {
        // Everything already read, as far as the stream's bound and the connection's room for
        // answers allow.
        while reading && stream.requests.can_accept() && state.budget().has_room(Outgoing::Answers)
        {
            match reader.decode_buffered() {
                Ok(Some(received)) => {
                    if let Err(code) = stream.take(received) {
                        return reset_stream(&mut send, &mut recv, code);
                    }
                }
                Ok(None) => break,
                Err(error) => {
                    debug!(%error, "request stream refused");
                    if let Some(code) = error.code() {
                        reset_stream(&mut send, &mut recv, code);
                    }
                    return;
                }
            }
        }
        // Whether requests may be waiting, read and not taken, for room for their answers.
        let gated =
            reading && stream.requests.can_accept() && !state.budget().has_room(Outgoing::Answers);
        let (ready, answer_bytes) = stream.ready();
        let held = OutgoingHeld::adopt(&state, Outgoing::Answers, answer_bytes);
        let written = write_messages(&state, &mut send, &mut encoder, &ready).await;
        drop(held);
        if written.is_err() {
            return;
        }
        if !reading && stream.requests.pending() == 0 {
            finish_delivered(&mut send).await;
            return;
        }
        let room = state.budget().has_room(Outgoing::Answers);
        if gated && room {
            // The answers just written made room: take what was read before reading more.
            continue;
        }
        let may_read = reading && stream.requests.can_accept() && reader.is_drained() && room;
        // Requests read and not taken for want of room: taken once other streams' answers are
        // written.
        let waits_for_room = reading && !room && stream.requests.can_accept();
        tokio::select! {
            filled = reader.fill(&mut recv), if may_read => match filled {
                Ok(true) => {}
                Ok(false) => reading = false,
                Err(error) => {
                    debug!(%error, "request stream refused");
                    if let Some(code) = error.code() {
                        reset_stream(&mut send, &mut recv, code);
                    }
                    return;
                }
            },
            () = std::future::poll_fn(|cx| stream.poll_committed(cx)), if !stream.committing.is_empty() => {}
            _ = shutdown.requested(), if reading => reading = false,
            () = state.outgoing_room(Outgoing::Answers), if waits_for_room => {}
            // A client that gives up on a request waiting for room (it stops the stream at its
            // time-out) gets the stream's credit and bytes back now, not when room comes.
            _ = send.stopped(), if waits_for_room => return,
        }
    }
}
