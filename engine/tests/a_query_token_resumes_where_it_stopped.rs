//! A listing walked page by page, with writes between the pages, returns exactly what was there at
//! the first page: each page resumes after the last resource of the previous one, at the first
//! page's positions, whatever was created, changed or deleted meanwhile. The writes reach sstables
//! (64 KiB memtables), so the pages merge memtables and tables.

mod query_common;

use aorta_engine::query::{Query, Scope, TagSelector, Token};
use aorta_engine::{Batch, Command, Engine, ResourceSpec};
use query_common::{check_listing, open_engine, Entry, Model};

const SHARDS: u16 = 2;

fn spec(namespace: &str, name: &str, env: &str) -> ResourceSpec {
    ResourceSpec::new(namespace, name, "task")
        .with_tag("env", env)
        .with_data(vec![b'x'; 512])
}

fn put(engine: &Engine, model: &mut Model, namespace: &str, names: &[String], env: &str) {
    let mut commands = Vec::new();
    for name in names {
        let spec = spec(namespace, name, env);
        model.insert(
            (namespace.to_string(), name.clone()),
            Entry {
                kind: spec.kind.clone(),
                tags: spec.tags.clone(),
            },
        );
        commands.push(Command::put(spec, None));
    }
    engine.commit(Batch::new(commands)).unwrap();
}

/// 3 namespaces of 100 resources each, a third of them `env=prod`.
fn fill(engine: &Engine) -> Model {
    let mut model = Model::new();
    for namespace in ["/a", "/a/x", "/a/y"] {
        for chunk in 0..10 {
            for env in ["prod", "dev", "test"] {
                let names: Vec<String> = (0..10)
                    .filter(|i| ["prod", "dev", "test"][i % 3] == env)
                    .map(|i| format!("r{:03}", chunk * 10 + i))
                    .collect();
                put(engine, &mut model, namespace, &names, env);
            }
        }
    }
    model
}

/// Writes that change the answer of every query below, and the model with them: a new resource,
/// changed tags, a delete, in each namespace.
fn churn(engine: &Engine, model: &mut Model, round: usize) {
    for namespace in ["/a", "/a/x", "/a/y"] {
        let fresh =
            ResourceSpec::new(namespace, &format!("new{round:03}"), "task").with_tag("env", "prod");
        let retagged = spec(namespace, &format!("r{:03}", round * 3 + 1), "prod");
        let deleted = format!("r{:03}", round * 3);
        for spec in [&fresh, &retagged] {
            let entry = Entry {
                kind: spec.kind.clone(),
                tags: spec.tags.clone(),
            };
            model.insert((namespace.to_string(), spec.name.clone()), entry);
        }
        model.remove(&(namespace.to_string(), deleted.clone()));
        engine
            .commit(Batch::new(vec![
                Command::put(fresh, None),
                Command::put(retagged, None),
                Command::delete(namespace, &deleted, None),
            ]))
            .unwrap();
    }
}

/// Walks every page of `query`, churning before each page after the first (`round` counts the
/// churns, so that none repeats another's deletes); the listing must equal the model as it was at
/// the first page.
fn walk_with_churn(engine: &Engine, query: &Query, model: &mut Model, round: &mut usize) {
    let at_first_page = model.clone();
    let mut page = engine.query(query, None).unwrap();
    let positions = page.positions.clone();
    let mut listing = Vec::new();
    let first_round = *round;
    loop {
        assert_eq!(page.positions, positions);
        listing.extend(page.items);
        let Some(token) = page.next else { break };
        let text = token.encode();
        assert_eq!(Token::decode(&text).unwrap(), token, "a token round-trips");
        churn(engine, model, *round);
        *round += 1;
        page = engine.query(query, Some(&text)).unwrap();
    }
    assert!(*round - first_round >= 3, "the listing takes several pages");
    check_listing(&listing, &at_first_page, query);
}

#[test]
fn a_listing_ignores_writes_made_between_its_pages() {
    let dir = tempfile::tempdir().unwrap();
    let engine = open_engine(dir.path(), SHARDS);
    let mut model = fill(&engine);
    let tables: usize = (0..SHARDS)
        .map(|shard| engine.view(shard).unwrap().parts().tables.len())
        .sum();
    assert!(tables > 0, "the resources reach sstables");

    let children = Query {
        namespace: "/a".into(),
        scope: Scope::Children,
        kind: None,
        selector: None,
        page_size: 30,
    };
    let mut round = 0;
    walk_with_churn(&engine, &children, &mut model, &mut round);

    // A subtree spans both shards; the tag index is the access path.
    let prod = Query {
        namespace: "/a".into(),
        scope: Scope::Subtree,
        kind: Some("task".into()),
        selector: Some(TagSelector::parse("env=prod").unwrap()),
        page_size: 17,
    };
    walk_with_churn(&engine, &prod, &mut model, &mut round);

    // The type index is the access path; `in` scans two tag values.
    let by_kind = Query {
        selector: None,
        page_size: 50,
        ..prod.clone()
    };
    walk_with_churn(&engine, &by_kind, &mut model, &mut round);
    let either = Query {
        selector: Some(TagSelector::parse("env in (dev,test)").unwrap()),
        page_size: 40,
        ..prod
    };
    walk_with_churn(&engine, &either, &mut model, &mut round);
}

#[test]
fn a_page_that_ends_on_a_shard_boundary_resumes_the_other_shard() {
    // Page sizes of 1 put every resource of the listing at the end of a page.
    let dir = tempfile::tempdir().unwrap();
    let engine = open_engine(dir.path(), SHARDS);
    let mut model = Model::new();
    for namespace in ["/p", "/p/q", "/p/r", "/p/s"] {
        let names: Vec<String> = (0..3).map(|i| format!("n{i}")).collect();
        put(&engine, &mut model, namespace, &names, "prod");
    }
    let query = Query {
        namespace: "/p".into(),
        scope: Scope::Subtree,
        kind: None,
        selector: None,
        page_size: 1,
    };
    let (listing, pages) =
        query_common::walk(&engine, &query, engine.query(&query, None).unwrap(), &[1]);
    check_listing(&listing, &model, &query);
    assert_eq!(
        pages, 12,
        "one page per resource, and the last says it is the last"
    );
}
