//! The policy is bounded: a batch that would take the policy namespace beyond
//! `POLICY_RESOURCES_MAX` resources is rejected and writes nothing; deleting makes room again.

mod filters_common;

use aorta_engine::limits::{BATCH_COMMANDS_MAX, POLICY_RESOURCES_MAX};
use aorta_engine::{Batch, Rejection};
use filters_common::*;

#[test]
fn the_policy_is_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let engine = open(dir.path(), 1);
    let mut count = 0;
    while count < POLICY_RESOURCES_MAX {
        let batch: Vec<_> = (count..(count + BATCH_COMMANDS_MAX).min(POLICY_RESOURCES_MAX))
            .map(|i| budget(&format!("b{i}"), &format!("/n{i}"), 1))
            .collect();
        count += batch.len();
        engine.commit(Batch::new(batch)).unwrap();
    }
    let before = engine.positions().unwrap();
    match rejection(engine.commit(Batch::single(budget("one-more", "/x", 1)))) {
        ("validation", 0, Rejection::InvalidPolicy { reason }) => {
            assert!(reason.contains("over the limit"), "{reason}")
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(engine.positions().unwrap(), before);
    // Replacing one is not growing; deleting one makes room.
    engine
        .commit(Batch::single(budget("b0", "/n0", 2)))
        .unwrap();
    engine.commit(delete_policy("b0")).unwrap();
    engine
        .commit(Batch::single(budget("one-more", "/x", 1)))
        .unwrap();
    assert_eq!(
        engine.filter_board().enforced().policy.len(),
        POLICY_RESOURCES_MAX
    );
}
