//! `aortad`: the Aorta node. Resolves its configuration (flags > `AORTA_*` environment >
//! `--config` file > defaults) before it touches the disk, then runs the node until SIGTERM or
//! SIGINT. Exit codes: 0 after a clean shutdown, 1 when the node fails, 2 for a configuration
//! that is refused.

/// mimalloc, as every Aorta binary (why: `docs/architecture.md`, dependencies).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context as _;
use aorta_server::config::Surroundings;
use aorta_server::protocol::AortaProtocol;
use aorta_server::{cli, logging, memory, node};

fn main() -> ExitCode {
    let surroundings = Surroundings::of_process();
    // First, before the node allocates much: every later fault is a small page.
    let huge_pages = memory::turn_off_transparent_huge_pages(surroundings.env);
    let parsed = match cli::parse_from(std::env::args_os()) {
        Ok(parsed) => parsed,
        // Usage errors exit 2, --help and --version 0; clap prints both.
        Err(error) => error.exit(),
    };
    let resolved = match cli::resolve(&parsed, &surroundings) {
        Ok(resolved) => resolved,
        Err(error) => {
            eprintln!("aortad: configuration refused: {error}");
            return ExitCode::from(2);
        }
    };
    let config = resolved.config;
    logging::init(config.log_format, &config.log_filter);
    memory::log(&huge_pages);
    tracing::info!(
        version = env!("CARGO_PKG_VERSION"),
        listen = %config.listen,
        data_dir = %config.data_dir.display(),
        data_dir_from = %resolved.origins["data_dir"],
        "starting aortad"
    );
    for (key, origin) in &resolved.origins {
        tracing::debug!(key, %origin, "setting");
    }
    let run = node::run(&config, Arc::new(AortaProtocol::default())).context("aortad stopped");
    match run {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(error = format!("{error:#}"), "aortad failed");
            ExitCode::FAILURE
        }
    }
}
