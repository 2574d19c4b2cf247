//! Keeps the resident pages of the engine's mapped files (sstables and history files) under a
//! budget.
//!
//! Tables are read through memory maps (`docs/architecture.md`, "Why mapped files"): a page a read
//! touches stays mapped, and counts in the process's resident memory (`RssFile`), until the kernel
//! needs it back — a process that has read 5 GiB of tables shows 5 GiB of RSS on a machine with
//! memory to spare, and operators (and cgroup limits on some kernels) count it. A small thread
//! (`aorta-resident`) reads the process's resident file-backed pages every
//! [`RESIDENT_CHECK_INTERVAL`]; past `EngineConfig::mapped_resident_bytes_max` it advises the
//! kernel that every mapped table and history file of every shard is not needed
//! (`madvise(MADV_DONTNEED)`): their pages leave the process's resident set but stay in the page
//! cache, so the next read of one costs a minor fault, not a disk read. Between two checks the
//! resident set can grow by what reads fault in during one interval.

use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::state::Published;

/// How often the resident file-backed pages are checked.
pub const RESIDENT_CHECK_INTERVAL: Duration = Duration::from_millis(100);

/// Bytes of file-backed pages resident in this process (`RssFile` + `RssShmem`, the third field of
/// `/proc/self/statm`), if it can be read.
pub fn mapped_resident_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let shared_pages: u64 = statm.split_whitespace().nth(2)?.parse().ok()?;
    // SAFETY: sysconf has no preconditions; it only reads a system value.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    Some(shared_pages * u64::try_from(page).ok()?)
}

/// Releases the resident pages of every mapped file the shards' current parts name; returns how
/// many files it advised.
pub fn release_mapped(shards: &[Arc<Published>]) -> usize {
    let mut released = 0;
    for published in shards {
        let parts = published.parts();
        for table in &parts.tables {
            table.release_resident();
            released += 1;
        }
        for file in &parts.history.files {
            file.release_resident();
            released += 1;
        }
    }
    released
}

/// The thread that keeps mapped pages under the budget; stopped and joined on drop.
pub struct ResidentGuard {
    stop: Arc<(Mutex<bool>, Condvar)>,
    thread: Option<JoinHandle<()>>,
}

impl ResidentGuard {
    pub fn start(shards: Vec<Arc<Published>>, max_bytes: u64) -> std::io::Result<ResidentGuard> {
        let stop = Arc::new((Mutex::new(false), Condvar::new()));
        let thread = {
            let stop = stop.clone();
            std::thread::Builder::new()
                .name("aorta-resident".into())
                .spawn(move || run(&shards, max_bytes, &stop))?
        };
        Ok(ResidentGuard {
            stop,
            thread: Some(thread),
        })
    }
}

fn run(shards: &[Arc<Published>], max_bytes: u64, stop: &(Mutex<bool>, Condvar)) {
    let (stopped, changed) = stop;
    let mut stopped = stopped.lock().unwrap_or_else(|p| p.into_inner());
    loop {
        stopped = changed
            .wait_timeout(stopped, RESIDENT_CHECK_INTERVAL)
            .unwrap_or_else(|p| p.into_inner())
            .0;
        if *stopped {
            return;
        }
        let Some(resident) = mapped_resident_bytes() else {
            tracing::warn!(
                "cannot read /proc/self/statm: mapped pages are not kept under a budget"
            );
            return;
        };
        if resident > max_bytes {
            let files = release_mapped(shards);
            tracing::debug!(resident, max_bytes, files, "released mapped pages");
        }
    }
}

impl Drop for ResidentGuard {
    fn drop(&mut self) {
        let (stopped, changed) = &*self.stop;
        *stopped.lock().unwrap_or_else(|p| p.into_inner()) = true;
        changed.notify_all();
        if let Some(thread) = self.thread.take() {
            if thread.join().is_err() {
                tracing::error!("the resident-pages thread panicked");
            }
        }
    }
}
