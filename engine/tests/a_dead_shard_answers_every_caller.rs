//! Liveness: a shard thread that dies never leaves a caller waiting. When a shard panics in the
//! middle of a group, the requests of that group, those queued behind it, a writer blocked waiting for
//! room, and every later call are answered `ShardDown` with the panic's message, at once; the engine
//! reports the shard down; the other shard keeps working. Every call runs on its own thread and is
//! awaited with a timeout, so a regression fails instead of hanging.

use std::io;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use aorta_engine::engine::{ShardHealth, ShardState};
use aorta_engine::limits::WAL_SEGMENT_BYTES_MIN;
use aorta_engine::storage::sim::{SimDisk, SimStorage};
use aorta_engine::storage::{DetachedSync, FileId, Storage};
use aorta_engine::wal::Preallocation;
use aorta_engine::{Batch, Command, Engine, EngineConfig, Error, ResourceSpec};

const ANSWER_TIMEOUT: Duration = Duration::from_secs(10);
const PANIC_MESSAGE: &str = "injected: the disk controller caught fire";

/// Shared by the test and the storages: when armed, the next write or sync of the victim shard's
/// storage signals `entered`, waits for `release`, then panics.
#[derive(Default)]
struct Trap {
    armed: AtomicBool,
    released: Mutex<bool>,
    release: Condvar,
    entered: Mutex<Option<mpsc::Sender<()>>>,
}

impl Trap {
    fn spring(&self) {
        if !self.armed.swap(false, Ordering::SeqCst) {
            return;
        }
        if let Some(entered) = self.entered.lock().unwrap().take() {
            entered.send(()).unwrap();
        }
        let mut released = self.released.lock().unwrap();
        while !*released {
            released = self.release.wait(released).unwrap();
        }
        drop(released);
        panic!("{PANIC_MESSAGE}");
    }

    fn release(&self) {
        *self.released.lock().unwrap() = true;
        self.release.notify_all();
    }
}

/// A storage over the simulated disk that springs the trap on writes and syncs once it has opened a
/// file of the victim shard (each shard thread makes its own storage).
struct TrappedStorage {
    inner: SimStorage,
    trap: Arc<Trap>,
    victim_dir: &'static str,
    is_victim: bool,
}

impl TrappedStorage {
    fn check(&self) {
        if self.is_victim {
            self.trap.spring();
        }
    }
}

impl Storage for TrappedStorage {
    fn create_dir_all(&mut self, path: &Path) -> io::Result<()> {
        self.inner.create_dir_all(path)
    }
    fn dir_exists(&mut self, path: &Path) -> io::Result<bool> {
        self.inner.dir_exists(path)
    }
    fn list_dir(&mut self, path: &Path) -> io::Result<Vec<String>> {
        self.inner.list_dir(path)
    }
    fn open(&mut self, path: &Path, create: bool) -> io::Result<FileId> {
        if path.starts_with(self.victim_dir) {
            self.is_victim = true;
        }
        self.inner.open(path, create)
    }
    fn close(&mut self, file: FileId) {
        self.inner.close(file)
    }
    fn len(&mut self, file: FileId) -> io::Result<u64> {
        self.inner.len(file)
    }
    fn read_at(&mut self, file: FileId, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
        self.inner.read_at(file, offset, buf)
    }
    fn write_at(&mut self, file: FileId, offset: u64, buf: &[u8]) -> io::Result<()> {
        self.check();
        self.inner.write_at(file, offset, buf)
    }
    fn sync_data(&mut self, file: FileId) -> io::Result<()> {
        self.check();
        self.inner.sync_data(file)
    }
    fn write_and_sync(&mut self, file: FileId, offset: u64, buf: &[u8]) -> io::Result<()> {
        self.check();
        self.inner.write_and_sync(file, offset, buf)
    }
    fn detached_sync(&mut self, file: FileId) -> io::Result<DetachedSync> {
        self.check();
        self.inner.detached_sync(file)
    }
    fn truncate(&mut self, file: FileId, len: u64) -> io::Result<()> {
        self.inner.truncate(file, len)
    }
    fn remove_file(&mut self, path: &Path) -> io::Result<()> {
        self.inner.remove_file(path)
    }
    fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()> {
        self.inner.rename(from, to)
    }
    fn sync_dir(&mut self, path: &Path) -> io::Result<()> {
        self.inner.sync_dir(path)
    }

    fn drop_cached_pages(&mut self, file: FileId) -> io::Result<()> {
        self.inner.drop_cached_pages(file)
    }
    fn sibling(&self) -> io::Result<Self> {
        Ok(TrappedStorage {
            inner: self.inner.sibling()?,
            trap: self.trap.clone(),
            victim_dir: self.victim_dir,
            is_victim: self.is_victim,
        })
    }
}

fn put(namespace: &str, name: &str) -> Batch {
    Batch::single(Command::put(ResourceSpec::new(namespace, name, "t"), None))
}

/// A namespace owned by `shard`.
fn namespace_of(engine: &Engine, shard: u16) -> String {
    (0..1000)
        .map(|i| format!("/ns{i}"))
        .find(|ns| engine.shard_for(ns) == shard)
        .expect("some namespace routes to every shard")
}

/// Runs `call` on its own thread; the receiver gets its result.
fn spawn_call<T: Send + 'static>(call: impl FnOnce() -> T + Send + 'static) -> mpsc::Receiver<T> {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let _ = tx.send(call());
    });
    rx
}

fn assert_shard_down<T: std::fmt::Debug>(what: &str, answer: aorta_engine::Result<T>) {
    match answer {
        Err(Error::ShardDown { shard: 1, cause }) => {
            assert!(cause.contains(PANIC_MESSAGE), "{what}: cause {cause:?}")
        }
        other => panic!("{what}: expected ShardDown of shard 1, got {other:?}"),
    }
}

fn answer_of<T>(what: &str, rx: &mpsc::Receiver<T>) -> T {
    rx.recv_timeout(ANSWER_TIMEOUT)
        .unwrap_or_else(|_| panic!("{what}: no answer within {ANSWER_TIMEOUT:?}: a caller hangs"))
}

fn health(engine: &Engine, shard: u16) -> ShardHealth {
    engine.shard_health().remove(shard as usize)
}

fn wait_until_queued(engine: &Engine, shard: u16, requests: usize) {
    let deadline = Instant::now() + ANSWER_TIMEOUT;
    while health(engine, shard).queued_requests != requests {
        assert!(Instant::now() < deadline, "the queue never held {requests}");
        thread::sleep(Duration::from_millis(1));
    }
}

#[test]
fn a_panicking_shard_answers_its_group_queue_blocked_and_later_callers_with_shard_down() {
    let disk = SimDisk::new();
    let trap = Arc::new(Trap::default());
    let make = {
        let (disk, trap) = (disk.clone(), trap.clone());
        move || {
            Ok(TrappedStorage {
                inner: disk.storage(),
                trap: trap.clone(),
                victim_dir: "/data/shard-001",
                is_victim: false,
            })
        }
    };
    let mut config = EngineConfig::new("/data").with_shards(2);
    // Spares made on the shard's own thread (small ones): the simulated disk's IO points, which the
    // test's faults count, stay in one deterministic order.
    config.wal_preallocation = Preallocation::Inline;
    config.segment_bytes_max = WAL_SEGMENT_BYTES_MIN;
    config.queue_capacity = 2;
    config.group_requests_max = 2;
    config.pin_shards_to_cpus = Some(false);
    let engine = Arc::new(Engine::open_with(config, make).unwrap());
    let (victim, healthy) = (namespace_of(&engine, 1), namespace_of(&engine, 0));
    engine.commit(put(&victim, "before")).unwrap();

    // Shard 1 takes `a` into a group and stops inside its write.
    let (entered_tx, entered) = mpsc::channel();
    *trap.entered.lock().unwrap() = Some(entered_tx);
    trap.armed.store(true, Ordering::SeqCst);
    let in_group = engine.submit(put(&victim, "a")).unwrap();
    entered.recv_timeout(ANSWER_TIMEOUT).unwrap();
    // A read does not wait behind the stuck group: it is answered from the published view.
    let read_during_the_group = {
        let (engine, victim) = (engine.clone(), victim.clone());
        spawn_call(move || engine.get(&victim, "before"))
    };
    let got = answer_of("a get during the group", &read_during_the_group).unwrap();
    assert_eq!(got.map(|r| r.name), Some("before".to_string()));
    // Two commits fill its queue; the next commit waits for room.
    let queued_commit = engine.submit(put(&victim, "b")).unwrap();
    let queued_commit_2 = engine.submit(put(&victim, "b2")).unwrap();
    wait_until_queued(&engine, 1, 2);
    let blocked_commit = {
        let (engine, victim) = (engine.clone(), victim.clone());
        spawn_call(move || engine.commit(put(&victim, "c")))
    };
    thread::sleep(Duration::from_millis(50));
    assert!(blocked_commit.try_recv().is_err(), "commit waited for room");
    assert_eq!(health(&engine, 1).state, ShardState::Up);

    trap.release();
    let in_group = spawn_call(move || in_group.wait());
    let queued_commit = spawn_call(move || queued_commit.wait());
    let queued_commit_2 = spawn_call(move || queued_commit_2.wait());
    assert_shard_down("the group's commit", answer_of("group", &in_group).unwrap());
    assert_shard_down(
        "a queued commit",
        answer_of("queued", &queued_commit).unwrap(),
    );
    assert_shard_down(
        "a queued commit",
        answer_of("queued", &queued_commit_2).unwrap(),
    );
    assert_shard_down("a blocked commit", answer_of("blocked", &blocked_commit));

    match health(&engine, 1).state {
        ShardState::Down { cause } => assert!(cause.contains(PANIC_MESSAGE), "{cause}"),
        ShardState::Up => panic!("shard 1 is reported up"),
    }
    assert_eq!(health(&engine, 0).state, ShardState::Up);

    // Later calls to the dead shard are answered at once.
    let later = {
        let (engine, victim) = (engine.clone(), victim.clone());
        spawn_call(move || {
            let submitted = engine.submit(put(&victim, "d")).map(|_| ());
            (
                submitted,
                engine.commit(put(&victim, "e")),
                engine.get(&victim, "before"),
                engine.positions(),
            )
        })
    };
    let (submitted, committed, got, positions) = answer_of("later calls", &later);
    assert_shard_down("a later submit", submitted);
    assert_shard_down("a later commit", committed);
    assert_shard_down("a later get", got);
    assert_shard_down("a later positions", positions);

    // The other shard works on.
    let healthy_calls = {
        let engine = engine.clone();
        spawn_call(move || {
            let receipt = engine.commit(put(&healthy, "alive"))?;
            let got = engine.get(&healthy, "alive")?;
            Ok::<_, Error>((receipt, got))
        })
    };
    let (receipt, got) = answer_of("the healthy shard", &healthy_calls).unwrap();
    assert_eq!(receipt.shard, 0);
    assert!(got.is_some());

    // Closing an engine with a dead shard does not hang either.
    let closed = spawn_call(move || {
        Arc::try_unwrap(engine)
            .unwrap_or_else(|_| panic!("every caller is done"))
            .close()
    });
    answer_of("close", &closed);
}

#[test]
fn a_shard_whose_storage_cannot_be_made_fails_open_without_hanging() {
    let disk = SimDisk::new();
    let made = Arc::new(Mutex::new(0u32));
    let make = {
        let (disk, made) = (disk.clone(), made.clone());
        move || {
            let mut made = made.lock().unwrap();
            *made += 1;
            // The metadata's storage and shard 0's succeed; the third is refused.
            if *made >= 3 {
                return Err(io::Error::other("no more io_uring instances"));
            }
            Ok(disk.storage())
        }
    };
    let mut config = EngineConfig::new("/data").with_shards(2);
    // Spares made on the shard's own thread (small ones): the simulated disk's IO points, which the
    // test's faults count, stay in one deterministic order.
    config.wal_preallocation = Preallocation::Inline;
    config.segment_bytes_max = WAL_SEGMENT_BYTES_MIN;
    config.pin_shards_to_cpus = Some(false);
    let opened = spawn_call(move || Engine::open_with(config, make).map(|_| ()));
    match answer_of("open", &opened) {
        Err(Error::Io { context, .. }) => assert_eq!(context, "creating shard storage"),
        other => panic!("expected the storage error, got {other:?}"),
    }
}
