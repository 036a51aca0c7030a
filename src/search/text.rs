//! The words of an embedded search, segment by segment: which documents
//! they match, and how relevant each one is.
//!
//! Matching is read straight from the postings into bitsets: a word with a
//! rule (`typos`: the last word, or one long enough for typos) matches what
//! its rule matches in the `all` field; any other word is the exact word
//! there. Relevance is tantivy's BM25 on the exact word (title ×3,
//! organization ×2, body ×1) plus 2 for a near miss in the title and 1 for
//! the rule's match, the sum over the words: the scores a boolean query of
//! those clauses gives. It is worked out only for the documents the
//! filters keep, and only when results are ranked by relevance, so a short
//! prefix matching half the index costs a walk of its postings, not a
//! scored union of every clause over every match. A word's documents in a
//! segment are read once and kept while the segment lives (`word_cache`):
//! the same words come back search after search.

use std::sync::Arc;

use tantivy::{
    DocId, DocSet, InvertedIndexReader, Score, Searcher, SegmentReader, Term,
    postings::TermInfo,
    query::{EnableScoring, Query, Scorer, TermQuery, Weight},
    schema::{Field, IndexRecordOption},
};

use super::{
    matching::{Bits, Candidates, Relevance},
    typos::{WordRule, typo_budget},
    word_cache::{Matched, WordCache},
};

/// The text fields of one language.
#[derive(Clone, Copy)]
pub struct TextFields {
    pub title: Field,
    pub organization: Field,
    pub body: Field,
    /// Title, organization and body together: matching walks the term
    /// dictionary once per word here instead of once per field.
    pub all: Field,
}

/// What a near miss (a typo or a prefix) in the title adds: it still ranks
/// above one in the description.
const NEAR_MISS_IN_TITLE: Score = 2.0;
/// What the rule's match anywhere adds.
const NEAR_MISS: Score = 1.0;

/// A search's words, prepared once for every segment.
pub struct TextSearch {
    languages: Vec<Language>,
    scoring: bool,
}

/// The words as read in one language, looked for in that language's fields.
struct Language {
    fields: TextFields,
    words: Vec<Word>,
}

struct Word {
    /// The word as the query has it (after analysis).
    text: String,
    /// The exact word in `all`: what matches when there is no rule.
    exact_anywhere: Term,
    /// The typo/prefix rule, and whether it reads the word as a prefix.
    rule: Option<(Arc<WordRule>, bool)>,
    /// BM25 of the exact word in the title, organization and body, with
    /// their weights; the statistics are the whole index's (empty when not
    /// scoring).
    exact: Vec<(Box<dyn Weight>, Score)>,
}

impl TextSearch {
    /// `languages`: the fields of each language and the query's words read
    /// as that language (a language without words matches nothing).
    pub fn new(
        searcher: &Searcher,
        languages: &[(TextFields, &[String])],
        scoring: bool,
    ) -> tantivy::Result<Self> {
        let scoring_by = EnableScoring::enabled_from_searcher(searcher);
        let languages = languages
            .iter()
            .map(|&(fields, words)| {
                let last = words.len().saturating_sub(1);
                let words = words
                    .iter()
                    .enumerate()
                    .map(|(n, word)| {
                        let weighed = [
                            (fields.title, 3.0),
                            (fields.organization, 2.0),
                            (fields.body, 1.0),
                        ];
                        let exact = if scoring {
                            weighed
                                .into_iter()
                                .map(|(field, weight)| {
                                    let term = Term::from_field_text(field, word);
                                    TermQuery::new(term, IndexRecordOption::WithFreqs)
                                        .weight(scoring_by)
                                        .map(|w| (w, weight))
                                })
                                .collect::<tantivy::Result<_>>()?
                        } else {
                            Vec::new()
                        };
                        // Without typos or a prefix, the exact word is the rule.
                        let rule = (n == last || typo_budget(word) > 0)
                            .then(|| (WordRule::shared(word, n == last), n == last));
                        Ok(Word {
                            text: word.clone(),
                            exact_anywhere: Term::from_field_text(fields.all, word),
                            rule,
                            exact,
                        })
                    })
                    .collect::<tantivy::Result<_>>()?;
                Ok(Language { fields, words })
            })
            .collect::<tantivy::Result<_>>()?;
        Ok(TextSearch { languages, scoring })
    }

    /// The live documents of `segment` that every word matches in some
    /// language, and their relevance when scoring. Each word's documents
    /// come from `cache` when it holds them.
    pub fn in_segment(
        &self,
        segment: &SegmentReader,
        cache: &WordCache,
    ) -> tantivy::Result<Candidates> {
        let len = segment.max_doc() as usize;
        let mut documents = Bits::empty(len);
        let mut relevance = SegmentRelevance {
            languages: Vec::new(),
        };
        for language in &self.languages {
            let Some(matched) = language.matches(segment, cache)? else {
                continue;
            };
            documents.or_with(&matched);
            if self.scoring {
                relevance
                    .languages
                    .push(language.relevance(segment, cache, matched)?);
            }
        }
        if let Some(alive) = segment.alive_bitset() {
            documents.retain(|doc| alive.is_alive(doc as DocId));
        }
        Ok(Candidates {
            documents,
            relevance: self
                .scoring
                .then(|| Box::new(relevance) as Box<dyn Relevance>),
        })
    }
}

impl Language {
    /// The documents every word matches (`None`: none do).
    fn matches(&self, segment: &SegmentReader, cache: &WordCache) -> tantivy::Result<Option<Bits>> {
        let mut all_words: Option<Bits> = None;
        for word in &self.words {
            let docs = match &word.rule {
                Some(rule) => rule_docs(segment, cache, self.fields.all, &word.text, rule)?,
                None => term_docs(segment, cache, &word.text, &word.exact_anywhere)?,
            };
            match &mut all_words {
                Some(so_far) => so_far.and_with(&docs),
                // Kept in the cache: copied; read just now: taken as it is.
                None => all_words = Some(Arc::unwrap_or_clone(docs)),
            }
            if all_words.as_ref().is_some_and(Bits::is_empty) {
                return Ok(None);
            }
        }
        Ok(all_words)
    }

    fn relevance(
        &self,
        segment: &SegmentReader,
        cache: &WordCache,
        matched: Bits,
    ) -> tantivy::Result<LanguageRelevance> {
        let words = self
            .words
            .iter()
            .map(|word| {
                let exact = word
                    .exact
                    .iter()
                    .map(|(weight, boost)| weight.scorer(segment, *boost))
                    .collect::<tantivy::Result<_>>()?;
                let title_near_miss = match &word.rule {
                    Some(rule) => Some(rule_docs(
                        segment,
                        cache,
                        self.fields.title,
                        &word.text,
                        rule,
                    )?),
                    None => None,
                };
                Ok(WordRelevance {
                    exact,
                    title_near_miss,
                    has_rule: word.rule.is_some(),
                })
            })
            .collect::<tantivy::Result<_>>()?;
        Ok(LanguageRelevance { matched, words })
    }
}

/// The documents whose `field` holds a word that `rule` (the rule of
/// `word`, and whether it reads it as a prefix) matches.
fn rule_docs(
    segment: &SegmentReader,
    cache: &WordCache,
    field: Field,
    word: &str,
    (rule, prefix): &(Arc<WordRule>, bool),
) -> tantivy::Result<Arc<Bits>> {
    let matched = Matched::Rule { prefix: *prefix };
    cache.documents(segment.segment_id(), field, word, matched, || {
        let mut docs = Bits::empty(segment.max_doc() as usize);
        let inverted = segment.inverted_index(field)?;
        let mut terms = inverted.terms().search(rule.as_ref()).into_stream()?;
        while terms.advance() {
            add_postings(&inverted, terms.value(), &mut docs)?;
        }
        Ok(docs)
    })
}

/// The documents that hold `term` (`word` in its field).
fn term_docs(
    segment: &SegmentReader,
    cache: &WordCache,
    word: &str,
    term: &Term,
) -> tantivy::Result<Arc<Bits>> {
    let field = term.field();
    cache.documents(segment.segment_id(), field, word, Matched::Exact, || {
        let mut docs = Bits::empty(segment.max_doc() as usize);
        let inverted = segment.inverted_index(field)?;
        if let Some(info) = inverted.get_term_info(term)? {
            add_postings(&inverted, &info, &mut docs)?;
        }
        Ok(docs)
    })
}

/// Adds the documents of one term's postings.
fn add_postings(
    inverted: &InvertedIndexReader,
    info: &TermInfo,
    docs: &mut Bits,
) -> tantivy::Result<()> {
    let mut postings =
        inverted.read_block_postings_from_terminfo(info, IndexRecordOption::Basic)?;
    while !postings.docs().is_empty() {
        postings
            .docs()
            .iter()
            .for_each(|&doc| docs.insert(doc as usize));
        postings.advance();
    }
    Ok(())
}

/// The relevance of one segment's documents.
struct SegmentRelevance {
    languages: Vec<LanguageRelevance>,
}

struct LanguageRelevance {
    matched: Bits,
    words: Vec<WordRelevance>,
}

struct WordRelevance {
    exact: Vec<Box<dyn Scorer>>,
    title_near_miss: Option<Arc<Bits>>,
    has_rule: bool,
}

impl Relevance for SegmentRelevance {
    fn of(&mut self, doc: u32) -> f32 {
        let mut score = 0.0;
        for language in &mut self.languages {
            if !language.matched.contains(doc as usize) {
                continue;
            }
            for word in &mut language.words {
                for scorer in &mut word.exact {
                    // Postings are read forward only: documents come in order.
                    if scorer.doc() < doc {
                        scorer.seek(doc);
                    }
                    if scorer.doc() == doc {
                        score += scorer.score();
                    }
                }
                if let Some(title) = &word.title_near_miss
                    && title.contains(doc as usize)
                {
                    score += NEAR_MISS_IN_TITLE;
                }
                if word.has_rule {
                    score += NEAR_MISS;
                }
            }
        }
        score
    }
}
