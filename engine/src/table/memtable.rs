//! PLACEHOLDER — replaced by the mvcc-memtable branch's memtable.rs at merge.
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use crossbeam_skiplist::SkipMap;

use super::version::versioned_key;

#[derive(Clone, Debug)]
pub struct Version {
    pub position: u64,
    pub value: Option<Arc<[u8]>>,
}

#[derive(Default)]
pub struct Memtable {
    map: SkipMap<Vec<u8>, Option<Arc<[u8]>>>,
    bytes: AtomicU64,
}

impl Memtable {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn insert(&self, user_key: &[u8], position: u64, value: Option<&[u8]>) {
        let key = versioned_key(user_key, position);
        self.bytes.fetch_add(
            (key.len() + value.map_or(0, |v| v.len()) + 64) as u64,
            Ordering::Relaxed,
        );
        self.map.insert(key, value.map(Arc::from));
    }
    pub fn get(&self, user_key: &[u8], at: u64) -> Option<Version> {
        let seek = versioned_key(user_key, at);
        let entry = self.map.lower_bound(std::ops::Bound::Included(&seek))?;
        let (key, position) = super::version::split_versioned(entry.key()).ok()?;
        if key != user_key {
            return None;
        }
        Some(Version {
            position,
            value: entry.value().clone(),
        })
    }
    pub fn approximate_bytes(&self) -> u64 {
        self.bytes.load(Ordering::Relaxed)
    }
    pub fn len(&self) -> usize {
        self.map.len()
    }
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
    /// (internal key, value) in order.
    pub fn iter(&self) -> impl Iterator<Item = (Vec<u8>, Option<Arc<[u8]>>)> + '_ {
        self.map
            .iter()
            .map(|e| (e.key().clone(), e.value().clone()))
    }
}
