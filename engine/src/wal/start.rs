//! The log's start file, `wal.start` (format version 1, see `docs/format.md`): the position the
//! first segment must follow. It chains the first segment the way each segment header chains the
//! next, so that a missing first segment is detected instead of silently forgetting what it held.
//!
//! ```text
//! offset size field
//!  0     8    magic "AORTALST"
//!  8     1    format version = 1
//!  9     1    reserved, zero
//! 10     2    shard id, u16 little-endian
//! 12     8    start position: the oldest segment's "previous last position" (0 for a new log, the
//!             purge point once old segments were purged, later the snapshot's position)
//! 20     4    CRC32C of bytes 0..20
//! ```
//! Written atomically (temporary file, sync, rename, directory sync). A new log writes it after its
//! first segment is durable; a purge writes it before it removes any segment.

pub const START_FILE: &str = "wal.start";
const MAGIC: &[u8; 8] = b"AORTALST";
const VERSION: u8 = 1;
pub const START_FILE_BYTES: usize = 24;

pub fn encode(shard: u16, start_position: u64) -> [u8; START_FILE_BYTES] {
    let mut bytes = [0u8; START_FILE_BYTES];
    bytes[0..8].copy_from_slice(MAGIC);
    bytes[8] = VERSION;
    bytes[10..12].copy_from_slice(&shard.to_le_bytes());
    bytes[12..20].copy_from_slice(&start_position.to_le_bytes());
    let crc = crc32c::crc32c(&bytes[0..20]);
    bytes[20..24].copy_from_slice(&crc.to_le_bytes());
    bytes
}

/// The start position, for the shard `shard`.
pub fn decode(bytes: &[u8], shard: u16) -> Result<u64, String> {
    if bytes.len() != START_FILE_BYTES || &bytes[0..8] != MAGIC {
        return Err(format!(
            "not a WAL start file ({} bytes, {START_FILE_BYTES} expected)",
            bytes.len()
        ));
    }
    if u32::from_le_bytes(bytes[20..24].try_into().unwrap()) != crc32c::crc32c(&bytes[0..20]) {
        return Err("WAL start file checksum mismatch".into());
    }
    if bytes[8] != VERSION || bytes[9] != 0 {
        return Err(format!(
            "WAL start file version {} is not supported",
            bytes[8]
        ));
    }
    let stored_shard = u16::from_le_bytes(bytes[10..12].try_into().unwrap());
    if stored_shard != shard {
        return Err(format!(
            "WAL start file belongs to shard {stored_shard}, not {shard}"
        ));
    }
    Ok(u64::from_le_bytes(bytes[12..20].try_into().unwrap()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_start_file_round_trips_and_detects_damage() {
        let bytes = encode(3, 4242);
        assert_eq!(decode(&bytes, 3), Ok(4242));
        assert!(decode(&bytes, 4).is_err());
        for byte in 0..START_FILE_BYTES {
            let mut bad = bytes;
            bad[byte] ^= 0x20;
            assert!(decode(&bad, 3).is_err(), "flip in byte {byte}");
        }
    }
}
