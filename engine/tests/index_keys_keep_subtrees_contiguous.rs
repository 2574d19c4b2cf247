//! Index keys (`table::key`): for any type T and namespace N, `type_subtree_range(T, N)` holds the
//! type index keys of exactly the resources of type T in N's subtree, and `type_children_range`
//! those in N itself; for any tag `k=v`, `tag_value_subtree_range(k, v, N)` and
//! `tag_value_children_range` hold exactly the tagged resources in N's subtree (in N), and
//! `tag_key_range(k)` every resource that has the tag `k`. Types, tag keys and values are drawn from
//! look-alikes (`a`, `a/b`, `a-b`, `ab`, the empty value, values with spaces and non-ASCII) so a
//! field that runs into the next would show. Each range, applied to the sorted keys of a universe,
//! is one contiguous run.

mod table_key_strategies;

use std::collections::BTreeSet;

use aorta_engine::table::key::{
    encode_tag_index_key, encode_type_index_key, tag_key_range, tag_value_children_range,
    tag_value_subtree_range, type_children_range, type_subtree_range, KeyRange,
};
use proptest::prelude::*;
use table_key_strategies::{is_in_subtree, namespaces_and_ancestors, universe, Pair};

const KINDS: [&str; 7] = ["a", "a/b", "a-b", "ab", "a.b", "a/b/c", "b"];
const TAG_KEYS: [&str; 5] = ["k", "k/x", "k-x", "kx", "l"];
const TAG_VALUES: [&str; 8] = ["", "v", "v w", "vw", "v-w", "v\u{e9}", "v,w", "\u{1F980}"];

/// A resource of the universe with one type and one tag: (namespace, name), type, tag key, value.
type Indexed = (Pair, &'static str, &'static str, &'static str);

/// Asserts that `range` holds exactly the keys of `sorted` whose resource `expected` accepts, and
/// that these are one contiguous run.
fn check(
    what: &str,
    range: &KeyRange,
    sorted: &[(Vec<u8>, Indexed)],
    expected: impl Fn(&Indexed) -> bool,
) {
    let inside: Vec<usize> = sorted
        .iter()
        .enumerate()
        .filter(|(_, (key, resource))| {
            assert_eq!(
                range.contains(key),
                expected(resource),
                "{what}: {resource:?}"
            );
            expected(resource)
        })
        .map(|(i, _)| i)
        .collect();
    if let (Some(first), Some(last)) = (inside.first(), inside.last()) {
        assert_eq!(last - first + 1, inside.len(), "{what} is not contiguous");
    }
}

fn check_universe(resources: Vec<Indexed>) {
    let unique: BTreeSet<Indexed> = resources.into_iter().collect();
    let mut by_type: Vec<(Vec<u8>, Indexed)> = Vec::new();
    let mut by_tag: Vec<(Vec<u8>, Indexed)> = Vec::new();
    for resource in unique {
        let ((namespace, name), kind, tag_key, tag_value) = &resource;
        by_type.push((
            encode_type_index_key(kind, namespace, name).unwrap(),
            resource.clone(),
        ));
        by_tag.push((
            encode_tag_index_key(tag_key, tag_value, namespace, name).unwrap(),
            resource.clone(),
        ));
    }
    by_type.sort();
    by_tag.sort();
    let pairs: Vec<Pair> = by_type.iter().map(|(_, r)| r.0.clone()).collect();
    for namespace in namespaces_and_ancestors(&pairs) {
        let ns = namespace.as_str();
        for kind in KINDS {
            let what = format!("type {kind:?} in {ns:?}");
            check(
                &what,
                &type_subtree_range(kind, ns).unwrap(),
                &by_type,
                |r| r.1 == kind && is_in_subtree(&r.0 .0, ns),
            );
            check(
                &what,
                &type_children_range(kind, ns).unwrap(),
                &by_type,
                |r| r.1 == kind && r.0 .0 == ns,
            );
        }
        for tag_key in TAG_KEYS {
            for tag_value in TAG_VALUES {
                let what = format!("tag {tag_key}={tag_value:?} in {ns:?}");
                let subtree = tag_value_subtree_range(tag_key, tag_value, ns).unwrap();
                check(&what, &subtree, &by_tag, |r| {
                    r.2 == tag_key && r.3 == tag_value && is_in_subtree(&r.0 .0, ns)
                });
                let children = tag_value_children_range(tag_key, tag_value, ns).unwrap();
                check(&what, &children, &by_tag, |r| {
                    r.2 == tag_key && r.3 == tag_value && r.0 .0 == ns
                });
            }
        }
    }
    for tag_key in TAG_KEYS {
        check(
            &format!("tag key {tag_key}"),
            &tag_key_range(tag_key).unwrap(),
            &by_tag,
            |r| r.2 == tag_key,
        );
    }
}

fn indexed_universe() -> impl Strategy<Value = Vec<Indexed>> {
    universe().prop_flat_map(|pairs| {
        let n = pairs.len();
        (
            Just(pairs),
            prop::collection::vec(
                (
                    prop::sample::select(KINDS.to_vec()),
                    prop::sample::select(TAG_KEYS.to_vec()),
                    prop::sample::select(TAG_VALUES.to_vec()),
                ),
                n,
            ),
        )
            .prop_map(|(pairs, fields)| {
                pairs
                    .into_iter()
                    .zip(fields)
                    .map(|(pair, (kind, key, value))| (pair, kind, key, value))
                    .collect()
            })
    })
}

#[test]
fn look_alike_types_tags_and_namespaces_stay_apart() {
    let namespaces = ["/", "/a", "/a-b", "/a/b", "/ab", "/a.b"];
    let mut resources = Vec::new();
    for (i, ns) in namespaces.iter().enumerate() {
        for (j, kind) in KINDS.iter().enumerate() {
            let tag_key = TAG_KEYS[(i + j) % TAG_KEYS.len()];
            for value in TAG_VALUES {
                resources.push(((ns.to_string(), format!("n{j}")), *kind, tag_key, value));
            }
        }
    }
    check_universe(resources);
}

#[test]
fn examples_from_the_format_document() {
    assert_eq!(
        encode_type_index_key("apps/v1.Deployment", "/apps/web", "task-1").unwrap(),
        b"tapps/v1.Deployment\0apps\0web\0\x01task-1"
    );
    assert_eq!(
        encode_tag_index_key("team", "db", "/apps", "x").unwrap(),
        b"gteam\0db\0apps\0\x01x"
    );
    assert_eq!(
        encode_tag_index_key("team", "", "/", "x").unwrap(),
        b"gteam\0\0\x01x"
    );
    let range = tag_value_subtree_range("team", "db", "/apps").unwrap();
    assert_eq!(
        (range.start, range.end),
        (
            b"gteam\0db\0apps\0".to_vec(),
            b"gteam\0db\0apps\x01".to_vec()
        )
    );
    let range = tag_key_range("team").unwrap();
    assert_eq!(
        (range.start, range.end),
        (b"gteam\0".to_vec(), b"gteam\x01".to_vec())
    );
    let range = type_children_range("Pod", "/").unwrap();
    assert_eq!(
        (range.start, range.end),
        (b"tPod\0\x01".to_vec(), b"tPod\0\x02".to_vec())
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn ranges_hold_exactly_their_resources(resources in indexed_universe()) {
        check_universe(resources);
    }
}
