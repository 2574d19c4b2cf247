//! A simulated disk for tests: files in memory, with a model of what survives a power cut, and
//! faults on demand.
//!
//! Model: each file has its current bytes (what reads see) and its durable bytes (what survives a power
//! cut: the content at its last successful `sync_data`). Names likewise: the current directory
//! entries, and the durable ones as of each directory's last `sync_dir`. A power cut resets both to
//! durable, optionally keeping a prefix of the last unsynced write (a torn write). A failed sync
//! loses the bytes it covered for good (they read back until the power goes, but no later sync
//! writes them), as Linux does after a writeback error. Every write, sync,
//! truncate, rename and remove is an *IO point*; a test can cut the power after any number of them,
//! fail the n-th write or sync with an errno, cap the disk's capacity (ENOSPC), or flip a bit.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use super::{FileId, Storage};

type InodeId = u64;

#[derive(Default)]
struct Inode {
    data: Vec<u8>,
    durable: Vec<u8>,
    /// Byte ranges written since the last sync.
    dirty: Vec<(usize, usize)>,
    /// Byte ranges that were dirty when a sync failed: like Linux after a writeback error, their pages
    /// are marked clean, so no later sync writes them; they read back fine until the power goes.
    lost: Vec<(usize, usize)>,
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
}

struct FaultRule {
    op: OpKind,
    /// How many more ops of this kind succeed before this one fails.
    countdown: u64,
    errno: i32,
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
}

/// While alive, every operation on the disk waits (see [`SimDisk::stall`]).
pub struct Stall<'a>(#[allow(dead_code)] MutexGuard<'a, DiskState>);

/// How much of the last unsynced write survives a power cut.
#[derive(Clone, Copy, Debug)]
pub enum Tear {
    /// Nothing unsynced survives.
    DropUnsynced,
    /// The first `n` bytes of the last unsynced write reach the disk.
    KeepPrefix(usize),
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

    /// The `n`-th next operation of kind `op` (0 = the very next) fails with `errno`.
    pub fn fail_nth(&self, op: OpKind, n: u64, errno: i32) {
        self.lock().rules.push(FaultRule {
            op,
            countdown: n,
            errno,
        });
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

    /// Cuts the power: only durable names and bytes remain (plus the kept prefix of a torn write);
    /// every open handle dies; the power comes back on.
    pub fn power_cut(&self, tear: Tear) {
        let mut state = self.lock();
        let torn = match (tear, state.last_unsynced_write) {
            (Tear::KeepPrefix(n), Some((inode, offset, len))) => {
                let kept = n.min(len);
                let bytes =
                    state.inodes[&inode].data[offset as usize..offset as usize + kept].to_vec();
                Some((inode, offset as usize, bytes))
            }
            _ => None,
        };
        for inode in state.inodes.values_mut() {
            inode.data = inode.durable.clone();
            inode.dirty.clear();
            inode.lost.clear();
        }
        if let Some((inode, offset, bytes)) = torn {
            let file = state.inodes.get_mut(&inode).unwrap();
            if file.data.len() < offset + bytes.len() {
                file.data.resize(offset + bytes.len(), 0);
            }
            file.data[offset..offset + bytes.len()].copy_from_slice(&bytes);
            file.durable = file.data.clone();
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
    fn used_bytes(&self) -> u64 {
        let live: BTreeSet<InodeId> = self.names.values().copied().collect();
        live.iter()
            .map(|id| self.inodes[id].data.len() as u64)
            .sum()
    }

    /// Accounts one IO point of `kind` and decides whether it fails.
    fn io_point(&mut self, kind: Option<OpKind>) -> io::Result<()> {
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
        if let Some(kind) = kind {
            let mut failure = None;
            self.rules.retain_mut(|rule| {
                if rule.op != kind || failure.is_some() {
                    return true;
                }
                if rule.countdown == 0 {
                    failure = Some(rule.errno);
                    return false;
                }
                rule.countdown -= 1;
                true
            });
            if let Some(errno) = failure {
                return Err(io::Error::from_raw_os_error(errno));
            }
        }
        Ok(())
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

    fn close(&mut self, file: FileId) {
        self.handles.remove(&file.0);
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
        let inode = self.inode(file)?;
        let mut state = self.state()?;
        state.io_point(Some(OpKind::Write))?;
        let end = offset as usize + buf.len();
        let current = state.inodes[&inode].data.len();
        if let Some(capacity) = state.capacity_bytes {
            let growth = end.saturating_sub(current) as u64;
            if state.used_bytes() + growth > capacity {
                return Err(io::Error::from_raw_os_error(libc::ENOSPC));
            }
        }
        let file = state.inodes.get_mut(&inode).unwrap();
        if file.data.len() < end {
            file.data.resize(end, 0);
        }
        file.data[offset as usize..end].copy_from_slice(buf);
        file.dirty.push((offset as usize, end));
        subtract(&mut file.lost, offset as usize, end);
        state.last_unsynced_write = Some((inode, offset, buf.len()));
        Ok(())
    }

    fn sync_data(&mut self, file: FileId) -> io::Result<()> {
        let inode = self.inode(file)?;
        let mut state = self.state()?;
        if let Err(error) = state.io_point(Some(OpKind::Sync)) {
            if !state.powered_off {
                state.inodes.get_mut(&inode).unwrap().sync_failed();
            }
            return Err(error);
        }
        state.inodes.get_mut(&inode).unwrap().sync();
        if matches!(state.last_unsynced_write, Some((id, _, _)) if id == inode) {
            state.last_unsynced_write = None;
        }
        Ok(())
    }

    fn truncate(&mut self, file: FileId, len: u64) -> io::Result<()> {
        let inode = self.inode(file)?;
        let mut state = self.state()?;
        state.io_point(None)?;
        state
            .inodes
            .get_mut(&inode)
            .unwrap()
            .data
            .resize(len as usize, 0);
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
