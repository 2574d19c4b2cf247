//! The artery's budget of requests in flight: the client keeps its own requests under the node's
//! `requests_in_flight_max` and `request_bytes_in_flight_max` (both stated in the `Welcome`), so
//! that the node never has to answer one of them `Overloaded`; a caller past the budget waits for
//! an answer to free a place, or bytes.
//!
//! Places: of the node's limit `L`, a reserve `R` ([`reads_reserve`]: `L / 8`, at least 1 and at
//! most [`READS_RESERVE_MAX`]; 0 when `L` is 1) is kept for reads, and commits (queued for a lane
//! or written on one) hold at most `L - R`. Reads (every request that is not a commit, each on a
//! stream of its own) may take any place commits leave free. So commits and reads together never
//! pass `L`, and a read never waits behind commits filling the whole budget (only behind other
//! reads, when `R` of them and more are in flight; or, with `L` = 1, behind the one commit). The
//! lanes' shape derives from the commits' share ([`lane_shape`]).
//!
//! Bytes: the node charges a connection every byte of a request stream it has read and not yet
//! answered, a request's whole frame (header and body) from its arrival until the node writes its
//! answer (`server/src/protocol/io.rs`, `requests.rs`). The client counts the same measure: the
//! frame it writes, encoded once by the caller ([`Budget::encode`], under an id from the artery's
//! counter) and taken before the request is queued or written.
//! Of the node's limit `B` it uses [`bytes_shares`]: `B` less a margin for the frames it does not
//! count (the control stream's heartbeats and a subscription's `Subscribe`, which the node holds
//! only while they arrive: [`OTHER_FRAMES_BYTES_RESERVE`], shrunk so that the largest frame the
//! node takes still fits), and of that a reserve for reads (an eighth, at most
//! [`READS_BYTES_RESERVE_MAX`]); commits hold at most the rest. A commit larger than the commits'
//! share takes all of it, and the rest from the reads' reserve: it waits for the other commits to
//! be answered, not for ever. A request larger than the whole is refused at once
//! ([`LargerThanBudget`]: `InvalidInput`, `FrameTooLarge`), since the node would reset it
//! `Overloaded` even alone. The node keeps `request_bytes_in_flight_max` at least
//! `frame_bytes_max` plus a frame's 8-byte header, and the encoder refuses a body over
//! `frame_bytes_max`, so no request is refused so (an older node that let the limit equal
//! `frame_bytes_max` would refuse, and this client too, a request within 8 bytes of it).
//!
//! Bytes are semaphore permits: the whole share is clamped to [`Semaphore::MAX_PERMITS`] (2^61
//! on 64-bit targets, 2^29 bytes = 512 MiB on 32-bit ones), which only lowers the client's own
//! bound; one request takes at most a frame, 64 MiB and its header, within `acquire_many`'s
//! `u32`.
//!
//! Invariants: places and bytes are taken before the request is written (places first, then
//! bytes, each commit's share before the whole: one order for every caller, so no two wait on
//! each other) and given back only once its answer arrived (the node releases its count when it
//! writes the answer, before that), so the client's count is not below the node's. The one
//! exception is a request abandoned on the way (a read whose caller timed out or was cancelled
//! drops its stream; a lane that failed drops its commits): its place and bytes are free at once,
//! while the node may count them until it sees the stream reset. Every semaphore is fair (first
//! come, first served), so a waiting caller is not overtaken for ever; every wait is inside the
//! caller's request timeout (or cancellation). A node that states no limit (0, an older node)
//! gets today's behaviour for it: for places, lanes of [`LANES_MAX`] × [`LANE_DEPTH`] and reads
//! unbounded; for bytes, no bound.

use std::cell::RefCell;
use std::sync::Arc;

use aorta_wire::convert::Call;
use aorta_wire::frame::{FrameEncoder, FRAME_BYTES_MAX, FRAME_HEADER_BYTES};
use aorta_wire::handshake::Session;
use aorta_wire::requests::ClientRequests;
use aorta_wire::wire::ErrorCode;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::framed::encoder_limit;
use crate::lanes::{LANES_MAX, LANE_DEPTH};
use crate::Error;

thread_local! {
    /// Each thread's encoder for requests: its builder's buffer is reused from request to request
    /// (a fresh one grew from nothing, several allocations and copies per request).
    static ENCODER: RefCell<FrameEncoder> = RefCell::new(FrameEncoder::default());
}

/// The largest reserve kept for reads: 32 reads in flight at once, beside commits that fill their
/// share, is plenty, and the rest of a large limit goes to pipelined commits.
pub(crate) const READS_RESERVE_MAX: usize = 32;

/// Bytes of the node's `request_bytes_in_flight_max` left for the frames the budget does not
/// count: heartbeats are tens of bytes and a `Subscribe` a pattern and a position per shard, each
/// held by the node only while it arrives, so a few of them at once fit many times over.
pub(crate) const OTHER_FRAMES_BYTES_RESERVE: u64 = 64 * 1024;

/// The largest byte reserve kept for reads: a read's request is a key or a query, under a KiB,
/// so 1 MiB lets hundreds go beside commits that fill their share.
pub(crate) const READS_BYTES_RESERVE_MAX: u64 = 1024 * 1024;

/// The places of `limit` kept for reads (see the module doc).
pub(crate) fn reads_reserve(limit: usize) -> usize {
    if limit < 2 {
        0
    } else {
        (limit / 8).clamp(1, READS_RESERVE_MAX)
    }
}

/// How many lanes, each owing how many answers at most, carry `commits` commits in flight: at
/// most [`LANES_MAX`] lanes of at most [`LANE_DEPTH`], `lanes × depth` covering `commits` when
/// those bounds allow (1 commit: one lane of depth 1; 7: 4 lanes of 2, of which the budget lets 7
/// places be used).
pub(crate) fn lane_shape(commits: usize) -> (usize, usize) {
    let commits = commits.max(1);
    let depth = commits.div_ceil(LANES_MAX).clamp(1, LANE_DEPTH);
    let lanes = commits.div_ceil(depth).clamp(1, LANES_MAX);
    (lanes, depth)
}

/// The bytes of requests the client holds in flight at most, and of those the commits' share.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct BytesShares {
    pub(crate) whole: usize,
    pub(crate) commits: usize,
}

/// The shares of a node's `request_bytes_in_flight_max` = `limit` (non-zero), whose largest
/// request frame is `largest_frame` bytes (see the module doc).
pub(crate) fn bytes_shares(limit: u64, largest_frame: u64) -> BytesShares {
    let margin = OTHER_FRAMES_BYTES_RESERVE.min(limit.saturating_sub(largest_frame));
    let whole = (limit - margin).min(Semaphore::MAX_PERMITS as u64);
    let reads = (whole / 8).min(READS_BYTES_RESERVE_MAX);
    // Both are at most MAX_PERMITS, a usize.
    BytesShares {
        whole: whole as usize,
        commits: (whole - reads) as usize,
    }
}

/// A request whose frame is more bytes than the client lets a connection hold in flight: the
/// node would refuse it even alone, so it is refused before it waits.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "the request is a frame of {frame_bytes} bytes, more than the {budget_bytes} bytes of \
     requests this client holds in flight on a connection to this node \
     (request_bytes_in_flight_max = {node_limit}): send a smaller request"
)]
pub(crate) struct LargerThanBudget {
    pub(crate) frame_bytes: u64,
    pub(crate) budget_bytes: usize,
    pub(crate) node_limit: u64,
}

impl From<LargerThanBudget> for Error {
    fn from(refused: LargerThanBudget) -> Error {
        Error::InvalidInput {
            code: ErrorCode::FrameTooLarge,
            message: refused.to_string(),
        }
    }
}

/// One artery's budget (see the module doc).
#[derive(Debug)]
pub(crate) struct Budget {
    /// Every request in flight: the node's limit; `None` when the node stated none.
    all: Option<Arc<Semaphore>>,
    /// Commits in flight: the limit minus the reads' reserve.
    commits: Option<Arc<Semaphore>>,
    /// Bytes of every request in flight (the whole of [`BytesShares`]); `None` when the node
    /// stated no byte limit.
    all_bytes: Option<Arc<Semaphore>>,
    /// Bytes of commits in flight (the commits' share).
    commit_bytes: Option<Arc<Semaphore>>,
    bytes_shares: BytesShares,
    /// The node's `request_bytes_in_flight_max`, for the error that names it.
    node_bytes_limit: u64,
    /// The body limit of this client's frames to the node.
    frame_body_max: u32,
    /// Lanes at most, and answers each lane owes at most.
    pub(crate) lanes: usize,
    pub(crate) lane_depth: usize,
}

/// The places and bytes one request holds until its answer arrived (released on drop).
#[derive(Debug)]
pub(crate) struct Held {
    _commit: Option<OwnedSemaphorePermit>,
    _place: Option<OwnedSemaphorePermit>,
    _commit_bytes: Option<OwnedSemaphorePermit>,
    _bytes: Option<OwnedSemaphorePermit>,
}

impl Budget {
    /// The budget for a node that stated `session`'s `requests_in_flight_max` and
    /// `request_bytes_in_flight_max` (0: stated none).
    pub(crate) fn new(session: &Session) -> Budget {
        let frame_body_max = encoder_limit(session.frame_bytes_max);
        let largest_frame = u64::from(frame_body_max) + FRAME_HEADER_BYTES as u64;
        let node_bytes_limit = session.request_bytes_in_flight_max;
        let (all_bytes, commit_bytes, bytes_shares) = if node_bytes_limit == 0 {
            let unbounded = BytesShares {
                whole: 0,
                commits: 0,
            };
            (None, None, unbounded)
        } else {
            let shares = bytes_shares(node_bytes_limit, largest_frame);
            (
                Some(Arc::new(Semaphore::new(shares.whole))),
                Some(Arc::new(Semaphore::new(shares.commits))),
                shares,
            )
        };
        let limit = session.requests_in_flight_max as usize;
        let (all, commits, lanes, lane_depth) = if limit == 0 {
            (None, None, LANES_MAX, LANE_DEPTH)
        } else {
            let commits = limit - reads_reserve(limit);
            let (lanes, lane_depth) = lane_shape(commits);
            (
                Some(Arc::new(Semaphore::new(limit))),
                Some(Arc::new(Semaphore::new(commits))),
                lanes,
                lane_depth,
            )
        };
        Budget {
            all,
            commits,
            all_bytes,
            commit_bytes,
            bytes_shares,
            node_bytes_limit,
            frame_body_max,
            lanes,
            lane_depth,
        }
    }

    /// The frame this client writes for request `id` carrying `call` (header and body), or the
    /// encoder's error (a body over the node's `frame_bytes_max`), the one sending it would meet.
    /// Its length is what the node holds for the request until it answers, and what
    /// [`Budget::commit`] and [`Budget::read`] take: the request is encoded once, and the bytes
    /// counted are the bytes written.
    pub(crate) fn encode(&self, id: u64, call: &Call) -> Result<Vec<u8>, Error> {
        let message = ClientRequests::request(id, call);
        ENCODER.with_borrow_mut(|encoder| {
            encoder
                .set_limit(self.frame_body_max)
                .map_err(Error::from_frame)?;
            let mut frame = Vec::new();
            encoder
                .encode(&message, &mut frame)
                .map_err(Error::from_frame)?;
            Ok(frame)
        })
    }

    /// A place and the bytes for one commit whose frame is `frame_bytes` long: first within the
    /// commits' shares, then within the whole limits.
    pub(crate) async fn commit(&self, frame_bytes: usize) -> Result<Held, Error> {
        let bytes = self.bytes_to_hold(frame_bytes)?;
        let commit = acquire(&self.commits).await;
        let place = acquire(&self.all).await;
        // A commit larger than the commits' share takes all of it (see the module doc).
        let commit_bytes =
            acquire_bytes(&self.commit_bytes, bytes.min(self.bytes_shares.commits)).await;
        let bytes = acquire_bytes(&self.all_bytes, bytes).await;
        Ok(Held {
            _commit: commit,
            _place: place,
            _commit_bytes: commit_bytes,
            _bytes: bytes,
        })
    }

    /// A place and the bytes for one read whose frame is `frame_bytes` long, within the whole
    /// limits.
    pub(crate) async fn read(&self, frame_bytes: usize) -> Result<Held, Error> {
        let bytes = self.bytes_to_hold(frame_bytes)?;
        let place = acquire(&self.all).await;
        let bytes = acquire_bytes(&self.all_bytes, bytes).await;
        Ok(Held {
            _commit: None,
            _place: place,
            _commit_bytes: None,
            _bytes: bytes,
        })
    }

    /// The bytes a frame of `frame_bytes` takes in flight (0 when the node stated no byte limit);
    /// refused when they could never fit.
    fn bytes_to_hold(&self, frame_bytes: usize) -> Result<usize, Error> {
        if self.all_bytes.is_none() {
            return Ok(0);
        }
        match frame_bytes {
            bytes if bytes <= self.bytes_shares.whole => Ok(bytes),
            _ => Err(LargerThanBudget {
                frame_bytes: frame_bytes as u64,
                budget_bytes: self.bytes_shares.whole,
                node_limit: self.node_bytes_limit,
            }
            .into()),
        }
    }
}

async fn acquire(semaphore: &Option<Arc<Semaphore>>) -> Option<OwnedSemaphorePermit> {
    let semaphore = semaphore.as_ref()?.clone();
    // The budget never closes its semaphores.
    Some(semaphore.acquire_owned().await.expect("never closed"))
}

/// `bytes` permits of `semaphore`; `bytes` is at most a frame (checked by the encoder's limit).
async fn acquire_bytes(
    semaphore: &Option<Arc<Semaphore>>,
    bytes: usize,
) -> Option<OwnedSemaphorePermit> {
    let semaphore = semaphore.as_ref()?.clone();
    const _: () =
        assert!((FRAME_BYTES_MAX as u64) + (FRAME_HEADER_BYTES as u64) <= u32::MAX as u64);
    let bytes = u32::try_from(bytes).expect("a frame is within u32 (FRAME_BYTES_MAX and a header)");
    Some(
        semaphore
            .acquire_many_owned(bytes)
            .await
            .expect("never closed"),
    )
}

#[cfg(test)]
mod tests {
    use aorta_engine::{Batch, Command, ResourceSpec};
    use aorta_wire::frame::FrameDecoder;
    use aorta_wire::frame::{FRAME_BYTES_DEFAULT, FRAME_BYTES_MIN};
    use aorta_wire::requests::ServerRequests;

    use super::*;

    const MIB: u64 = 1024 * 1024;

    fn session(requests_in_flight_max: u32, request_bytes_in_flight_max: u64) -> Session {
        Session {
            version: 1,
            principal: "root".into(),
            cluster_id: 1,
            frame_bytes_max: FRAME_BYTES_DEFAULT,
            heartbeat_interval_ms: 1000,
            requests_in_flight_max,
            request_bytes_in_flight_max,
        }
    }

    fn put(data_bytes: usize) -> Call {
        let spec = ResourceSpec::new("/apps", "r", "item").with_data(vec![7; data_bytes]);
        Call::Commit(Batch::single(Command::put(spec, None)))
    }

    #[test]
    fn small_limits_make_small_lanes() {
        assert_eq!(reads_reserve(1), 0);
        assert_eq!(lane_shape(1), (1, 1));
        assert_eq!(reads_reserve(2), 1);
        assert_eq!(lane_shape(2 - 1), (1, 1));
        assert_eq!(reads_reserve(8), 1);
        assert_eq!(lane_shape(7), (4, 2));
        assert_eq!(lane_shape(3), (3, 1));
    }

    #[test]
    fn large_limits_are_bounded_by_the_lanes() {
        assert_eq!(reads_reserve(256), 32);
        assert_eq!(lane_shape(224), (4, 56));
        assert_eq!(reads_reserve(65_536), READS_RESERVE_MAX);
        assert_eq!(lane_shape(65_536 - 32), (LANES_MAX, LANE_DEPTH));
    }

    #[test]
    fn commits_never_take_the_reads_reserve() {
        let budget = Budget::new(&session(8, 0));
        let all = budget.all.clone().unwrap();
        let commits: Vec<_> = (0..7)
            .map(|_| {
                let commit = budget.commits.clone().unwrap().try_acquire_owned().unwrap();
                let place = all.clone().try_acquire_owned().unwrap();
                (commit, place)
            })
            .collect();
        assert!(budget.commits.clone().unwrap().try_acquire_owned().is_err());
        assert_eq!(all.available_permits(), 1, "the read's reserve");
        drop(commits);
        assert_eq!(all.available_permits(), 8);
    }

    #[test]
    fn the_default_byte_limit_keeps_a_margin_and_a_reads_reserve() {
        let largest_frame = u64::from(FRAME_BYTES_DEFAULT) + FRAME_HEADER_BYTES as u64;
        let shares = bytes_shares(64 * MIB, largest_frame);
        let whole = 64 * MIB - OTHER_FRAMES_BYTES_RESERVE;
        assert_eq!(shares.whole as u64, whole);
        assert_eq!(shares.commits as u64, whole - READS_BYTES_RESERVE_MAX);
    }

    #[test]
    fn the_smallest_byte_limit_still_takes_a_frame_of_frame_bytes_max() {
        // The node's smallest: request_bytes_in_flight_max = frame_bytes_max. No margin is left
        // over (the largest frame would not fit), and reads keep an eighth.
        let limit = u64::from(FRAME_BYTES_MIN);
        let shares = bytes_shares(limit, limit + FRAME_HEADER_BYTES as u64);
        assert_eq!(shares.whole as u64, limit);
        assert_eq!(
            shares.commits as u64,
            limit - READS_BYTES_RESERVE_MAX.min(limit / 8)
        );
        // A margin only as large as what the largest frame leaves.
        let shares = bytes_shares(limit + 1000, limit);
        assert_eq!(shares.whole as u64, limit);
    }

    #[test]
    fn a_huge_byte_limit_is_clamped_to_the_semaphores_permits() {
        let shares = bytes_shares(u64::MAX, u64::from(FRAME_BYTES_MAX));
        assert_eq!(shares.whole, Semaphore::MAX_PERMITS);
        assert!(shares.commits < shares.whole);
        // A semaphore of that many permits can be made.
        Semaphore::new(shares.whole);
    }

    #[tokio::test]
    async fn the_frame_encoded_is_the_request_under_its_id_and_its_length_is_what_is_held() {
        let budget = Budget::new(&session(8, 4 * MIB));
        let all_bytes = budget.all_bytes.clone().unwrap();
        let whole = budget.bytes_shares.whole;
        for (id, data_bytes) in [(0, 0), (1, 64), (u64::MAX, 1000), (12_345, 65_536)] {
            let call = put(data_bytes);
            let frame = budget.encode(id, &call).unwrap();
            let held = budget.commit(frame.len()).await.unwrap();
            assert_eq!(all_bytes.available_permits(), whole - frame.len());
            drop(held);
            let mut decoder = FrameDecoder::with_limit(FRAME_BYTES_DEFAULT).unwrap();
            let mut input = &frame[..];
            let decoded = decoder
                .decode(&mut input)
                .unwrap()
                .expect("one whole frame");
            assert!(input.is_empty(), "the frame is exactly one frame");
            let mut server = ServerRequests::default();
            let accepted = server.accept(decoded).unwrap();
            assert_eq!((accepted.id, accepted.call), (id, Ok(call)));
        }
        // A body over the node's frame limit is the encoder's error, before anything is taken.
        let small_frames = Budget::new(&Session {
            frame_bytes_max: FRAME_BYTES_MIN,
            ..session(8, 4 * MIB)
        });
        let error = small_frames
            .encode(0, &put(FRAME_BYTES_MIN as usize))
            .unwrap_err();
        assert!(
            matches!(
                error,
                Error::InvalidInput {
                    code: ErrorCode::FrameTooLarge,
                    ..
                }
            ),
            "{error:?}"
        );
    }

    #[tokio::test]
    async fn a_commit_larger_than_the_whole_byte_budget_is_refused_at_once() {
        // A node that breaks its own rule: frames of 8 MiB, but 512 KiB in flight.
        let budget = Budget::new(&session(8, 512 * 1024));
        let frame = budget.encode(0, &put(1024 * 1024)).unwrap();
        let error = budget.commit(frame.len()).await.unwrap_err();
        assert!(
            matches!(
                &error,
                Error::InvalidInput {
                    code: ErrorCode::FrameTooLarge,
                    message
                } if message.contains("request_bytes_in_flight_max = 524288")
            ),
            "{error:?}"
        );
        // Nothing was taken.
        assert_eq!(budget.all.as_ref().unwrap().available_permits(), 8);
        assert_eq!(
            budget.all_bytes.as_ref().unwrap().available_permits(),
            budget.bytes_shares.whole
        );
    }

    #[tokio::test]
    async fn a_commit_holds_its_frame_bytes_until_dropped() {
        let budget = Budget::new(&session(8, 4 * MIB));
        let frame = budget.encode(0, &put(100_000)).unwrap().len();
        let whole = budget.bytes_shares.whole;
        let commits = budget.bytes_shares.commits;
        let held = budget.commit(frame).await.unwrap();
        let all_bytes = budget.all_bytes.clone().unwrap();
        let commit_bytes = budget.commit_bytes.clone().unwrap();
        assert_eq!(all_bytes.available_permits(), whole - frame);
        assert_eq!(commit_bytes.available_permits(), commits - frame);
        let read = budget
            .read(budget.encode(1, &Call::Positions).unwrap().len())
            .await
            .unwrap();
        assert!(all_bytes.available_permits() < whole - frame);
        drop((held, read));
        assert_eq!(all_bytes.available_permits(), whole);
        assert_eq!(commit_bytes.available_permits(), commits);
    }

    #[tokio::test]
    async fn a_commit_larger_than_the_commits_share_waits_for_the_other_commits_only() {
        // 4 MiB: the commits' share is 3.5 MiB; a commit of about 3.9 MiB takes all of it and
        // the rest of its bytes from the reads' reserve.
        let budget = Budget::new(&session(8, 4 * MIB));
        let small = budget
            .commit(budget.encode(0, &put(1000)).unwrap().len())
            .await
            .unwrap();
        let large = budget
            .encode(1, &put(4 * MIB as usize - 200_000))
            .unwrap()
            .len();
        let waiting = budget.commit(large);
        tokio::pin!(waiting);
        let too_early = tokio::time::timeout(std::time::Duration::from_millis(50), &mut waiting);
        assert!(too_early.await.is_err(), "it waits for the small commit");
        drop(small);
        let _large = waiting.await.unwrap();
        assert_eq!(budget.commit_bytes.as_ref().unwrap().available_permits(), 0);
    }

    #[test]
    fn no_byte_limit_means_no_byte_bound() {
        let budget = Budget::new(&session(0, 0));
        assert!(budget.all_bytes.is_none() && budget.commit_bytes.is_none());
        let frame = budget.encode(0, &put(2 * MIB as usize)).unwrap().len();
        assert_eq!(budget.bytes_to_hold(frame).unwrap(), 0);
    }
}
