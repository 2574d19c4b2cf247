//! A wire message that breaks a rule the engine enforces is refused on decode, with the error
//! that names the rule and the code the protocol answers with; nothing reaches the engine.

mod support;

use aorta_wire::convert::{self, Call, DecodeError, Reply};
use aorta_wire::wire;

fn spec(namespace: &str, tags: Vec<(&str, &str)>) -> Box<wire::ResourceSpec> {
    Box::new(wire::ResourceSpec {
        api_version: "v1".into(),
        namespace_path: namespace.into(),
        name: "n".into(),
        kind: "t".into(),
        owner: None,
        tags: Some(
            tags.into_iter()
                .map(|(key, value)| wire::Tag {
                    key: key.into(),
                    value: value.into(),
                })
                .collect(),
        ),
        cost: 0,
        data: None,
    })
}

fn commit(commands: Vec<wire::Command>) -> wire::RequestBody {
    wire::RequestBody::CommitRequest(Box::new(wire::CommitRequest {
        commands: commands
            .into_iter()
            .map(|command| wire::BatchCommand { command })
            .collect(),
    }))
}

fn create(spec: Box<wire::ResourceSpec>) -> wire::Command {
    wire::Command::CreateCommand(Box::new(wire::CreateCommand { spec }))
}

fn list(query: wire::Query, token: Option<&str>, at: Option<Vec<u64>>) -> wire::RequestBody {
    wire::RequestBody::ListRequest(Box::new(wire::ListRequest {
        query: Box::new(query),
        token: token.map(str::to_string),
        at_positions: at,
    }))
}

fn query(selector: Option<&str>, page_size: u32) -> wire::Query {
    wire::Query {
        namespace_path: "/apps".into(),
        scope: wire::Scope::Subtree,
        kind: None,
        selector: selector.map(str::to_string),
        page_size,
    }
}

fn refused(body: wire::RequestBody) -> DecodeError {
    Call::from_wire(body).expect_err("the request is refused")
}

#[test]
fn invalid_resources_and_batches() {
    let error = refused(commit(vec![create(spec("apps", vec![]))]));
    assert!(matches!(error, DecodeError::Invalid(_)), "{error}");
    assert_eq!(error.code(), wire::ErrorCode::InvalidInput);

    let error = refused(commit(vec![create(spec(
        "/a",
        vec![("k", "1"), ("k", "2")],
    ))]));
    assert_eq!(error, DecodeError::DuplicateTag { key: "k".into() });

    let error = refused(commit(vec![create(spec("/a", vec![("bad key", "1")]))]));
    assert!(matches!(error, DecodeError::Invalid(_)));

    assert!(matches!(refused(commit(vec![])), DecodeError::Invalid(_)));
    let twice = refused(commit(vec![
        create(spec("/a", vec![])),
        create(spec("/a", vec![])),
    ]));
    assert!(matches!(twice, DecodeError::Invalid(_)), "{twice}");

    let get = wire::RequestBody::GetRequest(Box::new(wire::GetRequest {
        namespace_path: "/a".into(),
        name: "..".into(),
    }));
    assert!(matches!(refused(get), DecodeError::Invalid(_)));
}

#[test]
fn invalid_queries() {
    let error = refused(list(query(None, 0), None, None));
    assert!(matches!(error, DecodeError::Query(_)));
    assert_eq!(error.code(), wire::ErrorCode::InvalidQuery);
    assert!(matches!(
        refused(list(query(None, 1001), None, None)),
        DecodeError::Query(_)
    ));
    assert!(matches!(
        refused(list(query(Some("env in ()"), 10), None, None)),
        DecodeError::Selector(_)
    ));
    assert_eq!(
        refused(list(query(None, 10), Some("AQ"), Some(vec![1]))),
        DecodeError::TokenAndPositions
    );
    let error = refused(list(query(None, 10), Some("not a token!"), None));
    assert!(matches!(error, DecodeError::Token(_)));
    assert_eq!(error.code(), wire::ErrorCode::InvalidToken);
    assert!(matches!(
        refused(list(query(None, 10), None, Some(vec![0; 257]))),
        DecodeError::OutOfRange { .. }
    ));
}

#[test]
fn a_token_for_another_query_is_refused() {
    use aorta_engine::query::{ShardResume, Token};
    let token = Token::new(12345, vec![1], vec![ShardResume::Start]).unwrap();
    let error = refused(list(query(None, 10), Some(&token.encode()), None));
    assert!(matches!(error, DecodeError::Token(_)), "{error}");
}

#[test]
fn invalid_patterns() {
    let subscribe = wire::Subscribe {
        pattern: Box::new(wire::Pattern {
            namespace_path: "/apps".into(),
            scope: wire::Scope::Subtree,
            kind: None,
            selector: None,
            actions: vec![],
        }),
        resume_after: None,
    };
    let error = convert::subscribe_from_wire(&subscribe).unwrap_err();
    assert!(matches!(error, DecodeError::Pattern(_)));
    assert_eq!(error.code(), wire::ErrorCode::InvalidPattern);
}

#[test]
fn events_must_carry_the_resources_their_action_needs() {
    let event = wire::Event {
        shard: 0,
        position: 1,
        commit_time_ms: 2,
        action: wire::EventAction::Deleted,
        old: None,
        new: None,
    };
    let error = convert::event_from_wire(&event).unwrap_err();
    assert!(matches!(error, DecodeError::EventShape { .. }));
    assert_eq!(error.code(), wire::ErrorCode::Malformed);
}

#[test]
fn replies_are_checked_too() {
    let page = wire::ResponseBody::Page(Box::new(wire::Page {
        items: vec![wire::Resource {
            api_version: "v1".into(),
            namespace_path: "no slash".into(),
            name: "n".into(),
            kind: "t".into(),
            ..Default::default()
        }],
        positions: vec![1],
        next_token: None,
    }));
    assert!(matches!(
        Reply::from_wire(&page),
        Err(DecodeError::Invalid(_))
    ));
}
