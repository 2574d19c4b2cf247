//! Aorta's storage engine.
//!
//! Every mutation is a batch of commands, decided by the shard that owns its namespace, made durable
//! in the shard's write-ahead log (group commit: one write and one fdatasync for every batch that
//! arrived meanwhile), then applied to the in-memory state that reads are served from. See
//! `docs/architecture.md` for the modules and the data path, `docs/format.md` for the bytes on disk.

pub mod codec;
pub mod command;
pub mod data_dir;
pub mod engine;
pub mod error;
pub mod filter;
pub mod history;
pub mod limits;
pub mod meta;
pub mod query;
pub mod recent;
pub mod resident;
pub mod resource;
pub mod routing;
pub mod shard;
pub mod state;
pub mod storage;
pub mod subscription;
pub mod sync;
pub mod table;
pub mod wal;

pub use command::{Batch, Change, Command, CommitReceipt, CommittedBatch, ValidBatch};
pub use engine::{Engine, EngineConfig};
pub use error::{ConflictReason, Error, Result};
pub use filter::{Principal, Rejection};
pub use resource::{Resource, ResourceId, ResourceSpec, ValidationError};
