//! Sstable format 1: `Sstable::open` (footer, index, filter) and then every read, on arbitrary bytes.
//!
//! The first input byte is a control byte, the rest is the file. Bit 0 set: the right CRC32C is
//! written into the footer first (bytes 60..64 of the last 64, over the 60 before), so the checks
//! behind the checksum (magic, version, reserved bytes, layout) are reached. Bit 1 set: the magic and
//! version are written too.
//! - `open` never panics, and an error names the footer, the index or the filter (never a data
//!   block: open does not read them).
//! - When `open` accepts the file: `first_key <= last_key`; the full iteration never panics, yields
//!   strictly rising keys between `first_key` and `last_key`, and stops after its first error;
//!   `get` and `range` from each key read never panic.
#![no_main]

use aorta_engine::table::sstable::{Block, Sstable, FOOTER_BYTES, FORMAT_VERSION, MAGIC};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&control, rest)) = data.split_first() else {
        return;
    };
    let mut bytes = rest.to_vec();
    if bytes.len() >= FOOTER_BYTES {
        let start = bytes.len() - FOOTER_BYTES;
        if control & 2 != 0 {
            bytes[start..start + 8].copy_from_slice(&MAGIC);
            bytes[start + 8] = FORMAT_VERSION;
        }
        if control & 1 != 0 {
            let crc = crc32c::crc32c(&bytes[start..start + 60]);
            bytes[start + 60..].copy_from_slice(&crc.to_le_bytes());
        }
    }
    let table = match Sstable::open(&bytes) {
        Ok(table) => table,
        Err(error) => {
            assert!(
                !matches!(error.block(), Block::Data { .. }),
                "open read a data block: {error:?}"
            );
            return;
        }
    };
    assert!(table.first_key() <= table.last_key());
    let mut previous: Option<&[u8]> = None;
    let mut iter = table.iter();
    for item in iter.by_ref().take(100_000) {
        let Ok(entry) = item else {
            break;
        };
        assert!(previous.is_none_or(|p| p < entry.key), "keys do not rise");
        assert!(table.first_key() <= entry.key && entry.key <= table.last_key());
        previous = Some(entry.key);
        let _ = table.get(entry.key);
        let _ = table.range(entry.key..).next();
    }
    let _ = table.get(b"");
    let _ = table.get(table.last_key());
});
