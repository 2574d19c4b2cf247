//! The node asks the kernel for large UDP buffers (the default 208 KiB dropped packets under
//! load) and logs what it got; asking for more than `net.core.rmem_max` allows starts the node
//! all the same, with a warning that names the sysctl and the figures.

mod common;

use std::time::Duration;

use common::{field, Node};

fn sysctl(name: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/sys/net/core/{name}"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

#[test]
fn udp_buffers_are_raised_and_a_short_grant_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let (receive_max, send_max) = (sysctl("rmem_max"), sysctl("wmem_max"));

    // Within what the kernel allows: granted as asked.
    let asked = receive_max.min(send_max).min(4 * 1024 * 1024).to_string();
    let node = Node::start(
        dir.path(),
        &[
            "--udp-receive-buffer-bytes",
            &asked,
            "--udp-send-buffer-bytes",
            &asked,
        ],
    );
    let granted = node
        .log
        .wait_for("UDP socket buffers", |_| true, Duration::ZERO)
        .unwrap_or_else(|| panic!("no buffer line:\n{}", node.log.text()));
    assert_eq!(field(&granted, "receive_bytes"), asked);
    assert_eq!(field(&granted, "send_bytes"), asked);
    drop(node);

    // Twice the maximum: the kernel caps it, the node warns and runs.
    let too_much = (2 * receive_max).to_string();
    let node = Node::start(dir.path(), &["--udp-receive-buffer-bytes", &too_much]);
    let warning = node
        .log
        .wait_for(
            "the kernel granted smaller UDP buffers than asked; raise net.core.rmem_max and \
             net.core.wmem_max, or packets may be dropped under load",
            |_| true,
            Duration::ZERO,
        )
        .unwrap_or_else(|| panic!("no warning:\n{}", node.log.text()));
    assert_eq!(warning["level"], "WARN");
    assert_eq!(field(&warning, "receive_granted"), receive_max.to_string());
    assert_eq!(field(&warning, "receive_asked"), too_much);
    assert_eq!(node.terminate().0.code(), Some(0));
}
