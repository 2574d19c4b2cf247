//! `aorta-client`: the Rust client of an Aorta node (`docs/protocol.md`).
//!
//! ```no_run
//! # async fn example() -> Result<(), aorta_client::Error> {
//! use aorta_client::{Client, ClientConfig, ResourceSpec};
//! let config = ClientConfig::from_data_dir(
//!     std::path::Path::new("/var/lib/aorta"),
//!     "127.0.0.1:7700".parse().unwrap(),
//!     "root",
//! )?;
//! let client = Client::connect(config).await?;
//! let receipt = client.put(ResourceSpec::new("/apps/web", "task-1", "task"), None).await?;
//! let task = client.get("/apps/web", "task-1").await?;
//! assert_eq!(task.unwrap().revision, receipt.position);
//! # Ok(()) }
//! ```
//!
//! * A [`Client`] holds one *artery*: a QUIC connection (TLS 1.3, ALPN `aorta/1`, trusting the
//!   node's certificate) that passed the handshake with the cluster key, as a principal. It is
//!   made by [`Client::connect`] and made again, on the next call, after it was lost. Each client
//!   has a UDP socket of its own, unless several share one ([`ClientEndpoint`],
//!   [`Client::connect_via`]: one receive path for all their connections).
//! * Commits travel pipelined on a few long-lived request streams of the artery (*lanes*,
//!   `lanes.rs`: at most 4, each owing at most 64 answers); every other request runs on a stream
//!   of its own, so that a read never waits behind another caller's group commit. Commits and
//!   reads together stay within the `requests_in_flight_max` and `request_bytes_in_flight_max`
//!   the node states in its `Welcome`, with a share of each kept for reads (`budget.rs`): a
//!   caller past them waits for a place or bytes rather than being answered (or reset)
//!   `Overloaded`. Each request is bounded by [`ClientConfig::request_timeout`] (connecting
//!   again and waiting for a place or bytes included). A write whose
//!   connection was lost after it left is *not* retried: it may have committed; the caller reads
//!   and decides (a write that never left is tried once more on a new artery).
//! * A [`Subscription`] is a `futures::Stream` of events that reconnects by itself and resumes
//!   after the last event it delivered: no gap, no duplicate (see [`subscription`]).
//! * Errors are typed ([`Error`]); [`Error::kind`] sorts them into what a caller does next.
//!
//! The request and response types are the engine's ([`ResourceSpec`], [`Resource`],
//! [`Query`], [`Page`], [`Pattern`], [`Event`], …), re-exported here; the wire crate converts
//! them and checks everything the node sends as strictly as the node checks the client.

mod artery;
mod backoff;
mod budget;
pub mod config;
mod error;
mod framed;
mod lanes;
pub mod subscription;

use std::net::SocketAddr;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

pub use aorta_engine::query::{Page, Query, Scope, TagSelector, Token};
pub use aorta_engine::subscription::{Actions, Event, EventAction, Pattern, Start};
pub use aorta_engine::{Batch, Command, CommitReceipt, Resource, ResourceId, ResourceSpec};
pub use aorta_wire::convert::{ListFrom, Status};
pub use aorta_wire::handshake::{ClusterKey, Session};
pub use aorta_wire::wire::ErrorCode;
pub use config::{ClientConfig, ConfigError, Reconnect};
pub use error::{Error, ErrorKind};
pub use subscription::Subscription;

use aorta_wire::convert::{Call, Reply};
use aorta_wire::requests::ClientRequests;
use artery::Artery;

/// A connection to one node, shared by clones. See the crate doc.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    config: ClientConfig,
    endpoint: quinn::Endpoint,
    /// TLS and transport for this client's connections (the endpoint may be shared by clients
    /// of other configurations: [`ClientEndpoint`]).
    quic: quinn::ClientConfig,
    /// The current artery; replaced, under the lock, by the first call that finds it closed, so
    /// that concurrent callers make one connection, not one each.
    artery: tokio::sync::Mutex<Option<Arc<Artery>>>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("address", &self.inner.config.address)
            .field("principal", &self.inner.config.principal)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// Connects to the node and passes the handshake (each within `connect_timeout`). Must be
    /// called within a tokio runtime.
    pub async fn connect(config: ClientConfig) -> Result<Client, Error> {
        let endpoint = ClientEndpoint::new(&config)?;
        Client::connect_via(&endpoint, config).await
    }

    /// As [`Client::connect`], on a UDP socket shared with other clients: many connections from
    /// one process then have one socket and one receive path (one task reading datagrams for all
    /// of them) instead of one each. `config` gives this client's TLS and transport settings,
    /// principal and timeouts; the socket's address family and buffers are the endpoint's (its
    /// `udp_buffer_bytes` is ignored here). Must be called within a tokio runtime.
    pub async fn connect_via(
        endpoint: &ClientEndpoint,
        config: ClientConfig,
    ) -> Result<Client, Error> {
        let quic = quic_client_config(&config)?;
        let client = Client {
            inner: Arc::new(Inner {
                config,
                endpoint: endpoint.endpoint.clone(),
                quic,
                artery: tokio::sync::Mutex::new(None),
            }),
        };
        client.artery().await?;
        Ok(client)
    }

    pub fn config(&self) -> &ClientConfig {
        &self.inner.config
    }

    /// What the node stated in the current artery's `Welcome`, if one is up.
    pub async fn session(&self) -> Option<Session> {
        let artery = self.inner.artery.lock().await;
        artery
            .as_ref()
            .filter(|artery| !artery.is_closed())
            .map(|artery| artery.session.clone())
    }

    /// The address of this client's UDP socket (the unspecified address of the node's address
    /// family unless [`Client::rebind`] gave it another, and the port it was given).
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.inner.endpoint.local_addr()
    }

    /// Moves this client's connection to `socket`, a new local UDP socket, as a device does when
    /// it changes network: the connection, its requests and its subscriptions go on from the new
    /// address (QUIC connection migration; the node follows the client), with no reconnection.
    /// `socket` is used as given (its buffers are not resized to `udp_buffer_bytes`). On a
    /// [`ClientEndpoint`] shared with other clients it moves all of them (it is
    /// [`ClientEndpoint::rebind`]). On error the old socket is kept. Must be called within a tokio
    /// runtime.
    pub fn rebind(&self, socket: std::net::UdpSocket) -> std::io::Result<()> {
        self.inner.endpoint.rebind(socket)
    }

    /// Closes the connection (the node sees code 0, "client closing"); a later call connects
    /// again, and so do this client's open subscriptions: drop them first to end them.
    pub async fn close(&self) {
        if let Some(artery) = self.inner.artery.lock().await.take() {
            artery.connection.close(0u32.into(), b"client closing");
        }
    }

    /// The live artery, connecting (once, within `connect_timeout`) if there is none.
    pub(crate) async fn artery(&self) -> Result<Arc<Artery>, Error> {
        let mut current = self.inner.artery.lock().await;
        if let Some(artery) = current.as_ref().filter(|artery| !artery.is_closed()) {
            return Ok(artery.clone());
        }
        let artery =
            artery::connect(&self.inner.endpoint, &self.inner.quic, &self.inner.config).await?;
        *current = Some(artery.clone());
        Ok(artery)
    }

    /// Commits `batch` atomically: every command applies, with one commit position, or none.
    pub async fn commit(&self, batch: Batch) -> Result<CommitReceipt, Error> {
        let batch = batch.validate().map_err(invalid)?.into_commands();
        match self.call(Call::Commit(Batch::new(batch))).await? {
            Reply::Committed(receipt) => Ok(receipt),
            other => Err(unexpected("a commit receipt", &other)),
        }
    }

    /// Creates a resource; `Conflict` if its key exists.
    pub async fn create(&self, spec: ResourceSpec) -> Result<CommitReceipt, Error> {
        self.commit(Batch::single(Command::create(spec))).await
    }

    /// Replaces a resource (at `expected_revision`, when given); `NotFound` if it is absent.
    pub async fn update(
        &self,
        spec: ResourceSpec,
        expected_revision: Option<u64>,
    ) -> Result<CommitReceipt, Error> {
        self.commit(Batch::single(Command::update(spec, expected_revision)))
            .await
    }

    /// Creates or replaces a resource (only at `expected_revision` when given; 0: only if
    /// absent).
    pub async fn put(
        &self,
        spec: ResourceSpec,
        expected_revision: Option<u64>,
    ) -> Result<CommitReceipt, Error> {
        self.commit(Batch::single(Command::put(spec, expected_revision)))
            .await
    }

    /// Deletes a resource (at `expected_revision`, when given); `NotFound` if it is absent.
    pub async fn delete(
        &self,
        namespace: &str,
        name: &str,
        expected_revision: Option<u64>,
    ) -> Result<CommitReceipt, Error> {
        self.commit(Batch::single(Command::delete(
            namespace,
            name,
            expected_revision,
        )))
        .await
    }

    /// The resource at a key, or `None`.
    pub async fn get(&self, namespace: &str, name: &str) -> Result<Option<Resource>, Error> {
        aorta_engine::resource::validate_namespace(namespace).map_err(invalid)?;
        aorta_engine::resource::validate_name(name).map_err(invalid)?;
        self.found(Call::Get {
            namespace: namespace.into(),
            name: name.into(),
        })
        .await
    }

    /// The resource with an id, or `None`.
    pub async fn get_by_id(&self, id: ResourceId) -> Result<Option<Resource>, Error> {
        self.found(Call::GetById(id)).await
    }

    async fn found(&self, call: Call) -> Result<Option<Resource>, Error> {
        match self.call(call).await? {
            Reply::Found(resource) => Ok(resource),
            other => Err(unexpected("a resource or none", &other)),
        }
    }

    /// One page of `query`: the first at the latest positions, the next after a token, or the
    /// first as it was at older positions.
    pub async fn list(&self, query: &Query, from: ListFrom) -> Result<Page, Error> {
        query.validate().map_err(|error| Error::InvalidInput {
            code: ErrorCode::InvalidQuery,
            message: error.to_string(),
        })?;
        let call = Call::List {
            query: query.clone(),
            from,
        };
        match self.call(call).await? {
            Reply::Page(page) => Ok(page),
            other => Err(unexpected("a page", &other)),
        }
    }

    /// Each shard's latest position: subscribing after them follows from now, after a listing.
    pub async fn positions(&self) -> Result<Vec<u64>, Error> {
        match self.call(Call::Positions).await? {
            Reply::Positions(positions) => Ok(positions),
            other => Err(unexpected("positions", &other)),
        }
    }

    /// The node's cluster id and each shard's health.
    pub async fn status(&self) -> Result<Status, Error> {
        match self.call(Call::Status).await? {
            Reply::Status(status) => Ok(status),
            other => Err(unexpected("a status", &other)),
        }
    }

    /// Subscribes to the changes `pattern` selects, from `start`; returns once the node has
    /// accepted the subscription (so every change committed after this returns is delivered).
    pub async fn subscribe(&self, pattern: Pattern, start: Start) -> Result<Subscription, Error> {
        subscription::subscribe(self, pattern, start).await
    }

    /// Runs one request (a commit on a lane, anything else on a stream of its own), within
    /// `request_timeout`.
    async fn call(&self, call: Call) -> Result<Reply, Error> {
        let timeout = self.inner.config.request_timeout;
        let waiting_for_stream = AtomicBool::new(false);
        let reply = tokio::time::timeout(timeout, self.call_unbounded(&call, &waiting_for_stream))
            .await
            .map_err(|_| Error::gave_up("the request", timeout, &waiting_for_stream))??;
        match reply {
            Reply::Failed(error) => Err(Error::from_remote(error)),
            reply => Ok(reply),
        }
    }

    /// Runs `call` on the current artery; once more on a new one when the connection turns out
    /// lost and a second try cannot apply anything twice: the request never left whole (a
    /// connection found closed only now, e.g. after a node restart), or it only reads.
    async fn call_unbounded(
        &self,
        call: &Call,
        waiting_for_stream: &AtomicBool,
    ) -> Result<Reply, Error> {
        let artery = self.artery().await?;
        match call_on(&artery, call, waiting_for_stream).await {
            Ok(reply) => Ok(reply),
            Err((error, sent)) if error.kind() == ErrorKind::Unavailable => {
                let reads_only = !matches!(call, Call::Commit(_));
                if sent && !reads_only {
                    return Err(error);
                }
                tracing::debug!(%error, "the connection was lost; trying once on a new one");
                self.discard(&artery).await;
                let artery = self.artery().await?;
                call_on(&artery, call, waiting_for_stream)
                    .await
                    .map_err(|(error, _)| error)
            }
            Err((error, _)) => Err(error),
        }
    }

    /// Drops `artery` if it is still the current one, so that the next call connects again.
    async fn discard(&self, artery: &Arc<Artery>) {
        let mut current = self.inner.artery.lock().await;
        if current
            .as_ref()
            .is_some_and(|held| Arc::ptr_eq(held, artery))
        {
            *current = None;
        }
    }
}

/// One request: a commit on one of the artery's lanes, anything else on a stream of its own (a
/// read never waits behind another caller's commit). A failure says whether the request left
/// whole (`true`: the node may have run it).
async fn call_on(
    artery: &Arc<Artery>,
    call: &Call,
    waiting_for_stream: &AtomicBool,
) -> Result<Reply, (Error, bool)> {
    if matches!(call, Call::Commit(_)) {
        return artery.lanes.call(artery, call, waiting_for_stream).await;
    }
    call_on_own_stream(artery, call, waiting_for_stream).await
}

/// One request on a stream of its own, holding a place and its bytes in the artery's budget until
/// its answer.
async fn call_on_own_stream(
    artery: &Artery,
    call: &Call,
    waiting_for_stream: &AtomicBool,
) -> Result<Reply, (Error, bool)> {
    let not_sent = |error| (error, false);
    let id = artery.next_request_id();
    let frame = artery.budget.encode(id, call).map_err(not_sent)?;
    let _held = artery.budget.read(frame.len()).await.map_err(not_sent)?;
    let mut stream = artery
        .open_stream(waiting_for_stream)
        .await
        .map_err(not_sent)?;
    let mut requests = ClientRequests::new(1);
    requests
        .sent(id)
        .map_err(|error| not_sent(Error::protocol(error.to_string())))?;
    stream
        .send_frames(&mut [bytes::Bytes::from(frame)])
        .await
        .map_err(not_sent)?;
    artery.spoke();
    stream.finish();
    let sent = |error| (error, true);
    let response = stream.receive().await.map_err(sent)?.ok_or_else(|| {
        sent(Error::ConnectionLost {
            reason: "the node ended the request stream without a response".into(),
        })
    })?;
    artery.heard();
    let (_, reply) = requests
        .receive(&response)
        .map_err(|error| sent(Error::protocol(error.to_string())))?;
    Ok(reply)
}

fn invalid(error: aorta_engine::ValidationError) -> Error {
    Error::InvalidInput {
        code: ErrorCode::InvalidInput,
        message: error.to_string(),
    }
}

fn unexpected(expected: &str, reply: &Reply) -> Error {
    let found = match reply {
        Reply::Committed(_) => "a commit receipt",
        Reply::Found(_) => "a resource or none",
        Reply::Page(_) => "a page",
        Reply::Positions(_) => "positions",
        Reply::Status(_) => "a status",
        Reply::Failed(_) => "an error",
    };
    Error::protocol(format!(
        "the node answered {found} where {expected} belongs"
    ))
}

/// A UDP socket bound to `bind`, its receive and send buffers asked for at `buffer_bytes` each.
/// As quinn's own `Endpoint::client`, a socket option the system refuses is not an error (a smaller
/// buffer grant, or one over a BSD's `maxsockbuf`, is logged as a warning); only creating or
/// binding the socket is.
fn udp_socket(bind: SocketAddr, buffer_bytes: usize) -> std::io::Result<std::net::UdpSocket> {
    use socket2::{Domain, Protocol, Socket, Type};
    let socket = Socket::new(Domain::for_address(bind), Type::DGRAM, Some(Protocol::UDP))?;
    if bind.is_ipv6() {
        if let Err(error) = socket.set_only_v6(false) {
            tracing::debug!(%error, "the client's socket stays IPv6-only");
        }
    }
    let receive = socket.set_recv_buffer_size(buffer_bytes);
    let send = socket.set_send_buffer_size(buffer_bytes);
    // Linux reports twice the bytes it grants (its bookkeeping included).
    let granted = |size: std::io::Result<usize>| size.map(|s| s / 2).unwrap_or(0);
    let (receive_bytes, send_bytes) = (
        granted(socket.recv_buffer_size()),
        granted(socket.send_buffer_size()),
    );
    if receive.is_err()
        || send.is_err()
        || receive_bytes < buffer_bytes
        || send_bytes < buffer_bytes
    {
        tracing::warn!(
            asked = buffer_bytes,
            receive_bytes,
            send_bytes,
            "the client's UDP socket buffers are smaller than asked (net.core.rmem_max / \
             wmem_max cap them); a catch-up may then drop datagrams"
        );
    }
    socket.bind(&bind.into())?;
    Ok(socket.into())
}

/// A UDP socket for clients' connections: each [`Client`] makes its own ([`Client::connect`]),
/// or several share one ([`Client::connect_via`]). Dropping every handle and every client on it
/// closes the socket.
#[derive(Clone, Debug)]
pub struct ClientEndpoint {
    endpoint: quinn::Endpoint,
}

impl ClientEndpoint {
    /// A socket on the unspecified address of `config.address`'s family, any port, its buffers
    /// asked at `config.udp_buffer_bytes`. Must be called within a tokio runtime.
    pub fn new(config: &ClientConfig) -> Result<ClientEndpoint, Error> {
        let bind: SocketAddr = if config.address.is_ipv4() {
            "0.0.0.0:0".parse().expect("an address")
        } else {
            "[::]:0".parse().expect("an address")
        };
        let unreachable = |error: std::io::Error| Error::Unreachable {
            address: config.address,
            reason: format!("cannot open a UDP socket: {error}"),
        };
        let socket = udp_socket(bind, config.udp_buffer_bytes).map_err(unreachable)?;
        let runtime: Arc<dyn quinn::Runtime> = Arc::new(quinn::TokioRuntime);
        let endpoint =
            quinn::Endpoint::new(quinn::EndpointConfig::default(), None, socket, runtime)
                .map_err(unreachable)?;
        Ok(ClientEndpoint { endpoint })
    }

    /// The address the socket is bound to.
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.endpoint.local_addr()
    }

    /// Moves every connection on this endpoint to `socket`, a new local UDP socket (see
    /// [`Client::rebind`]). On error the old socket is kept. Must be called within a tokio runtime.
    pub fn rebind(&self, socket: std::net::UdpSocket) -> std::io::Result<()> {
        self.endpoint.rebind(socket)
    }
}

/// A client's QUIC configuration: TLS 1.3 with the ring provider, ALPN `aorta/1`, trusting
/// `config.trusted_certificates` only; QUIC's idle timeout and a keep-alive at a third of it.
fn quic_client_config(config: &ClientConfig) -> Result<quinn::ClientConfig, Error> {
    let tls_error = |error: &dyn std::fmt::Display| ConfigError::Tls(error.to_string());
    let mut roots = rustls::RootCertStore::empty();
    for certificate in &config.trusted_certificates {
        roots
            .add(certificate.clone())
            .map_err(|error| tls_error(&error))?;
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut tls = rustls::ClientConfig::builder_with_provider(provider)
        .with_protocol_versions(&[&rustls::version::TLS13])
        .map_err(|error| tls_error(&error))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    tls.alpn_protocols = vec![aorta_wire::handshake::ALPN.to_vec()];
    let crypto = quinn::crypto::rustls::QuicClientConfig::try_from(tls)
        .map_err(|error| tls_error(&error))?;
    let mut client_config = quinn::ClientConfig::new(Arc::new(crypto));
    let mut transport = quinn::TransportConfig::default();
    let idle =
        quinn::IdleTimeout::try_from(config.idle_timeout).map_err(|error| tls_error(&error))?;
    transport.max_idle_timeout(Some(idle));
    transport.keep_alive_interval(Some(config.idle_timeout / 3));
    client_config.transport_config(Arc::new(transport));
    Ok(client_config)
}

#[cfg(test)]
mod tests {
    use super::udp_socket;

    /// The kernel's `rmem_max` / `wmem_max`: what an unprivileged process can be granted at most.
    fn sysctl(name: &str) -> usize {
        std::fs::read_to_string(format!("/proc/sys/net/core/{name}"))
            .unwrap()
            .trim()
            .parse()
            .unwrap()
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn the_client_socket_gets_the_buffers_it_asks_for_within_the_kernels_caps() {
        let asked = 1024 * 1024;
        let socket =
            socket2::Socket::from(udp_socket("127.0.0.1:0".parse().unwrap(), asked).unwrap());
        // Linux reports twice the data bytes it grants (its bookkeeping included).
        let expected_receive = asked.min(sysctl("rmem_max")) * 2;
        let expected_send = asked.min(sysctl("wmem_max")) * 2;
        assert_eq!(socket.recv_buffer_size().unwrap(), expected_receive);
        assert_eq!(socket.send_buffer_size().unwrap(), expected_send);
    }
}
