//! `Sstable`: a reader over a whole table's bytes (a memory map or a buffer). It borrows from the
//! bytes and never copies a key or a value. `open` verifies the footer, the index and the filter;
//! a data block is verified (CRC32C) each time it is read.

use std::ops::RangeFrom;

use super::block::{self, BlockCursor, EntryRef, BLOCK_TRAILER_BYTES};
use super::bloom::Filter;
use super::error::{Block, ReadError};
use super::footer::Footer;
use super::index::{self, IndexEntry};

/// An open sstable, borrowing the file's bytes.
pub struct Sstable<'a> {
    file: &'a [u8],
    footer: Footer,
    smallest_key: &'a [u8],
    blocks: Vec<IndexEntry<'a>>,
    filter: Filter<'a>,
}

/// The footer's figures and the key range; never the file's bytes.
impl std::fmt::Debug for Sstable<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sstable")
            .field("bytes", &self.file.len())
            .field("footer", &self.footer)
            .field("first_key", &self.smallest_key)
            .field("last_key", &self.last_key())
            .finish()
    }
}

impl<'a> Sstable<'a> {
    /// Opens a table: checks the footer, then verifies and decodes the index and the filter. The
    /// data blocks are verified when they are read.
    pub fn open(file: &'a [u8]) -> Result<Self, ReadError> {
        let footer = Footer::decode(file)?;
        let index_block = Block::Index {
            offset: footer.index_offset,
        };
        let payload = block::checked_payload(file, index_block, u64::from(footer.index_len))?;
        let index = index::decode(index_block, payload, &footer)?;
        let filter_block = Block::Filter {
            offset: footer.filter_offset,
        };
        let payload = block::checked_payload(file, filter_block, u64::from(footer.filter_len))?;
        let filter = Filter::decode(filter_block, payload)?;
        Ok(Sstable {
            file,
            footer,
            smallest_key: index.smallest_key,
            blocks: index.blocks,
            filter,
        })
    }

    /// The smallest key in the table.
    pub fn first_key(&self) -> &'a [u8] {
        self.smallest_key
    }

    /// The largest key in the table.
    pub fn last_key(&self) -> &'a [u8] {
        // open checked that there is at least one block.
        self.blocks.last().map_or(self.smallest_key, |b| b.last_key)
    }

    /// Entries (puts and tombstones), as the footer records them.
    pub fn entry_count(&self) -> u64 {
        self.footer.entry_count
    }

    pub fn data_block_count(&self) -> u32 {
        self.footer.data_block_count
    }

    /// Every block of the file with its extent (payload and trailer; the footer's 64 bytes), in file
    /// order: data blocks, index, filter, footer. For tools and tests that point at damage.
    pub fn block_extents(&self) -> Vec<(Block, std::ops::Range<u64>)> {
        let trailer = BLOCK_TRAILER_BYTES as u64;
        let mut extents: Vec<(Block, std::ops::Range<u64>)> = self
            .blocks
            .iter()
            .enumerate()
            .map(|(number, b)| {
                let block = Block::Data {
                    number: number as u32,
                    offset: b.offset,
                };
                (block, b.offset..b.offset + u64::from(b.len) + trailer)
            })
            .collect();
        let f = &self.footer;
        let index_end = f.index_offset + u64::from(f.index_len) + trailer;
        let filter_end = f.filter_offset + u64::from(f.filter_len) + trailer;
        extents.push((
            Block::Index {
                offset: f.index_offset,
            },
            f.index_offset..index_end,
        ));
        extents.push((
            Block::Filter {
                offset: f.filter_offset,
            },
            f.filter_offset..filter_end,
        ));
        extents.push((
            Block::Footer { offset: filter_end },
            filter_end..self.file.len() as u64,
        ));
        extents
    }

    /// False only if `key` is certainly not in the table (the bloom filter).
    pub fn may_contain(&self, key: &[u8]) -> bool {
        self.filter.may_contain(key)
    }

    /// The entry for `key` (a put or a tombstone), or `None` if the table has none.
    pub fn get(&self, key: &[u8]) -> Result<Option<EntryRef<'a>>, ReadError> {
        if !self.filter.may_contain(key) {
            return Ok(None);
        }
        let number = self.blocks.partition_point(|b| b.last_key < key);
        if number == self.blocks.len() {
            return Ok(None);
        }
        for entry in self.block_entries(number)? {
            let entry = entry?;
            if entry.key == key {
                return Ok(Some(entry));
            }
            if entry.key > key {
                return Ok(None);
            }
        }
        Ok(None)
    }

    /// Every entry in key order.
    pub fn iter(&self) -> Range<'_, 'a> {
        self.range(&[][..]..)
    }

    /// The entries with a key at or after `from.start`, in key order. After an error the iterator
    /// ends.
    pub fn range(&self, from: RangeFrom<&[u8]>) -> Range<'_, 'a> {
        let start = from.start;
        let number = self.blocks.partition_point(|b| b.last_key < start);
        let mut range = Range {
            table: self,
            next_block: number,
            current: None,
            pending: None,
        };
        // Skip the entries of the first block below `start`, keeping the first one at or after it.
        while let Some(item) = range.next() {
            match item {
                Ok(entry) if entry.key < start => continue,
                other => {
                    range.pending = Some(other);
                    break;
                }
            }
        }
        range
    }

    fn block_entries(&self, number: usize) -> Result<BlockEntries<'a>, ReadError> {
        let entry = self.blocks[number];
        let block = Block::Data {
            number: number as u32,
            offset: entry.offset,
        };
        let payload = block::checked_payload(self.file, block, u64::from(entry.len))?;
        let after = if number == 0 {
            None
        } else {
            Some(self.blocks[number - 1].last_key)
        };
        Ok(BlockEntries {
            block,
            cursor: BlockCursor::new(block, payload),
            smallest_key: self.smallest_key,
            after,
            last_key: entry.last_key,
            seen: None,
            done: false,
        })
    }
}

/// The entries of one verified data block, checked against the index: the first key of block 0 is
/// the table's smallest key, the first key of block i is above block i-1's last key, and the block
/// ends exactly at its index last key.
struct BlockEntries<'a> {
    block: Block,
    cursor: BlockCursor<'a>,
    smallest_key: &'a [u8],
    after: Option<&'a [u8]>,
    last_key: &'a [u8],
    seen: Option<&'a [u8]>,
    done: bool,
}

impl<'a> Iterator for BlockEntries<'a> {
    type Item = Result<EntryRef<'a>, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let item = match self.cursor.next_entry() {
            Some(Ok(entry)) => self.check(entry),
            Some(Err(e)) => Err(e),
            None if self.seen == Some(self.last_key) => {
                self.done = true;
                return None;
            }
            None => Err(ReadError::malformed(
                self.block,
                "the block ends before the last key its index entry names",
            )),
        };
        if item.is_err() {
            self.done = true;
        }
        Some(item)
    }
}

impl<'a> BlockEntries<'a> {
    fn check(&mut self, entry: EntryRef<'a>) -> Result<EntryRef<'a>, ReadError> {
        if self.seen.is_none() {
            let first_ok = match self.after {
                None => entry.key == self.smallest_key,
                Some(after) => entry.key > after,
            };
            if !first_ok {
                return Err(ReadError::malformed(
                    self.block,
                    "its first key does not follow the block before it",
                ));
            }
        }
        if entry.key > self.last_key {
            return Err(ReadError::malformed(
                self.block,
                "a key above the last key its index entry names",
            ));
        }
        self.seen = Some(entry.key);
        Ok(entry)
    }
}

/// A forward iterator over a table's entries, from a start key. Fused: after an error, `None`.
pub struct Range<'t, 'a> {
    table: &'t Sstable<'a>,
    next_block: usize,
    current: Option<BlockEntries<'a>>,
    pending: Option<Result<EntryRef<'a>, ReadError>>,
}

impl<'a> Iterator for Range<'_, 'a> {
    type Item = Result<EntryRef<'a>, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(item) = self.pending.take() {
            if item.is_err() {
                self.stop();
            }
            return Some(item);
        }
        loop {
            if let Some(current) = &mut self.current {
                match current.next() {
                    Some(Ok(entry)) => return Some(Ok(entry)),
                    Some(Err(e)) => {
                        self.stop();
                        return Some(Err(e));
                    }
                    None => self.current = None,
                }
            }
            if self.next_block >= self.table.blocks.len() {
                return None;
            }
            match self.table.block_entries(self.next_block) {
                Ok(entries) => {
                    self.current = Some(entries);
                    self.next_block += 1;
                }
                Err(e) => {
                    self.stop();
                    return Some(Err(e));
                }
            }
        }
    }
}

impl Range<'_, '_> {
    fn stop(&mut self) {
        self.current = None;
        self.next_block = self.table.blocks.len();
    }
}
