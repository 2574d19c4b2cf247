//! The real-process kill test: `aorta-engine write-loop` commits puts from many threads and prints an
//! `ack` line after each durable commit; the test SIGKILLs it at a random moment (sometimes while it is
//! still opening and recovering, usually while writes are in flight), reopens the data directory in
//! this process and checks that every acknowledged write is there with exactly its content. All rounds
//! share one data directory, so recovery runs over a log that grows (and rotates segments) round after
//! round.
//!
//! `AORTA_KILL_SEED` replays a run's random choices, `AORTA_KILL_ROUNDS` changes the round count
//! (default 50). A failing round keeps the data directory, with a copy taken before the test reopened
//! it, and the child's output, and names them in the panic message.

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use aorta_engine::{Engine, EngineConfig, ResourceId};
use aorta_tools::workload::{parse_ack, WriteKey};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

const BIN: &str = env!("CARGO_BIN_EXE_aorta-engine");
const SHARDS: u16 = 4;
const WRITERS: u32 = 8;
const NAMESPACES: u32 = 8;
/// How long a round waits for the child's first ack before calling it stuck.
const FIRST_ACK_TIMEOUT: Duration = Duration::from_secs(30);
/// Older acknowledged writes re-checked each round (all of them are re-checked at the end).
const OLDER_SAMPLE: usize = 200;
const SIGKILL: i32 = 9;

#[derive(Clone, Debug)]
struct Ack {
    round: usize,
    key: WriteKey,
    namespace: String,
    position: u64,
}

/// What one child process did before it was killed.
struct Outcome {
    acks: Vec<Ack>,
    stdout: String,
    stderr: String,
    plan: String,
    /// Anything wrong with the child itself: it exited by itself, never acked, printed garbage.
    problems: Vec<String>,
}

fn env_number(name: &str) -> Option<u64> {
    let text = std::env::var(name).ok()?;
    Some(
        text.parse()
            .unwrap_or_else(|_| panic!("{name}={text:?} is not a number")),
    )
}

#[test]
fn acknowledged_writes_survive_sigkill() {
    let seed = env_number("AORTA_KILL_SEED").unwrap_or_else(rand::random);
    let rounds = env_number("AORTA_KILL_ROUNDS").unwrap_or(50) as usize;
    eprintln!(
        "kill test: seed {seed} (AORTA_KILL_SEED={seed} replays the choices), {rounds} rounds"
    );
    let mut rng = StdRng::seed_from_u64(seed);
    let dir = tempfile::Builder::new()
        .prefix("aorta-kill-")
        .tempdir()
        .expect("creating a temp dir");
    let data_dir = dir.path().join("data");
    let snapshot = dir.path().join("before-reopen");

    let started = Instant::now();
    let mut all: Vec<Ack> = Vec::new();
    let mut rounds_with_acks = 0;
    let mut unacked_found = 0;
    let mut killed_opening = 0;
    let mut positions: HashMap<(u16, u64), String> = HashMap::new();
    for round in 0..rounds {
        let outcome = run_child(&mut rng, &data_dir, round);
        copy_dir(&data_dir, &snapshot);
        if !outcome.problems.is_empty() {
            fail(dir, seed, round, &outcome, &outcome.problems.join("; "));
        }
        let older: Vec<&Ack> = all.choose_multiple(&mut rng, OLDER_SAMPLE).collect();
        let checked = verify_round(&data_dir, round, &outcome.acks, &older, &mut positions);
        match checked {
            Ok(found) => unacked_found += found,
            Err(problem) => fail(dir, seed, round, &outcome, &problem),
        }
        if !outcome.acks.is_empty() {
            rounds_with_acks += 1;
        }
        // Each shard logs "shard recovered" once its recovery is done.
        if outcome.stderr.matches("shard recovered").count() < SHARDS as usize {
            killed_opening += 1;
        }
        all.extend(outcome.acks);
    }

    // Every write acknowledged in any round, once more, after the last recovery.
    let engine = open(&data_dir).unwrap_or_else(|e| panic!("final reopen failed: {e}"));
    for ack in &all {
        if let Err(problem) = check_ack(&engine, ack) {
            engine.close();
            let kept = dir.keep();
            panic!(
                "final check (seed {seed}): {problem}; data dir kept at {}",
                kept.display()
            );
        }
    }
    engine.close();

    eprintln!(
        "kill test: {rounds} rounds ({rounds_with_acks} with acks, {killed_opening} killed while opening) in {:.1} s, {} acknowledged writes verified, {unacked_found} unacknowledged writes found intact",
        started.elapsed().as_secs_f64(),
        all.len()
    );
    assert!(
        rounds_with_acks * 2 >= rounds,
        "only {rounds_with_acks} of {rounds} rounds acknowledged a write"
    );
    assert!(!all.is_empty(), "no write was ever acknowledged");
}

/// Spawns `write-loop` for round `round` and SIGKILLs it at a random moment.
fn run_child(rng: &mut StdRng, data_dir: &Path, round: usize) -> Outcome {
    // One round in five is killed a few ms after spawn, often before the engine has finished opening;
    // the others 2 to 80 ms after their first ack, with commits in flight.
    let early = rng.gen_bool(0.2);
    let delay = Duration::from_millis(if early {
        rng.gen_range(0..=20)
    } else {
        rng.gen_range(2..=80)
    });
    let segment_bytes: u64 = *[16 * 1024, 64 * 1024, 1024 * 1024].choose(rng).unwrap();
    let plan = format!(
        "round {round}: kill {} ms after {}, segments of {segment_bytes} bytes",
        delay.as_millis(),
        if early { "spawn" } else { "the first ack" }
    );
    let mut child = Command::new(BIN)
        .arg("--data-dir")
        .arg(data_dir)
        .args(["--shards", &SHARDS.to_string(), "write-loop"])
        .args(["--writers", &WRITERS.to_string()])
        .args(["--namespace-count", &NAMESPACES.to_string()])
        .args(["--run", &format!("r{round}")])
        .args(["--segment-bytes", &segment_bytes.to_string()])
        .env("RUST_LOG", "info")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawning aorta-engine write-loop");

    let (first_ack, first_ack_wait) = mpsc::channel();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let reader = thread::spawn(move || {
        let mut lines = Vec::new();
        let mut line = Vec::new();
        loop {
            line.clear();
            match stdout.read_until(b'\n', &mut line) {
                Ok(0) | Err(_) => break,
                Ok(_) => {}
            }
            // A line cut short by the kill was never a whole ack; skip it.
            if line.last() != Some(&b'\n') {
                break;
            }
            if lines.is_empty() {
                let _ = first_ack.send(());
            }
            lines.push(String::from_utf8_lossy(&line[..line.len() - 1]).into_owned());
        }
        lines
    });
    let mut stderr_pipe = child.stderr.take().unwrap();
    let stderr_reader = thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr_pipe.read_to_string(&mut text);
        text
    });

    let waited = if early {
        Ok(())
    } else {
        first_ack_wait.recv_timeout(FIRST_ACK_TIMEOUT)
    };
    if waited.is_ok() {
        thread::sleep(delay);
    }
    let exited_early = child.try_wait().expect("polling the child");
    let _ = child.kill();
    let status = child.wait().expect("waiting for the child");
    let lines = reader.join().expect("stdout reader panicked");
    let stderr = stderr_reader.join().expect("stderr reader panicked");

    let mut problems = Vec::new();
    if let Some(status) = exited_early {
        problems.push(format!(
            "write-loop exited by itself ({status}) before the kill"
        ));
    } else if status.signal() != Some(SIGKILL) {
        problems.push(format!("write-loop ended with {status}, not by SIGKILL"));
    }
    if waited.is_err() {
        problems.push(format!("no ack within {FIRST_ACK_TIMEOUT:?}"));
    }
    let mut acks = Vec::with_capacity(lines.len());
    for line in &lines {
        let parsed = parse_ack(line).and_then(|(namespace, name, position)| {
            let key = WriteKey::parse_name(&name)?;
            Some(Ack {
                round,
                key,
                namespace,
                position,
            })
        });
        match parsed {
            Some(ack) if ack.key.run == format!("r{round}") => acks.push(ack),
            _ => problems.push(format!("unexpected stdout line {line:?}")),
        }
    }
    Outcome {
        acks,
        stdout: lines.join("\n"),
        stderr,
        plan,
        problems,
    }
}

fn open(data_dir: &Path) -> aorta_engine::Result<Engine> {
    Engine::open(EngineConfig::new(data_dir).with_shards(SHARDS))
}

/// Reopens the data directory and checks the round's acks, the writers' prefixes and a sample of
/// older acks. Returns how many unacknowledged (but durable) writes of the round were found.
fn verify_round(
    data_dir: &Path,
    round: usize,
    acks: &[Ack],
    older: &[&Ack],
    positions: &mut HashMap<(u16, u64), String>,
) -> Result<usize, String> {
    let engine = open(data_dir).map_err(|e| format!("reopening after the kill failed: {e}"))?;
    let result = (|| {
        let mut last_acked: BTreeMap<u32, u64> = BTreeMap::new();
        for ack in acks {
            check_ack(&engine, ack)?;
            let shard = engine.shard_for(&ack.namespace);
            let key = format!("{}/{}", ack.namespace, ack.key.name());
            if let Some(other) = positions.insert((shard, ack.position), key.clone()) {
                return Err(format!(
                    "shard {shard} acknowledged position {} twice: {other} and {key}",
                    ack.position
                ));
            }
            let last = last_acked.entry(ack.key.writer).or_insert(0);
            *last = (*last).max(ack.key.seq + 1);
        }
        for ack in older {
            check_ack(&engine, ack)?;
        }
        // A writer commits one put at a time, each only after the one before it was durable, so what
        // survives of a writer is a prefix of its sequence covering every ack it printed.
        let mut unacked = 0;
        {
            let run = format!("r{round}");
            for writer in 0..WRITERS {
                let acked = last_acked.get(&writer).copied().unwrap_or(0);
                let mut seq = 0;
                loop {
                    let key = WriteKey::new(&run, writer, seq);
                    let namespace = key.namespace(NAMESPACES);
                    match engine
                        .get(&namespace, &key.name())
                        .map_err(|e| e.to_string())?
                    {
                        Some(resource) => key.check(NAMESPACES, &resource)?,
                        None => break,
                    }
                    seq += 1;
                }
                if seq < acked {
                    return Err(format!(
                        "writer {writer}: seq {seq} is missing but seq {} was acknowledged",
                        acked - 1
                    ));
                }
                for later in seq + 1..seq + 4 {
                    let key = WriteKey::new(&run, writer, later);
                    let found = engine
                        .get(&key.namespace(NAMESPACES), &key.name())
                        .map_err(|e| e.to_string())?;
                    if found.is_some() {
                        return Err(format!(
                            "writer {writer}: seq {later} survived but seq {seq} did not"
                        ));
                    }
                }
                unacked += (seq - acked) as usize;
            }
        }
        Ok(unacked)
    })();
    engine.close();
    result
}

/// The acknowledged write is present, holds exactly what the writer wrote, is at the acknowledged
/// revision, and is found by its id too.
fn check_ack(engine: &Engine, ack: &Ack) -> Result<(), String> {
    let name = ack.key.name();
    let key = format!("{}/{name}", ack.namespace);
    let context = format!(
        "round {} ack of {key} at position {}",
        ack.round, ack.position
    );
    if ack.namespace != ack.key.namespace(NAMESPACES) {
        return Err(format!("{context}: the namespace is not the writer's"));
    }
    let resource = engine
        .get(&ack.namespace, &name)
        .map_err(|e| format!("{context}: reading failed: {e}"))?
        .ok_or_else(|| format!("{context}: LOST, the acknowledged write is missing"))?;
    ack.key
        .check(NAMESPACES, &resource)
        .map_err(|e| format!("{context}: {e}"))?;
    if resource.revision != ack.position {
        return Err(format!(
            "{context}: revision is {}, not the acknowledged position",
            resource.revision
        ));
    }
    let shard = engine.shard_for(&ack.namespace);
    let expected_id = ResourceId::new(engine.cluster_id(), shard, ack.position, 0);
    if resource.id != expected_id {
        return Err(format!(
            "{context}: id {} is not {expected_id}",
            resource.id
        ));
    }
    let by_id = engine
        .get_by_id(resource.id)
        .map_err(|e| format!("{context}: reading by id failed: {e}"))?;
    if by_id.as_ref() != Some(&resource) {
        return Err(format!("{context}: by id {} gave {by_id:?}", resource.id));
    }
    Ok(())
}

/// Keeps the evidence of a failed round and panics with where it is.
fn fail(dir: tempfile::TempDir, seed: u64, round: usize, outcome: &Outcome, problem: &str) -> ! {
    let kept = dir.keep();
    let _ = std::fs::write(
        kept.join(format!("round-{round}-stdout.txt")),
        &outcome.stdout,
    );
    let _ = std::fs::write(
        kept.join(format!("round-{round}-stderr.txt")),
        &outcome.stderr,
    );
    panic!(
        "{} (seed {seed}, {} acks): {problem}\nevidence kept in {}: data/ (after the test reopened it), before-reopen/ (as the kill left it), round-{round}-stdout.txt, round-{round}-stderr.txt\nchild stderr tail:\n{}",
        outcome.plan,
        outcome.acks.len(),
        kept.display(),
        tail(&outcome.stderr, 2000)
    );
}

fn tail(text: &str, max: usize) -> &str {
    let mut start = text.len().saturating_sub(max);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

/// Replaces `to` with a copy of the directory tree `from` (nothing, if `from` does not exist yet).
fn copy_dir(from: &Path, to: &Path) {
    if to.exists() {
        std::fs::remove_dir_all(to).expect("removing the old snapshot");
    }
    if !from.exists() {
        return;
    }
    let mut stack: Vec<(PathBuf, PathBuf)> = vec![(from.to_path_buf(), to.to_path_buf())];
    while let Some((src, dst)) = stack.pop() {
        std::fs::create_dir_all(&dst).expect("creating a snapshot dir");
        for entry in std::fs::read_dir(&src).expect("listing the data dir") {
            let entry = entry.expect("listing the data dir");
            let target = dst.join(entry.file_name());
            if entry.file_type().expect("file type").is_dir() {
                stack.push((entry.path(), target));
            } else {
                std::fs::copy(entry.path(), &target).expect("copying a data file");
            }
        }
    }
}
