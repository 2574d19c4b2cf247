//! Blocks and their trailers, and the entries of a data block.
//!
//! Every block (data, index, filter) is its payload followed by a 4-byte trailer: the CRC32C of the
//! payload, little-endian. A data block's payload is entries back to back, keys rising strictly:
//!
//! ```text
//! entry := kind u8 (1 = put, 2 = delete) | key_len u16 | value_len u32 | key | value
//! ```
//!
//! A delete (tombstone) has `value_len = 0`. The cursor checks every length against the bytes left
//! and the limits before it slices, so no input makes it panic or read past its block.

use super::error::{Block, ReadError};
use crate::limits::{SSTABLE_KEY_BYTES_MAX, SSTABLE_VALUE_BYTES_MAX};

/// Bytes of a block's trailer (its CRC32C).
pub const BLOCK_TRAILER_BYTES: usize = 4;
/// Bytes of an entry's header: kind, key length, value length.
pub const ENTRY_HEADER_BYTES: usize = 7;

const KIND_PUT: u8 = 1;
const KIND_DELETE: u8 = 2;

/// The value of an entry: a put carries bytes, a delete (tombstone) carries none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value<'a> {
    Put(&'a [u8]),
    Delete,
}

impl<'a> Value<'a> {
    /// The value's bytes (empty for a delete).
    pub fn bytes(&self) -> &'a [u8] {
        match *self {
            Value::Put(bytes) => bytes,
            Value::Delete => &[],
        }
    }

    pub fn is_delete(&self) -> bool {
        matches!(self, Value::Delete)
    }
}

/// An entry read from a table, borrowing the table's bytes: nothing is copied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntryRef<'a> {
    pub key: &'a [u8],
    pub value: Value<'a>,
}

/// Appends one entry. The caller has checked the limits (so the lengths fit their fields).
pub fn encode_entry(out: &mut Vec<u8>, key: &[u8], value: Value<'_>) {
    debug_assert!(key.len() <= SSTABLE_KEY_BYTES_MAX);
    debug_assert!(value.bytes().len() <= SSTABLE_VALUE_BYTES_MAX);
    let kind = match value {
        Value::Put(_) => KIND_PUT,
        Value::Delete => KIND_DELETE,
    };
    out.push(kind);
    out.extend_from_slice(&(key.len() as u16).to_le_bytes());
    out.extend_from_slice(&(value.bytes().len() as u32).to_le_bytes());
    out.extend_from_slice(key);
    out.extend_from_slice(value.bytes());
}

/// Appends the trailer (CRC32C of `out[start..]`) to the block that begins at `start`.
pub fn seal(out: &mut Vec<u8>, start: usize) {
    let crc = crc32c::crc32c(&out[start..]);
    out.extend_from_slice(&crc.to_le_bytes());
}

/// The payload of the block at `offset` of `payload_len` bytes (its trailer follows), after its
/// checksum was verified. Lengths are checked before slicing.
pub fn checked_payload(file: &[u8], block: Block, payload_len: u64) -> Result<&[u8], ReadError> {
    let offset = block.offset();
    let end = offset
        .checked_add(payload_len)
        .and_then(|e| e.checked_add(BLOCK_TRAILER_BYTES as u64))
        .filter(|&e| e <= file.len() as u64)
        .ok_or_else(|| {
            ReadError::malformed(
                block,
                format!(
                    "{payload_len} bytes and a trailer at offset {offset} run past the file's {} bytes",
                    file.len()
                ),
            )
        })?;
    // Both fit in the file's length, so in usize.
    let (start, end) = (offset as usize, end as usize);
    let payload = &file[start..end - BLOCK_TRAILER_BYTES];
    let mut trailer = [0u8; 4];
    trailer.copy_from_slice(&file[end - BLOCK_TRAILER_BYTES..end]);
    let stored = u32::from_le_bytes(trailer);
    let computed = crc32c::crc32c(payload);
    if stored != computed {
        return Err(ReadError::Checksum {
            block,
            stored,
            computed,
        });
    }
    Ok(payload)
}

/// Reads the entries of one verified data block payload in order, checking each.
pub struct BlockCursor<'a> {
    block: Block,
    rest: &'a [u8],
    /// Offset of `rest` in the payload, for error messages.
    at: usize,
    previous: Option<&'a [u8]>,
}

impl<'a> BlockCursor<'a> {
    pub fn new(block: Block, payload: &'a [u8]) -> Self {
        BlockCursor {
            block,
            rest: payload,
            at: 0,
            previous: None,
        }
    }

    /// The next entry, `None` at the end of the block.
    pub fn next_entry(&mut self) -> Option<Result<EntryRef<'a>, ReadError>> {
        if self.rest.is_empty() {
            return None;
        }
        let result = self.decode();
        if result.is_err() {
            self.rest = &[];
        }
        Some(result)
    }

    fn decode(&mut self) -> Result<EntryRef<'a>, ReadError> {
        let at = self.at;
        let bad = |reason: String| {
            ReadError::malformed(self.block, format!("entry at payload byte {at}: {reason}"))
        };
        if self.rest.len() < ENTRY_HEADER_BYTES {
            return Err(bad(format!(
                "{} bytes left, fewer than an entry header",
                self.rest.len()
            )));
        }
        let kind = self.rest[0];
        let key_len = usize::from(u16::from_le_bytes([self.rest[1], self.rest[2]]));
        let value_len =
            u32::from_le_bytes([self.rest[3], self.rest[4], self.rest[5], self.rest[6]]) as usize;
        if key_len > SSTABLE_KEY_BYTES_MAX {
            return Err(bad(format!(
                "key of {key_len} bytes is over the limit of {SSTABLE_KEY_BYTES_MAX}"
            )));
        }
        if value_len > SSTABLE_VALUE_BYTES_MAX {
            return Err(bad(format!(
                "value of {value_len} bytes is over the limit of {SSTABLE_VALUE_BYTES_MAX}"
            )));
        }
        let body = &self.rest[ENTRY_HEADER_BYTES..];
        if key_len + value_len > body.len() {
            return Err(bad(format!(
                "key and value of {} bytes run past the block ({} left)",
                key_len + value_len,
                body.len()
            )));
        }
        let (key, after_key) = body.split_at(key_len);
        let (value_bytes, rest) = after_key.split_at(value_len);
        let value = match kind {
            KIND_PUT => Value::Put(value_bytes),
            KIND_DELETE if value_len == 0 => Value::Delete,
            KIND_DELETE => return Err(bad(format!("a delete with a value of {value_len} bytes"))),
            other => return Err(bad(format!("unknown entry kind {other}"))),
        };
        if let Some(previous) = self.previous {
            if key <= previous {
                return Err(bad("key not greater than the entry before it".into()));
            }
        }
        self.previous = Some(key);
        self.rest = rest;
        self.at += ENTRY_HEADER_BYTES + key_len + value_len;
        Ok(EntryRef { key, value })
    }
}
