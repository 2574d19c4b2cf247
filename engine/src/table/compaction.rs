//! The compaction planner, sans-IO: which tables of a shard to merge next.
//!
//! Tiered (size-tiered, as RocksDB's universal compaction): tables are listed newest first and
//! cover disjoint, contiguous spans of the log, so a merge takes a run of adjacent tables starting
//! at the newest. The run grows while the next older table is no larger than the run so far (with a
//! 1 % allowance) or than twice the newest table (flushes vary in size: a memtable is frozen at the
//! first group past its limit, and the versions it holds vary in length), and is merged once it
//! holds at least `MERGE_WIDTH_MIN` tables. Equal flushes thus
//! merge four at a time into a table four times as large, which later merges with three others of
//! its size: each byte is rewritten about once per tier, `log4(data / memtable)` times in all, and
//! the shard keeps a few tables per tier. Leveled compaction rewrites each byte about ten times per
//! level to keep one sorted run per level; for a write-heavy event store the lower write
//! amplification wins, and the bloom filter of each table keeps point reads at about one table read
//! whatever their number. The cost is space: superseded versions live until their tier merges.
//!
//! A run may also start below the newest table: with background compaction, flushes land while a
//! merge runs, and a merge's output (larger than they are) can end up newer than a few small
//! tables below it; a run from the newest then stops at the larger table, and without runs that
//! start lower those small tables would wait for the pile-up rule below (measured: 35 tables left
//! once writes stopped). Such a run takes only tables within a factor of two of its first (one
//! tier), and the first qualifying run, newest first, is merged: with one flush at a time it is
//! always the run from the newest, as described above. Merging any run of adjacent
//! tables is safe: the merge drops only versions superseded inside its run, and tombstones only
//! when the run ends at the oldest table (`Plan::bottom`).
//!
//! Runs by size can still strand tables: three small flushes above a table four times their
//! size, several such groups down the list, and no run of four qualifies (measured: 16 to 31 tables
//! left once writes stopped, when flushes landed during merges). So when no run is due but a shard
//! holds more than `MERGE_WIDTH_MIN - 1` tables per tier its sizes span (a tier: a factor of 4
//! from the smallest table), the cheapest `MERGE_WIDTH_MIN` adjacent tables (fewest bytes) whose
//! largest is at most 4 times the others together are merged: stranded small tables are absorbed
//! without rewriting a table of a higher tier, and the count falls back to about three per tier.
//! Tables too large to merge under the input cap with three others are left out of the count
//! (they are settled; counting them would keep the rule firing in a large shard).
//!
//! If tables pile up anyway (a run of shrinking tables, when merges drop most of their input), a
//! merge of the newest `MERGE_WIDTH_MAX` (up to the first settled table) is forced once there are
//! `TABLES_SOFT_MAX` tables besides the settled ones.

use std::ops::Range;

use super::manifest::TableMeta;
use crate::limits::SSTABLE_ENTRIES_MAX;

/// Tables a merge takes at least (unless forced).
pub const MERGE_WIDTH_MIN: usize = 4;
/// Tables a merge takes at most.
pub const MERGE_WIDTH_MAX: usize = 16;
/// Tables at which a merge of the newest `MERGE_WIDTH_MAX` is forced.
pub const TABLES_SOFT_MAX: usize = 48;
/// Bytes a merge reads at most: its output is one table, whose index must fit
/// `SSTABLE_INDEX_BYTES_MAX` (a table of this many data bytes does, whatever its keys: see
/// `sstable::writer::TABLE_DATA_BYTES_INDEXABLE`) and which a compactor writes in one go. Tables
/// that grew past it stay as they are (a point read probes their bloom filters), so a shard larger
/// than a few of these keeps several bottom tables instead of failing a merge.
pub const MERGE_INPUT_BYTES_MAX: u64 = 2 * 1024 * 1024 * 1024;
const _: () = assert!(MERGE_INPUT_BYTES_MAX <= super::sstable::TABLE_DATA_BYTES_INDEXABLE);
const _: () =
    assert!(crate::limits::MEMTABLE_BYTES_MAX <= super::sstable::TABLE_DATA_BYTES_INDEXABLE);
/// Entries a merge reads at most: its output (never more entries than its input) fits one table.
pub const MERGE_INPUT_ENTRIES_MAX: u64 = SSTABLE_ENTRIES_MAX;

/// A merge to run: the tables at `run` (indices in the newest-first list) into one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub run: Range<usize>,
    /// The run ends at the oldest table: nothing older remains below its output, so tombstones at
    /// the horizon can go.
    pub bottom: bool,
}

/// The next merge of `tables` (newest first), if one is due.
pub fn plan(tables: &[TableMeta]) -> Option<Plan> {
    if tables.len() < MERGE_WIDTH_MIN {
        return None;
    }
    let within_caps = |run: &[TableMeta]| {
        run.iter().map(|t| t.bytes).sum::<u64>() <= MERGE_INPUT_BYTES_MAX
            && run.iter().map(|t| t.entries).sum::<u64>() <= MERGE_INPUT_ENTRIES_MAX
    };
    for start in 0..=tables.len() - MERGE_WIDTH_MIN {
        let end = start + run_length(&tables[start..], start > 0, within_caps);
        if end - start >= MERGE_WIDTH_MIN {
            return Some(Plan {
                run: start..end,
                bottom: end == tables.len(),
            });
        }
    }
    // Tables that could only merge with three smaller ones past the input cap are settled: they
    // are neither counted nor merged here, or a large shard would keep rewriting them.
    let mergeable = |t: &TableMeta| t.bytes <= MERGE_INPUT_BYTES_MAX / MERGE_WIDTH_MIN as u64;
    let open: Vec<TableMeta> = tables.iter().copied().filter(mergeable).collect();
    if open.len() > (MERGE_WIDTH_MIN - 1) * tiers_spanned(&open) {
        // A window whose largest table is at most 4 times the rest: absorbing small tables never
        // rewrites a table of a higher tier.
        let balanced = |run: &[TableMeta]| {
            let largest = run.iter().map(|t| t.bytes).max().unwrap_or(0);
            let rest: u64 = run.iter().map(|t| t.bytes).sum::<u64>() - largest;
            largest <= 4 * rest
        };
        let cheapest = (0..=tables.len() - MERGE_WIDTH_MIN)
            .map(|start| start..start + MERGE_WIDTH_MIN)
            .filter(|run| {
                let run = &tables[run.clone()];
                run.iter().all(mergeable) && balanced(run) && within_caps(run)
            })
            .min_by_key(|run| tables[run.clone()].iter().map(|t| t.bytes).sum::<u64>());
        if let Some(run) = cheapest {
            return Some(Plan {
                bottom: run.end == tables.len(),
                run,
            });
        }
    }
    if open.len() < TABLES_SOFT_MAX {
        return None;
    }
    let mut end = 1;
    while end < tables.len().min(MERGE_WIDTH_MAX)
        && mergeable(&tables[end])
        && within_caps(&tables[..end + 1])
    {
        end += 1;
    }
    if end < 2 {
        return None;
    }
    Some(Plan {
        run: 0..end,
        bottom: end == tables.len(),
    })
}

/// The tiers the tables' sizes span: 1, plus one for each factor of 4 from the smallest table to
/// the largest.
fn tiers_spanned(tables: &[TableMeta]) -> usize {
    let smallest = tables.iter().map(|t| t.bytes).min().unwrap_or(0).max(1);
    let largest = tables.iter().map(|t| t.bytes).max().unwrap_or(0).max(1);
    let mut tiers = 1;
    let mut bound = smallest;
    while bound < largest {
        bound = bound.saturating_mul(4);
        tiers += 1;
    }
    tiers
}

/// The longest run from `tables[0]` within the input caps and the size rule (the module doc).
/// A run that starts below the newest table (`similar`) takes only tables within a factor of two
/// of its first: it gathers stranded tables of one tier, never a large table with the small ones
/// under it (rewriting the large one to absorb them is what tiers exist to avoid).
fn run_length(
    tables: &[TableMeta],
    similar: bool,
    within_caps: impl Fn(&[TableMeta]) -> bool,
) -> usize {
    let first = tables[0].bytes;
    let mut run_bytes = first;
    let mut end = 1;
    while end < tables.len() && end < MERGE_WIDTH_MAX && within_caps(&tables[..end + 1]) {
        let next = tables[end].bytes;
        let fits = if similar {
            next <= 2 * first && first <= 2 * next
        } else {
            next <= (run_bytes + run_bytes / 100).max(2 * first)
        };
        if !fits {
            break;
        }
        run_bytes += next;
        end += 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables(sizes: &[u64]) -> Vec<TableMeta> {
        let count = sizes.len() as u64;
        sizes
            .iter()
            .enumerate()
            .map(|(i, &bytes)| {
                let age = count - i as u64;
                TableMeta {
                    number: age,
                    min_position: age * 100 - 99,
                    max_position: age * 100,
                    bytes,
                    entries: 1,
                }
            })
            .collect()
    }

    #[test]
    fn flushes_of_uneven_size_still_merge() {
        // The next older flush a little larger than the newest one must not stop the run.
        assert_eq!(
            plan(&tables(&[25, 28, 26, 27])),
            Some(Plan {
                run: 0..4,
                bottom: true
            })
        );
        assert_eq!(plan(&tables(&[25, 28, 26, 80])), None);
    }

    #[test]
    fn equal_flushes_merge_four_at_a_time() {
        assert_eq!(plan(&tables(&[10, 10, 10])), None);
        assert_eq!(
            plan(&tables(&[10, 10, 10, 10])),
            Some(Plan {
                run: 0..4,
                bottom: true
            })
        );
        // Three new flushes above a merged table: not yet.
        assert_eq!(plan(&tables(&[10, 10, 10, 40])), None);
        // The fourth: the run reaches the merged table, which is no larger than the run.
        assert_eq!(
            plan(&tables(&[10, 10, 10, 10, 40])),
            Some(Plan {
                run: 0..5,
                bottom: true
            })
        );
        // A much larger table below stays out of the merge.
        assert_eq!(
            plan(&tables(&[10, 10, 10, 10, 400])),
            Some(Plan {
                run: 0..4,
                bottom: false
            })
        );
    }

    #[test]
    fn small_tables_below_a_larger_newer_table_merge_among_themselves() {
        // A merge's output landed above small flushes: the run from the newest stops at 450, and
        // the seven small tables below it merge without waiting for the pile-up rule.
        assert_eq!(
            plan(&tables(&[50, 110, 450, 3, 3, 3, 3, 3, 3, 3, 40])),
            Some(Plan {
                run: 3..10,
                bottom: false
            })
        );
        // The run from the newest comes first when it qualifies.
        assert_eq!(
            plan(&tables(&[3, 3, 3, 3, 450, 3, 3, 3, 3])),
            Some(Plan {
                run: 0..4,
                bottom: false
            })
        );
        // Three small tables below: not yet.
        assert_eq!(plan(&tables(&[50, 110, 450, 3, 3, 3, 40])), None);
    }

    #[test]
    fn a_pile_of_tables_forces_a_merge() {
        // Each table twice the one above it: no run by size qualifies.
        let sizes: Vec<u64> = (0..TABLES_SOFT_MAX as u64)
            .map(|i| 1 << i.min(28))
            .collect();
        let plan = plan(&tables(&sizes)).expect("a pile of tables merges");
        assert!(plan.run.len() >= MERGE_WIDTH_MIN, "{plan:?}");
        // Each table 5 times the one above (no window absorbs: its largest table is more than 4
        // times the others), repeated down the list: only the pile-up rule merges, the newest.
        let sizes: Vec<u64> = (0..TABLES_SOFT_MAX as u64)
            .map(|i| 5u64.pow((i % 12) as u32))
            .collect();
        assert_eq!(
            super::plan(&tables(&sizes)),
            Some(Plan {
                run: 0..MERGE_WIDTH_MAX,
                bottom: false
            })
        );
    }

    #[test]
    fn a_merge_never_reads_more_than_its_caps() {
        let gib = 1024 * 1024 * 1024;
        // Four equal tables of 1 GiB: the run stops at two (2 GiB), below the width: no merge.
        assert_eq!(plan(&tables(&[gib, gib, gib, gib])), None);
        // Small flushes above large tables merge among themselves only.
        assert_eq!(
            plan(&tables(&[10, 10, 10, 10, 2 * gib])),
            Some(Plan {
                run: 0..4,
                bottom: false
            })
        );
        // Tables too large to merge with three others are settled: a pile of them is not merged,
        // and none is rewritten to absorb a small table above it.
        let mut sizes = vec![gib; TABLES_SOFT_MAX];
        sizes[0] = 10;
        assert_eq!(plan(&tables(&sizes)), None);
        // Nothing fits: no merge rather than a merge that cannot be written.
        assert_eq!(plan(&tables(&vec![2 * gib; TABLES_SOFT_MAX])), None);
    }

    /// Tables left by merges that ran while flushes landed (the sizes of a run of
    /// `background_compaction_keeps_every_read` that stopped at 16 tables, newest first): no run by
    /// size qualifies, so the cheapest four adjacent tables merge, and planning again until nothing
    /// is due leaves about three tables per tier.
    #[test]
    fn stranded_small_tables_are_absorbed() {
        let mut sizes = vec![
            2621, 2621, 2621, 9763, 12419, 21263, 48718, 159333, 182886, 376797, 3151, 3151, 3151,
            24103, 36129, 60081,
        ];
        let first = plan(&tables(&sizes)).expect("a merge is due");
        assert_eq!(
            first.run,
            0..4,
            "the three small flushes and the table below them"
        );
        while let Some(plan) = plan(&tables(&sizes)) {
            let merged: u64 = sizes[plan.run.clone()].iter().sum();
            sizes.splice(plan.run, [merged]);
        }
        assert!(
            sizes.len() <= 3 * tiers_spanned(&tables(&sizes)) && sizes.len() < 12,
            "{sizes:?}"
        );
    }

    /// Simulated flushes of uneven sizes, with merges that run while some flushes land (a
    /// flush lands between planning and the merge's end): the count stays within three tables a
    /// tier.
    #[test]
    fn flushes_during_merges_leave_a_logarithmic_count() {
        let mut random = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move || {
            random ^= random << 13;
            random ^= random >> 7;
            random ^= random << 17;
            random
        };
        let mut sizes: Vec<u64> = Vec::new();
        for _ in 0..3000 {
            sizes.insert(0, 1 + next() % 8);
            if let Some(plan) = plan(&tables(&sizes)) {
                // Up to two flushes land while the merge runs, above its output.
                let landed = (next() % 3) as usize;
                let merged: u64 = sizes[plan.run.clone()].iter().sum();
                sizes.splice(plan.run, [merged]);
                for _ in 0..landed {
                    sizes.insert(0, 1 + next() % 8);
                }
            }
            assert!(sizes.len() < TABLES_SOFT_MAX, "{sizes:?}");
        }
        while let Some(plan) = plan(&tables(&sizes)) {
            let merged: u64 = sizes[plan.run.clone()].iter().sum();
            sizes.splice(plan.run, [merged]);
        }
        assert!(
            sizes.len() <= 3 * tiers_spanned(&tables(&sizes)),
            "{} tables: {sizes:?}",
            sizes.len()
        );
    }

    /// A large shard: 40 settled tables near the input cap (they can merge with nothing), then
    /// flushes of uneven size. The absorbing rule counts only the tables that can still merge, and
    /// never rewrites a settled table or a much larger one to absorb small ones: the write
    /// amplification of the flushes stays that of the tiers.
    #[test]
    fn settled_tables_neither_count_nor_get_rewritten() {
        let mib = 1024 * 1024;
        // Odd, so no merge of whole MiB flushes is ever this size: a settled table is known by it.
        let settled = MERGE_INPUT_BYTES_MAX / 2 + 1;
        let mut sizes: Vec<u64> = vec![settled; 40];
        let mut random = 0x9E37_79B9_7F4A_7C15u64;
        let (mut flushed, mut rewritten) = (0u64, 0u64);
        for _ in 0..1000 {
            random ^= random << 13;
            random ^= random >> 7;
            random ^= random << 17;
            let flush = (28 + random % 9) * mib;
            sizes.insert(0, flush);
            flushed += flush;
            while let Some(plan) = plan(&tables(&sizes)) {
                let merged: u64 = sizes[plan.run.clone()].iter().sum();
                assert!(
                    sizes[plan.run.clone()].iter().all(|&t| t != settled),
                    "a settled table was rewritten: {:?}",
                    &sizes[plan.run.clone()]
                );
                rewritten += merged;
                sizes.splice(plan.run, [merged]);
            }
        }
        let amplification = (flushed + rewritten) as f64 / flushed as f64;
        assert!(amplification < 6.0, "write amplification {amplification}");
    }

    /// Simulated flushes of equal tables: the table count stays logarithmic and each byte is
    /// rewritten about once per tier.
    #[test]
    fn write_amplification_and_table_count_stay_logarithmic() {
        let mut sizes: Vec<u64> = Vec::new();
        let (mut flushed, mut rewritten) = (0u64, 0u64);
        for _ in 0..4096 {
            sizes.insert(0, 1);
            flushed += 1;
            while let Some(plan) = plan(&tables(&sizes)) {
                let merged: u64 = sizes[plan.run.clone()].iter().sum();
                rewritten += merged;
                sizes.splice(plan.run, [merged]);
            }
            assert!(sizes.len() <= 3 * 7, "{} tables: {sizes:?}", sizes.len());
        }
        let amplification = (flushed + rewritten) as f64 / flushed as f64;
        assert!(amplification < 8.0, "write amplification {amplification}");
    }
}
