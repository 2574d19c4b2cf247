//! Whole-state scans of a read view, in table-key order. For tests and tools.

use super::key::{KeyRange, FAMILY_RESOURCE};
use crate::error::Result;
use crate::resource::Resource;
use crate::state::ReadView;

/// Every resource of `view`, in table-key order (tree order of namespaces, then names).
pub fn resources(view: &ReadView) -> Result<Vec<Resource>> {
    let every_resource = KeyRange {
        start: vec![FAMILY_RESOURCE],
        end: vec![FAMILY_RESOURCE + 1],
    };
    let mut resources = Vec::new();
    view.scan_resources(&every_resource, &mut |resource| resources.push(resource))?;
    Ok(resources)
}
