//! The 64-byte footer, the last bytes of every sstable. Its size, its magic at 0, its version at 8
//! and its CRC32C at 60 stay where they are in every format version, so a reader checks the CRC
//! first (any flipped bit is a checksum error) and then the version.
//!
//! | offset | size | field |
//! |---|---|---|
//! | 0 | 8 | magic `AORTASST` |
//! | 8 | 1 | format version = 1 |
//! | 9 | 3 | reserved, 0 |
//! | 12 | 4 | data block count (u32), ≥ 1 |
//! | 16 | 8 | entry count (u64), ≥ data block count |
//! | 24 | 8 | index block offset (u64) = bytes of the data blocks and their trailers |
//! | 32 | 4 | index block payload length (u32) |
//! | 36 | 4 | filter block payload length (u32) |
//! | 40 | 8 | filter block offset (u64) = index offset + index length + 4 |
//! | 48 | 12 | reserved, 0 |
//! | 60 | 4 | CRC32C of bytes 0..60 |

use super::block::{BLOCK_TRAILER_BYTES, ENTRY_HEADER_BYTES};
use super::error::{Block, ReadError};
use crate::limits::{SSTABLE_ENTRIES_MAX, SSTABLE_INDEX_BYTES_MAX};

pub const FOOTER_BYTES: usize = 64;
pub const MAGIC: [u8; 8] = *b"AORTASST";
pub const FORMAT_VERSION: u8 = 1;

/// The footer's fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Footer {
    pub data_block_count: u32,
    pub entry_count: u64,
    pub index_offset: u64,
    pub index_len: u32,
    pub filter_offset: u64,
    pub filter_len: u32,
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    let mut x = [0u8; 8];
    x.copy_from_slice(&b[at..at + 8]);
    u64::from_le_bytes(x)
}

impl Footer {
    /// Appends the 64 footer bytes.
    pub fn encode(&self, out: &mut Vec<u8>) {
        let start = out.len();
        out.extend_from_slice(&MAGIC);
        out.push(FORMAT_VERSION);
        out.extend_from_slice(&[0, 0, 0]);
        out.extend_from_slice(&self.data_block_count.to_le_bytes());
        out.extend_from_slice(&self.entry_count.to_le_bytes());
        out.extend_from_slice(&self.index_offset.to_le_bytes());
        out.extend_from_slice(&self.index_len.to_le_bytes());
        out.extend_from_slice(&self.filter_len.to_le_bytes());
        out.extend_from_slice(&self.filter_offset.to_le_bytes());
        out.extend_from_slice(&[0; 12]);
        let crc = crc32c::crc32c(&out[start..]);
        out.extend_from_slice(&crc.to_le_bytes());
        debug_assert_eq!(out.len() - start, FOOTER_BYTES);
    }

    /// Reads the footer at the end of `file` and checks that the layout it describes is exactly the
    /// file: data blocks from 0, then the index, the filter and the footer, with nothing between.
    pub fn decode(file: &[u8]) -> Result<Self, ReadError> {
        let len = file.len() as u64;
        if file.len() < FOOTER_BYTES {
            return Err(ReadError::malformed(
                Block::Footer { offset: 0 },
                format!("the file has {len} bytes, fewer than the {FOOTER_BYTES}-byte footer (truncated?)"),
            ));
        }
        let offset = len - FOOTER_BYTES as u64;
        let block = Block::Footer { offset };
        let b = &file[file.len() - FOOTER_BYTES..];
        let stored = u32_at(b, 60);
        let computed = crc32c::crc32c(&b[..60]);
        if stored != computed {
            return Err(ReadError::Checksum {
                block,
                stored,
                computed,
            });
        }
        let mut magic = [0u8; 8];
        magic.copy_from_slice(&b[0..8]);
        if magic != MAGIC {
            return Err(ReadError::BadMagic {
                block,
                found: magic,
            });
        }
        if b[8] != FORMAT_VERSION {
            return Err(ReadError::UnsupportedVersion {
                block,
                found: b[8],
                supported: FORMAT_VERSION,
            });
        }
        if b[9..12] != [0, 0, 0] || b[48..60].iter().any(|&x| x != 0) {
            return Err(ReadError::malformed(block, "reserved bytes are not zero"));
        }
        let footer = Footer {
            data_block_count: u32_at(b, 12),
            entry_count: u64_at(b, 16),
            index_offset: u64_at(b, 24),
            index_len: u32_at(b, 32),
            filter_len: u32_at(b, 36),
            filter_offset: u64_at(b, 40),
        };
        footer.check(block, offset)?;
        Ok(footer)
    }

    fn check(&self, block: Block, footer_offset: u64) -> Result<(), ReadError> {
        let bad = |reason: String| Err(ReadError::malformed(block, reason));
        if self.data_block_count == 0 {
            return bad("no data block".into());
        }
        if self.entry_count < u64::from(self.data_block_count)
            || self.entry_count > SSTABLE_ENTRIES_MAX
        {
            return bad(format!(
                "{} entries in {} blocks (at most {SSTABLE_ENTRIES_MAX}, at least one per block)",
                self.entry_count, self.data_block_count
            ));
        }
        if self.index_len as usize > SSTABLE_INDEX_BYTES_MAX {
            return bad(format!(
                "index of {} bytes is over the limit of {SSTABLE_INDEX_BYTES_MAX}",
                self.index_len
            ));
        }
        let trailer = BLOCK_TRAILER_BYTES as u64;
        // Every data block holds at least an entry header and a trailer. The sums below are
        // checked: offsets are u64 read from the file.
        let filter_expected = self
            .index_offset
            .checked_add(u64::from(self.index_len) + trailer);
        let end_expected =
            filter_expected.and_then(|f| f.checked_add(u64::from(self.filter_len) + trailer));
        if self.index_offset
            < u64::from(self.data_block_count) * (ENTRY_HEADER_BYTES + BLOCK_TRAILER_BYTES) as u64
            || filter_expected != Some(self.filter_offset)
            || end_expected != Some(footer_offset)
        {
            return bad(format!(
                "layout does not add up: {} data blocks before the index at {} ({} bytes), filter at {} ({} bytes), footer at {footer_offset}",
                self.data_block_count, self.index_offset, self.index_len, self.filter_offset, self.filter_len
            ));
        }
        Ok(())
    }
}
