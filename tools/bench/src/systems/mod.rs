//! The systems a workload runs against, behind one trait: Aorta over QUIC (the node under test),
//! etcd over its v3 gRPC API, NATS JetStream through its key-value buckets.
//!
//! A [`System`] value is one client connection; a workload opens as many as it needs (see
//! `connections_for`) and spreads its workers over them, the same way for every system.

pub mod aorta;
pub mod etcd;
mod etcd_proto;
pub mod nats;

use std::future::Future;
use std::pin::Pin;
use std::sync::OnceLock;
use std::time::Instant;

use anyhow::Result;
use futures_util::Stream;

/// Where an acknowledged write was committed, as the system numbers it (Aorta: shard and position;
/// etcd: the revision; NATS: the stream sequence). Unique per write within a run, so a watcher's
/// delivery can be matched with the writer's acknowledgement.
pub type Position = u64;

/// Where a system's history stands before a workload writes: a watch from this mark delivers
/// every change written after it, and nothing before.
#[derive(Clone, Debug)]
pub enum Mark {
    /// Aorta: each shard's latest position.
    Positions(Vec<u64>),
    /// etcd's revision, NATS's last stream sequence.
    Sequence(u64),
}

/// One change a watch delivered: where it was committed, the index of the key it changed (read
/// back from the key's name, [`key_index`]; `None` for a key not of the workloads' form) and the
/// value written.
pub struct Delivery {
    pub position: Position,
    pub key: Option<u64>,
    pub value: Vec<u8>,
}

/// The index of a key as every system's driver names it (`k<index>` after the last `/` or `.`:
/// Aorta's resource name, etcd's `/bench/<prefix>/k<index>`, NATS's `bench.<prefix>.k<index>`);
/// `None` for another form.
pub fn key_index(key: &[u8]) -> Option<u64> {
    let last = key
        .iter()
        .rposition(|&byte| byte == b'/' || byte == b'.')
        .map_or(key, |at| &key[at + 1..]);
    let digits = last.strip_prefix(b"k")?;
    // As `format!("k{index}")` writes it: digits only, no sign, no leading zero.
    if digits.is_empty()
        || !digits.iter().all(u8::is_ascii_digit)
        || (digits.len() > 1 && digits[0] == b'0')
    {
        return None;
    }
    std::str::from_utf8(digits).ok()?.parse().ok()
}

pub type Watch = Pin<Box<dyn Stream<Item = Result<Delivery>> + Send>>;

/// The operations the workloads need, each acknowledged by the system as its own client would
/// see it: `put` returns once the write is durable (as durable as the system makes it: see
/// `docs/benchmarks.md` for each one's setting).
pub trait System: Clone + Send + Sync + Sized + 'static {
    /// How to reach the system: what `connect` needs.
    type Target: Clone + Send + Sync + 'static;

    const NAME: &'static str;

    /// One client connection, within a bounded time.
    fn connect(target: &Self::Target) -> impl Future<Output = Result<Self>> + Send;

    /// Creates or replaces the value at `key` of the keyspace `prefix`; the write's position.
    fn put(
        &self,
        prefix: &str,
        key: u64,
        value: Vec<u8>,
    ) -> impl Future<Output = Result<Position>> + Send;

    /// Reads the value at `key`; whether there is one.
    fn get(&self, prefix: &str, key: u64) -> impl Future<Output = Result<bool>> + Send;

    /// Where the history stands now.
    fn mark(&self) -> impl Future<Output = Result<Mark>> + Send;

    /// Follows the changes under `prefix`: from now (`None`), or every change after `from`.
    /// Returns once the system has accepted the watch, so that every change acknowledged later is
    /// delivered.
    fn watch(&self, prefix: &str, from: Option<Mark>)
        -> impl Future<Output = Result<Watch>> + Send;
}

/// The instant every timestamp of a run counts from: values carry the nanoseconds since it at
/// submission, so a watcher in the same process measures submit-to-delivery from the value alone.
pub fn epoch() -> Instant {
    static EPOCH: OnceLock<Instant> = OnceLock::new();
    *EPOCH.get_or_init(Instant::now)
}

pub fn nanos_since_epoch() -> u64 {
    epoch().elapsed().as_nanos() as u64
}

/// The smallest value a workload writes: the submission timestamp.
pub const VALUE_BYTES_MIN: usize = 8;

/// A value of `size` bytes (at least [`VALUE_BYTES_MIN`]) that starts with the submission time.
pub fn stamped_value(size: usize, filler: u8) -> Vec<u8> {
    stamped_value_at(size, filler, Instant::now())
}

/// A [`stamped_value`] submitted at `submitted` (a paced operation's scheduled time).
pub fn stamped_value_at(size: usize, filler: u8, submitted: Instant) -> Vec<u8> {
    let nanos = submitted.saturating_duration_since(epoch()).as_nanos() as u64;
    let mut value = vec![filler; size.max(VALUE_BYTES_MIN)];
    value[..8].copy_from_slice(&nanos.to_le_bytes());
    value
}

/// The submission time a [`stamped_value`] carries.
pub fn submitted_at(value: &[u8]) -> Option<u64> {
    Some(u64::from_le_bytes(value.get(..8)?.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_index_is_read_back_from_each_systems_key() {
        assert_eq!(key_index(b"k0"), Some(0));
        assert_eq!(key_index(b"k17"), Some(17));
        assert_eq!(key_index(b"/bench/w2r1p2/k42"), Some(42));
        assert_eq!(
            key_index(b"bench.w3r1p2.k18446744073709551615"),
            Some(u64::MAX)
        );
        for other in [
            &b""[..],
            b"k",
            b"k-1",
            b"k+1",
            b"k01",
            b"x1",
            b"/bench/p/",
            b"bench.p.k1x",
            b"k18446744073709551616",
        ] {
            assert_eq!(key_index(other), None, "{}", String::from_utf8_lossy(other));
        }
    }
}
