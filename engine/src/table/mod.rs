//! Tables: the immutable sorted files that the applied state will be flushed to and compacted
//! between (issue 12). Invariants kept by every table module:
//!
//! - **Sans-IO.** A table module encodes to and decodes from byte slices; it never opens, writes,
//!   syncs or maps a file. The caller writes the bytes (temporary file, `fdatasync`, rename,
//!   directory `fsync`) and later hands the reader the file's bytes (a memory map or a read), and it
//!   adds the file's path to the errors, which name the block and its offset.
//! - **Written once.** A table is never modified after it is written; damage is only bit rot or a
//!   lost sector, and every byte of a table is covered by a CRC32C that a reader checks before it
//!   trusts the bytes.
//! - **Bounded.** Keys, values, blocks, entries and the index have limits (`crate::limits`,
//!   `SSTABLE_*`), refused with a typed error by the writer and by the reader.
//!
//! Only the sstable format ([`sstable`]) and the encoding of its keys ([`key`]) exist so far; the
//! memtable, flush and compaction that will use them come later.

pub mod file;
pub mod key;
pub mod manifest;
pub mod memtable;
pub mod scan;
pub mod sstable;
pub mod store;
pub mod version;
