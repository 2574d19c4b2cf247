//! The bloom filter block: a blocked bloom filter over a fixed, documented hash, so its persisted
//! bytes mean the same thing to every build of every version (see `docs/format.md`).
//!
//! Each key is hashed once: `h = xxh3_64(key)` with seed 0 (XXH3's output is fixed by its
//! specification since xxHash 0.8.0). The high 32 bits pick one 512-bit bucket (`(h >> 32) * n >>
//! 32`, for `n` buckets); the low 32 bits `a` and the odd step `d = rotr(a, 17) | 1` give the
//! `PROBES` bits in it: `a & 511`, `(a + d) & 511`, … (wrapping). Bit `b` of a bucket is bit
//! `b % 8` of its byte `b / 8`. One key touches one 64-byte cache line.
//!
//! At 10 bits per key and 7 probes the false positive rate is about 1% (measured in the tests).
//!
//! ```text
//! payload := probes u8 | reserved [3] = 0 | bucket_count u32 | bucket [64]{bucket_count}
//! ```

use super::error::{Block, ReadError};
use crate::limits::SSTABLE_ENTRIES_MAX;
use xxhash_rust::xxh3::xxh3_64;

/// Bits of the filter per key.
pub const BITS_PER_KEY: u64 = 10;
/// Bits set (and tested) per key.
pub const PROBES: u8 = 7;
/// Bytes of one bucket: one cache line, 512 bits.
pub const BUCKET_BYTES: usize = 64;
const BUCKET_BITS: u32 = (BUCKET_BYTES * 8) as u32;
/// Bytes before the buckets.
pub const FILTER_HEADER_BYTES: usize = 8;
/// Buckets in the largest filter the writer makes.
pub const BUCKETS_MAX: u64 = (SSTABLE_ENTRIES_MAX * BITS_PER_KEY).div_ceil(BUCKET_BITS as u64);
/// The most probes a reader accepts.
const PROBES_MAX: u8 = 16;

const _: () = assert!(BUCKET_BITS.is_power_of_two());
const _: () =
    assert!(FILTER_HEADER_BYTES as u64 + BUCKETS_MAX * BUCKET_BYTES as u64 <= u32::MAX as u64);

/// The filter hash of a key.
pub fn hash(key: &[u8]) -> u64 {
    xxh3_64(key)
}

fn bucket_of(h: u64, buckets: u32) -> usize {
    (((h >> 32) * u64::from(buckets)) >> 32) as usize
}

fn probe_bits(h: u64, probes: u8) -> impl Iterator<Item = u32> {
    let a = h as u32;
    let step = a.rotate_right(17) | 1;
    (0..u32::from(probes)).map(move |i| a.wrapping_add(step.wrapping_mul(i)) & (BUCKET_BITS - 1))
}

/// Appends the filter payload for the given key hashes.
pub fn encode(out: &mut Vec<u8>, hashes: &[u64]) {
    let buckets = (hashes.len() as u64 * BITS_PER_KEY)
        .div_ceil(u64::from(BUCKET_BITS))
        .max(1);
    debug_assert!(buckets <= BUCKETS_MAX);
    let buckets = buckets as u32;
    out.push(PROBES);
    out.extend_from_slice(&[0, 0, 0]);
    out.extend_from_slice(&buckets.to_le_bytes());
    let start = out.len();
    out.resize(start + buckets as usize * BUCKET_BYTES, 0);
    let bits = &mut out[start..];
    for &h in hashes {
        let bucket = &mut bits[bucket_of(h, buckets) * BUCKET_BYTES..][..BUCKET_BYTES];
        for bit in probe_bits(h, PROBES) {
            bucket[(bit / 8) as usize] |= 1 << (bit % 8);
        }
    }
}

/// A decoded filter, borrowing its buckets from the file.
#[derive(Clone, Copy, Debug)]
pub struct Filter<'a> {
    probes: u8,
    buckets: u32,
    bits: &'a [u8],
}

impl<'a> Filter<'a> {
    /// Decodes a verified filter payload.
    pub fn decode(block: Block, payload: &'a [u8]) -> Result<Self, ReadError> {
        if payload.len() < FILTER_HEADER_BYTES {
            return Err(ReadError::malformed(
                block,
                format!("{} bytes, shorter than the filter header", payload.len()),
            ));
        }
        let probes = payload[0];
        if probes == 0 || probes > PROBES_MAX {
            return Err(ReadError::malformed(
                block,
                format!("{probes} probes, outside 1..={PROBES_MAX}"),
            ));
        }
        if payload[1..4] != [0, 0, 0] {
            return Err(ReadError::malformed(block, "reserved bytes are not zero"));
        }
        let buckets = u32::from_le_bytes([payload[4], payload[5], payload[6], payload[7]]);
        if buckets == 0 || u64::from(buckets) > BUCKETS_MAX {
            return Err(ReadError::malformed(
                block,
                format!("{buckets} buckets, outside 1..={BUCKETS_MAX}"),
            ));
        }
        let bits = &payload[FILTER_HEADER_BYTES..];
        if bits.len() as u64 != u64::from(buckets) * BUCKET_BYTES as u64 {
            return Err(ReadError::malformed(
                block,
                format!(
                    "{} bytes of buckets, but {buckets} buckets of {BUCKET_BYTES} bytes",
                    bits.len()
                ),
            ));
        }
        Ok(Filter {
            probes,
            buckets,
            bits,
        })
    }

    /// False only if the key is certainly not in the table.
    pub fn may_contain(&self, key: &[u8]) -> bool {
        let h = hash(key);
        // bucket_of < buckets, and bits holds buckets * BUCKET_BYTES bytes (checked in decode).
        let bucket = &self.bits[bucket_of(h, self.buckets) * BUCKET_BYTES..][..BUCKET_BYTES];
        probe_bits(h, self.probes).all(|bit| bucket[(bit / 8) as usize] & (1 << (bit % 8)) != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter_of(keys: impl Iterator<Item = Vec<u8>>) -> Vec<u8> {
        let hashes: Vec<u64> = keys.map(|k| hash(&k)).collect();
        let mut out = Vec::new();
        encode(&mut out, &hashes);
        out
    }

    #[test]
    fn no_false_negatives_and_about_one_percent_false_positives() {
        let n = 20_000u32;
        let bytes = filter_of((0..n).map(|i| format!("/apps/web/key-{i}").into_bytes()));
        let filter = Filter::decode(Block::Filter { offset: 0 }, &bytes).unwrap();
        for i in 0..n {
            assert!(filter.may_contain(format!("/apps/web/key-{i}").as_bytes()));
        }
        let probes = 200_000u32;
        let hits = (0..probes)
            .filter(|i| filter.may_contain(format!("/apps/web/absent-{i}").as_bytes()))
            .count();
        let rate = hits as f64 / f64::from(probes);
        assert!(rate < 0.02, "false positive rate {rate}");
    }

    /// The persisted bytes must not change with a crate or compiler version: a fixed key set gives a
    /// fixed filter (the CRC32C of its bytes, recorded when the format was written).
    #[test]
    fn the_filter_bytes_are_stable() {
        assert_eq!(
            hash(b""),
            0x2d06800538d394c2,
            "xxh3_64 of the empty input, seed 0"
        );
        let bytes = filter_of((0..100u32).map(|i| i.to_be_bytes().to_vec()));
        assert_eq!(bytes.len(), FILTER_HEADER_BYTES + 2 * BUCKET_BYTES);
        assert_eq!(crc32c::crc32c(&bytes), STABLE_FILTER_CRC);
    }
    const STABLE_FILTER_CRC: u32 = 0xb760d8b8;
}
