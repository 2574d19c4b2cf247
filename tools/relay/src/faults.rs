//! What the relay does to each datagram.

use std::time::Duration;

use crate::DELAY_MAX;

/// The faults applied to every datagram, in both directions. Probabilities are in parts per
/// million so that a configuration is exact and comparable; a datagram's delay is drawn uniformly
/// from `delay_min..=delay_max`, so a range wider than the gap between datagrams reorders them.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Faults {
    pub drop_per_million: u32,
    pub duplicate_per_million: u32,
    pub delay_min: Duration,
    pub delay_max: Duration,
    /// Drop everything (the path is cut) while set.
    pub cut: bool,
}

/// Why a configuration of faults was refused; nothing changed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FaultsError {
    #[error("{field} is {value} per million; it must be at most 1,000,000")]
    Probability { field: &'static str, value: u32 },
    #[error("the delay range {min:?}..={max:?} is empty or longer than {limit:?}")]
    Delay {
        min: Duration,
        max: Duration,
        limit: Duration,
    },
}

impl Faults {
    /// No fault: every datagram is relayed at once.
    pub fn none() -> Faults {
        Faults::default()
    }

    pub fn validate(&self) -> Result<(), FaultsError> {
        for (field, value) in [
            ("drop_per_million", self.drop_per_million),
            ("duplicate_per_million", self.duplicate_per_million),
        ] {
            if value > 1_000_000 {
                return Err(FaultsError::Probability { field, value });
            }
        }
        if self.delay_min > self.delay_max || self.delay_max > DELAY_MAX {
            return Err(FaultsError::Delay {
                min: self.delay_min,
                max: self.delay_max,
                limit: DELAY_MAX,
            });
        }
        Ok(())
    }
}
