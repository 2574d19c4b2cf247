//! Which shard owns a namespace: one pure function, stable across versions because the assignment is
//! implied by the data on disk (`docs/architecture.md`).
//!
//! The whole namespace path is hashed (CRC32C of its bytes) modulo the shard count, so resources of
//! one namespace live on one shard (ordered there, listable there), and sibling namespaces spread.

pub fn shard_for_namespace(namespace: &str, shard_count: u16) -> u16 {
    assert!(shard_count > 0);
    (crc32c::crc32c(namespace.as_bytes()) % u32::from(shard_count)) as u16
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routing_is_stable_and_in_range() {
        // Fixed expectations: changing the function would strand data on the wrong shard.
        assert_eq!(shard_for_namespace("/apps/web", 1), 0);
        assert_eq!(
            shard_for_namespace("/apps/web", 4),
            (crc32c::crc32c(b"/apps/web") % 4) as u16
        );
        for n in 1..=16u16 {
            for i in 0..100 {
                assert!(shard_for_namespace(&format!("/ns/{i}"), n) < n);
            }
        }
    }

    #[test]
    fn namespaces_spread_over_shards() {
        let mut counts = [0usize; 4];
        for i in 0..4000 {
            counts[shard_for_namespace(&format!("/tenants/t{i}"), 4) as usize] += 1;
        }
        assert!(counts.iter().all(|&c| c > 800), "{counts:?}");
    }
}
