//! Subscriptions as streams of events that survive lost connections.
//!
//! A task per subscription reads its QUIC stream and hands the events to a bounded channel that
//! the [`Subscription`] (a `futures::Stream`) drains. When the connection drops (node restart,
//! dead artery, `Unavailable` end), the task reconnects with backoff and subscribes again after
//! the token of the last `Events` frame it received. Every event of that frame was already in the
//! channel by then (the task hands a frame's events over before it reads another frame), so the
//! reader gets every matching change once: no gap, no duplicate.
//!
//! Waits: opening a subscription is bounded by the connect and request timeouts; reconnecting by
//! the backoff's `give_up_after`; reading a quiet subscription waits for events as long as the
//! artery lives (its heartbeat closes a dead one within three intervals); handing events to a slow
//! reader waits for the reader (QUIC flow control then holds the node back: no event is dropped).

use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use aorta_engine::subscription::{Event, Pattern, Start};
use aorta_wire::subscriptions::{ClientSubscription, Delivery};
use futures_core::Stream;
use rand::Rng as _;
use tokio::sync::mpsc;

use crate::artery::Artery;
use crate::backoff::Backoff;
use crate::framed::Framed;
use crate::{Client, Error, ErrorKind};

/// What the task hands the reader.
enum Item {
    /// An event, and with the last of its frame the token that follows it: once the reader has
    /// taken it, resuming after the token repeats none of the events before.
    Event(Event, Option<Vec<u64>>),
    /// A frame without events moved the token on.
    Token(Vec<u64>),
    Failed(Error),
}

/// A subscription's events, in commit order within each shard. The stream ends after an error
/// (`Compacted`, a refused pattern, a node unreachable past the reconnection policy); dropping it
/// unsubscribes.
pub struct Subscription {
    items: mpsc::Receiver<Item>,
    resume_from: Start,
    task: tokio::task::JoinHandle<()>,
}

impl Subscription {
    /// Where a new subscription would start to continue this one exactly: after the last frame
    /// of events taken whole from this stream (the node sends events in frames, and a token only
    /// after a frame; taken mid-frame, resuming from here repeats the frame's events taken
    /// already, never skips one).
    pub fn resume_from(&self) -> &Start {
        &self.resume_from
    }
}

impl Stream for Subscription {
    type Item = Result<Event, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        loop {
            match self.items.poll_recv(cx) {
                Poll::Ready(Some(Item::Token(token))) => self.resume_from = Start::After(token),
                Poll::Ready(Some(Item::Event(event, token))) => {
                    if let Some(token) = token {
                        self.resume_from = Start::After(token);
                    }
                    return Poll::Ready(Some(Ok(event)));
                }
                Poll::Ready(Some(Item::Failed(error))) => return Poll::Ready(Some(Err(error))),
                Poll::Ready(None) => return Poll::Ready(None),
                Poll::Pending => return Poll::Pending,
            }
        }
    }
}

impl Drop for Subscription {
    fn drop(&mut self) {
        // Ends the task; its stream is dropped with it, which resets it (the node unsubscribes).
        self.task.abort();
    }
}

impl std::fmt::Debug for Subscription {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Subscription")
            .field("resume_from", &self.resume_from)
            .finish_non_exhaustive()
    }
}

/// Opens the subscription (its first `Subscribed` received) and starts its task.
pub(crate) async fn subscribe(
    client: &Client,
    pattern: Pattern,
    start: Start,
) -> Result<Subscription, Error> {
    pattern.validate().map_err(|error| Error::InvalidInput {
        code: aorta_wire::wire::ErrorCode::InvalidPattern,
        message: error.to_string(),
    })?;
    let (mut subscription, _) = ClientSubscription::open(pattern, start);
    let opened = open(client, &mut subscription).await?;
    // From `Subscribed` on, the token says where the stream started, even from `Start::Now`.
    let resume_from = subscription.resume_from().clone();
    let (sender, items) = mpsc::channel(client.config().subscription_buffer_events.max(1));
    let task = tokio::spawn(follow(client.clone(), subscription, opened, sender));
    Ok(Subscription {
        items,
        resume_from,
        task,
    })
}

/// A stream of the subscription, subscribed from where it resumes, and its artery.
async fn open(
    client: &Client,
    subscription: &mut ClientSubscription,
) -> Result<(Framed, Arc<Artery>), Error> {
    let timeout = client.config().request_timeout;
    let artery = client.artery().await?;
    let opening = async {
        let mut stream = artery.open_stream().await?;
        stream.send(&subscription.resubscribe()).await?;
        artery.spoke();
        let first = stream
            .receive()
            .await?
            .ok_or_else(|| Error::ConnectionLost {
                reason: "the node ended the subscription stream before Subscribed".into(),
            })?;
        artery.heard();
        match subscription.receive(&first) {
            Ok(Delivery::Started) => Ok(stream),
            Ok(Delivery::Ended(error)) => Err(Error::from_remote(error)),
            Ok(Delivery::Events(_)) => Err(Error::protocol("Events before Subscribed")),
            Err(error) => Err(Error::protocol(error.to_string())),
        }
    };
    let stream = tokio::time::timeout(timeout, opening)
        .await
        .map_err(|_| Error::TimedOut {
            operation: "subscribing",
            timeout,
        })??;
    Ok((stream, artery))
}

/// How a subscription stream stopped.
enum Stopped {
    /// The reader dropped the subscription.
    ReaderGone,
    /// The connection or the stream broke, or the node ended it for a reason that passes
    /// (`Unavailable`: shutting down): subscribe again.
    Interrupted(Error),
    /// The node ended it for good.
    Ended(Error),
}

async fn follow(
    client: Client,
    mut subscription: ClientSubscription,
    opened: (Framed, Arc<Artery>),
    items: mpsc::Sender<Item>,
) {
    let mut backoff = Backoff::new(client.config().reconnect.clone());
    let mut opened = Some(opened);
    loop {
        let (stream, artery) = match opened.take() {
            Some(opened) => opened,
            None => match open(&client, &mut subscription).await {
                Ok(opened) => {
                    tracing::debug!(resume_from = ?subscription.resume_from(), "subscription resumed");
                    backoff.succeeded();
                    opened
                }
                Err(error) if passes(&error) => {
                    if !wait_before_retry(&mut backoff, error, &items).await {
                        return;
                    }
                    continue;
                }
                Err(error) => {
                    let _ = items.send(Item::Failed(error)).await;
                    return;
                }
            },
        };
        match deliver(stream, &artery, &mut subscription, &items).await {
            Stopped::ReaderGone => return,
            Stopped::Ended(error) => {
                let _ = items.send(Item::Failed(error)).await;
                return;
            }
            Stopped::Interrupted(error) => {
                tracing::debug!(%error, "subscription interrupted; resuming");
                if !wait_before_retry(&mut backoff, error, &items).await {
                    return;
                }
            }
        }
    }
}

/// Whether a failure to (re)subscribe may pass by itself.
fn passes(error: &Error) -> bool {
    error.kind() == ErrorKind::Unavailable
}

/// Sleeps the backoff's delay; false (and the error handed to the reader) once it gives up.
async fn wait_before_retry(
    backoff: &mut Backoff,
    error: Error,
    items: &mpsc::Sender<Item>,
) -> bool {
    let unit = rand::thread_rng().gen_range(0.0..=1.0);
    match backoff.failed(std::time::Instant::now(), unit) {
        Some(delay) => {
            tokio::time::sleep(delay).await;
            true
        }
        None => {
            let _ = items.send(Item::Failed(error)).await;
            false
        }
    }
}

/// Hands the stream's events to the reader, frame by frame, until the stream stops.
async fn deliver(
    mut stream: Framed,
    artery: &Artery,
    subscription: &mut ClientSubscription,
    items: &mpsc::Sender<Item>,
) -> Stopped {
    loop {
        let message = match stream.receive().await {
            Ok(Some(message)) => message,
            Ok(None) => {
                return Stopped::Interrupted(Error::ConnectionLost {
                    reason: "the node ended the subscription stream without SubscriptionEnd".into(),
                })
            }
            Err(error) if passes(&error) => return Stopped::Interrupted(error),
            Err(error) => return Stopped::Ended(error),
        };
        artery.heard();
        match subscription.receive_owned(message) {
            Ok(Delivery::Events(events)) => {
                let token = match subscription.resume_from() {
                    Start::After(token) => token.clone(),
                    Start::Now => unreachable!("an Events frame sets the token"),
                };
                if hand_over(events, token, items).await.is_err() {
                    return Stopped::ReaderGone;
                }
            }
            Ok(Delivery::Ended(error)) => {
                let error = Error::from_remote(error);
                return if passes(&error) {
                    Stopped::Interrupted(error)
                } else {
                    Stopped::Ended(error)
                };
            }
            Ok(Delivery::Started) => {
                return Stopped::Ended(Error::protocol("a second Subscribed on one stream"))
            }
            Err(error) => return Stopped::Ended(Error::protocol(error.to_string())),
        }
    }
}

/// Hands a frame's events to the reader, the token with the last one (alone if there is none).
async fn hand_over(
    events: Vec<Event>,
    token: Vec<u64>,
    items: &mpsc::Sender<Item>,
) -> Result<(), mpsc::error::SendError<Item>> {
    let last = events.len().checked_sub(1);
    let mut token = Some(token);
    for (index, event) in events.into_iter().enumerate() {
        let with = if Some(index) == last {
            token.take()
        } else {
            None
        };
        items.send(Item::Event(event, with)).await?;
    }
    match token {
        Some(token) => items.send(Item::Token(token)).await,
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use aorta_engine::subscription::EventAction;
    use aorta_engine::{Resource, ResourceId};
    use futures_core::Stream as _;

    use super::*;

    fn event(position: u64) -> Event {
        let resource = Resource {
            api_version: "v1".into(),
            id: ResourceId::new(1, 0, position, 0),
            namespace: "/a".into(),
            name: format!("r{position}"),
            kind: "t".into(),
            created_ms: 0,
            owner: String::new(),
            tags: Default::default(),
            cost: 0,
            data: Vec::new(),
            revision: position,
        };
        Event {
            shard: 0,
            position,
            commit_time_ms: 0,
            action: EventAction::Created,
            old: None,
            new: Some(Arc::new(resource)),
        }
    }

    fn next(subscription: &mut Subscription) -> Option<Result<Event, Error>> {
        let waker = std::task::Waker::noop();
        let mut context = Context::from_waker(waker);
        match Pin::new(subscription).poll_next(&mut context) {
            Poll::Ready(item) => item,
            Poll::Pending => panic!("an item is ready"),
        }
    }

    #[tokio::test]
    async fn the_token_moves_on_exactly_when_a_frames_last_event_is_taken() {
        let (sender, items) = mpsc::channel(16);
        let mut subscription = Subscription {
            items,
            resume_from: Start::After(vec![4]),
            task: tokio::spawn(async {}),
        };
        hand_over(vec![event(5), event(6)], vec![6], &sender)
            .await
            .unwrap();
        hand_over(Vec::new(), vec![9], &sender).await.unwrap();
        hand_over(vec![event(10)], vec![10], &sender).await.unwrap();

        assert_eq!(next(&mut subscription).unwrap().unwrap().position, 5);
        assert_eq!(
            subscription.resume_from(),
            &Start::After(vec![4]),
            "mid-frame"
        );
        assert_eq!(next(&mut subscription).unwrap().unwrap().position, 6);
        assert_eq!(subscription.resume_from(), &Start::After(vec![6]));
        // The empty frame's token is taken on the way to the next event.
        assert_eq!(next(&mut subscription).unwrap().unwrap().position, 10);
        assert_eq!(subscription.resume_from(), &Start::After(vec![10]));
        drop(sender);
        assert!(next(&mut subscription).is_none());
    }
}
