//! `--spawn`: an `aortad` of this tool's own, on a free loopback port and a temporary data
//! directory, ready once it answers `status`, stopped (SIGTERM, then SIGKILL) at the end.

use std::collections::VecDeque;
use std::io::{BufRead as _, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{bail, Context as _, Result};
use aorta_client::{Client, ClientConfig};

/// How long the node may take to listen and answer `status` (it opens an engine and makes its
/// certificate on first start).
pub const READY_TIMEOUT: Duration = Duration::from_secs(60);
/// How long it gets to exit after SIGTERM before it is killed.
const STOP_TIMEOUT: Duration = Duration::from_secs(15);
/// The log lines kept to explain a node that failed to start.
const LOG_LINES_KEPT: usize = 50;

/// The `aortad` to start: the given path, else the one beside this executable (cargo puts every
/// binary of a workspace in the same `target/<profile>/`).
pub fn aortad_path(given: Option<&Path>) -> Result<PathBuf> {
    if let Some(path) = given {
        return Ok(path.to_owned());
    }
    let exe = std::env::current_exe().context("finding this executable")?;
    let beside = exe
        .parent()
        .context("this executable's directory")?
        .join("aortad");
    if !beside.exists() {
        bail!(
            "no aortad beside this executable ({}): build it (`cargo build -p aorta-server --bin \
             aortad`, with --release for a release aorta-bench) or give --aortad PATH",
            beside.display()
        );
    }
    Ok(beside)
}

pub struct SpawnedNode {
    child: Child,
    pub address: SocketAddr,
    /// Removed when the node is dropped, after the node is stopped.
    data_dir: tempfile::TempDir,
    log: Arc<Mutex<VecDeque<String>>>,
}

impl SpawnedNode {
    /// Starts `aortad` with its data in a new directory under `data_parent` and waits until it
    /// answers `status` (within [`READY_TIMEOUT`]).
    pub async fn start(aortad: &Path, data_parent: &Path, extra_args: &[String]) -> Result<Self> {
        let data_dir = tempfile::Builder::new()
            .prefix("aorta-bench-node-")
            .tempdir_in(data_parent)
            .with_context(|| format!("making a data directory in {}", data_parent.display()))?;
        let mut command = Command::new(aortad);
        // The node's settings are the flags below, not whatever AORTA_* this shell has.
        for (name, _) in std::env::vars_os() {
            if name.to_string_lossy().starts_with("AORTA_") {
                command.env_remove(name);
            }
        }
        command
            .args([
                "--log-format",
                "json",
                "--listen",
                "127.0.0.1:0",
                "--data-dir",
            ])
            .arg(data_dir.path())
            .args(extra_args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        let mut child = command
            .spawn()
            .with_context(|| format!("starting {}", aortad.display()))?;
        let log = Arc::new(Mutex::new(VecDeque::new()));
        let (address_sender, address_receiver) = std::sync::mpsc::channel();
        let stderr = child.stderr.take().context("the node's stderr")?;
        let kept = log.clone();
        // Reads the log to its end (the node must never block on a full pipe).
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if let Some(address) = listening_address(&line) {
                    let _ = address_sender.send(address);
                }
                let mut kept = kept.lock().expect("the log");
                if kept.len() == LOG_LINES_KEPT {
                    kept.pop_front();
                }
                kept.push_back(line);
            }
        });
        let deadline = Instant::now() + READY_TIMEOUT;
        let address =
            tokio::task::spawn_blocking(move || address_receiver.recv_timeout(READY_TIMEOUT))
                .await
                .context("waiting for the node's address")?;
        let mut node = SpawnedNode {
            child,
            address: "127.0.0.1:0".parse().expect("an address"),
            data_dir,
            log,
        };
        node.address = match address {
            Ok(address) => address,
            Err(_) => bail!(
                "aortad did not log `listening` within {READY_TIMEOUT:?}; its last lines:\n{}",
                node.log_tail()
            ),
        };
        node.wait_until_ready(deadline).await?;
        Ok(node)
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn data_dir(&self) -> &Path {
        self.data_dir.path()
    }

    pub fn client_config(&self) -> Result<ClientConfig> {
        ClientConfig::from_data_dir(self.data_dir(), self.address, "root")
            .context("the spawned node's certificate and cluster key")
    }

    pub fn log_tail(&self) -> String {
        let log = self.log.lock().expect("the log");
        log.iter().cloned().collect::<Vec<_>>().join("\n")
    }

    /// Connects and asks `status` until it answers, or the deadline.
    async fn wait_until_ready(&mut self, deadline: Instant) -> Result<()> {
        let mut last_error = String::new();
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().context("checking on aortad")? {
                bail!(
                    "aortad exited ({status}); its last lines:\n{}",
                    self.log_tail()
                );
            }
            let mut config = self.client_config()?;
            let remaining = deadline.saturating_duration_since(Instant::now());
            config.connect_timeout = remaining.min(config.connect_timeout);
            config.request_timeout = remaining.min(config.request_timeout);
            let answer = async {
                let client = Client::connect(config).await?;
                let status = client.status().await;
                client.close().await;
                status
            };
            match answer.await {
                Ok(_) => return Ok(()),
                Err(error) => last_error = error.to_string(),
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        bail!(
            "aortad did not answer status within {READY_TIMEOUT:?} ({last_error}); its last lines:\n{}",
            self.log_tail()
        )
    }

    /// SIGTERM and a bounded wait for the exit; SIGKILL past it.
    pub fn stop(mut self) -> Result<()> {
        // SAFETY: kill(2) signals the child we spawned and have not reaped; no memory is touched.
        unsafe { libc::kill(self.child.id() as libc::pid_t, libc::SIGTERM) };
        let deadline = Instant::now() + STOP_TIMEOUT;
        while Instant::now() < deadline {
            if self
                .child
                .try_wait()
                .context("waiting for aortad")?
                .is_some()
            {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        eprintln!("aortad did not exit within {STOP_TIMEOUT:?} of SIGTERM: killing it");
        Ok(())
    }
}

impl Drop for SpawnedNode {
    fn drop(&mut self) {
        // Stopped already, or the run failed: make sure no node outlives the tool.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The address of a JSON `listening` log line.
fn listening_address(line: &str) -> Option<SocketAddr> {
    let value: serde_json::Value = serde_json::from_str(line).ok()?;
    if value["fields"]["message"].as_str()? != "listening" {
        return None;
    }
    value["fields"]["address"].as_str()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_comes_from_the_listening_line_only() {
        let line =
            r#"{"level":"INFO","fields":{"message":"listening","address":"127.0.0.1:40123"}}"#;
        assert_eq!(
            listening_address(line),
            Some("127.0.0.1:40123".parse().unwrap())
        );
        let other = r#"{"fields":{"message":"opened","address":"127.0.0.1:1"}}"#;
        assert_eq!(listening_address(other), None);
        assert_eq!(listening_address("not json"), None);
    }
}
