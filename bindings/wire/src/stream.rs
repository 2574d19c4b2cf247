//! Which kind of stream a client opened, told by its first frame (`docs/protocol.md`, "Streams").
//!
//! The control stream is the connection's first bidirectional stream and starts with the
//! handshake ([`crate::handshake`]); every other client-opened stream starts with a `Request`
//! (a request stream: more requests follow, each answered in order) or a `Subscribe` (a
//! subscription stream). Anything else is refused: a reserved family with `NotImplemented`, any
//! other message with `Malformed`; the server resets the stream with that code.

use crate::convert::DecodeError;
use crate::handshake::message_kind;
use crate::wire;

/// What a stream carries, once its first frame is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StreamKind {
    /// `Request` frames in, one `Response` frame out for each, in order.
    Requests,
    /// One `Subscribe` in; `Subscribed`, `Events`… and `SubscriptionEnd` out.
    Subscription,
}

/// The kind of a client-opened stream (not the control stream) from its first message.
pub fn classify(first: &wire::Message) -> Result<StreamKind, DecodeError> {
    use wire::Message as M;
    match first {
        M::Request(_) => Ok(StreamKind::Requests),
        M::Subscribe(_) => Ok(StreamKind::Subscription),
        M::PublishIntents(_)
        | M::IntentDeliveryMessage(_)
        | M::IntentAck(_)
        | M::NodeCommand(_)
        | M::NodeCommandReport(_) => Err(DecodeError::NotServed {
            found: message_kind(first),
        }),
        other => Err(DecodeError::Unexpected {
            expected: "Request or Subscribe",
            found: message_kind(other),
        }),
    }
}

/// Whether `message` may follow on a stream of `kind` from the client: only requests follow
/// requests; a subscription stream carries nothing more from the client (it stops the stream to
/// unsubscribe).
pub fn check_next(kind: StreamKind, message: &wire::Message) -> Result<(), DecodeError> {
    match (kind, message) {
        (StreamKind::Requests, wire::Message::Request(_)) => Ok(()),
        (StreamKind::Requests, other) => Err(DecodeError::Unexpected {
            expected: "Request",
            found: message_kind(other),
        }),
        (StreamKind::Subscription, other) => Err(DecodeError::Unexpected {
            expected: "nothing after Subscribe",
            found: message_kind(other),
        }),
    }
}
