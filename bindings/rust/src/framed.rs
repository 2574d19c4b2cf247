//! One QUIC bidirectional stream carrying frames: the IO around `aorta_wire::frame`.
//!
//! Invariant: it holds at most one frame in progress (the decoder's bound) and the bytes of one
//! chunk read past the end of the frame before it.

use aorta_wire::frame::{FrameDecoder, FrameEncoder, FRAME_BYTES_MAX, FRAME_BYTES_MIN};
use aorta_wire::wire;
use bytes::Bytes;

use crate::Error;

/// Bytes asked of QUIC per read.
const READ_CHUNK_BYTES: usize = 64 * 1024;

/// The body limit of the frames this client writes to a node that stated `peer_frame_bytes_max`.
/// A node may announce a limit outside what this crate's encoder takes; the encoder's range is
/// the protocol's, so clamping keeps every frame the node accepts.
pub(crate) fn encoder_limit(peer_frame_bytes_max: u32) -> u32 {
    peer_frame_bytes_max.clamp(FRAME_BYTES_MIN, FRAME_BYTES_MAX)
}

pub(crate) struct Framed {
    send: quinn::SendStream,
    recv: quinn::RecvStream,
    decoder: FrameDecoder,
    encoder: FrameEncoder,
    /// Bytes read from the stream that the decoder has not taken yet.
    unread: Vec<u8>,
    encoded: Vec<u8>,
}

impl Framed {
    /// A stream whose frames out are at most `peer_frame_bytes_max` (the node's limit, from its
    /// `Welcome`) and whose frames in are at most the largest any node may send.
    pub(crate) fn new(
        send: quinn::SendStream,
        recv: quinn::RecvStream,
        peer_frame_bytes_max: u32,
    ) -> Self {
        let limit = encoder_limit(peer_frame_bytes_max);
        Framed {
            send,
            recv,
            decoder: FrameDecoder::with_limit(FRAME_BYTES_MAX).expect("the maximum is in range"),
            encoder: FrameEncoder::with_limit(limit).expect("clamped into range"),
            unread: Vec::new(),
            encoded: Vec::new(),
        }
    }

    pub(crate) async fn send(&mut self, message: &wire::Message) -> Result<(), Error> {
        self.encoded.clear();
        self.encoder
            .encode(message, &mut self.encoded)
            .map_err(Error::from_frame)?;
        self.send
            .write_all(&self.encoded)
            .await
            .map_err(Error::from_write)
    }

    /// Writes `frames`, each a whole encoded frame, in one write, without copying them.
    pub(crate) async fn send_frames(&mut self, frames: &mut [Bytes]) -> Result<(), Error> {
        self.send
            .write_all_chunks(frames)
            .await
            .map_err(Error::from_write)
    }

    /// Ends the sending side: the node answers what was sent, then ends its side.
    pub(crate) fn finish(&mut self) {
        // An error means the stream is already reset or stopped; the read says why.
        let _ = self.send.finish();
    }

    /// The next message, or `None` when the node ended the stream between two frames.
    /// Cancel-safe: a read dropped before it completes loses no bytes (quinn keeps them).
    pub(crate) async fn receive(&mut self) -> Result<Option<wire::Message>, Error> {
        loop {
            let mut input = &self.unread[..];
            let decoded = self.decoder.decode(&mut input);
            let taken = self.unread.len() - input.len();
            self.unread.drain(..taken);
            if let Some(message) = decoded.map_err(Error::from_frame)? {
                return Ok(Some(message));
            }
            match self
                .recv
                .read_chunk(READ_CHUNK_BYTES, true)
                .await
                .map_err(Error::from_read)?
            {
                Some(chunk) => self.unread.extend_from_slice(&chunk.bytes),
                None => {
                    self.decoder.finish().map_err(Error::from_frame)?;
                    return Ok(None);
                }
            }
        }
    }
}
