//! The artery handshake, sans-IO: a connection proves that it knows the cluster key without
//! sending it, names its principal, and agrees on a protocol version, before anything else is
//! served.
//!
//! ```text
//! client                                     server
//!   ClientHello { versions, principal,  ──▶
//!                 credential, client_nonce }
//!                                        ◀──  Challenge { version, server_nonce }
//!   Proof { mac = client proof }        ──▶
//!                                        ◀──  Welcome { version, principal, mac = server proof, limits }
//!                                             or HandshakeRefused { error }, then close
//! ```
//!
//! A proof is HMAC-SHA256, keyed with the cluster key, over the transcript
//! `label | 0x00 | version u16 BE | principal_len u8 | principal | client_nonce | server_nonce`,
//! where `label` is [`CLIENT_PROOF_LABEL`] for the client's proof and [`SERVER_PROOF_LABEL`] for
//! the server's (so neither proof can be replayed as the other). Both nonces are 32 bytes, fresh
//! per connection and supplied by the caller (this module draws no randomness and reads no clock):
//! the server's nonce makes a recorded client proof useless on another connection, the client's
//! makes a recorded server proof useless. Proofs are compared in constant time.
//!
//! Invariants: [`ServerHandshake`] answers every message other than the next step of the
//! handshake with a [`Refusal`] (the `HandshakeRefused` frame to send before closing) and then
//! stays failed; [`ServerHandshake::authorize`] is the gate for every other stream and refuses
//! until the proof was accepted. With the cluster key alone, whoever holds the key may name any
//! principal, `root` included: the `token` field of `ClientHello` and [`wire::CredentialKind`]
//! leave room for per-principal tokens that will bind the name.

use std::sync::Arc;

use hmac::{Hmac, Mac};
use sha2::Sha256;

use aorta_engine::filter::{validate_principal_name, Principal};
use aorta_engine::resource::ValidationError;

use crate::frame::FRAME_BYTES_DEFAULT;
use crate::wire;

/// The protocol version this crate speaks.
pub const PROTOCOL_VERSION: u16 = 1;
/// The ALPN label of protocol version 1, which TLS negotiates before the handshake.
pub const ALPN: &[u8] = b"aorta/1";
/// Bytes of each nonce.
pub const NONCE_BYTES: usize = 32;
/// Bytes of a proof (HMAC-SHA256).
pub const MAC_BYTES: usize = 32;
/// The shortest and longest cluster key: at least 256 bits of secret, at most what a
/// configuration file sensibly holds.
pub const CLUSTER_KEY_BYTES_MIN: usize = 32;
pub const CLUSTER_KEY_BYTES_MAX: usize = 1024;
/// Versions a `ClientHello` may offer.
pub const OFFERED_VERSIONS_MAX: usize = 16;
/// How long the server waits by default for a handshake to end before it refuses it.
pub const HANDSHAKE_TIMEOUT_MS_DEFAULT: u64 = 10_000;
/// The default heartbeat interval the server announces.
pub const HEARTBEAT_INTERVAL_MS_DEFAULT: u32 = 5_000;
/// The transcript labels; they name the ALPN so that a proof for another protocol never passes.
pub const CLIENT_PROOF_LABEL: &[u8] = b"aorta/1 client proof";
pub const SERVER_PROOF_LABEL: &[u8] = b"aorta/1 server proof";

pub type Nonce = [u8; NONCE_BYTES];

/// The shared secret of a cluster. Its `Debug` never shows the bytes.
#[derive(Clone)]
pub struct ClusterKey(Arc<[u8]>);

impl ClusterKey {
    pub fn new(bytes: &[u8]) -> Result<Self, HandshakeError> {
        if !(CLUSTER_KEY_BYTES_MIN..=CLUSTER_KEY_BYTES_MAX).contains(&bytes.len()) {
            return Err(HandshakeError::KeyLength {
                len: bytes.len(),
                min: CLUSTER_KEY_BYTES_MIN,
                max: CLUSTER_KEY_BYTES_MAX,
            });
        }
        Ok(ClusterKey(bytes.into()))
    }

    fn mac(&self, label: &[u8], transcript: &Transcript<'_>) -> Hmac<Sha256> {
        let mut mac =
            Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes a key of any length");
        mac.update(label);
        mac.update(&[0]);
        mac.update(&transcript.version.to_be_bytes());
        // The principal is at most 128 bytes (checked before any proof is made or verified).
        mac.update(&[transcript.principal.len() as u8]);
        mac.update(transcript.principal.as_bytes());
        mac.update(transcript.client_nonce);
        mac.update(transcript.server_nonce);
        mac
    }

    fn prove(&self, label: &[u8], transcript: &Transcript<'_>) -> Vec<u8> {
        self.mac(label, transcript).finalize().into_bytes().to_vec()
    }

    /// Whether `proof` is right, compared in constant time.
    fn verify(&self, label: &[u8], transcript: &Transcript<'_>, proof: &[u8]) -> bool {
        self.mac(label, transcript).verify_slice(proof).is_ok()
    }
}

impl std::fmt::Debug for ClusterKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ClusterKey({} bytes)", self.0.len())
    }
}

/// What both proofs cover.
struct Transcript<'a> {
    version: u16,
    principal: &'a str,
    client_nonce: &'a [u8],
    server_nonce: &'a [u8],
}

/// Why a handshake failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HandshakeError {
    #[error("a {found} arrived before the handshake ended; authenticate first")]
    Unauthenticated { found: &'static str },
    #[error("the handshake expected a {expected}, not a {found}")]
    Unexpected {
        expected: &'static str,
        found: &'static str,
    },
    #[error(
        "no common protocol version: the client speaks {offered:?}, this end speaks {supported}"
    )]
    UnsupportedVersion { offered: Vec<u16>, supported: u16 },
    #[error("the client hello offers {count} versions; at most {max}")]
    TooManyVersions { count: usize, max: usize },
    #[error("the principal is invalid: {0}")]
    Principal(ValidationError),
    #[error("the credential kind {kind:?} is not served; version 1 knows the cluster key only")]
    Credential { kind: wire::CredentialKind },
    #[error(
        "a token is not served: version 1 proves the cluster key only (send no token, and a \
         proof made with the key)"
    )]
    Token,
    #[error("the {field} is {len} bytes; it must be {expected}")]
    FieldLength {
        field: &'static str,
        len: usize,
        expected: usize,
    },
    #[error("the client's proof is wrong: it does not know the cluster key")]
    AuthenticationFailed,
    #[error("the server's proof is wrong: it does not know the cluster key; do not trust it")]
    ServerAuthenticationFailed,
    #[error("the server's welcome names version {version} and principal {principal:?}, not what was agreed")]
    WelcomeMismatch { version: u16, principal: String },
    #[error("the server refused the handshake ({code:?}): {message}")]
    Refused {
        code: wire::ErrorCode,
        message: String,
    },
    #[error("the handshake took {elapsed_ms} ms, over the limit of {limit_ms} ms")]
    TimedOut { elapsed_ms: u64, limit_ms: u64 },
    #[error("the handshake already failed; close the connection")]
    Failed,
    #[error("the cluster key is {len} bytes; it must be {min} to {max}")]
    KeyLength { len: usize, min: usize, max: usize },
}

impl HandshakeError {
    /// The error code the server sends for this failure.
    pub fn code(&self) -> wire::ErrorCode {
        use wire::ErrorCode as Code;
        match self {
            HandshakeError::Unauthenticated { .. } | HandshakeError::TimedOut { .. } => {
                Code::Unauthenticated
            }
            HandshakeError::UnsupportedVersion { .. } => Code::UnsupportedVersion,
            HandshakeError::AuthenticationFailed
            | HandshakeError::ServerAuthenticationFailed
            | HandshakeError::Credential { .. }
            | HandshakeError::Token => Code::AuthenticationFailed,
            HandshakeError::Refused { code, .. } => *code,
            HandshakeError::KeyLength { .. } => Code::Internal,
            HandshakeError::Principal(_) => Code::InvalidInput,
            HandshakeError::Unexpected { .. }
            | HandshakeError::TooManyVersions { .. }
            | HandshakeError::FieldLength { .. }
            | HandshakeError::WelcomeMismatch { .. }
            | HandshakeError::Failed => Code::Malformed,
        }
    }

    /// The `HandshakeRefused` message that tells the peer about this failure.
    pub fn to_message(&self) -> wire::Message {
        wire::Message::HandshakeRefused(Box::new(wire::HandshakeRefused {
            error: Box::new(wire::Error {
                code: self.code(),
                message: self.to_string(),
                detail: None,
            }),
        }))
    }
}

/// A failed handshake, as the server ends it: send `message`, then close the connection.
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal {
    pub error: HandshakeError,
    pub message: wire::Message,
}

impl From<HandshakeError> for Refusal {
    fn from(error: HandshakeError) -> Self {
        Refusal {
            message: error.to_message(),
            error,
        }
    }
}

/// The name of a message's kind, for errors.
pub fn message_kind(message: &wire::Message) -> &'static str {
    use wire::Message as M;
    match message {
        M::ClientHello(_) => "ClientHello",
        M::Challenge(_) => "Challenge",
        M::Proof(_) => "Proof",
        M::Welcome(_) => "Welcome",
        M::HandshakeRefused(_) => "HandshakeRefused",
        M::Ping(_) => "Ping",
        M::Pong(_) => "Pong",
        M::Request(_) => "Request",
        M::Response(_) => "Response",
        M::Subscribe(_) => "Subscribe",
        M::Subscribed(_) => "Subscribed",
        M::Events(_) => "Events",
        M::SubscriptionEnd(_) => "SubscriptionEnd",
        M::PublishIntents(_) => "PublishIntents",
        M::IntentDeliveryMessage(_) => "IntentDeliveryMessage",
        M::IntentAck(_) => "IntentAck",
        M::NodeCommand(_) => "NodeCommand",
        M::NodeCommandReport(_) => "NodeCommandReport",
    }
}

/// What the server states about itself in its `Welcome`.
#[derive(Clone, Debug)]
pub struct ServerConfig {
    pub key: ClusterKey,
    pub cluster_id: u32,
    /// The largest frame body this server accepts.
    pub frame_bytes_max: u32,
    pub heartbeat_interval_ms: u32,
    /// How long a connection may take to end its handshake ([`ServerHandshake::check_deadline`]).
    pub handshake_timeout_ms: u64,
    /// Requests one connection may have in flight over all its streams; 0: not stated.
    pub requests_in_flight_max: u32,
    /// Bytes of requests one connection may hold; 0: not stated.
    pub request_bytes_in_flight_max: u64,
}

impl ServerConfig {
    pub fn new(key: ClusterKey, cluster_id: u32) -> Self {
        ServerConfig {
            key,
            cluster_id,
            frame_bytes_max: FRAME_BYTES_DEFAULT,
            heartbeat_interval_ms: HEARTBEAT_INTERVAL_MS_DEFAULT,
            handshake_timeout_ms: HANDSHAKE_TIMEOUT_MS_DEFAULT,
            requests_in_flight_max: 0,
            request_bytes_in_flight_max: 0,
        }
    }
}

/// A connection that passed the handshake, as the server sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Authenticated {
    pub principal: Principal,
    pub version: u16,
}

#[derive(Debug)]
enum ServerState {
    AwaitingHello,
    AwaitingProof {
        version: u16,
        principal: Principal,
        client_nonce: Nonce,
    },
    Established(Authenticated),
    Failed,
}

/// The server's side of one connection's handshake.
#[derive(Debug)]
pub struct ServerHandshake {
    config: Arc<ServerConfig>,
    server_nonce: Nonce,
    state: ServerState,
}

impl ServerHandshake {
    /// A handshake that will challenge the client with `server_nonce` (32 fresh random bytes).
    pub fn new(config: Arc<ServerConfig>, server_nonce: Nonce) -> Self {
        ServerHandshake {
            config,
            server_nonce,
            state: ServerState::AwaitingHello,
        }
    }

    /// The connection's principal and version once the proof was accepted.
    pub fn authenticated(&self) -> Option<&Authenticated> {
        match &self.state {
            ServerState::Established(authenticated) => Some(authenticated),
            _ => None,
        }
    }

    /// Refuses the handshake if it has not ended `elapsed_ms` after the connection was accepted
    /// and that is over the configured timeout (the caller's clock; call it from a timer). A
    /// connection that never sends its hello, or its proof, holds nothing for long.
    pub fn check_deadline(&mut self, elapsed_ms: u64) -> Result<(), Refusal> {
        let limit_ms = self.config.handshake_timeout_ms;
        match self.state {
            ServerState::AwaitingHello | ServerState::AwaitingProof { .. }
                if elapsed_ms > limit_ms =>
            {
                Err(self.fail(HandshakeError::TimedOut {
                    elapsed_ms,
                    limit_ms,
                }))
            }
            _ => Ok(()),
        }
    }

    /// The gate for every message outside the control stream: the connection's identity, or a
    /// refusal (and the handshake fails) if the handshake has not ended.
    pub fn authorize(&mut self, message: &wire::Message) -> Result<&Authenticated, Refusal> {
        if !matches!(self.state, ServerState::Established(_)) {
            return Err(self.fail(HandshakeError::Unauthenticated {
                found: message_kind(message),
            }));
        }
        Ok(self.authenticated().expect("established"))
    }

    /// Handles one message of the control stream: `Ok(Some(reply))` to send, `Ok(None)` when
    /// nothing is to be sent, or the refusal to send before closing.
    pub fn handle(&mut self, message: &wire::Message) -> Result<Option<wire::Message>, Refusal> {
        let state = std::mem::replace(&mut self.state, ServerState::Failed);
        let result = match (state, message) {
            (ServerState::AwaitingHello, wire::Message::ClientHello(hello)) => {
                self.on_hello(hello).map(Some)
            }
            (ServerState::AwaitingHello, other) => Err(out_of_turn("ClientHello", other)),
            (
                ServerState::AwaitingProof {
                    version,
                    principal,
                    client_nonce,
                },
                wire::Message::Proof(proof),
            ) => self.on_proof(version, principal, client_nonce, proof),
            (ServerState::AwaitingProof { .. }, other) => Err(out_of_turn("Proof", other)),
            (ServerState::Established(authenticated), message) => {
                self.state = ServerState::Established(authenticated);
                on_heartbeat(message)
            }
            (ServerState::Failed, _) => Err(HandshakeError::Failed),
        };
        result.map_err(|error| self.fail(error))
    }

    fn on_hello(&mut self, hello: &wire::ClientHello) -> Result<wire::Message, HandshakeError> {
        if hello.versions.len() > OFFERED_VERSIONS_MAX {
            return Err(HandshakeError::TooManyVersions {
                count: hello.versions.len(),
                max: OFFERED_VERSIONS_MAX,
            });
        }
        if !hello.versions.contains(&PROTOCOL_VERSION) {
            return Err(HandshakeError::UnsupportedVersion {
                offered: hello.versions.clone(),
                supported: PROTOCOL_VERSION,
            });
        }
        if hello.credential != wire::CredentialKind::ClusterKey {
            return Err(HandshakeError::Credential {
                kind: hello.credential,
            });
        }
        if hello.token.is_some() {
            return Err(HandshakeError::Token);
        }
        let principal = Principal::named(&hello.principal).map_err(HandshakeError::Principal)?;
        let client_nonce = fixed_length::<NONCE_BYTES>("client nonce", &hello.client_nonce)?;
        self.state = ServerState::AwaitingProof {
            version: PROTOCOL_VERSION,
            principal,
            client_nonce,
        };
        Ok(wire::Message::Challenge(Box::new(wire::Challenge {
            version: PROTOCOL_VERSION,
            server_nonce: self.server_nonce.to_vec(),
        })))
    }

    fn on_proof(
        &mut self,
        version: u16,
        principal: Principal,
        client_nonce: Nonce,
        proof: &wire::Proof,
    ) -> Result<Option<wire::Message>, HandshakeError> {
        fixed_length::<MAC_BYTES>("proof", &proof.mac)?;
        let transcript = Transcript {
            version,
            principal: principal.name(),
            client_nonce: &client_nonce,
            server_nonce: &self.server_nonce,
        };
        if !self
            .config
            .key
            .verify(CLIENT_PROOF_LABEL, &transcript, &proof.mac)
        {
            return Err(HandshakeError::AuthenticationFailed);
        }
        let welcome = wire::Welcome {
            version,
            principal: principal.name().to_string(),
            mac: self.config.key.prove(SERVER_PROOF_LABEL, &transcript),
            cluster_id: self.config.cluster_id,
            frame_bytes_max: self.config.frame_bytes_max,
            heartbeat_interval_ms: self.config.heartbeat_interval_ms,
            requests_in_flight_max: self.config.requests_in_flight_max,
            request_bytes_in_flight_max: self.config.request_bytes_in_flight_max,
        };
        self.state = ServerState::Established(Authenticated { principal, version });
        Ok(Some(wire::Message::Welcome(Box::new(welcome))))
    }

    fn fail(&mut self, error: HandshakeError) -> Refusal {
        self.state = ServerState::Failed;
        Refusal::from(error)
    }
}

/// The error for `found` arriving while the server waits for `expected`: a step of the handshake
/// out of turn, or anything else before the handshake ended.
fn out_of_turn(expected: &'static str, found: &wire::Message) -> HandshakeError {
    use wire::Message as M;
    match found {
        M::ClientHello(_) | M::Challenge(_) | M::Proof(_) | M::Welcome(_) => {
            HandshakeError::Unexpected {
                expected,
                found: message_kind(found),
            }
        }
        _ => HandshakeError::Unauthenticated {
            found: message_kind(found),
        },
    }
}

/// After the handshake the control stream carries heartbeats only.
fn on_heartbeat(message: &wire::Message) -> Result<Option<wire::Message>, HandshakeError> {
    match message {
        wire::Message::Ping(ping) => Ok(Some(wire::Message::Pong(Box::new(wire::Pong {
            sequence: ping.sequence,
        })))),
        wire::Message::Pong(_) => Ok(None),
        other => Err(HandshakeError::Unexpected {
            expected: "Ping or Pong",
            found: message_kind(other),
        }),
    }
}

fn fixed_length<const N: usize>(
    field: &'static str,
    bytes: &[u8],
) -> Result<[u8; N], HandshakeError> {
    bytes.try_into().map_err(|_| HandshakeError::FieldLength {
        field,
        len: bytes.len(),
        expected: N,
    })
}

/// A connection that passed the handshake, as the client sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    pub version: u16,
    pub principal: String,
    pub cluster_id: u32,
    /// The largest frame body the server accepts: the client's encoder limit.
    pub frame_bytes_max: u32,
    pub heartbeat_interval_ms: u32,
    /// Requests the connection may have in flight over all its streams (the server's
    /// `requests_in_flight_max`); 0 when the server did not state it (an older server).
    pub requests_in_flight_max: u32,
    /// Bytes of requests the connection may hold (the server's `request_bytes_in_flight_max`);
    /// 0 when the server did not state it.
    pub request_bytes_in_flight_max: u64,
}

#[derive(Debug)]
enum ClientState {
    AwaitingChallenge,
    AwaitingWelcome { version: u16, server_nonce: Nonce },
    Established(Session),
    Failed,
}

/// The client's side of one connection's handshake.
#[derive(Debug)]
pub struct ClientHandshake {
    key: ClusterKey,
    principal: String,
    client_nonce: Nonce,
    state: ClientState,
}

impl ClientHandshake {
    /// Starts a handshake as `principal` with `client_nonce` (32 fresh random bytes): the
    /// handshake, and the `ClientHello` to send first.
    pub fn start(
        key: ClusterKey,
        principal: &str,
        client_nonce: Nonce,
    ) -> Result<(Self, wire::Message), HandshakeError> {
        validate_principal_name("principal", principal).map_err(HandshakeError::Principal)?;
        let hello = wire::Message::ClientHello(Box::new(wire::ClientHello {
            versions: vec![PROTOCOL_VERSION],
            principal: principal.to_string(),
            credential: wire::CredentialKind::ClusterKey,
            client_nonce: client_nonce.to_vec(),
            token: None,
        }));
        let handshake = ClientHandshake {
            key,
            principal: principal.to_string(),
            client_nonce,
            state: ClientState::AwaitingChallenge,
        };
        Ok((handshake, hello))
    }

    pub fn session(&self) -> Option<&Session> {
        match &self.state {
            ClientState::Established(session) => Some(session),
            _ => None,
        }
    }

    /// Handles one message from the server's control stream: `Ok(Some(reply))` to send,
    /// `Ok(None)` when nothing is to be sent (the session is established after the `Welcome`), or
    /// why the handshake failed (close the connection).
    pub fn handle(
        &mut self,
        message: &wire::Message,
    ) -> Result<Option<wire::Message>, HandshakeError> {
        let state = std::mem::replace(&mut self.state, ClientState::Failed);
        if let wire::Message::HandshakeRefused(refused) = message {
            return Err(HandshakeError::Refused {
                code: refused.error.code,
                message: refused.error.message.clone(),
            });
        }
        match (state, message) {
            (ClientState::AwaitingChallenge, wire::Message::Challenge(challenge)) => {
                self.on_challenge(challenge).map(Some)
            }
            (
                ClientState::AwaitingWelcome {
                    version,
                    server_nonce,
                },
                wire::Message::Welcome(welcome),
            ) => self
                .on_welcome(version, &server_nonce, welcome)
                .map(|()| None),
            (ClientState::Established(session), message) => {
                self.state = ClientState::Established(session);
                on_heartbeat(message)
            }
            (ClientState::Failed, _) => Err(HandshakeError::Failed),
            (ClientState::AwaitingChallenge, other) => Err(HandshakeError::Unexpected {
                expected: "Challenge",
                found: message_kind(other),
            }),
            (ClientState::AwaitingWelcome { .. }, other) => Err(HandshakeError::Unexpected {
                expected: "Welcome",
                found: message_kind(other),
            }),
        }
    }

    fn on_challenge(
        &mut self,
        challenge: &wire::Challenge,
    ) -> Result<wire::Message, HandshakeError> {
        if challenge.version != PROTOCOL_VERSION {
            return Err(HandshakeError::UnsupportedVersion {
                offered: vec![challenge.version],
                supported: PROTOCOL_VERSION,
            });
        }
        let server_nonce = fixed_length::<NONCE_BYTES>("server nonce", &challenge.server_nonce)?;
        let transcript = Transcript {
            version: challenge.version,
            principal: &self.principal,
            client_nonce: &self.client_nonce,
            server_nonce: &server_nonce,
        };
        let mac = self.key.prove(CLIENT_PROOF_LABEL, &transcript);
        self.state = ClientState::AwaitingWelcome {
            version: challenge.version,
            server_nonce,
        };
        Ok(wire::Message::Proof(Box::new(wire::Proof { mac })))
    }

    fn on_welcome(
        &mut self,
        version: u16,
        server_nonce: &Nonce,
        welcome: &wire::Welcome,
    ) -> Result<(), HandshakeError> {
        if welcome.version != version || welcome.principal != self.principal {
            return Err(HandshakeError::WelcomeMismatch {
                version: welcome.version,
                principal: welcome.principal.clone(),
            });
        }
        let transcript = Transcript {
            version,
            principal: &self.principal,
            client_nonce: &self.client_nonce,
            server_nonce,
        };
        if !self
            .key
            .verify(SERVER_PROOF_LABEL, &transcript, &welcome.mac)
        {
            return Err(HandshakeError::ServerAuthenticationFailed);
        }
        self.state = ClientState::Established(Session {
            version,
            principal: self.principal.clone(),
            cluster_id: welcome.cluster_id,
            frame_bytes_max: welcome.frame_bytes_max,
            heartbeat_interval_ms: welcome.heartbeat_interval_ms,
            requests_in_flight_max: welcome.requests_in_flight_max,
            request_bytes_in_flight_max: welcome.request_bytes_in_flight_max,
        });
        Ok(())
    }
}
