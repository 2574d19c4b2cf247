//! A userspace UDP relay for network fault tests: it sits between QUIC clients and a node and drops,
//! duplicates, delays (and so reorders) datagrams, or cuts the path for a while. `tc netem` and
//! device-mapper do not work on the machines this project is tested on, so the faults are made here.
//!
//! - [`faults`]: what the relay does to each datagram, validated.
//! - [`core`]: the sans-IO relay: datagrams and `now` in, datagrams due at an instant out; seeded,
//!   so a test replays the same faults.
//! - [`shell`]: [`UdpRelay`], the sockets and a thread carrying out the core's orders, with its
//!   faults changeable while it runs.
//!
//! Limits: at most `FLOWS_MAX` client addresses at once (one upstream socket each), at most
//! `QUEUED_DATAGRAMS_MAX` datagrams and `QUEUED_BYTES_MAX` bytes held for their delay (beyond them a
//! datagram is dropped and counted as an overflow), and delays of at most `DELAY_MAX`.

pub mod core;
pub mod faults;
pub mod shell;

pub use crate::core::{Datagram, Direction, RelayCore, Stats};
pub use faults::{Faults, FaultsError};
pub use shell::UdpRelay;

/// Client addresses the relay keeps an upstream socket for at once.
pub const FLOWS_MAX: usize = 1024;
/// Datagrams held for their delay at once.
pub const QUEUED_DATAGRAMS_MAX: usize = 65_536;
/// Bytes of datagrams held for their delay at once.
pub const QUEUED_BYTES_MAX: usize = 64 * 1024 * 1024;
/// The longest delay a datagram may be given.
pub const DELAY_MAX: std::time::Duration = std::time::Duration::from_secs(10);
/// The largest datagram relayed (the largest UDP payload).
pub const DATAGRAM_BYTES_MAX: usize = 65_535;
