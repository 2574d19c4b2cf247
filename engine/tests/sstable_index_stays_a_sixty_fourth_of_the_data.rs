//! A table's index is at most a 64th of its data, whatever its keys' lengths: a data block closes
//! at the target size, or at 64 times its index entry if that is more. So the largest table a
//! flush or a merge writes (`TABLE_DATA_BYTES_INDEXABLE`) always has an index within
//! `SSTABLE_INDEX_BYTES_MAX`, even with maximal keys and empty values, and short keys keep the
//! small default blocks that make point reads cheap.

use aorta_engine::limits::SSTABLE_KEY_BYTES_MAX;
use aorta_engine::table::sstable::{Block, Sstable, SstableWriter, BLOCK_BYTES_PER_INDEX_BYTE};

/// The data bytes (every data block with its trailer) and the index block's bytes of a table.
fn data_and_index_bytes(table: &Sstable<'_>) -> (u64, u64) {
    let (mut data, mut index) = (0, 0);
    for (block, range) in table.block_extents() {
        match block {
            Block::Data { .. } => data += range.end - range.start,
            Block::Index { .. } => index += range.end - range.start,
            Block::Filter { .. } | Block::Footer { .. } => {}
        }
    }
    (data, index)
}

fn table_of(keys: impl Iterator<Item = Vec<u8>>, value: &[u8]) -> Vec<u8> {
    let mut writer = SstableWriter::new();
    for key in keys {
        writer.put(&key, value).unwrap();
    }
    writer.finish().unwrap()
}

#[test]
fn maximal_keys_with_empty_values_get_long_blocks_and_a_small_index() {
    // 1 KiB keys, nothing else: with a block at the 4 KiB target, the index would be a quarter of
    // the data.
    let keys = (0..20_000u32).map(|i| {
        let mut key = format!("{i:08}").into_bytes();
        key.resize(SSTABLE_KEY_BYTES_MAX, b'k');
        key
    });
    let bytes = table_of(keys, b"");
    let table = Sstable::open(&bytes).unwrap();
    let (data, index) = data_and_index_bytes(&table);
    assert!(data > 20_000 * SSTABLE_KEY_BYTES_MAX as u64);
    // The last block may be short; every other one holds 64 times its index entry.
    let whole_blocks_bound = data / BLOCK_BYTES_PER_INDEX_BYTE as u64;
    let last_block_entry = 2 * SSTABLE_KEY_BYTES_MAX as u64;
    assert!(
        index <= whole_blocks_bound + last_block_entry,
        "index of {index} bytes for {data} data bytes: more than a 64th"
    );
    let blocks = u64::from(table.data_block_count());
    assert!(
        blocks <= data / (64 * SSTABLE_KEY_BYTES_MAX as u64) + 1,
        "{blocks} blocks for {data} bytes of 1 KiB keys: shorter than 64 index entries"
    );
    // Every key is still found.
    for i in [0u32, 1, 9_999, 19_999] {
        let mut key = format!("{i:08}").into_bytes();
        key.resize(SSTABLE_KEY_BYTES_MAX, b'k');
        assert!(table.get(&key).unwrap().is_some(), "key {i} lost");
    }
}

#[test]
fn short_keys_keep_the_four_kib_default_blocks() {
    let keys = (0..20_000u32).map(|i| format!("/apps/ns/res-{i:06}").into_bytes());
    let bytes = table_of(keys, &[7u8; 256]);
    let table = Sstable::open(&bytes).unwrap();
    let (data, _) = data_and_index_bytes(&table);
    let blocks = u64::from(table.data_block_count());
    let mean_block = data / blocks;
    assert!(
        (4 * 1024..5 * 1024).contains(&mean_block),
        "mean data block of {mean_block} bytes, not about 4 KiB"
    );
}
