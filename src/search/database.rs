//! The fallback when the search engine cannot answer: the same filters,
//! facets and orderings (through `matching`), run over the published
//! postings read from the database. Text is read in each posting's language
//! exactly as the engines read it (`analysis`: Spanish stems and stop words
//! for Spanish postings); every word must start a word of the posting.
//! There is no relevance ranking and no typo tolerance.

use std::{
    collections::BTreeMap,
    sync::Arc,
    time::{Duration, Instant},
};

use entity::PostingLanguage;
use sea_orm::DatabaseConnection;
use tokio::sync::Mutex;

use super::{
    Hit, SearchDocument, SearchQuery, SearchResults,
    analysis::{self, QueryWords, Searchable},
    documents,
    matching::{Bits, Candidates, FactTable, Facts, Matcher, Tallied, Tally},
    typos::WordRule,
};
use crate::error::{AppError, AppResult};

/// How long a copy of the postings serves fallback searches before it is
/// read again: changes show within this time while the engine is down.
const FRESH_FOR: Duration = Duration::from_secs(15);

/// The published postings as the fallback searches them.
struct Catalogue {
    documents: Vec<SearchDocument>,
    /// Each distinct word of the postings of a language (title,
    /// organization, description, skills, field, read in that language as
    /// the engines read them), with the postings that hold it: a query word
    /// is tried once against each word, not once per posting.
    vocabulary: [Vec<(String, Vec<u32>)>; 2],
    table: FactTable,
    loaded: Instant,
}

/// The place of a language in `Catalogue::vocabulary`.
fn slot(language: PostingLanguage) -> usize {
    match language {
        PostingLanguage::En => 0,
        PostingLanguage::Es => 1,
    }
}

impl Catalogue {
    async fn load(db: &DatabaseConnection) -> AppResult<Self> {
        let (documents, _) = documents::load(db, None).await?;
        // Folding the words of every posting is CPU work: off the async threads.
        tokio::task::spawn_blocking(move || Catalogue::new(documents))
            .await
            .map_err(|e| AppError::Internal(e.into()))
    }

    fn new(documents: Vec<SearchDocument>) -> Self {
        let mut words: [BTreeMap<String, Vec<u32>>; 2] = Default::default();
        for (doc, d) in documents.iter().enumerate() {
            let text = Searchable::of(d);
            let text = format!("{} {} {}", text.title, text.organization, text.body);
            let postings = &mut words[slot(d.written_in)];
            for word in analysis::words(d.written_in, &text) {
                let holders = postings.entry(word).or_default();
                // Words come a posting at a time: a repeat is the same posting.
                if holders.last() != Some(&(doc as u32)) {
                    holders.push(doc as u32);
                }
            }
        }
        Catalogue {
            table: documents.iter().map(Facts::of).collect(),
            documents,
            vocabulary: words.map(|words| words.into_iter().collect()),
            loaded: Instant::now(),
        }
    }

    /// The postings of `language` that hold every word of `words` by the
    /// typo rule (the last word also as a prefix).
    fn matching(&self, language: PostingLanguage, words: &[String]) -> Bits {
        let len = self.documents.len();
        let mut found = Bits::empty(len);
        for (doc, d) in self.documents.iter().enumerate() {
            if d.written_in == language {
                found.insert(doc);
            }
        }
        let last = words.len().saturating_sub(1);
        for (n, word) in words.iter().enumerate() {
            let rule = WordRule::shared(word, n == last);
            let mut holders = Bits::empty(len);
            for (_, docs) in self.vocabulary[slot(language)]
                .iter()
                .filter(|(candidate, _)| rule.matches(candidate))
            {
                docs.iter().for_each(|&doc| holders.insert(doc as usize));
            }
            found.and_with(&holders);
        }
        found
    }

    fn search(&self, query: &SearchQuery) -> SearchResults {
        // English postings are searched for the English words, Spanish ones
        // for the Spanish stems.
        let words = QueryWords::of(&query.text);
        let mut matching = Bits::empty(self.documents.len());
        for language in [PostingLanguage::En, PostingLanguage::Es] {
            if let Some(words) = words.for_language(language) {
                matching.or_with(&self.matching(language, words));
            }
        }
        let candidates = Candidates {
            documents: matching,
            relevance: None,
        };
        let mut tally = Tally::new(query.offset() + query.per_page as usize);
        self.table
            .search(&Matcher::new(query), candidates, &mut tally, |doc| doc);
        let Tallied {
            total,
            page,
            facets,
        } = tally.finish(query.offset());
        let hits = page
            .into_iter()
            .map(|found| Hit {
                document: self.documents[found.reference as usize].clone(),
                distance_miles: found.distance_miles,
            })
            .collect();
        SearchResults {
            total,
            hits,
            facets,
        }
    }
}

/// The fallback's answer over `documents`, without a database: the
/// conformance suite holds it to the same text rules as the engines.
pub fn search_documents(documents: Vec<SearchDocument>, query: &SearchQuery) -> SearchResults {
    Catalogue::new(documents).search(query)
}

/// Searches the database while the engine cannot. The postings are read
/// once and shared: during an outage under load, every search reading the
/// whole catalogue would take the database down too. A copy older than
/// `FRESH_FOR` keeps answering while one background task reads a new one.
#[derive(Default)]
pub struct Fallback {
    state: Mutex<FallbackState>,
}

#[derive(Default)]
struct FallbackState {
    catalogue: Option<Arc<Catalogue>>,
    reloading: bool,
}

impl Fallback {
    pub async fn search(
        self: &Arc<Self>,
        db: &DatabaseConnection,
        query: &SearchQuery,
    ) -> AppResult<SearchResults> {
        let catalogue = {
            // Held while a first copy loads, so that concurrent searches wait
            // for that one load instead of each starting their own.
            let mut state = self.state.lock().await;
            match state.catalogue.clone() {
                Some(catalogue) => {
                    if catalogue.loaded.elapsed() >= FRESH_FOR && !state.reloading {
                        state.reloading = true;
                        self.reload_in_background(db.clone());
                    }
                    catalogue
                }
                None => {
                    let catalogue = Arc::new(Catalogue::load(db).await?);
                    state.catalogue = Some(Arc::clone(&catalogue));
                    catalogue
                }
            }
        };
        let query = query.clone();
        tokio::task::spawn_blocking(move || catalogue.search(&query))
            .await
            .map_err(|e| AppError::Internal(e.into()))
    }

    fn reload_in_background(self: &Arc<Self>, db: DatabaseConnection) {
        let fallback = Arc::clone(self);
        tokio::spawn(async move {
            let loaded = Catalogue::load(&db).await;
            let mut state = fallback.state.lock().await;
            state.reloading = false;
            match loaded {
                Ok(catalogue) => state.catalogue = Some(Arc::new(catalogue)),
                Err(error) => tracing::warn!(%error, "could not reload the fallback's postings"),
            }
        });
    }

    /// Lets go of the copy (the engine answers again).
    pub fn forget(&self) {
        if let Ok(mut state) = self.state.try_lock()
            && state.catalogue.is_some()
        {
            state.catalogue = None;
        }
    }
}
