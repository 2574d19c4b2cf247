//! Hand-off primitives between threads: a bounded MPSC queue (requests into a shard), a one-shot
//! completion (the acknowledgement back to the writer), the shard's sync thread (its log's
//! fdatasync, run while the shard decides the next batches), and a bell (a futex word that many
//! threads sleep on, woken by one call: writer threads per flush, subscriber threads per page).
//!
//! Invariant: these are the only places where two threads touch the same memory in the engine; every
//! other structure is owned by exactly one shard thread. They are written against `prim`, which is
//! `std::sync` normally and `loom::sync` under `--cfg loom`, so the hand-offs are model-checked
//! (`engine/tests/loom_handoff.rs`).

pub mod bell;
mod completion;
mod queue;
mod syncer;

pub use completion::{completion, completion_on_bell, Abandoned, Completer, Pending, Wake};
pub use queue::{BoundedQueue, Budget, Overflow, PushError};
pub use syncer::{InlineSync, SyncRunner, SyncThread};

pub(crate) mod prim {
    #[cfg(loom)]
    pub(crate) use loom::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, AtomicUsize};
    #[cfg(loom)]
    pub(crate) use loom::sync::{Arc, Condvar, Mutex, MutexGuard};
    #[cfg(not(loom))]
    pub(crate) use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, AtomicUsize};
    #[cfg(not(loom))]
    pub(crate) use std::sync::{Arc, Condvar, Mutex, MutexGuard};
}

/// Locks a mutex, treating poison as the invariant violation it is: a thread panicked while it held a
/// hand-off lock, so the protected state may be half-updated and must not be used.
pub(crate) fn lock<T>(mutex: &prim::Mutex<T>) -> prim::MutexGuard<'_, T> {
    mutex
        .lock()
        .expect("hand-off lock poisoned: a thread panicked inside it")
}
