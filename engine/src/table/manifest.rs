//! The manifest of one shard's tables, format version 2: which sstables hold the shard's state, up
//! to which commit position they hold it, and which history files hold its changes. Sans-IO: `encode` and `decode` over bytes; the caller
//! writes it atomically (temporary file, fdatasync, rename, directory fsync) after the tables it
//! names are durable, so that a manifest never names a table a power cut can take away.
//!
//! ```text
//! 0   8  magic "AORTAMAN"
//! 8   1  format version = 2
//! 9   1  reserved, zero
//! 10  2  shard, u16 little-endian
//! 12  4  table count, u32 little-endian
//! 16  8  flushed position, u64: every batch at or below it is in the tables
//! 24  8  next table number, u64: numbers are never reused
//! 32  8  resource count as of the flushed position, u64
//! 40  8  horizon, u64: compaction dropped versions that only reads below it could see
//! 48  8  history horizon, u64: the changes at or below it were dropped from the history
//! 56  4  history file count, u32 little-endian
//! 60  4  reserved, zero
//! 64  .. tables, newest first, each (40 bytes):
//!        number u64 | min position u64 | max position u64 | bytes u64 | entries u64
//! ..  .. history files, oldest first, each (56 bytes):
//!        number u64 | first position u64 | last position u64 | changes u64 | bytes u64 |
//!        oldest commit time (ms) u64 | newest commit time (ms) u64
//! end 4  CRC32C of every byte before it, u32 little-endian
//! ```
//! Every integer is little-endian.
//!
//! Invariants (checked by `decode`, asserted by `encode`): tables are listed newest first and their
//! position ranges are disjoint and descending, none above the flushed position; numbers (of tables
//! and history files: one number space) are unique and below the next table number. Tables of a
//! tiered store cover disjoint, contiguous spans of the log, so "newest first" is one order for
//! every reader. History files cover `history horizon + 1 ..= flushed position` exactly: the first
//! begins one past the history horizon, each next one past the previous one's last position, the
//! last ends at the flushed position (no file: the history horizon is the flushed position). At most
//! `HISTORY_FILES_MAX` history files.
//!
//! Format 1 (no history fields, 48-byte header) is read as a manifest with no history file and the
//! history horizon at its flushed position: the changes before it were never written to a file.

use crate::limits::{HISTORY_FILES_MAX, TABLES_PER_SHARD_MAX};

pub const MANIFEST_FILE: &str = "MANIFEST";
pub const MAGIC: [u8; 8] = *b"AORTAMAN";
pub const FORMAT_VERSION: u8 = 2;
/// The previous format, still read.
pub const FORMAT_VERSION_1: u8 = 1;
pub const HEADER_BYTES: usize = 64;
pub const HEADER_BYTES_V1: usize = 48;
pub const TABLE_ENTRY_BYTES: usize = 40;
pub const HISTORY_ENTRY_BYTES: usize = 56;
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

/// One history file the manifest names: the changes at positions `first_position..=last_position`
/// (every change of the flush that wrote it; a span may hold no change at some positions).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HistoryMeta {
    pub number: u64,
    pub first_position: u64,
    pub last_position: u64,
    pub changes: u64,
    pub bytes: u64,
    pub oldest_commit_ms: u64,
    pub newest_commit_ms: u64,
}

impl HistoryMeta {
    pub fn file_name(&self) -> String {
        history_file_name(self.number)
    }
}

/// A history file's name: its number in 16 hex digits and `.hist`.
pub fn history_file_name(number: u64) -> String {
    format!("{number:016x}.hist")
}

/// The number in a table or history file name, if `name` is one.
pub fn parse_numbered_file_name(name: &str) -> Option<u64> {
    let hex = name
        .strip_suffix(".sst")
        .or_else(|| name.strip_suffix(".hist"))?;
    if hex.len() != 16 {
        return None;
    }
    u64::from_str_radix(hex, 16).ok()
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
    /// The history's changes at or below this position were dropped (see the module doc).
    pub history_horizon: u64,
    /// Oldest first; they cover `history_horizon + 1 ..= flushed_position`.
    pub history: Vec<HistoryMeta>,
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
        let mut numbers = std::collections::HashSet::new();
        self.check_history(&mut numbers)?;
        let mut above = self.flushed_position.checked_add(1);
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

    fn check_history(&self, numbers: &mut std::collections::HashSet<u64>) -> Result<(), String> {
        if self.history.len() > HISTORY_FILES_MAX {
            return Err(format!(
                "{} history files (at most {HISTORY_FILES_MAX})",
                self.history.len()
            ));
        }
        let mut next_first = self.history_horizon.checked_add(1);
        for file in &self.history {
            if Some(file.first_position) != next_first || file.last_position < file.first_position {
                return Err(format!(
                    "history file {} (positions {}..={}) does not begin one past the history \
                     horizon {} or the file before it",
                    file.number, file.first_position, file.last_position, self.history_horizon
                ));
            }
            if file.oldest_commit_ms > file.newest_commit_ms || file.changes == 0 {
                return Err(format!(
                    "history file {} has {} changes and commit times {}..={}",
                    file.number, file.changes, file.oldest_commit_ms, file.newest_commit_ms
                ));
            }
            if file.number >= self.next_table_number || !numbers.insert(file.number) {
                return Err(format!(
                    "history file number {} is repeated or not below the next number {}",
                    file.number, self.next_table_number
                ));
            }
            next_first = file.last_position.checked_add(1);
        }
        if next_first != self.flushed_position.checked_add(1) {
            return Err(format!(
                "the history files end at {}, not at the flushed position {}",
                next_first.map_or(u64::MAX, |n| n - 1),
                self.flushed_position
            ));
        }
        Ok(())
    }

    pub fn encode(&self) -> Vec<u8> {
        if let Err(reason) = self.check() {
            panic!("encoding an invalid manifest: {reason}");
        }
        let mut out = Vec::with_capacity(
            HEADER_BYTES
                + self.tables.len() * TABLE_ENTRY_BYTES
                + self.history.len() * HISTORY_ENTRY_BYTES
                + TRAILER_BYTES,
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
        out.extend_from_slice(&self.history_horizon.to_le_bytes());
        out.extend_from_slice(&(self.history.len() as u32).to_le_bytes());
        out.extend_from_slice(&0u32.to_le_bytes());
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
        for file in &self.history {
            for field in [
                file.number,
                file.first_position,
                file.last_position,
                file.changes,
                file.bytes,
                file.oldest_commit_ms,
                file.newest_commit_ms,
            ] {
                out.extend_from_slice(&field.to_le_bytes());
            }
        }
        let crc = crc32c::crc32c(&out);
        out.extend_from_slice(&crc.to_le_bytes());
        out
    }

    /// Decodes a manifest of `shard` (format 2, or 1); accepts exactly what `encode` produces (and
    /// format 1's encoder did) and never panics.
    pub fn decode(bytes: &[u8], shard: u16) -> Result<Manifest, ManifestError> {
        if bytes.len() < HEADER_BYTES_V1 + TRAILER_BYTES || bytes[0..8] != MAGIC {
            return Err(ManifestError::NotAManifest);
        }
        let (body, trailer) = bytes.split_at(bytes.len() - TRAILER_BYTES);
        if u32::from_le_bytes(trailer.try_into().unwrap()) != crc32c::crc32c(body) {
            return Err(ManifestError::Checksum);
        }
        let version = body[8];
        if version != FORMAT_VERSION && version != FORMAT_VERSION_1 {
            return Err(ManifestError::Version { found: version });
        }
        let u64_at = |at: usize| u64::from_le_bytes(body[at..at + 8].try_into().unwrap());
        let u32_at = |at: usize| u32::from_le_bytes(body[at..at + 4].try_into().unwrap());
        let found_shard = u16::from_le_bytes(body[10..12].try_into().unwrap());
        if found_shard != shard {
            return Err(ManifestError::WrongShard {
                found: found_shard,
                expected: shard,
            });
        }
        if body[9] != 0 {
            return Err(ManifestError::Invalid("a reserved byte is not zero".into()));
        }
        let count = u32_at(12) as usize;
        let (header, history_count, history_horizon) = if version == FORMAT_VERSION_1 {
            (HEADER_BYTES_V1, 0, u64_at(16))
        } else {
            if body.len() < HEADER_BYTES {
                return Err(ManifestError::NotAManifest);
            }
            if u32_at(60) != 0 {
                return Err(ManifestError::Invalid(
                    "a reserved field is not zero".into(),
                ));
            }
            (HEADER_BYTES, u32_at(56) as usize, u64_at(48))
        };
        if count > TABLES_PER_SHARD_MAX
            || history_count > HISTORY_FILES_MAX
            || body.len()
                != header + count * TABLE_ENTRY_BYTES + history_count * HISTORY_ENTRY_BYTES
        {
            return Err(ManifestError::Invalid(format!(
                "{count} tables and {history_count} history files do not fit {} bytes",
                bytes.len()
            )));
        }
        let tables = (0..count)
            .map(|i| {
                let at = header + i * TABLE_ENTRY_BYTES;
                TableMeta {
                    number: u64_at(at),
                    min_position: u64_at(at + 8),
                    max_position: u64_at(at + 16),
                    bytes: u64_at(at + 24),
                    entries: u64_at(at + 32),
                }
            })
            .collect();
        let history = (0..history_count)
            .map(|i| {
                let at = header + count * TABLE_ENTRY_BYTES + i * HISTORY_ENTRY_BYTES;
                HistoryMeta {
                    number: u64_at(at),
                    first_position: u64_at(at + 8),
                    last_position: u64_at(at + 16),
                    changes: u64_at(at + 24),
                    bytes: u64_at(at + 32),
                    oldest_commit_ms: u64_at(at + 40),
                    newest_commit_ms: u64_at(at + 48),
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
            history_horizon,
            history,
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
            history_horizon: 500,
            history: vec![
                HistoryMeta {
                    number: 8,
                    first_position: 501,
                    last_position: 700,
                    changes: 250,
                    bytes: 10_000,
                    oldest_commit_ms: 1_000,
                    newest_commit_ms: 2_000,
                },
                HistoryMeta {
                    number: 10,
                    first_position: 701,
                    last_position: 900,
                    changes: 3,
                    bytes: 900,
                    oldest_commit_ms: 2_000,
                    newest_commit_ms: 2_500,
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
    fn history_files_must_cover_the_horizon_to_the_flushed_position() {
        let mut manifest = sample();
        manifest.history_horizon = 499;
        assert!(manifest.check().is_err(), "a gap after the horizon");
        let mut manifest = sample();
        manifest.history[1].first_position = 702;
        assert!(manifest.check().is_err(), "a gap between files");
        let mut manifest = sample();
        manifest.history[1].last_position = 899;
        assert!(
            manifest.check().is_err(),
            "ends before the flushed position"
        );
        let mut manifest = sample();
        manifest.history[0].number = 11;
        assert!(manifest.check().is_err(), "a number a table holds");
        let mut manifest = sample();
        manifest.history.clear();
        assert!(
            manifest.check().is_err(),
            "no file but a horizon below the flushed position"
        );
        manifest.history_horizon = 900;
        assert!(manifest.check().is_ok());
    }

    #[test]
    fn a_format_1_manifest_reads_with_no_history_from_its_flushed_position() {
        let mut v1 = Vec::new();
        v1.extend_from_slice(&MAGIC);
        v1.extend_from_slice(&[FORMAT_VERSION_1, 0]);
        v1.extend_from_slice(&3u16.to_le_bytes());
        v1.extend_from_slice(&0u32.to_le_bytes());
        for field in [900u64, 12, 77, 600] {
            v1.extend_from_slice(&field.to_le_bytes());
        }
        let crc = crc32c::crc32c(&v1);
        v1.extend_from_slice(&crc.to_le_bytes());
        let manifest = Manifest::decode(&v1, 3).unwrap();
        assert_eq!(manifest.history_horizon, 900);
        assert!(manifest.history.is_empty());
        assert_eq!(manifest.flushed_position, 900);
    }

    #[test]
    fn table_file_names_round_trip() {
        assert_eq!(table_file_name(0xab), "00000000000000ab.sst");
        assert_eq!(parse_table_file_name("00000000000000ab.sst"), Some(0xab));
        assert_eq!(parse_table_file_name("ab.sst"), None);
        assert_eq!(parse_table_file_name("00000000000000ab.sst.tmp"), None);
        assert_eq!(history_file_name(0xab), "00000000000000ab.hist");
        assert_eq!(
            parse_numbered_file_name("00000000000000ab.hist"),
            Some(0xab)
        );
        assert_eq!(parse_numbered_file_name("00000000000000ab.sst"), Some(0xab));
        assert_eq!(parse_numbered_file_name("00000000000000ab.hist.tmp"), None);
    }
}
