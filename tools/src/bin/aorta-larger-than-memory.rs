//! Larger than memory: writes N resources of 1 KiB data (default 5,000,000, about 5 GiB) through
//! the engine with a 64 MiB memtable, so that nearly everything lives in sstables; prints progress
//! and the process's resident memory (`/proc/self/status`: VmRSS, and its parts RssAnon — heap,
//! memtables, history — and RssFile — mapped sstable pages, which the kernel may drop at will)
//! every few seconds, with their peaks; then reads every resource back and checks its data, closes,
//! reopens and times the open.
//!
//! ```sh
//! cargo build --release -p aorta-tools --bin aorta-larger-than-memory
//! target/release/aorta-larger-than-memory --resources 500000      # quick check
//! target/release/aorta-larger-than-memory                         # 5,000,000 (check `df -h`:
//!                                                                 # ~20 GiB free)
//! target/release/aorta-larger-than-memory --data-dir /path --memtable-mib 64 --writers 8 --batch 100
//! ```
//!
//! Writers are OS threads, each committing batches of `--batch` puts (blocking `Engine::commit`),
//! over `--shards` shards (default 1). The data directory (default: a new temporary directory
//! under cargo's target directory) is removed at the end unless `--keep` is given or
//! `--data-dir` named it.

/// mimalloc, as every Aorta binary (why: `docs/architecture.md`, dependencies).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use anyhow::{ensure, Context, Result};
use aorta_engine::{Batch, Command, Engine, EngineConfig, ResourceSpec};
use clap::Parser;

#[derive(Parser, Debug)]
#[command(about = "Writes more resources than memory holds, reads them back, reopens")]
struct Args {
    /// Resources to write (1 KiB of data each).
    #[arg(long, default_value_t = 5_000_000)]
    resources: u64,
    /// Data directory (default: a temporary directory under `$CARGO_TARGET_DIR/tmp`, or the
    /// target directory the tool was built with, removed at the end).
    #[arg(long)]
    data_dir: Option<PathBuf>,
    /// Memtable size in MiB (`EngineConfig::memtable_bytes_max`).
    #[arg(long, default_value_t = 64)]
    memtable_mib: u64,
    /// Writer threads.
    #[arg(long, default_value_t = 8)]
    writers: u64,
    /// Puts per batch.
    #[arg(long, default_value_t = 100)]
    batch: u64,
    /// Shards of the new data directory.
    #[arg(long, default_value_t = 1)]
    shards: u16,
    /// Seconds between progress lines.
    #[arg(long, default_value_t = 5)]
    every: u64,
    /// Keep a temporary data directory.
    #[arg(long)]
    keep: bool,
}

const DATA_BYTES: usize = 1024;
/// Namespaces the resources are spread over (so that several shards get work).
const NAMESPACES: u64 = 16;

fn namespace(i: u64) -> String {
    format!("/big/ns{}", i % NAMESPACES)
}

fn name(i: u64) -> String {
    format!("r-{i:010}")
}

fn data(i: u64) -> Vec<u8> {
    let mut data = vec![0u8; DATA_BYTES];
    let mut x = i.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    for chunk in data.chunks_mut(8) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        chunk.copy_from_slice(&x.to_le_bytes()[..chunk.len()]);
    }
    data
}

/// Resident memory in KiB: VmRSS, RssAnon, RssFile (and RssShmem, counted in VmRSS).
#[derive(Clone, Copy, Default, Debug)]
struct Rss {
    vm_rss: u64,
    anon: u64,
    file: u64,
}

impl Rss {
    fn read() -> Rss {
        let text = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        let field = |name: &str| {
            text.lines()
                .find(|l| l.starts_with(name))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
                .unwrap_or(0)
        };
        Rss {
            vm_rss: field("VmRSS:"),
            anon: field("RssAnon:"),
            file: field("RssFile:"),
        }
    }

    fn max(self, other: Rss) -> Rss {
        Rss {
            vm_rss: self.vm_rss.max(other.vm_rss),
            anon: self.anon.max(other.anon),
            file: self.file.max(other.file),
        }
    }
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

impl std::fmt::Display for Rss {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "VmRSS {:.0} MiB (RssAnon {:.0} MiB, RssFile {:.0} MiB)",
            mib(self.vm_rss),
            mib(self.anon),
            mib(self.file)
        )
    }
}

/// Samples the resident memory every 200 ms for the peaks, and prints a progress line every
/// `every` with `progress()`'s text.
struct Monitor {
    peak: Mutex<Rss>,
    stop: AtomicBool,
}

impl Monitor {
    fn new() -> Self {
        Monitor {
            peak: Mutex::new(Rss::read()),
            stop: AtomicBool::new(false),
        }
    }

    fn sample(&self) -> Rss {
        let now = Rss::read();
        let mut peak = self.peak.lock().unwrap();
        *peak = peak.max(now);
        now
    }

    fn peak(&self) -> Rss {
        *self.peak.lock().unwrap()
    }

    fn run(&self, every: Duration, progress: impl Fn() -> String) {
        let mut last = Instant::now();
        while !self.stop.load(Ordering::Relaxed) {
            std::thread::sleep(Duration::from_millis(200));
            let now = self.sample();
            if last.elapsed() >= every {
                last = Instant::now();
                println!("  {} | {now} | peak {}", progress(), self.peak());
            }
        }
    }
}

fn config(args: &Args, dir: &std::path::Path) -> EngineConfig {
    let mut config = EngineConfig::new(dir).with_shards(args.shards);
    config.memtable_bytes_max = args.memtable_mib * 1024 * 1024;
    config
}

fn du(dir: &std::path::Path) -> u64 {
    let mut total = 0;
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let Ok(meta) = entry.metadata() else { continue };
        total += if meta.is_dir() {
            du(&entry.path())
        } else {
            meta.len()
        };
    }
    total
}

fn main() -> Result<()> {
    let args = Args::parse();
    ensure!(
        args.writers > 0 && args.batch > 0,
        "writers and batch must be positive"
    );
    let temp = match &args.data_dir {
        Some(_) => None,
        None => {
            let base = std::env::var_os("CARGO_TARGET_DIR")
                .map(PathBuf::from)
                .or_else(|| option_env!("CARGO_TARGET_DIR").map(PathBuf::from))
                .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target"))
                .join("tmp");
            std::fs::create_dir_all(&base)?;
            Some(
                tempfile::Builder::new()
                    .prefix("aorta-larger-")
                    .tempdir_in(&base)
                    .context("creating a temporary data directory")?,
            )
        }
    };
    let dir = args
        .data_dir
        .clone()
        .unwrap_or_else(|| temp.as_ref().unwrap().path().to_path_buf());
    println!(
        "writing {} resources of {DATA_BYTES} bytes ({:.2} GiB of data) into {} with a {} MiB \
         memtable, {} shard(s), {} writer threads × batches of {}",
        args.resources,
        (args.resources * DATA_BYTES as u64) as f64 / (1u64 << 30) as f64,
        dir.display(),
        args.memtable_mib,
        args.shards,
        args.writers,
        args.batch
    );
    let monitor = Monitor::new();
    println!("  start: {}", Rss::read());

    // Write.
    let engine = Engine::open(config(&args, &dir)).context("opening the engine")?;
    let written = AtomicU64::new(0);
    let next = AtomicU64::new(0);
    let start = Instant::now();
    std::thread::scope(|scope| -> Result<()> {
        let monitor_thread = scope.spawn(|| {
            monitor.run(Duration::from_secs(args.every), || {
                let n = written.load(Ordering::Relaxed);
                let secs = start.elapsed().as_secs_f64();
                let stats = engine.table_stats(0).unwrap_or_default();
                format!(
                    "{secs:6.0} s: written {n} ({:.0}/s), tables {}, flushes {}, compactions {}, disk {:.2} GiB",
                    n as f64 / secs,
                    stats.tables,
                    stats.flushes,
                    stats.compactions,
                    du(&dir) as f64 / (1u64 << 30) as f64
                )
            })
        });
        let writers: Vec<_> = (0..args.writers)
            .map(|_| {
                scope.spawn(|| -> Result<()> {
                    loop {
                        let first = next.fetch_add(args.batch, Ordering::Relaxed);
                        if first >= args.resources {
                            return Ok(());
                        }
                        let last = (first + args.batch).min(args.resources);
                        // One namespace per batch, so that a batch stays on one shard.
                        let ns = namespace(first / args.batch);
                        let commands = (first..last)
                            .map(|i| {
                                Command::put(
                                    ResourceSpec::new(&ns, &name(i), "big.aorta/Item")
                                        .with_data(data(i)),
                                    None,
                                )
                            })
                            .collect();
                        engine.commit(Batch::new(commands))?;
                        written.fetch_add(last - first, Ordering::Relaxed);
                    }
                })
            })
            .collect();
        let mut result = Ok(());
        for writer in writers {
            let r = writer.join().expect("a writer panicked");
            if result.is_ok() {
                result = r;
            }
        }
        monitor.stop.store(true, Ordering::Relaxed);
        monitor_thread.join().expect("the monitor panicked");
        result
    })?;
    let write_time = start.elapsed();
    let after_write = monitor.sample();
    let stats: Vec<_> = (0..engine.shard_count())
        .map(|s| engine.table_stats(s))
        .collect::<aorta_engine::Result<_>>()?;
    println!(
        "wrote {} resources in {:.1} s: {:.0} resources/s, {:.1} MiB/s of data; peak while writing: {}; \
         now {after_write}",
        args.resources,
        write_time.as_secs_f64(),
        args.resources as f64 / write_time.as_secs_f64(),
        (args.resources * DATA_BYTES as u64) as f64 / (1u64 << 20) as f64 / write_time.as_secs_f64(),
        monitor.peak()
    );
    for (shard, s) in stats.iter().enumerate() {
        println!(
            "  shard {shard}: tables {}, flushes {}, compactions {}, write amplification {:.2}, \
             superseded dropped {}",
            s.tables,
            s.flushes,
            s.compactions,
            s.write_amplification(),
            s.superseded_dropped
        );
    }
    println!(
        "  data directory: {:.2} GiB",
        du(&dir) as f64 / (1u64 << 30) as f64
    );
    let write_peak = monitor.peak();

    // Read back.
    let monitor = Monitor::new();
    let checked = AtomicU64::new(0);
    let start = Instant::now();
    std::thread::scope(|scope| -> Result<()> {
        let monitor_thread = scope.spawn(|| {
            monitor.run(Duration::from_secs(args.every), || {
                let n = checked.load(Ordering::Relaxed);
                format!("{:6.0} s: read back {n}", start.elapsed().as_secs_f64())
            })
        });
        let result = (|| -> Result<()> {
            for i in 0..args.resources {
                let ns = namespace(i / args.batch);
                let found = engine
                    .get(&ns, &name(i))?
                    .with_context(|| format!("resource {i} is missing"))?;
                ensure!(found.data == data(i), "resource {i} has other data");
                checked.fetch_add(1, Ordering::Relaxed);
            }
            Ok(())
        })();
        monitor.stop.store(true, Ordering::Relaxed);
        monitor_thread.join().expect("the monitor panicked");
        result
    })?;
    let read_time = start.elapsed();
    println!(
        "read back and checked {} resources in {:.1} s ({:.0}/s); peak while reading: {}",
        args.resources,
        read_time.as_secs_f64(),
        args.resources as f64 / read_time.as_secs_f64(),
        monitor.peak()
    );
    let read_peak = monitor.peak();

    // Close, reopen.
    let start = Instant::now();
    engine.close();
    let close_time = start.elapsed();
    let start = Instant::now();
    let engine = Engine::open(config(&args, &dir)).context("reopening the engine")?;
    let open_time = start.elapsed();
    let last = args.resources - 1;
    let found = engine
        .get(&namespace(last / args.batch), &name(last))?
        .context("the last resource is missing after the reopen")?;
    ensure!(found.data == data(last), "the last resource changed");
    println!(
        "closed in {:.1} ms, reopened in {:.1} ms; after the reopen: {}",
        close_time.as_secs_f64() * 1e3,
        open_time.as_secs_f64() * 1e3,
        Rss::read()
    );
    engine.close();
    println!(
        "summary: resources {}, write {:.0}/s ({:.1} s), read back {:.0}/s ({:.1} s), reopen {:.1} ms; \
         peak RssAnon {:.0} MiB, RssFile {:.0} MiB, VmRSS {:.0} MiB (writing) / RssAnon {:.0}, \
         RssFile {:.0}, VmRSS {:.0} MiB (reading); VmHWM {}",
        args.resources,
        args.resources as f64 / write_time.as_secs_f64(),
        write_time.as_secs_f64(),
        args.resources as f64 / read_time.as_secs_f64(),
        read_time.as_secs_f64(),
        open_time.as_secs_f64() * 1e3,
        mib(write_peak.anon),
        mib(write_peak.file),
        mib(write_peak.vm_rss),
        mib(read_peak.anon),
        mib(read_peak.file),
        mib(read_peak.vm_rss),
        std::fs::read_to_string("/proc/self/status")
            .unwrap_or_default()
            .lines()
            .find(|l| l.starts_with("VmHWM:"))
            .map(|l| l.trim_start_matches("VmHWM:").trim().to_string())
            .unwrap_or_default()
    );
    if let Some(temp) = temp {
        if args.keep {
            println!("kept {}", temp.keep().display());
        }
    }
    Ok(())
}
