//! The wire protocol `aorta/1` served on a connection (`docs/protocol.md`): the node's
//! [`ConnectionService`]. The decisions are `aorta_wire`'s sans-IO state machines (handshake,
//! heartbeat, frames, request order, stream kinds) and this module's [`budget`] and [`events`];
//! the tasks here only carry them out on quinn's streams.
//!
//! One task per stream, all on the connection's core (a current_thread runtime): the first
//! bidirectional stream is the control stream ([`control`]); every later one is a request
//! stream ([`requests`]) or a subscription stream ([`subscriptions`]), told by its first frame,
//! and served only once the handshake ended (before: the connection is closed
//! `Unauthenticated`). A stream that breaks the protocol is reset with the error's code; the
//! connection and its other streams go on. Codes of resets and closes are `ErrorCode` values.

pub mod budget;
mod connection;
mod control;
pub mod events;
mod io;
mod requests;
mod subscriptions;

use std::sync::Arc;
use std::time::Duration;

use aorta_wire::handshake::{self, ServerConfig, ServerHandshake};
use aorta_wire::stream::{classify, StreamKind};
use aorta_wire::wire;
use ring::rand::SecureRandom as _;
use tokio::task::JoinSet;
use tracing::debug;

use crate::service::{BoxFuture, ConnectionService, Ended, Session, ShutdownSignal};
use budget::InFlight;
use connection::ConnectionState;
use io::{reset_stream, FrameReader};

/// A protocol error code as a QUIC application code.
pub fn close_code_of(code: wire::ErrorCode) -> quinn::VarInt {
    crate::service::close_code::of(code)
}

/// Serves `aorta/1` on every connection.
pub struct AortaProtocol {
    random: ring::rand::SystemRandom,
}

impl Default for AortaProtocol {
    fn default() -> Self {
        AortaProtocol {
            random: ring::rand::SystemRandom::new(),
        }
    }
}

impl ConnectionService for AortaProtocol {
    fn serve(&self, session: Session) -> BoxFuture<Ended> {
        let mut server_nonce = [0u8; handshake::NONCE_BYTES];
        let nonce_drawn = self.random.fill(&mut server_nonce);
        Box::pin(async move {
            if nonce_drawn.is_err() {
                // Without fresh randomness a recorded proof could be replayed: serve nothing.
                session.connection.close(
                    close_code_of(wire::ErrorCode::Internal),
                    b"the node could not draw a random nonce",
                );
                return Ended::Closed;
            }
            serve_connection(session, server_nonce).await
        })
    }
}

/// The heartbeat interval announced in `Welcome`: the node's keep-alive interval, so that a
/// dead artery is found within three of them.
fn heartbeat_interval_ms(session: &Session) -> u32 {
    u32::try_from(session.limits.keep_alive_interval.as_millis()).unwrap_or(u32::MAX)
}

async fn serve_connection(session: Session, server_nonce: handshake::Nonce) -> Ended {
    let heartbeat_interval_ms = heartbeat_interval_ms(&session);
    let Session {
        connection,
        engine,
        cluster_key,
        limits,
        mut shutdown,
    } = session;
    let frame_bytes_max = u32::try_from(limits.frame_bytes_max)
        .expect("the configuration keeps frame_bytes_max within u32");
    let key = handshake::ClusterKey::new(&cluster_key.0).expect("a node's cluster key is 32 bytes");
    let mut config = ServerConfig::new(key, engine.cluster_id());
    config.frame_bytes_max = frame_bytes_max;
    config.heartbeat_interval_ms = heartbeat_interval_ms;
    config.handshake_timeout_ms = limits.handshake_timeout.as_millis() as u64;
    // The client keeps its requests under these (docs/protocol.md, "A connection's requests").
    config.requests_in_flight_max = limits.requests_in_flight_max;
    config.request_bytes_in_flight_max = limits.request_bytes_in_flight_max;
    let handshake_timeout_ms = config.handshake_timeout_ms;
    let handshake = ServerHandshake::new(Arc::new(config), server_nonce);
    let state = Arc::new(ConnectionState::new(
        connection.clone(),
        engine.clone(),
        frame_bytes_max,
        InFlight::new(
            limits.requests_in_flight_max,
            limits.request_bytes_in_flight_max,
        ),
    ));

    // The control stream first: a client that opens none holds nothing past the handshake
    // timeout.
    let (send, recv) = tokio::select! {
        opened = connection.accept_bi() => match opened {
            Ok(streams) => streams,
            Err(_) => return Ended::Closed,
        },
        _ = tokio::time::sleep(Duration::from_millis(handshake_timeout_ms)) => {
            let error = handshake::HandshakeError::TimedOut {
                elapsed_ms: state.now_ms(),
                limit_ms: handshake_timeout_ms,
            };
            state.close(error.code(), &error.to_string());
            return Ended::Closed;
        }
        _ = shutdown.requested() => return Ended::ShutdownRequested,
    };
    let control = tokio::spawn(control::serve(
        state.clone(),
        send,
        recv,
        handshake,
        handshake_timeout_ms,
        heartbeat_interval_ms,
    ));

    let mut streams = JoinSet::new();
    let ended = loop {
        tokio::select! {
            opened = connection.accept_bi() => match opened {
                Ok((send, recv)) => {
                    streams.spawn(serve_stream(state.clone(), send, recv, shutdown.clone()));
                }
                Err(_) => break Ended::Closed,
            },
            opened = connection.accept_uni() => match opened {
                // The protocol has no client-opened unidirectional streams.
                Ok(mut recv) => {
                    let _ = recv.stop(close_code_of(wire::ErrorCode::Malformed));
                }
                Err(_) => break Ended::Closed,
            },
            // Reaps finished streams, so the set holds only live ones.
            Some(_) = streams.join_next(), if !streams.is_empty() => {}
            _ = shutdown.requested() => break Ended::ShutdownRequested,
        }
    };
    control.abort();
    if ended == Ended::Closed {
        streams.abort_all();
        return Ended::Closed;
    }
    // Each stream finishes what it took (requests answered, subscriptions ended); the node
    // bounds the wait by `shutdown_grace_ms`.
    while streams.join_next().await.is_some() {}
    Ended::ShutdownRequested
}

/// Serves one client-opened stream after the control stream: its first frame tells its kind.
async fn serve_stream(
    state: Arc<ConnectionState>,
    mut send: quinn::SendStream,
    mut recv: quinn::RecvStream,
    mut shutdown: ShutdownSignal,
) {
    let mut reader = FrameReader::new(state.clone());
    // A stream that has not said what it is by shutdown has nothing in flight: drop it, so that
    // it does not hold the node's shutdown until the grace period ends.
    let first = tokio::select! {
        first = reader.next(&mut recv) => first,
        _ = shutdown.requested() => return,
    };
    let first = match first {
        Ok(Some(first)) => first,
        // Opened and finished without a frame: nothing to answer.
        Ok(None) => return,
        Err(error) => {
            debug!(%error, "stream refused before its first frame");
            if state.authenticated().is_none() {
                state.close(
                    wire::ErrorCode::Unauthenticated,
                    "a stream carried bytes before the handshake ended; handshake first",
                );
            } else if let Some(code) = error.code() {
                reset_stream(&mut send, &mut recv, code);
            }
            return;
        }
    };
    let Some(authenticated) = state.authenticated() else {
        state.budget().release_bytes(first.frame_bytes);
        state.refuse_unauthenticated(&first.message);
        return;
    };
    let principal = authenticated.principal.clone();
    match classify(&first.message) {
        Ok(StreamKind::Requests) => {
            requests::serve(state, principal, send, recv, reader, first, shutdown).await
        }
        Ok(StreamKind::Subscription) => {
            subscriptions::serve(state, principal, send, recv, reader, first, shutdown).await
        }
        Err(error) => {
            debug!(%error, "stream refused by its first frame");
            state.budget().release_bytes(first.frame_bytes);
            reset_stream(&mut send, &mut recv, error.code());
        }
    }
}
