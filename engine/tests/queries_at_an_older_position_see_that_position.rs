//! `Engine::query_at` answers a query as it was at an older vector of positions (one per shard),
//! whatever was written since, through memtables and sstables; a position a shard does not hold
//! answers `Compacted`, and a vector of the wrong length is an invalid query.

mod query_common;

use aorta_engine::error::Error;
use aorta_engine::query::{Query, QueryError, Scope, TagSelector};
use aorta_engine::{Batch, Command, ResourceSpec};
use query_common::{check_listing, open_engine, walk, Entry, Model};

const SHARDS: u16 = 3;

fn queries() -> Vec<Query> {
    let subtree = Query {
        namespace: "/".into(),
        scope: Scope::Subtree,
        kind: None,
        selector: None,
        page_size: 64,
    };
    vec![
        subtree.clone(),
        Query {
            selector: Some(TagSelector::parse("round").unwrap()),
            ..subtree.clone()
        },
        Query {
            selector: Some(TagSelector::parse("parity=even").unwrap()),
            page_size: 7,
            ..subtree.clone()
        },
        Query {
            namespace: "/n1".into(),
            scope: Scope::Children,
            kind: Some("odd".into()),
            ..subtree
        },
    ]
}

#[test]
fn every_remembered_position_still_answers_as_it_did() {
    let dir = tempfile::tempdir().unwrap();
    let engine = open_engine(dir.path(), SHARDS);
    let mut model = Model::new();
    let mut remembered = Vec::new();
    for round in 0..12u32 {
        remembered.push((engine.positions().unwrap(), model.clone()));
        for namespace in ["/n0", "/n1", "/n1/m", "/n2"] {
            // Each round rewrites the same names with new tags and types, and deletes a few.
            let mut commands = Vec::new();
            for i in 0..20u32 {
                let name = format!("r{i:02}");
                let key = (namespace.to_string(), name.clone());
                if (i + round) % 7 == 0 {
                    if model.remove(&key).is_some() {
                        commands.push(Command::delete(namespace, &name, None));
                    }
                    continue;
                }
                let parity = if (i + round) % 2 == 0 { "even" } else { "odd" };
                let spec = ResourceSpec::new(namespace, &name, parity)
                    .with_tag("parity", parity)
                    .with_tag("round", &round.to_string())
                    .with_data(vec![b'x'; 400]);
                model.insert(
                    key,
                    Entry {
                        kind: spec.kind.clone(),
                        tags: spec.tags.clone(),
                    },
                );
                commands.push(Command::put(spec, None));
            }
            engine.commit(Batch::new(commands)).unwrap();
        }
    }
    remembered.push((engine.positions().unwrap(), model.clone()));
    let tables: usize = (0..SHARDS)
        .map(|shard| engine.view(shard).unwrap().parts().tables.len())
        .sum();
    assert!(tables > 0, "older versions reach sstables");

    for (positions, model) in &remembered {
        for query in queries() {
            let first = engine.query_at(&query, positions).unwrap();
            let (listing, _) = walk(&engine, &query, first, &[query.page_size]);
            check_listing(&listing, model, &query);
        }
    }
}

#[test]
fn a_position_the_shard_does_not_hold_is_compacted() {
    let dir = tempfile::tempdir().unwrap();
    let engine = open_engine(dir.path(), SHARDS);
    let query = &queries()[0];
    let mut future = engine.positions().unwrap();
    future[1] += 1;
    assert!(matches!(
        engine.query_at(query, &future),
        Err(Error::Compacted { shard: 1, .. })
    ));
    assert!(matches!(
        engine.query_at(query, &[0, 0]),
        Err(Error::InvalidQuery(QueryError::Positions {
            given: 2,
            shards: 3
        }))
    ));
}
