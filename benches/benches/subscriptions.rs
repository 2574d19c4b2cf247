//! Subscriptions: the cost of matching one committed change against 10, 1,000 and 100,000
//! subscription patterns through `SubscriptionIndex`, in changes dispatched per second (each change
//! looked up, its candidates judged, each match handed to a callback).
//!
//! The patterns are what a fleet's watchers look like: pattern `i` watches the subtree of tenant
//! `i % 1,000` with the selector `app=a<(i / 1,000) % 100>` (so 100,000 patterns are 1,000 tenants
//! × 100 apps), plus, whatever the count, 2 patterns without selector (an auditor of `/tenants`
//! and one of a tenant). The changes are updates of resources of random tenants and apps, a tenth
//! of them changing the app tag (an `entered` for one pattern, a `left` for another). The figure
//! should stay flat as patterns grow: a change's candidates are the patterns of its namespace's
//! ancestors filed under its tags.
//!
//! A second group, `subscription_matching_same_matches`, holds what each change matches constant
//! while the patterns grow: its changes are updates, without tag change, of resources of tenants
//! 0–9 with `app=a0` — each matches its tenant's `app=a0` pattern and the auditor(s), at every
//! count — so the 990 or 99,990 other patterns (other tenants, and other apps of the same
//! tenants, filed in the same buckets) are all that grows. Without `--bench` (under `cargo test
//! --benches`) each runs once on fewer changes; either way the figures are printed, never
//! asserted.

#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use aorta_engine::history::HistoryChange;
use aorta_engine::query::TagSelector;
use aorta_engine::state::Action;
use aorta_engine::subscription::{Pattern, SubscriptionIndex};
use aorta_engine::{Resource, ResourceId};
use criterion::{Criterion, Throughput};

const TENANTS: usize = 1_000;
const APPS: usize = 100;
const CHANGES: usize = 100_000;
const SMOKE_CHANGES: usize = 5_000;
const COUNTS: [usize; 3] = [10, 1_000, 100_000];

fn main() {
    let mut criterion = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
        .configure_from_args();
    let count = if bench_mode() { CHANGES } else { SMOKE_CHANGES };
    for (name, changes) in [
        ("subscription_matching", changes(count, TENANTS, true)),
        (
            "subscription_matching_same_matches",
            changes(count, 10, false),
        ),
    ] {
        let mut group = criterion.benchmark_group(name);
        group.throughput(Throughput::Elements(changes.len() as u64));
        for count in COUNTS {
            let mut index = index_of(count);
            let started = Instant::now();
            let matched = dispatch(&mut index, &changes);
            let per_second = changes.len() as f64 / started.elapsed().as_secs_f64();
            println!(
                "{name}, subscriptions {count:>7}: {per_second:>12.0} changes/s dispatched once \
                 ({matched} events)"
            );
            group.bench_function(format!("{count}_subscriptions"), |b| {
                b.iter(|| black_box(dispatch(&mut index, &changes)))
            });
        }
        group.finish();
    }
    criterion.final_summary();
}

fn bench_mode() -> bool {
    std::env::args().any(|a| a == "--bench")
}

fn dispatch(index: &mut SubscriptionIndex, changes: &[HistoryChange]) -> usize {
    let mut matched = 0;
    for change in changes {
        index.matches(change, &mut |id, action| {
            black_box((id, action));
            matched += 1;
        });
    }
    matched
}

fn index_of(count: usize) -> SubscriptionIndex {
    let mut index = SubscriptionIndex::new();
    index.insert(Pattern::subtree("/tenants")).unwrap();
    index.insert(Pattern::subtree("/tenants/t0")).unwrap();
    for i in 0..count {
        let selector = TagSelector::parse(&format!("app=a{}", (i / TENANTS) % APPS)).unwrap();
        let pattern =
            Pattern::subtree(format!("/tenants/t{}", i % TENANTS)).with_selector(selector);
        index.insert(pattern).unwrap();
    }
    index
}

/// A deterministic generator: the figures compare runs, so the workload must not vary.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

fn resource(tenant: usize, app: usize) -> Arc<Resource> {
    Arc::new(Resource {
        api_version: "v1".into(),
        id: ResourceId::new(1, 0, 1, 0),
        namespace: format!("/tenants/t{tenant}/services"),
        name: "task-1".into(),
        kind: "task".into(),
        created_ms: 1_000,
        owner: "bench".into(),
        tags: [
            ("app".to_string(), format!("a{app}")),
            ("env".to_string(), "prod".to_string()),
        ]
        .into_iter()
        .collect(),
        cost: 1,
        data: vec![0; 64],
        revision: 1,
    })
}

/// Updates of resources of `tenants` random tenants: of random apps, a tenth changing it, when
/// `vary_apps`; else all of app `a0`, unchanged.
fn changes(count: usize, tenants: usize, vary_apps: bool) -> Vec<HistoryChange> {
    let mut rng = Lcg(42);
    (0..count)
        .map(|i| {
            let tenant = rng.below(tenants);
            let app = if vary_apps { rng.below(APPS) } else { 0 };
            let new_app = if vary_apps && rng.below(10) == 0 {
                rng.below(APPS)
            } else {
                app
            };
            HistoryChange {
                position: i as u64 + 1,
                commit_time_ms: 1_000,
                action: Action::Updated,
                old: Some(resource(tenant, app)),
                new: Some(resource(tenant, new_app)),
            }
        })
        .collect()
}
