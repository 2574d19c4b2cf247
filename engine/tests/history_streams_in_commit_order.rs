//! The history streams every kept change in commit order, as whole batches: against a model `Vec`
//! of batches, with random batches (positions with gaps, several changes each), random limits and
//! random reads, every page (or `Compacted`) equals the model's, the borrowing iterator yields the
//! model's slice, and pages chained by `next_position` yield every kept change once, in order.

mod history_common;

use aorta_engine::history::{History, HistoryChange, HistoryLimits};
use aorta_engine::state::AppliedChange;
use history_common::{change, Model};
use proptest::prelude::*;

/// One generated batch: position gap, commit time step, and (kind, data bytes) of each change.
type BatchSpec = (u64, u64, Vec<(u8, usize)>);

fn batches() -> impl Strategy<Value = Vec<BatchSpec>> {
    prop::collection::vec(
        (
            1u64..=3,
            0u64..=10,
            prop::collection::vec((0u8..3, 0usize..=64), 1..=4),
        ),
        1..=40,
    )
}

fn limits() -> impl Strategy<Value = HistoryLimits> {
    (1usize..=30, 1u64..=12_000, 1u64..=60).prop_map(|(changes_max, bytes_max, age_max_ms)| {
        HistoryLimits {
            changes_max,
            bytes_max,
            age_max_ms,
        }
    })
}

fn record(history: &mut History, batch: &[HistoryChange]) {
    for c in batch {
        let applied = AppliedChange {
            position: c.position,
            action: c.action,
            old: c.old.as_deref(),
            new: c.new.as_deref(),
        };
        history.record(applied, c.commit_time_ms);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_page_equals_the_models(
        specs in batches(),
        limits in limits(),
        reads in prop::collection::vec((0u64..=130, 1usize..=12, 1u64..=8_000), 1..=8),
    ) {
        let mut history = History::new(limits).unwrap();
        let mut model = Model::default();
        let (mut position, mut time_ms) = (0u64, 0u64);
        for (gap, step, changes) in specs {
            position += gap;
            time_ms += step;
            let batch: Vec<HistoryChange> = changes
                .iter()
                .enumerate()
                .map(|(i, &(kind, data))| change(position, time_ms, i as u16, kind, data))
                .collect();
            record(&mut history, &batch);
            model.record_batch(batch, &limits);

            prop_assert_eq!(history.len(), model.kept().len());
            prop_assert_eq!(history.current(), model.current);
            prop_assert_eq!(history.oldest_available(), model.evicted_through + 1);
            for &(from, max_changes, max_bytes) in &reads {
                let from = from.min(position + 2);
                prop_assert_eq!(
                    history.read_from(from, max_changes, max_bytes),
                    model.read_from(from, max_changes, max_bytes)
                );
                let streamed = history.iter_from(from).map(|it| it.cloned().collect::<Vec<_>>());
                let expected = model
                    .read_from(from, usize::MAX, u64::MAX)
                    .map(|page| page.changes);
                prop_assert_eq!(streamed, expected);
            }
        }

        // Pages chained from the oldest available position: every kept change once, in order.
        for &(_, max_changes, max_bytes) in &reads {
            let mut from = history.oldest_available();
            let mut chained = Vec::new();
            for _ in 0..=model.kept().len() {
                let page = history.read_from(from, max_changes, max_bytes).unwrap();
                if page.changes.is_empty() {
                    prop_assert_eq!(page.next_position, from);
                    break;
                }
                prop_assert!(page.changes.iter().all(|c| c.position >= from));
                prop_assert!(page.next_position > page.changes.last().unwrap().position);
                from = page.next_position;
                chained.extend(page.changes);
            }
            prop_assert_eq!(&chained, &model.kept());
            prop_assert!(chained.windows(2).all(|w| w[0].position <= w[1].position));
            prop_assert_eq!(from, history.current() + 1);
        }
    }
}
