//! Recovery's reading of one segment: a pure function from bytes to records and a verdict on how the
//! segment ends. No IO, so every kind of damage is tested on plain byte arrays.
//!
//! The segment is read group by group: each group's header says where the next group begins, so no
//! client byte is ever searched for a frame and the reading is linear in the segment's size. The
//! log writes one group per write and syncs it before the next write begins, so only the *last*
//! group of the *last* segment can be an unfinished write. At the first group that is not whole:
//!
//! - in a segment that is not the last: **corrupt** (it was synced whole before the next segment
//!   was created);
//! - a header slot of zeros, or a header cut short (its last byte, never zero in a whole header, is
//!   zero): the start of the last write, whose header did not reach the disk: a **torn tail** —
//!   provided no byte beyond the largest extent one write can have is non-zero (otherwise data was
//!   written after it, so it was synced: **corrupt**);
//! - a whole header with wrong bytes (checksum, magic, version, fields): **corrupt**;
//! - a valid header whose extent runs past the end of the file: a **torn tail**;
//! - a valid header whose body, padding or trailer is wrong: **corrupt** if any byte after the
//!   group's extent is non-zero (something was written after it, so it was synced); else a **torn
//!   tail** if there is evidence of a torn write — its trailer is cut short (a write that kept a prefix
//!   always loses its end) or a whole sector of it is zeros (a write whose sectors persisted in any
//!   order) — and **corrupt** otherwise (bit rot leaves neither);
//! - a body that passes its checksum but whose records do not match the header, or a group whose
//!   positions do not rise, or that names another segment: **corrupt**.
//!
//! What this cannot tell apart (`docs/format.md` lists it): damage to the last group of the log,
//! when nothing was written after it, that looks like a torn write — a lost write of its header
//! sector or trailer sector, or bit rot in a group that holds a whole sector of zeros of its own.
//! It is cut as a torn tail.

use super::group::{
    self, GroupHeader, Slot, GROUP_EXTENT_BYTES_MAX, GROUP_HEADER_BYTES, GROUP_TRAILER,
    GROUP_TRAILER_BYTES,
};
use super::record::RecordRef;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScanEnd {
    /// The valid groups run to the end of the bytes.
    Clean,
    /// The bytes from `offset` on are the unfinished last write; recovery cuts them.
    TornTail { offset: u64, reason: String },
    /// Damage that cannot be a torn tail; recovery must stop.
    Corrupt { offset: u64, reason: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScanOutcome {
    /// File offset of the end of the last valid group.
    pub valid_end: u64,
    /// Position of the last valid record, or `after_position` if there was none.
    pub last_position: u64,
    pub end: ScanEnd,
    pub work: ScanWork,
}

/// What a scan did, to show that its cost depends on the bytes' length and framing, never on
/// what the payloads hold.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScanWork {
    /// Header slots read (one per group, plus the one that ended the scan).
    pub headers_read: u64,
    /// Records decoded.
    pub records_decoded: u64,
    /// Bytes that went through a checksum.
    pub bytes_checksummed: u64,
    /// Bytes checked for being zero (only at the end of a damaged log).
    pub bytes_zero_checked: u64,
}

impl std::ops::AddAssign for ScanWork {
    fn add_assign(&mut self, other: ScanWork) {
        self.headers_read += other.headers_read;
        self.records_decoded += other.records_decoded;
        self.bytes_checksummed += other.bytes_checksummed;
        self.bytes_zero_checked += other.bytes_zero_checked;
    }
}

/// Where the bytes come from and what they must continue.
#[derive(Debug, Clone, Copy)]
pub struct ScanFrom {
    /// File offset of `bytes[0]` (a group boundary).
    pub file_offset: u64,
    /// The segment's first position: every group names it.
    pub segment: u64,
    /// Every position read must be above this.
    pub after_position: u64,
    /// Only the last segment may end in a torn write.
    pub is_last_segment: bool,
}

/// Reads the groups of `bytes` (see the module doc). `on_group` gets each valid group's file offset
/// and header before its records go to `visit`; an error from `visit` stops the scan as corruption
/// at that record.
pub fn scan(
    bytes: &[u8],
    from: ScanFrom,
    on_group: &mut dyn FnMut(u64, &GroupHeader),
    visit: &mut dyn FnMut(RecordRef<'_>) -> Result<(), String>,
) -> ScanOutcome {
    let mut offset = 0usize;
    let mut last_position = from.after_position;
    let mut work = ScanWork::default();
    let at = |offset: usize| from.file_offset + offset as u64;
    while offset < bytes.len() {
        let header = match group_at(bytes, offset, from, last_position, &mut work) {
            Ok(header) => header,
            Err(end) => {
                return ScanOutcome {
                    valid_end: at(offset),
                    last_position,
                    end,
                    work,
                }
            }
        };
        let body_start = offset + GROUP_HEADER_BYTES;
        let body = &bytes[body_start..body_start + header.body_len as usize];
        on_group(at(offset), &header);
        if let Err((record_offset, reason)) = group::for_each_record(&header, body, &mut |_, r| {
            work.records_decoded += 1;
            visit(r)
        }) {
            return ScanOutcome {
                valid_end: at(offset),
                last_position,
                end: ScanEnd::Corrupt {
                    offset: at(body_start + record_offset),
                    reason,
                },
                work,
            };
        }
        last_position = header.last_position;
        offset += header.extent();
    }
    ScanOutcome {
        valid_end: at(offset),
        last_position,
        end: ScanEnd::Clean,
        work,
    }
}

/// The header of the whole group at `offset`, or the verdict on why there is none.
fn group_at(
    bytes: &[u8],
    offset: usize,
    from: ScanFrom,
    last_position: u64,
    work: &mut ScanWork,
) -> Result<GroupHeader, ScanEnd> {
    let file_offset = from.file_offset + offset as u64;
    let corrupt = |reason: String| ScanEnd::Corrupt {
        offset: file_offset,
        reason,
    };
    let torn = |reason: &str| ScanEnd::TornTail {
        offset: file_offset,
        reason: reason.into(),
    };
    let rest = &bytes[offset..];
    if rest.len() < GROUP_HEADER_BYTES {
        if !from.is_last_segment {
            return Err(corrupt(
                "a group header cut short inside a closed segment".into(),
            ));
        }
        return Err(torn("a group header cut by the end of the file"));
    }
    work.headers_read += 1;
    work.bytes_checksummed += GROUP_HEADER_BYTES as u64;
    let header = match group::read_slot(rest) {
        Slot::Header(header) => header,
        Slot::Damaged(reason) => return Err(corrupt(reason)),
        slot @ (Slot::Unwritten | Slot::Incomplete) => {
            let what = if slot == Slot::Unwritten {
                "a group header of zeros"
            } else {
                "a group header cut short"
            };
            if !from.is_last_segment {
                return Err(corrupt(format!("{what} inside a closed segment")));
            }
            work.bytes_zero_checked += rest.len().saturating_sub(GROUP_EXTENT_BYTES_MAX) as u64;
            if let Some(at) = nonzero_from(rest, GROUP_EXTENT_BYTES_MAX) {
                return Err(corrupt(format!(
                    "{what}, but data lies {at} bytes on, beyond the largest write: not a torn tail"
                )));
            }
            return Err(torn(what));
        }
    };
    if header.segment != from.segment {
        return Err(corrupt(format!(
            "group names segment {} inside segment {}",
            header.segment, from.segment
        )));
    }
    if header.first_position <= last_position {
        return Err(corrupt(format!(
            "group positions {}..={} do not follow position {last_position}",
            header.first_position, header.last_position
        )));
    }
    let extent = header.extent();
    if rest.len() < extent {
        if !from.is_last_segment {
            return Err(corrupt("a group cut short inside a closed segment".into()));
        }
        return Err(torn("the last group runs past the end of the file"));
    }
    let body_end = GROUP_HEADER_BYTES + header.body_len as usize;
    work.bytes_checksummed += header.body_len as u64;
    let trailer = &rest[extent - GROUP_TRAILER_BYTES..extent];
    let whole = group::body_matches(&header, &rest[GROUP_HEADER_BYTES..body_end])
        && trailer == GROUP_TRAILER
        && rest[body_end..extent - GROUP_TRAILER_BYTES]
            .iter()
            .all(|&b| b == 0);
    if whole {
        return Ok(header);
    }
    if !from.is_last_segment {
        return Err(corrupt(
            "a damaged group (body checksum, padding or trailer) inside a closed segment".into(),
        ));
    }
    work.bytes_zero_checked += (rest.len() - extent) as u64;
    if let Some(at) = nonzero_from(rest, extent) {
        return Err(corrupt(format!(
            "a damaged group followed by data at {} (so it was synced before a later write): \
             not a torn tail",
            file_offset + at as u64
        )));
    }
    if is_torn_trailer(trailer) {
        return Err(torn("the last group lost its trailer (a torn write)"));
    }
    if let Some(sector) = zero_sector_within(file_offset, &rest[..extent]) {
        return Err(torn(&format!(
            "the last group holds a sector of zeros at {sector} (a torn write)"
        )));
    }
    Err(corrupt(
        "the last group is damaged in a way a torn write cannot explain (its trailer is whole and \
         no sector is missing): bit rot"
            .into(),
    ))
}

/// A trailer that a write cut short left: a prefix (possibly empty) of `GRPTRAIL`, then zeros. No
/// byte of the trailer is zero, so bit rot of a whole trailer never looks like this.
fn is_torn_trailer(trailer: &[u8]) -> bool {
    let kept = trailer
        .iter()
        .zip(GROUP_TRAILER)
        .take_while(|(a, b)| a == b)
        .count();
    kept < GROUP_TRAILER_BYTES && trailer[kept..].iter().all(|&b| b == 0)
}

/// Sector size assumed by the torn-write evidence: a sector is written whole or not at all.
pub const SECTOR_BYTES: u64 = 512;

/// The file offset of the first sector-aligned, whole sector after the group header that is all
/// zeros: a sector of a torn write that never reached the disk. `group` starts at `file_offset`.
fn zero_sector_within(file_offset: u64, group: &[u8]) -> Option<u64> {
    let end = file_offset + group.len() as u64;
    let mut sector = (file_offset + GROUP_HEADER_BYTES as u64).next_multiple_of(SECTOR_BYTES);
    while sector + SECTOR_BYTES <= end {
        let at = (sector - file_offset) as usize;
        if group[at..at + SECTOR_BYTES as usize]
            .iter()
            .all(|&b| b == 0)
        {
            return Some(sector);
        }
        sector += SECTOR_BYTES;
    }
    None
}

/// The offset (within `bytes`) of the first non-zero byte at or after `from`, if any.
fn nonzero_from(bytes: &[u8], from: usize) -> Option<usize> {
    let tail = bytes.get(from..)?;
    tail.iter().position(|&b| b != 0).map(|i| from + i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wal::group::{seal, GROUP_ALIGN_BYTES};
    use crate::wal::record::{encode, RecordKind};

    const SEGMENT: u64 = 1;

    /// A segment body (no segment header) of one group per entry of `groups`, with the offset of
    /// each group.
    fn log_of(groups: &[&[u64]]) -> (Vec<u8>, Vec<usize>) {
        let mut bytes = Vec::new();
        let mut offsets = Vec::new();
        for positions in groups {
            offsets.push(bytes.len());
            let mut buf = vec![0u8; GROUP_HEADER_BYTES];
            for &p in positions.iter() {
                encode(
                    RecordKind::Batch,
                    p,
                    format!("payload {p}").repeat(20).as_bytes(),
                    &mut buf,
                );
            }
            let last = *positions.last().unwrap();
            seal(
                &mut buf,
                SEGMENT,
                positions[0],
                last,
                positions.len() as u32,
            );
            bytes.extend_from_slice(&buf);
        }
        (bytes, offsets)
    }

    fn from(last: bool) -> ScanFrom {
        ScanFrom {
            file_offset: 0,
            segment: SEGMENT,
            after_position: 0,
            is_last_segment: last,
        }
    }

    fn run(bytes: &[u8], last: bool) -> (ScanOutcome, Vec<u64>) {
        let mut seen = Vec::new();
        let outcome = scan(bytes, from(last), &mut |_, _| {}, &mut |r| {
            seen.push(r.position);
            Ok(())
        });
        (outcome, seen)
    }

    fn is_torn_at(end: &ScanEnd, at: usize) -> bool {
        matches!(end, ScanEnd::TornTail { offset, .. } if *offset == at as u64)
    }

    fn is_corrupt_at(end: &ScanEnd, at: usize) -> bool {
        matches!(end, ScanEnd::Corrupt { offset, .. } if *offset == at as u64)
    }

    #[test]
    fn clean_log_reads_every_record() {
        let (bytes, _) = log_of(&[&[1, 2], &[5], &[9]]);
        let (outcome, seen) = run(&bytes, true);
        assert_eq!(seen, vec![1, 2, 5, 9]);
        assert_eq!(outcome.end, ScanEnd::Clean);
        assert_eq!(outcome.valid_end, bytes.len() as u64);
        assert_eq!(outcome.last_position, 9);
    }

    #[test]
    fn every_cut_of_the_last_group_is_a_torn_tail() {
        let (bytes, offsets) = log_of(&[&[1], &[2], &[3, 4]]);
        for cut in offsets[2] + 1..bytes.len() {
            let (outcome, seen) = run(&bytes[..cut], true);
            assert_eq!(seen, vec![1, 2], "cut at {cut}");
            assert!(
                is_torn_at(&outcome.end, offsets[2]),
                "cut at {cut}: {outcome:?}"
            );
        }
    }

    #[test]
    fn any_subset_of_the_last_groups_sectors_lost_is_a_torn_tail() {
        let (bytes, offsets) = log_of(&[&[1], &[2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]]);
        let last = offsets[1];
        // The sectors (file-aligned) the last group touches.
        let first_sector = last / 512;
        let sectors = bytes.len().div_ceil(512) - first_sector;
        assert!(sectors >= 3, "{sectors}");
        for mask in 0u32..(1 << sectors) - 1 {
            let mut damaged = bytes.clone();
            for sector in 0..sectors {
                if mask & (1 << sector) == 0 {
                    // A lost sector keeps its old content: the synced bytes of the group before,
                    // zeros where the file was extended.
                    let start = ((first_sector + sector) * 512).max(last);
                    let end = ((first_sector + sector + 1) * 512).min(damaged.len());
                    damaged[start..end].fill(0);
                }
            }
            let (outcome, seen) = run(&damaged, true);
            assert_eq!(seen, vec![1], "mask {mask:b}");
            assert!(is_torn_at(&outcome.end, last), "mask {mask:b}: {outcome:?}");
        }
    }

    #[test]
    fn a_bit_flip_in_a_group_before_the_last_is_corruption_with_its_offset() {
        let (mut bytes, offsets) = log_of(&[&[1], &[2], &[3]]);
        bytes[offsets[1] + 100] ^= 0x10;
        let (outcome, seen) = run(&bytes, true);
        assert_eq!(seen, vec![1]);
        assert!(is_corrupt_at(&outcome.end, offsets[1]), "{outcome:?}");
    }

    #[test]
    fn a_bit_flip_in_any_header_is_corruption() {
        let (bytes, offsets) = log_of(&[&[1], &[2]]);
        for &group in &offsets {
            for byte in 0..GROUP_HEADER_BYTES {
                let mut damaged = bytes.clone();
                damaged[group + byte] ^= 0x01;
                let (outcome, _) = run(&damaged, true);
                assert!(
                    is_corrupt_at(&outcome.end, group),
                    "group at {group}, byte {byte}: {outcome:?}"
                );
            }
        }
    }

    #[test]
    fn damage_in_a_closed_segment_is_corruption_even_at_its_end() {
        let (bytes, offsets) = log_of(&[&[1], &[2]]);
        let (outcome, _) = run(&bytes[..bytes.len() - 3], false);
        assert!(is_corrupt_at(&outcome.end, offsets[1]));
        let mut zeros = bytes.clone();
        zeros.extend_from_slice(&[0u8; 128]);
        let (outcome, _) = run(&zeros, false);
        assert!(is_corrupt_at(&outcome.end, bytes.len()));
    }

    #[test]
    fn zeros_after_the_last_group_are_a_clean_cut() {
        let (mut bytes, _) = log_of(&[&[1], &[2]]);
        let valid = bytes.len();
        bytes.extend_from_slice(&[0u8; 4096]);
        let (outcome, seen) = run(&bytes, true);
        assert_eq!(seen, vec![1, 2]);
        assert_eq!(outcome.valid_end, valid as u64);
        assert!(is_torn_at(&outcome.end, valid));
    }

    #[test]
    fn a_damaged_group_followed_by_data_is_corruption_not_a_tear() {
        let (mut bytes, offsets) = log_of(&[&[1], &[2], &[3]]);
        // Body damage in the middle group, the last group intact after it.
        bytes[offsets[1] + GROUP_HEADER_BYTES + 3] ^= 0x80;
        let (outcome, _) = run(&bytes, true);
        assert!(is_corrupt_at(&outcome.end, offsets[1]), "{outcome:?}");
        // A bit flip in the last group: no evidence of a tear, so corruption.
        let (mut bytes, offsets) = log_of(&[&[1], &[2], &[3]]);
        bytes[offsets[2] + GROUP_HEADER_BYTES + 20] ^= 0x04;
        let (outcome, _) = run(&bytes, true);
        assert!(is_corrupt_at(&outcome.end, offsets[2]), "{outcome:?}");
        // A zeroed header with a whole group beyond the largest write extent.
        let (mut bytes, offsets) = log_of(&[&[1], &[2]]);
        bytes[offsets[1]..offsets[1] + GROUP_HEADER_BYTES].fill(0);
        bytes.resize(offsets[1] + GROUP_EXTENT_BYTES_MAX + 64, 0);
        *bytes.last_mut().unwrap() = 1;
        let (outcome, _) = run(&bytes, true);
        assert!(is_corrupt_at(&outcome.end, offsets[1]), "{outcome:?}");
    }

    #[test]
    fn a_value_embedding_valid_frames_is_read_as_data() {
        // A payload that holds a whole valid group: reading is by framing only, so it is a value.
        let (inner, _) = log_of(&[&[100]]);
        let mut buf = vec![0u8; GROUP_HEADER_BYTES];
        encode(RecordKind::Batch, 1, &inner, &mut buf);
        seal(&mut buf, SEGMENT, 1, 1, 1);
        let (outcome, seen) = run(&buf, true);
        assert_eq!(seen, vec![1]);
        assert_eq!(outcome.end, ScanEnd::Clean);
        // Tear the outer group (it keeps a prefix): the embedded frame is never taken for a record.
        let mut torn = buf.clone();
        let cut = GROUP_HEADER_BYTES + 200;
        torn[cut..].fill(0);
        let (outcome, seen) = run(&torn, true);
        assert!(seen.is_empty());
        assert!(is_torn_at(&outcome.end, 0), "{outcome:?}");
    }

    /// Found by the `wal_record_decode` fuzz target: a tear that kept part of the trailer was
    /// judged bit rot, so a merely torn last write made the log unopenable.
    #[test]
    fn regression_a_tear_inside_the_trailer_is_a_torn_tail() {
        let (bytes, offsets) = log_of(&[&[1], &[2]]);
        for kept in 0..GROUP_TRAILER_BYTES {
            let mut torn = bytes.clone();
            let cut = bytes.len() - GROUP_TRAILER_BYTES + kept;
            torn[cut..].fill(0);
            let (outcome, seen) = run(&torn, true);
            assert_eq!(seen, vec![1], "trailer kept {kept} bytes");
            assert!(
                is_torn_at(&outcome.end, offsets[1]),
                "kept {kept}: {outcome:?}"
            );
        }
        // A rotted trailer byte is not a tear.
        let mut rotted = bytes.clone();
        let last = rotted.len() - 1;
        rotted[last] ^= 0x01;
        let (outcome, _) = run(&rotted, true);
        assert!(is_corrupt_at(&outcome.end, offsets[1]), "{outcome:?}");
    }

    #[test]
    fn positions_must_rise_across_groups() {
        let (bytes, offsets) = log_of(&[&[1, 3], &[3]]);
        let (outcome, _) = run(&bytes, true);
        assert!(is_corrupt_at(&outcome.end, offsets[1]));
    }

    /// A file reused for another segment (segments are never recycled today, but a stale copy or a
    /// future recycling must not matter): groups of its earlier life name their own segment, so
    /// none of their records is read as part of this one, even with higher positions.
    #[test]
    fn a_group_of_another_segment_is_never_read() {
        let (bytes, _) = log_of(&[&[1, 2], &[3]]);
        let mut other = from(true);
        other.segment = SEGMENT + 100;
        let mut seen = Vec::new();
        let outcome = scan(&bytes, other, &mut |_, _| {}, &mut |r| {
            seen.push(r.position);
            Ok(())
        });
        assert!(
            seen.is_empty(),
            "records of another segment were read: {seen:?}"
        );
        assert!(is_corrupt_at(&outcome.end, 0), "{outcome:?}");
    }

    #[test]
    fn groups_are_aligned() {
        let (_, offsets) = log_of(&[&[1], &[2], &[3]]);
        assert!(offsets.iter().all(|o| o % GROUP_ALIGN_BYTES == 0));
    }
}
