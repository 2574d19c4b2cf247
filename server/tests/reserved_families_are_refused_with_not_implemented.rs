//! Intents and node-commands are reserved in version 1's schema: a stream that opens with one of
//! their messages is reset with `NotImplemented` (45), and the connection goes on serving.

mod common;

use aorta_wire::convert::{Call, Reply};
use aorta_wire::wire;
use common::artery::connect_as;
use common::Node;

fn reserved_messages() -> Vec<wire::Message> {
    let intent = wire::Intent {
        topic: "orders.created".into(),
        key: Some("o-1".into()),
        delivery: wire::IntentDelivery::AtLeastOnce,
        max_attempts: 3,
        dead_letter_topic: None,
        data: Some(b"{}".to_vec()),
    };
    vec![
        wire::Message::PublishIntents(Box::new(wire::PublishIntents {
            intents: vec![intent.clone()],
        })),
        wire::Message::IntentAck(Box::new(wire::IntentAck {
            delivery_id: 1,
            ok: true,
        })),
        wire::Message::NodeCommand(Box::new(wire::NodeCommand {
            command_id: 1,
            node: "n1".into(),
            kind: wire::NodeCommandKind::StartTask,
            task_namespace: "/apps".into(),
            task_name: "web".into(),
            spec: None,
        })),
    ]
}

#[tokio::test]
async fn reserved_families_are_refused_with_not_implemented() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(dir.path(), &[]);
    let artery = connect_as(&node, "root").await;
    for message in reserved_messages() {
        let mut stream = artery.stream().await;
        stream.send(&message).await;
        let answer = stream.receive().await;
        assert_eq!(
            answer,
            Err(format!("reset {}", wire::ErrorCode::NotImplemented as u32)),
            "{message:?}"
        );
    }
    assert!(matches!(
        artery.call(&Call::Positions).await,
        Reply::Positions(_)
    ));
}
