//! WAL segment files: naming and the 64-byte header (format version 2, see `docs/format.md`).
//!
//! ```text
//! offset size field
//!  0     8    magic "AORTAWAL"
//!  8     1    format version = 2
//!  9     1    reserved, zero
//! 10     2    shard id, u16 little-endian
//! 12     8    first position: every record in the segment has a position >= this; always the
//!             previous last position + 1
//! 20     8    previous last position: the position of the last record before this segment (the
//!             log's start position for the first segment), which chains each segment to the one
//!             before it
//! 28     4    CRC32C of bytes 0..28
//! 32    32    reserved, zero (the header is as long as a group's, so groups stay 64-byte aligned)
//! ```
//! A segment is named `{first_position:020}.wal`, so names sort in log order.

pub const SEGMENT_MAGIC: &[u8; 8] = b"AORTAWAL";
pub const SEGMENT_FORMAT_VERSION: u8 = 2;
pub const SEGMENT_HEADER_BYTES: usize = 64;

const _: () = assert!(SEGMENT_HEADER_BYTES == super::group::GROUP_ALIGN_BYTES);
const SUFFIX: &str = ".wal";

pub fn segment_name(first_position: u64) -> String {
    format!("{first_position:020}{SUFFIX}")
}

/// The first position a segment file name declares, if it is a segment name at all.
pub fn parse_segment_name(name: &str) -> Option<u64> {
    let digits = name.strip_suffix(SUFFIX)?;
    if digits.len() != 20 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

pub fn encode_header(header_fields: &SegmentHeader) -> [u8; SEGMENT_HEADER_BYTES] {
    assert_eq!(
        header_fields.previous_last_position + 1,
        header_fields.first_position
    );
    let mut header = [0u8; SEGMENT_HEADER_BYTES];
    header[0..8].copy_from_slice(SEGMENT_MAGIC);
    header[8] = SEGMENT_FORMAT_VERSION;
    header[10..12].copy_from_slice(&header_fields.shard.to_le_bytes());
    header[12..20].copy_from_slice(&header_fields.first_position.to_le_bytes());
    header[20..28].copy_from_slice(&header_fields.previous_last_position.to_le_bytes());
    let crc = crc32c::crc32c(&header[0..28]);
    header[28..32].copy_from_slice(&crc.to_le_bytes());
    header
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SegmentHeader {
    pub shard: u16,
    pub first_position: u64,
    pub previous_last_position: u64,
}

pub fn decode_header(bytes: &[u8]) -> Result<SegmentHeader, String> {
    if bytes.len() < SEGMENT_HEADER_BYTES {
        return Err(format!(
            "segment header needs {SEGMENT_HEADER_BYTES} bytes, file has {}",
            bytes.len()
        ));
    }
    if &bytes[0..8] != SEGMENT_MAGIC {
        return Err("not a WAL segment (bad magic)".into());
    }
    let stored = u32::from_le_bytes(bytes[28..32].try_into().unwrap());
    if stored != crc32c::crc32c(&bytes[0..28]) {
        return Err("segment header checksum mismatch".into());
    }
    if bytes[9] != 0 || bytes[32..SEGMENT_HEADER_BYTES].iter().any(|&b| b != 0) {
        return Err("segment header reserved byte is not zero".into());
    }
    if bytes[8] != SEGMENT_FORMAT_VERSION {
        return Err(format!(
            "segment format version {} is not supported (this build reads {SEGMENT_FORMAT_VERSION})",
            bytes[8]
        ));
    }
    let header = SegmentHeader {
        shard: u16::from_le_bytes(bytes[10..12].try_into().unwrap()),
        first_position: u64::from_le_bytes(bytes[12..20].try_into().unwrap()),
        previous_last_position: u64::from_le_bytes(bytes[20..28].try_into().unwrap()),
    };
    if header.previous_last_position.checked_add(1) != Some(header.first_position) {
        return Err(format!(
            "segment header's previous last position {} is not just below its first position {}",
            header.previous_last_position, header.first_position
        ));
    }
    Ok(header)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_sort_in_log_order_and_parse_back() {
        let a = segment_name(9);
        let b = segment_name(10);
        assert!(a < b);
        assert_eq!(parse_segment_name(&b), Some(10));
        assert_eq!(parse_segment_name("junk.wal"), None);
        assert_eq!(parse_segment_name("00000000000000000001.tmp"), None);
    }

    #[test]
    fn header_round_trips_and_detects_damage() {
        let fields = SegmentHeader {
            shard: 3,
            first_position: 1234,
            previous_last_position: 1233,
        };
        let header = encode_header(&fields);
        assert_eq!(decode_header(&header).unwrap(), fields);
        let mut bad = header;
        bad[13] ^= 1;
        assert!(decode_header(&bad).is_err());
    }

    /// Found by the `segment_header_decode` fuzz target: non-zero reserved bytes with a matching
    /// checksum were accepted.
    #[test]
    fn regression_reserved_bytes_must_be_zero() {
        let mut header = encode_header(&SegmentHeader {
            shard: 0,
            first_position: 1,
            previous_last_position: 0,
        });
        header[9] = 0xff;
        let crc = crc32c::crc32c(&header[0..28]);
        header[28..32].copy_from_slice(&crc.to_le_bytes());
        assert!(decode_header(&header).is_err());
    }
}
