//! Shared by the history tests: resources and changes to record, and an independent model of the
//! history (a `Vec` of whole batches with the eviction and page rules written out plainly).
#![allow(dead_code)]

use std::sync::Arc;

use aorta_engine::history::{
    HistoryChange, HistoryError, HistoryLimits, Page, BATCH_OVERHEAD_BYTES,
};
use aorta_engine::state::Action;
use aorta_engine::{Resource, ResourceId};

pub fn resource(position: u64, index: u16, data_bytes: usize) -> Resource {
    Resource {
        api_version: "v1".into(),
        id: ResourceId::new(1, 0, position, index),
        namespace: "/ns".into(),
        name: format!("r{index}"),
        kind: "task".into(),
        created_ms: 1_000,
        owner: "alice".into(),
        tags: Default::default(),
        cost: 0,
        data: vec![index as u8; data_bytes],
        revision: position,
    }
}

/// A change at `position`: a create (no old), an update (old and new) or a delete (no new).
pub fn change(
    position: u64,
    time_ms: u64,
    index: u16,
    kind: u8,
    data_bytes: usize,
) -> HistoryChange {
    let old = (kind != 0).then(|| Arc::new(resource(position - 1, index, data_bytes)));
    let new = (kind != 2).then(|| Arc::new(resource(position, index, data_bytes)));
    let action = [Action::Created, Action::Updated, Action::Deleted][kind as usize % 3];
    HistoryChange {
        position,
        commit_time_ms: time_ms,
        action,
        old,
        new,
    }
}

/// The model: every kept batch in order, and the position of the last evicted one.
#[derive(Default)]
pub struct Model {
    pub batches: Vec<Vec<HistoryChange>>,
    pub evicted_through: u64,
    pub current: u64,
    pub newest_time_ms: u64,
}

pub fn batch_bytes(batch: &[HistoryChange]) -> u64 {
    BATCH_OVERHEAD_BYTES + batch.iter().map(|c| c.estimated_bytes()).sum::<u64>()
}

impl Model {
    pub fn record_batch(&mut self, batch: Vec<HistoryChange>, limits: &HistoryLimits) {
        self.current = batch[0].position;
        self.newest_time_ms = self.newest_time_ms.max(batch[0].commit_time_ms);
        self.batches.push(batch);
        loop {
            let count: usize = self.batches.iter().map(Vec::len).sum();
            let bytes: u64 = self.batches.iter().map(|b| batch_bytes(b)).sum();
            let age = self.newest_time_ms - self.batches[0][0].commit_time_ms;
            let over =
                count > limits.changes_max || bytes > limits.bytes_max || age > limits.age_max_ms;
            if self.batches.len() == 1 || !over {
                break;
            }
            let evicted = self.batches.remove(0);
            self.evicted_through = evicted[0].position;
        }
    }

    pub fn kept(&self) -> Vec<HistoryChange> {
        self.batches.iter().flatten().cloned().collect()
    }

    pub fn read_from(
        &self,
        from: u64,
        max_changes: usize,
        max_bytes: u64,
    ) -> Result<Page, HistoryError> {
        if from.max(1) <= self.evicted_through {
            return Err(HistoryError::Compacted {
                oldest_available: self.evicted_through + 1,
                current: self.current,
            });
        }
        let mut changes = Vec::new();
        let mut bytes = 0;
        let mut next_position = from;
        for batch in self.batches.iter().filter(|b| b[0].position >= from) {
            let fits = changes.len() + batch.len() <= max_changes
                && bytes + batch_bytes(batch) <= max_bytes;
            if !changes.is_empty() && !fits {
                break;
            }
            changes.extend(batch.iter().cloned());
            bytes += batch_bytes(batch);
            next_position = batch[0].position + 1;
        }
        Ok(Page {
            changes,
            next_position,
            current: self.current,
        })
    }
}
