//! Tag selectors (`query::selector`) refuse bad text with a typed error that says where (a byte
//! offset) and what was expected, enforce their limits (`SELECTOR_BYTES_MAX`, `SELECTOR_TERMS_MAX`,
//! `SELECTOR_SET_VALUES_MAX`, the tag key and value rules), and never panic: any text either
//! parses to a selector whose canonical form parses back to it, or is refused.

use std::collections::BTreeSet;

use aorta_engine::limits::{SELECTOR_BYTES_MAX, SELECTOR_SET_VALUES_MAX, SELECTOR_TERMS_MAX};
use aorta_engine::query::{SelectorError, TagSelector, Term};
use aorta_engine::resource::ValidationError;
use proptest::prelude::*;

fn expected_at(text: &str) -> (usize, &'static str, String) {
    match TagSelector::parse(text) {
        Err(SelectorError::Expected {
            position,
            expected,
            found,
        }) => (position, expected, found),
        other => panic!("{text:?}: {other:?}"),
    }
}

#[test]
fn syntax_errors_say_where_and_what_was_expected() {
    let (position, expected, found) = expected_at("a=1,");
    assert_eq!((position, found.as_str()), (4, "the end of the selector"));
    assert!(expected.contains("tag key"));
    assert_eq!(expected_at("a=1,,b").0, 4);
    assert_eq!(expected_at("a b").0, 2);
    assert_eq!(expected_at("a in x").0, 5);
    assert!(expected_at("a in x").1.contains("'('"));
    assert_eq!(expected_at("a in (x").0, 7);
    assert_eq!(expected_at("a in (x y)").0, 8);
    assert_eq!(expected_at("a ! b").0, 3);
    assert_eq!(expected_at("a=b c").0, 4);
    assert_eq!(expected_at("a===b").0, 3);
    assert_eq!(expected_at("!").0, 1);
    assert_eq!(expected_at("é=1").0, 0);
    assert_eq!(expected_at("a=(").0, 2);
    assert_eq!(expected_at("a,=1").0, 2);
}

#[test]
fn quotes_must_close_and_escape_only_quote_and_backslash() {
    assert_eq!(
        TagSelector::parse("a=\"xy"),
        Err(SelectorError::UnendedQuote { position: 2 })
    );
    assert_eq!(
        TagSelector::parse("a=\"x\\"),
        Err(SelectorError::UnendedQuote { position: 2 })
    );
    assert_eq!(
        TagSelector::parse("a=\"x\\n\""),
        Err(SelectorError::BadEscape {
            position: 5,
            found: "n".into()
        })
    );
}

#[test]
fn keys_and_values_follow_the_tag_rules() {
    let long_key = format!("{}=1", "k".repeat(64));
    assert!(matches!(
        TagSelector::parse(&long_key),
        Err(SelectorError::Invalid {
            position: 0,
            source: ValidationError::TooLong { .. }
        })
    ));
    let long_value = format!("k=\"{}\"", "v".repeat(257));
    assert!(matches!(
        TagSelector::parse(&long_value),
        Err(SelectorError::Invalid {
            position: 2,
            source: ValidationError::TooLong { .. }
        })
    ));
    assert!(matches!(
        TagSelector::parse("k=\"a\u{7}\""),
        Err(SelectorError::Invalid {
            position: 2,
            source: ValidationError::Syntax { .. }
        })
    ));
    assert!(matches!(
        TagSelector::new(vec![Term::Equals {
            key: "k".into(),
            value: "\n".into()
        }]),
        Err(SelectorError::InvalidTerm { index: 0, .. })
    ));
    assert!(matches!(
        TagSelector::new(vec![
            Term::Exists { key: "a".into() },
            Term::Exists { key: "".into() }
        ]),
        Err(SelectorError::InvalidTerm { index: 1, .. })
    ));
}

#[test]
fn sets_are_never_empty_nor_too_large() {
    assert_eq!(
        TagSelector::parse("a in ( )"),
        Err(SelectorError::EmptySet {
            key: "a".into(),
            operator: "in"
        })
    );
    assert_eq!(
        TagSelector::parse("a in (\"\")").unwrap().to_string(),
        "a in (\"\")"
    );
    assert_eq!(
        TagSelector::new(vec![Term::NotIn {
            key: "a".into(),
            values: BTreeSet::new()
        }]),
        Err(SelectorError::EmptySet {
            key: "a".into(),
            operator: "notin"
        })
    );
    let values: Vec<String> = (0..=SELECTOR_SET_VALUES_MAX)
        .map(|i| i.to_string())
        .collect();
    let text = format!("a in ({})", values.join(","));
    assert!(matches!(
        TagSelector::parse(&text),
        Err(SelectorError::TooManyValues {
            max: SELECTOR_SET_VALUES_MAX,
            ..
        })
    ));
    let at_limit = format!("a in ({})", values[1..].join(","));
    TagSelector::parse(&at_limit).unwrap();
}

#[test]
fn limits_on_terms_and_length_are_enforced() {
    let terms: Vec<String> = (0..=SELECTOR_TERMS_MAX).map(|i| format!("k{i}")).collect();
    assert_eq!(
        TagSelector::parse(&terms.join(",")),
        Err(SelectorError::TooManyTerms {
            count: SELECTOR_TERMS_MAX + 1,
            max: SELECTOR_TERMS_MAX
        })
    );
    TagSelector::parse(&terms[1..].join(",")).unwrap();
    let long = format!("a={}", " ".repeat(SELECTOR_BYTES_MAX));
    assert_eq!(
        TagSelector::parse(&long),
        Err(SelectorError::TooLong {
            len: SELECTOR_BYTES_MAX + 2,
            max: SELECTOR_BYTES_MAX
        })
    );
    // Exactly at the limit as written, over it once canonical: each `in(` gains a space.
    let mut lengths = vec![200; SELECTOR_TERMS_MAX];
    let written =
        |lengths: &[usize]| lengths.iter().map(|len| len + 8).sum::<usize>() + lengths.len() - 1;
    let mut i = 0;
    while written(&lengths) < SELECTOR_BYTES_MAX {
        lengths[i % SELECTOR_TERMS_MAX] += 1;
        i += 1;
    }
    let terms: Vec<String> = lengths
        .iter()
        .enumerate()
        .map(|(i, &len)| format!("k{i:02} in({})", "v".repeat(len)))
        .collect();
    let text = terms.join(",");
    assert_eq!(text.len(), SELECTOR_BYTES_MAX);
    assert_eq!(
        TagSelector::parse(&text),
        Err(SelectorError::CanonicalTooLong {
            len: SELECTOR_BYTES_MAX + SELECTOR_TERMS_MAX,
            max: SELECTOR_BYTES_MAX
        })
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]
    #[test]
    fn any_text_is_refused_or_round_trips(text in "[a-c!=,() \"\\\\inot\u{e9}\t\u{7}]{0,24}") {
        if let Ok(selector) = TagSelector::parse(&text) {
            let canonical = selector.to_string();
            prop_assert_eq!(TagSelector::parse(&canonical).unwrap(), selector);
        }
    }

    #[test]
    fn any_unicode_never_panics(text in "\\PC{0,40}") {
        let _ = TagSelector::parse(&text);
    }
}
