//! A continuation token is bound to its query (namespace, scope, type, selector) and to its
//! engine's shard count, and its resume points must lie in the query's ranges; anything else is
//! `Error::InvalidToken`, and nothing is read. The page size is not part of the binding.

mod query_common;

use aorta_engine::error::Error;
use aorta_engine::query::{Query, Scope, ShardResume, TagSelector, Token, TokenError};
use aorta_engine::table::key::encode_resource_key;
use aorta_engine::{Batch, Command, Engine, ResourceSpec};
use query_common::open_engine;

fn fill(engine: &Engine) {
    for namespace in ["/a", "/a/b", "/c"] {
        let commands = (0..10)
            .map(|i| {
                let spec = ResourceSpec::new(namespace, &format!("r{i}"), "task")
                    .with_tag("env", if i % 2 == 0 { "prod" } else { "dev" });
                Command::put(spec, None)
            })
            .collect();
        engine.commit(Batch::new(commands)).unwrap();
    }
}

fn subtree(namespace: &str) -> Query {
    Query {
        namespace: namespace.into(),
        scope: Scope::Subtree,
        kind: None,
        selector: None,
        page_size: 3,
    }
}

fn refusal(engine: &Engine, query: &Query, token: &str) -> TokenError {
    match engine.query(query, Some(token)) {
        Err(Error::InvalidToken(error)) => error,
        other => panic!("expected an invalid token, got {other:?}"),
    }
}

#[test]
fn a_token_of_another_query_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let engine = open_engine(dir.path(), 2);
    fill(&engine);
    let query = subtree("/a");
    let token = engine.query(&query, None).unwrap().next.unwrap().encode();

    let others = [
        subtree("/c"),
        Query {
            scope: Scope::Children,
            ..query.clone()
        },
        Query {
            kind: Some("task".into()),
            ..query.clone()
        },
        Query {
            selector: Some(TagSelector::parse("env=prod").unwrap()),
            ..query.clone()
        },
    ];
    for other in &others {
        assert!(matches!(
            refusal(&engine, other, &token),
            TokenError::OtherQuery { .. }
        ));
    }
    // Another page size is the same query.
    let bigger = Query {
        page_size: 100,
        ..query.clone()
    };
    let rest = engine.query(&bigger, Some(&token)).unwrap();
    assert_eq!(rest.items.len(), 20 - 3);
    assert!(rest.next.is_none());
}

#[test]
fn a_token_of_an_engine_with_another_shard_count_is_refused() {
    let query = subtree("/a");
    let two = tempfile::tempdir().unwrap();
    let three = tempfile::tempdir().unwrap();
    let token = {
        let engine = open_engine(two.path(), 2);
        fill(&engine);
        engine.query(&query, None).unwrap().next.unwrap().encode()
    };
    let engine = open_engine(three.path(), 3);
    fill(&engine);
    assert_eq!(
        refusal(&engine, &query, &token),
        TokenError::ShardCountMismatch {
            token: 2,
            engine: 3
        }
    );
}

#[test]
fn a_resume_point_outside_the_query_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let engine = open_engine(dir.path(), 2);
    fill(&engine);
    let query = subtree("/a");
    let forged = |resume: Vec<ShardResume>| {
        Token::new(query.fingerprint(), engine.positions().unwrap(), resume)
            .unwrap()
            .encode()
    };
    // A key of `/c`, outside `/a`'s subtree.
    let outside = encode_resource_key("/c", "r1").unwrap();
    let token = forged(vec![ShardResume::After(outside), ShardResume::Start]);
    assert_eq!(
        refusal(&engine, &query, &token),
        TokenError::ResumeOutsideQuery { shard: 0 }
    );
    // A key inside the range is accepted, wherever it came from.
    let inside = encode_resource_key("/a", "r1").unwrap();
    let token = forged(vec![ShardResume::Start, ShardResume::After(inside)]);
    engine.query(&query, Some(&token)).unwrap();

    // A children query reads only its namespace's shard: a token that resumes another is forged.
    let children = Query {
        scope: Scope::Children,
        ..query.clone()
    };
    let other_shard = 1 - engine.shard_for("/a") as usize;
    let mut resume = vec![ShardResume::Done, ShardResume::Done];
    resume[other_shard] = ShardResume::Start;
    let token = Token::new(children.fingerprint(), vec![0, 0], resume)
        .unwrap()
        .encode();
    assert_eq!(
        refusal(&engine, &children, &token),
        TokenError::ResumeOutsideQuery { shard: other_shard }
    );
}
