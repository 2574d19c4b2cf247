//! The history keeps its limits (changes, estimated bytes, age) by evicting exactly the oldest whole
//! batches; its byte count is the sum of the charges of what it keeps and never exceeds `bytes_max`
//! but when it holds a single batch larger than that, which it keeps alone.

mod history_common;

use aorta_engine::history::{History, HistoryChange, HistoryLimits, BATCH_OVERHEAD_BYTES};
use history_common::{batch_bytes, change};
use proptest::prelude::*;

fn batch(position: u64, time_ms: u64, changes: usize, data: usize) -> Vec<HistoryChange> {
    (0..changes)
        .map(|i| change(position, time_ms, i as u16, 1, data))
        .collect()
}

fn record(history: &mut History, batch: Vec<HistoryChange>) {
    for c in batch {
        history.record_owned(c);
    }
}

fn kept_positions(history: &History) -> Vec<u64> {
    let mut positions: Vec<u64> = history
        .iter_from(history.oldest_available())
        .unwrap()
        .map(|c| c.position)
        .collect();
    positions.dedup();
    positions
}

fn limits(changes_max: usize, bytes_max: u64, age_max_ms: u64) -> HistoryLimits {
    HistoryLimits {
        changes_max,
        bytes_max,
        age_max_ms,
    }
}

#[test]
fn the_count_limit_evicts_the_oldest_whole_batches() {
    let mut history = History::new(limits(5, u64::MAX >> 30, 1_000)).unwrap();
    record(&mut history, batch(1, 0, 2, 8));
    record(&mut history, batch(3, 0, 2, 8));
    assert_eq!(kept_positions(&history), [1, 3]);
    // 4 + 3 = 7 > 5: batch 1 goes (5 left), whole; batch 3 stays.
    record(&mut history, batch(4, 0, 3, 8));
    assert_eq!(kept_positions(&history), [3, 4]);
    assert_eq!(history.len(), 5);
    assert_eq!(history.oldest_available(), 2);
    // One more change: batch 3 goes whole, though one change would have been enough.
    record(&mut history, batch(7, 0, 1, 8));
    assert_eq!(kept_positions(&history), [4, 7]);
    assert_eq!(history.len(), 4);
    assert_eq!(history.oldest_available(), 4);
}

#[test]
fn the_byte_limit_evicts_the_oldest_whole_batches() {
    let one = batch_bytes(&batch(1, 0, 1, 100));
    let mut history = History::new(limits(1_000, 3 * one, 1_000)).unwrap();
    for position in 1..=3 {
        record(&mut history, batch(position, 0, 1, 100));
    }
    assert_eq!(history.bytes(), 3 * one);
    assert_eq!(kept_positions(&history), [1, 2, 3]);
    record(&mut history, batch(4, 0, 1, 100));
    assert_eq!(kept_positions(&history), [2, 3, 4]);
    // A batch of two changes needs two older batches to go.
    record(&mut history, batch(5, 0, 2, 100));
    assert_eq!(kept_positions(&history), [4, 5]);
    assert!(history.bytes() <= 3 * one);
}

#[test]
fn the_age_limit_evicts_batches_older_than_the_newest_commit_by_more_than_it() {
    let mut history = History::new(limits(1_000, u64::MAX >> 30, 100)).unwrap();
    record(&mut history, batch(1, 1_000, 1, 8));
    record(&mut history, batch(2, 1_050, 1, 8));
    record(&mut history, batch(3, 1_100, 1, 8));
    // 1,100 - 1,000 = 100 is not more than 100: all kept.
    assert_eq!(kept_positions(&history), [1, 2, 3]);
    record(&mut history, batch(4, 1_101, 1, 8));
    assert_eq!(kept_positions(&history), [2, 3, 4]);
    // A clock that steps back does not bring anything back nor evict by the older time.
    record(&mut history, batch(5, 900, 1, 8));
    assert_eq!(kept_positions(&history), [2, 3, 4, 5]);
    record(&mut history, batch(6, 1_500, 2, 8));
    assert_eq!(kept_positions(&history), [6]);
    assert_eq!(history.oldest_available(), 6);
}

#[test]
fn a_batch_larger_than_a_limit_is_kept_alone() {
    let mut history = History::new(limits(3, 2_000, 1_000)).unwrap();
    record(&mut history, batch(1, 0, 1, 8));
    record(&mut history, batch(2, 0, 5, 8));
    assert_eq!(kept_positions(&history), [2]);
    assert_eq!(history.len(), 5);
    assert!(history.bytes() > 2_000);
    record(&mut history, batch(3, 0, 1, 8));
    assert_eq!(kept_positions(&history), [3]);
    assert!(history.bytes() <= 2_000);
}

#[test]
fn invalid_limits_are_refused() {
    use aorta_engine::history::HistoryError;
    use aorta_engine::limits::*;
    let ok = HistoryLimits::default();
    ok.validate().unwrap();
    let bad = [
        HistoryLimits {
            changes_max: 0,
            ..ok
        },
        HistoryLimits {
            changes_max: HISTORY_CHANGES_MAX + 1,
            ..ok
        },
        HistoryLimits { bytes_max: 0, ..ok },
        HistoryLimits {
            bytes_max: HISTORY_BYTES_MAX + 1,
            ..ok
        },
        HistoryLimits {
            age_max_ms: 0,
            ..ok
        },
        HistoryLimits {
            age_max_ms: HISTORY_AGE_MS_MAX + 1,
            ..ok
        },
    ];
    for limits in bad {
        assert!(matches!(
            History::new(limits),
            Err(HistoryError::InvalidLimit { .. })
        ));
    }
    let history = History::new(ok).unwrap();
    for (changes, bytes) in [
        (0, 1),
        (HISTORY_PAGE_CHANGES_MAX + 1, 1),
        (1, 0),
        (1, HISTORY_PAGE_BYTES_MAX + 1),
    ] {
        assert!(matches!(
            history.read_from(1, changes, bytes),
            Err(HistoryError::InvalidLimit { .. })
        ));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Random batches and limits: after every batch the accounting equals the sum of the charges of
    /// the kept changes, every limit holds unless a single batch is kept, and what was evicted is a
    /// prefix of whole batches that could not have been kept.
    #[test]
    fn limits_hold_after_every_batch(
        specs in prop::collection::vec((1u64..=3, 0u64..=10, 1usize..=5, 0usize..=300), 1..=40),
        changes_max in 1usize..=20,
        bytes_max in 1u64..=10_000,
        age_max_ms in 1u64..=40,
    ) {
        let limits = HistoryLimits { changes_max, bytes_max, age_max_ms };
        let mut history = History::new(limits).unwrap();
        let mut all: Vec<Vec<HistoryChange>> = Vec::new();
        let (mut position, mut time_ms) = (0, 0);
        for (gap, step, changes, data) in specs {
            position += gap;
            time_ms += step;
            let b = batch(position, time_ms, changes, data);
            all.push(b.clone());
            record(&mut history, b);

            let kept = kept_positions(&history);
            let first = all.iter().position(|b| b[0].position == kept[0]).unwrap();
            let kept_batches = &all[first..];
            prop_assert_eq!(kept.len(), kept_batches.len(), "kept whole batches in order");
            let bytes: u64 = kept_batches.iter().map(|b| batch_bytes(b)).sum();
            let count: usize = kept_batches.iter().map(Vec::len).sum();
            prop_assert_eq!(history.bytes(), bytes);
            prop_assert_eq!(history.len(), count);
            prop_assert!(bytes >= BATCH_OVERHEAD_BYTES);
            if kept.len() > 1 {
                prop_assert!(bytes <= bytes_max);
                prop_assert!(count <= changes_max);
                prop_assert!(time_ms - kept_batches[0][0].commit_time_ms <= age_max_ms);
            }
            // The last evicted batch could not have been kept with the others.
            if first > 0 {
                let with = &all[first - 1..];
                let bytes: u64 = with.iter().map(|b| batch_bytes(b)).sum();
                let count: usize = with.iter().map(Vec::len).sum();
                let age = time_ms - with[0][0].commit_time_ms;
                prop_assert!(bytes > bytes_max || count > changes_max || age > age_max_ms);
                prop_assert_eq!(history.oldest_available(), all[first - 1][0].position + 1);
            }
        }
    }
}
