//! What a client needs to reach a node: its address, the certificate it trusts the node by, the
//! cluster key it proves itself with, the principal it acts as, and a bound on every wait.
//!
//! A node keeps the certificate and the cluster key in its data directory (`node.cert.pem`,
//! `cluster.key`; `docs/operations.md`), so a client on the same machine reads them from there
//! ([`ClientConfig::from_data_dir`]), found by the node's own rule ([`default_data_dir`]).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use aorta_wire::handshake::ClusterKey;
use rustls::pki_types::pem::PemObject as _;
use rustls::pki_types::CertificateDer;

/// The node's certificate in its data directory.
pub const CERTIFICATE_FILE: &str = "node.cert.pem";
/// The cluster key in a node's data directory: 64 hex digits and a newline.
pub const CLUSTER_KEY_FILE: &str = "cluster.key";
/// Where a node listens when nothing else is configured (`aortad`'s default `listen`).
pub const DEFAULT_ADDRESS: &str = "127.0.0.1:7700";
/// The principal a client names when none is given: the built-in system principal.
pub const DEFAULT_PRINCIPAL: &str = "root";

/// Why a client configuration could not be made. Nothing was sent.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {what} {path}: {source}")]
    Read {
        what: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} holds no PEM certificate: {reason}")]
    Certificate { path: PathBuf, reason: String },
    #[error("the cluster key {path} is not a cluster key: {reason}")]
    ClusterKey { path: PathBuf, reason: String },
    #[error("the principal {name:?} is invalid: {reason}")]
    Principal { name: String, reason: String },
    #[error("no data directory: give one, or set AORTA_DATA_DIR, XDG_DATA_HOME or HOME")]
    NoDataDir,
    #[error("the TLS configuration was refused: {0}")]
    Tls(String),
}

/// How a client retries a connection after it lost one: exponential backoff from
/// `delay_initial` up to `delay_max`, each delay drawn at random between half and all of it (so
/// that the clients of a node that restarts do not all come back in the same instant), until
/// `give_up_after` has passed without a connection.
#[derive(Clone, Debug)]
pub struct Reconnect {
    pub delay_initial: Duration,
    pub delay_max: Duration,
    pub give_up_after: Duration,
}

impl Default for Reconnect {
    fn default() -> Self {
        Reconnect {
            delay_initial: Duration::from_millis(100),
            delay_max: Duration::from_secs(5),
            give_up_after: Duration::from_secs(300),
        }
    }
}

/// Everything a [`crate::Client`] needs. Every wait it makes is bounded by one of these.
#[derive(Clone, Debug)]
pub struct ClientConfig {
    /// The node's UDP address.
    pub address: SocketAddr,
    /// The name the node's certificate must be valid for (the node's default certificate is
    /// valid for `localhost`, `127.0.0.1` and `::1`).
    pub server_name: String,
    /// The certificates trusted as roots (the node's own, for a self-signed node).
    pub trusted_certificates: Vec<CertificateDer<'static>>,
    pub cluster_key: ClusterKey,
    pub principal: String,
    /// The QUIC connection and the artery handshake, each.
    pub connect_timeout: Duration,
    /// One request, from opening its stream to its response.
    pub request_timeout: Duration,
    /// A connection silent this long is dead (QUIC's idle timeout; the client pings at a third
    /// of it, so a live quiet connection is never dropped).
    pub idle_timeout: Duration,
    pub reconnect: Reconnect,
    /// Events a subscription holds that its reader has not taken; past it the client stops
    /// reading the subscription's stream, and QUIC flow control holds the node back.
    pub subscription_buffer_events: usize,
    /// The UDP socket's receive and send buffers to ask the kernel for, each (capped by
    /// `net.core.rmem_max` / `wmem_max`). The kernel's default (208 KiB here) overflowed during a
    /// subscription's catch-up: every datagram it drops is a QUIC loss, which shrinks the node's
    /// congestion window (`docs/benchmarks.md`). Default 4 MiB, as the node's. On a shared
    /// socket (`ClientEndpoint`) the endpoint's configuration sets it, for all its connections.
    pub udp_buffer_bytes: usize,
}

/// The client's UDP socket buffers by default: the node's default too.
pub const UDP_BUFFER_BYTES_DEFAULT: usize = 4 * 1024 * 1024;

impl ClientConfig {
    /// A configuration with the default timeouts.
    pub fn new(
        address: SocketAddr,
        server_name: impl Into<String>,
        trusted_certificates: Vec<CertificateDer<'static>>,
        cluster_key: ClusterKey,
        principal: impl Into<String>,
    ) -> Self {
        ClientConfig {
            address,
            server_name: server_name.into(),
            trusted_certificates,
            cluster_key,
            principal: principal.into(),
            connect_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
            idle_timeout: Duration::from_secs(30),
            reconnect: Reconnect::default(),
            subscription_buffer_events: 1024,
            udp_buffer_bytes: UDP_BUFFER_BYTES_DEFAULT,
        }
    }

    /// A configuration for the node at `address` whose data directory is `data_dir`: it trusts
    /// the node's certificate and proves itself with its cluster key, as `principal`. The server
    /// name is the address's IP (the node's default certificate is valid for the loopback
    /// addresses).
    pub fn from_data_dir(
        data_dir: &Path,
        address: SocketAddr,
        principal: &str,
    ) -> Result<Self, ConfigError> {
        let certificates = read_certificates(&data_dir.join(CERTIFICATE_FILE))?;
        let cluster_key = read_cluster_key(&data_dir.join(CLUSTER_KEY_FILE))?;
        Ok(ClientConfig::new(
            address,
            address.ip().to_string(),
            certificates,
            cluster_key,
            principal,
        ))
    }
}

/// Every certificate of a PEM file.
pub fn read_certificates(path: &Path) -> Result<Vec<CertificateDer<'static>>, ConfigError> {
    let pem = std::fs::read(path).map_err(|source| ConfigError::Read {
        what: "the certificate",
        path: path.to_owned(),
        source,
    })?;
    let certificates = CertificateDer::pem_slice_iter(&pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|error| ConfigError::Certificate {
            path: path.to_owned(),
            reason: error.to_string(),
        })?;
    if certificates.is_empty() {
        return Err(ConfigError::Certificate {
            path: path.to_owned(),
            reason: "no CERTIFICATE block".into(),
        });
    }
    Ok(certificates)
}

/// The cluster key of a `cluster.key` file: hex digits (surrounding whitespace allowed), 32 to
/// 1024 bytes once decoded.
pub fn read_cluster_key(path: &Path) -> Result<ClusterKey, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
        what: "the cluster key",
        path: path.to_owned(),
        source,
    })?;
    parse_cluster_key(&text).map_err(|reason| ConfigError::ClusterKey {
        path: path.to_owned(),
        reason,
    })
}

/// A cluster key from its text form (hex digits). The error never shows the text: it is a secret.
pub fn parse_cluster_key(text: &str) -> Result<ClusterKey, String> {
    let hex = text.trim().as_bytes();
    if !hex.len().is_multiple_of(2) || !hex.iter().all(u8::is_ascii_hexdigit) {
        return Err(format!(
            "expected an even number of hex digits, found {} characters",
            hex.len()
        ));
    }
    let digit = |b: u8| (b as char).to_digit(16).expect("checked hex") as u8;
    let bytes: Vec<u8> = hex
        .chunks(2)
        .map(|pair| digit(pair[0]) << 4 | digit(pair[1]))
        .collect();
    ClusterKey::new(&bytes).map_err(|error| error.to_string())
}

pub use aorta_engine::data_dir::default_data_dir;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cluster_key_parses_from_hex_and_refuses_garbage_without_showing_it() {
        let text = format!("{}\n", "ab".repeat(32));
        assert!(parse_cluster_key(&text).is_ok());
        let error = parse_cluster_key("secretsecret!").unwrap_err();
        assert!(!error.contains("secret"), "{error}");
        assert!(parse_cluster_key(&"ab".repeat(8)).is_err(), "too short");
    }
}
