//! Query continuation tokens (`engine/src/query/token.rs`): `Token::decode` on arbitrary input.
//!
//! The first input byte is a control byte. Bit 0 clear: the rest, lossily made UTF-8, is the
//! token's text. Bit 0 set: the rest is the token's binary body; the target seals it with its
//! CRC32C and encodes it as URL-safe base64, so the checks behind the checksum (version, shard
//! count, resume points, canonical prefixes, trailing bytes) are reached. Bit 1 set (with bit 0):
//! the version byte is forced to 1.
//! - `decode` never panics.
//! - An accepted token re-encodes to exactly its text, within `QUERY_TOKEN_BYTES_MAX`, and has one
//!   position and one resume point per shard, and not every shard done.
#![no_main]

use aorta_engine::limits::QUERY_TOKEN_BYTES_MAX;
use aorta_engine::query::{ShardResume, Token};
use base64::Engine as _;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&control, rest)) = data.split_first() else {
        return;
    };
    let text = if control & 1 == 0 {
        String::from_utf8_lossy(rest).into_owned()
    } else {
        let mut body = rest.to_vec();
        if control & 2 != 0 {
            if let Some(version) = body.first_mut() {
                *version = 1;
            }
        }
        let crc = crc32c::crc32c(&body);
        body.extend_from_slice(&crc.to_le_bytes());
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(body)
    };
    let Ok(token) = Token::decode(&text) else {
        return;
    };
    assert_eq!(token.encode(), text, "a token is not canonical");
    assert!(text.len() <= QUERY_TOKEN_BYTES_MAX);
    assert_eq!(token.positions().len(), token.resume().len());
    assert!(token
        .resume()
        .iter()
        .any(|point| *point != ShardResume::Done));
});
