//! Subscriptions: patterns, starts and events.

use std::sync::Arc;

use aorta_engine::limits::SHARDS_MAX;
use aorta_engine::subscription::{Actions, Event, EventAction, Pattern, Start};

use super::request::{
    positions_from_wire, scope_from_wire, scope_to_wire, selector_from_wire, selector_to_wire,
};
use super::resource::{resource_from_wire_owned, resource_to_wire};
use super::{count_within, DecodeError};
use crate::wire;

fn action_to_wire(action: EventAction) -> wire::EventAction {
    match action {
        EventAction::Created => wire::EventAction::Created,
        EventAction::Updated => wire::EventAction::Updated,
        EventAction::Deleted => wire::EventAction::Deleted,
        EventAction::Entered => wire::EventAction::Entered,
        EventAction::Left => wire::EventAction::Left,
    }
}

fn action_from_wire(action: wire::EventAction) -> EventAction {
    match action {
        wire::EventAction::Created => EventAction::Created,
        wire::EventAction::Updated => EventAction::Updated,
        wire::EventAction::Deleted => EventAction::Deleted,
        wire::EventAction::Entered => EventAction::Entered,
        wire::EventAction::Left => EventAction::Left,
    }
}

pub fn subscribe_to_wire(pattern: &Pattern, start: &Start) -> wire::Subscribe {
    wire::Subscribe {
        pattern: Box::new(wire::Pattern {
            namespace_path: pattern.namespace.clone(),
            scope: scope_to_wire(pattern.scope),
            kind: pattern.kind.clone(),
            selector: selector_to_wire(&pattern.selector),
            actions: pattern.actions.iter().map(action_to_wire).collect(),
        }),
        resume_after: match start {
            Start::Now => None,
            Start::After(positions) => Some(positions.clone()),
        },
    }
}

/// A subscription from the wire: its pattern (validated) and where it starts.
pub fn subscribe_from_wire(subscribe: &wire::Subscribe) -> Result<(Pattern, Start), DecodeError> {
    let wire_pattern = &subscribe.pattern;
    let actions: Vec<EventAction> = wire_pattern
        .actions
        .iter()
        .map(|action| action_from_wire(*action))
        .collect();
    let pattern = Pattern {
        namespace: wire_pattern.namespace_path.clone(),
        scope: scope_from_wire(wire_pattern.scope),
        kind: wire_pattern.kind.clone(),
        selector: selector_from_wire(&wire_pattern.selector)?,
        actions: Actions::of(&actions),
    };
    pattern.validate()?;
    let start = match &subscribe.resume_after {
        None => Start::Now,
        Some(positions) => Start::After(positions_from_wire(positions)?),
    };
    Ok((pattern, start))
}

pub fn event_to_wire(event: &Event) -> wire::Event {
    wire::Event {
        shard: event.shard,
        position: event.position,
        commit_time_ms: event.commit_time_ms,
        action: action_to_wire(event.action),
        old: event.old.as_deref().map(|r| Box::new(resource_to_wire(r))),
        new: event.new.as_deref().map(|r| Box::new(resource_to_wire(r))),
    }
}

/// An event from the wire: its resources validated, and present as its action needs (created:
/// new; deleted: old; updated: both; entered: new, and old unless the subscriber may not read it;
/// left: old, and new unless the subscriber may not read it).
pub fn event_from_wire(event: &wire::Event) -> Result<Event, DecodeError> {
    event_from_wire_owned(event.clone())
}

/// [`event_from_wire`] for an event the caller no longer needs: its resources move.
pub fn event_from_wire_owned(event: wire::Event) -> Result<Event, DecodeError> {
    let (old, new) = (event.old.is_some(), event.new.is_some());
    let (fits, needs) = match event.action {
        wire::EventAction::Created => (!old && new, "a new resource and no old one"),
        wire::EventAction::Deleted => (old && !new, "an old resource and no new one"),
        wire::EventAction::Updated => (old && new, "both an old and a new resource"),
        wire::EventAction::Entered => (new, "a new resource"),
        wire::EventAction::Left => (old, "an old resource"),
    };
    if !fits {
        return Err(DecodeError::EventShape {
            action: event.action,
            needs,
        });
    }
    let resource = |r: Option<Box<wire::Resource>>| -> Result<_, DecodeError> {
        match r {
            Some(r) => Ok(Some(Arc::new(resource_from_wire_owned(*r)?))),
            None => Ok(None),
        }
    };
    Ok(Event {
        shard: event.shard,
        position: event.position,
        commit_time_ms: event.commit_time_ms,
        action: action_from_wire(event.action),
        old: resource(event.old)?,
        new: resource(event.new)?,
    })
}

/// Events and the resume token that follows them.
pub fn events_to_wire(events: &[Event], resume_token: &[u64]) -> wire::Events {
    wire::Events {
        events: events.iter().map(event_to_wire).collect(),
        resume_token: resume_token.to_vec(),
    }
}

pub fn events_from_wire(events: &wire::Events) -> Result<(Vec<Event>, Vec<u64>), DecodeError> {
    events_from_wire_owned(events.clone())
}

/// [`events_from_wire`] for events the caller no longer needs: their resources move.
pub fn events_from_wire_owned(events: wire::Events) -> Result<(Vec<Event>, Vec<u64>), DecodeError> {
    count_within("resume token", events.resume_token.len(), SHARDS_MAX)?;
    let decoded = events
        .events
        .into_iter()
        .map(event_from_wire_owned)
        .collect::<Result<_, _>>()?;
    Ok((decoded, events.resume_token))
}
