//! The policy: every resource directly under [`POLICY_NAMESPACE`], compiled. One namespace lives on
//! one shard (routing hashes the whole namespace), so rules, role bindings, budgets and schemas
//! change together, atomically, in that shard's order.
//!
//! Invariant: a [`Policy`] holds at most `POLICY_RESOURCES_MAX` entries, each parsed from a
//! resource that passed [`parse_entry`]; its indexes (rules by subject, roles by principal,
//! schemas by type, budgets by namespace) are derived from the entries and nothing else.
//!
//! The [`Board`] is what every shard's pipeline reads: the durable policy and the budgets' quota
//! ledgers, published by the shard that owns the policy namespace after the batch that changed
//! them is durable and before it is acknowledged.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use arc_swap::ArcSwap;

use super::permission::{self, Binding, Permissions, Rule};
use super::quota::{Budget, BudgetEntry, Budgets};
use super::validation::{Schema, Schemas};
use super::{change_namespace, Input, Rejection};
use crate::command::Change;
use crate::error::{Error, Result};
use crate::limits::{POLICY_DATA_BYTES_MAX, POLICY_RESOURCES_MAX};
use crate::routing::shard_for_namespace;
use crate::state::{Published, ReadView};
use crate::table::key::children_range;

/// Where the policy lives. Writes here are checked like any other (the permission filter), and
/// each must be a well-formed policy resource of one of the four types below.
pub const POLICY_NAMESPACE: &str = "/system/policy";
/// A permission rule (see `permission`).
pub const RULE_TYPE: &str = "aorta.io/rule";
/// A principal's roles (see `permission`).
pub const ROLE_BINDING_TYPE: &str = "aorta.io/role-binding";
/// A namespace budget (see `quota`).
pub const BUDGET_TYPE: &str = "aorta.io/budget";
/// A type's data schema (see `validation`).
pub const SCHEMA_TYPE: &str = "aorta.io/schema";

/// One policy resource, parsed.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    Rule(Rule),
    Binding(Binding),
    Budget(Budget),
    Schema(Schema),
}

/// Parses a policy resource's data by its type; the error says what is wrong.
pub fn parse_entry(kind: &str, data: &[u8]) -> std::result::Result<Entry, String> {
    if data.len() > POLICY_DATA_BYTES_MAX {
        return Err(format!(
            "{} bytes of data, over the limit of {POLICY_DATA_BYTES_MAX}",
            data.len()
        ));
    }
    let value: serde_json::Value =
        serde_json::from_slice(data).map_err(|e| format!("data is not JSON: {e}"))?;
    let object = value
        .as_object()
        .ok_or_else(|| "data is not a JSON object".to_string())?;
    match kind {
        RULE_TYPE => permission::parse_rule(object).map(Entry::Rule),
        ROLE_BINDING_TYPE => permission::parse_binding(object).map(Entry::Binding),
        BUDGET_TYPE => super::quota::parse_budget(object).map(Entry::Budget),
        SCHEMA_TYPE => super::validation::parse_schema(object).map(Entry::Schema),
        other => Err(format!(
            "type {other} is not a policy type ({RULE_TYPE}, {ROLE_BINDING_TYPE}, {BUDGET_TYPE}, \
             {SCHEMA_TYPE})"
        )),
    }
}

/// The compiled policy.
#[derive(Clone, Debug, Default)]
pub struct Policy {
    /// By resource name.
    entries: BTreeMap<String, Arc<Entry>>,
    permissions: Permissions,
    schemas: Schemas,
}

impl Policy {
    fn from_entries(entries: BTreeMap<String, Arc<Entry>>) -> Self {
        assert!(entries.len() <= POLICY_RESOURCES_MAX);
        let permissions = Permissions::compile(&entries);
        let schemas = Schemas::compile(&entries);
        Policy {
            entries,
            permissions,
            schemas,
        }
    }

    /// Policy resources.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn permissions(&self) -> &Permissions {
        &self.permissions
    }

    pub fn schemas(&self) -> &Schemas {
        &self.schemas
    }

    /// Every budget, by the key of its resource.
    pub fn budgets(&self) -> impl Iterator<Item = (String, &Budget)> {
        self.entries
            .iter()
            .filter_map(|(name, entry)| match &**entry {
                Entry::Budget(budget) => Some((format!("{POLICY_NAMESPACE}/{name}"), budget)),
                _ => None,
            })
    }

    /// The policy held by `view`'s resources under [`POLICY_NAMESPACE`]. A resource that does not
    /// parse (the write path refuses them, so only a data directory of an older version has one)
    /// is logged and left out.
    pub fn load(view: &ReadView) -> Result<Policy> {
        let range = children_range(POLICY_NAMESPACE)?;
        let mut entries = BTreeMap::new();
        view.scan_resources(&range, &mut |resource| match parse_entry(
            &resource.kind,
            &resource.data,
        ) {
            Ok(entry) if entries.len() < POLICY_RESOURCES_MAX => {
                entries.insert(resource.name, Arc::new(entry));
            }
            Ok(_) => tracing::error!(
                key = %resource.key(),
                "policy resource beyond the limit of {POLICY_RESOURCES_MAX}: left out"
            ),
            Err(reason) => {
                tracing::error!(key = %resource.key(), %reason, "policy resource left out")
            }
        })?;
        Ok(Policy::from_entries(entries))
    }
}

/// The policy after `input`'s changes to [`POLICY_NAMESPACE`], or `None` if it changes none.
/// Refuses a resource there that is not a well-formed policy entry, and a policy beyond
/// `POLICY_RESOURCES_MAX`.
pub fn apply_changes(policy: &Policy, input: &Input<'_>) -> Result<Option<Policy>> {
    let mut entries: Option<BTreeMap<String, Arc<Entry>>> = None;
    for (index, change) in input.changes.iter().enumerate() {
        if change_namespace(change) != POLICY_NAMESPACE {
            continue;
        }
        let entries = entries.get_or_insert_with(|| policy.entries.clone());
        match change {
            Change::Created(r) | Change::Updated(r) => {
                let entry = parse_entry(&r.kind, &r.data).map_err(|reason| {
                    input.reject(
                        "validation",
                        index,
                        Rejection::InvalidPolicy {
                            reason: format!("{}: {reason}", r.key()),
                        },
                    )
                })?;
                entries.insert(r.name.clone(), Arc::new(entry));
                if entries.len() > POLICY_RESOURCES_MAX {
                    return Err(input.reject(
                        "validation",
                        index,
                        Rejection::InvalidPolicy {
                            reason: format!(
                                "the policy would hold {} resources, over the limit of \
                                 {POLICY_RESOURCES_MAX}",
                                entries.len()
                            ),
                        },
                    ));
                }
            }
            Change::Deleted { name, .. } => {
                entries.remove(name);
            }
        }
    }
    Ok(entries.map(Policy::from_entries))
}

/// The durable policy and the quota ledgers of its budgets, as one published value.
#[derive(Debug, Default)]
pub struct Enforced {
    pub policy: Arc<Policy>,
    pub budgets: Budgets,
    /// Rises with each publication.
    pub generation: u64,
}

/// What every shard's pipeline reads, shared by the engine's shard threads: the enforced policy
/// (an `ArcSwap`: a pipeline loads it once a group, lock-free) and every shard's read view (for
/// the quota ledger, which counts a shard's usage from its view when that shard has not yet).
pub struct Board {
    policy_shard: u16,
    shard_count: u16,
    enforced: ArcSwap<Enforced>,
    views: OnceLock<Vec<Arc<Published>>>,
}

impl Board {
    pub fn new(shard_count: u16) -> Self {
        assert!(shard_count > 0);
        Board {
            policy_shard: shard_for_namespace(POLICY_NAMESPACE, shard_count),
            shard_count,
            enforced: ArcSwap::from_pointee(Enforced::default()),
            views: OnceLock::new(),
        }
    }

    /// The shard that owns [`POLICY_NAMESPACE`].
    pub fn policy_shard(&self) -> u16 {
        self.policy_shard
    }

    pub fn shard_count(&self) -> u16 {
        self.shard_count
    }

    /// Loads the durable policy from the shards' views (once every shard is open, before any
    /// batch is submitted) and publishes it.
    pub fn start(&self, views: Vec<Arc<Published>>) -> Result<()> {
        assert_eq!(views.len(), self.shard_count as usize);
        let policy = Policy::load(&views[self.policy_shard as usize].view())?;
        if self.views.set(views).is_err() {
            return Err(Error::InvalidConfig {
                field: "filters",
                value: "started twice".into(),
                rule: "a board is started once".into(),
            });
        }
        self.publish(Arc::new(policy));
        Ok(())
    }

    /// Every shard's published state (empty before [`Board::start`]).
    pub fn views(&self) -> &[Arc<Published>] {
        self.views.get().map_or(&[], |v| v.as_slice())
    }

    pub fn enforced(&self) -> Arc<Enforced> {
        self.enforced.load_full()
    }

    /// The generation of the published policy (lock-free, no reference taken).
    pub fn enforced_generation(&self) -> u64 {
        self.enforced.load().generation
    }

    /// Publishes `policy`: budgets whose namespace is unchanged keep their ledger (and so their
    /// reservations), with the new amount; new ones start a ledger with every shard's usage
    /// uncounted. Called only by the policy shard's thread (and once by `start`).
    pub fn publish(&self, policy: Arc<Policy>) {
        let current = self.enforced.load_full();
        let mut budgets = Budgets::default();
        for (key, budget) in policy.budgets() {
            let entry = match current.budgets.get(&key) {
                Some(entry) if entry.namespace() == budget.namespace => {
                    entry.set_amount(budget.amount);
                    entry.clone()
                }
                _ => Arc::new(BudgetEntry::new(
                    key,
                    budget.namespace.clone(),
                    budget.amount,
                    self.shard_count,
                )),
            };
            budgets.insert(entry);
        }
        self.enforced.store(Arc::new(Enforced {
            policy,
            budgets,
            generation: current.generation + 1,
        }));
    }

    /// The ledgers of every budget, for tests and tools: (key, amount, used).
    pub fn budget_usage(&self) -> Vec<(String, u64, i128)> {
        self.enforced
            .load()
            .budgets
            .entries()
            .map(|e| {
                let (amount, used) = e.figures();
                (e.key().to_string(), amount, used)
            })
            .collect()
    }
}
