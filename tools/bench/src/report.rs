//! What a run measured: per phase, the operations, their rate and an HDR latency summary; what the
//! tool checks (every reader received exactly the changes written, each once: [`crate::check`]);
//! CPU by thread group for a spawned node.
//! Printed as text, written as JSON with `--json`.

use std::fmt::Write as _;

use hdrhistogram::Histogram;
use serde::Serialize;

use crate::check::DeliveryCheck;

/// Latencies are recorded in microseconds, from 1 µs to 10 minutes, to 3 significant digits.
pub fn new_histogram() -> Histogram<u64> {
    Histogram::new_with_bounds(1, 600_000_000, 3).expect("valid histogram bounds")
}

#[derive(Clone, Debug, Serialize)]
pub struct LatencySummary {
    pub count: u64,
    pub mean_us: f64,
    pub p50_us: u64,
    pub p90_us: u64,
    pub p99_us: u64,
    pub p999_us: u64,
    pub max_us: u64,
}

impl LatencySummary {
    pub fn of(histogram: &Histogram<u64>) -> Option<LatencySummary> {
        if histogram.is_empty() {
            return None;
        }
        Some(LatencySummary {
            count: histogram.len(),
            mean_us: histogram.mean(),
            p50_us: histogram.value_at_quantile(0.50),
            p90_us: histogram.value_at_quantile(0.90),
            p99_us: histogram.value_at_quantile(0.99),
            p999_us: histogram.value_at_quantile(0.999),
            max_us: histogram.max(),
        })
    }
}

/// One measured part of a workload (the writes, the reads, the deliveries, the catch-up read).
#[derive(Clone, Debug, Serialize)]
pub struct Phase {
    pub name: String,
    pub operations: u64,
    pub seconds: f64,
    pub per_second: f64,
    pub latency: Option<LatencySummary>,
}

impl Phase {
    pub fn new(
        name: &str,
        operations: u64,
        seconds: f64,
        histogram: Option<&Histogram<u64>>,
    ) -> Phase {
        Phase {
            name: name.into(),
            operations,
            seconds,
            per_second: if seconds > 0.0 {
                operations as f64 / seconds
            } else {
                0.0
            },
            latency: histogram.and_then(LatencySummary::of),
        }
    }
}

/// CPU time a group of the node's threads spent during the measured writes.
#[derive(Clone, Debug, Serialize)]
pub struct ThreadGroupCpu {
    /// The threads' name without its number (`aorta-shard-`, `aortad-core-`, ...).
    pub group: String,
    pub threads: usize,
    pub cpu_seconds: f64,
    pub us_per_put: f64,
}

#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub system: String,
    pub workload: String,
    pub parameters: serde_json::Value,
    pub phases: Vec<Phase>,
    /// Changes acknowledged to the writers.
    pub written: u64,
    /// Per watcher (w2) or for the catch-up reader (w3): changes delivered (extra ones included).
    pub delivered: Vec<u64>,
    /// Per reader, as `delivered`: its deliveries against the changes written (missing,
    /// duplicated, unknown), after listening `check::EXTRA_WINDOW` past the count written.
    pub delivery_checks: Vec<DeliveryCheck>,
    /// w2 and w3: whether every reader received exactly the changes written, each once, and
    /// nothing more (the run fails otherwise); `null` for workloads without readers.
    pub exactly_the_changes_written: Option<bool>,
    /// w2: deliveries that reached a watcher before the writer had the acknowledgement (their
    /// commit-to-delivery is counted as 0).
    pub delivered_before_ack: u64,
    /// A paced run with `--duration-s`: operations scheduled within the run that no worker had
    /// started when it ended (the system, or too few workers, did not keep up with `--rate`).
    pub paced_not_started: u64,
    pub cpu_by_thread_group: Vec<ThreadGroupCpu>,
    /// w1 and w2 (a put with its deliveries): CPU time this tool's own threads spent per put (the
    /// client side shares the machine).
    pub client_cpu_us_per_put: Option<f64>,
}

impl Report {
    /// Whether every watcher or reader got exactly the changes written, each once, and nothing
    /// else: the counts match, and so does each reader's set of changes.
    pub fn deliveries_exact(&self) -> bool {
        self.delivered
            .iter()
            .all(|&delivered| delivered == self.written)
            && self.delivery_checks.len() == self.delivered.len()
            && self.delivery_checks.iter().all(DeliveryCheck::exact)
    }

    /// The readers whose deliveries were not exact, each as `reader N: …`.
    pub fn inexact_readers(&self) -> Vec<String> {
        self.delivery_checks
            .iter()
            .enumerate()
            .filter(|(_, check)| !check.exact())
            .map(|(index, check)| {
                format!(
                    "reader {}: {} received, {} missing, {} duplicates, {} unknown",
                    index + 1,
                    check.received,
                    check.missing,
                    check.duplicates,
                    check.unknown
                )
            })
            .collect()
    }

    pub fn phase(&self, name: &str) -> Option<&Phase> {
        self.phases.iter().find(|phase| phase.name == name)
    }

    pub fn to_text(&self) -> String {
        let mut text = String::new();
        let _ = writeln!(
            text,
            "{} {} {}",
            self.system, self.workload, self.parameters
        );
        for phase in &self.phases {
            let _ = write!(
                text,
                "  {:<20} {:>10} ops in {:>8.2} s = {:>10.0}/s",
                phase.name, phase.operations, phase.seconds, phase.per_second
            );
            if let Some(latency) = &phase.latency {
                let _ = write!(
                    text,
                    "  latency µs p50 {} p90 {} p99 {} p99.9 {} max {}",
                    latency.p50_us, latency.p90_us, latency.p99_us, latency.p999_us, latency.max_us
                );
            }
            text.push('\n');
        }
        if !self.delivered.is_empty() {
            let least = self.delivered.iter().min().copied().unwrap_or(0);
            let most = self.delivered.iter().max().copied().unwrap_or(0);
            let _ = writeln!(
                text,
                "  written {}, delivered to each of {} readers: {}..={} ({})",
                self.written,
                self.delivered.len(),
                least,
                most,
                if self.deliveries_exact() {
                    "exactly the changes written, each once"
                } else {
                    "NOT EXACTLY THE CHANGES WRITTEN"
                }
            );
            for reader in self.inexact_readers() {
                let _ = writeln!(text, "    {reader}");
            }
        }
        if self.delivered_before_ack > 0 {
            let _ = writeln!(
                text,
                "  {} deliveries arrived before the writer's acknowledgement (counted as 0 µs)",
                self.delivered_before_ack
            );
        }
        if self.paced_not_started > 0 {
            let _ = writeln!(
                text,
                "  {} operations scheduled within the run were never started: it fell behind --rate",
                self.paced_not_started
            );
        }
        if let Some(micros) = self.client_cpu_us_per_put {
            let _ = writeln!(text, "  client (this tool) CPU per put: {micros:.1} µs");
        }
        if !self.cpu_by_thread_group.is_empty() {
            let _ = writeln!(text, "  server CPU per put, by thread group:");
            for group in &self.cpu_by_thread_group {
                let _ = writeln!(
                    text,
                    "    {:<24} {:>3} threads {:>8.3} s {:>9.1} µs/put",
                    group.group, group.threads, group.cpu_seconds, group.us_per_put
                );
            }
        }
        text
    }
}

/// The comparison table: one row per figure, one column per system, each with its ratio to the
/// first system's (Aorta's) figure.
pub fn comparison_table(reports: &[Report]) -> String {
    let Some(base) = reports.first() else {
        return String::new();
    };
    let mut rows: Vec<(String, Vec<Option<f64>>, bool)> = Vec::new();
    for phase in &base.phases {
        let figure = |report: &Report, pick: &dyn Fn(&Phase) -> Option<f64>| {
            report.phase(&phase.name).and_then(pick)
        };
        let mut add = |label: String, pick: &dyn Fn(&Phase) -> Option<f64>, higher_better| {
            let values = reports.iter().map(|report| figure(report, pick)).collect();
            rows.push((label, values, higher_better));
        };
        add(
            format!("{} /s", phase.name),
            &|phase| Some(phase.per_second),
            true,
        );
        if phase.latency.is_some() {
            add(
                format!("{} p50 µs", phase.name),
                &|phase| phase.latency.as_ref().map(|l| l.p50_us as f64),
                false,
            );
            add(
                format!("{} p99 µs", phase.name),
                &|phase| phase.latency.as_ref().map(|l| l.p99_us as f64),
                false,
            );
            add(
                format!("{} p99.9 µs", phase.name),
                &|phase| phase.latency.as_ref().map(|l| l.p999_us as f64),
                false,
            );
        }
    }
    if !base.cpu_by_thread_group.is_empty() {
        let server = reports
            .iter()
            .map(|r| r.cpu_by_thread_group.last().map(|all| all.us_per_put))
            .collect();
        rows.push(("server CPU µs/put".into(), server, false));
    }
    if base.client_cpu_us_per_put.is_some() {
        let client = reports.iter().map(|r| r.client_cpu_us_per_put).collect();
        rows.push(("client CPU µs/put".into(), client, false));
    }
    let written: Vec<Option<f64>> = reports.iter().map(|r| Some(r.written as f64)).collect();
    rows.push(("written".into(), written, true));
    if !base.delivered.is_empty() {
        let delivered = reports
            .iter()
            .map(|r| r.delivered.iter().min().map(|&d| d as f64))
            .collect();
        rows.push(("delivered (least reader)".into(), delivered, true));
    }

    let label_width = rows
        .iter()
        .map(|row| row.0.len())
        .max()
        .unwrap_or(10)
        .max(6);
    let mut text = String::new();
    let _ = write!(text, "{:<label_width$}", "figure");
    for (index, report) in reports.iter().enumerate() {
        if index == 0 {
            let _ = write!(text, " {:>12}", report.system);
        } else {
            let _ = write!(text, " {:>12} {:>8}", report.system, "ratio");
        }
    }
    text.push('\n');
    for (label, values, _) in &rows {
        let _ = write!(text, "{label:<label_width$}");
        let base_value = values.first().copied().flatten();
        for (index, value) in values.iter().enumerate() {
            let shown = value.map_or("-".to_string(), |v| format!("{v:.0}"));
            if index == 0 {
                let _ = write!(text, " {shown:>12}");
            } else {
                let ratio = match (value, base_value) {
                    (Some(v), Some(b)) if b > 0.0 => format!("{:.2}×", v / b),
                    _ => "-".into(),
                };
                let _ = write!(text, " {shown:>12} {ratio:>8}");
            }
        }
        text.push('\n');
    }
    text.push_str("ratio: the system's figure divided by Aorta's (rates: above 1 is faster than Aorta; latencies: above 1 is slower)\n");
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_reads_the_quantiles_of_the_histogram() {
        let mut histogram = new_histogram();
        for value in 1..=1000 {
            histogram.record(value).unwrap();
        }
        let summary = LatencySummary::of(&histogram).unwrap();
        assert_eq!(summary.count, 1000);
        assert_eq!(summary.p50_us, 500);
        assert_eq!(summary.p99_us, 990);
        assert_eq!(summary.max_us, 1000);
        assert!(LatencySummary::of(&new_histogram()).is_none());
    }

    #[test]
    fn the_table_shows_each_system_with_its_ratio_to_the_first() {
        let report = |system: &str, rate: f64| Report {
            system: system.into(),
            workload: "w1".into(),
            parameters: serde_json::json!({}),
            phases: vec![Phase::new("puts", (rate * 2.0) as u64, 2.0, None)],
            written: (rate * 2.0) as u64,
            delivered: Vec::new(),
            delivery_checks: Vec::new(),
            exactly_the_changes_written: None,
            delivered_before_ack: 0,
            paced_not_started: 0,
            cpu_by_thread_group: Vec::new(),
            client_cpu_us_per_put: None,
        };
        let table = comparison_table(&[report("aorta", 1000.0), report("etcd", 500.0)]);
        assert!(table.contains("puts /s"), "{table}");
        assert!(table.contains("0.50×"), "{table}");
    }

    #[test]
    fn deliveries_are_exact_only_when_every_reader_received_exactly_the_changes_written() {
        let exact = DeliveryCheck {
            received: 3,
            ..DeliveryCheck::default()
        };
        let report = |delivered: Vec<u64>, delivery_checks: Vec<DeliveryCheck>| Report {
            system: "aorta".into(),
            workload: "w2".into(),
            parameters: serde_json::json!({}),
            phases: Vec::new(),
            written: 3,
            delivered,
            delivery_checks,
            exactly_the_changes_written: None,
            delivered_before_ack: 0,
            paced_not_started: 0,
            cpu_by_thread_group: Vec::new(),
            client_cpu_us_per_put: None,
        };
        let both = report(vec![3, 3], vec![exact.clone(), exact.clone()]);
        assert!(both.deliveries_exact());
        assert!(both
            .to_text()
            .contains("exactly the changes written, each once"));
        // The counts match, the changes do not: one twice, one never.
        let swapped = DeliveryCheck {
            duplicates: 1,
            missing: 1,
            ..exact.clone()
        };
        let one_off = report(vec![3, 3], vec![exact.clone(), swapped]);
        assert!(!one_off.deliveries_exact());
        let text = one_off.to_text();
        assert!(text.contains("NOT EXACTLY"), "{text}");
        assert!(
            text.contains("reader 2: 3 received, 1 missing, 1 duplicates, 0 unknown"),
            "{text}"
        );
        // A count without its check is not exact either.
        assert!(!report(vec![3], Vec::new()).deliveries_exact());
    }
}
