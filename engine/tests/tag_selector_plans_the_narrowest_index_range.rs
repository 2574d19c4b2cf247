//! `TagSelector::plan` (`query::selector`) picks the single tag index range to scan: an equality
//! term, else the set with the fewest values, else an existence term, else a scan of the namespace
//! (negative terms never narrow a scan). `IndexPlan::ranges` turns it into key ranges of the query's
//! namespace, and every resource the selector matches has an index key inside them.

use std::collections::BTreeMap;

use aorta_engine::query::{IndexPlan, Scope, TagSelector};
use aorta_engine::table::key::{
    encode_tag_index_key, tag_key_range, tag_value_children_range, tag_value_subtree_range,
};
use proptest::prelude::*;

fn plan(text: &str) -> IndexPlan {
    TagSelector::parse(text).unwrap().plan()
}

#[test]
fn the_most_selective_term_is_chosen() {
    assert_eq!(
        plan("b, a in (1,2), z=9"),
        IndexPlan::TagEquals {
            key: "z".into(),
            value: "9".into()
        }
    );
    assert_eq!(
        plan("a in (1,2,3), b in (x,y), c"),
        IndexPlan::TagIn {
            key: "b".into(),
            values: vec!["x".into(), "y".into()]
        }
    );
    assert_eq!(
        plan("a!=1, !b, c"),
        IndexPlan::TagExists { key: "c".into() }
    );
    assert_eq!(plan("a!=1, !b, c notin (x)"), IndexPlan::Scan);
    assert_eq!(plan(""), IndexPlan::Scan);
}

#[test]
fn plans_become_ranges_of_the_namespace() {
    let ranges = plan("t=web")
        .ranges("/apps", Scope::Subtree)
        .unwrap()
        .unwrap();
    assert_eq!(
        ranges,
        vec![tag_value_subtree_range("t", "web", "/apps").unwrap()]
    );
    let ranges = plan("t in (b,a)")
        .ranges("/apps", Scope::Children)
        .unwrap()
        .unwrap();
    assert_eq!(
        ranges,
        vec![
            tag_value_children_range("t", "a", "/apps").unwrap(),
            tag_value_children_range("t", "b", "/apps").unwrap(),
        ]
    );
    assert!(
        ranges[0].end <= ranges[1].start,
        "ranges ascend and do not overlap"
    );
    let ranges = plan("t").ranges("/apps", Scope::Subtree).unwrap().unwrap();
    assert_eq!(ranges, vec![tag_key_range("t").unwrap()]);
    assert_eq!(plan("!t").ranges("/apps", Scope::Subtree).unwrap(), None);
    assert!(plan("t=web").ranges("apps", Scope::Subtree).is_err());
}

const KEYS: [&str; 3] = ["a", "b", "c"];
const VALUES: [&str; 4] = ["", "x", "y", "x y"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]
    /// Whatever the plan, a matching resource has a tag index key in one of its ranges.
    #[test]
    fn every_match_lies_in_the_planned_ranges(
        text in prop::collection::vec(prop::sample::select(vec![
            "a=x", "a=", "b!=y", "c in (x,\"x y\")", "a notin (y)", "b", "!c", "c in (y)", "a",
        ]), 0..4),
        tags in prop::collection::btree_map(
            prop::sample::select(KEYS.to_vec()).prop_map(String::from),
            prop::sample::select(VALUES.to_vec()).prop_map(String::from),
            0..3,
        ),
        subtree in any::<bool>(),
    ) {
        let selector = TagSelector::parse(&text.join(",")).unwrap();
        let tags: BTreeMap<String, String> = tags;
        prop_assume!(selector.matches(&tags));
        let scope = if subtree { Scope::Subtree } else { Scope::Children };
        let Some(ranges) = selector.plan().ranges("/apps", scope).unwrap() else {
            return Ok(());
        };
        let keys: Vec<Vec<u8>> = tags
            .iter()
            .map(|(k, v)| encode_tag_index_key(k, v, "/apps", "r").unwrap())
            .collect();
        prop_assert!(
            keys.iter().any(|key| ranges.iter().any(|range| range.contains(key))),
            "{} on {:?}", selector, tags
        );
    }
}
