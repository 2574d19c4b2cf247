//! A budget bounds the cost of its namespace's subtree: a batch that would exceed it is rejected
//! whole, naming the budget and its figures (used, limit, asked); decreases make room once
//! committed; a budget may be raised, lowered below its usage (then only decreases pass) or
//! removed.

mod filters_common;

use aorta_engine::{Batch, Command, Rejection};
use filters_common::*;

#[test]
fn a_batch_over_budget_is_rejected_with_the_figures() {
    let dir = tempfile::tempdir().unwrap();
    let engine = open(dir.path(), 1);
    engine
        .commit(Batch::single(budget("team-a", "/teams/a", 100)))
        .unwrap();
    engine
        .commit(Batch::single(put_cost("/teams/a", "x", 60)))
        .unwrap();
    // Outside the subtree: not counted.
    engine
        .commit(Batch::single(put_cost("/teams/ab", "big", 1000)))
        .unwrap();

    let batch = Batch::new(vec![
        put_cost("/teams/a/web", "y", 30),
        put_cost("/teams/a/web", "z", 20),
    ]);
    let (filter, index, reason) = rejection(engine.commit(batch));
    assert_eq!((filter, index), ("quota", 0));
    assert_eq!(
        reason,
        Rejection::OverBudget {
            budget: "/system/policy/team-a".into(),
            namespace: "/teams/a".into(),
            used: 60,
            limit: 100,
            asked: 50,
        }
    );
    assert!(engine.get("/teams/a/web", "y").unwrap().is_none());

    // A batch whose net change fits passes, though one of its commands alone would not.
    engine
        .commit(Batch::new(vec![
            put_cost("/teams/a", "x", 10),
            put_cost("/teams/a", "w", 90),
        ]))
        .unwrap();
    let (_, _, reason) = rejection(engine.commit(Batch::single(put_cost("/teams/a", "v", 1))));
    assert!(matches!(
        reason,
        Rejection::OverBudget {
            used: 100,
            asked: 1,
            ..
        }
    ));
    engine
        .commit(Batch::single(Command::delete("/teams/a", "w", None)))
        .unwrap();
    engine
        .commit(Batch::single(put_cost("/teams/a", "v", 90)))
        .unwrap();

    // Raised: room for more. Lowered below usage: increases refused, decreases pass.
    engine
        .commit(Batch::single(budget("team-a", "/teams/a", 150)))
        .unwrap();
    engine
        .commit(Batch::single(put_cost("/teams/a", "u", 50)))
        .unwrap();
    engine
        .commit(Batch::single(budget("team-a", "/teams/a", 20)))
        .unwrap();
    let (_, _, reason) = rejection(engine.commit(Batch::single(put_cost("/teams/a", "t", 1))));
    assert!(matches!(
        reason,
        Rejection::OverBudget {
            used: 150,
            limit: 20,
            ..
        }
    ));
    engine
        .commit(Batch::single(put_cost("/teams/a", "u", 40)))
        .unwrap();
    // Removed: no bound.
    engine.commit(delete_policy("team-a")).unwrap();
    engine
        .commit(Batch::single(put_cost("/teams/a", "t", 1_000_000)))
        .unwrap();
}

#[test]
fn nested_budgets_each_hold() {
    let dir = tempfile::tempdir().unwrap();
    let engine = open(dir.path(), 2);
    engine
        .commit(Batch::new(vec![
            budget("all", "/", 50),
            budget("web", "/apps/web", 10),
        ]))
        .unwrap();
    engine
        .commit(Batch::single(put_cost("/apps/web", "a", 10)))
        .unwrap();
    let (_, _, reason) = rejection(engine.commit(Batch::single(put_cost("/apps/web/eu", "b", 1))));
    assert!(
        matches!(reason, Rejection::OverBudget { ref budget, .. } if budget == "/system/policy/web")
    );
    engine
        .commit(Batch::single(put_cost("/apps/db", "c", 40)))
        .unwrap();
    let (_, _, reason) = rejection(engine.commit(Batch::single(put_cost("/other", "d", 1))));
    assert!(matches!(
        reason,
        Rejection::OverBudget { ref budget, used: 50, limit: 50, asked: 1, .. } if budget == "/system/policy/all"
    ));
}
