//! Resources, specs, ids and tags.

use std::collections::BTreeMap;

use aorta_engine::{Resource, ResourceId, ResourceSpec};

use super::DecodeError;
use crate::wire;

pub fn resource_id_to_wire(id: &ResourceId) -> wire::ResourceId {
    let (high, low) = id.0.split_at(8);
    wire::ResourceId {
        high: u64::from_be_bytes(high.try_into().expect("8 bytes")),
        low: u64::from_be_bytes(low.try_into().expect("8 bytes")),
    }
}

pub fn resource_id_from_wire(id: &wire::ResourceId) -> ResourceId {
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&id.high.to_be_bytes());
    bytes[8..].copy_from_slice(&id.low.to_be_bytes());
    ResourceId(bytes)
}

fn tags_to_wire(tags: &BTreeMap<String, String>) -> Option<Vec<wire::Tag>> {
    if tags.is_empty() {
        return None;
    }
    Some(
        tags.iter()
            .map(|(key, value)| wire::Tag {
                key: key.clone(),
                value: value.clone(),
            })
            .collect(),
    )
}

fn tags_from_wire(tags: Option<Vec<wire::Tag>>) -> Result<BTreeMap<String, String>, DecodeError> {
    let mut map = BTreeMap::new();
    for tag in tags.into_iter().flatten() {
        if map.contains_key(&tag.key) {
            return Err(DecodeError::DuplicateTag { key: tag.key });
        }
        map.insert(tag.key, tag.value);
    }
    Ok(map)
}

/// Empty text and bytes travel as absent fields (a FlatBuffer leaves them out entirely).
fn non_empty<T: AsRef<[u8]> + Clone>(value: &T) -> Option<T> {
    (!value.as_ref().is_empty()).then(|| value.clone())
}

pub fn resource_to_wire(resource: &Resource) -> wire::Resource {
    wire::Resource {
        api_version: resource.api_version.clone(),
        id: resource_id_to_wire(&resource.id),
        namespace_path: resource.namespace.clone(),
        name: resource.name.clone(),
        kind: resource.kind.clone(),
        created_ms: resource.created_ms,
        owner: non_empty(&resource.owner),
        tags: tags_to_wire(&resource.tags),
        cost: resource.cost,
        data: non_empty(&resource.data),
        revision: resource.revision,
    }
}

/// The most bytes `resource` takes in an encoded page or event (this crate's encoder shares
/// nothing): its offset in the vector, its table (at most 80 bytes with alignment) and vtable (28),
/// each string's length, terminator and padding (8 besides its bytes), the data's length and
/// padding (12), and per tag an offset, a table, a vtable and two strings (48). Rounded up; what a
/// page budget weighs a resource by, so that a page fits its frame.
/// `tests/a_page_fits_the_frame_its_budget_was_made_for.rs` checks it against the encoder.
pub fn resource_wire_bytes_max(resource: &Resource) -> usize {
    const FIXED_BYTES: usize = 4 + 80 + 28 + 16;
    const PER_STRING_BYTES: usize = 8;
    const PER_TAG_BYTES: usize = 48 + 2 * PER_STRING_BYTES;
    let strings = [
        &resource.api_version,
        &resource.namespace,
        &resource.name,
        &resource.kind,
        &resource.owner,
    ]
    .iter()
    .map(|text| text.len() + PER_STRING_BYTES)
    .sum::<usize>();
    let tags = resource
        .tags
        .iter()
        .map(|(key, value)| key.len() + value.len() + PER_TAG_BYTES)
        .sum::<usize>();
    FIXED_BYTES + strings + 8 + tags + resource.data.len() + 12
}

/// A resource from the wire, checked against every rule a resource obeys.
pub fn resource_from_wire(resource: &wire::Resource) -> Result<Resource, DecodeError> {
    resource_from_wire_owned(resource.clone())
}

/// [`resource_from_wire`] for a resource the caller no longer needs: its strings and data move.
pub fn resource_from_wire_owned(resource: wire::Resource) -> Result<Resource, DecodeError> {
    let resource = Resource {
        api_version: resource.api_version,
        id: resource_id_from_wire(&resource.id),
        namespace: resource.namespace_path,
        name: resource.name,
        kind: resource.kind,
        created_ms: resource.created_ms,
        owner: resource.owner.unwrap_or_default(),
        tags: tags_from_wire(resource.tags)?,
        cost: resource.cost,
        data: resource.data.unwrap_or_default(),
        revision: resource.revision,
    };
    resource.validate()?;
    Ok(resource)
}

pub fn spec_to_wire(spec: &ResourceSpec) -> wire::ResourceSpec {
    wire::ResourceSpec {
        api_version: spec.api_version.clone(),
        namespace_path: spec.namespace.clone(),
        name: spec.name.clone(),
        kind: spec.kind.clone(),
        owner: non_empty(&spec.owner),
        tags: tags_to_wire(&spec.tags),
        cost: spec.cost,
        data: non_empty(&spec.data),
    }
}

/// A spec from the wire, its fields moved, not copied. Not checked against the rules a spec
/// obeys: the caller validates it with its batch (`Batch::validate`), once.
pub(crate) fn spec_from_wire(spec: wire::ResourceSpec) -> Result<ResourceSpec, DecodeError> {
    Ok(ResourceSpec {
        api_version: spec.api_version,
        namespace: spec.namespace_path,
        name: spec.name,
        kind: spec.kind,
        owner: spec.owner.unwrap_or_default(),
        tags: tags_from_wire(spec.tags)?,
        cost: spec.cost,
        data: spec.data.unwrap_or_default(),
    })
}
