//! A body whose objects are shared so that its owned form would be far larger than the body (a
//! page of thousands of offsets to one resource) is refused as `Inflated` before anything is
//! copied; honest bodies, a maximal batch included, are never refused so.

mod support;

use aorta_wire::frame::{header, FrameDecoder, FrameError};
use aorta_wire::wire;
use support::*;

/// An envelope holding a response whose page lists the same resource `copies` times.
fn page_of_one_shared_resource(copies: usize, data_len: usize) -> Vec<u8> {
    let mut builder = planus::Builder::new();
    let resource = wire::Resource {
        api_version: "v1".into(),
        namespace_path: "/a".into(),
        name: "n".into(),
        kind: "t".into(),
        data: Some(vec![0; data_len]),
        ..Default::default()
    };
    let shared = wire::Resource::create(
        &mut builder,
        &resource.api_version,
        resource.id,
        &resource.namespace_path,
        &resource.name,
        &resource.kind,
        0u64,
        None::<String>,
        None::<Vec<wire::Tag>>,
        0u64,
        &resource.data,
        0u64,
    );
    let items = vec![shared; copies];
    let page = wire::Page::create(&mut builder, items, [1u64], None::<String>);
    let body = wire::ResponseBody::create_page(&mut builder, page);
    let response = wire::Response::create(&mut builder, 7u64, body);
    let message = wire::Message::create_response(&mut builder, response);
    let envelope = wire::Envelope::create(&mut builder, message);
    let body = builder.finish(envelope, None).to_vec();
    let mut frame = header(body.len() as u32).to_vec();
    frame.extend_from_slice(&body);
    frame
}

#[test]
fn a_page_of_one_shared_resource_is_refused() {
    // 40 KB of body that would read as 10,000 resources of 1 KB each.
    let frame = page_of_one_shared_resource(10_000, 1_000);
    let mut input = &frame[..];
    let error = FrameDecoder::default().decode(&mut input).unwrap_err();
    assert!(matches!(error, FrameError::Inflated { .. }), "{error:?}");
    assert_eq!(error.code(), wire::ErrorCode::Malformed);
}

#[test]
fn a_little_sharing_is_within_the_slack() {
    // The same construction with two copies of a small resource weighs less than the slack.
    let frame = page_of_one_shared_resource(2, 10);
    let mut input = &frame[..];
    assert!(FrameDecoder::default()
        .decode(&mut input)
        .unwrap()
        .is_some());
}

#[test]
fn honest_messages_are_never_inflated() {
    for message in every_message() {
        through_a_frame(&message);
    }
}

/// The encoder writes equal strings and byte vectors once each time they occur: if planus's
/// string or bytes cache were switched on (by a feature of another crate in the build), honest
/// frames with repeated data would weigh more than their bodies and could be refused.
#[test]
fn the_encoder_never_shares_objects() {
    let data = vec![0xabu8; 4096];
    let resource = wire::Resource {
        api_version: "v1".into(),
        namespace_path: "/a".into(),
        name: "n".into(),
        kind: "t".into(),
        data: Some(data.clone()),
        ..Default::default()
    };
    let message = wire::Message::Response(Box::new(wire::Response {
        request_id: 0,
        body: wire::ResponseBody::Page(Box::new(wire::Page {
            items: vec![resource.clone(), resource],
            positions: vec![1],
            next_token: None,
        })),
    }));
    let frame = frames(&[message]);
    assert!(
        frame.len() > 2 * data.len(),
        "the data is written twice ({} bytes for two copies of {})",
        frame.len(),
        data.len()
    );
}
