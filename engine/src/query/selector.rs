//! Tag selectors: which resources a query keeps, by their tags, in the text form of Kubernetes
//! label selectors.
//!
//! ```text
//! selector := ""  |  term ("," term)*         (a comma is AND; "" selects everything)
//! term     := key "=" value  |  key "==" value  |  key "!=" value
//!           | key "in" "(" value ("," value)* ")"  |  key "notin" "(" value ("," value)* ")"
//!           | key                                  (the tag exists)
//!           | "!" key                              (the tag does not exist)
//! value    := bare  |  '"' (any character but '"' and '\', or '\"', or '\\')* '"'
//! ```
//!
//! Whitespace is allowed between tokens. A key follows the tag key rule (`A-Z a-z 0-9 . _ - /`, 1 to
//! 63 bytes); a value follows the tag value rule (no control characters, up to 256 bytes, may be
//! empty). A *bare* value is a run of characters other than whitespace, control characters and
//! `, ( ) = ! " \`, possibly empty (`key=` tests for the empty value, as in Kubernetes). Quotes are
//! Aorta's extension: tag values may hold any text, so the text form must be able to say any of it.
//!
//! **Semantics of the negative terms**, as in Kubernetes: a resource *without* the key matches
//! `key!=v` and `key notin (...)`. Write `key,key!=v` to require the key.
//!
//! **Canonical form.** A [`TagSelector`] keeps its terms sorted (by key, then operator, then
//! values) without duplicates, and each set sorted without duplicates, so equal selectors are
//! equal values. [`fmt::Display`] prints `key=value` (never `==`), `key in (a,b)`, values bare when
//! they can be and quoted otherwise, terms joined by `,` without spaces; it parses back to an equal
//! selector (checked: a selector whose canonical form is over [`SELECTOR_BYTES_MAX`] is refused).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{self, Write as _};

use crate::limits::{
    SELECTOR_BYTES_MAX, SELECTOR_SET_VALUES_MAX, SELECTOR_TERMS_MAX, TAG_VALUE_BYTES_MAX,
};
use crate::query::Scope;
use crate::resource::{validate_tag_key, validate_tag_value, ValidationError};
use crate::table::key::{
    tag_key_range, tag_value_children_range, tag_value_subtree_range, KeyRange,
};

/// One term of a selector. The variant order is the canonical order of terms on the same key.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Term {
    /// The resource has the tag.
    Exists { key: String },
    /// The resource does not have the tag.
    NotExists { key: String },
    /// The resource has the tag with this value.
    Equals { key: String, value: String },
    /// The resource does not have the tag, or has it with another value.
    NotEquals { key: String, value: String },
    /// The resource has the tag with one of these values.
    In {
        key: String,
        values: BTreeSet<String>,
    },
    /// The resource does not have the tag, or has it with none of these values.
    NotIn {
        key: String,
        values: BTreeSet<String>,
    },
}

impl Term {
    pub fn key(&self) -> &str {
        match self {
            Term::Exists { key }
            | Term::NotExists { key }
            | Term::Equals { key, .. }
            | Term::NotEquals { key, .. }
            | Term::In { key, .. }
            | Term::NotIn { key, .. } => key,
        }
    }

    /// Whether a resource with these tags satisfies this term.
    pub fn matches(&self, tags: &BTreeMap<String, String>) -> bool {
        let found = tags.get(self.key());
        match self {
            Term::Exists { .. } => found.is_some(),
            Term::NotExists { .. } => found.is_none(),
            Term::Equals { value, .. } => found == Some(value),
            Term::NotEquals { value, .. } => found != Some(value),
            Term::In { values, .. } => found.is_some_and(|v| values.contains(v)),
            Term::NotIn { values, .. } => !found.is_some_and(|v| values.contains(v)),
        }
    }

    /// Every value the term names (none for the existence terms).
    fn values(&self) -> Vec<&str> {
        match self {
            Term::Exists { .. } | Term::NotExists { .. } => Vec::new(),
            Term::Equals { value, .. } | Term::NotEquals { value, .. } => vec![value.as_str()],
            Term::In { values, .. } | Term::NotIn { values, .. } => {
                values.iter().map(String::as_str).collect()
            }
        }
    }
}

/// Why a selector was refused. Positions are byte offsets in the selector's text.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SelectorError {
    #[error("the tag selector is {len} bytes, over the limit of {max}")]
    TooLong { len: usize, max: usize },
    #[error("the tag selector has {count} terms, over the limit of {max}; split the query")]
    TooManyTerms { count: usize, max: usize },
    #[error("the set of tag key {key:?} has {count} values, over the limit of {max}")]
    TooManyValues {
        key: String,
        count: usize,
        max: usize,
    },
    #[error("the {operator} term on tag key {key:?} has no values; give at least one")]
    EmptySet { key: String, operator: &'static str },
    #[error("at byte {position} of the tag selector: expected {expected}, found {found}")]
    Expected {
        position: usize,
        expected: &'static str,
        found: String,
    },
    #[error("the quoted value at byte {position} of the tag selector has no closing quote")]
    UnendedQuote { position: usize },
    #[error("at byte {position} of the tag selector: {found:?} after a backslash; inside quotes only \\\" and \\\\ are escapes")]
    BadEscape { position: usize, found: String },
    #[error("at byte {position} of the tag selector: {source}")]
    Invalid {
        position: usize,
        source: ValidationError,
    },
    #[error("term {index} of the tag selector: {source}")]
    InvalidTerm {
        index: usize,
        source: ValidationError,
    },
    #[error("the canonical form of the tag selector is {len} bytes, over the limit of {max}")]
    CanonicalTooLong { len: usize, max: usize },
}

/// A conjunction of [`Term`]s, in canonical order (see the module documentation). The empty
/// selector matches every resource.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct TagSelector {
    terms: Vec<Term>,
}

/// The single index range that [`TagSelector::plan`] judges most selective to scan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IndexPlan {
    /// Scan the tag index range of `key=value` (in the namespace's subtree or children).
    TagEquals { key: String, value: String },
    /// Scan one tag index range per value, in this (ascending, so key) order.
    TagIn { key: String, values: Vec<String> },
    /// Scan every value of the tag key (all namespaces: filter by namespace).
    TagExists { key: String },
    /// No term narrows the tag index: scan the namespace (or type) range and filter.
    Scan,
}

impl IndexPlan {
    /// The tag index ranges this plan scans for a query of `namespace` and `scope`, ascending and
    /// disjoint; `None` for [`IndexPlan::Scan`]. Every resource the query may return lies in them;
    /// the executor still applies the whole selector (and, for `TagExists`, the namespace).
    pub fn ranges(
        &self,
        namespace: &str,
        scope: Scope,
    ) -> Result<Option<Vec<KeyRange>>, ValidationError> {
        let value_range = |key: &str, value: &str| match scope {
            Scope::Children => tag_value_children_range(key, value, namespace),
            Scope::Subtree => tag_value_subtree_range(key, value, namespace),
        };
        match self {
            IndexPlan::TagEquals { key, value } => Ok(Some(vec![value_range(key, value)?])),
            IndexPlan::TagIn { key, values } => {
                let ranges: Result<Vec<KeyRange>, _> =
                    values.iter().map(|value| value_range(key, value)).collect();
                Ok(Some(ranges?))
            }
            IndexPlan::TagExists { key } => Ok(Some(vec![tag_key_range(key)?])),
            IndexPlan::Scan => Ok(None),
        }
    }
}

impl TagSelector {
    /// A selector of `terms`, validated (keys and values by the tag rules, the limits, no empty
    /// set) and put in canonical order.
    pub fn new(mut terms: Vec<Term>) -> Result<Self, SelectorError> {
        for (index, term) in terms.iter().enumerate() {
            check_term(term).map_err(|source| match source {
                TermError::Rule(source) => SelectorError::InvalidTerm { index, source },
                TermError::Selector(error) => error,
            })?;
        }
        terms.sort_by(|a, b| a.key().cmp(b.key()).then_with(|| a.cmp(b)));
        terms.dedup();
        if terms.len() > SELECTOR_TERMS_MAX {
            return Err(SelectorError::TooManyTerms {
                count: terms.len(),
                max: SELECTOR_TERMS_MAX,
            });
        }
        let selector = TagSelector { terms };
        let len = selector.to_string().len();
        if len > SELECTOR_BYTES_MAX {
            return Err(SelectorError::CanonicalTooLong {
                len,
                max: SELECTOR_BYTES_MAX,
            });
        }
        Ok(selector)
    }

    /// Parses the text form (see the module documentation).
    pub fn parse(text: &str) -> Result<Self, SelectorError> {
        if text.len() > SELECTOR_BYTES_MAX {
            return Err(SelectorError::TooLong {
                len: text.len(),
                max: SELECTOR_BYTES_MAX,
            });
        }
        let terms = Parser { text, position: 0 }.selector()?;
        TagSelector::new(terms)
    }

    /// The terms, in canonical order.
    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether a resource with these tags satisfies every term.
    pub fn matches(&self, tags: &BTreeMap<String, String>) -> bool {
        self.terms.iter().all(|term| term.matches(tags))
    }

    /// The most selective single index range, without statistics: an equality term (one value of
    /// one key: the narrowest), else the set-membership term with the fewest values, else an
    /// existence term, else none. Ties go to the first term in canonical order. Negative terms
    /// never narrow a scan: a resource without the key matches them.
    pub fn plan(&self) -> IndexPlan {
        let equals = self.terms.iter().find_map(|term| match term {
            Term::Equals { key, value } => Some(IndexPlan::TagEquals {
                key: key.clone(),
                value: value.clone(),
            }),
            _ => None,
        });
        let smallest_set = self
            .terms
            .iter()
            .filter_map(|term| match term {
                Term::In { key, values } => Some((key, values)),
                _ => None,
            })
            .min_by_key(|(_, values)| values.len())
            .map(|(key, values)| IndexPlan::TagIn {
                key: key.clone(),
                values: values.iter().cloned().collect(),
            });
        let exists = self.terms.iter().find_map(|term| match term {
            Term::Exists { key } => Some(IndexPlan::TagExists { key: key.clone() }),
            _ => None,
        });
        equals
            .or(smallest_set)
            .or(exists)
            .unwrap_or(IndexPlan::Scan)
    }
}

enum TermError {
    Rule(ValidationError),
    Selector(SelectorError),
}

fn check_term(term: &Term) -> Result<(), TermError> {
    validate_tag_key(term.key()).map_err(TermError::Rule)?;
    for value in term.values() {
        validate_tag_value(value).map_err(TermError::Rule)?;
    }
    if let Term::In { key, values } | Term::NotIn { key, values } = term {
        if values.is_empty() {
            return Err(TermError::Selector(SelectorError::EmptySet {
                key: key.clone(),
                operator: operator_name(term),
            }));
        }
        if values.len() > SELECTOR_SET_VALUES_MAX {
            return Err(TermError::Selector(SelectorError::TooManyValues {
                key: key.clone(),
                count: values.len(),
                max: SELECTOR_SET_VALUES_MAX,
            }));
        }
    }
    Ok(())
}

fn operator_name(term: &Term) -> &'static str {
    match term {
        Term::In { .. } => "in",
        Term::NotIn { .. } => "notin",
        Term::Equals { .. } => "=",
        Term::NotEquals { .. } => "!=",
        Term::Exists { .. } | Term::NotExists { .. } => "existence",
    }
}

impl fmt::Display for TagSelector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, term) in self.terms.iter().enumerate() {
            if i > 0 {
                f.write_char(',')?;
            }
            write!(f, "{term}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Term::Exists { key } => f.write_str(key),
            Term::NotExists { key } => write!(f, "!{key}"),
            Term::Equals { key, value } => write!(f, "{key}={}", Value(value)),
            Term::NotEquals { key, value } => write!(f, "{key}!={}", Value(value)),
            Term::In { key, values } => write!(f, "{key} in ({})", ValueList(values)),
            Term::NotIn { key, values } => write!(f, "{key} notin ({})", ValueList(values)),
        }
    }
}

/// A value as the text form writes it: bare when it can be, quoted otherwise.
struct Value<'a>(&'a str);

impl fmt::Display for Value<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.0.is_empty() && self.0.chars().all(is_bare_char) {
            return f.write_str(self.0);
        }
        f.write_char('"')?;
        for c in self.0.chars() {
            if c == '"' || c == '\\' {
                f.write_char('\\')?;
            }
            f.write_char(c)?;
        }
        f.write_char('"')
    }
}

struct ValueList<'a>(&'a BTreeSet<String>);

impl fmt::Display for ValueList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, value) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_char(',')?;
            }
            write!(f, "{}", Value(value))?;
        }
        Ok(())
    }
}

fn is_bare_char(c: char) -> bool {
    !c.is_whitespace() && !c.is_control() && !matches!(c, ',' | '(' | ')' | '=' | '!' | '"' | '\\')
}

fn is_key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '/')
}

/// A recursive-descent parser over the text; `position` is a byte offset on a char boundary.
struct Parser<'a> {
    text: &'a str,
    position: usize,
}

impl<'a> Parser<'a> {
    fn selector(&mut self) -> Result<Vec<Term>, SelectorError> {
        let mut terms = Vec::new();
        self.skip_whitespace();
        if self.peek().is_none() {
            return Ok(terms);
        }
        loop {
            if terms.len() == SELECTOR_TERMS_MAX {
                return Err(SelectorError::TooManyTerms {
                    count: SELECTOR_TERMS_MAX + 1,
                    max: SELECTOR_TERMS_MAX,
                });
            }
            terms.push(self.term()?);
            self.skip_whitespace();
            match self.peek() {
                None => return Ok(terms),
                Some(',') => self.advance(','),
                Some(_) => return Err(self.expected("',' or the end of the selector")),
            }
        }
    }

    fn term(&mut self) -> Result<Term, SelectorError> {
        self.skip_whitespace();
        if self.eat('!') {
            self.skip_whitespace();
            let key = self.key()?;
            return Ok(Term::NotExists { key });
        }
        let key = self.key()?;
        self.skip_whitespace();
        match self.peek() {
            None | Some(',') => Ok(Term::Exists { key }),
            Some('=') => {
                self.advance('=');
                self.eat('=');
                let value = self.value()?;
                Ok(Term::Equals { key, value })
            }
            Some('!') => {
                self.advance('!');
                if !self.eat('=') {
                    return Err(self.expected("'=' after '!'"));
                }
                let value = self.value()?;
                Ok(Term::NotEquals { key, value })
            }
            Some(c) if is_key_char(c) => self.set_term(key),
            Some(_) => Err(self.expected("an operator (=, ==, !=, in, notin), ',' or the end")),
        }
    }

    /// `in (...)` or `notin (...)` after `key`.
    fn set_term(&mut self, key: String) -> Result<Term, SelectorError> {
        let start = self.position;
        let word = self.take_while(is_key_char);
        let negated = match word {
            "in" => false,
            "notin" => true,
            _ => {
                self.position = start;
                return Err(self.expected("an operator (=, ==, !=, in, notin), ',' or the end"));
            }
        };
        self.skip_whitespace();
        if !self.eat('(') {
            return Err(self.expected("'(' to open the set of values"));
        }
        self.skip_whitespace();
        if self.peek() == Some(')') {
            // As in Kubernetes, `()` is an empty set, refused; `("")` is the empty value.
            return Err(SelectorError::EmptySet {
                key,
                operator: if negated { "notin" } else { "in" },
            });
        }
        let mut values = BTreeSet::new();
        loop {
            if values.len() == SELECTOR_SET_VALUES_MAX {
                return Err(SelectorError::TooManyValues {
                    key,
                    count: SELECTOR_SET_VALUES_MAX + 1,
                    max: SELECTOR_SET_VALUES_MAX,
                });
            }
            values.insert(self.value()?);
            self.skip_whitespace();
            if self.eat(')') {
                break;
            }
            if !self.eat(',') {
                return Err(self.expected("',' or ')' in the set of values"));
            }
        }
        Ok(if negated {
            Term::NotIn { key, values }
        } else {
            Term::In { key, values }
        })
    }

    fn key(&mut self) -> Result<String, SelectorError> {
        let start = self.position;
        let key = self.take_while(is_key_char);
        if key.is_empty() {
            return Err(self.expected("a tag key (A-Z a-z 0-9 . _ - /)"));
        }
        validate_tag_key(key).map_err(|source| SelectorError::Invalid {
            position: start,
            source,
        })?;
        Ok(key.to_string())
    }

    /// A bare or quoted value, after optional whitespace; a bare value may be empty.
    fn value(&mut self) -> Result<String, SelectorError> {
        self.skip_whitespace();
        let start = self.position;
        let value = if self.peek() == Some('"') {
            self.quoted()?
        } else {
            self.take_while(is_bare_char).to_string()
        };
        validate_tag_value(&value).map_err(|source| SelectorError::Invalid {
            position: start,
            source,
        })?;
        Ok(value)
    }

    fn quoted(&mut self) -> Result<String, SelectorError> {
        let start = self.position;
        self.advance('"');
        let mut value = String::new();
        loop {
            let Some(c) = self.peek() else {
                return Err(SelectorError::UnendedQuote { position: start });
            };
            self.advance(c);
            match c {
                '"' => return Ok(value),
                '\\' => {
                    let escape_at = self.position;
                    match self.peek() {
                        Some(escaped @ ('"' | '\\')) => {
                            self.advance(escaped);
                            value.push(escaped);
                        }
                        Some(other) => {
                            return Err(SelectorError::BadEscape {
                                position: escape_at,
                                found: other.to_string(),
                            })
                        }
                        None => return Err(SelectorError::UnendedQuote { position: start }),
                    }
                }
                _ => value.push(c),
            }
            // A value past its limit is refused anyway: stop reading it early.
            if value.len() > TAG_VALUE_BYTES_MAX {
                return Err(SelectorError::Invalid {
                    position: start,
                    source: ValidationError::TooLong {
                        field: "tag value",
                        len: value.len(),
                        max: TAG_VALUE_BYTES_MAX,
                    },
                });
            }
        }
    }

    fn peek(&self) -> Option<char> {
        self.text[self.position..].chars().next()
    }

    /// Steps over `c`, which [`Self::peek`] returned.
    fn advance(&mut self, c: char) {
        debug_assert_eq!(self.peek(), Some(c));
        self.position += c.len_utf8();
    }

    fn eat(&mut self, wanted: char) -> bool {
        if self.peek() == Some(wanted) {
            self.advance(wanted);
            return true;
        }
        false
    }

    fn take_while(&mut self, keep: fn(char) -> bool) -> &'a str {
        let text: &'a str = self.text;
        let rest = &text[self.position..];
        let len = rest.find(|c| !keep(c)).unwrap_or(rest.len());
        self.position += len;
        &rest[..len]
    }

    fn skip_whitespace(&mut self) {
        self.take_while(char::is_whitespace);
    }

    fn expected(&self, expected: &'static str) -> SelectorError {
        let found = match self.peek() {
            None => "the end of the selector".to_string(),
            Some(c) => format!("{c:?}"),
        };
        SelectorError::Expected {
            position: self.position,
            expected,
            found,
        }
    }
}
