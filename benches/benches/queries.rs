//! Queries through the real engine (2 shards, real files, default memtables and background
//! flushes): listing a namespace of 1,000 resources as one page of 1,000, and a tag select
//! (`env=prod`, 1% of the resources) within a subtree of 1,000,000 resources spread over 1,000
//! namespaces (so over both shards), walked to its last page by pages of 1,000.
//!
//! The data is built once, in batches of 1,000 puts (one namespace each) with several batches in
//! flight; the build rate is printed. Each resource has 64 bytes of data and the tags `env` and
//! `app`. Criterion reports resources/s (one iteration = the whole listing). Without `--bench` (as
//! under `cargo test --benches`) everything runs once on 10,000 resources.
//!
//! Files go under `$AORTA_BENCH_DIR` if set, else under cargo's target `tmp` directory.

#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::collections::VecDeque;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use aorta_engine::error::Error;
use aorta_engine::limits::PAGE_SIZE_MAX;
use aorta_engine::query::{Query, Scope, TagSelector};
use aorta_engine::sync::Pending;
use aorta_engine::{Batch, Command, CommitReceipt, Engine, EngineConfig, ResourceSpec};
use criterion::{Criterion, Throughput};

const SHARDS: u16 = 2;
const DATA_BYTES: usize = 64;
const LIST_RESOURCES: usize = 1_000;
const SUBTREE_RESOURCES: usize = 1_000_000;
const SMOKE_SUBTREE_RESOURCES: usize = 10_000;
const RESOURCES_PER_NAMESPACE: usize = 1_000;
/// One resource in this many is `env=prod`.
const PROD_EVERY: usize = 100;
/// Batches submitted and not yet acknowledged while building.
const BATCHES_IN_FLIGHT: usize = 8;

fn main() {
    let mut criterion = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
        .configure_from_args();
    let subtree_resources = if bench_mode() {
        SUBTREE_RESOURCES
    } else {
        SMOKE_SUBTREE_RESOURCES
    };
    let base = bench_dir();
    let dir = tempfile::Builder::new()
        .prefix("aorta-bench-queries-")
        .tempdir_in(&base)
        .expect("creating a temporary directory");
    let engine = Engine::open(EngineConfig::new(dir.path()).with_shards(SHARDS)).unwrap();
    build(&engine, subtree_resources);
    bench_list(&mut criterion, &engine);
    bench_tag_select(&mut criterion, &engine, subtree_resources);
    criterion.final_summary();
    engine.close();
}

/// Criterion runs benchmarks only with `--bench` (as `cargo bench` passes); without it (as under
/// `cargo test`) it runs each once as a test, on fewer resources.
fn bench_mode() -> bool {
    std::env::args().any(|a| a == "--bench")
}

fn bench_dir() -> PathBuf {
    let base = std::env::var_os("AORTA_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_TARGET_TMPDIR")));
    std::fs::create_dir_all(&base).expect("creating the benchmark directory");
    base
}

fn batch(namespace: &str, first: usize) -> Batch {
    let commands = (first..first + RESOURCES_PER_NAMESPACE)
        .map(|i| {
            let env = if i % PROD_EVERY == 0 { "prod" } else { "dev" };
            let spec = ResourceSpec::new(namespace, &format!("r{i:07}"), "task")
                .with_tag("env", env)
                .with_tag("app", &format!("app{}", i % 10))
                .with_data(vec![0x5a; DATA_BYTES]);
            Command::put(spec, None)
        })
        .collect();
    Batch::new(commands)
}

/// `/list` with `LIST_RESOURCES`, and `/big/nNNNN` with `RESOURCES_PER_NAMESPACE` each.
fn build(engine: &Engine, subtree_resources: usize) {
    const _: () = assert!(LIST_RESOURCES == RESOURCES_PER_NAMESPACE);
    let started = Instant::now();
    let mut in_flight: VecDeque<Pending<Result<CommitReceipt, Error>>> = VecDeque::new();
    let mut batches = vec![batch("/list", 0)];
    for n in 0..subtree_resources / RESOURCES_PER_NAMESPACE {
        batches.push(batch(&format!("/big/n{n:04}"), n * RESOURCES_PER_NAMESPACE));
    }
    for batch in batches {
        if in_flight.len() == BATCHES_IN_FLIGHT {
            in_flight.pop_front().unwrap().wait().unwrap().unwrap();
        }
        let pending = loop {
            match engine.submit(batch.clone()) {
                Ok(pending) => break pending,
                Err(Error::Overloaded { .. }) => {
                    let oldest = in_flight.pop_front().expect("a full queue holds ours");
                    oldest.wait().unwrap().unwrap();
                }
                Err(error) => panic!("building the data: {error}"),
            }
        };
        in_flight.push_back(pending);
    }
    for pending in in_flight {
        pending.wait().unwrap().unwrap();
    }
    let elapsed = started.elapsed();
    let total = LIST_RESOURCES + subtree_resources;
    println!(
        "built {total} resources in {:.1} s ({:.0} resources/s)",
        elapsed.as_secs_f64(),
        total as f64 / elapsed.as_secs_f64()
    );
}

/// Every page of `query`; returns the resources listed.
fn walk(engine: &Engine, query: &Query) -> usize {
    let mut page = engine.query(query, None).unwrap();
    let mut listed = page.items.len();
    while let Some(token) = page.next {
        page = engine.query(query, Some(&token.encode())).unwrap();
        listed += page.items.len();
        black_box(&page.items);
    }
    listed
}

fn bench_list(criterion: &mut Criterion, engine: &Engine) {
    let query = Query {
        namespace: "/list".into(),
        scope: Scope::Children,
        kind: None,
        selector: None,
        page_size: PAGE_SIZE_MAX,
    };
    let page = engine.query(&query, None).unwrap();
    assert_eq!(page.items.len(), LIST_RESOURCES);
    assert!(page.next.is_none(), "one page holds the whole namespace");
    let mut group = criterion.benchmark_group("query");
    group.throughput(Throughput::Elements(LIST_RESOURCES as u64));
    group.bench_function("list_1000_children_one_page", |b| {
        b.iter(|| black_box(engine.query(&query, None).unwrap()))
    });
    group.finish();
}

fn bench_tag_select(criterion: &mut Criterion, engine: &Engine, subtree_resources: usize) {
    let query = Query {
        namespace: "/big".into(),
        scope: Scope::Subtree,
        kind: None,
        selector: Some(TagSelector::parse("env=prod").unwrap()),
        page_size: PAGE_SIZE_MAX,
    };
    let matches = subtree_resources / PROD_EVERY;
    assert_eq!(walk(engine, &query), matches);
    let mut group = criterion.benchmark_group("query");
    group.throughput(Throughput::Elements(matches as u64));
    group.bench_function(
        format!("tag_select_env_prod_1pct_subtree_of_{subtree_resources}"),
        |b| b.iter(|| black_box(walk(engine, &query))),
    );
    group.finish();
}
