//! The read check: what a principal may read, by the same rules as its writes (action `read`).
//!
//! Reads are not batches, so they do not pass the pipeline: the engine asks a [`Reader`] (the
//! principal and the board) for [`ReadRights`] (the principal and the policy enforced now) and
//! checks each read against them on the caller's thread, sans-IO. What is checked:
//!
//! - **A place** (`get`'s namespace, a list's or a subscription's namespace and scope and type):
//!   [`ReadRights::check_within`] refuses it with `Error::ReadDenied` iff the rules let the
//!   principal read nothing there — decided from the rules alone, before anything is looked up,
//!   so that the answer says nothing of what exists there.
//! - **A resource** ([`ReadRights::may_read`]): its namespace and type, as for a write. A list
//!   leaves out what it may not read; a subscription judges each event again (see
//!   [`ReadRights::judge`]).
//!
//! Which policy: the one enforced when the read is served (`Board::enforced`), published by the
//! policy shard once a rule's batch is durable and before it is acknowledged. So a rule applies to
//! every read served after its commit was acknowledged — each get, each page of a list, each event
//! a subscription hands out — whatever position the read is at: an older position is read with
//! today's rules, never with those of its time.

use std::sync::Arc;

use super::policy::{Board, Policy};
use super::{Action, Principal, Rejection};
use crate::error::Error;
use crate::query::Scope;
use crate::resource::Resource;
use crate::subscription::{Actions, Event, EventAction};

/// A principal's reads, checked against the policy the board enforces at each read. `None` from
/// [`Reader::new`] for [`Principal::Root`], which reads everything.
#[derive(Clone)]
pub struct Reader {
    principal: Arc<str>,
    board: Arc<Board>,
}

impl Reader {
    /// The reader of `principal`, or `None` for root (nothing to check).
    pub fn new(principal: &Principal, board: &Arc<Board>) -> Option<Reader> {
        match principal {
            Principal::Root => None,
            Principal::Named(name) => Some(Reader {
                principal: name.clone(),
                board: board.clone(),
            }),
        }
    }

    pub fn principal(&self) -> &str {
        &self.principal
    }

    /// What the principal may read now: the policy enforced at this moment.
    pub fn now(&self) -> ReadRights {
        ReadRights {
            principal: self.principal.clone(),
            policy: self.board.enforced().policy.clone(),
        }
    }
}

impl std::fmt::Debug for Reader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Reader({})", self.principal)
    }
}

/// One principal's read rights under one policy: pure functions of the two.
#[derive(Clone, Debug)]
pub struct ReadRights {
    principal: Arc<str>,
    policy: Arc<Policy>,
}

impl ReadRights {
    pub fn new(principal: &str, policy: Arc<Policy>) -> Self {
        ReadRights {
            principal: principal.into(),
            policy,
        }
    }

    /// `Ok` iff the principal may read some resource of `namespace` (`Scope::Children`) or of its
    /// subtree (`Scope::Subtree`), of type `kind` if given, whether or not one exists there;
    /// else `Error::ReadDenied` naming `target` (what was asked: a key, a namespace).
    pub fn check_within(
        &self,
        target: &str,
        namespace: &str,
        scope: Scope,
        kind: Option<&str>,
    ) -> Result<(), Error> {
        let subtree = scope == Scope::Subtree;
        self.policy
            .permissions()
            .may_read_within(&self.principal, namespace, subtree, kind)
            .map_err(|rule| self.denied(target, namespace, kind.unwrap_or("*"), rule))
    }

    /// Whether the principal may read `resource` (its namespace and type).
    pub fn may_read(&self, resource: &Resource) -> bool {
        self.check_resource(resource).is_ok()
    }

    /// `Ok` iff the principal may read `resource`; else `Error::ReadDenied` naming its key.
    pub fn check_resource(&self, resource: &Resource) -> Result<(), Error> {
        self.policy
            .permissions()
            .allows(
                &self.principal,
                Action::Read,
                &resource.namespace,
                &resource.kind,
            )
            .map_err(|rule| self.denied(&resource.key(), &resource.namespace, &resource.kind, rule))
    }

    /// The event the principal receives for `event`, which a pattern asking for every action
    /// gave, when it asked for `wanted`; or nothing. What the principal may not read is, to it,
    /// outside the pattern: each side of the change counts as matching only if the pattern
    /// selected it *and* the principal may read it, and the action follows from the two sides as
    /// the pattern's own table has it (`subscription::pattern`). So an update that takes a
    /// resource out of what the principal may read (its type changed to a hidden one) is `Left`,
    /// one that brings it in is `Entered`, and one that stays hidden is nothing. A side the
    /// principal may not read is never handed out: `Left` then carries no new resource,
    /// `Entered` no old one.
    pub fn judge(&self, event: Event, wanted: Actions) -> Option<Event> {
        let (old_selected, new_selected) = match event.action {
            EventAction::Created => (false, true),
            EventAction::Deleted => (true, false),
            EventAction::Updated => (true, true),
            EventAction::Entered => (false, true),
            EventAction::Left => (true, false),
        };
        let old_readable = event.old.as_deref().is_some_and(|r| self.may_read(r));
        let new_readable = event.new.as_deref().is_some_and(|r| self.may_read(r));
        let old_seen = old_selected && old_readable;
        let new_seen = new_selected && new_readable;
        let action = match event.action {
            EventAction::Created => new_seen.then_some(EventAction::Created),
            EventAction::Deleted => old_seen.then_some(EventAction::Deleted),
            EventAction::Updated | EventAction::Entered | EventAction::Left => {
                match (old_seen, new_seen) {
                    (true, true) => Some(EventAction::Updated),
                    (false, true) => Some(EventAction::Entered),
                    (true, false) => Some(EventAction::Left),
                    (false, false) => None,
                }
            }
        }?;
        if !wanted.contains(action) {
            return None;
        }
        Some(Event {
            action,
            old: event.old.filter(|_| old_readable),
            new: event.new.filter(|_| new_readable),
            ..event
        })
    }

    fn denied(&self, target: &str, namespace: &str, kind: &str, rule: Option<String>) -> Error {
        Error::ReadDenied {
            target: target.to_string(),
            reason: Box::new(Rejection::Denied {
                principal: self.principal.to_string(),
                action: Action::Read,
                namespace: namespace.to_string(),
                kind: kind.to_string(),
                rule,
            }),
        }
    }
}
