//! PLACEHOLDER — replaced by the mvcc-memtable branch's version.rs at merge.
pub const VERSION_SUFFIX_BYTES: usize = 9;

pub fn encode_versioned_into(user_key: &[u8], position: u64, out: &mut Vec<u8>) {
    out.extend_from_slice(user_key);
    out.push(0);
    out.extend_from_slice(&(!position).to_be_bytes());
}

pub fn versioned_key(user_key: &[u8], position: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(user_key.len() + VERSION_SUFFIX_BYTES);
    encode_versioned_into(user_key, position, &mut out);
    out
}

#[derive(Debug, thiserror::Error)]
#[error("bad versioned key")]
pub struct VersionKeyError;

pub fn split_versioned(key: &[u8]) -> Result<(&[u8], u64), VersionKeyError> {
    if key.len() < VERSION_SUFFIX_BYTES || key[key.len() - 9] != 0 {
        return Err(VersionKeyError);
    }
    let (user, suffix) = key.split_at(key.len() - 9);
    Ok((user, !u64::from_be_bytes(suffix[1..].try_into().unwrap())))
}
