//! One open sstable file of a shard: its bytes (mapped in production), its decoded index and filter,
//! and its entry in the manifest. Immutable and shared (`Arc`) by every read view that names it; a
//! compaction that replaces it removes the file's name, and the bytes stay readable until the last
//! view holding it is dropped.
//!
//! Entries are versions (`table::version`): a point read of a user key at a position seeks to the
//! newest version at or below it.

use std::path::{Path, PathBuf};

use self_cell::self_cell;

use super::manifest::TableMeta;
use super::sstable::{EntryRef, ReadError, Sstable, Value};
use super::version::{split_versioned, versioned_key};
use crate::error::Error;
use crate::storage::{FileBytes, Storage};

self_cell! {
    /// A file's bytes and the sstable decoded over them.
    pub(crate) struct OpenedTable {
        owner: FileBytes,
        #[covariant]
        dependent: Sstable,
    }
}

pub struct TableFile {
    meta: TableMeta,
    path: PathBuf,
    opened: OpenedTable,
}

impl std::fmt::Debug for TableFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TableFile")
            .field("path", &self.path)
            .field("meta", &self.meta)
            .finish()
    }
}

/// The version of a key a read found: its position, and its value (`None`: deleted there).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FoundVersion<'a> {
    pub position: u64,
    pub value: Option<&'a [u8]>,
}

impl TableFile {
    /// Opens the table the manifest names in `dir`. A missing file is corruption (the manifest
    /// names only durable tables), never an empty table.
    pub fn open<S: Storage + ?Sized>(
        storage: &mut S,
        dir: &Path,
        meta: TableMeta,
    ) -> Result<TableFile, Error> {
        let path = dir.join(meta.file_name());
        let opened = open_sstable_file(storage, &path, "table", meta.bytes, meta.entries)?;
        Ok(TableFile { meta, path, opened })
    }

    pub fn meta(&self) -> &TableMeta {
        &self.meta
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn sstable(&self) -> &Sstable<'_> {
        self.opened.borrow_dependent()
    }

    /// The newest version of `user_key` at or below `at` in this table, if it holds one.
    pub fn get(&self, user_key: &[u8], at: u64) -> Result<Option<FoundVersion<'_>>, Error> {
        if at < self.meta.min_position {
            return Ok(None);
        }
        let table = self.sstable();
        if !table.may_contain(user_key) {
            return Ok(None);
        }
        let seek = versioned_key(user_key, at);
        let Some(entry) = table.range(seek.as_slice()..).next() else {
            return Ok(None);
        };
        let entry = entry.map_err(|error| table_error(&self.path, error))?;
        let (key, position) = self.split(&entry)?;
        if key != user_key {
            return Ok(None);
        }
        debug_assert!(position <= at);
        Ok(Some(FoundVersion {
            position,
            value: match entry.value {
                Value::Put(bytes) => Some(bytes),
                Value::Delete => None,
            },
        }))
    }

    /// Splits an entry's versioned key, reporting a malformed one as corruption of this table.
    pub fn split<'e>(&self, entry: &EntryRef<'e>) -> Result<(&'e [u8], u64), Error> {
        split_versioned(entry.key).map_err(|error| Error::Corrupt {
            path: self.path.clone(),
            offset: 0,
            reason: format!("an entry's key is not a versioned key: {error}"),
        })
    }

    /// Takes the table's mapped pages out of the process's resident set (see `resident`).
    pub fn release_resident(&self) {
        self.opened.borrow_owner().release_resident();
    }

    /// Reports a read error of this table with its path.
    pub fn error(&self, error: ReadError) -> Error {
        table_error(&self.path, error)
    }
}

/// Maps (or reads) the sstable file at `path` that the manifest names as a `what` of `bytes` bytes
/// and `entries` entries, and checks its footer, index and filter. A missing file is corruption
/// (the manifest names only durable files), never an empty one.
pub(crate) fn open_sstable_file<S: Storage + ?Sized>(
    storage: &mut S,
    path: &Path,
    what: &str,
    bytes: u64,
    entries: u64,
) -> Result<OpenedTable, Error> {
    let corrupt = |offset, reason| Error::Corrupt {
        path: path.to_path_buf(),
        offset,
        reason,
    };
    let mapped = storage.map_file(path).map_err(|error| {
        if error.kind() == std::io::ErrorKind::NotFound {
            corrupt(
                0,
                format!("the manifest names this {what} but the file is missing"),
            )
        } else {
            Error::io(format!("opening {what} {}", path.display()), error)
        }
    })?;
    if mapped.len() as u64 != bytes {
        return Err(corrupt(
            mapped.len() as u64,
            format!(
                "the {what} has {} bytes, the manifest says {bytes}",
                mapped.len()
            ),
        ));
    }
    let opened = OpenedTable::try_new(mapped, |bytes| Sstable::open(bytes))
        .map_err(|error| table_error(path, error))?;
    let found = opened.borrow_dependent().entry_count();
    if found != entries {
        return Err(corrupt(
            0,
            format!("the {what} has {found} entries, the manifest says {entries}"),
        ));
    }
    Ok(opened)
}

/// A table's read error as the engine reports it: the file, the block and its offset.
pub fn table_error(path: &Path, error: ReadError) -> Error {
    Error::Corrupt {
        path: path.to_path_buf(),
        offset: error.block().offset(),
        reason: error.to_string(),
    }
}
