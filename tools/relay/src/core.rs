//! The relay, sans-IO: a datagram comes in with `now`; the core decides (from its seeded generator
//! and its [`Faults`]) to drop it, or to schedule it — and maybe a duplicate — for an instant
//! within the delay range; the shell asks what is due and sends it. Nothing here touches a socket
//! or a clock, so a test drives it deterministically.
//!
//! Invariants: a datagram is sent at most twice (once, or once more as a duplicate) and never
//! before its instant; datagrams due at the same instant leave in arrival order; what is held is
//! within `QUEUED_DATAGRAMS_MAX` and `QUEUED_BYTES_MAX`.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::time::{Duration, Instant};

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::faults::{Faults, FaultsError};
use crate::{QUEUED_BYTES_MAX, QUEUED_DATAGRAMS_MAX};

/// Which way a datagram goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Direction {
    /// From a client to the server.
    ToServer,
    /// From the server back to a client.
    ToClient,
}

/// One datagram of one flow (a client address, numbered by the shell).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Datagram {
    pub direction: Direction,
    pub flow: u32,
    pub bytes: Vec<u8>,
}

/// What the relay did so far.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    pub received: u64,
    pub dropped: u64,
    /// Dropped because the path was cut.
    pub cut: u64,
    /// Dropped because too much was held already.
    pub overflowed: u64,
    pub duplicated: u64,
    pub sent: u64,
    /// Sent after a datagram that arrived later (in either direction of the same flow).
    pub reordered: u64,
}

#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Scheduled {
    due: Instant,
    /// Arrival order: ties at one instant leave in it.
    sequence: u64,
    datagram: Datagram,
}

/// The relay's decisions. See the module doc.
pub struct RelayCore {
    faults: Faults,
    rng: StdRng,
    queue: BinaryHeap<Reverse<Scheduled>>,
    queued_bytes: usize,
    next_sequence: u64,
    /// The highest arrival sequence sent so far: a datagram sent below it was reordered.
    highest_sent: Option<u64>,
    stats: Stats,
}

impl RelayCore {
    pub fn new(faults: Faults, seed: u64) -> Result<RelayCore, FaultsError> {
        faults.validate()?;
        Ok(RelayCore {
            faults,
            rng: StdRng::seed_from_u64(seed),
            queue: BinaryHeap::new(),
            queued_bytes: 0,
            next_sequence: 0,
            highest_sent: None,
            stats: Stats::default(),
        })
    }

    pub fn faults(&self) -> &Faults {
        &self.faults
    }

    /// Changes the faults for the datagrams that arrive from now on (those held keep their
    /// instants; cutting the path drops them too).
    pub fn set_faults(&mut self, faults: Faults) -> Result<(), FaultsError> {
        faults.validate()?;
        if faults.cut {
            self.stats.cut += self.queue.len() as u64;
            self.stats.dropped += self.queue.len() as u64;
            self.queue.clear();
            self.queued_bytes = 0;
        }
        self.faults = faults;
        Ok(())
    }

    pub fn stats(&self) -> Stats {
        self.stats
    }

    /// Datagrams and bytes held for their delay.
    pub fn held(&self) -> (usize, usize) {
        (self.queue.len(), self.queued_bytes)
    }

    /// Takes a datagram that arrived at `now`.
    pub fn on_datagram(&mut self, now: Instant, datagram: Datagram) {
        self.stats.received += 1;
        let sequence = self.next_sequence;
        self.next_sequence += 1;
        if self.faults.cut {
            self.stats.cut += 1;
            self.stats.dropped += 1;
            return;
        }
        if self.chance(self.faults.drop_per_million) {
            self.stats.dropped += 1;
            return;
        }
        let duplicate = self.chance(self.faults.duplicate_per_million);
        if duplicate {
            let due = now + self.delay();
            if self.schedule(due, sequence, datagram.clone()) {
                self.stats.duplicated += 1;
            }
        }
        let due = now + self.delay();
        self.schedule(due, sequence, datagram);
    }

    /// When the next held datagram is due.
    pub fn next_due(&self) -> Option<Instant> {
        self.queue.peek().map(|Reverse(s)| s.due)
    }

    /// The next datagram due at or before `now`, if any.
    pub fn pop_due(&mut self, now: Instant) -> Option<Datagram> {
        if self.next_due()? > now {
            return None;
        }
        let Reverse(scheduled) = self.queue.pop().expect("peeked");
        self.queued_bytes -= scheduled.datagram.bytes.len();
        match self.highest_sent {
            Some(highest) if scheduled.sequence < highest => self.stats.reordered += 1,
            _ => self.highest_sent = Some(scheduled.sequence),
        }
        self.stats.sent += 1;
        Some(scheduled.datagram)
    }

    fn schedule(&mut self, due: Instant, sequence: u64, datagram: Datagram) -> bool {
        if self.queue.len() >= QUEUED_DATAGRAMS_MAX
            || self.queued_bytes + datagram.bytes.len() > QUEUED_BYTES_MAX
        {
            self.stats.overflowed += 1;
            self.stats.dropped += 1;
            return false;
        }
        self.queued_bytes += datagram.bytes.len();
        self.queue.push(Reverse(Scheduled {
            due,
            sequence,
            datagram,
        }));
        true
    }

    fn chance(&mut self, per_million: u32) -> bool {
        per_million > 0 && self.rng.gen_range(0..1_000_000) < per_million
    }

    fn delay(&mut self) -> Duration {
        let (min, max) = (self.faults.delay_min, self.faults.delay_max);
        if min == max {
            return min;
        }
        let nanos = self
            .rng
            .gen_range(min.as_nanos() as u64..=max.as_nanos() as u64);
        Duration::from_nanos(nanos)
    }
}
