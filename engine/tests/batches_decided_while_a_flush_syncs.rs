//! A shard that hands a flush's sync to another thread decides the batches that arrived meanwhile
//! (`Shard::commit_stream`): each sees the effects of the flush still syncing, none is answered
//! before the sync that covers it succeeded, and when that sync fails every batch decided behind
//! it is answered `LogFailed` and nothing of them survives a reopen or a power cut.

use std::cell::RefCell;
use std::io;
use std::path::PathBuf;
use std::rc::Rc;

use aorta_engine::filter::Principal;
use aorta_engine::shard::{Answers, Shard, ShardOptions};
use aorta_engine::storage::sim::{OpKind, SimDisk, SimStorage, Tear};
use aorta_engine::storage::DetachedSync;
use aorta_engine::sync::{SyncRunner, SyncThread};
use aorta_engine::wal::FailStop;
use aorta_engine::{Batch, Command, CommitReceipt, Error, ResourceSpec, ValidBatch};

fn open(disk: &SimDisk) -> Shard<SimStorage> {
    let options = ShardOptions {
        fail_stop: FailStop::Panic,
        ..ShardOptions::new(0, 1, 1 << 20)
    };
    Shard::open(disk.storage(), &PathBuf::from("/data/wal"), options).expect("shard opens")
}

fn valid(command: Command) -> ValidBatch {
    Batch::single(command).validate().unwrap()
}

fn create(name: &str, data: &str) -> ValidBatch {
    valid(Command::create(
        ResourceSpec::new("/ns", name, "t").with_data(data.as_bytes()),
    ))
}

fn update(name: &str, data: &str, expected_revision: u64) -> ValidBatch {
    valid(Command::update(
        ResourceSpec::new("/ns", name, "t").with_data(data.as_bytes()),
        Some(expected_revision),
    ))
}

/// Creates of `count` keys of their own: enough batches for a flush's sync to be handed over
/// (`HAND_OVER_BATCHES_MIN` in the shard: below it the shard syncs on its own thread).
fn fillers(prefix: &str, count: usize) -> Vec<ValidBatch> {
    (0..count)
        .map(|n| create(&format!("{prefix}{n}"), "f"))
        .collect()
}

/// What happened, in order, as the stream ran.
type Log = Rc<RefCell<Vec<String>>>;

/// Holds each sync until `finish`, as a slow device would, then runs it (or reports `EIO`
/// without running it, as a failed fdatasync), and logs both steps.
struct HeldSync {
    held: Option<DetachedSync>,
    fail_next: bool,
    log: Log,
}

impl HeldSync {
    /// Holds each sync and logs to `log`; its next sync fails if `fail_next`.
    fn new(log: &Log, fail_next: bool) -> Self {
        HeldSync {
            held: None,
            fail_next,
            log: log.clone(),
        }
    }
}

impl SyncRunner for HeldSync {
    fn start(&mut self, sync: DetachedSync) {
        self.log.borrow_mut().push("sync started".into());
        assert!(self.held.replace(sync).is_none(), "one sync at a time");
    }

    fn is_done(&self) -> bool {
        // Held until `finish`: a slow device.
        false
    }

    fn finish(&mut self) -> io::Result<()> {
        let sync = self.held.take().expect("a sync was started");
        self.log.borrow_mut().push("sync finished".into());
        if std::mem::take(&mut self.fail_next) {
            return Err(io::Error::from_raw_os_error(libc::EIO));
        }
        sync.run()
    }
}

/// Runs a stream: `first`, then each of `later` handed over by one call of `more` (then nothing).
fn stream(
    shard: &mut Shard<SimStorage>,
    syncer: &mut dyn SyncRunner,
    first: Vec<ValidBatch>,
    later: Vec<Vec<ValidBatch>>,
    log: &Log,
) -> Vec<Option<aorta_engine::Result<CommitReceipt>>> {
    let count = first.len() + later.iter().map(Vec::len).sum::<usize>();
    let answers = RefCell::new((0..count).map(|_| None).collect::<Vec<_>>());
    let mut later = later.into_iter();
    let root = |batches: Vec<ValidBatch>| {
        batches
            .into_iter()
            .map(|b| (Principal::Root, b))
            .collect::<Vec<_>>()
    };
    shard.commit_stream(
        root(first),
        &mut || 1,
        &mut |more, _until| {
            if let Some(batches) = later.next() {
                log.borrow_mut()
                    .push(format!("handed over {}", batches.len()));
                more.extend(root(batches));
            }
        },
        syncer,
        &mut Logged {
            log,
            answers: &answers,
        },
    );
    answers.into_inner()
}

/// The stream's answers, logged, with the end of each flush's answers (`flushed`, where the
/// engine wakes the flush's waiters).
struct Logged<'a> {
    log: &'a Log,
    answers: &'a RefCell<Vec<Option<aorta_engine::Result<CommitReceipt>>>>,
}

impl Answers for Logged<'_> {
    fn answer(&mut self, slot: usize, answer: aorta_engine::Result<CommitReceipt>) {
        self.log.borrow_mut().push(format!("answered {slot}"));
        assert!(
            self.answers.borrow_mut()[slot].replace(answer).is_none(),
            "slot {slot} answered twice"
        );
    }

    fn flushed(&mut self) {
        self.log.borrow_mut().push("flushed".into());
    }
}

#[test]
fn a_batch_handed_over_during_a_sync_sees_the_flush_still_syncing() {
    let disk = SimDisk::new();
    let mut shard = open(&disk);
    let log: Log = Rc::default();
    let mut syncer = HeldSync::new(&log, false);
    let mut later = vec![update("k", "second", 1), create("j", "j")];
    later.extend(fillers("f", 40));
    let answers = stream(
        &mut shard,
        &mut syncer,
        vec![create("k", "first")],
        vec![later],
        &log,
    );
    let receipts: Vec<CommitReceipt> = answers
        .into_iter()
        .map(|a| a.expect("answered").expect("committed"))
        .collect();
    assert_eq!(
        receipts.iter().map(|r| r.position).collect::<Vec<_>>(),
        (1..=43).collect::<Vec<_>>()
    );
    // The first flush was still syncing when the update (which expects its revision) was
    // decided; it was answered only after its sync, and while the second flush synced. Each
    // flush's answers end with `flushed` (where the engine wakes their waiters), before anything
    // of the next flush is answered.
    let answered: Vec<String> = (1..=42).map(|slot| format!("answered {slot}")).collect();
    let mut expected: Vec<String> = [
        "handed over 42",
        "sync started",
        "sync finished",
        "sync started",
        "answered 0",
        "flushed",
        "sync finished",
    ]
    .map(String::from)
    .to_vec();
    expected.extend(answered);
    expected.push("flushed".into());
    assert_eq!(*log.borrow(), expected);
    assert_eq!(shard.get("/ns/k").unwrap().data, b"second");
    drop(shard);
    disk.power_cut(Tear::DropUnsynced);
    let shard = open(&disk);
    assert_eq!(shard.get("/ns/k").unwrap().revision, 2);
    assert_eq!(shard.get("/ns/j").unwrap().revision, 3);
    assert!(shard.get("/ns/f39").is_some());
}

#[test]
fn a_failed_sync_fails_every_batch_decided_behind_it() {
    for power_cut in [false, true] {
        let disk = SimDisk::new();
        let mut shard = open(&disk);
        assert!(shard.commit_group(vec![create("base", "b")], 1)[0].is_ok());
        let log: Log = Rc::default();
        let mut syncer = HeldSync::new(&log, true);
        let answers = stream(
            &mut shard,
            &mut syncer,
            vec![create("k", "first")],
            // Decided while the first flush syncs: an update that rests on it, a create that
            // conflicts with it, and an unrelated create.
            vec![[
                vec![
                    update("k", "second", 2),
                    create("k", "again"),
                    create("j", "j"),
                ],
                fillers("f", 40),
            ]
            .concat()],
            &log,
        );
        assert_eq!(log.borrow()[..2], ["handed over 43", "sync started"]);
        for (slot, answer) in answers.iter().enumerate() {
            assert!(
                matches!(answer, Some(Err(Error::LogFailed { .. }))),
                "power cut {power_cut}: slot {slot} answered {answer:?}"
            );
        }
        assert!(shard.get("/ns/k").is_none() && shard.get("/ns/f0").is_none());
        let refused = shard.commit_group(vec![create("x", "x")], 2).remove(0);
        assert!(
            matches!(refused, Err(Error::LogFailed { .. })),
            "a failed log took a write: {refused:?}"
        );
        drop(shard);
        if power_cut {
            disk.power_cut(Tear::DropUnsynced);
        }
        let shard = open(&disk);
        assert_eq!(shard.position(), 1, "power cut {power_cut}");
        assert_eq!(shard.get("/ns/base").unwrap().data, b"b");
        assert!(shard.get("/ns/k").is_none() && shard.get("/ns/j").is_none());
    }
}

#[test]
fn a_failed_sync_on_the_sync_thread_fails_the_batches_behind_it() {
    let disk = SimDisk::new();
    let mut shard = open(&disk);
    let log: Log = Rc::default();
    let mut syncer = SyncThread::spawn("test-sync".into(), Box::new(|| {})).unwrap();
    // The simulated disk syncs when the sync is taken (see `SimStorage::detached_sync`): the
    // next sync fails, and the sync thread hands back that failure.
    disk.fail_nth(OpKind::Sync, 0, libc::EIO);
    let answers = stream(
        &mut shard,
        &mut syncer,
        vec![create("k", "first")],
        vec![[vec![update("k", "second", 1)], fillers("f", 40)].concat()],
        &log,
    );
    assert!(
        answers
            .iter()
            .all(|a| matches!(a, Some(Err(Error::LogFailed { .. })))),
        "{answers:?}"
    );
    drop(shard);
    disk.power_cut(Tear::DropUnsynced);
    assert!(open(&disk).get("/ns/k").is_none());
}

#[test]
fn a_stream_on_the_sync_thread_commits_what_it_is_handed() {
    let disk = SimDisk::new();
    let mut shard = open(&disk);
    let log: Log = Rc::default();
    let mut syncer = SyncThread::spawn("test-sync".into(), Box::new(|| {})).unwrap();
    // Five hand-overs of an update and 40 creates each: every flush's sync goes to the thread.
    let later = (1..=5u64)
        .map(|n| {
            // k's revision: its create at 1, then each update 41 positions after the last.
            let revision = if n == 1 { 1 } else { 2 + 41 * (n - 2) };
            let mut batches = vec![update("k", &format!("v{n}"), revision)];
            batches.extend(fillers(&format!("f{n}-"), 40));
            batches
        })
        .collect();
    let answers = stream(
        &mut shard,
        &mut syncer,
        vec![create("k", "v0")],
        later,
        &log,
    );
    let positions: Vec<u64> = answers
        .into_iter()
        .map(|a| a.expect("answered").expect("committed").position)
        .collect();
    assert_eq!(positions, (1..=206).collect::<Vec<_>>());
    drop(shard);
    disk.power_cut(Tear::DropUnsynced);
    let shard = open(&disk);
    assert_eq!(shard.get("/ns/k").unwrap().data, b"v5");
}

#[test]
fn a_first_flush_of_many_batches_syncs_on_the_sync_thread_and_a_small_one_here() {
    // Many batches at once, nothing after them: more will come at that many writers, so the
    // sync goes to the sync thread and the shard is free to decide them while it runs.
    let disk = SimDisk::new();
    let mut shard = open(&disk);
    let log: Log = Rc::default();
    let mut syncer = HeldSync::new(&log, false);
    let answers = stream(&mut shard, &mut syncer, fillers("m", 40), vec![], &log);
    assert!(answers.iter().all(|a| matches!(a, Some(Ok(_)))));
    let mut expected: Vec<String> = ["sync started", "sync finished"].map(String::from).to_vec();
    expected.extend((0..40).map(|slot| format!("answered {slot}")));
    expected.push("flushed".into());
    assert_eq!(*log.borrow(), expected);

    // One batch alone: synced on the shard's own thread (no hand-off, whose wake-ups would cost
    // a single writer more than they save).
    log.borrow_mut().clear();
    let answers = stream(
        &mut shard,
        &mut syncer,
        vec![create("one", "1")],
        vec![],
        &log,
    );
    assert!(matches!(answers[0], Some(Ok(_))));
    assert_eq!(
        *log.borrow(),
        ["answered 0", "flushed"].map(String::from).to_vec()
    );
    drop(shard);
    disk.power_cut(Tear::DropUnsynced);
    let shard = open(&disk);
    assert!(shard.get("/ns/m39").is_some());
    assert!(shard.get("/ns/one").is_some());
}
