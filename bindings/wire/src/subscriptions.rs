//! Subscription streams, sans-IO (`docs/protocol.md`, "Streams"): the client's side keeps the
//! token to resume from, so that after a lost connection it subscribes again from exactly where
//! it stopped (every matching change after the last `Events` frame it received, none twice).
//!
//! The server's side needs no state of its own beyond the engine's `Subscription`: it decodes the
//! `Subscribe` with [`crate::convert::subscribe_from_wire`] and writes [`subscribed`],
//! [`events`] and [`ended`] frames.

use aorta_engine::subscription::{Event, Pattern, Start};

use crate::convert::{self, DecodeError, RemoteError};
use crate::handshake::message_kind;
use crate::wire;

/// What a subscription stream delivered.
#[derive(Clone, Debug, PartialEq)]
pub enum Delivery {
    /// The subscription is open ([`ClientSubscription::resume_from`] is its start).
    Started,
    /// Events, in commit order within each shard.
    Events(Vec<Event>),
    /// The server ended the subscription, and why.
    Ended(RemoteError),
}

/// The client's side of one subscription.
#[derive(Clone, Debug)]
pub struct ClientSubscription {
    pattern: Pattern,
    /// Where a new `Subscribe` would start: the original start until a token arrives, then the
    /// last token received.
    resume: Start,
    ended: bool,
}

impl ClientSubscription {
    /// A subscription of `pattern` from `start`, and the `Subscribe` to send on a new stream.
    pub fn open(pattern: Pattern, start: Start) -> (Self, wire::Message) {
        let subscribe = subscribe_message(&pattern, &start);
        let subscription = ClientSubscription {
            pattern,
            resume: start,
            ended: false,
        };
        (subscription, subscribe)
    }

    /// The `Subscribe` that resumes this subscription on a new stream (after a lost connection).
    pub fn resubscribe(&self) -> wire::Message {
        subscribe_message(&self.pattern, &self.resume)
    }

    /// Where a resumed subscription starts.
    pub fn resume_from(&self) -> &Start {
        &self.resume
    }

    pub fn is_ended(&self) -> bool {
        self.ended
    }

    /// Takes one message from the subscription's stream.
    pub fn receive(&mut self, message: &wire::Message) -> Result<Delivery, DecodeError> {
        self.receive_owned(message.clone())
    }

    /// [`ClientSubscription::receive`] for a message the caller no longer needs: the events'
    /// resources move out of it instead of being copied.
    pub fn receive_owned(&mut self, message: wire::Message) -> Result<Delivery, DecodeError> {
        match message {
            wire::Message::Subscribed(subscribed) => {
                self.resume = Start::After(subscribed.resume_token);
                Ok(Delivery::Started)
            }
            wire::Message::Events(events) => {
                let (events, token) = convert::events_from_wire_owned(*events)?;
                self.resume = Start::After(token);
                Ok(Delivery::Events(events))
            }
            wire::Message::SubscriptionEnd(end) => {
                self.ended = true;
                Ok(Delivery::Ended(RemoteError::from_wire(&end.error)))
            }
            other => Err(DecodeError::Unexpected {
                expected: "Subscribed, Events or SubscriptionEnd",
                found: message_kind(&other),
            }),
        }
    }
}

fn subscribe_message(pattern: &Pattern, start: &Start) -> wire::Message {
    wire::Message::Subscribe(Box::new(convert::subscribe_to_wire(pattern, start)))
}

/// The server's answer to a `Subscribe` it opened: the token the stream starts from.
pub fn subscribed(resume_token: &[u64]) -> wire::Message {
    wire::Message::Subscribed(Box::new(wire::Subscribed {
        resume_token: resume_token.to_vec(),
    }))
}

/// Events, and the token to resume from after them (`Subscription::resume_token` once they are
/// taken).
pub fn events(events: &[Event], resume_token: &[u64]) -> wire::Message {
    wire::Message::Events(Box::new(convert::events_to_wire(events, resume_token)))
}

/// The end of a subscription, with the engine's error that ended it.
pub fn ended(error: &aorta_engine::Error) -> wire::Message {
    wire::Message::SubscriptionEnd(Box::new(wire::SubscriptionEnd {
        error: Box::new(convert::error_to_wire(error)),
    }))
}
