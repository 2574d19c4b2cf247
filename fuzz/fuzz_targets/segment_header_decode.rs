//! `wal::segment::decode_header` on arbitrary bytes: never panics; when it accepts a header,
//! `encode_header(&header)` equals the input's first 32 bytes (one encoding per header).
#![no_main]

use aorta_engine::wal::segment::{decode_header, encode_header, SEGMENT_HEADER_BYTES};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(header) = decode_header(data) else {
        return;
    };
    let encoded = encode_header(&header);
    assert_eq!(
        &encoded[..],
        &data[..SEGMENT_HEADER_BYTES],
        "re-encoding a decoded segment header {header:?} differs from its input"
    );
});
