//! The documents of a segment's field that a query word matches, read from
//! the postings once and kept while the segment lives.
//!
//! A segment never changes once written (deletes are a separate bitset,
//! applied after matching), so a word's documents in it stay true until a
//! merge replaces the segment; the entries of segments gone are dropped
//! with their fact tables. This is Lucene's `LRUQueryCache` idea for the
//! one query part that repeats across searches whatever else they ask: a
//! short word or prefix (`lab`, `data`) walks thousands of postings, and
//! the same few words come back search after search. Whole searches are
//! not kept: their filters, pages and sorts vary too much.
//!
//! Bounded by bytes (a bit per document of the segment an entry belongs
//! to), least recently used out first. A word is kept the second time it
//! is asked for within the last `HISTORY` lookups, so that a stream of
//! one-off words (typos, names) does not push out the common ones.

use std::{
    collections::{HashMap, VecDeque},
    hash::{BuildHasher, Hash, RandomState},
    sync::{Arc, Mutex, PoisonError},
};

use tantivy::{index::SegmentId, schema::Field};

use super::matching::Bits;

/// What the kept bitsets may take in all (with 100,000 documents in one
/// segment, about 1,300 words).
pub const BUDGET_BYTES: usize = 16 * 1024 * 1024;

/// How many recent lookups are remembered when deciding what to keep.
const HISTORY: usize = 256;

/// Which documents a cache entry names: those holding the exact word, or
/// those holding a word that the typo rule of `word` (as a prefix or as a
/// whole word) matches.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Matched {
    Exact,
    Rule { prefix: bool },
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    segment: SegmentId,
    field: Field,
    word: String,
    matched: Matched,
}

struct Entry {
    documents: Arc<Bits>,
    last_used: u64,
}

#[derive(Default)]
struct Kept {
    entries: HashMap<Key, Entry>,
    bytes: usize,
    /// Bumped on every lookup: an entry's `last_used` says how recent it is.
    clock: u64,
    /// Hashes of the latest lookups that missed.
    recent: VecDeque<u64>,
    /// The live segments last told (`keep_segments`).
    live: Vec<SegmentId>,
}

/// Words' documents per segment and field (see the module's comment).
pub struct WordCache {
    budget: usize,
    hasher: RandomState,
    kept: Mutex<Kept>,
}

impl Default for WordCache {
    fn default() -> Self {
        WordCache::with_budget(BUDGET_BYTES)
    }
}

impl WordCache {
    /// A cache holding at most `budget` bytes of bitsets (0: keeps nothing,
    /// every lookup reads the postings).
    pub fn with_budget(budget: usize) -> Self {
        WordCache {
            budget,
            hasher: RandomState::new(),
            kept: Mutex::default(),
        }
    }

    fn kept(&self) -> std::sync::MutexGuard<'_, Kept> {
        // The map is whole between statements: a panic elsewhere cannot
        // leave it half changed.
        self.kept.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The documents of `segment`'s `field` that `word` matches as
    /// `matched` says, kept or read by `read` (outside the lock: two
    /// searches may read the same word at once, and one of them keeps it).
    pub fn documents<E>(
        &self,
        segment: SegmentId,
        field: Field,
        word: &str,
        matched: Matched,
        read: impl FnOnce() -> Result<Bits, E>,
    ) -> Result<Arc<Bits>, E> {
        if self.budget == 0 {
            return read().map(Arc::new);
        }
        let key = Key {
            segment,
            field,
            word: word.to_owned(),
            matched,
        };
        let hash = self.hasher.hash_one(&key);
        {
            let mut kept = self.kept();
            kept.clock += 1;
            let now = kept.clock;
            if let Some(entry) = kept.entries.get_mut(&key) {
                entry.last_used = now;
                return Ok(Arc::clone(&entry.documents));
            }
        }
        let documents = Arc::new(read()?);
        let mut kept = self.kept();
        let seen_lately = kept.recent.contains(&hash);
        if kept.recent.len() == HISTORY {
            kept.recent.pop_front();
        }
        kept.recent.push_back(hash);
        let bytes = documents.bytes();
        if seen_lately && bytes <= self.budget && !kept.entries.contains_key(&key) {
            kept.bytes += bytes;
            let last_used = kept.clock;
            kept.entries.insert(
                key,
                Entry {
                    documents: Arc::clone(&documents),
                    last_used,
                },
            );
            if kept.bytes > self.budget {
                kept.evict(self.budget);
            }
        }
        Ok(documents)
    }

    /// Forgets the words of segments not in `live` (merged away). Words a
    /// search on an older view of the index adds afterwards for a segment
    /// gone wait for the next change of segments, or age out.
    pub fn keep_segments(&self, live: &[SegmentId]) {
        let mut kept = self.kept();
        if kept.live == live {
            return;
        }
        kept.live = live.to_vec();
        kept.entries.retain(|key, _| live.contains(&key.segment));
        kept.bytes = kept.entries.values().map(|e| e.documents.bytes()).sum();
    }

    /// How many bytes of bitsets are kept.
    pub fn bytes(&self) -> usize {
        self.kept().bytes
    }
}

impl Kept {
    /// Drops the least recently used entries down to three quarters of the
    /// budget, so that eviction's sort runs once per many insertions.
    fn evict(&mut self, budget: usize) {
        let mut by_age: Vec<(u64, Key)> = self
            .entries
            .iter()
            .map(|(key, entry)| (entry.last_used, key.clone()))
            .collect();
        by_age.sort_unstable_by_key(|(last_used, _)| *last_used);
        for (_, key) in by_age {
            if self.bytes <= budget / 4 * 3 {
                break;
            }
            if let Some(entry) = self.entries.remove(&key) {
                self.bytes -= entry.documents.bytes();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segment() -> SegmentId {
        SegmentId::generate_random()
    }

    fn bits(len: usize, member: usize) -> Bits {
        let mut bits = Bits::empty(len);
        bits.insert(member);
        bits
    }

    fn look_up(cache: &WordCache, segment: SegmentId, word: &str, reads: &mut usize) -> Arc<Bits> {
        cache
            .documents(
                segment,
                Field::from_field_id(0),
                word,
                Matched::Rule { prefix: true },
                || {
                    *reads += 1;
                    Ok::<_, ()>(bits(640, word.len()))
                },
            )
            .unwrap()
    }

    #[test]
    fn a_word_is_kept_from_its_second_lookup_on() {
        let cache = WordCache::default();
        let (s, mut reads) = (segment(), 0);
        for _ in 0..4 {
            assert_eq!(*look_up(&cache, s, "lab", &mut reads), bits(640, 3));
        }
        assert_eq!(reads, 2, "read twice, then kept");
        look_up(&cache, segment(), "lab", &mut reads);
        assert_eq!(reads, 3, "another segment is another entry");
    }

    #[test]
    fn the_least_recently_used_words_go_first_past_the_budget() {
        // 640 documents: 80 bytes an entry; room for four.
        let cache = WordCache::with_budget(320);
        let (s, mut reads) = (segment(), 0);
        let words = ["a", "bb", "ccc", "dddd"];
        for word in words.iter().chain(&words) {
            look_up(&cache, s, word, &mut reads);
        }
        assert_eq!(cache.bytes(), 320);
        look_up(&cache, s, "a", &mut reads); // the most recent now
        for _ in 0..2 {
            look_up(&cache, s, "eeeee", &mut reads);
        }
        assert!(cache.bytes() <= 320);
        let before = reads;
        look_up(&cache, s, "a", &mut reads);
        assert_eq!(reads, before, "the recently used word stayed");
        look_up(&cache, s, "bb", &mut reads);
        assert_eq!(reads, before + 1, "the oldest went");
    }

    #[test]
    fn the_words_of_segments_gone_are_forgotten() {
        let cache = WordCache::default();
        let (old, new, mut reads) = (segment(), segment(), 0);
        for _ in 0..2 {
            look_up(&cache, old, "lab", &mut reads);
            look_up(&cache, new, "lab", &mut reads);
        }
        assert_eq!(cache.bytes(), 160);
        cache.keep_segments(&[new]);
        assert_eq!(cache.bytes(), 80);
    }

    #[test]
    fn a_cache_without_budget_reads_every_time() {
        let cache = WordCache::with_budget(0);
        let (s, mut reads) = (segment(), 0);
        for _ in 0..3 {
            look_up(&cache, s, "lab", &mut reads);
        }
        assert_eq!((reads, cache.bytes()), (3, 0));
    }
}
