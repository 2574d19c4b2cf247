//! Shared by the engine's integration tests: an independent, obviously-correct model of what the
//! engine must do (a `BTreeMap` of resources), and a generator of random workloads.
#![allow(dead_code)]

use std::collections::BTreeMap;

use aorta_engine::{Batch, Command, Resource, ResourceId, ResourceSpec};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// The model: key → resource, plus the next commit position of each shard.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Model {
    pub resources: BTreeMap<String, Resource>,
    pub positions: BTreeMap<u16, u64>,
}

pub fn key(namespace: &str, name: &str) -> String {
    if namespace == "/" {
        format!("/{name}")
    } else {
        format!("{namespace}/{name}")
    }
}

impl Model {
    /// Applies `batch` on `shard` at the shard's next position if every condition holds; returns the
    /// position, or `None` (and changes nothing) if a condition fails.
    pub fn apply(
        &mut self,
        shard: u16,
        cluster_id: u32,
        batch: &Batch,
        now_ms: u64,
    ) -> Option<u64> {
        let position = self.positions.get(&shard).copied().unwrap_or(0) + 1;
        let mut next = self.resources.clone();
        for (index, command) in batch.commands.iter().enumerate() {
            let fresh = ResourceId::new(cluster_id, shard, position, index as u16);
            let (k, expected) = match command {
                Command::Create { spec } => (key(&spec.namespace, &spec.name), None),
                Command::Update {
                    spec,
                    expected_revision,
                }
                | Command::Put {
                    spec,
                    expected_revision,
                } => (key(&spec.namespace, &spec.name), *expected_revision),
                Command::Delete {
                    namespace,
                    name,
                    expected_revision,
                } => (key(namespace, name), *expected_revision),
            };
            let current = next.get(&k).cloned();
            if let Some(expected) = expected {
                if expected != current.as_ref().map_or(0, |r| r.revision) {
                    return None;
                }
            }
            match (command, current) {
                (Command::Create { .. }, Some(_)) => return None,
                (Command::Update { .. } | Command::Delete { .. }, None) => return None,
                (Command::Create { spec } | Command::Put { spec, .. }, None) => {
                    next.insert(k, resource(spec, fresh, now_ms, position));
                }
                (Command::Update { spec, .. } | Command::Put { spec, .. }, Some(old)) => {
                    next.insert(k, resource(spec, old.id, old.created_ms, position));
                }
                (Command::Delete { .. }, Some(_)) => {
                    next.remove(&k);
                }
            }
        }
        self.resources = next;
        self.positions.insert(shard, position);
        Some(position)
    }
}

fn resource(spec: &ResourceSpec, id: ResourceId, created_ms: u64, revision: u64) -> Resource {
    Resource {
        api_version: spec.api_version.clone(),
        id,
        namespace: spec.namespace.clone(),
        name: spec.name.clone(),
        kind: spec.kind.clone(),
        created_ms,
        owner: spec.owner.clone(),
        tags: spec.tags.clone(),
        cost: spec.cost,
        data: spec.data.clone(),
        revision,
    }
}

/// Random batches over a small key space, so that keys collide and conditions both hold and fail.
pub struct Workload {
    rng: StdRng,
    pub namespaces: Vec<String>,
    pub names: usize,
    pub data_bytes_max: usize,
}

impl Workload {
    pub fn new(seed: u64, namespaces: &[&str]) -> Self {
        Workload {
            rng: StdRng::seed_from_u64(seed),
            namespaces: namespaces.iter().map(|s| s.to_string()).collect(),
            names: 6,
            data_bytes_max: 120,
        }
    }

    pub fn rng(&mut self) -> &mut StdRng {
        &mut self.rng
    }

    /// A batch of 1..=3 commands on distinct keys of one namespace. Expected revisions are taken from
    /// `model` most of the time (so they usually hold), sometimes wrong.
    pub fn batch(&mut self, model: &Model) -> Batch {
        let namespace = self.namespaces[self.rng.gen_range(0..self.namespaces.len())].clone();
        let count = self.rng.gen_range(1..=3);
        let mut names: Vec<usize> = (0..self.names).collect();
        let mut commands = Vec::new();
        for _ in 0..count {
            let name = format!("k{}", names.swap_remove(self.rng.gen_range(0..names.len())));
            let current = model
                .resources
                .get(&key(&namespace, &name))
                .map(|r| r.revision);
            let expected = match self.rng.gen_range(0..10) {
                0..=5 => None,
                6..=8 => Some(current.unwrap_or(0)),
                _ => Some(self.rng.gen_range(0..4)),
            };
            let len = self.rng.gen_range(0..=self.data_bytes_max);
            let fill = self.rng.gen::<u8>();
            let mut spec = ResourceSpec::new(&namespace, &name, "thing").with_data(vec![fill; len]);
            if self.rng.gen_bool(0.3) {
                spec = spec.with_tag("color", ["red", "green"][self.rng.gen_range(0..2)]);
            }
            spec.cost = self.rng.gen_range(0..100);
            let command = match self.rng.gen_range(0..8) {
                0 | 1 => Command::create(spec),
                2 | 3 => Command::update(spec, expected),
                4..=6 => Command::put(spec, expected),
                _ => Command::delete(&namespace, &name, expected),
            };
            commands.push(command);
        }
        Batch::new(commands)
    }
}
