//! `RecentVersions`: the newest version of each key a shard changed recently, as the shard applied
//! it, so that its decisions (a put's old resource, an expected revision) read a recent key from
//! memory instead of searching memtables and tables and decoding the version.
//!
//! Invariants:
//! - **Exact.** The shard's apply step (the only writer of its state) records every change here,
//!   so an entry found is the key's newest version. A key not found may be anywhere in the state.
//! - **Bounded by bytes, in two generations.** Entries go into the current generation; once it is
//!   charged more than the budget, it becomes the previous generation and the one before is
//!   dropped whole. A lookup reads the current generation, then the previous one: a key recorded
//!   again since is in the current one, so a stale entry of the previous one is never read. At most
//!   two generations of at most the budget (plus one entry) are held, plus what is left of the one
//!   dropped last, which is freed a few entries per record instead of all at once on the shard's
//!   thread (a generation of 64 MiB is about 100,000 entries). An entry is charged its key,
//!   its resource's estimate (shared with the history by `Arc`, charged here in full) and
//!   [`ENTRY_OVERHEAD_BYTES`].
//! - **Covering the active memtable.** The shard skips searching its active memtable for a key
//!   not found here when every key the memtable holds was recorded here and not dropped since:
//!   true from the start of the memtable (`active_memtable_started`) until the second change of
//!   generation after it (the first drops only entries older than the memtable).
//!
//! Plain data, no IO, no clock: the same changes give the same generations in every run.

use std::sync::Arc;

use crate::history::resource_estimated_bytes;
use crate::resource::Resource;

/// Entries of a dropped generation freed per record: a generation fills by one entry per record,
/// so it is gone long before the next change of generation.
const DROPPED_PER_RECORD: usize = 4;

/// What an entry costs beyond its key and its resource: the map's slot (key vector and option of
/// an `Arc`, 32 bytes, at most 8/7 of the slots used and up to twice that while the map grows), the
/// key vector's allocation rounding.
pub const ENTRY_OVERHEAD_BYTES: u64 = 96;

type Generation = foldhash::HashMap<Vec<u8>, Option<Arc<Resource>>>;

/// The newest version (`None`: deleted) of recently changed keys; see the module doc.
pub struct RecentVersions {
    current: Generation,
    current_bytes: u64,
    previous: Generation,
    /// The generation dropped at the last change, freed a few entries per record
    /// ([`DROPPED_PER_RECORD`]) so that no record pays for a whole generation at once.
    dropping: Option<std::collections::hash_map::IntoIter<Vec<u8>, Option<Arc<Resource>>>>,
    generation_bytes_max: u64,
    /// Changes of generation since the active memtable started, up to 2.
    generations_since_active_started: u8,
}

impl std::fmt::Debug for RecentVersions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RecentVersions")
            .field("current", &self.current.len())
            .field("current_bytes", &self.current_bytes)
            .field("previous", &self.previous.len())
            .field("generation_bytes_max", &self.generation_bytes_max)
            .finish()
    }
}

impl RecentVersions {
    /// Each generation is charged at most `generation_bytes_max` (plus its last entry).
    pub fn new(generation_bytes_max: u64) -> Self {
        RecentVersions {
            current: Generation::default(),
            current_bytes: 0,
            previous: Generation::default(),
            dropping: None,
            generation_bytes_max,
            generations_since_active_started: 0,
        }
    }

    /// The newest version of `key` if it was recorded and is still held: `Some(None)` for a
    /// delete, `None` if not held.
    pub fn get(&self, key: &[u8]) -> Option<&Option<Arc<Resource>>> {
        self.current.get(key).or_else(|| self.previous.get(key))
    }

    /// Records `key`'s newest version, as applied.
    pub fn record(&mut self, key: &[u8], newest: Option<Arc<Resource>>) {
        let charge = entry_bytes(key, newest.as_deref());
        match self.current.get_mut(key) {
            Some(entry) => {
                let before = entry_bytes(key, entry.as_deref());
                *entry = newest;
                self.current_bytes = self.current_bytes - before + charge;
            }
            None => {
                self.current.insert(key.to_vec(), newest);
                self.current_bytes += charge;
            }
        }
        if let Some(dropping) = &mut self.dropping {
            if dropping.by_ref().take(DROPPED_PER_RECORD).count() < DROPPED_PER_RECORD {
                self.dropping = None;
            }
        }
        if self.current_bytes > self.generation_bytes_max {
            let capacity = self.current.len();
            let full = std::mem::replace(
                &mut self.current,
                Generation::with_capacity_and_hasher(capacity, Default::default()),
            );
            let dropped = std::mem::replace(&mut self.previous, full);
            // Whatever is left of the generation dropped before (nothing, normally: it had a whole
            // generation's records to go) is freed here.
            self.dropping = Some(dropped.into_iter());
            self.current_bytes = 0;
            self.generations_since_active_started = self
                .generations_since_active_started
                .saturating_add(1)
                .min(2);
        }
    }

    /// The shard started a new active memtable: nothing it holds is missing from here.
    pub fn active_memtable_started(&mut self) {
        self.generations_since_active_started = 0;
    }

    /// Whether every key the active memtable holds is here (see the module doc).
    pub fn covers_active_memtable(&self) -> bool {
        self.generations_since_active_started < 2
    }
}

fn entry_bytes(key: &[u8], resource: Option<&Resource>) -> u64 {
    key.len() as u64 + resource.map_or(0, resource_estimated_bytes) + ENTRY_OVERHEAD_BYTES
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resource::ResourceId;

    fn resource(name: &str, data_len: usize) -> Arc<Resource> {
        Arc::new(Resource {
            api_version: "v1".into(),
            id: ResourceId::new(1, 0, 1, 0),
            namespace: "/recent".into(),
            name: name.into(),
            kind: "t".into(),
            created_ms: 0,
            owner: String::new(),
            tags: Default::default(),
            cost: 0,
            data: vec![7; data_len],
            revision: 1,
        })
    }

    #[test]
    fn the_newest_record_is_read_across_a_change_of_generation() {
        let one = resource("a", 100);
        let bytes_max = 3 * entry_bytes(b"a", Some(&one));
        let mut recent = RecentVersions::new(bytes_max);
        recent.record(b"a", Some(one.clone()));
        recent.record(b"b", Some(resource("b", 100)));
        recent.record(b"c", None);
        assert_eq!(recent.get(b"a"), Some(&Some(one.clone())));
        assert_eq!(recent.get(b"c"), Some(&None));
        assert!(recent.covers_active_memtable());
        // The fourth entry passes the budget: this generation becomes the previous one.
        recent.record(b"d", Some(resource("d", 100)));
        assert_eq!(recent.current_bytes, 0);
        assert_eq!(recent.get(b"a"), Some(&Some(one)));
        // "a" changes again: the current generation's entry hides the previous one's.
        let two = resource("a", 5);
        recent.record(b"a", Some(two.clone()));
        assert_eq!(recent.get(b"a"), Some(&Some(two.clone())));
        assert!(recent.covers_active_memtable());
        // A second change of generation drops the first: "b" and "c" are gone, "a" is not.
        for name in ["e", "f", "g", "h"] {
            recent.record(name.as_bytes(), Some(resource(name, 100)));
        }
        assert_eq!(recent.get(b"b"), None);
        assert_eq!(recent.get(b"c"), None);
        assert_eq!(recent.get(b"a"), Some(&Some(two)));
        assert!(!recent.covers_active_memtable());
        recent.active_memtable_started();
        assert!(recent.covers_active_memtable());
    }

    #[test]
    fn a_generation_is_charged_exactly_its_entries() {
        let mut recent = RecentVersions::new(u64::MAX);
        let big = resource("k", 1000);
        recent.record(b"k", Some(big.clone()));
        assert_eq!(recent.current_bytes, entry_bytes(b"k", Some(&big)));
        let small = resource("k", 10);
        recent.record(b"k", Some(small.clone()));
        assert_eq!(recent.current_bytes, entry_bytes(b"k", Some(&small)));
        recent.record(b"k", None);
        assert_eq!(recent.current_bytes, entry_bytes(b"k", None));
        assert_eq!(recent.current.len() + recent.previous.len(), 1);
    }

    #[test]
    fn a_dropped_generation_is_freed_a_few_entries_per_record() {
        let one = resource("x", 10);
        let per_generation = 40;
        let mut recent = RecentVersions::new(per_generation * entry_bytes(b"k000", Some(&one)));
        let record = |recent: &mut RecentVersions, i: u64| {
            recent.record(format!("k{i:03}").as_bytes(), Some(one.clone()));
        };
        // Three generations: the third change drops the first, whole generation.
        let mut i = 0;
        while i < 2 * (per_generation + 1) {
            record(&mut recent, i);
            i += 1;
        }
        assert!(
            recent.dropping.is_some(),
            "the first generation is being freed"
        );
        let held = Arc::strong_count(&one);
        record(&mut recent, i);
        i += 1;
        assert_eq!(
            Arc::strong_count(&one),
            held + 1 - DROPPED_PER_RECORD,
            "one record frees {DROPPED_PER_RECORD} entries"
        );
        // Well within a generation's records, the dropped one is gone.
        for _ in 0..per_generation / DROPPED_PER_RECORD as u64 + 1 {
            record(&mut recent, i);
            i += 1;
        }
        assert!(recent.dropping.is_none());
    }

    #[test]
    fn memory_stays_within_two_generations() {
        let bytes_max = 64 * 1024;
        let mut recent = RecentVersions::new(bytes_max);
        let mut charged_most = 0;
        for i in 0..10_000u32 {
            let key = format!("k{i}");
            recent.record(key.as_bytes(), Some(resource(&key, (i % 700) as usize)));
            let previous: u64 = recent
                .previous
                .iter()
                .map(|(k, r)| entry_bytes(k, r.as_deref()))
                .sum();
            charged_most = charged_most.max(previous + recent.current_bytes);
        }
        let entry_most = entry_bytes(b"k9999", Some(&resource("k9999", 700)));
        assert!(
            charged_most <= 2 * (bytes_max + entry_most),
            "{charged_most} charged at most"
        );
    }
}
