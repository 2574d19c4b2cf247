//! Recovery's reading of one segment: a pure function from bytes to records and a verdict on how the
//! segment ends. No IO, so every kind of damage is tested on plain byte arrays.
//!
//! The verdict at the first offset where no valid record starts (the segment simply ending there is
//! a clean end):
//! - this is not the last segment: **corrupt** (a closed segment was synced whole before the next
//!   one was created, so it cannot have a torn tail);
//! - the rest of the segment is zero: a torn tail (zeros are cut);
//! - a valid record follows anywhere after this offset: **corrupt** (a torn write is always the
//!   last write, so nothing valid can follow it);
//! - the record runs past the end of the file: a **torn tail**, cut by recovery;
//! - the damage lies where zero-filled sectors reach to the end of the file: a **torn tail**;
//! - otherwise (a whole record with wrong bytes, a non-zero wrong version, kind or length):
//!   **corrupt**: a torn write leaves a prefix of the right bytes, never wrong ones.
//!
//! Positions must rise strictly from record to record; a position that does not is corrupt.

use super::record::{self, RecordRef, RECORD_HEADER_BYTES};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScanEnd {
    /// The valid records run to the end of the bytes.
    Clean,
    /// The bytes from `offset` on are an unfinished write (or zeros); recovery cuts them.
    TornTail { offset: usize, reason: String },
    /// Damage that cannot be a torn tail; recovery must stop.
    Corrupt { offset: usize, reason: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScanOutcome {
    /// Bytes up to the end of the last valid record.
    pub valid_len: usize,
    /// Position of the last valid record, or `after_position` if there was none.
    pub last_position: u64,
    pub end: ScanEnd,
}

/// Reads the records of `bytes` from `start`; each must have a position above the previous one (the
/// first above `after_position`). `visit` gets each record with its offset; an error from it stops
/// the scan as corruption at that offset.
pub fn scan(
    bytes: &[u8],
    start: usize,
    after_position: u64,
    is_last_segment: bool,
    visit: &mut dyn FnMut(usize, RecordRef<'_>) -> Result<(), String>,
) -> ScanOutcome {
    let mut offset = start;
    let mut last_position = after_position;
    let outcome = |offset, last_position, end| ScanOutcome {
        valid_len: offset,
        last_position,
        end,
    };
    while offset < bytes.len() {
        let rest = &bytes[offset..];
        match record::decode(rest) {
            Ok(record) => {
                if record.position <= last_position {
                    let reason = format!(
                        "record position {} does not follow position {last_position}",
                        record.position
                    );
                    return outcome(offset, last_position, ScanEnd::Corrupt { offset, reason });
                }
                if let Err(reason) = visit(offset, record) {
                    return outcome(offset, last_position, ScanEnd::Corrupt { offset, reason });
                }
                last_position = record.position;
                offset += record.encoded_len();
            }
            Err(error) => {
                let end = judge_damage(bytes, offset, last_position, is_last_segment, &error);
                return outcome(offset, last_position, end);
            }
        }
    }
    outcome(offset, last_position, ScanEnd::Clean)
}

fn judge_damage(
    bytes: &[u8],
    offset: usize,
    last_position: u64,
    is_last_segment: bool,
    error: &record::DecodeError,
) -> ScanEnd {
    let corrupt = |reason: String| ScanEnd::Corrupt { offset, reason };
    if !is_last_segment {
        return corrupt(format!("{error} inside a closed segment"));
    }
    let rest = &bytes[offset..];
    if rest.iter().all(|&b| b == 0) {
        return ScanEnd::TornTail {
            offset,
            reason: "zero-filled tail".into(),
        };
    }
    if let Some(next) = find_valid_record_after(bytes, offset + 1, last_position) {
        return corrupt(format!(
            "{error}, but a valid record follows at offset {next}, so this is not a torn tail"
        ));
    }
    // A torn write leaves a prefix of the right bytes, then the end of the file or zero-filled
    // sectors. A record cut by the end of the file is torn; damage that only zero-filled sectors
    // can explain is torn; anything else (a whole record with wrong bytes, a non-zero wrong version
    // or kind) is corruption.
    let record_end = match error {
        record::DecodeError::Truncated { .. } => {
            return ScanEnd::TornTail {
                offset,
                reason: error.to_string(),
            }
        }
        record::DecodeError::ChecksumMismatch { .. } => offset + record::encoded_len_at(rest),
        _ => bytes.len(),
    };
    if zero_filled_sector_within(bytes, offset, record_end) {
        return ScanEnd::TornTail {
            offset,
            reason: format!("{error}, explained by zero-filled sectors at the end of the file"),
        };
    }
    corrupt(format!(
        "{error} in a record that a torn write cannot explain"
    ))
}

/// Sector size assumed for torn writes: a write that did not finish leaves whole sectors unwritten,
/// which read back as zeros.
const SECTOR_BYTES: usize = 512;

/// True if, from some sector boundary after `start` and before `end`, every byte up to the end of the
/// file is zero: the damage in `start..end` may be sectors that never reached the disk.
fn zero_filled_sector_within(bytes: &[u8], start: usize, end: usize) -> bool {
    let zero_run_start = bytes.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
    let boundary = zero_run_start.max(start + 1).next_multiple_of(SECTOR_BYTES);
    boundary < end.min(bytes.len())
}

fn find_valid_record_after(bytes: &[u8], from: usize, last_position: u64) -> Option<usize> {
    let end = bytes.len().checked_sub(RECORD_HEADER_BYTES)?;
    // `decode` rejects a bad header before it computes any checksum, so this scan stays cheap.
    (from..=end)
        .find(|&p| matches!(record::decode(&bytes[p..]), Ok(r) if r.position > last_position))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wal::record::{encode, RecordKind};

    fn log_of(positions: &[u64]) -> (Vec<u8>, Vec<usize>) {
        let mut bytes = Vec::new();
        let mut offsets = Vec::new();
        for &p in positions {
            offsets.push(bytes.len());
            encode(
                RecordKind::Batch,
                p,
                format!("payload {p}").as_bytes(),
                &mut bytes,
            );
        }
        (bytes, offsets)
    }

    fn run(bytes: &[u8], last: bool) -> (ScanOutcome, Vec<u64>) {
        let mut seen = Vec::new();
        let outcome = scan(bytes, 0, 0, last, &mut |_, r| {
            seen.push(r.position);
            Ok(())
        });
        (outcome, seen)
    }

    #[test]
    fn clean_log_reads_every_record() {
        let (bytes, _) = log_of(&[1, 2, 5, 9]);
        let (outcome, seen) = run(&bytes, true);
        assert_eq!(seen, vec![1, 2, 5, 9]);
        assert_eq!(outcome.end, ScanEnd::Clean);
        assert_eq!(outcome.valid_len, bytes.len());
        assert_eq!(outcome.last_position, 9);
    }

    #[test]
    fn every_cut_of_the_last_record_is_a_torn_tail() {
        let (bytes, offsets) = log_of(&[1, 2, 3]);
        for cut in offsets[2] + 1..bytes.len() {
            let (outcome, seen) = run(&bytes[..cut], true);
            assert_eq!(seen, vec![1, 2]);
            assert!(
                matches!(outcome.end, ScanEnd::TornTail { offset, .. } if offset == offsets[2])
            );
        }
    }

    #[test]
    fn a_bit_flip_before_the_tail_is_corruption_with_its_offset() {
        let (mut bytes, offsets) = log_of(&[1, 2, 3]);
        bytes[offsets[1] + 25] ^= 0x10;
        let (outcome, seen) = run(&bytes, true);
        assert_eq!(seen, vec![1]);
        assert!(matches!(outcome.end, ScanEnd::Corrupt { offset, .. } if offset == offsets[1]));
    }

    #[test]
    fn a_bit_flip_in_a_complete_last_record_is_corruption() {
        let (mut bytes, offsets) = log_of(&[1, 2]);
        bytes[offsets[1] + 22] ^= 0x01;
        let (outcome, _) = run(&bytes, true);
        assert!(
            matches!(outcome.end, ScanEnd::Corrupt { .. }),
            "{outcome:?}"
        );
    }

    #[test]
    fn damage_in_a_closed_segment_is_corruption_even_at_its_end() {
        let (bytes, offsets) = log_of(&[1, 2]);
        let (outcome, _) = run(&bytes[..bytes.len() - 3], false);
        assert!(matches!(outcome.end, ScanEnd::Corrupt { offset, .. } if offset == offsets[1]));
    }

    #[test]
    fn zeros_after_the_last_record_are_a_clean_cut() {
        let (mut bytes, _) = log_of(&[1, 2]);
        let valid = bytes.len();
        bytes.extend_from_slice(&[0u8; 4096]);
        let (outcome, seen) = run(&bytes, true);
        assert_eq!(seen, vec![1, 2]);
        assert_eq!(outcome.valid_len, valid);
        assert!(matches!(outcome.end, ScanEnd::TornTail { .. }));
    }

    /// Found in review: a complete last record ending in zero bytes (empty data ends in a zero length)
    /// with a flipped bit was cut as a torn tail, losing an acknowledged write.
    #[test]
    fn regression_a_damaged_last_record_ending_in_zeros_is_corruption() {
        let mut bytes = Vec::new();
        encode(RecordKind::Batch, 1, b"first", &mut bytes);
        let second = bytes.len();
        encode(RecordKind::Batch, 2, &[7, 7, 7, 0, 0, 0, 0], &mut bytes);
        bytes[second + 21] ^= 0x04;
        let (outcome, _) = run(&bytes, true);
        assert!(
            matches!(outcome.end, ScanEnd::Corrupt { offset, .. } if offset == second),
            "{outcome:?}"
        );
    }

    #[test]
    fn a_wrong_version_or_kind_in_the_last_record_is_corruption() {
        for byte in [8, 9, 10] {
            let (mut bytes, offsets) = log_of(&[1, 2]);
            bytes[offsets[1] + byte] ^= 0x40;
            let (outcome, _) = run(&bytes, true);
            assert!(
                matches!(outcome.end, ScanEnd::Corrupt { .. }),
                "byte {byte}: {outcome:?}"
            );
        }
    }

    #[test]
    fn zero_filled_sectors_at_the_end_are_a_torn_tail() {
        let mut bytes = Vec::new();
        encode(RecordKind::Batch, 1, b"first", &mut bytes);
        let second = bytes.len();
        encode(RecordKind::Batch, 2, &[9u8; 2000], &mut bytes);
        // The write of the second record reached the disk up to a sector boundary; the rest of the
        // file reads as zeros.
        let boundary = (second + 100).next_multiple_of(512);
        bytes[boundary..].fill(0);
        let (outcome, seen) = run(&bytes, true);
        assert_eq!(seen, vec![1]);
        assert!(
            matches!(outcome.end, ScanEnd::TornTail { offset, .. } if offset == second),
            "{outcome:?}"
        );
    }

    #[test]
    fn a_zero_tail_in_a_closed_segment_is_corruption() {
        let (mut bytes, _) = log_of(&[1, 2]);
        bytes.extend_from_slice(&[0u8; 100]);
        let (outcome, _) = run(&bytes, false);
        assert!(
            matches!(outcome.end, ScanEnd::Corrupt { .. }),
            "{outcome:?}"
        );
    }

    #[test]
    fn positions_must_rise() {
        let (bytes, offsets) = log_of(&[1, 3, 3]);
        let (outcome, _) = run(&bytes, true);
        assert!(matches!(outcome.end, ScanEnd::Corrupt { offset, .. } if offset == offsets[2]));
    }
}
