//! Frames that break the layout are refused with the error that names the fault: a length over the
//! limit (before any of the body is taken), another version, reserved bytes set, an empty body, a
//! body that is not a valid message. Arbitrary bytes never make the decoder panic.

mod support;

use aorta_wire::frame::{
    header, FrameDecoder, FrameEncoder, FrameError, FRAME_BYTES_DEFAULT, FRAME_BYTES_MAX,
    FRAME_BYTES_MIN, FRAME_HEADER_BYTES, FRAME_VERSION,
};
use aorta_wire::wire;
use proptest::prelude::*;
use support::*;

fn decode_all(bytes: &[u8]) -> Result<Vec<wire::Message>, FrameError> {
    let mut decoder = FrameDecoder::default();
    let mut input = bytes;
    let mut messages = Vec::new();
    while let Some(message) = decoder.decode(&mut input)? {
        messages.push(message);
    }
    Ok(messages)
}

#[test]
fn a_length_over_the_limit_is_refused_before_the_body() {
    let mut decoder = FrameDecoder::default();
    let mut bytes = header(FRAME_BYTES_DEFAULT + 1).to_vec();
    bytes.extend_from_slice(&[0; 100]);
    let mut input = &bytes[..];
    assert_eq!(
        decoder.decode(&mut input),
        Err(FrameError::TooLarge {
            len: u64::from(FRAME_BYTES_DEFAULT) + 1,
            max: FRAME_BYTES_DEFAULT
        })
    );
    assert_eq!(input.len(), 100, "not a byte of the body was taken");
    assert_eq!(decoder.buffered(), FRAME_HEADER_BYTES);
    assert_eq!(
        FrameError::TooLarge { len: 0, max: 0 }.code(),
        wire::ErrorCode::FrameTooLarge
    );
    let mut largest = header(u32::MAX).to_vec();
    largest.push(0);
    assert!(matches!(
        decode_all(&largest),
        Err(FrameError::TooLarge { .. })
    ));
}

#[test]
fn a_header_error_stays() {
    let mut decoder = FrameDecoder::default();
    let mut bad = header(10);
    bad[0] = FRAME_VERSION + 1;
    let mut input = &bad[..];
    let error = FrameError::Version {
        found: FRAME_VERSION + 1,
        supported: FRAME_VERSION,
    };
    assert_eq!(decoder.decode(&mut input), Err(error.clone()));
    // The stream is out of step: even a good frame after it is refused.
    let good = frames(&every_message()[..1]);
    let mut input = &good[..];
    assert_eq!(decoder.decode(&mut input), Err(error.clone()));
    assert_eq!(decoder.finish(), Err(error));
}

#[test]
fn reserved_bytes_and_empty_bodies_are_refused() {
    let mut reserved = header(10);
    reserved[2] = 1;
    assert_eq!(
        decode_all(&reserved),
        Err(FrameError::Reserved { found: [0, 1, 0] })
    );
    assert_eq!(decode_all(&header(0)), Err(FrameError::Empty));
}

#[test]
fn a_body_that_is_not_a_message_is_malformed_and_the_stream_stays_in_step() {
    let garbage = [0xffu8; 16];
    let mut bytes = header(garbage.len() as u32).to_vec();
    bytes.extend_from_slice(&garbage);
    let messages = every_message();
    bytes.extend_from_slice(&frames(&messages[..1]));
    let mut decoder = FrameDecoder::default();
    let mut input = &bytes[..];
    let error = decoder.decode(&mut input).unwrap_err();
    assert!(matches!(error, FrameError::Malformed { .. }), "{error:?}");
    assert_eq!(error.code(), wire::ErrorCode::Malformed);
    assert_eq!(decoder.decode(&mut input), Ok(Some(messages[0].clone())));
}

#[test]
fn a_union_tag_this_version_does_not_know_is_malformed() {
    // Envelope { message: Ping }: Ping is the sixth variant of `Message`. One of the body's bytes
    // equal to 6 is the union tag; set to one past the last variant, the frame is refused for it.
    let frame = frames(&[wire::Message::Ping(Box::new(wire::Ping { sequence: 1 }))]);
    let unknown_tag_refused = (FRAME_HEADER_BYTES..frame.len())
        .filter(|&at| frame[at] == 6)
        .any(|at| {
            let mut changed = frame.clone();
            changed[at] = 200;
            matches!(
                decode_all(&changed),
                Err(FrameError::Malformed { reason }) if reason.contains("Unknown union (tag = 200)")
            )
        });
    assert!(unknown_tag_refused);
}

#[test]
fn the_encoder_refuses_a_message_over_the_peers_limit() {
    let mut encoder = FrameEncoder::with_limit(FRAME_BYTES_MIN).unwrap();
    let big = wire::Message::NodeCommand(Box::new(wire::NodeCommand {
        command_id: 1,
        node: "n".into(),
        kind: wire::NodeCommandKind::StartTask,
        task_namespace: "/".into(),
        task_name: "t".into(),
        spec: Some(vec![0; FRAME_BYTES_MIN as usize]),
    }));
    let mut out = vec![1, 2, 3];
    assert!(matches!(
        encoder.encode(&big, &mut out),
        Err(FrameError::TooLarge { .. })
    ));
    assert_eq!(out, [1, 2, 3], "nothing was written");
}

#[test]
fn limits_outside_their_range_are_refused() {
    for limit in [0, FRAME_BYTES_MIN - 1, FRAME_BYTES_MAX + 1] {
        assert!(matches!(
            FrameDecoder::with_limit(limit),
            Err(FrameError::Limit { .. })
        ));
        assert!(FrameEncoder::with_limit(limit).is_err());
    }
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = decode_all(&bytes);
    }

    #[test]
    fn arbitrary_bodies_never_panic(body in prop::collection::vec(any::<u8>(), 1..512)) {
        let mut bytes = header(body.len() as u32).to_vec();
        bytes.extend_from_slice(&body);
        let _ = decode_all(&bytes);
    }

    #[test]
    fn flipped_bits_in_a_valid_frame_never_panic(index in any::<prop::sample::Index>(), bit in 0u8..8) {
        let mut bytes = frames(&every_message()[7..9]);
        let at = index.index(bytes.len());
        bytes[at] ^= 1 << bit;
        let _ = decode_all(&bytes);
    }
}
