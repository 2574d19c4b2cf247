//! Every single flipped bit of an sstable is detected and reported as a checksum error naming the
//! block it is in — never wrong data, never a panic. A flip in the footer, index or filter fails
//! `open`; a flip in a data block (payload or trailer) fails every `get` of a key in that block and
//! the full iteration when it reaches the block, while the entries before it and the keys of other
//! blocks still read back exactly.

use aorta_engine::table::sstable::{Block, ReadError, Sstable, SstableWriter, Value};

fn entries() -> Vec<(Vec<u8>, Option<Vec<u8>>)> {
    (0..40u32)
        .map(|i| {
            let key = format!("/ns/key-{i:03}").into_bytes();
            let value = (i % 7 != 3).then(|| {
                format!("value {i}")
                    .repeat((i % 4) as usize + 1)
                    .into_bytes()
            });
            (key, value)
        })
        .collect()
}

fn value_of(value: &Option<Vec<u8>>) -> Value<'_> {
    value.as_deref().map_or(Value::Delete, Value::Put)
}

fn table_bytes() -> Vec<u8> {
    let mut writer = SstableWriter::with_block_bytes(256).unwrap();
    for (key, value) in &entries() {
        writer.add(key, value_of(value)).unwrap();
    }
    writer.finish().unwrap()
}

fn is_checksum_of(error: &ReadError, block: Block) -> bool {
    matches!(error, ReadError::Checksum { block: b, .. } if *b == block)
}

#[test]
fn every_flipped_bit_is_a_checksum_error_naming_its_block() {
    let pristine = table_bytes();
    let entries = entries();
    let extents = Sstable::open(&pristine).unwrap().block_extents();
    assert!(
        extents.len() >= 3 + 4,
        "the table should have several data blocks: {extents:?}"
    );
    // The extents tile the file.
    assert_eq!(extents.first().unwrap().1.start, 0);
    assert_eq!(extents.last().unwrap().1.end, pristine.len() as u64);
    assert!(extents.windows(2).all(|w| w[0].1.end == w[1].1.start));

    let mut data_flips = 0;
    for bit in 0..pristine.len() * 8 {
        let mut bytes = pristine.clone();
        bytes[bit / 8] ^= 1 << (bit % 8);
        let damaged = extents
            .iter()
            .find(|(_, extent)| extent.contains(&((bit / 8) as u64)))
            .map(|(block, _)| *block)
            .unwrap();

        let table = match Sstable::open(&bytes) {
            Err(error) => {
                assert!(
                    !matches!(damaged, Block::Data { .. }) && is_checksum_of(&error, damaged),
                    "bit {bit}: open says {error:?}, expected a checksum error in {damaged}"
                );
                continue;
            }
            Ok(table) => table,
        };
        let Block::Data { number, .. } = damaged else {
            panic!("bit {bit} in {damaged}: open accepted the table");
        };
        data_flips += 1;

        // Full iteration: exact entries up to the damaged block, then its checksum error, then nothing.
        let mut iter = table.iter();
        let mut read = 0;
        let error = loop {
            match iter.next() {
                Some(Ok(entry)) => {
                    let (key, value) = &entries[read];
                    assert_eq!(
                        (entry.key, entry.value),
                        (key.as_slice(), value_of(value)),
                        "bit {bit}"
                    );
                    read += 1;
                }
                Some(Err(error)) => break error,
                None => panic!("bit {bit} in {damaged}: the iteration ended without an error"),
            }
        };
        assert!(
            is_checksum_of(&error, damaged),
            "bit {bit}: iteration says {error:?}, expected {damaged}"
        );
        assert!(iter.next().is_none(), "the iterator stops after an error");

        // Point reads: keys in the damaged block fail naming it, others read back exactly.
        for (key, value) in &entries {
            match table.get(key) {
                Ok(Some(entry)) => {
                    assert_eq!(entry.value, value_of(value), "bit {bit}, key {key:?}")
                }
                Ok(None) => panic!("bit {bit}: key {key:?} lost without an error"),
                Err(error) => assert!(
                    is_checksum_of(&error, damaged),
                    "bit {bit}: get {key:?} says {error:?}, expected {damaged}"
                ),
            }
        }
        let in_block = entries
            .iter()
            .filter(|(key, _)| table.get(key).is_err())
            .count();
        assert!(
            in_block >= 1,
            "bit {bit}: no get touched data block {number}"
        );
    }
    assert!(data_flips > 0);
}
