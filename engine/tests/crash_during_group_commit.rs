//! Power cuts at every IO point of a random workload, on the simulated disk.
//!
//! For each seed the workload (groups of batches committed through the shard's group commit, with
//! small segments so that segment roll-over happens too) is run once to count its IO points; then,
//! for every IO point k, it is run again with the power going off after k points, and the disk is cut
//! in several ways: dropping every unsynced byte, keeping half or all but one byte of the last
//! unsynced write (a torn write), or keeping all of it, keeping a random subset of the unsynced 4 KiB
//! pages (persisted out of order, a hole in the middle of a group), or keeping the files' new sizes
//! without their data (delayed allocation), alone or with random pages. Some cuts are followed by a second cut during
//! recovery itself. After recovery:
//! - every acknowledged batch is there (the recovered state equals the model of the acknowledged
//!   batches, plus possibly a prefix of the batches that were written but never acknowledged);
//! - no part of an unacknowledged batch is visible unless all of it is (batches are atomic);
//! - the recovered shard takes new writes, which survive a further restart.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use aorta_engine::history::HistoryLimits;
use aorta_engine::shard::{Shard, ShardOptions};
use aorta_engine::storage::sim::{PageChoice, SimDisk, SimStorage, Tear};
use aorta_engine::table::store::{TableStats, TableWork};
use aorta_engine::wal::spare::SPARE_FILE;
use aorta_engine::wal::{FailStop, Preallocation};
use aorta_engine::{Batch, Command, Error, Resource, ResourceSpec};
use common::{Model, Workload};
use rand::Rng;

const CLUSTER_ID: u32 = 7;
const GROUPS: usize = 24;
const SEEDS: u64 = 16;
const SEGMENT_BYTES: u64 = 1536;
const MEMTABLE_BYTES: u64 = 3 * 1024;

/// Odd seeds make segments ahead of time (the spare life cycle: zero-fill, sync, header, rename,
/// cut of the closed segment, and purged segments recycled into spares: rename, directory sync,
/// cut to size, zero-fill), even seeds grow them by appends.
fn preallocation(seed: u64) -> Preallocation {
    if seed % 2 == 1 {
        Preallocation::Inline
    } else {
        Preallocation::Off
    }
}

fn options(preallocation: Preallocation) -> ShardOptions {
    // Small segments: the workload crosses several roll-overs. A log that cannot cut a failed write
    // (the power is off) stops: here a panic that the run observes, as a process death.
    // A small memtable: flushes to sstables (table, manifest), compactions (merged table,
    // manifest, removal of the inputs, with a horizon a few positions back so that superseded
    // versions and tombstones are dropped) and WAL purges happen every few groups, inline, so
    // their IO points are cut too.
    ShardOptions {
        fail_stop: FailStop::Panic,
        preallocation,
        memtable_bytes_max: MEMTABLE_BYTES,
        table_work: TableWork::Inline,
        history: HistoryLimits {
            changes_max: 8,
            ..HistoryLimits::default()
        },
        // Every flush of a stream hands its sync over (`commit`, below): the pipelined order
        // (the next flush written before the synced one is applied) is cut at every IO point.
        hand_over_batches_min: 1,
        ..ShardOptions::new(0, CLUSTER_ID, SEGMENT_BYTES)
    }
}

/// Silences the expected fail-stop panics (thousands of them), and nothing else.
fn quiet_fail_stop_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let message = info
                .payload()
                .downcast_ref::<String>()
                .map(String::as_str)
                .unwrap_or("");
            if !message.starts_with("WAL fail-stop") {
                default(info);
            }
        }));
    });
}

fn wal_dir() -> PathBuf {
    PathBuf::from("/data/shard-000/wal")
}

fn now_ms(group: usize) -> u64 {
    1_000 * (group as u64 + 1)
}

fn plan(seed: u64) -> Vec<Vec<Batch>> {
    let mut workload = Workload::new(seed, &["/a", "/b/c"]);
    let mut model = Model::default();
    (0..GROUPS)
        .map(|g| {
            let size = workload.rng().gen_range(1..=5);
            (0..size)
                .map(|_| {
                    let batch = workload.batch(&model);
                    model.apply(0, CLUSTER_ID, &batch, now_ms(g));
                    batch
                })
                .collect()
        })
        .collect()
}

#[derive(Clone, Copy, Debug)]
enum Cut {
    Drop,
    KeepHalf,
    KeepAllButOne,
    KeepAll,
    /// Each unsynced 4 KiB page persists or not, independently, in any order.
    RandomPages,
    /// Files keep the size they had, the unsynced data reads as zeros (delayed allocation).
    SizeWithoutData,
    /// Both: the size persists, and a random subset of the unsynced pages with it.
    SizeWithRandomPages,
}

const CUTS: [Cut; 7] = [
    Cut::Drop,
    Cut::KeepHalf,
    Cut::KeepAllButOne,
    Cut::KeepAll,
    Cut::RandomPages,
    Cut::SizeWithoutData,
    Cut::SizeWithRandomPages,
];

/// What a run acknowledged, and which batches were written but not acknowledged.
struct RunOutcome {
    acknowledged: Model,
    /// Decided batches of the group whose write or sync failed, in order, with their commit time.
    unacknowledged: Vec<(Batch, u64)>,
    /// What the shard's flushes and compactions did.
    tables: TableStats,
    /// Spares the log made from purged segments.
    recycled: u64,
}

fn open(disk: &SimDisk, preallocation: Preallocation) -> Result<Shard<SimStorage>, Error> {
    Shard::open(disk.storage(), &wal_dir(), options(preallocation))
}

fn run_workload(disk: &SimDisk, plan: &[Vec<Batch>], preallocation: Preallocation) -> RunOutcome {
    let mut acknowledged = Model::default();
    let Ok(mut shard) = open(disk, preallocation) else {
        return RunOutcome {
            acknowledged,
            unacknowledged: vec![],
            tables: TableStats::default(),
            recycled: 0,
        };
    };
    for (g, group) in plan.iter().enumerate() {
        let valid: Vec<_> = group
            .iter()
            .map(|b| b.clone().validate().unwrap())
            .collect();
        quiet_fail_stop_panics();
        let answers = commit(&mut shard, valid, g);
        // Answers up to the first `LogFailed` (or the first batch never answered) were given;
        // from there on nothing is acknowledged, but what the shard decided may be on disk.
        let first_failed = answers
            .iter()
            .position(|a| matches!(a, Err(Error::LogFailed { .. })))
            .unwrap_or(answers.len());
        for (batch, answer) in group[..first_failed].iter().zip(&answers) {
            let modeled = acknowledged.apply(0, CLUSTER_ID, batch, now_ms(g));
            match answer {
                Ok(receipt) => {
                    assert_eq!(modeled, Some(receipt.position), "model and shard disagree")
                }
                Err(Error::Conflict { .. }) => {
                    assert_eq!(modeled, None, "model accepts a rejected batch")
                }
                Err(other) => panic!("unexpected error {other}"),
            }
        }
        if first_failed < answers.len() {
            let mut probe = acknowledged.clone();
            let mut unacknowledged = Vec::new();
            for (batch, answer) in group[first_failed..].iter().zip(&answers[first_failed..]) {
                assert!(
                    answer.is_err(),
                    "a batch after one whose sync failed was acknowledged"
                );
                if probe.apply(0, CLUSTER_ID, batch, now_ms(g)).is_some() {
                    unacknowledged.push((batch.clone(), now_ms(g)));
                }
            }
            return RunOutcome {
                acknowledged,
                unacknowledged,
                tables: shard.published().table_stats(),
                recycled: shard.wal_mut().segments_recycled(),
            };
        }
    }
    RunOutcome {
        acknowledged,
        unacknowledged: vec![],
        tables: shard.published().table_stats(),
        recycled: shard.wal_mut().segments_recycled(),
    }
}

/// Commits group `g`: even groups all at once; odd ones as a stream whose second half is
/// handed over while the first half's flush syncs (`commit_stream`: the pipelined path, its
/// flushes written and synced one after the other). An answer never given (the log stopped: a
/// process death) is `LogFailed`.
fn commit(
    shard: &mut Shard<SimStorage>,
    batches: Vec<aorta_engine::ValidBatch>,
    g: usize,
) -> Vec<aorta_engine::Result<aorta_engine::CommitReceipt>> {
    let count = batches.len();
    let answers = std::cell::RefCell::new((0..count).map(|_| None).collect::<Vec<_>>());
    let mut first: Vec<_> = batches
        .into_iter()
        .map(|b| (aorta_engine::Principal::Root, b))
        .collect();
    let mut later = if g % 2 == 1 {
        Some(first.split_off(count.div_ceil(2)))
    } else {
        None
    };
    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        shard.commit_stream(
            first,
            &mut || now_ms(g),
            &mut |more, _| more.extend(later.take().unwrap_or_default()),
            &mut aorta_engine::sync::InlineSync::default(),
            &mut |slot: usize, answer: aorta_engine::Result<aorta_engine::CommitReceipt>| {
                assert!(answers.borrow_mut()[slot].replace(answer).is_none());
            },
        )
    }));
    answers
        .into_inner()
        .into_iter()
        .map(|a| {
            a.unwrap_or_else(|| {
                Err(Error::LogFailed {
                    shard: 0,
                    cause: "fail-stop".into(),
                })
            })
        })
        .collect()
}

fn recovered_state(shard: &Shard<SimStorage>) -> BTreeMap<String, Resource> {
    shard.state().iter().map(|r| (r.key(), r.clone())).collect()
}

/// The recovered state must be the acknowledged state plus a whole prefix of the unacknowledged
/// batches. Returns how many unacknowledged batches survived.
fn check_recovery(shard: &Shard<SimStorage>, outcome: &RunOutcome, context: &str) -> usize {
    let recovered = recovered_state(shard);
    let mut probe = outcome.acknowledged.clone();
    let mut survived = 0;
    loop {
        let position = probe.positions.get(&0).copied().unwrap_or(0);
        if probe.resources == recovered && shard.position() == position {
            return survived;
        }
        let Some((batch, now)) = outcome.unacknowledged.get(survived) else {
            panic!(
                "{context}: recovered state (position {}) is not the acknowledged state (position {}) \
                 plus any prefix of the {} unacknowledged batches\nrecovered keys: {:?}\nacknowledged keys: {:?}",
                shard.position(),
                outcome.acknowledged.positions.get(&0).copied().unwrap_or(0),
                outcome.unacknowledged.len(),
                recovered.keys().collect::<Vec<_>>(),
                outcome.acknowledged.resources.keys().collect::<Vec<_>>(),
            );
        };
        probe.apply(0, CLUSTER_ID, batch, *now);
        survived += 1;
    }
}

fn tear_for(cut: Cut, disk: &SimDisk, seed: u64) -> Option<Tear> {
    let unsynced = disk.last_unsynced_write_len();
    let pages = disk.unsynced_pages().len();
    match (cut, unsynced) {
        (Cut::Drop, _) => Some(Tear::DropUnsynced),
        // Nothing unsynced: same as Drop, not a distinct crash point.
        (Cut::RandomPages | Cut::SizeWithRandomPages, _) if pages == 0 => None,
        (Cut::RandomPages, _) => Some(Tear::KeepPages(PageChoice::Random { seed })),
        (Cut::SizeWithoutData, _) if pages == 0 => None,
        (Cut::SizeWithoutData, _) => Some(Tear::ExtendWithoutData(PageChoice::None)),
        (Cut::SizeWithRandomPages, _) => Some(Tear::ExtendWithoutData(PageChoice::Random { seed })),
        (_, None) => None,
        (Cut::KeepHalf, Some(len)) => Some(Tear::KeepPrefix(len / 2)),
        (Cut::KeepAllButOne, Some(len)) => Some(Tear::KeepPrefix(len.saturating_sub(1))),
        (Cut::KeepAll, Some(len)) => Some(Tear::KeepPrefix(len)),
    }
}

/// What the crash test saw, over all its crash points.
#[derive(Default)]
struct Tally {
    tried: usize,
    /// Unacknowledged batches found whole after recovery.
    survivors: usize,
    /// Crash points after which the shard could not be opened (must stay 0).
    unopenable: Vec<String>,
    /// Seeds whose log made its segments ahead of time.
    spare_seeds: u64,
    /// Spares the counting runs made from purged segments.
    recycled: u64,
    /// Tables left by the counting runs' flushes and compactions.
    tables_flushed: usize,
    /// Compactions in the counting runs (each one's IO points are cut too), and the superseded
    /// versions they dropped.
    compactions: u64,
    superseded_dropped: u64,
}

fn writes_still_work(disk: &SimDisk, context: &str, preallocation: Preallocation) {
    let mut shard =
        open(disk, preallocation).unwrap_or_else(|e| panic!("{context}: reopen failed: {e}"));
    let batch = Batch::single(Command::put(
        ResourceSpec::new("/after", "crash", "probe"),
        None,
    ))
    .validate()
    .unwrap();
    let receipt = shard
        .commit_group(vec![batch], 99_000)
        .remove(0)
        .expect("write after recovery");
    drop(shard);
    disk.power_cut(Tear::DropUnsynced);
    let shard = open(disk, preallocation).unwrap();
    assert_eq!(
        shard.get("/after/crash").map(|r| r.revision),
        Some(receipt.position),
        "{context}: a write acknowledged after recovery was lost"
    );
}

fn crash_everywhere(seed: u64, tally: &mut Tally) {
    let plan = plan(seed);
    let preallocation = preallocation(seed);
    let total_points = {
        let disk = SimDisk::new();
        let outcome = run_workload(&disk, &plan, preallocation);
        assert!(outcome.unacknowledged.is_empty());
        tally.compactions += outcome.tables.compactions;
        tally.superseded_dropped += outcome.tables.superseded_dropped;
        // The run flushed memtables to sstables named by a manifest, and purged the log.
        let files = disk.files();
        let tables = files
            .iter()
            .filter(|f| f.extension().is_some_and(|e| e == "sst"))
            .count();
        assert!(tables > 0, "seed {seed}: no table was flushed: {files:?}");
        assert!(files.contains(&PathBuf::from("/data/shard-000/tables/MANIFEST")));
        assert!(
            !files.contains(&wal_dir().join("00000000000000000001.wal")),
            "seed {seed}: the first segment was never purged: {files:?}"
        );
        tally.tables_flushed += tables;
        if preallocation != Preallocation::Off {
            // The run went through the spare life cycle: segments that began as spares (full size,
            // zero tail) and a spare made ahead for the next roll-over.
            let files = disk.files();
            assert!(
                files.contains(&wal_dir().join(SPARE_FILE)),
                "seed {seed}: no spare was made: {files:?}"
            );
            let full_size = files
                .iter()
                .filter(|f| f.extension().is_some_and(|e| e == "wal"))
                .filter(|f| disk.file_len(f) == Some(SEGMENT_BYTES))
                .count();
            assert!(full_size > 0, "seed {seed}: no segment began as a spare");
            // And through recycling: purged segments renamed, zeroed and renamed into spares.
            assert!(
                outcome.recycled > 0,
                "seed {seed}: no purged segment became a spare"
            );
            tally.spare_seeds += 1;
            tally.recycled += outcome.recycled;
        }
        disk.io_points()
    };
    for k in 0..=total_points {
        for cut in CUTS {
            let disk = SimDisk::new();
            disk.power_off_after(k);
            let outcome = run_workload(&disk, &plan, preallocation);
            let Some(tear) = tear_for(cut, &disk, seed * 1_000_003 + k) else {
                continue;
            };
            disk.power_cut(tear);
            tally.tried += 1;
            let context = format!("seed {seed}, power off after {k} IO points, cut {cut:?}");
            // Every fourth cut also loses power during recovery, at a varying point.
            if tally.tried % 4 == 0 {
                disk.power_off_after((tally.tried / 4) as u64 % 5);
                let _ = open(&disk, preallocation);
                disk.power_cut(Tear::DropUnsynced);
            }
            let shard = match open(&disk, preallocation) {
                Ok(shard) => shard,
                Err(error) => {
                    tally.unopenable.push(format!("{context}: {error}"));
                    continue;
                }
            };
            tally.survivors += check_recovery(&shard, &outcome, &context);
            drop(shard);
            writes_still_work(&disk, &context, preallocation);
        }
    }
}

#[test]
fn every_acknowledged_batch_survives_a_power_cut_at_every_io_point() {
    let mut tally = Tally::default();
    for seed in 0..SEEDS {
        crash_everywhere(seed, &mut tally);
    }
    println!(
        "crash points tried: {} (7 kinds of cut, out-of-order page persistence and size-without-data \
         included; {} of {SEEDS} seeds with segments made ahead of time, {} spares recycled from purged segments; {} compactions and {} \
         tables left by the counting runs' flushes, their segments purged); unopenable after the cut: {}; \
         unacknowledged batches found whole after recovery: {}",
        tally.tried,
        tally.spare_seeds,
        tally.recycled,
        tally.compactions,
        tally.tables_flushed,
        tally.unopenable.len(),
        tally.survivors
    );
    assert!(
        tally.unopenable.is_empty(),
        "a plain power cut made the shard unopenable:\n{}",
        tally.unopenable.join("\n")
    );
    assert!(
        tally.compactions >= SEEDS && tally.superseded_dropped > 0,
        "too few compactions were cut: {} dropping {} versions",
        tally.compactions,
        tally.superseded_dropped
    );
    assert!(
        tally.tried >= 3000,
        "only {} crash points tried",
        tally.tried
    );
    // The check must be able to see both outcomes: some unacknowledged batches were fully written
    // before the cut (kept whole) and recovered, which proves the comparison looks past the
    // acknowledged prefix.
    assert!(tally.survivors > 0);
}

#[test]
fn recovery_of_a_clean_shutdown_is_exact() {
    for preallocation in [Preallocation::Off, Preallocation::Inline] {
        recovery_of_a_clean_shutdown_is_exact_with(preallocation);
    }
}

fn recovery_of_a_clean_shutdown_is_exact_with(preallocation: Preallocation) {
    let plan = plan(99);
    let disk = SimDisk::new();
    let outcome = run_workload(&disk, &plan, preallocation);
    disk.power_cut(Tear::DropUnsynced);
    let shard = open(&disk, preallocation).unwrap();
    assert_eq!(check_recovery(&shard, &outcome, "clean"), 0);
    assert!(Path::new(&wal_dir()).is_relative() || shard.position() > 0);
}

/// The last write of a group torn at every byte in turn: recovery keeps exactly the acknowledged
/// batches plus a whole prefix of the group's batches, whatever byte the tear falls on.
#[test]
fn a_write_torn_at_any_byte_recovers_to_a_prefix_of_whole_batches() {
    // With segments made ahead of time the torn write lands on zeros of a full-size file.
    for preallocation in [Preallocation::Off, Preallocation::Inline] {
        a_write_torn_at_any_byte_recovers_with(preallocation);
    }
}

fn a_write_torn_at_any_byte_recovers_with(preallocation: Preallocation) {
    let mut plan = plan(7);
    // The last group: four batches that certainly commit, so its write holds four records.
    plan.push(
        (0..4)
            .map(|i| {
                Batch::single(Command::put(
                    ResourceSpec::new("/torn", &format!("k{i}"), "t").with_data(vec![i as u8; 50]),
                    None,
                ))
            })
            .collect(),
    );
    // Let every group but the last be acknowledged, then fail the last group's sync, so that its
    // write is the last unsynced write.
    let points_before_last = {
        let disk = SimDisk::new();
        run_workload(&disk, &plan[..plan.len() - 1], preallocation);
        disk.io_points()
    };
    // The IO point after which the last group's records are written but not synced (a segment
    // roll-over may come first), and the length of that write.
    let (cut_after, len) = (points_before_last + 1..points_before_last + 20)
        .find_map(|k| {
            let probe = SimDisk::new();
            probe.power_off_after(k);
            run_workload(&probe, &plan, preallocation);
            // A group's write to a segment (not the zero-fill of a spare).
            let to_segment = probe
                .last_unsynced_write_path()
                .is_some_and(|p| p.extension().is_some_and(|e| e == "wal"));
            probe
                .last_unsynced_write_len()
                .filter(|&len| len > 100 && to_segment)
                .map(|len| (k, len))
        })
        .expect("the last group writes several records");
    for keep in 0..=len {
        let disk = SimDisk::new();
        disk.power_off_after(cut_after);
        let outcome = run_workload(&disk, &plan, preallocation);
        assert_eq!(disk.last_unsynced_write_len(), Some(len));
        disk.power_cut(Tear::KeepPrefix(keep));
        let context = format!("write of {len} bytes torn after {keep}");
        let shard = open(&disk, preallocation)
            .unwrap_or_else(|e| panic!("{context}: recovery failed: {e}"));
        check_recovery(&shard, &outcome, &context);
    }
    println!(
        "torn write ({preallocation:?}): recovered from a cut at each of its {} bytes",
        len + 1
    );
}

/// A group written over several 4 KiB pages, cut before its sync with every subset of its pages
/// persisted (a hole anywhere, in any order), with and without the file's new size: recovery always
/// opens, keeps every acknowledged batch, and keeps the group whole or not at all.
#[test]
fn a_group_whose_pages_persist_in_any_subset_recovers_whole_or_not_at_all() {
    for preallocation in [Preallocation::Off, Preallocation::Inline] {
        pages_persist_in_any_subset_with(preallocation);
    }
}

fn pages_persist_in_any_subset_with(preallocation: Preallocation) {
    let mut plan = plan(11);
    plan.push(
        (0..4)
            .map(|i| {
                Batch::single(Command::put(
                    ResourceSpec::new("/pages", &format!("k{i}"), "t").with_data(vec![
                        b'a' + i
                            as u8;
                        3000
                    ]),
                    None,
                ))
            })
            .collect(),
    );
    let points_before_last = {
        let disk = SimDisk::new();
        run_workload(&disk, &plan[..plan.len() - 1], preallocation);
        disk.io_points()
    };
    // The IO point after which the last group is written but not synced, with its pages.
    let (cut_after, pages) = (points_before_last + 1..points_before_last + 20)
        .find_map(|k| {
            let probe = SimDisk::new();
            probe.power_off_after(k);
            run_workload(&probe, &plan, preallocation);
            let pages = probe.unsynced_pages().len();
            (probe.last_unsynced_write_len() > Some(12_000)).then_some((k, pages))
        })
        .expect("the last group spans several pages");
    assert!(pages >= 3, "{pages} pages");
    let mut tried = 0;
    for mask in 0u32..1 << pages {
        let keep: Vec<bool> = (0..pages).map(|p| mask & (1 << p) != 0).collect();
        for with_size in [false, true] {
            let disk = SimDisk::new();
            disk.power_off_after(cut_after);
            let outcome = run_workload(&disk, &plan, preallocation);
            assert_eq!(disk.unsynced_pages().len(), pages);
            let choice = PageChoice::Mask(keep.clone());
            disk.power_cut(if with_size {
                Tear::ExtendWithoutData(choice)
            } else {
                Tear::KeepPages(choice)
            });
            let context = format!("pages kept {keep:?}, size persisted {with_size}");
            let shard = open(&disk, preallocation)
                .unwrap_or_else(|e| panic!("{context}: recovery failed: {e}"));
            check_recovery(&shard, &outcome, &context);
            tried += 1;
        }
    }
    println!(
        "a group over {pages} pages ({preallocation:?}): recovered from each of {tried} page subsets"
    );
}
