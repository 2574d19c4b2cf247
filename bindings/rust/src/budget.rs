//! The artery's budget of requests in flight: the client keeps its own requests under the node's
//! `requests_in_flight_max` (stated in the `Welcome`), so that the node never has to answer one
//! of them `Overloaded`; a caller past the budget waits for an answer to free a place.
//!
//! The split: of the node's limit `L`, a reserve `R` ([`reads_reserve`]: `L / 8`, at least 1 and
//! at most [`READS_RESERVE_MAX`]; 0 when `L` is 1) is kept for reads, and commits (queued for a
//! lane or written on one) hold at most `L - R`. Reads (every request that is not a commit, each
//! on a stream of its own) may take any place commits leave free. So commits and reads together
//! never pass `L`, and a read never waits behind commits filling the whole budget (only behind
//! other reads, when `R` of them and more are in flight; or, with `L` = 1, behind the one commit).
//! The lanes' shape derives from the commits' share ([`lane_shape`]).
//!
//! Invariants: a place is taken before the request is written and given back only once its
//! answer arrived (the node releases its count when it writes the answer, before that), so the
//! client's count is not below the node's. The one exception is a request abandoned on the way (a
//! read whose caller timed out or was cancelled drops its stream; a lane that failed drops its
//! commits): its place is free at once, while the node may count it until it sees the stream
//! reset. Both semaphores are fair (first come, first served), so a waiting caller is not
//! overtaken for ever; every wait is inside the caller's request timeout (or cancellation). A node that states no
//! limit (0, an older node) gets today's behaviour: lanes of [`LANES_MAX`] × [`LANE_DEPTH`], reads
//! unbounded.

use std::sync::Arc;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::lanes::{LANES_MAX, LANE_DEPTH};

/// The largest reserve kept for reads: 32 reads in flight at once, beside commits that fill their
/// share, is plenty, and the rest of a large limit goes to pipelined commits.
pub(crate) const READS_RESERVE_MAX: usize = 32;

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

/// One artery's budget (see the module doc).
#[derive(Debug)]
pub(crate) struct Budget {
    /// Every request in flight: the node's limit; `None` when the node stated none.
    all: Option<Arc<Semaphore>>,
    /// Commits in flight: the limit minus the reads' reserve.
    commits: Option<Arc<Semaphore>>,
    /// Lanes at most, and answers each lane owes at most.
    pub(crate) lanes: usize,
    pub(crate) lane_depth: usize,
}

/// The places one request holds until its answer arrived (released on drop).
#[derive(Debug)]
pub(crate) struct Held {
    _commit: Option<OwnedSemaphorePermit>,
    _place: Option<OwnedSemaphorePermit>,
}

impl Budget {
    /// The budget for a node that stated `requests_in_flight_max` (0: stated none).
    pub(crate) fn new(requests_in_flight_max: u32) -> Budget {
        let limit = requests_in_flight_max as usize;
        if limit == 0 {
            return Budget {
                all: None,
                commits: None,
                lanes: LANES_MAX,
                lane_depth: LANE_DEPTH,
            };
        }
        let commits = limit - reads_reserve(limit);
        let (lanes, lane_depth) = lane_shape(commits);
        Budget {
            all: Some(Arc::new(Semaphore::new(limit))),
            commits: Some(Arc::new(Semaphore::new(commits))),
            lanes,
            lane_depth,
        }
    }

    /// A place for one commit: first within the commits' share, then within the whole limit.
    pub(crate) async fn commit(&self) -> Held {
        let commit = acquire(&self.commits).await;
        let place = acquire(&self.all).await;
        Held {
            _commit: commit,
            _place: place,
        }
    }

    /// A place for one read, within the whole limit.
    pub(crate) async fn read(&self) -> Held {
        Held {
            _commit: None,
            _place: acquire(&self.all).await,
        }
    }
}

async fn acquire(semaphore: &Option<Arc<Semaphore>>) -> Option<OwnedSemaphorePermit> {
    let semaphore = semaphore.as_ref()?.clone();
    // The budget never closes its semaphores.
    Some(semaphore.acquire_owned().await.expect("never closed"))
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let budget = Budget::new(8);
        let all = budget.all.clone().unwrap();
        let commits: Vec<Held> = (0..7)
            .map(|_| {
                let commit = budget.commits.clone().unwrap().try_acquire_owned().unwrap();
                let place = all.clone().try_acquire_owned().unwrap();
                Held {
                    _commit: Some(commit),
                    _place: Some(place),
                }
            })
            .collect();
        assert!(budget.commits.clone().unwrap().try_acquire_owned().is_err());
        assert_eq!(all.available_permits(), 1, "the read's reserve");
        drop(commits);
        assert_eq!(all.available_permits(), 8);
    }
}
