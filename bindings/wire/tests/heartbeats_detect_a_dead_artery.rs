//! The heartbeat clock pings after one quiet interval, waits while traffic flows, and declares
//! the artery dead after three intervals without a received frame.

use aorta_wire::heartbeat::{Heartbeat, HeartbeatAction, DEAD_AFTER_INTERVALS};
use aorta_wire::wire;

#[test]
fn a_quiet_connection_pings_then_dies() {
    let mut heartbeat = Heartbeat::new(1000, 0);
    assert_eq!(
        heartbeat.poll(500),
        HeartbeatAction::Wait { until_ms: 1000 }
    );
    assert_eq!(
        heartbeat.poll(1000),
        HeartbeatAction::SendPing(wire::Message::Ping(Box::new(wire::Ping { sequence: 0 })))
    );
    assert_eq!(
        heartbeat.poll(2000),
        HeartbeatAction::SendPing(wire::Message::Ping(Box::new(wire::Ping { sequence: 1 })))
    );
    assert_eq!(
        heartbeat.poll(1000 * DEAD_AFTER_INTERVALS),
        HeartbeatAction::Dead { silent_ms: 3000 }
    );
}

#[test]
fn traffic_keeps_it_alive_and_quiet() {
    let mut heartbeat = Heartbeat::new(1000, 0);
    for now in (100..10_000).step_by(100) {
        heartbeat.on_sent(now);
        heartbeat.on_received(now);
        assert!(matches!(heartbeat.poll(now), HeartbeatAction::Wait { .. }));
    }
}

#[test]
fn an_answered_ping_keeps_it_alive() {
    let mut heartbeat = Heartbeat::new(1000, 0);
    for second in 1..20u64 {
        let now = second * 1000;
        assert!(matches!(heartbeat.poll(now), HeartbeatAction::SendPing(_)));
        heartbeat.on_received(now + 10);
    }
}
