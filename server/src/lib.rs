//! `aortad`, the Aorta node: the engine served over QUIC. This crate is the node shell —
//! configuration, identity files, the UDP socket and quinn endpoint, thread per core for
//! connections, limits, graceful shutdown — with the protocol behind one seam
//! ([`service::ConnectionService`]). The decisions (configuration resolution, admission of
//! connections) are plain functions and structs, tested without a process; `node` carries them
//! out. How it fits together: `docs/architecture.md`, "The node".

pub mod admission;
pub mod cli;
pub mod config;
pub mod cores;
pub mod identity;
pub mod logging;
pub mod memory;
pub mod node;
pub mod protocol;
pub mod quic;
pub mod service;
