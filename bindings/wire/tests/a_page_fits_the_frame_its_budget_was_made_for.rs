//! A page cut by `page_budget_for_frame` fits its frame: the weight `resource_wire_bytes_max` gives
//! a resource is at least what it adds to an encoded page, and `PAGE_ENVELOPE_BYTES_MAX` covers the
//! rest of the frame even with a position for every shard and the longest token.

use std::collections::BTreeMap;

use aorta_engine::limits::{
    DATA_BYTES_MAX, NAMESPACE_DEPTH_MAX, SEGMENT_BYTES_MAX, SHARDS_MAX, TABLE_KEY_BYTES_MAX,
    TAG_COUNT_MAX, TAG_KEY_BYTES_MAX, TAG_VALUE_BYTES_MAX,
};
use aorta_engine::query::{Page, ShardResume, Token};
use aorta_engine::{Resource, ResourceId};
use aorta_wire::convert::{
    page_budget_for_frame, resource_wire_bytes_max, Reply, PAGE_ENVELOPE_BYTES_MAX,
};
use aorta_wire::frame::{FrameEncoder, FRAME_BYTES_MAX, FRAME_BYTES_MIN};
use aorta_wire::wire;
use proptest::prelude::*;

/// The longest token there is: every shard resuming after a longest key.
fn longest_token() -> Token {
    let key = vec![0xFF; TABLE_KEY_BYTES_MAX];
    Token::new(
        u64::MAX,
        vec![u64::MAX; SHARDS_MAX],
        vec![ShardResume::After(key); SHARDS_MAX],
    )
    .unwrap()
}

fn page_frame_len(items: Vec<Resource>, next: Option<Token>) -> usize {
    let message = wire::Message::Response(Box::new(wire::Response {
        request_id: u64::MAX,
        body: Reply::Page(Page {
            items,
            positions: vec![u64::MAX; SHARDS_MAX],
            next,
        })
        .to_wire(),
    }));
    let mut out = Vec::new();
    FrameEncoder::with_limit(FRAME_BYTES_MAX)
        .unwrap()
        .encode(&message, &mut out)
        .unwrap();
    out.len()
}

fn resource(name_len: usize, tags: BTreeMap<String, String>, data_len: usize) -> Resource {
    let namespace: String = (0..NAMESPACE_DEPTH_MAX)
        .map(|i| {
            format!(
                "/{}",
                char::from(b'a' + i as u8)
                    .to_string()
                    .repeat(SEGMENT_BYTES_MAX / 4)
            )
        })
        .collect();
    Resource {
        api_version: "v1".into(),
        id: ResourceId::new(7, 1, 2, 3),
        namespace,
        name: "n".repeat(name_len.max(1)),
        kind: "k".repeat(1 + name_len % 7),
        created_ms: u64::MAX,
        owner: "o".repeat(name_len % 5),
        tags,
        cost: u64::MAX,
        data: vec![0xA5; data_len],
        revision: u64::MAX,
    }
}

/// The most tags with empty values and one-character keys: the most overhead per byte.
fn shortest_tags() -> BTreeMap<String, String> {
    (0..TAG_COUNT_MAX)
        .map(|i| (format!("{i:x}"), String::new()))
        .collect()
}

fn longest_tags() -> BTreeMap<String, String> {
    (0..TAG_COUNT_MAX)
        .map(|i| {
            let key = format!("{i:0width$}", width = TAG_KEY_BYTES_MAX);
            (key, "v".repeat(TAG_VALUE_BYTES_MAX))
        })
        .collect()
}

#[test]
fn the_envelope_covers_an_empty_page_with_every_position_and_the_longest_token() {
    let len = page_frame_len(Vec::new(), Some(longest_token()));
    assert!(
        len <= PAGE_ENVELOPE_BYTES_MAX,
        "an empty page is {len} bytes, the envelope allows {PAGE_ENVELOPE_BYTES_MAX}"
    );
}

#[test]
fn a_page_filled_to_its_budget_fits_the_smallest_frame() {
    let budget = page_budget_for_frame(FRAME_BYTES_MIN as usize);
    for shape in [
        resource(1, shortest_tags(), 0),
        resource(200, longest_tags(), 1000),
        resource(3, BTreeMap::new(), 70_000),
        resource(50, shortest_tags(), DATA_BYTES_MAX),
    ] {
        // As a merge fills a page: resources while their weights fit.
        let mut items = Vec::new();
        let mut weight = 0;
        while weight + (budget.weigh)(&shape) <= budget.bytes_max || items.is_empty() {
            weight += (budget.weigh)(&shape);
            items.push(shape.clone());
        }
        let count = items.len();
        let len = page_frame_len(items, Some(longest_token()));
        assert!(
            len <= FRAME_BYTES_MIN as usize,
            "{count} resources weighing {weight} make a frame of {len} bytes"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_resources_weight_is_at_least_what_it_adds_to_a_page(
        shapes in prop::collection::vec(
            (1usize..200, 0usize..TAG_COUNT_MAX, 0usize..TAG_VALUE_BYTES_MAX, 0usize..5000),
            1..20,
        )
    ) {
        let items: Vec<Resource> = shapes
            .iter()
            .map(|&(name_len, tag_count, value_len, data_len)| {
                let tags = (0..tag_count)
                    .map(|i| (format!("{i:x}"), "v".repeat(value_len % (i + 2))))
                    .collect();
                resource(name_len, tags, data_len)
            })
            .collect();
        let weight: usize = items.iter().map(resource_wire_bytes_max).sum();
        let empty = page_frame_len(Vec::new(), None);
        let full = page_frame_len(items, None);
        prop_assert!(
            full - empty <= weight,
            "the resources add {} bytes, weigh {weight}", full - empty
        );
    }
}
