//! WAL format 2: `wal::record::decode` and `wal::scan::scan`.
//!
//! The first input byte is a control byte: bit 0 is `is_last_segment`, bit 7 picks the mode. The
//! scan always uses `segment = SEGMENT`, `after_position = AFTER`.
//!
//! **Raw mode** (bit 7 clear): the rest of the input is both a record frame and a segment body.
//! - `record::decode` never panics; when it accepts a frame, `record::encode(kind, position,
//!   payload)` reproduces the input's first `encoded_len()` bytes exactly (one encoding per frame).
//! - `scan` (at file offset 0) never panics, and for any bytes:
//!   - the groups `on_group` reports are contiguous from offset 0 (each begins where the one
//!     before ends, by `GroupHeader::extent`), aligned to 64, inside the bytes, and name `SEGMENT`;
//!   - each group that the scan went past had its records visited: `record_count` of them, from
//!     `first_position` to `last_position`;
//!   - visited records have strictly rising positions, all above `AFTER`;
//!   - `valid_end` is the end of the last group the scan went past (0 if none), `last_position`
//!     that group's last position (`AFTER` if none);
//!   - `Clean` ⇒ `valid_end == len`; any other end names an offset `>= valid_end` and `< len`:
//!     `valid_end` itself, except a `Corrupt` inside the last reported group's body, which names the
//!     record's offset;
//!   - `!is_last_segment` never gives `TornTail`.
//!
//! **Built mode** (bit 7 set): the input describes a *valid* log — group sizes, record kinds,
//! position gaps and payload chunks taken from the input — sealed with `group::seal` at a
//! fuzz-chosen 64-aligned file offset, then one fuzz-chosen damage, and the verdict is checked
//! (besides every raw-mode property):
//! - no damage (or a damage that changed no byte) ⇒ `Clean`, every record replayed with its kind
//!   and payload;
//! - a tear (every byte from k on zeroed) ⇒ the groups wholly before k are replayed and the end is
//!   `TornTail` at the offset of the group holding k (`Corrupt` there in a closed segment);
//!   in particular a tear in the last group replays every earlier group;
//! - zeroed 512-byte file-aligned sectors of the last group ⇒ every earlier group is replayed and
//!   the end is `TornTail` at the last group's offset (`Corrupt` there in a closed segment);
//! - one bit flipped in a group before the last ⇒ `Corrupt` at that group's offset, the groups
//!   before it replayed (never `TornTail`, never a `Clean` end that skips it); in the last group ⇒
//!   not `Clean`, the end at its offset, every earlier group replayed.
#![no_main]

use aorta_engine::wal::group::{self, GroupHeader, GROUP_ALIGN_BYTES, GROUP_HEADER_BYTES};
use aorta_engine::wal::record::{self, RecordKind};
use aorta_engine::wal::scan::{scan, ScanEnd, ScanFrom, ScanOutcome, SECTOR_BYTES};
use libfuzzer_sys::fuzz_target;

const SEGMENT: u64 = 101;
const AFTER: u64 = 100;

fuzz_target!(|data: &[u8]| {
    let Some((&control, rest)) = data.split_first() else {
        return;
    };
    let is_last = control & 1 == 1;
    if control & 0x80 == 0 {
        check_decode(rest);
        let from = ScanFrom {
            file_offset: 0,
            segment: SEGMENT,
            after_position: AFTER,
            is_last_segment: is_last,
        };
        run_scan(rest, from);
    } else {
        check_built(rest, is_last);
    }
});

fn check_decode(data: &[u8]) {
    let Ok(rec) = record::decode(data) else {
        return;
    };
    let len = rec.encoded_len();
    assert!(
        len <= data.len(),
        "encoded_len {len} is past the {} input bytes",
        data.len()
    );
    let mut out = Vec::with_capacity(len);
    record::encode(rec.kind, rec.position, rec.payload, &mut out);
    assert_eq!(
        out.as_slice(),
        &data[..len],
        "re-encoding a decoded record differs from its input"
    );
}

/// What one scan reported, in the order it reported it.
struct Seen {
    outcome: ScanOutcome,
    groups: Vec<(u64, GroupHeader)>,
    /// (index into `groups` of the group being read, kind, position, payload)
    records: Vec<(usize, RecordKind, u64, Vec<u8>)>,
    /// How many leading groups the scan went past (all their records read, `valid_end` after them).
    passed: usize,
}

/// Runs `scan` and checks the properties that hold for any bytes (module doc, raw mode).
fn run_scan(bytes: &[u8], from: ScanFrom) -> Seen {
    let len = bytes.len() as u64;
    let base = from.file_offset;
    let mut groups: Vec<(u64, GroupHeader)> = Vec::new();
    let mut records: Vec<(usize, RecordKind, u64, Vec<u8>)> = Vec::new();
    let outcome = {
        let groups_cell = std::cell::RefCell::new(&mut groups);
        scan(
            bytes,
            from,
            &mut |offset, header| groups_cell.borrow_mut().push((offset, *header)),
            &mut |r| {
                let group = groups_cell.borrow().len().checked_sub(1);
                let group = group.expect("a record visited before any group was reported");
                records.push((group, r.kind, r.position, r.payload.to_vec()));
                Ok(())
            },
        )
    };

    // Reported groups: contiguous from the start, aligned, inside the bytes, in this segment.
    let mut next = base;
    for (offset, header) in &groups {
        assert_eq!(
            *offset, next,
            "group at {offset} does not begin where the one before ends"
        );
        assert_eq!(
            offset % GROUP_ALIGN_BYTES as u64,
            0,
            "group at {offset} is not 64-aligned"
        );
        assert!(
            offset + header.extent() as u64 <= base + len,
            "group at {offset} of extent {} runs past the {len} bytes",
            header.extent()
        );
        assert_eq!(
            header.segment, SEGMENT,
            "group at {offset} names another segment"
        );
        next = offset + header.extent() as u64;
    }

    // Visited records rise strictly from above `after_position`.
    let mut last = from.after_position;
    for &(_, _, position, _) in &records {
        assert!(
            position > last,
            "record position {position} does not rise above {last}"
        );
        last = position;
    }

    // Which groups the scan went past: all reported groups, except the last one when the scan
    // stopped inside its body (a Corrupt naming one of its records).
    let mut passed = groups.len();
    if let (Some((offset, header)), ScanEnd::Corrupt { offset: at, .. }) =
        (groups.last(), &outcome.end)
    {
        let body_end = offset + (GROUP_HEADER_BYTES as u64) + header.body_len as u64;
        if *at > *offset && *at <= body_end {
            assert!(
                *at >= offset + GROUP_HEADER_BYTES as u64,
                "corruption named inside a header"
            );
            passed -= 1;
        }
    }
    for (index, (offset, header)) in groups.iter().enumerate().take(passed) {
        let positions: Vec<u64> = records
            .iter()
            .filter(|r| r.0 == index)
            .map(|r| r.2)
            .collect();
        assert_eq!(
            positions.len(),
            header.record_count as usize,
            "group at {offset}: {} records visited, its header says {}",
            positions.len(),
            header.record_count
        );
        assert_eq!(
            positions.first(),
            Some(&header.first_position),
            "group at {offset}: first position"
        );
        assert_eq!(
            positions.last(),
            Some(&header.last_position),
            "group at {offset}: last position"
        );
    }
    let (expected_end, expected_last) = match groups[..passed].last() {
        Some((offset, header)) => (offset + header.extent() as u64, header.last_position),
        None => (base, from.after_position),
    };
    assert_eq!(
        outcome.valid_end, expected_end,
        "valid_end is not the end of the last group read"
    );
    assert_eq!(
        outcome.last_position, expected_last,
        "last_position is not the last position of the last group read"
    );

    match &outcome.end {
        ScanEnd::Clean => {
            assert_eq!(
                outcome.valid_end,
                base + len,
                "Clean end before the bytes end"
            )
        }
        ScanEnd::TornTail { offset, .. } | ScanEnd::Corrupt { offset, .. } => {
            assert!(
                *offset >= outcome.valid_end,
                "verdict offset {offset} is before valid_end"
            );
            assert!(
                *offset < base + len,
                "verdict offset {offset} is outside {len} bytes"
            );
            if passed == groups.len() {
                assert_eq!(
                    *offset, outcome.valid_end,
                    "verdict offset is not valid_end"
                );
            }
        }
    }
    if let ScanEnd::TornTail { reason, .. } = &outcome.end {
        assert!(
            from.is_last_segment,
            "torn tail ({reason}) accepted in a closed segment"
        );
        assert_eq!(
            passed,
            groups.len(),
            "torn tail inside a group whose body passed its checksum"
        );
    }
    Seen {
        outcome,
        groups,
        records,
        passed,
    }
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

/// A record the built log holds.
struct Built {
    kind: RecordKind,
    position: u64,
    payload: Vec<u8>,
}

fn check_built(data: &[u8], is_last: bool) {
    let mut input = Input(data);
    let damage = input.byte() % 4;
    let param = input.u64();
    let file_offset = (input.byte() % 16) as u64 * GROUP_ALIGN_BYTES as u64;
    let group_count = 1 + input.byte() as usize % 6;

    // Build the valid log.
    let mut log = Vec::new();
    let mut offsets = Vec::new(); // file offsets
    let mut groups: Vec<Vec<Built>> = Vec::new();
    let mut position = AFTER;
    for _ in 0..group_count {
        let record_count = 1 + input.byte() as usize % 4;
        let mut buf = vec![0u8; GROUP_HEADER_BYTES];
        let mut built = Vec::new();
        for _ in 0..record_count {
            let shape = input.byte();
            let kind = if shape & 1 == 0 {
                RecordKind::Batch
            } else {
                RecordKind::Metadata
            };
            position += 1 + u64::from((shape >> 1) & 3);
            let len = input.byte() as usize * if shape & 0x80 != 0 { 16 } else { 1 };
            let chunk = input.take(len);
            let payload: Vec<u8> = if chunk.is_empty() {
                vec![0; len]
            } else {
                chunk.iter().copied().cycle().take(len).collect()
            };
            record::encode(kind, position, &payload, &mut buf);
            built.push(Built {
                kind,
                position,
                payload,
            });
        }
        let first = built[0].position;
        group::seal(&mut buf, SEGMENT, first, position, record_count as u32);
        offsets.push(file_offset + log.len() as u64);
        log.extend_from_slice(&buf);
        groups.push(built);
    }
    let len = log.len() as u64;
    let last_group = group_count - 1;
    let group_of = |file_at: u64| offsets.iter().rposition(|&o| o <= file_at).unwrap();

    // Damage it. `expect`: how many groups are replayed, and at which group the end is, if any.
    let mut bytes = log.clone();
    let mut torn_like = true; // false: the damage is a bit flip (never a tear)
    let mut damaged_group: Option<usize> = None;
    match damage {
        0 => {}
        1 => {
            let keep = (param % (len + 1)) as usize;
            bytes[keep..].fill(0);
            if keep < log.len() {
                damaged_group = Some(group_of(file_offset + keep as u64));
            }
        }
        2 => {
            let start = offsets[last_group];
            let first_sector = start / SECTOR_BYTES;
            let end = file_offset + len;
            let sectors = end.div_ceil(SECTOR_BYTES) - first_sector;
            for sector in 0..sectors.min(64) {
                if param & (1 << sector) != 0 {
                    let from = ((first_sector + sector) * SECTOR_BYTES).max(start) - file_offset;
                    let to = ((first_sector + sector + 1) * SECTOR_BYTES).min(end) - file_offset;
                    bytes[from as usize..to as usize].fill(0);
                }
            }
            damaged_group = Some(last_group);
        }
        _ => {
            let bit = param % (len * 8);
            bytes[(bit / 8) as usize] ^= 1 << (bit % 8);
            damaged_group = Some(group_of(file_offset + bit / 8));
            torn_like = false;
        }
    }
    let changed = bytes != log;

    let from = ScanFrom {
        file_offset,
        segment: SEGMENT,
        after_position: AFTER,
        is_last_segment: is_last,
    };
    let seen = run_scan(&bytes, from);
    let end = &seen.outcome.end;

    let replayed = match (changed, damaged_group) {
        (false, _) | (_, None) => {
            assert_eq!(
                *end,
                ScanEnd::Clean,
                "an undamaged log of {group_count} groups"
            );
            group_count
        }
        (true, Some(g)) => {
            let at = offsets[g];
            let what = format!(
                "damage {damage} (param {param}) in group {g} of {group_count} at {at}, \
                 is_last {is_last}: {end:?}"
            );
            let verdict_at = match end {
                ScanEnd::Clean => panic!("Clean end skips the damage: {what}"),
                ScanEnd::TornTail { offset, .. } => {
                    assert!(
                        torn_like || g == last_group,
                        "a bit flip before the last group taken for a torn tail: {what}"
                    );
                    *offset
                }
                ScanEnd::Corrupt { offset, .. } => {
                    assert!(
                        !torn_like || !is_last,
                        "a tear or lost sectors in the last write taken for corruption: {what}"
                    );
                    *offset
                }
            };
            assert_eq!(verdict_at, at, "the verdict names the wrong offset: {what}");
            g
        }
    };

    // Exactly the groups before the damage were replayed, with their records intact.
    assert_eq!(seen.passed, replayed, "groups replayed");
    assert_eq!(seen.groups.len(), replayed, "groups reported");
    let expected: Vec<&Built> = groups[..replayed].iter().flatten().collect();
    assert_eq!(seen.records.len(), expected.len(), "records replayed");
    for (got, want) in seen.records.iter().zip(expected) {
        assert_eq!(
            (got.1, got.2),
            (want.kind, want.position),
            "replayed record"
        );
        assert!(
            got.3 == want.payload,
            "record {} replayed with another payload",
            want.position
        );
    }
    let valid_end = offsets.get(replayed).copied().unwrap_or(file_offset + len);
    assert_eq!(seen.outcome.valid_end, valid_end, "valid_end");
}
