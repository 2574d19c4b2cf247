//! A page size of 0 or above `PAGE_SIZE_MAX` is refused (`Error::InvalidQuery`) before anything is
//! read, on the first page and on a later one; `PAGE_SIZE_MAX` itself is a page.

mod query_common;

use aorta_engine::error::Error;
use aorta_engine::limits::PAGE_SIZE_MAX;
use aorta_engine::query::{Query, QueryError, Scope};
use aorta_engine::{Batch, Command, ResourceSpec};
use query_common::open_engine;

#[test]
fn page_sizes_outside_one_to_the_maximum_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let engine = open_engine(dir.path(), 2);
    let commands = (0..=PAGE_SIZE_MAX)
        .map(|i| Command::put(ResourceSpec::new("/a", &format!("r{i:04}"), "task"), None))
        .collect();
    engine.commit(Batch::new(commands)).unwrap();
    let query = |page_size| Query {
        namespace: "/a".into(),
        scope: Scope::Children,
        kind: None,
        selector: None,
        page_size,
    };
    let first = engine.query(&query(PAGE_SIZE_MAX), None).unwrap();
    assert_eq!(first.items.len(), PAGE_SIZE_MAX);
    let token = first.next.unwrap().encode();

    for size in [0, PAGE_SIZE_MAX + 1, usize::MAX] {
        for token in [None, Some(token.as_str())] {
            let answer = engine.query(&query(size), token);
            assert!(
                matches!(answer, Err(Error::InvalidQuery(QueryError::PageSize { size: s, max: PAGE_SIZE_MAX })) if s == size),
                "page size {size}: {answer:?}"
            );
        }
        let positions = engine.positions().unwrap();
        assert!(matches!(
            engine.query_at(&query(size), &positions),
            Err(Error::InvalidQuery(QueryError::PageSize { .. }))
        ));
    }
    let last = engine.query(&query(1), Some(&token)).unwrap();
    assert_eq!(last.items.len(), 1);
    assert!(last.next.is_none());
}
