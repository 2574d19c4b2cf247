//! A prefix whose namespaces live on several shards gets one stream: each shard's changes in its
//! commit order, the shards merged; the resume token is the vector of positions delivered so far,
//! and a subscription resumed from it (after a restart too) delivers exactly the rest. A pattern of
//! one namespace's children reads only its shard. Real engine, 4 shards.

mod subscription_common;

use std::collections::{BTreeMap, BTreeSet};

use aorta_engine::query::Scope;
use aorta_engine::subscription::{Event, Pattern, Start};
use aorta_engine::{Batch, Command, Engine, EngineConfig, ResourceSpec};
use subscription_common::{assert_nothing_more, take};

const SHARDS: u16 = 4;

fn key(event: &Event) -> (u16, u64, String) {
    let r = event.new.as_ref().or(event.old.as_ref()).unwrap();
    (event.shard, event.position, r.key())
}

#[test]
fn one_stream_over_every_shard_resumes_from_its_token() {
    let dir = tempfile::tempdir().unwrap();
    let config = EngineConfig::new(dir.path()).with_shards(SHARDS);
    let mut engine = Engine::open(config.clone()).unwrap();
    let namespaces: Vec<String> = (0..12).map(|i| format!("/fleet/n{i}")).collect();
    let shards: BTreeSet<u16> = namespaces.iter().map(|n| engine.shard_for(n)).collect();
    assert!(shards.len() > 1, "the namespaces must span shards");
    let mut committed = Vec::new();
    for round in 0..5 {
        for namespace in &namespaces {
            let spec = ResourceSpec::new(namespace, &format!("r{round}"), "node");
            let receipt = engine
                .commit(Batch::new(vec![Command::create(spec)]))
                .unwrap();
            committed.push((
                receipt.shard,
                receipt.position,
                format!("{namespace}/r{round}"),
            ));
        }
    }
    // Outside the prefix: never delivered.
    engine
        .commit(Batch::new(vec![Command::create(ResourceSpec::new(
            "/other", "x", "node",
        ))]))
        .unwrap();

    let mut subscription = engine
        .subscribe(
            Pattern::subtree("/fleet"),
            Start::After(vec![0; SHARDS as usize]),
        )
        .unwrap();
    let first = take(&mut subscription, committed.len() / 2);
    let token = subscription.resume_token();
    assert_eq!(token.len(), SHARDS as usize);
    for event in &first {
        assert!(token[event.shard as usize] >= event.position);
    }
    drop(subscription);
    engine.close();
    engine = Engine::open(config).unwrap();

    let mut resumed = engine
        .subscribe(Pattern::subtree("/fleet"), Start::After(token))
        .unwrap();
    let rest = take(&mut resumed, committed.len() - first.len());
    assert_nothing_more(&mut resumed);
    let delivered: Vec<(u16, u64, String)> = first.iter().chain(&rest).map(key).collect();
    // Each shard's order is its commit order; together, exactly what was committed.
    let mut by_shard: BTreeMap<u16, Vec<u64>> = BTreeMap::new();
    for (shard, position, _) in &delivered {
        by_shard.entry(*shard).or_default().push(*position);
    }
    for positions in by_shard.values() {
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
    }
    let mut sorted = delivered.clone();
    sorted.sort();
    committed.sort();
    assert_eq!(sorted, committed);

    // One namespace's children: one shard only, and the token names the others unchanged.
    let one = &namespaces[0];
    let mut children = Pattern::subtree(one.clone());
    children.scope = Scope::Children;
    let start = vec![0; SHARDS as usize];
    let mut subscription = engine.subscribe(children, Start::After(start)).unwrap();
    let events = take(&mut subscription, 5);
    assert!(events
        .iter()
        .all(|e| e.new.as_ref().unwrap().namespace == *one));
    assert_nothing_more(&mut subscription);
    let token = subscription.resume_token();
    let shard = engine.shard_for(one) as usize;
    for (i, position) in token.iter().enumerate() {
        if i != shard {
            assert_eq!(*position, 0);
        }
    }
}
