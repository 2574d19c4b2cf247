//! Continuation tokens: where the next page of a query starts, handed to the client as URL-safe
//! text and handed back unchanged.
//!
//! ```text
//! token  := base64url-without-padding(body | crc32c(body) as u32 LE)
//! body   := version u8 (= 1) | fingerprint u64 LE | shards u16 LE (1..=SHARDS_MAX)
//!         | position u64 LE, one per shard
//!         | resume, one per shard
//! resume := 0x00                                  start: the shard has returned nothing yet
//!         | 0x01 | shared u16 LE | suffix_len u16 LE | suffix   after this table key
//!         | 0x02                                  done: the shard has nothing more to return
//! ```
//!
//! The key a shard resumes after is `previous[..shared] | suffix`, where `previous` is the key of
//! the nearest earlier shard that resumes after a key (the empty key for the first) and `shared` is
//! exactly the length of their common prefix: a query's keys all lie in one index range and often
//! in one namespace, so they share long prefixes, and a token resuming on a few shards is a few
//! hundred characters. The worst case is bounded by [`QUERY_TOKEN_BYTES_MAX`].
//!
//! **Trust.** The CRC32C catches a token damaged or mangled on its way (a truncated URL, a pasted
//! fragment); the fingerprint catches a token sent with another query. Neither authenticates: a
//! client can build any token. A decoded token is well formed (bounded, canonical: [`Token::decode`]
//! accepts exactly what [`Token::encode`] produces), but the executor must still check that its
//! shard count is the engine's and that each key lies in the query's range.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;

use crate::limits::{
    QUERY_TOKEN_BINARY_BYTES_MAX, QUERY_TOKEN_BYTES_MAX, SHARDS_MAX, TABLE_KEY_BYTES_MAX,
};
use crate::query::Query;

/// The format version this module writes and reads.
pub const TOKEN_FORMAT_VERSION: u8 = 1;

const RESUME_START: u8 = 0;
const RESUME_AFTER: u8 = 1;
const RESUME_DONE: u8 = 2;
/// Version, fingerprint and shard count.
const HEADER_BYTES: usize = 1 + 8 + 2;
const CRC_BYTES: usize = 4;
/// The shortest body: one shard, its position and a one-byte resume point.
const BINARY_BYTES_MIN: usize = HEADER_BYTES + 8 + 1 + CRC_BYTES;

const _: () = assert!(QUERY_TOKEN_BINARY_BYTES_MAX.div_ceil(3) * 4 <= QUERY_TOKEN_BYTES_MAX);

/// Where one shard's part of the answer continues.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ShardResume {
    /// Nothing returned from this shard yet: start at the beginning of the range.
    Start,
    /// Continue after this table key, the last one returned from this shard.
    After(Vec<u8>),
    /// Everything from this shard has been returned.
    Done,
}

/// A continuation token: the query it belongs to (by fingerprint), the positions the answer is
/// consistent at, and where each shard resumes. Valid by construction (see [`Token::new`]).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Token {
    fingerprint: u64,
    positions: Vec<u64>,
    resume: Vec<ShardResume>,
}

/// Why a token was refused. The client should start the query again without a token.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    #[error("the query token is {len} characters, over the limit of {max}")]
    TooLong { len: usize, max: usize },
    #[error("the query token is not URL-safe base64 without padding: {0}")]
    NotBase64(#[from] base64::DecodeError),
    #[error("the query token holds {len} bytes, fewer than the {min} of the smallest token")]
    TooShort { len: usize, min: usize },
    #[error(
        "the query token is damaged: its CRC32C is {stored:#010x}, its bytes give {computed:#010x}"
    )]
    Checksum { stored: u32, computed: u32 },
    #[error("the query token has format version {found}; this engine reads version {supported}")]
    Version { found: u8, supported: u8 },
    #[error("the query token names {count} shards; it must be 1 to {max}")]
    ShardCount { count: usize, max: usize },
    #[error(
        "the query token has {positions} positions but {resume} resume points; one each per shard"
    )]
    Lengths { positions: usize, resume: usize },
    #[error("the query token ends at byte {offset}, inside {what}")]
    Truncated { offset: usize, what: &'static str },
    #[error("the query token's resume point of shard {shard} has the unknown kind {tag:#04x}")]
    ResumeKind { shard: usize, tag: u8 },
    #[error("the query token's resume key of shard {shard} is {len} bytes; it must be 1 to {max}")]
    ResumeKeyLength {
        shard: usize,
        len: usize,
        max: usize,
    },
    #[error("the query token's resume key of shard {shard} shares {shared} bytes with the previous key, which has only {previous}")]
    SharedPrefix {
        shard: usize,
        shared: usize,
        previous: usize,
    },
    #[error("the query token's resume key of shard {shard} is not written in its shortest form")]
    NotCanonical { shard: usize },
    #[error("the query token has {len} bytes after its end at byte {offset}")]
    TrailingBytes { offset: usize, len: usize },
    #[error("every shard of the query token is done: there is no next page")]
    NothingToResume,
    #[error(
        "the query token names {token} shards; this engine has {engine}: start the query again"
    )]
    ShardCountMismatch { token: usize, engine: usize },
    #[error("the query token's resume point of shard {shard} lies outside the query's ranges; start the query again")]
    ResumeOutsideQuery { shard: usize },
    #[error("the query token belongs to another query (fingerprint {token:#018x}, this query's is {query:#018x}); send the same query or start again")]
    OtherQuery { token: u64, query: u64 },
}

impl Token {
    /// A token for the query of `fingerprint`: one position and one resume point per shard (1 to
    /// [`SHARDS_MAX`] shards), each resume key 1 to [`TABLE_KEY_BYTES_MAX`] bytes, and at least
    /// one shard not done (otherwise the page is the last and has no token).
    pub fn new(
        fingerprint: u64,
        positions: Vec<u64>,
        resume: Vec<ShardResume>,
    ) -> Result<Self, TokenError> {
        if positions.len() != resume.len() {
            return Err(TokenError::Lengths {
                positions: positions.len(),
                resume: resume.len(),
            });
        }
        check_shard_count(positions.len())?;
        for (shard, point) in resume.iter().enumerate() {
            if let ShardResume::After(key) = point {
                check_key_length(shard, key.len())?;
            }
        }
        if resume.iter().all(|point| *point == ShardResume::Done) {
            return Err(TokenError::NothingToResume);
        }
        Ok(Token {
            fingerprint,
            positions,
            resume,
        })
    }

    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// The position, per shard, at which the answer is consistent.
    pub fn positions(&self) -> &[u64] {
        &self.positions
    }

    /// Where each shard resumes.
    pub fn resume(&self) -> &[ShardResume] {
        &self.resume
    }

    /// Refuses the token unless it was made for a query with `query`'s fingerprint.
    pub fn check_query(&self, query: &Query) -> Result<(), TokenError> {
        let expected = query.fingerprint();
        if self.fingerprint != expected {
            return Err(TokenError::OtherQuery {
                token: self.fingerprint,
                query: expected,
            });
        }
        Ok(())
    }

    /// The token's text: at most [`QUERY_TOKEN_BYTES_MAX`] URL-safe characters.
    pub fn encode(&self) -> String {
        let mut body = Vec::with_capacity(HEADER_BYTES + self.positions.len() * 16 + CRC_BYTES);
        body.push(TOKEN_FORMAT_VERSION);
        body.extend_from_slice(&self.fingerprint.to_le_bytes());
        let shards = u16::try_from(self.positions.len()).expect("at most SHARDS_MAX shards");
        body.extend_from_slice(&shards.to_le_bytes());
        for position in &self.positions {
            body.extend_from_slice(&position.to_le_bytes());
        }
        let mut previous: &[u8] = &[];
        for point in &self.resume {
            match point {
                ShardResume::Start => body.push(RESUME_START),
                ShardResume::Done => body.push(RESUME_DONE),
                ShardResume::After(key) => {
                    let shared = common_prefix_len(previous, key);
                    body.push(RESUME_AFTER);
                    push_u16(shared, &mut body);
                    push_u16(key.len() - shared, &mut body);
                    body.extend_from_slice(&key[shared..]);
                    previous = key;
                }
            }
        }
        let crc = crc32c::crc32c(&body);
        body.extend_from_slice(&crc.to_le_bytes());
        assert!(body.len() <= QUERY_TOKEN_BINARY_BYTES_MAX);
        let text = URL_SAFE_NO_PAD.encode(&body);
        assert!(text.len() <= QUERY_TOKEN_BYTES_MAX);
        text
    }

    /// Reads a token's text. Accepts exactly what [`Token::encode`] produces; anything else is a
    /// typed error, never a panic, and nothing is allocated before the length is checked.
    pub fn decode(text: &str) -> Result<Self, TokenError> {
        if text.len() > QUERY_TOKEN_BYTES_MAX {
            return Err(TokenError::TooLong {
                len: text.len(),
                max: QUERY_TOKEN_BYTES_MAX,
            });
        }
        let bytes = URL_SAFE_NO_PAD.decode(text)?;
        if bytes.len() < BINARY_BYTES_MIN {
            return Err(TokenError::TooShort {
                len: bytes.len(),
                min: BINARY_BYTES_MIN,
            });
        }
        let (body, crc) = bytes.split_at(bytes.len() - CRC_BYTES);
        let stored = u32::from_le_bytes(crc.try_into().expect("split at CRC_BYTES"));
        let computed = crc32c::crc32c(body);
        if stored != computed {
            return Err(TokenError::Checksum { stored, computed });
        }
        decode_body(body)
    }
}

/// Reads a body whose checksum matched.
fn decode_body(body: &[u8]) -> Result<Token, TokenError> {
    let mut reader = Reader { body, offset: 0 };
    let version = reader.take(1, "the version")?[0];
    if version != TOKEN_FORMAT_VERSION {
        return Err(TokenError::Version {
            found: version,
            supported: TOKEN_FORMAT_VERSION,
        });
    }
    let fingerprint = reader.u64("the fingerprint")?;
    let shards = usize::from(reader.u16("the shard count")?);
    check_shard_count(shards)?;
    let mut positions = Vec::with_capacity(shards);
    for _ in 0..shards {
        positions.push(reader.u64("the positions")?);
    }
    let mut resume: Vec<ShardResume> = Vec::with_capacity(shards);
    let mut previous: Option<usize> = None;
    for shard in 0..shards {
        let point = read_resume(&mut reader, shard, previous.map(|i| &resume[i]))?;
        if matches!(point, ShardResume::After(_)) {
            previous = Some(shard);
        }
        resume.push(point);
    }
    if reader.offset != body.len() {
        return Err(TokenError::TrailingBytes {
            offset: reader.offset,
            len: body.len() - reader.offset,
        });
    }
    Token::new(fingerprint, positions, resume)
}

/// Reads one shard's resume point; `previous` is the nearest earlier `After` point.
fn read_resume(
    reader: &mut Reader<'_>,
    shard: usize,
    previous: Option<&ShardResume>,
) -> Result<ShardResume, TokenError> {
    let tag = reader.take(1, "a resume point")?[0];
    match tag {
        RESUME_START => return Ok(ShardResume::Start),
        RESUME_DONE => return Ok(ShardResume::Done),
        RESUME_AFTER => {}
        _ => return Err(TokenError::ResumeKind { shard, tag }),
    }
    let previous: &[u8] = match previous {
        Some(ShardResume::After(key)) => key,
        _ => &[],
    };
    let shared = usize::from(reader.u16("a resume key's shared length")?);
    let suffix_len = usize::from(reader.u16("a resume key's suffix length")?);
    if shared > previous.len() {
        return Err(TokenError::SharedPrefix {
            shard,
            shared,
            previous: previous.len(),
        });
    }
    check_key_length(shard, shared + suffix_len)?;
    let suffix = reader.take(suffix_len, "a resume key")?;
    let mut key = Vec::with_capacity(shared + suffix_len);
    key.extend_from_slice(&previous[..shared]);
    key.extend_from_slice(suffix);
    if common_prefix_len(previous, &key) != shared {
        return Err(TokenError::NotCanonical { shard });
    }
    Ok(ShardResume::After(key))
}

fn check_shard_count(count: usize) -> Result<(), TokenError> {
    if count == 0 || count > SHARDS_MAX {
        return Err(TokenError::ShardCount {
            count,
            max: SHARDS_MAX,
        });
    }
    Ok(())
}

fn check_key_length(shard: usize, len: usize) -> Result<(), TokenError> {
    if len == 0 || len > TABLE_KEY_BYTES_MAX {
        return Err(TokenError::ResumeKeyLength {
            shard,
            len,
            max: TABLE_KEY_BYTES_MAX,
        });
    }
    Ok(())
}

fn common_prefix_len(a: &[u8], b: &[u8]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

fn push_u16(value: usize, out: &mut Vec<u8>) {
    let value = u16::try_from(value).expect("key lengths are at most TABLE_KEY_BYTES_MAX");
    out.extend_from_slice(&value.to_le_bytes());
}

/// Reads fields in order from a token body, refusing to run past its end.
struct Reader<'a> {
    body: &'a [u8],
    offset: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, len: usize, what: &'static str) -> Result<&'a [u8], TokenError> {
        let body: &'a [u8] = self.body;
        let bytes = body
            .get(self.offset..self.offset + len)
            .ok_or(TokenError::Truncated {
                offset: body.len(),
                what,
            })?;
        self.offset += len;
        Ok(bytes)
    }

    fn u16(&mut self, what: &'static str) -> Result<u16, TokenError> {
        let bytes = self.take(2, what)?;
        Ok(u16::from_le_bytes([bytes[0], bytes[1]]))
    }

    fn u64(&mut self, what: &'static str) -> Result<u64, TokenError> {
        let bytes = self.take(8, what)?;
        Ok(u64::from_le_bytes(bytes.try_into().expect("took 8 bytes")))
    }
}
