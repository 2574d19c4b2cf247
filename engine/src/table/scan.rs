//! Whole-state scans of a read view, in table-key order. For tests and tools.

use std::ops::ControlFlow;

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
    let mut failure = None;
    view.scan(
        &every_resource,
        &mut |_, position, value| match view.decode_resource(position, value) {
            Ok(resource) => {
                resources.push(resource);
                ControlFlow::Continue(())
            }
            Err(error) => {
                failure = Some(error);
                ControlFlow::Break(())
            }
        },
    )?;
    match failure {
        Some(error) => Err(error),
        None => Ok(resources),
    }
}
