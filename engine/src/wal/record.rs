//! The WAL record frame inside a group's body, format version 2 (see `docs/format.md`).
//!
//! ```text
//! offset size field
//!  0     4    payload length, u32 little-endian (at most RECORD_PAYLOAD_BYTES_MAX)
//!  4     1    kind: 1 = command batch, 2 = metadata
//!  5     3    reserved, zero
//!  8     8    position, u64 little-endian
//! 16     n    payload
//! ```
//! A record carries no checksum of its own: it is only ever read from inside a group whose whole
//! body passed its CRC32C (`group.rs`), so a frame that does not decode there is corruption, never a
//! torn write. Invariant: `decode(encode(r)) == r`, and `decode` never reads past the slice or
//! allocates from an untrusted length.

use crate::limits::RECORD_PAYLOAD_BYTES_MAX;

pub const RECORD_HEADER_BYTES: usize = 16;

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
    #[error("unknown record kind {0}")]
    UnknownKind(u8),
    #[error("reserved bytes are not zero")]
    ReservedNotZero,
}

/// The encoded size of a record with `payload_len` bytes of payload.
pub const fn encoded_len(payload_len: usize) -> usize {
    RECORD_HEADER_BYTES + payload_len
}

/// Appends the encoded record to `out`.
pub fn encode(kind: RecordKind, position: u64, payload: &[u8], out: &mut Vec<u8>) {
    assert!(
        payload.len() <= RECORD_PAYLOAD_BYTES_MAX,
        "record payload of {} bytes is over the limit; callers check it before the log",
        payload.len()
    );
    out.extend_from_slice(&(payload.len() as u32).to_le_bytes());
    out.push(kind as u8);
    out.extend_from_slice(&[0u8; 3]);
    out.extend_from_slice(&position.to_le_bytes());
    out.extend_from_slice(payload);
}

/// Decodes the record at the start of `bytes`.
pub fn decode(bytes: &[u8]) -> Result<RecordRef<'_>, DecodeError> {
    if bytes.len() < RECORD_HEADER_BYTES {
        return Err(DecodeError::Truncated {
            needed: RECORD_HEADER_BYTES,
            available: bytes.len(),
        });
    }
    let length = u32::from_le_bytes(bytes[0..4].try_into().unwrap());
    if length as usize > RECORD_PAYLOAD_BYTES_MAX {
        return Err(DecodeError::LengthOverLimit(length));
    }
    let kind = RecordKind::from_byte(bytes[4]).ok_or(DecodeError::UnknownKind(bytes[4]))?;
    if bytes[5..8] != [0, 0, 0] {
        return Err(DecodeError::ReservedNotZero);
    }
    let total = RECORD_HEADER_BYTES + length as usize;
    if bytes.len() < total {
        return Err(DecodeError::Truncated {
            needed: total,
            available: bytes.len(),
        });
    }
    Ok(RecordRef {
        kind,
        position: u64::from_le_bytes(bytes[8..16].try_into().unwrap()),
        payload: &bytes[RECORD_HEADER_BYTES..total],
    })
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
        assert_eq!(encoded_len(5), out.len() - 1);
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

    #[test]
    fn bad_kind_reserved_or_length_is_refused() {
        let mut out = Vec::new();
        encode(RecordKind::Metadata, 5, b"payload", &mut out);
        let mut bad = out.clone();
        bad[4] = 9;
        assert_eq!(decode(&bad), Err(DecodeError::UnknownKind(9)));
        let mut bad = out.clone();
        bad[6] = 1;
        assert_eq!(decode(&bad), Err(DecodeError::ReservedNotZero));
        let mut bad = out;
        bad[0..4].copy_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(decode(&bad), Err(DecodeError::LengthOverLimit(u32::MAX)));
    }
}
