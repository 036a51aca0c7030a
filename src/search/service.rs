//! Running a search: the configured engine first, the database when the
//! engine cannot answer (with a notice saying so).

use super::{EngineKind, SearchQuery, SearchResults};
use crate::{app::AppState, error::AppResult};

/// Results and which engine produced them.
pub struct Searched {
    pub results: SearchResults,
    pub engine: EngineKind,
    /// Set when the fallback answered: what the person should know.
    pub notice: Option<&'static str>,
}

pub const FALLBACK_NOTICE: &str = "Search is partly unavailable right now. These results use every filter you chose, \
     but they are not ranked by relevance: the newest come first.";

pub async fn search(state: &AppState, query: &SearchQuery) -> AppResult<Searched> {
    match state.search.search(query).await {
        Ok(results) => {
            state.fallback.forget();
            Ok(Searched {
                results,
                engine: state.search.kind(),
                notice: None,
            })
        }
        Err(error) => {
            tracing::warn!(%error, "search engine failed; answering from the database");
            let results = state.fallback.search(&state.db, query).await?;
            Ok(Searched {
                results,
                engine: EngineKind::Database,
                notice: Some(FALLBACK_NOTICE),
            })
        }
    }
}

/// The total of each of these searches (see `SearchEngine::count`), from
/// the database when the engine cannot answer, as `search` would.
pub async fn count(state: &AppState, queries: &[SearchQuery]) -> AppResult<Vec<u64>> {
    match state.search.count(queries).await {
        Ok(totals) => {
            state.fallback.forget();
            Ok(totals)
        }
        Err(error) => {
            tracing::warn!(%error, "search engine failed; counting from the database");
            let mut totals = Vec::with_capacity(queries.len());
            for query in queries {
                totals.push(state.fallback.search(&state.db, query).await?.total);
            }
            Ok(totals)
        }
    }
}
