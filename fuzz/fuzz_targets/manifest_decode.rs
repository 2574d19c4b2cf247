//! Tables manifest formats 2 and 1: `Manifest::decode` on arbitrary bytes.
//!
//! The first input byte is a control byte, the rest is the file. Bit 0 set: the right CRC32C is
//! written over the trailer first, so the checks behind the checksum (magic, version, shard,
//! counts, the tables' order and spans) are reached.
//! - `decode` never panics;
//! - what it accepts passes `check`; a format-2 manifest encodes back to exactly the same bytes,
//!   a format-1 one (read as format 2 with no history file) decodes again from its encoding.
#![no_main]

use aorta_engine::table::manifest::Manifest;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&control, rest)) = data.split_first() else {
        return;
    };
    let mut bytes = rest.to_vec();
    if control & 1 != 0 && bytes.len() >= 4 {
        let end = bytes.len() - 4;
        let crc = crc32c::crc32c(&bytes[..end]);
        bytes[end..].copy_from_slice(&crc.to_le_bytes());
    }
    let shard = u16::from(control >> 1);
    if let Ok(manifest) = Manifest::decode(&bytes, shard) {
        assert!(manifest.check().is_ok());
        let encoded = manifest.encode();
        if bytes[8] == aorta_engine::table::manifest::FORMAT_VERSION {
            assert_eq!(encoded, bytes, "decode accepted what encode would not produce");
        } else {
            assert_eq!(Manifest::decode(&encoded, shard).as_ref(), Ok(&manifest));
        }
    }
});
