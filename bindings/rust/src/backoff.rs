//! Reconnection delays, sans-IO: exponential from the policy's initial delay to its maximum, each
//! drawn between half and all of its step (jitter, so that the clients of a restarted node spread
//! out), and a deadline after which the caller gives up. Time and randomness come in as arguments.

use std::time::{Duration, Instant};

use crate::config::Reconnect;

#[derive(Clone, Debug)]
pub(crate) struct Backoff {
    policy: Reconnect,
    /// Failures since the last success.
    failures: u32,
    failing_since: Option<Instant>,
}

impl Backoff {
    pub(crate) fn new(policy: Reconnect) -> Self {
        Backoff {
            policy,
            failures: 0,
            failing_since: None,
        }
    }

    /// A connection worked: the next failure starts from the initial delay again.
    pub(crate) fn succeeded(&mut self) {
        self.failures = 0;
        self.failing_since = None;
    }

    /// A failure at `now`: the delay before the next attempt (`unit` in `0.0..=1.0` picks where
    /// in the jitter range), or `None` once the policy's `give_up_after` has passed since the
    /// first failure in a row.
    pub(crate) fn failed(&mut self, now: Instant, unit: f64) -> Option<Duration> {
        let since = *self.failing_since.get_or_insert(now);
        if now.duration_since(since) >= self.policy.give_up_after {
            return None;
        }
        let step = self
            .policy
            .delay_initial
            .saturating_mul(1u32 << self.failures.min(20))
            .min(self.policy.delay_max);
        self.failures = self.failures.saturating_add(1);
        let jittered = step.mul_f64(0.5 + 0.5 * unit.clamp(0.0, 1.0));
        Some(jittered)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy() -> Reconnect {
        Reconnect {
            delay_initial: Duration::from_millis(100),
            delay_max: Duration::from_secs(2),
            give_up_after: Duration::from_secs(60),
        }
    }

    #[test]
    fn delays_double_up_to_the_maximum_within_their_jitter_and_reset_on_success() {
        let start = Instant::now();
        let mut backoff = Backoff::new(policy());
        let highs: Vec<Duration> = (0..8)
            .map(|_| backoff.failed(start, 1.0).unwrap())
            .collect();
        assert_eq!(highs[0], Duration::from_millis(100));
        assert_eq!(highs[1], Duration::from_millis(200));
        assert_eq!(highs[4], Duration::from_millis(1600));
        assert!(highs[5..].iter().all(|d| *d == Duration::from_secs(2)));
        backoff.succeeded();
        assert_eq!(
            backoff.failed(start, 0.0).unwrap(),
            Duration::from_millis(50),
            "half the step at the low end of the jitter"
        );
    }

    #[test]
    fn it_gives_up_after_the_policys_time_without_a_connection() {
        let start = Instant::now();
        let mut backoff = Backoff::new(policy());
        assert!(backoff.failed(start, 0.5).is_some());
        assert!(backoff
            .failed(start + Duration::from_secs(59), 0.5)
            .is_some());
        assert!(backoff
            .failed(start + Duration::from_secs(60), 0.5)
            .is_none());
    }
}
