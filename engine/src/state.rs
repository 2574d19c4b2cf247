//! The applied state of one shard: the current resource of every key, and an id index.
//!
//! Invariant: the state holds exactly the effect of every durable batch up to `applied_position`, in
//! position order, and nothing else; `by_id` maps the id of every resource in `by_key` to its key.
//! [`State::apply`] is the single apply step, fed the same decided batches in the live path and in
//! recovery; the memtable, sstables and the type and tag indexes join that step.

use std::collections::{BTreeMap, HashMap};

use crate::command::{Change, CommittedBatch};
use crate::resource::{Resource, ResourceId};

#[derive(Default)]
pub struct State {
    by_key: BTreeMap<String, Resource>,
    by_id: HashMap<ResourceId, String>,
    applied_position: u64,
}

impl State {
    /// Checks that `batch` can follow the current state: its position rises, a created key is absent,
    /// an updated or deleted key holds the same resource id. Recovery runs this on every logged
    /// batch, so a record that passed its checksum but does not fit is reported, never applied.
    pub fn check(&self, batch: &CommittedBatch) -> Result<(), String> {
        if batch.position <= self.applied_position {
            return Err(format!(
                "batch position {} does not follow {}",
                batch.position, self.applied_position
            ));
        }
        for change in &batch.changes {
            let key = change.key();
            let current = self.by_key.get(&key).map(|r| r.id);
            match change {
                Change::Created(r) if current.is_some() || self.by_id.contains_key(&r.id) => {
                    return Err(format!("created {key} (id {}) already exists", r.id));
                }
                Change::Updated(r) if current != Some(r.id) => {
                    return Err(format!(
                        "updated {key} (id {}) is not the stored resource",
                        r.id
                    ));
                }
                Change::Deleted { id, .. } if current != Some(*id) => {
                    return Err(format!(
                        "deleted {key} (id {id}) is not the stored resource"
                    ));
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Applies a durable batch, taking its resources (no copies on the commit path).
    pub fn apply(&mut self, batch: CommittedBatch) {
        assert!(
            batch.position > self.applied_position,
            "batches apply in position order: {} after {}",
            batch.position,
            self.applied_position
        );
        let position = batch.position;
        for change in batch.changes {
            match change {
                Change::Created(resource) | Change::Updated(resource) => {
                    debug_assert_eq!(resource.revision, position);
                    let key = resource.key();
                    let id = resource.id;
                    if let Some(old) = self.by_key.insert(key.clone(), resource) {
                        if old.id != id {
                            self.by_id.remove(&old.id);
                        }
                    }
                    self.by_id.insert(id, key);
                }
                Change::Deleted { id, .. } => {
                    let key = change.key();
                    let removed = self.by_key.remove(&key);
                    assert!(
                        removed.as_ref().map(|r| r.id) == Some(id),
                        "a logged delete of {key} must find the resource it deleted"
                    );
                    self.by_id.remove(&id);
                }
            }
        }
        self.applied_position = position;
        debug_assert_eq!(self.by_key.len(), self.by_id.len());
    }

    pub fn get(&self, key: &str) -> Option<&Resource> {
        self.by_key.get(key)
    }

    pub fn get_by_id(&self, id: &ResourceId) -> Option<&Resource> {
        self.by_id.get(id).and_then(|key| self.by_key.get(key))
    }

    pub fn applied_position(&self) -> u64 {
        self.applied_position
    }

    pub fn len(&self) -> usize {
        self.by_key.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_key.is_empty()
    }

    /// Every resource, in key order.
    pub fn iter(&self) -> impl Iterator<Item = &Resource> {
        self.by_key.values()
    }
}
