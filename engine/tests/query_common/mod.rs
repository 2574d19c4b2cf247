//! Shared by the query tests: an engine on real files that flushes to sstables as it goes, a model
//! of the resources (a `BTreeMap`), what a query must return according to the model, and a walk
//! over every page of a query.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};

use aorta_engine::limits::MEMTABLE_BYTES_MIN;
use aorta_engine::query::{IndexPlan, Page, Query, Scope, TagSelector};
use aorta_engine::table::key::encode_resource_key;
use aorta_engine::table::store::TableWork;
use aorta_engine::wal::Preallocation;
use aorta_engine::{Engine, EngineConfig, Resource};

/// An engine whose memtables flush to sstables every 64 KiB, inline (deterministic), so that a
/// test's reads merge memtables and tables.
pub fn open_engine(dir: &std::path::Path, shards: u16) -> Engine {
    let mut config = EngineConfig::new(dir).with_shards(shards);
    config.memtable_bytes_max = MEMTABLE_BYTES_MIN;
    config.table_work = TableWork::Inline;
    config.wal_preallocation = Preallocation::Off;
    config.segment_bytes_max = 1024 * 1024;
    Engine::open(config).expect("engine opens")
}

/// What the model keeps of a resource: what queries look at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub kind: String,
    pub tags: BTreeMap<String, String>,
}

/// (namespace, name) → entry.
pub type Model = BTreeMap<(String, String), Entry>;

pub fn in_subtree(namespace: &str, root: &str) -> bool {
    root == "/"
        || namespace == root
        || namespace
            .strip_prefix(root)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// The (namespace, name) of every resource of the model the query selects, in no particular order.
pub fn expected(model: &Model, query: &Query) -> BTreeSet<(String, String)> {
    model
        .iter()
        .filter(|((namespace, _), entry)| {
            let in_scope = match query.scope {
                Scope::Children => *namespace == query.namespace,
                Scope::Subtree => in_subtree(namespace, &query.namespace),
            };
            in_scope
                && query.kind.as_ref().is_none_or(|kind| entry.kind == *kind)
                && query
                    .selector
                    .as_ref()
                    .is_none_or(|selector| selector.matches(&entry.tags))
        })
        .map(|(key, _)| key.clone())
        .collect()
}

/// The order a listing guarantees: the access path's keys. Tree order (the resource key) for every
/// plan but `in` and existence, which go by the tag's value first.
pub fn order_key(query: &Query, resource: &Resource) -> (String, Vec<u8>) {
    let plan = query
        .selector
        .as_ref()
        .map_or(IndexPlan::Scan, TagSelector::plan);
    let value = match plan {
        IndexPlan::TagIn { key, .. } | IndexPlan::TagExists { key } => resource
            .tags
            .get(&key)
            .cloned()
            .expect("selected by the tag"),
        _ => String::new(),
    };
    let key = encode_resource_key(&resource.namespace, &resource.name).unwrap();
    (value, key)
}

/// Every page of `query` from `first`, following the tokens; the page size may change between
/// pages (`page_sizes` is cycled). Checks each page's size and that every page has the first's
/// positions.
pub fn walk(
    engine: &Engine,
    query: &Query,
    first: Page,
    page_sizes: &[usize],
) -> (Vec<Resource>, usize) {
    let positions = first.positions.clone();
    let mut items = Vec::new();
    let mut page = first;
    let mut page_size = query.page_size;
    let mut pages = 1;
    loop {
        assert!(page.items.len() <= page_size);
        assert_eq!(
            page.positions, positions,
            "every page reads the same positions"
        );
        items.extend(page.items);
        let Some(token) = page.next else { break };
        page_size = page_sizes[pages % page_sizes.len()];
        let next_query = Query {
            page_size,
            ..query.clone()
        };
        page = engine.query(&next_query, Some(&token.encode())).unwrap();
        pages += 1;
        assert!(pages <= 100_000, "a listing ends");
    }
    (items, pages)
}

/// Checks a listing against the model: the same resources, none twice, in the guaranteed order.
pub fn check_listing(listing: &[Resource], model: &Model, query: &Query) {
    let got: Vec<(String, String)> = listing
        .iter()
        .map(|r| (r.namespace.clone(), r.name.clone()))
        .collect();
    let unique: BTreeSet<_> = got.iter().cloned().collect();
    assert_eq!(unique.len(), got.len(), "no resource twice: {got:?}");
    assert_eq!(unique, expected(model, query), "query {query:?}");
    for resource in listing {
        let entry = &model[&(resource.namespace.clone(), resource.name.clone())];
        assert_eq!(resource.kind, entry.kind);
        assert_eq!(resource.tags, entry.tags);
    }
    let keys: Vec<_> = listing.iter().map(|r| order_key(query, r)).collect();
    assert!(
        keys.windows(2).all(|pair| pair[0] < pair[1]),
        "the listing is in the access path's order"
    );
}
