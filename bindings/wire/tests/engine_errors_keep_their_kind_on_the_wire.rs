//! Each kind of `aorta_engine::Error` goes on the wire with its code, the engine's message and
//! its figures, and reaches the client as a `RemoteError` that says the same.

mod support;

use aorta_engine::filter::{Action, Rejection};
use aorta_engine::resource::ValidationError;
use aorta_engine::sync::Budget;
use aorta_engine::{ConflictReason, Error};
use aorta_wire::convert::{error_to_wire, RemoteError, Reply};
use aorta_wire::wire::{self, ErrorCode, ErrorDetail};
use support::through_a_frame;

/// The error as the client receives it, through a frame.
fn received(error: &Error) -> RemoteError {
    let message = wire::Message::Response(Box::new(wire::Response {
        request_id: 0,
        body: wire::ResponseBody::Error(Box::new(error_to_wire(error))),
    }));
    let wire::Message::Response(response) = through_a_frame(&message) else {
        panic!("a response");
    };
    match Reply::from_wire(&response.body).unwrap() {
        Reply::Failed(remote) => remote,
        other => panic!("an error, not {other:?}"),
    }
}

#[test]
fn every_kind_maps_to_its_code() {
    let cases: Vec<(Error, ErrorCode)> = vec![
        (
            Error::Invalid(ValidationError::EmptyBatch),
            ErrorCode::InvalidInput,
        ),
        (
            Error::ShardDown {
                shard: 1,
                cause: "panicked".into(),
            },
            ErrorCode::ShardDown,
        ),
        (
            Error::LogFailed {
                shard: 1,
                cause: "EIO".into(),
            },
            ErrorCode::Unavailable,
        ),
        (Error::Closed, ErrorCode::Unavailable),
        (
            Error::HandlerPanicked { cause: "x".into() },
            ErrorCode::Internal,
        ),
        (
            Error::Corrupt {
                path: "/d/wal".into(),
                offset: 64,
                reason: "crc".into(),
            },
            ErrorCode::Internal,
        ),
    ];
    for (error, code) in cases {
        let remote = received(&error);
        assert_eq!(remote.code, code, "{error}");
        assert_eq!(remote.message, error.to_string());
    }
}

#[test]
fn conflicts_carry_the_command_and_the_revisions() {
    let remote = received(&Error::Conflict {
        command_index: 2,
        key: "/apps/web/t".into(),
        reason: ConflictReason::RevisionMismatch {
            expected: 7,
            actual: 9,
        },
    });
    assert_eq!(remote.code, ErrorCode::Conflict);
    let Some(ErrorDetail::ConflictDetail(detail)) = remote.detail else {
        panic!("a conflict detail");
    };
    assert_eq!(
        (detail.command_index, detail.key.as_str(), detail.kind),
        (2, "/apps/web/t", wire::ConflictKind::RevisionMismatch)
    );
    assert_eq!((detail.expected, detail.actual), (7, 9));

    let remote = received(&Error::Conflict {
        command_index: 0,
        key: "/a/b".into(),
        reason: ConflictReason::AlreadyExists { revision: 4 },
    });
    let Some(ErrorDetail::ConflictDetail(detail)) = remote.detail else {
        panic!("a conflict detail");
    };
    assert_eq!(
        (detail.kind, detail.revision),
        (wire::ConflictKind::AlreadyExists, 4)
    );
}

#[test]
fn rejections_carry_the_filter_and_the_reason() {
    let remote = received(&Error::Rejected {
        filter: "quota",
        command_index: 1,
        key: "/a/b".into(),
        reason: Box::new(Rejection::OverBudget {
            budget: "team".into(),
            namespace: "/a".into(),
            used: u128::from(u64::MAX) + 5,
            limit: 10,
            asked: 3,
        }),
    });
    assert_eq!(remote.code, ErrorCode::Rejected);
    let Some(ErrorDetail::RejectionDetail(detail)) = remote.detail else {
        panic!("a rejection detail");
    };
    assert_eq!(detail.filter, "quota");
    let wire::Rejection::OverBudget(over) = detail.reason else {
        panic!("over budget");
    };
    assert_eq!(
        u128::from(over.used.high) << 64 | u128::from(over.used.low),
        u128::from(u64::MAX) + 5
    );

    let remote = received(&Error::Rejected {
        filter: "permission",
        command_index: 0,
        key: "/a/b".into(),
        reason: Box::new(Rejection::Denied {
            principal: "bob".into(),
            action: Action::Delete,
            namespace: "/a".into(),
            kind: "t".into(),
            rule: None,
        }),
    });
    let Some(ErrorDetail::RejectionDetail(detail)) = remote.detail else {
        panic!("a rejection detail");
    };
    let wire::Rejection::Denied(denied) = detail.reason else {
        panic!("denied");
    };
    assert_eq!(denied.action, wire::CommandAction::Delete);
    assert_eq!(denied.rule, None);
    assert!(!denied.read);
}

#[test]
fn a_denied_read_is_a_permission_rejection_marked_read() {
    let error = Error::ReadDenied {
        target: "/ops/db".into(),
        reason: Box::new(Rejection::Denied {
            principal: "alice".into(),
            action: Action::Read,
            namespace: "/ops".into(),
            kind: "*".into(),
            rule: Some("/system/policy/no-ops".into()),
        }),
    };
    let remote = received(&error);
    assert_eq!(remote.code, ErrorCode::Rejected);
    assert_eq!(remote.message, error.to_string());
    let Some(ErrorDetail::RejectionDetail(detail)) = remote.detail else {
        panic!("a rejection detail");
    };
    assert_eq!(detail.filter, "permission");
    assert_eq!(detail.key, "/ops/db");
    let wire::Rejection::Denied(denied) = detail.reason else {
        panic!("denied");
    };
    assert!(denied.read);
    assert_eq!(denied.principal, "alice");
    assert_eq!(denied.namespace_path, "/ops");
    assert_eq!(denied.kind, "*");
    assert_eq!(denied.rule.as_deref(), Some("/system/policy/no-ops"));
}

#[test]
fn overload_and_compaction_carry_their_figures() {
    let remote = received(&Error::Overloaded {
        shard: 3,
        budget: Budget::Bytes,
        queued: 100,
        limit: 64,
    });
    assert!(remote.is_retryable());
    let Some(ErrorDetail::OverloadedDetail(detail)) = remote.detail else {
        panic!("an overloaded detail");
    };
    assert_eq!(
        (detail.shard, detail.budget, detail.queued, detail.limit),
        (3, wire::QueueBudget::Bytes, 100, 64)
    );

    let remote = received(&Error::Compacted {
        shard: 1,
        requested: 5,
        oldest_available: 10,
        current: 20,
    });
    assert_eq!(remote.code, ErrorCode::Compacted);
    assert!(!remote.is_retryable());
    let Some(ErrorDetail::CompactedDetail(detail)) = remote.detail else {
        panic!("a compacted detail");
    };
    assert_eq!(
        (detail.requested, detail.oldest_available, detail.current),
        (5, 10, 20)
    );

    let remote = received(&Error::BatchSpansShards {
        first_shard: 0,
        other_shard: 1,
        first_namespace: "/a".into(),
        other_namespace: "/b".into(),
    });
    assert_eq!(remote.code, ErrorCode::BatchSpansShards);
    assert!(matches!(
        remote.detail,
        Some(ErrorDetail::SpansShardsDetail(_))
    ));
}
