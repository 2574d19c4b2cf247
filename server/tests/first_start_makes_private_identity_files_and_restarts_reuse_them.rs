//! The first start makes the certificate, its key and the cluster key with mode 0600 and logs
//! where they are and the certificate's fingerprint; SIGTERM exits 0; the second start reuses
//! every file unchanged; a key file made group-readable stops the next start with a clear error.

mod common;

use std::fs;
use std::time::Duration;

use common::{field, mode_of, wait_with_timeout, Node};

const FILES: [&str; 3] = ["node.cert.pem", "node.key.pem", "cluster.key"];

#[test]
fn first_start_makes_private_identity_files_and_restarts_reuse_them() {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("data");

    let node = Node::start(&data_dir, &[]);
    let generated = node
        .log
        .wait_for("node certificate generated", |_| true, Duration::ZERO)
        .expect("the first start logs the generated certificate");
    let fingerprint = field(&generated, "sha256_fingerprint");
    assert_eq!(fingerprint.len(), 95, "{fingerprint}");
    assert_eq!(
        field(&generated, "certificate"),
        data_dir.join("node.cert.pem").display().to_string()
    );
    assert!(node
        .log
        .wait_for("cluster key generated", |_| true, Duration::ZERO)
        .is_some());
    let contents: Vec<Vec<u8>> = FILES
        .iter()
        .map(|name| {
            let path = data_dir.join(name);
            assert_eq!(mode_of(&path), 0o600, "{name}");
            fs::read(path).unwrap()
        })
        .collect();
    let (status, _) = node.terminate();
    assert_eq!(status.code(), Some(0));

    let node = Node::start(&data_dir, &[]);
    let loaded = node
        .log
        .wait_for("node certificate loaded", |_| true, Duration::ZERO)
        .expect("the second start loads the certificate");
    assert_eq!(field(&loaded, "sha256_fingerprint"), fingerprint);
    for (name, before) in FILES.iter().zip(&contents) {
        assert_eq!(&fs::read(data_dir.join(name)).unwrap(), before, "{name}");
    }
    let (status, _) = node.terminate();
    assert_eq!(status.code(), Some(0));

    // Group-readable: refused, naming the file and the fix, before the engine opens.
    let key = data_dir.join("node.key.pem");
    use std::os::unix::fs::PermissionsExt as _;
    fs::set_permissions(&key, fs::Permissions::from_mode(0o640)).unwrap();
    let mut child = common::aortad()
        .args(["--listen", "127.0.0.1:0", "--data-dir"])
        .arg(&data_dir)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let status = wait_with_timeout(&mut child, Duration::from_secs(30));
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert_eq!(status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("node.key.pem has mode 0640"), "{stderr}");
    assert!(stderr.contains("chmod 600"), "{stderr}");
    assert!(!stderr.contains("opening the engine"), "{stderr}");
}
