//! The payload of a batch record, format version 1 (see `docs/format.md`): a decided batch in a
//! compact little-endian binary form.
//!
//! ```text
//! batch    := commit_time_ms u64 | change_count u16 | change*
//! change   := action u8 (1 created, 2 updated, 3 deleted) | body
//! body     := resource                    (created, updated)
//!           | id [16] | str namespace | str name   (deleted)
//! resource := str api_version | id [16] | str namespace | str name | str type | created_ms u64
//!           | str owner | tag_count u16 | (str key | str value)* | cost u64 | data
//! str      := len u16 | UTF-8 bytes
//! data     := len u32 | bytes
//! ```
//! A resource's revision is not stored: it is the record's position. Invariant: `decode_batch`
//! accepts exactly what `encode_batch` produces, checks every length against the bytes that remain
//! (never allocating from an untrusted length) and rejects trailing bytes.

use std::collections::BTreeMap;

use crate::command::{Change, CommittedBatch};
use crate::resource::{Resource, ResourceId, ResourceSpec};

pub const BATCH_HEADER_BYTES: usize = 8 + 2;

const ACTION_CREATED: u8 = 1;
const ACTION_UPDATED: u8 = 2;
const ACTION_DELETED: u8 = 3;

/// The exact encoded size of a resource made from `spec`, plus its action byte.
pub fn resource_encoded_len(spec: &ResourceSpec) -> usize {
    let strings = [
        &spec.api_version,
        &spec.namespace,
        &spec.name,
        &spec.kind,
        &spec.owner,
    ];
    1 + strings.iter().map(|s| 2 + s.len()).sum::<usize>()
        + 16
        + 8
        + 2
        + spec
            .tags
            .iter()
            .map(|(k, v)| 4 + k.len() + v.len())
            .sum::<usize>()
        + 8
        + 4
        + spec.data.len()
}

pub fn encode_batch(batch: &CommittedBatch, out: &mut Vec<u8>) {
    out.extend_from_slice(&batch.commit_time_ms.to_le_bytes());
    let count = u16::try_from(batch.changes.len()).expect("batch command count is limited");
    out.extend_from_slice(&count.to_le_bytes());
    for change in &batch.changes {
        match change {
            Change::Created(resource) => {
                out.push(ACTION_CREATED);
                encode_resource(resource, out);
            }
            Change::Updated(resource) => {
                out.push(ACTION_UPDATED);
                encode_resource(resource, out);
            }
            Change::Deleted {
                id,
                namespace,
                name,
            } => {
                out.push(ACTION_DELETED);
                out.extend_from_slice(&id.0);
                put_str(namespace, out);
                put_str(name, out);
            }
        }
    }
}

fn put_str(value: &str, out: &mut Vec<u8>) {
    let len = u16::try_from(value.len()).expect("string lengths are limited by validation");
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(value.as_bytes());
}

fn encode_resource(resource: &Resource, out: &mut Vec<u8>) {
    put_str(&resource.api_version, out);
    out.extend_from_slice(&resource.id.0);
    put_str(&resource.namespace, out);
    put_str(&resource.name, out);
    put_str(&resource.kind, out);
    out.extend_from_slice(&resource.created_ms.to_le_bytes());
    put_str(&resource.owner, out);
    let tags = u16::try_from(resource.tags.len()).expect("tag count is limited");
    out.extend_from_slice(&tags.to_le_bytes());
    for (key, value) in &resource.tags {
        put_str(key, out);
        put_str(value, out);
    }
    out.extend_from_slice(&resource.cost.to_le_bytes());
    let len = u32::try_from(resource.data.len()).expect("data size is limited");
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(&resource.data);
}

/// Why a payload is not a valid batch.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid batch payload at byte {offset}: {what}")]
pub struct PayloadError {
    pub offset: usize,
    pub what: &'static str,
}

struct Reader<'a> {
    bytes: &'a [u8],
    offset: usize,
}

impl<'a> Reader<'a> {
    fn error(&self, what: &'static str) -> PayloadError {
        PayloadError {
            offset: self.offset,
            what,
        }
    }

    fn take(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], PayloadError> {
        if self.bytes.len() - self.offset < n {
            return Err(self.error(what));
        }
        let slice = &self.bytes[self.offset..self.offset + n];
        self.offset += n;
        Ok(slice)
    }

    fn u8(&mut self, what: &'static str) -> Result<u8, PayloadError> {
        Ok(self.take(1, what)?[0])
    }

    fn u16(&mut self, what: &'static str) -> Result<u16, PayloadError> {
        Ok(u16::from_le_bytes(self.take(2, what)?.try_into().unwrap()))
    }

    fn u32(&mut self, what: &'static str) -> Result<u32, PayloadError> {
        Ok(u32::from_le_bytes(self.take(4, what)?.try_into().unwrap()))
    }

    fn u64(&mut self, what: &'static str) -> Result<u64, PayloadError> {
        Ok(u64::from_le_bytes(self.take(8, what)?.try_into().unwrap()))
    }

    fn id(&mut self) -> Result<ResourceId, PayloadError> {
        Ok(ResourceId(
            self.take(16, "truncated id")?.try_into().unwrap(),
        ))
    }

    fn string(&mut self, what: &'static str) -> Result<String, PayloadError> {
        let len = self.u16(what)? as usize;
        let bytes = self.take(len, what)?;
        std::str::from_utf8(bytes)
            .map(str::to_owned)
            .map_err(|_| self.error("string is not UTF-8"))
    }

    fn resource(&mut self, position: u64) -> Result<Resource, PayloadError> {
        let api_version = self.string("truncated apiVersion")?;
        let id = self.id()?;
        let namespace = self.string("truncated namespace")?;
        let name = self.string("truncated name")?;
        let kind = self.string("truncated type")?;
        let created_ms = self.u64("truncated created")?;
        let owner = self.string("truncated owner")?;
        let tag_count = self.u16("truncated tag count")?;
        let mut tags = BTreeMap::new();
        for _ in 0..tag_count {
            let key = self.string("truncated tag key")?;
            let value = self.string("truncated tag value")?;
            // The encoder writes tags in ascending key order; anything else is not its output.
            if tags.last_key_value().is_some_and(|(last, _)| *last >= key) {
                return Err(self.error("tag keys not in strictly ascending order"));
            }
            tags.insert(key, value);
        }
        let cost = self.u64("truncated cost")?;
        let data_len = self.u32("truncated data length")? as usize;
        let data = self.take(data_len, "truncated data")?.to_vec();
        Ok(Resource {
            api_version,
            id,
            namespace,
            name,
            kind,
            created_ms,
            owner,
            tags,
            cost,
            data,
            revision: position,
        })
    }
}

/// Appends a resource in the batch payload's `resource` encoding: the value of a resource's entry
/// in a table (its revision is the entry's version position, not stored).
pub fn encode_resource_value(resource: &Resource, out: &mut Vec<u8>) {
    encode_resource(resource, out);
}

/// Decodes a table value written by [`encode_resource_value`], giving it `revision`; accepts
/// exactly what it produces (no trailing bytes).
pub fn decode_resource_value(revision: u64, bytes: &[u8]) -> Result<Resource, PayloadError> {
    let mut reader = Reader { bytes, offset: 0 };
    let resource = reader.resource(revision)?;
    if reader.offset != bytes.len() {
        return Err(reader.error("trailing bytes after the resource"));
    }
    Ok(resource)
}

/// Decodes the payload of the batch record at `position`.
pub fn decode_batch(position: u64, bytes: &[u8]) -> Result<CommittedBatch, PayloadError> {
    let mut reader = Reader { bytes, offset: 0 };
    let commit_time_ms = reader.u64("truncated commit time")?;
    let count = reader.u16("truncated change count")?;
    // Each change takes at least 20 bytes, which bounds the allocation by the input's size.
    let mut changes = Vec::with_capacity((count as usize).min(bytes.len() / 20));
    for _ in 0..count {
        let change = match reader.u8("truncated action")? {
            ACTION_CREATED => Change::Created(reader.resource(position)?),
            ACTION_UPDATED => Change::Updated(reader.resource(position)?),
            ACTION_DELETED => Change::Deleted {
                id: reader.id()?,
                namespace: reader.string("truncated namespace")?,
                name: reader.string("truncated name")?,
            },
            _ => return Err(reader.error("unknown action")),
        };
        changes.push(change);
    }
    if reader.offset != bytes.len() {
        return Err(reader.error("trailing bytes after the last change"));
    }
    Ok(CommittedBatch {
        position,
        commit_time_ms,
        changes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resource(name: &str) -> Resource {
        Resource {
            api_version: "v1".into(),
            id: ResourceId::new(1, 2, 3, 4),
            namespace: "/apps/web".into(),
            name: name.into(),
            kind: "task".into(),
            created_ms: 1234,
            owner: "alice".into(),
            tags: [("env".to_string(), "prod".to_string())].into(),
            cost: 5,
            data: b"{\"x\":1}".to_vec(),
            revision: 9,
        }
    }

    #[test]
    fn a_batch_round_trips_and_its_size_is_predicted() {
        let batch = CommittedBatch {
            position: 9,
            commit_time_ms: 1000,
            changes: vec![
                Change::Created(resource("a")),
                Change::Updated(resource("b")),
                Change::Deleted {
                    id: ResourceId::new(1, 2, 3, 5),
                    namespace: "/apps".into(),
                    name: "c".into(),
                },
            ],
        };
        let mut out = Vec::new();
        encode_batch(&batch, &mut out);
        assert_eq!(decode_batch(9, &out).unwrap(), batch);

        let spec = ResourceSpec {
            api_version: "v1".into(),
            namespace: "/apps/web".into(),
            name: "a".into(),
            kind: "task".into(),
            owner: "alice".into(),
            tags: [("env".to_string(), "prod".to_string())].into(),
            cost: 5,
            data: b"{\"x\":1}".to_vec(),
        };
        let mut one = Vec::new();
        encode_batch(
            &CommittedBatch {
                position: 1,
                commit_time_ms: 0,
                changes: vec![Change::Created(resource("a"))],
            },
            &mut one,
        );
        assert_eq!(one.len(), BATCH_HEADER_BYTES + resource_encoded_len(&spec));
    }

    #[test]
    fn every_truncation_is_an_error_not_a_panic() {
        let batch = CommittedBatch {
            position: 1,
            commit_time_ms: 7,
            changes: vec![Change::Created(resource("a"))],
        };
        let mut out = Vec::new();
        encode_batch(&batch, &mut out);
        for len in 0..out.len() {
            assert!(decode_batch(1, &out[..len]).is_err());
        }
        out.push(0);
        assert!(decode_batch(1, &out).is_err());
    }

    /// Found by the `batch_payload_decode` fuzz target: tags out of order decoded, then re-encoded
    /// differently.
    #[test]
    fn regression_unsorted_tags_are_rejected() {
        let mut r = resource("a");
        r.tags = [
            ("a".to_string(), "1".to_string()),
            ("b".to_string(), "2".to_string()),
        ]
        .into();
        let mut out = Vec::new();
        encode_batch(
            &CommittedBatch {
                position: 1,
                commit_time_ms: 0,
                changes: vec![Change::Created(r)],
            },
            &mut out,
        );
        assert!(decode_batch(1, &out).is_ok());
        // Swap the two tag entries in place: "a"="1" and "b"="2" have the same encoded length.
        let first = out.windows(3).position(|w| w == [1, 0, b'a']).unwrap();
        let entry = 3 + 3; // key (len u16 + 1 byte) and value (len u16 + 1 byte)
        let (a, b) = (
            out[first..first + entry].to_vec(),
            out[first + entry..first + 2 * entry].to_vec(),
        );
        out[first..first + entry].copy_from_slice(&b);
        out[first + entry..first + 2 * entry].copy_from_slice(&a);
        assert!(decode_batch(1, &out).is_err());
    }
}
