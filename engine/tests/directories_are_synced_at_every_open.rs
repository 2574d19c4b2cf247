//! A WAL directory whose entries are not durable yet (made before a crash, or by a process that
//! died before syncing its parents) is made durable by `Wal::open` itself: every directory on the
//! path is synced before the log trusts what it lists, so records flushed after the open survive a
//! power cut.

use std::path::{Path, PathBuf};

use aorta_engine::storage::sim::{SimDisk, Tear};
use aorta_engine::storage::Storage;
use aorta_engine::wal::record::RecordKind;
use aorta_engine::wal::{FailStop, Wal, WalOptions};

fn options() -> WalOptions {
    WalOptions {
        fail_stop: FailStop::Panic,
        ..WalOptions::new(0, 1 << 20)
    }
}

fn dir_exists(disk: &SimDisk, dir: &Path) -> bool {
    disk.storage().dir_exists(dir).unwrap()
}

#[test]
fn a_directory_made_without_syncing_its_parents_survives_a_power_cut_once_opened() {
    let disk = SimDisk::new();
    let dir = PathBuf::from("/data/shard-0/wal");
    // Made directly, without syncing any parent: none of these entries is durable.
    disk.storage().create_dir_all(&dir).unwrap();
    // A sibling made the same way and never opened shows what a power cut does to such entries.
    let control = PathBuf::from("/other/shard-0/wal");
    disk.storage().create_dir_all(&control).unwrap();

    let mut wal = Wal::open(disk.storage(), &dir, options(), &mut |_| Ok(())).unwrap();
    wal.append(RecordKind::Batch, 1, b"one").unwrap();
    wal.append(RecordKind::Batch, 2, b"two").unwrap();
    assert_eq!(wal.flush().unwrap(), 2);
    drop(wal);

    disk.power_cut(Tear::DropUnsynced);
    assert!(
        !dir_exists(&disk, &control),
        "control: a directory whose parents were never synced vanishes in a power cut"
    );
    assert!(dir_exists(&disk, &dir), "the opened WAL directory vanished");
    let mut seen = Vec::new();
    let wal = Wal::open(disk.storage(), &dir, options(), &mut |r| {
        seen.push((r.position, r.payload.to_vec()));
        Ok(())
    })
    .unwrap();
    assert_eq!(seen, vec![(1, b"one".to_vec()), (2, b"two".to_vec())]);
    assert_eq!(wal.durable_position(), 2);
}
