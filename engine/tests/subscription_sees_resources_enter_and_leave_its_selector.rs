//! A watcher of `env=prod` sees a resource whose tag changes to `env=dev` leave (and one that
//! changes to `env=prod` enter), with old and new whole; updates outside the selection are not
//! delivered; a delete of a matching resource is. Real engine on a temp dir.

mod subscription_common;

use aorta_engine::query::TagSelector;
use aorta_engine::subscription::{Actions, EventAction, Pattern, Start};
use aorta_engine::{Batch, Command, Engine, EngineConfig, ResourceSpec};
use subscription_common::{assert_nothing_more, take};

fn put(engine: &Engine, name: &str, env: &str) -> u64 {
    let spec = ResourceSpec::new("/apps/web", name, "task").with_tag("env", env);
    engine
        .commit(Batch::new(vec![Command::put(spec, None)]))
        .unwrap()
        .position
}

#[test]
fn a_watcher_of_prod_sees_resources_enter_and_leave() {
    let dir = tempfile::tempdir().unwrap();
    let engine = Engine::open(EngineConfig::new(dir.path()).with_shards(2)).unwrap();
    let prod = TagSelector::parse("env=prod").unwrap();
    let mut watcher = engine
        .subscribe(
            Pattern::subtree("/apps").with_selector(prod.clone()),
            Start::Now,
        )
        .unwrap();
    let p1 = put(&engine, "a", "prod"); // created, matching
    let _ = put(&engine, "b", "dev"); // created, not matching: nothing
    let p3 = put(&engine, "a", "dev"); // left
    let _ = put(&engine, "a", "test"); // neither side matches: nothing
    let p5 = put(&engine, "b", "prod"); // entered
    let p6 = put(&engine, "b", "prod"); // updated, still matching
    let p7 = engine
        .commit(Batch::new(vec![Command::delete("/apps/web", "b", None)]))
        .unwrap()
        .position;
    let events = take(&mut watcher, 5);
    let seen: Vec<(u64, EventAction, Option<String>, Option<String>)> = events
        .iter()
        .map(|e| {
            let env = |r: &Option<std::sync::Arc<aorta_engine::Resource>>| {
                r.as_ref().map(|r| r.tags["env"].clone())
            };
            (e.position, e.action, env(&e.old), env(&e.new))
        })
        .collect();
    let s = |v: &str| Some(v.to_string());
    assert_eq!(
        seen,
        [
            (p1, EventAction::Created, None, s("prod")),
            (p3, EventAction::Left, s("prod"), s("dev")),
            (p5, EventAction::Entered, s("dev"), s("prod")),
            (p6, EventAction::Updated, s("prod"), s("prod")),
            (p7, EventAction::Deleted, s("prod"), None),
        ]
    );
    assert_nothing_more(&mut watcher);

    // Asking for the transitions only.
    let transitions = Actions::of(&[EventAction::Entered, EventAction::Left]);
    let mut only = engine
        .subscribe(
            Pattern::subtree("/apps")
                .with_selector(prod)
                .with_actions(transitions),
            Start::After(vec![0; 2]),
        )
        .unwrap();
    let events = take(&mut only, 2);
    let actions: Vec<EventAction> = events.iter().map(|e| e.action).collect();
    assert_eq!(actions, [EventAction::Left, EventAction::Entered]);
    assert_nothing_more(&mut only);
}
