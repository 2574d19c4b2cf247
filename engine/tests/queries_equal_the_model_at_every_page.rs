//! A model test of the query executor on a real engine (3 shards, memtables flushed to sstables as
//! it goes): random puts, updates and deletes over nested namespaces with random types and tags,
//! then random queries (either scope, with or without a type, a selector of any kind of term),
//! walked page by page with random page sizes. The concatenated pages hold exactly the model's
//! answer, each resource once, in the access path's order; and the same queries at a remembered
//! older vector of positions equal the model as it was then.

mod query_common;

use std::collections::BTreeSet;

use aorta_engine::query::{Query, Scope, TagSelector, Term};
use aorta_engine::{Batch, Command, Engine, ResourceSpec};
use proptest::prelude::*;
use query_common::{check_listing, open_engine, walk, Entry, Model};

/// `/ab` and `/a-b` sort near `/a`'s subtree but are not in it.
const NAMESPACES: &[&str] = &["/a", "/a/b", "/a/b/c", "/ab", "/a-b", "/d"];
const QUERY_NAMESPACES: &[&str] = &["/", "/a", "/a/b", "/a/b/c", "/ab", "/d", "/zz"];
const KINDS: &[&str] = &["task", "svc", "vm"];
const TAG_KEYS: &[&str] = &["env", "tier"];
const TAG_VALUES: &[&str] = &["prod", "dev", "web", ""];
const NAMES: usize = 10;

#[derive(Clone, Debug)]
enum Action {
    Put {
        kind: usize,
        tags: Vec<(usize, usize)>,
        data_bytes: usize,
    },
    Delete,
}

/// One batch: commands on one namespace, one per name.
#[derive(Clone, Debug)]
struct Write {
    namespace: usize,
    commands: Vec<(usize, Action)>,
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        3 => (0..KINDS.len(), prop::collection::vec((0..TAG_KEYS.len(), 0..TAG_VALUES.len()), 0..3), 0..4000usize)
            .prop_map(|(kind, tags, data_bytes)| Action::Put { kind, tags, data_bytes }),
        1 => Just(Action::Delete),
    ]
}

fn write() -> impl Strategy<Value = Write> {
    (
        0..NAMESPACES.len(),
        prop::collection::vec((0..NAMES, action()), 1..8),
    )
        .prop_map(|(namespace, commands)| Write {
            namespace,
            commands,
        })
}

fn term() -> impl Strategy<Value = Term> {
    let key = (0..TAG_KEYS.len()).prop_map(|k| TAG_KEYS[k].to_string());
    let value = (0..TAG_VALUES.len()).prop_map(|v| TAG_VALUES[v].to_string());
    let values = prop::collection::btree_set(value.clone(), 1..3);
    prop_oneof![
        key.clone().prop_map(|key| Term::Exists { key }),
        key.clone().prop_map(|key| Term::NotExists { key }),
        (key.clone(), value.clone()).prop_map(|(key, value)| Term::Equals { key, value }),
        (key.clone(), value).prop_map(|(key, value)| Term::NotEquals { key, value }),
        (key.clone(), values.clone()).prop_map(|(key, values)| Term::In { key, values }),
        (key, values).prop_map(|(key, values)| Term::NotIn { key, values }),
    ]
}

fn query() -> impl Strategy<Value = (Query, Vec<usize>)> {
    (
        0..QUERY_NAMESPACES.len(),
        any::<bool>(),
        prop::option::of(0..KINDS.len()),
        prop::option::of(prop::collection::vec(term(), 0..3)),
        prop::collection::vec(1..12usize, 1..4),
    )
        .prop_map(|(namespace, subtree, kind, terms, page_sizes)| {
            let query = Query {
                namespace: QUERY_NAMESPACES[namespace].to_string(),
                scope: if subtree {
                    Scope::Subtree
                } else {
                    Scope::Children
                },
                kind: kind.map(|k| KINDS[k].to_string()),
                selector: terms.map(|terms| TagSelector::new(terms).unwrap()),
                page_size: page_sizes[0],
            };
            (query, page_sizes)
        })
}

/// Commits `write` (dropping a delete of an absent name, which would be refused) and applies it to
/// the model.
fn apply(engine: &Engine, model: &mut Model, write: &Write) {
    let namespace = NAMESPACES[write.namespace];
    let mut commands = Vec::new();
    let mut seen = BTreeSet::new();
    for (name, action) in &write.commands {
        if !seen.insert(*name) {
            continue;
        }
        let name = format!("r{name}");
        let key = (namespace.to_string(), name.clone());
        match action {
            Action::Delete if !model.contains_key(&key) => {}
            Action::Delete => {
                model.remove(&key);
                commands.push(Command::delete(namespace, &name, None));
            }
            Action::Put {
                kind,
                tags,
                data_bytes,
            } => {
                let mut spec = ResourceSpec::new(namespace, &name, KINDS[*kind])
                    .with_data(vec![b'x'; *data_bytes]);
                for &(k, v) in tags {
                    spec = spec.with_tag(TAG_KEYS[k], TAG_VALUES[v]);
                }
                model.insert(
                    key,
                    Entry {
                        kind: spec.kind.clone(),
                        tags: spec.tags.clone(),
                    },
                );
                commands.push(Command::put(spec, None));
            }
        }
    }
    if !commands.is_empty() {
        engine.commit(Batch::new(commands)).unwrap();
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn queries_equal_the_model_at_every_page(
        writes in prop::collection::vec(write(), 1..50),
        remembered in 0..50usize,
        queries in prop::collection::vec(query(), 1..8),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let engine = open_engine(dir.path(), 3);
        let mut model = Model::new();
        let mut older: Option<(Vec<u64>, Model)> = None;
        for (index, write) in writes.iter().enumerate() {
            if index == remembered % writes.len() {
                older = Some((engine.positions().unwrap(), model.clone()));
            }
            apply(&engine, &mut model, write);
        }
        let (older_positions, older_model) = older.expect("one write is remembered");
        for (query, page_sizes) in &queries {
            let first = engine.query(query, None).unwrap();
            let (listing, _) = walk(&engine, query, first, page_sizes);
            check_listing(&listing, &model, query);

            let first = engine.query_at(query, &older_positions).unwrap();
            let (listing, _) = walk(&engine, query, first, page_sizes);
            check_listing(&listing, &older_model, query);
        }
    }
}
