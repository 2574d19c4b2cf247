//! The manifest of one shard's tables, format version 1: which sstables hold the shard's state, and
//! up to which commit position they hold it. Sans-IO: `encode` and `decode` over bytes; the caller
//! writes it atomically (temporary file, fdatasync, rename, directory fsync) after the tables it
//! names are durable, so that a manifest never names a table a power cut can take away.
//!
//! ```text
//! 0   8  magic "AORTAMAN"
//! 8   1  format version = 1
//! 9   1  reserved, zero
//! 10  2  shard, u16 little-endian
//! 12  4  table count, u32 little-endian
//! 16  8  flushed position, u64: every batch at or below it is in the tables
//! 24  8  next table number, u64: numbers are never reused
//! 32  8  resource count as of the flushed position, u64
//! 40  8  horizon, u64: compaction dropped versions that only reads below it could see
//! 48  .. tables, newest first, each:
//!        number u64 | min position u64 | max position u64 | bytes u64 | entries u64
//! end 4  CRC32C of every byte before it, u32 little-endian
//! ```
//!
//! Invariants (checked by `decode`, asserted by `encode`): tables are listed newest first and their
//! position ranges are disjoint and descending, none above the flushed position; numbers are unique
//! and below the next table number. Tables of a tiered store cover disjoint, contiguous spans of
//! the log, so "newest first" is one order for every reader.

use crate::limits::TABLES_PER_SHARD_MAX;

pub const MANIFEST_FILE: &str = "MANIFEST";
pub const MAGIC: [u8; 8] = *b"AORTAMAN";
pub const FORMAT_VERSION: u8 = 1;
pub const HEADER_BYTES: usize = 48;
pub const TABLE_ENTRY_BYTES: usize = 40;
pub const TRAILER_BYTES: usize = 4;

/// One sstable the manifest names. `min_position..=max_position` are the positions of the versions
/// it holds (a flush: the memtable's; a compaction: its inputs' together).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TableMeta {
    pub number: u64,
    pub min_position: u64,
    pub max_position: u64,
    pub bytes: u64,
    pub entries: u64,
}

impl TableMeta {
    /// The table's file name: its number in 16 hex digits, so names sort by number.
    pub fn file_name(&self) -> String {
        table_file_name(self.number)
    }
}

pub fn table_file_name(number: u64) -> String {
    format!("{number:016x}.sst")
}

/// The number in a table file name, if `name` is one.
pub fn parse_table_file_name(name: &str) -> Option<u64> {
    let hex = name.strip_suffix(".sst")?;
    if hex.len() != 16 {
        return None;
    }
    u64::from_str_radix(hex, 16).ok()
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Manifest {
    pub shard: u16,
    pub flushed_position: u64,
    pub next_table_number: u64,
    pub resource_count: u64,
    /// Reads at positions below this may miss versions compaction dropped: they are refused.
    pub horizon: u64,
    /// Newest first.
    pub tables: Vec<TableMeta>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ManifestError {
    #[error("not a manifest (wrong size or magic)")]
    NotAManifest,
    #[error("checksum mismatch")]
    Checksum,
    #[error("format version {found} (this build reads {FORMAT_VERSION})")]
    Version { found: u8 },
    #[error("manifest of shard {found}, expected shard {expected}")]
    WrongShard { found: u16, expected: u16 },
    #[error("{0}")]
    Invalid(String),
}

impl Manifest {
    pub fn new(shard: u16) -> Self {
        Manifest {
            shard,
            ..Default::default()
        }
    }

    /// Checks the invariants of the module doc.
    pub fn check(&self) -> Result<(), String> {
        if self.tables.len() > TABLES_PER_SHARD_MAX {
            return Err(format!(
                "{} tables (at most {TABLES_PER_SHARD_MAX})",
                self.tables.len()
            ));
        }
        if self.horizon > self.flushed_position {
            return Err(format!(
                "horizon {} above the flushed position {}",
                self.horizon, self.flushed_position
            ));
        }
        let mut above = self.flushed_position.checked_add(1);
        let mut numbers = std::collections::HashSet::new();
        for table in &self.tables {
            if table.min_position > table.max_position || table.min_position == 0 {
                return Err(format!(
                    "table {} has positions {}..={}",
                    table.number, table.min_position, table.max_position
                ));
            }
            if above.is_some_and(|a| table.max_position >= a) {
                return Err(format!(
                    "table {} (positions {}..={}) is not below the tables newer than it, or the \
                     flushed position {}",
                    table.number, table.min_position, table.max_position, self.flushed_position
                ));
            }
            above = Some(table.min_position);
            if table.number >= self.next_table_number || !numbers.insert(table.number) {
                return Err(format!(
                    "table number {} is repeated or not below the next number {}",
                    table.number, self.next_table_number
                ));
            }
        }
        Ok(())
    }

    pub fn encode(&self) -> Vec<u8> {
        if let Err(reason) = self.check() {
            panic!("encoding an invalid manifest: {reason}");
        }
        let mut out = Vec::with_capacity(
            HEADER_BYTES + self.tables.len() * TABLE_ENTRY_BYTES + TRAILER_BYTES,
        );
        out.extend_from_slice(&MAGIC);
        out.push(FORMAT_VERSION);
        out.push(0);
        out.extend_from_slice(&self.shard.to_le_bytes());
        out.extend_from_slice(&(self.tables.len() as u32).to_le_bytes());
        out.extend_from_slice(&self.flushed_position.to_le_bytes());
        out.extend_from_slice(&self.next_table_number.to_le_bytes());
        out.extend_from_slice(&self.resource_count.to_le_bytes());
        out.extend_from_slice(&self.horizon.to_le_bytes());
        for table in &self.tables {
            for field in [
                table.number,
                table.min_position,
                table.max_position,
                table.bytes,
                table.entries,
            ] {
                out.extend_from_slice(&field.to_le_bytes());
            }
        }
        let crc = crc32c::crc32c(&out);
        out.extend_from_slice(&crc.to_le_bytes());
        out
    }

    /// Decodes a manifest of `shard`; accepts exactly what `encode` produces and never panics.
    pub fn decode(bytes: &[u8], shard: u16) -> Result<Manifest, ManifestError> {
        if bytes.len() < HEADER_BYTES + TRAILER_BYTES || bytes[0..8] != MAGIC {
            return Err(ManifestError::NotAManifest);
        }
        let (body, trailer) = bytes.split_at(bytes.len() - TRAILER_BYTES);
        if u32::from_le_bytes(trailer.try_into().unwrap()) != crc32c::crc32c(body) {
            return Err(ManifestError::Checksum);
        }
        if body[8] != FORMAT_VERSION {
            return Err(ManifestError::Version { found: body[8] });
        }
        let u64_at = |at: usize| u64::from_le_bytes(body[at..at + 8].try_into().unwrap());
        let found_shard = u16::from_le_bytes(body[10..12].try_into().unwrap());
        if found_shard != shard {
            return Err(ManifestError::WrongShard {
                found: found_shard,
                expected: shard,
            });
        }
        let count = u32::from_le_bytes(body[12..16].try_into().unwrap()) as usize;
        if body[9] != 0 {
            return Err(ManifestError::Invalid("a reserved byte is not zero".into()));
        }
        if count > TABLES_PER_SHARD_MAX || body.len() != HEADER_BYTES + count * TABLE_ENTRY_BYTES {
            return Err(ManifestError::Invalid(format!(
                "{count} tables do not fit {} bytes",
                bytes.len()
            )));
        }
        let tables = (0..count)
            .map(|i| {
                let at = HEADER_BYTES + i * TABLE_ENTRY_BYTES;
                TableMeta {
                    number: u64_at(at),
                    min_position: u64_at(at + 8),
                    max_position: u64_at(at + 16),
                    bytes: u64_at(at + 24),
                    entries: u64_at(at + 32),
                }
            })
            .collect();
        let manifest = Manifest {
            shard,
            flushed_position: u64_at(16),
            next_table_number: u64_at(24),
            resource_count: u64_at(32),
            horizon: u64_at(40),
            tables,
        };
        manifest.check().map_err(ManifestError::Invalid)?;
        Ok(manifest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Manifest {
        Manifest {
            shard: 3,
            flushed_position: 900,
            next_table_number: 12,
            resource_count: 77,
            horizon: 600,
            tables: vec![
                TableMeta {
                    number: 11,
                    min_position: 501,
                    max_position: 900,
                    bytes: 4096,
                    entries: 10,
                },
                TableMeta {
                    number: 7,
                    min_position: 1,
                    max_position: 500,
                    bytes: 8192,
                    entries: 20,
                },
            ],
        }
    }

    #[test]
    fn a_manifest_round_trips() {
        let manifest = sample();
        assert_eq!(Manifest::decode(&manifest.encode(), 3), Ok(manifest));
        let empty = Manifest::new(0);
        assert_eq!(Manifest::decode(&empty.encode(), 0), Ok(empty));
    }

    #[test]
    fn every_flipped_bit_and_every_cut_is_refused() {
        let bytes = sample().encode();
        for bit in 0..bytes.len() * 8 {
            let mut damaged = bytes.clone();
            damaged[bit / 8] ^= 1 << (bit % 8);
            assert!(Manifest::decode(&damaged, 3).is_err(), "bit {bit}");
        }
        for len in 0..bytes.len() {
            assert!(Manifest::decode(&bytes[..len], 3).is_err(), "len {len}");
        }
        assert_eq!(
            Manifest::decode(&bytes, 4),
            Err(ManifestError::WrongShard {
                found: 3,
                expected: 4
            })
        );
    }

    #[test]
    fn overlapping_or_misordered_tables_are_refused() {
        let mut manifest = sample();
        manifest.tables.swap(0, 1);
        assert!(manifest.check().is_err());
        let mut manifest = sample();
        manifest.tables[1].max_position = 501;
        assert!(manifest.check().is_err());
        let mut manifest = sample();
        manifest.flushed_position = 899;
        assert!(manifest.check().is_err());
        let mut manifest = sample();
        manifest.tables[1].number = 11;
        assert!(manifest.check().is_err());
    }

    #[test]
    fn table_file_names_round_trip() {
        assert_eq!(table_file_name(0xab), "00000000000000ab.sst");
        assert_eq!(parse_table_file_name("00000000000000ab.sst"), Some(0xab));
        assert_eq!(parse_table_file_name("ab.sst"), None);
        assert_eq!(parse_table_file_name("00000000000000ab.sst.tmp"), None);
    }
}
