//! The errors of the sstable writer and reader. A read error always names the block (data block
//! number, index, filter or footer) and its offset in the file; the caller adds the file's path.

use std::fmt;

/// A block of an sstable file, with the offset of its first byte in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Block {
    /// Data block `number` (0-based, in key order).
    Data { number: u32, offset: u64 },
    /// The index block.
    Index { offset: u64 },
    /// The bloom filter block.
    Filter { offset: u64 },
    /// The 64-byte footer at the end of the file.
    Footer { offset: u64 },
}

impl Block {
    /// The offset of the block's first byte in the file.
    pub fn offset(&self) -> u64 {
        match *self {
            Block::Data { offset, .. }
            | Block::Index { offset }
            | Block::Filter { offset }
            | Block::Footer { offset } => offset,
        }
    }
}

impl fmt::Display for Block {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Block::Data { number, offset } => write!(f, "data block {number} at offset {offset}"),
            Block::Index { offset } => write!(f, "index block at offset {offset}"),
            Block::Filter { offset } => write!(f, "filter block at offset {offset}"),
            Block::Footer { offset } => write!(f, "footer at offset {offset}"),
        }
    }
}

/// Why an sstable's bytes were refused. Every variant names the block; the table must not be used
/// (restore it from a replica or rebuild it from the log).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    /// The block's CRC32C does not match its bytes: bit rot, a lost sector, or not an sstable.
    #[error("sstable {block} is damaged: CRC32C stored {stored:#010x}, computed {computed:#010x}")]
    Checksum {
        block: Block,
        stored: u32,
        computed: u32,
    },
    /// The footer's checksum holds but its magic is not `AORTASST`: not an sstable.
    #[error("sstable {block}: magic {found:02x?} is not AORTASST; not an sstable file")]
    BadMagic { block: Block, found: [u8; 8] },
    /// The footer names a format version this reader does not know; use a newer Aorta.
    #[error(
        "sstable {block}: format version {found} is not supported (this reader knows {supported})"
    )]
    UnsupportedVersion {
        block: Block,
        found: u8,
        supported: u8,
    },
    /// The bytes pass their checksum but break a rule of the format (a length past the block, keys
    /// out of order, a limit exceeded, a file too short for its footer). A writer bug or a forged file.
    #[error("sstable {block} is malformed: {reason}")]
    Malformed { block: Block, reason: String },
}

impl ReadError {
    /// The block the error is about.
    pub fn block(&self) -> Block {
        match *self {
            ReadError::Checksum { block, .. }
            | ReadError::BadMagic { block, .. }
            | ReadError::UnsupportedVersion { block, .. }
            | ReadError::Malformed { block, .. } => block,
        }
    }

    pub(crate) fn malformed(block: Block, reason: impl Into<String>) -> Self {
        ReadError::Malformed {
            block,
            reason: reason.into(),
        }
    }
}

/// Why the writer refused an entry or a configuration. Nothing was appended; the writer is unchanged
/// and can take the next entry.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum WriteError {
    /// Keys must rise strictly: the key is not greater than the one before it.
    #[error("sstable key {key:02x?} is not greater than the previous key {previous:02x?}; feed keys in strictly increasing order")]
    KeyNotIncreasing { key: Vec<u8>, previous: Vec<u8> },
    /// The key is longer than `SSTABLE_KEY_BYTES_MAX`.
    #[error("sstable key of {len} bytes is longer than the limit of {max} bytes")]
    KeyTooLong { len: usize, max: usize },
    /// The value is longer than `SSTABLE_VALUE_BYTES_MAX`.
    #[error("sstable value of {len} bytes is longer than the limit of {max} bytes")]
    ValueTooLong { len: usize, max: usize },
    /// The table already holds `SSTABLE_ENTRIES_MAX` entries, or its index would pass
    /// `SSTABLE_INDEX_BYTES_MAX`: finish this table and start another.
    #[error(
        "sstable is full: {what} would pass its limit of {max}; finish it and start another table"
    )]
    TableFull { what: &'static str, max: u64 },
    /// `finish` on a writer that took no entry: an sstable holds at least one.
    #[error("an sstable must hold at least one entry")]
    Empty,
    /// The block target size is outside `SSTABLE_BLOCK_BYTES_MIN..=SSTABLE_BLOCK_BYTES_MAX`.
    #[error("sstable block target of {value} bytes is outside {min}..={max}")]
    BlockBytesOutOfRange {
        value: usize,
        min: usize,
        max: usize,
    },
}
