//! Subscription patterns and the matcher, sans-IO: given one committed change, the event a
//! subscriber of a pattern receives, or nothing.
//!
//! A pattern selects resources (a namespace and its children or its subtree, optionally one type,
//! optionally a tag selector) and the actions it wants. A change is judged on both sides: whether
//! its `old` resource matched and whether its `new` one does. So a subscriber sees a resource
//! *enter* its selection (an update after which it matches, before which it did not) and *leave*
//! it (the reverse), not only changes inside it:
//!
//! | old matched | new matches | delivered as |
//! |---|---|---|
//! | — (create) | yes | `Created` |
//! | yes | — (delete) | `Deleted` |
//! | yes | yes | `Updated` |
//! | no | yes | `Entered` |
//! | yes | no | `Left` |
//! | no | no | nothing |
//!
//! Then the action must be one the pattern asks for. Pure functions of their arguments: no clock,
//! no IO, no allocation on the matching path but the event's two `Arc` clones.

pub use crate::resource::namespace_ancestors as ancestors;
use std::sync::Arc;

use crate::history::HistoryChange;
use crate::query::{Scope, TagSelector};
use crate::resource::{validate_kind, validate_namespace, Resource, ValidationError};
use crate::state::Action;

/// What a subscriber is told a change did to its selection.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EventAction {
    /// A resource was created, and matches.
    Created,
    /// A matching resource was updated and still matches.
    Updated,
    /// A matching resource was deleted.
    Deleted,
    /// An update made a resource match that did not (its tags, type changed).
    Entered,
    /// An update made a matching resource stop matching (e.g. `env=prod` became `env=dev`).
    Left,
}

impl EventAction {
    const ALL: [EventAction; 5] = [
        EventAction::Created,
        EventAction::Updated,
        EventAction::Deleted,
        EventAction::Entered,
        EventAction::Left,
    ];

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// A set of [`EventAction`]s, as a bit set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Actions(u8);

impl Actions {
    /// Every action, `entered` and `left` included.
    pub const ALL: Actions = Actions(0b1_1111);
    pub const NONE: Actions = Actions(0);

    pub fn of(actions: &[EventAction]) -> Actions {
        Actions(actions.iter().fold(0, |bits, a| bits | a.bit()))
    }

    pub fn contains(self, action: EventAction) -> bool {
        self.0 & action.bit() != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn iter(self) -> impl Iterator<Item = EventAction> {
        EventAction::ALL
            .into_iter()
            .filter(move |a| self.contains(*a))
    }
}

/// What a subscription selects: resources of `namespace` (its children, or its whole subtree),
/// of type `kind` if given, whose tags `selector` matches if given; and which actions it wants.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Pattern {
    pub namespace: String,
    pub scope: Scope,
    pub kind: Option<String>,
    pub selector: Option<TagSelector>,
    pub actions: Actions,
}

/// Why a pattern was refused; nothing was subscribed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PatternError {
    #[error("the pattern's namespace is invalid: {0}")]
    Namespace(ValidationError),
    #[error("the pattern's type is invalid: {0}")]
    Kind(ValidationError),
    #[error("the pattern asks for no action; ask for at least one")]
    NoAction,
}

impl Pattern {
    /// Every change in the subtree of `namespace`, every action.
    pub fn subtree(namespace: impl Into<String>) -> Pattern {
        Pattern {
            namespace: namespace.into(),
            scope: Scope::Subtree,
            kind: None,
            selector: None,
            actions: Actions::ALL,
        }
    }

    pub fn with_kind(mut self, kind: impl Into<String>) -> Pattern {
        self.kind = Some(kind.into());
        self
    }

    pub fn with_selector(mut self, selector: TagSelector) -> Pattern {
        self.selector = Some(selector);
        self
    }

    pub fn with_actions(mut self, actions: Actions) -> Pattern {
        self.actions = actions;
        self
    }

    pub fn validate(&self) -> Result<(), PatternError> {
        validate_namespace(&self.namespace).map_err(PatternError::Namespace)?;
        if let Some(kind) = &self.kind {
            validate_kind(kind).map_err(PatternError::Kind)?;
        }
        if self.actions.is_empty() {
            return Err(PatternError::NoAction);
        }
        Ok(())
    }

    /// Whether `namespace` is in the pattern's scope: the namespace itself, or (subtree) one below
    /// it by whole segments (`/apps` covers `/apps/web`, not `/apps2`; `/` covers every one).
    pub fn covers_namespace(&self, namespace: &str) -> bool {
        match self.scope {
            Scope::Children => namespace == self.namespace,
            Scope::Subtree => in_subtree(&self.namespace, namespace),
        }
    }

    /// Whether the pattern selects this resource (scope, type, tags; not the actions).
    pub fn selects(&self, resource: &Resource) -> bool {
        self.covers_namespace(&resource.namespace)
            && self.kind.as_ref().is_none_or(|k| *k == resource.kind)
            && self
                .selector
                .as_ref()
                .is_none_or(|s| s.matches(&resource.tags))
    }

    /// The action a subscriber of this pattern is told for a change with this action, old and new
    /// (see the module doc), or `None` if it is not told.
    pub fn judge(
        &self,
        action: Action,
        old: Option<&Resource>,
        new: Option<&Resource>,
    ) -> Option<EventAction> {
        let old_matched = old.is_some_and(|r| self.selects(r));
        let new_matches = new.is_some_and(|r| self.selects(r));
        let event = match (action, old_matched, new_matches) {
            (Action::Created, _, true) => EventAction::Created,
            (Action::Deleted, true, _) => EventAction::Deleted,
            (Action::Updated, true, true) => EventAction::Updated,
            (Action::Updated, false, true) => EventAction::Entered,
            (Action::Updated, true, false) => EventAction::Left,
            _ => return None,
        };
        self.actions.contains(event).then_some(event)
    }

    /// The event a subscriber of this pattern receives for a change of shard `shard`, if any.
    pub fn event_for(&self, shard: u16, change: &HistoryChange) -> Option<Event> {
        let action = self.judge(change.action, change.old.as_deref(), change.new.as_deref())?;
        Some(Event {
            shard,
            position: change.position,
            commit_time_ms: change.commit_time_ms,
            action,
            old: change.old.clone(),
            new: change.new.clone(),
        })
    }
}

/// Whether `namespace` is `root` or lies below it by whole segments.
pub fn in_subtree(root: &str, namespace: &str) -> bool {
    if root == "/" {
        return true;
    }
    match namespace.strip_prefix(root) {
        Some(rest) => rest.is_empty() || rest.starts_with('/'),
        None => false,
    }
}

/// One change as a subscriber receives it: what it did to the subscriber's selection, the whole
/// resources before and after (shared with the history, not copied), and where it was committed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub shard: u16,
    pub position: u64,
    pub commit_time_ms: u64,
    pub action: EventAction,
    pub old: Option<Arc<Resource>>,
    pub new: Option<Arc<Resource>>,
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::resource::ResourceId;
    use std::collections::BTreeMap;

    pub(crate) fn resource(namespace: &str, kind: &str, tags: &[(&str, &str)]) -> Resource {
        Resource {
            api_version: "v1".into(),
            id: ResourceId::new(1, 0, 1, 0),
            namespace: namespace.into(),
            name: "r".into(),
            kind: kind.into(),
            created_ms: 0,
            owner: "o".into(),
            tags: tags
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect::<BTreeMap<_, _>>(),
            cost: 0,
            data: Vec::new(),
            revision: 1,
        }
    }

    fn prod() -> Pattern {
        Pattern::subtree("/apps").with_selector(TagSelector::parse("env=prod").unwrap())
    }

    #[test]
    fn selector_transitions_enter_and_leave() {
        let p = prod();
        let a = resource("/apps/web", "t", &[("env", "prod")]);
        let b = resource("/apps/web", "t", &[("env", "dev")]);
        let judge =
            |action, old: Option<&Resource>, new: Option<&Resource>| p.judge(action, old, new);
        assert_eq!(
            judge(Action::Created, None, Some(&a)),
            Some(EventAction::Created)
        );
        assert_eq!(judge(Action::Created, None, Some(&b)), None);
        assert_eq!(
            judge(Action::Updated, Some(&a), Some(&a)),
            Some(EventAction::Updated)
        );
        assert_eq!(
            judge(Action::Updated, Some(&a), Some(&b)),
            Some(EventAction::Left)
        );
        assert_eq!(
            judge(Action::Updated, Some(&b), Some(&a)),
            Some(EventAction::Entered)
        );
        assert_eq!(judge(Action::Updated, Some(&b), Some(&b)), None);
        assert_eq!(
            judge(Action::Deleted, Some(&a), None),
            Some(EventAction::Deleted)
        );
        assert_eq!(judge(Action::Deleted, Some(&b), None), None);
        let only_left = prod().with_actions(Actions::of(&[EventAction::Left]));
        assert_eq!(only_left.judge(Action::Updated, Some(&a), Some(&a)), None);
        assert_eq!(
            only_left.judge(Action::Updated, Some(&a), Some(&b)),
            Some(EventAction::Left)
        );
    }

    #[test]
    fn scope_and_type_are_checked() {
        let r = resource("/apps2", "t", &[("env", "prod")]);
        assert!(!prod().selects(&r));
        assert!(Pattern::subtree("/").selects(&r));
        let mut children = Pattern::subtree("/apps");
        children.scope = Scope::Children;
        assert!(children.selects(&resource("/apps", "t", &[])));
        assert!(!children.selects(&resource("/apps/web", "t", &[])));
        assert!(!Pattern::subtree("/").with_kind("u").selects(&r));
        // A type change is an entry or a departure too.
        let typed = Pattern::subtree("/").with_kind("u");
        let u = resource("/apps2", "u", &[]);
        assert_eq!(
            typed.judge(Action::Updated, Some(&r), Some(&u)),
            Some(EventAction::Entered)
        );
    }

    #[test]
    fn ancestors_walk_to_the_root() {
        let all: Vec<&str> = ancestors("/a/b/c").collect();
        assert_eq!(all, ["/a/b/c", "/a/b", "/a", "/"]);
        assert_eq!(ancestors("/").collect::<Vec<_>>(), ["/"]);
        assert!(in_subtree("/a", "/a/b") && in_subtree("/a", "/a") && !in_subtree("/a", "/ab"));
    }

    #[test]
    fn invalid_patterns_are_refused() {
        assert!(Pattern::subtree("apps").validate().is_err());
        assert_eq!(
            Pattern::subtree("/").with_actions(Actions::NONE).validate(),
            Err(PatternError::NoAction)
        );
        assert!(Pattern::subtree("/a").validate().is_ok());
    }
}
