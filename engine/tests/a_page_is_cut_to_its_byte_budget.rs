//! Pages are bounded in bytes as well as in count: a page holds its resources while their weights
//! sum to at most the budget (always at least one), and its token resumes right after the last, so
//! the listing is whole, once each, in order. Resources of uneven sizes spread over two shards, so
//! that the shards' scans stop for their weight at different keys.

mod query_common;

use aorta_engine::limits::{PAGE_BYTES_DEFAULT, PAGE_SIZE_MAX};
use aorta_engine::query::{PageBudget, Query, Scope, TagSelector};
use aorta_engine::{Batch, Command, Engine, Principal, Resource, ResourceSpec};
use query_common::{check_listing, open_engine, Entry, Model};

const SHARDS: u16 = 2;

fn put_all(engine: &Engine, model: &mut Model, specs: Vec<ResourceSpec>) {
    for spec in specs {
        model.insert(
            (spec.namespace.clone(), spec.name.clone()),
            Entry {
                kind: spec.kind.clone(),
                tags: spec.tags.clone(),
            },
        );
        engine
            .commit(Batch::new(vec![Command::put(spec, None)]))
            .unwrap();
    }
}

/// Walks every page of `query` under `budget`; checks each page's weight and returns the listing
/// and the number of pages.
fn walk_within(engine: &Engine, query: &Query, budget: &PageBudget) -> (Vec<Resource>, usize) {
    let mut listing = Vec::new();
    let mut token: Option<String> = None;
    let mut pages = 0;
    loop {
        let page = engine
            .query_as_within(&Principal::Root, query, token.as_deref(), budget)
            .unwrap();
        pages += 1;
        assert!(!page.items.is_empty() || page.next.is_none());
        assert!(page.items.len() <= query.page_size);
        let weight: usize = page.items.iter().map(budget.weigh).sum();
        assert!(
            weight <= budget.bytes_max || page.items.len() == 1,
            "page {pages} weighs {weight} with {} resources, over the budget {}",
            page.items.len(),
            budget.bytes_max
        );
        listing.extend(page.items);
        match page.next {
            Some(next) => token = Some(next.encode()),
            None => break,
        }
        assert!(pages < 10_000, "a listing ends");
    }
    (listing, pages)
}

#[test]
fn uneven_resources_over_two_shards_are_listed_whole_within_each_pages_budget() {
    let dir = tempfile::tempdir().unwrap();
    let engine = open_engine(dir.path(), SHARDS);
    let mut model = Model::new();
    // Sizes from 0 to ~60 KiB, a few far above the budget, in four namespaces (both shards).
    let mut specs = Vec::new();
    for (n, namespace) in ["/p", "/p/a", "/p/b", "/p/c/d"].iter().enumerate() {
        for i in 0..40usize {
            let size = match (i * 7 + n) % 13 {
                0 => 300 * 1024,
                k => k * k * 350,
            };
            let env = if i % 3 == 0 { "prod" } else { "dev" };
            specs.push(
                ResourceSpec::new(namespace, &format!("r{i:02}"), "blob")
                    .with_tag("env", env)
                    .with_data(vec![b'x'; size]),
            );
        }
    }
    put_all(&engine, &mut model, specs);

    let budget = PageBudget {
        bytes_max: 256 * 1024,
        weigh: Resource::size_bytes,
    };
    for (scope, selector) in [
        (Scope::Subtree, None),
        (Scope::Subtree, Some("env=prod")),
        (Scope::Children, None),
    ] {
        let query = Query {
            namespace: "/p".into(),
            scope,
            kind: None,
            selector: selector.map(|text| TagSelector::parse(text).unwrap()),
            page_size: PAGE_SIZE_MAX,
        };
        let (listing, pages) = walk_within(&engine, &query, &budget);
        check_listing(&listing, &model, &query);
        let total: usize = listing.iter().map(Resource::size_bytes).sum();
        assert!(
            pages >= total / budget.bytes_max,
            "{pages} pages for {total} bytes: the budget cut them"
        );
    }
}

#[test]
fn the_default_budget_bounds_a_page_of_large_resources() {
    let dir = tempfile::tempdir().unwrap();
    let engine = open_engine(dir.path(), SHARDS);
    let mut model = Model::new();
    let specs = (0..12)
        .map(|i| {
            ResourceSpec::new("/big", &format!("r{i:02}"), "blob").with_data(vec![b'y'; 1 << 20])
        })
        .collect();
    put_all(&engine, &mut model, specs);
    let query = Query {
        namespace: "/big".into(),
        scope: Scope::Children,
        kind: None,
        selector: None,
        page_size: PAGE_SIZE_MAX,
    };
    let first = engine.query(&query, None).unwrap();
    let first_weight: usize = first.items.iter().map(Resource::size_bytes).sum();
    assert!(first_weight <= PAGE_BYTES_DEFAULT);
    assert_eq!(
        first.items.len(),
        3,
        "three 1 MiB resources fit in 4 MiB, four do not"
    );
    let (listing, pages) = walk_within(&engine, &query, &PageBudget::default());
    check_listing(&listing, &model, &query);
    assert_eq!(pages, 4);
}
