//! A flush copies the changes for its history file from the shard's history on its own thread, a
//! chunk of whole batches under each lock (`Published::history_changes_between`), so that the
//! shard never waits long for that lock. The copy must be the exact changes of the range, in
//! commit order, however the chunks fall: compared with the history's own pages over ranges that
//! start and end anywhere, across several chunks of batches of several changes.

use std::path::PathBuf;

use aorta_engine::history::HistoryChange;
use aorta_engine::limits::{HISTORY_PAGE_BYTES_MAX, HISTORY_PAGE_CHANGES_MAX};
use aorta_engine::shard::{Shard, ShardOptions};
use aorta_engine::storage::sim::SimDisk;
use aorta_engine::{Batch, Command, ResourceSpec};

/// Changes per batch, and batches: more than two chunks of 4,096 changes.
const BATCH_CHANGES: u64 = 3;
const BATCHES: u64 = 3_500;

/// What identifies a change: its position and the name of the resource it made.
fn identity(change: &HistoryChange) -> (u64, String) {
    let name = change.new.as_ref().expect("a put's change").name.clone();
    (change.position, name)
}

#[test]
fn a_flush_copies_exactly_its_range_of_changes_whatever_the_chunks() {
    let disk = SimDisk::new();
    // A memtable far larger than the writes: no flush runs, every change stays in memory.
    let mut shard = Shard::open(
        disk.storage(),
        &PathBuf::from("/data/wal"),
        ShardOptions::new(0, 1, 64 << 20),
    )
    .unwrap();
    for batch in 0..BATCHES {
        let commands = (0..BATCH_CHANGES)
            .map(|i| {
                Command::put(
                    ResourceSpec::new("/ns", &format!("b{batch:05}-{i}"), "t")
                        .with_data(b"x".to_vec()),
                    None,
                )
            })
            .collect();
        let answers = shard.commit_group(vec![Batch::new(commands).validate().unwrap()], batch + 1);
        assert!(answers[0].is_ok(), "{answers:?}");
    }
    let published = shard.published().clone();
    let through_all = published.position();

    // The history's own reading of every change, page by page.
    let mut all = Vec::new();
    let mut from = 1;
    loop {
        let page = published
            .history_from(from, HISTORY_PAGE_CHANGES_MAX, HISTORY_PAGE_BYTES_MAX)
            .unwrap();
        all.extend(page.changes.iter().map(identity));
        if page.next_position > through_all || page.changes.is_empty() {
            break;
        }
        from = page.next_position;
    }
    assert_eq!(all.len() as u64, BATCHES * BATCH_CHANGES);

    for (after, through) in [
        (0, through_all),
        (1, through_all),
        (0, 1),
        (100, 1_500),
        (1_364, 2_731),
        (through_all - 1, through_all),
        (through_all, through_all),
    ] {
        let copied: Vec<_> = published
            .history_changes_between(after, through)
            .iter()
            .map(identity)
            .collect();
        let expected: Vec<_> = all
            .iter()
            .filter(|(position, _)| *position > after && *position <= through)
            .cloned()
            .collect();
        assert_eq!(
            copied.len(),
            expected.len(),
            "after {after} through {through}"
        );
        assert!(
            copied == expected,
            "after {after} through {through}: the copy differs"
        );
    }
}
