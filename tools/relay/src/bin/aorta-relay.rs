//! `aorta-relay`: a UDP relay that drops, duplicates, delays and reorders datagrams, to try a node
//! and its clients over a bad network by hand:
//!
//! ```sh
//! aorta-relay --server 127.0.0.1:7700 --listen 127.0.0.1:7701 --drop 0.05 --duplicate 0.02 --delay-ms 0..30
//! ```

use std::net::SocketAddr;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use aorta_relay::{Faults, UdpRelay};
use clap::Parser;

#[derive(Parser)]
#[command(
    version,
    about = "A UDP relay that drops, duplicates, delays and reorders datagrams"
)]
struct Args {
    /// Where the relay takes clients' datagrams.
    #[arg(long, default_value = "127.0.0.1:7701")]
    listen: SocketAddr,
    /// Where it relays them (an aortad).
    #[arg(long, default_value = "127.0.0.1:7700")]
    server: SocketAddr,
    /// The fraction of datagrams dropped, 0 to 1.
    #[arg(long, default_value_t = 0.0)]
    drop: f64,
    /// The fraction of datagrams sent twice, 0 to 1.
    #[arg(long, default_value_t = 0.0)]
    duplicate: f64,
    /// Each datagram's delay in milliseconds, drawn from MIN..MAX (a range wider than the gap
    /// between datagrams reorders them).
    #[arg(long, default_value = "0..0")]
    delay_ms: String,
    /// The generator's seed: the same seed and traffic give the same faults.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

fn per_million(field: &str, fraction: f64) -> Result<u32> {
    if !(0.0..=1.0).contains(&fraction) {
        bail!("--{field} is {fraction}; it must be from 0 to 1");
    }
    Ok((fraction * 1e6).round() as u32)
}

fn main() -> Result<()> {
    let args = Args::parse();
    let (min, max) = args
        .delay_ms
        .split_once("..")
        .context("--delay-ms is MIN..MAX, in milliseconds")?;
    let faults = Faults {
        drop_per_million: per_million("drop", args.drop)?,
        duplicate_per_million: per_million("duplicate", args.duplicate)?,
        delay_min: Duration::from_millis(min.trim().parse().context("--delay-ms MIN")?),
        delay_max: Duration::from_millis(max.trim().parse().context("--delay-ms MAX")?),
        cut: false,
    };
    let relay = UdpRelay::start_on(args.listen, args.server, faults, args.seed)
        .with_context(|| format!("starting the relay on {}", args.listen))?;
    eprintln!(
        "aorta-relay: {} -> {} (Ctrl-C stops it)",
        relay.local_addr(),
        args.server
    );
    loop {
        std::thread::sleep(Duration::from_secs(5));
        eprintln!("aorta-relay: {:?}", relay.stats());
    }
}
