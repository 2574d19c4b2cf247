//! The WAL group frame, format version 2 (see `docs/format.md`): what one flush writes — one write,
//! one fdatasync — is one group: a 64-byte header, the records back to back, zero padding, and an
//! 8-byte trailer `GRPTRAIL` that ends the group at a multiple of 64 bytes.
//!
//! ```text
//! offset size field
//!  0     4    magic "AGRP"
//!  4     1    format version = 2
//!  5     3    reserved, zero
//!  8     4    body length: bytes of records, padding excluded (at most GROUP_BODY_BYTES_MAX)
//! 12     4    record count (at least 1)
//! 16     8    segment: the first position of the segment the group was written to
//! 24     8    first position (of the first record)
//! 32     8    last position (of the last record)
//! 40     4    CRC32C of the body
//! 44    12    reserved, zero
//! 56     4    CRC32C of bytes 0..56
//! 60     4    end marker "GEND"
//! ```
//!
//! Why this shape: recovery must know where the last write began without searching client bytes.
//! Groups start at multiples of 64 in their file, so a header never straddles a 512-byte sector;
//! the header's last byte is never zero, so a header cut short by a torn write (a prefix of the new
//! bytes, then zeros) is told apart from a whole header that rotted. The body checksum covers every
//! record, so a record inside a group that passed it is never a torn write. The trailer is the
//! group's last bytes: a torn write that kept a prefix always lost it, and one that lost sectors in
//! any order left a zero sector, while bit rot does neither — so recovery can tell a torn last
//! group from a rotted one by evidence, not by guessing (`scan.rs`).

use super::record::{self, RecordRef};
use crate::limits::RECORD_PAYLOAD_BYTES_MAX;

pub const GROUP_MAGIC: &[u8; 4] = b"AGRP";
pub const GROUP_END_MARKER: &[u8; 4] = b"GEND";
pub const GROUP_TRAILER: &[u8; 8] = b"GRPTRAIL";
pub const GROUP_TRAILER_BYTES: usize = 8;
pub const GROUP_FORMAT_VERSION: u8 = 2;
pub const GROUP_HEADER_BYTES: usize = 64;
/// Groups start at multiples of this in their segment (the segment header is as long).
pub const GROUP_ALIGN_BYTES: usize = 64;
/// Bytes of records in one group: the largest single write the log ever makes is this plus the
/// header and padding. Recovery relies on it to bound the extent of the last write.
pub const GROUP_BODY_BYTES_MAX: usize = 24 * 1024 * 1024;
/// The largest extent of one group in its file.
pub const GROUP_EXTENT_BYTES_MAX: usize =
    GROUP_HEADER_BYTES + GROUP_BODY_BYTES_MAX + GROUP_ALIGN_BYTES;

const _: () = assert!(GROUP_BODY_BYTES_MAX % GROUP_ALIGN_BYTES == 0);
const _: () = assert!(GROUP_BODY_BYTES_MAX >= 2 * record::encoded_len(RECORD_PAYLOAD_BYTES_MAX));
const _: () = assert!(GROUP_HEADER_BYTES == GROUP_ALIGN_BYTES && 512 % GROUP_ALIGN_BYTES == 0);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GroupHeader {
    pub body_len: u32,
    pub record_count: u32,
    pub segment: u64,
    pub first_position: u64,
    pub last_position: u64,
    pub body_crc: u32,
}

impl GroupHeader {
    /// Bytes the group takes in its file: header, body, padding, trailer.
    pub fn extent(&self) -> usize {
        GROUP_HEADER_BYTES
            + (self.body_len as usize + GROUP_TRAILER_BYTES).next_multiple_of(GROUP_ALIGN_BYTES)
    }
}

/// What a 64-byte header slot holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Slot {
    /// A whole, valid header.
    Header(GroupHeader),
    /// Only zeros: nothing was written here, or the sector of a torn write's header never reached
    /// the disk.
    Unwritten,
    /// A header cut short (its last byte, never zero in a whole header, is zero): the start of a torn
    /// write.
    Incomplete,
    /// A whole header with wrong bytes: damage, never a torn write.
    Damaged(String),
}

/// Reads the header slot at the start of `bytes` (which must hold at least 64 bytes).
pub fn read_slot(bytes: &[u8]) -> Slot {
    let slot = &bytes[..GROUP_HEADER_BYTES];
    if slot.iter().all(|&b| b == 0) {
        return Slot::Unwritten;
    }
    if slot[GROUP_HEADER_BYTES - 1] == 0 {
        return Slot::Incomplete;
    }
    match decode_header(slot) {
        Ok(header) => Slot::Header(header),
        Err(reason) => Slot::Damaged(reason),
    }
}

fn decode_header(slot: &[u8]) -> Result<GroupHeader, String> {
    if &slot[60..64] != GROUP_END_MARKER {
        return Err("group header end marker is wrong".into());
    }
    if &slot[0..4] != GROUP_MAGIC {
        return Err("not a group header (bad magic)".into());
    }
    let stored = u32::from_le_bytes(slot[56..60].try_into().unwrap());
    let computed = crc32c::crc32c(&slot[0..56]);
    if stored != computed {
        return Err(format!(
            "group header checksum mismatch: stored {stored:#010x}, computed {computed:#010x}"
        ));
    }
    if slot[4] != GROUP_FORMAT_VERSION {
        return Err(format!(
            "group format version {} is not supported (this build reads {GROUP_FORMAT_VERSION})",
            slot[4]
        ));
    }
    if slot[5..8].iter().chain(&slot[44..56]).any(|&b| b != 0) {
        return Err("group header reserved bytes are not zero".into());
    }
    let u64_at = |at: usize| u64::from_le_bytes(slot[at..at + 8].try_into().unwrap());
    let header = GroupHeader {
        body_len: u32::from_le_bytes(slot[8..12].try_into().unwrap()),
        record_count: u32::from_le_bytes(slot[12..16].try_into().unwrap()),
        segment: u64_at(16),
        first_position: u64_at(24),
        last_position: u64_at(32),
        body_crc: u32::from_le_bytes(slot[40..44].try_into().unwrap()),
    };
    if header.body_len as usize > GROUP_BODY_BYTES_MAX {
        return Err(format!(
            "group body length {} is over the limit {GROUP_BODY_BYTES_MAX}",
            header.body_len
        ));
    }
    let min_body = header.record_count as usize * record::RECORD_HEADER_BYTES;
    if header.record_count == 0 || min_body > header.body_len as usize {
        return Err(format!(
            "group of {} records cannot fit {} bytes",
            header.record_count, header.body_len
        ));
    }
    if header.first_position > header.last_position
        || header.last_position - header.first_position < u64::from(header.record_count) - 1
    {
        return Err(format!(
            "group positions {}..={} cannot hold {} records",
            header.first_position, header.last_position, header.record_count
        ));
    }
    Ok(header)
}

/// Fills the header of a group whose records are `buf[64..]` (the first 64 bytes were reserved for
/// it), pads `buf` with zeros and ends it with the trailer at a multiple of 64. Returns the header.
pub fn seal(
    buf: &mut Vec<u8>,
    segment: u64,
    first_position: u64,
    last_position: u64,
    record_count: u32,
) -> GroupHeader {
    assert!(buf.len() > GROUP_HEADER_BYTES, "a group holds a record");
    let body_len = buf.len() - GROUP_HEADER_BYTES;
    assert!(body_len <= GROUP_BODY_BYTES_MAX, "the log bounds a group");
    let header = GroupHeader {
        body_len: body_len as u32,
        record_count,
        segment,
        first_position,
        last_position,
        body_crc: crc32c::crc32c(&buf[GROUP_HEADER_BYTES..]),
    };
    let slot = &mut buf[..GROUP_HEADER_BYTES];
    slot.fill(0);
    slot[0..4].copy_from_slice(GROUP_MAGIC);
    slot[4] = GROUP_FORMAT_VERSION;
    slot[8..12].copy_from_slice(&header.body_len.to_le_bytes());
    slot[12..16].copy_from_slice(&record_count.to_le_bytes());
    slot[16..24].copy_from_slice(&segment.to_le_bytes());
    slot[24..32].copy_from_slice(&first_position.to_le_bytes());
    slot[32..40].copy_from_slice(&last_position.to_le_bytes());
    slot[40..44].copy_from_slice(&header.body_crc.to_le_bytes());
    let crc = crc32c::crc32c(&slot[0..56]);
    slot[56..60].copy_from_slice(&crc.to_le_bytes());
    slot[60..64].copy_from_slice(GROUP_END_MARKER);
    buf.resize(header.extent() - GROUP_TRAILER_BYTES, 0);
    buf.extend_from_slice(GROUP_TRAILER);
    debug_assert_eq!(read_slot(buf), Slot::Header(header));
    header
}

/// True if the body's checksum matches its header.
pub fn body_matches(header: &GroupHeader, body: &[u8]) -> bool {
    body.len() == header.body_len as usize && crc32c::crc32c(body) == header.body_crc
}

/// Decodes every record of a body that passed its checksum, checking that the records are exactly
/// what the header says: `record_count` records, positions rising from `first_position` to
/// `last_position`, no byte left over. Any mismatch is corruption (the checksum passed, so the
/// writer wrote it this way).
pub fn for_each_record(
    header: &GroupHeader,
    body: &[u8],
    visit: &mut dyn FnMut(usize, RecordRef<'_>) -> Result<(), String>,
) -> Result<(), (usize, String)> {
    let mut offset = 0;
    let mut count = 0u32;
    let mut last: Option<u64> = None;
    while offset < body.len() {
        let record = record::decode(&body[offset..]).map_err(|e| (offset, e.to_string()))?;
        let expected_first = last.is_none() && record.position != header.first_position;
        if expected_first || last.is_some_and(|l| record.position <= l) {
            return Err((
                offset,
                format!(
                    "record position {} does not follow {:?} in a group of {}..={}",
                    record.position, last, header.first_position, header.last_position
                ),
            ));
        }
        count += 1;
        if count > header.record_count {
            return Err((offset, "more records than the group header says".into()));
        }
        visit(offset, record).map_err(|reason| (offset, reason))?;
        last = Some(record.position);
        offset += record.encoded_len();
    }
    if count != header.record_count || last != Some(header.last_position) {
        return Err((
            offset,
            format!(
                "group holds {count} records ending at {last:?}; its header says {} ending at {}",
                header.record_count, header.last_position
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wal::record::{encode, RecordKind};

    fn group(positions: &[u64]) -> Vec<u8> {
        let mut buf = vec![0u8; GROUP_HEADER_BYTES];
        for &p in positions {
            encode(
                RecordKind::Batch,
                p,
                format!("payload {p}").as_bytes(),
                &mut buf,
            );
        }
        seal(
            &mut buf,
            1,
            positions[0],
            *positions.last().unwrap(),
            positions.len() as u32,
        );
        buf
    }

    #[test]
    fn a_sealed_group_reads_back_with_its_records() {
        let buf = group(&[3, 4, 9]);
        assert_eq!(buf.len() % GROUP_ALIGN_BYTES, 0);
        assert!(buf.ends_with(GROUP_TRAILER));
        let Slot::Header(header) = read_slot(&buf) else {
            panic!("header")
        };
        assert_eq!(buf.len(), header.extent());
        let body = &buf[GROUP_HEADER_BYTES..GROUP_HEADER_BYTES + header.body_len as usize];
        assert!(body_matches(&header, body));
        let mut seen = Vec::new();
        for_each_record(&header, body, &mut |_, r| {
            seen.push(r.position);
            Ok(())
        })
        .unwrap();
        assert_eq!(seen, vec![3, 4, 9]);
    }

    #[test]
    fn every_single_bit_flip_of_a_header_is_damage_never_a_valid_header() {
        let buf = group(&[1, 2]);
        for byte in 0..GROUP_HEADER_BYTES {
            for bit in 0..8 {
                let mut damaged = buf.clone();
                damaged[byte] ^= 1 << bit;
                assert!(
                    matches!(read_slot(&damaged), Slot::Damaged(_)),
                    "flip at {byte}:{bit}"
                );
            }
        }
    }

    #[test]
    fn every_prefix_of_a_header_is_incomplete_or_unwritten() {
        let buf = group(&[1]);
        for kept in 0..GROUP_HEADER_BYTES {
            let mut torn = buf.clone();
            torn[kept..].fill(0);
            let slot = read_slot(&torn);
            if kept == 0 {
                assert_eq!(slot, Slot::Unwritten);
            } else {
                assert_eq!(slot, Slot::Incomplete, "prefix of {kept} bytes");
            }
        }
    }

    #[test]
    fn a_body_flip_fails_the_checksum() {
        let buf = group(&[1, 2]);
        let Slot::Header(header) = read_slot(&buf) else {
            panic!()
        };
        let mut body = buf[64..64 + header.body_len as usize].to_vec();
        body[20] ^= 1;
        assert!(!body_matches(&header, &body));
    }

    #[test]
    fn records_must_match_the_header() {
        let buf = group(&[5, 6]);
        let Slot::Header(mut header) = read_slot(&buf) else {
            panic!()
        };
        let body = buf[64..64 + header.body_len as usize].to_vec();
        header.record_count = 3;
        assert!(for_each_record(&header, &body, &mut |_, _| Ok(())).is_err());
        header.record_count = 2;
        header.last_position = 7;
        assert!(for_each_record(&header, &body, &mut |_, _| Ok(())).is_err());
        header.last_position = 6;
        header.first_position = 4;
        assert!(for_each_record(&header, &body, &mut |_, _| Ok(())).is_err());
    }
}
