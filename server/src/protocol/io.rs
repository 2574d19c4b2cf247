//! Frames on QUIC streams: the thin async layer over `aorta_wire::frame`. A [`FrameReader`] reads
//! chunks of a stream into a `FrameDecoder`, charging every byte it holds to the connection's
//! budget (refused past `request_bytes_in_flight_max`) and handing each decoded message's bytes
//! over to its caller, who releases them once the message is answered. Writes go through
//! [`write_frames`], which tells the heartbeat that the connection sent something.

use std::sync::Arc;

use aorta_wire::frame::{FrameDecoder, FrameEncoder, FrameError};
use aorta_wire::wire;
use bytes::Bytes;

use super::budget::OverBudget;
use super::close_code_of;
use super::connection::ConnectionState;

/// Bytes asked of quinn per read: a bound on what one read adds to the stream's held bytes.
const READ_CHUNK_BYTES_MAX: usize = 64 * 1024;

/// Why a stream could not give its next message.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{0}")]
    Frame(#[from] FrameError),
    #[error("{0}")]
    OverBudget(#[from] OverBudget),
    #[error("the stream broke: {0}")]
    Stream(#[from] quinn::ReadError),
}

impl ReadError {
    /// The protocol error code to reset the stream (or close the connection) with; none when
    /// the stream broke under us (reset by the peer, connection lost).
    pub fn code(&self) -> Option<wire::ErrorCode> {
        match self {
            ReadError::Frame(error) => Some(error.code()),
            ReadError::OverBudget(_) => Some(wire::ErrorCode::Overloaded),
            ReadError::Stream(_) => None,
        }
    }
}

/// A decoded message and the bytes of its frame, still charged to the connection's budget.
pub struct Received {
    pub message: wire::Message,
    pub frame_bytes: u64,
}

/// Reads frames from one stream (see the module doc).
pub struct FrameReader {
    state: Arc<ConnectionState>,
    decoder: FrameDecoder,
    /// The rest of the last chunk read, not yet fed to the decoder.
    unread: Bytes,
    /// Bytes charged to the budget and not handed over with a message: the decoder's and
    /// `unread`. Released when the reader is dropped.
    charged: u64,
    /// Bytes fed to the decoder since the last message it gave.
    fed_since_message: u64,
    ended: bool,
}

impl FrameReader {
    pub fn new(state: Arc<ConnectionState>) -> Self {
        let decoder = FrameDecoder::with_limit(state.frame_bytes_max)
            .expect("the configuration keeps frame_bytes_max within the protocol's range");
        FrameReader {
            state,
            decoder,
            unread: Bytes::new(),
            charged: 0,
            fed_since_message: 0,
            ended: false,
        }
    }

    /// The next message already read, without waiting.
    pub fn decode_buffered(&mut self) -> Result<Option<Received>, ReadError> {
        let mut input: &[u8] = &self.unread;
        let before = input.len();
        let decoded = self.decoder.decode(&mut input);
        let fed = before - input.len();
        self.unread = self.unread.slice(fed..);
        self.fed_since_message += fed as u64;
        match decoded? {
            None => Ok(None),
            Some(message) => {
                let frame_bytes = std::mem::take(&mut self.fed_since_message);
                self.charged -= frame_bytes;
                Ok(Some(Received {
                    message,
                    frame_bytes,
                }))
            }
        }
    }

    /// Reads one more chunk of the stream; false once the stream ended (whole: a stream that
    /// ends inside a frame is an error). Cancel-safe: a read that does not complete takes nothing.
    pub async fn fill(&mut self, recv: &mut quinn::RecvStream) -> Result<bool, ReadError> {
        if self.ended {
            return Ok(false);
        }
        match recv.read_chunk(READ_CHUNK_BYTES_MAX, true).await? {
            None => {
                self.ended = true;
                self.decoder.finish()?;
                Ok(false)
            }
            Some(chunk) => {
                self.state.touch_received();
                let len = chunk.bytes.len() as u64;
                self.state.budget().take_bytes(len)?;
                self.charged += len;
                debug_assert!(
                    self.unread.is_empty(),
                    "a chunk is read once the last is fed"
                );
                self.unread = chunk.bytes;
                Ok(true)
            }
        }
    }

    /// Whether everything read has been fed to the decoder (the time to read more).
    pub fn is_drained(&self) -> bool {
        self.unread.is_empty()
    }

    /// The next message, reading as much as it takes; `None` once the stream ended.
    pub async fn next(
        &mut self,
        recv: &mut quinn::RecvStream,
    ) -> Result<Option<Received>, ReadError> {
        loop {
            if let Some(received) = self.decode_buffered()? {
                return Ok(Some(received));
            }
            if !self.fill(recv).await? {
                return Ok(None);
            }
        }
    }
}

impl Drop for FrameReader {
    fn drop(&mut self) {
        self.state.budget().release_bytes(self.charged);
    }
}

/// Encodes `messages` as frames and writes them; a message over the frame limit is handed to
/// `too_large` for a replacement (which must fit).
pub async fn write_messages(
    state: &ConnectionState,
    send: &mut quinn::SendStream,
    encoder: &mut FrameEncoder,
    messages: &[wire::Message],
) -> Result<(), quinn::WriteError> {
    let mut bytes = Vec::new();
    for message in messages {
        if let Err(error) = encoder.encode(message, &mut bytes) {
            // Pages are cut to fit a frame and an event with two of the largest resources fits
            // the smallest, so this is a defence only: the client gets why instead of a broken
            // stream, and the stream stays in step.
            let replacement = too_large_replacement(message, &error);
            encoder
                .encode(&replacement, &mut bytes)
                .expect("an error response fits any frame");
        }
    }
    write_frames(state, send, bytes).await
}

fn too_large_replacement(message: &wire::Message, error: &FrameError) -> wire::Message {
    let error = wire::Error {
        code: wire::ErrorCode::FrameTooLarge,
        message: format!(
            "the answer does not fit one frame ({error}); ask for fewer resources (a smaller \
             page_size)"
        ),
        detail: None,
    };
    match message {
        wire::Message::Response(response) => wire::Message::Response(Box::new(wire::Response {
            request_id: response.request_id,
            body: wire::ResponseBody::Error(Box::new(error)),
        })),
        _ => wire::Message::SubscriptionEnd(Box::new(wire::SubscriptionEnd {
            error: Box::new(error),
        })),
    }
}

/// Writes encoded frames; waits for the stream's credit (QUIC flow control is the back-pressure).
pub async fn write_frames(
    state: &ConnectionState,
    send: &mut quinn::SendStream,
    bytes: Vec<u8>,
) -> Result<(), quinn::WriteError> {
    if bytes.is_empty() {
        return Ok(());
    }
    // Handed over whole: quinn keeps the buffer until it is acknowledged, instead of copying it.
    send.write_chunk(bytes::Bytes::from(bytes)).await?;
    state.touch_sent();
    Ok(())
}

/// Ends a stream both ways with a protocol error code: the peer's writes are refused
/// (`STOP_SENDING`) and ours stop (`RESET_STREAM`).
pub fn reset_stream(
    send: &mut quinn::SendStream,
    recv: &mut quinn::RecvStream,
    code: wire::ErrorCode,
) {
    let code = close_code_of(code);
    let _ = recv.stop(code);
    let _ = send.reset(code);
}

/// How long a finished stream's last bytes may take to reach the client.
pub const FINISHED_DELIVERY_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// Finishes `send` and waits, at most [`FINISHED_DELIVERY_WAIT`], until the client has
/// acknowledged everything on it (or stopped it). The node closes a connection once its streams
/// are done (at shutdown); a close discards what quinn has not sent yet, so without this wait the
/// answers to the requests the node finished, and a subscription's `SubscriptionEnd`, could be
/// lost with it.
pub async fn finish_delivered(send: &mut quinn::SendStream) {
    if send.finish().is_ok() {
        let _ = tokio::time::timeout(FINISHED_DELIVERY_WAIT, send.stopped()).await;
    }
}
