//! A configuration that is invalid — out of range in the file, in the environment or on the
//! command line, an unknown key, a broken relation between limits — is refused with a message
//! naming the key, the value and where it came from, and exit code 2; the data directory is
//! never made.

mod common;

use std::process::Stdio;
use std::time::Duration;

use common::{aortad, wait_with_timeout};

/// Runs `aortad` on a data directory that does not exist; returns (exit code, stderr).
fn refused(config: Option<&str>, env: &[(&str, &str)], args: &[&str]) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("data");
    let mut command = aortad();
    command
        .args(["--listen", "127.0.0.1:0", "--data-dir"])
        .arg(&data_dir)
        .args(args)
        .envs(env.iter().copied())
        .stderr(Stdio::piped());
    if let Some(text) = config {
        let path = dir.path().join("aortad.toml");
        std::fs::write(&path, text).unwrap();
        command.arg("--config").arg(path);
    }
    let mut child = command.spawn().unwrap();
    let status = wait_with_timeout(&mut child, Duration::from_secs(30));
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert!(!data_dir.exists(), "the data directory was made: {stderr}");
    (status.code(), stderr)
}

#[test]
fn invalid_configuration_is_refused_before_touching_the_disk() {
    let (code, stderr) = refused(Some("connections_max = 0\n"), &[], &[]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("connections_max = 0 (config file ")
            && stderr.contains("out of range: it must be from 1 to 1000000"),
        "{stderr}"
    );

    let (code, stderr) = refused(Some("conections_max = 10\n"), &[], &[]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("conections_max"), "{stderr}");

    let (code, stderr) = refused(None, &[("AORTA_CONNECTION_THREADS", "0")], &[]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("($AORTA_CONNECTION_THREADS)"), "{stderr}");

    let (code, stderr) = refused(
        Some("idle_timeout_ms = 60000\n"),
        &[],
        &["--keep-alive-interval-ms", "60000"],
    );
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("keep_alive_interval_ms = 60000 (flag) must be below idle_timeout_ms"),
        "{stderr}"
    );

    let (code, stderr) = refused(None, &[], &["--idle-timeout-ms", "soon"]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("--idle-timeout-ms"), "{stderr}");

    let (code, stderr) = refused(Some("listen = \"nowhere\"\n"), &[], &[]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("aortad.toml is not valid"), "{stderr}");
}
