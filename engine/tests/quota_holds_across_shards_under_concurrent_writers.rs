//! A budget whose subtree spreads over every shard holds under concurrent writers on every shard:
//! writers race batches (creates, cost changes, deletes) into namespaces of every shard, and at no
//! point can the committed cost of the subtree exceed the budget. Afterwards no allowance is lost
//! (the subtree fills to exactly its budget), and after a restart the usage is counted again.

mod filters_common;

use std::collections::BTreeMap;
use std::sync::Barrier;

use aorta_engine::{Batch, Command, Engine, Error, Rejection};
use filters_common::*;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const SHARDS: u16 = 4;
const BUDGET: u64 = 1_000;
const ATTEMPTS: usize = 300;

/// Two namespaces under `/tenants/a` on each shard, and one for the final fill.
fn namespaces(engine: &Engine) -> Vec<String> {
    let mut per_shard: BTreeMap<u16, Vec<String>> = BTreeMap::new();
    for i in 0..1000 {
        let ns = format!("/tenants/a/n{i}");
        let list = per_shard.entry(engine.shard_for(&ns)).or_default();
        if list.len() < 2 {
            list.push(ns);
        }
    }
    assert_eq!(per_shard.len(), SHARDS as usize);
    per_shard.into_values().flatten().collect()
}

/// One writer: random batches into its namespace; returns what it committed (name → cost) and
/// how many batches the quota refused.
fn writer(engine: &Engine, ns: &str, seed: u64, start: &Barrier) -> (BTreeMap<String, u64>, usize) {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut mine: BTreeMap<String, u64> = BTreeMap::new();
    let mut refused = 0;
    start.wait();
    for attempt in 0..ATTEMPTS {
        let mut next = mine.clone();
        let mut commands = Vec::new();
        for k in 0..rng.gen_range(1..=3) {
            let existing: Vec<String> = next.keys().cloned().collect();
            if !existing.is_empty() && rng.gen_bool(0.25) {
                let name = existing[rng.gen_range(0..existing.len())].clone();
                if commands.iter().any(|c: &Command| c.name() == name) {
                    continue;
                }
                if rng.gen_bool(0.5) {
                    next.remove(&name);
                    commands.push(Command::delete(ns, &name, None));
                } else {
                    let cost = rng.gen_range(0..=30);
                    next.insert(name.clone(), cost);
                    commands.push(put_cost(ns, &name, cost));
                }
            } else {
                let name = format!("r{attempt}-{k}");
                let cost = rng.gen_range(1..=30);
                next.insert(name.clone(), cost);
                commands.push(put_cost(ns, &name, cost));
            }
        }
        if commands.is_empty() {
            continue;
        }
        match engine.commit(Batch::new(commands)) {
            Ok(_) => mine = next,
            Err(Error::Rejected {
                filter: "quota",
                reason,
                ..
            }) => {
                let Rejection::OverBudget {
                    used, limit, asked, ..
                } = *reason
                else {
                    panic!("{reason:?}");
                };
                assert_eq!(limit, BUDGET);
                assert!(used + asked > u128::from(BUDGET), "{used} + {asked} fits");
                refused += 1;
            }
            Err(other) => panic!("{other}"),
        }
    }
    (mine, refused)
}

fn stored_cost(engine: &Engine, ns: &str, names: &BTreeMap<String, u64>) -> u64 {
    names
        .iter()
        .map(|(name, cost)| {
            let stored = engine.get(ns, name).unwrap().expect("committed");
            assert_eq!(stored.cost, *cost);
            stored.cost
        })
        .sum()
}

#[test]
fn quota_holds_across_shards_under_concurrent_writers() {
    let dir = tempfile::tempdir().unwrap();
    let engine = open(dir.path(), SHARDS);
    engine
        .commit(Batch::single(budget("tenant-a", "/tenants/a", BUDGET)))
        .unwrap();
    let namespaces = namespaces(&engine);
    let start = Barrier::new(namespaces.len() + 1);

    // A watcher samples the subtree's committed cost while the writers run: it must never be
    // over the budget, at any moment.
    let results = std::thread::scope(|scope| {
        let writers: Vec<_> = namespaces
            .iter()
            .enumerate()
            .map(|(i, ns)| {
                let (engine, start) = (&engine, &start);
                scope.spawn(move || writer(engine, ns, 7 + i as u64, start))
            })
            .collect();
        start.wait();
        let mut samples = 0;
        while !writers.iter().all(|w| w.is_finished()) {
            let (_, _, used) = engine.filter_board().budget_usage()[0];
            assert!(used <= i128::from(BUDGET), "usage {used} over the budget");
            samples += 1;
            std::thread::sleep(std::time::Duration::from_micros(200));
        }
        assert!(samples > 0);
        writers
            .into_iter()
            .map(|w| w.join().unwrap())
            .collect::<Vec<_>>()
    });

    let mut total = 0;
    let mut refused = 0;
    for (ns, (mine, r)) in namespaces.iter().zip(&results) {
        total += stored_cost(&engine, ns, mine);
        refused += r;
    }
    assert!(
        total <= BUDGET,
        "committed {total} over the budget {BUDGET}"
    );
    assert!(refused > 0, "the writers never reached the budget");
    assert_eq!(
        engine.filter_board().budget_usage()[0].2,
        i128::from(total),
        "the ledger's usage is the committed cost"
    );

    // Nothing is lost to allowances other shards hold: the subtree fills to exactly its budget,
    // one unit at a time on a shard the writers shared with others.
    let fill_ns = &namespaces[0];
    let mut filled = 0;
    loop {
        match engine.commit(Batch::single(put_cost(
            fill_ns,
            &format!("fill{filled}"),
            1,
        ))) {
            Ok(_) => filled += 1,
            Err(error) => {
                let (_, _, reason) = rejection::<()>(Err(error));
                assert_eq!(
                    reason,
                    Rejection::OverBudget {
                        budget: "/system/policy/tenant-a".into(),
                        namespace: "/tenants/a".into(),
                        used: u128::from(BUDGET),
                        limit: BUDGET,
                        asked: 1,
                    }
                );
                break;
            }
        }
        assert!(filled <= BUDGET, "the fill went past the budget");
    }
    assert_eq!(total + filled, BUDGET);

    // After a restart every shard counts its usage again from its state.
    engine.close();
    let engine = open(dir.path(), SHARDS);
    for ns in &namespaces {
        rejection(engine.commit(Batch::single(put_cost(ns, "after-restart", 1))));
    }
    // Free one unit: a fill resource, or (when the writers had used the whole budget and nothing
    // was filled) any resource of the subtree with a cost.
    let freed = engine
        .query(
            &aorta_engine::query::Query {
                namespace: "/tenants/a".into(),
                scope: aorta_engine::query::Scope::Subtree,
                kind: None,
                selector: None,
                page_size: aorta_engine::limits::PAGE_SIZE_MAX,
            },
            None,
        )
        .unwrap()
        .items
        .into_iter()
        .find(|r| r.cost >= 1)
        .expect("a full subtree holds a resource with a cost");
    engine
        .commit(Batch::single(Command::delete(
            &freed.namespace,
            &freed.name,
            None,
        )))
        .unwrap();
    engine
        .commit(Batch::single(put_cost(
            namespaces.last().unwrap(),
            "after-restart",
            1,
        )))
        .unwrap();
}
