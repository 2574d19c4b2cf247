//! The QUIC side of the node: its UDP socket (with the buffers raised) and its quinn server
//! configuration (TLS 1.3 with the node certificate, ALPN `aorta/1`, the connection limits as
//! transport parameters).

use std::net::SocketAddr;
use std::sync::Arc;

use quinn::crypto::rustls::QuicServerConfig;
use quinn::{IdleTimeout, TransportConfig, VarInt};
use socket2::{Domain, Protocol, Socket, Type};

use crate::config::Limits;
use crate::identity::NodeIdentity;

/// The only application protocol the node speaks.
pub const ALPN: &[u8] = b"aorta/1";

#[derive(Debug, thiserror::Error)]
pub enum QuicError {
    #[error("binding UDP {address}: {source}")]
    Bind {
        address: SocketAddr,
        source: std::io::Error,
    },
    #[error("setting up the UDP socket on {address}: {source}")]
    Socket {
        address: SocketAddr,
        source: std::io::Error,
    },
    #[error(
        "{certificate} and {private_key} do not make a TLS configuration: {source}; move both \
         away to have a new pair made"
    )]
    Tls {
        certificate: std::path::PathBuf,
        private_key: std::path::PathBuf,
        source: rustls::Error,
    },
    #[error("the TLS configuration does not suit QUIC: {0}")]
    QuicTls(String),
    #[error("idle_timeout is too large for QUIC: {0}")]
    IdleTimeout(String),
}

/// What the kernel granted for the socket's buffers, in bytes of data: Linux reserves twice the
/// size asked for (its bookkeeping included) and reports that, so the grant is half the report.
#[derive(Clone, Copy, Debug)]
pub struct SocketBuffers {
    pub receive_bytes: usize,
    pub send_bytes: usize,
}

/// Binds `address` (dual-stack for `[::]`), asking for the buffers given. A smaller grant is not
/// an error: the caller logs it.
pub fn bind_udp(
    address: SocketAddr,
    receive_buffer_bytes: u64,
    send_buffer_bytes: u64,
) -> Result<(std::net::UdpSocket, SocketBuffers), QuicError> {
    let socket_error = |source| QuicError::Socket { address, source };
    let socket = Socket::new(
        Domain::for_address(address),
        Type::DGRAM,
        Some(Protocol::UDP),
    )
    .map_err(socket_error)?;
    if address.is_ipv6() && address.ip().is_unspecified() {
        socket.set_only_v6(false).map_err(socket_error)?;
    }
    // Set before bind: packets arriving before the endpoint runs already find the large buffer.
    // Values are bounded by the configuration (at most 1 GiB), so they fit usize.
    socket
        .set_recv_buffer_size(receive_buffer_bytes as usize)
        .map_err(socket_error)?;
    socket
        .set_send_buffer_size(send_buffer_bytes as usize)
        .map_err(socket_error)?;
    socket
        .bind(&address.into())
        .map_err(|source| QuicError::Bind { address, source })?;
    let buffers = SocketBuffers {
        receive_bytes: socket.recv_buffer_size().map_err(socket_error)? / 2,
        send_bytes: socket.send_buffer_size().map_err(socket_error)? / 2,
    };
    Ok((socket.into(), buffers))
}

/// The quinn server configuration: the node's certificate, ALPN `aorta/1` only, TLS 1.3 (QUIC
/// has no other), the limits as transport parameters, datagrams off (the protocol is streams).
pub fn server_config(
    identity: &NodeIdentity,
    limits: &Limits,
) -> Result<quinn::ServerConfig, QuicError> {
    let tls_error = |source| QuicError::Tls {
        certificate: identity.certificate_path.clone(),
        private_key: identity.private_key_path.clone(),
        source,
    };
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut tls = rustls::ServerConfig::builder_with_provider(provider)
        .with_protocol_versions(&[&rustls::version::TLS13])
        .map_err(tls_error)?
        .with_no_client_auth()
        .with_single_cert(
            vec![identity.certificate.clone()],
            identity.private_key.clone_key(),
        )
        .map_err(tls_error)?;
    tls.alpn_protocols = vec![ALPN.to_vec()];
    // 0-RTT data could be replayed; requests will change state, so none is accepted.
    tls.max_early_data_size = 0;
    let crypto = QuicServerConfig::try_from(tls).map_err(|e| QuicError::QuicTls(e.to_string()))?;
    let mut config = quinn::ServerConfig::with_crypto(Arc::new(crypto));
    config.transport_config(Arc::new(transport_config(limits)?));
    // Kept on (quinn's default): a client whose address changes keeps its connection.
    config.migration(true);
    Ok(config)
}

/// The limits as QUIC transport parameters.
pub fn transport_config(limits: &Limits) -> Result<TransportConfig, QuicError> {
    let mut transport = TransportConfig::default();
    let streams = VarInt::from_u32(limits.streams_per_connection_max);
    transport.max_concurrent_bidi_streams(streams);
    transport.max_concurrent_uni_streams(streams);
    // The idle timeout is the dead-peer detection time: the node pings a quiet connection every
    // keep_alive_interval, so only a peer that stopped answering stays silent that long.
    let idle = IdleTimeout::try_from(limits.idle_timeout)
        .map_err(|e| QuicError::IdleTimeout(e.to_string()))?;
    transport.max_idle_timeout(Some(idle));
    transport.keep_alive_interval(Some(limits.keep_alive_interval));
    transport.datagram_receive_buffer_size(None);
    Ok(transport)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{defaults, Limits};
    use std::time::Duration;

    fn limits() -> Limits {
        Limits {
            connections_max: defaults::CONNECTIONS_MAX,
            streams_per_connection_max: defaults::STREAMS_PER_CONNECTION_MAX,
            idle_timeout: Duration::from_millis(defaults::IDLE_TIMEOUT_MS),
            keep_alive_interval: Duration::from_millis(defaults::KEEP_ALIVE_INTERVAL_MS),
            frame_bytes_max: defaults::FRAME_BYTES_MAX,
            requests_in_flight_max: defaults::REQUESTS_IN_FLIGHT_MAX,
            handshake_timeout: Duration::from_millis(defaults::HANDSHAKE_TIMEOUT_MS),
            request_bytes_in_flight_max: defaults::REQUEST_BYTES_IN_FLIGHT_MAX,
        }
    }

    #[test]
    fn a_certificate_with_another_pairs_key_is_refused_naming_both_files() {
        let names = vec!["localhost".to_string()];
        let (one, two) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let mut identity = crate::identity::load_or_create(one.path(), &names).unwrap();
        server_config(&identity, &limits()).expect("a generated pair is a TLS configuration");

        let other = crate::identity::load_or_create(two.path(), &names).unwrap();
        identity.private_key = other.private_key;
        let error = server_config(&identity, &limits()).unwrap_err().to_string();
        assert!(
            error.contains("node.cert.pem") && error.contains("node.key.pem"),
            "{error}"
        );
    }

    #[test]
    fn the_socket_is_bound_with_the_buffers_asked_within_the_kernel_maximum() {
        let (socket, buffers) =
            bind_udp("127.0.0.1:0".parse().unwrap(), 128 * 1024, 128 * 1024).unwrap();
        assert_ne!(socket.local_addr().unwrap().port(), 0);
        assert_eq!(buffers.receive_bytes, 128 * 1024);
        assert_eq!(buffers.send_bytes, 128 * 1024);
        let taken = socket.local_addr().unwrap();
        let error = bind_udp(taken, 128 * 1024, 128 * 1024).unwrap_err();
        assert!(matches!(error, QuicError::Bind { .. }), "{error}");
    }
}
