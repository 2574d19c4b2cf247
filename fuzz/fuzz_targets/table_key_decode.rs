//! Table keys (`engine/src/table/key.rs`): `decode_resource_key` and `decode_id_key` on arbitrary
//! bytes.
//! - Neither ever panics.
//! - A decoded resource key is valid (its namespace and name pass `resource`'s rules), is at most
//!   `RESOURCE_KEY_BYTES_MAX` bytes, re-encodes to exactly the input, and lies in the children
//!   range of its namespace and in the subtree range of its namespace and of every ancestor.
//! - A decoded id re-encodes to exactly the input.
#![no_main]

use aorta_engine::limits::RESOURCE_KEY_BYTES_MAX;
use aorta_engine::resource::{validate_name, validate_namespace};
use aorta_engine::table::key::{
    children_range, decode_id_key, decode_resource_key, encode_id_key, encode_resource_key,
    subtree_range,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(id) = decode_id_key(data) {
        assert_eq!(encode_id_key(id).as_slice(), data, "an id key is not canonical");
    }
    let Ok(key) = decode_resource_key(data) else {
        return;
    };
    assert!(data.len() <= RESOURCE_KEY_BYTES_MAX);
    validate_namespace(&key.namespace).expect("decoded an invalid namespace");
    validate_name(&key.name).expect("decoded an invalid name");
    let again = encode_resource_key(&key.namespace, &key.name).expect("valid input is encodable");
    assert_eq!(again, data, "a resource key is not canonical: {key:?}");
    assert!(children_range(&key.namespace).unwrap().contains(data));
    let mut ancestor = key.namespace.as_str();
    loop {
        assert!(
            subtree_range(ancestor).unwrap().contains(data),
            "{key:?} is outside the subtree of {ancestor:?}"
        );
        if ancestor == "/" {
            break;
        }
        ancestor = match ancestor.rfind('/') {
            Some(0) => "/",
            Some(i) => &ancestor[..i],
            None => unreachable!("a valid namespace starts with /"),
        };
    }
});
