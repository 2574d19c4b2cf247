//! The resource: the unit of state in Aorta, and the rules every resource obeys.
//!
//! A resource is addressed by its key, `namespace` + `name` (`/apps/web` + `task-1` is
//! `/apps/web/task-1`), and by its `id`, which the engine assigns on create and keeps until delete.
//! `revision` is the commit position of the last batch that changed it; `created_ms` is the commit
//! time of its create. Writers supply a [`ResourceSpec`]; the engine fills in the rest.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use crate::limits::*;

/// A globally unique resource id: cluster id (u32), shard (u16), commit position (u64) and the
/// command's index in its batch (u16), big-endian, shown as 32 hex digits.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ResourceId(pub [u8; 16]);

impl ResourceId {
    pub fn new(cluster_id: u32, shard: u16, position: u64, index: u16) -> Self {
        let mut bytes = [0u8; 16];
        bytes[0..4].copy_from_slice(&cluster_id.to_be_bytes());
        bytes[4..6].copy_from_slice(&shard.to_be_bytes());
        bytes[6..14].copy_from_slice(&position.to_be_bytes());
        bytes[14..16].copy_from_slice(&index.to_be_bytes());
        ResourceId(bytes)
    }

    pub fn cluster_id(&self) -> u32 {
        u32::from_be_bytes(self.0[0..4].try_into().unwrap())
    }

    pub fn shard(&self) -> u16 {
        u16::from_be_bytes(self.0[4..6].try_into().unwrap())
    }
}

impl fmt::Display for ResourceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for byte in self.0 {
            write!(f, "{byte:02x}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for ResourceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ResourceId({self})")
    }
}

impl FromStr for ResourceId {
    type Err = ValidationError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || ValidationError::Syntax {
            field: "id",
            value: text.chars().take(40).collect(),
            rule: "32 hexadecimal digits",
        };
        if text.len() != 32 || !text.is_ascii() {
            return Err(bad());
        }
        let mut bytes = [0u8; 16];
        for (i, byte) in bytes.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).map_err(|_| bad())?;
        }
        Ok(ResourceId(bytes))
    }
}

/// A committed resource, as stored and returned by reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resource {
    pub api_version: String,
    pub id: ResourceId,
    pub namespace: String,
    pub name: String,
    /// The design's `type`.
    pub kind: String,
    pub created_ms: u64,
    pub owner: String,
    pub tags: BTreeMap<String, String>,
    pub cost: u64,
    pub data: Vec<u8>,
    pub revision: u64,
}

impl Resource {
    pub fn key(&self) -> String {
        key_of(&self.namespace, &self.name)
    }

    /// The bytes its variable parts hold (texts, tags, data) plus its fixed fields: what a page
    /// of resources is weighed by unless its carrier has its own measure.
    pub fn size_bytes(&self) -> usize {
        const FIXED_BYTES: usize = 16 + 8 + 8 + 8;
        let texts = self.api_version.len()
            + self.namespace.len()
            + self.name.len()
            + self.kind.len()
            + self.owner.len();
        let tags: usize = self.tags.iter().map(|(k, v)| k.len() + v.len()).sum();
        FIXED_BYTES + texts + tags + self.data.len()
    }
}

/// What a writer gives for a create, update or put: every field but id, created and revision.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ResourceSpec {
    pub api_version: String,
    pub namespace: String,
    pub name: String,
    pub kind: String,
    pub owner: String,
    pub tags: BTreeMap<String, String>,
    pub cost: u64,
    pub data: Vec<u8>,
}

impl ResourceSpec {
    /// The resource this spec becomes with the fields the engine gives it: its id, when it was
    /// created, and its revision (the position of the batch that wrote it).
    pub fn into_resource(self, id: ResourceId, created_ms: u64, revision: u64) -> Resource {
        Resource {
            api_version: self.api_version,
            id,
            namespace: self.namespace,
            name: self.name,
            kind: self.kind,
            created_ms,
            owner: self.owner,
            tags: self.tags,
            cost: self.cost,
            data: self.data,
            revision,
        }
    }

    /// A spec with `apiVersion` `v1` and empty owner, tags, cost and data.
    pub fn new(namespace: &str, name: &str, kind: &str) -> Self {
        ResourceSpec {
            api_version: "v1".into(),
            namespace: namespace.into(),
            name: name.into(),
            kind: kind.into(),
            ..Default::default()
        }
    }

    pub fn with_data(mut self, data: impl Into<Vec<u8>>) -> Self {
        self.data = data.into();
        self
    }

    pub fn with_tag(mut self, key: &str, value: &str) -> Self {
        self.tags.insert(key.into(), value.into());
        self
    }

    pub fn key(&self) -> String {
        key_of(&self.namespace, &self.name)
    }

    /// Checks every field against its rule and limit.
    pub fn validate(&self) -> Result<(), ValidationError> {
        validate_fields(Fields {
            api_version: &self.api_version,
            namespace: &self.namespace,
            name: &self.name,
            kind: &self.kind,
            owner: &self.owner,
            tags: &self.tags,
            data: &self.data,
        })
    }
}

impl Resource {
    /// Checks every field a writer supplied against its rule and limit, as
    /// [`ResourceSpec::validate`] does: recovery runs it on every logged resource, which may come
    /// from a leader over the network.
    pub fn validate(&self) -> Result<(), ValidationError> {
        validate_fields(Fields {
            api_version: &self.api_version,
            namespace: &self.namespace,
            name: &self.name,
            kind: &self.kind,
            owner: &self.owner,
            tags: &self.tags,
            data: &self.data,
        })
    }
}

/// The writer-supplied fields of a resource, borrowed, for one validation of specs and resources.
struct Fields<'a> {
    api_version: &'a str,
    namespace: &'a str,
    name: &'a str,
    kind: &'a str,
    owner: &'a str,
    tags: &'a BTreeMap<String, String>,
    data: &'a [u8],
}

fn validate_fields(fields: Fields<'_>) -> Result<(), ValidationError> {
    validate_namespace(fields.namespace)?;
    validate_name(fields.name)?;
    validate_kind(fields.kind)?;
    validate_token(
        "apiVersion",
        fields.api_version,
        API_VERSION_BYTES_MAX,
        is_type_char,
    )?;
    validate_text("owner", fields.owner, OWNER_BYTES_MAX)?;
    if fields.tags.len() > TAG_COUNT_MAX {
        return Err(ValidationError::TooMany {
            field: "tags",
            count: fields.tags.len(),
            max: TAG_COUNT_MAX,
        });
    }
    for (key, value) in fields.tags {
        validate_tag_key(key)?;
        validate_tag_value(value)?;
    }
    if fields.data.len() > DATA_BYTES_MAX {
        return Err(ValidationError::TooLong {
            field: "data",
            len: fields.data.len(),
            max: DATA_BYTES_MAX,
        });
    }
    Ok(())
}

/// The key of a resource: its namespace path joined with its name.
pub fn key_of(namespace: &str, name: &str) -> String {
    // Built by hand, not with `format!`: every command of every commit makes its key (the
    // formatting machinery was 6 % of the shard thread's time).
    let namespace = if namespace == "/" { "" } else { namespace };
    let mut key = String::with_capacity(namespace.len() + 1 + name.len());
    key.push_str(namespace);
    key.push('/');
    key.push_str(name);
    key
}

/// A rule or limit that input broke. Nothing was written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValidationError {
    #[error("{field} is empty")]
    Empty { field: &'static str },
    #[error("{field} is {len} bytes, over the limit of {max}")]
    TooLong {
        field: &'static str,
        len: usize,
        max: usize,
    },
    #[error("{field} has {count} entries, over the limit of {max}")]
    TooMany {
        field: &'static str,
        count: usize,
        max: usize,
    },
    #[error("{field} {value:?} breaks the rule: {rule}")]
    Syntax {
        field: &'static str,
        value: String,
        rule: &'static str,
    },
    #[error("the batch has no commands")]
    EmptyBatch,
    #[error("the batch names {key} twice; one command per key in a batch")]
    DuplicateKey { key: String },
}

const SEGMENT_RULE: &str = "1 to 63 characters from A-Z a-z 0-9 . _ -, and not . or ..";

fn is_segment_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')
}

fn is_type_char(c: char) -> bool {
    is_segment_char(c) || c == '/'
}

/// A namespace is `/` or `/seg(/seg)*`, each segment following [`SEGMENT_RULE`].
pub fn validate_namespace(namespace: &str) -> Result<(), ValidationError> {
    let syntax = |rule| ValidationError::Syntax {
        field: "namespace",
        value: namespace.chars().take(64).collect(),
        rule,
    };
    if namespace.len() > NAMESPACE_BYTES_MAX {
        return Err(ValidationError::TooLong {
            field: "namespace",
            len: namespace.len(),
            max: NAMESPACE_BYTES_MAX,
        });
    }
    if namespace == "/" {
        return Ok(());
    }
    let Some(rest) = namespace.strip_prefix('/') else {
        return Err(syntax("starts with /"));
    };
    let mut depth = 0;
    for segment in rest.split('/') {
        depth += 1;
        if !is_valid_segment(segment, SEGMENT_BYTES_MAX) {
            return Err(syntax(SEGMENT_RULE));
        }
    }
    if depth > NAMESPACE_DEPTH_MAX {
        return Err(ValidationError::TooMany {
            field: "namespace segments",
            count: depth,
            max: NAMESPACE_DEPTH_MAX,
        });
    }
    Ok(())
}

/// A name follows the segment rule, up to `NAME_BYTES_MAX` bytes.
pub fn validate_name(name: &str) -> Result<(), ValidationError> {
    if name.len() > NAME_BYTES_MAX {
        return Err(ValidationError::TooLong {
            field: "name",
            len: name.len(),
            max: NAME_BYTES_MAX,
        });
    }
    if !is_valid_segment(name, NAME_BYTES_MAX) {
        return Err(ValidationError::Syntax {
            field: "name",
            value: name.chars().take(64).collect(),
            rule: "1 to 253 characters from A-Z a-z 0-9 . _ -, and not . or ..",
        });
    }
    Ok(())
}

/// A type is 1 to `TYPE_BYTES_MAX` characters from `A-Z a-z 0-9 . _ - /`.
pub fn validate_kind(kind: &str) -> Result<(), ValidationError> {
    validate_token("type", kind, TYPE_BYTES_MAX, is_type_char)
}

/// A tag key is 1 to `TAG_KEY_BYTES_MAX` characters from `A-Z a-z 0-9 . _ - /`.
pub fn validate_tag_key(key: &str) -> Result<(), ValidationError> {
    validate_token("tag key", key, TAG_KEY_BYTES_MAX, is_type_char)
}

/// A tag value is any text of at most `TAG_VALUE_BYTES_MAX` bytes without control characters
/// (so never 0x00, which the tag index uses as its terminator). It may be empty.
pub fn validate_tag_value(value: &str) -> Result<(), ValidationError> {
    validate_text("tag value", value, TAG_VALUE_BYTES_MAX)
}

fn is_valid_segment(segment: &str, max: usize) -> bool {
    !segment.is_empty()
        && segment.len() <= max
        && segment != "."
        && segment != ".."
        && segment.chars().all(is_segment_char)
}

fn validate_token(
    field: &'static str,
    value: &str,
    max: usize,
    allowed: fn(char) -> bool,
) -> Result<(), ValidationError> {
    if value.is_empty() {
        return Err(ValidationError::Empty { field });
    }
    if value.len() > max {
        return Err(ValidationError::TooLong {
            field,
            len: value.len(),
            max,
        });
    }
    if !value.chars().all(allowed) {
        return Err(ValidationError::Syntax {
            field,
            value: value.chars().take(64).collect(),
            rule: "characters from A-Z a-z 0-9 . _ - /",
        });
    }
    Ok(())
}

fn validate_text(field: &'static str, value: &str, max: usize) -> Result<(), ValidationError> {
    if value.len() > max {
        return Err(ValidationError::TooLong {
            field,
            len: value.len(),
            max,
        });
    }
    if value.chars().any(char::is_control) {
        return Err(ValidationError::Syntax {
            field,
            value: value.chars().take(64).collect(),
            rule: "no control characters",
        });
    }
    Ok(())
}

/// `namespace` and each of its ancestors, nearest first, ending with `/` (`/a/b`, `/a`, `/`): the
/// namespaces whose subtree holds it.
pub fn namespace_ancestors(namespace: &str) -> impl Iterator<Item = &str> {
    let mut next = Some(namespace);
    std::iter::from_fn(move || {
        let current = next?;
        next = match current.rfind('/') {
            _ if current == "/" => None,
            Some(0) => Some("/"),
            Some(cut) => Some(&current[..cut]),
            None => None,
        };
        Some(current)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_round_trips_through_hex_and_keeps_its_shard() {
        let id = ResourceId::new(0xdeadbeef, 7, 42, 3);
        let text = id.to_string();
        assert_eq!(text.len(), 32);
        assert_eq!(text.parse::<ResourceId>().unwrap(), id);
        assert_eq!(id.shard(), 7);
        assert_eq!(id.cluster_id(), 0xdeadbeef);
        assert!("xyz".parse::<ResourceId>().is_err());
    }

    #[test]
    fn namespaces_follow_the_path_rule() {
        for good in ["/", "/apps", "/apps/web/tasks", "/a.b/c_d/e-f"] {
            validate_namespace(good).unwrap();
        }
        for bad in [
            "", "apps", "/apps/", "//", "/a//b", "/a/./b", "/a/../b", "/a b", "/é",
        ] {
            assert!(validate_namespace(bad).is_err(), "{bad:?} accepted");
        }
        let deep = "/x".repeat(NAMESPACE_DEPTH_MAX + 1);
        assert!(matches!(
            validate_namespace(&deep),
            Err(ValidationError::TooMany { .. })
        ));
        let long = format!("/{}", "a".repeat(SEGMENT_BYTES_MAX + 1));
        assert!(validate_namespace(&long).is_err());
    }

    #[test]
    fn keys_join_namespace_and_name() {
        assert_eq!(key_of("/", "a"), "/a");
        assert_eq!(key_of("/apps/web", "t1"), "/apps/web/t1");
    }
}
