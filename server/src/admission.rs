//! Which connection attempts are served, and on which core: plain accounting, no IO. The node
//! holds one [`Admission`] behind a lock; each decision and each release is a call here.
//!
//! Invariants: `open() <= connections_max`; `refusing <= REFUSALS_IN_FLIGHT_MAX`; a core's count
//! is the number of admitted connections placed on it and not yet released.

/// Connection attempts over the limit whose handshake the node still completes, at once, so
/// that they can be told why they are refused (an application close carries a reason only once
/// the handshake is done). Past this, attempts are refused at once without a reason: a flood of
/// attempts must not cost a handshake each.
pub const REFUSALS_IN_FLIGHT_MAX: u32 = 16;

/// What to do with a new connection attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Serve it on this core (the least loaded one).
    Admit { core: usize },
    /// Complete the handshake on this core, then close with the reason (`release_refusal` when
    /// done).
    RefuseWithReason { core: usize, open: u32, max: u32 },
    /// Refuse the attempt without a handshake.
    RefuseAtOnce,
}

/// Open connections per core, against the node's maximum.
#[derive(Debug)]
pub struct Admission {
    connections_max: u32,
    open_per_core: Vec<u32>,
    open: u32,
    refusing: u32,
    next_refusal_core: usize,
    closed_to_new: bool,
}

impl Admission {
    pub fn new(connections_max: u32, cores: usize) -> Self {
        assert!(cores > 0, "at least one core");
        Admission {
            connections_max,
            open_per_core: vec![0; cores],
            open: 0,
            refusing: 0,
            next_refusal_core: 0,
            closed_to_new: false,
        }
    }

    /// Decides a new attempt; an admitted one counts as open until [`Admission::release`].
    pub fn decide(&mut self) -> Decision {
        if self.closed_to_new {
            return Decision::RefuseAtOnce;
        }
        if self.open < self.connections_max {
            let core = self.least_loaded_core();
            self.open_per_core[core] += 1;
            self.open += 1;
            return Decision::Admit { core };
        }
        if self.refusing < REFUSALS_IN_FLIGHT_MAX {
            self.refusing += 1;
            // Refusals are spread round robin: they carry no load worth balancing.
            let core = self.next_refusal_core;
            self.next_refusal_core = (core + 1) % self.open_per_core.len();
            return Decision::RefuseWithReason {
                core,
                open: self.open,
                max: self.connections_max,
            };
        }
        Decision::RefuseAtOnce
    }

    /// An admitted connection on `core` has ended.
    pub fn release(&mut self, core: usize) {
        assert!(self.open_per_core[core] > 0, "release without admission");
        self.open_per_core[core] -= 1;
        self.open -= 1;
    }

    /// A refusal's close has been sent.
    pub fn release_refusal(&mut self) {
        assert!(self.refusing > 0, "refusal release without refusal");
        self.refusing -= 1;
    }

    /// From now on every attempt is refused at once (shutdown).
    pub fn close_to_new(&mut self) {
        self.closed_to_new = true;
    }

    pub fn open(&self) -> u32 {
        self.open
    }

    pub fn open_per_core(&self) -> &[u32] {
        &self.open_per_core
    }

    /// The core with the fewest open connections, the lowest index on a tie.
    fn least_loaded_core(&self) -> usize {
        let mut best = 0;
        for (core, &open) in self.open_per_core.iter().enumerate() {
            if open < self.open_per_core[best] {
                best = core;
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connections_spread_over_the_least_loaded_core() {
        let mut admission = Admission::new(10, 3);
        let cores: Vec<_> = (0..6).map(|_| admission.decide()).collect();
        assert_eq!(
            cores,
            [0, 1, 2, 0, 1, 2].map(|core| Decision::Admit { core })
        );
        admission.release(1);
        admission.release(1);
        assert_eq!(admission.decide(), Decision::Admit { core: 1 });
        assert_eq!(admission.open_per_core(), &[2, 1, 2]);
        assert_eq!(admission.open(), 5);
    }

    #[test]
    fn over_the_limit_attempts_are_refused_with_a_reason_then_at_once() {
        let mut admission = Admission::new(2, 2);
        admission.decide();
        admission.decide();
        for i in 0..REFUSALS_IN_FLIGHT_MAX {
            assert_eq!(
                admission.decide(),
                Decision::RefuseWithReason {
                    core: (i % 2) as usize,
                    open: 2,
                    max: 2
                }
            );
        }
        assert_eq!(admission.decide(), Decision::RefuseAtOnce);
        admission.release_refusal();
        assert!(matches!(
            admission.decide(),
            Decision::RefuseWithReason { .. }
        ));
        admission.release(0);
        assert_eq!(admission.decide(), Decision::Admit { core: 0 });
        assert_eq!(admission.open(), 2);
    }

    #[test]
    fn a_node_closed_to_new_connections_refuses_every_attempt() {
        let mut admission = Admission::new(5, 1);
        admission.decide();
        admission.close_to_new();
        assert_eq!(admission.decide(), Decision::RefuseAtOnce);
        admission.release(0);
        assert_eq!(admission.open(), 0);
    }

    #[test]
    #[should_panic(expected = "release without admission")]
    fn a_release_without_admission_is_a_bug() {
        Admission::new(1, 1).release(0);
    }
}
