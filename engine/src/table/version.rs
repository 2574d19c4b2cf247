//! MVCC internal keys: every stored entry (memtable or sstable) is one *version* of a *user key*
//! (a resource key, an id key or an index key of `table::key`), written at a commit *position*.
//!
//! ```text
//! internal key := user_key | 0x00 | !position (u64, big-endian)       (suffix: 9 bytes)
//! ```
//!
//! **Order.** Internal keys sort bytewise by user key, then by position *newest first* (the
//! position is inverted, so a larger position is a smaller suffix). Seeking to
//! [`versioned_key`]`(k, at)` therefore lands on the newest version of `k` at or below `at`, if `k`
//! has one; all versions of `k` lie in `[`[`all_versions_start`]`(k)`,
//! [`all_versions_end_inclusive`]`(k)]`.
//!
//! **Precondition on user keys.** The 0x00 terminator keeps the order by user key when one user
//! key is a prefix of another: `ab` + 0x00 + suffix sorts before `abc…` because 0x00 is below
//! `c`. That holds only if *no user key is a proper prefix of another user key whose next byte is
//! 0x00*: otherwise `a` + 0x00 + suffix and `a 00 b` + 0x00 + suffix interleave. The engine's user
//! keys keep it: a resource key ends with its name (bytes `A-Z a-z 0-9 . _ -`, never 0x00) after
//! its only marker 0x01, so a resource key that extends another continues the name with a name
//! byte; id keys all have 17 bytes; families differ in their first byte. Any new key family must
//! keep it too. It is not checked here (it is a property of the whole key set, not of one key).
//!
//! **Entries.** [`VersionedEntry`] is one (internal key, value or tombstone) as the memtable and the
//! sstable reader hand it out, with bytes borrowed from the memtable's arena or a table's bytes
//! ([`EntryBytes::Borrowed`]) or shared ([`EntryBytes::Shared`], an `Arc` a caller built), never
//! copied.

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use super::sstable::{EntryRef, Value};
use crate::limits::{SSTABLE_KEY_BYTES_MAX, TABLE_USER_KEY_BYTES_MAX};

/// Bytes that follow the user key in an internal key: the terminator and the inverted position.
pub const VERSION_SUFFIX_BYTES: usize = 1 + 8;
/// Ends the user key inside an internal key; it sorts below every other byte.
pub const USER_KEY_TERMINATOR: u8 = 0x00;

// The limit on user keys leaves exactly the suffix's room in an sstable key.
const _: () = assert!(TABLE_USER_KEY_BYTES_MAX + VERSION_SUFFIX_BYTES == SSTABLE_KEY_BYTES_MAX);

/// Why bytes are not an internal key. Internal keys come from the memtable (built here) or from
/// checksummed sstables, so either means a bug in a writer: the table must not be trusted.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum VersionKeyError {
    #[error("the internal key is {len} bytes, shorter than its {VERSION_SUFFIX_BYTES}-byte version suffix")]
    TooShort { len: usize },
    #[error("the internal key ({len} bytes) has {found:#04x} where its user key's terminator 0x00 belongs (offset {offset})")]
    MissingTerminator {
        len: usize,
        offset: usize,
        found: u8,
    },
}

/// Appends the internal key of `user_key`'s version at `position` to `out`.
pub fn encode_versioned_into(user_key: &[u8], position: u64, out: &mut Vec<u8>) {
    assert!(
        user_key.len() <= TABLE_USER_KEY_BYTES_MAX,
        "a user key of {} bytes is over TABLE_USER_KEY_BYTES_MAX ({TABLE_USER_KEY_BYTES_MAX})",
        user_key.len()
    );
    out.reserve(user_key.len() + VERSION_SUFFIX_BYTES);
    out.extend_from_slice(user_key);
    out.push(USER_KEY_TERMINATOR);
    out.extend_from_slice(&(!position).to_be_bytes());
}

/// The internal key of `user_key`'s version at `position`. As a seek target it is the newest
/// version of `user_key` at or below `position`: the first internal key at or after it is that
/// version, if `user_key` has one (check that its user key is `user_key`).
pub fn versioned_key(user_key: &[u8], position: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(user_key.len() + VERSION_SUFFIX_BYTES);
    encode_versioned_into(user_key, position, &mut out);
    out
}

/// The smallest internal key of `user_key`: its version at `u64::MAX`, before all of its versions.
/// Also the exclusive end of every user key below `user_key` (by the precondition on user keys).
pub fn all_versions_start(user_key: &[u8]) -> Vec<u8> {
    versioned_key(user_key, u64::MAX)
}

/// The largest internal key of `user_key` (`user_key | 0x00 | FF×8`, its version at position 0),
/// inclusive: every version of `user_key` is at or before it.
pub fn all_versions_end_inclusive(user_key: &[u8]) -> Vec<u8> {
    versioned_key(user_key, 0)
}

/// Splits an internal key into its user key and its position.
pub fn split_versioned(key: &[u8]) -> Result<(&[u8], u64), VersionKeyError> {
    let Some(user_key_len) = key.len().checked_sub(VERSION_SUFFIX_BYTES) else {
        return Err(VersionKeyError::TooShort { len: key.len() });
    };
    let (user_key, suffix) = key.split_at(user_key_len);
    if suffix[0] != USER_KEY_TERMINATOR {
        return Err(VersionKeyError::MissingTerminator {
            len: key.len(),
            offset: user_key_len,
            found: suffix[0],
        });
    }
    let mut inverted = [0u8; 8];
    inverted.copy_from_slice(&suffix[1..]);
    Ok((user_key, !u64::from_be_bytes(inverted)))
}

/// Bytes of a key or a value handed out by a table: borrowed from a memtable's or an sstable's
/// bytes, or shared (a reference count, no copy). Compares, orders and prints as its bytes.
#[derive(Clone)]
pub enum EntryBytes<'a> {
    Borrowed(&'a [u8]),
    Shared(Arc<[u8]>),
}

impl Deref for EntryBytes<'_> {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            EntryBytes::Borrowed(bytes) => bytes,
            EntryBytes::Shared(bytes) => bytes,
        }
    }
}

impl AsRef<[u8]> for EntryBytes<'_> {
    fn as_ref(&self) -> &[u8] {
        self
    }
}

impl PartialEq for EntryBytes<'_> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl Eq for EntryBytes<'_> {}

impl PartialOrd for EntryBytes<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for EntryBytes<'_> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (**self).cmp(&**other)
    }
}

impl fmt::Debug for EntryBytes<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02x?}", &**self)
    }
}

/// One version as a table hands it out: its internal key and its value, `None` for a tombstone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VersionedEntry<'a> {
    pub key: EntryBytes<'a>,
    pub value: Option<EntryBytes<'a>>,
}

impl<'a> VersionedEntry<'a> {
    pub fn is_tombstone(&self) -> bool {
        self.value.is_none()
    }

    /// The value's bytes, `None` for a tombstone.
    pub fn value_bytes(&self) -> Option<&[u8]> {
        self.value.as_deref()
    }

    /// The value as `SstableWriter::add` takes it.
    pub fn sstable_value(&self) -> Value<'_> {
        match &self.value {
            Some(bytes) => Value::Put(bytes),
            None => Value::Delete,
        }
    }

    /// The user key and the position of the internal key.
    pub fn split(&self) -> Result<(&[u8], u64), VersionKeyError> {
        split_versioned(&self.key)
    }
}

/// An sstable entry, still borrowing the table's bytes.
impl<'a> From<EntryRef<'a>> for VersionedEntry<'a> {
    fn from(entry: EntryRef<'a>) -> Self {
        let value = match entry.value {
            Value::Put(bytes) => Some(EntryBytes::Borrowed(bytes)),
            Value::Delete => None,
        };
        VersionedEntry {
            key: EntryBytes::Borrowed(entry.key),
            value,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_suffix_inverts_the_position_big_endian() {
        let key = versioned_key(b"ab", 1);
        assert_eq!(key, b"ab\0\xff\xff\xff\xff\xff\xff\xff\xfe");
        assert_eq!(split_versioned(&key).unwrap(), (&b"ab"[..], 1));
        assert_eq!(all_versions_start(b"ab"), b"ab\0\0\0\0\0\0\0\0\0");
        assert_eq!(
            all_versions_end_inclusive(b"ab"),
            b"ab\0\xff\xff\xff\xff\xff\xff\xff\xff"
        );
    }

    #[test]
    fn bad_keys_are_typed_errors() {
        assert_eq!(
            split_versioned(&[0; 8]),
            Err(VersionKeyError::TooShort { len: 8 })
        );
        assert_eq!(
            split_versioned(b"a\x01\0\0\0\0\0\0\0\0"),
            Err(VersionKeyError::MissingTerminator {
                len: 10,
                offset: 1,
                found: 1
            })
        );
        assert_eq!(split_versioned(&[0; 9]), Ok((&[][..], u64::MAX)));
    }
}
