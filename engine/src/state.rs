//! The applied state of one shard: the current resource of every key, and an id index.
//!
//! Invariant: the state holds exactly the effect of every durable batch up to `applied_position`, in
//! position order, and nothing else; `by_id` maps the id of every resource in `by_key` to its key.
//! [`State::apply`] is the single apply step, fed the same decided batches in the live path and in
//! recovery; the memtable, sstables and the type and tag indexes join that step.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::command::{Change, CommittedBatch};
use crate::limits::BATCH_COMMANDS_MAX;
use crate::resource::{validate_name, validate_namespace, Resource, ResourceId};
use crate::routing::shard_for_namespace;

/// Who wrote a logged batch: a create's id is derived from the log (cluster id, shard, position,
/// index), never random, so every replica mints the same; and every namespace it changes is owned
/// by this shard (when the shard count is known).
#[derive(Clone, Copy, Debug)]
pub struct Minter {
    pub cluster_id: u32,
    pub shard: u16,
    pub shard_count: Option<u16>,
}

/// What a change did to its key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Created,
    Updated,
    Deleted,
}

/// One change of one apply step, as its key saw it: `old` is the resource before (none for a
/// create), `new` the one after (none for a delete), at the batch's `position`. This is what feeds
/// the indexes, the history and the subscriptions; `new` borrows from the state, so a listener
/// that keeps it clones it (nothing is copied on the commit path for a listener that does not).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AppliedChange<'a> {
    pub position: u64,
    pub action: Action,
    pub old: Option<&'a Resource>,
    pub new: Option<&'a Resource>,
}

#[derive(Default)]
pub struct State {
    by_key: BTreeMap<String, Resource>,
    by_id: HashMap<ResourceId, String>,
    applied_position: u64,
}

impl State {
    /// Checks a logged batch as strictly as the write path made it, then that it can follow the
    /// current state (see [`State::check`]): 1 to `BATCH_COMMANDS_MAX` changes, every resource valid
    /// (names, sizes, tags), one change per key, a create's id minted from this shard and position
    /// and its created time the commit time, revisions the batch's position. Records may come from a
    /// leader over the network; a record that breaks a rule is reported, never applied.
    pub fn check_logged(&self, batch: &CommittedBatch, minter: Minter) -> Result<(), String> {
        let count = batch.changes.len();
        if count == 0 || count > BATCH_COMMANDS_MAX {
            return Err(format!(
                "a logged batch has {count} changes (1 to {BATCH_COMMANDS_MAX})"
            ));
        }
        let mut keys = HashSet::with_capacity(count);
        let mut ids = HashSet::with_capacity(count);
        for (index, change) in batch.changes.iter().enumerate() {
            let (id, valid) = match change {
                Change::Created(r) | Change::Updated(r) => (r.id, r.validate()),
                Change::Deleted {
                    id,
                    namespace,
                    name,
                } => (
                    *id,
                    validate_namespace(namespace).and_then(|_| validate_name(name)),
                ),
            };
            let key = change.key();
            valid.map_err(|e| format!("change {index} ({key}): {e}"))?;
            if let Some(count) = minter.shard_count {
                let namespace = match change {
                    Change::Created(r) | Change::Updated(r) => &r.namespace,
                    Change::Deleted { namespace, .. } => namespace,
                };
                let owner = shard_for_namespace(namespace, count);
                if owner != minter.shard {
                    return Err(format!(
                        "{key} belongs to shard {owner} of {count}, not to shard {}",
                        minter.shard
                    ));
                }
            }
            if !keys.insert(key.clone()) {
                return Err(format!("the batch changes {key} twice"));
            }
            if !ids.insert(id) {
                return Err(format!("the batch names id {id} twice"));
            }
            if let Change::Created(r) | Change::Updated(r) = change {
                if r.revision != batch.position {
                    return Err(format!(
                        "{key} has revision {} in the batch at position {}",
                        r.revision, batch.position
                    ));
                }
            }
            if let Change::Created(r) = change {
                let minted = ResourceId::new(
                    minter.cluster_id,
                    minter.shard,
                    batch.position,
                    index as u16,
                );
                if r.id != minted || r.created_ms != batch.commit_time_ms {
                    return Err(format!(
                        "created {key} has id {} and created time {}, not {minted} and {}",
                        r.id, r.created_ms, batch.commit_time_ms
                    ));
                }
            }
            if let Change::Updated(r) = change {
                if let Some(stored) = self.by_key.get(&key) {
                    if stored.created_ms != r.created_ms {
                        return Err(format!(
                            "updated {key} changes its created time {} to {}",
                            stored.created_ms, r.created_ms
                        ));
                    }
                }
            }
        }
        self.check(batch)
    }

    /// Checks that `batch` can follow the current state: its position rises, a created key is absent,
    /// an updated or deleted key holds the same resource id.
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
        self.apply_with(batch, &mut |_| {});
    }

    /// Applies a durable batch and hands each change, in the batch's order, to `on_change` as
    /// (action, old, new, position).
    pub fn apply_with(
        &mut self,
        batch: CommittedBatch,
        on_change: &mut dyn FnMut(AppliedChange<'_>),
    ) {
        assert!(
            batch.position > self.applied_position,
            "batches apply in position order: {} after {}",
            batch.position,
            self.applied_position
        );
        let position = batch.position;
        for change in batch.changes {
            let action = match change {
                Change::Created(_) => Action::Created,
                Change::Updated(_) => Action::Updated,
                Change::Deleted { .. } => Action::Deleted,
            };
            match change {
                Change::Created(resource) | Change::Updated(resource) => {
                    debug_assert_eq!(resource.revision, position);
                    let key = resource.key();
                    let id = resource.id;
                    let old = self.by_key.insert(key.clone(), resource);
                    if let Some(old) = &old {
                        if old.id != id {
                            self.by_id.remove(&old.id);
                        }
                    }
                    let new = self.by_key.get(&key);
                    self.by_id.insert(id, key.clone());
                    on_change(AppliedChange {
                        position,
                        action,
                        old: old.as_ref(),
                        new,
                    });
                }
                Change::Deleted { id, .. } => {
                    let key = change.key();
                    let removed = self.by_key.remove(&key);
                    assert!(
                        removed.as_ref().map(|r| r.id) == Some(id),
                        "a logged delete of {key} must find the resource it deleted"
                    );
                    self.by_id.remove(&id);
                    on_change(AppliedChange {
                        position,
                        action,
                        old: removed.as_ref(),
                        new: None,
                    });
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
