//! `Memtable`: the in-memory table of recent versions, written by one thread (the shard applying
//! committed batches) and read by any number of threads at once.
//!
//! Invariants:
//! - **MVCC.** Every entry is a version: keyed by its internal key (`table::version`: user key,
//!   then position newest first), valued by its bytes or `None` for a tombstone. Nothing is ever
//!   overwritten or removed; a later write is a new version.
//! - **Positions never decrease.** The writer inserts in commit order: each insert's position is at
//!   least the one before (the keys of one batch share a position), and a (user key, position) is
//!   inserted once. Both are asserted.
//! - **Reads at a position are stable.** A reader at position `at` sees exactly the versions at or
//!   below `at`. Once the writer has published `at` (made every insert at or below it visible, e.g.
//!   by a release store the reader acquires), later inserts all have larger positions, so they are
//!   invisible to that reader: no copy-on-write, just the key order.
//! - **Bounded by bytes.** [`Memtable::approximate_bytes`] counts every byte the memtable holds in
//!   its nodes and its writer's index (see [`version_charge`] and [`key_charge`]) and the free ends
//!   of the chunks it moved on from; only the newest chunks' free parts (under 1 MiB each) are not
//!   counted. The owner flushes the memtable to an sstable before it passes its budget.
//!
//! **Layout: a skip list of user keys in arenas, each key with a chain of its versions.** The
//! nodes live in arenas of large chunks ([`Arena`]) that the memtable frees all at once when it
//! is dropped: an insert is a bump of a pointer, not an allocation, and dropping a memtable of a
//! million versions frees a few dozen chunks instead of several million allocations (a third of
//! the flush thread's CPU, `docs/benchmarks.md`). A key node holds its user key's bytes next to its
//! tower of next pointers, so a search compares keys without leaving the node. Key nodes have an
//! arena of their own, apart from the versions and their values: a search then walks a few
//! megabytes of dense key nodes rather than nodes strewn among tens of megabytes of values (its
//! comparisons were a quarter of the shard's CPU at 100,000 keys, `docs/benchmarks.md`). Each key
//! node points to its newest version; each version to the one before it: a chain newest first,
//! which is the internal-key order of the key's versions. A version holds its internal key and its value
//! inline. A key's new version is pushed on its chain, found through the writer's hash index of
//! its keys: an update costs a hash lookup and a push, not a skip-list search. Only a key's first
//! version searches the skip list.
//!
//! **Concurrency without locks for readers.** Only the writer changes the list, under its own
//! mutex (never contended: one thread inserts). A node is written whole before it is published by
//! a release store of a pointer to it (a predecessor's next pointer, a key's newest version); a
//! reader follows pointers with acquire loads, so it sees every node it reaches whole. Nothing is
//! unlinked or freed before the memtable is dropped, so a reader never meets freed memory; keys and
//! values handed out borrow the memtable.
//!
//! A read at an old position walks the key's chain from the newest version down to the first at
//! or below its position: readers at the latest position (the common case) stop at the first.

use std::alloc::Layout;
use std::collections::HashSet;
use std::ptr::{self, NonNull};
use std::sync::atomic::{AtomicPtr, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use super::version::{
    split_versioned, EntryBytes, VersionedEntry, USER_KEY_TERMINATOR, VERSION_SUFFIX_BYTES,
};
use crate::limits::{SSTABLE_VALUE_BYTES_MAX, TABLE_USER_KEY_BYTES_MAX};

/// The skip list's most levels. With a new level every 4th node on average
/// ([`LEVEL_ONE_IN`]), 12 levels search 4^12 (16 million) keys in about 4 comparisons a level;
/// a memtable holds at most 8 million versions (`limits`).
pub const MAX_HEIGHT: usize = 12;
/// A node reaches one level higher with a chance of one in this.
const LEVEL_ONE_IN: u32 = 4;

/// The arena's first chunk; each next one is twice as large, up to [`ARENA_CHUNK_BYTES_MAX`], so a
/// small memtable (the minimum budget is 4 KiB) reserves little, and a large one few chunks.
const ARENA_CHUNK_BYTES_MIN: usize = 4 * 1024;
const ARENA_CHUNK_BYTES_MAX: usize = 1024 * 1024;
/// A node larger than this gets a chunk of its own, so a chunk is at least 16 times any node it
/// holds and the free end a chunk is left with (smaller than the node that did not fit) wastes at
/// most a sixteenth of it.
const LARGE_NODE_BYTES: usize = ARENA_CHUNK_BYTES_MAX / 16;
/// Every node is aligned to this (its pointers and positions).
const NODE_ALIGN: usize = 8;

/// The least a version is charged, whatever its size: so that a memtable at its largest budget
/// (`MEMTABLE_BYTES_MAX`) holds at most half the versions an sstable may (`limits`).
pub const VERSION_CHARGE_MIN_BYTES: usize = 128;

/// What the writer's index costs a user key: its slot (a pointer and a control byte, the table
/// kept at most 7/8 full and growing twice as large).
pub const INDEX_SLOT_BYTES: usize = 24;

/// The bytes a version of `internal_key_bytes` and `value_bytes` is charged: its node (header,
/// internal key and value, aligned), at least [`VERSION_CHARGE_MIN_BYTES`].
pub fn version_charge(internal_key_bytes: usize, value_bytes: usize) -> usize {
    (VersionNode::size(internal_key_bytes, value_bytes)).max(VERSION_CHARGE_MIN_BYTES)
}

/// The bytes a user key of `user_key_bytes` is charged with its first version, besides the
/// version: its node (header, a tower of `height` pointers, the key, aligned) and its index slot.
pub fn key_charge(user_key_bytes: usize, height: usize) -> usize {
    KeyNode::size(height, user_key_bytes) + INDEX_SLOT_BYTES
}

/// A user key: its versions' chain and its skip-list tower. In the arena, the header is followed
/// by `height` next pointers (`AtomicPtr<KeyNode>`), then the key's `key_len` bytes.
#[repr(C)]
struct KeyNode {
    /// The newest version, never null once the node is published.
    newest: AtomicPtr<VersionNode>,
    key_len: u32,
    height: u32,
}

/// One version. In the arena, the header is followed by the internal key's `key_len` bytes, then
/// the value's `value_len` bytes (none for a tombstone).
#[repr(C)]
struct VersionNode {
    /// The version before this one of the same user key, null for the first. Written before the
    /// node is published, never after.
    older: *const VersionNode,
    position: u64,
    key_len: u32,
    /// [`TOMBSTONE`] for a delete.
    value_len: u32,
}

const TOMBSTONE: u32 = u32::MAX;
const _: () = assert!(SSTABLE_VALUE_BYTES_MAX < TOMBSTONE as usize);
const _: () = assert!(TABLE_USER_KEY_BYTES_MAX + VERSION_SUFFIX_BYTES < u32::MAX as usize);
const _: () = assert!(std::mem::align_of::<KeyNode>() <= NODE_ALIGN);
const _: () = assert!(std::mem::align_of::<VersionNode>() <= NODE_ALIGN);
const _: () = assert!(std::mem::size_of::<KeyNode>() % NODE_ALIGN == 0);
const _: () = assert!(std::mem::size_of::<VersionNode>() % NODE_ALIGN == 0);
// The head's tower sits where a node's does.
const _: () = assert!(std::mem::offset_of!(Head, tower) == std::mem::size_of::<KeyNode>());

fn align_up(bytes: usize) -> usize {
    bytes.next_multiple_of(NODE_ALIGN)
}

impl KeyNode {
    fn size(height: usize, key_len: usize) -> usize {
        align_up(Self::key_offset(height) + key_len)
    }

    /// Where the key's bytes start in a node of `height`: after the header and the tower.
    fn key_offset(height: usize) -> usize {
        std::mem::size_of::<KeyNode>() + height * std::mem::size_of::<AtomicPtr<KeyNode>>()
    }

    /// The node's tower: `height` next pointers after the header.
    fn tower(node: *const KeyNode) -> *const AtomicPtr<KeyNode> {
        node.cast::<u8>()
            .wrapping_add(std::mem::size_of::<KeyNode>())
            .cast::<AtomicPtr<KeyNode>>()
    }

    /// The next pointer at `level`.
    ///
    /// # Safety
    /// `node` points to a whole node (published, or being written by the writer) with a tower of
    /// more than `level` pointers, and the memtable outlives `'m`.
    unsafe fn next<'m>(node: *const KeyNode, level: usize) -> &'m AtomicPtr<KeyNode> {
        debug_assert!(level < (*node).height as usize);
        // SAFETY: the tower follows the header inside the node's memory (see `KeyNode`), and the
        // caller guarantees the node has this level.
        unsafe { &*Self::tower(node).add(level) }
    }

    /// The user key's bytes.
    ///
    /// # Safety
    /// `node` points to a whole node (not the head) and the memtable outlives `'m`.
    unsafe fn key<'m>(node: *const KeyNode) -> &'m [u8] {
        // SAFETY: the key's bytes follow the tower inside the node's memory, written before the
        // node was published and never after.
        unsafe {
            std::slice::from_raw_parts(
                node.cast::<u8>()
                    .add(Self::key_offset((*node).height as usize)),
                (*node).key_len as usize,
            )
        }
    }
}

impl VersionNode {
    fn size(key_len: usize, value_len: usize) -> usize {
        align_up(std::mem::size_of::<VersionNode>() + key_len + value_len)
    }

    /// The internal key's bytes.
    ///
    /// # Safety
    /// `node` points to a published version and the memtable outlives `'m`.
    unsafe fn key<'m>(node: *const VersionNode) -> &'m [u8] {
        // SAFETY: the key's bytes follow the header, written before the node was published.
        unsafe {
            std::slice::from_raw_parts(
                node.cast::<u8>().add(std::mem::size_of::<VersionNode>()),
                (*node).key_len as usize,
            )
        }
    }

    /// The value's bytes, `None` for a tombstone.
    ///
    /// # Safety
    /// As for [`VersionNode::key`].
    unsafe fn value<'m>(node: *const VersionNode) -> Option<&'m [u8]> {
        // SAFETY: the value's bytes follow the key, written before the node was published.
        unsafe {
            let value_len = (*node).value_len;
            (value_len != TOMBSTONE).then(|| {
                std::slice::from_raw_parts(
                    node.cast::<u8>()
                        .add(std::mem::size_of::<VersionNode>() + (*node).key_len as usize),
                    value_len as usize,
                )
            })
        }
    }
}

/// The skip list's head: a key node of the greatest height and no key, searched from, never
/// compared. Its tower directly follows the header, as in the arena's nodes.
#[repr(C)]
struct Head {
    node: KeyNode,
    tower: [AtomicPtr<KeyNode>; MAX_HEIGHT],
}

/// Chunks of memory handed out in aligned pieces, never moved, all freed when the arena is.
struct Arena {
    chunks: Vec<(NonNull<u8>, Layout)>,
    /// The free part of the newest chunk: `cursor..end`.
    cursor: *mut u8,
    end: *mut u8,
    next_chunk_bytes: usize,
    /// The free part of chunks left behind for a new one, not yet charged (see `take_abandoned`).
    abandoned: usize,
}

impl Arena {
    fn new() -> Self {
        Arena {
            chunks: Vec::new(),
            cursor: ptr::null_mut(),
            end: ptr::null_mut(),
            next_chunk_bytes: ARENA_CHUNK_BYTES_MIN,
            abandoned: 0,
        }
    }

    /// The bytes left unused at the end of chunks the arena moved on from since the last call:
    /// memory the memtable holds and must charge.
    fn take_abandoned(&mut self) -> usize {
        std::mem::take(&mut self.abandoned)
    }

    /// `bytes` (a multiple of [`NODE_ALIGN`]) of uninitialized memory aligned to [`NODE_ALIGN`],
    /// valid until the arena is dropped.
    fn allocate(&mut self, bytes: usize) -> *mut u8 {
        debug_assert_eq!(bytes % NODE_ALIGN, 0);
        let free = self.end as usize - self.cursor as usize;
        if bytes > free {
            if bytes > LARGE_NODE_BYTES {
                // A large node gets a chunk of its own; the current chunk keeps its free part.
                return self.new_chunk(bytes);
            }
            // What the current chunk has left is smaller than this node, so at most a sixteenth
            // of the new chunk: charged, never reused.
            self.abandoned += free;
            let chunk_bytes = self.next_chunk_bytes.max(bytes * 16);
            self.next_chunk_bytes = (chunk_bytes * 2).min(ARENA_CHUNK_BYTES_MAX);
            self.cursor = self.new_chunk(chunk_bytes);
            // SAFETY: the chunk is `chunk_bytes` long.
            self.end = unsafe { self.cursor.add(chunk_bytes) };
        }
        let node = self.cursor;
        // SAFETY: `bytes` fit in `cursor..end`, inside one chunk.
        self.cursor = unsafe { self.cursor.add(bytes) };
        node
    }

    fn new_chunk(&mut self, bytes: usize) -> *mut u8 {
        let layout = Layout::from_size_align(bytes, NODE_ALIGN).expect("a chunk's layout is valid");
        // SAFETY: the layout's size is not zero (a node has a header).
        let chunk = unsafe { std::alloc::alloc(layout) };
        let Some(chunk) = NonNull::new(chunk) else {
            std::alloc::handle_alloc_error(layout)
        };
        self.chunks.push((chunk, layout));
        chunk.as_ptr()
    }
}

impl Drop for Arena {
    fn drop(&mut self) {
        for (chunk, layout) in self.chunks.drain(..) {
            // SAFETY: allocated in `new_chunk` with this layout, freed once (drained).
            unsafe { std::alloc::dealloc(chunk.as_ptr(), layout) };
        }
    }
}

/// A key node in the writer's index, hashed and compared as its user key's bytes, so that the
/// index is searched with a `&[u8]` and holds no copy of the key.
#[derive(Clone, Copy)]
struct IndexedKey(*const KeyNode);

impl IndexedKey {
    fn key(&self) -> &[u8] {
        // SAFETY: only published nodes of this memtable are indexed, and the index is dropped with
        // the memtable, before its arenas.
        unsafe { KeyNode::key(self.0) }
    }
}

impl std::hash::Hash for IndexedKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // As `[u8]` hashes, for `Borrow<[u8]>`.
        self.key().hash(state)
    }
}

impl PartialEq for IndexedKey {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for IndexedKey {}

impl std::borrow::Borrow<[u8]> for IndexedKey {
    fn borrow(&self) -> &[u8] {
        self.key()
    }
}

/// What only the writer touches: the arenas, the index of keys, the source of node heights.
struct Writer {
    /// Declared before the arenas, so dropped before them: its entries point into `keys`.
    index: HashSet<IndexedKey, foldhash::fast::RandomState>,
    /// Key nodes only.
    keys: Arena,
    /// Version nodes only.
    versions: Arena,
    /// xorshift64 state for node heights.
    random: u64,
}

impl Writer {
    fn random_height(&mut self) -> usize {
        self.random ^= self.random << 13;
        self.random ^= self.random >> 7;
        self.random ^= self.random << 17;
        // Each pair of low bits that is zero (one chance in 4) adds a level.
        let extra = (self.random.trailing_zeros() / LEVEL_ONE_IN.trailing_zeros()) as usize;
        1 + extra.min(MAX_HEIGHT - 1)
    }

    /// A new version node, written whole (not published).
    fn version(
        &mut self,
        user_key: &[u8],
        position: u64,
        value: Option<&[u8]>,
        older: *const VersionNode,
    ) -> *const VersionNode {
        let key_len = user_key.len() + VERSION_SUFFIX_BYTES;
        let value_len = value.map_or(0, <[u8]>::len);
        let node = self
            .versions
            .allocate(VersionNode::size(key_len, value_len))
            .cast::<VersionNode>();
        // SAFETY: the arena gave `VersionNode::size` aligned bytes for the header, the internal
        // key and the value, which are written here and nowhere else.
        unsafe {
            node.write(VersionNode {
                older,
                position,
                key_len: key_len as u32,
                value_len: value.map_or(TOMBSTONE, |value| value.len() as u32),
            });
            let bytes = node.cast::<u8>().add(std::mem::size_of::<VersionNode>());
            ptr::copy_nonoverlapping(user_key.as_ptr(), bytes, user_key.len());
            let suffix = bytes.add(user_key.len());
            suffix.write(USER_KEY_TERMINATOR);
            ptr::copy_nonoverlapping((!position).to_be_bytes().as_ptr(), suffix.add(1), 8);
            if let Some(value) = value {
                ptr::copy_nonoverlapping(value.as_ptr(), bytes.add(key_len), value.len());
            }
        }
        node
    }
}

/// The MVCC in-memory table. `insert` from one thread at a time; everything else from any thread.
pub struct Memtable {
    /// Boxed: a range or a search holds pointers to it while the memtable may move.
    head: Box<Head>,
    writer: Mutex<Writer>,
    /// Versions, tombstones included.
    len: AtomicUsize,
    bytes: AtomicUsize,
    /// Stored before `first_position` is set, so a reader that sees the first position also sees a
    /// last position at least as new.
    last_position: AtomicU64,
    first_position: OnceLock<u64>,
}

// SAFETY: the raw pointers point into the memtable's own arenas and head, which live as long as
// it does. Nodes are written whole before a release store publishes them and never changed after,
// except through atomics (next pointers, a key's newest version); the writer's state is behind a
// mutex; nothing is freed before the memtable is dropped. So sharing and sending it is as safe as
// sharing its atomics.
unsafe impl Send for Memtable {}
// SAFETY: as for `Send`.
unsafe impl Sync for Memtable {}

/// The figures, never the entries.
impl std::fmt::Debug for Memtable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Memtable")
            .field("len", &self.len())
            .field("approximate_bytes", &self.approximate_bytes())
            .field("first_position", &self.first_position())
            .field("last_position", &self.last_position())
            .finish()
    }
}

impl Default for Memtable {
    fn default() -> Self {
        Self::new()
    }
}

/// The version of a user key that a reader at some position sees; its value borrows the memtable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Version<'m> {
    /// The key holds `value`, written at `position`.
    Put { position: u64, value: &'m [u8] },
    /// The key was deleted at `position`.
    Deleted { position: u64 },
}

impl<'m> Version<'m> {
    pub fn position(&self) -> u64 {
        match *self {
            Version::Put { position, .. } | Version::Deleted { position } => position,
        }
    }

    /// The value's bytes, `None` if the key was deleted.
    pub fn value(&self) -> Option<&'m [u8]> {
        match *self {
            Version::Put { value, .. } => Some(value),
            Version::Deleted { .. } => None,
        }
    }
}

impl Memtable {
    pub fn new() -> Self {
        let head = Box::new(Head {
            node: KeyNode {
                newest: AtomicPtr::new(ptr::null_mut()),
                key_len: 0,
                height: MAX_HEIGHT as u32,
            },
            tower: std::array::from_fn(|_| AtomicPtr::new(ptr::null_mut())),
        });
        Memtable {
            head,
            writer: Mutex::new(Writer {
                index: HashSet::default(),
                keys: Arena::new(),
                versions: Arena::new(),
                // A fixed seed: the heights, and so the bytes charged and the moment a memtable
                // is full, are the same in every run of the same writes (the simulated-disk tests
                // replay a workload to the same IO point). The heights depend on no key, so no
                // writer can choose them.
                random: 0x9E37_79B9_7F4A_7C15,
            }),
            len: AtomicUsize::new(0),
            bytes: AtomicUsize::new(0),
            last_position: AtomicU64::new(0),
            first_position: OnceLock::new(),
        }
    }

    /// The head as a key node: a pointer to the whole `Head`, so its tower is in reach.
    fn head(&self) -> *const KeyNode {
        ptr::from_ref::<Head>(&self.head).cast::<KeyNode>()
    }

    /// Inserts `user_key`'s version at `position`: its value, or a tombstone for `None`. Only the
    /// single writer calls this, in commit order: `position` is at least every position inserted
    /// before, and (`user_key`, `position`) is new. Both are asserted (a violation is a bug in the
    /// caller, and the table would answer reads wrongly), and so are the key and value limits
    /// (`TABLE_USER_KEY_BYTES_MAX`, `SSTABLE_VALUE_BYTES_MAX`), which the caller validated.
    pub fn insert(&self, user_key: &[u8], position: u64, value: Option<&[u8]>) {
        if let Some(last) = self.last_position() {
            assert!(
                position >= last,
                "memtable insert at position {position} after position {last}: positions never decrease"
            );
        }
        assert!(
            user_key.len() <= TABLE_USER_KEY_BYTES_MAX,
            "a user key of {} bytes is over TABLE_USER_KEY_BYTES_MAX ({TABLE_USER_KEY_BYTES_MAX})",
            user_key.len()
        );
        if let Some(value) = value {
            // A value that no sstable can hold could never be flushed.
            assert!(
                value.len() <= SSTABLE_VALUE_BYTES_MAX,
                "memtable value of {} bytes is over SSTABLE_VALUE_BYTES_MAX ({SSTABLE_VALUE_BYTES_MAX})",
                value.len()
            );
        }
        let mut added_bytes = version_charge(
            user_key.len() + VERSION_SUFFIX_BYTES,
            value.map_or(0, <[u8]>::len),
        );
        let mut writer = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        let writer = &mut *writer;
        match writer.index.get(user_key).copied() {
            Some(IndexedKey(node)) => {
                // SAFETY: an indexed node is published and whole; its newest version is only
                // stored by this writer, so a relaxed load reads the last store.
                let newest = unsafe { (*node).newest.load(Ordering::Relaxed) };
                // SAFETY: a published node's newest version is a whole version node.
                let newest_position = unsafe { (*newest).position };
                assert!(
                    newest_position < position,
                    "memtable insert of user key {user_key:02x?} at position {position} twice"
                );
                let version = writer.version(user_key, position, value, newest);
                // Readers that load the newest version from here on see the new one, whole.
                // SAFETY: the node is published and whole.
                unsafe { (*node).newest.store(version.cast_mut(), Ordering::Release) };
            }
            None => {
                let predecessors = self.predecessors(user_key);
                let height = writer.random_height();
                added_bytes += key_charge(user_key.len(), height);
                let version = writer.version(user_key, position, value, ptr::null());
                let node = writer
                    .keys
                    .allocate(KeyNode::size(height, user_key.len()))
                    .cast::<KeyNode>();
                // SAFETY: the arena gave `KeyNode::size` aligned bytes for the header, the tower
                // and the key, all written here before the node is published below. The
                // predecessors are published nodes (or the head) with a tower of at least `level`
                // + 1 pointers: a node is a predecessor only at its own levels.
                unsafe {
                    node.write(KeyNode {
                        newest: AtomicPtr::new(version.cast_mut()),
                        key_len: user_key.len() as u32,
                        height: height as u32,
                    });
                    ptr::copy_nonoverlapping(
                        user_key.as_ptr(),
                        node.cast::<u8>().add(KeyNode::key_offset(height)),
                        user_key.len(),
                    );
                    let tower = KeyNode::tower(node).cast_mut();
                    for (level, &predecessor) in predecessors.iter().enumerate().take(height) {
                        // Only this writer stores next pointers: a relaxed load reads its last.
                        let next = KeyNode::next(predecessor, level).load(Ordering::Relaxed);
                        tower.add(level).write(AtomicPtr::new(next));
                    }
                    // Bottom up: a reader that finds the node at any level finds it at every
                    // level below, as a search descends.
                    for (level, &predecessor) in predecessors.iter().enumerate().take(height) {
                        KeyNode::next(predecessor, level).store(node, Ordering::Release);
                    }
                }
                writer.index.insert(IndexedKey(node));
            }
        }
        added_bytes += writer.keys.take_abandoned() + writer.versions.take_abandoned();
        // Only the writer (holding its mutex) stores these: a load and a store, not a locked
        // read-modify-write (its `lock` prefix showed in the shard's profile).
        self.len
            .store(self.len.load(Ordering::Relaxed) + 1, Ordering::Relaxed);
        self.bytes.store(
            self.bytes.load(Ordering::Relaxed) + added_bytes,
            Ordering::Relaxed,
        );
        self.last_position.store(position, Ordering::Release);
        self.first_position.get_or_init(|| position);
    }

    /// At each level, the last node whose key is below `user_key` (the head if none is). The
    /// writer's search for a new key's place.
    fn predecessors(&self, user_key: &[u8]) -> [*const KeyNode; MAX_HEIGHT] {
        let mut predecessors = [self.head(); MAX_HEIGHT];
        let mut node = self.head();
        for level in (0..MAX_HEIGHT).rev() {
            loop {
                // SAFETY: `node` is the head or a published node reached at this level, so its
                // tower has this level.
                let next = unsafe { KeyNode::next(node, level) }.load(Ordering::Acquire);
                // SAFETY: a non-null next pointer points to a published node.
                if next.is_null() || unsafe { KeyNode::key(next) } >= user_key {
                    break;
                }
                node = next;
            }
            predecessors[level] = node;
        }
        predecessors
    }

    /// The first key node whose key is at or above `user_key`, and whether it is `user_key`.
    fn seek(&self, user_key: &[u8]) -> (*const KeyNode, bool) {
        let mut node = self.head();
        for level in (0..MAX_HEIGHT).rev() {
            loop {
                // SAFETY: as in `predecessors`.
                let next = unsafe { KeyNode::next(node, level) }.load(Ordering::Acquire);
                if next.is_null() {
                    break;
                }
                // SAFETY: a non-null next pointer points to a published node.
                match unsafe { KeyNode::key(next) }.cmp(user_key) {
                    std::cmp::Ordering::Less => node = next,
                    std::cmp::Ordering::Equal => return (next, true),
                    std::cmp::Ordering::Greater => break,
                }
            }
        }
        // SAFETY: as in `predecessors`, at level 0.
        let next = unsafe { KeyNode::next(node, 0) }.load(Ordering::Acquire);
        (next, false)
    }

    /// The key node of `user_key`, if the memtable holds it.
    fn find(&self, user_key: &[u8]) -> Option<*const KeyNode> {
        let (node, found) = self.seek(user_key);
        found.then_some(node)
    }

    /// The newest version of `user_key` at or below position `at`; `None` if this memtable holds
    /// none (an older table may).
    pub fn get(&self, user_key: &[u8], at: u64) -> Option<Version<'_>> {
        let node = self.find(user_key)?;
        // SAFETY: a published node's newest version is published and whole, and so is each older
        // one in its chain.
        unsafe {
            let mut version = (*node).newest.load(Ordering::Acquire).cast_const();
            while !version.is_null() {
                if (*version).position <= at {
                    let position = (*version).position;
                    return Some(match VersionNode::value(version) {
                        Some(value) => Version::Put { position, value },
                        None => Version::Deleted { position },
                    });
                }
                version = (*version).older;
            }
        }
        None
    }

    /// The entries with an internal key in `from..to_exclusive` (to the end for `None`), in
    /// internal-key order: a merge source.
    pub fn range(&self, from: &[u8], to_exclusive: Option<&[u8]>) -> Range<'_> {
        // The user keys with a version at or after `from`: every key at or after `from` (all of
        // its versions are), and, below `from`, only the prefixes of `from` that end where `from`
        // has a 0x00 (the internal keys' terminator): a shorter key that is not such a prefix
        // differs from `from` at a smaller byte or is followed in `from` by a byte above the
        // terminator, so all its versions sort below `from`. A seek is thus one skip-list search
        // per 0x00 in `from` (a handful: the separators of a table key) plus one; the versions
        // below `from` of those prefixes are skipped by comparison.
        let mut prefixes: Vec<*const KeyNode> = from
            .iter()
            .enumerate()
            .filter(|&(_, &byte)| byte == USER_KEY_TERMINATOR)
            .filter_map(|(end, _)| self.find(&from[..end]))
            .collect();
        // Shortest (smallest) first, taken from the back.
        prefixes.reverse();
        let mut range = Range {
            memtable: std::marker::PhantomData,
            key: ptr::null(),
            version: ptr::null(),
            prefixes,
            at_or_after_from: Some(self.seek(from).0),
            from: (!from.is_empty()).then(|| Box::from(from)),
            to_exclusive: to_exclusive.map(Box::from),
        };
        let first = range.next_key();
        range.enter(first);
        range
    }

    /// Every entry in internal-key order (for a flush).
    pub fn iter(&self) -> Range<'_> {
        self.range(&[], None)
    }

    /// The bytes charged for every version and key ([`version_charge`], [`key_charge`]), at least
    /// what their nodes and index slots take, and for the free ends of the chunks the arenas moved
    /// on from. Each arena's newest chunk may hold up to 1 MiB more, reserved and not yet used.
    pub fn approximate_bytes(&self) -> usize {
        self.bytes.load(Ordering::Relaxed)
    }

    /// Entries (versions, tombstones included).
    pub fn len(&self) -> usize {
        self.len.load(Ordering::Relaxed)
    }

    pub fn is_empty(&self) -> bool {
        self.first_position().is_none()
    }

    /// The position of the first insert, `None` while empty.
    pub fn first_position(&self) -> Option<u64> {
        self.first_position.get().copied()
    }

    /// The position of the latest insert, `None` while empty.
    pub fn last_position(&self) -> Option<u64> {
        // Acquire on `first_position` (inside `get`) orders the load after the store of the last
        // position that preceded setting it.
        self.first_position.get()?;
        Some(self.last_position.load(Ordering::Acquire))
    }
}

/// Memtable entries in internal-key order, from a start key to an optional end. Keys and values
/// borrow the memtable; nothing is copied.
///
/// A user key's versions are taken as they were when the range reached the key: a version the
/// writer adds later has a position above every reader's (see the module doc), so no reader
/// misses it.
pub struct Range<'m> {
    memtable: std::marker::PhantomData<&'m Memtable>,
    /// The user key whose versions are being handed out; null when the range is done.
    key: *const KeyNode,
    /// Its next version to hand out, null once its versions are done.
    version: *const VersionNode,
    /// The user keys below `from` that may have versions at or after it (see `Memtable::range`),
    /// to visit first, the smallest last.
    prefixes: Vec<*const KeyNode>,
    /// The first user key at or after `from`, until it is visited; from there on, each key's
    /// successor.
    at_or_after_from: Option<*const KeyNode>,
    /// Versions below this internal key are skipped; `None` once one was not.
    from: Option<Box<[u8]>>,
    to_exclusive: Option<Box<[u8]>>,
}

// SAFETY: the pointers are into a memtable the range borrows (`&'m Memtable` is `Send`: the
// memtable is `Sync`).
unsafe impl Send for Range<'_> {}

impl<'m> Range<'m> {
    fn enter(&mut self, key: *const KeyNode) {
        self.key = key;
        self.version = if key.is_null() {
            ptr::null()
        } else {
            // SAFETY: a published key node of the memtable this range borrows.
            unsafe { (*key).newest.load(Ordering::Acquire) }
        };
    }

    /// The user key after the current one: the prefixes of `from` first, then the first key at
    /// or after `from`, then successors.
    fn next_key(&mut self) -> *const KeyNode {
        if let Some(prefix) = self.prefixes.pop() {
            return prefix;
        }
        if let Some(first) = self.at_or_after_from.take() {
            return first;
        }
        if self.key.is_null() {
            return ptr::null();
        }
        // SAFETY: a published key node; level 0 is in every tower.
        unsafe { KeyNode::next(self.key, 0) }.load(Ordering::Acquire)
    }
}

impl<'m> Iterator for Range<'m> {
    type Item = VersionedEntry<'m>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.key.is_null() {
                return None;
            }
            if self.version.is_null() {
                let next = self.next_key();
                self.enter(next);
                continue;
            }
            let version = self.version;
            // SAFETY: a published version of the borrowed memtable; its chain is whole.
            let (key, value) = unsafe {
                self.version = (*version).older;
                (VersionNode::key(version), VersionNode::value(version))
            };
            if let Some(from) = &self.from {
                if key < from.as_ref() {
                    continue;
                }
                self.from = None;
            }
            if let Some(end) = &self.to_exclusive {
                if key >= end.as_ref() {
                    self.key = ptr::null();
                    return None;
                }
            }
            debug_assert!(split_versioned(key).is_ok_and(|(user_key, position)| {
                // SAFETY: as above.
                user_key == unsafe { KeyNode::key(self.key) }
                    && position == unsafe { (*version).position }
            }));
            return Some(VersionedEntry {
                key: EntryBytes::Borrowed(key),
                value: value.map(EntryBytes::Borrowed),
            });
        }
    }
}

/// Small enough for Miri (`cargo +nightly miri test -p aorta-engine --lib table::memtable`), which
/// checks the pointer arithmetic, the provenance of the head's tower and the orderings between the
/// writer and a reader; the behaviour is tested at scale in
/// `tests/memtable_reads_are_consistent_at_a_position.rs`.
#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::sync::Arc;

    use super::*;
    use crate::table::version::versioned_key;

    fn key(i: u64) -> Vec<u8> {
        format!("key-{:03}", (i * 7) % 40).into_bytes()
    }

    #[test]
    fn nodes_of_every_kind_read_back_whole() {
        let memtable = Memtable::new();
        let large = vec![9u8; ARENA_CHUNK_BYTES_MIN];
        for position in 1..=60u64 {
            let value = match position % 3 {
                0 => None,
                1 => Some(large.as_slice()),
                _ => Some(&b"small"[..]),
            };
            memtable.insert(&key(position), position, value);
        }
        for position in 1..=60u64 {
            let version = memtable.get(&key(position), position).unwrap();
            assert_eq!(version.position(), position);
            assert_eq!(
                version.value().map(<[u8]>::len),
                match position % 3 {
                    0 => None,
                    1 => Some(large.len()),
                    _ => Some(5),
                }
            );
        }
        let keys: Vec<Vec<u8>> = memtable.iter().map(|entry| entry.key.to_vec()).collect();
        let mut expected: Vec<Vec<u8>> = (1..=60).map(|p| versioned_key(&key(p), p)).collect();
        expected.sort();
        assert_eq!(keys, expected);
    }

    #[test]
    fn a_reader_on_another_thread_sees_whole_nodes() {
        let memtable = Arc::new(Memtable::new());
        let published = Arc::new(AtomicU64::new(0));
        let reader = {
            let (memtable, published) = (Arc::clone(&memtable), Arc::clone(&published));
            std::thread::spawn(move || {
                let mut seen = 0;
                while seen < 30 {
                    let at = published.load(Ordering::Acquire);
                    for position in 1..=at {
                        let version = memtable.get(&key(position), at).unwrap();
                        assert!(version.position() <= at);
                        assert_eq!(version.value().unwrap()[0], version.position() as u8);
                    }
                    assert!(memtable.iter().count() as u64 >= at);
                    seen = at;
                }
            })
        };
        for position in 1..=30u64 {
            memtable.insert(&key(position), position, Some(&[position as u8; 16]));
            published.store(position, Ordering::Release);
        }
        reader.join().unwrap();
    }
}
