//! Writes a few valid inputs into `corpus/<target>/` (gitignored) so the fuzzers start from real
//! frames instead of having to discover checksums. Run from `fuzz/`: `cargo run --example gen_seeds`.

use std::collections::BTreeMap;
use std::path::Path;

use aorta_engine::codec::encode_batch;
use aorta_engine::wal::group::{seal, GROUP_HEADER_BYTES};
use aorta_engine::wal::record::{encode, RecordKind};
use aorta_engine::wal::segment::{encode_header, SegmentHeader};
use aorta_engine::wal::start;
use aorta_engine::{Change, CommittedBatch, Resource, ResourceId};

fn resource(name: &str, tags: &[(&str, &str)], data: &[u8]) -> Resource {
    Resource {
        api_version: "v1".into(),
        id: ResourceId::new(1, 2, 3, 4),
        namespace: "/apps/web".into(),
        name: name.into(),
        kind: "task".into(),
        created_ms: 1234,
        owner: "alice".into(),
        tags: tags
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect::<BTreeMap<_, _>>(),
        cost: 5,
        data: data.to_vec(),
        revision: 42,
    }
}

fn batch(commit_time_ms: u64, changes: Vec<Change>) -> Vec<u8> {
    let mut out = Vec::new();
    encode_batch(
        &CommittedBatch {
            position: 42,
            commit_time_ms,
            changes,
        },
        &mut out,
    );
    out
}

/// A segment body of one sealed group per entry of `groups` (segment 101).
fn log_of(groups: &[&[(RecordKind, u64, &[u8])]]) -> Vec<u8> {
    let mut log = Vec::new();
    for records in groups {
        let mut buf = vec![0u8; GROUP_HEADER_BYTES];
        for &(kind, position, payload) in records.iter() {
            encode(kind, position, payload, &mut buf);
        }
        let first = records[0].1;
        let last = records[records.len() - 1].1;
        seal(&mut buf, 101, first, last, records.len() as u32);
        log.extend_from_slice(&buf);
    }
    log
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join(name), bytes).unwrap();
}

fn main() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");

    let batches = [
        batch(0, vec![]),
        batch(1000, vec![Change::Created(resource("a", &[], b""))]),
        batch(
            1001,
            vec![
                Change::Created(resource(
                    "a",
                    &[("env", "prod"), ("team", "core")],
                    b"{\"x\":1}",
                )),
                Change::Updated(resource("b", &[("env", "dev")], b"data")),
                Change::Deleted {
                    id: ResourceId::new(1, 2, 3, 5),
                    namespace: "/apps".into(),
                    name: "c".into(),
                },
            ],
        ),
    ];
    let dir = corpus.join("batch_payload_decode");
    for (i, b) in batches.iter().enumerate() {
        write(&dir, &format!("seed-{i}"), b);
    }

    // wal_record_decode. Raw mode: a control byte (bit 0: last segment; bit 7 clear) then a segment
    // body of format-2 groups, written for segment 101 after position 100 as the target scans them.
    let dir = corpus.join("wal_record_decode");
    let log = log_of(&[
        &[
            (RecordKind::Batch, 101, &batches[0][..]),
            (RecordKind::Batch, 102, &batches[1][..]),
        ],
        &[(RecordKind::Metadata, 103, b"vote")],
        &[
            (RecordKind::Batch, 105, &batches[2][..]),
            (RecordKind::Metadata, 107, &[0u8; 700][..]),
        ],
    ]);
    for (name, control) in [("last", 0x01u8), ("closed", 0x00)] {
        write(
            &dir,
            &format!("seed-log-{name}"),
            &[&[control][..], &log].concat(),
        );
    }
    let mut torn = log.clone();
    let cut = torn.len() - 300;
    torn[cut..].fill(0);
    write(&dir, "seed-log-torn", &[&[0x01][..], &torn].concat());
    let mut zeros = log.clone();
    zeros.extend_from_slice(&[0u8; 512]);
    write(&dir, "seed-log-zeros", &[&[0x01][..], &zeros].concat());
    let mut flipped = log.clone();
    flipped[200] ^= 0x08;
    write(&dir, "seed-log-flipped", &[&[0x01][..], &flipped].concat());
    // A lone record frame (raw mode decodes the bytes after the control byte as a record too).
    let mut one = vec![0x00];
    encode(RecordKind::Batch, 101, &batches[2], &mut one);
    write(&dir, "seed-record", &one);
    // Built mode (bit 7 set): damage kind, 8 bytes of damage parameter, file offset / 64, group count,
    // then per group a record count and per record a shape byte, a length byte and the payload.
    let payload: Vec<u8> = (0u8..=255).collect();
    for (damage, param) in [
        (0u8, 0u64),
        (1, 1500),
        (2, 0b10),
        (3, 4000 * 8 + 3),
        (3, 20 * 8),
    ] {
        let mut seed = vec![0x81, damage];
        seed.extend_from_slice(&param.to_le_bytes());
        seed.extend_from_slice(&[3, 2]); // file offset 192, 3 groups
        for (records, shape, len) in [(1u8, 0x80u8, 40u8), (3, 0x03, 200), (2, 0x81, 60)] {
            seed.push(records - 1);
            for _ in 0..records {
                seed.extend_from_slice(&[shape, len]);
                let bytes = len as usize * if shape & 0x80 != 0 { 16 } else { 1 };
                seed.extend(payload.iter().cycle().take(bytes));
            }
        }
        write(&dir, &format!("seed-built-{damage}-{param}"), &seed);
        seed[0] = 0x80;
        write(&dir, &format!("seed-built-closed-{damage}-{param}"), &seed);
    }

    // wal_group_header: a mode byte, then a sealed header slot (modes 0-2) or seal parameters (3).
    let dir = corpus.join("wal_group_header");
    for mode in 0u8..3 {
        write(
            &dir,
            &format!("seed-slot-{mode}"),
            &[&[mode][..], &log[..64]].concat(),
        );
    }
    write(&dir, "seed-slot-zeros", &[0u8; 65]);
    let mut incomplete = log[..64].to_vec();
    incomplete[40..].fill(0);
    write(
        &dir,
        "seed-slot-incomplete",
        &[&[0][..], &incomplete].concat(),
    );
    let mut seal_seed = vec![3];
    seal_seed.extend_from_slice(&101u64.to_le_bytes()); // segment
    seal_seed.extend_from_slice(&77u64.to_le_bytes()); // which bits to flip
    seal_seed.push(2); // 3 records
    seal_seed.extend_from_slice(&101u64.to_le_bytes()); // first position
    for (shape, len) in [(0u8, 10u8), (0x03, 0), (0x06, 200)] {
        seal_seed.extend_from_slice(&[shape, len]);
        seal_seed.extend_from_slice(&payload[..len as usize]);
    }
    write(&dir, "seed-seal", &seal_seed);

    // segment_header_decode: a control byte (0: no checksum fix, shard 0 for the start file), then
    // a segment header or a start file.
    let dir = corpus.join("segment_header_decode");
    let headers = [
        SegmentHeader {
            shard: 0,
            first_position: 1,
            previous_last_position: 0,
        },
        SegmentHeader {
            shard: 3,
            first_position: 1234,
            previous_last_position: 1233,
        },
        SegmentHeader {
            shard: u16::MAX,
            first_position: u64::MAX,
            previous_last_position: u64::MAX - 1,
        },
    ];
    for (i, h) in headers.iter().enumerate() {
        write(
            &dir,
            &format!("seed-segment-{i}"),
            &[&[0u8][..], &encode_header(h)].concat(),
        );
    }
    write(
        &dir,
        "seed-start-0",
        &[&[0u8][..], &start::encode(0, 0)].concat(),
    );
    write(
        &dir,
        "seed-start-1",
        &[&[3 << 2][..], &start::encode(3, 4242)].concat(),
    );
    write(
        &dir,
        "seed-start-2",
        &[&[2][..], &start::encode(9, u64::MAX)].concat(),
    );

    println!("seeds written under {}", corpus.display());
}
