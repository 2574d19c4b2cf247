//! A subscription stream: `Subscribe` → `Engine::subscribe_as` (the connection's principal: a
//! pattern where it may read nothing is refused, and each event is judged against its read
//! rules) → `Subscribed`, then `Events` frames
//! as changes commit (`Subscription::next_async` wakes this task; no thread of its own), until
//! the engine ends it (`SubscriptionEnd` with its error: `Compacted`, …), the node shuts down
//! (`SubscriptionEnd`, `Unavailable`) or the client stops the stream.
//!
//! Memory: the engine's subscription holds at most one history page and its inbox (both
//! bounded); this task takes at most `EVENTS_TAKEN_MAX` events at a time and writes them before
//! taking more. A client that does not read stops this task's writes (QUIC flow control), so it
//! stops taking events: the subscription falls behind in the history, never into a queue here.
//! The frames being written are charged to the connection's bytes to send, and no events are
//! taken while its answers and events to send reach `request_bytes_in_flight_max` (`budget`'s
//! module doc): its subscriptions hold at most that plus one take each. Events never stop the
//! connection's requests.

use std::sync::Arc;
use std::time::Duration;

use aorta_engine::filter::Principal;
use aorta_engine::subscription::{Event, Subscription};
use aorta_wire::convert;
use aorta_wire::frame::FrameEncoder;
use aorta_wire::subscriptions as messages;
use aorta_wire::wire;
use tracing::debug;

use super::budget::Outgoing;
use super::connection::ConnectionState;
use super::events::{cut_into_frames, event_estimated_bytes};
use super::io::{finish_delivered, reset_stream, write_messages, FrameReader, Received};
use crate::service::ShutdownSignal;

/// Events taken from the engine before they are written: bounds what one write holds.
const EVENTS_TAKEN_MAX: usize = 1024;

/// Serves a subscription stream whose first message is `first` (a `Subscribe`).
pub async fn serve(
    state: Arc<ConnectionState>,
    principal: Principal,
    mut send: quinn::SendStream,
    mut recv: quinn::RecvStream,
    mut reader: FrameReader,
    first: Received,
    mut shutdown: ShutdownSignal,
) {
    state.budget().release_bytes(first.frame_bytes);
    let mut encoder =
        FrameEncoder::with_limit(state.frame_bytes_max).expect("frame_bytes_max is in range");
    let wire::Message::Subscribe(subscribe) = &first.message else {
        unreachable!("a subscription stream starts with a Subscribe");
    };
    let opened = convert::subscribe_from_wire(subscribe)
        .map_err(|invalid| invalid.to_wire())
        .and_then(|(pattern, start)| {
            state
                .engine
                .subscribe_as(&principal, pattern, start)
                .map_err(|error| convert::error_to_wire(&error))
        });
    let mut subscription = match opened {
        Ok(subscription) => subscription,
        Err(error) => return end(&state, &mut send, &mut encoder, error).await,
    };
    let subscribed = messages::subscribed(&subscription.resume_token());
    if write_messages(&state, &mut send, &mut encoder, &[subscribed])
        .await
        .is_err()
    {
        return;
    }
    let frame_budget_bytes = u64::from(state.frame_bytes_max) / 2;
    let mut client_finished = false;
    loop {
        let before = subscription.resume_token();
        let room = state.budget().has_room(Outgoing::Events);
        let taken = tokio::select! {
            () = state.outgoing_room(Outgoing::Events), if !room => continue,
            first = subscription.next_async(), if room => first.and_then(|first| take_more(&mut subscription, first)),
            stopped = send.stopped() => {
                debug!(?stopped, "the client stopped its subscription");
                return;
            }
            received = reader.next(&mut recv), if !client_finished => {
                // The client sends nothing after `Subscribe`; finishing its side is fine.
                if let Ok(None) = received {
                    client_finished = true;
                    continue;
                }
                let code = match received {
                    Err(error) => error.code(),
                    _ => Some(wire::ErrorCode::Malformed),
                };
                if let Some(code) = code {
                    reset_stream(&mut send, &mut recv, code);
                }
                return;
            }
            _ = shutdown.requested() => {
                let error = wire::Error {
                    code: wire::ErrorCode::Unavailable,
                    message: "node shutting down: subscribe again from your last resume token, \
                              on another node or later".into(),
                    detail: None,
                };
                return end(&state, &mut send, &mut encoder, error).await;
            }
        };
        let (events, ended) = match taken {
            Ok(taken) => taken,
            Err(error) => (Vec::new(), Some(error)),
        };
        let after = subscription.resume_token();
        if !events.is_empty() {
            let _outgoing = state.hold_outgoing(
                Outgoing::Events,
                events.iter().map(event_estimated_bytes).sum(),
            );
            let frames = cut_into_frames(events, &before, &after, frame_budget_bytes)
                .into_iter()
                .map(|(events, token)| messages::events(&events, &token))
                .collect::<Vec<_>>();
            if write_messages(&state, &mut send, &mut encoder, &frames)
                .await
                .is_err()
            {
                return;
            }
        }
        if let Some(error) = ended {
            return end(
                &state,
                &mut send,
                &mut encoder,
                convert::error_to_wire(&error),
            )
            .await;
        }
    }
}

/// `first` and the rest of its batch, and more whole batches already read, up to
/// `EVENTS_TAKEN_MAX`, without waiting; an error after `first` is returned beside the events
/// taken before it.
fn take_more(
    subscription: &mut Subscription,
    first: Event,
) -> aorta_engine::Result<(Vec<Event>, Option<aorta_engine::Error>)> {
    let mut events = vec![first];
    match subscription.next_batch(EVENTS_TAKEN_MAX - 1, Duration::ZERO) {
        Ok(more) => {
            events.extend(more);
            Ok((events, None))
        }
        Err(error) => Ok((events, Some(error))),
    }
}

/// Ends the subscription with `error` and finishes the stream.
async fn end(
    state: &ConnectionState,
    send: &mut quinn::SendStream,
    encoder: &mut FrameEncoder,
    error: wire::Error,
) {
    let end = wire::Message::SubscriptionEnd(Box::new(wire::SubscriptionEnd {
        error: Box::new(error),
    }));
    if write_messages(state, send, encoder, &[end]).await.is_ok() {
        finish_delivered(send).await;
    }
}
