//! The relay's core, driven with a fake clock: no fault relays everything at once in order; drops
//! and duplicates come at their configured rates; delays stay in their range and reorder when the
//! range is wider than the gap between datagrams; nothing leaves before its instant; cutting the
//! path drops what arrives and what is held; the same seed gives the same faults; bad faults are
//! refused.

use std::time::{Duration, Instant};

use aorta_relay::{Datagram, Direction, Faults, FaultsError, RelayCore};

fn datagram(i: u32) -> Datagram {
    Datagram {
        direction: Direction::ToServer,
        flow: 0,
        bytes: i.to_be_bytes().to_vec(),
    }
}

fn number(d: &Datagram) -> u32 {
    u32::from_be_bytes(d.bytes[..4].try_into().unwrap())
}

/// Feeds `count` datagrams one `gap` apart, then drains; returns what left, in order, with when.
fn run(core: &mut RelayCore, count: u32, gap: Duration) -> Vec<(Instant, u32)> {
    let start = Instant::now();
    let mut out = Vec::new();
    let mut now = start;
    for i in 0..count {
        now = start + gap * i;
        while let Some(d) = core.pop_due(now) {
            out.push((now, number(&d)));
        }
        core.on_datagram(now, datagram(i));
    }
    while let Some(due) = core.next_due() {
        now = now.max(due);
        let d = core.pop_due(now).expect("due");
        out.push((now, number(&d)));
    }
    out
}

#[test]
fn no_fault_relays_everything_at_once_in_order() {
    let mut core = RelayCore::new(Faults::none(), 1).unwrap();
    let out = run(&mut core, 1000, Duration::from_micros(10));
    assert_eq!(
        out.iter().map(|(_, n)| *n).collect::<Vec<_>>(),
        (0..1000).collect::<Vec<_>>()
    );
    let stats = core.stats();
    assert_eq!((stats.received, stats.sent, stats.dropped), (1000, 1000, 0));
    assert_eq!(stats.reordered, 0);
}

#[test]
fn drops_and_duplicates_come_at_their_rates() {
    let faults = Faults {
        drop_per_million: 100_000,
        duplicate_per_million: 50_000,
        ..Faults::none()
    };
    let mut core = RelayCore::new(faults, 7).unwrap();
    let out = run(&mut core, 100_000, Duration::from_micros(1));
    let stats = core.stats();
    // 10 % dropped and 5 % of the rest duplicated, within a few standard deviations.
    assert!((9_000..=11_000).contains(&stats.dropped), "{stats:?}");
    assert!((3_900..=5_100).contains(&stats.duplicated), "{stats:?}");
    assert_eq!(stats.sent as usize, out.len());
    assert_eq!(
        stats.sent,
        stats.received - stats.dropped + stats.duplicated
    );
    // Each number leaves at most twice.
    let mut seen = vec![0u8; 100_000];
    for (_, n) in &out {
        seen[*n as usize] += 1;
    }
    assert!(seen.iter().all(|&c| c <= 2));
}

#[test]
fn delays_stay_in_range_and_a_wide_range_reorders() {
    let faults = Faults {
        delay_min: Duration::from_millis(5),
        delay_max: Duration::from_millis(20),
        ..Faults::none()
    };
    let mut core = RelayCore::new(faults, 3).unwrap();
    let gap = Duration::from_millis(1);
    let start = Instant::now();
    let out = run(&mut core, 2000, gap);
    assert_eq!(out.len(), 2000);
    for (at, n) in &out {
        let arrived = start + gap * *n;
        let delay = *at - arrived;
        assert!(
            delay >= Duration::from_millis(5) && delay <= Duration::from_millis(21),
            "{n} delayed {delay:?}"
        );
    }
    let stats = core.stats();
    assert!(stats.reordered > 100, "{stats:?}");
    let mut numbers: Vec<u32> = out.iter().map(|(_, n)| *n).collect();
    assert_ne!(numbers, (0..2000).collect::<Vec<_>>(), "reordered");
    numbers.sort_unstable();
    assert_eq!(numbers, (0..2000).collect::<Vec<_>>(), "none lost");
}

#[test]
fn nothing_leaves_before_its_instant() {
    let faults = Faults {
        delay_min: Duration::from_millis(10),
        delay_max: Duration::from_millis(10),
        ..Faults::none()
    };
    let mut core = RelayCore::new(faults, 1).unwrap();
    let now = Instant::now();
    core.on_datagram(now, datagram(1));
    core.on_datagram(now, datagram(2));
    assert_eq!(core.pop_due(now + Duration::from_millis(9)), None);
    assert_eq!(core.next_due(), Some(now + Duration::from_millis(10)));
    let later = now + Duration::from_millis(10);
    // Ties leave in arrival order.
    assert_eq!(core.pop_due(later).map(|d| number(&d)), Some(1));
    assert_eq!(core.pop_due(later).map(|d| number(&d)), Some(2));
    assert_eq!(core.pop_due(later), None);
}

#[test]
fn a_cut_drops_what_arrives_and_what_is_held_until_it_heals() {
    let delayed = Faults {
        delay_min: Duration::from_millis(50),
        delay_max: Duration::from_millis(50),
        ..Faults::none()
    };
    let mut core = RelayCore::new(delayed.clone(), 1).unwrap();
    let now = Instant::now();
    core.on_datagram(now, datagram(1));
    assert_eq!(core.held().0, 1);
    core.set_faults(Faults {
        cut: true,
        ..delayed.clone()
    })
    .unwrap();
    assert_eq!(core.held(), (0, 0), "held datagrams are lost with the path");
    core.on_datagram(now, datagram(2));
    assert_eq!(core.next_due(), None);
    core.set_faults(Faults::none()).unwrap();
    core.on_datagram(now, datagram(3));
    assert_eq!(core.pop_due(now).map(|d| number(&d)), Some(3));
    let stats = core.stats();
    assert_eq!((stats.cut, stats.dropped, stats.sent), (2, 2, 1));
}

#[test]
fn the_same_seed_gives_the_same_faults() {
    let faults = Faults {
        drop_per_million: 200_000,
        duplicate_per_million: 100_000,
        delay_min: Duration::ZERO,
        delay_max: Duration::from_millis(3),
        cut: false,
    };
    let mut a = RelayCore::new(faults.clone(), 42).unwrap();
    let mut b = RelayCore::new(faults.clone(), 42).unwrap();
    let mut c = RelayCore::new(faults, 43).unwrap();
    let gap = Duration::from_micros(100);
    let numbers = |out: Vec<(Instant, u32)>| out.into_iter().map(|(_, n)| n).collect::<Vec<_>>();
    let (ra, rb, rc) = (
        numbers(run(&mut a, 5000, gap)),
        numbers(run(&mut b, 5000, gap)),
        numbers(run(&mut c, 5000, gap)),
    );
    assert_eq!(ra, rb);
    assert_ne!(ra, rc);
}

#[test]
fn bad_faults_are_refused_and_change_nothing() {
    let too_likely = Faults {
        drop_per_million: 1_000_001,
        ..Faults::none()
    };
    assert!(matches!(
        RelayCore::new(too_likely.clone(), 1),
        Err(FaultsError::Probability { .. })
    ));
    let inverted = Faults {
        delay_min: Duration::from_millis(2),
        delay_max: Duration::from_millis(1),
        ..Faults::none()
    };
    let mut core = RelayCore::new(Faults::none(), 1).unwrap();
    assert!(matches!(
        core.set_faults(inverted),
        Err(FaultsError::Delay { .. })
    ));
    assert_eq!(core.faults(), &Faults::none());
    let too_long = Faults {
        delay_max: aorta_relay::DELAY_MAX + Duration::from_millis(1),
        ..Faults::none()
    };
    assert!(core.set_faults(too_long).is_err());
}
