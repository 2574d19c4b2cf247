//! Where a shard's log syncs run: on the shard's own thread ([`InlineSync`]), or on a thread of
//! their own ([`SyncThread`]) while the shard decides and logs the next batches.
//!
//! Why a thread: an fdatasync keeps the shard's thread asleep for the whole device flush (0.2 to
//! 2 ms here). With many writers, batches wait in the queue meanwhile, and the CPU that would
//! decide them sits idle (29 % of both cores in the 256-writer benchmark). The shard hands the
//! sync over only when batches are waiting; otherwise it syncs inline, so one writer pays no
//! hand-off.
//!
//! One sync at a time: [`SyncRunner::start`] then [`SyncRunner::finish`], strictly alternating
//! (the log writes its next group only after the previous one's sync reported).

use std::io;

use std::sync::{Arc, Condvar, Mutex, MutexGuard};

use crate::storage::DetachedSync;

/// Runs the log's syncs, one at a time.
pub trait SyncRunner {
    /// Starts `sync`; the next [`SyncRunner::finish`] returns its outcome.
    fn start(&mut self, sync: DetachedSync);
    /// Waits for the started sync's outcome.
    fn finish(&mut self) -> io::Result<()>;
    /// Whether the started sync has reported (`finish` would not wait).
    fn is_done(&self) -> bool;
}

/// Runs each sync on the calling thread, at `start`.
#[derive(Default)]
pub struct InlineSync {
    outcome: Option<io::Result<()>>,
}

impl SyncRunner for InlineSync {
    fn start(&mut self, sync: DetachedSync) {
        assert!(self.outcome.is_none(), "one sync at a time");
        self.outcome = Some(sync.run());
    }

    fn finish(&mut self) -> io::Result<()> {
        self.outcome.take().expect("a sync was started")
    }

    fn is_done(&self) -> bool {
        true
    }
}

struct Slot {
    job: Option<DetachedSync>,
    outcome: Option<io::Result<()>>,
    closed: bool,
}

struct Shared {
    slot: Mutex<Slot>,
    job_ready: Condvar,
    outcome_ready: Condvar,
    /// Called after each outcome is handed back (the shard's queue wakes its consumer with it).
    on_done: Box<dyn Fn() + Send + Sync>,
}

/// A thread of its own that runs the syncs handed to it. Dropping it stops the thread (after the
/// sync it runs, if any). Plain `std` primitives (a mutex and two condition variables), also under
/// `--cfg loom`: loom does not model it.
pub struct SyncThread {
    shared: Arc<Shared>,
    started: bool,
    thread: Option<std::thread::JoinHandle<()>>,
}

fn lock(slot: &Mutex<Slot>) -> MutexGuard<'_, Slot> {
    slot.lock()
        .expect("hand-off lock poisoned: a thread panicked inside it")
}

impl SyncThread {
    /// Starts the thread, named `name`; `on_done` runs on it after each outcome is handed back.
    pub fn spawn(name: String, on_done: Box<dyn Fn() + Send + Sync>) -> io::Result<Self> {
        let shared = Arc::new(Shared {
            slot: Mutex::new(Slot {
                job: None,
                outcome: None,
                closed: false,
            }),
            job_ready: Condvar::new(),
            outcome_ready: Condvar::new(),
            on_done,
        });
        let worker = shared.clone();
        let thread = std::thread::Builder::new()
            .name(name)
            .spawn(move || run(&worker))?;
        Ok(SyncThread {
            shared,
            started: false,
            thread: Some(thread),
        })
    }
}

/// The thread's loop: waits for a job, runs it, hands back its outcome (a panic inside the job is
/// an error, so the shard is never left waiting).
fn run(shared: &Shared) {
    loop {
        let job = {
            let mut slot = lock(&shared.slot);
            loop {
                if let Some(job) = slot.job.take() {
                    break job;
                }
                if slot.closed {
                    return;
                }
                slot = shared
                    .job_ready
                    .wait(slot)
                    .expect("hand-off lock poisoned: a thread panicked inside it");
            }
        };
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| job.run()))
            .unwrap_or_else(|_| Err(io::Error::other("the sync thread panicked in fdatasync")));
        lock(&shared.slot).outcome = Some(outcome);
        shared.outcome_ready.notify_one();
        (shared.on_done)();
    }
}

impl SyncRunner for SyncThread {
    fn start(&mut self, sync: DetachedSync) {
        assert!(!self.started, "one sync at a time");
        self.started = true;
        {
            let mut slot = lock(&self.shared.slot);
            debug_assert!(slot.job.is_none() && slot.outcome.is_none());
            slot.job = Some(sync);
        }
        self.shared.job_ready.notify_one();
    }

    fn finish(&mut self) -> io::Result<()> {
        assert!(self.started, "a sync was started");
        self.started = false;
        let mut slot = lock(&self.shared.slot);
        loop {
            if let Some(outcome) = slot.outcome.take() {
                return outcome;
            }
            slot = self
                .shared
                .outcome_ready
                .wait(slot)
                .expect("hand-off lock poisoned: a thread panicked inside it");
        }
    }

    fn is_done(&self) -> bool {
        lock(&self.shared.slot).outcome.is_some()
    }
}

impl Drop for SyncThread {
    fn drop(&mut self) {
        lock(&self.shared.slot).closed = true;
        self.shared.job_ready.notify_one();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    #[test]
    fn a_sync_thread_hands_back_each_outcome_in_turn() {
        let mut syncer = SyncThread::spawn("test-sync".into(), Box::new(|| {})).unwrap();
        syncer.start(DetachedSync::new(|| Ok(())));
        assert!(syncer.finish().is_ok());
        syncer.start(DetachedSync::new(|| {
            Err(io::Error::from_raw_os_error(libc::EIO))
        }));
        assert_eq!(syncer.finish().unwrap_err().raw_os_error(), Some(libc::EIO));
    }

    #[test]
    fn a_panic_in_a_sync_is_an_error_not_a_wait_forever() {
        let mut syncer = SyncThread::spawn("test-sync".into(), Box::new(|| {})).unwrap();
        syncer.start(DetachedSync::new(|| panic!("injected")));
        assert!(syncer.finish().is_err());
        // The thread goes on serving.
        syncer.start(DetachedSync::new(|| Ok(())));
        assert!(syncer.finish().is_ok());
    }

    #[test]
    fn a_sync_thread_says_when_its_sync_is_done_and_calls_back() {
        let calls = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counted = calls.clone();
        let on_done = Box::new(move || {
            counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        });
        let mut syncer = SyncThread::spawn("test-sync".into(), on_done).unwrap();
        let (release, released) = std::sync::mpsc::channel::<()>();
        syncer.start(DetachedSync::new(move || {
            released.recv().unwrap();
            Ok(())
        }));
        assert!(!syncer.is_done(), "done before the sync ran");
        release.send(()).unwrap();
        while !syncer.is_done() {
            std::thread::yield_now();
        }
        assert!(syncer.finish().is_ok());
        while calls.load(std::sync::atomic::Ordering::SeqCst) == 0 {
            std::thread::yield_now();
        }
        assert_eq!(calls.load(std::sync::atomic::Ordering::SeqCst), 1);
    }

    #[test]
    fn inline_sync_runs_at_start() {
        let ran = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let mut inline = InlineSync::default();
        let flag = ran.clone();
        inline.start(DetachedSync::new(move || {
            flag.store(true, std::sync::atomic::Ordering::SeqCst);
            Ok(())
        }));
        assert!(ran.load(std::sync::atomic::Ordering::SeqCst));
        assert!(inline.finish().is_ok());
    }
}
