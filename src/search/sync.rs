//! Applying the outbox to the search engine: in batches, marked done only
//! once the engine confirmed, retried with backoff when it fails. A crash or
//! an engine outage loses nothing: the rows simply wait.
//!
//! Several app servers share the outbox: a round first claims its rows
//! (`claimed_by`, `claimed_until`), so each change is applied by one server,
//! and a server that dies mid-round gives its rows back when the claim
//! lapses. A round never takes rows of a posting another server's round is
//! still applying: the two would read the posting at different moments and
//! the older read could reach the engine last, leaving it stale.

use std::{sync::Arc, time::Duration};

use chrono::{DateTime, Utc};
use entity::search_outbox;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait,
    PaginatorTrait, QueryFilter, QuerySelect,
    sea_query::{Expr, LockBehavior, LockType, Order, Query},
};
use tokio::task::JoinHandle;

use super::{SearchEngine, documents};
use crate::{
    error::{AppError, AppResult},
    jobs::{Claim, Tries},
};

/// Rows applied per round.
pub const BATCH: u64 = 500;
/// How long a round's claim holds: far longer than a round takes, short
/// enough that a crashed server's rows are not left waiting for long.
const CLAIM_SECONDS: i64 = 60;
/// Key of the PostgreSQL advisory lock that makes claims one at a time.
const CLAIM_LOCK: i64 = 0x5354_454d_0001;
/// Longest wait between retries.
const MAX_BACKOFF_SECONDS: i64 = 300;
/// How often the worker puts the applied changes on disk (the engine's
/// `checkpoint`); after a power failure, at most this much is applied again.
const CHECKPOINT_EVERY: Duration = Duration::from_secs(10);
/// Rows marked done this long before the engine's first unsynced commit are
/// applied again too: the database may keep times less precisely.
const REAPPLY_MARGIN_SECONDS: i64 = 1;
/// Opportunities per batch of a rebuild: enough to keep the engine busy,
/// few enough that a rebuild of any size holds little in memory.
const REBUILD_BATCH: u64 = 2_000;

/// Claims up to [`BATCH`] due rows for the round `token` and returns them.
///
/// Free rows are those never claimed, whose claim lapsed, or claimed by an
/// earlier round of this process (one worker runs per process, so such a
/// round was cut off). Rows of a posting that another server is applying
/// stay put. Claims are made one at a time (a transaction-scoped advisory
/// lock on PostgreSQL; SQLite's write transactions are exclusive), so two
/// servers never both see a posting as free; `SKIP LOCKED` keeps a claim
/// from waiting on rows a request is writing.
pub async fn claim(
    db: &DatabaseConnection,
    token: &str,
    now: chrono::DateTime<Utc>,
) -> AppResult<Vec<search_outbox::Model>> {
    use search_outbox::Column as C;
    let mine = crate::jobs::mine_like();
    // An idle worker looks every 200 ms: a plain read, not a write
    // transaction (SQLite has one writer at a time), while nothing is due.
    let due = search_outbox::Entity::find()
        .select_only()
        .column(C::Id)
        .filter(C::DoneAt.is_null())
        .filter(C::NextAttemptAt.lte(now))
        .into_tuple::<i64>()
        .one(db)
        .await?;
    if due.is_none() {
        return Ok(Vec::new());
    }
    let txn = crate::db::begin_write(db).await?;
    if txn.get_database_backend() == DbBackend::Postgres {
        txn.execute_unprepared(&format!("SELECT pg_advisory_xact_lock({CLAIM_LOCK})"))
            .await?;
    }
    let busy_elsewhere = Query::select()
        .column(C::OpportunityId)
        .from(search_outbox::Entity)
        .and_where(C::DoneAt.is_null())
        .and_where(C::ClaimedUntil.gte(now))
        .and_where(C::ClaimedBy.not_like(&mine))
        .to_owned();
    let due = Query::select()
        .column(C::Id)
        .from(search_outbox::Entity)
        .and_where(C::DoneAt.is_null())
        .and_where(C::NextAttemptAt.lte(now))
        .cond_where(CLAIM.free(now))
        .and_where(C::OpportunityId.not_in_subquery(busy_elsewhere))
        .order_by(C::Id, Order::Asc)
        .limit(BATCH)
        .lock_with_behavior(LockType::Update, LockBehavior::SkipLocked)
        .to_owned();
    CLAIM
        .take::<search_outbox::Entity>(&txn, due, C::Id, token, now, CLAIM_SECONDS)
        .await?;
    txn.commit().await?;
    let undone = Condition::all().add(C::DoneAt.is_null());
    CLAIM
        .held::<search_outbox::Entity>(db, token, undone, C::Id)
        .await
}

/// Gives back the rows this process claimed and did not apply (a clean
/// shutdown): the other servers apply them at once instead of after the lapse.
pub async fn release_claims(db: &DatabaseConnection) -> AppResult<u64> {
    CLAIM.release::<search_outbox::Entity>(db).await
}

/// Who holds an outbox row, until when.
const CLAIM: Claim<search_outbox::Column> = Claim {
    by: search_outbox::Column::ClaimedBy,
    until: search_outbox::Column::ClaimedUntil,
};

/// How a row's tries went.
const TRIES: Tries<search_outbox::Column> = Tries {
    attempts: search_outbox::Column::Attempts,
    next_attempt_at: search_outbox::Column::NextAttemptAt,
    last_error: search_outbox::Column::LastError,
};

/// Applies one batch of due outbox rows; returns how many rows it handled.
pub async fn run_once(db: &DatabaseConnection, engine: &dyn SearchEngine) -> AppResult<usize> {
    static ROUNDS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let round = ROUNDS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let rows = claim(db, &crate::jobs::claim_token(round), Utc::now()).await?;
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
            CLAIM
                .clear(search_outbox::Entity::update_many())
                .col_expr(search_outbox::Column::DoneAt, Expr::value(Utc::now()))
                .filter(search_outbox::Column::Id.is_in(row_ids))
                .exec(db)
                .await?;
        }
        Err(error) => {
            tracing::warn!(%error, rows = rows.len(), "search engine refused a batch; will retry");
            let message = error.to_string();
            for row in rows {
                let attempts = row.attempts + 1;
                // Free for whichever server comes first once it is due.
                let freed = CLAIM.clear(search_outbox::Entity::update_many());
                TRIES
                    .failed(freed, attempts, MAX_BACKOFF_SECONDS, &message)
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

/// The `server_state` row recording which document shape a search server's
/// index was built with (see [`IndexGuard`]); `None` for the embedded index,
/// whose schema version carries it.
pub fn shape_key(config: &crate::config::Config) -> Option<String> {
    config
        .meili_url
        .as_ref()
        .map(|_| format!("search-shape:meili:{}", config.meili_index))
}

/// [`rebuild`], then records under `shape_key` that the index now holds
/// documents of today's shape, so that the next start does not rebuild it
/// again (it did after every `stembridge reindex`).
pub async fn rebuild_recording_shape(
    db: &DatabaseConnection,
    engine: &dyn SearchEngine,
    shape_key: Option<&str>,
) -> AppResult<usize> {
    let count = rebuild(db, engine).await?;
    if let Some(key) = shape_key {
        crate::db::set_state(db, key, documents::SHAPE).await?;
    }
    Ok(count)
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

/// Marks not done the rows marked done since `since` (less a margin), so
/// the worker applies them again: the embedded index's commits since then
/// may have been lost (`EmbeddedEngine::unsynced_since`). Applying is
/// idempotent. Done rows are purged after a week, and checkpoints are
/// seconds apart, so the rows that matter are still there; this runs before
/// the worker starts, so before any purge. Returns how many rows wait again.
pub async fn reapply_since(db: &DatabaseConnection, since: DateTime<Utc>) -> AppResult<u64> {
    let since = since - chrono::Duration::seconds(REAPPLY_MARGIN_SECONDS);
    let reopened = CLAIM
        .clear(search_outbox::Entity::update_many())
        .col_expr(
            search_outbox::Column::DoneAt,
            Expr::value(None::<DateTime<Utc>>),
        )
        .col_expr(
            search_outbox::Column::NextAttemptAt,
            Expr::value(Utc::now()),
        )
        .filter(search_outbox::Column::DoneAt.gte(since))
        .exec(db)
        .await?;
    Ok(reopened.rows_affected)
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
///
/// An index kept by a search server (Meilisearch) outlives the app's
/// upgrades: its documents keep the shape the app wrote them in. The guard
/// records in the database which shape ([`documents::SHAPE`]) the index was
/// built with, under `shape_key`, and rebuilds it once when the app's shape
/// is another (new fields, such as pay written in the reader's language,
/// would otherwise be missing until someone ran `stembridge reindex`).
#[derive(Debug, Default)]
pub struct IndexGuard {
    unreachable: bool,
    /// (documents indexed, documents expected, newest outbox row) at the
    /// last check that found them different with nothing left to apply.
    drift: Option<(u64, u64, Option<i64>)>,
    /// The `server_state` row holding the index's document shape; `None`
    /// for an index of this server's own (the embedded one carries its
    /// shape in its schema version).
    shape_key: Option<String>,
    shape_checked: bool,
}

impl IndexGuard {
    /// A guard that also rebuilds an index of an older document shape.
    pub fn with_shape_key(shape_key: String) -> Self {
        IndexGuard {
            shape_key: Some(shape_key),
            ..IndexGuard::default()
        }
    }

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
        if let Some(key) = self.shape_key.as_deref()
            && !self.shape_checked
        {
            if crate::db::state(db, key).await?.as_deref() != Some(documents::SHAPE) {
                tracing::warn!(
                    shape = documents::SHAPE,
                    "the search index holds documents of another shape: rebuilding it"
                );
                let count = rebuild_recording_shape(db, engine, Some(key)).await?;
                self.shape_checked = true;
                self.drift = None;
                return Ok(IndexCheck::Rebuilt(count));
            }
            self.shape_checked = true;
        }
        let expected = documents::searchable_count(db).await?;
        if indexed == 0 && expected > 0 {
            tracing::warn!(expected, "the search index is empty: rebuilding it");
            self.drift = None;
            return Ok(IndexCheck::Rebuilt(
                rebuild_recording_shape(db, engine, self.shape_key.as_deref()).await?,
            ));
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
            return Ok(IndexCheck::Rebuilt(
                rebuild_recording_shape(db, engine, self.shape_key.as_deref()).await?,
            ));
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

/// Checks the index now, at start-up, and every `period` after, while this
/// server holds the lease `job` (named after the index: the servers sharing
/// one Meilisearch index check it once, and rebuild it once, between them).
/// A server switched to Meilisearch on an existing database, or started on an
/// emptied index, refills it at once instead of answering nothing until the
/// first period ends or someone runs `stembridge reindex`.
pub fn spawn_index_guard(
    db: DatabaseConnection,
    engine: Arc<dyn SearchEngine>,
    period: Duration,
    job: String,
    shape_key: Option<String>,
) -> JoinHandle<()> {
    tokio::spawn(async move {
        let lease = crate::jobs::Lease::new(job, period);
        let fresh_guard = || match &shape_key {
            Some(key) => IndexGuard::with_shape_key(key.clone()),
            None => IndexGuard::default(),
        };
        let mut guard = fresh_guard();
        let mut ticks = tokio::time::interval(period);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            // The first tick completes at once: the start-up check.
            ticks.tick().await;
            if !lease.held(&db).await {
                // Another server watches it; what this one saw is stale by then.
                guard = fresh_guard();
                continue;
            }
            if let Err(error) = guard.check(&db, engine.as_ref()).await {
                tracing::warn!(%error, "could not check the search index");
            }
        }
    })
}

/// The background worker: applies the outbox continuously, puts what it
/// applied on disk every [`CHECKPOINT_EVERY`], and forgets rows applied more
/// than a week ago.
pub fn spawn_worker(
    db: DatabaseConnection,
    engine: Arc<dyn SearchEngine>,
    wake: Arc<tokio::sync::Notify>,
) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut rounds: u64 = 0;
        let mut checkpointed = tokio::time::Instant::now();
        loop {
            // A no-op when nothing was committed since the last one; a
            // rebuild syncs its own commit at once.
            if checkpointed.elapsed() >= CHECKPOINT_EVERY {
                if let Err(error) = engine.checkpoint().await {
                    tracing::warn!(%error, "could not sync the search index; will retry");
                }
                checkpointed = tokio::time::Instant::now();
            }
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
