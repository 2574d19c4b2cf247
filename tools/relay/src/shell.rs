//! [`UdpRelay`]: the relay's sockets on a thread of their own, carrying out [`RelayCore`]'s
//! orders. Clients send to the relay's address; each client address (a *flow*) gets its own
//! upstream socket towards the server, so the server sees one address per client, and a client that
//! moves to a new address appears to the server as a client that moved (a QUIC migration).
//! [`UdpRelay::rebind_flows`] moves every flow to a new upstream port while it runs: to the
//! server, every client behind the relay changes address mid-connection, as behind a NAT that
//! rebinds or on a robot that moves from one network to another.

use std::collections::HashMap;
use std::io;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::Instant;

use tokio::net::UdpSocket;
use tokio::sync::{mpsc, oneshot, Notify};

use crate::core::{Datagram, Direction, RelayCore, Stats};
use crate::faults::{Faults, FaultsError};
use crate::{DATAGRAM_BYTES_MAX, FLOWS_MAX};

struct Shared {
    core: Mutex<RelayCore>,
    /// Wakes the sender when a datagram may be due earlier than it sleeps for.
    arrived: Notify,
}

impl Shared {
    fn core(&self) -> MutexGuard<'_, RelayCore> {
        self.core.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// A running relay; stopped (and its thread joined) on drop.
pub struct UdpRelay {
    address: SocketAddr,
    shared: Arc<Shared>,
    stop: Option<oneshot::Sender<()>>,
    /// Asks the relay's thread to move every flow to a new upstream socket; answered when done.
    rebind: mpsc::Sender<oneshot::Sender<io::Result<usize>>>,
    thread: Option<JoinHandle<()>>,
}

impl UdpRelay {
    /// A relay on a free loopback port towards `server`.
    pub fn start(server: SocketAddr, faults: Faults, seed: u64) -> io::Result<UdpRelay> {
        Self::start_on(
            "127.0.0.1:0".parse().expect("an address"),
            server,
            faults,
            seed,
        )
    }

    /// A relay listening on `listen` towards `server`.
    pub fn start_on(
        listen: SocketAddr,
        server: SocketAddr,
        faults: Faults,
        seed: u64,
    ) -> io::Result<UdpRelay> {
        let core = RelayCore::new(faults, seed)
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?;
        let front = std::net::UdpSocket::bind(listen)?;
        front.set_nonblocking(true)?;
        let address = front.local_addr()?;
        let shared = Arc::new(Shared {
            core: Mutex::new(core),
            arrived: Notify::new(),
        });
        let (stop, stopped) = oneshot::channel();
        let (rebind, rebinds) = mpsc::channel(4);
        let running = shared.clone();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let thread = std::thread::Builder::new()
            .name("aorta-relay".into())
            .spawn(move || {
                runtime.block_on(async move {
                    if let Err(error) = relay(front, server, running, stopped, rebinds).await {
                        eprintln!("aorta-relay stopped: {error}");
                    }
                })
            })?;
        Ok(UdpRelay {
            address,
            shared,
            stop: Some(stop),
            rebind,
            thread: Some(thread),
        })
    }

    /// Moves every flow to a new upstream socket (a new source port towards the server) and
    /// returns how many flows moved. Blocks until done (at most a few socket binds); call it from
    /// outside the relay's thread (a test's thread or an async task: it does not need a runtime).
    pub fn rebind_flows(&self) -> io::Result<usize> {
        let (done, answer) = oneshot::channel();
        self.rebind
            .try_send(done)
            .map_err(|_| io::Error::other("the relay is stopped or busy rebinding"))?;
        self.shared.arrived.notify_one();
        answer
            .blocking_recv()
            .map_err(|_| io::Error::other("the relay stopped"))?
    }

    /// Where clients send.
    pub fn local_addr(&self) -> SocketAddr {
        self.address
    }

    /// Changes the faults from now on (cutting the path also drops what is held).
    pub fn set_faults(&self, faults: Faults) -> Result<(), FaultsError> {
        self.shared.core().set_faults(faults)?;
        self.shared.arrived.notify_one();
        Ok(())
    }

    pub fn stats(&self) -> Stats {
        self.shared.core().stats()
    }
}

impl Drop for UdpRelay {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

struct Flow {
    client: SocketAddr,
    upstream: Arc<UdpSocket>,
    /// The task taking the server's answers on `upstream`.
    reader: tokio::task::JoinHandle<()>,
}

async fn relay(
    front: std::net::UdpSocket,
    server: SocketAddr,
    shared: Arc<Shared>,
    mut stopped: oneshot::Receiver<()>,
    mut rebinds: mpsc::Receiver<oneshot::Sender<io::Result<usize>>>,
) -> io::Result<()> {
    let front = UdpSocket::from_std(front)?;
    let mut flows: Vec<Flow> = Vec::new();
    let mut flow_of: HashMap<SocketAddr, u32> = HashMap::new();
    let mut buffer = vec![0u8; DATAGRAM_BYTES_MAX];
    loop {
        let due = shared.core().next_due();
        let sleep = async {
            match due {
                Some(due) => tokio::time::sleep_until(due.into()).await,
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            _ = &mut stopped => return Ok(()),
            received = front.recv_from(&mut buffer) => {
                let (length, client) = received?;
                let flow = match flow_of.get(&client) {
                    Some(flow) => Some(*flow),
                    None if flows.len() < FLOWS_MAX => {
                        let flow = open_flow(&mut flows, client, server, &shared).await?;
                        flow_of.insert(client, flow);
                        Some(flow)
                    }
                    None => None,
                };
                if let Some(flow) = flow {
                    shared.core().on_datagram(Instant::now(), Datagram {
                        direction: Direction::ToServer,
                        flow,
                        bytes: buffer[..length].to_vec(),
                    });
                }
            }
            _ = sleep => {}
            _ = shared.arrived.notified() => {}
            Some(done) = rebinds.recv() => {
                let moved = rebind_all(&mut flows, server, &shared).await;
                let _ = done.send(moved);
            }
        }
        loop {
            let Some(datagram) = shared.core().pop_due(Instant::now()) else {
                break;
            };
            let flow = &flows[datagram.flow as usize];
            // UDP: a failed send is one more lost datagram.
            let _ = match datagram.direction {
                Direction::ToServer => flow.upstream.send(&datagram.bytes).await,
                Direction::ToClient => front.send_to(&datagram.bytes, flow.client).await,
            };
        }
    }
}

/// A new flow: an upstream socket towards the server, and a task taking the server's answers.
async fn open_flow(
    flows: &mut Vec<Flow>,
    client: SocketAddr,
    server: SocketAddr,
    shared: &Arc<Shared>,
) -> io::Result<u32> {
    let flow = flows.len() as u32;
    let (upstream, reader) = connect_upstream(flow, server, shared).await?;
    flows.push(Flow {
        client,
        upstream,
        reader,
    });
    Ok(flow)
}

/// Gives every flow a new upstream socket; the old ones are closed with their readers.
async fn rebind_all(
    flows: &mut [Flow],
    server: SocketAddr,
    shared: &Arc<Shared>,
) -> io::Result<usize> {
    for (index, flow) in flows.iter_mut().enumerate() {
        let (upstream, reader) = connect_upstream(index as u32, server, shared).await?;
        flow.reader.abort();
        flow.upstream = upstream;
        flow.reader = reader;
    }
    Ok(flows.len())
}

async fn connect_upstream(
    flow: u32,
    server: SocketAddr,
    shared: &Arc<Shared>,
) -> io::Result<(Arc<UdpSocket>, tokio::task::JoinHandle<()>)> {
    let bind: SocketAddr = if server.is_ipv4() {
        "127.0.0.1:0".parse().expect("an address")
    } else {
        "[::1]:0".parse().expect("an address")
    };
    let upstream = Arc::new(UdpSocket::bind(bind).await?);
    upstream.connect(server).await?;
    let reading = upstream.clone();
    let shared = shared.clone();
    let reader = tokio::spawn(async move {
        let mut buffer = vec![0u8; DATAGRAM_BYTES_MAX];
        // Ends when aborted (a rebind), with the runtime (the relay's drop), or when the socket
        // fails.
        while let Ok(length) = reading.recv(&mut buffer).await {
            shared.core().on_datagram(
                Instant::now(),
                Datagram {
                    direction: Direction::ToClient,
                    flow,
                    bytes: buffer[..length].to_vec(),
                },
            );
            shared.arrived.notify_one();
        }
    });
    Ok((upstream, reader))
}
