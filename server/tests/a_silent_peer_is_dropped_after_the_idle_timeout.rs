//! Dead-peer detection: the node pings a quiet connection every `keep_alive_interval_ms`, so a
//! live but quiet client stays connected past `idle_timeout_ms`; a client whose packets stop
//! (a UDP relay between the two goes silent) is closed by the node within `idle_timeout_ms`.

mod common;

use std::net::{SocketAddr, UdpSocket};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{connect, field, Node};

const IDLE_TIMEOUT: Duration = Duration::from_millis(2_000);

/// Forwards datagrams between one client and `server` until told to drop everything.
struct Relay {
    address: SocketAddr,
    silent: Arc<AtomicBool>,
    stop: Arc<AtomicBool>,
}

impl Relay {
    fn start(server: SocketAddr) -> Relay {
        let front = UdpSocket::bind("127.0.0.1:0").unwrap();
        let back = UdpSocket::bind("127.0.0.1:0").unwrap();
        back.connect(server).unwrap();
        for socket in [&front, &back] {
            socket
                .set_read_timeout(Some(Duration::from_millis(50)))
                .unwrap();
        }
        let relay = Relay {
            address: front.local_addr().unwrap(),
            silent: Arc::default(),
            stop: Arc::default(),
        };
        let client: Arc<Mutex<Option<SocketAddr>>> = Arc::default();
        let (front_in, back_out) = (front.try_clone().unwrap(), back.try_clone().unwrap());
        let (silent, stop, from) = (relay.silent.clone(), relay.stop.clone(), client.clone());
        std::thread::spawn(move || {
            let mut buffer = vec![0u8; 65_536];
            while !stop.load(Ordering::Relaxed) {
                if let Ok((len, peer)) = front_in.recv_from(&mut buffer) {
                    *from.lock().unwrap() = Some(peer);
                    if !silent.load(Ordering::Relaxed) {
                        let _ = back_out.send(&buffer[..len]);
                    }
                }
            }
        });
        let (silent, stop) = (relay.silent.clone(), relay.stop.clone());
        std::thread::spawn(move || {
            let mut buffer = vec![0u8; 65_536];
            while !stop.load(Ordering::Relaxed) {
                if let Ok(len) = back.recv(&mut buffer) {
                    let to = *client.lock().unwrap();
                    if let (Some(to), false) = (to, silent.load(Ordering::Relaxed)) {
                        let _ = front.send_to(&buffer[..len], to);
                    }
                }
            }
        });
        relay
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

#[tokio::test]
async fn a_silent_peer_is_dropped_after_the_idle_timeout() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::start(
        dir.path(),
        &[
            "--idle-timeout-ms",
            "2000",
            "--keep-alive-interval-ms",
            "500",
        ],
    );
    let relay = Relay::start(node.address);
    let client = common::client(dir.path(), b"aorta/1");
    let connection = connect(&client, relay.address).await.unwrap();

    // Quiet but alive for longer than the idle timeout: the node's pings keep it open.
    tokio::time::sleep(IDLE_TIMEOUT + Duration::from_millis(1_000)).await;
    assert!(
        connection.close_reason().is_none(),
        "{:?}",
        connection.close_reason()
    );

    relay.silent.store(true, Ordering::Relaxed);
    let silenced = Instant::now();
    let closed = node
        .log
        .until(
            "connection closed",
            |line| field(line, "reason").contains("timed out"),
            Duration::from_secs(20),
        )
        .await;
    let waited = silenced.elapsed();
    assert!(closed.is_some(), "no timeout logged:\n{}", node.log.text());
    eprintln!(
        "dead peer detected {waited:?} after its packets stopped (idle timeout {IDLE_TIMEOUT:?})"
    );
    assert!(
        waited <= IDLE_TIMEOUT + Duration::from_millis(1_500),
        "detected after {waited:?}"
    );
}
