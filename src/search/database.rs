//! The fallback when the search engine cannot answer: the same filters,
//! facets and orderings (through `matching`), run over the published
//! postings read from the database. Text must appear as typed (accents and
//! case aside); there is no relevance ranking and no typo tolerance.

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use sea_orm::ConnectionTrait;
use tokio::sync::Mutex;

use super::{
    Hit, SearchDocument, SearchQuery, SearchResults, documents,
    embedded::analyzer,
    matching::{Bits, Candidates, FactTable, Facts, Matcher, Tally},
};
use crate::error::AppResult;

/// How long a copy of the postings serves fallback searches before it is
/// read again: changes show within this time while the engine is down.
const FRESH_FOR: Duration = Duration::from_secs(15);

fn words(text: &str) -> Vec<String> {
    let mut analyzer = analyzer();
    let mut stream = analyzer.token_stream(text);
    let mut words = Vec::new();
    while stream.advance() {
        words.push(stream.token().text.clone());
    }
    words
}

/// The published postings as the fallback searches them.
struct Catalogue {
    documents: Vec<SearchDocument>,
    /// The words of each document's text (title, organization, description,
    /// skills, field), folded like the engine's, separated by spaces.
    words: Vec<String>,
    table: FactTable,
    loaded: Instant,
}

impl Catalogue {
    fn new(documents: Vec<SearchDocument>) -> Self {
        let words = documents
            .iter()
            .map(|d| {
                let text = format!(
                    "{} {} {} {} {}",
                    d.title,
                    d.organization,
                    d.description,
                    d.skills,
                    d.field.label()
                );
                words(&text).join(" ")
            })
            .collect();
        Catalogue {
            table: documents.iter().map(Facts::of).collect(),
            documents,
            words,
            loaded: Instant::now(),
        }
    }

    fn search(&self, query: &SearchQuery) -> SearchResults {
        let wanted = words(&query.text);
        let mut matching = Bits::empty(self.documents.len());
        for (doc, text) in self.words.iter().enumerate() {
            // Every word typed must start a word of the posting.
            if wanted
                .iter()
                .all(|w| text.split(' ').any(|have| have.starts_with(w.as_str())))
            {
                matching.insert(doc);
            }
        }
        let candidates = Candidates {
            documents: matching,
            scores: None,
        };
        let mut tally = Tally::new(query.offset() + query.per_page as usize);
        self.table
            .search(&Matcher::new(query), candidates, &mut tally, |doc| doc);
        let (total, page, facets) = tally.finish(query.offset());
        let hits = page
            .into_iter()
            .map(|(doc, distance_miles)| Hit {
                document: self.documents[doc as usize].clone(),
                distance_miles,
            })
            .collect();
        SearchResults {
            total,
            hits,
            facets,
        }
    }
}

/// Searches the database while the engine cannot. The postings are read
/// once per `FRESH_FOR` and shared: during an outage under load, every
/// search reading the whole catalogue would take the database down too.
#[derive(Default)]
pub struct Fallback {
    catalogue: Mutex<Option<Arc<Catalogue>>>,
}

impl Fallback {
    pub async fn search(
        &self,
        db: &impl ConnectionTrait,
        query: &SearchQuery,
    ) -> AppResult<SearchResults> {
        let catalogue = {
            // Held while loading, so that concurrent searches wait for one
            // load instead of each starting their own.
            let mut cached = self.catalogue.lock().await;
            match cached.as_ref() {
                Some(catalogue) if catalogue.loaded.elapsed() < FRESH_FOR => Arc::clone(catalogue),
                _ => {
                    let (documents, _) = documents::load(db, None).await?;
                    let catalogue = Arc::new(Catalogue::new(documents));
                    *cached = Some(Arc::clone(&catalogue));
                    catalogue
                }
            }
        };
        Ok(catalogue.search(query))
    }

    /// Lets go of the copy (the engine answers again).
    pub fn forget(&self) {
        if let Ok(mut cached) = self.catalogue.try_lock() {
            *cached = None;
        }
    }
}
