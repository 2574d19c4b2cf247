//! The floor under writer threads: what 1, 16 and 256 OS threads reach when a "commit" is nothing
//! but the hand-off every blocking commit needs — the writer leaves a ticket for a server thread,
//! sleeps, and is woken once the server has answered it — with no engine, no file, no device.
//!
//! `group_commit`'s *threads* cells pay this and the engine's work; what this bench reaches is the
//! most a blocking `commit` whose writer sleeps in the kernel until answered could reach on this
//! machine with this many threads (a writer that spun instead could do better while cores are
//! free; with 256 threads on 2 cores they are not), so it bounds the issue 11 aim for writer
//! threads (`docs/benchmarks.md`, "The floor under writer threads").
//!
//! Two ways of waking, as the engine has had both:
//! - *each*: a futex word per writer; the server wakes each answered writer with its own
//!   `FUTEX_WAKE` (the engine before its bell);
//! - *bell*: one futex word for all, each writer sleeping on its bit (`FUTEX_WAIT_BITSET`); the
//!   server answers a whole group, then wakes every answered bit with one `FUTEX_WAKE_BITSET` (the
//!   engine's shard bell: `engine/src/sync/bell.rs`).
//!
//! The server serves every ticket queued when it looks, in one group, like a shard's flush.

#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Barrier, Mutex};
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, Throughput};

const WRITERS: [usize; 3] = [1, 16, 256];
/// Criterion's samples per configuration; the summary takes the last this many calls (the
/// measured samples, not the warm-up's short calls).
const SAMPLE_SIZE: usize = 10;
/// Bits of the bell's word: writer `i` sleeps on bit `i % BELL_BITS`.
const BELL_BITS: usize = 32;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Waking {
    Each,
    Bell,
}

impl Waking {
    fn name(self) -> &'static str {
        match self {
            Waking::Each => "each",
            Waking::Bell => "bell",
        }
    }
}

fn futex_wait(word: &AtomicU32, expected: u32, bits: u32) {
    // SAFETY: `word` is a live, aligned u32 for the whole call; a null timeout waits until woken
    // (or the word differs), which the callers re-check in a loop.
    unsafe {
        libc::syscall(
            libc::SYS_futex,
            word.as_ptr(),
            libc::FUTEX_WAIT_BITSET | libc::FUTEX_PRIVATE_FLAG,
            expected,
            std::ptr::null::<libc::timespec>(),
            std::ptr::null::<u32>(),
            bits,
        );
    }
}

fn futex_wake(word: &AtomicU32, bits: u32) {
    // SAFETY: `word` is a live, aligned u32; waking touches no memory of ours.
    unsafe {
        libc::syscall(
            libc::SYS_futex,
            word.as_ptr(),
            libc::FUTEX_WAKE_BITSET | libc::FUTEX_PRIVATE_FLAG,
            i32::MAX,
            std::ptr::null::<libc::timespec>(),
            std::ptr::null::<u32>(),
            bits,
        );
    }
}

/// The shared state of one run.
struct Handoff {
    waking: Waking,
    /// Tickets (writer indexes) the server has not taken yet.
    queue: Mutex<Vec<usize>>,
    /// Moves on at every ticket left; the server sleeps on it while `server_asleep`.
    arrivals: AtomicU32,
    server_asleep: AtomicBool,
    /// Per writer: 1 once its ticket is answered.
    answered: Vec<AtomicU32>,
    /// The bell's word (`Waking::Bell`): moves on at every group answered.
    bell: AtomicU32,
    stop: AtomicBool,
    groups: AtomicU64,
}

impl Handoff {
    fn new(waking: Waking, writers: usize) -> Handoff {
        Handoff {
            waking,
            queue: Mutex::new(Vec::with_capacity(writers)),
            arrivals: AtomicU32::new(0),
            server_asleep: AtomicBool::new(false),
            answered: (0..writers).map(|_| AtomicU32::new(0)).collect(),
            bell: AtomicU32::new(0),
            stop: AtomicBool::new(false),
            groups: AtomicU64::new(0),
        }
    }

    /// One blocking "commit" of writer `index`.
    fn commit(&self, index: usize) {
        self.answered[index].store(0, Ordering::Relaxed);
        self.queue.lock().unwrap().push(index);
        self.arrivals.fetch_add(1, Ordering::SeqCst);
        if self.server_asleep.load(Ordering::SeqCst) {
            futex_wake(&self.arrivals, u32::MAX);
        }
        let bit = 1u32 << (index % BELL_BITS);
        loop {
            match self.waking {
                Waking::Each => {
                    if self.answered[index].load(Ordering::Acquire) == 1 {
                        return;
                    }
                    futex_wait(&self.answered[index], 0, u32::MAX);
                }
                Waking::Bell => {
                    let rung = self.bell.load(Ordering::Acquire);
                    if self.answered[index].load(Ordering::Acquire) == 1 {
                        return;
                    }
                    futex_wait(&self.bell, rung, bit);
                }
            }
        }
    }

    /// The server: answers every queued ticket at once, group after group, until `stop`.
    fn serve(&self) {
        let mut group = Vec::new();
        while !self.stop.load(Ordering::Relaxed) {
            let seen = self.arrivals.load(Ordering::SeqCst);
            std::mem::swap(&mut group, &mut *self.queue.lock().unwrap());
            if group.is_empty() {
                self.server_asleep.store(true, Ordering::SeqCst);
                if self.queue.lock().unwrap().is_empty() && !self.stop.load(Ordering::Relaxed) {
                    futex_wait(&self.arrivals, seen, u32::MAX);
                }
                self.server_asleep.store(false, Ordering::SeqCst);
                continue;
            }
            self.groups.fetch_add(1, Ordering::Relaxed);
            let mut bits = 0u32;
            for &index in &group {
                self.answered[index].store(1, Ordering::Release);
                match self.waking {
                    Waking::Each => futex_wake(&self.answered[index], u32::MAX),
                    Waking::Bell => bits |= 1 << (index % BELL_BITS),
                }
            }
            if self.waking == Waking::Bell {
                self.bell.fetch_add(1, Ordering::Release);
                futex_wake(&self.bell, bits);
            }
            group.clear();
        }
    }
}

/// Runs `commits` hand-offs spread over `writers` threads; the time from the start barrier to the
/// last writer's end, and the commits per group.
fn run(waking: Waking, writers: usize, commits: u64) -> (Duration, f64) {
    let handoff = Arc::new(Handoff::new(waking, writers));
    let server = {
        let handoff = handoff.clone();
        std::thread::spawn(move || handoff.serve())
    };
    let start = Arc::new(Barrier::new(writers + 1));
    let per_writer = commits.div_ceil(writers as u64);
    let threads: Vec<_> = (0..writers)
        .map(|index| {
            let handoff = handoff.clone();
            let start = start.clone();
            std::thread::spawn(move || {
                start.wait();
                for _ in 0..per_writer {
                    handoff.commit(index);
                }
            })
        })
        .collect();
    start.wait();
    let began = Instant::now();
    for thread in threads {
        thread.join().expect("a writer panicked");
    }
    let elapsed = began.elapsed();
    handoff.stop.store(true, Ordering::SeqCst);
    handoff.arrivals.fetch_add(1, Ordering::SeqCst);
    futex_wake(&handoff.arrivals, u32::MAX);
    server.join().expect("the server panicked");
    let total = per_writer * writers as u64;
    let groups = handoff.groups.load(Ordering::Relaxed).max(1);
    // Criterion divides by the iterations it asked for; the writers ran `total` >= `commits`.
    let scaled = elapsed.mul_f64(commits as f64 / total as f64);
    (scaled, total as f64 / groups as f64)
}

fn main() {
    let mut criterion = Criterion::default()
        .sample_size(SAMPLE_SIZE)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
        .configure_from_args();
    let mut summary = Vec::new();
    let mut group = criterion.benchmark_group("handoff_floor");
    group.throughput(Throughput::Elements(1));
    for waking in [Waking::Each, Waking::Bell] {
        for writers in WRITERS {
            let id = BenchmarkId::new(waking.name(), format!("writers={writers}"));
            let mut per_group = Vec::new();
            let mut rates = Vec::new();
            group.bench_function(id, |bencher| {
                bencher.iter_custom(|commits| {
                    let (elapsed, commits_per_group) = run(waking, writers, commits);
                    per_group.push(commits_per_group);
                    rates.push(commits as f64 / elapsed.as_secs_f64());
                    elapsed
                })
            });
            // The warm-up's calls come first: keep the measured samples only.
            let warm_up = rates.len().saturating_sub(SAMPLE_SIZE);
            rates.drain(..warm_up);
            per_group.drain(..warm_up);
            if !rates.is_empty() {
                rates.sort_by(f64::total_cmp);
                per_group.sort_by(f64::total_cmp);
                summary.push((
                    waking,
                    writers,
                    rates[rates.len() / 2],
                    per_group[per_group.len() / 2],
                ));
            }
        }
    }
    group.finish();
    println!();
    println!("| waking | writers | hand-offs/s (median sample) | commits per group |");
    println!("|---|---|---|---|");
    for (waking, writers, rate, per_group) in summary {
        println!(
            "| {} | {writers} | {rate:.0} | {per_group:.1} |",
            waking.name()
        );
    }
    criterion.final_summary();
}
