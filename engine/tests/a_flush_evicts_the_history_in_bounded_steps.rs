//! Once a flush's history file is durable, a memtable's worth of the in-memory history becomes
//! evictable at once. The flush evicts it in steps (`History::persist_and_evict_some`), each of at
//! most the changes asked (whole batches; a first batch always), so that the shard, which records
//! each commit under the same lock, waits for one step at most; and a record between two steps
//! evicts nothing past what the steps reached, so the shard never inherits the backlog. Stepping
//! ends where one `persisted_through` would.

mod history_common;

use aorta_engine::history::{History, HistoryChange, HistoryError, HistoryLimits};
use history_common::change;

const BATCHES: u64 = 100;
const CHANGES_PER_BATCH: u16 = 3;

/// An engine's history tail holding `BATCHES` batches of 3 changes, none in a file yet, with room
/// for 10 changes once they are.
fn full_tail() -> History {
    let limits = HistoryLimits {
        changes_max: 10,
        ..HistoryLimits::default()
    };
    let mut history = History::tail_after(limits, 0).unwrap();
    for position in 1..=BATCHES {
        record_batch(&mut history, position);
    }
    history
}

fn record_batch(history: &mut History, position: u64) {
    for index in 0..CHANGES_PER_BATCH {
        history.record_owned(change(position, position, index, 0, 16));
    }
}

fn positions(changes: &[HistoryChange]) -> Vec<u64> {
    changes.iter().map(|c| c.position).collect()
}

#[test]
fn nothing_is_evicted_before_a_file_holds_it() {
    let history = full_tail();
    assert_eq!(history.len(), (BATCHES * CHANGES_PER_BATCH as u64) as usize);
    assert_eq!(history.oldest_available(), 1);
}

#[test]
fn a_step_evicts_whole_batches_up_to_the_changes_asked() {
    let mut history = full_tail();
    let mut evicted = Vec::new();
    // Two batches (6 changes) fit in 8; a third would make 9.
    assert!(!history.persist_and_evict_some(BATCHES, 8, &mut evicted));
    assert_eq!(positions(&evicted), [1, 1, 1, 2, 2, 2]);
    assert_eq!(history.oldest_available(), 3);
    assert_eq!(
        history.len(),
        ((BATCHES - 2) * CHANGES_PER_BATCH as u64) as usize
    );
}

#[test]
fn a_batch_larger_than_the_step_is_taken_whole() {
    let mut history = full_tail();
    let mut evicted = Vec::new();
    assert!(!history.persist_and_evict_some(BATCHES, 1, &mut evicted));
    assert_eq!(positions(&evicted), [1, 1, 1]);
    assert_eq!(history.oldest_available(), 2);
}

#[test]
fn a_record_between_steps_evicts_nothing_past_the_steps() {
    let mut history = full_tail();
    let mut evicted = Vec::new();
    assert!(!history.persist_and_evict_some(BATCHES, 8, &mut evicted));
    let after_step = history.len();
    // The shard records the next commit while the flush has let go of the lock.
    record_batch(&mut history, BATCHES + 1);
    assert_eq!(history.oldest_available(), 3, "the record evicted nothing");
    assert_eq!(history.len(), after_step + CHANGES_PER_BATCH as usize);
}

#[test]
fn steps_end_where_one_persisted_through_ends() {
    let mut stepped = full_tail();
    let mut whole = full_tail();
    whole.persisted_through(BATCHES);

    let mut steps = 0;
    let mut evicted = Vec::new();
    let mut evicted_positions = Vec::new();
    loop {
        let done = stepped.persist_and_evict_some(BATCHES, 8, &mut evicted);
        assert!(evicted.len() <= 8, "a step of {} changes", evicted.len());
        evicted_positions.extend(positions(&evicted));
        evicted.clear();
        steps += 1;
        if done {
            break;
        }
    }
    assert!(steps > 1);
    // Each evicted batch once, oldest first, and whole.
    let expected: Vec<u64> = (1..whole.oldest_available())
        .flat_map(|p| [p; CHANGES_PER_BATCH as usize])
        .collect();
    assert_eq!(evicted_positions, expected);
    // Within 10 changes: the newest three batches of 3.
    assert_eq!(whole.oldest_available(), BATCHES - 2);
    assert_eq!(stepped.oldest_available(), BATCHES - 2);
    assert_eq!(stepped.len(), 9);
    assert_eq!(whole.len(), 9);
    assert!(matches!(
        stepped.read_from(1, 1000, 1 << 20),
        Err(HistoryError::Compacted { .. })
    ));
    let from = whole.oldest_available();
    assert_eq!(
        stepped.read_from(from, 1000, 1 << 20).unwrap(),
        whole.read_from(from, 1000, 1 << 20).unwrap()
    );
    // Once the steps are done, records evict up to the persisted position as the limits ask.
    record_batch(&mut stepped, BATCHES + 1);
    record_batch(&mut whole, BATCHES + 1);
    assert_eq!(stepped.oldest_available(), whole.oldest_available());
}

#[test]
fn nothing_past_the_persisted_position_is_evicted() {
    let mut history = full_tail();
    let mut evicted = Vec::new();
    while !history.persist_and_evict_some(10, 4, &mut evicted) {
        evicted.clear();
    }
    assert_eq!(history.oldest_available(), 11);
    record_batch(&mut history, BATCHES + 1);
    assert_eq!(history.oldest_available(), 11, "batch 11 is in no file yet");
}

#[test]
fn steps_with_records_between_them_end_within_the_limits() {
    let mut history = full_tail();
    let mut evicted = Vec::new();
    let mut recorded = false;
    while !history.persist_and_evict_some(BATCHES, 8, &mut evicted) {
        evicted.clear();
        if !recorded {
            record_batch(&mut history, BATCHES + 1);
            recorded = true;
        }
    }
    // Batches 99, 100 and 101 (9 changes) are within the limit; 101 is in no file anyway.
    assert_eq!(history.oldest_available(), BATCHES - 1);
    assert_eq!(history.len(), 9);
    assert_eq!(history.current(), BATCHES + 1);
}
