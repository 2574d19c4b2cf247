//! `aorta-bench compare` for w1, w2, w3 (and w4) against a spawned aortad, etcd and nats-server (started
//! here by `tools/peers/peers.sh` on free loopback ports), with small parameters: the tool's
//! correctness, not speed. Every system must acknowledge every write, and every watcher and the
//! catch-up reader must get exactly the changes written: each of them once (none missing, none
//! twice), and nothing else, not even in the window the tool keeps listening after the count.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Bound on one `compare` run (three systems, small parameters; a debug build on a busy machine).
const RUN_TIMEOUT: Duration = Duration::from_secs(120);

const COUNT: u64 = 60;
const WATCHERS: u64 = 3;
const KEYS: u64 = 20;

fn peers_script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../peers/peers.sh")
}

/// `N` distinct free loopback TCP ports: each held until all are chosen, so no two are the same
/// (free when asked; nothing else takes them in the moment before the peers bind them).
fn free_ports<const N: usize>() -> [u16; N] {
    let listeners: Vec<TcpListener> = (0..N)
        .map(|_| TcpListener::bind("127.0.0.1:0").expect("binding a free port"))
        .collect();
    std::array::from_fn(|index| listeners[index].local_addr().unwrap().port())
}

/// etcd and nats-server, started with their data under a temporary directory; stopped on drop.
struct Peers {
    data: tempfile::TempDir,
    etcd_url: String,
    nats_address: String,
}

impl Peers {
    fn start() -> Peers {
        let data = tempfile::tempdir().expect("a temporary directory");
        let [etcd, etcd_peer, nats] = free_ports();
        let status = Command::new("bash")
            .arg(peers_script())
            .arg("start")
            .arg(data.path())
            .env("ETCD_PORT", etcd.to_string())
            .env("ETCD_PEER_PORT", etcd_peer.to_string())
            .env("NATS_PORT", nats.to_string())
            .status()
            .expect("running peers.sh");
        let peers = Peers {
            data,
            etcd_url: format!("http://127.0.0.1:{etcd}"),
            nats_address: format!("127.0.0.1:{nats}"),
        };
        assert!(status.success(), "peers.sh start failed: {status}");
        peers
    }
}

impl Drop for Peers {
    fn drop(&mut self) {
        let _ = Command::new("bash")
            .arg(peers_script())
            .arg("stop")
            .arg(self.data.path())
            .status();
    }
}

/// The aortad beside this build's aorta-bench; built when missing (`cargo test -p aorta-bench`
/// builds no other package's binary).
fn aortad() -> PathBuf {
    let bench = PathBuf::from(env!("CARGO_BIN_EXE_aorta-bench"));
    let profile_dir = bench.parent().expect("target/<profile>").to_owned();
    let aortad = profile_dir.join("aortad");
    if !aortad.exists() {
        let target_dir = profile_dir.parent().expect("target/");
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let mut build = Command::new(cargo);
        build
            .args(["build", "-p", "aorta-server", "--bin", "aortad"])
            .env("CARGO_TARGET_DIR", target_dir);
        if profile_dir
            .file_name()
            .is_some_and(|name| name == "release")
        {
            build.arg("--release");
        }
        let status = build.status().expect("running cargo build");
        assert!(status.success(), "building aortad failed: {status}");
    }
    aortad
}

/// Runs `aorta-bench compare --workload WORKLOAD` against the three systems; the reports.
fn compare(workload: &str, more: &[&str], peers: &Peers, aortad: &Path) -> Vec<serde_json::Value> {
    let json = peers
        .data
        .path()
        .join(format!("{workload}{}.json", more.join("")));
    let mut child = Command::new(env!("CARGO_BIN_EXE_aorta-bench"))
        .args(["compare", "--workload", workload, "--spawn", "--aortad"])
        .arg(aortad)
        .args(["--data-parent"])
        .arg(peers.data.path())
        .args(["--etcd", &peers.etcd_url, "--nats", &peers.nats_address])
        .args(["--count", &COUNT.to_string()])
        .args(["--concurrency", "4", "--keys", &KEYS.to_string()])
        .args(["--value-size", "64"])
        .args(["--watchers", &WATCHERS.to_string(), "--writers", "2"])
        .args(["--drain-timeout-s", "20"])
        .args(more)
        .arg("--json")
        .arg(&json)
        .stdin(Stdio::null())
        .spawn()
        .expect("running aorta-bench");
    let deadline = Instant::now() + RUN_TIMEOUT;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("aorta-bench compare --workload {workload} ran past {RUN_TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "compare --workload {workload}: {status}");
    let text = std::fs::read_to_string(&json).expect("the JSON reports");
    let reports: Vec<serde_json::Value> = serde_json::from_str(&text).expect("JSON");
    let systems: Vec<&str> = reports
        .iter()
        .map(|report| report["system"].as_str().unwrap())
        .collect();
    assert_eq!(systems, ["aorta", "etcd", "nats"], "{text}");
    reports
}

/// A report of w2 or w3: each of its `readers` received exactly the `COUNT` changes written, each
/// once, and nothing else (the tool's check of the keys received, beyond their count).
fn check_exact(report: &serde_json::Value, readers: u64) {
    assert_eq!(report["written"], COUNT, "{report}");
    let delivered = report["delivered"].as_array().unwrap();
    assert_eq!(delivered.len() as u64, readers, "{report}");
    assert!(
        delivered.iter().all(|count| *count == COUNT),
        "every reader gets as many changes as were written: {report}"
    );
    let checks = report["delivery_checks"].as_array().unwrap();
    assert_eq!(checks.len() as u64, readers, "{report}");
    for check in checks {
        assert_eq!(
            *check,
            serde_json::json!({ "received": COUNT, "missing": 0, "duplicates": 0, "unknown": 0 }),
            "every reader gets exactly the changes written, each once: {report}"
        );
    }
    assert_eq!(report["exactly_the_changes_written"], true, "{report}");
}

/// A w2 report: every watcher got exactly the changes written, each latency recorded; paced at
/// `rate`, the puts took at least the schedule's span (the last put is due `(COUNT - 1) / rate`
/// seconds in).
fn check_w2(report: &serde_json::Value, rate: Option<f64>) {
    check_exact(report, WATCHERS);
    let latency = &report["phases"][1];
    assert_eq!(latency["name"], "submit-to-delivery", "{report}");
    assert_eq!(latency["latency"]["count"], COUNT * WATCHERS, "{report}");
    assert_eq!(
        report["parameters"].get("rate").and_then(|r| r.as_f64()),
        rate
    );
    if let Some(rate) = rate {
        let span = (COUNT - 1) as f64 / rate;
        let seconds = report["phases"][0]["seconds"].as_f64().unwrap();
        assert!(
            seconds >= span,
            "paced puts took {seconds} s, less than the schedule's {span} s: {report}"
        );
    }
}

#[test]
fn compare_runs_end_to_end_against_all_three_systems() {
    let started = Instant::now();
    let peers = Peers::start();
    let aortad = aortad();

    for report in compare("w1", &[], &peers, &aortad) {
        assert_eq!(report["written"], COUNT, "{report}");
        // No readers: nothing to check.
        assert_eq!(
            report["exactly_the_changes_written"],
            serde_json::Value::Null
        );
        assert_eq!(report["phases"][0]["name"], "puts", "{report}");
        assert_eq!(report["phases"][0]["latency"]["count"], COUNT, "{report}");
    }

    // w2 as fast as the writers go, then paced: a fixed rate of puts (an open loop).
    for (more, rate) in [(&[][..], None), (&["--rate", "300"][..], Some(300.0))] {
        for report in compare("w2", more, &peers, &aortad) {
            check_w2(&report, rate);
        }
    }

    for report in compare("w3", &[], &peers, &aortad) {
        check_exact(&report, 1);
    }

    // w4 too: every key written first, then reads (each must find its key) and puts.
    for report in compare("w4", &[], &peers, &aortad) {
        let operations = |name: &str| {
            let phases = report["phases"].as_array().unwrap();
            let phase = phases.iter().find(|phase| phase["name"] == name).unwrap();
            phase["operations"].as_u64().unwrap()
        };
        assert_eq!(operations("fill"), KEYS, "{report}");
        assert_eq!(
            operations("reads") + operations("writes"),
            COUNT,
            "{report}"
        );
        assert_eq!(report["written"], KEYS + operations("writes"), "{report}");
    }

    eprintln!("five compares in {:?}", started.elapsed());
}
