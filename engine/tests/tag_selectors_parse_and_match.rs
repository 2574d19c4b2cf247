//! Tag selectors (`query::selector`): the Kubernetes text form parses to terms that match exactly
//! as a straightforward reading of each operator does (a resource without the key matches `!=` and
//! `notin`), whatever the spacing, `=` or `==`, bare or quoted values, order and duplicates; and the
//! canonical form that `Display` prints parses back to an equal selector.

use std::collections::{BTreeMap, BTreeSet};

use aorta_engine::query::{TagSelector, Term};
use proptest::prelude::*;

type Tags = BTreeMap<String, String>;

fn tags(pairs: &[(&str, &str)]) -> Tags {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn kubernetes_examples_match_as_documented() {
    let selector = TagSelector::parse("env = prod, tier in (web, api),!canary").unwrap();
    assert!(selector.matches(&tags(&[("env", "prod"), ("tier", "web")])));
    assert!(!selector.matches(&tags(&[("env", "prod"), ("tier", "db")])));
    assert!(!selector.matches(&tags(&[("env", "prod"), ("tier", "api"), ("canary", "")])));
    assert!(!selector.matches(&tags(&[("tier", "api")])));

    // A resource without the key matches the negative terms, as in Kubernetes.
    let without = tags(&[("other", "x")]);
    assert!(TagSelector::parse("env!=prod").unwrap().matches(&without));
    assert!(TagSelector::parse("env notin (prod,dev)")
        .unwrap()
        .matches(&without));
    assert!(!TagSelector::parse("env notin (prod,dev)")
        .unwrap()
        .matches(&tags(&[("env", "dev")])));
    assert!(!TagSelector::parse("env,env!=prod")
        .unwrap()
        .matches(&without));

    // `key=` tests for the empty value; the empty selector matches everything.
    assert!(TagSelector::parse("env=")
        .unwrap()
        .matches(&tags(&[("env", "")])));
    assert!(!TagSelector::parse("env=").unwrap().matches(&without));
    assert!(TagSelector::parse("").unwrap().matches(&without));
    assert!(TagSelector::parse("  ").unwrap().is_empty());
}

#[test]
fn the_canonical_form_is_sorted_deduplicated_and_minimal() {
    let cases = [
        ("b==2, a", "a,b=2"),
        ("a in (y, x, y)", "a in (x,y)"),
        ("x notin(\"p q\",r)", "x notin (\"p q\",r)"),
        ("a=1,a=1,!z", "a=1,!z"),
        ("k=\"plain\"", "k=plain"),
        ("k=\"\"", "k=\"\""),
        ("k=", "k=\"\""),
        ("k=\"a\\\"b\\\\c\"", "k=\"a\\\"b\\\\c\""),
        ("in in (in), notin", "in in (in),notin"),
        ("app.kubernetes.io/name = web", "app.kubernetes.io/name=web"),
        ("k=\u{e9}t\u{e9}", "k=\u{e9}t\u{e9}"),
        ("k != \"a,b\"", "k!=\"a,b\""),
    ];
    for (text, canonical) in cases {
        let selector = TagSelector::parse(text).unwrap();
        assert_eq!(selector.to_string(), canonical, "{text:?}");
        assert_eq!(TagSelector::parse(canonical).unwrap(), selector, "{text:?}");
    }
}

/// A term as written by a user: key, operator, values.
#[derive(Clone, Debug)]
struct Written {
    key: String,
    operator: &'static str,
    values: Vec<String>,
    spacing: u32,
    quote_always: bool,
}

/// The meaning of a written term, read straight off the operator.
fn reference(term: &Written, tags: &Tags) -> bool {
    let found = tags.get(&term.key);
    match term.operator {
        "=" | "==" => found == Some(&term.values[0]),
        "!=" => found != Some(&term.values[0]),
        "in" => found.is_some_and(|v| term.values.contains(v)),
        "notin" => found.is_none_or(|v| !term.values.contains(v)),
        "exists" => found.is_some(),
        "!" => found.is_none(),
        other => unreachable!("{other}"),
    }
}

fn space(spacing: u32, slot: u32) -> &'static str {
    ["", " ", "\t ", "  "][((spacing >> (2 * slot)) & 3) as usize]
}

fn write_value(value: &str, quote_always: bool) -> String {
    let bare = !value.is_empty()
        && value
            .chars()
            .all(|c| !c.is_whitespace() && !",()=!\"\\".contains(c));
    if bare && !quote_always {
        return value.to_string();
    }
    format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
}

fn write(term: &Written) -> String {
    let s = |slot| space(term.spacing, slot);
    let value = |v: &String| write_value(v, term.quote_always);
    match term.operator {
        "exists" => format!("{}{}{}", s(0), term.key, s(1)),
        "!" => format!("{}!{}{}{}", s(0), s(1), term.key, s(2)),
        "in" | "notin" => {
            let values: Vec<String> = term
                .values
                .iter()
                .map(|v| format!("{}{}{}", s(3), value(v), s(4)))
                .collect();
            // At least one space between the key and the operator word.
            format!(
                "{}{} {}{}({}){}",
                s(0),
                term.key,
                term.operator,
                s(1),
                values.join(","),
                s(2)
            )
        }
        op => format!(
            "{}{}{}{op}{}{}{}",
            s(0),
            term.key,
            s(1),
            s(2),
            value(&term.values[0]),
            s(3)
        ),
    }
}

const KEYS: [&str; 6] = ["a", "b", "a/b", "in", "notin", "c-d"];
const VALUES: [&str; 10] = [
    "", "x", "y", "x y", "x,y", "(p)", "q\"u", "b\\s", "\u{e9}", "=!",
];

fn written() -> impl Strategy<Value = Written> {
    (
        prop::sample::select(KEYS.to_vec()),
        prop::sample::select(vec!["=", "==", "!=", "in", "notin", "exists", "!"]),
        prop::collection::vec(prop::sample::select(VALUES.to_vec()), 1..4),
        any::<u32>(),
        any::<bool>(),
    )
        .prop_map(|(key, operator, values, spacing, quote_always)| Written {
            key: key.to_string(),
            operator,
            values: values.into_iter().map(String::from).collect(),
            spacing,
            quote_always,
        })
}

fn tag_map() -> impl Strategy<Value = Tags> {
    prop::collection::btree_map(
        prop::sample::select(KEYS.to_vec()).prop_map(String::from),
        prop::sample::select(VALUES.to_vec()).prop_map(String::from),
        0..5,
    )
}

fn term_strategy() -> impl Strategy<Value = Term> {
    let key = prop::sample::select(KEYS.to_vec()).prop_map(String::from);
    let value = prop::sample::select(VALUES.to_vec()).prop_map(String::from);
    let set = prop::collection::btree_set(value.clone(), 1..4);
    prop_oneof![
        key.clone().prop_map(|key| Term::Exists { key }),
        key.clone().prop_map(|key| Term::NotExists { key }),
        (key.clone(), value.clone()).prop_map(|(key, value)| Term::Equals { key, value }),
        (key.clone(), value).prop_map(|(key, value)| Term::NotEquals { key, value }),
        (key.clone(), set.clone()).prop_map(|(key, values)| Term::In { key, values }),
        (key, set).prop_map(|(key, values)| Term::NotIn { key, values }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn parsed_selectors_match_like_the_reference(
        terms in prop::collection::vec(written(), 1..6),
        maps in prop::collection::vec(tag_map(), 1..8),
    ) {
        let text = terms.iter().map(write).collect::<Vec<_>>().join(",");
        let selector = TagSelector::parse(&text)
            .unwrap_or_else(|error| panic!("{text:?} refused: {error}"));
        for tags in &maps {
            let expected = terms.iter().all(|term| reference(term, tags));
            prop_assert_eq!(selector.matches(tags), expected, "{:?} on {:?}", text, tags);
        }
        let canonical = selector.to_string();
        prop_assert_eq!(TagSelector::parse(&canonical).unwrap(), selector.clone());
        prop_assert_eq!(TagSelector::parse(&canonical).unwrap().to_string(), canonical);
    }

    #[test]
    fn built_selectors_round_trip_through_their_canonical_form(
        terms in prop::collection::vec(term_strategy(), 0..8),
        tags in tag_map(),
    ) {
        let selector = TagSelector::new(terms.clone()).unwrap();
        let distinct: BTreeSet<&Term> = terms.iter().collect();
        prop_assert_eq!(selector.terms().len(), distinct.len());
        prop_assert_eq!(selector.matches(&tags), terms.iter().all(|t| t.matches(&tags)));
        let text = selector.to_string();
        prop_assert_eq!(TagSelector::parse(&text).unwrap(), selector.clone());
        // The order the terms were given in does not matter.
        let mut reversed = terms;
        reversed.reverse();
        prop_assert_eq!(TagSelector::new(reversed).unwrap(), selector);
    }
}
