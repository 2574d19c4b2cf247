//! An encoder kept from frame to frame (a thread's, a stream's) writes exactly the bytes a fresh
//! encoder writes, whatever came before: small frames, a frame larger than the builder it keeps
//! (`ENCODER_KEPT_BYTES_MAX`), a frame it refused, a limit changed in between.

mod support;

use aorta_wire::frame::{
    FrameEncoder, FrameError, ENCODER_KEPT_BYTES_MAX, FRAME_BYTES_DEFAULT, FRAME_BYTES_MAX,
    FRAME_BYTES_MIN,
};
use aorta_wire::wire;
use support::*;

fn node_command(spec_bytes: usize) -> wire::Message {
    wire::Message::NodeCommand(Box::new(wire::NodeCommand {
        command_id: 1,
        node: "n".into(),
        kind: wire::NodeCommandKind::StartTask,
        task_namespace: "/".into(),
        task_name: "t".into(),
        spec: Some(vec![7; spec_bytes]),
    }))
}

fn fresh(message: &wire::Message) -> Vec<u8> {
    let mut bytes = Vec::new();
    FrameEncoder::with_limit(FRAME_BYTES_MAX)
        .unwrap()
        .encode(message, &mut bytes)
        .expect("fits the largest limit");
    bytes
}

#[test]
fn a_kept_encoder_writes_what_a_fresh_one_writes() {
    let large = node_command(4 * ENCODER_KEPT_BYTES_MAX);
    let mut sequence = every_message();
    let middle = sequence.len() / 2;
    sequence.insert(middle, large.clone());
    sequence.push(large);
    sequence.extend(every_message());

    let mut kept = FrameEncoder::with_limit(FRAME_BYTES_MAX).unwrap();
    for message in &sequence {
        let mut bytes = vec![9];
        kept.encode(message, &mut bytes).expect("fits");
        assert_eq!(bytes[0], 9, "the frame is appended");
        assert_eq!(bytes[1..], fresh(message)[..]);
        assert_eq!(through_a_frame(message), *message);
    }
}

#[test]
fn a_refused_frame_and_a_new_limit_leave_the_next_frames_whole() {
    let mut kept = FrameEncoder::with_limit(FRAME_BYTES_DEFAULT).unwrap();
    let small = a_request();

    kept.set_limit(FRAME_BYTES_MIN).unwrap();
    let mut out = vec![1, 2, 3];
    assert!(matches!(
        kept.encode(&node_command(FRAME_BYTES_MIN as usize), &mut out),
        Err(FrameError::TooLarge { max, .. }) if max == FRAME_BYTES_MIN
    ));
    assert_eq!(out, [1, 2, 3], "nothing was written");

    let mut bytes = Vec::new();
    kept.encode(&small, &mut bytes).unwrap();
    assert_eq!(bytes, fresh(&small));

    // The limit set last is the one applied: the same large message now fits.
    let large = node_command(FRAME_BYTES_MIN as usize);
    kept.set_limit(FRAME_BYTES_DEFAULT).unwrap();
    let mut bytes = Vec::new();
    kept.encode(&large, &mut bytes).unwrap();
    assert_eq!(bytes, fresh(&large));

    for limit in [0, FRAME_BYTES_MIN - 1, FRAME_BYTES_MAX + 1] {
        assert!(matches!(
            kept.set_limit(limit),
            Err(FrameError::Limit { .. })
        ));
    }
    // A refused limit changed nothing.
    kept.encode(&large, &mut Vec::new())
        .expect("the limit is still FRAME_BYTES_DEFAULT");
}
