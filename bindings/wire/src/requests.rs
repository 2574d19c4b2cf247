//! Request streams, sans-IO (`docs/protocol.md`, "Streams"): requests are pipelined on a stream,
//! and the server answers each with one response, in the order of the requests.
//!
//! * [`ClientRequests`] numbers the client's requests and matches each response to the oldest
//!   request in flight; a response out of order, or to nothing, is a protocol error.
//! * [`ServerRequests`] lets the server run a stream's requests concurrently and still answer in
//!   order: it holds each finished reply until every earlier one is out.
//!
//! Bound: at most `in_flight_max` requests per stream on either side
//! ([`REQUESTS_IN_FLIGHT_DEFAULT`] by default). A client waits for answers before it sends more; a
//! server stops reading the stream while it has that many (QUIC flow control then holds the
//! client), so the replies a server holds per stream are bounded too.

use std::collections::VecDeque;

use crate::convert::{Call, DecodeError, Reply};
use crate::handshake::message_kind;
use crate::wire;

/// Requests one stream may have in flight by default.
pub const REQUESTS_IN_FLIGHT_DEFAULT: usize = 256;

/// Why a request stream broke.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RequestStreamError {
    #[error(
        "{in_flight} requests are in flight on this stream, the most it takes; wait for answers"
    )]
    Full { in_flight: usize },
    #[error("a {found} arrived on a request stream, where a {expected} belongs")]
    Unexpected {
        expected: &'static str,
        found: &'static str,
    },
    #[error("the response answers request {found}, but the oldest in flight is {expected:?}")]
    OutOfOrder { expected: Option<u64>, found: u64 },
    #[error("request number {seq} of this stream is not waiting for a reply")]
    UnknownRequest { seq: u64 },
    #[error("the reply to request {id} is invalid: {error}")]
    Reply { id: u64, error: DecodeError },
}

/// The client's side of one request stream.
#[derive(Debug)]
pub struct ClientRequests {
    next_id: u64,
    in_flight: VecDeque<u64>,
    in_flight_max: usize,
}

impl Default for ClientRequests {
    fn default() -> Self {
        ClientRequests::new(REQUESTS_IN_FLIGHT_DEFAULT)
    }
}

impl ClientRequests {
    pub fn new(in_flight_max: usize) -> Self {
        ClientRequests {
            next_id: 0,
            in_flight: VecDeque::new(),
            in_flight_max: in_flight_max.max(1),
        }
    }

    pub fn in_flight(&self) -> usize {
        self.in_flight.len()
    }

    /// The `Request` to send for `call`, and its id (this stream's own numbering, from 0);
    /// `Full` while the stream has its most in flight.
    pub fn send(&mut self, call: &Call) -> Result<(u64, wire::Message), RequestStreamError> {
        let id = self.next_id;
        self.sent(id)?;
        self.next_id = self.next_id.wrapping_add(1);
        Ok((id, Self::request(id, call)))
    }

    /// The `Request` message for `call` under the caller's own `id`, for a caller that encodes it
    /// before it knows the stream (a client numbering requests across its streams, so that each
    /// is encoded once: the frame it measures is the frame it writes). Record it with
    /// [`ClientRequests::sent`] when it is written.
    pub fn request(id: u64, call: &Call) -> wire::Message {
        wire::Message::Request(Box::new(wire::Request {
            id,
            body: call.to_wire(),
        }))
    }

    /// Records a request built by [`ClientRequests::request`] as written on this stream: its
    /// response must come before those of the requests recorded after it (responses are matched
    /// by their place in the order, and each is checked to carry the oldest id in flight, so a
    /// caller keeps its ids distinct, as a counter does, for that check to catch a stray
    /// response). `Full` while the stream has its most in flight.
    pub fn sent(&mut self, id: u64) -> Result<(), RequestStreamError> {
        if self.in_flight.len() >= self.in_flight_max {
            return Err(RequestStreamError::Full {
                in_flight: self.in_flight.len(),
            });
        }
        self.in_flight.push_back(id);
        Ok(())
    }

    /// The id and the reply a received `Response` carries; it must answer the oldest request in
    /// flight.
    pub fn receive(&mut self, message: &wire::Message) -> Result<(u64, Reply), RequestStreamError> {
        let wire::Message::Response(response) = message else {
            return Err(RequestStreamError::Unexpected {
                expected: "Response",
                found: message_kind(message),
            });
        };
        let expected = self.in_flight.front().copied();
        if expected != Some(response.request_id) {
            return Err(RequestStreamError::OutOfOrder {
                expected,
                found: response.request_id,
            });
        }
        self.in_flight.pop_front();
        let id = response.request_id;
        let reply = Reply::from_wire(&response.body)
            .map_err(|error| RequestStreamError::Reply { id, error })?;
        Ok((id, reply))
    }
}

/// One request the server took from a stream: its id, its place on the stream, and the call, or
/// why it could not be decoded (answer it with [`ServerRequests::finish`] all the same, so the
/// order holds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accepted {
    /// The client's id, echoed in the response.
    pub id: u64,
    /// The request's number on this stream (0 for the first): what [`ServerRequests::finish`]
    /// takes. The client's ids are only echoed, never matched, so a client that repeats an id
    /// still gets each reply for its own request.
    pub seq: u64,
    pub call: Result<Call, DecodeError>,
}

/// The server's side of one request stream.
#[derive(Debug)]
pub struct ServerRequests {
    /// Requests taken, oldest first: the client's id, and the reply once finished.
    pending: VecDeque<(u64, Option<wire::ResponseBody>)>,
    /// The number on this stream of `pending`'s oldest.
    first_seq: u64,
    in_flight_max: usize,
}

impl Default for ServerRequests {
    fn default() -> Self {
        ServerRequests::new(REQUESTS_IN_FLIGHT_DEFAULT)
    }
}

impl ServerRequests {
    pub fn new(in_flight_max: usize) -> Self {
        ServerRequests {
            pending: VecDeque::new(),
            first_seq: 0,
            in_flight_max: in_flight_max.max(1),
        }
    }

    /// Whether the server may read another request from the stream now.
    pub fn can_accept(&self) -> bool {
        self.pending.len() < self.in_flight_max
    }

    /// Takes one message received on the stream: a `Request` (anything else breaks the stream).
    /// Its call is checked as the engine would check it; a call that fails gets an `Error` reply
    /// through [`ServerRequests::finish`] like any other.
    pub fn accept(&mut self, message: wire::Message) -> Result<Accepted, RequestStreamError> {
        let request = match message {
            wire::Message::Request(request) => request,
            other => {
                return Err(RequestStreamError::Unexpected {
                    expected: "Request",
                    found: message_kind(&other),
                })
            }
        };
        if !self.can_accept() {
            return Err(RequestStreamError::Full {
                in_flight: self.pending.len(),
            });
        }
        let seq = self.first_seq + self.pending.len() as u64;
        self.pending.push_back((request.id, None));
        Ok(Accepted {
            id: request.id,
            seq,
            call: Call::from_wire(request.body),
        })
    }

    /// Records the reply to the request taken as number `seq` ([`Accepted::seq`]).
    pub fn finish(&mut self, seq: u64, reply: &Reply) -> Result<(), RequestStreamError> {
        let slot = seq
            .checked_sub(self.first_seq)
            .and_then(|index| self.pending.get_mut(usize::try_from(index).ok()?))
            .filter(|(_, body)| body.is_none())
            .ok_or(RequestStreamError::UnknownRequest { seq })?;
        slot.1 = Some(reply.to_wire());
        Ok(())
    }

    /// The responses that may be sent now, in order: every finished reply that no unfinished
    /// request comes before.
    pub fn ready(&mut self) -> Vec<wire::Message> {
        let mut ready = Vec::new();
        while let Some((_, Some(_))) = self.pending.front() {
            let (request_id, body) = self.pending.pop_front().expect("a front exists");
            self.first_seq += 1;
            let body = body.expect("finished");
            ready.push(wire::Message::Response(Box::new(wire::Response {
                request_id,
                body,
            })));
        }
        ready
    }

    pub fn pending(&self) -> usize {
        self.pending.len()
    }
}
