//! The WAL record frame, format version 1 (see `docs/format.md`).
//!
//! ```text
//! offset size field
//!  0     4    payload length, u32 little-endian (at most RECORD_PAYLOAD_BYTES_MAX)
//!  4     4    CRC32C (Castagnoli), u32 little-endian, over bytes 8 .. 20 + length
//!  8     1    format version = 1
//!  9     1    kind: 1 = command batch, 2 = metadata
//! 10     2    reserved, zero
//! 12     8    position, u64 little-endian
//! 20     n    payload
//! ```
//! Invariant: `decode(encode(r)) == r`, and `decode` never reads past the slice or allocates from an
//! untrusted length.

use crate::limits::RECORD_PAYLOAD_BYTES_MAX;

pub const RECORD_FORMAT_VERSION: u8 = 1;
pub const RECORD_HEADER_BYTES: usize = 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum RecordKind {
    /// A committed batch of commands (`codec::encode_batch`).
    Batch = 1,
    /// Small engine metadata (for example a durable vote, once the log serves raft).
    Metadata = 2,
}

impl RecordKind {
    fn from_byte(byte: u8) -> Option<Self> {
        match byte {
            1 => Some(RecordKind::Batch),
            2 => Some(RecordKind::Metadata),
            _ => None,
        }
    }
}

/// A decoded record, borrowing its payload from the buffer it was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecordRef<'a> {
    pub kind: RecordKind,
    pub position: u64,
    pub payload: &'a [u8],
}

impl RecordRef<'_> {
    pub fn encoded_len(&self) -> usize {
        RECORD_HEADER_BYTES + self.payload.len()
    }
}

/// Why bytes are not a valid record.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("record needs {needed} bytes, only {available} remain")]
    Truncated { needed: usize, available: usize },
    #[error("payload length {0} is over the limit")]
    LengthOverLimit(u32),
    #[error("unknown format version {0}")]
    UnknownVersion(u8),
    #[error("unknown record kind {0}")]
    UnknownKind(u8),
    #[error("reserved bytes are not zero")]
    ReservedNotZero,
    #[error("checksum mismatch: stored {stored:#010x}, computed {computed:#010x}")]
    ChecksumMismatch { stored: u32, computed: u32 },
}

/// Appends the encoded record to `out`.
pub fn encode(kind: RecordKind, position: u64, payload: &[u8], out: &mut Vec<u8>) {
    assert!(
        payload.len() <= RECORD_PAYLOAD_BYTES_MAX,
        "record payload of {} bytes is over the limit; batches are checked before they reach the log",
        payload.len()
    );
    let start = out.len();
    out.extend_from_slice(&(payload.len() as u32).to_le_bytes());
    out.extend_from_slice(&[0u8; 4]);
    out.push(RECORD_FORMAT_VERSION);
    out.push(kind as u8);
    out.extend_from_slice(&[0u8; 2]);
    out.extend_from_slice(&position.to_le_bytes());
    out.extend_from_slice(payload);
    let crc = crc32c::crc32c(&out[start + 8..]);
    out[start + 4..start + 8].copy_from_slice(&crc.to_le_bytes());
    debug_assert_eq!(
        decode(&out[start..]).map(|r| (r.kind, r.position, r.payload.len())),
        Ok((kind, position, payload.len()))
    );
}

/// Reads the header fields that need no checksum, to judge whether a header is plausible.
fn decode_header(bytes: &[u8]) -> Result<(usize, RecordKind), DecodeError> {
    if bytes.len() < RECORD_HEADER_BYTES {
        return Err(DecodeError::Truncated {
            needed: RECORD_HEADER_BYTES,
            available: bytes.len(),
        });
    }
    let length = u32::from_le_bytes(bytes[0..4].try_into().unwrap());
    if bytes[8] != RECORD_FORMAT_VERSION {
        return Err(DecodeError::UnknownVersion(bytes[8]));
    }
    let kind = RecordKind::from_byte(bytes[9]).ok_or(DecodeError::UnknownKind(bytes[9]))?;
    if bytes[10] != 0 || bytes[11] != 0 {
        return Err(DecodeError::ReservedNotZero);
    }
    if length as usize > RECORD_PAYLOAD_BYTES_MAX {
        return Err(DecodeError::LengthOverLimit(length));
    }
    Ok((length as usize, kind))
}

/// Decodes the record at the start of `bytes`.
pub fn decode(bytes: &[u8]) -> Result<RecordRef<'_>, DecodeError> {
    let (length, kind) = decode_header(bytes)?;
    let total = RECORD_HEADER_BYTES + length;
    if bytes.len() < total {
        return Err(DecodeError::Truncated {
            needed: total,
            available: bytes.len(),
        });
    }
    let stored = u32::from_le_bytes(bytes[4..8].try_into().unwrap());
    let computed = crc32c::crc32c(&bytes[8..total]);
    if stored != computed {
        return Err(DecodeError::ChecksumMismatch { stored, computed });
    }
    Ok(RecordRef {
        kind,
        position: u64::from_le_bytes(bytes[12..20].try_into().unwrap()),
        payload: &bytes[RECORD_HEADER_BYTES..total],
    })
}

/// The encoded length a record header at the start of `bytes` declares (header included), without
/// checking anything but that the length field is there.
pub fn encoded_len_at(bytes: &[u8]) -> usize {
    match bytes.get(0..4) {
        Some(field) => RECORD_HEADER_BYTES + u32::from_le_bytes(field.try_into().unwrap()) as usize,
        None => RECORD_HEADER_BYTES,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_round_trips() {
        let mut out = vec![0xAA]; // records are decoded from any offset of a buffer
        encode(RecordKind::Batch, 77, b"hello", &mut out);
        let record = decode(&out[1..]).unwrap();
        assert_eq!(record.kind, RecordKind::Batch);
        assert_eq!(record.position, 77);
        assert_eq!(record.payload, b"hello");
        assert_eq!(record.encoded_len(), out.len() - 1);
    }

    #[test]
    fn every_single_bit_flip_is_detected() {
        let mut out = Vec::new();
        encode(RecordKind::Metadata, 5, b"payload bytes", &mut out);
        for byte in 0..out.len() {
            for bit in 0..8 {
                let mut damaged = out.clone();
                damaged[byte] ^= 1 << bit;
                assert!(
                    decode(&damaged).is_err(),
                    "flip at {byte}:{bit} not detected"
                );
            }
        }
    }

    #[test]
    fn every_truncation_is_reported_as_truncated() {
        let mut out = Vec::new();
        encode(RecordKind::Batch, 1, &[7u8; 100], &mut out);
        for len in 0..out.len() {
            assert!(matches!(
                decode(&out[..len]),
                Err(DecodeError::Truncated { .. })
            ));
        }
    }
}
