//! How a subscription's events are cut into `Events` frames, sans-IO.
//!
//! The server takes events from the engine in whole batches (the last event taken ends a
//! batch), between a resume token `before` and `after` them. It sends them in frames of at
//! most `frame_budget_bytes` estimated bytes each (at least one event a frame, so an event
//! larger than the budget still goes, alone). Each frame carries the token to resume from after
//! it:
//!
//! * the last frame carries `after` exactly (it also covers changes that matched nothing);
//! * an earlier frame carries, per shard, the last position whose batch is whole in this frame
//!   or before it — never a position of a batch cut between two frames, whose events would
//!   otherwise be lost on resume. A client that resumes from such a token gets that batch's
//!   events again (from its start), never fewer.

use aorta_engine::subscription::Event;
use aorta_engine::Resource;

/// What an event weighs in a frame, estimated from the sizes of its fields (FlatBuffers adds
/// offsets and padding, covered by the per-resource and per-event overheads).
pub fn event_estimated_bytes(event: &Event) -> u64 {
    const EVENT_OVERHEAD_BYTES: u64 = 64;
    let resource = |resource: &Option<std::sync::Arc<Resource>>| {
        resource.as_deref().map_or(0, resource_estimated_bytes)
    };
    EVENT_OVERHEAD_BYTES + resource(&event.old) + resource(&event.new)
}

fn resource_estimated_bytes(resource: &Resource) -> u64 {
    const RESOURCE_OVERHEAD_BYTES: u64 = 160;
    const TAG_OVERHEAD_BYTES: u64 = 16;
    let text = resource.api_version.len()
        + resource.namespace.len()
        + resource.name.len()
        + resource.kind.len()
        + resource.owner.len();
    let tags: u64 = resource
        .tags
        .iter()
        .map(|(key, value)| (key.len() + value.len()) as u64 + TAG_OVERHEAD_BYTES)
        .sum();
    RESOURCE_OVERHEAD_BYTES + text as u64 + tags + resource.data.len() as u64
}

/// `events` (whole batches) cut into frames of at most `frame_budget_bytes` estimated bytes,
/// each with its resume token (see the module doc).
pub fn cut_into_frames(
    events: Vec<Event>,
    before: &[u64],
    after: &[u64],
    frame_budget_bytes: u64,
) -> Vec<(Vec<Event>, Vec<u64>)> {
    let mut frames = Vec::new();
    let mut token = before.to_vec();
    let mut frame: Vec<Event> = Vec::new();
    let mut frame_bytes = 0;
    let mut events = events.into_iter().peekable();
    while let Some(event) = events.next() {
        let bytes = event_estimated_bytes(&event);
        if !frame.is_empty() && frame_bytes + bytes > frame_budget_bytes {
            frames.push((std::mem::take(&mut frame), token.clone()));
            frame_bytes = 0;
        }
        // Events of one batch are adjacent: the batch is whole once the next event is of
        // another batch (or there is none: the events end at a batch boundary).
        let batch_ends = events
            .peek()
            .is_none_or(|next| (next.shard, next.position) != (event.shard, event.position));
        if batch_ends {
            let slot = &mut token[usize::from(event.shard)];
            *slot = (*slot).max(event.position);
        }
        frame_bytes += bytes;
        frame.push(event);
    }
    if !frame.is_empty() || frames.is_empty() {
        frames.push((frame, after.to_vec()));
    } else if let Some(last) = frames.last_mut() {
        last.1 = after.to_vec();
    }
    frames
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::sync::Arc;

    use aorta_engine::subscription::EventAction;
    use aorta_engine::ResourceId;

    use super::*;

    fn event(shard: u16, position: u64, data_bytes: usize) -> Event {
        let resource = Resource {
            api_version: "v1".into(),
            id: ResourceId::new(1, shard, position, 0),
            namespace: "/a".into(),
            name: format!("r{position}"),
            kind: "t".into(),
            created_ms: 0,
            owner: "root".into(),
            tags: BTreeMap::new(),
            cost: 0,
            data: vec![0; data_bytes],
            revision: position,
        };
        Event {
            shard,
            position,
            commit_time_ms: 0,
            action: EventAction::Created,
            old: None,
            new: Some(Arc::new(resource)),
        }
    }

    fn positions(frame: &[Event]) -> Vec<(u16, u64)> {
        frame.iter().map(|e| (e.shard, e.position)).collect()
    }

    #[test]
    fn events_that_fit_go_in_one_frame_with_the_token_after_them() {
        let events = vec![event(0, 5, 10), event(1, 7, 10), event(0, 6, 10)];
        let frames = cut_into_frames(events, &[4, 3], &[9, 8], 1 << 20);
        assert_eq!(frames.len(), 1);
        assert_eq!(positions(&frames[0].0), [(0, 5), (1, 7), (0, 6)]);
        assert_eq!(frames[0].1, [9, 8]);
    }

    #[test]
    fn a_batch_cut_between_frames_is_not_in_the_earlier_token() {
        let big = 600;
        let events = vec![
            event(0, 5, big),
            event(0, 6, big),
            event(0, 6, big),
            event(0, 7, big),
        ];
        let budget = 2 * event_estimated_bytes(&event(0, 5, big));
        let frames = cut_into_frames(events, &[4], &[7], budget);
        let cuts: Vec<_> = frames
            .iter()
            .map(|(frame, token)| (positions(frame), token.clone()))
            .collect();
        assert_eq!(
            cuts,
            [
                // Batch 6 is cut: the token stays at 5, so a resume gets all of 6 again.
                (vec![(0, 5), (0, 6)], vec![5]),
                (vec![(0, 6), (0, 7)], vec![7]),
            ]
        );
    }

    #[test]
    fn an_event_over_the_budget_goes_alone() {
        let events = vec![event(0, 1, 10_000), event(0, 2, 10_000)];
        let frames = cut_into_frames(events, &[0], &[2], 100);
        assert_eq!(frames.len(), 2);
        assert_eq!(frames[0].1, [1]);
        assert_eq!(frames[1].1, [2]);
    }
}
