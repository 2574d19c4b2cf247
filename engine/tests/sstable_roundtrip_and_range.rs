//! An sstable gives back exactly what it was fed: every key with its put value or tombstone, no key
//! it was not fed, and `range(from..)` from any key equals the `BTreeMap`'s range, in order. Block
//! sizes vary so that tables have one block or many.

use std::collections::BTreeMap;

use aorta_engine::table::sstable::{Sstable, SstableWriter, Value};
use proptest::prelude::*;

/// `None` is a tombstone.
type Model = BTreeMap<Vec<u8>, Option<Vec<u8>>>;

fn write(model: &Model, block_bytes: usize) -> Vec<u8> {
    let mut writer = SstableWriter::with_block_bytes(block_bytes).unwrap();
    for (key, value) in model {
        match value {
            Some(v) => writer.put(key, v).unwrap(),
            None => writer.delete(key).unwrap(),
        }
    }
    writer.finish().unwrap()
}

fn as_value(value: &Option<Vec<u8>>) -> Value<'_> {
    match value {
        Some(v) => Value::Put(v),
        None => Value::Delete,
    }
}

fn model_strategy() -> impl Strategy<Value = Model> {
    // Short keys from a small alphabet so that prefixes, neighbours and the empty key all occur.
    let key = prop::collection::vec(prop::sample::select(vec![0u8, 1, b'a', b'b', 0xff]), 0..12);
    let value = prop::option::weighted(0.8, prop::collection::vec(any::<u8>(), 0..300));
    prop::collection::btree_map(key, value, 1..300)
}

/// Ranges start from every `range_step`-th key of the model and from every probe.
fn check(model: &Model, bytes: &[u8], probes: &[Vec<u8>], range_step: usize) {
    let table = Sstable::open(bytes).unwrap();
    assert_eq!(table.entry_count(), model.len() as u64);
    assert_eq!(table.first_key(), model.keys().next().unwrap().as_slice());
    assert_eq!(
        table.last_key(),
        model.keys().next_back().unwrap().as_slice()
    );

    for (key, value) in model {
        let entry = table.get(key).unwrap().expect("every key written is found");
        assert_eq!(entry.key, key.as_slice());
        assert_eq!(entry.value, as_value(value));
    }
    for probe in probes {
        let found = table.get(probe).unwrap();
        match model.get(probe) {
            Some(value) => assert_eq!(found.map(|e| e.value), Some(as_value(value))),
            None => assert_eq!(found, None, "a key never written is not found"),
        }
    }

    let all: Vec<_> = table.iter().map(|e| e.unwrap()).collect();
    assert_eq!(all.len(), model.len());
    for (entry, (key, value)) in all.iter().zip(model) {
        assert_eq!((entry.key, entry.value), (key.as_slice(), as_value(value)));
    }

    let starts = model.keys().step_by(range_step).chain(probes.iter());
    for start in starts {
        let got: Vec<_> = table
            .range(start.as_slice()..)
            .map(|e| e.unwrap())
            .collect();
        let want: Vec<_> = model.range(start.clone()..).collect();
        assert_eq!(got.len(), want.len(), "range from {start:?}");
        for (entry, (key, value)) in got.iter().zip(want) {
            assert_eq!((entry.key, entry.value), (key.as_slice(), as_value(value)));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn every_key_found_absent_keys_not_and_ranges_match_the_model(
        model in model_strategy(),
        block_bytes in 256usize..4096,
        probes in prop::collection::vec(prop::collection::vec(prop::sample::select(vec![0u8, 1, b'a', b'b', b'c', 0xff]), 0..13), 0..50),
    ) {
        let bytes = write(&model, block_bytes);
        check(&model, &bytes, &probes, 1);
    }

    /// Taking the finished blocks as they are made gives the same file as taking it whole.
    #[test]
    fn taking_bytes_as_they_are_ready_gives_the_same_file(model in model_strategy(), block_bytes in 256usize..2048) {
        let whole = write(&model, block_bytes);
        let mut writer = SstableWriter::with_block_bytes(block_bytes).unwrap();
        let mut streamed = Vec::new();
        for (key, value) in &model {
            writer.add(key, as_value(value)).unwrap();
            streamed.extend_from_slice(writer.ready());
            writer.take_ready();
            prop_assert_eq!(writer.position(), streamed.len() as u64);
        }
        streamed.extend(writer.finish().unwrap());
        prop_assert_eq!(streamed, whole);
    }
}

/// A larger table with the default 4 KiB blocks: resource-like keys, many blocks.
#[test]
fn a_table_of_20000_resource_keys_with_default_blocks() {
    let model: Model = (0..20_000u32)
        .map(|i| {
            let key = format!("/apps/ns-{:03}/res-{i:06}", i % 97).into_bytes();
            let value = (i % 10 != 0).then(|| vec![(i % 251) as u8; (i % 700) as usize]);
            (key, value)
        })
        .collect();
    let mut writer = SstableWriter::new();
    for (key, value) in &model {
        writer.add(key, as_value(value)).unwrap();
    }
    let bytes = writer.finish().unwrap();
    let table = Sstable::open(&bytes).unwrap();
    assert!(table.data_block_count() > 100);
    let probes: Vec<Vec<u8>> = vec![
        b"".to_vec(),
        b"/apps/ns-050/".to_vec(),
        b"/apps/ns-050/res-0".to_vec(),
        b"/apps/ns-096/res-019999".to_vec(),
        b"/zzz".to_vec(),
    ];
    check(&model, &bytes, &probes, 997);
}
