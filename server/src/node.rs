//! The node's life: bind, load or make its identity, open the engine, start the connection
//! threads, accept connections until SIGTERM/SIGINT, then shut down in order (stop accepting,
//! let connections finish within the grace period, close them, stop the threads, close the
//! engine). Every step is logged.
//!
//! Threads: the caller's thread runs the endpoint (one UDP socket, quinn's endpoint driver, the
//! accept loop and the signals) on a current_thread runtime; `aortad-core-N` threads run the
//! connections ([`crate::cores`]); the engine runs its shards on threads of its own.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use aorta_engine::{Engine, EngineConfig};
use quinn::{EndpointConfig, Incoming};
use tokio::signal::unix::{signal, Signal, SignalKind};
use tokio::sync::{watch, Notify};
use tracing::{debug, info, warn};

use crate::admission::{Admission, Decision};
use crate::config::{Limits, NodeConfig};
use crate::cores::{CoreRuntime, Cores};
use crate::identity::{self, ClusterKey, IdentityError};
use crate::quic::{self, QuicError};
use crate::service::{
    close_code, too_many_connections_reason, ConnectionService, Ended, Session, ShutdownSignal,
    SHUTTING_DOWN_REASON,
};

/// How long the node waits, after closing every connection, for the closes to be sent and
/// acknowledged (QUIC's draining period is three probe timeouts: milliseconds on a LAN).
const CLOSE_DRAIN_TIMEOUT: Duration = Duration::from_secs(2);

#[derive(Debug, thiserror::Error)]
pub enum NodeError {
    #[error("starting the {what}: {source}")]
    Runtime {
        what: &'static str,
        source: std::io::Error,
    },
    #[error(transparent)]
    Quic(#[from] QuicError),
    #[error(transparent)]
    Identity(#[from] IdentityError),
    #[error("opening the engine in {data_dir}: {source}")]
    Engine {
        data_dir: std::path::PathBuf,
        source: aorta_engine::Error,
    },
    #[error("starting the QUIC endpoint on {address}: {source}")]
    Endpoint {
        address: SocketAddr,
        source: std::io::Error,
    },
}

/// What every connection task shares.
struct Shared {
    admission: Mutex<Admission>,
    /// Notified whenever an admitted connection ends (shutdown waits on it).
    connection_ended: Notify,
    engine: Arc<Engine>,
    cluster_key: Arc<ClusterKey>,
    limits: Limits,
    service: Arc<dyn ConnectionService>,
    shutdown: watch::Sender<bool>,
}

impl Shared {
    fn admission(&self) -> MutexGuard<'_, Admission> {
        // The accounting stays consistent even if a holder panicked: every update is one call.
        self.admission.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// SIGTERM and SIGINT, caught from the start so that neither kills the node mid-step.
struct Signals {
    terminate: Signal,
    interrupt: Signal,
}

impl Signals {
    /// Must be called inside a tokio runtime.
    fn new() -> std::io::Result<Signals> {
        Ok(Signals {
            terminate: signal(SignalKind::terminate())?,
            interrupt: signal(SignalKind::interrupt())?,
        })
    }

    async fn next(&mut self) -> &'static str {
        tokio::select! {
            _ = self.terminate.recv() => "SIGTERM",
            _ = self.interrupt.recv() => "SIGINT",
        }
    }
}

/// Runs the node until a signal has shut it down; `Ok` means a clean stop.
pub fn run(config: &NodeConfig, service: Arc<dyn ConnectionService>) -> Result<(), NodeError> {
    let endpoint_runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|source| NodeError::Runtime {
            what: "endpoint runtime",
            source,
        })?;
    let mut signals = {
        let _inside = endpoint_runtime.enter();
        Signals::new().map_err(|source| NodeError::Runtime {
            what: "signal handlers",
            source,
        })?
    };

    // The socket first: a taken port is found before anything touches the disk.
    let socket = bind(config)?;
    let identity = load_identity(config)?;
    let server_config = quic::server_config(&identity, &config.limits)?;

    let engine = open_engine(config)?;

    let cores =
        Cores::start(config.connection_threads as usize).map_err(|source| NodeError::Runtime {
            what: "connection threads",
            source,
        })?;
    let (shutdown, _) = watch::channel(false);
    let shared = Arc::new(Shared {
        admission: Mutex::new(Admission::new(config.limits.connections_max, cores.count())),
        connection_ended: Notify::new(),
        engine: Arc::new(engine),
        cluster_key: Arc::new(identity.cluster_key),
        limits: config.limits,
        service,
        shutdown,
    });

    let served = endpoint_runtime.block_on(serve(
        &shared,
        &cores,
        socket,
        server_config,
        &mut signals,
        config,
    ));
    info!("shutdown: stopping the connection threads");
    cores.stop();
    drop(endpoint_runtime);
    close_engine(shared);
    served?;
    info!("stopped");
    Ok(())
}

fn bind(config: &NodeConfig) -> Result<std::net::UdpSocket, NodeError> {
    let (socket, buffers) = quic::bind_udp(
        config.listen,
        config.udp_receive_buffer_bytes,
        config.udp_send_buffer_bytes,
    )?;
    let short = |granted: usize, asked: u64| (granted as u64) < asked;
    if short(buffers.receive_bytes, config.udp_receive_buffer_bytes)
        || short(buffers.send_bytes, config.udp_send_buffer_bytes)
    {
        warn!(
            receive_granted = buffers.receive_bytes,
            receive_asked = config.udp_receive_buffer_bytes,
            send_granted = buffers.send_bytes,
            send_asked = config.udp_send_buffer_bytes,
            "the kernel granted smaller UDP buffers than asked; raise net.core.rmem_max and \
             net.core.wmem_max, or packets may be dropped under load"
        );
    } else {
        info!(
            receive_bytes = buffers.receive_bytes,
            send_bytes = buffers.send_bytes,
            "UDP socket buffers"
        );
    }
    Ok(socket)
}

fn load_identity(config: &NodeConfig) -> Result<identity::NodeIdentity, NodeError> {
    identity::ensure_data_dir(&config.data_dir)?;
    let identity = identity::load_or_create(&config.data_dir, &config.tls_names)?;
    let made = |generated: bool| if generated { "generated" } else { "loaded" };
    info!(
        certificate = %identity.certificate_path.display(),
        private_key = %identity.private_key_path.display(),
        sha256_fingerprint = %identity.fingerprint,
        names = ?config.tls_names,
        "node certificate {}",
        made(identity.certificate_generated)
    );
    info!(
        cluster_key = %identity.cluster_key_path.display(),
        "cluster key {}",
        made(identity.cluster_key_generated)
    );
    Ok(identity)
}

fn open_engine(config: &NodeConfig) -> Result<Engine, NodeError> {
    info!(data_dir = %config.data_dir.display(), "opening the engine");
    let mut engine_config = EngineConfig::new(&config.data_dir);
    engine_config.shards = config.engine.shards;
    engine_config.history = config.engine.history;
    engine_config.memtable_bytes_max = config.engine.memtable_bytes_max;
    let engine = Engine::open(engine_config).map_err(|source| NodeError::Engine {
        data_dir: config.data_dir.clone(),
        source,
    })?;
    info!(
        shards = engine.shard_count(),
        cluster_id = format_args!("{:08x}", engine.cluster_id()),
        "engine open"
    );
    Ok(engine)
}

fn close_engine(shared: Arc<Shared>) {
    // Every connection task is gone with the threads, so these are the last references.
    let engine = match Arc::try_unwrap(shared) {
        Ok(shared) => Arc::try_unwrap(shared.engine).ok(),
        Err(_) => None,
    };
    info!("shutdown: closing the engine");
    match engine {
        Some(engine) => engine.close(),
        None => warn!("the engine is still referenced; it closes when the last reference goes"),
    }
    info!("shutdown: engine closed");
}

async fn serve(
    shared: &Arc<Shared>,
    cores: &Cores,
    socket: std::net::UdpSocket,
    server_config: quinn::ServerConfig,
    signals: &mut Signals,
    config: &NodeConfig,
) -> Result<(), NodeError> {
    let endpoint_error = |source| NodeError::Endpoint {
        address: config.listen,
        source,
    };
    let endpoint = quinn::Endpoint::new(
        EndpointConfig::default(),
        Some(server_config),
        socket,
        CoreRuntime::new(cores.handles()),
    )
    .map_err(endpoint_error)?;
    let address = endpoint.local_addr().map_err(endpoint_error)?;
    info!(
        %address,
        alpn = "aorta/1",
        connection_threads = cores.count(),
        connections_max = config.limits.connections_max,
        "listening"
    );

    let signal = loop {
        tokio::select! {
            incoming = endpoint.accept() => match incoming {
                Some(incoming) => dispatch(shared, cores, incoming),
                None => break None,
            },
            signal = signals.next() => break Some(signal),
        }
    };
    info!(signal, "shutdown: stopped accepting connections");
    shut_down(&endpoint, shared, cores, signals, config.shutdown_grace).await;
    Ok(())
}

/// Decides a connection attempt and hands it to its core.
fn dispatch(shared: &Arc<Shared>, cores: &Cores, incoming: Incoming) {
    let decision = shared.admission().decide();
    match decision {
        Decision::Admit { core } => {
            let admitted = Admitted {
                shared: shared.clone(),
                core,
            };
            cores
                .handle(core)
                .spawn(serve_connection(shared.clone(), incoming, admitted));
        }
        Decision::RefuseWithReason { core, open, max } => {
            let refusal = Refusal(shared.clone());
            cores
                .handle(core)
                .spawn(refuse_connection(incoming, refusal, open, max));
        }
        Decision::RefuseAtOnce => {
            debug!(remote = %incoming.remote_address(), "connection attempt refused at once");
            incoming.refuse();
        }
    }
}

/// An admitted connection's place in the count, given back when dropped.
struct Admitted {
    shared: Arc<Shared>,
    core: usize,
}

impl Drop for Admitted {
    fn drop(&mut self) {
        self.shared.admission().release(self.core);
        self.shared.connection_ended.notify_waiters();
    }
}

/// A refusal in progress, counted until dropped.
struct Refusal(Arc<Shared>);

impl Drop for Refusal {
    fn drop(&mut self) {
        self.0.admission().release_refusal();
    }
}

/// Runs on the connection's core: the handshake, then the service, then the close.
async fn serve_connection(shared: Arc<Shared>, incoming: Incoming, admitted: Admitted) {
    let remote = incoming.remote_address();
    // `accept` spawns the connection's driver on this thread's runtime: this core.
    let connection = match incoming.accept() {
        Ok(connecting) => connecting.await,
        Err(error) => Err(error),
    };
    let connection = match connection {
        Ok(connection) => connection,
        Err(error) => {
            info!(%remote, %error, "handshake failed");
            return;
        }
    };
    let id = connection.stable_id();
    info!(
        %remote,
        connection = id,
        core = admitted.core,
        thread = std::thread::current().name().unwrap_or("?"),
        "connection established"
    );
    let session = Session {
        connection: connection.clone(),
        engine: shared.engine.clone(),
        cluster_key: shared.cluster_key.clone(),
        limits: shared.limits,
        shutdown: ShutdownSignal::new(shared.shutdown.subscribe()),
    };
    let ended = shared.service.serve(session).await;
    if ended == Ended::ShutdownRequested {
        connection.close(close_code::SHUTTING_DOWN, SHUTTING_DOWN_REASON.as_bytes());
    }
    let reason = connection
        .close_reason()
        .map_or_else(|| "open".to_string(), |e| e.to_string());
    // Released before the line is logged: whoever reads the line may count on the free slot.
    let core = admitted.core;
    drop(admitted);
    // The remote address now, which differs from the first one if the client migrated.
    info!(
        remote = %connection.remote_address(),
        connection = id,
        core,
        %reason,
        "connection closed"
    );
}

/// Runs on a core: completes the handshake only to say why the connection is refused.
async fn refuse_connection(incoming: Incoming, refusal: Refusal, open: u32, max: u32) {
    let remote = incoming.remote_address();
    let reason = too_many_connections_reason(open, max);
    warn!(%remote, open, connections_max = max, "connection refused: too many connections");
    if let Ok(connecting) = incoming.accept() {
        if let Ok(connection) = connecting.await {
            connection.close(close_code::TOO_MANY_CONNECTIONS, reason.as_bytes());
        }
    }
    drop(refusal);
}

async fn shut_down(
    endpoint: &quinn::Endpoint,
    shared: &Arc<Shared>,
    cores: &Cores,
    signals: &mut Signals,
    grace: Duration,
) {
    // Attempts from now on are refused at once (QUIC CONNECTION_REFUSED), so that a client
    // learns it at once and turns to another node instead of waiting for a handshake timeout.
    shared.admission().close_to_new();
    let open = shared.admission().open();
    info!(
        open,
        grace_ms = grace.as_millis() as u64,
        "shutdown: asking connections to finish their work"
    );
    shared.shutdown.send_replace(true);

    let deadline = tokio::time::Instant::now() + grace;
    loop {
        let ended = shared.connection_ended.notified();
        tokio::pin!(ended);
        // Registered before the count is read, so that no release between the two is missed.
        ended.as_mut().enable();
        if shared.admission().open() == 0 {
            break;
        }
        tokio::select! {
            _ = ended => {}
            Some(incoming) = endpoint.accept() => dispatch(shared, cores, incoming),
            _ = tokio::time::sleep_until(deadline) => break,
            signal = signals.next() => {
                info!(signal, "shutdown: second signal, not waiting for the grace period");
                break;
            }
        }
    }
    let left = shared.admission().open();
    if left > 0 {
        warn!(open = left, "shutdown: closing the connections still open");
    } else {
        info!("shutdown: every connection finished");
    }
    endpoint.close(close_code::SHUTTING_DOWN, SHUTTING_DOWN_REASON.as_bytes());
    if tokio::time::timeout(CLOSE_DRAIN_TIMEOUT, endpoint.wait_idle())
        .await
        .is_err()
    {
        warn!("shutdown: some connection closes were not acknowledged in time");
    }
    info!("shutdown: connections closed");
}
