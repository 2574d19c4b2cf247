//! CPU time of a process's threads, from `/proc/<pid>/task/<tid>/stat`, grouped by thread name
//! without its number (`aorta-shard-0` and `aorta-shard-1` are `aorta-shard-`): where a node
//! spends its CPU per operation.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context as _, Result};

use crate::report::ThreadGroupCpu;

/// Each live thread's name and CPU time (user + system) in clock ticks, by thread id.
#[derive(Clone, Debug, Default)]
pub struct ThreadTimes {
    threads: BTreeMap<u32, (String, u64)>,
}

impl ThreadTimes {
    pub fn read(pid: u32) -> Result<ThreadTimes> {
        let tasks = Path::new("/proc").join(pid.to_string()).join("task");
        let mut threads = BTreeMap::new();
        let entries =
            std::fs::read_dir(&tasks).with_context(|| format!("reading {}", tasks.display()))?;
        for entry in entries {
            let entry = entry.with_context(|| format!("reading {}", tasks.display()))?;
            let Some(tid) = entry.file_name().to_str().and_then(|s| s.parse().ok()) else {
                continue;
            };
            // A thread may end between the listing and the read: it is left out.
            let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
                continue;
            };
            if let Some(parsed) = parse_stat(&stat) {
                threads.insert(tid, parsed);
            }
        }
        Ok(ThreadTimes { threads })
    }

    /// The CPU time each thread spent since `before` (a thread born since counts from 0).
    pub fn since(&self, before: &ThreadTimes) -> ThreadTimes {
        let threads = self
            .threads
            .iter()
            .map(|(&tid, (name, ticks))| {
                let earlier = before
                    .threads
                    .get(&tid)
                    .filter(|(earlier_name, _)| earlier_name == name)
                    .map_or(0, |(_, ticks)| *ticks);
                (tid, (name.clone(), ticks.saturating_sub(earlier)))
            })
            .collect();
        ThreadTimes { threads }
    }

    /// CPU time by thread group, and per operation over `operations`, busiest group first.
    pub fn per_operation(&self, operations: u64) -> Vec<ThreadGroupCpu> {
        // SAFETY: sysconf reads a configuration value; it touches no memory of ours.
        let ticks_per_second = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as f64;
        let mut groups: BTreeMap<String, (usize, u64)> = BTreeMap::new();
        for (name, ticks) in self.threads.values() {
            let group = groups.entry(thread_group(name)).or_default();
            group.0 += 1;
            group.1 += ticks;
        }
        let mut groups: Vec<ThreadGroupCpu> = groups
            .into_iter()
            .map(|(group, (threads, ticks))| {
                let cpu_seconds = ticks as f64 / ticks_per_second;
                ThreadGroupCpu {
                    group,
                    threads,
                    cpu_seconds,
                    us_per_put: cpu_seconds * 1e6 / operations.max(1) as f64,
                }
            })
            .collect();
        let total_seconds: f64 = groups.iter().map(|group| group.cpu_seconds).sum();
        groups.sort_by(|a, b| b.cpu_seconds.total_cmp(&a.cpu_seconds));
        groups.push(ThreadGroupCpu {
            group: "all".into(),
            threads: self.threads.len(),
            cpu_seconds: total_seconds,
            us_per_put: total_seconds * 1e6 / operations.max(1) as f64,
        });
        groups
    }
}

/// The name and user + system ticks of a `stat` line. The name is between the first `(` and the
/// last `)` (it may hold spaces and parentheses); utime and stime are the 14th and 15th fields.
fn parse_stat(stat: &str) -> Option<(String, u64)> {
    let open = stat.find('(')?;
    let close = stat.rfind(')')?;
    let name = stat.get(open + 1..close)?.to_string();
    // After the name: field 3 (state) onwards.
    let fields: Vec<&str> = stat.get(close + 1..)?.split_whitespace().collect();
    let utime: u64 = fields.get(14 - 3)?.parse().ok()?;
    let stime: u64 = fields.get(15 - 3)?.parse().ok()?;
    Some((name, utime + stime))
}

/// A thread's name without its trailing number: `aorta-shard-3` → `aorta-shard-`.
fn thread_group(name: &str) -> String {
    name.trim_end_matches(|c: char| c.is_ascii_digit())
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stat_line_gives_the_name_and_the_cpu_ticks() {
        let stat =
            "4242 (aorta-shard-0) S 1 4242 4242 0 -1 4194368 10 0 0 0 25 7 0 0 20 0 9 0 100 \
                    0 0 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";
        assert_eq!(parse_stat(stat), Some(("aorta-shard-0".into(), 32)));
        let odd = "7 (a (b) c) R 1 1 1 0 -1 0 0 0 0 0 3 4 0 0";
        assert_eq!(parse_stat(odd), Some(("a (b) c".into(), 7)));
    }

    #[test]
    fn threads_group_by_their_name_without_the_number() {
        assert_eq!(thread_group("aorta-shard-12"), "aorta-shard-");
        assert_eq!(thread_group("aortad"), "aortad");
    }

    #[test]
    fn this_process_has_threads_with_cpu_time() {
        let times = ThreadTimes::read(std::process::id()).unwrap();
        assert!(!times.threads.is_empty());
        let groups = times.since(&ThreadTimes::default()).per_operation(1);
        assert_eq!(groups.last().unwrap().group, "all");
    }
}
