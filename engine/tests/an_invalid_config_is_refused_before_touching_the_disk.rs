//! Every `EngineConfig` field is checked at `open`, before any storage is made or any file written:
//! an out-of-range value is refused with `InvalidConfig` naming the field, and the disk stays empty.
//! (A `group_requests_max` of 0 used to pass `open` and then hang every commit on an assertion.)

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use std::time::Duration;

use aorta_engine::limits::{
    BATCH_BYTES_MAX, SHARDS_MAX, SHARD_QUEUE_BYTES_MAX, SHARD_QUEUE_REQUESTS_MAX,
    WAL_SEGMENT_BYTES_MAX, WAL_SEGMENT_BYTES_MIN,
};
use aorta_engine::storage::sim::SimDisk;
use aorta_engine::wal::Preallocation;
use aorta_engine::{Engine, EngineConfig, Error};

fn config() -> EngineConfig {
    let mut config = EngineConfig::new("/data").with_shards(1);
    // Spares made on the shard's own thread (small ones): the simulated disk's IO points, which the
    // test's faults count, stay in one deterministic order.
    config.wal_preallocation = Preallocation::Inline;
    config.segment_bytes_max = WAL_SEGMENT_BYTES_MIN;
    config.pin_shards_to_cpus = Some(false);
    config
}

/// Opens `config` on a fresh disk; returns the error and checks nothing was touched.
fn refused(config: EngineConfig) -> Error {
    let disk = SimDisk::new();
    let made = Arc::new(AtomicU32::new(0));
    let make = {
        let (disk, made) = (disk.clone(), made.clone());
        move || {
            made.fetch_add(1, Ordering::SeqCst);
            Ok(disk.storage())
        }
    };
    let error = match Engine::open_with(config, make) {
        Ok(_) => panic!("an invalid config was accepted"),
        Err(error) => error,
    };
    assert_eq!(made.load(Ordering::SeqCst), 0, "a storage was made");
    assert!(disk.files().is_empty(), "files were created");
    assert_eq!(disk.io_points(), 0);
    error
}

fn assert_refused(field: &str, config: EngineConfig) {
    match refused(config) {
        Error::InvalidConfig { field: got, .. } => assert_eq!(got, field),
        other => panic!("{field}: expected InvalidConfig, got {other}"),
    }
}

fn with(change: impl FnOnce(&mut EngineConfig)) -> EngineConfig {
    let mut config = config();
    change(&mut config);
    config
}

#[test]
fn shards_out_of_range_are_refused() {
    assert_refused("shards", with(|c| c.shards = Some(0)));
    assert_refused("shards", with(|c| c.shards = Some(SHARDS_MAX as u16 + 1)));
}

#[test]
fn segment_bytes_out_of_range_are_refused() {
    assert_refused(
        "segment_bytes_max",
        with(|c| c.segment_bytes_max = WAL_SEGMENT_BYTES_MIN - 1),
    );
    assert_refused(
        "segment_bytes_max",
        with(|c| c.segment_bytes_max = WAL_SEGMENT_BYTES_MAX + 1),
    );
}

#[test]
fn queue_capacity_out_of_range_is_refused() {
    assert_refused("queue_capacity", with(|c| c.queue_capacity = 0));
    assert_refused(
        "queue_capacity",
        with(|c| c.queue_capacity = SHARD_QUEUE_REQUESTS_MAX + 1),
    );
}

#[test]
fn a_queue_byte_budget_that_cannot_hold_a_maximal_batch_is_refused() {
    assert_refused(
        "queue_bytes_max",
        with(|c| c.queue_bytes_max = BATCH_BYTES_MAX as u64 - 1),
    );
    assert_refused(
        "queue_bytes_max",
        with(|c| c.queue_bytes_max = SHARD_QUEUE_BYTES_MAX + 1),
    );
}

#[test]
fn group_requests_out_of_range_are_refused() {
    assert_refused("group_requests_max", with(|c| c.group_requests_max = 0));
    assert_refused(
        "group_requests_max",
        with(|c| {
            c.queue_capacity = 8;
            c.group_requests_max = 9;
        }),
    );
}

#[test]
fn group_bytes_out_of_range_are_refused() {
    assert_refused("group_bytes_max", with(|c| c.group_bytes_max = 0));
    assert_refused(
        "group_bytes_max",
        with(|c| c.group_bytes_max = c.queue_bytes_max + 1),
    );
}

#[test]
fn a_shard_spin_over_its_bound_is_refused() {
    assert_refused(
        "shard_spin (µs)",
        with(|c| c.shard_spin = aorta_engine::limits::SHARD_SPIN_MAX + Duration::from_micros(1)),
    );
}

#[test]
fn the_bounds_themselves_are_accepted() {
    let disk = SimDisk::new();
    let make = move || Ok(disk.storage());
    let config = with(|c| {
        c.segment_bytes_max = WAL_SEGMENT_BYTES_MIN;
        c.queue_capacity = 1;
        c.group_requests_max = 1;
        c.queue_bytes_max = BATCH_BYTES_MAX as u64;
        c.group_bytes_max = 1;
    });
    Engine::open_with(config, make).unwrap().close();
    assert!(
        EngineConfig::new("/anywhere").validate().is_ok(),
        "defaults"
    );
}
