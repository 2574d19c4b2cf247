//! Command filters: an ordered pipeline that every decided batch passes before it is logged.
//!
//! Invariant: a batch reaches the WAL only if every filter accepted every one of its commands; a
//! filter that refuses one rejects the whole batch (`Error::Rejected`, naming the filter, the
//! command and the reason) and nothing of it is written. The order is fixed: [`permission`] (may
//! this principal do this?), then [`validation`] (sizes and schemas), then [`quota`] (does it fit
//! the budgets?), so that a principal learns nothing of schemas or budgets it may not write to,
//! and quota reserves only for batches that every other filter accepted.
//!
//! Filters run on the shard thread, in its decide step, sans-IO: they are fed the principal, the
//! decided changes, what each changed key held before (type and cost), the compiled policy and,
//! for the quota ledger, read views. The policy is data: resources under [`POLICY_NAMESPACE`]
//! (rules, role bindings, budgets, schemas), written by ordinary commands that these filters
//! check too (see `docs/architecture.md`, "Command filters").
//!
//! Reads are not batches and do not pass the pipeline: [`read`] checks them against the same
//! rules' `read` action, on the reader's thread, with the policy the [`Board`] enforces.
//!
//! Limits: `POLICY_RESOURCES_MAX` policy resources, `POLICY_DATA_BYTES_MAX` bytes each, and the
//! per-kind bounds in `limits`.

pub mod permission;
pub mod policy;
pub mod quota;
pub mod read;
pub mod validation;

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use crate::command::{Change, CommittedBatch};
use crate::error::{Error, Result};
use crate::limits::PRINCIPAL_BYTES_MAX;
use crate::resource::{Resource, ValidationError};
use crate::state::ReadView;

pub use policy::{
    Board, Enforced, Policy, BUDGET_TYPE, POLICY_NAMESPACE, ROLE_BINDING_TYPE, RULE_TYPE,
    SCHEMA_TYPE,
};
pub use quota::{Admission, BudgetEntry};
pub use read::Reader;

/// Who sends a batch or reads. `Root` is the built-in system principal: the permission filter lets
/// it do anything (it is how the first rules get in), while validation and quota apply to it as to
/// everyone. `Engine::commit`, `submit`, `get`, `query` and `subscribe` run as `Root`; the `_as`
/// forms (`commit_as`, `submit_as`, `get_as`, `query_as`, `subscribe_as`, …) name the principal.
#[derive(Clone, PartialEq, Eq, Hash)]
pub enum Principal {
    Root,
    Named(Arc<str>),
}

/// The name that means [`Principal::Root`].
pub const ROOT_PRINCIPAL: &str = "root";

impl Principal {
    /// The principal called `name`: 1 to `PRINCIPAL_BYTES_MAX` of `A-Z a-z 0-9 . _ - @`;
    /// `root` is [`Principal::Root`].
    pub fn named(name: &str) -> std::result::Result<Principal, ValidationError> {
        validate_principal_name("principal", name)?;
        if name == ROOT_PRINCIPAL {
            return Ok(Principal::Root);
        }
        Ok(Principal::Named(name.into()))
    }

    pub fn name(&self) -> &str {
        match self {
            Principal::Root => ROOT_PRINCIPAL,
            Principal::Named(name) => name,
        }
    }
}

impl fmt::Debug for Principal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Principal({})", self.name())
    }
}

impl fmt::Display for Principal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A principal's or a role's name: 1 to `PRINCIPAL_BYTES_MAX` of `A-Z a-z 0-9 . _ - @`.
pub fn validate_principal_name(
    field: &'static str,
    name: &str,
) -> std::result::Result<(), ValidationError> {
    if name.is_empty() {
        return Err(ValidationError::Empty { field });
    }
    if name.len() > PRINCIPAL_BYTES_MAX {
        return Err(ValidationError::TooLong {
            field,
            len: name.len(),
            max: PRINCIPAL_BYTES_MAX,
        });
    }
    if !name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '@'))
    {
        return Err(ValidationError::Syntax {
            field,
            value: name.chars().take(64).collect(),
            rule: "1 to 128 characters from A-Z a-z 0-9 . _ - @",
        });
    }
    Ok(())
}

/// What a principal does, as rules name it: a change to a key, or a read (a get, a list, a
/// subscription's events; see [`read`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    Create,
    Update,
    Delete,
    Read,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Update => "update",
            Action::Delete => "delete",
            Action::Read => "read",
        }
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a filter refused a command.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Rejection {
    /// A deny rule matches (`rule` names it), or no allow rule does (`rule` is `None`: default
    /// deny).
    #[error("{principal} may not {action} type {kind} in {namespace}: {}", match rule {
        Some(rule) => format!("denied by rule {rule}"),
        None => "no rule allows it".to_string(),
    })]
    Denied {
        principal: String,
        action: Action,
        namespace: String,
        kind: String,
        rule: Option<String>,
    },
    /// The batch would take the cost of `namespace`'s subtree over the budget `budget` (a
    /// resource under the policy namespace): `used` (committed and reserved), `limit`, `asked`.
    #[error("budget {budget} of {namespace}: {used} used of {limit}, the batch asks {asked} more")]
    OverBudget {
        budget: String,
        namespace: String,
        used: u128,
        limit: u64,
        asked: u128,
    },
    /// The resource's data breaks the schema `schema` declared for its type.
    #[error("data of type {kind} breaks schema {schema}: {reason}")]
    SchemaViolation {
        kind: String,
        schema: String,
        reason: String,
    },
    /// A resource under the policy namespace is not a well-formed rule, role binding, budget or
    /// schema, or the policy would exceed its limits.
    #[error("invalid policy: {reason}")]
    InvalidPolicy { reason: String },
}

/// What a changed key held before the batch, as far as filters care.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Old {
    pub kind: String,
    pub cost: u64,
}

impl From<&Resource> for Old {
    fn from(r: &Resource) -> Self {
        Old {
            kind: r.kind.clone(),
            cost: r.cost,
        }
    }
}

/// What each filter is fed for one batch.
pub struct Input<'a> {
    pub principal: &'a Principal,
    pub changes: &'a [Change],
    /// Per change, what its key held before the batch (`None`: absent). Empty when no filter
    /// needs it: a batch of [`Principal::Root`] while no budget is in force.
    pub olds: &'a [Option<Old>],
}

impl Input<'_> {
    pub(crate) fn reject(&self, filter: &'static str, index: usize, reason: Rejection) -> Error {
        Error::Rejected {
            filter,
            command_index: index,
            key: self.changes[index].key(),
            reason: Box::new(reason),
        }
    }
}

/// The namespace of a change.
pub fn change_namespace(change: &Change) -> &str {
    match change {
        Change::Created(r) | Change::Updated(r) => &r.namespace,
        Change::Deleted { namespace, .. } => namespace,
    }
}

/// One shard's pipeline. The shard calls, per group: [`Pipeline::begin_group`], then per batch
/// [`Pipeline::check`] after deciding it and [`Pipeline::accepted`] once it is appended; per
/// flush [`Pipeline::written`] when its group is written and [`Pipeline::flushed`] when its sync
/// reported (a flush may still be syncing while later batches are checked), then
/// [`Pipeline::publish_durable`] before it answers that flush's batches; and
/// [`Pipeline::end_group`] last.
pub struct Pipeline {
    shard: u16,
    board: Arc<Board>,
    /// Whether this shard owns the policy namespace: then its policy follows each accepted batch
    /// (a rule takes effect at its commit position); other shards read the board.
    owns_policy: bool,
    /// The durable policy and budgets, as published when the group began.
    enforced: Arc<Enforced>,
    /// The policy the next batch is checked against.
    policy: Arc<Policy>,
    /// The policy as of the last batch made durable in this group.
    durable_policy: Arc<Policy>,
    /// The policy a checked batch leads to, installed by `accepted`.
    pending_policy: Option<Arc<Policy>>,
    /// The policy as of each written flush whose sync has not reported, oldest first.
    written_policies: std::collections::VecDeque<Arc<Policy>>,
    /// The policy this shard last published (or found published when the group began).
    published_policy: Arc<Policy>,
    /// Each key the group's accepted batches changed, and what it holds after them.
    overlay: foldhash::HashMap<String, Option<Old>>,
    /// Budgets this shard counted its own usage into (`BudgetEntry::adopt`), by key.
    adopted: HashMap<String, Arc<BudgetEntry>>,
    adopted_generation: Option<u64>,
}

impl Pipeline {
    pub fn new(shard: u16, board: Arc<Board>) -> Self {
        let owns_policy = board.policy_shard() == shard;
        let enforced = board.enforced();
        Pipeline {
            shard,
            owns_policy,
            policy: enforced.policy.clone(),
            durable_policy: enforced.policy.clone(),
            published_policy: enforced.policy.clone(),
            enforced,
            board,
            pending_policy: None,
            written_policies: Default::default(),
            overlay: foldhash::HashMap::default(),
            adopted: HashMap::new(),
            adopted_generation: None,
        }
    }

    /// Takes the published policy, and counts this shard's usage into every budget it has not
    /// counted yet, from `view` (the shard's state at its applied position: between groups
    /// nothing of this shard is in flight, so the count is exact). Panics on a table that fails
    /// its checksum, as deciding does: the shard cannot go on without reading its state.
    pub fn begin_group(&mut self, view: &ReadView) {
        assert_eq!(view.shard(), self.shard);
        self.enforced = self.board.enforced();
        self.policy = self.enforced.policy.clone();
        self.durable_policy = self.policy.clone();
        self.published_policy = self.policy.clone();
        self.pending_policy = None;
        assert!(
            self.written_policies.is_empty(),
            "a group begins with no flush in flight"
        );
        self.overlay.clear();
        if self.adopted_generation == Some(self.enforced.generation) {
            return;
        }
        let mut adopted = HashMap::with_capacity(self.enforced.budgets.len());
        for entry in self.enforced.budgets.entries() {
            let known = self
                .adopted
                .get(entry.key())
                .is_some_and(|a| Arc::ptr_eq(a, entry));
            if !known {
                let usage = quota::subtree_cost(view, entry.namespace())
                    .unwrap_or_else(|error| panic!("counting usage for a budget: {error}"));
                entry.adopt(self.shard, usage);
            }
            adopted.insert(entry.key().to_string(), entry.clone());
        }
        self.adopted = adopted;
        self.adopted_generation = Some(self.enforced.generation);
    }

    /// Runs every filter on a decided batch. `olds[i]` is what change `i`'s key held where the
    /// decision read it from the state, `None` where an earlier batch of the group changed it.
    /// On acceptance the returned admission holds the batch's quota reservations: hand it to
    /// [`Pipeline::settle`] once the batch is durable or failed.
    pub fn check(
        &mut self,
        principal: &Principal,
        batch: &CommittedBatch,
        olds: &[Option<Option<Arc<Resource>>>],
    ) -> Result<Admission> {
        assert_eq!(olds.len(), batch.changes.len(), "one old per change");
        self.pending_policy = None;
        // Only the permission filter (for a named principal) and quota (with budgets) read what
        // the keys held: root's batches without budgets skip gathering it.
        let needs_olds =
            matches!(principal, Principal::Named(_)) || !self.enforced.budgets.is_empty();
        let olds: Vec<Option<Old>> = batch
            .changes
            .iter()
            .zip(olds)
            .filter(|_| needs_olds)
            .map(|(change, old)| match old {
                Some(stored) => stored.as_deref().map(Old::from),
                None => self
                    .overlay
                    .get(&change.key())
                    .expect("a key the decision did not read was changed earlier in the group")
                    .clone(),
            })
            .collect();
        let input = Input {
            principal,
            changes: &batch.changes,
            olds: &olds,
        };
        assert!(olds.is_empty() || olds.len() == batch.changes.len());
        permission::check(&self.policy, &input)?;
        validation::check(&self.policy, &input)?;
        if self.owns_policy {
            self.pending_policy = policy::apply_changes(&self.policy, &input)?.map(Arc::new);
        }
        quota::admit(
            &self.enforced.budgets,
            self.shard,
            &input,
            self.board.views(),
        )
    }

    /// The checked batch was appended to the log: later batches of the group see its effects.
    ///
    /// `keys` are the changes' keys, in order (the shard made them when it decided the batch).
    pub fn accepted(&mut self, batch: &CommittedBatch, keys: &[String]) {
        debug_assert_eq!(batch.changes.len(), keys.len());
        for (change, key) in batch.changes.iter().zip(keys) {
            debug_assert_eq!(&change.key(), key);
            let after = match change {
                Change::Created(r) | Change::Updated(r) => Some(Old::from(r)),
                Change::Deleted { .. } => None,
            };
            self.overlay.insert(key.clone(), after);
        }
        if let Some(policy) = self.pending_policy.take() {
            self.policy = policy;
        }
    }

    /// The batches accepted since the last flush were made durable (`ok`) or failed.
    pub fn flushed(&mut self, ok: bool) {
        let written = self.written_policies.pop_front();
        if ok {
            self.durable_policy = written.expect("a durable flush was written");
        } else {
            self.policy = self.durable_policy.clone();
            self.pending_policy = None;
            self.written_policies.clear();
        }
    }

    /// The batches accepted since the last written flush were written as one flush: its policy
    /// becomes durable when its sync reports success ([`Pipeline::flushed`]).
    pub fn written(&mut self) {
        self.written_policies.push_back(self.policy.clone());
    }

    /// Whether another shard published a policy since the group began: the group must end (and
    /// the next begin) before it checks batches submitted after that publication.
    pub fn board_moved(&self) -> bool {
        self.board.enforced_generation() != self.enforced.generation
    }

    /// Settles a batch's quota reservations: kept (and its usage decreases released) if the batch
    /// is durable, returned if it failed.
    pub fn settle(&mut self, admission: Admission, durable: bool) {
        admission.settle(durable);
    }

    /// Publishes the policy as of the group's last durable batch, if the group changed it, before
    /// the group's batches are answered: every batch submitted after a policy change was
    /// acknowledged is checked against it, on every shard.
    pub fn end_group(&mut self) {
        self.pending_policy = None;
        self.publish_durable();
    }

    /// Publishes the policy as of the last durable flush if it changed: called before that
    /// flush's batches are answered.
    pub fn publish_durable(&mut self) {
        if self.owns_policy && !Arc::ptr_eq(&self.durable_policy, &self.published_policy) {
            self.board.publish(self.durable_policy.clone());
            self.published_policy = self.durable_policy.clone();
        }
    }
}
