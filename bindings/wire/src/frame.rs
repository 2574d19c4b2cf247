//! Frames: how messages are cut out of a QUIC stream, sans-IO.
//!
//! ```text
//! frame  := header body
//! header := version u8 (= FRAME_VERSION) | reserved [u8; 3] (= 0) | body_len u32 LE
//! body   := body_len bytes: a FlatBuffer whose root is an `Envelope` (bindings/schema/message.fbs)
//! ```
//!
//! The header is 8 bytes so that a body copied to an 8-aligned buffer with its header stays
//! 8-aligned (some FlatBuffers runtimes verify alignment).
//!
//! Invariants of [`FrameDecoder`]: it never panics, whatever it is fed; it refuses a header whose
//! `body_len` is over its limit *before* taking any of the body, so it never holds more than one
//! header and one body of at most `frame_bytes_max` bytes, and its buffer grows with the bytes
//! that actually arrived, not with the length a peer announced; every message it yields has been
//! verified whole (every offset, length, UTF-8 string, required field, enum and union tag) by
//! converting planus's verifying reader into the owned types. A header error (version, reserved
//! bytes, length) leaves the stream out of step: the decoder then answers that error forever. A
//! body that is not a valid message is refused, but the stream is still in step; the protocol closes
//! the stream anyway (`docs/protocol.md`, "Errors").
//!
//! Limits: `frame_bytes_max` is [`FRAME_BYTES_DEFAULT`] unless configured, within
//! [`FRAME_BYTES_MIN`]..=[`FRAME_BYTES_MAX`].
//!
//! FlatBuffers lets two offsets share one object, so a small frame could describe a huge owned
//! message; before converting, the decoder weighs the body (`weigh`) and refuses one whose owned
//! form would copy more than about twice its length (`Inflated`).

use crate::weigh::WeighError;
use crate::wire;

/// The frame layout this crate writes and reads.
pub const FRAME_VERSION: u8 = 1;
/// Bytes of a frame header.
pub const FRAME_HEADER_BYTES: usize = 8;
/// The default largest frame body: a maximal batch (`BATCH_BYTES_MAX`, 4 MiB in the log, a little
/// more as a FlatBuffer) fits, with room to spare (`a_maximal_batch_fits_a_default_frame`).
pub const FRAME_BYTES_DEFAULT: u32 = 8 * 1024 * 1024;
/// The smallest configurable limit: an event carrying two maximal resources (1 MiB of data each)
/// must fit.
pub const FRAME_BYTES_MIN: u32 = 4 * 1024 * 1024;
/// The largest configurable limit: what one stream may make its receiver hold.
pub const FRAME_BYTES_MAX: u32 = 64 * 1024 * 1024;
/// A decoder keeps at most this much buffer capacity between frames: a stream that once carried a
/// large frame does not hold its memory while idle.
const IDLE_CAPACITY_BYTES_MAX: usize = 64 * 1024;

const _: () = assert!(FRAME_BYTES_MIN <= FRAME_BYTES_DEFAULT);
const _: () = assert!(FRAME_BYTES_DEFAULT <= FRAME_BYTES_MAX);
const _: () = assert!(
    aorta_engine::limits::DATA_BYTES_MAX * 2 + 256 * 1024 <= FRAME_BYTES_MIN as usize,
    "an event with two maximal resources fits the smallest frame"
);

/// Why a frame was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FrameError {
    #[error("frame version {found}; this end reads frame version {supported}")]
    Version { found: u8, supported: u8 },
    #[error("frame header reserved bytes are {found:02x?}; they must be zero")]
    Reserved { found: [u8; 3] },
    #[error("frame body of {len} bytes is over the limit of {max}; send smaller messages")]
    TooLarge { len: u64, max: u32 },
    #[error("frame body is empty; a frame carries one message")]
    Empty,
    #[error("frame body is not a valid message: {reason}")]
    Malformed { reason: String },
    #[error("frame body of {body_len} bytes reads as a message of over {limit} bytes: its objects are shared to inflate it")]
    Inflated { body_len: usize, limit: u64 },
    #[error("the stream ended {buffered} bytes into a frame")]
    Truncated { buffered: usize },
    #[error("frame limit {value} is outside {min}..={max}")]
    Limit { value: u32, min: u32, max: u32 },
}

impl FrameError {
    /// The error code the protocol sends for this failure.
    pub fn code(&self) -> wire::ErrorCode {
        match self {
            FrameError::TooLarge { .. } => wire::ErrorCode::FrameTooLarge,
            FrameError::Limit { .. } => wire::ErrorCode::Internal,
            _ => wire::ErrorCode::Malformed,
        }
    }
}

/// Checks a configured frame limit.
fn checked_limit(frame_bytes_max: u32) -> Result<u32, FrameError> {
    if (FRAME_BYTES_MIN..=FRAME_BYTES_MAX).contains(&frame_bytes_max) {
        Ok(frame_bytes_max)
    } else {
        Err(FrameError::Limit {
            value: frame_bytes_max,
            min: FRAME_BYTES_MIN,
            max: FRAME_BYTES_MAX,
        })
    }
}

/// Cuts whole, verified messages out of a stream's bytes, fed in chunks of any size.
///
/// ```
/// # use aorta_wire::frame::{FrameDecoder, FrameEncoder};
/// # use aorta_wire::wire;
/// let mut encoder = FrameEncoder::default();
/// let mut bytes = Vec::new();
/// encoder.encode(&wire::Message::Ping(Box::new(wire::Ping { sequence: 7 })), &mut bytes).unwrap();
/// let mut decoder = FrameDecoder::default();
/// let mut input = &bytes[..];
/// let message = decoder.decode(&mut input).unwrap();
/// assert_eq!(message, Some(wire::Message::Ping(Box::new(wire::Ping { sequence: 7 }))));
/// assert!(input.is_empty());
/// ```
#[derive(Debug)]
pub struct FrameDecoder {
    frame_bytes_max: u32,
    header: [u8; FRAME_HEADER_BYTES],
    header_len: usize,
    /// The body's announced length, once the header is whole and accepted.
    body_len: Option<usize>,
    body: Vec<u8>,
    /// A header error: the stream is out of step, so every later call answers it.
    failed: Option<FrameError>,
}

impl Default for FrameDecoder {
    fn default() -> Self {
        FrameDecoder::with_limit(FRAME_BYTES_DEFAULT).expect("the default limit is in range")
    }
}

impl FrameDecoder {
    /// A decoder that refuses bodies over `frame_bytes_max` bytes.
    pub fn with_limit(frame_bytes_max: u32) -> Result<Self, FrameError> {
        Ok(FrameDecoder {
            frame_bytes_max: checked_limit(frame_bytes_max)?,
            header: [0; FRAME_HEADER_BYTES],
            header_len: 0,
            body_len: None,
            body: Vec::new(),
            failed: None,
        })
    }

    pub fn frame_bytes_max(&self) -> u32 {
        self.frame_bytes_max
    }

    /// Bytes of the frame in progress held now (at most a header and `frame_bytes_max`).
    pub fn buffered(&self) -> usize {
        self.header_len + self.body.len()
    }

    /// Takes bytes from the front of `input` until a frame is whole, and returns its message;
    /// `Ok(None)` when `input` ran out first (everything was taken). Call it again with the rest
    /// of `input` while it yields messages.
    pub fn decode(&mut self, input: &mut &[u8]) -> Result<Option<wire::Message>, FrameError> {
        if !self.take_body(input)? {
            return Ok(None);
        }
        let result = decode_body(&self.body);
        self.body.clear();
        if self.body.capacity() > IDLE_CAPACITY_BYTES_MAX {
            self.body = Vec::new();
        }
        self.body_len = None;
        self.header_len = 0;
        result.map(Some)
    }

    /// Says whether the stream may end here: an error if it ends inside a frame.
    pub fn finish(&self) -> Result<(), FrameError> {
        if let Some(error) = &self.failed {
            return Err(error.clone());
        }
        match self.buffered() {
            0 => Ok(()),
            buffered => Err(FrameError::Truncated { buffered }),
        }
    }

    /// Moves bytes from `input` into the frame in progress; true once its body is whole.
    fn take_body(&mut self, input: &mut &[u8]) -> Result<bool, FrameError> {
        if let Some(error) = &self.failed {
            return Err(error.clone());
        }
        let body_len = match self.body_len {
            Some(len) => len,
            None => {
                let wanted = FRAME_HEADER_BYTES - self.header_len;
                let taken = wanted.min(input.len());
                self.header[self.header_len..self.header_len + taken]
                    .copy_from_slice(&input[..taken]);
                self.header_len += taken;
                *input = &input[taken..];
                if self.header_len < FRAME_HEADER_BYTES {
                    return Ok(false);
                }
                let len = self.check_header().inspect_err(|error| {
                    self.failed = Some(error.clone());
                })?;
                self.body_len = Some(len);
                len
            }
        };
        let wanted = body_len - self.body.len();
        let taken = wanted.min(input.len());
        let needed = self.body.len() + taken;
        if needed > self.body.capacity() {
            // Grow with what arrived (doubling), never past the announced length.
            let target = (self.body.capacity() * 2).clamp(needed, body_len);
            self.body.reserve_exact(target - self.body.len());
        }
        self.body.extend_from_slice(&input[..taken]);
        *input = &input[taken..];
        Ok(self.body.len() == body_len)
    }

    fn check_header(&self) -> Result<usize, FrameError> {
        let header = parse_header(&self.header)?;
        if header > self.frame_bytes_max {
            return Err(FrameError::TooLarge {
                len: u64::from(header),
                max: self.frame_bytes_max,
            });
        }
        Ok(header as usize)
    }
}

/// The body length a header announces, if the header is well formed.
fn parse_header(header: &[u8; FRAME_HEADER_BYTES]) -> Result<u32, FrameError> {
    if header[0] != FRAME_VERSION {
        return Err(FrameError::Version {
            found: header[0],
            supported: FRAME_VERSION,
        });
    }
    if header[1..4] != [0, 0, 0] {
        return Err(FrameError::Reserved {
            found: [header[1], header[2], header[3]],
        });
    }
    let len = u32::from_le_bytes([header[4], header[5], header[6], header[7]]);
    if len == 0 {
        return Err(FrameError::Empty);
    }
    Ok(len)
}

/// Verifies a frame body and converts it into the owned message.
pub fn decode_body(body: &[u8]) -> Result<wire::Message, FrameError> {
    use planus::ReadAsRoot;
    let malformed = |error: planus::Error| FrameError::Malformed {
        reason: error.to_string(),
    };
    let envelope = wire::EnvelopeRef::read_as_root(body).map_err(malformed)?;
    crate::weigh::weigh(&envelope, body.len()).map_err(|error| match error {
        WeighError::Invalid(error) => malformed(error),
        WeighError::Overweight { limit, .. } => FrameError::Inflated {
            body_len: body.len(),
            limit,
        },
    })?;
    let envelope = wire::Envelope::try_from(envelope).map_err(malformed)?;
    Ok(envelope.message)
}

/// Writes messages as frames. Keeps one FlatBuffers builder, reused from frame to frame while its
/// frames stay small (`ENCODER_KEPT_BYTES_MAX`): a builder grown for one large frame is dropped
/// after it, so that an encoder held for long costs little memory.
pub struct FrameEncoder {
    builder: planus::Builder,
    frame_bytes_max: u32,
}

impl Default for FrameEncoder {
    fn default() -> Self {
        FrameEncoder::with_limit(FRAME_BYTES_DEFAULT).expect("the default limit is in range")
    }
}

impl std::fmt::Debug for FrameEncoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FrameEncoder")
            .field("frame_bytes_max", &self.frame_bytes_max)
            .finish_non_exhaustive()
    }
}

impl FrameEncoder {
    /// An encoder that refuses to write bodies over `frame_bytes_max` bytes (the peer's limit).
    pub fn with_limit(frame_bytes_max: u32) -> Result<Self, FrameError> {
        Ok(FrameEncoder {
            builder: planus::Builder::new(),
            frame_bytes_max: checked_limit(frame_bytes_max)?,
        })
    }

    /// Refuses bodies over `frame_bytes_max` from now on (a limit in the range
    /// [`FrameEncoder::with_limit`] accepts).
    pub fn set_limit(&mut self, frame_bytes_max: u32) -> Result<(), FrameError> {
        self.frame_bytes_max = checked_limit(frame_bytes_max)?;
        Ok(())
    }

    /// Appends `message` as one frame to `out`; `TooLarge` (and `out` unchanged) if its body is
    /// over the limit.
    pub fn encode(&mut self, message: &wire::Message, out: &mut Vec<u8>) -> Result<(), FrameError> {
        self.builder.clear();
        let envelope = wire::Envelope::create(&mut self.builder, message);
        let body = self.builder.finish(envelope, None);
        let body_len = body.len();
        let result = if body_len > self.frame_bytes_max as usize {
            Err(FrameError::TooLarge {
                len: body_len as u64,
                max: self.frame_bytes_max,
            })
        } else {
            out.reserve(FRAME_HEADER_BYTES + body_len);
            out.extend_from_slice(&header(body_len as u32));
            out.extend_from_slice(body);
            Ok(())
        };
        if body_len > ENCODER_KEPT_BYTES_MAX {
            self.builder = planus::Builder::new();
        }
        result
    }
}

/// The largest body after which an encoder keeps its builder's buffer for the next frame.
pub const ENCODER_KEPT_BYTES_MAX: usize = 64 * 1024;

/// The header of a frame whose body is `body_len` bytes.
pub fn header(body_len: u32) -> [u8; FRAME_HEADER_BYTES] {
    let mut header = [0u8; FRAME_HEADER_BYTES];
    header[0] = FRAME_VERSION;
    header[4..8].copy_from_slice(&body_len.to_le_bytes());
    header
}
