//! Conversions between the engine's types and the wire's, both ways.
//!
//! Engine → wire never fails: an engine value is valid by construction. Wire → engine checks
//! every rule the engine would (the same functions: `Batch::validate`, `Resource::validate`,
//! `Query::validate`, `Pattern::validate`, `TagSelector::parse`, `Token::decode`) and answers a
//! [`DecodeError`] that names the field and the rule, with the [`wire::ErrorCode`] to send back.
//! So a value decoded here is one the engine accepts as input, and a peer's bytes can never make
//! the engine see what its own API would refuse. (Inside the crate, a batch's specs are converted
//! unchecked and checked once with their batch, by `Batch::validate`.)
//!
//! Errors travel one way: an `aorta_engine::Error` becomes a [`wire::Error`]; a client receives
//! it as a [`RemoteError`] (the engine's error holds `'static` strings and IO errors that cannot be
//! rebuilt from bytes, so the client gets the code, the message and the figures, not the enum).

mod error;
mod request;
mod resource;
mod subscription;

pub use error::{error_to_wire, RemoteError};
pub use request::{page_budget_for_frame, Call, ListFrom, Reply, Status, PAGE_ENVELOPE_BYTES_MAX};
pub use resource::{
    resource_from_wire, resource_from_wire_owned, resource_id_from_wire, resource_id_to_wire,
    resource_to_wire, resource_wire_bytes_max, spec_to_wire,
};
pub use subscription::{
    event_from_wire, event_from_wire_owned, event_to_wire, events_from_wire,
    events_from_wire_owned, events_to_wire, subscribe_from_wire, subscribe_to_wire,
};

use aorta_engine::query::{QueryError, SelectorError, TokenError};
use aorta_engine::resource::ValidationError;
use aorta_engine::subscription::PatternError;

use crate::wire;

/// Why a wire message was refused on its way to the engine. Nothing was done.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("invalid input: {0}")]
    Invalid(#[from] ValidationError),
    #[error("the resource names tag {key:?} twice; each tag key once")]
    DuplicateTag { key: String },
    #[error("invalid query: {0}")]
    Query(#[from] QueryError),
    #[error("invalid tag selector: {0}")]
    Selector(#[from] SelectorError),
    #[error("invalid query token: {0}")]
    Token(#[from] TokenError),
    #[error("invalid subscription pattern: {0}")]
    Pattern(#[from] PatternError),
    #[error("a list request gives both a token and positions; give one of them")]
    TokenAndPositions,
    #[error("{field} is {value}, over the limit of {max}")]
    OutOfRange {
        field: &'static str,
        value: u64,
        max: u64,
    },
    #[error("a {action:?} event must carry {needs}")]
    EventShape {
        action: wire::EventAction,
        needs: &'static str,
    },
    #[error("{found} belongs to a family this node does not serve yet (intents, node-commands)")]
    NotServed { found: &'static str },
    #[error("a {found} where a {expected} belongs")]
    Unexpected {
        expected: &'static str,
        found: &'static str,
    },
}

/// `OutOfRange` if a decoded list of `len` items is longer than `max` (the engine's limit).
pub(crate) fn count_within(field: &'static str, len: usize, max: usize) -> Result<(), DecodeError> {
    if len > max {
        return Err(DecodeError::OutOfRange {
            field,
            value: len as u64,
            max: max as u64,
        });
    }
    Ok(())
}

impl DecodeError {
    /// The error code the protocol sends for this failure.
    pub fn code(&self) -> wire::ErrorCode {
        use wire::ErrorCode as Code;
        match self {
            DecodeError::Invalid(_)
            | DecodeError::DuplicateTag { .. }
            | DecodeError::OutOfRange { .. } => Code::InvalidInput,
            DecodeError::Query(_) | DecodeError::Selector(_) | DecodeError::TokenAndPositions => {
                Code::InvalidQuery
            }
            DecodeError::Token(_) => Code::InvalidToken,
            DecodeError::Pattern(_) => Code::InvalidPattern,
            DecodeError::NotServed { .. } => Code::NotImplemented,
            DecodeError::EventShape { .. } | DecodeError::Unexpected { .. } => Code::Malformed,
        }
    }

    /// The typed error to answer with.
    pub fn to_wire(&self) -> wire::Error {
        wire::Error {
            code: self.code(),
            message: self.to_string(),
            detail: None,
        }
    }
}

/// A count as the wire's `u32`; one beyond it (never valid: every such count has a far smaller
/// limit) becomes `u32::MAX`, which the receiver refuses by that limit.
fn saturating_u32(count: usize) -> u32 {
    u32::try_from(count).unwrap_or(u32::MAX)
}
