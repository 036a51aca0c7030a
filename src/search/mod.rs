//! Search: one `SearchEngine` trait with two real engines (embedded tantivy,
//! the default; Meilisearch when `MEILI_URL` is set), kept in sync with the
//! database through the outbox, and a database fallback for when the engine
//! cannot answer. `/search` (HTML) and `/api/v1/opportunities` (JSON) share
//! the parameters and the results, and `openapi` describes the API.

pub mod analysis;
pub mod checkpoint;
pub mod database;
pub mod documents;
pub mod embedded;
mod handlers;
pub mod index_lock;
pub mod matching;
pub mod meili;
pub mod openapi;
pub mod query;
pub mod service;
pub mod sync;
pub mod text;
pub mod typos;
pub mod word_cache;

use std::collections::BTreeMap;

use async_trait::async_trait;
use axum::{Router, routing::get};
use chrono::NaiveDate;
use entity::{AccessNeed, Compensation, OpportunityKind, PostingLanguage, StemField, WorkMode};
use serde::{Deserialize, Serialize};

pub use query::{SearchQuery, Sort};

use crate::app::AppState;

/// Where the public API lives: read-only, no session, no CSRF token.
pub const API_PREFIX: &str = "/api/";

pub fn router() -> Router<AppState> {
    // GET (and HEAD) only: any other method gets the API's JSON 405, and
    // the CSRF guard lets `/api/` through on that promise.
    let api = Router::new()
        .route(
            "/api/v1/opportunities",
            get(handlers::search_api).fallback(handlers::api_method_not_allowed),
        )
        .route(
            "/api/v1/openapi.json",
            get(openapi::document).fallback(handlers::api_method_not_allowed),
        )
        // An address the API does not have: its JSON 404, whatever the method.
        .route(
            "/api/v1",
            get(handlers::api_not_found).fallback(handlers::api_not_found),
        )
        .route(
            "/api/v1/",
            get(handlers::api_not_found).fallback(handlers::api_not_found),
        )
        .route(
            "/api/v1/{*rest}",
            get(handlers::api_not_found).fallback(handlers::api_not_found),
        );
    Router::new()
        .route("/search", get(handlers::search_page))
        .merge(crate::app::public_data(api))
}

/// What the index holds for one opportunity: only what students may see, and
/// never anything about a student.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchDocument {
    pub id: i32,
    pub title: String,
    pub description: String,
    /// The language of the title, description and skills: search reads
    /// them as that language (see `analysis`). Documents indexed before
    /// postings had a language were English.
    #[serde(default)]
    pub written_in: PostingLanguage,
    pub organization: String,
    pub organization_id: i32,
    pub kind: OpportunityKind,
    pub field: StemField,
    pub mode: WorkMode,
    pub needs: Vec<AccessNeed>,
    pub languages: Vec<String>,
    pub skills: String,
    pub min_grade: i32,
    pub max_grade: i32,
    pub deadline: NaiveDate,
    pub start_date: NaiveDate,
    /// Unix seconds, for "newest first".
    pub published_at: i64,
    /// Hourly pay in cents (stipends spread over the hours), 0 when unpaid.
    pub pay_cents_per_hour: i32,
    /// Pay in English words ("$18 an hour"): the API's `pay` field. Pages
    /// and feeds write the line in the reader's language from
    /// `compensation` and `pay_cents` instead (see [`SearchDocument::pay_in`]).
    pub pay: String,
    /// How it pays. `None` only in a document indexed before documents
    /// carried it (a Meilisearch index kept from an older version until
    /// `stembridge reindex`).
    #[serde(default)]
    pub compensation: Option<Compensation>,
    /// The amount the pay line names, in cents: the hourly wage or the whole
    /// stipend (`format::pay_amount`); `None` when unpaid.
    #[serde(default)]
    pub pay_cents: Option<i32>,
    pub slots_left: i32,
    pub latitude: f64,
    pub longitude: f64,
}

impl SearchDocument {
    /// The pay line in `lang`'s words, whichever engine (or the database)
    /// answered: built here at render time, never read from the index.
    pub fn pay_in(&self, lang: crate::i18n::Lang) -> String {
        match self.compensation {
            Some(compensation) => crate::format::pay_words(lang, compensation, self.pay_cents),
            // An old document knows only its English words.
            None => self.pay.clone(),
        }
    }
}

/// Which engine answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EngineKind {
    Embedded,
    Meilisearch,
    Database,
}

/// One result.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub document: SearchDocument,
    pub distance_miles: Option<f64>,
}

/// Counts per value of each facet: what the total would be with that value added.
#[derive(Debug, Clone, Default, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Facets {
    pub kind: BTreeMap<String, u64>,
    pub field: BTreeMap<String, u64>,
    pub mode: BTreeMap<String, u64>,
    pub need: BTreeMap<String, u64>,
}

/// A page of results.
#[derive(Debug, Clone, Serialize)]
pub struct SearchResults {
    pub total: u64,
    pub hits: Vec<Hit>,
    pub facets: Facets,
}

/// The search engine could not do what was asked.
#[derive(Debug, thiserror::Error)]
#[error("search engine: {0}")]
pub struct SearchError(pub String);

impl SearchError {
    pub fn new(error: impl std::fmt::Display) -> Self {
        SearchError(error.to_string())
    }
}

/// A search engine: the embedded one or Meilisearch. Both pass one
/// conformance suite (tests/app/search_conformance.rs).
#[async_trait]
pub trait SearchEngine: Send + Sync {
    fn kind(&self) -> EngineKind;
    /// Adds or replaces these documents; returns once they are searchable.
    async fn index(&self, documents: Vec<SearchDocument>) -> Result<(), SearchError>;
    /// Removes these opportunities; returns once they are gone from results.
    async fn delete(&self, ids: Vec<i32>) -> Result<(), SearchError>;
    async fn search(&self, query: &SearchQuery) -> Result<SearchResults, SearchError>;
    /// The total `search` would give for each of these queries, in order,
    /// without hits or facets: for pages that show many searches' counts.
    async fn count(&self, queries: &[SearchQuery]) -> Result<Vec<u64>, SearchError>;
    /// Whether the engine can answer right now.
    async fn health(&self) -> Result<(), SearchError>;
    /// How many documents the live index holds: 0 when it does not exist
    /// (a search server restarted without its data).
    async fn document_count(&self) -> Result<u64, SearchError>;
    /// Starts replacing the whole index. Searches see the old index until
    /// the new one is complete (`Rebuild::finish`), never an empty or
    /// partial one; the documents come in batches so that a rebuild of any
    /// size holds only one batch in memory.
    async fn begin_rebuild(&self) -> Result<Box<dyn Rebuild>, SearchError>;
    /// Puts on disk everything applied so far, so that it survives a power
    /// failure: the outbox worker calls it every few seconds, and a clean
    /// shutdown once more. The embedded engine's commits skip the disk
    /// (`checkpoint`); Meilisearch makes its own writes durable.
    async fn checkpoint(&self) -> Result<(), SearchError> {
        Ok(())
    }

    /// Replaces the whole index with `documents`, in one go.
    async fn rebuild(&self, documents: Vec<SearchDocument>) -> Result<(), SearchError> {
        let mut rebuild = self.begin_rebuild().await?;
        rebuild.add(documents).await?;
        rebuild.finish().await
    }
}

/// A rebuild under way (`SearchEngine::begin_rebuild`). Dropped without
/// `finish`, it leaves the live index as it was.
#[async_trait]
pub trait Rebuild: Send {
    async fn add(&mut self, documents: Vec<SearchDocument>) -> Result<(), SearchError>;
    /// Makes the new index the live one.
    async fn finish(self: Box<Self>) -> Result<(), SearchError>;
}
