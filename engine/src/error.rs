//! The engine's errors. Each says what failed, where, and what to do next.

use std::path::PathBuf;

use crate::filter::Rejection;
use crate::query::{QueryError, TokenError};
use crate::resource::ValidationError;
use crate::sync::Budget;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input breaks a rule or a limit; nothing was written. Fix the input.
    #[error("invalid input: {0}")]
    Invalid(#[from] ValidationError),

    /// The query breaks a rule or a limit; nothing was read. Fix the query.
    #[error("invalid query: {0}")]
    InvalidQuery(#[from] QueryError),

    /// The query's continuation token is damaged, or was made for another query or another engine;
    /// nothing was read. Start the query again without a token.
    #[error("invalid query token: {0}")]
    InvalidToken(#[from] TokenError),

    /// A condition of the batch did not hold; the whole batch was rejected and nothing was written.
    #[error("batch rejected, command {command_index} on {key}: {reason}")]
    Conflict {
        command_index: usize,
        key: String,
        reason: ConflictReason,
    },

    /// A command filter (permission, validation, quota) refused a command of the batch; the whole
    /// batch was rejected and nothing was written. `reason` says which rule, schema or budget, with
    /// its figures.
    #[error("batch rejected by the {filter} filter, command {command_index} on {key}: {reason}")]
    Rejected {
        filter: &'static str,
        command_index: usize,
        key: String,
        /// Boxed: it is the largest reason, and every `Result` of the engine carries the enum.
        reason: Box<Rejection>,
    },

    /// The principal may not read what it asked for (a get, a list, a subscription): a deny rule
    /// hides it, or no rule lets it read there. `target` is what was asked (a key, a namespace);
    /// `reason` is a `Rejection::Denied` with the action `read`. Nothing was read. Change the
    /// request or the policy.
    #[error("read of {target} denied: {reason}")]
    ReadDenied {
        target: String,
        /// Boxed as in `Rejected`.
        reason: Box<Rejection>,
    },

    /// The batch names namespaces owned by different shards; a batch commits atomically on one shard.
    #[error("batch spans shards {first_shard} and {other_shard} (namespaces {first_namespace} and {other_namespace}); split it per shard")]
    BatchSpansShards {
        first_shard: u16,
        other_shard: u16,
        first_namespace: String,
        other_namespace: String,
    },

    /// An `EngineConfig` field breaks its rule; nothing was opened or created. Fix the configuration.
    #[error("invalid engine configuration: {field} = {value}: {rule}")]
    InvalidConfig {
        field: &'static str,
        value: String,
        rule: String,
    },

    /// The shard's queue is full by one of its budgets (`queue_capacity` requests or `queue_bytes_max`
    /// bytes); nothing was queued or written. Retry later.
    #[error("shard {shard} is overloaded: {queued} {budget} queued (limit {limit}); retry later")]
    Overloaded {
        shard: u16,
        budget: Budget,
        queued: u64,
        limit: u64,
    },

    /// The shard's thread stopped (it panicked, or could not go on): it answers every request queued
    /// or in its current group, and every later one, with this error. A write answered so was not
    /// acknowledged; its outcome is decided by recovery when the engine is reopened. Other shards keep
    /// working; `Engine::shard_health` reports the shard as down.
    #[error(
        "shard {shard} is down and refuses every request until the engine is reopened: {cause}"
    )]
    ShardDown { shard: u16, cause: String },

    /// The log of this shard failed (a write or fsync error) and refuses writes until the engine is
    /// reopened. The write that saw this error was not acknowledged; its outcome is decided by
    /// recovery.
    #[error("shard {shard} log failed and refuses writes until reopened: {cause}")]
    LogFailed { shard: u16, cause: String },

    /// A log append named a position that is not above the last one appended; nothing was appended.
    /// Positions may come from a raft leader over the network, so this is an input error, not a panic.
    #[error(
        "shard {shard}: log position {position} does not rise above {last}; nothing was appended"
    )]
    PositionNotRising {
        shard: u16,
        position: u64,
        last: u64,
    },

    /// An IO error outside the commit path (opening, recovery, metadata).
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },

    /// A file is damaged where damage cannot be a torn tail; recovery stops rather than skip data.
    #[error("corrupt file {}, offset {offset}: {reason}; restore it from a replica or backup", path.display())]
    Corrupt {
        path: PathBuf,
        offset: u64,
        reason: String,
    },

    /// The data directory was made by an incompatible configuration or format.
    #[error("incompatible data directory {}: {reason}", path.display())]
    Incompatible { path: PathBuf, reason: String },

    /// A read asked for a position the shard no longer holds (compaction dropped the versions it
    /// needs) or does not hold yet. Read at `current` (list again, then follow from there).
    #[error("shard {shard}: position {requested} is not readable; the shard holds {oldest_available} to {current}")]
    Compacted {
        shard: u16,
        requested: u64,
        oldest_available: u64,
        current: u64,
    },

    /// The subscription pattern breaks a rule; nothing was subscribed. Fix the pattern.
    #[error("invalid subscription pattern: {0}")]
    InvalidPattern(#[from] crate::subscription::PatternError),

    /// An in-process handler panicked; its thread stopped (other handlers and the engine go on).
    #[error("a subscription handler panicked: {cause}")]
    HandlerPanicked { cause: String },

    /// The engine is shut down.
    #[error("the engine is closed")]
    Closed,
}

/// Why a command's condition failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConflictReason {
    #[error("already exists (revision {revision})")]
    AlreadyExists { revision: u64 },
    #[error("does not exist")]
    NotFound,
    #[error("expected revision {expected}, found {actual} (0 means absent)")]
    RevisionMismatch { expected: u64, actual: u64 },
}

impl Error {
    pub(crate) fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Error::Io {
            context: context.into(),
            source,
        }
    }
}
