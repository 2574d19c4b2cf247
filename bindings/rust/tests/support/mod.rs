//! What the real-node tests share: the `aortad` binary (found beside this test's executable, built
//! if missing), a node started on a temp data directory and a free loopback port (the address
//! read from its `listening` log line), and a UDP relay that can cut a connection.
//!
//! The `aorta` CLI's tests (`tools/tests/`) include this file too.
#![allow(dead_code)]

use std::io::{BufRead as _, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

/// How long a node may take to start listening (it opens an engine, may make a certificate, and
/// another session may pause this machine's processes for a while).
pub const START_TIMEOUT: Duration = Duration::from_secs(120);

/// The `aortad` of this build: `target/<profile>/aortad`, beside the `deps/` folder this test's
/// executable lives in. `cargo test -p aorta-client` does not build other packages' binaries, so
/// when it is missing it is built here (`cargo build -p aorta-server --bin aortad`, in the same
/// target directory and profile), once per test process.
pub fn aortad_path() -> PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let exe = std::env::current_exe().expect("the test's executable");
        let profile_dir = exe
            .parent()
            .and_then(Path::parent)
            .expect("target/<profile>/deps/<test>")
            .to_owned();
        let aortad = profile_dir.join("aortad");
        if !aortad.exists() {
            build_aortad(&profile_dir);
        }
        assert!(aortad.exists(), "no aortad at {}", aortad.display());
        aortad
    })
    .clone()
}

fn build_aortad(profile_dir: &Path) {
    let target_dir = profile_dir.parent().expect("target/<profile>");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command
        .args(["build", "-p", "aorta-server", "--bin", "aortad"])
        .env("CARGO_TARGET_DIR", target_dir);
    if profile_dir
        .file_name()
        .is_some_and(|name| name == "release")
    {
        command.arg("--release");
    }
    eprintln!("aortad is missing; building it: {command:?}");
    let status = command.status().expect("running cargo build");
    assert!(status.success(), "cargo build of aortad failed: {status}");
}

/// A running `aortad` on a loopback port, logging JSON.
pub struct Node {
    child: Child,
    pub address: SocketAddr,
    pub data_dir: PathBuf,
    log: Arc<Mutex<Vec<String>>>,
}

impl Node {
    /// Starts `aortad --listen 127.0.0.1:0 --data-dir DIR` and waits for `listening`.
    pub fn start(data_dir: &Path) -> Node {
        Node::start_on(data_dir, "127.0.0.1:0".parse().unwrap())
    }

    /// Starts a node on a given address (a restart on the port it had).
    pub fn start_on(data_dir: &Path, listen: SocketAddr) -> Node {
        Node::start_with(data_dir, listen, &[])
    }

    /// Starts a node with more command-line settings.
    pub fn start_with(data_dir: &Path, listen: SocketAddr, args: &[&str]) -> Node {
        let mut command = Command::new(aortad_path());
        for (name, _) in std::env::vars_os() {
            if name.to_string_lossy().starts_with("AORTA_") {
                command.env_remove(name);
            }
        }
        command
            .args(["--log-format", "json", "--listen"])
            .arg(listen.to_string())
            .arg("--data-dir")
            .arg(data_dir)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        let mut child = command.spawn().expect("spawning aortad");
        let log = Arc::new(Mutex::new(Vec::new()));
        let (address_sender, address) = std::sync::mpsc::channel();
        let stderr = child.stderr.take().unwrap();
        let sink = log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if let Some(listening) = listening_address(&line) {
                    let _ = address_sender.send(listening);
                }
                sink.lock().unwrap().push(line);
            }
        });
        let address = match address.recv_timeout(START_TIMEOUT) {
            Ok(address) => address,
            Err(_) => {
                let _ = child.kill();
                panic!(
                    "aortad did not log `listening` within {START_TIMEOUT:?}:\n{}",
                    log.lock().unwrap().join("\n")
                );
            }
        };
        Node {
            child,
            address,
            data_dir: data_dir.to_owned(),
            log,
        }
    }

    pub fn log_text(&self) -> String {
        self.log.lock().unwrap().join("\n")
    }

    /// How many JSON log lines so far have `message` and `field` equal to `value`.
    pub fn log_count(&self, message: &str, field: &str, value: &str) -> usize {
        self.log
            .lock()
            .unwrap()
            .iter()
            .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
            .filter(|line| line["fields"]["message"] == message && line["fields"][field] == value)
            .count()
    }

    /// The `fields` of every JSON log line so far whose message is `message`, in order.
    pub fn log_fields(&self, message: &str) -> Vec<serde_json::Value> {
        self.log
            .lock()
            .unwrap()
            .iter()
            .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
            .map(|mut line| line["fields"].take())
            .filter(|fields| fields["message"] == message)
            .collect()
    }

    /// As [`Node::log_fields`], once at least `count` such lines are logged (the log reaches the
    /// test through a pipe, a moment after the node wrote it); panics after `timeout`.
    pub async fn await_log_fields(
        &self,
        message: &str,
        count: usize,
        timeout: Duration,
    ) -> Vec<serde_json::Value> {
        let deadline = Instant::now() + timeout;
        loop {
            let fields = self.log_fields(message);
            if fields.len() >= count {
                return fields;
            }
            assert!(
                Instant::now() < deadline,
                "fewer than {count} `{message}` lines within {timeout:?}:\n{}",
                self.log_text()
            );
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }

    /// SIGTERM, and the exit status (a clean shutdown is 0).
    pub fn terminate(mut self) -> ExitStatus {
        // SAFETY: kill(2) sends a signal to the child we spawned and have not reaped; it touches
        // no memory of ours.
        let sent = unsafe { libc::kill(self.child.id() as libc::pid_t, libc::SIGTERM) };
        assert_eq!(sent, 0, "kill: {}", std::io::Error::last_os_error());
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "aortad did not exit after SIGTERM"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Node {
    fn drop(&mut self) {
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

/// A UDP relay between one client and a node that can drop every packet both ways for a while:
/// a cut network, which neither side is told about.
pub struct Relay {
    /// Where the client connects.
    pub address: SocketAddr,
    /// The address the node sees the client's packets come from.
    pub node_side: SocketAddr,
    cut: Arc<AtomicBool>,
    task: tokio::task::JoinHandle<()>,
}

impl Relay {
    pub async fn start(node: SocketAddr) -> Relay {
        let front = tokio::net::UdpSocket::bind("127.0.0.1:0").await.unwrap();
        let back = tokio::net::UdpSocket::bind("127.0.0.1:0").await.unwrap();
        back.connect(node).await.unwrap();
        let address = front.local_addr().unwrap();
        let node_side = back.local_addr().unwrap();
        let cut = Arc::new(AtomicBool::new(false));
        let dropping = cut.clone();
        let task = tokio::spawn(async move {
            let mut client = None;
            let mut from_client = vec![0u8; 65536];
            let mut from_node = vec![0u8; 65536];
            loop {
                tokio::select! {
                    Ok((len, source)) = front.recv_from(&mut from_client) => {
                        client = Some(source);
                        if !dropping.load(Ordering::SeqCst) {
                            let _ = back.send(&from_client[..len]).await;
                        }
                    }
                    Ok(len) = back.recv(&mut from_node) => {
                        if let (Some(client), false) = (client, dropping.load(Ordering::SeqCst)) {
                            let _ = front.send_to(&from_node[..len], client).await;
                        }
                    }
                }
            }
        });
        Relay {
            address,
            node_side,
            cut,
            task,
        }
    }

    /// Drops every packet from now on (`true`) or forwards them again (`false`).
    pub fn set_cut(&self, cut: bool) {
        self.cut.store(cut, Ordering::SeqCst);
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// A client configuration for the node in `data_dir` reached at `address` (the node's own, or a
/// relay's), with waits short enough for tests and long enough for a paused machine.
pub fn client_config(data_dir: &Path, address: SocketAddr) -> aorta_client::ClientConfig {
    let mut config = aorta_client::ClientConfig::from_data_dir(data_dir, address, "root")
        .expect("the node's certificate and cluster key");
    // A connection to a stopped node is not refused (QUIC over UDP is told nothing): each
    // attempt waits its whole timeout, so keep it short.
    config.connect_timeout = Duration::from_secs(5);
    config.request_timeout = Duration::from_secs(30);
    config.reconnect = aorta_client::Reconnect {
        delay_initial: Duration::from_millis(50),
        delay_max: Duration::from_millis(500),
        give_up_after: Duration::from_secs(120),
    };
    config
}

/// `commits` puts and `reads` reads (gets and lists, alternately) from as many callers at once,
/// over namespaces on both shards of a two-shard node: every one must succeed (a failure names
/// `Overloaded` when it is one), and each put's receipt must be its own (checked against what the
/// node then holds: its revision and id).
pub async fn commits_and_reads_at_once(
    client: &aorta_client::Client,
    commits: usize,
    reads: usize,
) {
    commits_and_reads_with_data_at_once(client, commits, reads, |i| vec![i as u8; 64]).await;
}

/// As [`commits_and_reads_at_once`], put `i` writing `data(i)`; also checks that each resource
/// then holds its own put's data.
pub async fn commits_and_reads_with_data_at_once(
    client: &aorta_client::Client,
    commits: usize,
    reads: usize,
    data: fn(usize) -> Vec<u8>,
) {
    use aorta_client::{ListFrom, Query, ResourceSpec, Scope};
    let commits: Vec<_> = (0..commits)
        .map(|i| {
            let client = client.clone();
            tokio::spawn(async move {
                let namespace = format!("/ns{}", i % 16);
                let name = format!("r{i:03}");
                let spec = ResourceSpec::new(&namespace, &name, "item").with_data(data(i));
                let receipt = client
                    .put(spec, None)
                    .await
                    .unwrap_or_else(|error| panic!("commit {i}: {}", described(&error)));
                (namespace, name, receipt)
            })
        })
        .collect();
    let reads: Vec<_> = (0..reads)
        .map(|i| {
            let client = client.clone();
            tokio::spawn(async move {
                let namespace = format!("/ns{}", i % 16);
                let read = if i % 2 == 0 {
                    client
                        .get(&namespace, &format!("r{i:03}"))
                        .await
                        .map(|_| ())
                } else {
                    let query = Query {
                        namespace: namespace.clone(),
                        scope: Scope::Children,
                        kind: None,
                        selector: None,
                        page_size: 10,
                    };
                    client.list(&query, ListFrom::Latest).await.map(|_| ())
                };
                read.unwrap_or_else(|error| panic!("read {i}: {}", described(&error)));
            })
        })
        .collect();

    for read in reads {
        read.await.unwrap();
    }
    let mut receipts = Vec::with_capacity(commits.len());
    for commit in commits {
        receipts.push(commit.await.unwrap());
    }
    let resources = each_receipt_is_its_own(client, &receipts).await;
    for (i, (resource, (namespace, name, _))) in resources.iter().zip(&receipts).enumerate() {
        assert!(
            resource.data == data(i),
            "{namespace}/{name} holds another put's data"
        );
    }
}

/// Each `(namespace, name, receipt)` of a put is that put's own: the resource the node now holds
/// has the receipt's position as its revision and its id, and no two receipts share a position.
/// Returns the resources read.
pub async fn each_receipt_is_its_own(
    client: &aorta_client::Client,
    receipts: &[(String, String, aorta_client::CommitReceipt)],
) -> Vec<aorta_client::Resource> {
    let mut positions = std::collections::HashSet::new();
    let mut resources = Vec::with_capacity(receipts.len());
    for (namespace, name, receipt) in receipts {
        let resource = client
            .get(namespace, name)
            .await
            .unwrap()
            .expect("an acknowledged put is there");
        assert_eq!(
            resource.revision, receipt.position,
            "{namespace}/{name} got the receipt of another commit"
        );
        assert_eq!(resource.id, receipt.ids[0], "{namespace}/{name}");
        assert!(
            positions.insert((receipt.shard, receipt.position)),
            "two commits answered with one position"
        );
        resources.push(resource);
    }
    resources
}

/// An error, named `Overloaded` when it is one (what the client's budget exists to prevent).
fn described(error: &aorta_client::Error) -> String {
    match error {
        aorta_client::Error::Unavailable {
            code: aorta_client::ErrorCode::Overloaded,
            ..
        } => format!("answered Overloaded, over the node's limit: {error}"),
        other => other.to_string(),
    }
}
