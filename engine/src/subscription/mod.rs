//! Subscriptions: a subscriber registers a pattern (a namespace's children or subtree, a type, a
//! tag selector, the actions it wants) and a start, and receives every matching committed change
//! as an [`Event`] (action, old, new, shard, position), in commit order within each shard, the
//! shards' streams merged into one.
//!
//! - [`pattern`]: patterns and the matcher, sans-IO: a change to the event it gives, or nothing,
//!   with the selector transitions `Entered` and `Left`.
//! - [`index`]: many patterns indexed by namespace and tag, so that matching a change costs what
//!   its candidates cost, not what the number of patterns does.
//! - [`signal`]: the "something was published" signal that idle readers sleep on (one per shard,
//!   one per inbox).
//! - [`crate::sync::bell`]: what the live subscriber threads of one pattern on one shard sleep on together,
//!   so that the dispatcher wakes them with one system call.
//! - [`dispatch`]: the live path: a dispatcher per shard matches each change once through the
//!   index and pushes whole batches to the live subscribers' bounded inboxes.
//! - [`stream`]: [`Subscription`], per shard a cursor that reads the history (catch-up) or takes
//!   its inbox (live), blocking and async; and the threads of in-process handlers.
//!
//! The write path only bumps a counter (and wakes the dispatcher while it has live subscribers).
//! See `docs/architecture.md`, *Subscriptions*, for the catch-up/live argument and the memory per
//! subscriber.

pub mod dispatch;
pub mod index;
pub mod pattern;
pub mod signal;
pub mod stream;

pub use dispatch::ShardFeed;
pub use index::{IndexError, PatternId, SubscriptionIndex};
pub use pattern::{Actions, Event, EventAction, Pattern, PatternError};
pub use signal::{prepare_to_sleep, Signal, Waiter};
pub use stream::{EventBatch, Start, Subscription};
