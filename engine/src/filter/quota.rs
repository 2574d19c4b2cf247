//! The quota filter: the cost of a namespace's subtree stays within its budget, whichever shards
//! its namespaces live on.
//!
//! A budget (`{"namespace": "/tenants/a", "budget": 1000}`, a resource under the policy
//! namespace) bounds the sum of `cost` over every resource whose namespace is its namespace or
//! lies below it. Routing hashes whole namespaces, so a subtree spreads over shards; each budget
//! has one [`BudgetEntry`], a ledger shared by every shard thread:
//!
//! * `free[s]`: an allowance shard `s` may consume without asking anyone (an atomic);
//! * `pool`: the rest of the budget not in use nor handed out (under the entry's lock);
//! * the invariant `amount == pool + Σ free[s] + Σ used[s]`, where `used[s]` is shard `s`'s usage
//!   (committed, plus reservations of batches decided and not yet durable).
//!
//! A batch whose net cost under a budget rises by `d` takes `d` from `free[s]` (one compare and
//! swap); if that is short, it takes the lock, draws on the pool and, if the pool is short too,
//! sweeps every shard's unused allowance into it, so it is rejected only when
//! `pool + Σ free < d`, i.e. when `Σ used + d > amount`: never because another shard sits on
//! allowance it does not use. A batch that is granted keeps part of the remaining pool as its
//! shard's next allowance. Decreases (deletes, lower costs) are returned to the pool only once
//! durable; reservations of a batch that failed are returned at once. So `Σ used ≤ amount` holds
//! at every moment on every shard, for everything decided while the budget was known.
//!
//! Counting: a shard counts its own usage of a budget's subtree from its state (a scan of the
//! subtree's key range) at the start of its first group after the budget is published
//! ([`BudgetEntry::adopt`]); a shard that must grant before some shard has counted itself counts
//! that shard from its published view, and that shard corrects the figure when it adopts the
//! budget. Batches a shard decided before it knew of a new budget are counted, not refused: a new
//! or lowered budget may start below its subtree's usage, and then refuses every increase until
//! usage falls below it.

use crate::resource::namespace_ancestors as ancestors;
use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use serde_json::{Map, Value};

use super::{change_namespace, Input, Rejection};
use crate::error::Result;
use crate::resource::validate_namespace;
use crate::state::{Published, ReadView};
use crate::table::key::subtree_range;

/// A budget, parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Budget {
    pub namespace: String,
    pub amount: u64,
}

pub(crate) fn parse_budget(object: &Map<String, Value>) -> std::result::Result<Budget, String> {
    if let Some(unknown) = object
        .keys()
        .find(|k| !matches!(k.as_str(), "namespace" | "budget"))
    {
        return Err(format!(
            "unknown field {unknown:?} (fields: namespace, budget)"
        ));
    }
    let namespace = object
        .get("namespace")
        .and_then(Value::as_str)
        .ok_or("namespace must be a string")?;
    validate_namespace(namespace).map_err(|e| e.to_string())?;
    let amount = object
        .get("budget")
        .and_then(Value::as_u64)
        .ok_or("budget must be an integer from 0 to 2^64 - 1")?;
    Ok(Budget {
        namespace: namespace.into(),
        amount,
    })
}

/// The ledger of one budget (see the module doc).
#[derive(Debug)]
pub struct BudgetEntry {
    key: String,
    namespace: String,
    free: Vec<AtomicU64>,
    inner: Mutex<Ledger>,
}

#[derive(Debug)]
struct Ledger {
    amount: u64,
    /// May be negative: a budget lowered below its usage.
    pool: i128,
    /// Per shard, the usage counted into `pool` (`None`: not counted yet), and whether the shard
    /// itself counted it (from then on it reports its changes through this ledger).
    counted: Vec<Option<u128>>,
    adopted: Vec<bool>,
}

impl BudgetEntry {
    pub fn new(key: String, namespace: String, amount: u64, shard_count: u16) -> Self {
        let shards = shard_count as usize;
        BudgetEntry {
            key,
            namespace,
            free: (0..shards).map(|_| AtomicU64::new(0)).collect(),
            inner: Mutex::new(Ledger {
                amount,
                pool: i128::from(amount),
                counted: vec![None; shards],
                adopted: vec![false; shards],
            }),
        }
    }

    /// The key of the budget's resource.
    pub fn key(&self) -> &str {
        &self.key
    }

    pub fn namespace(&self) -> &str {
        &self.namespace
    }

    fn ledger(&self) -> std::sync::MutexGuard<'_, Ledger> {
        // Every update of the ledger is a few arithmetic steps that cannot panic halfway.
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub(crate) fn set_amount(&self, amount: u64) {
        let mut ledger = self.ledger();
        ledger.pool += i128::from(amount) - i128::from(ledger.amount);
        ledger.amount = amount;
    }

    /// (amount, usage): usage is what is neither pooled nor handed out, i.e. every shard's
    /// committed usage plus reservations in flight.
    pub fn figures(&self) -> (u64, i128) {
        let ledger = self.ledger();
        let free: i128 = self
            .free
            .iter()
            .map(|f| i128::from(f.load(Ordering::Acquire)))
            .sum();
        (
            ledger.amount,
            i128::from(ledger.amount) - ledger.pool - free,
        )
    }

    /// Shard `shard` counted `usage` from its own state, with nothing of it in flight: from now
    /// on it reports its changes here. Corrects a count another shard made from its view.
    pub(crate) fn adopt(&self, shard: u16, usage: u128) {
        let mut ledger = self.ledger();
        let s = shard as usize;
        let before = ledger.counted[s].unwrap_or(0);
        ledger.pool -= usage as i128 - before as i128;
        ledger.counted[s] = Some(usage);
        ledger.adopted[s] = true;
    }

    /// Grants `asked` more usage to shard `shard`, or refuses with the figures. May count shards
    /// that have not counted themselves, from `views`.
    fn admit(
        &self,
        shard: u16,
        asked: u128,
        views: &[Arc<Published>],
    ) -> Result<std::result::Result<(), (u128, u64)>> {
        let s = shard as usize;
        if let Ok(asked) = u64::try_from(asked) {
            let taken = self.free[s].fetch_update(Ordering::AcqRel, Ordering::Acquire, |free| {
                free.checked_sub(asked)
            });
            if taken.is_ok() {
                return Ok(Ok(()));
            }
        }
        let mut ledger = self.ledger();
        assert!(ledger.adopted[s], "a shard grants only budgets it counted");
        for (t, view) in views.iter().enumerate() {
            if ledger.counted[t].is_none() {
                let usage = subtree_cost(&view.view(), &self.namespace)?;
                ledger.counted[t] = Some(usage);
                ledger.pool -= usage as i128;
            }
        }
        let asked_signed = asked as i128;
        if ledger.pool < asked_signed {
            for free in &self.free {
                ledger.pool += i128::from(free.swap(0, Ordering::AcqRel));
            }
        }
        if ledger.pool < asked_signed {
            let used = i128::from(ledger.amount) - ledger.pool;
            return Ok(Err((used.max(0) as u128, ledger.amount)));
        }
        ledger.pool -= asked_signed;
        // Keep a share of what is left as this shard's next allowance, so that its next batches
        // need no lock; the rest stays pooled for the others.
        let share = (ledger.pool / self.free.len() as i128).clamp(0, i128::from(u64::MAX / 2));
        ledger.pool -= share;
        self.free[s].fetch_add(share as u64, Ordering::AcqRel);
        Ok(Ok(()))
    }

    /// Returns `amount` of usage (a durable decrease, or a failed batch's reservation).
    fn release(&self, amount: u128) {
        self.ledger().pool += amount as i128;
    }
}

/// The budgets in force, by key and by namespace.
#[derive(Debug, Default)]
pub struct Budgets {
    by_key: BTreeMap<String, Arc<BudgetEntry>>,
    by_namespace: HashMap<String, Vec<Arc<BudgetEntry>>>,
}

impl Budgets {
    pub fn insert(&mut self, entry: Arc<BudgetEntry>) {
        self.by_namespace
            .entry(entry.namespace.clone())
            .or_default()
            .push(entry.clone());
        self.by_key.insert(entry.key.clone(), entry);
    }

    pub fn get(&self, key: &str) -> Option<&Arc<BudgetEntry>> {
        self.by_key.get(key)
    }

    pub fn entries(&self) -> impl Iterator<Item = &Arc<BudgetEntry>> {
        self.by_key.values()
    }

    pub fn len(&self) -> usize {
        self.by_key.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_key.is_empty()
    }

    /// The budgets whose subtree holds `namespace`: its own, then each ancestor's.
    fn covering<'a>(&'a self, namespace: &'a str) -> impl Iterator<Item = &'a Arc<BudgetEntry>> {
        ancestors(namespace).flat_map(|ns| self.by_namespace.get(ns).into_iter().flatten())
    }
}

/// The sum of `cost` over the resources of `view` in `namespace`'s subtree.
pub fn subtree_cost(view: &ReadView, namespace: &str) -> Result<u128> {
    let range = subtree_range(namespace)?;
    let mut sum = 0u128;
    view.scan_resources(&range, &mut |resource| sum += u128::from(resource.cost))?;
    Ok(sum)
}

/// A batch's quota effects: reservations taken when it was decided, and decreases to return once
/// it is durable. Settle it exactly once ([`Admission::settle`]).
#[derive(Debug, Default)]
#[must_use = "an admission's reservations must be settled"]
pub struct Admission {
    reserved: Vec<(Arc<BudgetEntry>, u128)>,
    released_when_durable: Vec<(Arc<BudgetEntry>, u128)>,
}

impl Admission {
    /// The batch is durable (`true`: its reservations stay, its decreases are returned) or failed
    /// (`false`: its reservations are returned).
    pub fn settle(self, durable: bool) {
        let returned = if durable {
            self.released_when_durable
        } else {
            self.reserved
        };
        for (entry, amount) in returned {
            entry.release(amount);
        }
    }
}

/// Reserves the batch's net cost increase under every budget that covers its changes, or rejects
/// it with the first budget it would exceed (and reserves nothing).
pub fn admit(
    budgets: &Budgets,
    shard: u16,
    input: &Input<'_>,
    views: &[Arc<Published>],
) -> Result<Admission> {
    if budgets.is_empty() {
        return Ok(Admission::default());
    }
    // Budget key → (its entry, net change, first command that raises it).
    let mut deltas: BTreeMap<&str, (&Arc<BudgetEntry>, i128, Option<usize>)> = BTreeMap::new();
    for (index, change) in input.changes.iter().enumerate() {
        let new_cost = match change {
            crate::command::Change::Created(r) | crate::command::Change::Updated(r) => r.cost,
            crate::command::Change::Deleted { .. } => 0,
        };
        let old_cost = input.olds[index].as_ref().map_or(0, |o| o.cost);
        let delta = i128::from(new_cost) - i128::from(old_cost);
        if delta == 0 {
            continue;
        }
        for entry in budgets.covering(change_namespace(change)) {
            let slot = deltas.entry(entry.key()).or_insert((entry, 0, None));
            slot.1 += delta;
            if delta > 0 && slot.2.is_none() {
                slot.2 = Some(index);
            }
        }
    }
    let mut admission = Admission::default();
    for (entry, delta, first_raise) in deltas.into_values() {
        if delta < 0 {
            admission
                .released_when_durable
                .push((entry.clone(), delta.unsigned_abs()));
            continue;
        }
        if delta == 0 {
            continue;
        }
        let asked = delta as u128;
        let granted = match entry.admit(shard, asked, views) {
            Ok(granted) => granted,
            Err(error) => {
                admission.settle(false);
                return Err(error);
            }
        };
        if let Err((used, limit)) = granted {
            admission.settle(false);
            return Err(input.reject(
                "quota",
                first_raise.expect("a rising budget has a command that raises it"),
                Rejection::OverBudget {
                    budget: entry.key().to_string(),
                    namespace: entry.namespace().to_string(),
                    used,
                    limit,
                    asked,
                },
            ));
        }
        admission.reserved.push((entry.clone(), asked));
    }
    Ok(admission)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ancestors_climb_to_the_root() {
        assert_eq!(ancestors("/a/b").collect::<Vec<_>>(), ["/a/b", "/a", "/"]);
        assert_eq!(ancestors("/").collect::<Vec<_>>(), ["/"]);
    }

    #[test]
    fn a_ledger_grants_up_to_its_amount_across_shards() {
        let entry = BudgetEntry::new("/system/policy/b".into(), "/t".into(), 10, 3);
        for shard in 0..3 {
            entry.adopt(shard, 0);
        }
        assert_eq!(entry.admit(0, 4, &[]).unwrap(), Ok(()));
        assert_eq!(entry.admit(1, 4, &[]).unwrap(), Ok(()));
        // Shard 0 holds part of the rest as its allowance; shard 2 still gets all of it.
        assert_eq!(entry.admit(2, 2, &[]).unwrap(), Ok(()));
        assert_eq!(entry.admit(2, 1, &[]).unwrap(), Err((10, 10)));
        entry.release(3);
        assert_eq!(entry.admit(0, 3, &[]).unwrap(), Ok(()));
        assert_eq!(entry.figures(), (10, 10));
        entry.set_amount(5);
        assert_eq!(entry.admit(1, 1, &[]).unwrap(), Err((10, 5)));
    }
}
