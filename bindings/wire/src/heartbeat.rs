//! Heartbeats, sans-IO: when an artery must send a `Ping`, and when it is dead.
//!
//! Rule (`docs/protocol.md`, "Heartbeats"): each side sends a `Ping` on the control stream when it
//! has sent nothing on the connection for one interval, and answers every `Ping` with a `Pong`; a
//! side that has received nothing on the connection for [`DEAD_AFTER_INTERVALS`] intervals
//! declares the artery dead and closes it (the client then reconnects and resumes its
//! subscriptions from their last tokens). Time comes in as milliseconds from any fixed origin.

use crate::wire;

/// Intervals of silence after which an artery is dead: two lost pings are tolerated.
pub const DEAD_AFTER_INTERVALS: u64 = 3;

/// What the caller must do now.
#[derive(Clone, Debug, PartialEq)]
pub enum HeartbeatAction {
    /// Nothing until `until_ms` (or until a frame is sent or received).
    Wait { until_ms: u64 },
    /// Send this `Ping` on the control stream (already counted as sent).
    SendPing(wire::Message),
    /// Nothing was received for `silent_ms`: close the connection.
    Dead { silent_ms: u64 },
}

/// One artery's heartbeat clock.
#[derive(Clone, Debug)]
pub struct Heartbeat {
    interval_ms: u64,
    last_sent_ms: u64,
    last_received_ms: u64,
    next_sequence: u64,
}

impl Heartbeat {
    /// A heartbeat of `interval_ms` (at least 1) for a connection established at `now_ms`.
    pub fn new(interval_ms: u32, now_ms: u64) -> Self {
        Heartbeat {
            interval_ms: u64::from(interval_ms.max(1)),
            last_sent_ms: now_ms,
            last_received_ms: now_ms,
            next_sequence: 0,
        }
    }

    /// Any frame sent on the connection.
    pub fn on_sent(&mut self, now_ms: u64) {
        self.last_sent_ms = self.last_sent_ms.max(now_ms);
    }

    /// Any frame received on the connection: the peer is alive.
    pub fn on_received(&mut self, now_ms: u64) {
        self.last_received_ms = self.last_received_ms.max(now_ms);
    }

    pub fn poll(&mut self, now_ms: u64) -> HeartbeatAction {
        let dead_after_ms = self.interval_ms * DEAD_AFTER_INTERVALS;
        let silent_ms = now_ms.saturating_sub(self.last_received_ms);
        if silent_ms >= dead_after_ms {
            return HeartbeatAction::Dead { silent_ms };
        }
        if now_ms.saturating_sub(self.last_sent_ms) >= self.interval_ms {
            self.last_sent_ms = now_ms;
            let sequence = self.next_sequence;
            self.next_sequence += 1;
            return HeartbeatAction::SendPing(wire::Message::Ping(Box::new(wire::Ping {
                sequence,
            })));
        }
        HeartbeatAction::Wait {
            until_ms: (self.last_sent_ms + self.interval_ms)
                .min(self.last_received_ms + dead_after_ms),
        }
    }
}
