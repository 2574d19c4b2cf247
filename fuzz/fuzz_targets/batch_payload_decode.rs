//! `codec::decode_batch` on arbitrary bytes: never panics; when it accepts a payload,
//! `encode_batch` of the result reproduces the input exactly (one encoding per batch), and every
//! resource's revision is the record position it was decoded at.
#![no_main]

use aorta_engine::codec::{decode_batch, encode_batch};
use aorta_engine::Change;
use libfuzzer_sys::fuzz_target;

const POSITION: u64 = 42;

fuzz_target!(|data: &[u8]| {
    let Ok(batch) = decode_batch(POSITION, data) else {
        return;
    };
    assert_eq!(batch.position, POSITION);
    for change in &batch.changes {
        if let Change::Created(r) | Change::Updated(r) = change {
            assert_eq!(r.revision, POSITION);
        }
    }
    let mut out = Vec::with_capacity(data.len());
    encode_batch(&batch, &mut out);
    assert!(
        out == data,
        "re-encoding a decoded batch differs from its input\n input: {}\noutput: {}",
        hex(data),
        hex(&out)
    );
});

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
