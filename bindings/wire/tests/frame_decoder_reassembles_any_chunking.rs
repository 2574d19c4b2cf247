//! A stream of frames fed to the decoder one byte at a time, or in chunks of any sizes, yields
//! exactly the messages that were encoded, in order; the decoder never holds more than the frame
//! in progress.

mod support;

use aorta_wire::frame::{FrameDecoder, FRAME_HEADER_BYTES};
use aorta_wire::wire;
use proptest::prelude::*;
use support::*;

/// Feeds `bytes` in pieces of the given sizes (cycled), collecting every message.
fn decode_in_chunks(bytes: &[u8], sizes: &[usize]) -> Vec<wire::Message> {
    let mut decoder = FrameDecoder::default();
    let mut messages = Vec::new();
    let mut rest = bytes;
    for size in sizes.iter().cycle() {
        if rest.is_empty() {
            break;
        }
        let (chunk, after) = rest.split_at((*size).clamp(1, rest.len()));
        rest = after;
        let mut input = chunk;
        while let Some(message) = decoder.decode(&mut input).expect("valid frames decode") {
            messages.push(message);
        }
        assert!(input.is_empty(), "the decoder takes every byte it is given");
        assert!(
            decoder.buffered() <= FRAME_HEADER_BYTES + decoder.frame_bytes_max() as usize,
            "the decoder holds at most one frame"
        );
    }
    decoder.finish().expect("the stream ends between frames");
    messages
}

#[test]
fn one_byte_at_a_time() {
    let messages = every_message();
    let bytes = frames(&messages);
    assert_eq!(decode_in_chunks(&bytes, &[1]), messages);
}

#[test]
fn all_at_once() {
    let messages = every_message();
    let bytes = frames(&messages);
    assert_eq!(decode_in_chunks(&bytes, &[bytes.len()]), messages);
}

#[test]
fn a_stream_cut_inside_a_frame_is_truncated() {
    let bytes = frames(&every_message()[..1]);
    for cut in 1..bytes.len() {
        let mut decoder = FrameDecoder::default();
        let mut input = &bytes[..cut];
        assert_eq!(decoder.decode(&mut input), Ok(None));
        assert_eq!(
            decoder.finish(),
            Err(aorta_wire::frame::FrameError::Truncated { buffered: cut })
        );
    }
}

proptest! {
    #[test]
    fn random_chunks(sizes in prop::collection::vec(1usize..200, 1..20), first in 0usize..30) {
        let messages: Vec<_> = every_message().into_iter().skip(first % 30).collect();
        let bytes = frames(&messages);
        prop_assert_eq!(decode_in_chunks(&bytes, &sizes), messages);
    }
}
