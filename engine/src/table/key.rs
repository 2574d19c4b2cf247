//! Table keys: the order-preserving byte encoding of a resource's (namespace, name), so that a
//! namespace's direct children are one contiguous key range and its whole subtree another.
//!
//! ```text
//! resource key := 'k' | (segment 0x00)* | 0x01 | name        ('k' = 0x6B, the family byte)
//! id key       := 'i' | id (16 bytes, as in `ResourceId`)      ('i' = 0x69)
//! ```
//!
//! `/apps/web` + `task-1` is `6B "apps" 00 "web" 00 01 "task-1"`; `/` + `a` is `6B 01 "a"`. The
//! encoded namespace is exactly as long as the namespace string (each segment's leading `/` becomes
//! its trailing 0x00; the root `/` becomes nothing), so a resource key is at most
//! [`RESOURCE_KEY_BYTES_MAX`] = 1 + 256 + 1 + 253 = 511 bytes, within an sstable key.
//!
//! **Why it works.** Validated segments and names hold only `A-Z a-z 0-9 . _ -` (bytes 0x2D..=0x7A;
//! see `resource::validate_namespace`), so the separator 0x00 and the marker 0x01 never occur
//! inside a segment or a name, and both sort below every byte that can. Hence:
//! - *Injective.* The first 0x01 of a key ends its namespace; each 0x00 before it ends a segment.
//!   The bytes parse one way only, and [`decode_resource_key`] accepts exactly what
//!   [`encode_resource_key`] produces (it re-applies the validation rules).
//! - *Direct children are a prefix.* The resources whose namespace is N are exactly the keys
//!   starting with `'k' enc(N) 0x01` ([`children_range`]): a key of namespace M has that prefix
//!   only if its first 0x01 follows `enc(N)`, i.e. `enc(M) = enc(N)`, i.e. M = N.
//! - *A subtree is a prefix.* The resources whose namespace is N or below it are exactly the keys
//!   starting with `'k' enc(N)` ([`subtree_range`]): `enc(N)` ends with a whole segment and its
//!   0x00, so `/a` (`a 00`) is a prefix of `/a/b` (`a 00 b 00`) but not of `/ab` (`a b 00`) nor of
//!   `/a-b` (`a - b 00`). The string key `namespace/name` fails this: `-` (0x2D) and `.` (0x2E)
//!   sort below `/` (0x2F), so `/a-b/x` falls between `/a/x` and `/a/y`.
//!
//! **Order.** Keys sort bytewise (unsigned, a prefix first), which is a depth-first, pre-order walk
//! of the namespace tree: at each namespace, first its own resources by name (bytewise), then each
//! child namespace's whole subtree, the children by segment (bytewise, a segment before its
//! extensions: `/a` before `/a-b` before `/a.b` before `/ab`). The marker 0x01 sorts after the
//! separator 0x00 but before every segment byte, so a namespace's own resources come before its
//! sub-namespaces. Ranges are half-open `[start, end)`; `end` is the prefix with its last byte
//! incremented, which never carries (the last byte is 0x00, 0x01 or a family byte).
//!
//! **Index keys.** The type index and the tag index end with the resource key without its family
//! byte (its *tail*: `enc(N) 0x01 name`), after fields that each end with 0x00:
//!
//! ```text
//! type index key := 't' | type 0x00 | tail                     ('t' = 0x74)
//! tag index key  := 'g' | tag key 0x00 | tag value 0x00 | tail  ('g' = 0x67)
//! ```
//!
//! Types and tag keys hold only `A-Z a-z 0-9 . _ - /` and tag values no control character, so
//! none holds 0x00 and the first 0x00 after the family byte ends the type (the tag key), the next
//! the tag value. A field followed by its 0x00 is therefore never a prefix of another field followed
//! by its 0x00, and the argument above carries over to the tail: a type's resources in N's subtree
//! are the keys starting with `'t' type 0x00 enc(N)` ([`type_subtree_range`]), its resources in N
//! itself `... enc(N) 0x01` ([`type_children_range`]); a tag `key=value`'s resources in N's subtree
//! are `'g' key 0x00 value 0x00 enc(N)` ([`tag_value_subtree_range`]); and every resource carrying
//! the tag key, whatever its value and namespace, is `'g' key 0x00` ([`tag_key_range`]), by value
//! (bytewise, a value before its extensions), then in tree order.
//!
//! **No key is followed by 0x00 inside another.** If a table key `a` is a proper prefix of a table
//! key `b`, the byte of `b` after `a` is a name byte (0x2D or above), never 0x00: both have the same
//! family (it is their first byte; id keys all have the same length), so the same fixed fields and
//! the same first 0x01, and `a` ends inside `b`'s name. A multi-version layer may therefore append
//! `0x00 | version` to keys without one key's versions falling among another key's.

use crate::limits::{
    NAMESPACE_BYTES_MAX, NAME_BYTES_MAX, RESOURCE_KEY_BYTES_MAX, TAG_INDEX_KEY_BYTES_MAX,
    TYPE_INDEX_KEY_BYTES_MAX,
};
use crate::resource::{
    validate_kind, validate_name, validate_namespace, validate_tag_key, validate_tag_value,
    ResourceId, ValidationError,
};

/// First byte of every resource key (by namespace and name).
pub const FAMILY_RESOURCE: u8 = b'k';
/// First byte of every by-id index key.
pub const FAMILY_ID: u8 = b'i';
/// Ends each namespace segment; sorts below every byte a segment may hold.
pub const SEGMENT_END: u8 = 0x00;
/// Separates the namespace from the name; sorts above [`SEGMENT_END`], below every segment byte.
pub const NAME_MARKER: u8 = 0x01;
/// Bytes of a by-id key: the family byte and the 16-byte id.
pub const ID_KEY_BYTES: usize = 1 + 16;
/// First byte of every type index key.
pub const FAMILY_TYPE: u8 = b't';
/// First byte of every tag index key.
pub const FAMILY_TAG: u8 = b'g';
/// Ends the type, the tag key and the tag value in an index key; no character they may hold
/// encodes to it.
pub const FIELD_END: u8 = 0x00;

// The encoded namespace is as long as the namespace string, so the bound is the family byte, the
// namespace, the marker and the name.
const _: () = assert!(RESOURCE_KEY_BYTES_MAX == 1 + NAMESPACE_BYTES_MAX + 1 + NAME_BYTES_MAX);
// Segment bytes are `-` (0x2D) and above: neither the separator nor the marker can occur in one.
const _: () = assert!(SEGMENT_END < NAME_MARKER && NAME_MARKER < b'-');
// A range's end increments its prefix's last byte: none of them may be 0xFF.
const _: () = assert!(FAMILY_RESOURCE < u8::MAX && FAMILY_ID < u8::MAX);
const _: () = assert!(FAMILY_RESOURCE != FAMILY_ID);
const _: () = assert!(FAMILY_TYPE < u8::MAX && FAMILY_TAG < u8::MAX);
const _: () = assert!(FAMILY_TYPE != FAMILY_RESOURCE && FAMILY_TYPE != FAMILY_ID);
const _: () = assert!(FAMILY_TAG != FAMILY_RESOURCE && FAMILY_TAG != FAMILY_ID);
const _: () = assert!(FAMILY_TAG != FAMILY_TYPE);

/// A decoded resource key.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ResourceKey {
    pub namespace: String,
    pub name: String,
}

/// A half-open range of table keys, `start <= key < end`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyRange {
    pub start: Vec<u8>,
    pub end: Vec<u8>,
}

impl KeyRange {
    /// The keys that start with `prefix`. `prefix` is non-empty and its last byte is not 0xFF.
    fn of_prefix(prefix: Vec<u8>) -> Self {
        let mut end = prefix.clone();
        let last = end.last_mut().expect("a key prefix holds its family byte");
        assert!(*last < u8::MAX, "a key prefix ends in 0xFF");
        *last += 1;
        KeyRange { start: prefix, end }
    }

    pub fn contains(&self, key: &[u8]) -> bool {
        self.start.as_slice() <= key && key < self.end.as_slice()
    }
}

/// Why bytes are not a table key. Table keys come from sstables, which are checksummed: any of
/// these on a checksummed key means a bug in the writer, and the table must not be trusted.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    #[error("the table key is empty: expected a family byte")]
    Empty,
    #[error("the table key is {len} bytes, over the limit of {max}")]
    TooLong { len: usize, max: usize },
    #[error(
        "the table key starts with {found:#04x}, not the {family} family byte {expected:#04x}"
    )]
    WrongFamily {
        family: &'static str,
        expected: u8,
        found: u8,
    },
    #[error(
        "the table key ({len} bytes) has no namespace/name marker 0x01: it is truncated or not a resource key"
    )]
    NoMarker { len: usize },
    #[error("the table key has an empty namespace segment: a separator 0x00 at offset {offset} ends nothing")]
    EmptySegment { offset: usize },
    #[error("the namespace segment at offset {offset} of the table key runs into the marker 0x01 without its separator 0x00")]
    UnendedSegment { offset: usize },
    #[error("the table key has the byte {byte:#04x} at offset {offset}, which no namespace segment or name may hold")]
    BadByte { offset: usize, byte: u8 },
    #[error("the table key holds an invalid namespace or name: {0}")]
    Invalid(#[from] ValidationError),
    #[error("the by-id table key is {len} bytes; it must be {expected}")]
    IdLength { len: usize, expected: usize },
    #[error("the {field} that starts at offset {offset} of the index key has no terminator 0x00: the key is truncated")]
    UnendedField { field: &'static str, offset: usize },
    #[error("the {field} that starts at offset {offset} of the index key is not UTF-8")]
    NotUtf8 { field: &'static str, offset: usize },
}

/// Appends the key of (`namespace`, `name`) to `out`, after checking both against the rules of
/// `resource` (nothing is appended if either breaks one).
pub fn encode_resource_key_into(
    namespace: &str,
    name: &str,
    out: &mut Vec<u8>,
) -> Result<(), ValidationError> {
    validate_name(name)?;
    let start = out.len();
    push_namespace_prefix(namespace, out)?;
    out.push(NAME_MARKER);
    out.extend_from_slice(name.as_bytes());
    assert!(out.len() - start <= RESOURCE_KEY_BYTES_MAX);
    Ok(())
}

/// The key of (`namespace`, `name`); both must be valid.
pub fn encode_resource_key(namespace: &str, name: &str) -> Result<Vec<u8>, ValidationError> {
    let mut out = Vec::with_capacity(2 + namespace.len() + name.len());
    encode_resource_key_into(namespace, name, &mut out)?;
    Ok(out)
}

/// The keys of exactly the resources whose namespace is `namespace`, by name.
pub fn children_range(namespace: &str) -> Result<KeyRange, ValidationError> {
    let mut prefix = Vec::with_capacity(2 + namespace.len());
    push_namespace_prefix(namespace, &mut prefix)?;
    prefix.push(NAME_MARKER);
    Ok(KeyRange::of_prefix(prefix))
}

/// The keys of exactly the resources whose namespace is `namespace` or lies below it.
pub fn subtree_range(namespace: &str) -> Result<KeyRange, ValidationError> {
    let mut prefix = Vec::with_capacity(1 + namespace.len());
    push_namespace_prefix(namespace, &mut prefix)?;
    Ok(KeyRange::of_prefix(prefix))
}

/// Appends the family byte and `namespace`'s segments, each followed by [`SEGMENT_END`].
fn push_namespace_prefix(namespace: &str, out: &mut Vec<u8>) -> Result<(), ValidationError> {
    validate_namespace(namespace)?;
    out.push(FAMILY_RESOURCE);
    push_namespace_segments(namespace, out)
}

/// Appends `namespace`'s segments, each followed by [`SEGMENT_END`] (nothing for the root).
fn push_namespace_segments(namespace: &str, out: &mut Vec<u8>) -> Result<(), ValidationError> {
    validate_namespace(namespace)?;
    if namespace == "/" {
        return Ok(());
    }
    // Valid and not the root: `/seg(/seg)*`.
    for segment in namespace[1..].split('/') {
        out.extend_from_slice(segment.as_bytes());
        out.push(SEGMENT_END);
    }
    Ok(())
}

/// Decodes a resource key. Accepts exactly the outputs of [`encode_resource_key`]: anything else
/// is a typed error, never a panic.
pub fn decode_resource_key(key: &[u8]) -> Result<ResourceKey, KeyError> {
    let body = strip_family(key, FAMILY_RESOURCE, "resource")?;
    if key.len() > RESOURCE_KEY_BYTES_MAX {
        return Err(KeyError::TooLong {
            len: key.len(),
            max: RESOURCE_KEY_BYTES_MAX,
        });
    }
    decode_resource_tail(body, 1, key.len())
}

/// Decodes the resource key without its family byte that ends every key: `tail` starts at
/// `offset` in a key of `key_len` bytes (both only for the errors).
fn decode_resource_tail(
    tail: &[u8],
    offset: usize,
    key_len: usize,
) -> Result<ResourceKey, KeyError> {
    let Some(marker) = tail.iter().position(|&b| b == NAME_MARKER) else {
        return Err(KeyError::NoMarker { len: key_len });
    };
    let namespace = decode_namespace(&tail[..marker], offset)?;
    let name_bytes = &tail[marker + 1..];
    check_segment_bytes(name_bytes, offset + marker + 1)?;
    let name = ascii_string(name_bytes);
    validate_namespace(&namespace)?;
    validate_name(&name)?;
    Ok(ResourceKey { namespace, name })
}

/// The namespace path of `bytes`, the part of a key between its family byte (or index prefix) and
/// its marker; `bytes` starts at `offset` in the key.
fn decode_namespace(bytes: &[u8], offset: usize) -> Result<String, KeyError> {
    if bytes.is_empty() {
        return Ok("/".to_string());
    }
    let mut namespace = String::with_capacity(bytes.len());
    let mut segment_start = 0;
    for (i, &byte) in bytes.iter().enumerate() {
        if byte != SEGMENT_END {
            continue;
        }
        let segment = &bytes[segment_start..i];
        if segment.is_empty() {
            return Err(KeyError::EmptySegment { offset: offset + i });
        }
        check_segment_bytes(segment, offset + segment_start)?;
        namespace.push('/');
        namespace.push_str(&ascii_string(segment));
        segment_start = i + 1;
    }
    if segment_start != bytes.len() {
        return Err(KeyError::UnendedSegment {
            offset: offset + segment_start,
        });
    }
    Ok(namespace)
}

/// Refuses any byte outside `A-Z a-z 0-9 . _ -`; `offset` is where `bytes` starts in the key.
fn check_segment_bytes(bytes: &[u8], offset: usize) -> Result<(), KeyError> {
    match bytes.iter().position(|&b| !is_segment_byte(b)) {
        Some(i) => Err(KeyError::BadByte {
            offset: offset + i,
            byte: bytes[i],
        }),
        None => Ok(()),
    }
}

fn is_segment_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'.' | b'_' | b'-')
}

/// `bytes` passed [`check_segment_bytes`], so they are ASCII.
fn ascii_string(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| b as char).collect()
}

fn strip_family<'a>(key: &'a [u8], family: u8, what: &'static str) -> Result<&'a [u8], KeyError> {
    match key.split_first() {
        None => Err(KeyError::Empty),
        Some((&found, rest)) if found == family => Ok(rest),
        Some((&found, _)) => Err(KeyError::WrongFamily {
            family: what,
            expected: family,
            found,
        }),
    }
}

/// The by-id index key: [`FAMILY_ID`] then the id's 16 bytes, so ids sort as `ResourceId` does.
pub fn encode_id_key(id: ResourceId) -> [u8; ID_KEY_BYTES] {
    let mut key = [0u8; ID_KEY_BYTES];
    key[0] = FAMILY_ID;
    key[1..].copy_from_slice(&id.0);
    key
}

pub fn decode_id_key(key: &[u8]) -> Result<ResourceId, KeyError> {
    let body = strip_family(key, FAMILY_ID, "id")?;
    let bytes: [u8; 16] = body.try_into().map_err(|_| KeyError::IdLength {
        len: key.len(),
        expected: ID_KEY_BYTES,
    })?;
    Ok(ResourceId(bytes))
}

/// A decoded type index key: a resource of type `kind` at (`namespace`, `name`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TypeIndexKey {
    pub kind: String,
    pub namespace: String,
    pub name: String,
}

/// A decoded tag index key: a resource at (`namespace`, `name`) tagged `tag_key=tag_value`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TagIndexKey {
    pub tag_key: String,
    pub tag_value: String,
    pub namespace: String,
    pub name: String,
}

/// The type index key of the resource (`namespace`, `name`) of type `kind`; all must be valid.
pub fn encode_type_index_key(
    kind: &str,
    namespace: &str,
    name: &str,
) -> Result<Vec<u8>, ValidationError> {
    validate_name(name)?;
    let mut key = type_prefix(kind, 2 + namespace.len() + name.len())?;
    push_namespace_segments(namespace, &mut key)?;
    key.push(NAME_MARKER);
    key.extend_from_slice(name.as_bytes());
    assert!(key.len() <= TYPE_INDEX_KEY_BYTES_MAX);
    Ok(key)
}

/// The type index keys of exactly the resources of type `kind` whose namespace is `namespace` or
/// lies below it.
pub fn type_subtree_range(kind: &str, namespace: &str) -> Result<KeyRange, ValidationError> {
    let mut prefix = type_prefix(kind, namespace.len())?;
    push_namespace_segments(namespace, &mut prefix)?;
    Ok(KeyRange::of_prefix(prefix))
}

/// The type index keys of exactly the resources of type `kind` whose namespace is `namespace`.
pub fn type_children_range(kind: &str, namespace: &str) -> Result<KeyRange, ValidationError> {
    let mut prefix = type_prefix(kind, namespace.len() + 1)?;
    push_namespace_segments(namespace, &mut prefix)?;
    prefix.push(NAME_MARKER);
    Ok(KeyRange::of_prefix(prefix))
}

/// `'t' kind 0x00`, with room for `tail_bytes` more.
fn type_prefix(kind: &str, tail_bytes: usize) -> Result<Vec<u8>, ValidationError> {
    validate_kind(kind)?;
    let mut prefix = Vec::with_capacity(2 + kind.len() + tail_bytes);
    prefix.push(FAMILY_TYPE);
    push_field(kind, &mut prefix);
    Ok(prefix)
}

/// The tag index key of the resource (`namespace`, `name`) tagged `tag_key=tag_value`; all must
/// be valid (the value may be empty).
pub fn encode_tag_index_key(
    tag_key: &str,
    tag_value: &str,
    namespace: &str,
    name: &str,
) -> Result<Vec<u8>, ValidationError> {
    validate_name(name)?;
    let mut key = tag_value_prefix(tag_key, tag_value, 2 + namespace.len() + name.len())?;
    push_namespace_segments(namespace, &mut key)?;
    key.push(NAME_MARKER);
    key.extend_from_slice(name.as_bytes());
    assert!(key.len() <= TAG_INDEX_KEY_BYTES_MAX);
    Ok(key)
}

/// The tag index keys of exactly the resources tagged `tag_key=tag_value` whose namespace is
/// `namespace` or lies below it: the range an equality term scans, and a set-membership term one
/// such range per value.
pub fn tag_value_subtree_range(
    tag_key: &str,
    tag_value: &str,
    namespace: &str,
) -> Result<KeyRange, ValidationError> {
    let mut prefix = tag_value_prefix(tag_key, tag_value, namespace.len())?;
    push_namespace_segments(namespace, &mut prefix)?;
    Ok(KeyRange::of_prefix(prefix))
}

/// The tag index keys of exactly the resources tagged `tag_key=tag_value` whose namespace is
/// `namespace`.
pub fn tag_value_children_range(
    tag_key: &str,
    tag_value: &str,
    namespace: &str,
) -> Result<KeyRange, ValidationError> {
    let mut prefix = tag_value_prefix(tag_key, tag_value, namespace.len() + 1)?;
    push_namespace_segments(namespace, &mut prefix)?;
    prefix.push(NAME_MARKER);
    Ok(KeyRange::of_prefix(prefix))
}

/// The tag index keys of every resource that has the tag `tag_key`, whatever its value and
/// namespace (by value, then in tree order): the range an existence term scans. It is not
/// restricted to a subtree (each value's part of it is), so a scan of it filters by namespace.
pub fn tag_key_range(tag_key: &str) -> Result<KeyRange, ValidationError> {
    validate_tag_key(tag_key)?;
    let mut prefix = Vec::with_capacity(2 + tag_key.len());
    prefix.push(FAMILY_TAG);
    push_field(tag_key, &mut prefix);
    Ok(KeyRange::of_prefix(prefix))
}

/// `'g' tag_key 0x00 tag_value 0x00`, with room for `tail_bytes` more.
fn tag_value_prefix(
    tag_key: &str,
    tag_value: &str,
    tail_bytes: usize,
) -> Result<Vec<u8>, ValidationError> {
    validate_tag_key(tag_key)?;
    validate_tag_value(tag_value)?;
    let mut prefix = Vec::with_capacity(3 + tag_key.len() + tag_value.len() + tail_bytes);
    prefix.push(FAMILY_TAG);
    push_field(tag_key, &mut prefix);
    push_field(tag_value, &mut prefix);
    Ok(prefix)
}

/// Appends a validated type, tag key or tag value and its [`FIELD_END`].
fn push_field(field: &str, out: &mut Vec<u8>) {
    // The validation rules (segment characters and `/`, or no control characters) exclude it.
    assert!(!field.as_bytes().contains(&FIELD_END));
    out.extend_from_slice(field.as_bytes());
    out.push(FIELD_END);
}

/// Decodes a type index key. Accepts exactly the outputs of [`encode_type_index_key`]: anything
/// else is a typed error, never a panic.
pub fn decode_type_index_key(key: &[u8]) -> Result<TypeIndexKey, KeyError> {
    let body = strip_family(key, FAMILY_TYPE, "type index")?;
    check_length(key, TYPE_INDEX_KEY_BYTES_MAX)?;
    let (kind, tail) = take_field(body, 1, "type")?;
    check_token_bytes(kind, 1)?;
    let kind = ascii_string(kind);
    validate_kind(&kind)?;
    let tail_offset = key.len() - tail.len();
    let resource = decode_resource_tail(tail, tail_offset, key.len())?;
    Ok(TypeIndexKey {
        kind,
        namespace: resource.namespace,
        name: resource.name,
    })
}

/// Decodes a tag index key. Accepts exactly the outputs of [`encode_tag_index_key`]: anything
/// else is a typed error, never a panic.
pub fn decode_tag_index_key(key: &[u8]) -> Result<TagIndexKey, KeyError> {
    let body = strip_family(key, FAMILY_TAG, "tag index")?;
    check_length(key, TAG_INDEX_KEY_BYTES_MAX)?;
    let (tag_key, rest) = take_field(body, 1, "tag key")?;
    check_token_bytes(tag_key, 1)?;
    let tag_key = ascii_string(tag_key);
    validate_tag_key(&tag_key)?;
    let value_offset = key.len() - rest.len();
    let (tag_value, tail) = take_field(rest, value_offset, "tag value")?;
    let tag_value = std::str::from_utf8(tag_value)
        .map_err(|_| KeyError::NotUtf8 {
            field: "tag value",
            offset: value_offset,
        })?
        .to_string();
    validate_tag_value(&tag_value)?;
    let tail_offset = key.len() - tail.len();
    let resource = decode_resource_tail(tail, tail_offset, key.len())?;
    Ok(TagIndexKey {
        tag_key,
        tag_value,
        namespace: resource.namespace,
        name: resource.name,
    })
}

fn check_length(key: &[u8], max: usize) -> Result<(), KeyError> {
    if key.len() > max {
        return Err(KeyError::TooLong {
            len: key.len(),
            max,
        });
    }
    Ok(())
}

/// Splits `bytes` (at `offset` in the key) at its first [`FIELD_END`]: the field, and what
/// follows the terminator.
fn take_field<'a>(
    bytes: &'a [u8],
    offset: usize,
    field: &'static str,
) -> Result<(&'a [u8], &'a [u8]), KeyError> {
    match bytes.iter().position(|&b| b == FIELD_END) {
        Some(end) => Ok((&bytes[..end], &bytes[end + 1..])),
        None => Err(KeyError::UnendedField { field, offset }),
    }
}

/// Refuses any byte outside `A-Z a-z 0-9 . _ - /` (types and tag keys); `offset` is where
/// `bytes` starts in the key.
fn check_token_bytes(bytes: &[u8], offset: usize) -> Result<(), KeyError> {
    match bytes.iter().position(|&b| !is_segment_byte(b) && b != b'/') {
        Some(i) => Err(KeyError::BadByte {
            offset: offset + i,
            byte: bytes[i],
        }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The encoding's premise: no byte a valid name (or segment) may hold is 0x00 or 0x01, and
    /// this module's byte rule agrees with `resource`'s character rule on every byte.
    #[test]
    fn separator_and_marker_are_never_segment_bytes() {
        for byte in 0..=u8::MAX {
            let text = String::from_utf8_lossy(&[byte]).into_owned();
            let valid = validate_name(&format!("x{text}")).is_ok();
            assert_eq!(valid, is_segment_byte(byte), "byte {byte:#04x}");
            if valid {
                assert!(byte > NAME_MARKER);
            }
        }
    }

    #[test]
    fn examples_from_the_format_document() {
        let key = encode_resource_key("/apps/web", "task-1").unwrap();
        assert_eq!(key, b"kapps\0web\0\x01task-1");
        assert_eq!(encode_resource_key("/", "a").unwrap(), b"k\x01a");
        let children = children_range("/apps").unwrap();
        assert_eq!(children.start, b"kapps\0\x01");
        assert_eq!(children.end, b"kapps\0\x02");
        let subtree = subtree_range("/apps").unwrap();
        assert_eq!(subtree.start, b"kapps\0");
        assert_eq!(subtree.end, b"kapps\x01");
        assert_eq!(subtree_range("/").unwrap().start, b"k");
        assert_eq!(subtree_range("/").unwrap().end, b"l");
    }

    #[test]
    fn the_longest_key_meets_its_bound() {
        // 4 segments of 63 bytes and their slashes: 256 bytes.
        let namespace = format!("/{}", vec!["s".repeat(63); 4].join("/"));
        assert_eq!(namespace.len(), NAMESPACE_BYTES_MAX);
        let name = "n".repeat(NAME_BYTES_MAX);
        let key = encode_resource_key(&namespace, &name).unwrap();
        assert_eq!(key.len(), RESOURCE_KEY_BYTES_MAX);
        assert_eq!(decode_resource_key(&key).unwrap().namespace, namespace);
    }

    #[test]
    fn invalid_input_is_refused_and_nothing_is_appended() {
        let mut out = vec![7];
        assert!(encode_resource_key_into("/a//b", "x", &mut out).is_err());
        assert!(encode_resource_key_into("/a", "..", &mut out).is_err());
        assert!(encode_resource_key_into("/a", "", &mut out).is_err());
        assert_eq!(out, [7]);
        assert!(children_range("a").is_err());
        assert!(subtree_range("/a/").is_err());
    }

    #[test]
    fn id_keys_round_trip_and_sort_as_ids() {
        let a = ResourceId::new(1, 2, 3, 4);
        let b = ResourceId::new(1, 2, 3, 5);
        assert_eq!(decode_id_key(&encode_id_key(a)).unwrap(), a);
        assert!(encode_id_key(a) < encode_id_key(b));
        assert_eq!(
            decode_id_key(&encode_id_key(a)[..16]),
            Err(KeyError::IdLength {
                len: 16,
                expected: 17
            })
        );
        assert!(matches!(
            decode_id_key(b"k\x01a"),
            Err(KeyError::WrongFamily { .. })
        ));
    }
}
