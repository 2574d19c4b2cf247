//! In JSON (the format off a terminal, or asked for), every line the node logs is one JSON
//! object with a `level` and a `timestamp` in RFC 3339 (UTC), from start to stop, and its
//! message in `fields.message`.

mod common;

use common::Node;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

#[test]
fn json_logs_have_a_level_and_an_rfc3339_timestamp() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(dir.path(), &[]);
    let (status, log) = node.terminate();
    assert_eq!(status.code(), Some(0));
    let text = log.text();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.len() >= 5, "{text}");
    let started = OffsetDateTime::now_utc() - time::Duration::minutes(5);
    for line in lines {
        let value: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: not JSON: {line}"));
        let level = value["level"].as_str().unwrap_or_default();
        assert!(
            ["TRACE", "DEBUG", "INFO", "WARN", "ERROR"].contains(&level),
            "{line}"
        );
        let timestamp = value["timestamp"].as_str().unwrap_or_default();
        let parsed = OffsetDateTime::parse(timestamp, &Rfc3339)
            .unwrap_or_else(|e| panic!("{e}: not RFC 3339: {line}"));
        assert_eq!(parsed.offset(), time::UtcOffset::UTC, "{line}");
        assert!(parsed > started, "{line}");
        assert!(value["fields"]["message"].is_string(), "{line}");
    }
}
