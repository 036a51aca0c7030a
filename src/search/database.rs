//! The fallback when the search engine cannot answer: the same filters,
//! facets and orderings (through `matching`), run over the database. Text
//! must appear as typed (accents and case aside); there is no relevance
//! ranking and no typo tolerance.

use sea_orm::ConnectionTrait;

use super::{Hit, SearchQuery, SearchResults, documents, embedded::analyzer, matching};
use crate::error::AppResult;

fn words(text: &str) -> Vec<String> {
    let mut analyzer = analyzer();
    let mut stream = analyzer.token_stream(text);
    let mut words = Vec::new();
    while stream.advance() {
        words.push(stream.token().text.clone());
    }
    words
}

/// Searches the published postings in the database.
pub async fn search(db: &impl ConnectionTrait, query: &SearchQuery) -> AppResult<SearchResults> {
    let (documents, _) = documents::load(db, None).await?;
    let wanted = words(&query.text);
    let text_matches = |d: &super::SearchDocument| {
        if wanted.is_empty() {
            return true;
        }
        let have = words(&format!(
            "{} {} {} {} {}",
            d.title,
            d.organization,
            d.description,
            d.skills,
            d.field.label()
        ));
        wanted
            .iter()
            .all(|w| have.iter().any(|h| h.starts_with(w.as_str())))
    };
    let (total, page, facets) = matching::search_documents(query, &documents, text_matches);
    let hits = page
        .into_iter()
        .map(|(document, distance_miles)| Hit {
            document: document.clone(),
            distance_miles,
        })
        .collect();
    Ok(SearchResults {
        total,
        hits,
        facets,
    })
}
