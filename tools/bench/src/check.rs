//! The delivery check of w2 and w3: every reader (each w2 watcher, the w3 catch-up reader) must
//! receive exactly the changes written, each once: none missing, none twice, none that was not
//! written. Both workloads write each change to a key of its own, so a change is named by its
//! key's index, which every system's reader reads back from the key it delivers
//! ([`crate::systems::key_index`]).
//!
//! Memory: one bit per key index up to the largest written (w2's and w3's indexes are the
//! operations' numbers, 0, 1, 2, …), once for the set written and once per reader being checked.

use std::time::Duration;

use serde::Serialize;

/// Once a reader has received as many changes as were written, it keeps listening this long: a
/// delivery then is an extra one (a duplicate, or a change that was not written), and fails the
/// check.
pub const EXTRA_WINDOW: Duration = Duration::from_millis(300);

/// A set of key indexes, as a bitmap.
#[derive(Clone, Debug, Default)]
pub struct KeySet {
    words: Vec<u64>,
    len: u64,
}

impl KeySet {
    /// The indexes `0..count`.
    pub fn range(count: u64) -> KeySet {
        let mut set = KeySet::with_capacity(count);
        let full = (count / 64) as usize;
        set.words[..full].fill(u64::MAX);
        if !count.is_multiple_of(64) {
            set.words[full] = (1 << (count % 64)) - 1;
        }
        set.len = count;
        set
    }

    /// An empty set with room for the indexes `0..bound` without growing.
    fn with_capacity(bound: u64) -> KeySet {
        KeySet {
            words: vec![0; bound.div_ceil(64) as usize],
            len: 0,
        }
    }

    /// Adds `key`; whether it was absent.
    pub fn insert(&mut self, key: u64) -> bool {
        let (word, bit) = ((key / 64) as usize, key % 64);
        if word >= self.words.len() {
            self.words.resize(word + 1, 0);
        }
        let absent = self.words[word] & (1 << bit) == 0;
        self.words[word] |= 1 << bit;
        self.len += u64::from(absent);
        absent
    }

    pub fn contains(&self, key: u64) -> bool {
        let (word, bit) = ((key / 64) as usize, key % 64);
        self.words
            .get(word)
            .is_some_and(|word| word & (1 << bit) != 0)
    }

    pub fn len(&self) -> u64 {
        self.len
    }

    /// One more than the largest index the set can hold without growing.
    fn bound(&self) -> u64 {
        self.words.len() as u64 * 64
    }
}

impl FromIterator<u64> for KeySet {
    fn from_iter<Keys: IntoIterator<Item = u64>>(keys: Keys) -> KeySet {
        let mut set = KeySet::default();
        for key in keys {
            set.insert(key);
        }
        set
    }
}

/// What one reader received, against the changes written.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DeliveryCheck {
    /// Deliveries received, extra ones included.
    pub received: u64,
    /// Changes written that the reader never received.
    pub missing: u64,
    /// Deliveries of a change the reader had received already.
    pub duplicates: u64,
    /// Deliveries of no change written (a key outside the set written, or one the tool could not
    /// read).
    pub unknown: u64,
}

impl DeliveryCheck {
    /// Every change written received, once, and nothing else.
    pub fn exact(&self) -> bool {
        self.missing == 0 && self.duplicates == 0 && self.unknown == 0
    }
}

/// Checks one reader's deliveries as they come: `record` each delivery's key index (`None`: a key
/// the tool could not read), then `finish`.
pub struct Checker<'a> {
    written: &'a KeySet,
    seen: KeySet,
    check: DeliveryCheck,
}

impl<'a> Checker<'a> {
    pub fn new(written: &'a KeySet) -> Checker<'a> {
        Checker {
            written,
            // Only keys of the set written are kept: the bitmap never outgrows that one.
            seen: KeySet::with_capacity(written.bound()),
            check: DeliveryCheck::default(),
        }
    }

    pub fn record(&mut self, key: Option<u64>) {
        self.check.received += 1;
        match key {
            Some(key) if self.written.contains(key) => {
                if !self.seen.insert(key) {
                    self.check.duplicates += 1;
                }
            }
            _ => self.check.unknown += 1,
        }
    }

    pub fn received(&self) -> u64 {
        self.check.received
    }

    pub fn finish(mut self) -> DeliveryCheck {
        self.check.missing = self.written.len() - self.seen.len();
        self.check
    }
}

/// The check of one reader's deliveries, whole.
pub fn check(written: &KeySet, keys: impl IntoIterator<Item = Option<u64>>) -> DeliveryCheck {
    let mut checker = Checker::new(written);
    for key in keys {
        checker.record(key);
    }
    checker.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(keys: &[u64]) -> Vec<Option<u64>> {
        keys.iter().copied().map(Some).collect()
    }

    #[test]
    fn the_exact_set_passes_in_any_order() {
        let written = KeySet::range(5);
        let received = check(&written, keys(&[3, 0, 4, 1, 2]));
        assert_eq!(
            received,
            DeliveryCheck {
                received: 5,
                ..DeliveryCheck::default()
            }
        );
        assert!(received.exact());
    }

    #[test]
    fn a_duplicate_and_a_loss_are_caught_though_the_count_matches() {
        let written = KeySet::range(5);
        let received = check(&written, keys(&[0, 1, 1, 3, 4]));
        assert_eq!(received.received, written.len());
        assert_eq!(received.duplicates, 1);
        assert_eq!(received.missing, 1);
        assert_eq!(received.unknown, 0);
        assert!(!received.exact());
    }

    #[test]
    fn an_extra_delivery_is_caught() {
        let written = KeySet::range(3);
        // Again after the whole set: a duplicate.
        let again = check(&written, keys(&[0, 1, 2, 1]));
        assert_eq!((again.duplicates, again.missing, again.unknown), (1, 0, 0));
        assert!(!again.exact());
        // A change never written, or a key the tool could not read: unknown.
        let other = check(&written, keys(&[0, 1, 2, 3]));
        assert_eq!((other.duplicates, other.missing, other.unknown), (0, 0, 1));
        assert!(!other.exact());
        let unreadable = check(&written, [Some(0), Some(1), Some(2), None]);
        assert_eq!(unreadable.unknown, 1);
        assert!(!unreadable.exact());
        // A huge key costs nothing: the reader's bitmap keeps the written ones only.
        let huge = check(&written, keys(&[0, 1, 2, u64::MAX]));
        assert_eq!(huge.unknown, 1);
    }

    #[test]
    fn a_set_of_keys_with_gaps_is_checked_against_its_own_keys() {
        // w2 for a duration: the keys acknowledged need not be 0..n.
        let written: KeySet = [0, 1, 2, 4, 70].into_iter().collect();
        assert_eq!(written.len(), 5);
        assert!(check(&written, keys(&[70, 4, 2, 1, 0])).exact());
        let gap = check(&written, keys(&[0, 1, 2, 3, 70]));
        assert_eq!((gap.missing, gap.unknown), (1, 1));
    }

    #[test]
    fn a_range_holds_exactly_its_keys() {
        for count in [0, 1, 63, 64, 65, 200] {
            let set = KeySet::range(count);
            assert_eq!(set.len(), count);
            assert!((0..count).all(|key| set.contains(key)), "{count}");
            assert!(!set.contains(count), "{count}");
            assert!(!set.contains(count + 64), "{count}");
        }
    }
}
