//! The node's process-wide memory setting, applied once at start: transparent huge pages off.
//!
//! Why: mimalloc (the node's allocator) marks its arenas `MADV_HUGEPAGE` and gives freed memory
//! back to the system after a second (`MIMALLOC_PURGE_DELAY`). A thread that then allocates in a
//! purged part takes a fault that the kernel serves with a whole 2 MiB page, zeroed on that
//! thread, however little of it is needed — on the node, a shard or connection thread in the
//! middle of a commit. Measured over QUIC (`docs/benchmarks.md`, "Transparent huge pages off in
//! the node"): w1 at 256 in flight +14 % puts/s and its p99 halved, in every alternating round.
//! With them off, a fault is a 4 KiB page, and memory is still given back.
//!
//! The setting is mimalloc's own, `MIMALLOC_ALLOW_THP`: when it is set in the node's
//! environment, mimalloc applies it and the node leaves the process as mimalloc made it (so
//! `MIMALLOC_ALLOW_THP=1` keeps huge pages).

use std::ffi::OsString;

/// The variable that, when set, leaves the choice to mimalloc.
pub const ALLOCATOR_VARIABLE: &str = "MIMALLOC_ALLOW_THP";

/// What [`turn_off_transparent_huge_pages`] did.
#[derive(Debug, PartialEq, Eq)]
pub enum HugePages {
    /// Turned off for the process (`PR_SET_THP_DISABLE`).
    TurnedOff,
    /// `MIMALLOC_ALLOW_THP` was set: mimalloc's choice stands.
    LeftToTheAllocator { value: OsString },
    /// The kernel refused (a system-call filter, say): the node runs with huge pages as before.
    NotChanged { error: String },
}

/// Turns transparent huge pages off for this process unless `env` sets `MIMALLOC_ALLOW_THP`.
/// Call it first in `main`: pages faulted before it keep their size.
pub fn turn_off_transparent_huge_pages(env: &dyn Fn(&str) -> Option<OsString>) -> HugePages {
    if let Some(value) = env(ALLOCATOR_VARIABLE) {
        return HugePages::LeftToTheAllocator { value };
    }
    match rustix::thread::disable_transparent_huge_pages(true) {
        Ok(()) => HugePages::TurnedOff,
        Err(error) => HugePages::NotChanged {
            error: error.to_string(),
        },
    }
}

/// Logs what was done, once logging is set up.
pub fn log(outcome: &HugePages) {
    match outcome {
        HugePages::TurnedOff => tracing::info!(
            transparent_huge_pages = "off",
            "memory: transparent huge pages turned off for the node (set {ALLOCATOR_VARIABLE}=1 \
             to keep them)"
        ),
        HugePages::LeftToTheAllocator { value } => tracing::info!(
            transparent_huge_pages = "left to the allocator",
            value = %value.to_string_lossy(),
            "memory: {ALLOCATOR_VARIABLE} is set, so mimalloc decides"
        ),
        HugePages::NotChanged { error } => tracing::warn!(
            %error,
            "memory: transparent huge pages could not be turned off; the node runs with them"
        ),
    }
}
