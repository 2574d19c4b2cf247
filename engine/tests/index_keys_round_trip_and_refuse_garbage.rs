//! Index keys (`table::key`): `decode_type_index_key` and `decode_tag_index_key` give back exactly
//! what was encoded, refuse invalid fields with the encoder, never panic on arbitrary bytes, and
//! accept only canonical keys (a decoded key re-encodes to its input).

mod table_key_strategies;

use aorta_engine::limits::{TAG_INDEX_KEY_BYTES_MAX, TYPE_INDEX_KEY_BYTES_MAX};
use aorta_engine::table::key::{
    decode_tag_index_key, decode_type_index_key, encode_tag_index_key, encode_type_index_key,
    tag_key_range, tag_value_subtree_range, type_subtree_range, KeyError, TagIndexKey,
    TypeIndexKey,
};
use proptest::prelude::*;
use table_key_strategies::universe;

fn kind() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[ab/.\\-]{1,4}",
        1 => "[A-Za-z0-9._/-]{1,128}",
    ]
}

fn tag_value() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a ,=é\u{1F980}]{0,4}",
        1 => "[^\\p{Cc}]{0,64}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn valid_index_keys_round_trip(
        pairs in universe(),
        kind in kind(),
        tag_key in "[A-Za-z0-9._/-]{1,63}",
        tag_value in tag_value(),
    ) {
        for (namespace, name) in pairs {
            let key = encode_type_index_key(&kind, &namespace, &name).unwrap();
            prop_assert!(key.len() <= TYPE_INDEX_KEY_BYTES_MAX);
            prop_assert!(type_subtree_range(&kind, &namespace).unwrap().contains(&key));
            let expected = TypeIndexKey { kind: kind.clone(), namespace: namespace.clone(), name: name.clone() };
            prop_assert_eq!(decode_type_index_key(&key).unwrap(), expected);

            let key = encode_tag_index_key(&tag_key, &tag_value, &namespace, &name).unwrap();
            prop_assert!(key.len() <= TAG_INDEX_KEY_BYTES_MAX);
            prop_assert!(tag_value_subtree_range(&tag_key, &tag_value, &namespace).unwrap().contains(&key));
            prop_assert!(tag_key_range(&tag_key).unwrap().contains(&key));
            let expected = TagIndexKey {
                tag_key: tag_key.clone(), tag_value: tag_value.clone(), namespace, name,
            };
            prop_assert_eq!(decode_tag_index_key(&key).unwrap(), expected);
        }
    }

    /// Arbitrary bytes, often starting with a family byte and holding the separators.
    #[test]
    fn garbage_never_panics_and_only_canonical_keys_decode(
        family in prop::sample::select(vec![b't', b'g', b'k', 0u8]),
        body in prop::collection::vec(prop_oneof![
            3 => prop::sample::select(vec![0u8, 1, b'a', b'/', b'-', 0xC3, 0xA9, 0x7F]),
            1 => any::<u8>(),
        ], 0..40),
    ) {
        let mut key = vec![family];
        key.extend_from_slice(&body);
        if let Ok(decoded) = decode_type_index_key(&key) {
            let again = encode_type_index_key(&decoded.kind, &decoded.namespace, &decoded.name).unwrap();
            prop_assert_eq!(again, key.clone());
        }
        if let Ok(decoded) = decode_tag_index_key(&key) {
            let again = encode_tag_index_key(
                &decoded.tag_key, &decoded.tag_value, &decoded.namespace, &decoded.name,
            ).unwrap();
            prop_assert_eq!(again, key);
        }
    }
}

#[test]
fn invalid_fields_are_refused_by_the_encoders() {
    assert!(encode_type_index_key("", "/a", "x").is_err());
    assert!(encode_type_index_key("a b", "/a", "x").is_err());
    assert!(encode_type_index_key(&"t".repeat(129), "/a", "x").is_err());
    assert!(encode_type_index_key("t", "a", "x").is_err());
    assert!(encode_type_index_key("t", "/a", "..").is_err());
    assert!(encode_tag_index_key("", "v", "/a", "x").is_err());
    assert!(encode_tag_index_key("k", "a\0b", "/a", "x").is_err());
    assert!(encode_tag_index_key("k", "a\u{1}b", "/a", "x").is_err());
    assert!(encode_tag_index_key("k", &"v".repeat(257), "/a", "x").is_err());
    assert!(tag_key_range("k=v").is_err());
    assert!(tag_value_subtree_range("k", "\n", "/").is_err());
    assert!(type_subtree_range("t", "/a/").is_err());
}

#[test]
fn damaged_index_keys_are_typed_errors() {
    assert_eq!(decode_type_index_key(b""), Err(KeyError::Empty));
    assert!(matches!(
        decode_type_index_key(b"kapps\0\x01x"),
        Err(KeyError::WrongFamily { expected: b't', .. })
    ));
    assert_eq!(
        decode_type_index_key(b"tPod"),
        Err(KeyError::UnendedField {
            field: "type",
            offset: 1
        })
    );
    assert_eq!(
        decode_type_index_key(b"tP d\0\x01x"),
        Err(KeyError::BadByte {
            offset: 2,
            byte: b' '
        })
    );
    assert!(matches!(
        decode_type_index_key(b"t\0\x01x"),
        Err(KeyError::Invalid(_))
    ));
    assert_eq!(
        decode_type_index_key(b"tPod\0apps\0"),
        Err(KeyError::NoMarker { len: 10 })
    );
    assert_eq!(
        decode_type_index_key(b"tPod\0apps\0\0\x01x"),
        Err(KeyError::EmptySegment { offset: 10 })
    );
    assert_eq!(
        decode_tag_index_key(b"gteam\0db"),
        Err(KeyError::UnendedField {
            field: "tag value",
            offset: 6
        })
    );
    assert_eq!(
        decode_tag_index_key(b"gteam\0\xff\0\x01x"),
        Err(KeyError::NotUtf8 {
            field: "tag value",
            offset: 6
        })
    );
    assert!(matches!(
        decode_tag_index_key(b"gteam\0\x7f\0\x01x"),
        Err(KeyError::Invalid(_))
    ));
    let long = [b"gk\0".as_slice(), &vec![b'v'; TAG_INDEX_KEY_BYTES_MAX]].concat();
    assert!(matches!(
        decode_tag_index_key(&long),
        Err(KeyError::TooLong { .. })
    ));
}
