//! Subscription streams, sans-IO (`docs/protocol.md`, "Streams"): the client's side keeps the
//! token to resume from, so that after a lost connection it subscribes again from exactly where
//! it stopped (every matching change after the last `Events` frame it received, none twice).
//!
//! A batch too large for one frame comes in several, and the frames before its last carry a token
//! from before it (`docs/protocol.md`, "Tokens and batches"): a subscription resumed from such a
//! token gets the whole batch again. The client's side remembers which events of such a cut batch
//! it has received past its token — each by its resource's id and its action, which are unique in
//! a batch — and on the next stream drops exactly those of the batch's events, so that what it
//! delivers has no gap and no duplicate, even if the principal's read rules changed in between
//! (the batch is judged again: events it may now read come, events it may no longer read do not).
//!
//! The server's side needs no state of its own beyond the engine's `Subscription`: it decodes the
//! `Subscribe` with [`crate::convert::subscribe_from_wire`] and writes [`subscribed`],
//! [`events`] and [`ended`] frames.

use aorta_engine::subscription::{Event, EventAction, Pattern, Start};
use aorta_engine::ResourceId;

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
    /// Per shard, the events delivered past `resume`: some of the one batch the server cut between
    /// frames (at most one per shard: every batch before it is whole, so in the token).
    past_token: Vec<CutBatch>,
    /// On the current stream: per shard, the events of a cut batch delivered on an earlier
    /// stream, still to be dropped when they come again.
    repeats: Vec<CutBatch>,
    ended: bool,
}

/// Events of the batch committed at `position` in `shard`, each named by its resource's id and
/// its action. Bounded by a batch's commands (`BATCH_COMMANDS_MAX`).
#[derive(Clone, Debug, PartialEq, Eq)]
struct CutBatch {
    shard: u16,
    position: u64,
    events: Vec<EventName>,
}

type EventName = (Option<ResourceId>, EventAction);

fn event_name(event: &Event) -> EventName {
    let resource = event.new.as_ref().or(event.old.as_ref());
    (resource.map(|resource| resource.id), event.action)
}

impl ClientSubscription {
    /// A subscription of `pattern` from `start`, and the `Subscribe` to send on a new stream.
    pub fn open(pattern: Pattern, start: Start) -> (Self, wire::Message) {
        let subscribe = subscribe_message(&pattern, &start);
        let subscription = ClientSubscription {
            pattern,
            resume: start,
            past_token: Vec::new(),
            repeats: Vec::new(),
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
                // A new stream starts from the token: the cut batches' events delivered past
                // it come again first.
                self.forget_covered();
                self.repeats = self.past_token.clone();
                Ok(Delivery::Started)
            }
            wire::Message::Events(events) => {
                let (events, token) = convert::events_from_wire_owned(*events)?;
                let events = self.drop_repeats(events);
                self.resume = Start::After(token);
                self.forget_covered();
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

impl ClientSubscription {
    /// `events` without the ones delivered on an earlier stream, with the ones kept counted as
    /// delivered past the token.
    fn drop_repeats(&mut self, events: Vec<Event>) -> Vec<Event> {
        let mut kept = Vec::with_capacity(events.len());
        for event in events {
            let name = event_name(&event);
            if let Some(index) = self.repeats.iter().position(|r| r.shard == event.shard) {
                let repeat = &mut self.repeats[index];
                if repeat.position == event.position {
                    if let Some(seen) = repeat.events.iter().position(|n| *n == name) {
                        repeat.events.swap_remove(seen);
                        continue;
                    }
                } else {
                    // On to another batch: the cut one came again whole.
                    self.repeats.swap_remove(index);
                }
            }
            match self.past_token.iter_mut().find(|p| p.shard == event.shard) {
                Some(past) if past.position == event.position => past.events.push(name),
                Some(past) => {
                    *past = CutBatch {
                        shard: event.shard,
                        position: event.position,
                        events: vec![name],
                    }
                }
                None => self.past_token.push(CutBatch {
                    shard: event.shard,
                    position: event.position,
                    events: vec![name],
                }),
            }
            kept.push(event);
        }
        kept
    }

    /// Forgets the batches the token covers: whole, they will not come again.
    fn forget_covered(&mut self) {
        let Start::After(token) = &self.resume else {
            return;
        };
        let covered = |batch: &CutBatch| {
            token
                .get(usize::from(batch.shard))
                .is_some_and(|&position| batch.position <= position)
        };
        self.past_token.retain(|batch| !covered(batch));
        self.repeats.retain(|batch| !covered(batch));
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
