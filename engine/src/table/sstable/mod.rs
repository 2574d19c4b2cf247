//! The sstable file format, version 1: an immutable, sorted table of (key, put value or tombstone)
//! entries, encoded and decoded from byte slices (no IO). `docs/format.md` gives it byte by byte.
//!
//! ```text
//! data block 0 | crc | data block 1 | crc | ... | index block | crc | filter block | crc | footer (64)
//! ```
//!
//! Invariants:
//! - Keys rise strictly through the file: the writer refuses a key not greater than the previous
//!   one, and the reader reports any other order as `Malformed`.
//! - Every byte is covered by a CRC32C: each block's by its 4-byte trailer, the footer's by its
//!   last 4 bytes. A reader checks a block's CRC before it decodes a byte of it, so any single
//!   flipped bit is a `ReadError::Checksum` naming the block (data block number and offset,
//!   index, filter or footer) — never wrong data.
//! - Decoding never panics and never slices past its input: every length is checked against the
//!   bytes left and against its limit first; nothing is allocated from an unchecked length.
//! - The blocks tile the file exactly (data blocks from offset 0, then index, filter, footer), and
//!   the footer's offsets must say so.
//!
//! Limits (`crate::limits`): a key ≤ `SSTABLE_KEY_BYTES_MAX` (1 KiB), a value ≤
//! `SSTABLE_VALUE_BYTES_MAX` (4 MiB), a block target in `SSTABLE_BLOCK_BYTES_MIN..=
//! SSTABLE_BLOCK_BYTES_MAX` (256 B..1 MiB, default 4 KiB; longer for long keys, see `writer`),
//! ≤ `SSTABLE_ENTRIES_MAX` (2^24) entries and at least one, an index ≤ `SSTABLE_INDEX_BYTES_MAX`
//! (64 MiB).
//!
//! The caller owns the IO: it writes the writer's bytes to a temporary file, `fdatasync`s it,
//! renames it and `fsync`s the directory; it gives `Sstable::open` the whole file's bytes and adds
//! the file's path to a `ReadError`.

mod block;
mod bloom;
mod error;
mod footer;
mod index;
mod reader;
mod writer;

pub use block::{EntryRef, Value, BLOCK_TRAILER_BYTES};
pub use bloom::{BITS_PER_KEY, PROBES};
pub use error::{Block, ReadError, WriteError};
pub use footer::{FOOTER_BYTES, FORMAT_VERSION, MAGIC};
pub use index::DATA_BLOCK_BYTES_MAX;
pub use reader::{Range, Sstable};
pub use writer::{SstableWriter, BLOCK_BYTES_PER_INDEX_BYTE, TABLE_DATA_BYTES_INDEXABLE};
