//! A history page holds whole batches: it stops before a batch that would take it past its change or
//! byte limit, and a batch larger than the page limits comes alone and whole, so `next_position`
//! (one past the page's last batch) never splits a batch.

mod history_common;

use aorta_engine::history::{History, HistoryLimits};
use history_common::{batch_bytes, change};

fn history() -> History {
    let mut history = History::new(HistoryLimits::default()).unwrap();
    // Batches at 1 (2 changes), 2 (3 changes), 4 (1 change), 6 (5 changes).
    for (position, count) in [(1, 2), (2, 3), (4, 1), (6, 5)] {
        for i in 0..count {
            history.record_owned(change(position, 0, i, 0, 32));
        }
    }
    history
}

fn positions(page: &aorta_engine::history::Page) -> Vec<u64> {
    page.changes.iter().map(|c| c.position).collect()
}

#[test]
fn a_page_stops_before_a_batch_that_would_break_its_change_limit() {
    let history = history();
    let page = history.read_from(1, 4, 1 << 20).unwrap();
    assert_eq!(positions(&page), [1, 1]);
    assert_eq!(page.next_position, 2);
    let page = history.read_from(2, 4, 1 << 20).unwrap();
    assert_eq!(positions(&page), [2, 2, 2, 4]);
    assert_eq!(page.next_position, 5);
}

#[test]
fn a_batch_larger_than_the_page_comes_alone_and_whole() {
    let history = history();
    let page = history.read_from(5, 2, 1 << 20).unwrap();
    assert_eq!(positions(&page), [6; 5]);
    assert_eq!(page.next_position, 7);
    let page = history.read_from(1, 1, 1).unwrap();
    assert_eq!(positions(&page), [1, 1]);
    assert_eq!(page.next_position, 2);
}

#[test]
fn a_page_stops_before_a_batch_that_would_break_its_byte_limit() {
    let history = history();
    let first: Vec<_> = (0..2).map(|i| change(1, 0, i, 0, 32)).collect();
    let second: Vec<_> = (0..3).map(|i| change(2, 0, i, 0, 32)).collect();
    let both = batch_bytes(&first) + batch_bytes(&second);
    let page = history.read_from(1, 100, both - 1).unwrap();
    assert_eq!(positions(&page), [1, 1]);
    let page = history.read_from(1, 100, both).unwrap();
    assert_eq!(positions(&page), [1, 1, 2, 2, 2]);
    assert_eq!(page.next_position, 3);
}
