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
