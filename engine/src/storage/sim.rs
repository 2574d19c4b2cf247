//! A simulated disk for tests: files in memory, with a model of what survives a power cut, and
//! faults on demand.
//!
//! Model: each file has its current bytes (what reads see, the page cache) and its durable bytes
//! (what the medium holds: the content at its last successful `sync_data`). Names likewise: the
//! current directory entries, and the durable ones as of each directory's last `sync_dir`.
//!
//! A power cut resets names and bytes to durable, except what the chosen [`Tear`] lets through:
//! - `KeepPrefix(n)`: the first `n` bytes of the last unsynced write (a torn append);
//! - `KeepPages(choice)`: any subset of the [`PAGE_BYTES`] pages that hold unsynced bytes, in any
//!   file, each page independently new or old, as a kernel writing back dirty pages in any order
//!   leaves them ([`SimDisk::unsynced_pages`] lists them so a test can enumerate subsets);
//! - `ExtendWithoutData(choice)`: the same, and each file's size persists without its data, as
//!   delayed allocation leaves it: bytes past the durable content read as zeros.
//!
//! File size is metadata. A size change (a write past the end, a truncate) persists with the next
//! successful `sync_data` of the file; at a cut before that, it persists only under
//! `ExtendWithoutData` (and a kept page past the durable end grows the file to hold it). So an
//! unsynced truncate is undone by every tear except `ExtendWithoutData`, deterministically.
//!
//! A failed sync loses the bytes it covered for good (they read back until the power goes or the
//! cache is dropped, but no later sync writes them), as Linux does after a writeback error: it
//! marks the pages clean. Those bytes are not "unsynced pages" either: no writeback will touch
//! them, so no tear persists them.
//!
//! Every write, sync, write-behind, truncate, rename and remove is an *IO point*; a test can cut
//! the power after any number of them, fail the n-th write, sync or write-behind with an errno, make the n-th write short, cap the
//! disk's capacity (ENOSPC), or flip a bit. A linked write + sync ([`LinkedIo`]) is two IO points; a
//! sync cancelled because its write failed or fell short is none.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use super::linked::{self, LinkedCompletions, LinkedIo};
use super::{DetachedSync, FileId, Storage, DIRECT_IO_ALIGN_BYTES};

type InodeId = u64;

/// The unit in which the sim persists unsynced data at a power cut: a page of the page cache, the
/// aligned range `[k * PAGE_BYTES, (k + 1) * PAGE_BYTES)` of a file's offsets.
pub const PAGE_BYTES: u64 = 4096;

#[derive(Default)]
struct Inode {
    data: Vec<u8>,
    durable: Vec<u8>,
    /// Byte ranges written since the last sync.
    dirty: Vec<(usize, usize)>,
    /// Byte ranges that were dirty when a sync failed: like Linux after a writeback error, their pages
    /// are marked clean, so no later sync writes them; they read back fine until the power goes.
    lost: Vec<(usize, usize)>,
    /// The smallest size the file had since its last successful sync (at most the durable size):
    /// bytes at or past it have no durable content if the size change persists.
    shrunk_to: usize,
}

/// Removes `start..end` from every interval of `ranges`.
fn subtract(ranges: &mut Vec<(usize, usize)>, start: usize, end: usize) {
    let mut kept = Vec::with_capacity(ranges.len() + 1);
    for &(s, e) in ranges.iter() {
        if e <= start || s >= end {
            kept.push((s, e));
            continue;
        }
        if s < start {
            kept.push((s, start));
        }
        if e > end {
            kept.push((end, e));
        }
    }
    *ranges = kept;
}

impl Inode {
    /// A successful sync: everything becomes durable except the lost ranges, which keep whatever the
    /// disk had before (zeros past the old end).
    fn sync(&mut self) {
        let mut durable = self.data.clone();
        for &(start, end) in &self.lost {
            for (i, byte) in durable
                .iter_mut()
                .enumerate()
                .take(end.min(self.data.len()))
                .skip(start)
            {
                *byte = self.durable.get(i).copied().unwrap_or(0);
            }
        }
        self.durable = durable;
        self.dirty.clear();
        self.shrunk_to = self.data.len();
    }

    /// Pages holding bytes written since the last sync that still exist (a truncate drops them).
    fn unsynced_pages(&self) -> BTreeSet<u64> {
        let mut pages = BTreeSet::new();
        for &(start, end) in &self.dirty {
            let end = end.min(self.data.len());
            if start >= end {
                continue;
            }
            let first = start as u64 / PAGE_BYTES;
            let last = (end as u64 - 1) / PAGE_BYTES;
            pages.extend(first..=last);
        }
        pages
    }

    fn is_lost(&self, offset: usize) -> bool {
        self.lost.iter().any(|&(s, e)| s <= offset && offset < e)
    }

    /// What the medium holds after a power cut, given which unsynced pages reached it and whether
    /// the current size did. Lost bytes never reach it: their pages were marked clean.
    fn after_cut(&self, kept: &BTreeSet<u64>, size_persists: bool) -> Vec<u8> {
        let mut disk = if size_persists {
            let mut base = self.durable[..self.durable.len().min(self.shrunk_to)].to_vec();
            base.resize(self.data.len(), 0);
            base
        } else {
            let grown = kept
                .iter()
                .map(|&page| ((page + 1) * PAGE_BYTES).min(self.data.len() as u64) as usize)
                .max()
                .unwrap_or(0);
            let mut base = self.durable.clone();
            base.resize(base.len().max(grown), 0);
            base
        };
        for &page in kept {
            let start = (page * PAGE_BYTES) as usize;
            let end = ((page + 1) * PAGE_BYTES).min(disk.len() as u64) as usize;
            for (offset, byte) in disk.iter_mut().enumerate().take(end).skip(start) {
                if !self.is_lost(offset) {
                    // Past the current end the cached page is zeros (a truncate cleared it).
                    *byte = self.data.get(offset).copied().unwrap_or(0);
                }
            }
        }
        disk
    }

    /// The page cache forgets its clean pages: lost bytes read what the medium holds.
    fn drop_clean_pages(&mut self) {
        for (start, end) in std::mem::take(&mut self.lost) {
            for offset in start..end.min(self.data.len()) {
                self.data[offset] = self.durable.get(offset).copied().unwrap_or(0);
            }
        }
    }

    fn sync_failed(&mut self) {
        let dirty = std::mem::take(&mut self.dirty);
        self.lost.extend(dirty);
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpKind {
    Write,
    Sync,
    /// `Storage::write_behind`: the writeback of a range, and the wait for an earlier one.
    WriteBehind,
}

#[derive(Clone, Copy)]
enum Fault {
    Errno(i32),
    /// A write that writes only its first `n` bytes and reports so (a short write).
    Short(usize),
}

struct FaultRule {
    op: OpKind,
    /// How many more ops of this kind succeed before this one is faulted.
    countdown: u64,
    fault: Fault,
}

#[derive(Default)]
struct DiskState {
    names: BTreeMap<PathBuf, InodeId>,
    durable_names: BTreeMap<PathBuf, InodeId>,
    dirs: BTreeSet<PathBuf>,
    /// Directories whose entry in their parent survives a power cut.
    durable_dirs: BTreeSet<PathBuf>,
    inodes: HashMap<InodeId, Inode>,
    next_inode: InodeId,
    /// Bumped at each power cut; handles from an older generation are dead.
    generation: u64,
    io_points: u64,
    /// IO points left before the power goes off; `Some(0)` means the next one fails.
    power_budget: Option<u64>,
    powered_off: bool,
    rules: Vec<FaultRule>,
    capacity_bytes: Option<u64>,
    /// The last write not yet covered by a sync of its file: (inode, offset, len).
    last_unsynced_write: Option<(InodeId, u64, usize)>,
    /// Syncs of linked pairs that never ran because their write failed or fell short.
    cancelled_syncs: u64,
}

/// While alive, every operation on the disk waits (see [`SimDisk::stall`]).
pub struct Stall<'a>(#[allow(dead_code)] MutexGuard<'a, DiskState>);

/// What of the unsynced state survives a power cut (see the module doc for the model).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tear {
    /// Nothing unsynced survives: every file has its durable size and bytes.
    DropUnsynced,
    /// The first `n` bytes of the last unsynced write reach the disk (the file grows to hold them);
    /// nothing else unsynced survives.
    KeepPrefix(usize),
    /// The chosen pages of [`SimDisk::unsynced_pages`] reach the disk with their current content
    /// (lost bytes excepted); the others keep their durable content. Sizes stay durable, except
    /// that a kept page past a file's durable end grows the file up to the end of that page's
    /// current content; a gap this leaves reads as zeros.
    KeepPages(PageChoice),
    /// Every file keeps the size it had at the cut (the size metadata persisted, an unsynced
    /// truncate included) while only the chosen pages carry their data: other unsynced bytes past
    /// the durable content (or past an unsynced truncate) read as zeros, those inside it keep
    /// their durable content.
    ExtendWithoutData(PageChoice),
}

/// Which of the pages listed by [`SimDisk::unsynced_pages`] reach the disk at a power cut.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PageChoice {
    None,
    All,
    /// Each page independently, with probability one half, from a generator seeded with `seed`
    /// (the same seed and the same disk state choose the same pages).
    Random {
        seed: u64,
    },
    /// `mask[i]` says whether the `i`-th page of `unsynced_pages()` is kept; the mask must be
    /// exactly as long as that list.
    Mask(Vec<bool>),
}

/// SplitMix64: a tiny deterministic generator, enough to pick pages reproducibly.
fn split_mix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl PageChoice {
    fn choose(&self, count: usize) -> Vec<bool> {
        match self {
            PageChoice::None => vec![false; count],
            PageChoice::All => vec![true; count],
            PageChoice::Random { seed } => {
                let mut state = *seed;
                (0..count).map(|_| split_mix(&mut state) & 1 == 1).collect()
            }
            PageChoice::Mask(mask) => {
                assert_eq!(
                    mask.len(),
                    count,
                    "PageChoice::Mask must have one entry per unsynced page"
                );
                mask.clone()
            }
        }
    }
}

/// A handle on the shared simulated disk; clone it to inspect or fault the disk from a test.
#[derive(Clone, Default)]
pub struct SimDisk {
    state: Arc<Mutex<DiskState>>,
}

impl SimDisk {
    pub fn new() -> Self {
        Self::default()
    }

    /// A storage on this disk, as one shard would hold it.
    pub fn storage(&self) -> SimStorage {
        let generation = self.lock().generation;
        SimStorage {
            disk: self.clone(),
            generation,
            handles: HashMap::new(),
            direct: HashSet::new(),
            next_handle: 0,
        }
    }

    fn lock(&self) -> MutexGuard<'_, DiskState> {
        self.state.lock().expect("sim disk lock poisoned")
    }

    /// Blocks every operation on this disk until the returned guard is dropped: a disk that hangs,
    /// so a test can hold a shard inside an IO.
    pub fn stall(&self) -> Stall<'_> {
        Stall(self.lock())
    }

    /// IO points performed so far.
    pub fn io_points(&self) -> u64 {
        self.lock().io_points
    }

    /// After `points` more IO points succeed, every further operation fails with EIO until
    /// [`SimDisk::power_cut`].
    pub fn power_off_after(&self, points: u64) {
        self.lock().power_budget = Some(points);
    }

    /// The `n`-th next operation of kind `op` (0 = the very next) fails with `errno`. A write that
    /// fails writes nothing; when it is the write of a linked pair, its sync is cancelled and does
    /// not count as a sync here.
    pub fn fail_nth(&self, op: OpKind, n: u64, errno: i32) {
        self.lock().rules.push(FaultRule {
            op,
            countdown: n,
            fault: Fault::Errno(errno),
        });
    }

    /// The `n`-th next write (0 = the very next) writes only its first `written` bytes (all of
    /// them if it is shorter) and reports that count. When it is the write of a linked pair and
    /// falls short, the pair's sync is cancelled (ECANCELED), as io_uring does when a link breaks.
    pub fn short_write_nth(&self, n: u64, written: usize) {
        self.lock().rules.push(FaultRule {
            op: OpKind::Write,
            countdown: n,
            fault: Fault::Short(written),
        });
    }

    /// Syncs of linked write + sync pairs cancelled so far because their write failed or was short.
    pub fn cancelled_syncs(&self) -> u64 {
        self.lock().cancelled_syncs
    }

    /// Every page holding unsynced bytes, as (path, offset of the page), sorted: the list a
    /// [`PageChoice::Mask`] indexes. A page is unsynced when a write since the last successful
    /// sync of its file touched it and it still lies within the file; bytes lost to a failed sync
    /// do not make a page unsynced. A file is named by its current path, or, if it has none but a
    /// power cut would bring it back, by its durable path.
    pub fn unsynced_pages(&self) -> Vec<(PathBuf, u64)> {
        self.lock()
            .unsynced_pages()
            .into_iter()
            .map(|(path, _, page)| (path, page * PAGE_BYTES))
            .collect()
    }

    /// Writes that would grow the disk's total file bytes past `bytes` fail with ENOSPC.
    pub fn set_capacity(&self, bytes: Option<u64>) {
        self.lock().capacity_bytes = bytes;
    }

    pub fn used_bytes(&self) -> u64 {
        let state = self.lock();
        state.used_bytes()
    }

    /// Length of the last write not yet covered by a sync, if any.
    pub fn last_unsynced_write_len(&self) -> Option<usize> {
        self.lock().last_unsynced_write.map(|(_, _, len)| len)
    }

    /// The file (a current name of it) of the last write not yet covered by a sync, if any.
    pub fn last_unsynced_write_path(&self) -> Option<PathBuf> {
        let state = self.lock();
        let (inode, _, _) = state.last_unsynced_write?;
        state
            .names
            .iter()
            .find(|(_, id)| **id == inode)
            .map(|(path, _)| path.clone())
    }

    /// Flips one bit of a file, in both its current and durable bytes (bit rot on the medium).
    pub fn flip_bit(&self, path: &Path, offset: u64, bit: u8) {
        let mut state = self.lock();
        let inode = *state.names.get(path).expect("flip_bit: no such file");
        let file = state.inodes.get_mut(&inode).unwrap();
        let offset = offset as usize;
        file.data[offset] ^= 1 << bit;
        if offset < file.durable.len() {
            file.durable[offset] ^= 1 << bit;
        }
    }

    /// Deletes a file durably, from outside the engine (an operator's mistake, a lost file).
    pub fn delete(&self, path: &Path) {
        let mut state = self.lock();
        state.names.remove(path);
        state.durable_names.remove(path);
    }

    pub fn file_len(&self, path: &Path) -> Option<u64> {
        let state = self.lock();
        let inode = state.names.get(path)?;
        Some(state.inodes[inode].data.len() as u64)
    }

    /// Paths of every file, sorted.
    pub fn files(&self) -> Vec<PathBuf> {
        self.lock().names.keys().cloned().collect()
    }

    /// Cuts the power: only durable names and bytes remain, plus what `tear` lets through (see
    /// [`Tear`]); every open handle dies; the power comes back on.
    pub fn power_cut(&self, tear: Tear) {
        let mut state = self.lock();
        let (choice, size_persists) = match &tear {
            Tear::KeepPages(choice) => (Some(choice), false),
            Tear::ExtendWithoutData(choice) => (Some(choice), true),
            Tear::DropUnsynced | Tear::KeepPrefix(_) => (None, false),
        };
        let mut kept: HashMap<InodeId, BTreeSet<u64>> = HashMap::new();
        if let Some(choice) = choice {
            let pages = state.unsynced_pages();
            for ((_, inode, page), keep) in pages.iter().zip(choice.choose(pages.len())) {
                if keep {
                    kept.entry(*inode).or_default().insert(*page);
                }
            }
        }
        let torn = match (tear, state.last_unsynced_write) {
            (Tear::KeepPrefix(n), Some((inode, offset, len))) => {
                let kept = n.min(len);
                let bytes =
                    state.inodes[&inode].data[offset as usize..offset as usize + kept].to_vec();
                Some((inode, offset as usize, bytes))
            }
            _ => None,
        };
        let none = BTreeSet::new();
        for (id, inode) in state.inodes.iter_mut() {
            let disk = inode.after_cut(kept.get(id).unwrap_or(&none), size_persists);
            inode.data = disk.clone();
            inode.durable = disk;
            inode.dirty.clear();
            inode.lost.clear();
            inode.shrunk_to = inode.data.len();
        }
        if let Some((inode, offset, bytes)) = torn {
            let file = state.inodes.get_mut(&inode).unwrap();
            if file.data.len() < offset + bytes.len() {
                file.data.resize(offset + bytes.len(), 0);
            }
            file.data[offset..offset + bytes.len()].copy_from_slice(&bytes);
            file.durable = file.data.clone();
            file.shrunk_to = file.data.len();
        }
        state.dirs = state.durable_dirs.clone();
        let dirs = state.dirs.clone();
        let is_root = |p: &Path| {
            p.parent()
                .is_none_or(|parent| parent.as_os_str().is_empty())
        };
        state.dirs.retain(|d| {
            is_root(d)
                || d.ancestors()
                    .skip(1)
                    .all(|a| a.as_os_str().is_empty() || is_root(a) || dirs.contains(a))
        });
        let dirs = state.dirs.clone();
        state.names = state.durable_names.clone();
        state
            .names
            .retain(|p, _| p.parent().is_some_and(|d| dirs.contains(d) || is_root(d)));
        let live: BTreeSet<InodeId> = state.names.values().copied().collect();
        state.inodes.retain(|id, _| live.contains(id));
        state.generation += 1;
        state.powered_off = false;
        state.power_budget = None;
        state.rules.clear();
        state.last_unsynced_write = None;
    }
}

impl DiskState {
    /// (path, inode, page index) of every unsynced page, sorted by path then page.
    fn unsynced_pages(&self) -> Vec<(PathBuf, InodeId, u64)> {
        let mut named: BTreeMap<InodeId, &PathBuf> = BTreeMap::new();
        for (path, inode) in &self.durable_names {
            named.insert(*inode, path);
        }
        // A current name wins over a durable one.
        for (path, inode) in &self.names {
            named.insert(*inode, path);
        }
        let mut pages = Vec::new();
        for (inode, path) in named {
            let Some(file) = self.inodes.get(&inode) else {
                continue;
            };
            for page in file.unsynced_pages() {
                pages.push((path.clone(), inode, page));
            }
        }
        pages.sort();
        pages
    }

    /// One write IO point: writes `buf` (or, if a short-write fault fires, its first bytes) and
    /// returns how many bytes it wrote.
    fn write(&mut self, inode: InodeId, offset: u64, buf: &[u8]) -> io::Result<usize> {
        let limit = self.io_point(Some(OpKind::Write))?;
        let len = limit.map_or(buf.len(), |limit| limit.min(buf.len()));
        let buf = &buf[..len];
        let end = offset as usize + buf.len();
        let current = self.inodes[&inode].data.len();
        if let Some(capacity) = self.capacity_bytes {
            let growth = end.saturating_sub(current) as u64;
            if self.used_bytes() + growth > capacity {
                return Err(io::Error::from_raw_os_error(libc::ENOSPC));
            }
        }
        let file = self.inodes.get_mut(&inode).unwrap();
        if file.data.len() < end {
            file.data.resize(end, 0);
        }
        file.data[offset as usize..end].copy_from_slice(buf);
        if !buf.is_empty() {
            file.dirty.push((offset as usize, end));
        }
        subtract(&mut file.lost, offset as usize, end);
        self.last_unsynced_write = Some((inode, offset, buf.len()));
        Ok(len)
    }

    /// One sync IO point; a failure loses the file's dirty bytes for good (see the module doc).
    fn sync(&mut self, inode: InodeId) -> io::Result<()> {
        if let Err(error) = self.io_point(Some(OpKind::Sync)) {
            if !self.powered_off {
                self.inodes.get_mut(&inode).unwrap().sync_failed();
            }
            return Err(error);
        }
        self.inodes.get_mut(&inode).unwrap().sync();
        if matches!(self.last_unsynced_write, Some((id, _, _)) if id == inode) {
            self.last_unsynced_write = None;
        }
        Ok(())
    }

    fn used_bytes(&self) -> u64 {
        let live: BTreeSet<InodeId> = self.names.values().copied().collect();
        live.iter()
            .map(|id| self.inodes[id].data.len() as u64)
            .sum()
    }

    /// Accounts one IO point of `kind` and decides whether it fails; `Ok(Some(n))` asks a write to
    /// write only its first `n` bytes.
    fn io_point(&mut self, kind: Option<OpKind>) -> io::Result<Option<usize>> {
        if self.powered_off {
            return Err(powered_off());
        }
        match self.power_budget {
            Some(0) => {
                self.powered_off = true;
                return Err(powered_off());
            }
            Some(ref mut left) => *left -= 1,
            None => {}
        }
        self.io_points += 1;
        let Some(kind) = kind else {
            return Ok(None);
        };
        let mut fired = None;
        // Every armed rule of this kind counts this operation, so "the n-th next" holds when
        // several are armed; the first that is due fires (a second one due fires at the next).
        self.rules.retain_mut(|rule| {
            if rule.op != kind {
                return true;
            }
            if rule.countdown == 0 {
                if fired.is_none() {
                    fired = Some(rule.fault);
                    return false;
                }
                return true;
            }
            rule.countdown -= 1;
            true
        });
        match fired {
            None => Ok(None),
            Some(Fault::Errno(errno)) => Err(io::Error::from_raw_os_error(errno)),
            Some(Fault::Short(written)) => Ok(Some(written)),
        }
    }
}

fn powered_off() -> io::Error {
    io::Error::other("simulated power loss: the disk is off")
}

fn parent_of(path: &Path) -> PathBuf {
    path.parent().map(Path::to_path_buf).unwrap_or_default()
}

/// One shard's view of a [`SimDisk`].
pub struct SimStorage {
    disk: SimDisk,
    generation: u64,
    handles: HashMap<u32, InodeId>,
    /// Handles opened with `open_direct`: their writes must be whole aligned blocks, as
    /// `O_DIRECT` demands (`EINVAL` otherwise), so that a misaligned write fails here too.
    direct: HashSet<u32>,
    next_handle: u32,
}

impl SimStorage {
    pub fn disk(&self) -> &SimDisk {
        &self.disk
    }

    fn state(&self) -> io::Result<MutexGuard<'_, DiskState>> {
        let state = self.disk.lock();
        if state.generation != self.generation {
            return Err(io::Error::other(
                "stale handle: the simulated disk lost power since this storage was made",
            ));
        }
        Ok(state)
    }

    fn inode(&self, file: FileId) -> io::Result<InodeId> {
        self.handles
            .get(&file.0)
            .copied()
            .ok_or_else(|| io::Error::from_raw_os_error(libc::EBADF))
    }

    /// `EINVAL` for a write through a direct handle that is not whole aligned blocks from an
    /// aligned buffer (what Linux answers such an `O_DIRECT` write).
    fn check_direct(&self, file: FileId, offset: u64, buf: &[u8]) -> io::Result<()> {
        let align = DIRECT_IO_ALIGN_BYTES;
        let aligned = offset % align as u64 == 0
            && buf.len() % align == 0
            && (buf.as_ptr() as usize) % align == 0;
        if self.direct.contains(&file.0) && !aligned {
            return Err(io::Error::from_raw_os_error(libc::EINVAL));
        }
        Ok(())
    }
}

impl Storage for SimStorage {
    fn create_dir_all(&mut self, path: &Path) -> io::Result<()> {
        let mut state = self.state()?;
        state.io_point(None)?;
        let mut current = PathBuf::new();
        for component in path.components() {
            current.push(component);
            if current.parent().is_none() {
                // The root always exists.
                state.durable_dirs.insert(current.clone());
            }
            state.dirs.insert(current.clone());
        }
        Ok(())
    }

    fn dir_exists(&mut self, path: &Path) -> io::Result<bool> {
        Ok(self.state()?.dirs.contains(path))
    }

    fn list_dir(&mut self, path: &Path) -> io::Result<Vec<String>> {
        let state = self.state()?;
        if !state.dirs.contains(path) {
            return Err(io::Error::from_raw_os_error(libc::ENOENT));
        }
        let mut names: Vec<String> = state
            .names
            .keys()
            .filter(|p| p.parent() == Some(path))
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect();
        names.extend(
            state
                .dirs
                .iter()
                .filter(|p| p.parent() == Some(path))
                .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned())),
        );
        names.sort();
        Ok(names)
    }

    fn open(&mut self, path: &Path, create: bool) -> io::Result<FileId> {
        let mut state = self.state()?;
        let inode = match state.names.get(path) {
            Some(&inode) => inode,
            None if create => {
                if !state.dirs.contains(&parent_of(path)) {
                    return Err(io::Error::from_raw_os_error(libc::ENOENT));
                }
                state.next_inode += 1;
                let inode = state.next_inode;
                state.inodes.insert(inode, Inode::default());
                state.names.insert(path.to_path_buf(), inode);
                inode
            }
            None => return Err(io::Error::from_raw_os_error(libc::ENOENT)),
        };
        drop(state);
        self.next_handle += 1;
        self.handles.insert(self.next_handle, inode);
        Ok(FileId(self.next_handle))
    }

    /// Always direct, so that every flush of the simulated tests takes the aligned path.
    fn open_direct(&mut self, path: &Path, create: bool) -> io::Result<(FileId, bool)> {
        let file = self.open(path, create)?;
        self.direct.insert(file.0);
        Ok((file, true))
    }

    fn close(&mut self, file: FileId) {
        self.handles.remove(&file.0);
        self.direct.remove(&file.0);
    }

    fn len(&mut self, file: FileId) -> io::Result<u64> {
        let inode = self.inode(file)?;
        let state = self.state()?;
        Ok(state.inodes[&inode].data.len() as u64)
    }

    fn read_at(&mut self, file: FileId, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
        let inode = self.inode(file)?;
        let state = self.state()?;
        if state.powered_off {
            return Err(powered_off());
        }
        let data = &state.inodes[&inode].data;
        let start = (offset as usize).min(data.len());
        let n = buf.len().min(data.len() - start);
        buf[..n].copy_from_slice(&data[start..start + n]);
        Ok(n)
    }

    fn write_at(&mut self, file: FileId, offset: u64, buf: &[u8]) -> io::Result<()> {
        linked::write_all(self, file, offset, buf)
    }

    fn sync_data(&mut self, file: FileId) -> io::Result<()> {
        self.submit_sync(file)
    }

    fn write_and_sync(&mut self, file: FileId, offset: u64, buf: &[u8]) -> io::Result<()> {
        linked::write_and_sync(self, file, offset, buf)
    }

    /// Syncs at once and hands back the outcome. The caller writes nothing to the file until the
    /// sync has run, so a crash keeps the same bytes as if it had run later, on another thread;
    /// and the sync is one operation in the disk's count, where faults and crashes are injected.
    fn detached_sync(&mut self, file: FileId) -> io::Result<DetachedSync> {
        let outcome = self.sync_data(file);
        Ok(DetachedSync::new(move || outcome))
    }

    /// An IO point that makes nothing durable (the sim has no device queue to pace: what a power
    /// cut keeps is decided by syncs and tears alone). A failure loses the file's unsynced bytes
    /// for good, as a failed writeback wait does on Linux: the pages are marked clean and the
    /// error is reported to this waiter, so a later sync would succeed without them.
    fn write_behind(
        &mut self,
        file: FileId,
        _offset: u64,
        _len: u64,
        _wait: Option<(u64, u64)>,
    ) -> io::Result<()> {
        let inode = self.inode(file)?;
        let mut state = self.state()?;
        if let Err(error) = state.io_point(Some(OpKind::WriteBehind)) {
            if !state.powered_off {
                state.inodes.get_mut(&inode).unwrap().sync_failed();
            }
            return Err(error);
        }
        Ok(())
    }

    /// Lost bytes (a failed sync marked their pages clean) now read what the medium holds: their
    /// durable content, zeros past it. Not an IO point: it changes nothing durable.
    fn drop_cached_pages(&mut self, file: FileId) -> io::Result<()> {
        let inode = self.inode(file)?;
        let mut state = self.state()?;
        if state.powered_off {
            return Err(powered_off());
        }
        state.inodes.get_mut(&inode).unwrap().drop_clean_pages();
        Ok(())
    }

    fn truncate(&mut self, file: FileId, len: u64) -> io::Result<()> {
        let inode = self.inode(file)?;
        let mut state = self.state()?;
        state.io_point(None)?;
        let len = len as usize;
        let file = state.inodes.get_mut(&inode).unwrap();
        file.data.resize(len, 0);
        file.shrunk_to = file.shrunk_to.min(len);
        // Bytes past the new end are gone from the cache: nothing of them is left to write back.
        subtract(&mut file.dirty, len, usize::MAX);
        subtract(&mut file.lost, len, usize::MAX);
        if matches!(state.last_unsynced_write, Some((id, _, _)) if id == inode) {
            state.last_unsynced_write = None;
        }
        Ok(())
    }

    fn remove_file(&mut self, path: &Path) -> io::Result<()> {
        let mut state = self.state()?;
        state.io_point(None)?;
        state
            .names
            .remove(path)
            .map(|_| ())
            .ok_or_else(|| io::Error::from_raw_os_error(libc::ENOENT))
    }

    fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()> {
        let mut state = self.state()?;
        state.io_point(None)?;
        let inode = state
            .names
            .remove(from)
            .ok_or_else(|| io::Error::from_raw_os_error(libc::ENOENT))?;
        state.names.insert(to.to_path_buf(), inode);
        Ok(())
    }

    fn sibling(&self) -> io::Result<Self> {
        // Same generation: a power cut makes the sibling stale too.
        Ok(SimStorage {
            disk: self.disk.clone(),
            generation: self.generation,
            handles: HashMap::new(),
            direct: HashSet::new(),
            next_handle: 0,
        })
    }

    fn sync_dir(&mut self, path: &Path) -> io::Result<()> {
        let mut state = self.state()?;
        state.io_point(Some(OpKind::Sync))?;
        let in_dir = |p: &PathBuf| p.parent() == Some(path);
        let current: Vec<(PathBuf, InodeId)> = state
            .names
            .iter()
            .filter(|(p, _)| in_dir(p))
            .map(|(p, i)| (p.clone(), *i))
            .collect();
        state.durable_names.retain(|p, _| !in_dir(p));
        state.durable_names.extend(current);
        let subdirs: Vec<PathBuf> = state.dirs.iter().filter(|d| in_dir(d)).cloned().collect();
        state.durable_dirs.retain(|d| !in_dir(d));
        state.durable_dirs.extend(subdirs);
        Ok(())
    }
}

impl LinkedIo for SimStorage {
    fn submit_write_linked_sync(
        &mut self,
        file: FileId,
        offset: u64,
        buf: &[u8],
    ) -> io::Result<LinkedCompletions> {
        let inode = self.inode(file)?;
        self.check_direct(file, offset, buf)?;
        let mut state = self.state()?;
        let write = state.write(inode, offset, buf);
        let sync = match write {
            Ok(written) if written == buf.len() => state.sync(inode),
            _ => {
                state.cancelled_syncs += 1;
                Err(io::Error::from_raw_os_error(libc::ECANCELED))
            }
        };
        Ok(LinkedCompletions { write, sync })
    }

    fn submit_write(&mut self, file: FileId, offset: u64, buf: &[u8]) -> io::Result<usize> {
        let inode = self.inode(file)?;
        self.check_direct(file, offset, buf)?;
        self.state()?.write(inode, offset, buf)
    }

    fn submit_sync(&mut self, file: FileId) -> io::Result<()> {
        let inode = self.inode(file)?;
        self.state()?.sync(inode)
    }
}

#[cfg(test)]
mod tests {
    //! The power-cut model: which bytes and sizes a cut leaves, page by page.

    use super::*;

    const PAGE: usize = PAGE_BYTES as usize;

    /// A disk with `/d/a` durably holding `durable` (name and bytes), and a storage with it open.
    fn disk_with(durable: &[u8]) -> (SimDisk, SimStorage, FileId) {
        let disk = SimDisk::new();
        let mut storage = disk.storage();
        storage.create_dir_all(Path::new("/d")).unwrap();
        storage.sync_dir(Path::new("/")).unwrap();
        let file = storage.open(Path::new("/d/a"), true).unwrap();
        storage.write_and_sync(file, 0, durable).unwrap();
        storage.sync_dir(Path::new("/d")).unwrap();
        (disk, storage, file)
    }

    fn content_after(disk: &SimDisk, tear: Tear, path: &str) -> Vec<u8> {
        disk.power_cut(tear);
        let mut storage = disk.storage();
        let file = storage.open(Path::new(path), false).unwrap();
        storage.read_all(file).unwrap()
    }

    #[test]
    fn a_direct_handle_takes_only_whole_aligned_blocks() {
        let (_disk, mut storage, cached) = disk_with(b"");
        let (direct, skips_the_cache) = storage.open_direct(Path::new("/d/b"), true).unwrap();
        assert!(skips_the_cache);
        let buffer = vec![7u8; 3 * PAGE];
        let start = buffer.as_ptr().align_offset(DIRECT_IO_ALIGN_BYTES);
        let block = &buffer[start..start + PAGE];
        storage.write_at(direct, PAGE as u64, block).unwrap();
        let einval = |result: io::Result<()>| {
            result.is_err_and(|error| error.raw_os_error() == Some(libc::EINVAL))
        };
        assert!(einval(storage.write_at(direct, 1, block)), "offset");
        assert!(
            einval(storage.write_at(direct, 0, &block[..PAGE - 1])),
            "length"
        );
        assert!(
            einval(storage.write_at(direct, 0, &buffer[start + 1..start + 1 + PAGE])),
            "address"
        );
        assert!(
            einval(storage.write_and_sync(direct, 1, block)),
            "a linked pair too"
        );
        assert_eq!(
            storage.len(direct).unwrap(),
            2 * PAGE as u64,
            "only the aligned write landed"
        );
        // A plain handle takes anything, and a handle number reused after close is plain.
        storage.write_at(cached, 1, &block[..3]).unwrap();
        storage.close(direct);
        let reopened = storage.open(Path::new("/d/b"), false).unwrap();
        storage.write_at(reopened, 1, &block[..3]).unwrap();
    }

    #[test]
    fn unsynced_pages_lists_every_touched_page_of_every_file_sorted() {
        let (disk, mut storage, a) = disk_with(&[1; 3 * PAGE]);
        let b = storage.open(Path::new("/d/b"), true).unwrap();
        storage.write_at(b, 10, b"x").unwrap();
        // Touches pages 0 and 1 of `a`, then page 2.
        storage.write_at(a, PAGE as u64 - 1, b"yy").unwrap();
        storage.write_at(a, 2 * PAGE as u64, b"z").unwrap();
        assert_eq!(
            disk.unsynced_pages(),
            vec![
                (PathBuf::from("/d/a"), 0),
                (PathBuf::from("/d/a"), PAGE_BYTES),
                (PathBuf::from("/d/a"), 2 * PAGE_BYTES),
                (PathBuf::from("/d/b"), 0),
            ]
        );
        storage.sync_data(a).unwrap();
        assert_eq!(disk.unsynced_pages(), vec![(PathBuf::from("/d/b"), 0)]);
    }

    #[test]
    fn a_page_mask_keeps_exactly_the_chosen_pages_and_reverts_the_others() {
        let (disk, mut storage, a) = disk_with(&[1; 3 * PAGE]);
        storage.write_at(a, 0, &[2; 3 * PAGE]).unwrap();
        assert_eq!(disk.unsynced_pages().len(), 3);
        let data = content_after(
            &disk,
            Tear::KeepPages(PageChoice::Mask(vec![false, true, false])),
            "/d/a",
        );
        let mut expected = vec![1; 3 * PAGE];
        expected[PAGE..2 * PAGE].fill(2);
        assert_eq!(data, expected);
    }

    #[test]
    fn a_random_page_choice_is_the_same_for_the_same_seed() {
        let run = |seed| {
            let (disk, mut storage, a) = disk_with(&[1; 16 * PAGE]);
            storage.write_at(a, 0, &[2; 16 * PAGE]).unwrap();
            content_after(&disk, Tear::KeepPages(PageChoice::Random { seed }), "/d/a")
        };
        assert_eq!(run(7), run(7));
        assert_ne!(run(7), run(8), "different seeds choose different pages");
        let kept = run(7).chunks(PAGE).filter(|page| page[0] == 2).count();
        assert!(
            0 < kept && kept < 16,
            "a subset, not all or nothing: {kept}"
        );
    }

    #[test]
    fn a_kept_page_past_the_durable_end_grows_the_file_and_a_skipped_page_reads_as_zeros() {
        let (disk, mut storage, a) = disk_with(&[1; 100]);
        // Grows the file to two pages and a half.
        storage
            .write_at(a, 100, &[2; 2 * PAGE + PAGE / 2 - 100])
            .unwrap();
        let data = content_after(
            &disk,
            Tear::KeepPages(PageChoice::Mask(vec![false, false, true])),
            "/d/a",
        );
        assert_eq!(data.len(), 2 * PAGE + PAGE / 2);
        assert_eq!(&data[..100], &[1; 100]);
        assert!(data[100..2 * PAGE].iter().all(|&b| b == 0));
        assert!(data[2 * PAGE..].iter().all(|&b| b == 2));
    }

    #[test]
    fn keeping_no_page_leaves_the_durable_size() {
        let (disk, mut storage, a) = disk_with(&[1; 100]);
        storage.write_at(a, 100, &[2; PAGE]).unwrap();
        let data = content_after(&disk, Tear::KeepPages(PageChoice::None), "/d/a");
        assert_eq!(data, vec![1; 100]);
    }

    #[test]
    fn extend_without_data_keeps_the_new_size_with_zeros_where_data_did_not_persist() {
        let (disk, mut storage, a) = disk_with(&[1; 100]);
        storage.write_at(a, 50, &[2; 2 * PAGE]).unwrap();
        let data = content_after(
            &disk,
            Tear::ExtendWithoutData(PageChoice::Mask(vec![false, true, false])),
            "/d/a",
        );
        assert_eq!(data.len(), 50 + 2 * PAGE);
        assert_eq!(&data[..100], &[1; 100], "overwritten durable bytes revert");
        assert!(
            data[100..PAGE].iter().all(|&b| b == 0),
            "grown bytes are zeros"
        );
        assert!(
            data[PAGE..2 * PAGE].iter().all(|&b| b == 2),
            "the kept page"
        );
        assert!(data[2 * PAGE..].iter().all(|&b| b == 0));
    }

    #[test]
    fn an_unsynced_truncate_is_undone_by_a_cut_unless_the_size_persists() {
        let (disk, mut storage, a) = disk_with(&[1; 2 * PAGE]);
        storage.truncate(a, 10).unwrap();
        assert_eq!(disk.unsynced_pages(), vec![]);
        assert_eq!(
            content_after(&disk, Tear::DropUnsynced, "/d/a"),
            vec![1; 2 * PAGE]
        );

        let (disk, mut storage, a) = disk_with(&[1; 2 * PAGE]);
        storage.truncate(a, 10).unwrap();
        assert_eq!(
            content_after(&disk, Tear::ExtendWithoutData(PageChoice::None), "/d/a"),
            vec![1; 10]
        );
    }

    #[test]
    fn a_truncate_then_a_write_persists_zeros_not_the_truncated_bytes_when_the_size_persists() {
        let (disk, mut storage, a) = disk_with(&[1; 2 * PAGE]);
        storage.truncate(a, 10).unwrap();
        storage.write_at(a, 20, &[2; 10]).unwrap();
        let data = content_after(&disk, Tear::ExtendWithoutData(PageChoice::None), "/d/a");
        let mut expected = vec![1; 10];
        expected.resize(30, 0);
        assert_eq!(data, expected);
    }

    #[test]
    fn a_synced_truncate_persists() {
        let (disk, mut storage, a) = disk_with(&[1; 2 * PAGE]);
        storage.truncate(a, 10).unwrap();
        storage.sync_data(a).unwrap();
        assert_eq!(
            content_after(&disk, Tear::DropUnsynced, "/d/a"),
            vec![1; 10]
        );
    }

    #[test]
    fn bytes_lost_to_a_failed_sync_are_not_unsynced_and_never_persist() {
        let (disk, mut storage, a) = disk_with(&[1; PAGE]);
        storage.write_at(a, 0, &[2; PAGE]).unwrap();
        disk.fail_nth(OpKind::Sync, 0, libc::EIO);
        assert!(storage.sync_data(a).is_err());
        assert_eq!(
            disk.unsynced_pages(),
            vec![],
            "Linux marked the pages clean"
        );
        storage.sync_data(a).unwrap();
        assert_eq!(
            storage.read_all(a).unwrap(),
            vec![2; PAGE],
            "the cache lies"
        );
        assert_eq!(
            content_after(&disk, Tear::ExtendWithoutData(PageChoice::All), "/d/a"),
            vec![1; PAGE]
        );
    }

    #[test]
    fn dropping_cached_pages_after_a_failed_sync_shows_what_the_disk_holds() {
        let (disk, mut storage, a) = disk_with(&[1; 10]);
        storage.write_at(a, 5, &[2; 10]).unwrap();
        disk.fail_nth(OpKind::Sync, 0, libc::EIO);
        assert!(storage.sync_data(a).is_err());
        storage.sync_data(a).unwrap();
        assert_eq!(storage.read_all(a).unwrap()[5..], [2; 10]);
        storage.drop_cached_pages(a).unwrap();
        let mut on_disk = vec![1; 10];
        on_disk.resize(15, 0);
        assert_eq!(storage.read_all(a).unwrap(), on_disk);
        assert_eq!(content_after(&disk, Tear::DropUnsynced, "/d/a"), on_disk);
    }

    #[test]
    fn dropping_cached_pages_keeps_dirty_bytes_readable() {
        let (_disk, mut storage, a) = disk_with(&[1; 10]);
        storage.write_at(a, 0, &[2; 4]).unwrap();
        storage.drop_cached_pages(a).unwrap();
        assert_eq!(&storage.read_all(a).unwrap()[..4], &[2; 4]);
    }
}
