//! `ChunkedDeque`: a double-ended queue in fixed chunks, for the history's changes and batches.
//!
//! Why not `VecDeque`: it grows by doubling, and each doubling copies every entry into a new
//! allocation (and faults its pages in) on the thread that pushes — the shard's, under the
//! history's lock. At hundreds of thousands of changes one push took tens of milliseconds
//! (`docs/benchmarks.md`, "The history in chunks"). Here a push fills the last chunk or starts a
//! new one of `CHUNK_ENTRIES`, and a pop empties the first one; no entry ever moves, so the cost of
//! a push does not depend on how many entries are kept. The spare capacity is bounded too: at most
//! one partly filled chunk at each end, plus one emptied chunk kept for the next push.
//!
//! Invariant: every chunk but the first and the last is full, and no chunk is empty. So entry `i`
//! is found with one division (see [`ChunkedDeque::get`]).

use std::collections::VecDeque;

/// Entries per chunk: large enough that the outer deque of chunks stays small (a million entries
/// are 245 chunks), small enough that a fresh chunk is a small allocation.
pub const CHUNK_ENTRIES: usize = 4096;

pub struct ChunkedDeque<T> {
    chunks: VecDeque<VecDeque<T>>,
    len: usize,
    /// An emptied chunk, kept for the next push that needs one: steady pushing and popping then
    /// allocates nothing.
    spare: Option<VecDeque<T>>,
}

impl<T> Default for ChunkedDeque<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T> ChunkedDeque<T> {
    pub fn new() -> Self {
        ChunkedDeque {
            chunks: VecDeque::new(),
            len: 0,
            spare: None,
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn push_back(&mut self, value: T) {
        let needs_chunk = self
            .chunks
            .back()
            .is_none_or(|last| last.len() == CHUNK_ENTRIES);
        if needs_chunk {
            let chunk = self
                .spare
                .take()
                .unwrap_or_else(|| VecDeque::with_capacity(CHUNK_ENTRIES));
            debug_assert!(chunk.is_empty() && chunk.capacity() >= CHUNK_ENTRIES);
            self.chunks.push_back(chunk);
        }
        let last = self.chunks.back_mut().expect("a chunk with room");
        debug_assert!(last.len() < CHUNK_ENTRIES);
        last.push_back(value);
        self.len += 1;
    }

    pub fn pop_front(&mut self) -> Option<T> {
        let first = self.chunks.front_mut()?;
        let value = first
            .pop_front()
            .expect("no chunk is empty (the invariant)");
        if first.is_empty() {
            let emptied = self.chunks.pop_front().expect("the first chunk");
            self.spare = Some(emptied);
        }
        self.len -= 1;
        Some(value)
    }

    pub fn front(&self) -> Option<&T> {
        self.chunks.front().and_then(VecDeque::front)
    }

    pub fn back_mut(&mut self) -> Option<&mut T> {
        self.chunks.back_mut().and_then(VecDeque::back_mut)
    }

    /// Where entry `index` is: (chunk, index in the chunk). The first chunk may have been popped
    /// from; every later chunk starts full-aligned after it.
    fn locate(&self, index: usize) -> (usize, usize) {
        debug_assert!(index < self.len);
        let first = self.chunks[0].len();
        if index < first {
            (0, index)
        } else {
            let rest = index - first;
            (1 + rest / CHUNK_ENTRIES, rest % CHUNK_ENTRIES)
        }
    }

    pub fn get(&self, index: usize) -> Option<&T> {
        if index >= self.len {
            return None;
        }
        let (chunk, at) = self.locate(index);
        self.chunks[chunk].get(at)
    }

    /// The first index whose entry does not satisfy `pred`, given that every entry that satisfies
    /// it comes before every one that does not (as `slice::partition_point`).
    pub fn partition_point(&self, mut pred: impl FnMut(&T) -> bool) -> usize {
        let (mut low, mut high) = (0, self.len);
        while low < high {
            let middle = low + (high - low) / 2;
            if pred(&self[middle]) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        low
    }

    /// The entries from `start` to the end, in order (none if `start` is past the end), as
    /// contiguous slices: a chunk's entries are one slice, or two where the chunk wraps.
    pub fn slices_from(&self, start: usize) -> impl Iterator<Item = &[T]> + '_ {
        let (first_chunk, offset) = if start < self.len {
            self.locate(start)
        } else {
            (self.chunks.len(), 0)
        };
        self.chunks
            .range(first_chunk..)
            .enumerate()
            .flat_map(move |(k, chunk)| {
                let (front, back) = chunk.as_slices();
                let skip = if k == 0 { offset } else { 0 };
                // The chunk's first `skip` entries are not asked for: cut them off the front
                // slice, and off the back one for what the front slice did not hold.
                let front_skip = skip.min(front.len());
                let back_skip = skip - front_skip;
                [&front[front_skip..], &back[back_skip..]]
            })
            .filter(|slice| !slice.is_empty())
    }

    /// The entries from `start` to the end, in order (none if `start` is past the end).
    pub fn iter_from(&self, start: usize) -> impl Iterator<Item = &T> + '_ {
        self.slices_from(start).flat_map(<[T]>::iter)
    }
}

/// As a list of its entries, as `VecDeque` shows itself.
impl<T: std::fmt::Debug> std::fmt::Debug for ChunkedDeque<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter_from(0)).finish()
    }
}

impl<T> std::ops::Index<usize> for ChunkedDeque<T> {
    type Output = T;

    fn index(&self, index: usize) -> &T {
        self.get(index).unwrap_or_else(|| {
            panic!(
                "index {index} out of a chunked deque of {} entries",
                self.len
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Drives a `ChunkedDeque` and a `VecDeque` with the same pushes and pops, and checks that they
    /// hold the same entries, found the same way, at every step.
    #[test]
    fn a_chunked_deque_holds_what_a_vec_deque_holds() {
        let mut chunked = ChunkedDeque::new();
        let mut reference = VecDeque::new();
        let mut next = 0u64;
        // A cheap deterministic sequence of operations (xorshift): runs of pushes and pops that
        // cross chunk boundaries at both ends, empty the deque and fill it again.
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..400 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let run = (state % (3 * CHUNK_ENTRIES as u64)) as usize;
            if state % 3 == 0 {
                for _ in 0..run {
                    assert_eq!(chunked.pop_front(), reference.pop_front());
                }
            } else {
                for _ in 0..run {
                    chunked.push_back(next);
                    reference.push_back(next);
                    next += 1;
                }
            }
            assert_eq!(chunked.len(), reference.len());
            assert_eq!(chunked.is_empty(), reference.is_empty());
            assert_eq!(chunked.front(), reference.front());
            for probe in [0, 1, CHUNK_ENTRIES - 1, CHUNK_ENTRIES, reference.len() / 2] {
                assert_eq!(chunked.get(probe), reference.get(probe));
                let by_slices: Vec<_> = chunked.slices_from(probe).flatten().collect();
                assert_eq!(by_slices.len(), reference.len().saturating_sub(probe));
                assert_eq!(by_slices.first().copied(), reference.get(probe));
                assert_eq!(
                    chunked.iter_from(probe).take(5).collect::<Vec<_>>(),
                    reference
                        .range(probe.min(reference.len())..)
                        .take(5)
                        .collect::<Vec<_>>()
                );
            }
            if let Some(last) = reference.len().checked_sub(1) {
                assert_eq!(chunked.get(last), reference.get(last));
                assert_eq!(chunked.get(last + 1), None);
                let cut = reference[reference.len() / 3];
                assert_eq!(
                    chunked.partition_point(|&v| v < cut),
                    reference.partition_point(|&v| v < cut)
                );
            }
        }
        assert_eq!(
            chunked.iter_from(0).copied().collect::<Vec<_>>(),
            reference.iter().copied().collect::<Vec<_>>()
        );
    }

    #[test]
    fn entries_never_move_while_the_deque_grows() {
        let mut deque = ChunkedDeque::new();
        deque.push_back(0u32);
        let first: *const u32 = &deque[0];
        for value in 1..(10 * CHUNK_ENTRIES as u32) {
            deque.push_back(value);
        }
        // A `VecDeque` would have reallocated (and moved its first entry) a dozen times by now.
        assert!(std::ptr::eq(first, &deque[0]));
    }

    #[test]
    fn an_emptied_chunk_is_kept_and_taken_by_the_next_push() {
        let mut deque = ChunkedDeque::new();
        for value in 0..(CHUNK_ENTRIES + 1) as u32 {
            deque.push_back(value);
        }
        assert!(deque.spare.is_none());
        for _ in 0..CHUNK_ENTRIES {
            deque.pop_front();
        }
        assert_eq!(deque.len(), 1);
        assert!(deque.spare.is_some(), "the emptied first chunk is kept");
        for value in 0..CHUNK_ENTRIES as u32 {
            deque.push_back(value);
        }
        assert!(
            deque.spare.is_none(),
            "the push that needed a chunk took it"
        );
        assert_eq!(deque.chunks.len(), 2);
    }
}
