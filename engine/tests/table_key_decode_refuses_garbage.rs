//! `decode_resource_key` and `decode_id_key` refuse every byte string the encoders cannot produce
//! with a typed error, and never panic: truncated keys, wrong family bytes, missing or doubled
//! separators, empty segments, bytes outside the alphabet, and keys breaking the namespace and
//! name rules (`.`/`..`, lengths, depth). Whatever they accept re-encodes to the same bytes.

mod table_key_strategies;

use aorta_engine::limits::{NAMESPACE_DEPTH_MAX, RESOURCE_KEY_BYTES_MAX, SEGMENT_BYTES_MAX};
use aorta_engine::resource::ValidationError;
use aorta_engine::table::key::{
    decode_id_key, decode_resource_key, encode_resource_key, KeyError, NAME_MARKER, SEGMENT_END,
};
use proptest::prelude::*;
use table_key_strategies::universe;

fn refused(key: &[u8]) -> KeyError {
    match decode_resource_key(key) {
        Ok(decoded) => panic!("{key:?} decoded to {decoded:?}"),
        Err(error) => error,
    }
}

fn invalid(key: &[u8]) -> ValidationError {
    match refused(key) {
        KeyError::Invalid(error) => error,
        other => panic!("{key:?}: expected Invalid, got {other:?}"),
    }
}

#[test]
fn empty_and_wrong_family_are_refused() {
    assert_eq!(refused(b""), KeyError::Empty);
    assert!(matches!(
        refused(b"i\x01a"),
        KeyError::WrongFamily { found: b'i', .. }
    ));
    assert!(matches!(refused(b"\x01a"), KeyError::WrongFamily { .. }));
    assert_eq!(decode_id_key(b""), Err(KeyError::Empty));
    assert!(matches!(
        decode_id_key(&[b'k'; 17]),
        Err(KeyError::WrongFamily { .. })
    ));
    assert!(matches!(
        decode_id_key(&[b'i'; 18]),
        Err(KeyError::IdLength { len: 18, .. })
    ));
}

#[test]
fn every_truncation_is_refused_or_decodes_to_a_shorter_name() {
    let key = encode_resource_key("/apps/web", "task-1").unwrap();
    let marker = key.iter().position(|&b| b == NAME_MARKER).unwrap();
    for len in 0..key.len() {
        let cut = &key[..len];
        match decode_resource_key(cut) {
            Ok(decoded) => {
                // Cut inside the name: a valid key of a shorter name, never another namespace.
                assert!(len > marker + 1, "cut at {len} decoded to {decoded:?}");
                assert_eq!(decoded.namespace, "/apps/web");
                assert_eq!(decoded.name, "task-1"[..len - marker - 1]);
            }
            Err(KeyError::Empty) => assert_eq!(len, 0),
            Err(KeyError::NoMarker { .. }) => assert!(len <= marker),
            Err(KeyError::UnendedSegment { .. }) => assert!(len <= marker),
            Err(KeyError::Invalid(_)) => assert_eq!(len, marker + 1, "empty name"),
            Err(other) => panic!("cut at {len}: {other:?}"),
        }
    }
}

#[test]
fn bad_separators_are_refused() {
    assert_eq!(refused(b"kapps"), KeyError::NoMarker { len: 5 });
    assert_eq!(refused(b"kapps\0"), KeyError::NoMarker { len: 6 });
    // A segment that runs into the marker.
    assert_eq!(
        refused(b"kapps\x01x"),
        KeyError::UnendedSegment { offset: 1 }
    );
    assert_eq!(
        refused(b"ka\0bc\x01x"),
        KeyError::UnendedSegment { offset: 3 }
    );
    // A separator or a second marker inside the name.
    assert_eq!(
        refused(b"ka\0\x01x\0"),
        KeyError::BadByte {
            offset: 5,
            byte: SEGMENT_END
        }
    );
    assert_eq!(
        refused(b"ka\0\x01x\x01y"),
        KeyError::BadByte {
            offset: 5,
            byte: NAME_MARKER
        }
    );
}

#[test]
fn empty_segments_and_names_are_refused() {
    assert_eq!(refused(b"k\0\x01a"), KeyError::EmptySegment { offset: 1 });
    assert_eq!(
        refused(b"ka\0\0\x01a"),
        KeyError::EmptySegment { offset: 3 }
    );
    assert_eq!(
        refused(b"ka\0\0b\0\x01a"),
        KeyError::EmptySegment { offset: 3 }
    );
    assert!(matches!(
        invalid(b"k\x01"),
        ValidationError::Syntax { field: "name", .. }
    ));
    assert!(matches!(
        invalid(b"ka\0\x01"),
        ValidationError::Syntax { field: "name", .. }
    ));
}

#[test]
fn bytes_outside_the_alphabet_are_refused() {
    for bad in [b'/', b' ', b'+', b':', b'~', 0x02, 0x7F, 0x80, 0xFF] {
        let in_segment = [b'k', b'a', bad, 0, NAME_MARKER, b'x'];
        assert_eq!(
            refused(&in_segment),
            KeyError::BadByte {
                offset: 2,
                byte: bad
            },
            "{bad:#04x} in a segment"
        );
        let in_name = [b'k', b'a', 0, NAME_MARKER, b'x', bad];
        assert_eq!(
            refused(&in_name),
            KeyError::BadByte {
                offset: 5,
                byte: bad
            },
            "{bad:#04x} in a name"
        );
    }
    // The UTF-8 of `é`.
    assert!(matches!(
        refused("ka\u{e9}\0\x01x".as_bytes()),
        KeyError::BadByte { offset: 2, .. }
    ));
}

#[test]
fn keys_breaking_the_resource_rules_are_refused() {
    for (key, field) in [
        (&b"k.\0\x01x"[..], "namespace"),
        (b"k..\0\x01x", "namespace"),
        (b"ka\0..\0\x01x", "namespace"),
        (b"ka\0\x01.", "name"),
        (b"ka\0\x01..", "name"),
    ] {
        assert!(
            matches!(invalid(key), ValidationError::Syntax { field: f, .. } if f == field),
            "{key:?}"
        );
    }
    // A segment one byte too long.
    let mut long_segment = vec![b'k'];
    long_segment.extend(vec![b's'; SEGMENT_BYTES_MAX + 1]);
    long_segment.extend([0, NAME_MARKER, b'x']);
    assert!(matches!(
        invalid(&long_segment),
        ValidationError::Syntax {
            field: "namespace",
            ..
        }
    ));
    // One segment too many.
    let mut deep = vec![b'k'];
    for _ in 0..=NAMESPACE_DEPTH_MAX {
        deep.extend([b'd', 0]);
    }
    deep.extend([NAME_MARKER, b'x']);
    assert!(matches!(invalid(&deep), ValidationError::TooMany { .. }));
    // Five 63-byte segments: each is valid, the namespace (320 bytes) is not.
    let mut wide = vec![b'k'];
    for _ in 0..5 {
        wide.extend(vec![b'w'; SEGMENT_BYTES_MAX]);
        wide.push(0);
    }
    wide.extend([NAME_MARKER, b'x']);
    assert!(matches!(
        invalid(&wide),
        ValidationError::TooLong {
            field: "namespace",
            ..
        }
    ));
    // A name one byte too long, and a key over the bound.
    let mut long_name = b"ka\0\x01".to_vec();
    long_name.extend(vec![b'n'; 254]);
    assert!(matches!(
        invalid(&long_name),
        ValidationError::TooLong { field: "name", .. }
    ));
    let mut too_long = b"k\x01".to_vec();
    too_long.extend(vec![b'n'; RESOURCE_KEY_BYTES_MAX]);
    assert_eq!(
        refused(&too_long),
        KeyError::TooLong {
            len: RESOURCE_KEY_BYTES_MAX + 2,
            max: RESOURCE_KEY_BYTES_MAX
        }
    );
}

/// Whatever decodes re-encodes to exactly the bytes it came from.
fn check_canonical(bytes: &[u8]) {
    if let Ok(decoded) = decode_resource_key(bytes) {
        let again = encode_resource_key(&decoded.namespace, &decoded.name).unwrap();
        assert_eq!(again, bytes, "{decoded:?}");
    }
    if let Ok(id) = decode_id_key(bytes) {
        assert_eq!(aorta_engine::table::key::encode_id_key(id), bytes);
    }
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic_and_what_decodes_is_canonical(
        bytes in prop::collection::vec(
            prop_oneof![Just(b'k'), Just(0u8), Just(1u8), Just(b'a'), Just(b'.'), any::<u8>()],
            0..40,
        ),
    ) {
        check_canonical(&bytes);
    }

    #[test]
    fn a_changed_byte_is_refused_or_decodes_canonically(
        pairs in universe(),
        which in any::<prop::sample::Index>(),
        at in any::<prop::sample::Index>(),
        byte in any::<u8>(),
    ) {
        let (namespace, name) = which.get(&pairs);
        let mut key = encode_resource_key(namespace, name).unwrap();
        let i = at.index(key.len());
        key[i] = byte;
        check_canonical(&key);
        key.truncate(i);
        check_canonical(&key);
    }
}
