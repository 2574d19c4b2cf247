//! The client's errors: one variant per thing a caller does something different about, mapped
//! from the protocol's error codes (`docs/protocol.md`, "Errors") and from what the network did.
//!
//! [`Error::kind`] sorts them into the few answers a program (or the `aorta` CLI's exit code)
//! needs: not found, conflict, denied, unavailable, invalid input, compacted, protocol, internal.

use std::net::SocketAddr;
use std::time::Duration;

use aorta_wire::convert::RemoteError;
use aorta_wire::frame::FrameError;
use aorta_wire::handshake::HandshakeError;
use aorta_wire::wire::{self, ErrorCode};

use crate::config::ConfigError;

/// What a caller does about an error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// The key (or id) is not there.
    NotFound,
    /// A condition did not hold (exists already, revision moved on): read, then decide.
    Conflict,
    /// A command filter or the cluster key refused: change the request, the policy or the key.
    Denied,
    /// The node could not be reached or answer now: retry later, with back-off.
    Unavailable,
    /// The request breaks a rule: fix it.
    InvalidInput,
    /// A position asked for is past the node's history: list again, then follow.
    Compacted,
    /// One side broke the protocol (or they speak no common version).
    Protocol,
    /// The node failed.
    Internal,
}

/// Why a request or subscription failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error("cannot reach the node at {address}: {reason}")]
    Unreachable { address: SocketAddr, reason: String },
    #[error("the handshake with the node at {address} failed: {source}")]
    Handshake {
        address: SocketAddr,
        #[source]
        source: HandshakeError,
    },
    #[error("the connection to the node was lost: {reason}")]
    ConnectionLost { reason: String },
    #[error("{operation} got no answer within {timeout:?}")]
    TimedOut {
        operation: &'static str,
        timeout: Duration,
    },
    #[error(
        "{operation} found no stream free within {timeout:?}: every stream the node allows one \
         connection (its streams_per_connection_max) is open on this one; end a subscription, or \
         use another connection"
    )]
    NoStreamFree {
        operation: &'static str,
        timeout: Duration,
    },
    #[error("not found: {message}")]
    NotFound {
        /// The key, when the node named it.
        key: Option<String>,
        message: String,
    },
    #[error("conflict: {message}")]
    Conflict {
        detail: Option<Box<wire::ConflictDetail>>,
        message: String,
    },
    #[error("denied: {message}")]
    Denied {
        code: ErrorCode,
        message: String,
        detail: Option<wire::ErrorDetail>,
    },
    #[error("unavailable: {message}")]
    Unavailable {
        code: ErrorCode,
        message: String,
        detail: Option<wire::ErrorDetail>,
    },
    #[error("invalid: {message}")]
    InvalidInput { code: ErrorCode, message: String },
    #[error("compacted: {message}")]
    Compacted {
        detail: Option<Box<wire::CompactedDetail>>,
        message: String,
    },
    #[error("protocol error: {message}")]
    Protocol { code: ErrorCode, message: String },
    #[error("the node failed: {message}")]
    Internal { message: String },
}

impl Error {
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Config(_) | Error::InvalidInput { .. } => ErrorKind::InvalidInput,
            Error::Unreachable { .. }
            | Error::ConnectionLost { .. }
            | Error::TimedOut { .. }
            | Error::NoStreamFree { .. }
            | Error::Unavailable { .. } => ErrorKind::Unavailable,
            Error::Handshake { source, .. } => match source.code() {
                ErrorCode::AuthenticationFailed | ErrorCode::Unauthenticated => ErrorKind::Denied,
                ErrorCode::InvalidInput => ErrorKind::InvalidInput,
                ErrorCode::Unavailable => ErrorKind::Unavailable,
                _ => ErrorKind::Protocol,
            },
            Error::NotFound { .. } => ErrorKind::NotFound,
            Error::Conflict { .. } => ErrorKind::Conflict,
            Error::Denied { .. } => ErrorKind::Denied,
            Error::Compacted { .. } => ErrorKind::Compacted,
            Error::Protocol { .. } => ErrorKind::Protocol,
            Error::Internal { .. } => ErrorKind::Internal,
        }
    }

    /// Whether the same request may succeed later unchanged.
    pub fn is_retryable(&self) -> bool {
        self.kind() == ErrorKind::Unavailable
    }

    /// The error a node sent, sorted by its code.
    pub fn from_remote(error: RemoteError) -> Error {
        use ErrorCode as C;
        let RemoteError {
            code,
            message,
            detail,
        } = error;
        match code {
            C::Conflict => match detail {
                Some(wire::ErrorDetail::ConflictDetail(conflict))
                    if conflict.kind == wire::ConflictKind::NotFound =>
                {
                    Error::NotFound {
                        key: Some(conflict.key),
                        message,
                    }
                }
                Some(wire::ErrorDetail::ConflictDetail(conflict)) => Error::Conflict {
                    detail: Some(conflict),
                    message,
                },
                _ => Error::Conflict {
                    detail: None,
                    message,
                },
            },
            C::Rejected | C::AuthenticationFailed | C::Unauthenticated => Error::Denied {
                code,
                message,
                detail,
            },
            C::Overloaded | C::ShardDown | C::Unavailable => Error::Unavailable {
                code,
                message,
                detail,
            },
            C::InvalidInput
            | C::InvalidQuery
            | C::InvalidToken
            | C::InvalidPattern
            | C::BatchSpansShards
            | C::FrameTooLarge => Error::InvalidInput { code, message },
            C::Compacted => Error::Compacted {
                detail: match detail {
                    Some(wire::ErrorDetail::CompactedDetail(compacted)) => Some(compacted),
                    _ => None,
                },
                message,
            },
            C::Malformed | C::UnsupportedVersion | C::NotImplemented => {
                Error::Protocol { code, message }
            }
            C::Internal => Error::Internal { message },
        }
    }

    /// A reply the node sent that this client cannot take (out of order, undecodable).
    pub(crate) fn protocol(message: impl Into<String>) -> Error {
        Error::Protocol {
            code: ErrorCode::Malformed,
            message: message.into(),
        }
    }

    pub(crate) fn from_frame(error: FrameError) -> Error {
        match error {
            FrameError::TooLarge { .. } => Error::InvalidInput {
                code: ErrorCode::FrameTooLarge,
                message: error.to_string(),
            },
            other => Error::protocol(other.to_string()),
        }
    }

    /// `operation` gave up after `timeout`: `NoStreamFree` if it was then waiting for the node to
    /// allow one more stream (`waiting_for_stream`, set by `Artery::open_stream`), else `TimedOut`.
    pub(crate) fn gave_up(
        operation: &'static str,
        timeout: Duration,
        waiting_for_stream: &std::sync::atomic::AtomicBool,
    ) -> Error {
        if waiting_for_stream.load(std::sync::atomic::Ordering::Relaxed) {
            Error::NoStreamFree { operation, timeout }
        } else {
            Error::TimedOut { operation, timeout }
        }
    }

    pub(crate) fn from_connection(error: &quinn::ConnectionError) -> Error {
        Error::ConnectionLost {
            reason: describe_connection_error(error),
        }
    }

    pub(crate) fn from_read(error: quinn::ReadError) -> Error {
        match error {
            quinn::ReadError::ConnectionLost(error) => Error::from_connection(&error),
            quinn::ReadError::Reset(code) => reset(code.into_inner(), "reset"),
            other => Error::ConnectionLost {
                reason: other.to_string(),
            },
        }
    }

    pub(crate) fn from_write(error: quinn::WriteError) -> Error {
        match error {
            quinn::WriteError::ConnectionLost(error) => Error::from_connection(&error),
            quinn::WriteError::Stopped(code) => reset(code.into_inner(), "stopped"),
            other => Error::ConnectionLost {
                reason: other.to_string(),
            },
        }
    }
}

/// A stream the node reset (or stopped) with an error code: the code's error, and what the node
/// resets a stream with that code for (a reset carries no message of its own).
fn reset(code: u64, how: &str) -> Error {
    let code = u16::try_from(code)
        .ok()
        .and_then(|value| ErrorCode::try_from(value).ok());
    match code {
        Some(code) => Error::from_remote(RemoteError {
            code,
            message: format!(
                "the node {how} the stream with {code:?}{}",
                reset_cause(code)
            ),
            detail: None,
        }),
        None => Error::protocol(format!("the node {how} the stream with an unknown code")),
    }
}

/// Why the node resets a stream with `code` (`docs/operations.md`, "Limits and what exceeding
/// them does").
fn reset_cause(code: ErrorCode) -> &'static str {
    match code {
        ErrorCode::Overloaded => {
            ": the bytes of requests this connection had in flight passed the node's \
             request_bytes_in_flight_max (its Welcome states it); send fewer or smaller requests \
             at once"
        }
        ErrorCode::FrameTooLarge => {
            ": a frame passed the node's frame_bytes_max (its Welcome states it)"
        }
        ErrorCode::Malformed => ": the node could not read what was sent on it",
        ErrorCode::NotImplemented => ": its first message is of a family this node does not serve",
        _ => "",
    }
}

/// A connection's end in words, with the node's close code and reason when it closed it.
fn describe_connection_error(error: &quinn::ConnectionError) -> String {
    match error {
        quinn::ConnectionError::ApplicationClosed(close) => format!(
            "the node closed the connection (code {}: {})",
            close.error_code.into_inner(),
            String::from_utf8_lossy(&close.reason)
        ),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn remote(code: ErrorCode, detail: Option<wire::ErrorDetail>) -> Error {
        Error::from_remote(RemoteError {
            code,
            message: "m".into(),
            detail,
        })
    }

    #[test]
    fn every_code_sorts_into_the_kind_a_caller_acts_on() {
        use ErrorCode as C;
        let conflict = |kind| {
            Some(wire::ErrorDetail::ConflictDetail(Box::new(
                wire::ConflictDetail {
                    command_index: 0,
                    key: "/a/b".into(),
                    kind,
                    revision: 0,
                    expected: 0,
                    actual: 0,
                },
            )))
        };
        let cases = [
            (C::Internal, None, ErrorKind::Internal),
            (C::InvalidInput, None, ErrorKind::InvalidInput),
            (C::InvalidQuery, None, ErrorKind::InvalidInput),
            (C::InvalidToken, None, ErrorKind::InvalidInput),
            (C::InvalidPattern, None, ErrorKind::InvalidInput),
            (
                C::Conflict,
                conflict(wire::ConflictKind::RevisionMismatch),
                ErrorKind::Conflict,
            ),
            (
                C::Conflict,
                conflict(wire::ConflictKind::AlreadyExists),
                ErrorKind::Conflict,
            ),
            (
                C::Conflict,
                conflict(wire::ConflictKind::NotFound),
                ErrorKind::NotFound,
            ),
            (C::Rejected, None, ErrorKind::Denied),
            (C::BatchSpansShards, None, ErrorKind::InvalidInput),
            (C::Overloaded, None, ErrorKind::Unavailable),
            (C::ShardDown, None, ErrorKind::Unavailable),
            (C::Unavailable, None, ErrorKind::Unavailable),
            (C::Compacted, None, ErrorKind::Compacted),
            (C::Malformed, None, ErrorKind::Protocol),
            (C::FrameTooLarge, None, ErrorKind::InvalidInput),
            (C::UnsupportedVersion, None, ErrorKind::Protocol),
            (C::Unauthenticated, None, ErrorKind::Denied),
            (C::AuthenticationFailed, None, ErrorKind::Denied),
            (C::NotImplemented, None, ErrorKind::Protocol),
        ];
        for (code, detail, kind) in cases {
            assert_eq!(remote(code, detail).kind(), kind, "{code:?}");
        }
        assert!(remote(C::Overloaded, None).is_retryable());
        assert!(!remote(C::Conflict, None).is_retryable());
    }

    #[test]
    fn a_reset_code_is_read_as_the_protocols_error() {
        assert_eq!(reset(10, "reset").kind(), ErrorKind::Conflict);
        let overloaded = reset(ErrorCode::Overloaded as u64, "reset");
        assert_eq!(overloaded.kind(), ErrorKind::Unavailable);
        assert!(
            overloaded
                .to_string()
                .contains("request_bytes_in_flight_max"),
            "{overloaded}"
        );
        assert_eq!(reset(40, "reset").kind(), ErrorKind::Protocol);
        assert_eq!(reset(9999, "reset").kind(), ErrorKind::Protocol);
    }
}
