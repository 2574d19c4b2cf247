//! Shared by the tests: proptest strategies for valid engine values, one sample of every wire
//! message, and frame helpers.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::sync::Arc;

use aorta_engine::query::{Query, Scope, TagSelector};
use aorta_engine::subscription::{Actions, Event, EventAction, Pattern, Start};
use aorta_engine::{Batch, Command, Resource, ResourceId, ResourceSpec};
use aorta_wire::frame::{FrameDecoder, FrameEncoder};
use aorta_wire::wire;
use proptest::prelude::*;

pub fn namespace() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("/".to_string()),
        prop::collection::vec("[a-z][a-z0-9._-]{0,7}", 1..4)
            .prop_map(|segments| format!("/{}", segments.join("/"))),
    ]
}

pub fn name() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9][a-zA-Z0-9._-]{0,11}"
}

pub fn kind() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9./-]{0,11}"
}

pub fn tags() -> impl Strategy<Value = BTreeMap<String, String>> {
    // Values may hold any text but control characters, quotes and commas included.
    prop::collection::btree_map("[a-z][a-z0-9./_-]{0,9}", "[^\\p{Cc}]{0,12}", 0..5)
}

pub fn spec() -> impl Strategy<Value = ResourceSpec> {
    (
        prop_oneof![Just("v1".to_string()), Just("v2beta1".to_string())],
        namespace(),
        name(),
        kind(),
        prop_oneof![Just(String::new()), "[a-z@.]{1,12}"],
        tags(),
        any::<u64>(),
        prop::collection::vec(any::<u8>(), 0..64),
    )
        .prop_map(
            |(api_version, namespace, name, kind, owner, tags, cost, data)| ResourceSpec {
                api_version,
                namespace,
                name,
                kind,
                owner,
                tags,
                cost,
                data,
            },
        )
}

pub fn resource_id() -> impl Strategy<Value = ResourceId> {
    any::<[u8; 16]>().prop_map(ResourceId)
}

pub fn resource() -> impl Strategy<Value = Resource> {
    (spec(), resource_id(), any::<u64>(), any::<u64>())
        .prop_map(|(spec, id, created_ms, revision)| spec.into_resource(id, created_ms, revision))
}

pub fn expected_revision() -> impl Strategy<Value = Option<u64>> {
    prop_oneof![Just(None), any::<u64>().prop_map(Some)]
}

pub fn command() -> impl Strategy<Value = Command> {
    prop_oneof![
        spec().prop_map(Command::create),
        (spec(), expected_revision()).prop_map(|(s, e)| Command::update(s, e)),
        (spec(), expected_revision()).prop_map(|(s, e)| Command::put(s, e)),
        (namespace(), name(), expected_revision())
            .prop_map(|(ns, n, e)| Command::delete(&ns, &n, e)),
    ]
}

/// A batch that `Batch::validate` accepts: each key once.
pub fn batch() -> impl Strategy<Value = Batch> {
    prop::collection::vec(command(), 1..6).prop_map(|commands| {
        let mut keys = std::collections::HashSet::new();
        Batch::new(
            commands
                .into_iter()
                .filter(|command| keys.insert(command.key()))
                .collect(),
        )
    })
}

pub fn selector() -> impl Strategy<Value = Option<TagSelector>> {
    prop_oneof![
        Just(None),
        prop_oneof![
            Just("env=prod"),
            Just("env!=dev,tier"),
            Just("tier in (web,\"a b\"),!legacy"),
            Just("zone notin (x)"),
        ]
        .prop_map(|text| Some(TagSelector::parse(text).expect("a valid selector"))),
    ]
}

pub fn scope() -> impl Strategy<Value = Scope> {
    prop_oneof![Just(Scope::Children), Just(Scope::Subtree)]
}

pub fn query() -> impl Strategy<Value = Query> {
    (
        namespace(),
        scope(),
        prop::option::of(kind()),
        selector(),
        1usize..=1000,
    )
        .prop_map(|(namespace, scope, kind, selector, page_size)| Query {
            namespace,
            scope,
            kind,
            selector,
            page_size,
        })
}

pub fn actions() -> impl Strategy<Value = Actions> {
    prop::collection::vec(
        prop_oneof![
            Just(EventAction::Created),
            Just(EventAction::Updated),
            Just(EventAction::Deleted),
            Just(EventAction::Entered),
            Just(EventAction::Left),
        ],
        1..5,
    )
    .prop_map(|actions| Actions::of(&actions))
}

pub fn pattern() -> impl Strategy<Value = Pattern> {
    (
        namespace(),
        scope(),
        prop::option::of(kind()),
        selector(),
        actions(),
    )
        .prop_map(|(namespace, scope, kind, selector, actions)| Pattern {
            namespace,
            scope,
            kind,
            selector,
            actions,
        })
}

pub fn start() -> impl Strategy<Value = Start> {
    prop_oneof![
        Just(Start::Now),
        prop::collection::vec(any::<u64>(), 1..8).prop_map(Start::After),
    ]
}

pub fn event() -> impl Strategy<Value = Event> {
    (
        any::<u16>(),
        any::<u64>(),
        any::<u64>(),
        0..7u8,
        resource(),
        resource(),
    )
        .prop_map(|(shard, position, commit_time_ms, action, old, new)| {
            let (action, old, new) = match action {
                0 => (EventAction::Created, None, Some(new)),
                1 => (EventAction::Updated, Some(old), Some(new)),
                2 => (EventAction::Deleted, Some(old), None),
                3 => (EventAction::Entered, Some(old), Some(new)),
                4 => (EventAction::Left, Some(old), Some(new)),
                // What a principal may not read is withheld (`ReadRights::judge`).
                5 => (EventAction::Entered, None, Some(new)),
                _ => (EventAction::Left, Some(old), None),
            };
            Event {
                shard,
                position,
                commit_time_ms,
                action,
                old: old.map(Arc::new),
                new: new.map(Arc::new),
            }
        })
}

/// `message` through a frame and back.
pub fn through_a_frame(message: &wire::Message) -> wire::Message {
    let mut bytes = Vec::new();
    FrameEncoder::default()
        .encode(message, &mut bytes)
        .expect("the message fits a frame");
    let mut input = &bytes[..];
    let decoded = FrameDecoder::default()
        .decode(&mut input)
        .expect("a frame the encoder wrote decodes")
        .expect("the frame is whole");
    assert!(input.is_empty(), "the decoder took the whole frame");
    decoded
}

/// Frames of `messages`, one after the other.
pub fn frames(messages: &[wire::Message]) -> Vec<u8> {
    let mut encoder = FrameEncoder::default();
    let mut bytes = Vec::new();
    for message in messages {
        encoder.encode(message, &mut bytes).expect("fits");
    }
    bytes
}

fn sample_resource() -> wire::Resource {
    aorta_wire::convert::resource_to_wire(&Resource {
        api_version: "v1".into(),
        id: ResourceId::new(7, 1, 42, 0),
        namespace: "/apps/web".into(),
        name: "task-1".into(),
        kind: "task".into(),
        created_ms: 1_700_000_000_000,
        owner: "alice".into(),
        tags: [("env".to_string(), "prod".to_string())].into(),
        cost: 3,
        data: b"{\"image\":\"nginx\"}".to_vec(),
        revision: 42,
    })
}

fn error(code: wire::ErrorCode) -> wire::Error {
    wire::Error {
        code,
        message: format!("{code:?}"),
        detail: None,
    }
}

/// One of every message of the protocol, with every optional field set somewhere.
pub fn every_message() -> Vec<wire::Message> {
    use wire::Message as M;
    let spec = || {
        Box::new(wire::ResourceSpec {
            api_version: "v1".into(),
            namespace_path: "/apps".into(),
            name: "n".into(),
            kind: "t".into(),
            owner: Some("o".into()),
            tags: Some(vec![wire::Tag {
                key: "k".into(),
                value: "v".into(),
            }]),
            cost: 1,
            data: Some(vec![1, 2, 3]),
        })
    };
    let commands = vec![
        wire::Command::CreateCommand(Box::new(wire::CreateCommand { spec: spec() })),
        wire::Command::UpdateCommand(Box::new(wire::UpdateCommand {
            spec: spec(),
            expected_revision: Some(0),
        })),
        wire::Command::PutCommand(Box::new(wire::PutCommand {
            spec: spec(),
            expected_revision: None,
        })),
        wire::Command::DeleteCommand(Box::new(wire::DeleteCommand {
            namespace_path: "/a".into(),
            name: "b".into(),
            expected_revision: Some(9),
        })),
    ];
    let query = || {
        Box::new(wire::Query {
            namespace_path: "/apps".into(),
            scope: wire::Scope::Subtree,
            kind: Some("task".into()),
            selector: Some("env=prod".into()),
            page_size: 50,
        })
    };
    let requests = vec![
        wire::RequestBody::CommitRequest(Box::new(wire::CommitRequest {
            commands: commands
                .into_iter()
                .map(|command| wire::BatchCommand { command })
                .collect(),
        })),
        wire::RequestBody::GetRequest(Box::new(wire::GetRequest {
            namespace_path: "/apps".into(),
            name: "x".into(),
        })),
        wire::RequestBody::GetByIdRequest(Box::new(wire::GetByIdRequest {
            id: wire::ResourceId { high: 1, low: 2 },
        })),
        wire::RequestBody::ListRequest(Box::new(wire::ListRequest {
            query: query(),
            token: Some("AQ".into()),
            at_positions: None,
        })),
        wire::RequestBody::ListRequest(Box::new(wire::ListRequest {
            query: query(),
            token: None,
            at_positions: Some(vec![1, 2, 3]),
        })),
        wire::RequestBody::PositionsRequest(Box::default()),
        wire::RequestBody::StatusRequest(Box::default()),
    ];
    let details = vec![
        wire::ErrorDetail::ConflictDetail(Box::new(wire::ConflictDetail {
            command_index: 1,
            key: "/a/b".into(),
            kind: wire::ConflictKind::RevisionMismatch,
            revision: 0,
            expected: 3,
            actual: 4,
        })),
        wire::ErrorDetail::RejectionDetail(Box::new(wire::RejectionDetail {
            filter: "quota".into(),
            command_index: 0,
            key: "/a/b".into(),
            reason: wire::Rejection::OverBudget(Box::new(wire::OverBudget {
                budget: "b".into(),
                namespace_path: "/a".into(),
                used: wire::Uint128 { high: 1, low: 2 },
                limit: 10,
                asked: wire::Uint128 { high: 0, low: 5 },
            })),
        })),
        wire::ErrorDetail::RejectionDetail(Box::new(wire::RejectionDetail {
            filter: "permission".into(),
            command_index: 0,
            key: "/a/b".into(),
            reason: wire::Rejection::Denied(Box::new(wire::Denied {
                principal: "bob".into(),
                action: wire::CommandAction::Delete,
                namespace_path: "/a".into(),
                kind: "t".into(),
                rule: Some("r".into()),
                read: false,
            })),
        })),
        wire::ErrorDetail::RejectionDetail(Box::new(wire::RejectionDetail {
            filter: "validation".into(),
            command_index: 0,
            key: "/a/b".into(),
            reason: wire::Rejection::SchemaViolation(Box::new(wire::SchemaViolation {
                kind: "t".into(),
                schema: "s".into(),
                reason: "r".into(),
            })),
        })),
        wire::ErrorDetail::RejectionDetail(Box::new(wire::RejectionDetail {
            filter: "validation".into(),
            command_index: 0,
            key: "/a/b".into(),
            reason: wire::Rejection::InvalidPolicy(Box::new(wire::InvalidPolicy {
                reason: "r".into(),
            })),
        })),
        wire::ErrorDetail::SpansShardsDetail(Box::new(wire::SpansShardsDetail {
            first_shard: 0,
            other_shard: 1,
            first_namespace: "/a".into(),
            other_namespace: "/b".into(),
        })),
        wire::ErrorDetail::OverloadedDetail(Box::new(wire::OverloadedDetail {
            shard: 2,
            budget: wire::QueueBudget::Bytes,
            queued: 5,
            limit: 4,
        })),
        wire::ErrorDetail::ShardDetail(Box::new(wire::ShardDetail { shard: 3 })),
        wire::ErrorDetail::CompactedDetail(Box::new(wire::CompactedDetail {
            shard: 0,
            requested: 1,
            oldest_available: 5,
            current: 9,
        })),
    ];
    let mut responses = vec![
        wire::ResponseBody::CommitReceipt(Box::new(wire::CommitReceipt {
            shard: 1,
            position: 2,
            ids: vec![wire::ResourceId { high: 3, low: 4 }],
        })),
        wire::ResponseBody::GetResponse(Box::new(wire::GetResponse {
            resource: Some(Box::new(sample_resource())),
        })),
        wire::ResponseBody::GetResponse(Box::default()),
        wire::ResponseBody::Page(Box::new(wire::Page {
            items: vec![sample_resource(), sample_resource()],
            positions: vec![4, 5],
            next_token: Some("token".into()),
        })),
        wire::ResponseBody::PositionsResponse(Box::new(wire::PositionsResponse {
            positions: vec![7, 8],
        })),
        wire::ResponseBody::StatusResponse(Box::new(wire::StatusResponse {
            cluster_id: 9,
            shards: vec![
                wire::ShardHealth {
                    shard: 0,
                    state: wire::ShardState::Up,
                    down_cause: None,
                    queued_requests: 1,
                    queued_bytes: 2,
                },
                wire::ShardHealth {
                    shard: 1,
                    state: wire::ShardState::Down,
                    down_cause: Some("panicked".into()),
                    queued_requests: 0,
                    queued_bytes: 0,
                },
            ],
        })),
    ];
    responses.extend(details.into_iter().map(|detail| {
        wire::ResponseBody::Error(Box::new(wire::Error {
            detail: Some(detail),
            ..error(wire::ErrorCode::Conflict)
        }))
    }));
    let mut messages = vec![
        M::ClientHello(Box::new(wire::ClientHello {
            versions: vec![1, 2],
            principal: "svc@web".into(),
            credential: wire::CredentialKind::ClusterKey,
            client_nonce: vec![1; 32],
            token: Some(vec![5]),
        })),
        M::Challenge(Box::new(wire::Challenge {
            version: 1,
            server_nonce: vec![2; 32],
        })),
        M::Proof(Box::new(wire::Proof { mac: vec![3; 32] })),
        M::Welcome(Box::new(wire::Welcome {
            version: 1,
            principal: "svc@web".into(),
            mac: vec![4; 32],
            cluster_id: 7,
            frame_bytes_max: 8 << 20,
            heartbeat_interval_ms: 5000,
            requests_in_flight_max: 256,
            request_bytes_in_flight_max: 64 << 20,
        })),
        M::HandshakeRefused(Box::new(wire::HandshakeRefused {
            error: Box::new(error(wire::ErrorCode::AuthenticationFailed)),
        })),
        M::Ping(Box::new(wire::Ping { sequence: 1 })),
        M::Pong(Box::new(wire::Pong { sequence: 1 })),
        M::Subscribe(Box::new(wire::Subscribe {
            pattern: Box::new(wire::Pattern {
                namespace_path: "/apps".into(),
                scope: wire::Scope::Children,
                kind: Some("task".into()),
                selector: Some("env=prod".into()),
                actions: vec![wire::EventAction::Created, wire::EventAction::Left],
            }),
            resume_after: Some(vec![1, 2]),
        })),
        M::Subscribed(Box::new(wire::Subscribed {
            resume_token: vec![1, 2],
        })),
        M::Events(Box::new(wire::Events {
            events: vec![wire::Event {
                shard: 1,
                position: 2,
                commit_time_ms: 3,
                action: wire::EventAction::Updated,
                old: Some(Box::new(sample_resource())),
                new: Some(Box::new(sample_resource())),
            }],
            resume_token: vec![2, 0],
        })),
        M::SubscriptionEnd(Box::new(wire::SubscriptionEnd {
            error: Box::new(error(wire::ErrorCode::Compacted)),
        })),
        M::PublishIntents(Box::new(wire::PublishIntents {
            intents: vec![wire::Intent {
                topic: "orders".into(),
                key: Some("k".into()),
                delivery: wire::IntentDelivery::AtLeastOnce,
                max_attempts: 5,
                dead_letter_topic: Some("dead".into()),
                data: Some(vec![1]),
            }],
        })),
        M::IntentDeliveryMessage(Box::new(wire::IntentDeliveryMessage {
            delivery_id: 1,
            attempt: 2,
            intent: Box::new(wire::Intent {
                topic: "orders".into(),
                key: None,
                delivery: wire::IntentDelivery::AtMostOnce,
                max_attempts: 0,
                dead_letter_topic: None,
                data: None,
            }),
        })),
        M::IntentAck(Box::new(wire::IntentAck {
            delivery_id: 1,
            ok: true,
        })),
        M::NodeCommand(Box::new(wire::NodeCommand {
            command_id: 1,
            node: "node-1".into(),
            kind: wire::NodeCommandKind::StopTask,
            task_namespace: "/apps".into(),
            task_name: "t".into(),
            spec: Some(vec![1]),
        })),
        M::NodeCommandReport(Box::new(wire::NodeCommandReport {
            command_id: 1,
            node: "node-1".into(),
            observed: Some(spec()),
        })),
    ];
    messages.extend(requests.into_iter().enumerate().map(|(id, body)| {
        M::Request(Box::new(wire::Request {
            id: id as u64,
            body,
        }))
    }));
    messages.extend(responses.into_iter().enumerate().map(|(id, body)| {
        M::Response(Box::new(wire::Response {
            request_id: id as u64,
            body,
        }))
    }));
    messages
}

pub const KEY: &[u8] = b"a cluster key of at least thirty-two bytes";
pub const OTHER_KEY: &[u8] = b"another cluster key, thirty-two bytes or more";

pub fn server(key: &[u8], server_nonce: u8) -> aorta_wire::handshake::ServerHandshake {
    use aorta_wire::handshake::{ClusterKey, ServerConfig, ServerHandshake};
    let config = ServerConfig::new(ClusterKey::new(key).unwrap(), 0xc1a5);
    ServerHandshake::new(std::sync::Arc::new(config), [server_nonce; 32])
}

pub fn client(
    key: &[u8],
    principal: &str,
    client_nonce: u8,
) -> (aorta_wire::handshake::ClientHandshake, wire::Message) {
    use aorta_wire::handshake::{ClientHandshake, ClusterKey};
    ClientHandshake::start(ClusterKey::new(key).unwrap(), principal, [client_nonce; 32]).unwrap()
}

/// A request message, as a client would send one after the handshake.
pub fn a_request() -> wire::Message {
    wire::Message::Request(Box::new(wire::Request {
        id: 1,
        body: wire::RequestBody::PositionsRequest(Box::default()),
    }))
}
