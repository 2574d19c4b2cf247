//! A client-opened stream is a request stream if it starts with a `Request`, a subscription
//! stream if it starts with a `Subscribe`; a reserved family is `NotImplemented`, anything else
//! `Malformed`; after the first frame only requests may follow on a request stream.

mod support;

use aorta_wire::stream::{check_next, classify, StreamKind};
use aorta_wire::wire;
use support::*;

#[test]
fn first_frames_decide_the_kind() {
    assert_eq!(classify(&a_request()), Ok(StreamKind::Requests));
    let subscribe = wire::Message::Subscribe(Box::default());
    assert_eq!(classify(&subscribe), Ok(StreamKind::Subscription));
    for message in every_message() {
        let code = match classify(&message) {
            Ok(_) => continue,
            Err(error) => error.code(),
        };
        let reserved = matches!(
            message,
            wire::Message::PublishIntents(_)
                | wire::Message::IntentDeliveryMessage(_)
                | wire::Message::IntentAck(_)
                | wire::Message::NodeCommand(_)
                | wire::Message::NodeCommandReport(_)
        );
        let expected = if reserved {
            wire::ErrorCode::NotImplemented
        } else {
            wire::ErrorCode::Malformed
        };
        assert_eq!(code, expected, "{message:?}");
    }
}

#[test]
fn only_requests_follow_requests() {
    assert!(check_next(StreamKind::Requests, &a_request()).is_ok());
    let ping = wire::Message::Ping(Box::default());
    assert!(check_next(StreamKind::Requests, &ping).is_err());
    assert!(check_next(StreamKind::Subscription, &a_request()).is_err());
}
