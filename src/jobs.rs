//! Background jobs that run once however many app servers share the
//! database: each job has a lease row (`job_lease`: name, holder, until),
//! and a server runs the job only while it holds the lease. Taking it is
//! one conditional upsert ("new, mine, or lapsed"), atomic on SQLite and
//! on PostgreSQL; the holder renews it at every run, so the job stays on one
//! server, and moves to another once a dead holder's lease lapses.
//!
//! The jobs are also written to be harmless when two runs overlap (a run
//! that outlives its lease, a clock far off): the lease keeps the work from
//! being done N times, the jobs' own claims keep it correct.
//!
//! The outbox workers (mail, search) share here how they claim rows
//! (`Claim`) and how a failed row waits for its next try (`Tries`).

use std::{sync::LazyLock, time::Duration};

use chrono::{DateTime, Utc};
use entity::job_lease;
use sea_orm::{
    ActiveValue::Set,
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, UpdateMany,
    sea_query::{Expr, ExprTrait, OnConflict, SelectStatement},
};

use crate::error::AppResult;

/// This server process, as lease holders and outbox claims name it: the
/// host, the process id and a random part (a restarted process, or a
/// container reusing a pid, is someone else).
static HOLDER: LazyLock<String> = LazyLock::new(|| {
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap_or_default();
    // Outbox claims match "holder/..." with LIKE: keep to characters it takes literally.
    let host: String = host
        .trim()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '.')
        .take(60)
        .collect();
    let host = if host.is_empty() { "host".into() } else { host };
    format!(
        "{host}-{}-{}",
        std::process::id(),
        crate::tokens::random(6).to_lowercase()
    )
});

/// This process's name as a holder of leases and claims.
pub fn holder() -> &'static str {
    &HOLDER
}

/// The claims of this process's outbox rounds start with this; a LIKE
/// pattern for them is `mine_like()`.
pub fn claim_token(round: u64) -> String {
    format!("{}/{round}", holder())
}

/// A LIKE pattern matching every claim this process made.
pub fn mine_like() -> String {
    format!("{}/%", holder())
}

/// A job's lease, as its loop holds it.
#[derive(Debug, Clone)]
pub struct Lease {
    name: String,
    ttl: chrono::Duration,
}

impl Lease {
    /// The lease of `name`, for a job run every `period`: the holder renews
    /// it at each run, and it lapses after two missed runs (plus a margin),
    /// when another server takes the job over.
    pub fn new(name: impl Into<String>, period: Duration) -> Self {
        let period = chrono::Duration::from_std(period).unwrap_or(chrono::Duration::hours(1));
        Self {
            name: name.into(),
            ttl: period * 2 + chrono::Duration::seconds(10),
        }
    }

    /// Whether this server runs the job now (taking or renewing the lease).
    /// A database error counts as "not now": the next tick tries again.
    pub async fn held(&self, db: &impl ConnectionTrait) -> bool {
        match take_as(db, &self.name, holder(), self.ttl, Utc::now()).await {
            Ok(held) => held,
            Err(error) => {
                tracing::warn!(%error, job = %self.name, "could not take the job's lease");
                false
            }
        }
    }
}

/// Takes (or renews) the lease `name` for `holder` until `now + ttl`, if it
/// is free, lapsed or already `holder`'s; true when `holder` has it now.
pub async fn take_as(
    db: &impl ConnectionTrait,
    name: &str,
    holder: &str,
    ttl: chrono::Duration,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    // One statement: insert the lease, or take it over when it is this
    // holder's or has lapsed. Two steps (insert a blank row, then update it)
    // lost a start-up race: the cleanup job deleted the blank row between
    // them. Of servers racing for a lapsed lease the database lets one
    // statement change the row; the others see it taken.
    let lease = job_lease::ActiveModel {
        name: Set(name.to_owned()),
        holder: Set(holder.to_owned()),
        until: Set(now + ttl),
    };
    let changed = job_lease::Entity::insert(lease)
        .on_conflict(
            OnConflict::column(job_lease::Column::Name)
                .update_columns([job_lease::Column::Holder, job_lease::Column::Until])
                .action_cond_where(
                    Condition::any()
                        .add(Expr::col((job_lease::Entity, job_lease::Column::Holder)).eq(holder))
                        .add(Expr::col((job_lease::Entity, job_lease::Column::Until)).lt(now)),
                )
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(changed == 1)
}

/// How many other live servers hold a lease whose name starts with
/// `prefix` (servers each watching an embedded index of their own, say).
pub async fn others_holding(db: &impl ConnectionTrait, prefix: &str) -> AppResult<u64> {
    use sea_orm::PaginatorTrait;
    Ok(job_lease::Entity::find()
        .filter(job_lease::Column::Name.starts_with(prefix))
        .filter(job_lease::Column::Holder.ne(holder()))
        .filter(job_lease::Column::Until.gt(Utc::now()))
        .count(db)
        .await?)
}

/// Deletes leases lapsed for a day (servers long gone leave per-server rows).
pub async fn forget_lapsed(db: &impl ConnectionTrait) -> AppResult<u64> {
    let day_ago = Utc::now() - chrono::Duration::days(1);
    let deleted = job_lease::Entity::delete_many()
        .filter(job_lease::Column::Until.lt(day_ago))
        .exec(db)
        .await?;
    Ok(deleted.rows_affected)
}

/// Gives back every lease this process holds (a clean shutdown): the other
/// servers take the jobs over at their next tick instead of after the lapse.
pub async fn release_all(db: &impl ConnectionTrait) -> AppResult<u64> {
    let released = job_lease::Entity::update_many()
        .col_expr(
            job_lease::Column::Until,
            Expr::value(DateTime::<Utc>::UNIX_EPOCH),
        )
        .filter(job_lease::Column::Holder.eq(holder()))
        .exec(db)
        .await?;
    Ok(released.rows_affected)
}

/// The two columns of an outbox table that say which process holds a row
/// and until when (`mail_outbox`, `search_outbox`): the one way both take,
/// free and give back their rows.
#[derive(Debug, Clone, Copy)]
pub struct Claim<C> {
    pub by: C,
    pub until: C,
}

impl<C: ColumnTrait> Claim<C> {
    /// Rows this process may take: never claimed, whose claim lapsed, or
    /// claimed by an earlier round of this process (one worker runs per
    /// process, so such a round was cut off).
    pub fn free(self, now: DateTime<Utc>) -> Condition {
        Condition::any()
            .add(self.until.is_null())
            .add(self.until.lt(now))
            .add(self.by.like(mine_like()))
    }

    /// Claims for `token`, for `seconds`, the rows `due` selects that are
    /// still free.
    pub async fn take<E: EntityTrait<Column = C>>(
        self,
        db: &impl ConnectionTrait,
        due: SelectStatement,
        id: C,
        token: &str,
        now: DateTime<Utc>,
        seconds: i64,
    ) -> AppResult<()> {
        E::update_many()
            .col_expr(self.by, Expr::value(token))
            .col_expr(
                self.until,
                Expr::value(now + chrono::Duration::seconds(seconds)),
            )
            .filter(id.in_subquery(due))
            .filter(self.free(now))
            .exec(db)
            .await?;
        Ok(())
    }

    /// The rows `token` holds that `pending` keeps (those not done yet), by
    /// `id`: what a worker round took.
    pub async fn held<E: EntityTrait<Column = C>>(
        self,
        db: &impl ConnectionTrait,
        token: &str,
        pending: Condition,
        id: C,
    ) -> AppResult<Vec<E::Model>> {
        Ok(E::find()
            .filter(self.by.eq(token))
            .filter(pending)
            .order_by_asc(id)
            .all(db)
            .await?)
    }

    /// `update` with the claim cleared (the row is done, or given back).
    pub fn clear<E: EntityTrait<Column = C>>(self, update: UpdateMany<E>) -> UpdateMany<E> {
        update
            .col_expr(self.by, Expr::value(None::<String>))
            .col_expr(self.until, Expr::value(None::<DateTime<Utc>>))
    }

    /// Gives back the rows this process claimed and did not finish (a clean
    /// shutdown): the other servers take them at once instead of after the
    /// lapse.
    pub async fn release<E: EntityTrait<Column = C>>(
        self,
        db: &impl ConnectionTrait,
    ) -> AppResult<u64> {
        let released = self
            .clear(E::update_many())
            .filter(self.by.like(mine_like()))
            .exec(db)
            .await?;
        Ok(released.rows_affected)
    }
}

/// The columns of an outbox table that count a row's tries (`mail_outbox`,
/// `search_outbox`): the one way both put a failed row back for later.
#[derive(Debug, Clone, Copy)]
pub struct Tries<C> {
    pub attempts: C,
    pub next_attempt_at: C,
    pub last_error: C,
}

impl<C: ColumnTrait> Tries<C> {
    /// `update` recording a row's `attempts`-th failed try and why (the
    /// first 1,000 characters of `error`); the next try is due after the
    /// backoff, at most `max_backoff` seconds.
    pub fn failed<E: EntityTrait<Column = C>>(
        self,
        update: UpdateMany<E>,
        attempts: i32,
        max_backoff: i64,
        error: &str,
    ) -> UpdateMany<E> {
        let backoff = backoff_seconds(attempts, max_backoff);
        update
            .col_expr(self.attempts, Expr::value(attempts))
            .col_expr(
                self.next_attempt_at,
                Expr::value(Utc::now() + chrono::Duration::seconds(backoff)),
            )
            .col_expr(
                self.last_error,
                Expr::value(error.chars().take(1000).collect::<String>()),
            )
    }
}

/// Seconds to wait before the next try of a row that failed `attempts`
/// times: doubling from one second, at most `max`.
pub fn backoff_seconds(attempts: i32, max: i64) -> i64 {
    let seconds = 2_i64.saturating_pow((attempts - 1).clamp(0, 20) as u32);
    std::cmp::min(seconds, max)
}
