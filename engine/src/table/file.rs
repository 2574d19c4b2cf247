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
    struct OpenedTable {
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
        let bytes = storage.map_file(&path).map_err(|error| {
            if error.kind() == std::io::ErrorKind::NotFound {
                Error::Corrupt {
                    path: path.clone(),
                    offset: 0,
                    reason: "the manifest names this table but the file is missing".into(),
                }
            } else {
                Error::io(format!("opening table {}", path.display()), error)
            }
        })?;
        if bytes.len() as u64 != meta.bytes {
            return Err(Error::Corrupt {
                path,
                offset: bytes.len() as u64,
                reason: format!(
                    "the table has {} bytes, the manifest says {}",
                    bytes.len(),
                    meta.bytes
                ),
            });
        }
        let opened = OpenedTable::try_new(bytes, |bytes| Sstable::open(bytes))
            .map_err(|error| table_error(&path, error))?;
        if opened.borrow_dependent().entry_count() != meta.entries {
            return Err(Error::Corrupt {
                path,
                offset: 0,
                reason: format!(
                    "the table has {} entries, the manifest says {}",
                    opened.borrow_dependent().entry_count(),
                    meta.entries
                ),
            });
        }
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

    /// Reports a read error of this table with its path.
    pub fn error(&self, error: ReadError) -> Error {
        table_error(&self.path, error)
    }
}

/// A table's read error as the engine reports it: the file, the block and its offset.
pub fn table_error(path: &Path, error: ReadError) -> Error {
    Error::Corrupt {
        path: path.to_path_buf(),
        offset: error.block().offset(),
        reason: error.to_string(),
    }
}
