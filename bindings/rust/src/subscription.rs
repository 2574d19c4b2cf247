//! Subscriptions as streams of events that survive lost connections.
//!
//! A task per subscription reads its QUIC stream and hands each frame's events, whole, to a
//! bounded channel that the [`Subscription`] (a `futures::Stream`) drains one event at a time: one
//! hand-over (and at most one wake-up) per frame, not per event: +15 % on a catch-up
//! (`docs/benchmarks.md`). When the connection drops (node restart, dead artery, `Unavailable`
//! end), the task reconnects with backoff and subscribes again after the token of the last
//! `Events` frame it received. Every event of that frame was already in the channel by then (the
//! task hands a frame over before it reads another frame), so the reader gets every matching
//! change once: no gap, no duplicate. (A batch cut over several frames comes again whole after
//! such a resume: `ClientSubscription` drops the events of it delivered already.)
//!
//! Memory: the events handed over and not yet taken are bounded by `subscription_buffer_events`
//! (a semaphore of that many permits: a frame takes one per event before it is handed over, and
//! gives them back once its last event is taken; a frame of more events than the bound takes them
//! all, so at most one such frame is held), and the channel holds at most that many frames and
//! token-only frames.
//!
//! Waits: opening a subscription is bounded by the connect and request timeouts; reconnecting by
//! the backoff's `give_up_after`; reading a quiet subscription waits for events as long as the
//! artery lives (its heartbeat closes a dead one within three intervals); handing events to a slow
//! reader waits for the reader (QUIC flow control then holds the node back: no event is dropped).

use std::pin::Pin;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::task::{Context, Poll};

use aorta_engine::subscription::{Event, Pattern, Start};
use aorta_wire::subscriptions::{ClientSubscription, Delivery};
use futures_core::Stream;
use rand::Rng as _;
use tokio::sync::{mpsc, Semaphore};

use crate::artery::Artery;
use crate::backoff::Backoff;
use crate::framed::Framed;
use crate::{Client, Error, ErrorKind};

/// What the task hands the reader.
enum Item {
    /// A frame's events (at least one).
    Events(Frame),
    /// A frame without events moved the token on.
    Token(Vec<u64>),
    Failed(Error),
}

/// A subscription's events, in commit order within each shard. The stream ends after an error
/// (`Compacted`, a refused pattern, a node unreachable past the reconnection policy); dropping it
/// unsubscribes.
pub struct Subscription {
    items: mpsc::Receiver<Item>,
    /// The frame being taken: its events not taken yet (at least one).
    taking: Option<Frame>,
    /// The events handed over and not yet taken (see the module doc).
    budget: Arc<Semaphore>,
    resume_from: Start,
    task: tokio::task::JoinHandle<()>,
}

impl Subscription {
    /// Where a new subscription would start to continue this one: after the last frame of events
    /// taken whole from this stream (the node sends events in frames, and a token only after a
    /// frame). Resuming from here never skips an event, and may repeat some: the frame's events
    /// taken already when taken mid-frame, and the earlier frames' events of a batch the node cut
    /// over several frames. (The subscription's own reconnections drop such repeats; a new
    /// subscription made from this position does not know them.)
    pub fn resume_from(&self) -> &Start {
        &self.resume_from
    }
}

/// A frame's events and the token that follows them: once the reader has taken the last event,
/// resuming after the token repeats none of them. They hold `permits` of the event budget until
/// then.
struct Frame {
    events: std::vec::IntoIter<Event>,
    token: Vec<u64>,
    permits: u32,
}

impl Stream for Subscription {
    type Item = Result<Event, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        loop {
            if let Some(taking) = &mut this.taking {
                let event = taking
                    .events
                    .next()
                    .expect("a frame being taken has events left");
                if taking.events.len() == 0 {
                    let taken = this.taking.take().expect("taking");
                    this.resume_from = Start::After(taken.token);
                    this.budget.add_permits(taken.permits as usize);
                }
                return Poll::Ready(Some(Ok(event)));
            }
            match this.items.poll_recv(cx) {
                Poll::Ready(Some(Item::Token(token))) => this.resume_from = Start::After(token),
                Poll::Ready(Some(Item::Events(frame))) => {
                    debug_assert!(frame.events.len() > 0, "a frame of events has one");
                    this.taking = Some(frame);
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
    let buffer_events = client.config().subscription_buffer_events.max(1);
    let (sender, items) = mpsc::channel(buffer_events);
    let capacity = buffer_events
        .min(Semaphore::MAX_PERMITS)
        .min(u32::MAX as usize) as u32;
    let budget = Arc::new(Semaphore::new(capacity as usize));
    let handing = Handing {
        items: sender,
        budget: Arc::clone(&budget),
        capacity,
    };
    let task = tokio::spawn(follow(client.clone(), subscription, opened, handing));
    Ok(Subscription {
        items,
        taking: None,
        budget,
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
    let waiting_for_stream = AtomicBool::new(false);
    let opening = async {
        let mut stream = artery.open_stream(&waiting_for_stream).await?;
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
        .map_err(|_| Error::gave_up("subscribing", timeout, &waiting_for_stream))??;
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
    handing: Handing,
) {
    let items = &handing.items;
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
                    if !wait_before_retry(&mut backoff, error, items).await {
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
        match deliver(stream, &artery, &mut subscription, &handing).await {
            Stopped::ReaderGone => return,
            Stopped::Ended(error) => {
                let _ = items.send(Item::Failed(error)).await;
                return;
            }
            Stopped::Interrupted(error) => {
                tracing::debug!(%error, "subscription interrupted; resuming");
                if !wait_before_retry(&mut backoff, error, items).await {
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
    handing: &Handing,
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
                if handing.hand_over(events, token).await.is_err() {
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

/// The task's side of the hand-over: the channel and the event budget (see the module doc).
struct Handing {
    items: mpsc::Sender<Item>,
    budget: Arc<Semaphore>,
    /// The budget's permits in all.
    capacity: u32,
}

impl Handing {
    /// Hands a frame's events to the reader, whole, with the token that follows them (the token
    /// alone if there is none), once the event budget has room for them.
    async fn hand_over(
        &self,
        events: Vec<Event>,
        token: Vec<u64>,
    ) -> Result<(), mpsc::error::SendError<Item>> {
        if events.is_empty() {
            return self.items.send(Item::Token(token)).await;
        }
        // A frame of more events than the whole budget takes all of it.
        let permits = events.len().min(self.capacity as usize) as u32;
        self.budget
            .acquire_many(permits)
            .await
            .expect("the budget is never closed")
            .forget();
        self.items
            .send(Item::Events(Frame {
                events: events.into_iter(),
                token,
                permits,
            }))
            .await
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

    /// A subscription fed by hand, and the task's side, with an event budget of `capacity`.
    fn handed(capacity: u32) -> (Subscription, Handing) {
        let (sender, items) = mpsc::channel(16);
        let budget = Arc::new(Semaphore::new(capacity as usize));
        let subscription = Subscription {
            items,
            taking: None,
            budget: Arc::clone(&budget),
            resume_from: Start::After(vec![4]),
            task: tokio::spawn(async {}),
        };
        let handing = Handing {
            items: sender,
            budget,
            capacity,
        };
        (subscription, handing)
    }

    #[tokio::test]
    async fn the_token_moves_on_exactly_when_a_frames_last_event_is_taken() {
        let (mut subscription, handing) = handed(16);
        handing
            .hand_over(vec![event(5), event(6)], vec![6])
            .await
            .unwrap();
        handing.hand_over(Vec::new(), vec![9]).await.unwrap();
        handing.hand_over(vec![event(10)], vec![10]).await.unwrap();

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
        drop(handing);
        assert!(next(&mut subscription).is_none());
    }

    /// Hands `events` over on a task of its own, and checks it is still waiting for the budget
    /// a moment later (`why` says for what).
    async fn waiting_hand_over(
        handing: &Arc<Handing>,
        events: Vec<Event>,
        token: Vec<u64>,
        why: &str,
    ) -> tokio::task::JoinHandle<Result<(), mpsc::error::SendError<Item>>> {
        let waiting = tokio::spawn({
            let handing = Arc::clone(handing);
            async move { handing.hand_over(events, token).await }
        });
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        assert!(!waiting.is_finished(), "{why}");
        waiting
    }

    #[tokio::test]
    async fn frames_wait_while_the_events_not_taken_fill_the_budget() {
        let (mut subscription, handing) = handed(4);
        let handing = Arc::new(handing);
        handing
            .hand_over(vec![event(1), event(2), event(3)], vec![3])
            .await
            .unwrap();
        // 3 of 4 held: a frame of 2 waits until the first frame is taken whole.
        let waiting = waiting_hand_over(
            &handing,
            vec![event(4), event(5)],
            vec![5],
            "3 + 2 events are over the budget of 4",
        )
        .await;
        assert_eq!(next(&mut subscription).unwrap().unwrap().position, 1);
        assert_eq!(next(&mut subscription).unwrap().unwrap().position, 2);
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        assert!(
            !waiting.is_finished(),
            "the first frame still holds its permits"
        );
        assert_eq!(next(&mut subscription).unwrap().unwrap().position, 3);
        waiting.await.unwrap().unwrap();
        // A frame larger than the whole budget takes all of it, and passes.
        let large: Vec<Event> = (6..=15).map(event).collect();
        let oversized = waiting_hand_over(
            &handing,
            large,
            vec![15],
            "it waits for the frame of 2 to be taken",
        )
        .await;
        assert_eq!(next(&mut subscription).unwrap().unwrap().position, 4);
        assert_eq!(next(&mut subscription).unwrap().unwrap().position, 5);
        oversized.await.unwrap().unwrap();
        assert_eq!(subscription.budget.available_permits(), 0);
        let positions: Vec<u64> = (6..=15)
            .map(|_| next(&mut subscription).unwrap().unwrap().position)
            .collect();
        assert_eq!(positions, (6..=15).collect::<Vec<u64>>());
        assert_eq!(subscription.budget.available_permits(), 4);
        assert_eq!(subscription.resume_from(), &Start::After(vec![15]));
    }
}
