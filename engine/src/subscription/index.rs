//! An index of many subscription patterns, sans-IO: which of them a change concerns, at a cost
//! that does not grow with the number of subscriptions for the common patterns.
//!
//! Patterns are bucketed by (namespace, scope). A change is looked up in the buckets of its own
//! namespace (children and subtree) and of each of its ancestors (subtree only): at most
//! `NAMESPACE_DEPTH_MAX + 2` buckets. Inside a bucket a pattern whose selector can be planned on
//! an index ([`TagSelector::plan`]: an equality term, else the smallest `in` set, else an
//! existence term) is filed under that tag (key and value, or key), and is a candidate only for
//! changes whose old or new resource has it; the others (no selector, or only negative terms) are
//! candidates for every change in the bucket. Only candidates are judged whole
//! ([`Pattern::judge`]), so a change costs O(depth × (tags of old and new) + candidates) hash
//! lookups and judgements, whatever the number of patterns filed elsewhere.
//!
//! Why both old and new are looked up: a resource *leaves* a selection when its old tags matched
//! and its new ones do not, so a pattern filed under `env=prod` must be found from the old side.
//!
//! Invariant: [`SubscriptionIndex::matches`] returns exactly the patterns whose `judge` says
//! something, each once, in ascending id order (a unit test compares it with judging every
//! pattern). At most `SUBSCRIPTION_INDEX_PATTERNS_MAX` patterns.

use std::collections::{BTreeSet, HashMap};

use crate::history::HistoryChange;
use crate::limits::SUBSCRIPTION_INDEX_PATTERNS_MAX;
use crate::query::{IndexPlan, Scope};
use crate::resource::Resource;
use crate::subscription::pattern::{ancestors, EventAction, Pattern, PatternError};

/// A pattern's handle in an index.
pub type PatternId = u64;

/// Why a pattern was not added.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum IndexError {
    #[error(transparent)]
    Pattern(#[from] PatternError),
    #[error("the index holds {max} patterns, its limit; remove some first")]
    Full { max: usize },
}

/// Patterns of one (namespace, scope).
#[derive(Default, Debug)]
struct Bucket {
    /// Tag key → tag value → patterns filed under that equality (or `in` value).
    by_value: HashMap<String, HashMap<String, BTreeSet<PatternId>>>,
    /// Tag key → patterns filed under its existence.
    by_key: HashMap<String, BTreeSet<PatternId>>,
    /// Patterns judged for every change of the bucket.
    every: BTreeSet<PatternId>,
}

impl Bucket {
    fn is_empty(&self) -> bool {
        self.by_value.is_empty() && self.by_key.is_empty() && self.every.is_empty()
    }

    fn candidates(&self, resource: &Resource, out: &mut Vec<PatternId>) {
        if !self.by_value.is_empty() {
            for (key, value) in &resource.tags {
                if let Some(ids) = self.by_value.get(key).and_then(|v| v.get(value)) {
                    out.extend(ids);
                }
            }
        }
        if !self.by_key.is_empty() {
            for key in resource.tags.keys() {
                if let Some(ids) = self.by_key.get(key) {
                    out.extend(ids);
                }
            }
        }
    }
}

/// A scope's bucket in a namespace's pair.
fn slot(scope: Scope) -> usize {
    match scope {
        Scope::Children => 0,
        Scope::Subtree => 1,
    }
}

/// Where a pattern is filed, to remove it.
#[derive(Clone, Debug)]
enum Filing {
    Values { key: String, values: Vec<String> },
    Key(String),
    Every,
}

#[derive(Debug)]
struct Entry {
    pattern: Pattern,
    filing: Filing,
}

/// Many patterns, indexed by namespace and tag. See the module doc.
#[derive(Default, Debug)]
pub struct SubscriptionIndex {
    /// Namespace → its children patterns' bucket and its subtree patterns' bucket (looked up by
    /// `&str`, so that walking a change's ancestors allocates nothing).
    buckets: HashMap<String, [Bucket; 2]>,
    entries: HashMap<PatternId, Entry>,
    next_id: PatternId,
    /// Scratch for candidate ids, reused so that matching does not allocate once warm.
    scratch: Vec<PatternId>,
}

impl SubscriptionIndex {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn pattern(&self, id: PatternId) -> Option<&Pattern> {
        self.entries.get(&id).map(|e| &e.pattern)
    }

    /// Adds a valid pattern; returns its id.
    pub fn insert(&mut self, pattern: Pattern) -> Result<PatternId, IndexError> {
        pattern.validate()?;
        if self.entries.len() >= SUBSCRIPTION_INDEX_PATTERNS_MAX {
            return Err(IndexError::Full {
                max: SUBSCRIPTION_INDEX_PATTERNS_MAX,
            });
        }
        let id = self.next_id;
        self.next_id += 1;
        let plan = pattern
            .selector
            .as_ref()
            .map_or(IndexPlan::Scan, |s| s.plan());
        let bucket =
            &mut self.buckets.entry(pattern.namespace.clone()).or_default()[slot(pattern.scope)];
        let filing = match plan {
            IndexPlan::TagEquals { key, value } => Filing::Values {
                key,
                values: vec![value],
            },
            IndexPlan::TagIn { key, values } => Filing::Values { key, values },
            IndexPlan::TagExists { key } => Filing::Key(key),
            IndexPlan::Scan => Filing::Every,
        };
        match &filing {
            Filing::Values { key, values } => {
                let by_value = bucket.by_value.entry(key.clone()).or_default();
                for value in values {
                    by_value.entry(value.clone()).or_default().insert(id);
                }
            }
            Filing::Key(key) => {
                bucket.by_key.entry(key.clone()).or_default().insert(id);
            }
            Filing::Every => {
                bucket.every.insert(id);
            }
        }
        self.entries.insert(id, Entry { pattern, filing });
        Ok(id)
    }

    /// Removes a pattern; returns it, or `None` if the id is not in the index.
    pub fn remove(&mut self, id: PatternId) -> Option<Pattern> {
        let entry = self.entries.remove(&id)?;
        let namespace = &entry.pattern.namespace;
        let pair = self
            .buckets
            .get_mut(namespace.as_str())
            .expect("a filed pattern has its bucket");
        let bucket = &mut pair[slot(entry.pattern.scope)];
        match &entry.filing {
            Filing::Values { key, values } => {
                let by_value = bucket.by_value.get_mut(key).expect("filed by value");
                for value in values {
                    let ids = by_value.get_mut(value).expect("filed under value");
                    ids.remove(&id);
                    if ids.is_empty() {
                        by_value.remove(value);
                    }
                }
                if by_value.is_empty() {
                    bucket.by_value.remove(key);
                }
            }
            Filing::Key(key) => {
                let ids = bucket.by_key.get_mut(key).expect("filed by key");
                ids.remove(&id);
                if ids.is_empty() {
                    bucket.by_key.remove(key);
                }
            }
            Filing::Every => {
                bucket.every.remove(&id);
            }
        }
        if pair.iter().all(Bucket::is_empty) {
            self.buckets.remove(namespace.as_str());
        }
        Some(entry.pattern)
    }

    /// Calls `on_match(id, action)` for each pattern the change concerns, once each, in ascending
    /// id order.
    pub fn matches(
        &mut self,
        change: &HistoryChange,
        on_match: &mut dyn FnMut(PatternId, EventAction),
    ) {
        let Some(namespace) = change
            .new
            .as_deref()
            .or(change.old.as_deref())
            .map(|r| r.namespace.as_str())
        else {
            return;
        };
        let mut candidates = std::mem::take(&mut self.scratch);
        candidates.clear();
        for (depth, ancestor) in ancestors(namespace).enumerate() {
            let scopes: &[Scope] = if depth == 0 {
                &[Scope::Children, Scope::Subtree]
            } else {
                &[Scope::Subtree]
            };
            let Some(pair) = self.buckets.get(ancestor) else {
                continue;
            };
            for scope in scopes {
                let bucket = &pair[slot(*scope)];
                candidates.extend(&bucket.every);
                for resource in [change.old.as_deref(), change.new.as_deref()]
                    .into_iter()
                    .flatten()
                {
                    bucket.candidates(resource, &mut candidates);
                }
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        for &id in &candidates {
            let pattern = &self.entries[&id].pattern;
            if let Some(action) =
                pattern.judge(change.action, change.old.as_deref(), change.new.as_deref())
            {
                on_match(id, action);
            }
        }
        self.scratch = candidates;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::TagSelector;
    use crate::state::Action;
    use crate::subscription::pattern::Actions;
    use std::sync::Arc;

    fn resource(namespace: &str, kind: &str, tags: &[(&str, &str)]) -> Arc<Resource> {
        Arc::new(crate::subscription::pattern::tests::resource(
            namespace, kind, tags,
        ))
    }

    /// A small deterministic generator (no dependency on a random crate in unit tests).
    struct Lcg(u64);
    impl Lcg {
        fn below(&mut self, n: u64) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (self.0 >> 33) % n
        }
    }

    const NAMESPACES: [&str; 6] = ["/", "/a", "/a/b", "/a/b/c", "/b", "/ab"];
    const SELECTORS: [&str; 8] = [
        "",
        "env=prod",
        "env=dev",
        "env in (prod,dev),tier=web",
        "tier",
        "!tier",
        "env!=prod",
        "env notin (dev)",
    ];

    fn random_resource(rng: &mut Lcg, namespace: &str) -> Arc<Resource> {
        let envs = ["prod", "dev", "test"];
        let mut tags = Vec::new();
        if rng.below(3) > 0 {
            tags.push(("env", envs[rng.below(3) as usize]));
        }
        if rng.below(2) > 0 {
            tags.push(("tier", "web"));
        }
        let kind = ["t", "u"][rng.below(2) as usize];
        resource(namespace, kind, &tags)
    }

    #[test]
    fn the_index_finds_exactly_what_judging_every_pattern_finds() {
        let mut rng = Lcg(7);
        let mut index = SubscriptionIndex::new();
        let mut ids = Vec::new();
        for _ in 0..400 {
            let mut pattern = Pattern::subtree(NAMESPACES[rng.below(6) as usize]);
            if rng.below(2) == 0 {
                pattern.scope = Scope::Children;
            }
            if rng.below(4) == 0 {
                pattern.kind = Some("t".into());
            }
            let selector = SELECTORS[rng.below(8) as usize];
            pattern.selector = Some(TagSelector::parse(selector).unwrap());
            if rng.below(4) == 0 {
                pattern.actions = Actions::of(&[
                    EventAction::Entered,
                    EventAction::Left,
                    EventAction::Created,
                ]);
            }
            ids.push(index.insert(pattern).unwrap());
        }
        // Remove some, so removal is exercised too.
        for id in ids.iter().step_by(7) {
            assert!(index.remove(*id).is_some());
            assert!(index.remove(*id).is_none());
        }
        for _ in 0..2_000 {
            let namespace = NAMESPACES[rng.below(6) as usize];
            let (action, old, new) = match rng.below(3) {
                0 => (
                    Action::Created,
                    None,
                    Some(random_resource(&mut rng, namespace)),
                ),
                1 => (
                    Action::Deleted,
                    Some(random_resource(&mut rng, namespace)),
                    None,
                ),
                _ => (
                    Action::Updated,
                    Some(random_resource(&mut rng, namespace)),
                    Some(random_resource(&mut rng, namespace)),
                ),
            };
            let change = HistoryChange {
                position: 1,
                commit_time_ms: 0,
                action,
                old,
                new,
            };
            let mut found = Vec::new();
            index.matches(&change, &mut |id, a| found.push((id, a)));
            let mut expected: Vec<(PatternId, EventAction)> = index
                .entries
                .iter()
                .filter_map(|(id, e)| {
                    e.pattern
                        .judge(change.action, change.old.as_deref(), change.new.as_deref())
                        .map(|a| (*id, a))
                })
                .collect();
            expected.sort_by_key(|(id, _)| *id);
            assert_eq!(found, expected, "{change:?}");
        }
        for id in ids {
            index.remove(id);
        }
        assert!(index.is_empty() && index.buckets.is_empty());
    }

    #[test]
    fn a_pattern_filed_by_tag_sees_a_resource_leave() {
        let mut index = SubscriptionIndex::new();
        let prod = index
            .insert(
                Pattern::subtree("/apps").with_selector(TagSelector::parse("env=prod").unwrap()),
            )
            .unwrap();
        let change = HistoryChange {
            position: 3,
            commit_time_ms: 0,
            action: Action::Updated,
            old: Some(resource("/apps/web", "t", &[("env", "prod")])),
            new: Some(resource("/apps/web", "t", &[("env", "dev")])),
        };
        let mut found = Vec::new();
        index.matches(&change, &mut |id, a| found.push((id, a)));
        assert_eq!(found, [(prod, EventAction::Left)]);
    }
}
