//! `aorta-bench`: load on a running `aortad` (or one it starts, `--spawn`), and the same workloads
//! on etcd and NATS JetStream side by side (`compare`); `raw-disk` measures the disk underneath.
//! See `docs/benchmarks.md` for the workloads, the peers' durability settings and the figures.

/// mimalloc, as every Aorta binary (why: `docs/architecture.md`, dependencies).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod check;
mod cpu;
mod raw_disk;
mod report;
mod spawn;
mod systems;
mod workload;

use std::net::{SocketAddr, ToSocketAddrs as _};
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{bail, Context as _, Result};
use aorta_client::config::default_data_dir;
use aorta_client::ClientConfig;
use clap::{Args, Parser, Subcommand, ValueEnum};

use report::Report;
use spawn::SpawnedNode;
use systems::aorta::{Aorta, AortaTarget};
use systems::etcd::Etcd;
use systems::nats::Nats;
use workload::{Context, Workload, WorkloadArgs};

#[derive(Parser)]
#[command(
    name = "aorta-bench",
    version,
    about = "Load generator for an Aorta node, with etcd and NATS JetStream side by side"
)]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
    /// Threads of the tool's async runtime, which drives every connection to the system measured:
    /// 1 runs everything on one thread, without a multi-threaded scheduler (the default: on a
    /// machine shared with the system measured it leaves the other cores to it, and it costs each
    /// system's client a third less CPU per put than one worker per CPU, docs/benchmarks.md);
    /// 0 one worker per CPU; n that many workers (many connections on a machine of their own)
    #[arg(
        long,
        global = true,
        env = "AORTA_BENCH_CLIENT_THREADS",
        default_value_t = 1
    )]
    client_threads: usize,
}

#[derive(Subcommand)]
enum Cmd {
    /// Run one workload against one system
    Run {
        #[arg(long, value_enum)]
        workload: Workload,
        #[arg(long, value_enum, default_value = "aorta")]
        system: SystemName,
        #[command(flatten)]
        targets: Targets,
        #[command(flatten)]
        workload_args: WorkloadArgs,
        /// Also write the report as JSON to this file
        #[arg(long, value_name = "FILE")]
        json: Option<PathBuf>,
    },
    /// Run one workload against each system in turn, with the same parameters, and print one
    /// table with each figure's ratio to Aorta's
    Compare {
        #[arg(long, value_enum)]
        workload: Workload,
        /// The systems, in order (the first is the base of the ratios)
        #[arg(
            long,
            value_enum,
            value_delimiter = ',',
            default_value = "aorta,etcd,nats"
        )]
        systems: Vec<SystemName>,
        #[command(flatten)]
        targets: Targets,
        #[command(flatten)]
        workload_args: WorkloadArgs,
        /// Also write the reports as a JSON array to this file
        #[arg(long, value_name = "FILE")]
        json: Option<PathBuf>,
    },
    /// Measure the disk itself: 4 KiB writes with fdatasync (back to back, and overwrites one per 10 ms
    /// from an idle disk), and sequential write bandwidth
    RawDisk {
        /// A directory on the disk to measure (the one the systems keep their data on)
        #[arg(long, value_name = "DIR", default_value = ".")]
        dir: PathBuf,
        /// 4 KiB writes, each followed by fdatasync, of each kind
        #[arg(long, default_value_t = 2000)]
        syncs: u64,
        /// MiB written sequentially
        #[arg(long, default_value_t = 512)]
        sequential_mib: u64,
        #[arg(long, value_name = "FILE")]
        json: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum SystemName {
    Aorta,
    Etcd,
    Nats,
}

/// How Aorta's client connections get their UDP sockets (`--aorta-sockets`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum AortaSockets {
    Shared,
    PerConnection,
}

/// Where each system is.
#[derive(Args, Clone)]
struct Targets {
    /// Start an aortad of its own on a free loopback port with a temporary data directory (under
    /// --data-parent), and stop it at the end; its threads' CPU per put is reported for w1 and w2
    /// (w2: a put with its delivery to every watcher)
    #[arg(long)]
    spawn: bool,

    /// The aortad to spawn [default: the one beside this executable]
    #[arg(long, value_name = "PATH")]
    aortad: Option<PathBuf>,

    /// Where the spawned node's data directory is made [default: the system's temp directory]
    #[arg(long, value_name = "DIR")]
    data_parent: Option<PathBuf>,

    /// More command-line settings for the spawned aortad (repeatable, e.g. --node-arg=--connection-threads=2)
    #[arg(long = "node-arg", value_name = "ARG", allow_hyphen_values = true)]
    node_args: Vec<String>,

    /// A running node's UDP address, HOST:PORT (without --spawn)
    #[arg(long, env = "AORTA_ADDRESS", default_value = aorta_client::config::DEFAULT_ADDRESS)]
    address: String,

    /// Aorta's client connections: `shared`, one UDP socket for all of them (one receive path, as
    /// a process with many connections uses QUIC); `per-connection`, a socket each (each
    /// `Client::connect` on its own)
    #[arg(long, value_enum, default_value = "shared")]
    aorta_sockets: AortaSockets,

    /// A running node's data directory, for its certificate and cluster key (without --spawn)
    /// [default: $AORTA_DATA_DIR, else $XDG_DATA_HOME/aorta, else $HOME/.local/share/aorta]
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,

    /// etcd's client URL (tools/peers/peers.sh starts it there)
    #[arg(
        long,
        env = "AORTA_BENCH_ETCD",
        default_value = "http://127.0.0.1:23790"
    )]
    etcd: String,

    /// etcd's process id, for its CPU per put in w1 (peers.sh writes it to DIR/etcd.pid)
    #[arg(long, value_name = "PID")]
    etcd_pid: Option<u32>,

    /// nats-server's process id, for its CPU per put in w1 (peers.sh writes it to DIR/nats.pid)
    #[arg(long, value_name = "PID")]
    nats_pid: Option<u32>,

    /// nats-server's address (tools/peers/peers.sh starts it there)
    #[arg(long, env = "AORTA_BENCH_NATS", default_value = "127.0.0.1:42220")]
    nats: String,
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let mut builder = match cli.client_threads {
        1 => tokio::runtime::Builder::new_current_thread(),
        _ => tokio::runtime::Builder::new_multi_thread(),
    };
    if cli.client_threads > 1 {
        builder.worker_threads(cli.client_threads);
    }
    let built = builder.enable_all().build();
    let runtime = match built {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("aorta-bench: cannot start the async runtime: {error}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(run(cli));
    // Watch tasks may still hold connections: they end with the runtime, within a bound.
    runtime.shutdown_timeout(Duration::from_secs(5));
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("aorta-bench: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<()> {
    let client_threads = cli.client_threads;
    match cli.command {
        Cmd::Run {
            workload,
            system,
            targets,
            workload_args,
            json,
        } => {
            let mut reports = run_systems(workload, &[system], &targets, &workload_args).await?;
            note_client_threads(&mut reports, client_threads);
            let report = reports.into_iter().next().context("no report")?;
            print!("{}", report.to_text());
            if let Some(path) = json {
                write_json(&path, &report)?;
            }
            check_deliveries(std::slice::from_ref(&report))
        }
        Cmd::Compare {
            workload,
            systems,
            targets,
            workload_args,
            json,
        } => {
            if systems.is_empty() {
                bail!("--systems names none");
            }
            let mut reports = run_systems(workload, &systems, &targets, &workload_args).await?;
            note_client_threads(&mut reports, client_threads);
            for report in &reports {
                print!("{}", report.to_text());
            }
            println!();
            println!("{} {}", workload.name(), reports[0].parameters);
            print!("{}", report::comparison_table(&reports));
            if let Some(path) = json {
                write_json(&path, &reports)?;
            }
            check_deliveries(&reports)
        }
        Cmd::RawDisk {
            dir,
            syncs,
            sequential_mib,
            json,
        } => {
            let measured = tokio::task::spawn_blocking(move || {
                raw_disk::measure(&dir, syncs.max(1), sequential_mib.max(1))
            })
            .await
            .context("the raw disk measurement panicked")??;
            print!("{}", measured.to_text());
            if let Some(path) = json {
                write_json(&path, &measured)?;
            }
            Ok(())
        }
    }
}

/// Records the tool's runtime among each report's parameters: the client's CPU per put, and so
/// the rates on a machine the tool shares, depend on it (`--client-threads`).
fn note_client_threads(reports: &mut [Report], client_threads: usize) {
    for report in reports {
        if let Some(parameters) = report.parameters.as_object_mut() {
            parameters.insert("client_threads".into(), client_threads.into());
        }
    }
}

/// Runs the workload against each system in turn; a spawned node lives for the whole run.
async fn run_systems(
    workload: Workload,
    systems: &[SystemName],
    targets: &Targets,
    args: &WorkloadArgs,
) -> Result<Vec<Report>> {
    args.validate()?;
    let spawned = if targets.spawn && systems.contains(&SystemName::Aorta) {
        let aortad = spawn::aortad_path(targets.aortad.as_deref())?;
        let parent = targets
            .data_parent
            .clone()
            .unwrap_or_else(std::env::temp_dir);
        Some(SpawnedNode::start(&aortad, &parent, &targets.node_args).await?)
    } else {
        None
    };
    let mut reports = Vec::with_capacity(systems.len());
    let outcome = async {
        for system in systems {
            let report = match system {
                SystemName::Aorta => {
                    let (config, context) = match &spawned {
                        Some(node) => (
                            node.client_config()?,
                            Context {
                                node_pid: Some(node.pid()),
                            },
                        ),
                        None => (running_node_config(targets)?, Context::default()),
                    };
                    let endpoint = match targets.aorta_sockets {
                        AortaSockets::Shared => Some(
                            aorta_client::ClientEndpoint::new(&config)
                                .context("opening the client's UDP socket")?,
                        ),
                        AortaSockets::PerConnection => None,
                    };
                    let target = AortaTarget { config, endpoint };
                    workload::run::<Aorta>(&target, workload, args, &context).await
                }
                SystemName::Etcd => {
                    let context = Context {
                        node_pid: targets.etcd_pid,
                    };
                    workload::run::<Etcd>(&targets.etcd, workload, args, &context).await
                }
                SystemName::Nats => {
                    let context = Context {
                        node_pid: targets.nats_pid,
                    };
                    workload::run::<Nats>(&targets.nats, workload, args, &context).await
                }
            };
            let name = format!("{system:?}").to_lowercase();
            reports.push(report.with_context(|| format!("{} against {name}", workload.name()))?);
        }
        Ok::<_, anyhow::Error>(())
    }
    .await;
    if let Some(node) = spawned {
        // The node's own account of a failed run (a closed connection says why in its log).
        let outcome = outcome.map_err(|error| {
            error.context(format!(
                "the spawned aortad's last log lines:\n{}",
                node.log_tail()
            ))
        });
        node.stop()?;
        outcome?;
    } else {
        outcome?;
    }
    Ok(reports)
}

/// The client configuration of a node this tool did not start: its address, and its certificate
/// and cluster key from its data directory.
fn running_node_config(targets: &Targets) -> Result<ClientConfig> {
    let address: SocketAddr = targets
        .address
        .to_socket_addrs()
        .with_context(|| format!("resolving {}", targets.address))?
        .next()
        .with_context(|| format!("{} resolves to no address", targets.address))?;
    let data_dir = match &targets.data_dir {
        Some(dir) => dir.clone(),
        None => default_data_dir(&|name| std::env::var_os(name))
            .map(|(dir, _)| dir)
            .context(
                "no data directory: give --data-dir, or set AORTA_DATA_DIR, XDG_DATA_HOME or HOME",
            )?,
    };
    ClientConfig::from_data_dir(&data_dir, address, aorta_client::config::DEFAULT_PRINCIPAL)
        .with_context(|| format!("the node's identity files in {}", data_dir.display()))
}

fn write_json(path: &Path, value: &impl serde::Serialize) -> Result<()> {
    let text = serde_json::to_string_pretty(value).context("encoding the report")?;
    std::fs::write(path, text + "\n").with_context(|| format!("writing {}", path.display()))
}

/// Fails the run when a watcher or reader did not get exactly the changes written, each once.
fn check_deliveries(reports: &[Report]) -> Result<()> {
    for report in reports {
        if !report.deliveries_exact() {
            bail!(
                "{} {}: {} changes written, but delivered {:?}, not exactly the changes written \
                 each once: {}",
                report.system,
                report.workload,
                report.written,
                report.delivered,
                report.inexact_readers().join("; ")
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory as _;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn compare_takes_the_workload_and_its_parameters() {
        let cli = Cli::try_parse_from([
            "aorta-bench",
            "compare",
            "--workload",
            "w2",
            "--watchers",
            "3",
            "--count",
            "50",
            "--spawn",
        ])
        .unwrap();
        let Cmd::Compare {
            workload,
            systems,
            workload_args,
            targets,
            ..
        } = cli.command
        else {
            panic!("not compare");
        };
        assert_eq!(workload, Workload::W2);
        assert_eq!(
            systems,
            vec![SystemName::Aorta, SystemName::Etcd, SystemName::Nats]
        );
        assert_eq!(workload_args.watchers, 3);
        assert_eq!(workload_args.count, Some(50));
        assert!(targets.spawn);
    }
}
