//! Wire frames (`bindings/wire/src/frame.rs`): `FrameDecoder` on arbitrary bytes, fed in chunks.
//!
//! The first input byte is a control byte. Bit 0 clear: the rest is the stream. Bit 0 set: the
//! rest is one frame *body*, which the target prefixes with a valid header, so that every input
//! reaches the FlatBuffers verification, the weighing and the owned conversion. The second byte
//! (when there is one) sets the chunk size the stream is fed in (1 to 256 bytes).
//! - The decoder never panics, takes every byte it is given, and never holds more than one header
//!   and one body of at most its limit.
//! - A header error (version, reserved bytes, length over the limit, empty body) is answered again
//!   by every later call: the stream is out of step.
//! - Every message it yields encodes again, and that frame decodes to an equal message.
//! - The conversions to the engine's types (requests, replies, subscriptions, events) never
//!   panic on a decoded message.
#![no_main]

use aorta_wire::convert::{self, Call, Reply};
use aorta_wire::frame::{header, FrameDecoder, FrameEncoder, FrameError, FRAME_HEADER_BYTES};
use aorta_wire::wire;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&control, rest)) = data.split_first() else {
        return;
    };
    let chunk = usize::from(rest.first().copied().unwrap_or(0)) + 1;
    let stream = if control & 1 == 0 {
        rest.to_vec()
    } else {
        let mut framed = header(rest.len() as u32).to_vec();
        framed.extend_from_slice(rest);
        framed
    };
    let mut decoder = FrameDecoder::default();
    let mut header_error: Option<FrameError> = None;
    for piece in stream.chunks(chunk) {
        let mut input = piece;
        loop {
            let before = input.len();
            let result = decoder.decode(&mut input);
            assert!(
                decoder.buffered() <= FRAME_HEADER_BYTES + decoder.frame_bytes_max() as usize,
                "the decoder holds more than one frame"
            );
            if let Some(error) = &header_error {
                assert_eq!(result.as_ref(), Err(error), "a header error must stay");
                break;
            }
            match result {
                Ok(Some(message)) => check_message(&message),
                Ok(None) => {
                    assert!(input.is_empty(), "Ok(None) only once the input ran out");
                    break;
                }
                Err(error) => {
                    if is_header_error(&error) {
                        header_error = Some(error);
                    }
                }
            }
            if input.is_empty() || input.len() == before && header_error.is_some() {
                break;
            }
        }
    }
});

fn is_header_error(error: &FrameError) -> bool {
    matches!(
        error,
        FrameError::Version { .. }
            | FrameError::Reserved { .. }
            | FrameError::TooLarge { .. }
            | FrameError::Empty
    )
}

fn check_message(message: &wire::Message) {
    let mut bytes = Vec::new();
    FrameEncoder::default()
        .encode(message, &mut bytes)
        .expect("a message that was decoded from a frame fits one");
    let mut input = &bytes[..];
    let again = FrameDecoder::default()
        .decode(&mut input)
        .expect("a re-encoded message decodes")
        .expect("whole");
    assert_eq!(&again, message, "re-encoding changed the message");
    match message {
        wire::Message::Request(request) => {
            let _ = Call::from_wire(request.body.clone());
        }
        wire::Message::Response(response) => {
            let _ = Reply::from_wire(&response.body);
        }
        wire::Message::Subscribe(subscribe) => {
            let _ = convert::subscribe_from_wire(subscribe);
        }
        wire::Message::Events(events) => {
            let _ = convert::events_from_wire(events);
        }
        _ => {}
    }
}
