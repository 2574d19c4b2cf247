//! What the real-process tests share: start the real `aortad` on a temp data directory and an
//! ephemeral port (JSON logs, the bound address read from the `listening` line), stop it with a
//! signal, and connect to it with a quinn client that trusts the node's generated certificate.
#![allow(dead_code)]

pub mod artery;

use std::io::{BufRead as _, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;

/// How long a node may take to start listening (it opens an engine and may make a certificate).
pub const START_TIMEOUT: Duration = Duration::from_secs(60);

/// The `aortad` command with no `AORTA_*` variables inherited, logging JSON.
pub fn aortad() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_aortad"));
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("AORTA_") {
            command.env_remove(name);
        }
    }
    command.arg("--log-format").arg("json");
    command
}

/// The log lines a node has written so far, parsed, and a way to wait for more.
#[derive(Clone, Default)]
pub struct Log {
    lines: Arc<(Mutex<Vec<Value>>, Condvar)>,
}

impl Log {
    /// Collects `stderr`'s lines on a thread: JSON lines parsed, others kept as strings.
    fn collect(stderr: impl std::io::Read + Send + 'static) -> Log {
        let log = Log::default();
        let sink = log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                let value = serde_json::from_str(&line).unwrap_or(Value::String(line));
                let (lines, changed) = &*sink.lines;
                lines.lock().unwrap().push(value);
                changed.notify_all();
            }
        });
        log
    }

    /// The first line whose message is `message` and that `matches`, waiting up to `timeout`.
    pub fn wait_for(
        &self,
        message: &str,
        matches: impl Fn(&Value) -> bool,
        timeout: Duration,
    ) -> Option<Value> {
        let deadline = Instant::now() + timeout;
        let (lines, changed) = &*self.lines;
        let mut guard = lines.lock().unwrap();
        loop {
            if let Some(found) = guard
                .iter()
                .find(|line| message_of(line) == Some(message) && matches(line))
            {
                return Some(found.clone());
            }
            let left = deadline.checked_duration_since(Instant::now())?;
            guard = changed.wait_timeout(guard, left).unwrap().0;
        }
    }

    /// [`Log::wait_for`] for async tests: polls without blocking the runtime, which must keep
    /// driving the test's client meanwhile.
    pub async fn until(
        &self,
        message: &str,
        matches: impl Fn(&Value) -> bool,
        timeout: Duration,
    ) -> Option<Value> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(found) = self.wait_for(message, &matches, Duration::ZERO) {
                return Some(found);
            }
            if Instant::now() > deadline {
                return None;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    pub fn messages(&self) -> Vec<String> {
        let (lines, _) = &*self.lines;
        lines
            .lock()
            .unwrap()
            .iter()
            .map(|line| message_of(line).map_or_else(|| line.to_string(), str::to_string))
            .collect()
    }

    pub fn text(&self) -> String {
        let (lines, _) = &*self.lines;
        lines
            .lock()
            .unwrap()
            .iter()
            .map(|line| line.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// A JSON log line's message.
pub fn message_of(line: &Value) -> Option<&str> {
    line["fields"]["message"].as_str()
}

/// A field of a JSON log line, as text.
pub fn field(line: &Value, name: &str) -> String {
    match &line["fields"][name] {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// A running `aortad`.
pub struct Node {
    pub child: Child,
    pub address: SocketAddr,
    pub data_dir: PathBuf,
    pub log: Log,
}

impl Node {
    /// Starts `aortad --listen 127.0.0.1:0 --data-dir DIR ARGS` and waits for `listening`.
    pub fn start(data_dir: &Path, args: &[&str]) -> Node {
        Node::start_with_env(data_dir, args, &[])
    }

    /// [`Node::start`] with environment variables set.
    pub fn start_with_env(data_dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Node {
        let mut command = aortad();
        command
            .envs(env.iter().copied())
            .arg("--listen")
            .arg("127.0.0.1:0")
            .arg("--data-dir")
            .arg(data_dir)
            .args(args);
        Node::spawn(command, data_dir)
    }

    /// Runs `command` (a node logging JSON on stderr) and waits for `listening`.
    pub fn spawn(mut command: Command, data_dir: &Path) -> Node {
        let mut child = command
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawning the node");
        let log = Log::collect(child.stderr.take().unwrap());
        let Some(listening) = log.wait_for("listening", |_| true, START_TIMEOUT) else {
            let _ = child.kill();
            panic!("the node did not start listening:\n{}", log.text());
        };
        let address = field(&listening, "address")
            .parse()
            .expect("listening address");
        Node {
            child,
            address,
            data_dir: data_dir.to_owned(),
            log,
        }
    }

    pub fn signal(&self, signal: libc::c_int) {
        // SAFETY: kill(2) only sends a signal to the process we spawned (and have not reaped);
        // it touches no memory of ours.
        let sent = unsafe { libc::kill(self.child.id() as libc::pid_t, signal) };
        assert_eq!(sent, 0, "kill: {}", std::io::Error::last_os_error());
    }

    /// Sends SIGTERM and waits for the exit.
    pub fn terminate(self) -> (ExitStatus, Log) {
        self.stop_with(libc::SIGTERM)
    }

    /// Sends `signal` and waits for the exit.
    pub fn stop_with(mut self, signal: libc::c_int) -> (ExitStatus, Log) {
        self.signal(signal);
        let status = wait_with_timeout(&mut self.child, Duration::from_secs(30));
        (status, self.log.clone())
    }
}

impl Node {
    /// Waits for a node that was already signalled to exit.
    pub fn terminate_wait(mut self) -> (ExitStatus, Log) {
        let status = wait_with_timeout(&mut self.child, Duration::from_secs(30));
        (status, self.log.clone())
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Waits for `child` to exit, killing it (and failing) after `timeout`.
pub fn wait_with_timeout(child: &mut Child, timeout: Duration) -> ExitStatus {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("aortad did not exit within {timeout:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A client endpoint on 127.0.0.1 that trusts the certificate in `data_dir` and offers `alpn`.
/// Must be called inside a tokio runtime.
pub fn client(data_dir: &Path, alpn: &[u8]) -> quinn::Endpoint {
    client_with(data_dir, alpn, |_| {})
}

/// [`client`] with its transport settings changed by `configure` (after the 10 s idle timeout is
/// set).
pub fn client_with(
    data_dir: &Path,
    alpn: &[u8],
    configure: impl FnOnce(&mut quinn::TransportConfig),
) -> quinn::Endpoint {
    use rustls::pki_types::pem::PemObject as _;
    let pem = std::fs::read(data_dir.join("node.cert.pem")).unwrap();
    let mut roots = rustls::RootCertStore::empty();
    roots
        .add(rustls::pki_types::CertificateDer::from_pem_slice(&pem).unwrap())
        .unwrap();
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut tls = rustls::ClientConfig::builder_with_provider(provider)
        .with_protocol_versions(&[&rustls::version::TLS13])
        .unwrap()
        .with_root_certificates(roots)
        .with_no_client_auth();
    tls.alpn_protocols = vec![alpn.to_vec()];
    let crypto = quinn::crypto::rustls::QuicClientConfig::try_from(tls).unwrap();
    let mut config = quinn::ClientConfig::new(Arc::new(crypto));
    let mut transport = quinn::TransportConfig::default();
    transport.max_idle_timeout(Some(Duration::from_secs(10).try_into().unwrap()));
    configure(&mut transport);
    config.transport_config(Arc::new(transport));
    let mut endpoint = quinn::Endpoint::client("127.0.0.1:0".parse().unwrap()).unwrap();
    endpoint.set_default_client_config(config);
    endpoint
}

/// Connects `endpoint` to the node as `localhost`.
pub async fn connect(
    endpoint: &quinn::Endpoint,
    node: SocketAddr,
) -> Result<quinn::Connection, quinn::ConnectionError> {
    connect_as(endpoint, node, "localhost").await
}

/// Connects `endpoint` to the node, expecting its certificate to be valid for `server_name`.
pub async fn connect_as(
    endpoint: &quinn::Endpoint,
    node: SocketAddr,
    server_name: &str,
) -> Result<quinn::Connection, quinn::ConnectionError> {
    endpoint
        .connect(node, server_name)
        .expect("a valid connect call")
        .await
}

/// The application close code and reason a connection ended with, waiting up to `timeout`.
pub async fn closed_with(
    connection: &quinn::Connection,
    timeout: Duration,
) -> Result<(u64, String), String> {
    let error = tokio::time::timeout(timeout, connection.closed())
        .await
        .map_err(|_| format!("still open after {timeout:?}"))?;
    match error {
        quinn::ConnectionError::ApplicationClosed(close) => Ok((
            close.error_code.into_inner(),
            String::from_utf8_lossy(&close.reason).into_owned(),
        )),
        other => Err(format!("closed otherwise: {other}")),
    }
}

/// The file's permission bits.
pub fn mode_of(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}
