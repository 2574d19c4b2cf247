//! The JSON file of `aorta batch`: the commands of one atomic batch.
//!
//! ```json
//! {"commands": [
//!   {"op": "create", "namespace": "/apps/web", "name": "task-1", "type": "task",
//!    "data": {"image": "nginx"}, "tags": {"env": "prod"}},
//!   {"op": "update", "namespace": "/apps/web", "name": "task-2", "type": "task",
//!    "data": "text", "expect_revision": 7},
//!   {"op": "put", "namespace": "/apps/web", "name": "task-3", "type": "task"},
//!   {"op": "delete", "namespace": "/apps/web", "name": "task-4", "expect_revision": 9}
//! ]}
//! ```
//!
//! A bare array of commands is taken too. `data` as a string is stored as its UTF-8 bytes; any
//! other JSON value as its compact JSON text. Unknown fields are refused, so a typo never drops
//! a field silently.

use std::collections::BTreeMap;

use aorta_client::{Batch, Command, ResourceSpec};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(untagged)]
enum File {
    Object { commands: Vec<Entry> },
    Array(Vec<Entry>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    op: Op,
    namespace: String,
    name: String,
    #[serde(rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    data: Option<serde_json::Value>,
    #[serde(default)]
    tags: BTreeMap<String, String>,
    #[serde(default)]
    owner: String,
    #[serde(default)]
    cost: u64,
    api_version: Option<String>,
    expect_revision: Option<u64>,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum Op {
    Create,
    Update,
    Put,
    Delete,
}

/// The batch a file describes, or what is wrong with it (which command, which field).
pub fn parse(text: &str) -> Result<Batch, String> {
    let file: File = serde_json::from_str(text).map_err(|error| {
        format!("{error}; expected {{\"commands\": [{{\"op\": \"create\"|\"update\"|\"put\"|\"delete\", \"namespace\", \"name\", \"type\", ...}}]}}")
    })?;
    let entries = match file {
        File::Object { commands } | File::Array(commands) => commands,
    };
    let commands = entries
        .into_iter()
        .enumerate()
        .map(|(index, entry)| command(entry).map_err(|error| format!("command {index}: {error}")))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Batch::new(commands))
}

fn command(entry: Entry) -> Result<Command, String> {
    if entry.op == Op::Delete {
        if entry.kind.is_some() || entry.data.is_some() || !entry.tags.is_empty() {
            return Err("a delete takes namespace, name and expect_revision only".into());
        }
        return Ok(Command::delete(
            &entry.namespace,
            &entry.name,
            entry.expect_revision,
        ));
    }
    let kind = entry
        .kind
        .ok_or_else(|| format!("{} {} has no \"type\"", entry.namespace, entry.name))?;
    let mut spec = ResourceSpec::new(&entry.namespace, &entry.name, &kind);
    spec.tags = entry.tags;
    spec.owner = entry.owner;
    spec.cost = entry.cost;
    if let Some(api_version) = entry.api_version {
        spec.api_version = api_version;
    }
    spec.data = match entry.data {
        None => Vec::new(),
        Some(serde_json::Value::String(text)) => text.into_bytes(),
        Some(other) => other.to_string().into_bytes(),
    };
    Ok(match entry.op {
        Op::Create if entry.expect_revision.is_some() => {
            return Err("a create takes no expect_revision (it only creates absent keys)".into())
        }
        Op::Create => Command::create(spec),
        Op::Update => Command::update(spec, entry.expect_revision),
        Op::Put => Command::put(spec, entry.expect_revision),
        Op::Delete => unreachable!("handled above"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_op_parses_and_mistakes_name_their_command() {
        let batch = parse(
            r#"{"commands": [
                {"op": "create", "namespace": "/a", "name": "x", "type": "t", "data": {"k": 1}, "tags": {"env": "prod"}},
                {"op": "update", "namespace": "/a", "name": "y", "type": "t", "data": "text", "expect_revision": 7},
                {"op": "put", "namespace": "/a", "name": "z", "type": "t"},
                {"op": "delete", "namespace": "/a", "name": "w", "expect_revision": 9}
            ]}"#,
        )
        .unwrap();
        assert_eq!(batch.commands.len(), 4);
        let Command::Create { spec } = &batch.commands[0] else {
            panic!("a create")
        };
        assert_eq!(spec.data, br#"{"k":1}"#);
        assert_eq!(spec.tags["env"], "prod");
        assert_eq!(batch.commands[3], Command::delete("/a", "w", Some(9)));
        assert!(parse(r#"[{"op": "put", "namespace": "/a", "name": "z", "type": "t"}]"#).is_ok());
        let error = parse(r#"[{"op": "put", "namespace": "/a", "name": "z"}]"#).unwrap_err();
        assert!(
            error.contains("command 0") && error.contains("type"),
            "{error}"
        );
        assert!(parse(
            r#"[{"op": "put", "namespace": "/a", "name": "z", "type": "t", "tpyo": 1}]"#
        )
        .is_err());
    }
}
