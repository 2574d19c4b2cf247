//! Durable group commit through the real engine (io_uring storage, real files), and the disk's own
//! rate of 4 KiB write + fdatasync at queue depth 1 measured in the same run as the reference.
//!
//! A writer is a closed loop with one commit outstanding: submit a batch of one `put` (256-byte
//! data), wait for the durable ack, submit the next. Writers come in two kinds, as users have them:
//! - *futures*: writers are not threads: each driver thread keeps its writers' commits in flight in a
//!   FIFO (wait the oldest, record its submit-to-ack latency, resubmit for that writer). There is one
//!   driver per shard, and a driver's writers use namespaces owned by its shard, so a FIFO's order is
//!   its shard's completion order.
//! - *threads*: each writer is its own OS thread calling the blocking `Engine::commit` in a loop.
//!
//! Criterion reports commits/s (one iteration = one commit); p50/p99/p99.9 latency comes from an HDR
//! histogram per configuration, and a summary table (with each rate divided by the raw fdatasync rate)
//! is printed at the end. `docs/benchmarks.md` has the command and the figures.
//!
//! Files go under `$AORTA_BENCH_DIR` if set, else under cargo's target `tmp` directory.

#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::collections::VecDeque;
use std::fs::{File, OpenOptions};
use std::os::unix::fs::{FileExt, MetadataExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use aorta_engine::storage::uring::SyncPath;
use aorta_engine::table::store::WorkerPriority;
use aorta_engine::wal::Preallocation;
use aorta_engine::{Batch, Command, Engine, EngineConfig, ResourceSpec};
use criterion::{BenchmarkId, Criterion, Throughput};
use hdrhistogram::Histogram;

const DATA_BYTES: usize = 256;
const SHARDS: [u16; 2] = [1, 2];
const WRITERS: [usize; 3] = [1, 16, 256];

/// How writers call the engine (see the module doc).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Callers {
    Futures,
    Threads,
}

impl Callers {
    fn name(self) -> &'static str {
        match self {
            Callers::Futures => "futures",
            Callers::Threads => "threads",
        }
    }
}

const CALLERS: [Callers; 2] = [Callers::Futures, Callers::Threads];
/// Namespaces per shard that a driver spreads its writers over.
const NAMESPACES_PER_SHARD: usize = 8;
const RAW_BLOCK: usize = 4096;
/// The appending reference starts a new file at this size, as the WAL starts a new segment.
const RAW_APPEND_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// The overwriting reference cycles over a file of this size, written and synced beforehand.
const RAW_OVERWRITE_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// How long the raw append rate is measured right after each engine configuration: the disk's rate
/// drifts within a run, so each configuration also gets a reference taken next to it.
const ADJACENT_RAW_TIME: Duration = Duration::from_secs(2);

fn main() {
    let mut criterion = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(8))
        .configure_from_args();
    let base = bench_dir();
    let disk = DiskCounters::for_path(&base);
    let config = engine_config(&base, 1);
    println!(
        "engine settings: wal_sync {:?}, shard_spin {:?}, pin_shards_to_cpus {:?} (None: auto), \
         wal_preallocation {:?}, sync_thread {}, memtable_bytes_max {}",
        config.wal_sync,
        config.shard_spin,
        config.pin_shards_to_cpus,
        config.wal_preallocation,
        config.sync_thread,
        config.memtable_bytes_max
    );
    println!(
        "files under {} (block device {})",
        base.display(),
        disk.as_ref().map_or("unknown".into(), |d| d.name.clone())
    );
    let mut report = Report::default();
    bench_raw(&mut criterion, &mut report, &base, disk.as_ref(), "before");
    bench_engine(&mut criterion, &mut report, &base, disk.as_ref());
    bench_raw(&mut criterion, &mut report, &base, disk.as_ref(), "after");
    criterion.final_summary();
    report.print();
}

/// Criterion runs benchmarks only with `--bench` (as `cargo bench` passes); without it (as under
/// `cargo test`) it runs each once as a test, and so do we: nothing extra.
fn bench_mode() -> bool {
    std::env::args().any(|a| a == "--bench")
}

/// Appends 4 KiB + fdatasync in a fresh file in `dir` for `time`; returns the rate per second.
fn raw_append_rate(dir: &Path, time: Duration) -> f64 {
    let block = vec![0x5a; RAW_BLOCK];
    let sub = temp_dir(dir);
    let mut appender = Appender::new(sub.path());
    let start = Instant::now();
    let mut ops = 0u64;
    while start.elapsed() < time {
        appender.write_and_sync(&block);
        ops += 1;
    }
    ops as f64 / start.elapsed().as_secs_f64()
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
        .prefix("aorta-bench-")
        .tempdir_in(base)
        .expect("creating a temporary directory")
}

// ---------------------------------------------------------------------------------------------
// The engine

fn bench_engine(c: &mut Criterion, report: &mut Report, base: &Path, disk: Option<&DiskCounters>) {
    let mut group = c.benchmark_group("group_commit");
    group.throughput(Throughput::Elements(1));
    for callers in CALLERS {
        for shards in SHARDS {
            for writers in WRITERS {
                bench_configuration(&mut group, report, base, disk, callers, shards, writers);
            }
        }
    }
    group.finish();
}

fn bench_configuration(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    report: &mut Report,
    base: &Path,
    disk: Option<&DiskCounters>,
    callers: Callers,
    shards: u16,
    writers: usize,
) {
    let dir = temp_dir(base);
    let engine = Engine::open(engine_config(dir.path(), shards)).expect("opening the engine");
    let drivers = plan_writers(&engine, writers);
    let mut stats = Stats::new(disk);
    let id = BenchmarkId::new(
        format!("{}/shards={shards}", callers.name()),
        format!("writers={writers}"),
    );
    match callers {
        Callers::Futures => {
            group.bench_function(id, |b| {
                b.iter_custom(|iters| {
                    stats.measure(|hist, cpu| run_writers(&engine, &drivers, iters, hist, cpu))
                })
            });
        }
        Callers::Threads => std::thread::scope(|scope| {
            let pool = WriterThreads::start(scope, &engine, &drivers);
            group.bench_function(id, |b| {
                b.iter_custom(|iters| stats.measure(|hist, cpu| pool.run(iters, hist, cpu)))
            });
            pool.stop();
        }),
    }
    let (flushes, compactions) = (0..engine.shard_count())
        .map(|shard| engine.table_stats(shard).expect("the shard is up"))
        .fold((0, 0), |(f, c), s| (f + s.flushes, c + s.compactions));
    engine.close();
    stats.print_latency();
    if stats.ops > 0 {
        println!("    table flushes {flushes}, compactions {compactions}");
    }
    // A reference taken right after this configuration ran (not when it was filtered out, nor in
    // test mode).
    let adjacent =
        (stats.ops > 0 && bench_mode()).then(|| raw_append_rate(dir.path(), ADJACENT_RAW_TIME));
    if let Some(rate) = adjacent {
        println!("    raw append right after: {rate:.0}/s");
    }
    report.rows.push(Row {
        name: format!("{} shards={shards} writers={writers}", callers.name()),
        raw: false,
        adjacent,
        stats,
    });
}

/// The engine's configuration: the defaults, with two settings an A/B run can flip from the
/// environment: `AORTA_WAL_SYNC=ring|syscall` (how the log's write + fdatasync reach the kernel),
/// `AORTA_SHARD_SPIN_US=n` (how long a shard polls its empty queue before it sleeps) and
/// `AORTA_PIN=on|off` (pinning shard threads to CPUs), `AORTA_WAL_PREALLOCATE=on|off` (segments
/// made ahead of time at full size by a helper thread, or grown by appends),
/// `AORTA_SYNC_THREAD=on|off` (a shard hands its log's fdatasync to a thread of its own while it
/// decides the batches that wait, or syncs on its own thread),
/// `AORTA_MEMTABLE_BYTES=n` (the memtable size at which it is frozen and flushed to a table;
/// default the engine's 64 MiB; `1073741824` (1 GiB), the maximum, means no flush during a run;
/// runs before 2026-11-25 23:15 UTC used `4294967296`, the maximum then), `AORTA_TABLE_WORKER_PRIORITY=idle|normal` (the table workers'
/// CPU priority).
///
/// Not a setting: `AORTA_COMMIT_TAIL_US=n` prints to stderr each futures-mode commit slower than
/// `n` µs, as `TAIL <CLOCK_MONOTONIC seconds at its answer> <µs>`, to line up with
/// `perf sched record -k CLOCK_MONOTONIC` (how the p99's causes were found: `docs/benchmarks.md`).
fn engine_config(dir: &Path, shards: u16) -> EngineConfig {
    let mut config = EngineConfig::new(dir).with_shards(shards);
    match std::env::var("AORTA_WAL_SYNC").as_deref() {
        Ok("ring") => config.wal_sync = SyncPath::Ring,
        Ok("syscall") => config.wal_sync = SyncPath::Syscall,
        Ok(other) => panic!("AORTA_WAL_SYNC={other}: expected ring or syscall"),
        Err(_) => {}
    }
    if let Ok(micros) = std::env::var("AORTA_SHARD_SPIN_US") {
        let micros: u64 = micros.parse().expect("AORTA_SHARD_SPIN_US: microseconds");
        config.shard_spin = Duration::from_micros(micros);
    }
    match std::env::var("AORTA_PIN").as_deref() {
        Ok("on") => config.pin_shards_to_cpus = Some(true),
        Ok("off") => config.pin_shards_to_cpus = Some(false),
        Ok(other) => panic!("AORTA_PIN={other}: expected on or off"),
        Err(_) => {}
    }
    match std::env::var("AORTA_WAL_PREALLOCATE").as_deref() {
        Ok("on") => config.wal_preallocation = Preallocation::Background,
        Ok("off") => config.wal_preallocation = Preallocation::Off,
        Ok(other) => panic!("AORTA_WAL_PREALLOCATE={other}: expected on or off"),
        Err(_) => {}
    }
    match std::env::var("AORTA_SYNC_THREAD").as_deref() {
        Ok("on") => config.sync_thread = true,
        Ok("off") => config.sync_thread = false,
        Ok(other) => panic!("AORTA_SYNC_THREAD={other}: expected on or off"),
        Err(_) => {}
    }
    if let Ok(bytes) = std::env::var("AORTA_MEMTABLE_BYTES") {
        config.memtable_bytes_max = bytes.parse().expect("AORTA_MEMTABLE_BYTES: bytes");
    }
    match std::env::var("AORTA_TABLE_WORKER_PRIORITY").as_deref() {
        Ok("idle") => config.table_worker_priority = WorkerPriority::Idle,
        Ok("normal") => config.table_worker_priority = WorkerPriority::Normal,
        Ok(other) => panic!("AORTA_TABLE_WORKER_PRIORITY={other}: expected idle or normal"),
        Err(_) => {}
    }
    config
}

/// The writer threads of one configuration: each writer its own OS thread calling the blocking
/// `commit`, started once and kept for every criterion call, so that a call measures commits and
/// not 256 thread starts and exits (starting them per call made the calls of a few commits per
/// thread that criterion plans mostly start-up and tail: 10-16k commits/s where the kept threads
/// measure several times that).
struct WriterThreads<'scope> {
    shared: std::sync::Arc<PoolShared>,
    handles: Vec<std::thread::ScopedJoinHandle<'scope, ()>>,
}

struct PoolShared {
    /// Commits left in the current call; each thread takes one at a time.
    remaining: std::sync::atomic::AtomicU64,
    /// Nanoseconds from `epoch` to the latest ack of the current call.
    last_ack_ns: std::sync::atomic::AtomicU64,
    /// CPU nanoseconds the writer threads spent in the current call.
    cpu_ns: std::sync::atomic::AtomicU64,
    epoch: Instant,
    stop: std::sync::atomic::AtomicBool,
    /// Every thread and the caller meet here before a call and after it.
    start: std::sync::Barrier,
    done: std::sync::Barrier,
    /// One histogram per thread, merged by the caller after each call (outside the timed span).
    hists: Vec<std::sync::Mutex<Histogram<u64>>>,
}

impl<'scope> WriterThreads<'scope> {
    fn start<'env>(
        scope: &'scope std::thread::Scope<'scope, 'env>,
        engine: &'env Engine,
        drivers: &'env [Vec<ResourceSpec>],
    ) -> Self {
        use std::sync::atomic::Ordering::Relaxed;
        let specs: Vec<&'env ResourceSpec> = drivers.iter().flatten().collect();
        let shared = std::sync::Arc::new(PoolShared {
            remaining: 0.into(),
            last_ack_ns: 0.into(),
            cpu_ns: 0.into(),
            epoch: Instant::now(),
            stop: false.into(),
            start: std::sync::Barrier::new(specs.len() + 1),
            done: std::sync::Barrier::new(specs.len() + 1),
            hists: (0..specs.len())
                .map(|_| std::sync::Mutex::new(new_histogram()))
                .collect(),
        });
        let handles = specs
            .into_iter()
            .enumerate()
            .map(|(index, spec)| {
                let shared = shared.clone();
                scope.spawn(move || loop {
                    shared.start.wait();
                    if shared.stop.load(Relaxed) {
                        return;
                    }
                    let cpu_start = own_cpu_ns();
                    let mut hist = shared.hists[index].lock().expect("a writer's histogram");
                    let mut last_ack = None;
                    while shared
                        .remaining
                        .fetch_update(Relaxed, Relaxed, |n| n.checked_sub(1))
                        .is_ok()
                    {
                        let batch = Batch::single(Command::put(spec.clone(), None));
                        let start = Instant::now();
                        engine.commit(batch).expect("a commit failed");
                        let acked = Instant::now();
                        hist.saturating_record((acked - start).as_nanos() as u64);
                        last_ack = Some(acked);
                    }
                    drop(hist);
                    if let Some(acked) = last_ack {
                        let ns = (acked - shared.epoch).as_nanos() as u64;
                        shared.last_ack_ns.fetch_max(ns, Relaxed);
                    }
                    shared
                        .cpu_ns
                        .fetch_add(own_cpu_ns().saturating_sub(cpu_start), Relaxed);
                    shared.done.wait();
                })
            })
            .collect();
        WriterThreads { shared, handles }
    }

    /// Runs `iters` commits over the threads; returns the wall time from their release to the last
    /// ack.
    fn run(&self, iters: u64, hist: &mut Histogram<u64>, spawned_cpu_ns: &mut u64) -> Duration {
        use std::sync::atomic::Ordering::Relaxed;
        let shared = &self.shared;
        shared.remaining.store(iters, Relaxed);
        shared.last_ack_ns.store(0, Relaxed);
        shared.cpu_ns.store(0, Relaxed);
        // The barrier orders these stores before the threads' loads.
        let start = Instant::now();
        shared.start.wait();
        shared.done.wait();
        let last_ack = shared.epoch + Duration::from_nanos(shared.last_ack_ns.load(Relaxed));
        for thread_hist in &shared.hists {
            let mut thread_hist = thread_hist.lock().expect("a writer's histogram");
            hist.add(&*thread_hist)
                .expect("histograms with the same bounds");
            thread_hist.reset();
        }
        *spawned_cpu_ns += shared.cpu_ns.load(Relaxed);
        last_ack.saturating_duration_since(start)
    }

    fn stop(self) {
        self.shared
            .stop
            .store(true, std::sync::atomic::Ordering::Relaxed);
        self.shared.start.wait();
        for handle in self.handles {
            handle.join().expect("a writer thread panicked");
        }
    }
}

/// The writers of each driver: driver `d` serves shard `d`; writer `w` goes to driver `w % drivers`
/// and writes its own key in one of that shard's namespaces.
fn plan_writers(engine: &Engine, writers: usize) -> Vec<Vec<ResourceSpec>> {
    let shards = engine.shard_count() as usize;
    let drivers = shards.min(writers);
    let mut namespaces: Vec<Vec<String>> = vec![Vec::new(); shards];
    let mut i = 0;
    while namespaces.iter().any(|n| n.len() < NAMESPACES_PER_SHARD) {
        let namespace = format!("/bench/ns{i}");
        let list = &mut namespaces[engine.shard_for(&namespace) as usize];
        if list.len() < NAMESPACES_PER_SHARD {
            list.push(namespace);
        }
        i += 1;
    }
    let data: Vec<u8> = (0..DATA_BYTES).map(|i| (i * 7 + 13) as u8).collect();
    let mut plan = vec![Vec::new(); drivers];
    for w in 0..writers {
        let driver = w % drivers;
        let list = &namespaces[driver];
        let namespace = &list[(w / drivers) % list.len()];
        let spec = ResourceSpec::new(namespace, &format!("writer-{w}"), "bench.aorta/Item")
            .with_data(data.clone());
        plan[driver].push(spec);
    }
    plan
}

/// Runs `iters` commits spread over the drivers (one thread each beyond the first) and returns the
/// wall time from the first submit to the last ack.
fn run_writers(
    engine: &Engine,
    drivers: &[Vec<ResourceSpec>],
    iters: u64,
    hist: &mut Histogram<u64>,
    spawned_cpu_ns: &mut u64,
) -> Duration {
    let total: u64 = drivers.iter().map(|d| d.len() as u64).sum();
    let mut quotas: Vec<u64> = drivers
        .iter()
        .map(|d| iters * d.len() as u64 / total)
        .collect();
    quotas[0] += iters - quotas.iter().sum::<u64>();
    let start = Instant::now();
    let results: Vec<(Histogram<u64>, u64)> = if drivers.len() == 1 {
        // On the calling thread, whose CPU time `Stats::measure` counts itself.
        vec![(drive(engine, &drivers[0], quotas[0]).0, 0)]
    } else {
        std::thread::scope(|scope| {
            let handles: Vec<_> = drivers
                .iter()
                .zip(&quotas)
                .map(|(writers, &quota)| scope.spawn(move || drive(engine, writers, quota)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("a driver thread panicked"))
                .collect()
        })
    };
    let elapsed = start.elapsed();
    for (h, cpu_ns) in &results {
        hist.add(h).expect("histograms with the same bounds");
        *spawned_cpu_ns += cpu_ns;
    }
    elapsed
}

/// One driver: keeps one commit per writer in flight until `quota` commits are acknowledged. Returns
/// the latencies and the CPU time this thread spent.
fn drive(engine: &Engine, writers: &[ResourceSpec], quota: u64) -> (Histogram<u64>, u64) {
    let cpu_start = own_cpu_ns();
    let mut hist = new_histogram();
    let tail_ns = std::env::var("AORTA_COMMIT_TAIL_US").ok().map(|micros| {
        micros
            .parse::<u64>()
            .expect("AORTA_COMMIT_TAIL_US: microseconds")
            * 1000
    });
    let submit = |w: usize| {
        let batch = Batch::single(Command::put(writers[w].clone(), None));
        let start = Instant::now();
        let pending = engine.submit(batch).expect("submitting a commit");
        (w, start, pending)
    };
    let mut in_flight = VecDeque::with_capacity(writers.len());
    let mut submitted = 0u64;
    for w in 0..writers.len() {
        if submitted == quota {
            break;
        }
        in_flight.push_back(submit(w));
        submitted += 1;
    }
    while let Some((w, start, pending)) = in_flight.pop_front() {
        pending
            .wait()
            .expect("the shard stopped")
            .expect("a commit failed");
        let latency_ns = start.elapsed().as_nanos() as u64;
        hist.saturating_record(latency_ns);
        if tail_ns.is_some_and(|tail| latency_ns > tail) {
            print_tail(latency_ns);
        }
        if submitted < quota {
            in_flight.push_back(submit(w));
            submitted += 1;
        }
    }
    (hist, own_cpu_ns().saturating_sub(cpu_start))
}

/// Prints a slow commit with the time of its answer on the clock that `perf sched record -k
/// CLOCK_MONOTONIC` stamps its events with.
fn print_tail(latency_ns: u64) {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec into `now`, which outlives the call.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut now) };
    eprintln!(
        "TAIL {}.{:09} {}",
        now.tv_sec,
        now.tv_nsec,
        latency_ns / 1000
    );
}

// ---------------------------------------------------------------------------------------------
// The disk's raw rate

fn bench_raw(
    c: &mut Criterion,
    report: &mut Report,
    base: &Path,
    disk: Option<&DiskCounters>,
    phase: &str,
) {
    let mut group = c.benchmark_group("raw_4k_write_fdatasync");
    group.throughput(Throughput::Elements(1));
    let block: Vec<u8> = (0..RAW_BLOCK).map(|i| (i * 31 + 7) as u8).collect();

    // Appending: the file grows as the WAL grows; a new file every 64 MiB, as a new segment.
    let dir = temp_dir(base);
    let mut appender = Appender::new(dir.path());
    let mut stats = Stats::new(disk);
    group.bench_function(BenchmarkId::new("append", phase), |b| {
        b.iter_custom(|iters| {
            stats.measure(|hist, _| {
                let start = Instant::now();
                for _ in 0..iters {
                    let op = Instant::now();
                    appender.write_and_sync(&block);
                    hist.saturating_record(op.elapsed().as_nanos() as u64);
                }
                start.elapsed()
            })
        })
    });
    stats.print_latency();
    report.rows.push(Row {
        name: format!("raw append ({phase})"),
        raw: true,
        adjacent: None,
        stats,
    });
    drop(appender);

    // Overwriting in place: cycling over a file whose blocks are already allocated and synced.
    let path = dir.path().join("overwrite.dat");
    let file = OpenOptions::new()
        .create(true)
        .truncate(true)
        .read(true)
        .write(true)
        .open(&path)
        .expect("creating the overwrite file");
    let blocks = RAW_OVERWRITE_FILE_BYTES / RAW_BLOCK as u64;
    for i in 0..blocks {
        file.write_all_at(&block, i * RAW_BLOCK as u64)
            .expect("filling the overwrite file");
    }
    file.sync_all().expect("syncing the overwrite file");
    let mut next = 0u64;
    let mut stats = Stats::new(disk);
    group.bench_function(BenchmarkId::new("overwrite", phase), |b| {
        b.iter_custom(|iters| {
            stats.measure(|hist, _| {
                let start = Instant::now();
                for _ in 0..iters {
                    let op = Instant::now();
                    file.write_all_at(&block, (next % blocks) * RAW_BLOCK as u64)
                        .expect("overwriting");
                    file.sync_data().expect("fdatasync");
                    hist.saturating_record(op.elapsed().as_nanos() as u64);
                    next += 1;
                }
                start.elapsed()
            })
        })
    });
    stats.print_latency();
    report.rows.push(Row {
        name: format!("raw overwrite ({phase})"),
        raw: true,
        adjacent: None,
        stats,
    });
    drop(file);

    // The same overwrite with O_DIRECT | O_DSYNC: each aligned write is durable when it returns (one
    // FUA write, or a write + flush, issued by the kernel), with no separate fdatasync and no page
    // cache. A candidate for the log's write path (issue 11), measured here first.
    use std::os::unix::fs::OpenOptionsExt;
    match OpenOptions::new()
        .write(true)
        .custom_flags(libc::O_DIRECT | libc::O_DSYNC)
        .open(&path)
    {
        Err(error) => println!("raw overwrite O_DIRECT|O_DSYNC skipped: {error}"),
        Ok(direct) => {
            let mut aligned = vec![0u8; 2 * RAW_BLOCK];
            let at = aligned.as_ptr().align_offset(RAW_BLOCK);
            let aligned = &mut aligned[at..at + RAW_BLOCK];
            aligned.copy_from_slice(&block);
            let mut stats = Stats::new(disk);
            group.bench_function(BenchmarkId::new("overwrite_o_direct_o_dsync", phase), |b| {
                b.iter_custom(|iters| {
                    stats.measure(|hist, _| {
                        let start = Instant::now();
                        for _ in 0..iters {
                            let op = Instant::now();
                            direct
                                .write_all_at(aligned, (next % blocks) * RAW_BLOCK as u64)
                                .expect("writing with O_DIRECT | O_DSYNC");
                            hist.saturating_record(op.elapsed().as_nanos() as u64);
                            next += 1;
                        }
                        start.elapsed()
                    })
                })
            });
            stats.print_latency();
            report.rows.push(Row {
                name: format!("raw overwrite O_DIRECT+O_DSYNC ({phase})"),
                raw: true,
                adjacent: None,
                stats,
            });
        }
    }
    group.finish();
}

struct Appender {
    dir: PathBuf,
    file: File,
    path: PathBuf,
    len: u64,
    files: u64,
}

impl Appender {
    fn new(dir: &Path) -> Self {
        let path = dir.join("append-0.dat");
        Appender {
            dir: dir.to_path_buf(),
            file: Self::create(&path),
            path,
            len: 0,
            files: 1,
        }
    }

    fn create(path: &Path) -> File {
        OpenOptions::new()
            .create(true)
            .truncate(true)
            .write(true)
            .open(path)
            .expect("creating an append file")
    }

    fn write_and_sync(&mut self, block: &[u8]) {
        if self.len + block.len() as u64 > RAW_APPEND_FILE_BYTES {
            let path = self.dir.join(format!("append-{}.dat", self.files));
            self.file = Self::create(&path);
            std::fs::remove_file(&self.path).expect("removing a full append file");
            self.path = path;
            self.len = 0;
            self.files += 1;
        }
        self.file.write_all_at(block, self.len).expect("appending");
        self.file.sync_data().expect("fdatasync");
        self.len += block.len() as u64;
    }
}

// ---------------------------------------------------------------------------------------------
// Measurements and the report

fn new_histogram() -> Histogram<u64> {
    // Nanoseconds, 1 ns to 60 s, 3 significant digits.
    Histogram::new_with_bounds(1, 60_000_000_000, 3).expect("histogram bounds")
}

/// Everything measured for one configuration, over every call criterion made (warm-up included).
struct Stats {
    hist: Histogram<u64>,
    ops: u64,
    elapsed: Duration,
    disk: Option<DiskCounters>,
    disk_delta: [u64; 2],
    /// CPU nanoseconds of the benchmark's own threads, the shard threads, and io_uring's workers.
    cpu_ns: [u64; 3],
}

impl Stats {
    fn new(disk: Option<&DiskCounters>) -> Self {
        Stats {
            hist: new_histogram(),
            ops: 0,
            elapsed: Duration::ZERO,
            disk: disk.cloned(),
            disk_delta: [0; 2],
            cpu_ns: [0; 3],
        }
    }

    /// Runs one criterion call: `run` records each operation's latency, adds the CPU time of any
    /// thread it spawned to its second argument, and returns the wall time.
    fn measure(&mut self, run: impl FnOnce(&mut Histogram<u64>, &mut u64) -> Duration) -> Duration {
        let before = self.disk.as_ref().and_then(DiskCounters::read);
        let count_before = self.hist.len();
        let engine_before = engine_cpu_ns();
        let own_before = own_cpu_ns();
        let mut spawned = 0;
        let elapsed = run(&mut self.hist, &mut spawned);
        self.cpu_ns[0] += own_cpu_ns().saturating_sub(own_before) + spawned;
        let engine_after = engine_cpu_ns();
        self.cpu_ns[1] += engine_after[0].saturating_sub(engine_before[0]);
        self.cpu_ns[2] += engine_after[1].saturating_sub(engine_before[1]);
        if let (Some(before), Some(after)) =
            (before, self.disk.as_ref().and_then(DiskCounters::read))
        {
            self.disk_delta[0] += after[0].saturating_sub(before[0]);
            self.disk_delta[1] += after[1].saturating_sub(before[1]);
        }
        self.ops += self.hist.len() - count_before;
        self.elapsed += elapsed;
        elapsed
    }

    fn rate(&self) -> f64 {
        if self.elapsed.is_zero() {
            0.0
        } else {
            self.ops as f64 / self.elapsed.as_secs_f64()
        }
    }

    fn quantile_us(&self, q: f64) -> f64 {
        self.hist.value_at_quantile(q) as f64 / 1000.0
    }

    fn print_latency(&self) {
        if self.ops == 0 {
            return; // filtered out
        }
        println!(
            "    {} ops in {:.2} s = {:.0}/s; latency p50 {:.1} µs, p99 {:.1} µs, p99.9 {:.1} µs, max {:.1} µs; \
             ops per disk flush {}, disk writes/op {}; CPU µs/op: bench {}, shards {}, io-wq {}",
            self.ops,
            self.elapsed.as_secs_f64(),
            self.rate(),
            self.quantile_us(0.5),
            self.quantile_us(0.99),
            self.quantile_us(0.999),
            self.hist.max() as f64 / 1000.0,
            self.ops_per_flush(),
            self.per_op(1),
            self.cpu_us_per_op(0),
            self.cpu_us_per_op(1),
            self.cpu_us_per_op(2),
        );
    }

    fn cpu_us_per_op(&self, class: usize) -> String {
        if self.ops == 0 {
            "n/a".into()
        } else {
            format!(
                "{:.2}",
                self.cpu_ns[class] as f64 / 1000.0 / self.ops as f64
            )
        }
    }

    /// How many operations one device flush covered: the size of a commit group, counted from the
    /// device's side (flushes by anything else on the machine count too, so this is a lower bound).
    fn ops_per_flush(&self) -> String {
        if self.disk.is_none() || self.disk_delta[0] == 0 {
            "n/a".into()
        } else {
            format!("{:.1}", self.ops as f64 / self.disk_delta[0] as f64)
        }
    }

    fn per_op(&self, counter: usize) -> String {
        if self.disk.is_none() || self.ops == 0 {
            "n/a".into()
        } else {
            format!("{:.3}", self.disk_delta[counter] as f64 / self.ops as f64)
        }
    }
}

struct Row {
    name: String,
    raw: bool,
    /// The raw append rate measured right after this configuration (bench mode only).
    adjacent: Option<f64>,
    stats: Stats,
}

#[derive(Default)]
struct Report {
    rows: Vec<Row>,
}

impl Report {
    fn print(&self) {
        let rows: Vec<&Row> = self.rows.iter().filter(|r| r.stats.ops > 0).collect();
        let append: Vec<f64> = rows
            .iter()
            .filter(|r| r.raw && r.name.starts_with("raw append"))
            .map(|r| r.stats.rate())
            .collect();
        let reference = if append.is_empty() {
            None
        } else {
            Some(append.iter().sum::<f64>() / append.len() as f64)
        };
        println!();
        println!(
            "summary (rates over every call, warm-up included; reference = mean raw append rate {})",
            reference.map_or("n/a".into(), |r| format!("{r:.0}/s"))
        );
        println!(
            "| configuration | ops/s | ÷ raw append (run mean) | adjacent raw append/s | ÷ adjacent | p50 µs | p99 µs | p99.9 µs | ops per disk flush | disk writes/op | CPU µs/op bench / shards / io-wq |"
        );
        println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        for row in rows {
            let s = &row.stats;
            let ratio = reference.map_or("n/a".into(), |r| format!("{:.2}", s.rate() / r));
            println!(
                "| {} | {:.0} | {} | {} | {} | {:.1} | {:.1} | {:.1} | {} | {} | {} / {} / {} |",
                row.name,
                s.rate(),
                ratio,
                row.adjacent.map_or("".into(), |a| format!("{a:.0}")),
                row.adjacent
                    .map_or("".into(), |a| format!("{:.1}", s.rate() / a)),
                s.quantile_us(0.5),
                s.quantile_us(0.99),
                s.quantile_us(0.999),
                s.ops_per_flush(),
                s.per_op(1),
                s.cpu_us_per_op(0),
                s.cpu_us_per_op(1),
                s.cpu_us_per_op(2),
            );
        }
    }
}

/// The block device's completed flushes and writes (`/sys/dev/block/MAJ:MIN/stat`, fields 16 and 5),
/// to count the physical I/Os behind the commits.
#[derive(Clone)]
struct DiskCounters {
    name: String,
    stat: PathBuf,
}

impl DiskCounters {
    fn for_path(path: &Path) -> Option<Self> {
        let dev = std::fs::metadata(path).ok()?.dev();
        let major = ((dev >> 8) & 0xfff) | ((dev >> 32) & !0xfff);
        let minor = (dev & 0xff) | ((dev >> 12) & !0xff);
        let name = format!("{major}:{minor}");
        let counters = DiskCounters {
            stat: PathBuf::from(format!("/sys/dev/block/{name}/stat")),
            name,
        };
        counters.read().map(|_| counters)
    }

    /// [flushes completed, writes completed].
    fn read(&self) -> Option<[u64; 2]> {
        let text = std::fs::read_to_string(&self.stat).ok()?;
        let fields: Vec<u64> = text
            .split_whitespace()
            .map(|f| f.parse().unwrap_or(0))
            .collect();
        Some([*fields.get(15)?, *fields.get(4)?])
    }
}

/// CPU nanoseconds the calling thread has run (`/proc/thread-self/schedstat`), 0 if unavailable.
fn own_cpu_ns() -> u64 {
    schedstat_ns(Path::new("/proc/thread-self/schedstat")).unwrap_or(0)
}

/// CPU nanoseconds so far of this process's shard threads (with their sync threads) and io_uring
/// worker threads. A worker that
/// exits between two readings takes its time with it, so the io-wq figure is a lower bound.
fn engine_cpu_ns() -> [u64; 2] {
    let mut sums = [0u64; 2];
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return sums;
    };
    for task in tasks.flatten() {
        let dir = task.path();
        let Ok(comm) = std::fs::read_to_string(dir.join("comm")) else {
            continue;
        };
        // A shard's sync thread counts with it: the fdatasync's kernel work moved there.
        let class = if comm.starts_with("aorta-shard") || comm.starts_with("aorta-sync") {
            0
        } else if comm.starts_with("iou-wrk") {
            1
        } else {
            continue;
        };
        sums[class] += schedstat_ns(&dir.join("schedstat")).unwrap_or(0);
    }
    sums
}

fn schedstat_ns(path: &Path) -> Option<u64> {
    std::fs::read_to_string(path)
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}
