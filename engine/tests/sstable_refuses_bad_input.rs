//! The writer refuses what the format cannot hold (keys out of order, a key or value over its limit,
//! an empty table, a block target out of bounds) with a typed error and appends nothing; the reader
//! refuses a truncated file, a wrong format version, a wrong magic, and well-checksummed blocks that
//! break the format, each with a typed error naming the block.

use aorta_engine::limits::{
    SSTABLE_BLOCK_BYTES_MAX, SSTABLE_BLOCK_BYTES_MIN, SSTABLE_KEY_BYTES_MAX,
    SSTABLE_VALUE_BYTES_MAX,
};
use aorta_engine::table::sstable::{
    Block, ReadError, Sstable, SstableWriter, WriteError, FOOTER_BYTES, FORMAT_VERSION,
};

fn good_entries(writer: &mut SstableWriter) {
    for i in 0..50u32 {
        writer
            .put(format!("key-{i:03}").as_bytes(), &[i as u8; 20])
            .unwrap();
    }
}

fn good_table() -> Vec<u8> {
    let mut writer = SstableWriter::with_block_bytes(256).unwrap();
    good_entries(&mut writer);
    writer.finish().unwrap()
}

/// Rewrites the footer's CRC after a deliberate change, so the checks behind it are reached.
fn reseal_footer(bytes: &mut [u8]) {
    let start = bytes.len() - FOOTER_BYTES;
    let crc = crc32c::crc32c(&bytes[start..start + 60]);
    bytes[start + 60..].copy_from_slice(&crc.to_le_bytes());
}

#[test]
fn keys_not_strictly_increasing_are_refused_and_nothing_is_appended() {
    let mut writer = SstableWriter::with_block_bytes(256).unwrap();
    writer.put(b"b", b"1").unwrap();
    assert!(matches!(
        writer.put(b"b", b"again"),
        Err(WriteError::KeyNotIncreasing { .. })
    ));
    assert!(matches!(
        writer.delete(b"a"),
        Err(WriteError::KeyNotIncreasing { .. })
    ));
    assert!(matches!(
        writer.put(b"", b"x"),
        Err(WriteError::KeyNotIncreasing { .. })
    ));
    writer.put(b"c", b"3").unwrap();
    assert_eq!(writer.entry_count(), 2);
    let bytes = writer.finish().unwrap();

    let mut clean = SstableWriter::with_block_bytes(256).unwrap();
    clean.put(b"b", b"1").unwrap();
    clean.put(b"c", b"3").unwrap();
    assert_eq!(
        bytes,
        clean.finish().unwrap(),
        "the refused entries left no trace"
    );
}

#[test]
fn oversized_keys_and_values_are_refused() {
    let mut writer = SstableWriter::new();
    let key = vec![b'k'; SSTABLE_KEY_BYTES_MAX + 1];
    assert_eq!(
        writer.put(&key, b"v"),
        Err(WriteError::KeyTooLong {
            len: SSTABLE_KEY_BYTES_MAX + 1,
            max: SSTABLE_KEY_BYTES_MAX
        })
    );
    let value = vec![0u8; SSTABLE_VALUE_BYTES_MAX + 1];
    assert_eq!(
        writer.put(b"k", &value),
        Err(WriteError::ValueTooLong {
            len: SSTABLE_VALUE_BYTES_MAX + 1,
            max: SSTABLE_VALUE_BYTES_MAX
        })
    );
    assert_eq!(writer.entry_count(), 0);
    // The largest key and value are accepted and read back.
    let key = vec![b'k'; SSTABLE_KEY_BYTES_MAX];
    let value = vec![7u8; SSTABLE_VALUE_BYTES_MAX];
    writer.put(&key, &value).unwrap();
    let bytes = writer.finish().unwrap();
    let table = Sstable::open(&bytes).unwrap();
    assert_eq!(
        table.get(&key).unwrap().unwrap().value.bytes(),
        value.as_slice()
    );
}

#[test]
fn an_empty_table_and_block_targets_out_of_bounds_are_refused() {
    assert_eq!(SstableWriter::new().finish(), Err(WriteError::Empty));
    for value in [0, SSTABLE_BLOCK_BYTES_MIN - 1, SSTABLE_BLOCK_BYTES_MAX + 1] {
        assert!(matches!(
            SstableWriter::with_block_bytes(value),
            Err(WriteError::BlockBytesOutOfRange { .. })
        ));
    }
}

#[test]
fn every_truncation_of_a_table_is_refused() {
    let bytes = good_table();
    for len in 0..bytes.len() {
        let error = Sstable::open(&bytes[..len]).expect_err("a truncated table must not open");
        assert!(
            matches!(error.block(), Block::Footer { .. }),
            "len {len}: {error:?}"
        );
        if len < FOOTER_BYTES {
            assert!(
                matches!(error, ReadError::Malformed { .. }),
                "len {len}: {error:?}"
            );
        }
    }
    // A table with bytes cut from its front (the footer intact) is refused by the layout check.
    let error = Sstable::open(&bytes[1..]).unwrap_err();
    assert!(
        matches!(
            error,
            ReadError::Malformed {
                block: Block::Footer { .. },
                ..
            }
        ),
        "{error:?}"
    );
}

#[test]
fn a_wrong_format_version_is_refused() {
    let mut bytes = good_table();
    let at = bytes.len() - FOOTER_BYTES + 8;
    assert_eq!(bytes[at], FORMAT_VERSION);
    for version in [0, 2, 255] {
        bytes[at] = version;
        reseal_footer(&mut bytes);
        match Sstable::open(&bytes) {
            Err(ReadError::UnsupportedVersion {
                found,
                supported,
                block: Block::Footer { .. },
            }) => {
                assert_eq!((found, supported), (version, FORMAT_VERSION));
            }
            other => panic!("version {version}: {other:?}"),
        }
    }
}

#[test]
fn a_wrong_magic_is_refused() {
    let mut bytes = good_table();
    let start = bytes.len() - FOOTER_BYTES;
    bytes[start..start + 8].copy_from_slice(b"AORTAWAL");
    reseal_footer(&mut bytes);
    assert!(matches!(
        Sstable::open(&bytes),
        Err(ReadError::BadMagic { found, block: Block::Footer { .. } }) if &found == b"AORTAWAL"
    ));
    // Bytes that are not a table at all.
    let error = Sstable::open(&[0xAB; 4096]).unwrap_err();
    assert!(matches!(
        error,
        ReadError::Checksum {
            block: Block::Footer { offset: 4032 },
            ..
        }
    ));
}

/// A data block whose checksum holds but whose entry claims a key over the limit (a writer bug or a
/// forged file) is refused before anything is sliced, naming the block.
#[test]
fn a_checksummed_block_with_an_oversized_key_length_is_refused() {
    let mut bytes = good_table();
    let table = Sstable::open(&bytes).unwrap();
    let (block, extent) = table.block_extents()[0].clone();
    drop(table);
    let (start, end) = (extent.start as usize, extent.end as usize - 4);
    // The first entry's key length (u16 at payload byte 1).
    bytes[start + 1..start + 3]
        .copy_from_slice(&((SSTABLE_KEY_BYTES_MAX + 1) as u16).to_le_bytes());
    let crc = crc32c::crc32c(&bytes[start..end]);
    bytes[end..end + 4].copy_from_slice(&crc.to_le_bytes());
    let table = Sstable::open(&bytes).unwrap();
    let error = table
        .iter()
        .find_map(Result::err)
        .expect("the iteration reports the block");
    assert!(
        matches!(error, ReadError::Malformed { block: b, .. } if b == block),
        "{error:?}"
    );
    assert_eq!(
        block,
        Block::Data {
            number: 0,
            offset: 0
        }
    );
    let error = table.get(b"key-000").unwrap_err();
    assert_eq!(error.block(), block);
}
