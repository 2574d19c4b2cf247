//! `raw-disk`: what the disk does without any store on it, as the physical reference of every
//! durable-write figure: 4 KiB writes each followed by fdatasync (appending, so the file's size
//! changes too, and overwriting a preallocated file, where only the data must reach the disk),
//! and the sequential write bandwidth (1 MiB writes, one fdatasync at the end). The overwrites are
//! measured twice: back to back, and one every [`PACED_INTERVAL`] from an idle disk — the
//! reference of a paced run's latencies (`--rate`), since a device flush after a quiet spell can
//! take several times one right after another.

use std::fs::{File, OpenOptions};
use std::io::Write as _;
use std::os::unix::fs::FileExt as _;
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use hdrhistogram::Histogram;
use serde::Serialize;

use crate::report::{new_histogram, LatencySummary};

const BLOCK_BYTES: usize = 4096;
const SEQUENTIAL_BLOCK_BYTES: usize = 1 << 20;
/// The gap between two paced overwrites.
pub const PACED_INTERVAL: Duration = Duration::from_millis(10);
/// At most this many paced overwrites (2 s at one per 10 ms).
const PACED_SYNCS_MAX: u64 = 200;

#[derive(Debug, Serialize)]
pub struct RawDisk {
    pub directory: String,
    pub appends_with_fdatasync_per_second: f64,
    pub append_latency: Option<LatencySummary>,
    pub overwrites_with_fdatasync_per_second: f64,
    pub overwrite_latency: Option<LatencySummary>,
    /// Overwrites made one per `paced_interval_ms`, each from an idle disk.
    pub paced_overwrites: u64,
    pub paced_interval_ms: u64,
    pub paced_overwrite_latency: Option<LatencySummary>,
    pub sequential_bytes: u64,
    pub sequential_mib_per_second: f64,
}

impl RawDisk {
    pub fn to_text(&self) -> String {
        let latency = |summary: &Option<LatencySummary>| {
            summary.as_ref().map_or(String::new(), |l| {
                format!(" (µs p50 {} p99 {} max {})", l.p50_us, l.p99_us, l.max_us)
            })
        };
        format!(
            "raw disk under {}\n  4 KiB append + fdatasync:    {:>10.0}/s{}\n  4 KiB overwrite + fdatasync: {:>10.0}/s{}\n  4 KiB overwrite + fdatasync, one every {} ms:{}\n  sequential write, 1 MiB blocks, {} MiB then fdatasync: {:.0} MiB/s\n",
            self.directory,
            self.appends_with_fdatasync_per_second,
            latency(&self.append_latency),
            self.overwrites_with_fdatasync_per_second,
            latency(&self.overwrite_latency),
            self.paced_interval_ms,
            latency(&self.paced_overwrite_latency),
            self.sequential_bytes >> 20,
            self.sequential_mib_per_second
        )
    }
}

/// Measures in a temporary directory under `directory` (removed at the end).
pub fn measure(directory: &Path, syncs: u64, sequential_mib: u64) -> Result<RawDisk> {
    let scratch = tempfile::Builder::new()
        .prefix("aorta-bench-raw-disk-")
        .tempdir_in(directory)
        .with_context(|| format!("making a scratch directory in {}", directory.display()))?;
    let block = vec![0x5au8; BLOCK_BYTES];

    let append_path = scratch.path().join("append");
    let mut append = File::create(&append_path)
        .with_context(|| format!("creating {}", append_path.display()))?;
    let mut append_latency = new_histogram();
    let started = Instant::now();
    for _ in 0..syncs {
        let one = Instant::now();
        append.write_all(&block).context("appending")?;
        append.sync_data().context("fdatasync")?;
        append_latency.saturating_record(one.elapsed().as_micros() as u64);
    }
    let appends_per_second = syncs as f64 / started.elapsed().as_secs_f64();

    let overwrite_path = scratch.path().join("overwrite");
    let overwrite = OpenOptions::new()
        .create(true)
        .truncate(true)
        .read(true)
        .write(true)
        .open(&overwrite_path)
        .with_context(|| format!("creating {}", overwrite_path.display()))?;
    // Written whole and synced first, so the measured writes change no metadata but the times.
    for index in 0..syncs {
        overwrite
            .write_all_at(&block, index * BLOCK_BYTES as u64)
            .context("preallocating")?;
    }
    overwrite.sync_all().context("fsync")?;
    // Block `index` overwritten and fdatasynced; its latency recorded in `latency`.
    let overwrite_one = |index: u64, latency: &mut Histogram<u64>| -> Result<()> {
        let one = Instant::now();
        overwrite
            .write_all_at(&block, index * BLOCK_BYTES as u64)
            .context("overwriting")?;
        overwrite.sync_data().context("fdatasync")?;
        latency.saturating_record(one.elapsed().as_micros() as u64);
        Ok(())
    };
    let mut overwrite_latency = new_histogram();
    let started = Instant::now();
    for index in 0..syncs {
        overwrite_one(index, &mut overwrite_latency)?;
    }
    let overwrites_per_second = syncs as f64 / started.elapsed().as_secs_f64();

    let paced_overwrites = syncs.min(PACED_SYNCS_MAX);
    let mut paced_overwrite_latency = new_histogram();
    for index in 0..paced_overwrites {
        std::thread::sleep(PACED_INTERVAL);
        overwrite_one(index, &mut paced_overwrite_latency)?;
    }

    let sequential_path = scratch.path().join("sequential");
    let mut sequential = File::create(&sequential_path)
        .with_context(|| format!("creating {}", sequential_path.display()))?;
    let chunk = vec![0xa5u8; SEQUENTIAL_BLOCK_BYTES];
    let started = Instant::now();
    for _ in 0..sequential_mib {
        sequential.write_all(&chunk).context("writing")?;
    }
    sequential.sync_data().context("fdatasync")?;
    let sequential_seconds = started.elapsed().as_secs_f64();

    Ok(RawDisk {
        directory: directory.display().to_string(),
        appends_with_fdatasync_per_second: appends_per_second,
        append_latency: LatencySummary::of(&append_latency),
        overwrites_with_fdatasync_per_second: overwrites_per_second,
        overwrite_latency: LatencySummary::of(&overwrite_latency),
        paced_overwrites,
        paced_interval_ms: PACED_INTERVAL.as_millis() as u64,
        paced_overwrite_latency: LatencySummary::of(&paced_overwrite_latency),
        sequential_bytes: sequential_mib * SEQUENTIAL_BLOCK_BYTES as u64,
        sequential_mib_per_second: sequential_mib as f64 / sequential_seconds,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_disk_measures_appends_overwrites_paced_overwrites_and_bandwidth() {
        let dir = tempfile::tempdir().unwrap();
        let measured = measure(dir.path(), 3, 1).unwrap();
        let count = |summary: &Option<LatencySummary>| summary.as_ref().unwrap().count;
        assert_eq!(count(&measured.append_latency), 3);
        assert_eq!(count(&measured.overwrite_latency), 3);
        assert_eq!(measured.paced_overwrites, 3);
        assert_eq!(count(&measured.paced_overwrite_latency), 3);
        assert_eq!(measured.sequential_bytes, 1 << 20);
        assert!(measured.appends_with_fdatasync_per_second > 0.0);
        assert!(measured.to_text().contains("one every 10 ms"));
        // Its scratch files are gone.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
