//! How the `aorta` CLI shows what a node answered: human lines by default, one JSON object a line
//! with `--json` (a resource's data as a string when it is UTF-8, else as `data_hex`).

use std::fmt::Write as _;

use aorta_client::{CommitReceipt, Event, EventAction, Resource, Status};
use serde_json::{json, Map, Value};

pub fn resource_json(resource: &Resource) -> Value {
    let mut object = Map::new();
    object.insert("key".into(), json!(resource.key()));
    object.insert("namespace".into(), json!(resource.namespace));
    object.insert("name".into(), json!(resource.name));
    object.insert("id".into(), json!(resource.id.to_string()));
    object.insert("type".into(), json!(resource.kind));
    object.insert("api_version".into(), json!(resource.api_version));
    object.insert("revision".into(), json!(resource.revision));
    object.insert("created_ms".into(), json!(resource.created_ms));
    object.insert("owner".into(), json!(resource.owner));
    object.insert("tags".into(), json!(resource.tags));
    object.insert("cost".into(), json!(resource.cost));
    match std::str::from_utf8(&resource.data) {
        Ok(text) => object.insert("data".into(), json!(text)),
        Err(_) => object.insert("data_hex".into(), json!(hex(&resource.data))),
    };
    Value::Object(object)
}

fn hex(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        let _ = write!(text, "{byte:02x}");
    }
    text
}

/// One line of a listing: key, type, revision, tags.
pub fn resource_line(resource: &Resource) -> String {
    format!(
        "{}\t{}\trevision {}\t{}",
        resource.key(),
        resource.kind,
        resource.revision,
        tags_text(resource)
    )
}

fn tags_text(resource: &Resource) -> String {
    if resource.tags.is_empty() {
        return "-".into();
    }
    let tags: Vec<String> = resource
        .tags
        .iter()
        .map(|(key, value)| format!("{key}={value}"))
        .collect();
    tags.join(",")
}

pub fn receipt_json(action: &str, key: &str, receipt: &CommitReceipt) -> Value {
    json!({
        "action": action,
        "key": key,
        "shard": receipt.shard,
        "position": receipt.position,
        "ids": receipt.ids.iter().map(ToString::to_string).collect::<Vec<_>>(),
    })
}

pub fn action_name(action: EventAction) -> &'static str {
    match action {
        EventAction::Created => "created",
        EventAction::Updated => "updated",
        EventAction::Deleted => "deleted",
        EventAction::Entered => "entered",
        EventAction::Left => "left",
    }
}

pub fn event_json(event: &Event) -> Value {
    json!({
        "action": action_name(event.action),
        "shard": event.shard,
        "position": event.position,
        "commit_time_ms": event.commit_time_ms,
        "old": event.old.as_deref().map(resource_json),
        "new": event.new.as_deref().map(resource_json),
    })
}

/// `created /apps/web/task-1 revision 7 (shard 1)`.
pub fn event_line(event: &Event) -> String {
    let resource = event
        .new
        .as_deref()
        .or(event.old.as_deref())
        .expect("every event carries a resource");
    format!(
        "{} {} revision {} (shard {}) {}",
        action_name(event.action),
        resource.key(),
        event.position,
        event.shard,
        tags_text(resource)
    )
}

pub fn status_json(status: &Status) -> Value {
    use aorta_engine::engine::ShardState;
    json!({
        "cluster_id": format!("{:08x}", status.cluster_id),
        "shards": status.shards.iter().map(|shard| json!({
            "shard": shard.shard,
            "state": match &shard.state { ShardState::Up => "up", ShardState::Down { .. } => "down" },
            "down_cause": match &shard.state { ShardState::Up => None, ShardState::Down { cause } => Some(cause) },
            "queued_requests": shard.queued_requests,
            "queued_bytes": shard.queued_bytes,
        })).collect::<Vec<_>>(),
    })
}

pub fn status_text(status: &Status) -> String {
    use aorta_engine::engine::ShardState;
    let mut text = format!(
        "cluster {:08x}, {} shards\n",
        status.cluster_id,
        status.shards.len()
    );
    for shard in &status.shards {
        let state = match &shard.state {
            ShardState::Up => "up".to_string(),
            ShardState::Down { cause } => format!("DOWN: {cause}"),
        };
        let _ = writeln!(
            text,
            "  shard {}: {state}, {} requests ({} bytes) queued",
            shard.shard, shard.queued_requests, shard.queued_bytes
        );
    }
    text
}

/// Positions as the CLI takes and shows them: comma-separated, one per shard.
pub fn positions_text(positions: &[u64]) -> String {
    positions
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

pub fn parse_positions(text: &str) -> Result<Vec<u64>, String> {
    text.split(',')
        .map(|part| {
            part.trim().parse::<u64>().map_err(|_| {
                format!("{part:?} is not a position; give one per shard, comma-separated")
            })
        })
        .collect()
}
