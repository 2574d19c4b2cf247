//! Subscriptions: a subscriber registers a pattern (a namespace's children or subtree, a type, a
//! tag selector, the actions it wants) and a start, and receives every matching committed change
//! as an [`Event`] (action, old, new, shard, position), in commit order within each shard, the
//! shards' streams merged into one.
//!
//! - [`pattern`]: patterns and the matcher, sans-IO: a change to the event it gives, or nothing,
//!   with the selector transitions `Entered` and `Left`.
//! - [`index`]: many patterns indexed by namespace and tag, so that matching a change costs what
//!   its candidates cost, not what the number of patterns does.
//! - [`signal`]: the per-shard "something was published" signal idle subscribers sleep on.
//! - [`stream`]: [`Subscription`], the per-shard cursors over the shards' histories, blocking and
//!   async; and the threads of in-process handlers.
//!
//! Delivery reads the history; the write path only bumps a counter. See `docs/architecture.md`,
//! *Subscriptions*, for the catch-up/live argument and the memory per subscriber.

pub mod dispatch;
pub mod index;
pub mod pattern;
pub mod signal;
pub mod stream;

pub use dispatch::ShardFeed;
pub use index::{IndexError, PatternId, SubscriptionIndex};
pub use pattern::{Actions, Event, EventAction, Pattern, PatternError};
pub use signal::{prepare_to_sleep, Signal, Waiter};
pub use stream::{Start, Subscription};
