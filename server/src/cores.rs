//! Thread per core for connections: one tokio current_thread runtime per connection thread, and a
//! `quinn::Runtime` that places quinn's tasks on them.
//!
//! One endpoint owns the one UDP socket, and its driver (receive, route by connection id) runs on
//! the endpoint thread; each connection's driver (decrypt, streams, timers, encrypt, send) runs on
//! the core its connection was placed on, beside the task that serves it. A client that moves to
//! a new address keeps its connection, because the one endpoint sees every packet and routes it
//! by connection id, not by address (see `docs/architecture.md`, "The node").
//!
//! Placement rule: [`CoreRuntime::spawn`] runs a task on the runtime of the thread that asks.
//! quinn spawns a connection's driver inside `Incoming::accept`, and the node calls `accept` from
//! a task it already placed on the chosen core, so the driver lands there too.

use std::fmt;
use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use quinn::{AsyncTimer, AsyncUdpSocket, Runtime, TokioRuntime};
use tokio::runtime::Handle;
use tokio::sync::oneshot;

/// How long a core's runtime gives its remaining tasks to end once the core is stopped (they
/// are connection tasks of a node that already closed every connection).
const CORE_STOP_TIMEOUT: Duration = Duration::from_secs(1);

/// The connection threads, each running a current_thread runtime until stopped.
pub struct Cores {
    handles: Vec<Handle>,
    stops: Vec<oneshot::Sender<()>>,
    threads: Vec<JoinHandle<()>>,
}

impl Cores {
    /// Starts `count` threads named `aortad-core-N`.
    pub fn start(count: usize) -> io::Result<Cores> {
        let mut cores = Cores {
            handles: Vec::with_capacity(count),
            stops: Vec::with_capacity(count),
            threads: Vec::with_capacity(count),
        };
        for index in 0..count {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()?;
            let (stop, stopped) = oneshot::channel::<()>();
            cores.handles.push(runtime.handle().clone());
            cores.stops.push(stop);
            let thread = std::thread::Builder::new()
                .name(format!("aortad-core-{index}"))
                .spawn(move || {
                    // Driving the runtime here is what runs every task spawned onto its handle.
                    let _ = runtime.block_on(stopped);
                    runtime.shutdown_timeout(CORE_STOP_TIMEOUT);
                })?;
            cores.threads.push(thread);
        }
        Ok(cores)
    }

    pub fn count(&self) -> usize {
        self.handles.len()
    }

    /// The runtime handle of core `index`.
    pub fn handle(&self, index: usize) -> &Handle {
        &self.handles[index]
    }

    pub fn handles(&self) -> Vec<Handle> {
        self.handles.clone()
    }

    /// Stops every core (their remaining tasks are dropped) and joins the threads.
    pub fn stop(self) {
        for stop in self.stops {
            let _ = stop.send(());
        }
        for thread in self.threads {
            if thread.join().is_err() {
                tracing::error!("a connection thread panicked");
            }
        }
    }
}

/// quinn's runtime for the node: tokio's timers, clock and UDP socket, with tasks placed on the
/// spawning thread's runtime (the endpoint thread or a core), else round robin over the cores.
pub struct CoreRuntime {
    cores: Vec<Handle>,
    next: AtomicUsize,
}

impl CoreRuntime {
    pub fn new(cores: Vec<Handle>) -> Arc<CoreRuntime> {
        assert!(!cores.is_empty(), "at least one core");
        Arc::new(CoreRuntime {
            cores,
            next: AtomicUsize::new(0),
        })
    }
}

impl fmt::Debug for CoreRuntime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CoreRuntime")
            .field("cores", &self.cores.len())
            .finish()
    }
}

impl Runtime for CoreRuntime {
    fn new_timer(&self, deadline: Instant) -> Pin<Box<dyn AsyncTimer>> {
        // Made on the thread whose task polls it: the timer belongs to that core's runtime.
        TokioRuntime.new_timer(deadline)
    }

    fn spawn(&self, future: Pin<Box<dyn Future<Output = ()> + Send>>) {
        match Handle::try_current() {
            Ok(current) => {
                current.spawn(future);
            }
            Err(_) => {
                // Not called this way by the node (it spawns from its runtimes), but a task must
                // never be lost: spread such tasks over the cores.
                let index = self.next.fetch_add(1, Ordering::Relaxed) % self.cores.len();
                self.cores[index].spawn(future);
            }
        }
    }

    fn wrap_udp_socket(&self, socket: std::net::UdpSocket) -> io::Result<Arc<dyn AsyncUdpSocket>> {
        // Registered with the calling (endpoint) thread's reactor; the cores send on it directly
        // (sendmsg on one UDP socket from several threads is safe) and wait for its
        // writability through that reactor.
        TokioRuntime.wrap_udp_socket(socket)
    }

    fn now(&self) -> Instant {
        TokioRuntime.now()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn thread_name() -> String {
        std::thread::current().name().unwrap_or("").to_string()
    }

    #[test]
    fn a_task_runs_on_the_core_that_spawns_it_and_elsewhere_round_robin() {
        let cores = Cores::start(2).unwrap();
        let runtime = CoreRuntime::new(cores.handles());
        let (sender, receiver) = std::sync::mpsc::channel();

        // From core 1: the task stays on core 1.
        let spawner = runtime.clone();
        let on_core = sender.clone();
        cores.handle(1).spawn(async move {
            spawner.spawn(Box::pin(async move {
                on_core.send(thread_name()).unwrap();
            }));
        });
        assert_eq!(receiver.recv().unwrap(), "aortad-core-1");

        // From a thread without a runtime: cores 0, 1, 0.
        for _ in 0..3 {
            let outside = sender.clone();
            runtime.spawn(Box::pin(async move {
                outside.send(thread_name()).unwrap();
            }));
            // One at a time, so that the order received is the order placed.
            let name = receiver.recv().unwrap();
            assert!(name.starts_with("aortad-core-"), "{name}");
        }
        cores.stop();
    }
}
