//! Model-based property test: random command batches, reads and restarts (clean, and power cuts)
//! against the engine with two shards; every answer and every read equals the model's: current
//! reads, reads at every older position the shard still serves, and the history of changes
//! streamed from its oldest available position (across flushes, history files dropped past the
//! horizon, and restarts).
//! Runs on the simulated disk (many cases) and on the real io_uring storage (fewer cases).

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use aorta_engine::history::HistoryLimits;
use aorta_engine::limits::{MEMTABLE_BYTES_MIN, WAL_SEGMENT_BYTES_MIN};
use aorta_engine::state::Action;
use aorta_engine::storage::sim::{SimDisk, Tear};
use aorta_engine::{Batch, Command, Engine, EngineConfig, Error, Resource, ResourceSpec};
use common::{key, Model};
use proptest::prelude::*;

const NAMESPACES: [&str; 4] = ["/a", "/b", "/c/d", "/e"];
const NAMES: usize = 5;

/// Cases per property: `PROPTEST_CASES` overrides the suite's default for longer runs.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[derive(Clone, Debug)]
enum Expect {
    None,
    Current,
    Wrong(u64),
}

#[derive(Clone, Debug)]
enum Op {
    Create,
    Update(Expect),
    Put(Expect),
    Delete(Expect),
}

type Commands = Vec<(usize, usize, Op, u8)>;

#[derive(Clone, Debug)]
enum Step {
    Commit(Commands),
    /// Batches submitted together without waiting, so that one shard commits them as one group.
    /// Their keys are disjoint, so their outcomes do not depend on the order the shard takes them.
    Concurrent(Vec<Commands>),
    Restart,
    PowerCut,
}

fn expect() -> impl Strategy<Value = Expect> {
    prop_oneof![
        3 => Just(Expect::None),
        2 => Just(Expect::Current),
        1 => (0u64..5).prop_map(Expect::Wrong),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        Just(Op::Create),
        expect().prop_map(Op::Update),
        expect().prop_map(Op::Put),
        expect().prop_map(Op::Delete),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    let command = || (0..NAMESPACES.len(), 0..NAMES, op(), any::<u8>());
    prop_oneof![
        12 => prop::collection::vec(command(), 1..4).prop_map(Step::Commit),
        3 => prop::collection::vec(prop::collection::vec(command(), 1..3), 2..8).prop_map(Step::Concurrent),
        1 => Just(Step::Restart),
        1 => Just(Step::PowerCut),
    ]
}

fn build(commands: &[(usize, usize, Op, u8)], model: &Model) -> Batch {
    let batch = commands.iter().map(|(ns, name, op, fill)| {
        let namespace = NAMESPACES[*ns];
        let name = format!("n{name}");
        let current = model
            .resources
            .get(&key(namespace, &name))
            .map_or(0, |r| r.revision);
        let resolve = |e: &Expect| match e {
            Expect::None => None,
            Expect::Current => Some(current),
            Expect::Wrong(n) => Some(current + 1 + n),
        };
        let spec = ResourceSpec::new(namespace, &name, "thing")
            .with_data(vec![*fill; *fill as usize % 50])
            .with_tag("fill", &fill.to_string());
        match op {
            Op::Create => Command::create(spec),
            Op::Update(e) => Command::update(spec, resolve(e)),
            Op::Put(e) => Command::put(spec, resolve(e)),
            Op::Delete(e) => Command::delete(namespace, &name, resolve(e)),
        }
    });
    Batch::new(batch.collect())
}

/// created_ms is the shard's wall clock: the model cannot know it, so it is compared separately.
fn without_time(mut r: Resource) -> Resource {
    r.created_ms = 0;
    r
}

/// One change as the model saw it: action, old, new (created times zeroed).
type ModelChange = (Action, Option<Resource>, Option<Resource>);

/// What the model records of each shard: its changes and its state after each position.
#[derive(Default)]
struct ModelHistory {
    /// Shard → position → the batch's changes, in command order.
    changes: BTreeMap<u16, BTreeMap<u64, Vec<ModelChange>>>,
    /// Shard → position → the shard's resources (key → resource) after it.
    states: BTreeMap<u16, BTreeMap<u64, BTreeMap<String, Resource>>>,
}

impl ModelHistory {
    fn record(
        &mut self,
        engine: &Engine,
        shard: u16,
        position: u64,
        batch: &Batch,
        before: &Model,
        after: &Model,
    ) {
        let changes = batch
            .commands
            .iter()
            .map(|command| {
                let k = command.key();
                let old = before.resources.get(&k).cloned().map(without_time);
                let new = after.resources.get(&k).cloned().map(without_time);
                let action = match (&old, &new) {
                    (None, Some(_)) => Action::Created,
                    (Some(_), Some(_)) => Action::Updated,
                    _ => Action::Deleted,
                };
                (action, old, new)
            })
            .collect();
        self.changes
            .entry(shard)
            .or_default()
            .insert(position, changes);
        let state = after
            .resources
            .iter()
            .filter(|(_, r)| engine.shard_for(&r.namespace) == shard)
            .map(|(k, r)| (k.clone(), without_time(r.clone())))
            .collect();
        self.states
            .entry(shard)
            .or_default()
            .insert(position, state);
    }
}

/// Streams each shard's history from its oldest available position and compares it with the
/// model's changes from there; reads every key at every position from one below that (the
/// horizon: list there, stream from one past it) and compares with the model's state then.
///
/// The table worker may still be flushing what the last commits froze, and a flush may move the
/// horizon while the check reads: a `Compacted` is accepted only when the horizon did move past
/// what was read, and the check then starts again from the new horizon (a few times at most).
fn check_history(engine: &Engine, history: &ModelHistory) -> Result<(), TestCaseError> {
    for _ in 0..20 {
        match check_history_once(engine, history) {
            // Give the flush that moved it time to install its history file.
            Err(Checked::HorizonMoved) => std::thread::sleep(std::time::Duration::from_millis(5)),
            Err(Checked::Failed(error)) => return Err(error),
            Ok(()) => return Ok(()),
        }
    }
    Err(TestCaseError::fail(
        "the horizon kept moving while nothing was written",
    ))
}

enum Checked {
    HorizonMoved,
    Failed(TestCaseError),
}

impl From<TestCaseError> for Checked {
    fn from(error: TestCaseError) -> Self {
        Checked::Failed(error)
    }
}

/// The oldest position shard `shard`'s history streams from now.
fn oldest_available(engine: &Engine, shard: u16) -> u64 {
    match engine.history(shard, 1, 1, 1 << 20) {
        Ok(_) => 1,
        Err(Error::Compacted {
            oldest_available, ..
        }) => oldest_available,
        Err(other) => panic!("history: {other}"),
    }
}

/// What a `Compacted` answer means for a check that began at `from`: the horizon moved past it
/// (start again), or a failure.
///
/// A flush raises the views' horizon a moment before it installs the history file that moves the
/// history's horizon with it: a view refused below a horizon past `from` - 1 is a moved horizon too,
/// even while the history still streams from `from`.
fn compacted(engine: &Engine, shard: u16, from: u64, error: Error) -> Checked {
    let moved = match error {
        Error::Compacted {
            oldest_available: readable_from,
            ..
        } => readable_from >= from || oldest_available(engine, shard) > from,
        _ => false,
    };
    if moved {
        Checked::HorizonMoved
    } else {
        Checked::Failed(TestCaseError::fail(format!(
            "shard {shard} refused a read at or after its horizon {from}: {error}"
        )))
    }
}

fn ensure_eq<T: PartialEq + std::fmt::Debug>(got: &T, want: &T, what: &str) -> Result<(), Checked> {
    if got != want {
        return Err(Checked::Failed(TestCaseError::fail(format!(
            "{what}: got {got:?}, want {want:?}"
        ))));
    }
    Ok(())
}

fn check_history_once(engine: &Engine, history: &ModelHistory) -> Result<(), Checked> {
    for shard in 0..engine.shard_count() {
        let from = match engine.history(shard, 1, 1, 1 << 20) {
            Ok(_) => 1,
            Err(Error::Compacted {
                oldest_available,
                current,
                ..
            }) => {
                ensure_eq(
                    &current,
                    &engine.positions().unwrap()[shard as usize],
                    "current",
                )?;
                oldest_available
            }
            Err(other) => return Err(TestCaseError::fail(format!("history: {other}")).into()),
        };
        let mut streamed: Vec<(u64, ModelChange)> = Vec::new();
        let mut next = from;
        loop {
            let page = engine
                .history(shard, next, 7, 1 << 20)
                .map_err(|error| compacted(engine, shard, from, error))?;
            if page.changes.is_empty() {
                break;
            }
            next = page.next_position;
            streamed.extend(page.changes.into_iter().map(|c| {
                let strip =
                    |r: Option<std::sync::Arc<Resource>>| r.map(|r| without_time((*r).clone()));
                (c.position, (c.action, strip(c.old), strip(c.new)))
            }));
        }
        let empty = BTreeMap::new();
        let modeled: Vec<(u64, ModelChange)> = history
            .changes
            .get(&shard)
            .unwrap_or(&empty)
            .range(from..)
            .flat_map(|(p, changes)| changes.iter().map(move |c| (*p, c.clone())))
            .collect();
        ensure_eq(
            &streamed,
            &modeled,
            &format!("history of shard {shard} from {from}"),
        )?;

        let states = history.states.get(&shard);
        for at in from.saturating_sub(1)..=engine.positions().unwrap()[shard as usize] {
            let view = engine
                .view_at(shard, at)
                .map_err(|error| compacted(engine, shard, from, error))?;
            let want = states
                .and_then(|s| s.range(..=at).next_back())
                .map(|(_, state)| state.clone())
                .unwrap_or_default();
            for namespace in NAMESPACES.iter().filter(|n| engine.shard_for(n) == shard) {
                for n in 0..NAMES {
                    let name = format!("n{n}");
                    let got = view.get(namespace, &name).unwrap().map(without_time);
                    ensure_eq(
                        &got.as_ref(),
                        &want.get(&key(namespace, &name)),
                        &format!("{namespace} {name} at {at}"),
                    )?;
                }
            }
        }
    }
    Ok(())
}

fn check_reads(engine: &Engine, model: &Model) -> Result<(), TestCaseError> {
    for namespace in NAMESPACES {
        for n in 0..NAMES {
            let name = format!("n{n}");
            let got = engine.get(namespace, &name).unwrap().map(without_time);
            let want = model
                .resources
                .get(&key(namespace, &name))
                .cloned()
                .map(without_time);
            prop_assert_eq!(&got, &want, "get {} {}", namespace, name);
            if let Some(want) = want {
                let by_id = engine.get_by_id(want.id).unwrap().map(without_time);
                prop_assert_eq!(by_id, Some(want));
            }
        }
    }
    Ok(())
}

/// Checks the engine's answer to `batch` against the model, and applies it to the model.
fn check_answer(
    engine: &Engine,
    model: &mut Model,
    history: &mut ModelHistory,
    created: &mut BTreeMap<aorta_engine::ResourceId, u64>,
    cluster_id: u32,
    batch: &Batch,
    answer: aorta_engine::Result<aorta_engine::CommitReceipt>,
) -> Result<(), TestCaseError> {
    let shards: std::collections::BTreeSet<u16> = batch
        .commands
        .iter()
        .map(|c| engine.shard_for(c.namespace()))
        .collect();
    let keys: std::collections::BTreeSet<String> =
        batch.commands.iter().map(Command::key).collect();
    if keys.len() < batch.commands.len() {
        prop_assert!(
            matches!(
                answer,
                Err(Error::Invalid(
                    aorta_engine::ValidationError::DuplicateKey { .. }
                ))
            ),
            "{:?}",
            answer
        );
        return Ok(());
    }
    if shards.len() > 1 {
        prop_assert!(
            matches!(answer, Err(Error::BatchSpansShards { .. })),
            "{:?}",
            answer
        );
        return Ok(());
    }
    let shard = *shards.iter().next().unwrap();
    let before = model.clone();
    let modeled = model.apply(shard, cluster_id, batch, 0);
    if let Some(position) = modeled {
        history.record(engine, shard, position, batch, &before, model);
    }
    match answer {
        Ok(receipt) => {
            prop_assert_eq!(Some(receipt.position), modeled);
            prop_assert_eq!(receipt.shard, shard);
            for id in &receipt.ids {
                // created_ms never changes after the create.
                if let Some(r) = engine.get_by_id(*id).unwrap() {
                    let first = *created.entry(r.id).or_insert(r.created_ms);
                    prop_assert_eq!(first, r.created_ms);
                }
            }
        }
        Err(Error::Conflict { .. }) => prop_assert_eq!(modeled, None),
        Err(other) => return Err(TestCaseError::fail(format!("unexpected {other}"))),
    }
    Ok(())
}

fn run(
    steps: Vec<Step>,
    open: &dyn Fn() -> Engine,
    power_cut: &dyn Fn(),
) -> Result<(), TestCaseError> {
    let mut engine = open();
    let cluster_id = engine.cluster_id();
    let mut model = Model::default();
    let mut history = ModelHistory::default();
    let mut created: BTreeMap<aorta_engine::ResourceId, u64> = BTreeMap::new();
    for step in steps {
        match step {
            Step::Commit(commands) => {
                let batch = build(&commands, &model);
                let answer = engine.commit(batch.clone());
                check_answer(
                    &engine,
                    &mut model,
                    &mut history,
                    &mut created,
                    cluster_id,
                    &batch,
                    answer,
                )?;
            }
            Step::Concurrent(batches) => {
                let mut taken = std::collections::BTreeSet::new();
                let mut pending = Vec::new();
                for commands in batches {
                    let batch = build(&commands, &model);
                    let keys: Vec<String> = batch.commands.iter().map(Command::key).collect();
                    if keys.iter().any(|k| taken.contains(k)) {
                        continue;
                    }
                    taken.extend(keys);
                    let submitted = engine.submit(batch.clone());
                    pending.push((batch, submitted));
                }
                // Answers are checked in submission order, which is each shard's commit order.
                for (batch, submitted) in pending {
                    let answer = submitted.and_then(|p| p.wait().map_err(|_| Error::Closed)?);
                    check_answer(
                        &engine,
                        &mut model,
                        &mut history,
                        &mut created,
                        cluster_id,
                        &batch,
                        answer,
                    )?;
                }
            }
            Step::Restart => {
                engine.close();
                engine = open();
            }
            Step::PowerCut => {
                // The power goes while the engine runs: no close, no last sync. Only then are its
                // threads stopped (every handle they hold is dead: the disk lost power under them).
                power_cut();
                engine.close();
                engine = open();
                check_history(&engine, &history)?;
            }
        }
        check_reads(&engine, &model)?;
    }
    check_history(&engine, &history)?;
    engine.close();
    // A last restart: everything acknowledged is still there, and so is the history.
    let engine = open();
    check_reads(&engine, &model)?;
    check_history(&engine, &history)
}

/// Two shards, the default configuration but for small segments and memtables: the runs cross
/// roll-overs, and the default helper thread makes full-size spares ahead of them; the memtables
/// are flushed to sstables and compacted (keeping few old versions) by the default worker threads,
/// and the log purged — under power cuts too.
fn config(dir: &Path) -> EngineConfig {
    EngineConfig {
        segment_bytes_max: WAL_SEGMENT_BYTES_MIN,
        memtable_bytes_max: MEMTABLE_BYTES_MIN,
        history: HistoryLimits {
            changes_max: 16,
            ..HistoryLimits::default()
        },
        ..EngineConfig::new(dir).with_shards(2)
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(256), ..ProptestConfig::default() })]

    #[test]
    fn simulated_disk_engine_matches_the_model(steps in prop::collection::vec(step(), 1..60)) {
        let disk = SimDisk::new();
        let make = { let disk = disk.clone(); move || Ok(disk.storage()) };
        let open = move || Engine::open_with(config(Path::new("/data")), make.clone()).unwrap();
        let cut = { let disk = disk.clone(); move || disk.power_cut(Tear::DropUnsynced) };
        run(steps, &open, &cut)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(256) / 10, ..ProptestConfig::default() })]

    #[test]
    fn io_uring_engine_matches_the_model(steps in prop::collection::vec(step(), 1..40)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().to_path_buf();
        let open = move || Engine::open(config(&path)).unwrap();
        // On a real disk a "power cut" is only a restart: the OS keeps what was written.
        run(steps, &open, &|| {})?;
    }
}
