//! `wal::record::decode` and `wal::scan::scan` on arbitrary bytes.
//!
//! - `decode` never panics; when it accepts a record, `encode(kind, position, payload)` reproduces
//!   the input's first `encoded_len()` bytes exactly (the frame has one encoding).
//! - `scan(bytes, 0, 0, is_last, ..)`, `is_last` taken from bit 0 of the first byte, never panics;
//!   the records it visits are contiguous from offset 0, have strictly rising positions (the first
//!   above 0) and lie inside `valid_len <= len`; `last_position` is the last visited position; a
//!   `Clean` end means `valid_len == len`, any other end names the offset `valid_len < len`; a
//!   closed segment (`!is_last`) never has a torn tail (damage there is always corruption).
#![no_main]

use aorta_engine::wal::record;
use aorta_engine::wal::scan::{scan, ScanEnd};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    check_decode(data);
    check_scan(data);
});

fn check_decode(data: &[u8]) {
    let Ok(rec) = record::decode(data) else {
        return;
    };
    let len = rec.encoded_len();
    assert!(len <= data.len(), "encoded_len {len} is past the {} input bytes", data.len());
    let mut out = Vec::with_capacity(len);
    record::encode(rec.kind, rec.position, rec.payload, &mut out);
    assert_eq!(out.as_slice(), &data[..len], "re-encoding a decoded record differs from its input");
}

fn check_scan(data: &[u8]) {
    let is_last = data.first().is_some_and(|b| b & 1 == 1);
    let mut visited: Vec<(usize, u64, usize)> = Vec::new();
    let outcome = scan(data, 0, 0, is_last, &mut |offset, rec| {
        visited.push((offset, rec.position, rec.encoded_len()));
        Ok(())
    });

    assert!(
        outcome.valid_len <= data.len(),
        "valid_len {} > len {}",
        outcome.valid_len,
        data.len()
    );
    let mut next = 0usize;
    let mut last = 0u64;
    for &(offset, position, len) in &visited {
        assert_eq!(offset, next, "visited record is not contiguous with the previous one");
        assert!(position > last, "position {position} does not rise above {last}");
        assert!(
            offset + len <= outcome.valid_len,
            "record at {offset}..{} lies past valid_len {}",
            offset + len,
            outcome.valid_len
        );
        next = offset + len;
        last = position;
    }
    assert_eq!(outcome.valid_len, next, "valid_len is not the end of the last visited record");
    assert_eq!(outcome.last_position, last, "last_position is not the last visited position");

    match &outcome.end {
        ScanEnd::Clean => assert_eq!(outcome.valid_len, data.len(), "Clean end before the bytes end"),
        ScanEnd::TornTail { offset, .. } | ScanEnd::Corrupt { offset, .. } => {
            assert!(*offset < data.len(), "verdict offset {offset} is outside {} bytes", data.len());
            assert_eq!(*offset, outcome.valid_len, "verdict offset is not valid_len");
        }
    }
    if let ScanEnd::TornTail { reason, .. } = &outcome.end {
        assert!(is_last, "torn tail ({reason}) accepted in a closed segment");
    }
}
