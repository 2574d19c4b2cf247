//! WAL segment files: naming and the 32-byte header (format version 1, see `docs/format.md`).
//!
//! ```text
//! offset size field
//!  0     8    magic "AORTAWAL"
//!  8     1    format version = 1
//!  9     1    reserved, zero
//! 10     2    shard id, u16 little-endian
//! 12     8    first position: every record in the segment has a position >= this
//! 20     8    reserved, zero
//! 28     4    CRC32C of bytes 0..28
//! ```
//! A segment is named `{first_position:020}.wal`, so names sort in log order.

pub const SEGMENT_MAGIC: &[u8; 8] = b"AORTAWAL";
pub const SEGMENT_FORMAT_VERSION: u8 = 1;
pub const SEGMENT_HEADER_BYTES: usize = 32;
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

pub fn encode_header(shard: u16, first_position: u64) -> [u8; SEGMENT_HEADER_BYTES] {
    let mut header = [0u8; SEGMENT_HEADER_BYTES];
    header[0..8].copy_from_slice(SEGMENT_MAGIC);
    header[8] = SEGMENT_FORMAT_VERSION;
    header[10..12].copy_from_slice(&shard.to_le_bytes());
    header[12..20].copy_from_slice(&first_position.to_le_bytes());
    let crc = crc32c::crc32c(&header[0..28]);
    header[28..32].copy_from_slice(&crc.to_le_bytes());
    header
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SegmentHeader {
    pub shard: u16,
    pub first_position: u64,
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
    if bytes[9] != 0 || bytes[20..28].iter().any(|&b| b != 0) {
        return Err("segment header reserved bytes are not zero".into());
    }
    if bytes[8] != SEGMENT_FORMAT_VERSION {
        return Err(format!(
            "segment format version {} is not supported (this build reads {SEGMENT_FORMAT_VERSION})",
            bytes[8]
        ));
    }
    Ok(SegmentHeader {
        shard: u16::from_le_bytes(bytes[10..12].try_into().unwrap()),
        first_position: u64::from_le_bytes(bytes[12..20].try_into().unwrap()),
    })
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
        let header = encode_header(3, 1234);
        assert_eq!(
            decode_header(&header).unwrap(),
            SegmentHeader {
                shard: 3,
                first_position: 1234
            }
        );
        let mut bad = header;
        bad[13] ^= 1;
        assert!(decode_header(&bad).is_err());
    }

    /// Found by the `segment_header_decode` fuzz target: non-zero reserved bytes with a matching
    /// checksum were accepted.
    #[test]
    fn regression_reserved_bytes_must_be_zero() {
        let mut header = encode_header(0, 1);
        header[22] = 0xff;
        let crc = crc32c::crc32c(&header[0..28]);
        header[28..32].copy_from_slice(&crc.to_le_bytes());
        assert!(decode_header(&header).is_err());
    }
}
