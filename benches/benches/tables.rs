//! Tables: what the memtable → sstable path costs readers, restarts and the disk, through the real
//! engine (io_uring storage, real files, one shard). Each part measures its comparison in the same
//! run:
//!
//! - `tables/get`: a point `Engine::get` of a random one of 100,000 resources (256-byte data) held
//!   in the active memtable (a 1 GiB memtable, so that none is flushed), against the same read when every one of them is in sstables (a 4 MiB
//!   memtable, then filler writes in another namespace until every frozen memtable holding them is
//!   flushed). The tables' pages are in the page cache (just written).
//! - `tables/get_during_commits`: the same `get` (memtable) while a background thread keeps
//!   commits in flight (4 one-put batches outstanding, so the shard is always inside a group's
//!   write + fdatasync), against the same `get` with no writer. Per-get latency goes to an HDR
//!   histogram; the writer's submit-to-ack latency (one group's write + fdatasync, plus the wait
//!   behind the group in flight) is printed beside it.
//! - `tables/restart`: `Engine::open` until every shard is ready, on a data directory holding
//!   1,000,000 resources (256-byte data) flushed to tables, with the default 64 MiB memtable (a WAL
//!   tail of up to a memtable replayed at open) and with a 4 MiB one (a short tail); warm (pages
//!   cached) and cold (the directory's pages dropped with `posix_fadvise(DONTNEED)` before each
//!   open). The WAL tail (batches and resources after the tables' flushed position, bytes of the
//!   log's segments) is printed beside it.
//! - write amplification (printed, not timed): 500,000 puts over 100,000 keys (5 rounds), then
//!   10,000 deletes, with the default tiered compaction; `table_stats()` once flushes and
//!   compactions have settled. With the default 64 MiB memtable, and with 4 MiB (more tiers); with
//!   the history's horizon at its default (16 Mi changes, 1 GiB: the whole run is inside it, so
//!   compaction keeps every version) and at 1,000 changes (compaction drops what is superseded
//!   before the last history file). History file bytes are printed beside the tables' figures.
//! - `tables/history`: streaming 1,000,000 committed changes (creates of 256-byte resources, in
//!   batches of 1,000) through `Engine::history` pages from the oldest position, pages of 64 Ki
//!   changes (the maximum) and of 1 Ki changes: from the in-memory tail (a memory limit that holds
//!   them all), and from history files (4 MiB memtables, the smallest memory limit, after a
//!   restart).
//!
//! Setup writes go in batches of 1,000 puts, several in flight.
//!
//! ```sh
//! cargo bench -p aorta-benches --bench tables --no-run
//! cargo bench -p aorta-benches --bench tables            # everything, ~4 minutes
//! cargo bench -p aorta-benches --bench tables -- restart # one part (criterion filter); the
//!                                                        # write-amplification part runs with
//!                                                        # the filter `write_amp`
//! ```
//!
//! Without `--bench` (as under `cargo test --benches`) every part runs once on a few thousand
//! resources. Files go under `$AORTA_BENCH_DIR` if set, else under cargo's target `tmp` directory.

#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::collections::VecDeque;
use std::hint::black_box;
use std::os::unix::io::AsRawFd;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use aorta_engine::limits::{
    HISTORY_BYTES_MAX, HISTORY_MEMORY_BYTES_MAX, HISTORY_MEMORY_BYTES_MIN, HISTORY_PAGE_BYTES_MAX,
    HISTORY_PAGE_CHANGES_MAX,
};
use aorta_engine::sync::Pending;
use aorta_engine::table::store::TableStats;
use aorta_engine::{Batch, Command, Engine, EngineConfig, Error, ResourceSpec};
use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput};
use hdrhistogram::Histogram;

const DATA_BYTES: usize = 256;
const BATCH: usize = 1000;
/// Batches a setup writer keeps in flight.
const IN_FLIGHT: usize = 8;
const NAMESPACE: &str = "/bench/tables";
const FILLER_NAMESPACE: &str = "/bench/filler";
const SMALL_MEMTABLE: u64 = 4 * 1024 * 1024;
const LARGE_MEMTABLE: u64 = 1024 * 1024 * 1024;
const DEFAULT_MEMTABLE: u64 = aorta_engine::limits::MEMTABLE_BYTES_DEFAULT;

/// Sizes of each part: full under `--bench`, small as a smoke test.
struct Sizes {
    get_resources: usize,
    restart_resources: usize,
    amp_keys: usize,
    amp_rounds: usize,
    amp_deletes: usize,
    history_changes: usize,
}

fn sizes() -> Sizes {
    if bench_mode() {
        Sizes {
            get_resources: 100_000,
            restart_resources: 1_000_000,
            amp_keys: 100_000,
            amp_rounds: 5,
            amp_deletes: 10_000,
            history_changes: 1_000_000,
        }
    } else {
        Sizes {
            get_resources: 5_000,
            restart_resources: 5_000,
            amp_keys: 2_000,
            amp_rounds: 2,
            amp_deletes: 200,
            history_changes: 5_000,
        }
    }
}

fn main() {
    let mut criterion = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
        .configure_from_args();
    let base = bench_dir();
    let sizes = sizes();
    let filter = filter_arg();
    let wanted = |part: &str| filter.as_deref().is_none_or(|f| part.contains(f));
    if wanted("tables/get/") || wanted("tables/get_during_commits") {
        bench_get(&mut criterion, &base, &sizes);
    }
    if wanted("tables/restart") {
        bench_restart(&mut criterion, &base, &sizes);
    }
    if wanted("tables/write_amp") {
        write_amplification(&base, &sizes);
    }
    if wanted("tables/history") {
        bench_history(&mut criterion, &base, &sizes);
    }
    criterion.final_summary();
}

/// Criterion runs benchmarks only with `--bench` (as `cargo bench` passes); without it (as under
/// `cargo test`) it runs each once as a test, and the setup is small.
fn bench_mode() -> bool {
    std::env::args().any(|a| a == "--bench")
}

/// The first free argument (criterion's filter), to skip the setup of parts it filters out.
fn filter_arg() -> Option<String> {
    std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .filter(|a| !a.is_empty())
}

fn bench_dir() -> PathBuf {
    let base = std::env::var_os("AORTA_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_TARGET_TMPDIR")));
    std::fs::create_dir_all(&base).expect("creating the benchmark directory");
    base
}

fn temp_dir(base: &Path) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("aorta-tables-")
        .tempdir_in(base)
        .expect("creating a temporary directory")
}

fn config(dir: &Path, memtable_bytes: u64) -> EngineConfig {
    let mut config = EngineConfig::new(dir).with_shards(1);
    config.memtable_bytes_max = memtable_bytes;
    config
}

fn name(i: usize) -> String {
    format!("r-{i:08}")
}

fn data(i: usize, round: usize) -> Vec<u8> {
    (0..DATA_BYTES)
        .map(|j| (i.wrapping_mul(31) + j * 7 + round * 13) as u8)
        .collect()
}

fn put(namespace: &str, i: usize, round: usize) -> Command {
    Command::put(
        ResourceSpec::new(namespace, &name(i), "bench.aorta/Item").with_data(data(i, round)),
        None,
    )
}

/// Commits `commands` in batches of `BATCH`, `IN_FLIGHT` batches outstanding.
fn commit_all(engine: &Engine, commands: impl Iterator<Item = Command>) {
    let mut in_flight = VecDeque::new();
    let mut batch = Vec::with_capacity(BATCH);
    for command in commands {
        batch.push(command);
        if batch.len() == BATCH {
            if in_flight.len() == IN_FLIGHT {
                wait_oldest(&mut in_flight);
            }
            let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
            in_flight.push_back(submit_waiting(engine, Batch::new(full)));
        }
    }
    if !batch.is_empty() {
        in_flight.push_back(submit_waiting(engine, Batch::new(batch)));
    }
    while !in_flight.is_empty() {
        wait_oldest(&mut in_flight);
    }
}

type PendingCommit = Pending<aorta_engine::Result<aorta_engine::CommitReceipt>>;

fn wait_oldest(in_flight: &mut VecDeque<PendingCommit>) {
    let pending = in_flight.pop_front().expect("a batch in flight");
    pending
        .wait()
        .expect("the shard stopped")
        .expect("a setup commit failed");
}

/// `submit`, retrying while the shard's queue is full.
fn submit_waiting(engine: &Engine, batch: Batch) -> PendingCommit {
    loop {
        match engine.submit(batch.clone()) {
            Ok(pending) => return pending,
            Err(Error::Overloaded { .. }) => std::thread::sleep(Duration::from_millis(1)),
            Err(error) => panic!("submitting a setup batch: {error}"),
        }
    }
}

fn fill(engine: &Engine, namespace: &str, count: usize, round: usize) {
    commit_all(engine, (0..count).map(|i| put(namespace, i, round)));
}

/// Waits until no frozen memtable waits for its flush and the compactor has run nothing for a
/// second (its counter still): flushes and compactions have settled.
fn settle(engine: &Engine) -> TableStats {
    let mut last = engine.table_stats(0).unwrap();
    let mut still_since = Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(100));
        let stats = engine.table_stats(0).unwrap();
        let frozen = engine.view(0).unwrap().parts().memtables.len() > 1;
        if frozen || stats != last {
            last = stats;
            still_since = Instant::now();
        } else if still_since.elapsed() >= Duration::from_secs(1) {
            return stats;
        }
    }
}

/// A cheap deterministic sequence of indices below `n`.
struct Indices {
    state: u64,
    n: u64,
}

impl Indices {
    fn new(n: usize) -> Self {
        Indices {
            state: 0x9E37_79B9_7F4A_7C15,
            n: n as u64,
        }
    }

    fn next(&mut self) -> usize {
        self.state = self
            .state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.state >> 33) % self.n) as usize
    }
}

fn new_histogram() -> Histogram<u64> {
    Histogram::new_with_bounds(1, 60_000_000_000, 3).expect("histogram bounds")
}

fn us(hist: &Histogram<u64>, q: f64) -> f64 {
    hist.value_at_quantile(q) as f64 / 1000.0
}

fn describe(hist: &Histogram<u64>) -> String {
    format!(
        "{} samples: p50 {:.2} µs, p99 {:.2} µs, p99.9 {:.2} µs, max {:.1} µs",
        hist.len(),
        us(hist, 0.5),
        us(hist, 0.99),
        us(hist, 0.999),
        hist.max() as f64 / 1000.0
    )
}

// ---------------------------------------------------------------------------------------------
// a, b: point reads

fn bench_get(c: &mut Criterion, base: &Path, sizes: &Sizes) {
    let n = sizes.get_resources;
    // The memtable case: everything in the active memtable.
    let mem_dir = temp_dir(base);
    // 100,000 resources take more than the default 64 MiB (a resource, its by-id and type-index
    // entries, each with its overhead): a memtable large enough to hold them all.
    let mem = Engine::open(config(mem_dir.path(), LARGE_MEMTABLE)).unwrap();
    fill(&mem, NAMESPACE, n, 0);
    let view = mem.view(0).unwrap();
    assert_eq!(
        view.parts().tables.len(),
        0,
        "the memtable case has no table"
    );
    println!(
        "memtable case: {n} resources, 1 memtable of {} bytes, 0 tables",
        view.parts().memtables[0].approximate_bytes()
    );
    drop(view);
    // The table case: everything flushed; filler in another namespace pushes the last of them out
    // of the active memtable.
    let table_dir = temp_dir(base);
    let tab = Engine::open(config(table_dir.path(), SMALL_MEMTABLE)).unwrap();
    fill(&tab, NAMESPACE, n, 0);
    let last_bench_position = tab.positions().unwrap()[0];
    let mut filler = 0;
    loop {
        let view = tab.view(0).unwrap();
        let memtables = &view.parts().memtables;
        let active_first = memtables[0].first_position().unwrap_or(u64::MAX);
        if memtables.len() == 1 && active_first > last_bench_position {
            break;
        }
        drop(view);
        if active_first <= last_bench_position {
            commit_all(
                &tab,
                (filler..filler + BATCH).map(|i| put(FILLER_NAMESPACE, i, 0)),
            );
            filler += BATCH;
        } else {
            std::thread::sleep(Duration::from_millis(20));
        }
    }
    let stats = settle(&tab);
    println!(
        "table case: {n} resources in {} tables (after {} flushes, {} compactions), {filler} filler \
         resources in the memtable",
        stats.tables, stats.flushes, stats.compactions
    );
    let mut group = c.benchmark_group("tables/get");
    group.throughput(Throughput::Elements(1));
    for (label, engine) in [("memtable", &mem), ("sstable", &tab)] {
        let mut indices = Indices::new(n);
        let names: Vec<String> = (0..n).map(name).collect();
        group.bench_function(BenchmarkId::new(label, n), |b| {
            b.iter(|| {
                let i = indices.next();
                let found = engine.get(NAMESPACE, &names[i]).unwrap();
                black_box(found.expect("every resource is there").data.len())
            })
        });
        // A latency distribution of the same reads.
        let mut hist = new_histogram();
        let reads = if bench_mode() { 200_000 } else { 1_000 };
        for _ in 0..reads {
            let i = indices.next();
            let start = Instant::now();
            let found = engine.get(NAMESPACE, &names[i]).unwrap();
            hist.saturating_record(start.elapsed().as_nanos() as u64);
            black_box(found);
        }
        println!("    get from {label}: {}", describe(&hist));
    }
    group.finish();
    tab.close();
    drop(table_dir);

    bench_get_during_commits(c, &mem, n);
    mem.close();
}

fn bench_get_during_commits(c: &mut Criterion, engine: &Engine, n: usize) {
    let names: Vec<String> = (0..n).map(name).collect();
    let mut group = c.benchmark_group("tables/get_during_commits");
    group.throughput(Throughput::Elements(1));
    for writing in [false, true] {
        let stop = AtomicBool::new(false);
        let label = if writing {
            "fdatasync_in_flight"
        } else {
            "idle"
        };
        let mut get_hist = new_histogram();
        let mut indices = Indices::new(n);
        let commit_hist = std::thread::scope(|scope| {
            let writer = writing.then(|| scope.spawn(|| background_commits(engine, &stop)));
            group.bench_function(BenchmarkId::new(label, n), |b| {
                b.iter_custom(|iters| {
                    let start = Instant::now();
                    for _ in 0..iters {
                        let i = indices.next();
                        let t = Instant::now();
                        let found = engine.get(NAMESPACE, &names[i]).unwrap();
                        get_hist.saturating_record(t.elapsed().as_nanos() as u64);
                        black_box(found);
                    }
                    start.elapsed()
                })
            });
            stop.store(true, Ordering::Relaxed);
            writer.map(|w| w.join().expect("the background writer panicked"))
        });
        println!("    get, {label}: {}", describe(&get_hist));
        if let Some((hist, elapsed)) = commit_hist {
            println!(
                "    background commits meanwhile: {:.0}/s, submit-to-ack (write + fdatasync) {}",
                hist.len() as f64 / elapsed.as_secs_f64(),
                describe(&hist)
            );
        }
    }
    group.finish();
}

/// Keeps 4 one-put commits in flight until `stop`: the shard is always inside a group's write and
/// fdatasync, with the next group queued. Returns the submit-to-ack latencies and the time spent.
fn background_commits(engine: &Engine, stop: &AtomicBool) -> (Histogram<u64>, Duration) {
    let mut hist = new_histogram();
    let start = Instant::now();
    let mut in_flight = VecDeque::new();
    let mut i = 0usize;
    while !stop.load(Ordering::Relaxed) || !in_flight.is_empty() {
        if !stop.load(Ordering::Relaxed) && in_flight.len() < 4 {
            let batch = Batch::single(put(FILLER_NAMESPACE, i % 64, i));
            in_flight.push_back((Instant::now(), engine.submit(batch).unwrap()));
            i += 1;
            continue;
        }
        let (t, pending) = in_flight.pop_front().unwrap();
        pending.wait().unwrap().unwrap();
        hist.saturating_record(t.elapsed().as_nanos() as u64);
    }
    (hist, start.elapsed())
}

// ---------------------------------------------------------------------------------------------
// c: restart

fn bench_restart(c: &mut Criterion, base: &Path, sizes: &Sizes) {
    let n = sizes.restart_resources;
    let mut group = c.benchmark_group("tables/restart");
    group.sampling_mode(SamplingMode::Flat);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(3));
    for (label, memtable) in [
        ("memtable_64MiB", DEFAULT_MEMTABLE),
        ("memtable_4MiB", SMALL_MEMTABLE),
    ] {
        let dir = temp_dir(base);
        let start = Instant::now();
        let engine = Engine::open(config(dir.path(), memtable)).unwrap();
        fill(&engine, NAMESPACE, n, 0);
        let written = start.elapsed();
        let stats = settle(&engine);
        engine.close();
        let tail = wal_tail(dir.path(), memtable, n);
        println!(
            "{label}: {n} resources written in {:.1} s ({:.0}/s); {} tables ({} bytes), WAL tail: \
             {} batches = {} resources replayed at open, {} bytes of WAL segment files on disk \
             ({} files, made ahead at full size), table bytes on disk {}",
            written.as_secs_f64(),
            n as f64 / written.as_secs_f64(),
            stats.tables,
            dir_bytes(&dir.path().join("shard-000/tables")).0,
            tail.batches,
            tail.resources,
            tail.wal_bytes,
            tail.wal_files,
            dir_bytes(&dir.path().join("shard-000/tables")).0,
        );
        for cold in [false, true] {
            let mut hist = new_histogram();
            let id = BenchmarkId::new(format!("{label}/{}", if cold { "cold" } else { "warm" }), n);
            group.bench_function(id, |b| {
                b.iter_custom(|iters| {
                    let mut total = Duration::ZERO;
                    for _ in 0..iters {
                        if cold {
                            drop_cached_pages(dir.path());
                        }
                        let start = Instant::now();
                        let engine = Engine::open(config(dir.path(), memtable)).unwrap();
                        let took = start.elapsed();
                        total += took;
                        hist.saturating_record(took.as_nanos() as u64);
                        engine.close();
                    }
                    total
                })
            });
            println!(
                "    open {label} {}: {} opens, min {:.1} ms, p50 {:.1} ms, max {:.1} ms",
                if cold { "cold" } else { "warm" },
                hist.len(),
                hist.min() as f64 / 1e6,
                hist.value_at_quantile(0.5) as f64 / 1e6,
                hist.max() as f64 / 1e6
            );
        }
        // The data survived: a read of the last resource.
        let engine = Engine::open(config(dir.path(), memtable)).unwrap();
        let found = engine.get(NAMESPACE, &name(n - 1)).unwrap().unwrap();
        assert_eq!(found.data, data(n - 1, 0));
        engine.close();
    }
    group.finish();
}

struct Tail {
    batches: u64,
    resources: usize,
    wal_bytes: u64,
    wal_files: usize,
}

/// What the next open replays: the batches after the tables' flushed position (the newest table's
/// last position), the resources in the active memtable after the open, and the WAL's bytes.
fn wal_tail(dir: &Path, memtable: u64, written: usize) -> Tail {
    let engine = Engine::open(config(dir, memtable)).unwrap();
    let view = engine.view(0).unwrap();
    let flushed = view
        .parts()
        .tables
        .iter()
        .map(|t| t.meta().max_position)
        .max()
        .unwrap_or(0);
    let batches = view.position() - flushed;
    // Every setup batch but the last is full.
    let resources = (batches as usize * BATCH).min(written);
    drop(view);
    engine.close();
    let (wal_bytes, wal_files) = dir_bytes(&dir.join("shard-000/wal"));
    Tail {
        batches,
        resources,
        wal_bytes,
        wal_files,
    }
}

/// Bytes and files under `dir` (recursively).
fn dir_bytes(dir: &Path) -> (u64, usize) {
    let mut total = (0, 0);
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let meta = entry.metadata().unwrap();
        if meta.is_dir() {
            let (b, f) = dir_bytes(&entry.path());
            total = (total.0 + b, total.1 + f);
        } else {
            total = (total.0 + meta.len(), total.1 + 1);
        }
    }
    total
}

/// Evicts the clean cached pages of every file under `dir` (`posix_fadvise(DONTNEED)`), so that the
/// next open reads them from the disk. Only this directory's pages: the rest of the machine's cache
/// is left alone.
fn drop_cached_pages(dir: &Path) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            drop_cached_pages(&path);
        } else if let Ok(file) = std::fs::File::open(&path) {
            // SAFETY: a valid open descriptor; the call only advises the kernel.
            unsafe {
                libc::posix_fadvise(file.as_raw_fd(), 0, 0, libc::POSIX_FADV_DONTNEED);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// d: write amplification

fn write_amplification(base: &Path, sizes: &Sizes) {
    println!(
        "write amplification: {} puts over {} keys ({} rounds), then {} deletes; batches of {BATCH}",
        sizes.amp_keys * sizes.amp_rounds,
        sizes.amp_keys,
        sizes.amp_rounds,
        sizes.amp_deletes
    );
    println!(
        "| memtable | history changes kept | flushes | flushed MiB | compactions | compaction read MiB | \
         compaction written MiB | write amplification | superseded dropped | tombstones dropped | \
         tables left | history MiB written | tables dir MiB on disk | write s | settle s |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    let retained_default = aorta_engine::limits::HISTORY_CHANGES_DEFAULT;
    for (memtable, retained) in [
        (DEFAULT_MEMTABLE, retained_default),
        (SMALL_MEMTABLE, retained_default),
        (SMALL_MEMTABLE, 1000),
    ] {
        let dir = temp_dir(base);
        let mut cfg = config(dir.path(), memtable);
        cfg.history.changes_max = retained;
        let engine = Engine::open(cfg).unwrap();
        let start = Instant::now();
        for round in 0..sizes.amp_rounds {
            fill(&engine, NAMESPACE, sizes.amp_keys, round);
        }
        commit_all(
            &engine,
            (0..sizes.amp_deletes).map(|i| Command::delete(NAMESPACE, &name(i * 10), None)),
        );
        let written = start.elapsed();
        let s = settle(&engine);
        let settled = start.elapsed() - written;
        let mib = |b: u64| b as f64 / (1024.0 * 1024.0);
        println!(
            "| {} MiB | {retained} | {} | {:.1} | {} | {:.1} | {:.1} | {:.2} | {} | {} | {} | {:.1} | {:.1} | {:.1} | {:.1} |",
            memtable >> 20,
            s.flushes,
            mib(s.flushed_bytes),
            s.compactions,
            mib(s.compaction_bytes_read),
            mib(s.compaction_bytes_written),
            s.write_amplification(),
            s.superseded_dropped,
            s.tombstones_dropped,
            s.tables,
            mib(s.history_bytes_written),
            mib(dir_bytes(&dir.path().join("shard-000/tables")).0),
            written.as_secs_f64(),
            settled.as_secs_f64(),
        );
        engine.close();
    }
}

// ---------------------------------------------------------------------------------------------
// e: history

fn bench_history(c: &mut Criterion, base: &Path, sizes: &Sizes) {
    let n = sizes.history_changes;
    let mut group = c.benchmark_group("tables/history");
    group.throughput(Throughput::Elements(n as u64));
    // From memory: every change in the in-memory tail. From files: 4 MiB memtables (a history
    // file per flush) and the smallest in-memory tail, after a restart, so that all but the WAL
    // tail's changes are read from history files.
    for (source, memtable, memory) in [
        ("memory", DEFAULT_MEMTABLE, HISTORY_MEMORY_BYTES_MAX),
        ("files", SMALL_MEMTABLE, HISTORY_MEMORY_BYTES_MIN),
    ] {
        let dir = temp_dir(base);
        let cfg = || {
            let mut cfg = config(dir.path(), memtable);
            cfg.history.changes_max = n + BATCH;
            cfg.history.bytes_max = HISTORY_BYTES_MAX;
            cfg.history_memory_bytes = memory;
            cfg
        };
        let engine = Engine::open(cfg()).unwrap();
        fill(&engine, NAMESPACE, n, 0);
        let stats = settle(&engine);
        println!(
            "    {source}: {} flushes, {:.1} MiB of history files written",
            stats.flushes,
            stats.history_bytes_written as f64 / (1024.0 * 1024.0)
        );
        let engine = if source == "files" {
            engine.close();
            Engine::open(cfg()).unwrap()
        } else {
            engine
        };
        let from = match engine.history(0, 0, 1, HISTORY_PAGE_BYTES_MAX) {
            Err(Error::Compacted {
                oldest_available, ..
            }) => oldest_available,
            Ok(_) => 0,
            Err(error) => panic!("reading the history: {error}"),
        };
        for page_changes in [HISTORY_PAGE_CHANGES_MAX, 1024] {
            let mut pages = 0usize;
            group.bench_function(
                BenchmarkId::new(format!("{source}/pages_of_{page_changes}"), n),
                |b| {
                    b.iter(|| {
                        let (mut next, mut seen, mut bytes) = (from, 0usize, 0usize);
                        pages = 0;
                        loop {
                            let page = engine
                                .history(0, next, page_changes, HISTORY_PAGE_BYTES_MAX)
                                .unwrap();
                            if page.changes.is_empty() {
                                break;
                            }
                            pages += 1;
                            seen += page.changes.len();
                            bytes += page
                                .changes
                                .iter()
                                .map(|c| c.new.as_ref().unwrap().data.len())
                                .sum::<usize>();
                            next = page.next_position;
                        }
                        assert_eq!(seen, n);
                        black_box(bytes)
                    })
                },
            );
            println!("    {source}, pages of {page_changes} changes: {pages} pages per stream");
        }
        engine.close();
    }
    group.finish();
}
