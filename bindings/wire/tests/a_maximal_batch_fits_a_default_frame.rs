//! The largest batch the engine accepts (`BATCH_COMMANDS_MAX` commands, `BATCH_BYTES_MAX` bytes
//! in the log, each command with the most tags) fits one frame of the default size, and an event
//! carrying two maximal resources fits the smallest configurable frame.

mod support;

use std::sync::Arc;

use aorta_engine::limits::{
    BATCH_BYTES_MAX, BATCH_COMMANDS_MAX, DATA_BYTES_MAX, NAME_BYTES_MAX, TAG_COUNT_MAX,
    TAG_KEY_BYTES_MAX, TAG_VALUE_BYTES_MAX,
};
use aorta_engine::subscription::{Event, EventAction};
use aorta_engine::{Batch, Command, Resource, ResourceId, ResourceSpec};
use aorta_wire::convert::{events_to_wire, Call};
use aorta_wire::frame::{FrameDecoder, FrameEncoder, FRAME_BYTES_DEFAULT, FRAME_BYTES_MIN};
use aorta_wire::wire;

/// The most tags, each as long as allowed.
fn longest_tags() -> std::collections::BTreeMap<String, String> {
    (0..TAG_COUNT_MAX)
        .map(|i| {
            let key = format!("{i:0width$}", width = TAG_KEY_BYTES_MAX);
            (key, "v".repeat(TAG_VALUE_BYTES_MAX))
        })
        .collect()
}

/// The most tags, each as short as allowed: the most FlatBuffers overhead (a table, two strings
/// and an offset each) for the fewest bytes in the log.
fn shortest_tags() -> std::collections::BTreeMap<String, String> {
    (0..TAG_COUNT_MAX)
        .map(|i| (format!("{i:x}"), String::new()))
        .collect()
}

fn batch_with_data(data_len: usize) -> Batch {
    Batch::new(
        (0..BATCH_COMMANDS_MAX)
            .map(|i| {
                let name = format!("{i:0width$}", width = NAME_BYTES_MAX);
                let mut spec = ResourceSpec::new("/a", &name, "t");
                spec.tags = shortest_tags();
                spec.data = vec![b'x'; data_len];
                Command::put(spec, Some(1))
            })
            .collect(),
    )
}

/// The largest batch `Batch::validate` accepts with the most commands, each with the most
/// (shortest) tags and the longest name: the data is as long as the byte limit allows.
fn maximal_batch() -> Batch {
    let (mut fits, mut too_long) = (0, BATCH_BYTES_MAX / BATCH_COMMANDS_MAX + 1);
    while too_long - fits > 1 {
        let middle = (fits + too_long) / 2;
        match batch_with_data(middle).validate() {
            Ok(_) => fits = middle,
            Err(_) => too_long = middle,
        }
    }
    batch_with_data(fits)
}

#[test]
fn a_maximal_batch_fits_a_default_frame() {
    let batch = maximal_batch();
    assert!(batch.clone().validate().is_ok());
    let message = wire::Message::Request(Box::new(wire::Request {
        id: u64::MAX,
        body: Call::Commit(batch).to_wire(),
    }));
    let mut out = Vec::new();
    FrameEncoder::with_limit(FRAME_BYTES_DEFAULT)
        .unwrap()
        .encode(&message, &mut out)
        .expect("a maximal batch fits the default frame");
    println!(
        "a maximal batch is {} bytes in a frame of at most {FRAME_BYTES_DEFAULT}",
        out.len()
    );
    // And it decodes: verified, weighed (not taken for an inflated body), converted.
    let mut input = &out[..];
    let decoded = FrameDecoder::default().decode(&mut input).unwrap();
    assert_eq!(decoded, Some(message));
}

#[test]
fn an_event_with_two_maximal_resources_fits_the_smallest_frame() {
    let resource = Arc::new(Resource {
        api_version: "v1".into(),
        id: ResourceId::new(1, 2, 3, 4),
        namespace: "/a".into(),
        name: "n".repeat(NAME_BYTES_MAX),
        kind: "t".into(),
        created_ms: 0,
        owner: "o".into(),
        tags: longest_tags(),
        cost: 0,
        data: vec![0; DATA_BYTES_MAX],
        revision: 3,
    });
    let event = Event {
        shard: 0,
        position: 3,
        commit_time_ms: 0,
        action: EventAction::Updated,
        old: Some(resource.clone()),
        new: Some(resource),
    };
    let message = wire::Message::Events(Box::new(events_to_wire(&[event], &[3; 256])));
    let mut out = Vec::new();
    FrameEncoder::with_limit(FRAME_BYTES_MIN)
        .unwrap()
        .encode(&message, &mut out)
        .expect("fits the smallest frame");
}
