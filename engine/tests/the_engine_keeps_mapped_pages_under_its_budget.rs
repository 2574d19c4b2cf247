//! Past `mapped_resident_bytes_max`, the engine releases its mapped tables' pages from the
//! process's resident set (they stay in the page cache): after every resource of ~64 MiB of tables
//! is read back, the resident file-backed pages fall back under the budget's neighbourhood; with no
//! budget they stay. Real engine, real files; one test in its own process, so that the process-wide
//! figure moves only by what it does.

use std::time::{Duration, Instant};

use aorta_engine::resident::mapped_resident_bytes;
use aorta_engine::{Batch, Command, Engine, EngineConfig, ResourceSpec};

const RESOURCES: u64 = 60_000;
const MIB: u64 = 1024 * 1024;

fn config(dir: &std::path::Path, budget: Option<u64>) -> EngineConfig {
    let mut config = EngineConfig::new(dir).with_shards(1);
    config.memtable_bytes_max = 4 * MIB;
    config.mapped_resident_bytes_max = budget;
    config
}

fn name(i: u64) -> String {
    format!("r{i:06}")
}

fn read_all(engine: &Engine) {
    for i in 0..RESOURCES {
        let r = engine.get("/big", &name(i)).unwrap().unwrap();
        assert_eq!(r.data.len(), 1024);
    }
}

/// The smallest resident figure seen within `wait` (sampled every 50 ms).
fn lowest_resident_within(wait: Duration) -> u64 {
    let start = Instant::now();
    let mut lowest = u64::MAX;
    while start.elapsed() < wait {
        lowest = lowest.min(mapped_resident_bytes().unwrap());
        std::thread::sleep(Duration::from_millis(50));
    }
    lowest
}

#[test]
fn mapped_pages_fall_under_the_budget_and_stay_without_one() {
    let dir = tempfile::tempdir().unwrap();
    let engine = Engine::open(config(dir.path(), None)).unwrap();
    for start in (0..RESOURCES).step_by(500) {
        let commands = (start..start + 500)
            .map(|i| {
                Command::put(
                    ResourceSpec::new("/big", &name(i), "t").with_data(vec![i as u8; 1024]),
                    None,
                )
            })
            .collect();
        engine.commit(Batch::new(commands)).unwrap();
    }
    engine.close();

    // No budget: what the reads map stays resident.
    let engine = Engine::open(config(dir.path(), None)).unwrap();
    let before = mapped_resident_bytes().unwrap();
    read_all(&engine);
    let unbounded = lowest_resident_within(Duration::from_millis(500));
    assert!(
        unbounded >= before + 40 * MIB,
        "reading every table maps it: {} -> {} MiB",
        before / MIB,
        unbounded / MIB
    );
    engine.close();

    // A 16 MiB budget: the engine releases the pages within a few checks.
    let engine = Engine::open(config(dir.path(), Some(16 * MIB))).unwrap();
    read_all(&engine);
    let bounded = lowest_resident_within(Duration::from_secs(2));
    assert!(
        bounded + 30 * MIB <= unbounded,
        "released past the budget: {} MiB, against {} MiB without a budget",
        bounded / MIB,
        unbounded / MIB
    );
    // Every read still answers the same.
    read_all(&engine);
}
