//! The index block: the table's smallest key, then one entry per data block (its last key, offset
//! and payload length), in key order.
//!
//! ```text
//! payload := block_count u32 | smallest_key_len u16 | smallest_key | entry{block_count}
//! entry   := last_key_len u16 | last_key | offset u64 | length u32
//! ```
//!
//! Decoding checks that the blocks tile the data section exactly (the first at 0, each the next
//! after the previous one's trailer, the last ending at the index) and that the keys rise strictly.

use super::block::{BLOCK_TRAILER_BYTES, ENTRY_HEADER_BYTES};
use super::error::{Block, ReadError};
use super::footer::Footer;
use crate::limits::{SSTABLE_BLOCK_BYTES_MAX, SSTABLE_KEY_BYTES_MAX, SSTABLE_VALUE_BYTES_MAX};

/// The largest data block payload: a block closes once it reaches its target, so it holds less than
/// the largest target and then one entry.
pub const DATA_BLOCK_BYTES_MAX: usize = SSTABLE_BLOCK_BYTES_MAX - 1
    + ENTRY_HEADER_BYTES
    + SSTABLE_KEY_BYTES_MAX
    + SSTABLE_VALUE_BYTES_MAX;
/// Bytes of an index entry besides its key.
pub const INDEX_ENTRY_FIXED_BYTES: usize = 2 + 8 + 4;
/// Bytes of the index header besides the smallest key.
pub const INDEX_HEADER_FIXED_BYTES: usize = 4 + 2;

/// Where one data block is, and the last key in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IndexEntry<'a> {
    pub last_key: &'a [u8],
    pub offset: u64,
    pub len: u32,
}

pub fn encode_header(out: &mut Vec<u8>, block_count: u32, smallest_key: &[u8]) {
    out.extend_from_slice(&block_count.to_le_bytes());
    out.extend_from_slice(&(smallest_key.len() as u16).to_le_bytes());
    out.extend_from_slice(smallest_key);
}

pub fn encode_entry(out: &mut Vec<u8>, entry: &IndexEntry<'_>) {
    out.extend_from_slice(&(entry.last_key.len() as u16).to_le_bytes());
    out.extend_from_slice(entry.last_key);
    out.extend_from_slice(&entry.offset.to_le_bytes());
    out.extend_from_slice(&entry.len.to_le_bytes());
}

/// A byte reader that checks every length before it slices.
struct Reader<'a> {
    block: Block,
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], ReadError> {
        if n > self.rest.len() {
            return Err(ReadError::malformed(
                self.block,
                format!("{what}: {n} bytes needed, {} left", self.rest.len()),
            ));
        }
        let (head, tail) = self.rest.split_at(n);
        self.rest = tail;
        Ok(head)
    }

    fn key(&mut self, what: &str) -> Result<&'a [u8], ReadError> {
        let len = self.take(2, what)?;
        let len = usize::from(u16::from_le_bytes([len[0], len[1]]));
        if len > SSTABLE_KEY_BYTES_MAX {
            return Err(ReadError::malformed(
                self.block,
                format!("{what} of {len} bytes is over the limit of {SSTABLE_KEY_BYTES_MAX}"),
            ));
        }
        self.take(len, what)
    }

    fn u32(&mut self, what: &str) -> Result<u32, ReadError> {
        let b = self.take(4, what)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn u64(&mut self, what: &str) -> Result<u64, ReadError> {
        let b = self.take(8, what)?;
        let mut x = [0u8; 8];
        x.copy_from_slice(b);
        Ok(u64::from_le_bytes(x))
    }
}

/// The decoded index: the smallest key and the data blocks.
pub struct Index<'a> {
    pub smallest_key: &'a [u8],
    pub blocks: Vec<IndexEntry<'a>>,
}

/// Decodes a verified index payload against its footer.
pub fn decode<'a>(
    block: Block,
    payload: &'a [u8],
    footer: &Footer,
) -> Result<Index<'a>, ReadError> {
    let mut r = Reader {
        block,
        rest: payload,
    };
    let count = r.u32("block count")?;
    if count != footer.data_block_count {
        return Err(ReadError::malformed(
            block,
            format!(
                "{count} blocks, the footer says {}",
                footer.data_block_count
            ),
        ));
    }
    let smallest_key = r.key("smallest key")?;
    // Bounded before allocating: each entry takes at least its fixed bytes.
    if count as usize > r.rest.len() / INDEX_ENTRY_FIXED_BYTES {
        return Err(ReadError::malformed(
            block,
            format!("{count} entries cannot fit in {} bytes", r.rest.len()),
        ));
    }
    let mut blocks: Vec<IndexEntry<'a>> = Vec::with_capacity(count as usize);
    let mut next_offset = 0u64;
    for number in 0..count {
        let last_key = r.key("last key")?;
        let offset = r.u64("block offset")?;
        let len = r.u32("block length")?;
        let bad = |reason: String| {
            Err(ReadError::malformed(
                block,
                format!("entry {number}: {reason}"),
            ))
        };
        if offset != next_offset {
            return bad(format!(
                "data block at offset {offset}, expected {next_offset}"
            ));
        }
        if (len as usize) < ENTRY_HEADER_BYTES || len as usize > DATA_BLOCK_BYTES_MAX {
            return bad(format!(
                "data block of {len} bytes, outside {ENTRY_HEADER_BYTES}..={DATA_BLOCK_BYTES_MAX}"
            ));
        }
        let previous = blocks.last().map_or(smallest_key, |e| e.last_key);
        let in_order = if blocks.is_empty() {
            previous <= last_key
        } else {
            previous < last_key
        };
        if !in_order {
            return bad("last keys do not rise strictly from the smallest key".into());
        }
        next_offset = offset + u64::from(len) + BLOCK_TRAILER_BYTES as u64;
        blocks.push(IndexEntry {
            last_key,
            offset,
            len,
        });
    }
    if !r.rest.is_empty() {
        return Err(ReadError::malformed(
            block,
            format!("{} bytes left after the last entry", r.rest.len()),
        ));
    }
    if next_offset != footer.index_offset {
        return Err(ReadError::malformed(
            block,
            format!(
                "data blocks end at {next_offset}, but the index is at {}",
                footer.index_offset
            ),
        ));
    }
    Ok(Index {
        smallest_key,
        blocks,
    })
}
