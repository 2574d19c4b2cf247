//! A memtable's `approximate_bytes` (what the shard flushes by) covers the heap memory it really
//! holds — nodes, the chunks' free ends it moved on from, the writer's index — up to the newest
//! chunks' free parts (one per arena: key nodes and versions) and a constant: measured with a
//! counting allocator, for small and large values, new keys and new versions of old ones. Its own
//! binary: the allocator counts every allocation of the process, so nothing else may run beside
//! the test.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use aorta_engine::table::memtable::Memtable;
use rand::{Rng, SeedableRng};

struct Counting;

static ALLOCATED: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed to `System` unchanged; the counter only observes sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATED.fetch_add(layout.size(), Ordering::Relaxed);
        // SAFETY: the caller's layout, as `GlobalAlloc::alloc` requires.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        ALLOCATED.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: allocated by `System` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// The newest chunks' free parts (chunks are at most 1 MiB; one arena of key nodes, one of
/// versions), which the charges leave out.
const NEWEST_CHUNKS_BYTES_MAX: usize = 2 * 1024 * 1024;
/// The memtable's fixed part (the skip list's head, the index's empty table) and the index's
/// slack while it holds few keys.
const FIXED_BYTES: usize = 4096;

#[test]
fn the_bytes_charged_cover_the_memory_held() {
    let mut rng = rand::rngs::StdRng::seed_from_u64(0x000A_077A);
    let key_count = 20_000u64;
    let keys: Vec<Vec<u8>> = (0..key_count)
        .map(|i| format!("/tenant/{}/k{i:06}", i % 17).into_bytes())
        .collect();
    let value = vec![0xA5u8; 100 * 1024];
    let before = ALLOCATED.load(Ordering::SeqCst);
    let memtable = Memtable::new();
    let mut largest_overshoot = 0isize;
    for position in 1..=60_000u64 {
        let key = &keys[rng.gen_range(0..key_count as usize)];
        // Mostly small values, some tombstones, a few large ones (own chunks past 64 KiB).
        let len = match rng.gen_range(0..100) {
            0..=9 => None,
            10..=97 => Some(rng.gen_range(0..600)),
            _ => Some(rng.gen_range(1_000..value.len())),
        };
        memtable.insert(key, position, len.map(|len| &value[..len]));
        let held = ALLOCATED.load(Ordering::SeqCst) - before;
        let charged = memtable.approximate_bytes();
        largest_overshoot = largest_overshoot.max(held as isize - charged as isize);
        assert!(
            held <= charged + NEWEST_CHUNKS_BYTES_MAX + FIXED_BYTES,
            "after {position} inserts the memtable holds {held} bytes and is charged {charged}"
        );
    }
    // The charges are not a wild overestimate either: within twice what is held (tombstones and
    // small versions are charged at least 128 bytes).
    let held = ALLOCATED.load(Ordering::SeqCst) - before;
    assert!(
        memtable.approximate_bytes() < 2 * held,
        "charged {} for {held} bytes held",
        memtable.approximate_bytes()
    );
    let charged = memtable.approximate_bytes();
    drop(memtable);
    // Everything is freed with the memtable.
    assert_eq!(ALLOCATED.load(Ordering::SeqCst), before);
    println!(
        "held {held} bytes, charged {charged}, largest excess of held over charged {largest_overshoot}"
    );
}
