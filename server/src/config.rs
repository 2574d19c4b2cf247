//! The node's configuration: one list of settings ([`Settings`]), read from up to three layers
//! (command-line flags and `AORTA_*` environment variables through clap, a TOML file, embedded
//! defaults) and resolved into a [`NodeConfig`] by plain functions, so that precedence and
//! validation are tested without a process. Precedence: flag > environment > file > default.
//! Every value of a resolved `NodeConfig` is within its bounds; an invalid one is refused before
//! anything touches the disk.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fmt;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

/// The port `aortad` listens on by default (UDP).
pub const DEFAULT_PORT: u16 = 7700;
/// The largest batch the engine takes; a frame must be able to carry one.
pub const BATCH_BYTES_MAX: u64 = aorta_engine::limits::BATCH_BYTES_MAX as u64;

/// The embedded defaults, in one place: `--help`, `docs/operations.md` and a unit test agree with
/// them.
pub mod defaults {
    use super::*;

    pub const LISTEN: SocketAddr = SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), DEFAULT_PORT);
    pub const LOG_FILTER: &str = "info";
    pub const TLS_NAMES: [&str; 3] = ["localhost", "127.0.0.1", "::1"];
    pub const CONNECTIONS_MAX: u32 = 1024;
    pub const STREAMS_PER_CONNECTION_MAX: u32 = 128;
    pub const IDLE_TIMEOUT_MS: u64 = 30_000;
    pub const KEEP_ALIVE_INTERVAL_MS: u64 = 5_000;
    /// The protocol's default (`docs/protocol.md`, "Limits"): a maximal batch as a FlatBuffer
    /// (5.96 MB) fits.
    pub const FRAME_BYTES_MAX: u64 = aorta_wire::frame::FRAME_BYTES_DEFAULT as u64;
    pub const REQUESTS_IN_FLIGHT_MAX: u32 = 256;
    pub const REQUEST_BYTES_IN_FLIGHT_MAX: u64 = 64 * 1024 * 1024;
    pub const SHUTDOWN_GRACE_MS: u64 = 10_000;
    /// The protocol's default: a peer that has not proven the cluster key by then is closed.
    pub const HANDSHAKE_TIMEOUT_MS: u64 = aorta_wire::handshake::HANDSHAKE_TIMEOUT_MS_DEFAULT;
    /// The engine's history retention (what a subscription may resume from; older is `Compacted`).
    pub const HISTORY_CHANGES_MAX: u64 = aorta_engine::limits::HISTORY_CHANGES_DEFAULT as u64;
    pub const HISTORY_BYTES_MAX: u64 = aorta_engine::limits::HISTORY_BYTES_DEFAULT;
    pub const HISTORY_AGE_MS: u64 = aorta_engine::limits::HISTORY_AGE_MS_DEFAULT;
    pub const MEMTABLE_BYTES_MAX: u64 = aorta_engine::limits::MEMTABLE_BYTES_DEFAULT;
    /// 4 MiB: Linux's default `net.core.rmem_max`/`wmem_max` on these machines, the most an
    /// unprivileged process gets (the kernel doubles it for its bookkeeping); the 208 KiB default
    /// dropped packets under load (`shared/design.md`).
    pub const UDP_RECEIVE_BUFFER_BYTES: u64 = 4 * 1024 * 1024;
    pub const UDP_SEND_BUFFER_BYTES: u64 = 4 * 1024 * 1024;
}

/// The bounds of every numeric setting, `(min, max)`, inclusive.
pub mod bounds {
    pub const CONNECTION_THREADS: (u64, u64) = (1, 256);
    pub const CONNECTIONS_MAX: (u64, u64) = (1, 1_000_000);
    pub const STREAMS_PER_CONNECTION_MAX: (u64, u64) = (1, 10_000);
    pub const IDLE_TIMEOUT_MS: (u64, u64) = (1_000, 3_600_000);
    pub const KEEP_ALIVE_INTERVAL_MS: (u64, u64) = (100, 3_600_000);
    /// The protocol's range: an event with two maximal resources fits the least; the most bounds
    /// what one stream can make the node hold.
    pub const FRAME_BYTES_MAX: (u64, u64) = (
        aorta_wire::frame::FRAME_BYTES_MIN as u64,
        aorta_wire::frame::FRAME_BYTES_MAX as u64,
    );
    pub const REQUESTS_IN_FLIGHT_MAX: (u64, u64) = (1, 65_536);
    pub const REQUEST_BYTES_IN_FLIGHT_MAX: (u64, u64) = (64 * 1024, 16 * 1024 * 1024 * 1024);
    pub const SHUTDOWN_GRACE_MS: (u64, u64) = (0, 600_000);
    pub const HANDSHAKE_TIMEOUT_MS: (u64, u64) = (100, 600_000);
    pub const SHARDS: (u64, u64) = (1, aorta_engine::limits::SHARDS_MAX as u64);
    pub const HISTORY_CHANGES_MAX: (u64, u64) =
        (1, aorta_engine::limits::HISTORY_CHANGES_MAX as u64);
    pub const HISTORY_BYTES_MAX: (u64, u64) = (1, aorta_engine::limits::HISTORY_BYTES_MAX);
    pub const HISTORY_AGE_MS: (u64, u64) = (1, aorta_engine::limits::HISTORY_AGE_MS_MAX);
    pub const MEMTABLE_BYTES_MAX: (u64, u64) = (
        aorta_engine::limits::MEMTABLE_BYTES_MIN,
        aorta_engine::limits::MEMTABLE_BYTES_MAX,
    );
    pub const UDP_BUFFER_BYTES: (u64, u64) = (64 * 1024, 1024 * 1024 * 1024);
}

const _: () = assert!(defaults::FRAME_BYTES_MAX >= BATCH_BYTES_MAX);
const _: () = assert!(defaults::KEEP_ALIVE_INTERVAL_MS < defaults::IDLE_TIMEOUT_MS);
const _: () = assert!(
    defaults::REQUEST_BYTES_IN_FLIGHT_MAX
        >= defaults::FRAME_BYTES_MAX + aorta_wire::frame::FRAME_HEADER_BYTES as u64
);

/// How log lines are written on stderr.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable when stderr is a terminal, JSON otherwise.
    Auto,
    /// Human-readable lines.
    Text,
    /// One JSON object a line, with `level` and an RFC 3339 `timestamp`.
    Json,
}

/// Every setting, each optional: one layer of the configuration. Clap fills one from flags and
/// environment variables, serde one from the TOML file (same key names, snake_case).
#[derive(Clone, Debug, Default, PartialEq, Deserialize, clap::Args)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// UDP address to listen on (QUIC); port 0 picks a free port, logged as `listening`
    /// [default: 127.0.0.1:7700]
    #[arg(long, env = "AORTA_LISTEN", value_name = "ADDR")]
    pub listen: Option<SocketAddr>,

    /// Data directory: the engine's files, the node certificate and the cluster key [default:
    /// $AORTA_DATA_DIR, else $XDG_DATA_HOME/aorta, else $HOME/.local/share/aorta]
    #[arg(long, env = "AORTA_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Threads that run connections (one per core) [default: the number of CPUs]
    #[arg(long, env = "AORTA_CONNECTION_THREADS", value_name = "N")]
    pub connection_threads: Option<u16>,

    /// Log format on stderr [default: auto: text on a terminal, else json]
    #[arg(long, env = "AORTA_LOG_FORMAT", value_enum)]
    pub log_format: Option<LogFormat>,

    /// Which log lines to write, in tracing's filter syntax (e.g. `info,quinn=debug`) [default:
    /// info]
    #[arg(long, env = "AORTA_LOG_FILTER", value_name = "FILTER")]
    pub log_filter: Option<String>,

    /// Names and addresses the generated node certificate is valid for, comma-separated; used
    /// only when the certificate is made (first start) [default: localhost,127.0.0.1,::1]
    #[arg(
        long,
        env = "AORTA_TLS_NAMES",
        value_name = "NAMES",
        value_delimiter = ','
    )]
    pub tls_names: Option<Vec<String>>,

    /// Connections open at once; one more is refused with code 20 (Overloaded) and the reason
    /// [default: 1024]
    #[arg(long, env = "AORTA_CONNECTIONS_MAX", value_name = "N")]
    pub connections_max: Option<u32>,

    /// Streams a client may have open at once on one connection, of each direction [default:
    /// 128]
    #[arg(long, env = "AORTA_STREAMS_PER_CONNECTION_MAX", value_name = "N")]
    pub streams_per_connection_max: Option<u32>,

    /// A connection silent this long is closed: with keep-alives, a dead peer is detected within
    /// this time [default: 30000]
    #[arg(long, env = "AORTA_IDLE_TIMEOUT_MS", value_name = "MS")]
    pub idle_timeout_ms: Option<u64>,

    /// How often the node pings a quiet connection (below idle_timeout_ms) [default: 5000]
    #[arg(long, env = "AORTA_KEEP_ALIVE_INTERVAL_MS", value_name = "MS")]
    pub keep_alive_interval_ms: Option<u64>,

    /// Largest frame body accepted on a stream, 4 MiB to 64 MiB [default: 8388608]
    #[arg(long, env = "AORTA_FRAME_BYTES_MAX", value_name = "BYTES")]
    pub frame_bytes_max: Option<u64>,

    /// Requests one connection may have taken and not yet answered [default: 256]
    #[arg(long, env = "AORTA_REQUESTS_IN_FLIGHT_MAX", value_name = "N")]
    pub requests_in_flight_max: Option<u32>,

    /// Bytes of requests one connection may hold (frames in progress, requests not yet
    /// answered); and, apart, the bytes of answers and events it may have waiting to be written
    /// before its streams take no more work [default: 67108864]
    #[arg(long, env = "AORTA_REQUEST_BYTES_IN_FLIGHT_MAX", value_name = "BYTES")]
    pub request_bytes_in_flight_max: Option<u64>,

    /// On SIGTERM/SIGINT, how long connections get to finish their work before they are closed
    /// [default: 10000]
    #[arg(long, env = "AORTA_SHUTDOWN_GRACE_MS", value_name = "MS")]
    pub shutdown_grace_ms: Option<u64>,

    /// A connection that has not proven the cluster key this long after it opened is closed
    /// (code 43) [default: 10000]
    #[arg(long, env = "AORTA_HANDSHAKE_TIMEOUT_MS", value_name = "MS")]
    pub handshake_timeout_ms: Option<u64>,

    /// Shards of a new data directory, 1 to 256; an existing directory keeps its own, and a
    /// different count is refused [default: one per CPU]
    #[arg(long, env = "AORTA_SHARDS", value_name = "N")]
    pub shards: Option<u16>,

    /// History kept per shard, in changes: a subscription may resume from what is kept, older is
    /// answered Compacted [default: 16777216]
    #[arg(long, env = "AORTA_HISTORY_CHANGES_MAX", value_name = "N")]
    pub history_changes_max: Option<u64>,

    /// History kept per shard, in estimated bytes [default: 1073741824]
    #[arg(long, env = "AORTA_HISTORY_BYTES_MAX", value_name = "BYTES")]
    pub history_bytes_max: Option<u64>,

    /// History kept per shard, in commit time back from the newest change [default: 3600000]
    #[arg(long, env = "AORTA_HISTORY_AGE_MS", value_name = "MS")]
    pub history_age_ms: Option<u64>,

    /// A shard's memtable is written to an sstable when it holds this many bytes; history
    /// retention is applied at these flushes, so it is also the history's granularity [default:
    /// 67108864]
    #[arg(long, env = "AORTA_MEMTABLE_BYTES_MAX", value_name = "BYTES")]
    pub memtable_bytes_max: Option<u64>,

    /// UDP socket receive buffer to ask the kernel for (capped by net.core.rmem_max; a smaller
    /// grant is logged as a warning) [default: 4194304]
    #[arg(long, env = "AORTA_UDP_RECEIVE_BUFFER_BYTES", value_name = "BYTES")]
    pub udp_receive_buffer_bytes: Option<u64>,

    /// UDP socket send buffer to ask the kernel for (capped by net.core.wmem_max) [default:
    /// 4194304]
    #[arg(long, env = "AORTA_UDP_SEND_BUFFER_BYTES", value_name = "BYTES")]
    pub udp_send_buffer_bytes: Option<u64>,
}

/// Where a setting's value came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    Flag,
    Environment(&'static str),
    File(PathBuf),
    Default,
    /// The data directory's default rule, and which of its steps applied.
    DefaultRule(&'static str),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Flag => write!(f, "flag"),
            Origin::Environment(name) => write!(f, "${name}"),
            Origin::File(path) => write!(f, "config file {}", path.display()),
            Origin::Default => write!(f, "default"),
            Origin::DefaultRule(rule) => write!(f, "default: {rule}"),
        }
    }
}

/// The configuration file as read: its path and its settings.
#[derive(Clone, Debug)]
pub struct ConfigFile {
    pub path: PathBuf,
    pub settings: Settings,
}

/// Why a configuration was refused.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read the config file {path}: {source}")]
    ReadFile {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the config file {path} is not valid:\n{message}")]
    ParseFile { path: PathBuf, message: String },
    #[error("{key} = {value} ({origin}) is out of range: it must be from {min} to {max}")]
    OutOfRange {
        key: &'static str,
        value: u64,
        min: u64,
        max: u64,
        origin: Origin,
    },
    #[error(
        "keep_alive_interval_ms = {keep_alive_ms} ({keep_alive_origin}) must be below \
         idle_timeout_ms = {idle_ms} ({idle_origin}), or a quiet but live peer would time out"
    )]
    KeepAliveNotBelowIdleTimeout {
        keep_alive_ms: u64,
        keep_alive_origin: Origin,
        idle_ms: u64,
        idle_origin: Origin,
    },
    #[error(
        "request_bytes_in_flight_max = {in_flight} ({in_flight_origin}) is below \
         frame_bytes_max = {frame} ({frame_origin}) plus a frame's {header}-byte header: a \
         largest frame could never be taken",
        header = aorta_wire::frame::FRAME_HEADER_BYTES
    )]
    InFlightBelowFrame {
        in_flight: u64,
        in_flight_origin: Origin,
        frame: u64,
        frame_origin: Origin,
    },
    #[error("log_filter = {filter:?} ({origin}) is not a valid filter: {message}")]
    LogFilter {
        filter: String,
        origin: Origin,
        message: String,
    },
    #[error("tls_names ({origin}) is empty: the certificate needs at least one name")]
    NoTlsNames { origin: Origin },
    #[error("tls_names ({origin}) has {name:?}, which is not a DNS name or an IP address")]
    TlsName { name: String, origin: Origin },
    #[error("no data directory: pass --data-dir, or set AORTA_DATA_DIR, XDG_DATA_HOME or HOME")]
    NoDataDir,
}

/// The resolved configuration: every value chosen and within its bounds.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeConfig {
    pub listen: SocketAddr,
    pub data_dir: PathBuf,
    pub connection_threads: u16,
    pub log_format: LogFormat,
    pub log_filter: String,
    pub tls_names: Vec<String>,
    pub limits: Limits,
    pub engine: EngineSettings,
    pub shutdown_grace: Duration,
    pub udp_receive_buffer_bytes: u64,
    pub udp_send_buffer_bytes: u64,
}

/// What the node asks of its engine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EngineSettings {
    /// Shards of a new data directory; `None`: one per CPU (an existing directory keeps its own).
    pub shards: Option<u16>,
    pub history: aorta_engine::history::HistoryLimits,
    pub memtable_bytes_max: u64,
}

/// The node's bounds on connections and their work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub connections_max: u32,
    pub streams_per_connection_max: u32,
    pub idle_timeout: Duration,
    pub keep_alive_interval: Duration,
    /// The largest frame body the node takes on a stream (its `FrameDecoder`s' limit).
    pub frame_bytes_max: u64,
    /// Requests of one connection taken and not yet answered; one more is answered `Overloaded`.
    pub requests_in_flight_max: u32,
    /// Bytes of requests one connection holds (frames in progress and requests not yet
    /// answered); a stream that would take it over is reset with `Overloaded`.
    pub request_bytes_in_flight_max: u64,
    /// How long a connection may take to prove the cluster key.
    pub handshake_timeout: Duration,
}

/// A resolved configuration and where each of its values came from (for the startup log).
#[derive(Clone, Debug)]
pub struct Resolved {
    pub config: NodeConfig,
    pub origins: BTreeMap<&'static str, Origin>,
}

/// Reads and parses the TOML file at `path`.
pub fn read_file(path: &Path) -> Result<ConfigFile, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|source| ConfigError::ReadFile {
        path: path.to_owned(),
        source,
    })?;
    parse_file(path, &text)
}

/// Parses `text` as the TOML file at `path`; unknown keys are refused (a typo must not silently
/// leave a default in place).
pub fn parse_file(path: &Path, text: &str) -> Result<ConfigFile, ConfigError> {
    let settings = toml::from_str(text).map_err(|e: toml::de::Error| ConfigError::ParseFile {
        path: path.to_owned(),
        // toml's message shows the line and marks the spot: kept on its own lines.
        message: e.to_string().trim_end().to_string(),
    })?;
    Ok(ConfigFile {
        path: path.to_owned(),
        settings,
    })
}

/// What the process's surroundings supply to the defaults: environment lookups (for the data
/// directory rule) and the CPU count.
pub struct Surroundings<'a> {
    pub env: &'a dyn Fn(&str) -> Option<OsString>,
    pub cpus: usize,
}

impl Surroundings<'_> {
    /// The real process environment and CPU count.
    pub fn of_process() -> Surroundings<'static> {
        Surroundings {
            env: &|name| std::env::var_os(name),
            cpus: std::thread::available_parallelism().map_or(1, |n| n.get()),
        }
    }
}

pub use aorta_engine::data_dir::default_data_dir;

/// The environment variable of each setting (the clap `env` names).
pub fn env_var_of(key: &str) -> Option<&'static str> {
    Some(match key {
        "listen" => "AORTA_LISTEN",
        "data_dir" => "AORTA_DATA_DIR",
        "connection_threads" => "AORTA_CONNECTION_THREADS",
        "log_format" => "AORTA_LOG_FORMAT",
        "log_filter" => "AORTA_LOG_FILTER",
        "tls_names" => "AORTA_TLS_NAMES",
        "connections_max" => "AORTA_CONNECTIONS_MAX",
        "streams_per_connection_max" => "AORTA_STREAMS_PER_CONNECTION_MAX",
        "idle_timeout_ms" => "AORTA_IDLE_TIMEOUT_MS",
        "keep_alive_interval_ms" => "AORTA_KEEP_ALIVE_INTERVAL_MS",
        "frame_bytes_max" => "AORTA_FRAME_BYTES_MAX",
        "requests_in_flight_max" => "AORTA_REQUESTS_IN_FLIGHT_MAX",
        "request_bytes_in_flight_max" => "AORTA_REQUEST_BYTES_IN_FLIGHT_MAX",
        "shutdown_grace_ms" => "AORTA_SHUTDOWN_GRACE_MS",
        "udp_receive_buffer_bytes" => "AORTA_UDP_RECEIVE_BUFFER_BYTES",
        "udp_send_buffer_bytes" => "AORTA_UDP_SEND_BUFFER_BYTES",
        "handshake_timeout_ms" => "AORTA_HANDSHAKE_TIMEOUT_MS",
        "shards" => "AORTA_SHARDS",
        "history_changes_max" => "AORTA_HISTORY_CHANGES_MAX",
        "history_bytes_max" => "AORTA_HISTORY_BYTES_MAX",
        "history_age_ms" => "AORTA_HISTORY_AGE_MS",
        "memtable_bytes_max" => "AORTA_MEMTABLE_BYTES_MAX",
        _ => return None,
    })
}

/// The layers above the defaults, highest first: `command_line` holds flags and environment
/// variables (clap merged them), and `from_environment` says which of its keys came from the
/// environment rather than a flag.
pub struct Layers<'a> {
    pub command_line: &'a Settings,
    pub from_environment: &'a dyn Fn(&str) -> bool,
    pub file: Option<&'a ConfigFile>,
}

/// A numeric setting by name: picked from the layers, its default otherwise, checked against
/// its bounds (`?` returns the error).
macro_rules! pick_number {
    ($picker:expr, $key:ident, $default:expr, $bounds:expr) => {{
        let cli = $picker.layers.command_line.$key.map(u64::from);
        let file = $picker
            .layers
            .file
            .and_then(|f| f.settings.$key)
            .map(u64::from);
        $picker.pick_number(stringify!($key), cli, file, $default as u64, $bounds)?
    }};
}

/// Picks each setting from the highest layer that has it, then checks every bound.
pub fn resolve(
    layers: &Layers<'_>,
    surroundings: &Surroundings<'_>,
) -> Result<Resolved, ConfigError> {
    let mut picker = Picker {
        layers,
        origins: BTreeMap::new(),
    };
    let cli = layers.command_line;
    let file = layers.file.map(|f| &f.settings);
    macro_rules! pick {
        ($key:ident) => {
            picker.pick(
                stringify!($key),
                cli.$key.clone(),
                file.and_then(|f| f.$key.clone()),
            )
        };
    }

    let listen = pick!(listen).unwrap_or(defaults::LISTEN);
    let data_dir = match pick!(data_dir) {
        Some(dir) => dir,
        None => {
            let (dir, rule) = default_data_dir(surroundings.env).ok_or(ConfigError::NoDataDir)?;
            picker.origins.insert("data_dir", Origin::DefaultRule(rule));
            dir
        }
    };
    let cpus = surroundings
        .cpus
        .clamp(1, bounds::CONNECTION_THREADS.1 as usize) as u64;
    let connection_threads =
        pick_number!(picker, connection_threads, cpus, bounds::CONNECTION_THREADS) as u16;
    let log_format = pick!(log_format).unwrap_or(LogFormat::Auto);
    let log_filter = pick!(log_filter).unwrap_or_else(|| defaults::LOG_FILTER.to_string());
    check_log_filter(&log_filter, || picker.origin("log_filter"))?;
    let tls_names = pick!(tls_names)
        .unwrap_or_else(|| defaults::TLS_NAMES.iter().map(|s| s.to_string()).collect());
    check_tls_names(&tls_names, || picker.origin("tls_names"))?;

    let limits = picker.limits()?;
    let engine = picker.engine()?;
    let shutdown_grace_ms = pick_number!(
        picker,
        shutdown_grace_ms,
        defaults::SHUTDOWN_GRACE_MS,
        bounds::SHUTDOWN_GRACE_MS
    );
    let udp_receive_buffer_bytes = pick_number!(
        picker,
        udp_receive_buffer_bytes,
        defaults::UDP_RECEIVE_BUFFER_BYTES,
        bounds::UDP_BUFFER_BYTES
    );
    let udp_send_buffer_bytes = pick_number!(
        picker,
        udp_send_buffer_bytes,
        defaults::UDP_SEND_BUFFER_BYTES,
        bounds::UDP_BUFFER_BYTES
    );
    Ok(Resolved {
        config: NodeConfig {
            listen,
            data_dir,
            connection_threads,
            log_format,
            log_filter,
            tls_names,
            limits,
            engine,
            shutdown_grace: Duration::from_millis(shutdown_grace_ms),
            udp_receive_buffer_bytes,
            udp_send_buffer_bytes,
        },
        origins: picker.origins,
    })
}

fn check_log_filter(filter: &str, origin: impl Fn() -> Origin) -> Result<(), ConfigError> {
    tracing_subscriber::EnvFilter::try_new(filter)
        .map(drop)
        .map_err(|error| ConfigError::LogFilter {
            filter: filter.to_string(),
            origin: origin(),
            message: error.to_string(),
        })
}

fn check_tls_names(names: &[String], origin: impl Fn() -> Origin) -> Result<(), ConfigError> {
    if names.is_empty() {
        return Err(ConfigError::NoTlsNames { origin: origin() });
    }
    for name in names {
        let is_ip = name.parse::<IpAddr>().is_ok();
        let is_dns = rustls::pki_types::DnsName::try_from(name.as_str()).is_ok();
        if !is_ip && !is_dns {
            return Err(ConfigError::TlsName {
                name: name.clone(),
                origin: origin(),
            });
        }
    }
    Ok(())
}

struct Picker<'a> {
    layers: &'a Layers<'a>,
    origins: BTreeMap<&'static str, Origin>,
}

impl Picker<'_> {
    /// The value of the highest layer that has one, recording where it came from.
    fn pick<T>(&mut self, key: &'static str, cli: Option<T>, file: Option<T>) -> Option<T> {
        let (value, origin) = match (cli, file) {
            (Some(value), _) => {
                let origin = if (self.layers.from_environment)(key) {
                    Origin::Environment(env_var_of(key).unwrap_or("?"))
                } else {
                    Origin::Flag
                };
                (Some(value), origin)
            }
            (None, Some(value)) => {
                let path = self.layers.file.map(|f| f.path.clone()).unwrap_or_default();
                (Some(value), Origin::File(path))
            }
            (None, None) => (None, Origin::Default),
        };
        self.origins.insert(key, origin);
        value
    }

    fn origin(&self, key: &str) -> Origin {
        self.origins.get(key).cloned().unwrap_or(Origin::Default)
    }

    /// A numeric setting, its default when no layer has it, checked against `(min, max)`.
    fn number(
        &self,
        key: &'static str,
        value: Option<u64>,
        default: u64,
        (min, max): (u64, u64),
    ) -> Result<u64, ConfigError> {
        let value = value.unwrap_or(default);
        if value < min || value > max {
            return Err(ConfigError::OutOfRange {
                key,
                value,
                min,
                max,
                origin: self.origin(key),
            });
        }
        Ok(value)
    }

    /// [`Picker::pick`], then [`Picker::number`].
    fn pick_number(
        &mut self,
        key: &'static str,
        cli: Option<u64>,
        file: Option<u64>,
        default: u64,
        bounds: (u64, u64),
    ) -> Result<u64, ConfigError> {
        let picked = self.pick(key, cli, file);
        self.number(key, picked, default, bounds)
    }

    fn engine(&mut self) -> Result<EngineSettings, ConfigError> {
        use defaults as d;
        let cli = self.layers.command_line.shards.map(u64::from);
        let file = self
            .layers
            .file
            .and_then(|f| f.settings.shards)
            .map(u64::from);
        let shards = match self.pick("shards", cli, file) {
            // Within bounds that fit a u16.
            Some(n) => Some(self.number("shards", Some(n), n, bounds::SHARDS)? as u16),
            None => None,
        };
        let history = aorta_engine::history::HistoryLimits {
            changes_max: pick_number!(
                self,
                history_changes_max,
                d::HISTORY_CHANGES_MAX,
                bounds::HISTORY_CHANGES_MAX
            ) as usize,
            bytes_max: pick_number!(
                self,
                history_bytes_max,
                d::HISTORY_BYTES_MAX,
                bounds::HISTORY_BYTES_MAX
            ),
            age_max_ms: pick_number!(
                self,
                history_age_ms,
                d::HISTORY_AGE_MS,
                bounds::HISTORY_AGE_MS
            ),
        };
        let memtable_bytes_max = pick_number!(
            self,
            memtable_bytes_max,
            d::MEMTABLE_BYTES_MAX,
            bounds::MEMTABLE_BYTES_MAX
        );
        Ok(EngineSettings {
            shards,
            history,
            memtable_bytes_max,
        })
    }

    fn limits(&mut self) -> Result<Limits, ConfigError> {
        use defaults as d;
        let connections_max = pick_number!(
            self,
            connections_max,
            d::CONNECTIONS_MAX,
            bounds::CONNECTIONS_MAX
        );
        let streams_per_connection_max = pick_number!(
            self,
            streams_per_connection_max,
            d::STREAMS_PER_CONNECTION_MAX,
            bounds::STREAMS_PER_CONNECTION_MAX
        );
        let idle_timeout_ms = pick_number!(
            self,
            idle_timeout_ms,
            d::IDLE_TIMEOUT_MS,
            bounds::IDLE_TIMEOUT_MS
        );
        let keep_alive_interval_ms = pick_number!(
            self,
            keep_alive_interval_ms,
            d::KEEP_ALIVE_INTERVAL_MS,
            bounds::KEEP_ALIVE_INTERVAL_MS
        );
        if keep_alive_interval_ms >= idle_timeout_ms {
            return Err(ConfigError::KeepAliveNotBelowIdleTimeout {
                keep_alive_ms: keep_alive_interval_ms,
                keep_alive_origin: self.origin("keep_alive_interval_ms"),
                idle_ms: idle_timeout_ms,
                idle_origin: self.origin("idle_timeout_ms"),
            });
        }
        let frame_bytes_max = pick_number!(
            self,
            frame_bytes_max,
            d::FRAME_BYTES_MAX,
            bounds::FRAME_BYTES_MAX
        );
        let requests_in_flight_max = pick_number!(
            self,
            requests_in_flight_max,
            d::REQUESTS_IN_FLIGHT_MAX,
            bounds::REQUESTS_IN_FLIGHT_MAX
        );
        let request_bytes_in_flight_max = pick_number!(
            self,
            request_bytes_in_flight_max,
            d::REQUEST_BYTES_IN_FLIGHT_MAX,
            bounds::REQUEST_BYTES_IN_FLIGHT_MAX
        );
        // The node counts a request's whole frame, header and body.
        let largest_frame = frame_bytes_max + aorta_wire::frame::FRAME_HEADER_BYTES as u64;
        if request_bytes_in_flight_max < largest_frame {
            return Err(ConfigError::InFlightBelowFrame {
                in_flight: request_bytes_in_flight_max,
                in_flight_origin: self.origin("request_bytes_in_flight_max"),
                frame: frame_bytes_max,
                frame_origin: self.origin("frame_bytes_max"),
            });
        }
        let handshake_timeout_ms = pick_number!(
            self,
            handshake_timeout_ms,
            d::HANDSHAKE_TIMEOUT_MS,
            bounds::HANDSHAKE_TIMEOUT_MS
        );
        // Every value above is within bounds that fit the narrower types.
        Ok(Limits {
            handshake_timeout: Duration::from_millis(handshake_timeout_ms),
            connections_max: connections_max as u32,
            streams_per_connection_max: streams_per_connection_max as u32,
            idle_timeout: Duration::from_millis(idle_timeout_ms),
            keep_alive_interval: Duration::from_millis(keep_alive_interval_ms),
            frame_bytes_max,
            requests_in_flight_max: requests_in_flight_max as u32,
            request_bytes_in_flight_max,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<OsString> {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| OsString::from(v))
        }
    }

    fn resolve_with(
        cli: &Settings,
        from_env: &[&str],
        file: Option<&ConfigFile>,
    ) -> Result<Resolved, ConfigError> {
        let env = env_of(&[("HOME", "/home/op")]);
        let from_environment = |key: &str| from_env.contains(&key);
        resolve(
            &Layers {
                command_line: cli,
                from_environment: &from_environment,
                file,
            },
            &Surroundings { env: &env, cpus: 3 },
        )
    }

    fn file(text: &str) -> ConfigFile {
        parse_file(Path::new("/etc/aortad.toml"), text).unwrap()
    }

    #[test]
    fn nothing_configured_gives_the_embedded_defaults() {
        let resolved = resolve_with(&Settings::default(), &[], None).unwrap();
        let config = resolved.config;
        assert_eq!(config.listen, "127.0.0.1:7700".parse().unwrap());
        assert_eq!(
            config.data_dir,
            PathBuf::from("/home/op/.local/share/aorta")
        );
        assert_eq!(config.connection_threads, 3);
        assert_eq!(config.log_format, LogFormat::Auto);
        assert_eq!(config.limits.connections_max, defaults::CONNECTIONS_MAX);
        assert_eq!(config.limits.frame_bytes_max, defaults::FRAME_BYTES_MAX);
        assert_eq!(config.shutdown_grace, Duration::from_secs(10));
        assert_eq!(
            resolved.origins["data_dir"].to_string(),
            "default: $HOME/.local/share/aorta"
        );
        assert_eq!(resolved.origins["connections_max"], Origin::Default);
    }

    #[test]
    fn engine_settings_reach_the_engine_and_shards_stay_unset_unless_asked() {
        let resolved = resolve_with(&Settings::default(), &[], None).unwrap();
        let engine = resolved.config.engine;
        assert_eq!(
            engine.shards, None,
            "a new directory gets one shard per CPU"
        );
        assert_eq!(
            engine.history,
            aorta_engine::history::HistoryLimits::default()
        );
        assert_eq!(
            engine.memtable_bytes_max,
            aorta_engine::limits::MEMTABLE_BYTES_DEFAULT
        );
        assert_eq!(
            resolved.config.limits.handshake_timeout,
            Duration::from_millis(aorta_wire::handshake::HANDSHAKE_TIMEOUT_MS_DEFAULT)
        );

        let file = file("shards = 4\nhistory_changes_max = 1000\nhistory_age_ms = 60000\n");
        let cli = Settings {
            shards: Some(2),
            handshake_timeout_ms: Some(500),
            memtable_bytes_max: Some(65536),
            ..Settings::default()
        };
        let resolved = resolve_with(&cli, &[], Some(&file)).unwrap();
        let engine = resolved.config.engine;
        assert_eq!(engine.shards, Some(2));
        assert_eq!(resolved.origins["shards"], Origin::Flag);
        assert_eq!(engine.history.changes_max, 1000);
        assert_eq!(engine.history.age_max_ms, 60_000);
        assert_eq!(engine.memtable_bytes_max, 65536);
        assert_eq!(
            resolved.config.limits.handshake_timeout,
            Duration::from_millis(500)
        );

        for bad in [
            Settings {
                shards: Some(0),
                ..Settings::default()
            },
            Settings {
                history_changes_max: Some(0),
                ..Settings::default()
            },
            Settings {
                memtable_bytes_max: Some(1),
                ..Settings::default()
            },
            Settings {
                handshake_timeout_ms: Some(1),
                ..Settings::default()
            },
        ] {
            let error = resolve_with(&bad, &[], None).unwrap_err();
            assert!(
                matches!(error, ConfigError::OutOfRange { .. }),
                "{bad:?}: {error}"
            );
        }
    }

    #[test]
    fn flag_beats_environment_beats_file_beats_default() {
        let file = file(
            "listen = \"0.0.0.0:9000\"\nconnections_max = 10\nidle_timeout_ms = 60000\n\
             shutdown_grace_ms = 1\n",
        );
        let cli = Settings {
            listen: Some("127.0.0.1:1".parse().unwrap()),
            connections_max: Some(20),
            ..Settings::default()
        };
        // `listen` from a flag, `connections_max` from the environment, the rest from the file.
        let resolved = resolve_with(&cli, &["connections_max"], Some(&file)).unwrap();
        assert_eq!(resolved.config.listen, "127.0.0.1:1".parse().unwrap());
        assert_eq!(resolved.origins["listen"], Origin::Flag);
        assert_eq!(resolved.config.limits.connections_max, 20);
        assert_eq!(
            resolved.origins["connections_max"],
            Origin::Environment("AORTA_CONNECTIONS_MAX")
        );
        assert_eq!(resolved.config.limits.idle_timeout, Duration::from_secs(60));
        assert_eq!(
            resolved.origins["idle_timeout_ms"],
            Origin::File("/etc/aortad.toml".into())
        );
        assert_eq!(resolved.config.shutdown_grace, Duration::from_millis(1));
        assert_eq!(resolved.origins["keep_alive_interval_ms"], Origin::Default);
    }

    #[test]
    fn out_of_range_values_are_refused_naming_key_value_bounds_and_origin() {
        let error = resolve_with(
            &Settings::default(),
            &[],
            Some(&file("connections_max = 0")),
        )
        .unwrap_err()
        .to_string();
        assert_eq!(
            error,
            "connections_max = 0 (config file /etc/aortad.toml) is out of range: it must be from \
             1 to 1000000"
        );
        let cli = Settings {
            connection_threads: Some(0),
            ..Settings::default()
        };
        let error = resolve_with(&cli, &["connection_threads"], None).unwrap_err();
        assert!(
            error.to_string().contains("$AORTA_CONNECTION_THREADS"),
            "{error}"
        );
    }

    #[test]
    fn relations_between_limits_are_checked() {
        let error = resolve_with(
            &Settings::default(),
            &[],
            Some(&file(
                "idle_timeout_ms = 2000\nkeep_alive_interval_ms = 2000",
            )),
        )
        .unwrap_err();
        assert!(matches!(
            error,
            ConfigError::KeepAliveNotBelowIdleTimeout { .. }
        ));
        let error = resolve_with(
            &Settings::default(),
            &[],
            Some(&file("request_bytes_in_flight_max = 1048576")),
        )
        .unwrap_err();
        assert!(matches!(error, ConfigError::InFlightBelowFrame { .. }));
        // Exactly a frame's body is not enough: the header counts too.
        let body_only = resolve_with(
            &Settings::default(),
            &[],
            Some(&file(
                "frame_bytes_max = 4194304\nrequest_bytes_in_flight_max = 4194304",
            )),
        )
        .unwrap_err();
        assert!(
            matches!(body_only, ConfigError::InFlightBelowFrame { .. }),
            "{body_only}"
        );
        assert!(resolve_with(
            &Settings::default(),
            &[],
            Some(&file(
                "frame_bytes_max = 4194304\nrequest_bytes_in_flight_max = 4194312",
            )),
        )
        .is_ok());
    }

    #[test]
    fn unknown_keys_bad_types_filters_and_names_are_refused() {
        let typo = parse_file(Path::new("/c.toml"), "conections_max = 3").unwrap_err();
        assert!(typo.to_string().contains("conections_max"), "{typo}");
        let wrong_type = parse_file(Path::new("/c.toml"), "listen = 7700").unwrap_err();
        assert!(wrong_type.to_string().contains("/c.toml"), "{wrong_type}");
        let bad_filter = resolve_with(
            &Settings::default(),
            &[],
            Some(&file("log_filter = \"=[\"")),
        );
        assert!(matches!(bad_filter, Err(ConfigError::LogFilter { .. })));
        let no_names = resolve_with(&Settings::default(), &[], Some(&file("tls_names = []")));
        assert!(matches!(no_names, Err(ConfigError::NoTlsNames { .. })));
        let bad_name = resolve_with(
            &Settings::default(),
            &[],
            Some(&file("tls_names = [\"a b\"]")),
        );
        assert!(matches!(bad_name, Err(ConfigError::TlsName { .. })));
    }

    #[test]
    fn every_setting_has_an_environment_variable() {
        use clap::CommandFactory as _;
        #[derive(clap::Parser)]
        struct Probe {
            #[command(flatten)]
            settings: Settings,
        }
        for arg in Probe::command().get_arguments() {
            let key = arg.get_id().as_str();
            let env = arg.get_env().map(|e| e.to_string_lossy().into_owned());
            assert_eq!(env.as_deref(), env_var_of(key), "{key}");
        }
    }
}
