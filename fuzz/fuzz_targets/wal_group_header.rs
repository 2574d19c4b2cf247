//! WAL format 2: `wal::group::read_slot` on a 64-byte header slot, and `group::seal`.
//!
//! The first input byte picks the mode (`% 4`); the slot is the next 64 bytes (zeros past the end).
//! - Modes 0–2, any slot: `read_slot` never panics, and
//!   - `Unwritten` exactly when the slot is all zeros; `Incomplete` only for a non-zero slot whose
//!     last byte is zero; a `Header` or `Damaged` slot has a non-zero last byte;
//!   - a `Header` satisfies the documented field invariants: `record_count >= 1`,
//!     `record_count * 16 <= body_len <= GROUP_BODY_BYTES_MAX`, `first_position <= last_position`,
//!     `last_position - first_position >= record_count - 1`; and the slot is the one encoding of
//!     those fields (re-encoded here from the layout in `group.rs`: reserved bytes zero, checksum).
//!
//!   Mode 0 reads the slot as is; mode 1 first writes the right CRC32C at bytes 56..60; mode 2 also
//!   writes the magic, the version and the end marker, so the field checks are reached.
//! - Mode 3 builds a group (records from chunks of the input, a fuzz-chosen segment and first
//!   position) and seals it: `read_slot` of the result is `Header` of exactly what `seal` returned;
//!   the group is `extent()` bytes, a multiple of 64, zero padded and ends with the trailer; the body
//!   passes `body_matches` and `for_each_record` gives back exactly the records; one fuzz-chosen bit
//!   flipped in the header makes it `Damaged`, one flipped in the body fails `body_matches`.
#![no_main]

use aorta_engine::wal::group::{
    self, GroupHeader, Slot, GROUP_BODY_BYTES_MAX, GROUP_END_MARKER, GROUP_FORMAT_VERSION,
    GROUP_HEADER_BYTES, GROUP_MAGIC, GROUP_TRAILER, GROUP_TRAILER_BYTES,
};
use aorta_engine::wal::record::{self, RecordKind, RECORD_HEADER_BYTES};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    match mode % 4 {
        3 => check_seal(rest),
        mode => {
            let mut slot = [0u8; GROUP_HEADER_BYTES];
            let n = rest.len().min(GROUP_HEADER_BYTES);
            slot[..n].copy_from_slice(&rest[..n]);
            if mode == 2 {
                slot[0..4].copy_from_slice(GROUP_MAGIC);
                slot[4] = GROUP_FORMAT_VERSION;
                slot[60..64].copy_from_slice(GROUP_END_MARKER);
            }
            if mode >= 1 {
                let crc = crc32c::crc32c(&slot[0..56]);
                slot[56..60].copy_from_slice(&crc.to_le_bytes());
            }
            check_slot(&slot);
        }
    }
});

fn check_slot(slot: &[u8; GROUP_HEADER_BYTES]) {
    let read = group::read_slot(slot);
    let zeros = slot.iter().all(|&b| b == 0);
    match &read {
        Slot::Unwritten => assert!(zeros, "a slot with data read as Unwritten"),
        Slot::Incomplete => {
            assert!(!zeros && slot[63] == 0, "Incomplete slot: {slot:02x?}")
        }
        Slot::Damaged(_) | Slot::Header(_) => {
            assert!(
                !zeros && slot[63] != 0,
                "{read:?} for a slot ending in zero"
            )
        }
    }
    let Slot::Header(header) = read else {
        return;
    };
    let count = u64::from(header.record_count);
    assert!(count >= 1, "a header of no records: {header:?}");
    assert!(
        count * RECORD_HEADER_BYTES as u64 <= u64::from(header.body_len),
        "{count} records cannot fit in {} bytes: {header:?}",
        header.body_len
    );
    assert!(
        header.body_len as usize <= GROUP_BODY_BYTES_MAX,
        "body over the limit: {header:?}"
    );
    assert!(
        header.first_position <= header.last_position,
        "positions fall: {header:?}"
    );
    assert!(
        header.last_position - header.first_position >= count - 1,
        "positions cannot hold the records: {header:?}"
    );
    assert_eq!(
        &encode_slot(&header)[..],
        &slot[..],
        "re-encoding the accepted header {header:?} differs from the slot"
    );
}

/// The header layout of `group.rs`, written independently of `seal`.
fn encode_slot(h: &GroupHeader) -> [u8; GROUP_HEADER_BYTES] {
    let mut s = [0u8; GROUP_HEADER_BYTES];
    s[0..4].copy_from_slice(GROUP_MAGIC);
    s[4] = GROUP_FORMAT_VERSION;
    s[8..12].copy_from_slice(&h.body_len.to_le_bytes());
    s[12..16].copy_from_slice(&h.record_count.to_le_bytes());
    s[16..24].copy_from_slice(&h.segment.to_le_bytes());
    s[24..32].copy_from_slice(&h.first_position.to_le_bytes());
    s[32..40].copy_from_slice(&h.last_position.to_le_bytes());
    s[40..44].copy_from_slice(&h.body_crc.to_le_bytes());
    let crc = crc32c::crc32c(&s[0..56]);
    s[56..60].copy_from_slice(&crc.to_le_bytes());
    s[60..64].copy_from_slice(GROUP_END_MARKER);
    s
}

/// Reads parameters off the front of the input; zeros once it runs out.
struct Input<'a>(&'a [u8]);

impl<'a> Input<'a> {
    fn byte(&mut self) -> u8 {
        match self.0.split_first() {
            Some((&b, rest)) => {
                self.0 = rest;
                b
            }
            None => 0,
        }
    }
    fn u64(&mut self) -> u64 {
        let mut v = [0u8; 8];
        for b in &mut v {
            *b = self.byte();
        }
        u64::from_le_bytes(v)
    }
    fn take(&mut self, n: usize) -> &'a [u8] {
        let (chunk, rest) = self.0.split_at(n.min(self.0.len()));
        self.0 = rest;
        chunk
    }
}

fn check_seal(data: &[u8]) {
    let mut input = Input(data);
    let segment = input.u64();
    let flip = input.u64();
    let record_count = 1 + input.byte() as usize % 8;
    // Positions rise by 1..=4 from a fuzz-chosen start that leaves room for them.
    let mut position = input.u64().min(u64::MAX - 4 * record_count as u64);
    let mut buf = vec![0u8; GROUP_HEADER_BYTES];
    let mut records = Vec::new();
    for i in 0..record_count {
        let shape = input.byte();
        let kind = if shape & 1 == 0 {
            RecordKind::Batch
        } else {
            RecordKind::Metadata
        };
        if i > 0 {
            position += 1 + u64::from((shape >> 1) & 3);
        }
        let len = input.byte() as usize;
        let payload = input.take(len).to_vec();
        record::encode(kind, position, &payload, &mut buf);
        records.push((kind, position, payload));
    }
    let body_len = buf.len() - GROUP_HEADER_BYTES;
    let first = records[0].1;
    let header = group::seal(&mut buf, segment, first, position, record_count as u32);

    assert_eq!(
        (
            header.body_len as usize,
            header.record_count as usize,
            header.segment
        ),
        (body_len, record_count, segment),
        "seal returned other fields"
    );
    assert_eq!(
        (header.first_position, header.last_position),
        (first, position)
    );
    assert_eq!(
        group::read_slot(&buf),
        Slot::Header(header),
        "a sealed header does not read back"
    );
    assert_eq!(
        buf.len(),
        header.extent(),
        "the sealed group is not extent() bytes"
    );
    assert_eq!(
        buf.len() % 64,
        0,
        "the sealed group is not a multiple of 64 bytes"
    );
    assert!(
        buf.ends_with(GROUP_TRAILER),
        "the sealed group does not end with the trailer"
    );
    let body_end = GROUP_HEADER_BYTES + body_len;
    assert!(
        buf[body_end..buf.len() - GROUP_TRAILER_BYTES]
            .iter()
            .all(|&b| b == 0),
        "padding is not zero"
    );
    assert_eq!(
        &encode_slot(&header)[..],
        &buf[..GROUP_HEADER_BYTES],
        "seal's header layout"
    );
    let body = &buf[GROUP_HEADER_BYTES..body_end];
    assert!(
        group::body_matches(&header, body),
        "a sealed body fails its checksum"
    );
    let mut seen = Vec::new();
    group::for_each_record(&header, body, &mut |_, r| {
        seen.push((r.kind, r.position, r.payload.to_vec()));
        Ok(())
    })
    .unwrap_or_else(|(at, e)| panic!("a sealed body does not decode at {at}: {e}"));
    assert!(seen == records, "for_each_record gives back other records");

    let bit = (flip % (GROUP_HEADER_BYTES as u64 * 8)) as usize;
    let mut damaged = buf.clone();
    damaged[bit / 8] ^= 1 << (bit % 8);
    assert!(
        matches!(group::read_slot(&damaged), Slot::Damaged(_)),
        "header bit {bit} flipped: {:?}",
        group::read_slot(&damaged)
    );
    let bit = (flip % (body_len as u64 * 8)) as usize;
    let mut body = body.to_vec();
    body[bit / 8] ^= 1 << (bit % 8);
    assert!(
        !group::body_matches(&header, &body),
        "body bit {bit} flipped passes the checksum"
    );
}
