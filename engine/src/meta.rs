//! The engine's metadata file, `aorta.meta`, format version 1: the cluster the data directory
//! belongs to and its shard count (routing depends on it, so it may not change).
//!
//! The cluster id is fixed when the directory is made: given by the operator (every replica of a
//! cluster is made with the cluster's id, so replicas mint the same resource ids from the same log)
//! or, for a lone node, drawn at random then. It is never drawn again, and opening a directory with
//! another cluster id is refused.
//!
//! ```text
//! 0  8  magic "AORTAMET"
//! 8  1  format version = 1
//! 9  1  reserved, zero
//! 10 2  shard count, u16 little-endian
//! 12 4  cluster id, u32 little-endian (the first 4 bytes of every resource id)
//! 16 4  CRC32C of bytes 0..16
//! ```

use std::hash::{BuildHasher, Hasher};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::storage::{create_dir_durable, write_file_atomically, Storage};

pub const META_FILE: &str = "aorta.meta";
const MAGIC: &[u8; 8] = b"AORTAMET";
const VERSION: u8 = 1;
const META_BYTES: usize = 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Meta {
    pub shard_count: u16,
    pub cluster_id: u32,
}

fn encode(meta: Meta) -> [u8; META_BYTES] {
    let mut bytes = [0u8; META_BYTES];
    bytes[0..8].copy_from_slice(MAGIC);
    bytes[8] = VERSION;
    bytes[10..12].copy_from_slice(&meta.shard_count.to_le_bytes());
    bytes[12..16].copy_from_slice(&meta.cluster_id.to_le_bytes());
    let crc = crc32c::crc32c(&bytes[0..16]);
    bytes[16..20].copy_from_slice(&crc.to_le_bytes());
    bytes
}

fn decode(path: &Path, bytes: &[u8]) -> Result<Meta> {
    let corrupt = |reason: &str| Error::Corrupt {
        path: path.to_path_buf(),
        offset: 0,
        reason: reason.into(),
    };
    if bytes.len() != META_BYTES || &bytes[0..8] != MAGIC {
        return Err(corrupt("not an Aorta metadata file"));
    }
    if u32::from_le_bytes(bytes[16..20].try_into().unwrap()) != crc32c::crc32c(&bytes[0..16]) {
        return Err(corrupt("metadata checksum mismatch"));
    }
    if bytes[8] != VERSION {
        return Err(Error::Incompatible {
            path: path.to_path_buf(),
            reason: format!(
                "metadata format version {} (this build reads {VERSION})",
                bytes[8]
            ),
        });
    }
    Ok(Meta {
        shard_count: u16::from_le_bytes(bytes[10..12].try_into().unwrap()),
        cluster_id: u32::from_le_bytes(bytes[12..16].try_into().unwrap()),
    })
}

fn random_cluster_id() -> u32 {
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0),
    );
    hasher.write_u32(std::process::id());
    hasher.finish() as u32
}

/// Reads the metadata of `dir` (creating the directory durably if it is missing); `None` if the
/// directory is new. A shard count or a cluster id that differs from the recorded one is refused.
pub fn load<S: Storage>(
    storage: &mut S,
    dir: &Path,
    shard_count: Option<u16>,
    cluster_id: Option<u32>,
) -> Result<Option<Meta>> {
    let path: PathBuf = dir.join(META_FILE);
    create_dir_durable(storage, dir)
        .map_err(|e| Error::io(format!("creating data directory {}", dir.display()), e))?;
    match storage.open(&path, false) {
        Ok(file) => {
            let bytes = storage.read_all(file);
            storage.close(file);
            let bytes = bytes.map_err(|e| Error::io(format!("reading {}", path.display()), e))?;
            let meta = decode(&path, &bytes)?;
            if let Some(wanted) = shard_count {
                if wanted != meta.shard_count {
                    return Err(Error::Incompatible {
                        path,
                        reason: format!(
                            "made with {} shards, asked to open with {wanted}; the shard count of a data directory is fixed",
                            meta.shard_count
                        ),
                    });
                }
            }
            if let Some(wanted) = cluster_id {
                if wanted != meta.cluster_id {
                    return Err(Error::Incompatible {
                        path,
                        reason: format!(
                            "made for cluster {:#010x}, asked to open for cluster {wanted:#010x}; the cluster id of a data directory is fixed",
                            meta.cluster_id
                        ),
                    });
                }
            }
            Ok(Some(meta))
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(Error::io(format!("opening {}", path.display()), error)),
    }
}

/// The metadata of a new data directory: `shard_count` or else `default_shard_count` shards, and
/// `cluster_id` or else a random one.
pub fn fresh(shard_count: Option<u16>, default_shard_count: u16, cluster_id: Option<u32>) -> Meta {
    Meta {
        shard_count: shard_count.unwrap_or(default_shard_count),
        cluster_id: cluster_id.unwrap_or_else(random_cluster_id),
    }
}

/// Writes the metadata file of `dir` atomically (temporary file, sync, rename, directory sync).
pub fn write<S: Storage>(storage: &mut S, dir: &Path, meta: Meta) -> Result<()> {
    let path = dir.join(META_FILE);
    write_file_atomically(storage, &path, &encode(meta))
        .map_err(|e| Error::io(format!("writing {}", path.display()), e))
}
