//! The engine's errors on the wire.

use aorta_engine::filter::{Action, Rejection};
use aorta_engine::sync::Budget;
use aorta_engine::{ConflictReason, Error};

use crate::wire;

/// The typed error a server sends for `error`: a code for programs, the engine's message for
/// people, and the figures when the kind has them.
pub fn error_to_wire(error: &Error) -> wire::Error {
    let (code, detail) = code_and_detail(error);
    wire::Error {
        code,
        message: error.to_string(),
        detail,
    }
}

fn code_and_detail(error: &Error) -> (wire::ErrorCode, Option<wire::ErrorDetail>) {
    use wire::ErrorCode as Code;
    use wire::ErrorDetail as Detail;
    match error {
        Error::Invalid(_) => (Code::InvalidInput, None),
        Error::InvalidQuery(_) => (Code::InvalidQuery, None),
        Error::InvalidToken(_) => (Code::InvalidToken, None),
        Error::InvalidPattern(_) => (Code::InvalidPattern, None),
        Error::Conflict {
            command_index,
            key,
            reason,
        } => (
            Code::Conflict,
            Some(Detail::ConflictDetail(Box::new(conflict_to_wire(
                *command_index,
                key,
                reason,
            )))),
        ),
        Error::Rejected {
            filter,
            command_index,
            key,
            reason,
        } => (
            Code::Rejected,
            Some(Detail::RejectionDetail(Box::new(wire::RejectionDetail {
                filter: filter.to_string(),
                command_index: super::saturating_u32(*command_index),
                key: key.clone(),
                reason: rejection_to_wire(reason),
            }))),
        ),
        // A read the permission rules refuse travels as the permission filter's rejection of a
        // write does (the client's `Denied` kind), its `Denied` reason marked `read`.
        Error::ReadDenied { target, reason } => (
            Code::Rejected,
            Some(Detail::RejectionDetail(Box::new(wire::RejectionDetail {
                filter: "permission".to_string(),
                command_index: 0,
                key: target.clone(),
                reason: rejection_to_wire(reason),
            }))),
        ),
        Error::BatchSpansShards {
            first_shard,
            other_shard,
            first_namespace,
            other_namespace,
        } => (
            Code::BatchSpansShards,
            Some(Detail::SpansShardsDetail(Box::new(
                wire::SpansShardsDetail {
                    first_shard: *first_shard,
                    other_shard: *other_shard,
                    first_namespace: first_namespace.clone(),
                    other_namespace: other_namespace.clone(),
                },
            ))),
        ),
        Error::Overloaded {
            shard,
            budget,
            queued,
            limit,
        } => (
            Code::Overloaded,
            Some(Detail::OverloadedDetail(Box::new(wire::OverloadedDetail {
                shard: *shard,
                budget: match budget {
                    Budget::Requests => wire::QueueBudget::Requests,
                    Budget::Bytes => wire::QueueBudget::Bytes,
                },
                queued: *queued,
                limit: *limit,
            }))),
        ),
        Error::ShardDown { shard, .. } => (Code::ShardDown, Some(shard_detail(*shard))),
        Error::LogFailed { shard, .. } => (Code::Unavailable, Some(shard_detail(*shard))),
        Error::Closed => (Code::Unavailable, None),
        Error::Compacted {
            shard,
            requested,
            oldest_available,
            current,
        } => (
            Code::Compacted,
            Some(Detail::CompactedDetail(Box::new(wire::CompactedDetail {
                shard: *shard,
                requested: *requested,
                oldest_available: *oldest_available,
                current: *current,
            }))),
        ),
        // Failures of the node itself: the message says what, the client cannot act on them.
        Error::InvalidConfig { .. }
        | Error::PositionNotRising { .. }
        | Error::Io { .. }
        | Error::Corrupt { .. }
        | Error::Incompatible { .. }
        | Error::HandlerPanicked { .. } => (Code::Internal, None),
    }
}

fn shard_detail(shard: u16) -> wire::ErrorDetail {
    wire::ErrorDetail::ShardDetail(Box::new(wire::ShardDetail { shard }))
}

fn conflict_to_wire(index: usize, key: &str, reason: &ConflictReason) -> wire::ConflictDetail {
    let mut detail = wire::ConflictDetail {
        command_index: super::saturating_u32(index),
        key: key.to_string(),
        kind: wire::ConflictKind::NotFound,
        revision: 0,
        expected: 0,
        actual: 0,
    };
    match reason {
        ConflictReason::AlreadyExists { revision } => {
            detail.kind = wire::ConflictKind::AlreadyExists;
            detail.revision = *revision;
        }
        ConflictReason::NotFound => detail.kind = wire::ConflictKind::NotFound,
        ConflictReason::RevisionMismatch { expected, actual } => {
            detail.kind = wire::ConflictKind::RevisionMismatch;
            detail.expected = *expected;
            detail.actual = *actual;
        }
    }
    detail
}

fn uint128(value: u128) -> wire::Uint128 {
    wire::Uint128 {
        high: (value >> 64) as u64,
        low: value as u64,
    }
}

fn rejection_to_wire(rejection: &Rejection) -> wire::Rejection {
    match rejection {
        Rejection::Denied {
            principal,
            action,
            namespace,
            kind,
            rule,
        } => wire::Rejection::Denied(Box::new(wire::Denied {
            principal: principal.clone(),
            action: match action {
                Action::Create | Action::Read => wire::CommandAction::Create,
                Action::Update => wire::CommandAction::Update,
                Action::Delete => wire::CommandAction::Delete,
            },
            namespace_path: namespace.clone(),
            kind: kind.clone(),
            rule: rule.clone(),
            read: *action == Action::Read,
        })),
        Rejection::OverBudget {
            budget,
            namespace,
            used,
            limit,
            asked,
        } => wire::Rejection::OverBudget(Box::new(wire::OverBudget {
            budget: budget.clone(),
            namespace_path: namespace.clone(),
            used: uint128(*used),
            limit: *limit,
            asked: uint128(*asked),
        })),
        Rejection::SchemaViolation {
            kind,
            schema,
            reason,
        } => wire::Rejection::SchemaViolation(Box::new(wire::SchemaViolation {
            kind: kind.clone(),
            schema: schema.clone(),
            reason: reason.clone(),
        })),
        Rejection::InvalidPolicy { reason } => {
            wire::Rejection::InvalidPolicy(Box::new(wire::InvalidPolicy {
                reason: reason.clone(),
            }))
        }
    }
}

/// A typed error a server sent: what a client sees of an engine's (or the protocol's) error.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message} ({code:?})")]
pub struct RemoteError {
    pub code: wire::ErrorCode,
    pub message: String,
    /// The figures, for the codes that have them (see `bindings/schema/error.fbs`).
    pub detail: Option<wire::ErrorDetail>,
}

impl RemoteError {
    pub fn from_wire(error: &wire::Error) -> Self {
        RemoteError {
            code: error.code,
            message: error.message.clone(),
            detail: error.detail.clone(),
        }
    }

    pub fn to_wire(&self) -> wire::Error {
        wire::Error {
            code: self.code,
            message: self.message.clone(),
            detail: self.detail.clone(),
        }
    }

    /// Whether the same request may succeed later unchanged (the node was busy or a shard is
    /// out of service), as opposed to a request that must change first.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self.code,
            wire::ErrorCode::Overloaded | wire::ErrorCode::Unavailable
        )
    }
}

impl From<&Error> for RemoteError {
    fn from(error: &Error) -> Self {
        RemoteError::from_wire(&error_to_wire(error))
    }
}
