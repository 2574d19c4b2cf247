//! History file entries (`engine/src/history/file.rs`): `decode_change` on arbitrary bytes.
//!
//! The first 12 input bytes are the key (position and index), the rest the value.
//! - `decode_change` never panics;
//! - what it accepts is a change whose resources fit its action, whose position is the key's, whose
//!   old resource is older than it and whose new resource's revision is its position; and it
//!   encodes back to exactly the same value.
#![no_main]

use aorta_engine::history::file::{decode_change, encode_change_value, HISTORY_KEY_BYTES};
use aorta_engine::state::Action;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < HISTORY_KEY_BYTES {
        let _ = decode_change(data, &[]);
        return;
    }
    let (key, value) = data.split_at(HISTORY_KEY_BYTES);
    if let Ok(change) = decode_change(key, value) {
        let position = u64::from_be_bytes(key[0..8].try_into().unwrap());
        assert_eq!(change.position, position);
        match change.action {
            Action::Created => assert!(change.old.is_none() && change.new.is_some()),
            Action::Updated => assert!(change.old.is_some() && change.new.is_some()),
            Action::Deleted => assert!(change.old.is_some() && change.new.is_none()),
        }
        if let Some(old) = &change.old {
            assert!(old.revision < position);
        }
        if let Some(new) = &change.new {
            assert_eq!(new.revision, position);
        }
        let mut encoded = Vec::new();
        encode_change_value(&change, &mut encoded);
        assert_eq!(encoded, value, "decode accepted what encode would not produce");
    }
});
