//! Applying the outbox to the search engine: in batches, marked done only
//! once the engine confirmed, retried with backoff when it fails. A crash or
//! an engine outage loses nothing: the rows simply wait.

use std::{sync::Arc, time::Duration};

use chrono::{DateTime, Utc};
use entity::search_outbox;
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, sea_query::Expr,
};
use tokio::task::JoinHandle;

use super::{SearchEngine, documents};
use crate::error::{AppError, AppResult};

/// Rows applied per round.
pub const BATCH: u64 = 500;
/// Longest wait between retries.
const MAX_BACKOFF_SECONDS: i64 = 300;
/// Opportunities per batch of a rebuild: enough to keep the engine busy,
/// few enough that a rebuild of any size holds little in memory.
const REBUILD_BATCH: u64 = 2_000;

/// Applies one batch of due outbox rows; returns how many rows it handled.
pub async fn run_once(db: &DatabaseConnection, engine: &dyn SearchEngine) -> AppResult<usize> {
    let now = Utc::now();
    let rows = search_outbox::Entity::find()
        .filter(search_outbox::Column::DoneAt.is_null())
        .filter(search_outbox::Column::NextAttemptAt.lte(now))
        .order_by_asc(search_outbox::Column::Id)
        .limit(BATCH)
        .all(db)
        .await?;
    if rows.is_empty() {
        return Ok(0);
    }
    let handled = rows.len();
    let row_ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut opportunity_ids: Vec<i32> = rows.iter().map(|r| r.opportunity_id).collect();
    opportunity_ids.sort_unstable();
    opportunity_ids.dedup();

    let (documents, hidden) = documents::load(db, Some(&opportunity_ids)).await?;
    let applied = async {
        if !documents.is_empty() {
            engine.index(documents).await?;
        }
        if !hidden.is_empty() {
            engine.delete(hidden).await?;
        }
        Ok::<(), super::SearchError>(())
    }
    .await;

    match applied {
        Ok(()) => {
            search_outbox::Entity::update_many()
                .col_expr(search_outbox::Column::DoneAt, Expr::value(Utc::now()))
                .filter(search_outbox::Column::Id.is_in(row_ids))
                .exec(db)
                .await?;
        }
        Err(error) => {
            tracing::warn!(%error, rows = rows.len(), "search engine refused a batch; will retry");
            let message: String = error.to_string().chars().take(1000).collect();
            for row in rows {
                let attempts = row.attempts + 1;
                let backoff = 2_i64
                    .saturating_pow((attempts - 1).clamp(0, 20) as u32)
                    .min(MAX_BACKOFF_SECONDS);
                search_outbox::Entity::update_many()
                    .col_expr(search_outbox::Column::Attempts, Expr::value(attempts))
                    .col_expr(
                        search_outbox::Column::NextAttemptAt,
                        Expr::value(Utc::now() + chrono::Duration::seconds(backoff)),
                    )
                    .col_expr(
                        search_outbox::Column::LastError,
                        Expr::value(message.clone()),
                    )
                    .filter(search_outbox::Column::Id.eq(row.id))
                    .exec(db)
                    .await?;
            }
            return Err(AppError::Internal(anyhow::anyhow!(error)));
        }
    }
    Ok(handled)
}

/// Rows not applied yet.
pub async fn pending(db: &DatabaseConnection) -> AppResult<u64> {
    Ok(search_outbox::Entity::find()
        .filter(search_outbox::Column::DoneAt.is_null())
        .count(db)
        .await?)
}

/// Rebuilds the whole index from the database; returns the number of documents.
pub async fn rebuild(db: &DatabaseConnection, engine: &dyn SearchEngine) -> AppResult<usize> {
    rebuild_in_batches(db, engine, REBUILD_BATCH).await
}

/// `rebuild`, reading `batch` opportunities at a time.
pub async fn rebuild_in_batches(
    db: &DatabaseConnection,
    engine: &dyn SearchEngine,
    batch: u64,
) -> AppResult<usize> {
    // Rows up to here are covered by the rebuild; later ones still get applied.
    let covered = newest_row(db).await?;
    let internal = |e: super::SearchError| AppError::Internal(anyhow::anyhow!(e));
    let mut rebuild = engine.begin_rebuild().await.map_err(internal)?;
    let (mut count, mut after) = (0, 0);
    while let Some((documents, last)) = documents::load_page(db, after, batch).await? {
        count += documents.len();
        rebuild.add(documents).await.map_err(internal)?;
        after = last;
    }
    rebuild.finish().await.map_err(internal)?;
    let covered = covered.unwrap_or(0);
    search_outbox::Entity::update_many()
        .col_expr(search_outbox::Column::DoneAt, Expr::value(Utc::now()))
        .filter(search_outbox::Column::DoneAt.is_null())
        .filter(search_outbox::Column::Id.lte(covered))
        .exec(db)
        .await?;
    // Changes made while the rebuild read its pages may have reached the old
    // index only (Meilisearch swaps the new one in): apply them again.
    search_outbox::Entity::update_many()
        .col_expr(
            search_outbox::Column::DoneAt,
            Expr::value(None::<DateTime<Utc>>),
        )
        .filter(search_outbox::Column::DoneAt.is_not_null())
        .filter(search_outbox::Column::Id.gt(covered))
        .exec(db)
        .await?;
    Ok(count)
}

/// What one look at the index found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndexCheck {
    /// The engine did not answer; searches use the database meanwhile.
    Unreachable,
    /// The index holds what the database says, or changes are on their way.
    InStep,
    /// The index was empty, or held the wrong number of documents twice in
    /// a row with nothing left to apply, and was rebuilt with this many.
    Rebuilt(usize),
}

/// Watches that the engine holds what the database says it should. A search
/// server restarted without its data comes back empty; without this, every
/// search would answer nothing until someone ran `stembridge reindex`.
#[derive(Debug, Default)]
pub struct IndexGuard {
    unreachable: bool,
    /// (documents indexed, documents expected, newest outbox row) at the
    /// last check that found them different with nothing left to apply.
    drift: Option<(u64, u64, Option<i64>)>,
}

impl IndexGuard {
    pub async fn check(
        &mut self,
        db: &DatabaseConnection,
        engine: &dyn SearchEngine,
    ) -> AppResult<IndexCheck> {
        let Ok(indexed) = engine.document_count().await else {
            self.unreachable = true;
            return Ok(IndexCheck::Unreachable);
        };
        if std::mem::take(&mut self.unreachable) {
            // Changes made during the outage wait out their backoff otherwise.
            retry_now(db).await?;
        }
        let expected = documents::searchable_count(db).await?;
        if indexed == 0 && expected > 0 {
            tracing::warn!(expected, "the search index is empty: rebuilding it");
            self.drift = None;
            return Ok(IndexCheck::Rebuilt(rebuild(db, engine).await?));
        }
        // A difference while changes are still queued is only their delay;
        // the same difference twice with nothing queued or written between
        // is an index that lost (or kept) documents.
        let drift = (indexed != expected && pending(db).await? == 0).then_some((
            indexed,
            expected,
            newest_row(db).await?,
        ));
        if drift.is_some() && drift == self.drift {
            tracing::warn!(indexed, expected, "the search index drifted: rebuilding it");
            self.drift = None;
            return Ok(IndexCheck::Rebuilt(rebuild(db, engine).await?));
        }
        self.drift = drift;
        Ok(IndexCheck::InStep)
    }
}

/// Makes every waiting row due now.
async fn retry_now(db: &DatabaseConnection) -> AppResult<()> {
    let now = Utc::now();
    search_outbox::Entity::update_many()
        .col_expr(search_outbox::Column::NextAttemptAt, Expr::value(now))
        .filter(search_outbox::Column::DoneAt.is_null())
        .filter(search_outbox::Column::NextAttemptAt.gt(now))
        .exec(db)
        .await?;
    Ok(())
}

async fn newest_row(db: &DatabaseConnection) -> AppResult<Option<i64>> {
    Ok(search_outbox::Entity::find()
        .select_only()
        .column_as(search_outbox::Column::Id.max(), "max")
        .into_tuple::<Option<i64>>()
        .one(db)
        .await?
        .flatten())
}

/// Checks the index now, at start-up, and every `period` after: a server
/// switched to Meilisearch on an existing database, or started on an emptied
/// index, refills it at once instead of answering nothing until the first
/// period ends or someone runs `stembridge reindex`.
pub fn spawn_index_guard(
    db: DatabaseConnection,
    engine: Arc<dyn SearchEngine>,
    period: Duration,
) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut guard = IndexGuard::default();
        let mut ticks = tokio::time::interval(period);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            // The first tick completes at once: the start-up check.
            ticks.tick().await;
            if let Err(error) = guard.check(&db, engine.as_ref()).await {
                tracing::warn!(%error, "could not check the search index");
            }
        }
    })
}

/// The background worker: applies the outbox continuously and forgets rows
/// applied more than a week ago.
pub fn spawn_worker(
    db: DatabaseConnection,
    engine: Arc<dyn SearchEngine>,
    wake: Arc<tokio::sync::Notify>,
) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut rounds: u64 = 0;
        loop {
            rounds += 1;
            match run_once(&db, engine.as_ref()).await {
                // Woken when a change commits; the poll catches the rest.
                Ok(0) => crate::outbox::wait(&wake, Duration::from_millis(200)).await,
                Ok(_) => {}
                Err(error) => {
                    tracing::warn!(%error, "outbox round failed");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
            }
            if rounds.is_multiple_of(3000) {
                let week_ago = Utc::now() - chrono::Duration::days(7);
                let purged = search_outbox::Entity::delete_many()
                    .filter(search_outbox::Column::DoneAt.lt(week_ago))
                    .exec(&db)
                    .await;
                if let Err(error) = purged {
                    tracing::warn!(%error, "could not purge old outbox rows");
                }
            }
        }
    })
}
