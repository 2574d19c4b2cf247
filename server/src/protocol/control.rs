//! The control stream: the handshake (`aorta_wire::handshake::ServerHandshake` decides, this
//! carries it out), then heartbeats (`aorta_wire::heartbeat::Heartbeat` decides) for the
//! connection's life. A refused handshake sends its `HandshakeRefused` and closes the
//! connection with the refusal's code and message; an artery silent for three heartbeat
//! intervals is closed with `Unavailable`.

use std::sync::Arc;
use std::time::Duration;

use aorta_wire::frame::FrameEncoder;
use aorta_wire::handshake::{Refusal, ServerHandshake};
use aorta_wire::heartbeat::{Heartbeat, HeartbeatAction};
use aorta_wire::wire;

use super::connection::ConnectionState;
use super::io::{write_messages, FrameReader, ReadError};

/// How long a refusal's `HandshakeRefused` may take to reach the client before the close, which
/// would otherwise discard it.
const REFUSAL_DELIVERY_WAIT: Duration = Duration::from_secs(1);

/// Serves the control stream until the connection ends.
pub async fn serve(
    state: Arc<ConnectionState>,
    mut send: quinn::SendStream,
    mut recv: quinn::RecvStream,
    mut handshake: ServerHandshake,
    handshake_timeout_ms: u64,
    heartbeat_interval_ms: u32,
) {
    let mut reader = FrameReader::new(state.clone());
    let mut encoder = encoder(&state);
    if let Err(end) = run_handshake(
        &state,
        &mut send,
        &mut recv,
        &mut reader,
        &mut encoder,
        &mut handshake,
        handshake_timeout_ms,
    )
    .await
    {
        end.carry_out(&state, &mut send, &mut encoder).await;
        return;
    }
    let end = run_heartbeats(
        &state,
        &mut send,
        &mut recv,
        &mut reader,
        &mut encoder,
        heartbeat_interval_ms,
    )
    .await;
    end.carry_out(&state, &mut send, &mut encoder).await;
}

fn encoder(state: &ConnectionState) -> FrameEncoder {
    FrameEncoder::with_limit(state.frame_bytes_max).expect("frame_bytes_max is in range")
}

/// How the control stream ends.
enum End {
    /// The handshake was refused: tell the client, then close.
    Refused(Refusal),
    /// A protocol error: close with it.
    Close(wire::ErrorCode, String),
    /// The connection is gone already.
    Gone,
}

impl End {
    fn of_read(error: ReadError) -> End {
        match error.code() {
            Some(code) => End::Close(code, format!("control stream: {error}")),
            None => End::Gone,
        }
    }

    async fn carry_out(
        self,
        state: &ConnectionState,
        send: &mut quinn::SendStream,
        encoder: &mut FrameEncoder,
    ) {
        match self {
            End::Refused(refusal) => {
                // Bounded: a client that gives the stream no credit must not keep the
                // connection (and its slot) open by never taking the refusal.
                let sent = tokio::time::timeout(
                    REFUSAL_DELIVERY_WAIT,
                    write_messages(state, send, encoder, std::slice::from_ref(&refusal.message)),
                )
                .await;
                if matches!(sent, Ok(Ok(()))) && send.finish().is_ok() {
                    // Resolves once the client has the refusal (or stopped the stream).
                    let _ = tokio::time::timeout(REFUSAL_DELIVERY_WAIT, send.stopped()).await;
                }
                state.close(refusal.error.code(), &refusal.error.to_string());
            }
            End::Close(code, reason) => state.close(code, &reason),
            End::Gone => {}
        }
    }
}

async fn run_handshake(
    state: &ConnectionState,
    send: &mut quinn::SendStream,
    recv: &mut quinn::RecvStream,
    reader: &mut FrameReader,
    encoder: &mut FrameEncoder,
    handshake: &mut ServerHandshake,
    handshake_timeout_ms: u64,
) -> Result<(), End> {
    loop {
        let left_ms = (handshake_timeout_ms + 1).saturating_sub(state.now_ms());
        let received = tokio::select! {
            received = reader.next(recv) => received,
            _ = tokio::time::sleep(Duration::from_millis(left_ms)) => {
                return match handshake.check_deadline(state.now_ms()) {
                    Err(refusal) => Err(End::Refused(refusal)),
                    Ok(()) => continue,
                };
            }
        };
        let received = match received {
            Ok(Some(received)) => received,
            Ok(None) => {
                return Err(End::Close(
                    wire::ErrorCode::Malformed,
                    "the control stream ended during the handshake".into(),
                ))
            }
            Err(error) => return Err(End::of_read(error)),
        };
        state.budget().release_bytes(received.frame_bytes);
        let reply = handshake.handle(&received.message).map_err(End::Refused)?;
        if let Some(authenticated) = handshake.authenticated() {
            state.set_authenticated(authenticated.clone());
        }
        if let Some(reply) = reply {
            // The handshake's deadline bounds the node's writes too: a client that never takes
            // the `Challenge` or the `Welcome` (its stream gives no credit) is closed at it.
            let left_ms = (handshake_timeout_ms + 1).saturating_sub(state.now_ms());
            let written = tokio::time::timeout(
                Duration::from_millis(left_ms),
                write_messages(state, send, encoder, std::slice::from_ref(&reply)),
            )
            .await;
            match written {
                Ok(Ok(())) => {}
                Ok(Err(_)) => return Err(End::Gone),
                Err(_) => {
                    return Err(End::Close(
                        wire::ErrorCode::Unauthenticated,
                        format!(
                            "the handshake did not end within {handshake_timeout_ms} ms: the \
                             client did not take the node's {} (its control stream gives the \
                             node no credit)",
                            aorta_wire::handshake::message_kind(&reply)
                        ),
                    ))
                }
            }
        }
        if state.authenticated().is_some() {
            return Ok(());
        }
    }
}

async fn run_heartbeats(
    state: &ConnectionState,
    send: &mut quinn::SendStream,
    recv: &mut quinn::RecvStream,
    reader: &mut FrameReader,
    encoder: &mut FrameEncoder,
    heartbeat_interval_ms: u32,
) -> End {
    let mut heartbeat = Heartbeat::new(heartbeat_interval_ms, state.now_ms());
    loop {
        heartbeat.on_received(state.last_received_ms());
        heartbeat.on_sent(state.last_sent_ms());
        let now_ms = state.now_ms();
        let until_ms = match heartbeat.poll(now_ms) {
            HeartbeatAction::Dead { silent_ms } => {
                return End::Close(
                    wire::ErrorCode::Unavailable,
                    format!(
                        "artery dead: nothing received for {silent_ms} ms (3 heartbeat \
                         intervals of {heartbeat_interval_ms} ms)"
                    ),
                )
            }
            HeartbeatAction::SendPing(ping) => {
                if let Err(end) =
                    write_heartbeat(state, send, encoder, ping, heartbeat_interval_ms).await
                {
                    return end;
                }
                continue;
            }
            HeartbeatAction::Wait { until_ms } => until_ms,
        };
        let wait = Duration::from_millis(until_ms.saturating_sub(now_ms).max(1));
        let received = tokio::select! {
            received = reader.next(recv) => received,
            _ = tokio::time::sleep(wait) => continue,
        };
        let received = match received {
            Ok(Some(received)) => received,
            Ok(None) => {
                return End::Close(
                    wire::ErrorCode::Malformed,
                    "the control stream ended; it lasts as long as the connection".into(),
                )
            }
            Err(error) => return End::of_read(error),
        };
        state.budget().release_bytes(received.frame_bytes);
        match heartbeat_reply(&received.message) {
            Ok(Some(pong)) => {
                if let Err(end) =
                    write_heartbeat(state, send, encoder, pong, heartbeat_interval_ms).await
                {
                    return end;
                }
            }
            Ok(None) => {}
            Err(reason) => return End::Close(wire::ErrorCode::Malformed, reason),
        }
    }
}

/// Writes a `Ping` or `Pong`, waiting at most the time that declares an artery dead *while
/// nothing else is sent on the connection*: a client that takes nothing (it gives the node no
/// credit) is dead to the node even if its QUIC stack still acknowledges packets, and a write
/// that waited for ever would stop the heartbeat's own watch. While other streams' writes go on,
/// the heartbeat only waits behind them (on a slow link a catch-up can hold QUIC's
/// connection-wide send window for a long time), so each such period starts the wait again.
async fn write_heartbeat(
    state: &ConnectionState,
    send: &mut quinn::SendStream,
    encoder: &mut FrameEncoder,
    message: wire::Message,
    heartbeat_interval_ms: u32,
) -> Result<(), End> {
    let dead_after_ms =
        u64::from(heartbeat_interval_ms) * aorta_wire::heartbeat::DEAD_AFTER_INTERVALS;
    let write = write_messages(state, send, encoder, std::slice::from_ref(&message));
    tokio::pin!(write);
    loop {
        let sent_before = state.last_sent_ms();
        match tokio::time::timeout(Duration::from_millis(dead_after_ms), &mut write).await {
            Ok(Ok(())) => return Ok(()),
            Ok(Err(_)) => return Err(End::Gone),
            // Other writes went out meanwhile: the connection moves, the heartbeat waits its turn.
            Err(_) if state.last_sent_ms() > sent_before => continue,
            Err(_) => {
                return Err(End::Close(
                    wire::ErrorCode::Unavailable,
                    format!(
                        "artery dead: a heartbeat could not be written for {dead_after_ms} ms \
                         (3 heartbeat intervals of {heartbeat_interval_ms} ms) and nothing else \
                         was sent meanwhile: the client takes nothing"
                    ),
                ))
            }
        }
    }
}

/// After the handshake the control stream carries heartbeats only.
fn heartbeat_reply(message: &wire::Message) -> Result<Option<wire::Message>, String> {
    match message {
        wire::Message::Ping(ping) => Ok(Some(wire::Message::Pong(Box::new(wire::Pong {
            sequence: ping.sequence,
        })))),
        wire::Message::Pong(_) => Ok(None),
        other => Err(format!(
            "a {} on the control stream after the handshake, where only Ping and Pong belong",
            aorta_wire::handshake::message_kind(other)
        )),
    }
}
