//! A table's index is at most a 64th of its data, whatever its keys' lengths: a data block closes
//! at the target size, or at 64 times its index entry if that is more. So the largest table a
//! flush or a merge writes (`TABLE_DATA_BYTES_INDEXABLE`) always has an index within
//! `SSTABLE_INDEX_BYTES_MAX`, even with maximal keys and empty values, and short keys keep the
//! small default blocks that make point reads cheap.

use aorta_engine::limits::SSTABLE_KEY_BYTES_MAX;
use aorta_engine::table::sstable::{
    Block, Sstable, SstableWriter, BLOCK_BYTES_PER_INDEX_BYTE, BLOCK_TRAILER_BYTES,
};

/// Bytes of an index entry besides its key (length, offset, block length).
const INDEX_ENTRY_FIXED_BYTES: usize = 2 + 8 + 4;
/// Bytes of the index header besides the smallest key.
const INDEX_HEADER_FIXED_BYTES: usize = 4 + 2;

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
    // Every block but the last holds 64 times its index entry; the last block's entry, the
    // header with the smallest key and the index block's trailer come on top.
    let whole_blocks_bound = data / BLOCK_BYTES_PER_INDEX_BYTE as u64;
    let slack = (INDEX_HEADER_FIXED_BYTES
        + SSTABLE_KEY_BYTES_MAX
        + INDEX_ENTRY_FIXED_BYTES
        + SSTABLE_KEY_BYTES_MAX
        + BLOCK_TRAILER_BYTES) as u64;
    assert!(
        index <= whole_blocks_bound + slack,
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

/// The data blocks of a table but its last, each with its length.
fn whole_data_blocks(table: &Sstable<'_>) -> Vec<u64> {
    let mut blocks: Vec<u64> = table
        .block_extents()
        .into_iter()
        .filter(|(block, _)| matches!(block, Block::Data { .. }))
        .map(|(_, range)| range.end - range.start)
        .collect();
    blocks.pop();
    blocks
}

#[test]
fn keys_under_fifty_bytes_keep_the_four_kib_default_blocks() {
    // 48-byte keys: 64 × (14 + 48) = 3,968 bytes, under the 4 KiB target, so the target rules:
    // every block closes at the first entry that takes it to 4 KiB.
    let keys = (0..20_000u32)
        .map(|i| format!("/apps/ns/a-resource-with-a-longer-name-{i:09}").into_bytes());
    let bytes = table_of(keys, &[7u8; 256]);
    let table = Sstable::open(&bytes).unwrap();
    let blocks = whole_data_blocks(&table);
    assert!(blocks.len() > 100);
    let entry = (7 + 48 + 256) as u64;
    for &block in &blocks {
        let payload = block - BLOCK_TRAILER_BYTES as u64;
        assert!(
            (4096..4096 + entry).contains(&payload),
            "a block of {payload} payload bytes: not closed at the 4 KiB target"
        );
    }
}

#[test]
fn keys_over_fifty_bytes_get_blocks_of_sixty_four_index_entries() {
    // 100-byte keys: a block closes at 64 × (14 + 100) = 7,296 bytes, not at 4 KiB.
    let keys = (0..20_000u32).map(|i| {
        let mut key = format!("/apps/ns/{i:08}-").into_bytes();
        key.resize(100, b'k');
        key
    });
    let bytes = table_of(keys, &[7u8; 256]);
    let table = Sstable::open(&bytes).unwrap();
    let blocks = whole_data_blocks(&table);
    assert!(blocks.len() > 100);
    let close_at = (BLOCK_BYTES_PER_INDEX_BYTE * (INDEX_ENTRY_FIXED_BYTES + 100)) as u64;
    let entry = (7 + 100 + 256) as u64;
    for &block in &blocks {
        let payload = block - BLOCK_TRAILER_BYTES as u64;
        assert!(
            (close_at..close_at + entry).contains(&payload),
            "a block of {payload} payload bytes, not closed at {close_at}"
        );
    }
}
