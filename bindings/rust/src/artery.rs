//! The artery: one QUIC connection to a node that passed the handshake, and the task that keeps
//! its control stream (heartbeats) until it dies.
//!
//! Invariants: an artery is handed out only after the node proved it knows the cluster key
//! (`Welcome`); every frame received on any of its streams counts as a sign of life
//! ([`Artery::heard`]); a node silent for three heartbeat intervals gets the connection closed,
//! which every stream of the artery then sees as a lost connection.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use aorta_wire::handshake::{ClientHandshake, Nonce, Session, NONCE_BYTES};
use aorta_wire::heartbeat::{Heartbeat, HeartbeatAction};
use aorta_wire::wire::{self, ErrorCode};
use rand::RngCore as _;

use crate::config::ClientConfig;
use crate::framed::Framed;
use crate::Error;

pub(crate) struct Artery {
    pub(crate) connection: quinn::Connection,
    pub(crate) session: Session,
    heartbeat: Mutex<Heartbeat>,
    /// The origin of the heartbeat clock's milliseconds.
    origin: Instant,
    /// The streams that carry this artery's commits.
    pub(crate) lanes: crate::lanes::Lanes,
    /// The places of the node's `requests_in_flight_max`, and the bytes of its
    /// `request_bytes_in_flight_max`, that commits and reads take.
    pub(crate) budget: crate::budget::Budget,
    /// The next request id: requests are numbered across the artery's streams, so that each is
    /// encoded once, before its stream is known (`budget::Budget::encode`).
    request_ids: AtomicU64,
}

impl Drop for Artery {
    /// Nothing uses the connection any more: callers and subscriptions hold the artery, its lanes
    /// and its control task only weakly. Closed now (code 0, as `Client::close`), not when the
    /// control task next wakes, up to a heartbeat interval later.
    fn drop(&mut self) {
        self.connection.close(0u32.into(), b"client dropped");
    }
}

impl Artery {
    /// An id no other request of this artery has.
    pub(crate) fn next_request_id(&self) -> u64 {
        self.request_ids.fetch_add(1, Ordering::Relaxed)
    }

    pub(crate) fn is_closed(&self) -> bool {
        self.connection.close_reason().is_some()
    }

    fn now_ms(&self) -> u64 {
        self.origin.elapsed().as_millis() as u64
    }

    /// A frame arrived on one of the artery's streams.
    pub(crate) fn heard(&self) {
        let now_ms = self.now_ms();
        self.heartbeat
            .lock()
            .expect("unpoisoned")
            .on_received(now_ms);
    }

    /// A frame left on one of the artery's streams.
    pub(crate) fn spoke(&self) {
        let now_ms = self.now_ms();
        self.heartbeat.lock().expect("unpoisoned").on_sent(now_ms);
    }

    /// A new request or subscription stream.
    /// `waiting` is true while it waits for the node to allow one more stream (QUIC's stream
    /// limit, the node's `streams_per_connection_max`), so that a caller that gives up then can
    /// say why.
    pub(crate) async fn open_stream(&self, waiting: &AtomicBool) -> Result<Framed, Error> {
        waiting.store(true, Ordering::Relaxed);
        let opened = self.connection.open_bi().await;
        waiting.store(false, Ordering::Relaxed);
        let (send, recv) = opened.map_err(|error| Error::from_connection(&error))?;
        Ok(Framed::new(send, recv, self.session.frame_bytes_max))
    }
}

/// Connects to the node and passes the handshake, each within `config.connect_timeout`; the
/// returned artery's control stream is kept by a task of its own.
pub(crate) async fn connect(
    endpoint: &quinn::Endpoint,
    quic: &quinn::ClientConfig,
    config: &ClientConfig,
) -> Result<Arc<Artery>, Error> {
    let address = config.address;
    let unreachable = |reason: String| Error::Unreachable { address, reason };
    let connecting = endpoint
        .connect_with(quic.clone(), address, &config.server_name)
        .map_err(|error| unreachable(error.to_string()))?;
    let connection = tokio::time::timeout(config.connect_timeout, connecting)
        .await
        .map_err(|_| {
            unreachable(format!(
                "no QUIC handshake within {:?}",
                config.connect_timeout
            ))
        })?
        .map_err(|error| unreachable(error.to_string()))?;
    let handshake = tokio::time::timeout(config.connect_timeout, handshake(&connection, config));
    let (control, handshake, session) = match handshake.await {
        Ok(Ok(established)) => established,
        Ok(Err(error)) => {
            close(&connection, &error);
            return Err(error);
        }
        Err(_) => {
            let error = Error::TimedOut {
                operation: "the artery handshake",
                timeout: config.connect_timeout,
            };
            close(&connection, &error);
            return Err(error);
        }
    };
    let origin = Instant::now();
    let budget = crate::budget::Budget::new(&session);
    let artery = Arc::new(Artery {
        heartbeat: Mutex::new(Heartbeat::new(session.heartbeat_interval_ms, 0)),
        connection,
        session,
        origin,
        lanes: crate::lanes::Lanes::new(budget.lanes, budget.lane_depth),
        budget,
        request_ids: AtomicU64::new(0),
    });
    tokio::spawn(keep_control_stream(
        Arc::downgrade(&artery),
        control,
        handshake,
    ));
    tracing::debug!(%address, "artery established");
    Ok(artery)
}

fn close(connection: &quinn::Connection, error: &Error) {
    let code = match error {
        Error::Handshake { source, .. } => source.code(),
        _ => ErrorCode::Unauthenticated,
    };
    connection.close((code as u16).into(), error.to_string().as_bytes());
}

async fn handshake(
    connection: &quinn::Connection,
    config: &ClientConfig,
) -> Result<(Framed, ClientHandshake, Session), Error> {
    let address = config.address;
    let failed = |source| Error::Handshake { address, source };
    let mut client_nonce: Nonce = [0; NONCE_BYTES];
    rand::rngs::OsRng.fill_bytes(&mut client_nonce);
    let (mut handshake, hello) =
        ClientHandshake::start(config.cluster_key.clone(), &config.principal, client_nonce)
            .map_err(failed)?;
    let (send, recv) = connection
        .open_bi()
        .await
        .map_err(|error| Error::from_connection(&error))?;
    // The handshake's frames are small; the node's limit is known only from its Welcome.
    let mut control = Framed::new(send, recv, aorta_wire::frame::FRAME_BYTES_DEFAULT);
    control.send(&hello).await?;
    loop {
        let Some(message) = control.receive().await? else {
            return Err(Error::ConnectionLost {
                reason: "the node ended the control stream during the handshake".into(),
            });
        };
        if let Some(reply) = handshake.handle(&message).map_err(failed)? {
            control.send(&reply).await?;
        }
        if let Some(session) = handshake.session() {
            let session = session.clone();
            return Ok((control, handshake, session));
        }
    }
}

/// Answers the node's pings, pings it when the client said nothing for an interval, and closes
/// the connection when the node said nothing for three. Ends with the connection (or when the
/// client dropped the artery).
async fn keep_control_stream(
    artery: std::sync::Weak<Artery>,
    mut control: Framed,
    mut handshake: ClientHandshake,
) {
    loop {
        let Some(live) = artery.upgrade() else { return };
        let action = {
            let now_ms = live.now_ms();
            live.heartbeat.lock().expect("unpoisoned").poll(now_ms)
        };
        let until_ms = match action {
            HeartbeatAction::SendPing(ping) => {
                if control.send(&ping).await.is_err() {
                    return;
                }
                continue;
            }
            HeartbeatAction::Dead { silent_ms } => {
                tracing::info!(silent_ms, "the node went silent; closing the artery");
                let reason = format!("artery dead: nothing heard for {silent_ms} ms");
                live.connection
                    .close((ErrorCode::Unavailable as u16).into(), reason.as_bytes());
                return;
            }
            HeartbeatAction::Wait { until_ms } => until_ms,
        };
        let wake = live.origin + Duration::from_millis(until_ms);
        // Not holding the artery while waiting: a client that drops it ends this task.
        drop(live);
        tokio::select! {
            received = control.receive() => {
                let Some(live) = artery.upgrade() else { return };
                let Ok(Some(message)) = received else { return };
                live.heard();
                if !answer(&live, &mut control, &mut handshake, &message).await {
                    return;
                }
            }
            () = tokio::time::sleep_until(wake.into()) => {}
        }
    }
}

/// Handles one control-stream message after the handshake; false when the artery is done.
async fn answer(
    artery: &Artery,
    control: &mut Framed,
    handshake: &mut ClientHandshake,
    message: &wire::Message,
) -> bool {
    match handshake.handle(message) {
        Ok(Some(pong)) => {
            artery.spoke();
            control.send(&pong).await.is_ok()
        }
        Ok(None) => true,
        Err(error) => {
            tracing::warn!(%error, "the node broke the control stream; closing the artery");
            artery
                .connection
                .close((error.code() as u16).into(), error.to_string().as_bytes());
            false
        }
    }
}
