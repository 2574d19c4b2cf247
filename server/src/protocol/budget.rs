//! A connection's in-flight budget, sans-IO: the requests it has taken and not yet answered, the
//! bytes of requests it holds (frames still arriving, decoded requests not yet answered), and
//! the bytes of what it will send (answers made and not yet written, subscription frames being
//! written).
//!
//! Invariant: `requests <= requests_max` and `bytes <= bytes_max` at all times; a charge that
//! would break either is refused whole ([`OverBudget`]) and changes nothing. Every charge is
//! released exactly once by whoever took it (the stream that read the bytes, the request that
//! was answered, the write that sent the answer), so an idle connection holds zero of all three.
//!
//! Outgoing bytes are not refused, since the work that made them is done: they are charged as
//! they are made, by kind ([`Outgoing`]), and gate what makes more. A small request can ask for a
//! large answer (a page of up to a frame), so this gate, not the request's own bytes, is what
//! bounds the answers a client that does not read can make the node hold:
//!
//! * no request stream takes another request while the connection's *answers* reach `bytes_max`
//!   ([`InFlight::has_room`] for [`Outgoing::Answers`]): at most `bytes_max` plus one answer;
//! * no subscription takes more events while answers and events together reach it
//!   ([`Outgoing::Events`]); a subscription holds at most one take while it is written.
//!
//! Events do not gate requests: a subscription its client is slow to read (flow control holds its
//! take) must not stop that client's requests — a watcher that writes on each event would
//! otherwise wait for itself.

use aorta_wire::wire;

/// Why a charge was refused; the message names the figures and the setting to change.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OverBudget {
    #[error(
        "this connection has {in_flight} requests in flight, and requests_in_flight_max is {max}: \
         wait for answers before sending more"
    )]
    Requests { in_flight: u32, max: u32 },
    #[error(
        "this connection holds {held} bytes of requests and {asked} more arrived, over \
         request_bytes_in_flight_max = {max}: send fewer or smaller requests at once"
    )]
    Bytes { held: u64, asked: u64, max: u64 },
}

impl OverBudget {
    /// The typed error a client gets: `Overloaded`, retryable once answers came back.
    pub fn to_wire(&self) -> wire::Error {
        wire::Error {
            code: wire::ErrorCode::Overloaded,
            message: self.to_string(),
            detail: None,
        }
    }
}

/// One connection's budget (see the module doc).
#[derive(Debug)]
pub struct InFlight {
    requests: u32,
    requests_max: u32,
    bytes: u64,
    bytes_max: u64,
    answers: u64,
    events: u64,
}

/// What bytes to send are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outgoing {
    /// Answers made and not yet written.
    Answers,
    /// A subscription's events being written.
    Events,
}

impl InFlight {
    pub fn new(requests_max: u32, bytes_max: u64) -> Self {
        InFlight {
            requests: 0,
            requests_max,
            bytes: 0,
            bytes_max,
            answers: 0,
            events: 0,
        }
    }

    /// One more request taken; refused at `requests_max`.
    pub fn take_request(&mut self) -> Result<(), OverBudget> {
        if self.requests >= self.requests_max {
            return Err(OverBudget::Requests {
                in_flight: self.requests,
                max: self.requests_max,
            });
        }
        self.requests += 1;
        Ok(())
    }

    pub fn release_request(&mut self) {
        assert!(self.requests > 0, "a request released that was never taken");
        self.requests -= 1;
    }

    /// `asked` more bytes held; refused if that would pass `bytes_max`.
    pub fn take_bytes(&mut self, asked: u64) -> Result<(), OverBudget> {
        if self.bytes + asked > self.bytes_max {
            return Err(OverBudget::Bytes {
                held: self.bytes,
                asked,
                max: self.bytes_max,
            });
        }
        self.bytes += asked;
        Ok(())
    }

    pub fn release_bytes(&mut self, bytes: u64) {
        assert!(self.bytes >= bytes, "more bytes released than taken");
        self.bytes -= bytes;
    }

    /// Requests and bytes held now.
    pub fn held(&self) -> (u32, u64) {
        (self.requests, self.bytes)
    }

    fn counter(&mut self, kind: Outgoing) -> &mut u64 {
        match kind {
            Outgoing::Answers => &mut self.answers,
            Outgoing::Events => &mut self.events,
        }
    }

    /// `bytes` more to send, made already: charged, never refused (see the module doc).
    pub fn hold_outgoing(&mut self, kind: Outgoing, bytes: u64) {
        *self.counter(kind) += bytes;
    }

    pub fn release_outgoing(&mut self, kind: Outgoing, bytes: u64) {
        let held = self.counter(kind);
        assert!(*held >= bytes, "more {kind:?} bytes released than held");
        *held -= bytes;
    }

    /// Whether the connection may take more work that makes bytes to send of `kind`: a request
    /// while its answers are below `bytes_max`, events while answers and events together are.
    pub fn has_room(&self, kind: Outgoing) -> bool {
        match kind {
            Outgoing::Answers => self.answers < self.bytes_max,
            Outgoing::Events => self.answers + self.events < self.bytes_max,
        }
    }

    /// Bytes to send held now: answers, events.
    pub fn outgoing(&self) -> (u64, u64) {
        (self.answers, self.events)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_over_the_count_is_refused_and_changes_nothing() {
        let mut budget = InFlight::new(2, 100);
        budget.take_request().unwrap();
        budget.take_request().unwrap();
        assert_eq!(
            budget.take_request(),
            Err(OverBudget::Requests {
                in_flight: 2,
                max: 2
            })
        );
        budget.release_request();
        budget.take_request().unwrap();
        assert_eq!(budget.held(), (2, 0));
    }

    #[test]
    fn bytes_over_the_limit_are_refused_whole() {
        let mut budget = InFlight::new(2, 100);
        budget.take_bytes(60).unwrap();
        let refused = budget.take_bytes(41).unwrap_err();
        assert!(refused
            .to_string()
            .contains("request_bytes_in_flight_max = 100"));
        assert_eq!(budget.held(), (0, 60));
        budget.take_bytes(40).unwrap();
        budget.release_bytes(100);
        assert_eq!(budget.held(), (0, 0));
    }

    #[test]
    fn outgoing_bytes_close_the_gate_at_the_limit_and_reopen_it_when_written() {
        use Outgoing::{Answers, Events};
        let mut budget = InFlight::new(2, 100);
        budget.hold_outgoing(Answers, 60);
        assert!(budget.has_room(Answers) && budget.has_room(Events));
        // Made already: charged past the limit, never refused; both gates close.
        budget.hold_outgoing(Answers, 70);
        assert_eq!(budget.outgoing(), (130, 0));
        assert!(!budget.has_room(Answers) && !budget.has_room(Events));
        // Outgoing bytes are apart from the requests' bytes.
        budget.take_bytes(100).unwrap();
        budget.release_outgoing(Answers, 60);
        assert!(budget.has_room(Answers), "70 held, below 100");
        budget.release_outgoing(Answers, 70);
        assert_eq!(budget.outgoing(), (0, 0));
        assert_eq!(budget.held(), (0, 100));
    }

    #[test]
    fn events_held_close_the_events_gate_only() {
        use Outgoing::{Answers, Events};
        let mut budget = InFlight::new(2, 100);
        budget.hold_outgoing(Events, 150);
        assert!(!budget.has_room(Events));
        assert!(
            budget.has_room(Answers),
            "a subscription slow to be read never stops its connection's requests"
        );
        budget.hold_outgoing(Answers, 40);
        budget.release_outgoing(Events, 150);
        assert!(budget.has_room(Events), "40 of answers, below 100");
        budget.hold_outgoing(Events, 60);
        assert!(
            !budget.has_room(Events),
            "answers and events together reach 100"
        );
    }
}
