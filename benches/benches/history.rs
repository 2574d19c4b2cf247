//! History: streaming 1,000,000 changes from an old position (the oldest kept), by pages and by the
//! borrowing iterator, in changes/s; the cost of `History::record` per change at steady state
//! (a full history evicting as it records); and, printed, the slowest single `record` while a
//! history grows from empty to 1,000,000 changes (what a shard pays under the history's lock when
//! its history grows: at start, or while flushes lag).
//!
//! Each change is an update of a resource with 256 bytes of data: it holds the old and the new
//! resource, each cloned by `record` into its own allocation, as the shard will record them. One
//! change per batch (one position each), as 256 writers of one put each make them: the worst case
//! for the per-batch work of a page. Pages ask for `HISTORY_PAGE_CHANGES_MAX` changes and
//! `HISTORY_PAGE_BYTES_MAX` bytes. Without `--bench` (under `cargo test --benches`) everything runs
//! once on 10,000 changes.

#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;
use std::time::{Duration, Instant};

use aorta_engine::history::{History, HistoryLimits};
use aorta_engine::limits::{
    HISTORY_AGE_MS_MAX, HISTORY_BYTES_MAX, HISTORY_PAGE_BYTES_MAX, HISTORY_PAGE_CHANGES_MAX,
};
use aorta_engine::state::{Action, AppliedChange};
use aorta_engine::{Resource, ResourceId};
use criterion::{Criterion, Throughput};

const DATA_BYTES: usize = 256;
const STREAM_CHANGES: usize = 1_000_000;
const SMOKE_CHANGES: usize = 10_000;

fn main() {
    let mut criterion = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
        .configure_from_args();
    let changes = if bench_mode() {
        STREAM_CHANGES
    } else {
        SMOKE_CHANGES
    };
    report_growth(changes);
    bench_stream(&mut criterion, changes);
    bench_record(&mut criterion, changes);
    criterion.final_summary();
}

/// Criterion runs benchmarks only with `--bench` (as `cargo bench` passes); without it (as under
/// `cargo test`) it runs each once as a test, on fewer changes.
fn bench_mode() -> bool {
    std::env::args().any(|a| a == "--bench")
}

fn resource(revision: u64) -> Resource {
    Resource {
        api_version: "v1".into(),
        id: ResourceId::new(1, 0, 1, 0),
        namespace: "/apps/web".into(),
        name: "task-1".into(),
        kind: "task".into(),
        created_ms: 1_000,
        owner: "alice".into(),
        tags: Default::default(),
        cost: 0,
        data: vec![0x5a; DATA_BYTES],
        revision,
    }
}

/// Records one update at `position` (old and new cloned by `record`).
fn record(history: &mut History, old: &Resource, new: &Resource, position: u64) {
    let change = AppliedChange {
        position,
        action: Action::Updated,
        old: Some(old),
        new: Some(new),
    };
    history.record(change, position);
}

/// An empty history that holds up to `changes` changes and evicts nothing by bytes or age.
fn empty_history(changes: usize) -> History {
    History::new(HistoryLimits {
        changes_max: changes,
        bytes_max: HISTORY_BYTES_MAX,
        age_max_ms: HISTORY_AGE_MS_MAX,
    })
    .unwrap()
}

fn full_history(changes: usize) -> History {
    let mut history = empty_history(changes);
    let (old, new) = (resource(1), resource(2));
    for position in 1..=changes as u64 {
        record(&mut history, &old, &new, position);
    }
    assert_eq!(history.len(), changes);
    history
}

/// Records `changes` updates into an empty history that evicts nothing, timing each `record`, and
/// prints the slowest, how many took over 1 ms, and the total.
fn report_growth(changes: usize) {
    let mut history = empty_history(changes);
    let (old, new) = (resource(1), resource(2));
    let mut slowest = Duration::ZERO;
    let mut over_1ms = 0usize;
    let started = Instant::now();
    for position in 1..=changes as u64 {
        let start = Instant::now();
        record(&mut history, &old, &new, position);
        let took = start.elapsed();
        slowest = slowest.max(took);
        over_1ms += usize::from(took > Duration::from_millis(1));
    }
    let total = started.elapsed();
    assert_eq!(history.len(), changes);
    println!(
        "history/growth/{changes}: slowest record {} µs, records over 1 ms: {over_1ms}, total {} ms",
        slowest.as_micros(),
        total.as_millis()
    );
}

fn bench_stream(criterion: &mut Criterion, changes: usize) {
    let history = full_history(changes);
    println!(
        "history of {} changes, {} estimated bytes ({} per change)",
        history.len(),
        history.bytes(),
        history.bytes() / history.len() as u64
    );
    let from = history.oldest_available();
    let mut group = criterion.benchmark_group("history");
    group.throughput(Throughput::Elements(changes as u64));
    group.bench_function(format!("stream_pages/{changes}"), |b| {
        b.iter(|| {
            let (mut next, mut seen, mut data) = (from, 0usize, 0usize);
            loop {
                let page = history
                    .read_from(next, HISTORY_PAGE_CHANGES_MAX, HISTORY_PAGE_BYTES_MAX)
                    .unwrap();
                if page.changes.is_empty() {
                    break;
                }
                seen += page.changes.len();
                data += page
                    .changes
                    .iter()
                    .map(|c| c.new.as_ref().unwrap().data.len())
                    .sum::<usize>();
                next = page.next_position;
            }
            assert_eq!(seen, changes);
            black_box(data)
        })
    });
    group.bench_function(format!("stream_iter/{changes}"), |b| {
        b.iter(|| {
            let data: usize = history
                .iter_from(from)
                .unwrap()
                .map(|c| c.new.as_ref().unwrap().data.len())
                .sum();
            black_box(data)
        })
    });
    group.finish();
}

fn bench_record(criterion: &mut Criterion, changes: usize) {
    let mut history = full_history(changes);
    let (old, new) = (resource(1), resource(2));
    let mut position = history.current();
    let mut group = criterion.benchmark_group("history");
    group.throughput(Throughput::Elements(1));
    group.bench_function(format!("record_evicting/{changes}"), |b| {
        b.iter(|| {
            position += 1;
            record(&mut history, &old, &new, position);
        })
    });
    group.finish();
    assert_eq!(history.len(), changes);
}
