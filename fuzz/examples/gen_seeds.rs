//! Writes a few valid inputs into `corpus/<target>/` (gitignored) so the fuzzers start from real
//! frames instead of having to discover checksums. Run from `fuzz/`: `cargo run --example gen_seeds`.

use std::collections::BTreeMap;
use std::path::Path;

use aorta_engine::codec::encode_batch;
use aorta_engine::wal::record::{encode, RecordKind};
use aorta_engine::wal::segment::{encode_header, SegmentHeader};
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
                Change::Created(resource("a", &[("env", "prod"), ("team", "core")], b"{\"x\":1}")),
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

    // Records: single frames and small logs. The first byte of a log is the low byte of the first
    // record's payload length, so an odd payload length makes the target scan it as the last segment.
    let dir = corpus.join("wal_record_decode");
    let mut log = Vec::new();
    for (i, b) in batches.iter().enumerate() {
        let mut one = Vec::new();
        encode(RecordKind::Batch, i as u64 + 1, b, &mut one);
        write(&dir, &format!("seed-record-{i}"), &one);
        log.extend_from_slice(&one);
    }
    encode(RecordKind::Metadata, 9, b"vote", &mut log);
    write(&dir, "seed-log", &log);
    let mut odd = Vec::new();
    encode(RecordKind::Metadata, 1, b"odd", &mut odd);
    encode(RecordKind::Batch, 2, &batches[1], &mut odd);
    write(&dir, "seed-log-last", &odd);
    let mut torn = odd.clone();
    torn.truncate(odd.len() - 5);
    write(&dir, "seed-log-torn", &torn);
    let mut zeros = odd.clone();
    zeros.extend_from_slice(&[0u8; 64]);
    write(&dir, "seed-log-zeros", &zeros);

    let dir = corpus.join("segment_header_decode");
    write(&dir, "seed-0", &encode_header(&SegmentHeader { shard: 0, first_position: 1, previous_last_position: 0 }));
    write(&dir, "seed-1", &encode_header(&SegmentHeader { shard: 3, first_position: 1234, previous_last_position: 1200 }));
    write(&dir, "seed-2", &encode_header(&SegmentHeader { shard: u16::MAX, first_position: u64::MAX, previous_last_position: u64::MAX - 1 }));

    println!("seeds written under {}", corpus.display());
}
