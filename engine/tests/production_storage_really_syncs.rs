//! The production storage really asks the device to flush its write cache: N write-and-syncs through
//! `UringStorage` (and N commits through the engine) complete at least N flush requests on the
//! block device that holds the data, as counted by the kernel in `/sys/block/<disk>/stat`.
//!
//! A sync that silently did nothing would pass every simulated test; only the device can tell. The
//! counter is device-wide, so others' flushes may add to it: the check is a lower bound, and a
//! no-op sync fails it because the loop then takes microseconds and asks for no flush at all.
//!
//! Where the counter cannot be read (no /sys, a tmpfs or overlay whose device has no stat file, a
//! kernel older than 5.5 without flush accounting, a device without a volatile write cache, to
//! which Linux sends no flushes) the test says why and returns.

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use aorta_engine::storage::uring::{SyncPath, UringStorage};
use aorta_engine::storage::Storage;
use aorta_engine::{Batch, Command, Engine, EngineConfig, ResourceSpec};

/// Enough syncs that background flushes from other processes cannot make up for missing ones.
const SYNCS: u64 = 50;

/// 1-based field of `/sys/block/<disk>/stat` that counts completed flush requests
/// (Documentation/block/stat.rst).
const FLUSHES_COMPLETED_FIELD: usize = 16;

/// The whole-disk sysfs directory of the block device holding `dir`, or why there is none.
fn disk_of(dir: &Path) -> Result<PathBuf, String> {
    let dev = std::fs::metadata(dir)
        .map_err(|e| format!("stat {}: {e}", dir.display()))?
        .dev();
    // glibc's encoding of dev_t (gnu_dev_major / gnu_dev_minor).
    let major = ((dev >> 8) & 0xfff) | ((dev >> 32) & !0xfff);
    let minor = (dev & 0xff) | ((dev >> 12) & !0xff);
    let link = PathBuf::from(format!("/sys/dev/block/{major}:{minor}"));
    let device = std::fs::canonicalize(&link).map_err(|e| {
        format!(
            "{} (device {major}:{minor}) is not a block device in sysfs: {e}",
            link.display()
        )
    })?;
    // A partition's directory sits inside its disk's and has a `partition` file; flushes are
    // accounted on the whole disk.
    if device.join("partition").exists() {
        let parent = device
            .parent()
            .ok_or_else(|| format!("partition {} has no parent", device.display()))?;
        return Ok(parent.to_path_buf());
    }
    Ok(device)
}

/// Completed flush requests of the disk at `sysfs`, or why they cannot be read.
fn flushes(sysfs: &Path) -> Result<u64, String> {
    let stat_path = sysfs.join("stat");
    let stat = std::fs::read_to_string(&stat_path)
        .map_err(|e| format!("cannot read {}: {e}", stat_path.display()))?;
    let field = stat
        .split_whitespace()
        .nth(FLUSHES_COMPLETED_FIELD - 1)
        .ok_or_else(|| {
            format!(
                "{} has fewer than {FLUSHES_COMPLETED_FIELD} fields (a kernel without flush accounting)",
                stat_path.display()
            )
        })?;
    field.parse().map_err(|e| {
        format!(
            "field {FLUSHES_COMPLETED_FIELD} of {}: {e}",
            stat_path.display()
        )
    })
}

/// The disk's sysfs directory if its flushes can be counted and Linux sends it flushes at all.
fn counted_disk(dir: &Path) -> Result<PathBuf, String> {
    let disk = disk_of(dir)?;
    flushes(&disk)?;
    // Linux drops flush requests to a device that declares no volatile write cache: its writes are
    // durable on completion, and no flush will be counted.
    let cache = std::fs::read_to_string(disk.join("queue/write_cache")).unwrap_or_default();
    if cache.trim() == "write through" {
        return Err(format!(
            "{} has no volatile write cache, so Linux sends it no flush requests",
            disk.display()
        ));
    }
    Ok(disk)
}

/// A temporary directory on the disk that holds the build, not on a tmpfs `/tmp`.
fn test_dir() -> tempfile::TempDir {
    tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("a temporary directory")
}

#[test]
fn each_write_and_sync_through_io_uring_completes_a_device_flush() {
    write_and_sync_completes_a_device_flush_each(SyncPath::Ring);
}

#[test]
fn each_write_and_sync_through_direct_system_calls_completes_a_device_flush() {
    write_and_sync_completes_a_device_flush_each(SyncPath::Syscall);
}

fn write_and_sync_completes_a_device_flush_each(sync_path: SyncPath) {
    let dir = test_dir();
    let disk = match counted_disk(dir.path()) {
        Ok(disk) => disk,
        Err(why) => {
            eprintln!("SKIPPED: cannot count device flushes: {why}");
            return;
        }
    };
    let mut storage = UringStorage::with_sync_path(sync_path).expect("an io_uring");
    let file = storage.open(&dir.path().join("log"), true).unwrap();
    let record = [0x5a_u8; 512];

    let before = flushes(&disk).unwrap();
    for i in 0..SYNCS {
        storage
            .write_and_sync(file, i * record.len() as u64, &record)
            .unwrap();
    }
    let after = flushes(&disk).unwrap();

    println!(
        "{}: {} flushes completed during {SYNCS} write_and_sync calls ({sync_path:?}; {before} -> {after})",
        disk.display(),
        after - before
    );
    assert!(
        after - before >= SYNCS,
        "{SYNCS} write_and_sync calls completed only {} flush requests on {}: the sync does not \
         reach the device",
        after - before,
        disk.display()
    );
}

#[test]
fn each_engine_commit_completes_a_device_flush() {
    engine_commit_completes_a_device_flush_each(SyncPath::Ring);
}

#[test]
fn each_engine_commit_over_direct_system_calls_completes_a_device_flush() {
    engine_commit_completes_a_device_flush_each(SyncPath::Syscall);
}

fn engine_commit_completes_a_device_flush_each(sync_path: SyncPath) {
    let dir = test_dir();
    let disk = match counted_disk(dir.path()) {
        Ok(disk) => disk,
        Err(why) => {
            eprintln!("SKIPPED: cannot count device flushes: {why}");
            return;
        }
    };
    let mut config = EngineConfig::new(dir.path()).with_shards(1);
    config.wal_sync = sync_path;
    let engine = Engine::open(config).expect("engine opens");

    let before = flushes(&disk).unwrap();
    for i in 0..SYNCS {
        let spec = ResourceSpec::new("/flush", &format!("r{i}"), "t").with_data(b"x".to_vec());
        engine
            .commit(Batch::single(Command::put(spec, None)))
            .unwrap();
    }
    let after = flushes(&disk).unwrap();
    engine.close();

    println!(
        "{}: {} flushes completed during {SYNCS} sequential commits ({sync_path:?}; {before} -> {after})",
        disk.display(),
        after - before
    );
    assert!(
        after - before >= SYNCS,
        "{SYNCS} sequential commits completed only {} flush requests on {}: commits are \
         acknowledged without reaching the device",
        after - before,
        disk.display()
    );
}
