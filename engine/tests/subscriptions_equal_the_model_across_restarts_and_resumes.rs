//! Model-based property test: under random workloads (batches that create, update, put and delete,
//! with tags that come and go, over namespaces spread on two shards) with restarts, a subscription
//! started after random positions and resumed from its token at a random point (across a restart
//! too) delivers exactly the model's change list from those positions, filtered by the pattern
//! (the table, written out independently in `subscription_common`), per shard in commit
//! order. Real engine on temp dirs; small memtables, the smallest history memory (1 MiB a shard)
//! and up to 6 KB of data per resource, so that longer runs hold more history than memory and
//! reads come from history files as well as memory.

mod common;
mod subscription_common;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use aorta_engine::limits::{HISTORY_MEMORY_BYTES_MIN, MEMTABLE_BYTES_MIN};
use aorta_engine::query::{Scope, TagSelector};
use aorta_engine::state::Action;
use aorta_engine::subscription::{Event, EventAction, Pattern, Start};
use aorta_engine::{Batch, Command, Engine, EngineConfig, Error, Resource};
use common::{Model, Workload};
use proptest::prelude::*;
use subscription_common::{assert_nothing_more, expected_action, take};

const NAMESPACES: [&str; 5] = ["/a", "/a/b", "/c", "/c/d/e", "/f"];
const SHARDS: u16 = 2;

/// (root, subtree, selector, type)
const PATTERNS: [(&str, bool, &str, Option<&str>); 6] = [
    ("/", true, "", None),
    ("/a", true, "", None),
    ("/c", false, "", None),
    ("/", true, "color=red", None),
    ("/c", true, "color!=green", None),
    ("/", true, "color", Some("thing")),
];

fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[derive(Clone, Debug)]
enum Step {
    Commit(usize),
    Restart,
    /// A pattern, where each shard's start falls (0..=255 of its current position), where the
    /// resume happens (0..=255 of the events), and whether the engine restarts in between.
    Check {
        pattern: usize,
        starts: Vec<u8>,
        split: u8,
        restart_between: bool,
    },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => (1usize..25).prop_map(Step::Commit),
        1 => Just(Step::Restart),
        3 => (0..PATTERNS.len(), prop::collection::vec(any::<u8>(), SHARDS as usize), any::<u8>(), any::<bool>())
            .prop_map(|(pattern, starts, split, restart_between)| Step::Check { pattern, starts, split, restart_between }),
    ]
}

/// One change as the model saw it; resources with their created time cleared (the model does
/// not know the engine's clock).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Recorded {
    shard: u16,
    position: u64,
    action: Action,
    old: Option<Resource>,
    new: Option<Resource>,
}

type Delivered = (u64, EventAction, Option<Resource>, Option<Resource>);

fn normalized(r: Option<&Resource>) -> Option<Resource> {
    r.map(|r| Resource {
        created_ms: 0,
        ..r.clone()
    })
}

fn config(dir: &Path) -> EngineConfig {
    let mut config = EngineConfig::new(dir).with_shards(SHARDS);
    config.memtable_bytes_max = MEMTABLE_BYTES_MIN;
    config.history_memory_bytes = HISTORY_MEMORY_BYTES_MIN;
    config
}

fn commit(
    engine: &Engine,
    workload: &mut Workload,
    model: &mut Model,
    recorded: &mut Vec<Recorded>,
) -> Result<(), TestCaseError> {
    let batch: Batch = workload.batch(model);
    let shard = engine.shard_for(&namespace_of(&batch.commands[0]));
    let answer = engine.commit(batch.clone());
    let before = model.clone();
    let modeled = model.apply(shard, engine.cluster_id(), &batch, 0);
    match answer {
        Ok(receipt) => {
            prop_assert_eq!(Some(receipt.position), modeled);
            for command in &batch.commands {
                let key = command.key();
                let old = normalized(before.resources.get(&key));
                let new = normalized(model.resources.get(&key));
                let action = match (&old, &new) {
                    (None, Some(_)) => Action::Created,
                    (Some(_), Some(_)) => Action::Updated,
                    (Some(_), None) => Action::Deleted,
                    (None, None) => unreachable!("a committed change has a side"),
                };
                recorded.push(Recorded {
                    shard,
                    position: receipt.position,
                    action,
                    old,
                    new,
                });
            }
        }
        Err(Error::Conflict { .. }) => prop_assert_eq!(modeled, None),
        Err(other) => return Err(TestCaseError::fail(format!("unexpected {other}"))),
    }
    Ok(())
}

fn namespace_of(command: &Command) -> String {
    match command {
        Command::Create { spec } | Command::Update { spec, .. } | Command::Put { spec, .. } => {
            spec.namespace.clone()
        }
        Command::Delete { namespace, .. } => namespace.clone(),
    }
}

fn pattern(index: usize) -> (Pattern, TagSelector) {
    let (root, subtree, selector, kind) = PATTERNS[index];
    let selector = TagSelector::parse(selector).unwrap();
    let mut pattern = Pattern::subtree(root).with_selector(selector.clone());
    if !subtree {
        pattern.scope = Scope::Children;
    }
    pattern.kind = kind.map(str::to_string);
    (pattern, selector)
}

fn expected(index: usize, recorded: &[Recorded], after: &[u64]) -> BTreeMap<u16, Vec<Delivered>> {
    let (root, subtree, _, kind) = PATTERNS[index];
    let (_, selector) = pattern(index);
    let mut shards: BTreeMap<u16, Vec<Delivered>> = BTreeMap::new();
    for change in recorded {
        if change.position <= after[change.shard as usize] {
            continue;
        }
        // The type is checked here, beside the shared statement of scope and selector.
        fn of_kind<'r>(r: &'r Option<Resource>, kind: Option<&str>) -> Option<&'r Resource> {
            r.as_ref().filter(|r| kind.is_none_or(|k| r.kind == k))
        }
        let action = expected_action(
            root,
            subtree,
            Some(&selector),
            change.action,
            of_kind(&change.old, kind),
            of_kind(&change.new, kind),
        );
        if let Some(action) = action {
            shards.entry(change.shard).or_default().push((
                change.position,
                action,
                change.old.clone(),
                change.new.clone(),
            ));
        }
    }
    shards
}

fn by_shard(events: &[Event]) -> BTreeMap<u16, Vec<Delivered>> {
    let mut shards: BTreeMap<u16, Vec<Delivered>> = BTreeMap::new();
    for e in events {
        let side = |r: &Option<Arc<Resource>>| normalized(r.as_deref());
        shards
            .entry(e.shard)
            .or_default()
            .push((e.position, e.action, side(&e.old), side(&e.new)));
    }
    shards
}

fn run(dir: &Path, seed: u64, steps: Vec<Step>) -> Result<(), TestCaseError> {
    let mut engine = Engine::open(config(dir)).unwrap();
    let mut workload = Workload::new(seed, &NAMESPACES);
    workload.data_bytes_max = 6_000;
    let mut model = Model::default();
    let mut recorded = Vec::new();
    for step in steps {
        match step {
            Step::Commit(count) => {
                for _ in 0..count {
                    commit(&engine, &mut workload, &mut model, &mut recorded)?;
                }
            }
            Step::Restart => {
                engine.close();
                engine = Engine::open(config(dir)).unwrap();
            }
            Step::Check {
                pattern: index,
                starts,
                split,
                restart_between,
            } => {
                let after: Vec<u64> = (0..SHARDS)
                    .map(|s| {
                        let current = model.positions.get(&s).copied().unwrap_or(0);
                        current * u64::from(starts[s as usize]) / 255
                    })
                    .collect();
                let want = expected(index, &recorded, &after);
                let total: usize = want.values().map(Vec::len).sum();
                let mut subscription = engine
                    .subscribe(pattern(index).0, Start::After(after))
                    .unwrap();
                let first = take(&mut subscription, total * usize::from(split) / 255);
                let token = subscription.resume_token();
                drop(subscription);
                if restart_between {
                    engine.close();
                    engine = Engine::open(config(dir)).unwrap();
                }
                let mut resumed = engine
                    .subscribe(pattern(index).0, Start::After(token))
                    .unwrap();
                prop_assert!(first.len() <= total);
                let rest = take(&mut resumed, total - first.len());
                assert_nothing_more(&mut resumed);
                let events: Vec<Event> = first.into_iter().chain(rest).collect();
                prop_assert_eq!(by_shard(&events), want);
            }
        }
    }
    engine.close();
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(24), ..ProptestConfig::default() })]

    #[test]
    fn subscriptions_equal_the_model(seed in any::<u64>(), steps in prop::collection::vec(step(), 1..14)) {
        let dir = tempfile::tempdir().unwrap();
        run(dir.path(), seed, steps)?;
    }
}
