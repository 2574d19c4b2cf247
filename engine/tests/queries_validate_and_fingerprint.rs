//! Query descriptions (`query`): `Query::validate` refuses a bad namespace, type or page size
//! (1 to `PAGE_SIZE_MAX`); `Query::fingerprint` covers the normalized parameters (namespace, scope,
//! type, canonical selector; not the page size) and is fixed across versions of the code.

use aorta_engine::limits::PAGE_SIZE_MAX;
use aorta_engine::query::{Query, QueryError, Scope, TagSelector};

fn query() -> Query {
    Query {
        namespace: "/apps/web".into(),
        scope: Scope::Children,
        kind: None,
        selector: None,
        page_size: 50,
    }
}

#[test]
fn bad_queries_are_refused() {
    query().validate().unwrap();
    Query {
        page_size: PAGE_SIZE_MAX,
        ..query()
    }
    .validate()
    .unwrap();
    assert_eq!(
        Query {
            page_size: 0,
            ..query()
        }
        .validate(),
        Err(QueryError::PageSize {
            size: 0,
            max: PAGE_SIZE_MAX
        })
    );
    assert_eq!(
        Query {
            page_size: PAGE_SIZE_MAX + 1,
            ..query()
        }
        .validate(),
        Err(QueryError::PageSize {
            size: PAGE_SIZE_MAX + 1,
            max: PAGE_SIZE_MAX
        })
    );
    assert!(matches!(
        Query {
            namespace: "apps".into(),
            ..query()
        }
        .validate(),
        Err(QueryError::Namespace(_))
    ));
    assert!(matches!(
        Query {
            kind: Some("a b".into()),
            ..query()
        }
        .validate(),
        Err(QueryError::Kind(_))
    ));
}

#[test]
fn the_fingerprint_covers_the_normalized_parameters() {
    let base = query().fingerprint();
    // Fixed: a change here makes every outstanding token refused.
    assert_eq!(base, 0x23e5e64832a67386, "pinned value: {base:#018x}");
    assert_eq!(
        Query {
            page_size: 7,
            ..query()
        }
        .fingerprint(),
        base
    );
    assert_eq!(
        Query {
            selector: Some(TagSelector::parse("").unwrap()),
            ..query()
        }
        .fingerprint(),
        base
    );
    let written = |text: &str| Query {
        selector: Some(TagSelector::parse(text).unwrap()),
        ..query()
    };
    assert_eq!(
        written("b, a==1").fingerprint(),
        written("a=1,b").fingerprint()
    );
    let others = [
        Query {
            namespace: "/apps".into(),
            ..query()
        },
        Query {
            scope: Scope::Subtree,
            ..query()
        },
        Query {
            kind: Some("Pod".into()),
            ..query()
        },
        written("a=1"),
        written("a!=1"),
    ];
    let mut all: Vec<u64> = others.iter().map(Query::fingerprint).collect();
    all.push(base);
    all.sort();
    all.dedup();
    assert_eq!(all.len(), others.len() + 1);
    // Fields never run together: namespace "/a" + type "bc" differs from "/ab" + "c".
    let a = Query {
        namespace: "/a".into(),
        kind: Some("bc".into()),
        ..query()
    };
    let b = Query {
        namespace: "/ab".into(),
        kind: Some("c".into()),
        ..query()
    };
    assert_ne!(a.fingerprint(), b.fingerprint());
}
