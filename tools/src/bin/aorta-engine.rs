//! `aorta-engine`: run the Aorta storage engine locally, on a data directory of this machine.
//!
//! `aorta-engine demo` writes, restarts and reads back a few resources; `put`, `create`, `update`,
//! `get`, `get-id` and `delete` work on single resources; `write-loop` is the writer that the
//! kill test SIGKILLs.

/// mimalloc, as every Aorta binary (why: `docs/architecture.md`, dependencies).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::collections::BTreeMap;
use std::io::{IsTerminal as _, Write as _};
use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{bail, Context, Result};
use aorta_engine::query::selector::TagSelector;
use aorta_engine::query::{Query, Scope};
use aorta_engine::{Batch, Command, Engine, EngineConfig, Resource, ResourceId, ResourceSpec};
use aorta_tools::workload::WriteKey;
use aorta_tools::{default_data_dir, describe, show_data, show_resource};
use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "aorta-engine",
    version,
    about = "Run the Aorta storage engine locally",
    after_help = "Logs go to stderr; set RUST_LOG (e.g. RUST_LOG=info) to see more than warnings."
)]
struct Cli {
    /// Data directory [default: $AORTA_DATA_DIR, else $XDG_DATA_HOME/aorta, else
    /// $HOME/.local/share/aorta]
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,

    /// Shards of a new data directory [default: one per core]; an existing one keeps its own
    #[arg(long, global = true, value_name = "N")]
    shards: Option<u16>,

    /// Cluster id of a new data directory, 8 hex digits (the first 4 bytes of every resource id;
    /// replicas of one cluster are made with the same) [default: drawn at random]; an existing one
    /// must match
    #[arg(long, global = true, value_name = "HEX", value_parser = parse_cluster_id)]
    cluster_id: Option<u32>,

    /// Format of the logs on stderr
    #[arg(long, global = true, value_enum, default_value_t = LogFormat::Text)]
    log_format: LogFormat,

    #[command(subcommand)]
    command: Cmd,
}

#[derive(Clone, Copy, ValueEnum)]
enum LogFormat {
    Text,
    Json,
}

#[derive(Subcommand)]
enum Cmd {
    /// Write a few resources, restart the engine, and read them back
    Demo,
    /// Create or replace a resource
    Put(WriteArgs),
    /// Create a resource; fails if it exists
    Create(WriteArgs),
    /// Replace a resource; fails if it does not exist
    Update(WriteArgs),
    /// Show a resource by namespace and name
    Get { namespace: String, name: String },
    /// Show a resource by id (32 hex digits)
    GetId { id: String },
    /// Delete a resource
    Delete {
        namespace: String,
        name: String,
        /// Delete only if the resource is at this revision
        #[arg(long, value_name = "R")]
        expect_revision: Option<u64>,
    },
    /// List a namespace's resources (its direct children, or its whole subtree), optionally of one
    /// type and matching a tag selector, one page at a time
    List(ListArgs),
    /// Commit puts from many threads forever, printing `ack <namespace> <name> <position>` after each
    /// durable commit (the process the kill test SIGKILLs)
    WriteLoop(WriteLoopArgs),
}

#[derive(Args)]
struct WriteArgs {
    /// Namespace path, e.g. /apps/web
    namespace: String,
    name: String,
    /// The resource's type
    #[arg(long = "type", value_name = "T")]
    kind: String,
    /// The resource's data, stored as UTF-8 bytes
    #[arg(long, value_name = "STRING", default_value = "")]
    data: String,
    /// A tag, key=value; repeat for more
    #[arg(long = "tag", value_name = "K=V", value_parser = parse_tag)]
    tags: Vec<(String, String)>,
    /// The resource's owner
    #[arg(long, default_value = "")]
    owner: String,
    /// Write only if the resource is at this revision (0: only if absent); not for `create`
    #[arg(long, value_name = "R")]
    expect_revision: Option<u64>,
}

#[derive(Args)]
struct ListArgs {
    /// Namespace path, e.g. /apps
    namespace: String,
    /// The whole subtree, not only the namespace's direct children
    #[arg(long)]
    subtree: bool,
    /// Only resources of this type
    #[arg(long = "type", value_name = "T")]
    kind: Option<String>,
    /// Tag selector: `env=prod,tier!=db,region in (eu,us),gpu,!legacy`
    #[arg(long, value_name = "SELECTOR")]
    selector: Option<String>,
    /// Resources a page (1 to 1000)
    #[arg(long, default_value_t = 100)]
    page_size: usize,
    /// Continue from the token printed by the previous page
    #[arg(long)]
    token: Option<String>,
}

#[derive(Args)]
struct WriteLoopArgs {
    /// Writer threads, each committing one put at a time
    #[arg(long, default_value_t = 8)]
    writers: u32,
    /// Namespaces written, /kill/n0 .. /kill/n{K-1}
    #[arg(long, value_name = "K", default_value_t = 4)]
    namespace_count: u32,
    /// Prefix of every name written, `{run}-w{writer}-{seq}` [default: from the pid and time]
    #[arg(long)]
    run: Option<String>,
    /// Start a new log segment past this many bytes (small values exercise rotation)
    #[arg(long, value_name = "BYTES")]
    segment_bytes: Option<u64>,
}

fn parse_tag(text: &str) -> std::result::Result<(String, String), String> {
    text.split_once('=')
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .ok_or_else(|| format!("{text:?} is not key=value"))
}

fn main() {
    let cli = Cli::parse();
    init_logging(cli.log_format);
    if let Err(error) = run(cli) {
        eprintln!("error: {}", describe(&error));
        std::process::exit(1);
    }
}

fn init_logging(format: LogFormat) {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none());
    // Both formats stamp events with the system time in RFC 3339, UTC.
    match format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
}

fn run(cli: Cli) -> Result<()> {
    let data_dir = match cli.data_dir {
        Some(dir) => {
            eprintln!("data directory: {} (--data-dir)", dir.display());
            dir
        }
        None => {
            let (dir, source) = default_data_dir().context(
                "no data directory: pass --data-dir, or set AORTA_DATA_DIR, XDG_DATA_HOME or HOME",
            )?;
            eprintln!("data directory: {} ({source})", dir.display());
            dir
        }
    };
    let mut config = EngineConfig::new(&data_dir);
    config.shards = cli.shards;
    config.cluster_id = cli.cluster_id;
    match cli.command {
        Cmd::Demo => demo(&config),
        Cmd::Put(args) => {
            let expected = args.expect_revision;
            write(&config, Command::put(spec_of(&args), expected), "put")
        }
        Cmd::Create(args) => {
            if args.expect_revision.is_some() {
                bail!("create takes no --expect-revision (it only creates absent resources)");
            }
            write(&config, Command::create(spec_of(&args)), "created")
        }
        Cmd::Update(args) => {
            let expected = args.expect_revision;
            write(
                &config,
                Command::update(spec_of(&args), expected),
                "updated",
            )
        }
        Cmd::Get { namespace, name } => {
            let engine = open(&config)?;
            let key = aorta_engine::resource::key_of(&namespace, &name);
            let found = engine
                .get(&namespace, &name)
                .with_context(|| format!("reading {key}"))?;
            engine.close();
            let resource = found.with_context(|| format!("{key} not found"))?;
            print!("{}", show_resource(&resource));
            Ok(())
        }
        Cmd::GetId { id } => {
            let id: ResourceId = id
                .parse()
                .with_context(|| format!("{id:?} is not a resource id"))?;
            let engine = open(&config)?;
            let found = engine
                .get_by_id(id)
                .with_context(|| format!("reading id {id}"))?;
            engine.close();
            let resource = found.with_context(|| format!("no resource has id {id}"))?;
            print!("{}", show_resource(&resource));
            Ok(())
        }
        Cmd::Delete {
            namespace,
            name,
            expect_revision,
        } => {
            let engine = open(&config)?;
            let key = aorta_engine::resource::key_of(&namespace, &name);
            let receipt = engine
                .commit(Batch::single(Command::delete(
                    &namespace,
                    &name,
                    expect_revision,
                )))
                .with_context(|| format!("deleting {key}"))?;
            engine.close();
            println!("deleted {key} at position {}", receipt.position);
            Ok(())
        }
        Cmd::List(args) => list(&config, args),
        Cmd::WriteLoop(args) => write_loop(config, args),
    }
}

/// Prints one page of a query: a line per resource (key, type, revision, tags), then the token of
/// the next page, if any.
fn list(config: &EngineConfig, args: ListArgs) -> Result<()> {
    let selector = args
        .selector
        .as_deref()
        .map(TagSelector::parse)
        .transpose()
        .context("reading --selector")?;
    let query = Query {
        namespace: args.namespace,
        scope: if args.subtree {
            Scope::Subtree
        } else {
            Scope::Children
        },
        kind: args.kind,
        selector,
        page_size: args.page_size,
    };
    let engine = open(config)?;
    let page = engine
        .query(&query, args.token.as_deref())
        .with_context(|| format!("listing {}", query.namespace))?;
    engine.close();
    for resource in &page.items {
        let tags: Vec<String> = resource
            .tags
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        println!(
            "{}\t{}\trevision {}\t{}",
            resource.key(),
            resource.kind,
            resource.revision,
            tags.join(",")
        );
    }
    match page.next {
        Some(token) => println!("next page: --token {}", token.encode()),
        None => eprintln!("{} resources, last page", page.items.len()),
    }
    Ok(())
}

fn open(config: &EngineConfig) -> Result<Engine> {
    let engine = Engine::open(config.clone())
        .with_context(|| format!("opening the engine in {}", config.data_dir.display()))?;
    tracing::info!(
        data_dir = %config.data_dir.display(),
        shards = engine.shard_count(),
        cluster_id = format_args!("{:08x}", engine.cluster_id()),
        "engine opened"
    );
    Ok(engine)
}

fn parse_cluster_id(text: &str) -> Result<u32, String> {
    let digits = text.strip_prefix("0x").unwrap_or(text);
    if digits.len() != 8 {
        return Err(format!("{text:?}: a cluster id is 8 hex digits"));
    }
    u32::from_str_radix(digits, 16).map_err(|e| format!("{text:?}: {e}"))
}

fn spec_of(args: &WriteArgs) -> ResourceSpec {
    let mut spec = ResourceSpec::new(&args.namespace, &args.name, &args.kind)
        .with_data(args.data.as_bytes().to_vec());
    spec.owner = args.owner.clone();
    spec.tags = args.tags.iter().cloned().collect::<BTreeMap<_, _>>();
    spec
}

fn write(config: &EngineConfig, command: Command, verb: &str) -> Result<()> {
    let key = command.key();
    let engine = open(config)?;
    let receipt = engine
        .commit(Batch::single(command))
        .with_context(|| format!("writing {key}"))?;
    let resource = engine
        .get_by_id(receipt.ids[0])
        .with_context(|| format!("reading back {key}"))?
        .with_context(|| format!("{key} is missing right after its commit"))?;
    engine.close();
    println!("{verb} {key} at position {}", receipt.position);
    print!("{}", show_resource(&resource));
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// demo

const DEMO_NAMESPACE: &str = "/demo/shop";
const DEMO_NAMES: [&str; 5] = ["web", "db", "cache", "order-1", "order-2"];

fn demo(config: &EngineConfig) -> Result<()> {
    let ns = DEMO_NAMESPACE;
    let engine = open(config)?;
    println!(
        "Aorta demo: engine open in {} ({} shards)",
        config.data_dir.display(),
        engine.shard_count()
    );

    // Start from a clean slate if an earlier demo left its resources behind.
    for name in DEMO_NAMES {
        if let Some(old) = engine.get(ns, name)? {
            engine
                .commit(Batch::single(Command::delete(ns, name, Some(old.revision))))
                .with_context(|| format!("clearing {} from an earlier demo", old.key()))?;
        }
    }

    let service = |name: &str, image: &str, tier: &str| {
        ResourceSpec::new(ns, name, "service")
            .with_tag("tier", tier)
            .with_data(image)
    };
    let commit = |what: &str, batch: Batch| {
        engine
            .commit(batch)
            .with_context(|| format!("demo step: {what}"))
    };

    println!("\nWriting:");
    let web = commit(
        "create web",
        Batch::single(Command::create(service("web", "nginx:1.27", "frontend"))),
    )?;
    println!("  create  {ns}/web     revision {}", web.position);
    let db = commit(
        "create db",
        Batch::single(Command::create(service("db", "postgres:16", "backend"))),
    )?;
    println!("  create  {ns}/db      revision {}", db.position);
    let cache = commit(
        "create cache",
        Batch::single(Command::create(service("cache", "redis:7", "backend"))),
    )?;
    println!("  create  {ns}/cache   revision {}", cache.position);
    let web2 = commit(
        "update web",
        Batch::single(Command::update(
            service("web", "nginx:1.28", "frontend"),
            Some(web.position),
        )),
    )?;
    println!(
        "  update  {ns}/web     revision {} (expected revision {} held)",
        web2.position, web.position
    );
    let deleted = commit(
        "delete cache",
        Batch::single(Command::delete(ns, "cache", Some(cache.position))),
    )?;
    println!("  delete  {ns}/cache   at position {}", deleted.position);
    let order = |name: &str, item: &str| {
        ResourceSpec::new(ns, name, "order")
            .with_tag("status", "new")
            .with_data(item)
    };
    let batch = commit(
        "batch",
        Batch::new(vec![
            Command::create(order("order-1", "2 x espresso")),
            Command::create(order("order-2", "1 x croissant")),
            Command::put(service("db", "postgres:17", "backend"), Some(db.position)),
        ]),
    )?;
    println!(
        "  batch   create order-1 + create order-2 + put db, atomically at position {}",
        batch.position
    );

    let mut before = Vec::new();
    for name in DEMO_NAMES {
        before.push((name, engine.get(ns, name)?));
    }
    let positions = engine.positions()?;
    engine.close();
    println!("\nClosed the engine (shard positions {positions:?}); reopening it...");

    let engine = open(config)?;
    println!("\nRead back after the restart, by key and by id:");
    for (name, expected) in &before {
        let key = aorta_engine::resource::key_of(ns, name);
        let by_key = engine.get(ns, name)?;
        if by_key != *expected {
            bail!("{key} changed across the restart: {expected:?} became {by_key:?}");
        }
        match by_key {
            None => println!("  {key:<20} (deleted, and still gone)"),
            Some(resource) => {
                let by_id = engine.get_by_id(resource.id)?;
                if by_id.as_ref() != Some(&resource) {
                    bail!("{key} by id {} gave {by_id:?}", resource.id);
                }
                println!("  {}", one_line(&resource));
            }
        }
    }
    engine.close();
    println!("\nThe data survived the restart.");
    println!(
        "Try: aorta-engine --data-dir {} get {ns} web",
        config.data_dir.display()
    );
    Ok(())
}

fn one_line(resource: &Resource) -> String {
    let tags: Vec<String> = resource
        .tags
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    format!(
        "{:<20} {:<8} rev {:<4} {:<16} {}  id {}",
        resource.key(),
        resource.kind,
        resource.revision,
        show_data(&resource.data),
        tags.join(","),
        resource.id
    )
}

// ---------------------------------------------------------------------------------------------
// write-loop

fn write_loop(mut config: EngineConfig, args: WriteLoopArgs) -> Result<()> {
    if args.writers == 0 || args.namespace_count == 0 {
        bail!("--writers and --namespace-count must be at least 1");
    }
    if let Some(bytes) = args.segment_bytes {
        config.segment_bytes_max = bytes;
    }
    let run = args.run.unwrap_or_else(|| {
        let secs = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        format!("p{}t{secs}", std::process::id())
    });
    if WriteKey::parse_name(&WriteKey::new(&run, 0, 0).name()).map(|k| k.run) != Some(run.clone()) {
        bail!("--run {run:?} does not give parseable names");
    }
    let engine = open(&config)?;
    let namespaces = args.namespace_count;
    let engine = &engine;
    let run = run.as_str();
    std::thread::scope(|scope| {
        for writer in 0..args.writers {
            scope.spawn(move || {
                // The loop runs until it is killed: a writer that stops is an error, and ends the
                // process at once (the other writers would go on forever).
                let error = write_forever(engine, run, writer, namespaces);
                eprintln!("error: {}", describe(&error));
                std::process::exit(1);
            });
        }
    });
    unreachable!("the writers never return")
}

fn write_forever(engine: &Engine, run: &str, writer: u32, namespaces: u32) -> anyhow::Error {
    let stdout = std::io::stdout();
    for seq in 0u64.. {
        let spec = WriteKey::new(run, writer, seq).spec(namespaces);
        let key = spec.key();
        let line = match engine.commit(Batch::single(Command::put(spec.clone(), None))) {
            Ok(receipt) => format!(
                "ack {} {} {}\n",
                spec.namespace, spec.name, receipt.position
            ),
            Err(error) => {
                return anyhow::Error::new(error)
                    .context(format!("writer {writer} committing {key}"))
            }
        };
        // One whole line per write, under the lock, flushed before the next commit.
        let mut out = stdout.lock();
        if let Err(error) = out.write_all(line.as_bytes()).and_then(|()| out.flush()) {
            return anyhow::Error::new(error).context("writing an ack to stdout");
        }
    }
    anyhow::anyhow!("writer {writer} ran out of sequence numbers")
}
