//! Sstable format 1: data block decoding, on arbitrary block bytes and on damaged valid tables.
//!
//! The first input byte picks the mode (`% 2`).
//! - Mode 0, raw block: the input is `n` (1 byte), the block's index last key (`n % 64` bytes), then
//!   the block payload. The target wraps it in an otherwise valid table written here from the layout
//!   in `docs/format.md` (one data block with its CRC32C, an index naming it with the payload's first
//!   bytes' key as smallest key, a filter with every bit set, a footer), so the entry decoder is
//!   reached with any payload. `open` accepts the table; the iteration and `get` never panic, every
//!   error names data block 0 at offset 0, and the entries iterated rise strictly.
//! - Mode 1, built table: the input describes entries (key and value lengths and bytes taken from
//!   the input, ~1/5 tombstones) and a block target; the writer makes a table. Unchanged, it opens
//!   and gives back exactly the entries (iteration and `get`). Then one fuzz-chosen bit is flipped:
//!   `open` fails, or reading (iteration and `get` of every key) either gives back exactly the
//!   entries written or an error naming the damaged block — never other data.
#![no_main]

use std::collections::BTreeMap;

use aorta_engine::table::sstable::{
    Block, Sstable, SstableWriter, Value, DATA_BLOCK_BYTES_MAX, FORMAT_VERSION, MAGIC,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    if mode % 2 == 0 {
        raw_block(rest);
    } else {
        built_table(rest);
    }
});

fn seal(out: &mut Vec<u8>, start: usize) {
    let crc = crc32c::crc32c(&out[start..]);
    out.extend_from_slice(&crc.to_le_bytes());
}

/// A table around one arbitrary data block payload, written from the documented layout.
fn wrap_block(last_key: &[u8], smallest_key: &[u8], payload: &[u8]) -> Vec<u8> {
    let mut file = payload.to_vec();
    seal(&mut file, 0);
    let index_offset = file.len() as u64;
    file.extend_from_slice(&1u32.to_le_bytes());
    file.extend_from_slice(&(smallest_key.len() as u16).to_le_bytes());
    file.extend_from_slice(smallest_key);
    file.extend_from_slice(&(last_key.len() as u16).to_le_bytes());
    file.extend_from_slice(last_key);
    file.extend_from_slice(&0u64.to_le_bytes());
    file.extend_from_slice(&(payload.len() as u32).to_le_bytes());
    let index_len = file.len() as u64 - index_offset;
    seal(&mut file, index_offset as usize);
    let filter_offset = file.len() as u64;
    file.extend_from_slice(&[7, 0, 0, 0]);
    file.extend_from_slice(&1u32.to_le_bytes());
    file.extend_from_slice(&[0xff; 64]);
    seal(&mut file, filter_offset as usize);
    let footer = file.len();
    file.extend_from_slice(&MAGIC);
    file.extend_from_slice(&[FORMAT_VERSION, 0, 0, 0]);
    file.extend_from_slice(&1u32.to_le_bytes());
    file.extend_from_slice(&1u64.to_le_bytes());
    file.extend_from_slice(&index_offset.to_le_bytes());
    file.extend_from_slice(&(index_len as u32).to_le_bytes());
    file.extend_from_slice(&72u32.to_le_bytes());
    file.extend_from_slice(&filter_offset.to_le_bytes());
    file.extend_from_slice(&[0; 12]);
    seal(&mut file, footer);
    file
}

fn raw_block(input: &[u8]) {
    let Some((&n, rest)) = input.split_first() else {
        return;
    };
    let key_len = usize::from(n % 64).min(rest.len());
    let (last_key, payload) = rest.split_at(key_len);
    // The smallest key: the first entry's key if the payload starts with a plausible one.
    let smallest: &[u8] = match payload {
        [_, a, b, _, _, _, _, body @ ..] => {
            let len = usize::from(u16::from_le_bytes([*a, *b]));
            body.get(..len).unwrap_or(last_key)
        }
        _ => last_key,
    };
    let smallest = if smallest <= last_key {
        smallest
    } else {
        last_key
    };
    let file = wrap_block(last_key, smallest, payload);
    let Ok(table) = Sstable::open(&file) else {
        // Refused only for what the index says (an empty or oversized block).
        assert!(payload.len() < 7 || payload.len() > DATA_BLOCK_BYTES_MAX);
        return;
    };
    let block = Block::Data {
        number: 0,
        offset: 0,
    };
    let mut previous: Option<&[u8]> = None;
    for item in table.iter() {
        match item {
            Ok(entry) => {
                assert!(previous.is_none_or(|p| p < entry.key));
                previous = Some(entry.key);
                let _ = table.get(entry.key);
            }
            Err(error) => assert_eq!(error.block(), block, "{error:?}"),
        }
    }
    if let Err(error) = table.get(last_key) {
        assert_eq!(error.block(), block, "{error:?}");
    }
}

type Model = BTreeMap<Vec<u8>, Option<Vec<u8>>>;

fn take<'a>(input: &mut &'a [u8], n: usize) -> &'a [u8] {
    let n = n.min(input.len());
    let (head, tail) = input.split_at(n);
    *input = tail;
    head
}

fn built_table(mut input: &[u8]) {
    let header = take(&mut input, 4);
    if header.len() < 4 {
        return;
    }
    let block_bytes = 256 + usize::from(u16::from_le_bytes([header[0], header[1]])) % 4096;
    let flip = u16::from_le_bytes([header[2], header[3]]);
    let mut model = Model::new();
    while !input.is_empty() && model.len() < 200 {
        let lens = take(&mut input, 2);
        let key = take(&mut input, usize::from(lens[0] % 24)).to_vec();
        let value = match lens.get(1) {
            Some(&l) if l % 5 != 0 => Some(take(&mut input, usize::from(l)).to_vec()),
            _ => None,
        };
        model.insert(key, value);
    }
    if model.is_empty() {
        return;
    }
    let mut writer = SstableWriter::with_block_bytes(block_bytes).unwrap();
    for (key, value) in &model {
        writer
            .add(key, value.as_deref().map_or(Value::Delete, Value::Put))
            .unwrap();
    }
    let mut file = writer.finish().unwrap();
    check_reads(&model, &file, true);
    let bit = usize::from(flip) % (file.len() * 8);
    file[bit / 8] ^= 1 << (bit % 8);
    check_reads(&model, &file, false);
}

/// Every read gives back the model's entries or (when `clean` is false) an error.
fn check_reads(model: &Model, file: &[u8], clean: bool) {
    let table = match Sstable::open(file) {
        Ok(table) => table,
        Err(error) => {
            assert!(!clean, "a clean table did not open: {error:?}");
            return;
        }
    };
    let mut expected = model.iter();
    for item in table.iter() {
        match item {
            Ok(entry) => {
                let (key, value) = expected.next().expect("more entries than were written");
                assert_eq!(entry.key, key.as_slice());
                assert_eq!(
                    entry.value,
                    value.as_deref().map_or(Value::Delete, Value::Put)
                );
            }
            Err(error) => {
                assert!(!clean, "a clean table failed: {error:?}");
                assert!(matches!(error.block(), Block::Data { .. }), "{error:?}");
                break;
            }
        }
    }
    if clean {
        assert!(
            expected.next().is_none(),
            "entries missing from the iteration"
        );
    }
    for (key, value) in model {
        match table.get(key) {
            Ok(Some(entry)) => {
                assert_eq!(
                    entry.value,
                    value.as_deref().map_or(Value::Delete, Value::Put)
                )
            }
            Ok(None) => panic!("key {key:?} lost without an error"),
            Err(error) => assert!(!clean, "a clean table failed: {error:?}"),
        }
    }
}
