//! The apply step hands each change of a batch, in order, to its listener as (action, old, new,
//! position): what the indexes, the history and the subscriptions are fed. Old is the resource as it
//! was before the batch, new as it is after, whatever else the batch changed.

use aorta_engine::state::{Action, State};
use aorta_engine::{Change, CommittedBatch, Resource, ResourceId};

fn resource(name: &str, position: u64, index: u16, data: &[u8]) -> Resource {
    Resource {
        api_version: "v1".into(),
        id: ResourceId::new(9, 0, position, index),
        namespace: "/ns".into(),
        name: name.into(),
        kind: "task".into(),
        created_ms: 1_000,
        owner: "alice".into(),
        tags: Default::default(),
        cost: 0,
        data: data.to_vec(),
        revision: position,
    }
}

/// (position, action, old (name, revision, data), new (name, revision, data)) of each change.
type Seen = (
    u64,
    Action,
    Option<(String, u64, Vec<u8>)>,
    Option<(String, u64, Vec<u8>)>,
);

fn apply(state: &mut State, position: u64, changes: Vec<Change>) -> Vec<Seen> {
    let mut seen = Vec::new();
    let batch = CommittedBatch {
        position,
        commit_time_ms: 1_000,
        changes,
    };
    let view = |r: &Resource| (r.name.clone(), r.revision, r.data.clone());
    state.apply_with(batch, &mut |change| {
        seen.push((
            change.position,
            change.action,
            change.old.map(view),
            change.new.map(view),
        ))
    });
    seen
}

#[test]
fn creates_updates_and_deletes_are_yielded_with_old_and_new() {
    let mut state = State::default();
    let a = resource("a", 1, 0, b"a1");
    let b = resource("b", 1, 1, b"b1");
    let seen = apply(
        &mut state,
        1,
        vec![Change::Created(a.clone()), Change::Created(b.clone())],
    );
    assert_eq!(
        seen,
        vec![
            (
                1,
                Action::Created,
                None,
                Some(("a".into(), 1, b"a1".to_vec()))
            ),
            (
                1,
                Action::Created,
                None,
                Some(("b".into(), 1, b"b1".to_vec()))
            ),
        ]
    );

    let a2 = Resource {
        data: b"a2".to_vec(),
        revision: 4,
        ..a.clone()
    };
    let seen = apply(
        &mut state,
        4,
        vec![
            Change::Updated(a2),
            Change::Deleted {
                id: b.id,
                namespace: "/ns".into(),
                name: "b".into(),
            },
        ],
    );
    assert_eq!(
        seen,
        vec![
            (
                4,
                Action::Updated,
                Some(("a".into(), 1, b"a1".to_vec())),
                Some(("a".into(), 4, b"a2".to_vec()))
            ),
            (
                4,
                Action::Deleted,
                Some(("b".into(), 1, b"b1".to_vec())),
                None
            ),
        ]
    );
    // The state is what the changes say.
    assert_eq!(state.get("/ns/a").map(|r| r.revision), Some(4));
    assert!(state.get("/ns/b").is_none());
    assert_eq!(state.applied_position(), 4);
}

#[test]
fn apply_without_a_listener_changes_the_state_the_same_way() {
    let (mut with, mut without) = (State::default(), State::default());
    let changes = || {
        vec![
            Change::Created(resource("x", 2, 0, b"x")),
            Change::Created(resource("y", 2, 1, b"y")),
        ]
    };
    apply(&mut with, 2, changes());
    without.apply(CommittedBatch {
        position: 2,
        commit_time_ms: 1_000,
        changes: changes(),
    });
    let all = |s: &State| {
        ["/ns/x", "/ns/y"]
            .iter()
            .map(|k| s.get(k))
            .collect::<Vec<_>>()
    };
    assert_eq!(all(&with), all(&without));
    assert_eq!(with.applied_position(), without.applied_position());
}
