//! `SstableWriter`: sorted entries in, the file's bytes out. It does no IO: the caller takes the
//! bytes of finished data blocks as it goes (`ready`, then `take_ready`) or all at once
//! (`finish`) and writes them.

use super::block::{self, Value};
use super::bloom;
use super::error::WriteError;
use super::footer::Footer;
use super::index::{self, IndexEntry, INDEX_ENTRY_FIXED_BYTES, INDEX_HEADER_FIXED_BYTES};
use crate::limits::{
    SSTABLE_BLOCK_BYTES_DEFAULT, SSTABLE_BLOCK_BYTES_MAX, SSTABLE_BLOCK_BYTES_MIN,
    SSTABLE_ENTRIES_MAX, SSTABLE_INDEX_BYTES_MAX, SSTABLE_KEY_BYTES_MAX, SSTABLE_VALUE_BYTES_MAX,
};

/// The engine's writer ([`SstableWriter::new`]) closes a data block only once it holds at least
/// this many times the bytes of its index entry (whose key is the block's last): a table's index
/// is then at most a 64th of its data, whatever its keys' lengths, so that any table up to
/// [`TABLE_DATA_BYTES_INDEXABLE`] has an index within `SSTABLE_INDEX_BYTES_MAX`. With the default 4 KiB target this changes nothing for keys
/// under about 50 bytes; 1 KiB keys get blocks of about 65 KiB.
pub const BLOCK_BYTES_PER_INDEX_BYTE: usize = 64;

/// Data bytes a table may hold with its index certain to fit `SSTABLE_INDEX_BYTES_MAX` (the index
/// header and the open block's entry aside, which the half of the limit left over covers). A flush
/// (a memtable of at most `MEMTABLE_BYTES_MAX`) and a merge (at most `MERGE_INPUT_BYTES_MAX`) stay
/// below it.
pub const TABLE_DATA_BYTES_INDEXABLE: u64 =
    (SSTABLE_INDEX_BYTES_MAX / 2 * BLOCK_BYTES_PER_INDEX_BYTE) as u64;

// The longest index entry's block bound fits a data block, so no block grows past the bounds
// `DATA_BLOCK_BYTES_MAX` assumes.
const _: () = assert!(
    BLOCK_BYTES_PER_INDEX_BYTE * (INDEX_ENTRY_FIXED_BYTES + SSTABLE_KEY_BYTES_MAX)
        <= SSTABLE_BLOCK_BYTES_MAX
);

/// Builds one sstable from entries fed in strictly increasing key order.
pub struct SstableWriter {
    block_bytes_target: usize,
    /// A block closes only once it is this many times its index entry (0: at the target alone).
    block_bytes_per_index_byte: usize,
    /// Finished bytes not yet taken by the caller.
    out: Vec<u8>,
    /// Bytes already taken by the caller (`take_ready`).
    taken: u64,
    /// The data block being filled (payload only).
    block: Vec<u8>,
    smallest_key: Vec<u8>,
    last_key: Vec<u8>,
    /// Encoded index entries of the closed blocks.
    index: Vec<u8>,
    block_count: u32,
    entry_count: u64,
    /// The filter hash of every key, for the filter written at `finish`.
    hashes: Vec<u64>,
}

/// The counts, never the buffered bytes.
impl std::fmt::Debug for SstableWriter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SstableWriter")
            .field("block_bytes_target", &self.block_bytes_target)
            .field("position", &self.position())
            .field("block_count", &self.block_count)
            .field("entry_count", &self.entry_count)
            .finish()
    }
}

impl Default for SstableWriter {
    fn default() -> Self {
        Self::new()
    }
}

impl SstableWriter {
    /// The engine's writer: data blocks close once they reach the default target
    /// (`SSTABLE_BLOCK_BYTES_DEFAULT`, 4 KiB), or [`BLOCK_BYTES_PER_INDEX_BYTE`] times their index
    /// entry if that is more (long keys), so that its index is at most a 64th of its data (plus its
    /// header and the last block's entry, about 2 KiB).
    pub fn new() -> Self {
        let mut writer = Self::with_block_bytes(SSTABLE_BLOCK_BYTES_DEFAULT)
            .expect("the default is within the bounds");
        writer.block_bytes_per_index_byte = BLOCK_BYTES_PER_INDEX_BYTE;
        writer
    }

    /// A writer whose data blocks close exactly once they reach `block_bytes_target` bytes (tests
    /// and tools that want many small blocks): its index is bounded only by
    /// `SSTABLE_INDEX_BYTES_MAX` (past it, `add` answers `TableFull`), not by a share of the data.
    pub fn with_block_bytes(block_bytes_target: usize) -> Result<Self, WriteError> {
        if !(SSTABLE_BLOCK_BYTES_MIN..=SSTABLE_BLOCK_BYTES_MAX).contains(&block_bytes_target) {
            return Err(WriteError::BlockBytesOutOfRange {
                value: block_bytes_target,
                min: SSTABLE_BLOCK_BYTES_MIN,
                max: SSTABLE_BLOCK_BYTES_MAX,
            });
        }
        Ok(SstableWriter {
            block_bytes_target,
            block_bytes_per_index_byte: 0,
            out: Vec::new(),
            taken: 0,
            block: Vec::with_capacity(block_bytes_target + 64),
            smallest_key: Vec::new(),
            last_key: Vec::new(),
            index: Vec::new(),
            block_count: 0,
            entry_count: 0,
            hashes: Vec::new(),
        })
    }

    /// Adds a put.
    pub fn put(&mut self, key: &[u8], value: &[u8]) -> Result<(), WriteError> {
        self.add(key, Value::Put(value))
    }

    /// Adds a tombstone.
    pub fn delete(&mut self, key: &[u8]) -> Result<(), WriteError> {
        self.add(key, Value::Delete)
    }

    /// Adds an entry. Its key must be greater than the previous one's; on an error nothing is
    /// appended and the writer takes the next entry as if this one had not been offered.
    pub fn add(&mut self, key: &[u8], value: Value<'_>) -> Result<(), WriteError> {
        self.add_with_filter_key(key, key, value)
    }

    /// Adds an entry whose bloom filter key is `filter_key` rather than the whole key: a versioned
    /// table (`table::version`) filters on the user key, so that a point read of a key at any
    /// position can skip the table. `filter_key` is a prefix of `key` there; consecutive entries
    /// with the same filter key add it once.
    pub fn add_with_filter_key(
        &mut self,
        key: &[u8],
        filter_key: &[u8],
        value: Value<'_>,
    ) -> Result<(), WriteError> {
        self.check(key, value)?;
        if self.entry_count == 0 {
            self.smallest_key = key.to_vec();
        }
        block::encode_entry(&mut self.block, key, value);
        self.last_key.clear();
        self.last_key.extend_from_slice(key);
        let hash = bloom::hash(filter_key);
        if self.hashes.last() != Some(&hash) {
            self.hashes.push(hash);
        }
        self.entry_count += 1;
        let close_at = self
            .block_bytes_target
            .max(self.block_bytes_per_index_byte * (INDEX_ENTRY_FIXED_BYTES + key.len()));
        if self.block.len() >= close_at {
            self.close_block();
        }
        Ok(())
    }

    fn check(&self, key: &[u8], value: Value<'_>) -> Result<(), WriteError> {
        if key.len() > SSTABLE_KEY_BYTES_MAX {
            return Err(WriteError::KeyTooLong {
                len: key.len(),
                max: SSTABLE_KEY_BYTES_MAX,
            });
        }
        let value_len = value.bytes().len();
        if value_len > SSTABLE_VALUE_BYTES_MAX {
            return Err(WriteError::ValueTooLong {
                len: value_len,
                max: SSTABLE_VALUE_BYTES_MAX,
            });
        }
        if self.entry_count > 0 && key <= self.last_key.as_slice() {
            return Err(WriteError::KeyNotIncreasing {
                key: key.to_vec(),
                previous: self.last_key.clone(),
            });
        }
        if self.entry_count >= SSTABLE_ENTRIES_MAX {
            return Err(WriteError::TableFull {
                what: "entry count",
                max: SSTABLE_ENTRIES_MAX,
            });
        }
        // The index must still fit once the open block and one more are closed, with the header.
        let index_bytes_bound = INDEX_HEADER_FIXED_BYTES
            + SSTABLE_KEY_BYTES_MAX
            + self.index.len()
            + 2 * (INDEX_ENTRY_FIXED_BYTES + SSTABLE_KEY_BYTES_MAX);
        if index_bytes_bound > SSTABLE_INDEX_BYTES_MAX {
            return Err(WriteError::TableFull {
                what: "index bytes",
                max: SSTABLE_INDEX_BYTES_MAX as u64,
            });
        }
        Ok(())
    }

    /// Bytes of the file produced so far (taken or not), the open data block excluded.
    pub fn position(&self) -> u64 {
        self.taken + self.out.len() as u64
    }

    /// Entries added so far.
    pub fn entry_count(&self) -> u64 {
        self.entry_count
    }

    /// The bytes of the data blocks finished and not yet taken: the file's next bytes, to be
    /// written right after those taken before. Lets the caller write a large table with bounded
    /// memory: write these, then [`take_ready`](Self::take_ready).
    pub fn ready(&self) -> &[u8] {
        &self.out
    }

    /// Marks the bytes [`ready`](Self::ready) showed as taken. Their buffer is kept for the next
    /// blocks: a fresh one per step grew from nothing each time (reallocations copying it, and the
    /// kernel zeroing its new pages, in the flush thread's profile).
    pub fn take_ready(&mut self) {
        self.taken += self.out.len() as u64;
        self.out.clear();
    }

    fn close_block(&mut self) {
        debug_assert!(!self.block.is_empty());
        let offset = self.position();
        let start = self.out.len();
        self.out.extend_from_slice(&self.block);
        block::seal(&mut self.out, start);
        let entry = IndexEntry {
            last_key: &self.last_key,
            offset,
            len: self.block.len() as u32,
        };
        index::encode_entry(&mut self.index, &entry);
        self.block_count += 1;
        self.block.clear();
    }

    /// Closes the last data block and appends the index, the filter and the footer. Returns the
    /// file's remaining bytes (the whole file if `take_ready` was never called).
    pub fn finish(mut self) -> Result<Vec<u8>, WriteError> {
        if self.entry_count == 0 {
            return Err(WriteError::Empty);
        }
        if !self.block.is_empty() {
            self.close_block();
        }
        let index_offset = self.position();
        let start = self.out.len();
        index::encode_header(&mut self.out, self.block_count, &self.smallest_key);
        self.out.extend_from_slice(&self.index);
        let index_len = self.out.len() - start;
        block::seal(&mut self.out, start);

        let filter_offset = self.position();
        let start = self.out.len();
        bloom::encode(&mut self.out, &self.hashes);
        let filter_len = self.out.len() - start;
        block::seal(&mut self.out, start);

        let footer = Footer {
            data_block_count: self.block_count,
            entry_count: self.entry_count,
            index_offset,
            index_len: index_len as u32,
            filter_offset,
            filter_len: filter_len as u32,
        };
        footer.encode(&mut self.out);
        Ok(self.out)
    }
}
