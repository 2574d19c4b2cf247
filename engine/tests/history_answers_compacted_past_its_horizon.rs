//! A read from a position some of whose changes were evicted answers `Compacted` with the exact
//! oldest position still readable (one past the last evicted batch, whatever the gaps) and the
//! current position; a read from anywhere after the last evicted batch is answered, and a read
//! beyond the current position is an empty page.

mod history_common;

use aorta_engine::history::{History, HistoryError, HistoryLimits};
use history_common::change;

fn history_with(positions: &[u64], changes_max: usize) -> History {
    let mut history = History::new(HistoryLimits {
        changes_max,
        ..HistoryLimits::default()
    })
    .unwrap();
    for &p in positions {
        history.record_owned(change(p, 0, 0, 1, 16));
    }
    history
}

fn first_position(history: &History, from: u64) -> Result<Option<u64>, HistoryError> {
    history
        .read_from(from, 100, 1 << 20)
        .map(|page| page.changes.first().map(|c| c.position))
}

#[test]
fn nothing_evicted_answers_every_position() {
    let history = history_with(&[3, 7], 10);
    assert_eq!(history.oldest_available(), 1);
    assert_eq!(first_position(&history, 0), Ok(Some(3)));
    assert_eq!(first_position(&history, 1), Ok(Some(3)));
    assert_eq!(first_position(&history, 4), Ok(Some(7)));
}

#[test]
fn compacted_carries_one_past_the_last_evicted_batch_and_current_with_gaps() {
    // Batches at 2, 5, 9, 10 with room for 2: 2 and 5 are evicted.
    let history = history_with(&[2, 5, 9, 10], 2);
    let compacted = Err(HistoryError::Compacted {
        oldest_available: 6,
        current: 10,
    });
    for from in [0, 1, 2, 3, 5] {
        assert_eq!(first_position(&history, from), compacted, "from {from}");
        assert!(history.iter_from(from).is_err(), "from {from}");
    }
    // 6, 7 and 8 hold no change, and nothing at or after them was evicted.
    for from in [6, 7, 8, 9] {
        assert_eq!(first_position(&history, from), Ok(Some(9)), "from {from}");
        assert_eq!(history.iter_from(from).unwrap().count(), 2);
    }
    assert_eq!(first_position(&history, 10), Ok(Some(10)));
}

#[test]
fn a_read_beyond_current_is_an_empty_page_to_read_again() {
    let history = history_with(&[2, 5, 9, 10], 2);
    for from in [11, 50] {
        let page = history.read_from(from, 100, 1 << 20).unwrap();
        assert!(page.changes.is_empty());
        assert_eq!(page.next_position, from);
        assert_eq!(page.current, 10);
        assert_eq!(history.iter_from(from).unwrap().count(), 0);
    }
    let empty = History::new(HistoryLimits::default()).unwrap();
    let page = empty.read_from(0, 1, 1).unwrap();
    assert!(page.changes.is_empty());
    assert_eq!((page.next_position, page.current), (0, 0));
}
