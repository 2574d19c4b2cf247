//! Shared by the `table_key*` tests: generators of valid (namespace, name) pairs that are likely to
//! collide in the ways a key encoding can get wrong, and a reference order and reference
//! membership written on strings, independently of the encoding.
#![allow(dead_code)]

use std::cmp::Ordering;

use aorta_engine::resource::{validate_name, validate_namespace};
use proptest::prelude::*;

/// A (namespace, name) pair.
pub type Pair = (String, String);

/// The characters around `/` (0x2F) in ASCII: `-` (0x2D) and `.` (0x2E) sort below it, `0`, `A`,
/// `_` and `a` above. Segments made of these share prefixes and sort on either side of a `/`.
const ADVERSARIAL: &str = "[ab.\\-_0A]{1,3}";

fn not_dots(segment: &String) -> bool {
    segment != "." && segment != ".."
}

/// One namespace segment: mostly short adversarial ones, sometimes any valid one up to 63 bytes.
pub fn segment() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => ADVERSARIAL.prop_filter("not . or ..", not_dots),
        1 => "[A-Za-z0-9._-]{1,63}".prop_filter("not . or ..", not_dots),
    ]
}

/// A universe of resources built from a small pool of segments, so that namespaces are often
/// ancestors of each other, siblings sharing a prefix (`/a`, `/a-b`, `/a.b`, `/ab`), and names
/// equal to or extending segments. Every pair is valid.
pub fn universe() -> impl Strategy<Value = Vec<Pair>> {
    prop::collection::vec(segment(), 1..6).prop_flat_map(|pool| {
        let n = pool.len();
        let pool_name = pool.clone();
        let namespace = prop_oneof![
            4 => prop::collection::vec(0..n, 0..5),
            1 => prop::collection::vec(0..n, 0..17),
        ]
        .prop_map(move |indexes| {
            let segments: Vec<&str> = indexes.iter().map(|&i| pool[i].as_str()).collect();
            join(&segments)
        });
        let name = prop_oneof![
            3 => (0..n).prop_map(move |i| pool_name[i].clone()),
            3 => ADVERSARIAL.prop_filter("not . or ..", not_dots),
            1 => "[A-Za-z0-9._-]{1,253}".prop_filter("not . or ..", not_dots),
        ];
        prop::collection::vec(
            (namespace, name).prop_filter("valid", |(ns, name)| {
                validate_namespace(ns).is_ok() && validate_name(name).is_ok()
            }),
            1..80,
        )
    })
}

/// The namespace path of `segments`: `/` for none.
pub fn join(segments: &[&str]) -> String {
    if segments.is_empty() {
        "/".to_string()
    } else {
        format!("/{}", segments.join("/"))
    }
}

pub fn segments(namespace: &str) -> Vec<&str> {
    if namespace == "/" {
        Vec::new()
    } else {
        namespace[1..].split('/').collect()
    }
}

/// Every namespace of `universe` and each of its ancestors, the root included: the namespaces a
/// test queries (plus whatever else it adds, e.g. absent ones).
pub fn namespaces_and_ancestors(universe: &[Pair]) -> Vec<String> {
    let mut all = std::collections::BTreeSet::new();
    for (namespace, _) in universe {
        let segments = segments(namespace);
        for depth in 0..=segments.len() {
            all.insert(join(&segments[..depth]));
        }
    }
    all.into_iter().collect()
}

/// The reference order, the one `table::key` documents: a depth-first, pre-order walk of the
/// namespace tree. Namespaces compare segment by segment (each segment bytewise), an ancestor
/// before its descendants; at the same namespace, resources compare by name bytewise; and a
/// namespace's own resources come before the resources of its sub-namespaces.
pub fn reference_cmp(a: &Pair, b: &Pair) -> Ordering {
    let (sa, sb) = (segments(&a.0), segments(&b.0));
    for (x, y) in sa.iter().zip(sb.iter()) {
        match x.as_bytes().cmp(y.as_bytes()) {
            Ordering::Equal => continue,
            unequal => return unequal,
        }
    }
    match sa.len().cmp(&sb.len()) {
        Ordering::Equal => a.1.as_bytes().cmp(b.1.as_bytes()),
        // `a`'s namespace is an ancestor of `b`'s: `a` is one of its own resources, first.
        Ordering::Less => Ordering::Less,
        Ordering::Greater => Ordering::Greater,
    }
}

/// Whether `namespace` is `root` or lies below it, by path strings.
pub fn is_in_subtree(namespace: &str, root: &str) -> bool {
    root == "/" || namespace == root || namespace.starts_with(&format!("{root}/"))
}
