//! `aorta`: talk to an Aorta node (`aortad`) over the wire protocol: put, get, delete, list,
//! select, watch, batch, status. Human-readable output by default, one JSON object a line with
//! `--json`; the exit code says what happened (`aorta --help`, `bindings/README.md`).

/// mimalloc, as every Aorta binary (why: `docs/architecture.md`, dependencies).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "../aorta/batch_file.rs"]
mod batch_file;
#[path = "../aorta/exit.rs"]
mod exit;
#[path = "../aorta/render.rs"]
mod render;

use std::net::{SocketAddr, ToSocketAddrs as _};
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context as _, Result};
use aorta_client::config::{default_data_dir, read_certificates, read_cluster_key};
use aorta_client::{
    Actions, Batch, Client, ClientConfig, Command, EventAction, ListFrom, Pattern, Query,
    ResourceId, ResourceSpec, Scope, Start, TagSelector,
};
use aorta_tools::describe;
use clap::{Args, Parser, Subcommand};
use futures_util::StreamExt as _;

#[derive(Parser)]
#[command(
    name = "aorta",
    version,
    about = "Talk to an Aorta node: write, read, list and watch resources",
    after_help = exit::HELP
)]
struct Cli {
    #[command(flatten)]
    target: Target,

    /// Print one JSON object a line instead of text (errors too, on stderr)
    #[arg(long, global = true)]
    json: bool,

    #[command(subcommand)]
    command: Cmd,
}

#[derive(Args)]
struct Target {
    /// The node's UDP address, HOST:PORT
    #[arg(long, global = true, env = "AORTA_ADDRESS", default_value = aorta_client::config::DEFAULT_ADDRESS)]
    address: String,

    /// The name the node's certificate must be valid for [default: the address's host]
    #[arg(long, global = true, env = "AORTA_SERVER_NAME")]
    server_name: Option<String>,

    /// The node's data directory, where its certificate and cluster key are [default:
    /// $AORTA_DATA_DIR, else $XDG_DATA_HOME/aorta, else $HOME/.local/share/aorta]
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,

    /// The node's certificate (PEM) to trust [default: DATA_DIR/node.cert.pem]
    #[arg(long, global = true, env = "AORTA_CERTIFICATE", value_name = "FILE")]
    certificate: Option<PathBuf>,

    /// The cluster key file (hex) [default: DATA_DIR/cluster.key]
    #[arg(
        long,
        global = true,
        env = "AORTA_CLUSTER_KEY_FILE",
        value_name = "FILE"
    )]
    cluster_key_file: Option<PathBuf>,

    /// The principal to act as
    #[arg(long, global = true, env = "AORTA_PRINCIPAL", default_value = aorta_client::config::DEFAULT_PRINCIPAL)]
    principal: String,

    /// Bound on connecting and on each request, in milliseconds
    #[arg(
        long,
        global = true,
        env = "AORTA_TIMEOUT_MS",
        default_value_t = 30_000
    )]
    timeout_ms: u64,
}

#[derive(Subcommand)]
enum Cmd {
    /// Create or replace a resource
    Put(WriteArgs),
    /// Create a resource; exit 4 (conflict) if it exists
    Create(WriteArgs),
    /// Replace a resource; exit 3 (not found) if it does not exist
    Update(WriteArgs),
    /// Show a resource by namespace and name, or by --id
    Get(GetArgs),
    /// Delete a resource
    Delete {
        namespace: String,
        name: String,
        /// Delete only if the resource is at this revision
        #[arg(long, value_name = "R")]
        expect_revision: Option<u64>,
    },
    /// List a namespace's resources (its children, or its subtree), a page at a time
    List(ListArgs),
    /// List the resources whose tags a selector matches (in a namespace's subtree, `/` by default)
    Select(SelectArgs),
    /// Print changes as they are committed, until Ctrl-C, --count or --for-ms
    Watch(WatchArgs),
    /// Commit the commands of a JSON file as one atomic batch ('-': standard input)
    Batch {
        /// {"commands": [{"op": "create"|"update"|"put"|"delete", "namespace", "name", "type",
        /// "data", "tags", "owner", "cost", "api_version", "expect_revision"}, ...]}
        file: PathBuf,
    },
    /// Show the node's cluster id and each shard's health and positions
    Status,
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
    #[arg(long, value_name = "STRING", conflicts_with = "data_file")]
    data: Option<String>,
    /// The resource's data, read from a file
    #[arg(long, value_name = "FILE")]
    data_file: Option<PathBuf>,
    /// A tag, key=value; repeat for more
    #[arg(long = "tag", value_name = "K=V", value_parser = parse_tag)]
    tags: Vec<(String, String)>,
    #[arg(long, default_value = "")]
    owner: String,
    #[arg(long, default_value_t = 0)]
    cost: u64,
    #[arg(long, default_value = "v1")]
    api_version: String,
    /// Write only if the resource is at this revision (0: only if absent); not for `create`
    #[arg(long, value_name = "R")]
    expect_revision: Option<u64>,
}

#[derive(Args)]
struct GetArgs {
    #[arg(required_unless_present = "id")]
    namespace: Option<String>,
    #[arg(required_unless_present = "id")]
    name: Option<String>,
    /// The resource's id, 32 hex digits
    #[arg(long, conflicts_with_all = ["namespace", "name"])]
    id: Option<String>,
}

#[derive(Args)]
struct PageArgs {
    /// Only resources of this type
    #[arg(long = "type", value_name = "T")]
    kind: Option<String>,
    /// Resources a page (1 to 1000)
    #[arg(long, default_value_t = 100)]
    page_size: usize,
    /// Continue from the token printed after the previous page
    #[arg(long, conflicts_with = "at")]
    token: Option<String>,
    /// List as it was at these positions, one per shard, comma-separated
    #[arg(long, value_name = "POSITIONS", value_parser = render::parse_positions)]
    at: Option<Vec<u64>>,
    /// Follow the tokens to the last page
    #[arg(long)]
    all: bool,
}

#[derive(Args)]
struct ListArgs {
    /// Namespace path, e.g. /apps
    namespace: String,
    /// The whole subtree, not only the namespace's direct children
    #[arg(long)]
    subtree: bool,
    /// Tag selector: `env=prod,tier!=db,region in (eu,us),gpu,!legacy`
    #[arg(long, value_name = "SELECTOR")]
    selector: Option<String>,
    #[command(flatten)]
    page: PageArgs,
}

#[derive(Args)]
struct SelectArgs {
    /// Tag selector: `env=prod,tier!=db,region in (eu,us),gpu,!legacy`
    selector: String,
    /// Namespace path whose subtree is searched
    #[arg(default_value = "/")]
    namespace: String,
    /// Only the namespace's direct children, not its subtree
    #[arg(long)]
    children: bool,
    #[command(flatten)]
    page: PageArgs,
}

#[derive(Args)]
struct WatchArgs {
    /// Namespace path whose subtree is watched
    namespace: String,
    /// Only the namespace's direct children
    #[arg(long)]
    children: bool,
    /// Only resources of this type
    #[arg(long = "type", value_name = "T")]
    kind: Option<String>,
    /// Only resources whose tags this selector matches
    #[arg(long, value_name = "SELECTOR")]
    selector: Option<String>,
    /// Only these actions, comma-separated: created, updated, deleted, entered, left
    #[arg(long, value_delimiter = ',', value_parser = parse_action)]
    actions: Vec<EventAction>,
    /// Start after these positions, one per shard (a previous watch's resume token, or the
    /// positions of a listing); default: from now
    #[arg(long, value_name = "POSITIONS", value_parser = render::parse_positions)]
    after: Option<Vec<u64>>,
    /// Stop after this many events
    #[arg(long, value_name = "N")]
    count: Option<u64>,
    /// Stop after this many milliseconds
    #[arg(long, value_name = "MS")]
    for_ms: Option<u64>,
}

fn parse_tag(text: &str) -> Result<(String, String), String> {
    text.split_once('=')
        .map(|(key, value)| (key.to_string(), value.to_string()))
        .ok_or_else(|| format!("{text:?} is not key=value"))
}

fn parse_action(text: &str) -> Result<EventAction, String> {
    Ok(match text {
        "created" => EventAction::Created,
        "updated" => EventAction::Updated,
        "deleted" => EventAction::Deleted,
        "entered" => EventAction::Entered,
        "left" => EventAction::Left,
        other => {
            return Err(format!(
                "{other:?} is not an action: created, updated, deleted, entered, left"
            ))
        }
    })
}

/// A mistake on the command line or in a file it names: exit 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct BadInput(String);

fn bad_input(message: impl Into<String>) -> anyhow::Error {
    BadInput(message.into()).into()
}

fn main() {
    let cli = Cli::parse();
    let json = cli.json;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    let code = match runtime.block_on(run(cli)) {
        Ok(()) => exit::OK,
        Err(error) => report(&error, json),
    };
    std::process::exit(code);
}

/// Prints the error (with its context) on stderr, and returns its exit code.
fn report(error: &anyhow::Error, json: bool) -> i32 {
    let client_error = error
        .chain()
        .find_map(|cause| cause.downcast_ref::<aorta_client::Error>());
    let (code, kind) = match client_error {
        Some(client_error) => (
            exit::of_kind(client_error.kind()),
            exit::kind_name(client_error.kind()),
        ),
        None if error.chain().any(|cause| cause.is::<BadInput>()) => (exit::BAD_INPUT, "bad_input"),
        None => (exit::FAILED, "failed"),
    };
    let message = describe(error);
    if json {
        eprintln!(
            "{}",
            serde_json::json!({"error": {"kind": kind, "exit_code": code, "message": message}})
        );
    } else {
        eprintln!("error: {message}");
    }
    code
}

async fn run(cli: Cli) -> Result<()> {
    let json = cli.json;
    // Mistakes of the command line are told before anything is asked of the network.
    if let Cmd::Create(args) = &cli.command {
        if args.expect_revision.is_some() {
            return Err(bad_input(
                "create takes no --expect-revision (it only creates absent resources)",
            ));
        }
    }
    let config = client_config(&cli.target)?;
    let address = config.address;
    let client = Client::connect(config)
        .await
        .with_context(|| format!("connecting to the node at {address}"))?;
    let result = execute(&client, &Output { json }, cli.command).await;
    client.close().await;
    result
}

/// Runs one command on a connected client.
async fn execute(client: &Client, out: &Output, command: Cmd) -> Result<()> {
    match command {
        Cmd::Put(args) => {
            let expected = args.expect_revision;
            write(client, out, Command::put(spec_of(&args)?, expected), "put").await
        }
        Cmd::Create(args) => write(client, out, Command::create(spec_of(&args)?), "created").await,
        Cmd::Update(args) => {
            let expected = args.expect_revision;
            let command = Command::update(spec_of(&args)?, expected);
            write(client, out, command, "updated").await
        }
        Cmd::Delete {
            namespace,
            name,
            expect_revision,
        } => {
            let command = Command::delete(&namespace, &name, expect_revision);
            write(client, out, command, "deleted").await
        }
        Cmd::Get(args) => get(client, out, args).await,
        Cmd::List(args) => {
            let query = query(
                args.namespace,
                if args.subtree {
                    Scope::Subtree
                } else {
                    Scope::Children
                },
                args.selector.as_deref(),
                &args.page,
            )?;
            list(client, out, query, args.page).await
        }
        Cmd::Select(args) => {
            let scope = if args.children {
                Scope::Children
            } else {
                Scope::Subtree
            };
            let query = query(args.namespace, scope, Some(&args.selector), &args.page)?;
            list(client, out, query, args.page).await
        }
        Cmd::Watch(args) => watch(client, out, args).await,
        Cmd::Batch { file } => batch(client, out, file).await,
        Cmd::Status => status(client, out).await,
    }
}

/// The client configuration from flags, environment and the data directory.
fn client_config(target: &Target) -> Result<ClientConfig> {
    let address: SocketAddr = target
        .address
        .to_socket_addrs()
        .ok()
        .and_then(|mut addresses| addresses.next())
        .ok_or_else(|| bad_input(format!("--address {:?} is not HOST:PORT", target.address)))?;
    let host = target
        .address
        .rsplit_once(':')
        .map_or(target.address.as_str(), |(host, _)| host)
        .trim_start_matches('[')
        .trim_end_matches(']');
    let data_dir = || -> Result<PathBuf> {
        match &target.data_dir {
            Some(dir) => Ok(dir.clone()),
            None => default_data_dir(&|name| std::env::var_os(name))
                .map(|(dir, _)| dir)
                .ok_or_else(|| bad_input("no data directory: pass --data-dir, or set AORTA_DATA_DIR, XDG_DATA_HOME or HOME, or give --certificate and --cluster-key-file")),
        }
    };
    let certificate = match &target.certificate {
        Some(path) => path.clone(),
        None => data_dir()?.join(aorta_client::config::CERTIFICATE_FILE),
    };
    let cluster_key = match &target.cluster_key_file {
        Some(path) => path.clone(),
        None => data_dir()?.join(aorta_client::config::CLUSTER_KEY_FILE),
    };
    let certificates =
        read_certificates(&certificate).map_err(|error| bad_input(error.to_string()))?;
    let key = read_cluster_key(&cluster_key).map_err(|error| bad_input(error.to_string()))?;
    let server_name = target
        .server_name
        .clone()
        .unwrap_or_else(|| host.to_string());
    let mut config = ClientConfig::new(address, server_name, certificates, key, &target.principal);
    let timeout = Duration::from_millis(target.timeout_ms.max(1));
    config.connect_timeout = timeout;
    config.request_timeout = timeout;
    // `watch` keeps the client's reconnection policy (5 minutes of retries): a node restart
    // does not end it; every other command connects once.
    Ok(config)
}

fn spec_of(args: &WriteArgs) -> Result<ResourceSpec> {
    let data = match (&args.data, &args.data_file) {
        (Some(text), _) => text.clone().into_bytes(),
        (None, Some(path)) => std::fs::read(path).map_err(|error| {
            bad_input(format!(
                "cannot read --data-file {}: {error}",
                path.display()
            ))
        })?,
        (None, None) => Vec::new(),
    };
    let mut spec = ResourceSpec::new(&args.namespace, &args.name, &args.kind).with_data(data);
    spec.tags = args.tags.iter().cloned().collect();
    spec.owner = args.owner.clone();
    spec.cost = args.cost;
    spec.api_version = args.api_version.clone();
    Ok(spec)
}

/// Where results go: stdout, as text or JSON lines.
struct Output {
    json: bool,
}

impl Output {
    fn emit(&self, json: serde_json::Value, text: impl FnOnce() -> String) {
        if self.json {
            println!("{json}");
        } else {
            println!("{}", text());
        }
    }
}

async fn write(client: &Client, out: &Output, command: Command, action: &str) -> Result<()> {
    let key = aorta_engine::resource::key_of(command.namespace(), command.name());
    let receipt = client
        .commit(Batch::single(command))
        .await
        .with_context(|| format!("{action} {key}"))?;
    out.emit(render::receipt_json(action, &key, &receipt), || {
        format!(
            "{action} {key} at revision {} (id {})",
            receipt.position,
            receipt
                .ids
                .first()
                .map(ToString::to_string)
                .unwrap_or_default()
        )
    });
    Ok(())
}

async fn get(client: &Client, out: &Output, args: GetArgs) -> Result<()> {
    let (found, what) = match args.id {
        Some(id) => {
            let id: ResourceId = id
                .parse()
                .map_err(|error| bad_input(format!("--id: {error}")))?;
            let found = client
                .get_by_id(id)
                .await
                .with_context(|| format!("reading id {id}"))?;
            (found, format!("id {id}"))
        }
        None => {
            let namespace = args.namespace.expect("clap requires it");
            let name = args.name.expect("clap requires it");
            let key = aorta_engine::resource::key_of(&namespace, &name);
            let found = client
                .get(&namespace, &name)
                .await
                .with_context(|| format!("reading {key}"))?;
            (found, key)
        }
    };
    let resource = found.ok_or_else(|| aorta_client::Error::NotFound {
        key: Some(what.clone()),
        message: format!("{what} is not there"),
    })?;
    out.emit(render::resource_json(&resource), || {
        aorta_tools::show_resource(&resource).trim_end().to_string()
    });
    Ok(())
}

fn query(
    namespace: String,
    scope: Scope,
    selector: Option<&str>,
    page: &PageArgs,
) -> Result<Query> {
    let selector = selector
        .map(TagSelector::parse)
        .transpose()
        .map_err(|error| bad_input(format!("the tag selector: {error}")))?;
    Ok(Query {
        namespace,
        scope,
        kind: page.kind.clone(),
        selector,
        page_size: page.page_size,
    })
}

async fn list(client: &Client, out: &Output, query: Query, page_args: PageArgs) -> Result<()> {
    let mut from = match (page_args.token, page_args.at) {
        (Some(token), _) => ListFrom::Token(token),
        (None, Some(positions)) => ListFrom::Positions(positions),
        (None, None) => ListFrom::Latest,
    };
    let mut listed = 0usize;
    loop {
        let page = client
            .list(&query, from)
            .await
            .with_context(|| format!("listing {}", query.namespace))?;
        for resource in &page.items {
            out.emit(render::resource_json(resource), || {
                render::resource_line(resource)
            });
        }
        listed += page.items.len();
        let next = page.next.as_ref().map(|token| token.encode());
        match next {
            Some(token) if page_args.all => from = ListFrom::Token(token),
            next => {
                let positions = render::positions_text(&page.positions);
                if out.json {
                    println!(
                        "{}",
                        serde_json::json!({"listed": listed, "positions": page.positions, "next_token": next})
                    );
                } else {
                    match next {
                        Some(token) => println!("next page: --token {token}"),
                        None => {
                            eprintln!("{listed} resources, last page, at positions {positions}")
                        }
                    }
                }
                return Ok(());
            }
        }
    }
}

async fn watch(client: &Client, out: &Output, args: WatchArgs) -> Result<()> {
    let selector = args
        .selector
        .as_deref()
        .map(TagSelector::parse)
        .transpose()
        .map_err(|error| bad_input(format!("--selector: {error}")))?;
    let pattern = Pattern {
        namespace: args.namespace.clone(),
        scope: if args.children {
            Scope::Children
        } else {
            Scope::Subtree
        },
        kind: args.kind,
        selector,
        actions: if args.actions.is_empty() {
            Actions::ALL
        } else {
            Actions::of(&args.actions)
        },
    };
    let start = args.after.map_or(Start::Now, Start::After);
    let mut subscription = client
        .subscribe(pattern, start)
        .await
        .with_context(|| format!("watching {}", args.namespace))?;
    eprintln!(
        "watching {} from {} (Ctrl-C to stop)",
        args.namespace,
        start_text(subscription.resume_from())
    );
    let deadline = args
        .for_ms
        .map(|ms| tokio::time::Instant::now() + Duration::from_millis(ms));
    let mut seen = 0u64;
    while args.count.is_none_or(|count| seen < count) {
        let next = tokio::select! {
            next = subscription.next() => next,
            _ = tokio::signal::ctrl_c() => break,
            () = sleep_until(deadline) => break,
        };
        let Some(event) = next else { break };
        let event = event.with_context(|| format!("watching {}", args.namespace))?;
        out.emit(render::event_json(&event), || render::event_line(&event));
        seen += 1;
    }
    eprintln!(
        "resume with: --after {}",
        start_text(subscription.resume_from())
    );
    Ok(())
}

async fn sleep_until(deadline: Option<tokio::time::Instant>) {
    match deadline {
        Some(deadline) => tokio::time::sleep_until(deadline).await,
        None => std::future::pending().await,
    }
}

fn start_text(start: &Start) -> String {
    match start {
        Start::Now => "now".into(),
        Start::After(positions) => render::positions_text(positions),
    }
}

async fn batch(client: &Client, out: &Output, file: PathBuf) -> Result<()> {
    let text = if file.as_os_str() == "-" {
        std::io::read_to_string(std::io::stdin())
            .map_err(|error| bad_input(format!("reading the batch from standard input: {error}")))?
    } else {
        std::fs::read_to_string(&file)
            .map_err(|error| bad_input(format!("cannot read {}: {error}", file.display())))?
    };
    let batch = batch_file::parse(&text)
        .map_err(|error| bad_input(format!("{}: {error}", file.display())))?;
    let keys: Vec<String> = batch
        .commands
        .iter()
        .map(|command| aorta_engine::resource::key_of(command.namespace(), command.name()))
        .collect();
    let receipt = client
        .commit(batch)
        .await
        .with_context(|| format!("committing the batch of {}", file.display()))?;
    out.emit(
        serde_json::json!({
            "action": "committed",
            "commands": keys.len(),
            "keys": keys,
            "shard": receipt.shard,
            "position": receipt.position,
            "ids": receipt.ids.iter().map(ToString::to_string).collect::<Vec<_>>(),
        }),
        || {
            format!(
                "committed {} commands at revision {} (shard {}): {}",
                keys.len(),
                receipt.position,
                receipt.shard,
                keys.join(", ")
            )
        },
    );
    Ok(())
}

async fn status(client: &Client, out: &Output) -> Result<()> {
    let status = client.status().await.context("asking the node's status")?;
    let positions = client
        .positions()
        .await
        .context("asking the node's positions")?;
    let mut json = render::status_json(&status);
    json["positions"] = serde_json::json!(positions);
    out.emit(json, || {
        format!(
            "{}positions: {}",
            render::status_text(&status),
            render::positions_text(&positions)
        )
    });
    Ok(())
}
