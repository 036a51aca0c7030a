//! Saved-search rules: saving (the search page's own parser checks the
//! query), listing, deleting (only one's own), the alert job, and what the
//! weekly digest lists for searches with email on.
//!
//! A posting is new for a saved search when it was published after the
//! search's last alert (or after it was saved, before any alert), less a
//! grace period that covers the search index catching up. The
//! `saved_search_alert` row is the claim: `(saved_search_id,
//! opportunity_id)` is unique, so a posting is alerted once per saved search
//! whatever the grace period, the number of runs or of servers.

use std::time::Duration;

use chrono::{DateTime, Utc};
use entity::{
    OpportunityStatus, OrgStatus, Role, opportunity, organization, saved_search,
    saved_search_alert, user,
};
use sea_orm::{
    ActiveModelTrait,
    ActiveValue::Set,
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
    sea_query::{Expr, OnConflict, Query},
};
use serde::{Deserialize, Serialize};
use tokio::task::JoinHandle;

use crate::{
    app::AppState,
    db,
    error::{AppError, AppResult, OrNotFound},
    format::today,
    forms::{FieldErrors, limit},
    i18n::{self, Message},
    notifications::notify,
    search::{
        self, Sort,
        query::{MAX_DEPTH, MAX_PER_PAGE, SearchParams},
    },
};

/// Most searches one student keeps.
pub const MAX_SAVED: u64 = 20;
/// Most postings one alert names (the rest wait for the next run).
const MAX_ALERTED: usize = 50;
/// Most postings per saved search in one digest.
const MAX_MAILED: u64 = 10;
/// Saved searches read per query.
const BATCH: u64 = 200;
/// How often the alert job runs.
pub const EVERY: Duration = Duration::from_secs(10 * 60);
/// Postings published this long before the last alert still count as new
/// if they were not alerted yet: the index may have been behind.
const GRACE_MINUTES: i64 = 15;

/// The "save this search" form as typed.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct SaveForm {
    pub name: String,
    /// The search's query string, as the search page wrote it.
    pub query: String,
    /// The checkbox: `on`, or absent.
    pub email: String,
}

/// A saved search as its list shows it.
#[derive(Debug, Serialize)]
pub struct SavedView {
    pub id: i32,
    pub name: String,
    pub query: String,
    pub email: bool,
    pub created_at: String,
    /// Postings alerted for it so far.
    pub alerted: u64,
}

/// The ids of active student accounts, as a subquery.
fn active_students() -> sea_orm::sea_query::SelectStatement {
    Query::select()
        .column(user::Column::Id)
        .from(user::Entity)
        .and_where(user::Column::Role.eq(Role::Student))
        .and_where(user::Column::DisabledAt.is_null())
        .to_owned()
}

/// The ids of verified organizations, as a subquery.
fn verified_organizations() -> sea_orm::sea_query::SelectStatement {
    Query::select()
        .column(organization::Column::Id)
        .from(organization::Entity)
        .and_where(organization::Column::Status.eq(OrgStatus::Verified))
        .to_owned()
}

/// Saves a search for the student `user_id`. The query goes through the
/// search page's parser; the stored form drops the page.
pub async fn save(
    db: &DatabaseConnection,
    user_id: i32,
    form: &SaveForm,
) -> AppResult<saved_search::Model> {
    let mut errors = FieldErrors::new();
    let name = errors.text("name", "alerts-name-label", &form.name, limit::SHORT_NAME);
    let email = match form.email.as_str() {
        "" => false,
        "on" => true,
        _ => {
            errors.add_id("email", "alerts-error-email");
            false
        }
    };
    let query = match SearchParams::from_query(&form.query)
        .and_then(|params| params.parse(today()).map(|_| params))
    {
        Ok(params) => params.without_paging().to_query_string(),
        Err(error) => {
            errors.add(
                "query",
                Message::new("alerts-error-query").arg("message", error.message),
            );
            String::new()
        }
    };
    errors.into_result(())?;

    let txn = db::begin_write(db).await?;
    // The student's row, locked: two saves at once count one after the other.
    let owner = user::Entity::find_by_id(user_id)
        .lock_exclusive()
        .one(&txn)
        .await?
        .or_not_found()?;
    let mine = || saved_search::Entity::find().filter(saved_search::Column::UserId.eq(user_id));
    if mine().count(&txn).await? >= MAX_SAVED {
        return Err(AppError::Conflict(i18n::t_args(
            i18n::current(),
            "alerts-error-too-many",
            vec![("max", MAX_SAVED.into())],
        )));
    }
    if mine()
        .filter(saved_search::Column::Query.eq(query.as_str()))
        .count(&txn)
        .await?
        > 0
    {
        return Err(AppError::conflict("alerts-error-duplicate"));
    }
    let now = Utc::now();
    let saved = saved_search::ActiveModel {
        user_id: Set(user_id),
        name: Set(name),
        query: Set(query),
        email: Set(email),
        created_at: Set(now),
        alerted_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    // Email for a saved search travels in the weekly digest: asking for one
    // turns the digest on (and its one-click unsubscribe stops both).
    if email && !owner.mail_digest {
        let mut owner: user::ActiveModel = owner.into();
        owner.mail_digest = Set(true);
        owner.update(&txn).await?;
    }
    txn.commit().await?;
    Ok(saved)
}

/// The student's saved searches, oldest first.
pub async fn list(db: &impl ConnectionTrait, user_id: i32) -> AppResult<Vec<SavedView>> {
    let searches = saved_search::Entity::find()
        .filter(saved_search::Column::UserId.eq(user_id))
        .order_by_asc(saved_search::Column::Id)
        .all(db)
        .await?;
    // At most MAX_SAVED searches: one grouped count for all of them.
    let counts: Vec<(i32, i64)> = saved_search_alert::Entity::find()
        .select_only()
        .column(saved_search_alert::Column::SavedSearchId)
        .column_as(saved_search_alert::Column::Id.count(), "alerted")
        .filter(
            saved_search_alert::Column::SavedSearchId
                .is_in(searches.iter().map(|s| s.id).collect::<Vec<_>>()),
        )
        .group_by(saved_search_alert::Column::SavedSearchId)
        .into_tuple()
        .all(db)
        .await?;
    Ok(searches
        .into_iter()
        .map(|s| SavedView {
            alerted: counts
                .iter()
                .find(|(id, _)| *id == s.id)
                .map_or(0, |(_, n)| u64::try_from(*n).unwrap_or(0)),
            id: s.id,
            name: s.name,
            query: s.query,
            email: s.email,
            created_at: s.created_at.date_naive().to_string(),
        })
        .collect())
}

/// Deletes one of the student's saved searches; someone else's is not found.
pub async fn delete(db: &impl ConnectionTrait, user_id: i32, id: i32) -> AppResult<()> {
    let deleted = saved_search::Entity::delete_many()
        .filter(saved_search::Column::Id.eq(id))
        .filter(saved_search::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    if deleted.rows_affected == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// Raises the alerts due now; returns how many postings were alerted.
pub async fn run_once(state: &AppState, now: DateTime<Utc>) -> AppResult<usize> {
    let mut after = 0;
    let mut alerted = 0;
    loop {
        let batch = saved_search::Entity::find()
            .filter(saved_search::Column::Id.gt(after))
            .filter(saved_search::Column::UserId.in_subquery(active_students()))
            .order_by_asc(saved_search::Column::Id)
            .limit(BATCH)
            .all(&state.db)
            .await?;
        let Some(last) = batch.last() else {
            break;
        };
        after = last.id;
        for saved in &batch {
            alerted += alert_one(state, saved, now).await?;
        }
    }
    Ok(alerted)
}

/// Finds what is new for one saved search and claims it.
async fn alert_one(
    state: &AppState,
    saved: &saved_search::Model,
    now: DateTime<Utc>,
) -> AppResult<usize> {
    let params = match SearchParams::from_query(&saved.query) {
        Ok(params) => params,
        Err(error) => {
            // Written by `save` through the same parser: only a change of
            // vocabulary could get here. The search stays; it finds nothing.
            tracing::warn!(saved_search = saved.id, %error.message, "saved search unreadable");
            return Ok(0);
        }
    };
    let mut query = match params.parse(now.date_naive()) {
        Ok(query) => query,
        Err(error) => {
            tracing::warn!(saved_search = saved.id, %error.message, "saved search invalid");
            return Ok(0);
        }
    };
    query.sort = Sort::Newest;
    query.page = 1;
    query.per_page = MAX_PER_PAGE;
    // Never before the search was saved: what existed then is not news.
    let since = match saved.alerted_at {
        Some(at) => (at - chrono::Duration::minutes(GRACE_MINUTES)).max(saved.created_at),
        None => saved.created_at,
    };
    // The index keeps whole seconds: it proposes, the database decides.
    let since_second = since.timestamp();
    let mut fresh = Vec::new();
    'pages: loop {
        let found = search::service::search(state, &query).await?;
        for hit in &found.results.hits {
            // Newest first: the first one not new ends the search.
            if hit.document.published_at < since_second || fresh.len() >= MAX_ALERTED {
                break 'pages;
            }
            fresh.push(hit.document.id);
        }
        let seen = u64::from(query.page) * u64::from(query.per_page);
        if seen >= found.results.total || query.page >= MAX_DEPTH / query.per_page {
            break;
        }
        query.page += 1;
    }
    if fresh.is_empty() {
        return Ok(0);
    }
    let txn = db::begin_write(&state.db).await?;
    // Public postings only, read from the database: the index may lag
    // behind a posting closed or an organization suspended a moment ago.
    let public: Vec<i32> = opportunity::Entity::find()
        .select_only()
        .column(opportunity::Column::Id)
        .filter(opportunity::Column::Id.is_in(fresh))
        .filter(opportunity::Column::PublishedAt.gt(since))
        .filter(opportunity::Column::Status.eq(OpportunityStatus::Published))
        .filter(opportunity::Column::OrganizationId.in_subquery(verified_organizations()))
        .into_tuple()
        .all(&txn)
        .await?;
    let mut claimed = 0;
    for opportunity_id in public {
        claimed += saved_search_alert::Entity::insert(saved_search_alert::ActiveModel {
            saved_search_id: Set(saved.id),
            opportunity_id: Set(opportunity_id),
            created_at: Set(now),
            mailed_at: Set(None),
            ..Default::default()
        })
        .on_conflict(
            OnConflict::columns([
                saved_search_alert::Column::SavedSearchId,
                saved_search_alert::Column::OpportunityId,
            ])
            .do_nothing()
            .to_owned(),
        )
        .exec_without_returning(&txn)
        .await?;
    }
    if claimed == 0 {
        // Another run or server alerted them already.
        return Ok(0);
    }
    let mut newest_first = params.without_paging();
    newest_first.sort = Some(Sort::Newest.key().to_owned());
    let count = usize::try_from(claimed).unwrap_or(usize::MAX);
    notify(
        &txn,
        &[saved.user_id],
        &Message::new("alerts-notify-new")
            .arg("count", count)
            .arg("name", saved.name.as_str()),
        &format!("/search?{}", newest_first.to_query_string()),
    )
    .await?;
    saved_search::Entity::update_many()
        .col_expr(saved_search::Column::AlertedAt, Expr::value(now))
        .filter(saved_search::Column::Id.eq(saved.id))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(count)
}

/// One posting as the digest lists it.
#[derive(Debug, Serialize)]
pub struct DigestPosting {
    pub id: i32,
    pub title: String,
    pub organization: String,
    pub deadline: String,
    /// Its organization's id: the digest records it, so that a host
    /// suspended before the mail goes out holds it back.
    #[serde(skip)]
    pub organization_id: i32,
}

/// `postings` as the digest lists them, each with its organization's name
/// (one query for the organizations of the few postings listed).
pub async fn digest_postings(
    db: &impl ConnectionTrait,
    postings: Vec<opportunity::Model>,
) -> AppResult<Vec<DigestPosting>> {
    let organizations = organization::Entity::find()
        .filter(
            organization::Column::Id.is_in(
                postings
                    .iter()
                    .map(|p| p.organization_id)
                    .collect::<Vec<_>>(),
            ),
        )
        .all(db)
        .await?;
    Ok(postings
        .into_iter()
        .map(|p| DigestPosting {
            id: p.id,
            organization: organizations
                .iter()
                .find(|o| o.id == p.organization_id)
                .map(|o| o.name.clone())
                .unwrap_or_default(),
            title: p.title,
            deadline: p.deadline.to_string(),
            organization_id: p.organization_id,
        })
        .collect())
}

/// A saved search's new postings, for the weekly digest.
#[derive(Debug, Serialize)]
pub struct DigestSearch {
    pub name: String,
    /// Site path of the search, newest first.
    pub link: String,
    pub opportunities: Vec<DigestPosting>,
}

/// The alerts of the student's saved searches with email on that no digest
/// listed yet, still open; marks them listed (in the digest's transaction,
/// so a digest that is not sent gives them back).
pub async fn for_digest(
    db: &impl ConnectionTrait,
    user_id: i32,
    now: DateTime<Utc>,
) -> AppResult<Vec<DigestSearch>> {
    let searches = saved_search::Entity::find()
        .filter(saved_search::Column::UserId.eq(user_id))
        .filter(saved_search::Column::Email.eq(true))
        .order_by_asc(saved_search::Column::Id)
        .all(db)
        .await?;
    let mut listed = Vec::new();
    for saved in searches {
        let waiting = Query::select()
            .column(saved_search_alert::Column::OpportunityId)
            .from(saved_search_alert::Entity)
            .and_where(saved_search_alert::Column::SavedSearchId.eq(saved.id))
            .and_where(saved_search_alert::Column::MailedAt.is_null())
            .to_owned();
        let postings = opportunity::Entity::find()
            .filter(opportunity::Column::Id.in_subquery(waiting))
            .filter(opportunity::Column::Status.eq(OpportunityStatus::Published))
            .filter(opportunity::Column::Deadline.gte(now.date_naive()))
            .filter(opportunity::Column::OrganizationId.in_subquery(verified_organizations()))
            .order_by_desc(opportunity::Column::PublishedAt)
            .order_by_desc(opportunity::Column::Id)
            .limit(MAX_MAILED)
            .all(db)
            .await?;
        saved_search_alert::Entity::update_many()
            .col_expr(saved_search_alert::Column::MailedAt, Expr::value(now))
            .filter(saved_search_alert::Column::SavedSearchId.eq(saved.id))
            .filter(saved_search_alert::Column::MailedAt.is_null())
            .exec(db)
            .await?;
        if postings.is_empty() {
            continue;
        }
        let mut newest_first = SearchParams::from_query(&saved.query).unwrap_or_default();
        newest_first.sort = Some(Sort::Newest.key().to_owned());
        listed.push(DigestSearch {
            name: saved.name,
            link: format!("/search?{}", newest_first.to_query_string()),
            opportunities: digest_postings(db, postings).await?,
        });
    }
    Ok(listed)
}

/// The background job, run by the one server holding its lease; were two
/// to run it, the alert rows would still keep each posting to one alert per
/// saved search.
pub fn spawn_worker(state: AppState) -> JoinHandle<()> {
    tokio::spawn(async move {
        let lease = crate::jobs::Lease::new("saved-search-alerts", EVERY);
        let mut every = tokio::time::interval_at(tokio::time::Instant::now() + EVERY, EVERY);
        loop {
            every.tick().await;
            if !lease.held(&state.db).await {
                continue;
            }
            match run_once(&state, Utc::now()).await {
                Ok(0) => {}
                Ok(alerted) => tracing::info!(alerted, "saved-search alerts raised"),
                Err(error) => tracing::warn!(%error, "saved-search alerts failed"),
            }
        }
    })
}
