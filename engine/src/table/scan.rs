//! Whole-state scans of a read view, in table-key order. For tests and tools.

use std::collections::BTreeSet;

use super::key::FAMILY_RESOURCE;
use super::version::split_versioned;
use crate::error::Result;
use crate::resource::Resource;
use crate::state::ReadView;

/// Every resource of `view`, in table-key order.
pub fn resources(view: ReadView) -> impl Iterator<Item = Result<Resource>> {
    let mut keys = BTreeSet::new();
    let mut failure = None;
    for memtable in &view.parts().memtables {
        for (key, _) in memtable.iter() {
            if let Ok((user, _)) = split_versioned(&key) {
                if user.first() == Some(&FAMILY_RESOURCE) {
                    keys.insert(user.to_vec());
                }
            }
        }
    }
    for table in &view.parts().tables {
        for entry in table.sstable().iter() {
            match entry {
                Ok(entry) => {
                    if let Ok((user, _)) = split_versioned(entry.key) {
                        if user.first() == Some(&FAMILY_RESOURCE) {
                            keys.insert(user.to_vec());
                        }
                    }
                }
                Err(error) => {
                    failure = Some(table.error(error));
                    break;
                }
            }
        }
    }
    failure.map(Err).into_iter().chain(
        keys.into_iter()
            .filter_map(move |key| view.get_by_table_key(&key).transpose()),
    )
}
