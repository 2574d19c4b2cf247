//! History files: the changes of one flush, on disk, so that a shard's history survives restarts
//! and reaches back to its horizon whatever memory holds.
//!
//! Each flush writes, beside the table of its memtable, one history file (`<number>.hist` in the
//! shard's tables directory) holding every change at the positions the memtable covers
//! (`first_position..=last_position` of its [`HistoryMeta`]), and the manifest names both at once.
//! The file is an sstable (`docs/format.md`: blocks with CRC32C, index, filter, footer with a format
//! version) whose keys are (position, index within the batch) and whose values are the changes:
//!
//! ```text
//! key    8  position, u64 big-endian (so that keys sort in commit order)
//!        4  index of the change within its batch, u32 big-endian
//! value  8  commit time of the batch, ms since the Unix epoch, u64 little-endian
//!        1  action: 1 created, 2 updated, 3 deleted
//!        1  resources present: bit 0 old, bit 1 new (created: new; updated: both; deleted: old)
//!        .. if old: its revision u64 LE, its length u32 LE, the resource (table value encoding)
//!        .. if new: the resource (table value encoding), to the end; its revision is the position
//! ```
//!
//! Sans-IO but for [`write_history_file`], which writes through a `Storage` as a flush does.
//! Reading decodes whole resources (the values are not views): see `docs/benchmarks.md` for the
//! streaming rate this gives.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::codec::{decode_resource_value, encode_resource_value};
use crate::error::{Error, Result};
use crate::history::HistoryChange;
use crate::state::Action;
use crate::storage::Storage;
use crate::table::file::{open_sstable_file, table_error, OpenedTable};
use crate::table::manifest::{history_file_name, HistoryMeta};
use crate::table::sstable::{Sstable, SstableWriter, Value};
use crate::table::store::{write_sstable_file, FileWrites};

/// Bytes of a history key: position and index.
pub const HISTORY_KEY_BYTES: usize = 12;

/// The data block target of history files. They are read in order (a catch-up seeks once, then
/// streams), so the small blocks that make a table's point reads cheap buy nothing here, and larger
/// ones keep the index small: its entries are 26 bytes a block, so a file's index reaches
/// `SSTABLE_INDEX_BYTES_MAX` (64 MiB) only at 2.5 million blocks, which at 16 KiB is 40 GiB of
/// changes. (A flush of a memtable near `MEMTABLE_BYTES_MAX` made only of deletes of resources
/// over 16 KiB could still pass it, each change a block of its own: `architecture.md`, "Known
/// limits of this stage".)
pub const HISTORY_BLOCK_BYTES: usize = 16 * 1024;

const OLD_PRESENT: u8 = 1;
const NEW_PRESENT: u8 = 2;

/// The key of the `index`-th change of the batch at `position`.
pub fn change_key(position: u64, index: u32) -> [u8; HISTORY_KEY_BYTES] {
    let mut key = [0u8; HISTORY_KEY_BYTES];
    key[0..8].copy_from_slice(&position.to_be_bytes());
    key[8..12].copy_from_slice(&index.to_be_bytes());
    key
}

/// Appends the value of `change` (see the module doc).
pub fn encode_change_value(change: &HistoryChange, out: &mut Vec<u8>) {
    out.extend_from_slice(&change.commit_time_ms.to_le_bytes());
    out.push(match change.action {
        Action::Created => 1,
        Action::Updated => 2,
        Action::Deleted => 3,
    });
    let flags = if change.old.is_some() { OLD_PRESENT } else { 0 }
        | if change.new.is_some() { NEW_PRESENT } else { 0 };
    out.push(flags);
    if let Some(old) = &change.old {
        out.extend_from_slice(&old.revision.to_le_bytes());
        let length_at = out.len();
        out.extend_from_slice(&[0; 4]);
        encode_resource_value(old, out);
        let length = (out.len() - length_at - 4) as u32;
        out[length_at..length_at + 4].copy_from_slice(&length.to_le_bytes());
    }
    if let Some(new) = &change.new {
        encode_resource_value(new, out);
    }
}

/// Decodes one entry of a history file; accepts exactly what [`change_key`] and
/// [`encode_change_value`] produce (a change whose resources agree with its action) and never
/// panics.
pub fn decode_change(key: &[u8], value: &[u8]) -> std::result::Result<HistoryChange, String> {
    let key: [u8; HISTORY_KEY_BYTES] = key
        .try_into()
        .map_err(|_| format!("a history key of {} bytes", key.len()))?;
    let position = u64::from_be_bytes(key[0..8].try_into().unwrap());
    if position == 0 {
        return Err("a history key at position 0".into());
    }
    if value.len() < 10 {
        return Err(format!("a history value of {} bytes", value.len()));
    }
    let commit_time_ms = u64::from_le_bytes(value[0..8].try_into().unwrap());
    let action = match value[8] {
        1 => Action::Created,
        2 => Action::Updated,
        3 => Action::Deleted,
        other => return Err(format!("unknown action {other}")),
    };
    let flags = value[9];
    let expected = match action {
        Action::Created => NEW_PRESENT,
        Action::Updated => OLD_PRESENT | NEW_PRESENT,
        Action::Deleted => OLD_PRESENT,
    };
    if flags != expected {
        return Err(format!(
            "resources {flags:#04b} do not fit the action {action:?}"
        ));
    }
    let mut rest = &value[10..];
    let old = if flags & OLD_PRESENT != 0 {
        if rest.len() < 12 {
            return Err("a truncated old resource header".into());
        }
        let revision = u64::from_le_bytes(rest[0..8].try_into().unwrap());
        let length = u32::from_le_bytes(rest[8..12].try_into().unwrap()) as usize;
        if revision == 0 || revision >= position {
            return Err(format!(
                "an old resource at revision {revision} for a change at {position}"
            ));
        }
        let bytes = rest
            .get(12..12 + length)
            .ok_or("a truncated old resource")?;
        rest = &rest[12 + length..];
        Some(Arc::new(
            decode_resource_value(revision, bytes).map_err(|e| e.to_string())?,
        ))
    } else {
        None
    };
    let new = if flags & NEW_PRESENT != 0 {
        let new = decode_resource_value(position, rest).map_err(|e| e.to_string())?;
        rest = &[];
        Some(Arc::new(new))
    } else {
        None
    };
    if !rest.is_empty() {
        return Err("trailing bytes after the change".into());
    }
    Ok(HistoryChange {
        position,
        commit_time_ms,
        action,
        old,
        new,
    })
}

/// Writes the changes of one flush, the positions `first_position..=last_position` (in commit
/// order, at least one), as history file `number` in `dir`: written and fdatasynced (the caller
/// fsyncs the directory before a manifest names it). Returns its manifest entry.
pub fn write_history_file<S: Storage>(
    storage: &mut S,
    dir: &Path,
    number: u64,
    first_position: u64,
    last_position: u64,
    changes: &[HistoryChange],
) -> Result<HistoryMeta> {
    assert!(!changes.is_empty(), "a flush writes at least one change");
    assert!(changes[0].position >= first_position);
    assert!(changes[changes.len() - 1].position <= last_position);
    let path = dir.join(history_file_name(number));
    let mut value = Vec::new();
    let mut index = 0u32;
    let mut previous = 0u64;
    let mut times = (u64::MAX, 0u64);
    let entries = changes.iter().map(Ok);
    let writer = SstableWriter::with_block_bytes(HISTORY_BLOCK_BYTES)
        .expect("the history's block target is within the bounds");
    let written = write_sstable_file(
        storage,
        &path,
        "history file",
        FileWrites::Direct,
        writer,
        entries,
        |writer, change| {
            assert!(change.position >= previous, "changes in commit order");
            index = if change.position == previous {
                index + 1
            } else {
                0
            };
            previous = change.position;
            times = (
                times.0.min(change.commit_time_ms),
                times.1.max(change.commit_time_ms),
            );
            value.clear();
            encode_change_value(change, &mut value);
            writer.put(&change_key(change.position, index), &value)
        },
    )?;
    let (bytes, entries) = written.expect("at least one change was written");
    Ok(HistoryMeta {
        number,
        first_position,
        last_position,
        changes: entries,
        bytes,
        oldest_commit_ms: times.0,
        newest_commit_ms: times.1,
    })
}

/// One open history file: its bytes (mapped in production), decoded index and filter, and its
/// entry in the manifest. Immutable and shared by every reader; dropping it from the manifest
/// removes its name, and its bytes stay readable until the last reader lets go.
pub struct HistoryFile {
    meta: HistoryMeta,
    path: PathBuf,
    opened: OpenedTable,
}

impl std::fmt::Debug for HistoryFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HistoryFile")
            .field("path", &self.path)
            .field("meta", &self.meta)
            .finish()
    }
}

impl HistoryFile {
    /// Opens the history file the manifest names in `dir`; a missing file is corruption.
    pub fn open<S: Storage + ?Sized>(
        storage: &mut S,
        dir: &Path,
        meta: HistoryMeta,
    ) -> Result<HistoryFile> {
        let path = dir.join(meta.file_name());
        let opened = open_sstable_file(storage, &path, "history file", meta.bytes, meta.changes)?;
        Ok(HistoryFile { meta, path, opened })
    }

    pub fn meta(&self) -> &HistoryMeta {
        &self.meta
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn sstable(&self) -> &Sstable<'_> {
        self.opened.borrow_dependent()
    }

    /// Takes the file's mapped pages out of the process's resident set (see `resident`).
    pub fn release_resident(&self) {
        self.opened.borrow_owner().release_resident();
    }

    /// The file's changes at positions `>= from`, in commit order, decoded; a damaged block or
    /// entry is `Error::Corrupt` naming this file (and the block).
    pub fn changes_from(&self, from: u64) -> impl Iterator<Item = Result<HistoryChange>> + '_ {
        let seek = change_key(from.max(1), 0);
        self.sstable().range(seek.as_slice()..).map(move |entry| {
            let entry = entry.map_err(|error| table_error(&self.path, error))?;
            let value = match entry.value {
                Value::Put(bytes) => bytes,
                Value::Delete => return Err(self.corrupt("a tombstone in a history file".into())),
            };
            let change = decode_change(entry.key, value).map_err(|reason| self.corrupt(reason))?;
            if change.position < self.meta.first_position
                || change.position > self.meta.last_position
            {
                return Err(self.corrupt(format!(
                    "a change at {} outside the file's positions {}..={}",
                    change.position, self.meta.first_position, self.meta.last_position
                )));
            }
            Ok(change)
        })
    }

    fn corrupt(&self, reason: String) -> Error {
        Error::Corrupt {
            path: self.path.clone(),
            offset: 0,
            reason,
        }
    }
}

/// The history files a shard reads, oldest first, and the horizon below them.
#[derive(Clone, Debug, Default)]
pub struct HistoryFiles {
    /// The changes at or below this position were dropped.
    pub horizon: u64,
    /// They cover `horizon + 1 ..=` the last one's last position, contiguously.
    pub files: Vec<Arc<HistoryFile>>,
}

/// How many of the oldest history files `files` (oldest first) fall past the horizon `limits` set:
/// dropped from the oldest while the files hold more than `changes_max` changes or `bytes_max`
/// bytes, or more than `HISTORY_FILES_MAX` files, or the oldest's newest change is more than
/// `age_max_ms` older than the newest change of all. The newest file is always kept.
pub fn files_past_horizon(files: &[HistoryMeta], limits: &crate::history::HistoryLimits) -> usize {
    let mut changes: u64 = files.iter().map(|f| f.changes).sum();
    let mut bytes: u64 = files.iter().map(|f| f.bytes).sum();
    let newest_ms = files.iter().map(|f| f.newest_commit_ms).max().unwrap_or(0);
    let mut dropped = 0;
    while dropped + 1 < files.len() {
        let oldest = &files[dropped];
        let over = changes > limits.changes_max as u64
            || bytes > limits.bytes_max
            || files.len() - dropped > crate::limits::HISTORY_FILES_MAX
            || newest_ms.saturating_sub(oldest.newest_commit_ms) > limits.age_max_ms;
        if !over {
            break;
        }
        changes -= oldest.changes;
        bytes -= oldest.bytes;
        dropped += 1;
    }
    dropped
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::HistoryLimits;
    use crate::resource::{Resource, ResourceId};

    fn meta(number: u64, first: u64, last: u64, changes: u64, bytes: u64, ms: u64) -> HistoryMeta {
        HistoryMeta {
            number,
            first_position: first,
            last_position: last,
            changes,
            bytes,
            oldest_commit_ms: ms,
            newest_commit_ms: ms,
        }
    }

    fn limits(changes_max: usize, bytes_max: u64, age_max_ms: u64) -> HistoryLimits {
        HistoryLimits {
            changes_max,
            bytes_max,
            age_max_ms,
        }
    }

    #[test]
    fn the_oldest_files_past_any_limit_are_dropped_but_never_the_newest() {
        let files = [
            meta(1, 1, 10, 10, 1000, 1_000),
            meta(2, 11, 20, 10, 1000, 2_000),
            meta(3, 21, 30, 10, 1000, 3_000),
        ];
        let roomy = limits(1000, 1 << 20, 1 << 30);
        assert_eq!(files_past_horizon(&files, &roomy), 0);
        assert_eq!(files_past_horizon(&files, &limits(20, 1 << 20, 1 << 30)), 1);
        assert_eq!(files_past_horizon(&files, &limits(19, 1 << 20, 1 << 30)), 2);
        assert_eq!(files_past_horizon(&files, &limits(1000, 2000, 1 << 30)), 1);
        assert_eq!(files_past_horizon(&files, &limits(1000, 1 << 20, 1_000)), 1);
        assert_eq!(files_past_horizon(&files, &limits(1000, 1 << 20, 999)), 2);
        // A single file larger than every limit is kept: the newest changes are never dropped.
        assert_eq!(files_past_horizon(&files, &limits(1, 1, 1)), 2);
        assert_eq!(files_past_horizon(&files[2..], &limits(1, 1, 1)), 0);
        assert_eq!(files_past_horizon(&[], &limits(1, 1, 1)), 0);
    }

    #[test]
    fn file_count_is_bounded_whatever_the_horizon() {
        let max = crate::limits::HISTORY_FILES_MAX as u64;
        let files: Vec<HistoryMeta> = (0..max + 3)
            .map(|i| meta(i, i + 1, i + 1, 1, 100, 0))
            .collect();
        let roomy = limits(
            crate::limits::HISTORY_CHANGES_MAX,
            crate::limits::HISTORY_BYTES_MAX,
            crate::limits::HISTORY_AGE_MS_MAX,
        );
        assert_eq!(files_past_horizon(&files, &roomy), 3);
    }

    fn resource(name: &str, revision: u64) -> Arc<Resource> {
        let mut tags = std::collections::BTreeMap::new();
        tags.insert("env".to_string(), "prod".to_string());
        Arc::new(Resource {
            api_version: "v1".into(),
            id: ResourceId::new(7, 0, 3, 1),
            namespace: "/apps".into(),
            name: name.into(),
            kind: "task".into(),
            created_ms: 12,
            owner: "ops".into(),
            tags,
            cost: 5,
            data: vec![1, 2, 3],
            revision,
        })
    }

    fn change(position: u64, action: Action) -> HistoryChange {
        let (old, new) = match action {
            Action::Created => (None, Some(resource("a", position))),
            Action::Updated => (
                Some(resource("a", position - 1)),
                Some(resource("a", position)),
            ),
            Action::Deleted => (Some(resource("a", position - 2)), None),
        };
        HistoryChange {
            position,
            commit_time_ms: 99,
            action,
            old,
            new,
        }
    }

    #[test]
    fn changes_round_trip_and_refuse_what_does_not_fit_their_action() {
        for action in [Action::Created, Action::Updated, Action::Deleted] {
            let change = change(10, action);
            let mut value = Vec::new();
            encode_change_value(&change, &mut value);
            assert_eq!(
                decode_change(&change_key(10, 3), &value),
                Ok(change.clone())
            );
            for len in 0..value.len() {
                assert!(decode_change(&change_key(10, 3), &value[..len]).is_err());
            }
            let mut longer = value.clone();
            longer.push(0);
            assert!(decode_change(&change_key(10, 3), &longer).is_err());
            let mut wrong = value.clone();
            wrong[9] ^= 3;
            assert!(decode_change(&change_key(10, 3), &wrong).is_err());
        }
        // An old resource must be older than its change.
        let mut value = Vec::new();
        encode_change_value(&change(10, Action::Updated), &mut value);
        assert!(decode_change(&change_key(9, 0), &value).is_err());
        assert!(decode_change(&change_key(0, 0), &value).is_err());
        assert!(decode_change(&[0; 11], &value).is_err());
    }

    #[test]
    fn keys_sort_in_commit_order() {
        let keys = [
            change_key(1, 0),
            change_key(1, 1),
            change_key(2, 0),
            change_key(256, 0),
        ];
        assert!(keys.windows(2).all(|w| w[0] < w[1]));
    }
}
