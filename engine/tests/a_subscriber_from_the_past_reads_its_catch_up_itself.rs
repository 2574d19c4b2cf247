//! A subscription that starts far behind the present reads its catch-up from the history itself,
//! even when it is the first subscriber of a shard whose dispatcher has been idle: it does not
//! join the dispatcher (which would then read the whole backlog for it, and every live subscriber
//! that joined after it would wait behind that backlog) until it has caught up. A live subscriber
//! that comes meanwhile gets the next change at once, and the one from the past gets every change
//! once, in order, and joins the live path when it has caught up. Real engine, one shard.

mod subscription_common;

use aorta_engine::subscription::{Pattern, Start};
use aorta_engine::{Batch, Command, Engine, EngineConfig, ResourceSpec};
use subscription_common::{assert_nothing_more, take};

const BACKLOG: u64 = 2_000;

fn put(engine: &Engine, name: &str) -> u64 {
    let spec = ResourceSpec::new("/feed", name, "item").with_data(vec![7; 64]);
    engine
        .commit(Batch::single(Command::put(spec, None)))
        .expect("commit")
        .position
}

#[test]
fn a_subscriber_from_far_back_reads_the_history_itself_then_joins() {
    let dir = tempfile::tempdir().unwrap();
    let engine = Engine::open(EngineConfig::new(dir.path()).with_shards(1)).unwrap();
    // Nobody subscribes while the backlog is written: the dispatcher stays idle.
    let positions: Vec<u64> = (0..BACKLOG)
        .map(|i| put(&engine, &format!("b{i}")))
        .collect();

    let mut from_the_start = engine
        .subscribe(Pattern::subtree("/feed"), Start::After(vec![0]))
        .unwrap();
    let first = take(&mut from_the_start, 1);
    assert_eq!(first[0].position, positions[0]);
    assert!(
        !from_the_start.is_live(),
        "a subscriber {BACKLOG} batches behind reads the history itself"
    );

    // A live subscriber that comes meanwhile is served from the next change on.
    let mut live = engine
        .subscribe(Pattern::subtree("/feed"), Start::Now)
        .unwrap();
    let next = put(&engine, "next");
    let delivered = take(&mut live, 1);
    assert_eq!(delivered[0].position, next);
    assert!(live.is_live(), "a subscriber from now is on the live path");
    assert_nothing_more(&mut live);

    // The subscriber from the past gets everything once, in order, then joins the live path.
    let rest = take(&mut from_the_start, BACKLOG as usize);
    let mut expected: Vec<u64> = positions[1..].to_vec();
    expected.push(next);
    let got: Vec<u64> = rest.iter().map(|e| e.position).collect();
    assert_eq!(got, expected);
    assert_nothing_more(&mut from_the_start);
    let last = put(&engine, "last");
    assert_eq!(take(&mut from_the_start, 1)[0].position, last);
    assert_eq!(take(&mut live, 1)[0].position, last);
    assert!(
        from_the_start.is_live(),
        "caught up, the subscriber from the past joined the live path"
    );
}
