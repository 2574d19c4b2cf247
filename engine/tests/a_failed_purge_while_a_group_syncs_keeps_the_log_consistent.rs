//! A purge that fails while a group written by `Wal::write_group` waits for its sync (the shard
//! purges after applying the previous flush, while the next one syncs): the log fails, the group
//! still syncing stays appended, and durable never passes appended when its sync then succeeds.

use std::path::PathBuf;

use aorta_engine::storage::sim::{OpKind, SimDisk};
use aorta_engine::wal::record::RecordKind;
use aorta_engine::wal::{FailStop, Wal, WalOptions};

#[test]
fn a_failed_purge_during_a_sync_keeps_durable_at_most_appended() {
    let disk = SimDisk::new();
    let options = WalOptions {
        fail_stop: FailStop::Panic,
        ..WalOptions::new(0, 300)
    };
    let mut wal = Wal::open(disk.storage(), &PathBuf::from("/log"), options, &mut |_| {
        Ok(())
    })
    .expect("opens");
    for position in 1..=4u64 {
        wal.append(RecordKind::Batch, position, &[7u8; 100])
            .unwrap();
        wal.flush().unwrap();
    }
    assert!(wal.segment_count() > 2, "{}", wal.segment_count());
    wal.append(RecordKind::Batch, 5, &[7u8; 10]).unwrap();
    let sync = wal.write_group().unwrap().expect("a group to sync");
    // The shard applies the previous flush meanwhile and purges (`Shard::after_apply`): the start
    // file's write fails.
    disk.fail_nth(OpKind::Write, 0, libc::EIO);
    assert!(wal.purge_before(3).is_err());
    assert_eq!(
        wal.appended_position(),
        5,
        "the group still syncing stays appended"
    );
    let durable = wal.synced(sync.run());
    assert_eq!(durable.ok(), Some(5), "its sync succeeded: it is durable");
    assert!(
        wal.durable_position() <= wal.appended_position(),
        "durable {} > appended {}",
        wal.durable_position(),
        wal.appended_position()
    );
    assert!(
        wal.append(RecordKind::Batch, 6, &[7u8; 10]).is_err(),
        "a failed log takes no more records"
    );
}
