//! The workloads, written once against [`System`]:
//!
//! * `w1`: durable writes, `--concurrency` in flight, over `--keys` keys picked uniformly or by a
//!   Zipf law;
//! * `w2`: `--watchers` watchers (one connection each) on a prefix while `--writers` writers put
//!   to it: submit-to-delivery and acknowledgement-to-delivery latency; every watcher must get
//!   exactly the changes written, each once ([`crate::check`]);
//! * `w3`: catch-up: write the changes, then read them all from the position before the first
//!   (exactly those, each once, too);
//! * `w4`: reads and writes mixed at `--read-ratio`, after one write of each key.
//!
//! Each run writes under a prefix of its own (the workload and a run id), so runs against a
//! long-lived system do not see each other's changes.

use std::collections::HashMap;
use std::future::Future;
use std::io::IsTerminal as _;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{bail, ensure, Context as _, Result};
use futures_util::StreamExt as _;
use hdrhistogram::Histogram;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rand::rngs::StdRng;
use rand::{Rng as _, SeedableRng as _};
use rand_distr::{Distribution as _, Zipf};
use serde::Serialize;

use crate::check::{check, Checker, KeySet, EXTRA_WINDOW};
use crate::cpu::ThreadTimes;
use crate::report::{new_histogram, Phase, Report};
use crate::systems::{
    nanos_since_epoch, stamped_value, stamped_value_at, submitted_at, Position, System,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Workload {
    /// Durable writes
    W1,
    /// Watch fan-out: commit-to-delivery latency
    W2,
    /// Catch-up: write, then read everything from the first position
    W3,
    /// Reads and writes mixed
    W4,
}

impl Workload {
    pub fn name(self) -> &'static str {
        match self {
            Workload::W1 => "w1",
            Workload::W2 => "w2",
            Workload::W3 => "w3",
            Workload::W4 => "w4",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum KeyDistribution {
    Uniform,
    Zipf,
}

/// The parameters of every workload (each uses those it needs).
#[derive(Clone, Debug, Serialize, clap::Args)]
pub struct WorkloadArgs {
    /// Requests in flight at once (w1, w3's writes, w4)
    #[arg(long, default_value_t = 16)]
    pub concurrency: usize,

    /// Bytes of each value written (at least 8: the submission time)
    #[arg(long, default_value_t = 256)]
    pub value_size: usize,

    /// Keys written to (w1, w4; w2 and w3 write each change to a key of its own)
    #[arg(long, default_value_t = 1000)]
    pub keys: u64,

    /// How keys are picked
    #[arg(long, value_enum, default_value = "uniform")]
    pub distribution: KeyDistribution,

    /// The Zipf law's exponent (with --distribution zipf)
    #[arg(long, default_value_t = 0.99)]
    pub zipf_exponent: f64,

    /// Operations in all: writes for w1, w2 and w3, reads and writes for w4 [default: 10000,
    /// unless --duration-s is given]
    #[arg(long)]
    pub count: Option<u64>,

    /// Run for this long instead of a count (w1, w2, w4)
    #[arg(long, value_name = "SECONDS")]
    pub duration_s: Option<f64>,

    /// Operations per second in all, paced (w1, w2, and w4's reads and writes, not its fill; at
    /// least 0.01): each operation has a scheduled time and its latency counts from that time, so
    /// a stall shows in the latencies of every operation it delayed (an open loop, as wrk2
    /// measures). The workers (--concurrency, or w2's --writers) must outnumber rate × latency,
    /// or the tool's own queue is measured. Without it each worker starts its next operation when
    /// the last one ends (a closed loop: the rate is what the system sustains)
    #[arg(long, value_name = "OPS_PER_S")]
    pub rate: Option<f64>,

    /// Watchers, one connection each (w2)
    #[arg(long, default_value_t = 10)]
    pub watchers: usize,

    /// Writers, each with one write in flight (w2)
    #[arg(long, default_value_t = 1)]
    pub writers: usize,

    /// Share of reads among the operations (w4)
    #[arg(long, default_value_t = 0.9)]
    pub read_ratio: f64,

    /// Requests in flight on one client connection: more concurrency opens more connections
    /// (the node takes 128 streams and 256 requests at once on one; every system gets the same
    /// number of connections)
    #[arg(long, default_value_t = 64)]
    pub in_flight_per_connection: usize,

    /// Bound on waiting for the last deliveries once the writes are done (w2, w3)
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    pub drain_timeout_s: u64,
}

impl WorkloadArgs {
    fn plan(&self) -> Plan {
        match (self.count, self.duration_s) {
            (Some(count), _) => Plan::Count(count),
            (None, Some(seconds)) => Plan::For(Duration::from_secs_f64(seconds)),
            (None, None) => Plan::Count(10_000),
        }
    }

    pub fn validate(&self) -> Result<()> {
        ensure!(self.concurrency >= 1, "--concurrency must be at least 1");
        ensure!(self.writers >= 1, "--writers must be at least 1");
        ensure!(self.keys >= 1, "--keys must be at least 1");
        ensure!(
            self.in_flight_per_connection >= 1,
            "--in-flight-per-connection must be at least 1"
        );
        ensure!(
            (0.0..=1.0).contains(&self.read_ratio),
            "--read-ratio must be between 0 and 1"
        );
        ensure!(
            self.distribution == KeyDistribution::Uniform || self.zipf_exponent > 0.0,
            "--zipf-exponent must be above 0"
        );
        if let Some(rate) = self.rate {
            ensure!(
                (RATE_MIN..=RATE_MAX).contains(&rate),
                "--rate must be between {RATE_MIN} and {RATE_MAX} operations per second"
            );
        }
        if let Some(seconds) = self.duration_s {
            ensure!(
                seconds > 0.0 && seconds.is_finite(),
                "--duration-s must be above 0"
            );
        }
        Ok(())
    }

    fn connections_for(&self, in_flight: usize) -> usize {
        in_flight.div_ceil(self.in_flight_per_connection).max(1)
    }
}

/// The bounds of `--rate`: below one operation per 100 s a run is a wait, not a measurement.
const RATE_MIN: f64 = 0.01;
const RATE_MAX: f64 = 1e9;

/// How long a driven phase runs.
#[derive(Clone, Copy, Debug)]
enum Plan {
    Count(u64),
    For(Duration),
}

/// What runs a workload beyond its parameters: the server's process, when known (the node this
/// tool started, or a peer's `--etcd-pid`/`--nats-pid`), for the CPU its threads spend.
#[derive(Clone, Debug, Default)]
pub struct Context {
    pub node_pid: Option<u32>,
}

/// A run id: the prefix of a run's keys, unique across runs against the same system.
fn run_id() -> String {
    let millis = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|elapsed| elapsed.as_millis())
        .unwrap_or(0);
    format!("r{millis}p{}", std::process::id())
}

pub async fn run<S: System>(
    target: &S::Target,
    workload: Workload,
    args: &WorkloadArgs,
    context: &Context,
) -> Result<Report> {
    args.validate()?;
    let prefix = format!("{}{}", workload.name(), run_id());
    let mut report = match workload {
        Workload::W1 => w1::<S>(target, args, &prefix, context).await?,
        Workload::W2 => w2::<S>(target, args, &prefix, context).await?,
        Workload::W3 => w3::<S>(target, args, &prefix).await?,
        Workload::W4 => w4::<S>(target, args, &prefix).await?,
    };
    report.system = S::NAME.into();
    report.workload = workload.name().into();
    report.parameters = parameters(workload, args);
    Ok(report)
}

/// The parameters a workload uses, for the report.
fn parameters(workload: Workload, args: &WorkloadArgs) -> serde_json::Value {
    let plan = match args.plan() {
        Plan::Count(count) => serde_json::json!({ "count": count }),
        Plan::For(duration) => serde_json::json!({ "duration_s": duration.as_secs_f64() }),
    };
    let mut parameters = serde_json::json!({
        "value_size": args.value_size.max(crate::systems::VALUE_BYTES_MIN),
        "in_flight_per_connection": args.in_flight_per_connection,
    });
    let object = parameters.as_object_mut().expect("an object");
    for (name, value) in plan.as_object().expect("an object") {
        object.insert(name.clone(), value.clone());
    }
    if let Some(rate) = args.rate.filter(|_| workload != Workload::W3) {
        object.insert("rate".into(), rate.into());
    }
    let mut set = |name: &str, value: serde_json::Value| {
        object.insert(name.into(), value);
    };
    match workload {
        Workload::W1 | Workload::W4 => {
            set("concurrency", args.concurrency.into());
            set("keys", args.keys.into());
            set(
                "distribution",
                serde_json::to_value(args.distribution).unwrap(),
            );
            if args.distribution == KeyDistribution::Zipf {
                set("zipf_exponent", args.zipf_exponent.into());
            }
            if workload == Workload::W4 {
                set("read_ratio", args.read_ratio.into());
            }
        }
        Workload::W2 => {
            set("watchers", args.watchers.into());
            set("writers", args.writers.into());
        }
        Workload::W3 => set("concurrency", args.concurrency.into()),
    }
    parameters
}

async fn connect_many<S: System>(target: &S::Target, count: usize) -> Result<Vec<S>> {
    let mut connections = Vec::with_capacity(count);
    for index in 0..count {
        let connection = S::connect(target)
            .await
            .with_context(|| format!("{} connection {} of {count}", S::NAME, index + 1))?;
        connections.push(connection);
    }
    Ok(connections)
}

/// Picks keys: uniformly, or by a Zipf law (key 0 the most often).
#[derive(Clone)]
struct KeyPicker {
    keys: u64,
    zipf: Option<Zipf<f64>>,
}

impl KeyPicker {
    fn new(args: &WorkloadArgs) -> Result<KeyPicker> {
        let zipf = match args.distribution {
            KeyDistribution::Uniform => None,
            KeyDistribution::Zipf => Some(
                Zipf::new(args.keys, args.zipf_exponent)
                    .map_err(|error| anyhow::anyhow!("the Zipf law: {error}"))?,
            ),
        };
        Ok(KeyPicker {
            keys: args.keys,
            zipf,
        })
    }

    fn pick(&self, rng: &mut StdRng) -> u64 {
        match &self.zipf {
            // Zipf draws a rank from 1 to n.
            Some(zipf) => (zipf.sample(rng) as u64).clamp(1, self.keys) - 1,
            None => rng.gen_range(0..self.keys),
        }
    }
}

/// A progress bar on stderr while the run goes, shown only when stdout is a terminal.
struct Progress {
    bar: ProgressBar,
    done: Arc<AtomicU64>,
    ticker: tokio::task::JoinHandle<()>,
}

impl Progress {
    fn start(label: &str, plan: Plan) -> Progress {
        let visible = std::io::stdout().is_terminal();
        let (length, template) = match plan {
            Plan::Count(count) => (count, "{msg} [{bar:40}] {pos}/{len} ({per_sec}, {eta})"),
            Plan::For(duration) => (
                duration.as_millis() as u64,
                "{msg} [{bar:40}] {elapsed} of the run",
            ),
        };
        let bar = ProgressBar::with_draw_target(
            Some(length),
            if visible {
                ProgressDrawTarget::stderr()
            } else {
                ProgressDrawTarget::hidden()
            },
        );
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(label.to_string());
        let done = Arc::new(AtomicU64::new(0));
        let started = Instant::now();
        let ticker = {
            let bar = bar.clone();
            let done = done.clone();
            tokio::spawn(async move {
                loop {
                    match plan {
                        Plan::Count(_) => bar.set_position(done.load(Ordering::Relaxed)),
                        Plan::For(_) => bar.set_position(started.elapsed().as_millis() as u64),
                    }
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            })
        };
        Progress { bar, done, ticker }
    }

    fn finish(self) {
        self.ticker.abort();
        self.bar.finish_and_clear();
    }
}

/// What driven operations measured: per kind of operation (an index the operation returns), the
/// latency histogram and the count; and the time it all took.
struct Driven {
    histograms: Vec<Histogram<u64>>,
    seconds: f64,
    /// Paced for a duration: operations scheduled within it that were never started.
    not_started: u64,
}

impl Driven {
    fn operations(&self, kind: usize) -> u64 {
        self.histograms[kind].len()
    }
}

/// Runs `operation(connection, index, scheduled, rng)` by `workers` tasks, each with one operation
/// in flight, spread over `connections`, until the plan is done; `operation` returns the kind of
/// operation it did (an index below `kinds`), whose latency is recorded in that kind's histogram.
///
/// With a `rate`, operation `index` is scheduled at `index / rate` seconds after the start: a
/// worker ahead of it waits for that time and counts from its wake-up; a worker behind it (every
/// worker was busy) counts from the scheduled time, so a stall shows in the latency of every
/// operation it delayed (no coordinated omission). Without, `scheduled` is when the worker starts
/// it.
async fn drive<S, Operation, Done>(
    label: &str,
    connections: &[S],
    workers: usize,
    plan: Plan,
    rate: Option<f64>,
    kinds: usize,
    operation: Operation,
) -> Result<Driven>
where
    S: System,
    Operation: Fn(S, u64, Instant, StdRng) -> Done + Clone + Send + Sync + 'static,
    Done: Future<Output = Result<(usize, StdRng)>> + Send,
{
    let progress = Progress::start(label, plan);
    let issued = Arc::new(AtomicU64::new(0));
    let failed = Arc::new(AtomicBool::new(false));
    let started = Instant::now();
    let recorder = Arc::new(Mutex::new(vec![new_histogram(); kinds]));
    let mut tasks = Vec::with_capacity(workers);
    for worker in 0..workers {
        let connection = connections[worker % connections.len()].clone();
        let issued = issued.clone();
        let failed = failed.clone();
        let done = progress.done.clone();
        let operation = operation.clone();
        let recorder = recorder.clone();
        tasks.push(tokio::spawn(async move {
            let mut pending = PendingLatencies::default();
            let mut rng = StdRng::from_entropy();
            let result = loop {
                if failed.load(Ordering::Relaxed) {
                    break Ok(());
                }
                let index = issued.fetch_add(1, Ordering::Relaxed);
                let now = Instant::now();
                let pace = match rate.map(|rate| pace(started, index, rate, now)) {
                    Some(None) => {
                        failed.store(true, Ordering::Relaxed);
                        break Err(anyhow::anyhow!(
                            "operation {index} at --rate {} is due later than this clock reaches",
                            rate.unwrap_or_default()
                        ));
                    }
                    Some(Some(pace)) => Some(pace),
                    None => None,
                };
                // A paced run for a duration ends at its end too, even behind its schedule: the
                // operations it did not start are counted (`not_started`), not run late.
                let more = match plan {
                    Plan::Count(count) => index < count,
                    Plan::For(duration) => {
                        let end = started + duration;
                        now < end && pace.is_none_or(|pace| pace.scheduled() < end)
                    }
                };
                if !more {
                    break Ok(());
                }
                let submitted = match pace {
                    Some(Pace::Ahead(scheduled)) => {
                        tokio::time::sleep_until(scheduled.into()).await;
                        Instant::now()
                    }
                    Some(Pace::Behind(scheduled)) => scheduled,
                    None => Instant::now(),
                };
                let operation = operation(connection.clone(), index, submitted, rng);
                let (kind, next_rng) = match operation.await {
                    Ok(done) => done,
                    Err(error) => {
                        failed.store(true, Ordering::Relaxed);
                        break Err(error);
                    }
                };
                rng = next_rng;
                let micros = submitted.elapsed().as_micros() as u64;
                pending.push(&recorder, kind, micros.max(1));
                done.fetch_add(1, Ordering::Relaxed);
            };
            pending.flush(&recorder);
            result
        }));
    }
    let mut first_error = None;
    for task in tasks {
        if let Err(error) = task.await.context("a worker task panicked")? {
            first_error.get_or_insert(error);
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    progress.finish();
    if let Some(error) = first_error {
        return Err(error.context(format!("{label}: an operation failed")));
    }
    let histograms = std::mem::take(&mut *recorder.lock().unwrap_or_else(|p| p.into_inner()));
    let done: u64 = histograms.iter().map(Histogram::len).sum();
    let not_started = match (plan, rate) {
        // Operations 0 ..= ceil(duration × rate) − 1 are due before the end.
        (Plan::For(duration), Some(rate)) => {
            ((duration.as_secs_f64() * rate).ceil() as u64).saturating_sub(done)
        }
        _ => 0,
    };
    Ok(Driven {
        histograms,
        seconds,
        not_started,
    })
}

/// Where a paced operation stands against its schedule (see [`drive`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pace {
    /// Its time has not come: wait for it, and count the latency from the wake-up (the timer's
    /// millisecond lateness is the tool's, not the system's).
    Ahead(Instant),
    /// Its time has passed (every worker was busy): start now, and count from the scheduled
    /// time, so that what held the workers up shows in this operation's latency too.
    Behind(Instant),
}

impl Pace {
    fn scheduled(&self) -> Instant {
        match *self {
            Pace::Ahead(at) | Pace::Behind(at) => at,
        }
    }
}

/// Operation `index` of a run paced at `rate` operations per second from `started`, at `now`;
/// `None` if it is due later than an `Instant` reaches.
fn pace(started: Instant, index: u64, rate: f64, now: Instant) -> Option<Pace> {
    let offset = Duration::try_from_secs_f64(index as f64 / rate).ok()?;
    let scheduled = started.checked_add(offset)?;
    Some(if scheduled > now {
        Pace::Ahead(scheduled)
    } else {
        Pace::Behind(scheduled)
    })
}

/// Latencies a worker task measured and has not yet recorded: recorded into the shared histograms
/// (one per kind) `LATENCY_BATCH` at a time. A histogram of this range is about 160 KiB, so one
/// per task (256 of them) would miss the caches at every record; the shared ones stay warm, and a
/// batch takes the lock once.
#[derive(Default)]
struct PendingLatencies {
    latencies: Vec<(usize, u64)>,
}

const LATENCY_BATCH: usize = 64;

impl PendingLatencies {
    fn push(&mut self, recorder: &Mutex<Vec<Histogram<u64>>>, kind: usize, micros: u64) {
        self.latencies.push((kind, micros));
        if self.latencies.len() >= LATENCY_BATCH {
            self.flush(recorder);
        }
    }

    fn flush(&mut self, recorder: &Mutex<Vec<Histogram<u64>>>) {
        if self.latencies.is_empty() {
            return;
        }
        let mut histograms = recorder.lock().unwrap_or_else(|p| p.into_inner());
        for (kind, micros) in self.latencies.drain(..) {
            histograms[kind].saturating_record(micros);
        }
    }
}

fn empty_report() -> Report {
    Report {
        system: String::new(),
        workload: String::new(),
        parameters: serde_json::Value::Null,
        phases: Vec::new(),
        written: 0,
        delivered: Vec::new(),
        delivery_checks: Vec::new(),
        exactly_the_changes_written: None,
        delivered_before_ack: 0,
        paced_not_started: 0,
        cpu_by_thread_group: Vec::new(),
        client_cpu_us_per_put: None,
    }
}

/// The CPU the system's threads (when its process is known) and this tool's spend from `start`
/// to `finish`, reported per put.
struct CpuMeter {
    node: Option<(u32, ThreadTimes)>,
    client: ThreadTimes,
}

impl CpuMeter {
    fn start(context: &Context) -> Result<CpuMeter> {
        let node = match context.node_pid {
            Some(pid) => Some((pid, ThreadTimes::read(pid)?)),
            None => None,
        };
        let client = ThreadTimes::read(std::process::id())?;
        Ok(CpuMeter { node, client })
    }

    fn finish(self, puts: u64, report: &mut Report) -> Result<()> {
        let client = ThreadTimes::read(std::process::id())?.since(&self.client);
        report.client_cpu_us_per_put = client.per_operation(puts).last().map(|all| all.us_per_put);
        if let Some((pid, before)) = self.node {
            let after = ThreadTimes::read(pid)?;
            report.cpu_by_thread_group = after.since(&before).per_operation(puts);
        }
        Ok(())
    }
}

async fn w1<S: System>(
    target: &S::Target,
    args: &WorkloadArgs,
    prefix: &str,
    context: &Context,
) -> Result<Report> {
    let connections = connect_many::<S>(target, args.connections_for(args.concurrency)).await?;
    let keys = KeyPicker::new(args)?;
    let value_size = args.value_size;
    let prefix: Arc<str> = prefix.into();
    let cpu = CpuMeter::start(context)?;
    let driven = drive(
        "w1 puts",
        &connections,
        args.concurrency,
        args.plan(),
        args.rate,
        1,
        move |system: S, _index, _scheduled, mut rng| {
            let key = keys.pick(&mut rng);
            let prefix = prefix.clone();
            async move {
                system
                    .put(&prefix, key, stamped_value(value_size, b'w'))
                    .await?;
                Ok((0, rng))
            }
        },
    )
    .await?;
    let puts = driven.operations(0);
    let mut report = empty_report();
    cpu.finish(puts, &mut report)?;
    report.phases.push(Phase::new(
        "puts",
        puts,
        driven.seconds,
        Some(&driven.histograms[0]),
    ));
    report.written = puts;
    report.paced_not_started = driven.not_started;
    Ok(report)
}

/// A watcher's record of one delivery: where it was committed, the key's index ([`NO_KEY`]: one
/// the tool could not read), when it was submitted and when it arrived (nanoseconds since the
/// run's epoch).
#[derive(Clone, Copy)]
struct Arrival {
    position: Position,
    key: u64,
    submitted: u64,
    arrived: u64,
}

/// An [`Arrival`]'s key when the delivery's could not be read (no change has this index: it would
/// be the 2^64th).
const NO_KEY: u64 = u64::MAX;

/// Set once the writers are done: how many changes every watcher must get.
struct WritesDone {
    written: AtomicU64,
    done: AtomicBool,
}

/// Reads `watch` until it delivered `WritesDone::written` changes after the writes are done, then
/// for [`EXTRA_WINDOW`] more (a delivery then is an extra one, which the delivery check fails); or
/// until the drain timeout passed since the writes were done (the check then fails the run).
async fn follow(
    mut watch: crate::systems::Watch,
    writes: Arc<WritesDone>,
    drain_timeout: Duration,
) -> Result<Vec<Arrival>> {
    // A short wait, so that the end of the writes is noticed even on a quiet watch.
    const POLL: Duration = Duration::from_millis(50);
    let mut arrivals = Vec::new();
    let mut drain_deadline: Option<Instant> = None;
    let mut extra_window_end: Option<Instant> = None;
    loop {
        let mut wait = POLL;
        if writes.done.load(Ordering::Acquire) {
            let now = Instant::now();
            if extra_window_end.is_none()
                && arrivals.len() as u64 >= writes.written.load(Ordering::Acquire)
            {
                extra_window_end = Some(now + EXTRA_WINDOW);
            }
            let deadline = match extra_window_end {
                Some(end) => end,
                None => *drain_deadline.get_or_insert_with(|| now + drain_timeout),
            };
            if now >= deadline {
                break;
            }
            wait = wait.min(deadline - now);
        }
        match tokio::time::timeout(wait, watch.next()).await {
            Err(_) => continue,
            Ok(None) => break,
            Ok(Some(delivery)) => {
                let delivery = delivery?;
                let arrived = nanos_since_epoch();
                let submitted = submitted_at(&delivery.value)
                    .context("a delivered value without its submission time")?;
                arrivals.push(Arrival {
                    position: delivery.position,
                    key: delivery.key.unwrap_or(NO_KEY),
                    submitted,
                    arrived,
                });
            }
        }
    }
    Ok(arrivals)
}

/// Each change to a key of its own: a NATS KV watch delivers only the values still in the bucket
/// (a key's older value is gone once replaced), while Aorta and etcd deliver every change; with
/// distinct keys every system has every change to deliver.
async fn w2<S: System>(
    target: &S::Target,
    args: &WorkloadArgs,
    prefix: &str,
    context: &Context,
) -> Result<Report> {
    let writers = connect_many::<S>(target, args.connections_for(args.writers)).await?;
    let writes = Arc::new(WritesDone {
        written: AtomicU64::new(0),
        done: AtomicBool::new(false),
    });
    let drain_timeout = Duration::from_secs(args.drain_timeout_s);
    let mut watchers = Vec::with_capacity(args.watchers);
    for index in 0..args.watchers {
        let connection = S::connect(target)
            .await
            .with_context(|| format!("watcher {}", index + 1))?;
        let watch = connection
            .watch(prefix, None)
            .await
            .with_context(|| format!("watcher {}", index + 1))?;
        let writes = writes.clone();
        watchers.push(tokio::spawn(async move {
            // The connection lives as long as its watch.
            let _connection = connection;
            follow(watch, writes, drain_timeout).await
        }));
    }

    // Per acknowledged put, by position: when it was acknowledged, and its key (the set written,
    // which the watchers are checked against).
    let acknowledged: Arc<Mutex<HashMap<Position, (u64, u64)>>> = Arc::default();
    let value_size = args.value_size;
    let shared_prefix: Arc<str> = prefix.into();
    let acks = acknowledged.clone();
    // CPU from the first put to the last delivery: per put, each delivered to every watcher.
    let cpu = CpuMeter::start(context)?;
    let started = nanos_since_epoch();
    let driven = drive(
        "w2 puts",
        &writers,
        args.writers,
        args.plan(),
        args.rate,
        1,
        move |system: S, index, scheduled, rng| {
            let prefix = shared_prefix.clone();
            let acks = acks.clone();
            // Submit-to-delivery counts from the scheduled time, as the put's latency does.
            let value = stamped_value_at(value_size, b'f', scheduled);
            async move {
                let position = system.put(&prefix, index, value).await?;
                let acknowledged = nanos_since_epoch();
                acks.lock()
                    .expect("the acknowledgement map")
                    .insert(position, (acknowledged, index));
                Ok((0, rng))
            }
        },
    )
    .await?;
    let written = driven.operations(0);
    writes.written.store(written, Ordering::Release);
    writes.done.store(true, Ordering::Release);

    let mut delivered = Vec::with_capacity(watchers.len());
    let mut delivery_checks = Vec::with_capacity(watchers.len());
    let mut submit_to_delivery = new_histogram();
    let mut ack_to_delivery = new_histogram();
    let mut delivered_before_ack = 0;
    let mut last_arrival = started;
    let acknowledged = std::mem::take(&mut *acknowledged.lock().expect("the acknowledgement map"));
    // The keys of the puts acknowledged: 0..written for a count, not always for a duration (a
    // worker may take an index and then find the run over).
    let keys_written: KeySet = acknowledged.values().map(|&(_, key)| key).collect();
    ensure!(
        keys_written.len() == written,
        "w2: {written} puts acknowledged, but {} distinct keys and {} positions among them",
        keys_written.len(),
        acknowledged.len()
    );
    // Each watcher task ends within the drain timeout (and the extra window) after the writes.
    for (index, watcher) in watchers.into_iter().enumerate() {
        let arrivals = watcher
            .await
            .context("a watcher task panicked")?
            .with_context(|| format!("watcher {}", index + 1))?;
        delivered.push(arrivals.len() as u64);
        delivery_checks.push(check(
            &keys_written,
            arrivals
                .iter()
                .map(|arrival| Some(arrival.key).filter(|&key| key != NO_KEY)),
        ));
        // The deliveries' latencies; extra ones, which fail the run, count too.
        for arrival in arrivals {
            last_arrival = last_arrival.max(arrival.arrived);
            let micros = arrival.arrived.saturating_sub(arrival.submitted) / 1000;
            submit_to_delivery.saturating_record(micros.max(1));
            if let Some(&(acked, _)) = acknowledged.get(&arrival.position) {
                if arrival.arrived < acked {
                    delivered_before_ack += 1;
                }
                let micros = arrival.arrived.saturating_sub(acked) / 1000;
                ack_to_delivery.saturating_record(micros.max(1));
            }
        }
    }
    let deliveries: u64 = delivered.iter().sum();
    let delivery_seconds = (last_arrival - started) as f64 / 1e9;
    let mut report = empty_report();
    cpu.finish(written, &mut report)?;
    report.phases.push(Phase::new(
        "puts",
        written,
        driven.seconds,
        Some(&driven.histograms[0]),
    ));
    report.phases.push(Phase::new(
        "submit-to-delivery",
        deliveries,
        delivery_seconds,
        Some(&submit_to_delivery),
    ));
    report.phases.push(Phase::new(
        "ack-to-delivery",
        ack_to_delivery.len(),
        delivery_seconds,
        Some(&ack_to_delivery),
    ));
    report.paced_not_started = driven.not_started;
    report.written = written;
    report.delivered = delivered;
    report.delivery_checks = delivery_checks;
    report.exactly_the_changes_written = Some(report.deliveries_exact());
    report.delivered_before_ack = delivered_before_ack;
    Ok(report)
}

async fn w3<S: System>(target: &S::Target, args: &WorkloadArgs, prefix: &str) -> Result<Report> {
    let Plan::Count(count) = args.plan() else {
        bail!("w3 writes a --count of changes (no --duration-s)");
    };
    ensure!(
        args.rate.is_none(),
        "w3 writes as fast as it can, then reads (no --rate)"
    );
    let connections = connect_many::<S>(target, args.connections_for(args.concurrency)).await?;
    let mark = connections[0]
        .mark()
        .await
        .context("where the history stands")?;
    let value_size = args.value_size;
    let shared_prefix: Arc<str> = prefix.into();
    // Each change to a key of its own: every system keeps all of them in its current state, so the
    // catch-up has all of them to read, whatever history each keeps of replaced values.
    let driven = drive(
        "w3 writes",
        &connections,
        args.concurrency,
        Plan::Count(count),
        None,
        1,
        move |system: S, index, _scheduled, rng| {
            let prefix = shared_prefix.clone();
            async move {
                system
                    .put(&prefix, index, stamped_value(value_size, b'c'))
                    .await?;
                Ok((0, rng))
            }
        },
    )
    .await?;
    let written = driven.operations(0);

    let reader = S::connect(target).await.context("the catch-up reader")?;
    let progress = Progress::start("w3 catch-up", Plan::Count(written));
    let started = Instant::now();
    let mut watch = reader
        .watch(prefix, Some(mark))
        .await
        .context("watching from the first position")?;
    let deadline = started + Duration::from_secs(args.drain_timeout_s);
    // The changes written: one to each key 0..written (any failed put failed the run).
    let keys_written = KeySet::range(written);
    let mut checker = Checker::new(&keys_written);
    let mut seconds = None;
    // Until as many changes as were written arrived, within the drain timeout; then for the
    // extra window, whose deliveries are extra ones (and fail the check).
    let mut until = deadline;
    loop {
        if seconds.is_none() && checker.received() >= written {
            seconds = Some(started.elapsed().as_secs_f64());
            until = Instant::now() + EXTRA_WINDOW;
        }
        let remaining = until.saturating_duration_since(Instant::now());
        match tokio::time::timeout(remaining, watch.next()).await {
            Err(_) | Ok(None) => break,
            Ok(Some(delivery)) => {
                let delivery = delivery.context("the catch-up read")?;
                checker.record(delivery.key);
                progress.done.store(checker.received(), Ordering::Relaxed);
            }
        }
    }
    let delivery_check = checker.finish();
    let delivered = delivery_check.received;
    // From asking for the watch to the last change of the count (or to the drain timeout).
    let seconds = seconds.unwrap_or_else(|| started.elapsed().as_secs_f64());
    progress.finish();
    let mut report = empty_report();
    report.phases.push(Phase::new(
        "writes",
        written,
        driven.seconds,
        Some(&driven.histograms[0]),
    ));
    report
        .phases
        .push(Phase::new("catch-up", delivered, seconds, None));
    report.written = written;
    report.delivered = vec![delivered];
    report.delivery_checks = vec![delivery_check];
    report.exactly_the_changes_written = Some(report.deliveries_exact());
    Ok(report)
}

async fn w4<S: System>(target: &S::Target, args: &WorkloadArgs, prefix: &str) -> Result<Report> {
    let connections = connect_many::<S>(target, args.connections_for(args.concurrency)).await?;
    let value_size = args.value_size;
    let shared_prefix: Arc<str> = prefix.into();
    // Every key written once first, so that every read finds a value.
    let prefix_for_fill = shared_prefix.clone();
    let filled = drive(
        "w4 fill",
        &connections,
        args.concurrency,
        Plan::Count(args.keys),
        None,
        1,
        move |system: S, index, _scheduled, rng| {
            let prefix = prefix_for_fill.clone();
            async move {
                system
                    .put(&prefix, index, stamped_value(value_size, b'm'))
                    .await?;
                Ok((0, rng))
            }
        },
    )
    .await?;

    let keys = KeyPicker::new(args)?;
    let read_ratio = args.read_ratio;
    const READ: usize = 0;
    const WRITE: usize = 1;
    let driven = drive(
        "w4 reads and writes",
        &connections,
        args.concurrency,
        args.plan(),
        args.rate,
        2,
        move |system: S, _index, _scheduled, mut rng| {
            let key = keys.pick(&mut rng);
            let read = rng.gen_bool(read_ratio);
            let prefix = shared_prefix.clone();
            async move {
                if read {
                    let found = system.get(&prefix, key).await?;
                    ensure!(
                        found,
                        "key {key} was written before the reads, but is absent"
                    );
                    Ok((READ, rng))
                } else {
                    system
                        .put(&prefix, key, stamped_value(value_size, b'm'))
                        .await?;
                    Ok((WRITE, rng))
                }
            }
        },
    )
    .await?;
    let mut report = empty_report();
    report.phases.push(Phase::new(
        "fill",
        filled.operations(0),
        filled.seconds,
        None,
    ));
    let reads = driven.operations(READ);
    let writes = driven.operations(WRITE);
    report.phases.push(Phase::new(
        "operations",
        reads + writes,
        driven.seconds,
        None,
    ));
    report.phases.push(Phase::new(
        "reads",
        reads,
        driven.seconds,
        Some(&driven.histograms[READ]),
    ));
    report.phases.push(Phase::new(
        "writes",
        writes,
        driven.seconds,
        Some(&driven.histograms[WRITE]),
    ));
    report.written = filled.operations(0) + writes;
    report.paced_not_started = driven.not_started;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser as _;

    #[derive(clap::Parser)]
    struct Arguments {
        #[command(flatten)]
        workload: WorkloadArgs,
    }

    fn args(line: &[&str]) -> WorkloadArgs {
        let mut full = vec!["test"];
        full.extend_from_slice(line);
        Arguments::try_parse_from(full).unwrap().workload
    }

    #[test]
    fn zipf_keys_stay_in_range_and_favour_the_first() {
        let picker = KeyPicker::new(&args(&["--keys", "100", "--distribution", "zipf"])).unwrap();
        let mut rng = StdRng::seed_from_u64(7);
        let mut counts = vec![0u32; 100];
        for _ in 0..20_000 {
            counts[picker.pick(&mut rng) as usize] += 1;
        }
        assert!(counts[0] > counts[1] && counts[1] > counts[10] && counts[10] > counts[99]);
        let uniform = KeyPicker::new(&args(&["--keys", "100"])).unwrap();
        assert!((0..1000).all(|_| uniform.pick(&mut rng) < 100));
    }

    #[test]
    fn a_count_wins_over_a_duration_and_ten_thousand_is_the_default() {
        assert!(matches!(args(&[]).plan(), Plan::Count(10_000)));
        assert!(matches!(
            args(&["--duration-s", "2"]).plan(),
            Plan::For(duration) if duration == Duration::from_secs(2)
        ));
        assert!(matches!(
            args(&["--duration-s", "2", "--count", "5"]).plan(),
            Plan::Count(5)
        ));
    }

    #[test]
    fn parameters_out_of_range_are_refused() {
        assert!(args(&["--concurrency", "0"]).validate().is_err());
        assert!(args(&["--read-ratio", "1.5"]).validate().is_err());
        assert!(args(&["--duration-s", "0"]).validate().is_err());
        assert!(args(&["--rate", "0"]).validate().is_err());
        assert!(args(&["--rate=-5"]).validate().is_err());
        assert!(args(&["--rate", "inf"]).validate().is_err());
        assert!(args(&["--rate", "NaN"]).validate().is_err());
        assert!(args(&["--rate", "0.001"]).validate().is_err());
        assert!(args(&["--rate", "0.5"]).validate().is_ok());
        assert!(args(&["--in-flight-per-connection", "0"])
            .validate()
            .is_err());
        assert!(args(&[]).validate().is_ok());
    }

    #[test]
    fn a_paced_operation_waits_for_its_time_or_counts_from_it_when_late() {
        let started = Instant::now();
        let ms = Duration::from_millis;
        // 100 per second: operation i is due i × 10 ms after the start.
        assert_eq!(
            pace(started, 0, 100.0, started),
            Some(Pace::Behind(started))
        );
        assert_eq!(
            pace(started, 50, 100.0, started + ms(100)),
            Some(Pace::Ahead(started + ms(500)))
        );
        // Due at 50 ms, reached at 1 s (the workers were busy): its latency counts from 50 ms.
        assert_eq!(
            pace(started, 5, 100.0, started + ms(1000)),
            Some(Pace::Behind(started + ms(50)))
        );
        assert_eq!(
            pace(started, 3, 0.5, started).map(|pace| pace.scheduled()),
            Some(started + Duration::from_secs(6))
        );
        // Due past what an Instant holds: no schedule, not a panic.
        assert_eq!(pace(started, u64::MAX, RATE_MIN, started), None);
    }

    /// A system no workload here calls: `drive`'s operations below do their own waiting.
    #[derive(Clone)]
    struct Idle;

    impl System for Idle {
        type Target = ();
        const NAME: &'static str = "idle";
        async fn connect(_: &()) -> Result<Self> {
            Ok(Idle)
        }
        async fn put(&self, _: &str, _: u64, _: Vec<u8>) -> Result<Position> {
            unreachable!("not called by these tests")
        }
        async fn get(&self, _: &str, _: u64) -> Result<bool> {
            unreachable!("not called by these tests")
        }
        async fn mark(&self) -> Result<crate::systems::Mark> {
            unreachable!("not called by these tests")
        }
        async fn watch(
            &self,
            _: &str,
            _: Option<crate::systems::Mark>,
        ) -> Result<crate::systems::Watch> {
            unreachable!("not called by these tests")
        }
    }

    type Done = std::pin::Pin<Box<dyn Future<Output = Result<(usize, StdRng)>> + Send>>;

    /// Operation 0 stalls for `stall`, every other one is instant.
    fn stall_first(
        stall: Duration,
    ) -> impl Fn(Idle, u64, Instant, StdRng) -> Done + Clone + Send + Sync + 'static {
        move |_, index, _, rng| {
            Box::pin(async move {
                if index == 0 {
                    tokio::time::sleep(stall).await;
                }
                Ok((0, rng))
            })
        }
    }

    #[tokio::test]
    async fn a_stall_shows_in_the_latency_of_every_paced_operation_it_delayed() {
        // One worker at 100/s: operations 1..=9 are due at 10..=90 ms, but the worker is held
        // by operation 0 until 200 ms, so each counts at least 200 ms − 90 ms from its due time.
        let stall = Duration::from_millis(200);
        let driven = drive(
            "test",
            &[Idle],
            1,
            Plan::Count(10),
            Some(100.0),
            1,
            stall_first(stall),
        )
        .await
        .unwrap();
        let latencies = &driven.histograms[0];
        assert_eq!(latencies.len(), 10);
        assert!(latencies.min() >= 110_000, "min {} µs", latencies.min());
        // Closed loop, the same stall delays only the operation that stalled.
        let closed = drive(
            "test",
            &[Idle],
            1,
            Plan::Count(10),
            None,
            1,
            stall_first(stall),
        )
        .await
        .unwrap();
        assert!(closed.histograms[0].value_at_quantile(0.5) < 110_000);
    }

    #[tokio::test]
    async fn a_paced_run_for_a_duration_ends_on_time_and_counts_what_it_did_not_start() {
        // 100/s for 300 ms: 30 operations due; the first one holds the only worker past the end.
        let driven = drive(
            "test",
            &[Idle],
            1,
            Plan::For(Duration::from_millis(300)),
            Some(100.0),
            1,
            stall_first(Duration::from_millis(400)),
        )
        .await
        .unwrap();
        assert_eq!(driven.operations(0), 1);
        assert_eq!(driven.not_started, 29);
        assert!(driven.seconds < 1.0, "ran {} s", driven.seconds);
    }

    /// A system whose watches deliver a script: each key's index after a pause, whatever was
    /// written (each put is acknowledged at once, at its key's index).
    #[derive(Clone)]
    struct Scripted {
        script: Arc<Vec<(Duration, Option<u64>)>>,
    }

    impl System for Scripted {
        type Target = Arc<Vec<(Duration, Option<u64>)>>;
        const NAME: &'static str = "scripted";
        async fn connect(script: &Self::Target) -> Result<Self> {
            Ok(Scripted {
                script: script.clone(),
            })
        }
        async fn put(&self, _: &str, key: u64, _: Vec<u8>) -> Result<Position> {
            Ok(key)
        }
        async fn get(&self, _: &str, _: u64) -> Result<bool> {
            Ok(true)
        }
        async fn mark(&self) -> Result<crate::systems::Mark> {
            Ok(crate::systems::Mark::Sequence(0))
        }
        async fn watch(
            &self,
            _: &str,
            _: Option<crate::systems::Mark>,
        ) -> Result<crate::systems::Watch> {
            let script = self.script.iter().copied().collect::<Vec<_>>();
            let deliveries = futures_util::stream::iter(script).then(|(pause, key)| async move {
                tokio::time::sleep(pause).await;
                Ok(crate::systems::Delivery {
                    position: key.unwrap_or(NO_KEY),
                    key,
                    value: stamped_value(8, 0),
                })
            });
            // Then quiet, as a watch is once it has delivered everything.
            Ok(Box::pin(deliveries.chain(futures_util::stream::pending())))
        }
    }

    /// Runs `workload` writing 3 changes against a watch that delivers `script`; its check.
    async fn scripted(
        workload: Workload,
        script: &[(u64, Option<u64>)],
    ) -> (crate::check::DeliveryCheck, Option<bool>) {
        let script = script
            .iter()
            .map(|&(millis, key)| (Duration::from_millis(millis), key))
            .collect();
        let line = ["--count", "3", "--concurrency", "1", "--watchers", "1"];
        let report = run::<Scripted>(
            &Arc::new(script),
            workload,
            &args(&line),
            &Context::default(),
        )
        .await
        .unwrap();
        assert_eq!(report.written, 3);
        assert_eq!(report.delivery_checks.len(), 1);
        (
            report.delivery_checks[0].clone(),
            report.exactly_the_changes_written,
        )
    }

    #[tokio::test]
    async fn readers_must_receive_exactly_the_changes_written_and_nothing_after() {
        for workload in [Workload::W2, Workload::W3] {
            // In any order, exactly once: exact.
            let (check, exact) =
                scripted(workload, &[(0, Some(2)), (0, Some(0)), (0, Some(1))]).await;
            assert!(check.exact(), "{workload:?} {check:?}");
            assert_eq!(exact, Some(true));
            // The count is right, the changes are not: one twice, one never.
            let (check, exact) =
                scripted(workload, &[(0, Some(0)), (0, Some(1)), (0, Some(1))]).await;
            assert_eq!((check.duplicates, check.missing), (1, 1), "{workload:?}");
            assert_eq!(exact, Some(false));
            // Once the count is reached, the reader listens on: an extra delivery within the
            // window is caught (a duplicate, or a change never written).
            let late = EXTRA_WINDOW.as_millis() as u64 / 3;
            let exactly = [(0, Some(0)), (0, Some(1)), (0, Some(2))];
            for extra in [Some(1), Some(7), None] {
                let script = [&exactly[..], &[(late, extra)]].concat();
                let (check, exact) = scripted(workload, &script).await;
                assert_eq!(check.received, 4, "{workload:?} {extra:?}");
                assert_eq!(
                    check.duplicates + check.unknown,
                    1,
                    "{workload:?} {extra:?}"
                );
                assert_eq!(check.missing, 0, "{workload:?} {extra:?}");
                assert_eq!(exact, Some(false));
            }
        }
    }

    #[test]
    fn the_rate_is_recorded_for_the_paced_workloads_only() {
        let paced = args(&["--rate", "250"]);
        assert_eq!(parameters(Workload::W2, &paced)["rate"], 250.0);
        assert_eq!(parameters(Workload::W1, &paced)["rate"], 250.0);
        assert!(parameters(Workload::W3, &paced).get("rate").is_none());
        assert!(parameters(Workload::W2, &args(&[])).get("rate").is_none());
    }

    #[test]
    fn more_in_flight_than_one_connection_takes_opens_more_connections() {
        let workload = args(&[]);
        assert_eq!(workload.connections_for(1), 1);
        assert_eq!(workload.connections_for(64), 1);
        assert_eq!(workload.connections_for(65), 2);
        assert_eq!(workload.connections_for(256), 4);
    }
}
