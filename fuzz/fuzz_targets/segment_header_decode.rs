//! WAL format 2: `wal::segment::decode_header` (the 64-byte segment header) and `wal::start::decode`
//! (the 24-byte start file) on arbitrary bytes.
//!
//! The first input byte is a control byte, the rest is the file's bytes. Bit 0 set: the right
//! CRC32C is written into the bytes first (segment header: 28..32 over 0..28; start file: 20..24
//! over 0..20), so the checks behind the checksum are reached. Bit 1 set: the start file is decoded
//! for the shard it names (bytes 10..12), else for shard `control >> 2`.
//! - `decode_header` never panics; when it accepts a header, `first_position ==
//!   previous_last_position + 1` and `encode_header(&header)` equals the input's first 64 bytes
//!   (one encoding per header).
//! - `start::decode` never panics; when it accepts the bytes, they are 24 long, belong to the shard
//!   asked for, and `start::encode(shard, start_position)` equals them exactly.
#![no_main]

use aorta_engine::wal::segment::{decode_header, encode_header, SEGMENT_HEADER_BYTES};
use aorta_engine::wal::start;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&control, rest)) = data.split_first() else {
        return;
    };
    let fix_crc = control & 1 == 1;
    check_segment_header(rest, fix_crc);
    let shard = if control & 2 != 0 && rest.len() >= 12 {
        u16::from_le_bytes([rest[10], rest[11]])
    } else {
        u16::from(control >> 2)
    };
    check_start(rest, fix_crc, shard);
});

fn check_segment_header(input: &[u8], fix_crc: bool) {
    let mut bytes = input.to_vec();
    if fix_crc && bytes.len() >= 32 {
        let crc = crc32c::crc32c(&bytes[0..28]);
        bytes[28..32].copy_from_slice(&crc.to_le_bytes());
    }
    let Ok(header) = decode_header(&bytes) else {
        return;
    };
    assert_eq!(
        header.previous_last_position.checked_add(1),
        Some(header.first_position),
        "an accepted segment header does not chain: {header:?}"
    );
    let encoded = encode_header(&header);
    assert_eq!(
        &encoded[..],
        &bytes[..SEGMENT_HEADER_BYTES],
        "re-encoding a decoded segment header {header:?} differs from its input"
    );
}

fn check_start(input: &[u8], fix_crc: bool, shard: u16) {
    let mut bytes = input.to_vec();
    if fix_crc && bytes.len() >= start::START_FILE_BYTES {
        let crc = crc32c::crc32c(&bytes[0..20]);
        bytes[20..24].copy_from_slice(&crc.to_le_bytes());
    }
    let Ok(start_position) = start::decode(&bytes, shard) else {
        return;
    };
    assert_eq!(
        bytes.len(),
        start::START_FILE_BYTES,
        "a start file of {} bytes accepted",
        bytes.len()
    );
    assert_eq!(
        u16::from_le_bytes([bytes[10], bytes[11]]),
        shard,
        "a start file accepted for another shard"
    );
    assert_eq!(
        &start::encode(shard, start_position)[..],
        &bytes[..],
        "re-encoding a decoded start file (shard {shard}, position {start_position}) differs from its input"
    );
}
