//! What the tasks of one connection share: the connection, the engine, its identity once the
//! handshake ended, the in-flight budget, and when it last sent and received (the heartbeat's
//! clock). Every task of a connection runs on its core's thread; the locks are never held
//! across an await, so they are never contended for long.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::Instant;

use aorta_engine::Engine;
use aorta_wire::handshake::{Authenticated, HandshakeError};
use aorta_wire::wire;
use tracing::info;

use super::budget::{InFlight, Outgoing};
use super::close_code_of;

pub struct ConnectionState {
    pub connection: quinn::Connection,
    pub engine: Arc<Engine>,
    pub frame_bytes_max: u32,
    /// Set once, by the control stream, when the client's proof is accepted (before the
    /// `Welcome` is sent, so a client that read it finds its other streams served).
    authenticated: OnceLock<Authenticated>,
    budget: Mutex<InFlight>,
    /// Woken when bytes to send were written: the streams waiting for room to take more work.
    outgoing_room: tokio::sync::Notify,
    started: Instant,
    last_received_ms: AtomicU64,
    last_sent_ms: AtomicU64,
}

impl ConnectionState {
    pub fn new(
        connection: quinn::Connection,
        engine: Arc<Engine>,
        frame_bytes_max: u32,
        budget: InFlight,
    ) -> Self {
        ConnectionState {
            connection,
            engine,
            frame_bytes_max,
            authenticated: OnceLock::new(),
            budget: Mutex::new(budget),
            outgoing_room: tokio::sync::Notify::new(),
            started: Instant::now(),
            last_received_ms: AtomicU64::new(0),
            last_sent_ms: AtomicU64::new(0),
        }
    }

    /// Milliseconds since the connection was accepted: the heartbeat's and handshake's clock.
    pub fn now_ms(&self) -> u64 {
        self.started.elapsed().as_millis() as u64
    }

    pub fn touch_received(&self) {
        self.last_received_ms
            .fetch_max(self.now_ms(), Ordering::Relaxed);
    }

    pub fn touch_sent(&self) {
        self.last_sent_ms
            .fetch_max(self.now_ms(), Ordering::Relaxed);
    }

    pub fn last_received_ms(&self) -> u64 {
        self.last_received_ms.load(Ordering::Relaxed)
    }

    pub fn last_sent_ms(&self) -> u64 {
        self.last_sent_ms.load(Ordering::Relaxed)
    }

    pub fn budget(&self) -> MutexGuard<'_, InFlight> {
        // The budget is four counters changed whole under the lock: a panic cannot leave it
        // half-written.
        self.budget
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Charges `bytes` to send of `kind` until the guard is dropped (once they are written, or
    /// the write failed or was dropped).
    pub fn hold_outgoing(&self, kind: Outgoing, bytes: u64) -> OutgoingHeld<'_> {
        self.budget().hold_outgoing(kind, bytes);
        OutgoingHeld {
            state: self,
            kind,
            bytes,
        }
    }

    /// Bytes to send that were written (or dropped): released, and the waiting streams woken.
    pub fn release_outgoing(&self, kind: Outgoing, bytes: u64) {
        if bytes == 0 {
            return;
        }
        self.budget().release_outgoing(kind, bytes);
        self.outgoing_room.notify_waiters();
    }

    /// Waits until the connection may take more work that makes bytes to send of `kind` (at once
    /// if it may now). Never loses a wake-up: the waiter is registered before the budget is
    /// looked at.
    pub async fn outgoing_room(&self, kind: Outgoing) {
        let notified = self.outgoing_room.notified();
        tokio::pin!(notified);
        loop {
            notified.as_mut().enable();
            if self.budget().has_room(kind) {
                return;
            }
            notified.as_mut().await;
            notified.set(self.outgoing_room.notified());
        }
    }

    pub fn authenticated(&self) -> Option<&Authenticated> {
        self.authenticated.get()
    }

    pub fn set_authenticated(&self, authenticated: Authenticated) {
        info!(
            connection = self.connection.stable_id(),
            principal = authenticated.principal.name(),
            "artery established"
        );
        let _ = self.authenticated.set(authenticated);
    }

    /// Closes the connection with a protocol error and says why.
    pub fn close(&self, code: wire::ErrorCode, reason: &str) {
        info!(
            connection = self.connection.stable_id(),
            code = ?code,
            reason,
            "closing the connection: protocol error"
        );
        self.connection
            .close(close_code_of(code), reason.as_bytes());
    }

    /// A stream other than the control stream sent `message` before the handshake ended: the
    /// connection is refused (`docs/protocol.md`, "Streams").
    pub fn refuse_unauthenticated(&self, message: &wire::Message) {
        let error = HandshakeError::Unauthenticated {
            found: aorta_wire::handshake::message_kind(message),
        };
        self.close(error.code(), &error.to_string());
    }
}

/// Bytes to send held by [`ConnectionState::hold_outgoing`] or handed over to
/// [`OutgoingHeld::adopt`]; released when dropped.
pub struct OutgoingHeld<'a> {
    state: &'a ConnectionState,
    kind: Outgoing,
    bytes: u64,
}

impl<'a> OutgoingHeld<'a> {
    /// Takes over the release of `bytes` of `kind` charged already.
    pub fn adopt(state: &'a ConnectionState, kind: Outgoing, bytes: u64) -> Self {
        OutgoingHeld { state, kind, bytes }
    }
}

impl Drop for OutgoingHeld<'_> {
    fn drop(&mut self) {
        self.state.release_outgoing(self.kind, self.bytes);
    }
}
