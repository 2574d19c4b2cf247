//! The seam between the node and the protocol: the node accepts, places, counts and closes
//! connections; a [`ConnectionService`] serves one established connection (authentication,
//! requests, subscriptions — the wire protocol, `crate::protocol::AortaProtocol`).

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use aorta_engine::Engine;
use quinn::VarInt;
use tokio::sync::watch;

use crate::config::Limits;
use crate::identity::ClusterKey;

/// Application error codes of the node's connection closes (QUIC `CONNECTION_CLOSE` of type
/// 0x1d), each sent with a human-readable reason. They are values of the protocol's `ErrorCode`
/// (`docs/protocol.md`, "Errors"), as every close and stream reset of an `aorta/1` connection is.
pub mod close_code {
    use aorta_wire::wire::ErrorCode;
    use quinn::VarInt;

    /// The code of a protocol error, as a close or reset code.
    pub const fn of(code: ErrorCode) -> VarInt {
        VarInt::from_u32(code as u32)
    }

    /// The node is stopping (SIGTERM/SIGINT): `Unavailable`; reconnect to another node or later.
    pub const SHUTTING_DOWN: VarInt = of(ErrorCode::Unavailable);
    /// The node already has `connections_max` connections open: `Overloaded`, retry later.
    pub const TOO_MANY_CONNECTIONS: VarInt = of(ErrorCode::Overloaded);
}

/// The reason sent with [`close_code::SHUTTING_DOWN`].
pub const SHUTTING_DOWN_REASON: &str = "node shutting down";

/// The reason sent with [`close_code::TOO_MANY_CONNECTIONS`].
pub fn too_many_connections_reason(open: u32, max: u32) -> String {
    format!("too many connections: {open} open, connections_max is {max}")
}

pub type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;

/// Whether the node has begun to shut down; cheap to clone, one per connection.
#[derive(Clone, Debug)]
pub struct ShutdownSignal(watch::Receiver<bool>);

impl ShutdownSignal {
    pub fn new(receiver: watch::Receiver<bool>) -> Self {
        ShutdownSignal(receiver)
    }

    /// Resolves once shutdown has begun (at once if it already has).
    pub async fn requested(&mut self) {
        // An error means the sender is gone, which only happens as the node stops: treat it
        // as a request too.
        let _ = self.0.wait_for(|shutting_down| *shutting_down).await;
    }

    pub fn is_requested(&self) -> bool {
        *self.0.borrow()
    }
}

/// What a service gets to serve one connection.
pub struct Session {
    pub connection: quinn::Connection,
    pub engine: Arc<Engine>,
    pub cluster_key: Arc<ClusterKey>,
    pub limits: Limits,
    /// Once requested, the service finishes its in-flight work and returns
    /// [`Ended::ShutdownRequested`]; the node then closes the connection with
    /// [`close_code::SHUTTING_DOWN`]. The node closes it anyway once `shutdown_grace_ms` has
    /// passed.
    pub shutdown: ShutdownSignal,
}

/// How a service stopped serving a connection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ended {
    /// The connection is closed (by the peer, by the service, or lost).
    Closed,
    /// The node is shutting down and the service's work on the connection is done.
    ShutdownRequested,
}

/// Serves established connections.
pub trait ConnectionService: Send + Sync + 'static {
    /// Serves `session` until the connection closes or shutdown is requested and its work is
    /// done.
    fn serve(&self, session: Session) -> BoxFuture<Ended>;
}

/// The application close code and reason of a closed connection, if it was one.
pub fn application_close(error: &quinn::ConnectionError) -> Option<(VarInt, String)> {
    match error {
        quinn::ConnectionError::ApplicationClosed(close) => Some((
            close.error_code,
            String::from_utf8_lossy(&close.reason).into_owned(),
        )),
        _ => None,
    }
}
