//! `aortad` turns transparent huge pages off for its process at start (a purged 2 MiB page
//! faulted back in was zeroed on a shard's thread mid-commit), unless `MIMALLOC_ALLOW_THP` is set:
//! then mimalloc's choice stands. What the kernel applies is read back from
//! `/proc/<pid>/status` (`THP_enabled`), not from the node's log alone.

mod common;

use std::time::Duration;

use common::{field, Node};

/// `THP_enabled` of a process: 1 when transparent huge pages may back its memory.
fn thp_enabled(pid: &str) -> u32 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|line| line.strip_prefix("THP_enabled:"))
        .unwrap_or_else(|| panic!("no THP_enabled line in /proc/{pid}/status"))
        .trim()
        .parse()
        .unwrap()
}

#[test]
fn the_node_runs_without_transparent_huge_pages_unless_asked() {
    let dir = tempfile::tempdir().unwrap();

    let node = Node::start(dir.path(), &[]);
    assert_eq!(thp_enabled(&node.child.id().to_string()), 0);
    let line = node
        .log
        .wait_for(
            "memory: transparent huge pages turned off for the node (set MIMALLOC_ALLOW_THP=1 \
             to keep them)",
            |_| true,
            Duration::ZERO,
        )
        .unwrap_or_else(|| panic!("no memory line:\n{}", node.log.text()));
    assert_eq!(field(&line, "transparent_huge_pages"), "off");
    assert_eq!(node.terminate().0.code(), Some(0));

    // Asked to keep them: the node leaves the process as this one is (the kernel's default).
    let node = Node::start_with_env(dir.path(), &[], &[("MIMALLOC_ALLOW_THP", "1")]);
    assert_eq!(
        thp_enabled(&node.child.id().to_string()),
        thp_enabled("self")
    );
    let line = node
        .log
        .wait_for(
            "memory: MIMALLOC_ALLOW_THP is set, so mimalloc decides",
            |_| true,
            Duration::ZERO,
        )
        .unwrap_or_else(|| panic!("no memory line:\n{}", node.log.text()));
    assert_eq!(field(&line, "value"), "1");
    assert_eq!(node.terminate().0.code(), Some(0));
}
