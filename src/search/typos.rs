//! When a word of a query matches a word of a posting: the one written rule
//! (README, "How search matches words") that the embedded engine, the
//! database fallback and Meilisearch all follow. It is Meilisearch's default
//! rule, written out so the other two can follow it exactly:
//!
//! - Typo budget by the query word's length in characters: none under 5,
//!   one from 5, two from 9. A typo is a letter added, removed, replaced, or
//!   two neighbours swapped.
//! - A typo on the first letter counts as two: with a budget of one the
//!   first letter must be right; with two, a wrong first letter leaves no
//!   other typo.
//! - The last word of a query is also a prefix: it matches a posting word
//!   that *starts with* something within its budget (`robo` finds
//!   `robotics`). Every other word must match a whole word.
//!
//! The rule is one byte automaton (`WordRule`): the embedded engine walks
//! tantivy's term dictionary with it (`text`), and the fallback its own
//! vocabulary.

use std::{
    collections::HashMap,
    sync::{Arc, LazyLock, Mutex, MutexGuard, PoisonError},
};

use levenshtein_automata::{DFA, Distance, LevenshteinAutomatonBuilder, SINK_STATE};
use tantivy_fst::Automaton;

/// Built once each: building one takes milliseconds. Swaps cost one, as in
/// Meilisearch.
static DISTANCE: LazyLock<[LevenshteinAutomatonBuilder; 3]> =
    LazyLock::new(|| [0, 1, 2].map(|typos| LevenshteinAutomatonBuilder::new(typos, true)));

/// At most this many automaton states (a kilobyte each: 8 MiB) are kept
/// in built rules (`WordRule::shared`).
const KEPT_STATES: usize = 8 * 1024;

/// The rules built lately, by word and whether it is read as a prefix.
#[derive(Default)]
struct Kept {
    rules: HashMap<(String, bool), Arc<WordRule>>,
    states: usize,
}

static KEPT: LazyLock<Mutex<Kept>> = LazyLock::new(Mutex::default);

fn kept() -> MutexGuard<'static, Kept> {
    KEPT.lock().unwrap_or_else(PoisonError::into_inner)
}

/// How many typos a query word may carry: none under 5 characters, one from
/// 5, two from 9 (Meilisearch's `minWordSizeForTypos` defaults, which the
/// Meilisearch engine also sets explicitly).
pub fn typo_budget(word: &str) -> u8 {
    match word.chars().count() {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// The posting words one query word matches, as a byte automaton.
pub struct WordRule {
    /// The bytes of the query word's first character.
    first: Vec<u8>,
    /// Within the whole budget, for words with the same first character.
    same_first: DFA,
    /// Within one typo, for words with another first character (that typo
    /// counts as two): only when the budget is two.
    other_first: Option<DFA>,
}

impl std::fmt::Debug for WordRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WordRule")
            .field("first", &self.first)
            .finish_non_exhaustive()
    }
}

/// Where a `WordRule` is in a posting word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleState {
    same: u32,
    other: u32,
    first: First,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum First {
    /// This many bytes of the first character read and equal so far.
    Reading(usize),
    Same,
    Other,
}

impl WordRule {
    /// The rule for `word` (already folded as the index folds words);
    /// `prefix` for the last word of a query.
    pub fn new(word: &str, prefix: bool) -> Self {
        let build = |typos: u8| {
            let builder = &DISTANCE[usize::from(typos)];
            if prefix {
                builder.build_prefix_dfa(word)
            } else {
                builder.build_dfa(word)
            }
        };
        let budget = typo_budget(word);
        WordRule {
            first: word
                .chars()
                .next()
                .map(|c| c.to_string().into_bytes())
                .unwrap_or_default(),
            same_first: build(budget),
            other_first: (budget == 2).then(|| build(1)),
        }
    }

    /// The rule for `word`, built once for as long as it stays among the
    /// rules kept (`KEPT_STATES`): building one costs more than the
    /// dictionary walk it drives, and searches repeat their words.
    pub fn shared(word: &str, prefix: bool) -> Arc<Self> {
        let key = (word.to_owned(), prefix);
        if let Some(rule) = kept().rules.get(&key) {
            return Arc::clone(rule);
        }
        let rule = Arc::new(WordRule::new(word, prefix));
        let mut kept = kept();
        // Start afresh rather than grow past the budget.
        if kept.states + rule.states() > KEPT_STATES {
            kept.rules.clear();
            kept.states = 0;
        }
        kept.states += rule.states();
        if let Some(replaced) = kept.rules.insert(key, Arc::clone(&rule)) {
            kept.states -= replaced.states();
        }
        rule
    }

    /// The automaton states it holds (a kilobyte each).
    fn states(&self) -> usize {
        self.same_first.num_states() + self.other_first.as_ref().map_or(0, DFA::num_states)
    }

    /// Whether `word` (a whole posting word) matches.
    pub fn matches(&self, word: &str) -> bool {
        let mut state = self.start();
        for &byte in word.as_bytes() {
            if !self.can_match(&state) {
                return false;
            }
            state = self.accept(&state, byte);
        }
        self.is_match(&state)
    }
}

fn within(dfa: &DFA, state: u32) -> bool {
    matches!(dfa.distance(state), Distance::Exact(_))
}

impl Automaton for WordRule {
    type State = RuleState;

    fn start(&self) -> RuleState {
        RuleState {
            same: self.same_first.initial_state(),
            other: self
                .other_first
                .as_ref()
                .map_or(SINK_STATE, DFA::initial_state),
            first: if self.first.is_empty() {
                First::Same
            } else {
                First::Reading(0)
            },
        }
    }

    fn is_match(&self, state: &RuleState) -> bool {
        match state.first {
            First::Reading(_) => false,
            First::Same => within(&self.same_first, state.same),
            First::Other => self
                .other_first
                .as_ref()
                .is_some_and(|dfa| within(dfa, state.other)),
        }
    }

    fn can_match(&self, state: &RuleState) -> bool {
        match state.first {
            First::Reading(_) => state.same != SINK_STATE || state.other != SINK_STATE,
            First::Same => state.same != SINK_STATE,
            First::Other => state.other != SINK_STATE,
        }
    }

    fn accept(&self, state: &RuleState, byte: u8) -> RuleState {
        let first = match state.first {
            First::Reading(read) if self.first.get(read) == Some(&byte) => {
                if read + 1 == self.first.len() {
                    First::Same
                } else {
                    First::Reading(read + 1)
                }
            }
            First::Reading(_) => First::Other,
            settled => settled,
        };
        RuleState {
            same: self.same_first.transition(state.same, byte),
            other: match &self.other_first {
                Some(dfa) => dfa.transition(state.other, byte),
                None => SINK_STATE,
            },
            first,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(query: &str, posting: &str) -> bool {
        WordRule::new(query, false).matches(posting)
    }

    fn prefix(query: &str, posting: &str) -> bool {
        WordRule::new(query, true).matches(posting)
    }

    #[test]
    fn the_budget_grows_with_the_length_of_the_word() {
        assert!(word("code", "code"));
        assert!(!word("cide", "code"), "no typo under 5 letters");
        assert!(word("robtics", "robotics"), "one typo from 5 letters");
        assert!(!word("robtcs", "robotics"), "two typos need 9 letters");
        assert!(word("mircobiolgy", "microbiology"), "a swap and a drop");
        assert!(word("elecrtical", "electrical"), "a swap counts as one");
        assert!(!word("anlyst", "analysis"));
    }

    #[test]
    fn a_wrong_first_letter_counts_as_two_typos() {
        assert!(
            !word("xobotics", "robotics"),
            "budget one: first letter must be right"
        );
        assert!(
            word("xicrobiology", "microbiology"),
            "budget two: the one typo"
        );
        assert!(!word("xicrobiolgy", "microbiology"), "and no other");
        assert!(
            word("micrbiolgy", "microbiology"),
            "two typos after the first letter"
        );
    }

    #[test]
    fn only_a_prefix_rule_matches_the_start_of_a_longer_word() {
        assert!(!word("robo", "robotics"));
        assert!(prefix("robo", "robotics"));
        assert!(prefix("robot", "robotics"));
        assert!(prefix("robtic", "robotics"), "a prefix within its budget");
        assert!(!prefix("rbo", "robotics"), "no typo under 5 letters");
        assert!(!prefix("xobot", "robotics"));
        assert!(
            prefix("analyst", "analysis"),
            "analysi is one typo from analyst"
        );
    }
}
