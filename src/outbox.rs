//! The search outbox: every change that affects what search shows writes a
//! row here in the same transaction, and a worker applies the rows to the
//! index. The database stays the source of truth; nothing is lost while the
//! search engine is down.
//!
//! `Wake` tells the workers (this one and the mail outbox's) that a change
//! has committed, so they apply it at once instead of at their next poll.

use chrono::Utc;
use entity::{opportunity, search_outbox};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QuerySelect,
};

use std::{sync::Arc, time::Duration};

use tokio::sync::Notify;

use crate::error::AppResult;

/// Wakes the outbox workers of this process when a change has committed.
/// Their poll stays as the fallback (changes made by the command line or by
/// another process, a wake lost to a worker restart).
#[derive(Debug, Clone, Default)]
pub struct Wake {
    pub search: Arc<Notify>,
    pub mail: Arc<Notify>,
}

impl Wake {
    /// A change committed: whatever it queued is now visible to the workers.
    pub fn committed(&self) {
        // `notify_one` keeps a permit when the worker is busy, so a wake
        // during a round is not lost: the next wait returns at once.
        self.search.notify_one();
        self.mail.notify_one();
    }
}

/// Waits until `wake` is signalled or `poll` has passed, whichever is first.
pub async fn wait(wake: &Notify, poll: Duration) {
    tokio::select! {
        () = wake.notified() => {}
        () = tokio::time::sleep(poll) => {}
    }
}

/// Queues one opportunity for re-indexing.
pub async fn enqueue(db: &impl ConnectionTrait, opportunity_id: i32) -> AppResult<()> {
    enqueue_many(db, vec![opportunity_id]).await
}

/// Queues several opportunities for re-indexing.
pub async fn enqueue_many(db: &impl ConnectionTrait, opportunity_ids: Vec<i32>) -> AppResult<()> {
    let now = Utc::now();
    let rows = opportunity_ids
        .into_iter()
        .map(|opportunity_id| search_outbox::ActiveModel {
            opportunity_id: Set(opportunity_id),
            created_at: Set(now),
            attempts: Set(0),
            next_attempt_at: Set(now),
            done_at: Set(None),
            last_error: Set(None),
            ..Default::default()
        });
    // A statement's variables are bounded (SQLite: 32,766): a day on which
    // thousands of postings close is written in slices.
    let rows: Vec<_> = rows.collect();
    for slice in rows.chunks(1_000) {
        search_outbox::Entity::insert_many(slice.to_vec())
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// Queues every opportunity of an organization (verified, suspended...).
pub async fn enqueue_organization(
    db: &impl ConnectionTrait,
    organization_id: i32,
) -> AppResult<()> {
    let ids: Vec<i32> = opportunity::Entity::find()
        .select_only()
        .column(opportunity::Column::Id)
        .filter(opportunity::Column::OrganizationId.eq(organization_id))
        .into_tuple()
        .all(db)
        .await?;
    enqueue_many(db, ids).await
}

/// How far behind the search index is: rows not yet applied and the age of
/// the oldest, for `/readyz` and whoever watches it.
pub async fn backlog(db: &impl ConnectionTrait) -> AppResult<Backlog> {
    let oldest: Option<chrono::DateTime<Utc>> = search_outbox::Entity::find()
        .select_only()
        .column_as(search_outbox::Column::CreatedAt.min(), "oldest")
        .filter(search_outbox::Column::DoneAt.is_null())
        .into_tuple::<Option<chrono::DateTime<Utc>>>()
        .one(db)
        .await?
        .flatten();
    let pending = search_outbox::Entity::find()
        .filter(search_outbox::Column::DoneAt.is_null())
        .count(db)
        .await?;
    Ok(Backlog::new(pending, oldest))
}

/// Work waiting in an outbox.
#[derive(Debug, serde::Serialize)]
pub struct Backlog {
    pub pending: u64,
    pub oldest_pending_seconds: Option<i64>,
}

impl Backlog {
    pub fn new(pending: u64, oldest: Option<chrono::DateTime<Utc>>) -> Self {
        Self {
            pending,
            oldest_pending_seconds: oldest.map(|at| (Utc::now() - at).num_seconds().max(0)),
        }
    }
}
