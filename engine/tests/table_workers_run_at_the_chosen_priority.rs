//! A shard's table workers (`aorta-flush-<n>`, `aorta-compact-<n>`) run at the normal policy by
//! default, and under `SCHED_IDLE` with `WorkerPriority::Idle` (a flush or a merge then never holds
//! a CPU that the shard, its sync thread or a caller wants). Read back from the kernel
//! (`/proc/self/task/<tid>/stat`, field 41: the scheduling policy) of a real engine.

use std::path::Path;

use aorta_engine::table::store::WorkerPriority;
use aorta_engine::{Engine, EngineConfig};

const SCHED_OTHER: u32 = 0;
const SCHED_IDLE: u32 = 5;

/// The scheduling policy of each of this process's threads whose name starts with `prefix`.
fn policies(prefix: &str) -> Vec<(String, u32)> {
    let mut found = Vec::new();
    for task in std::fs::read_dir("/proc/self/task").unwrap().flatten() {
        let Ok(name) = std::fs::read_to_string(task.path().join("comm")) else {
            continue; // the thread ended meanwhile
        };
        let name = name.trim_end().to_string();
        if !name.starts_with(prefix) {
            continue;
        }
        let stat = std::fs::read_to_string(task.path().join("stat")).unwrap();
        // Fields after the name (which ends at the last ')') start at field 3.
        let after_name = &stat[stat.rfind(')').unwrap() + 2..];
        let policy = after_name.split(' ').nth(41 - 3).unwrap().parse().unwrap();
        found.push((name, policy));
    }
    found
}

fn worker_policies(dir: &Path, priority: WorkerPriority) -> Vec<(String, u32)> {
    let mut config = EngineConfig::new(dir).with_shards(2);
    config.table_worker_priority = priority;
    let engine = Engine::open(config).unwrap();
    // The workers set their policy first thing; give them a moment to start.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let expected = if priority == WorkerPriority::Idle {
        SCHED_IDLE
    } else {
        SCHED_OTHER
    };
    let mut seen = Vec::new();
    while std::time::Instant::now() < deadline {
        seen = [policies("aorta-flush-"), policies("aorta-compact-")].concat();
        if seen.len() == 4 && seen.iter().all(|(_, p)| *p == expected) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    // The shard threads themselves keep the normal policy.
    let shards = policies("aorta-shard-");
    assert_eq!(shards.len(), 2, "{shards:?}");
    assert!(shards.iter().all(|(_, p)| *p == SCHED_OTHER), "{shards:?}");
    drop(engine);
    seen
}

#[test]
fn table_workers_run_normal_by_default_and_idle_on_request() {
    // Tests of one file run on threads of one process: run both cases in one test, one engine
    // at a time, so that each sees only its own workers.
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        EngineConfig::new(dir.path()).table_worker_priority,
        WorkerPriority::Normal
    );
    let normal = worker_policies(&dir.path().join("normal"), WorkerPriority::default());
    assert_eq!(
        normal.len(),
        4,
        "a flush and a compact thread per shard: {normal:?}"
    );
    assert!(normal.iter().all(|(_, p)| *p == SCHED_OTHER), "{normal:?}");

    let idle = worker_policies(&dir.path().join("idle"), WorkerPriority::Idle);
    assert_eq!(idle.len(), 4, "{idle:?}");
    assert!(idle.iter().all(|(_, p)| *p == SCHED_IDLE), "{idle:?}");
}
