//! A small `aorta/1` client for the tests, built on `aorta-wire` directly: connect, handshake
//! with the node's cluster key, requests on streams, subscriptions, and raw frames and bytes for
//! the tests that break the rules.

use std::path::Path;
use std::time::Duration;

use aorta_wire::convert::{Call, Reply};
use aorta_wire::frame::{FrameDecoder, FrameEncoder, FRAME_BYTES_MAX};
use aorta_wire::handshake::{ClientHandshake, ClusterKey, HandshakeError, Session};
use aorta_wire::requests::ClientRequests;
use aorta_wire::wire;
use ring::rand::SecureRandom as _;

use super::{client, connect, Node};

/// How long a test waits for any one answer.
pub const ANSWER_TIMEOUT: Duration = Duration::from_secs(20);

/// The cluster key in a node's data directory.
pub fn cluster_key(data_dir: &Path) -> ClusterKey {
    let text = std::fs::read_to_string(data_dir.join("cluster.key")).unwrap();
    let key = aorta_server::identity::ClusterKey::from_text(&text).unwrap();
    ClusterKey::new(&key.0).unwrap()
}

pub fn nonce() -> [u8; 32] {
    let mut nonce = [0u8; 32];
    ring::rand::SystemRandom::new().fill(&mut nonce).unwrap();
    nonce
}

/// One bidirectional stream with a frame decoder and encoder.
pub struct FramedStream {
    pub send: quinn::SendStream,
    pub recv: quinn::RecvStream,
    decoder: FrameDecoder,
    encoder: FrameEncoder,
    unread: Vec<u8>,
}

impl FramedStream {
    pub fn new(send: quinn::SendStream, recv: quinn::RecvStream) -> Self {
        FramedStream {
            send,
            recv,
            decoder: FrameDecoder::with_limit(FRAME_BYTES_MAX).unwrap(),
            encoder: FrameEncoder::with_limit(FRAME_BYTES_MAX).unwrap(),
            unread: Vec::new(),
        }
    }

    pub async fn send(&mut self, message: &wire::Message) {
        let mut bytes = Vec::new();
        self.encoder.encode(message, &mut bytes).unwrap();
        self.send.write_all(&bytes).await.unwrap();
    }

    /// The next message; `Ok(None)` when the stream finished; `Err` with the reset code or the
    /// decode error.
    pub async fn receive(&mut self) -> Result<Option<wire::Message>, String> {
        loop {
            let mut input = &self.unread[..];
            let decoded = self.decoder.decode(&mut input).map_err(|e| e.to_string())?;
            let taken = self.unread.len() - input.len();
            self.unread.drain(..taken);
            if let Some(message) = decoded {
                return Ok(Some(message));
            }
            let chunk = tokio::time::timeout(ANSWER_TIMEOUT, self.recv.read_chunk(1 << 20, true))
                .await
                .map_err(|_| "no answer in time".to_string())?;
            match chunk {
                Ok(Some(chunk)) => self.unread.extend_from_slice(&chunk.bytes),
                Ok(None) => return Ok(None),
                Err(quinn::ReadError::Reset(code)) => return Err(format!("reset {code}")),
                Err(error) => return Err(error.to_string()),
            }
        }
    }
}

/// An established artery.
pub struct Artery {
    pub endpoint: quinn::Endpoint,
    pub connection: quinn::Connection,
    pub control: FramedStream,
    pub session: Session,
}

/// A connection to `node` with its control stream opened, before any handshake.
pub async fn open(node: &Node) -> (quinn::Endpoint, quinn::Connection, FramedStream) {
    let endpoint = client(&node.data_dir, b"aorta/1");
    let connection = connect(&endpoint, node.address).await.unwrap();
    let (send, recv) = connection.open_bi().await.unwrap();
    (endpoint, connection, FramedStream::new(send, recv))
}

/// Connects and handshakes as `principal` with `key`.
pub async fn handshake_with(
    node: &Node,
    key: ClusterKey,
    principal: &str,
) -> Result<Artery, (quinn::Connection, HandshakeError)> {
    let (endpoint, connection, mut control) = open(node).await;
    let (mut handshake, hello) = ClientHandshake::start(key, principal, nonce()).unwrap();
    control.send(&hello).await;
    loop {
        let message = control
            .receive()
            .await
            .unwrap()
            .expect("the control stream ended during the handshake");
        match handshake.handle(&message) {
            Ok(Some(reply)) => control.send(&reply).await,
            Ok(None) => break,
            Err(error) => return Err((connection, error)),
        }
    }
    let session = handshake.session().expect("established").clone();
    Ok(Artery {
        endpoint,
        connection,
        control,
        session,
    })
}

/// Connects and handshakes as `principal` with the node's cluster key.
pub async fn connect_as(node: &Node, principal: &str) -> Artery {
    handshake_with(node, cluster_key(&node.data_dir), principal)
        .await
        .map_err(|(_, error)| error)
        .unwrap()
}

/// A request stream with pipelining.
pub struct RequestStream {
    pub stream: FramedStream,
    pub requests: ClientRequests,
}

impl RequestStream {
    /// Sends `call` without waiting for its answer.
    pub async fn send(&mut self, call: &Call) -> u64 {
        let (id, message) = self.requests.send(call).unwrap();
        self.stream.send(&message).await;
        id
    }

    /// The next answer, checked to answer the oldest request.
    pub async fn receive(&mut self) -> Reply {
        let message = self.stream.receive().await.unwrap().expect("an answer");
        self.requests.receive(&message).unwrap().1
    }

    pub async fn call(&mut self, call: &Call) -> Reply {
        self.send(call).await;
        self.receive().await
    }
}

impl Artery {
    pub async fn stream(&self) -> FramedStream {
        let (send, recv) = self.connection.open_bi().await.unwrap();
        FramedStream::new(send, recv)
    }

    pub async fn requests(&self) -> RequestStream {
        RequestStream {
            stream: self.stream().await,
            requests: ClientRequests::default(),
        }
    }

    /// One request on a stream of its own.
    pub async fn call(&self, call: &Call) -> Reply {
        let mut stream = self.requests().await;
        let reply = stream.call(call).await;
        stream.stream.send.finish().unwrap();
        reply
    }
}
