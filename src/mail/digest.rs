//! The weekly digest: once a week, each student who asked for it gets the
//! opportunities published since their last digest that offer every access
//! need they saved, and what their saved searches with email on found
//! (`alerts`). A `mail_digest` row claims the student's week before the
//! mail is queued, in the same transaction, and `(user_id, week_start)` is
//! unique: a second run, or a second server running the job at the same
//! moment, finds the week taken and sends nothing. The organizations it
//! lists are recorded with it: if one is no longer verified when the mail
//! goes out (it waited for the relay), the worker holds the digest back
//! and gives the student the week back ([`give_back`]): the next run
//! queues the same news without that host.

use std::time::Duration;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use entity::{
    MailTopic, OpportunityStatus, OrgStatus, Role, mail_digest, opportunity, opportunity_feature,
    organization, saved_search, saved_search_alert, student, student_need, user,
};
use sea_orm::{
    ActiveValue::Set,
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
    sea_query::{Expr, OnConflict, Query},
};
use tokio::task::JoinHandle;

use super::{Outgoing, enqueue, outbox::lists_organizations, preferences::user_wants};
use crate::{
    alerts::service::{DigestPosting, digest_postings},
    db,
    error::AppResult,
};

/// How often the job looks for digests due (each student still gets one a week).
pub const EVERY: Duration = Duration::from_secs(15 * 60);
/// Most opportunities one digest lists.
const MAX_LISTED: u64 = 10;
/// Students read per query.
const BATCH: u64 = 200;

/// The Monday (UTC) of the week `now` falls in.
pub fn week_of(now: DateTime<Utc>) -> NaiveDate {
    let day = now.date_naive();
    day - chrono::Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// Queues this week's digests not queued yet; returns how many were.
pub async fn run_once(db: &DatabaseConnection, now: DateTime<Utc>) -> AppResult<usize> {
    let week = week_of(now);
    let mut after = 0;
    let mut queued = 0;
    loop {
        // Students who asked for it and have no digest this week, by pages.
        let done = Query::select()
            .column(mail_digest::Column::UserId)
            .from(mail_digest::Entity)
            .and_where(mail_digest::Column::WeekStart.eq(week))
            .to_owned();
        let ids: Vec<i32> = user::Entity::find()
            .select_only()
            .column(user::Column::Id)
            .filter(user::Column::Role.eq(Role::Student))
            .filter(user::Column::MailDigest.eq(true))
            .filter(user::Column::DisabledAt.is_null())
            .filter(user::Column::Id.gt(after))
            .filter(user::Column::Id.not_in_subquery(done))
            .filter(
                user::Column::Id.in_subquery(
                    Query::select()
                        .column(student::Column::UserId)
                        .from(student::Entity)
                        .and_where(student::Column::Active.eq(true))
                        .and_where(student::Column::UserId.is_not_null())
                        .to_owned(),
                ),
            )
            .order_by_asc(user::Column::Id)
            .limit(BATCH)
            .into_tuple()
            .all(db)
            .await?;
        let Some(&last) = ids.last() else {
            break;
        };
        after = last;
        for user_id in ids {
            if send_one(db, user_id, week, now).await? {
                queued += 1;
            }
        }
    }
    Ok(queued)
}

/// Claims the student's week, then queues their digest if anything is new.
async fn send_one(
    db: &DatabaseConnection,
    user_id: i32,
    week: NaiveDate,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    let txn = db::begin_write(db).await?;
    let claimed = mail_digest::Entity::insert(mail_digest::ActiveModel {
        user_id: Set(user_id),
        week_start: Set(week),
        opportunities: Set(0),
        mail_id: Set(None),
        created_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([mail_digest::Column::UserId, mail_digest::Column::WeekStart])
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(&txn)
    .await?;
    if claimed == 0 {
        // Another run got there first.
        return Ok(false);
    }
    // Read again inside the claim: they may have unsubscribed meanwhile
    // (dropping the transaction gives the claim back).
    let Some(to) = user_wants(&txn, user_id, MailTopic::Digest).await? else {
        return Ok(false);
    };
    // A student the school's roster dropped gets no digest.
    let Some(student) = student::Entity::find()
        .filter(student::Column::UserId.eq(user_id))
        .filter(student::Column::Active.eq(true))
        .one(&txn)
        .await?
    else {
        return Ok(false);
    };
    // New since the last digest, and never more than a week back.
    let week_ago = now - chrono::Duration::days(7);
    let since = mail_digest::Entity::find()
        .filter(mail_digest::Column::UserId.eq(user_id))
        .filter(mail_digest::Column::WeekStart.lt(week))
        .order_by_desc(mail_digest::Column::WeekStart)
        .one(&txn)
        .await?
        .map(|previous| previous.created_at)
        .filter(|at| *at > week_ago)
        .unwrap_or(week_ago);
    let listed = matching(&txn, &student, since, now).await?;
    // And what the student's saved searches with email on found this week.
    let searches = crate::alerts::service::for_digest(&txn, user_id, now).await?;
    let total = listed.len()
        + searches
            .iter()
            .map(|s| s.opportunities.len())
            .sum::<usize>();
    let count = i32::try_from(total).unwrap_or(i32::MAX);
    // The hosts it advertises: one suspended before the mail goes out
    // holds the whole digest back (`worker::still_theirs`).
    let hosts: Vec<i32> = listed
        .iter()
        .chain(searches.iter().flat_map(|s| s.opportunities.iter()))
        .map(|p| p.organization_id)
        .collect();
    let mail_id = if total == 0 {
        None
    } else {
        let id = enqueue(
            &txn,
            Outgoing {
                to: &to.email,
                lang: to.lang,
                template: "digest",
                subject_key: "mail-digest-subject",
                subject_args: vec![("count", total.into())],
                ctx: minijinja::context! {
                    name => student.first_name.clone(),
                    opportunities => listed,
                    searches => searches,
                    footer => to.footer,
                },
                attachment: None,
                unsubscribe: to.unsubscribe.clone(),
                for_organization: None,
                about_organization: None,
                for_account: to.account,
                notice_kind: None,
                placement: None,
                for_guardian: None,
            },
        )
        .await?;
        lists_organizations(&txn, id, hosts).await?;
        Some(id)
    };
    // What was sent, for the record (and for next week's "since").
    mail_digest::Entity::update_many()
        .col_expr(mail_digest::Column::Opportunities, Expr::value(count))
        .col_expr(mail_digest::Column::MailId, Expr::value(mail_id))
        .filter(mail_digest::Column::UserId.eq(user_id))
        .filter(mail_digest::Column::WeekStart.eq(week))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(mail_id.is_some())
}

/// Gives the student back the week of digest `mail_id`, which the worker
/// held back (a host it lists lost its verification while it waited for
/// the relay): its claim goes, and the saved-search alerts it listed are
/// waiting again, so the next run queues a new digest of the same postings
/// less the held-back host's. One transaction.
pub async fn give_back(db: &DatabaseConnection, mail_id: i64) -> AppResult<()> {
    let txn = db::begin_write(db).await?;
    let Some(digest) = mail_digest::Entity::find()
        .filter(mail_digest::Column::MailId.eq(mail_id))
        .one(&txn)
        .await?
    else {
        return Ok(());
    };
    // The alerts that digest marked listed: the student's, marked at the
    // moment the digest was made.
    let searches = Query::select()
        .column(saved_search::Column::Id)
        .from(saved_search::Entity)
        .and_where(saved_search::Column::UserId.eq(digest.user_id))
        .to_owned();
    saved_search_alert::Entity::update_many()
        .col_expr(
            saved_search_alert::Column::MailedAt,
            Expr::value(None::<DateTime<Utc>>),
        )
        .filter(saved_search_alert::Column::SavedSearchId.in_subquery(searches))
        .filter(saved_search_alert::Column::MailedAt.eq(digest.created_at))
        .exec(&txn)
        .await?;
    mail_digest::Entity::delete_by_id(digest.id)
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(())
}

/// Published postings of verified organizations, new since `since`, still
/// open, for the student's grade, offering every need the student saved.
async fn matching(
    db: &impl ConnectionTrait,
    student: &student::Model,
    since: DateTime<Utc>,
    now: DateTime<Utc>,
) -> AppResult<Vec<DigestPosting>> {
    let needs = student_need::Entity::find()
        .filter(student_need::Column::StudentId.eq(student.id))
        .all(db)
        .await?;
    let verified = Query::select()
        .column(organization::Column::Id)
        .from(organization::Entity)
        .and_where(organization::Column::Status.eq(OrgStatus::Verified))
        .to_owned();
    let mut query = opportunity::Entity::find()
        .filter(opportunity::Column::Status.eq(OpportunityStatus::Published))
        .filter(opportunity::Column::PublishedAt.gt(since))
        .filter(opportunity::Column::Deadline.gte(now.date_naive()))
        .filter(opportunity::Column::MinGrade.lte(student.grade))
        .filter(opportunity::Column::MaxGrade.gte(student.grade))
        .filter(opportunity::Column::OrganizationId.in_subquery(verified));
    for need in needs {
        let offering = Query::select()
            .column(opportunity_feature::Column::OpportunityId)
            .from(opportunity_feature::Entity)
            .and_where(opportunity_feature::Column::Feature.eq(need.need))
            .to_owned();
        query = query.filter(opportunity::Column::Id.in_subquery(offering));
    }
    let postings = query
        .order_by_desc(opportunity::Column::PublishedAt)
        .order_by_desc(opportunity::Column::Id)
        .limit(MAX_LISTED)
        .all(db)
        .await?;
    // At most MAX_LISTED organizations to name.
    digest_postings(db, postings).await
}

/// The background job, run by the one server holding its lease; were two
/// to run it, the claims would still keep it to one digest per student per week.
pub fn spawn_worker(db: DatabaseConnection) -> JoinHandle<()> {
    tokio::spawn(async move {
        let lease = crate::jobs::Lease::new("weekly-digest", EVERY);
        // The first round waits a whole period: a server restarting (or a
        // test app starting) does not race the people setting their choices.
        let mut every = tokio::time::interval_at(tokio::time::Instant::now() + EVERY, EVERY);
        loop {
            every.tick().await;
            if !lease.held(&db).await {
                continue;
            }
            match run_once(&db, Utc::now()).await {
                Ok(0) => {}
                Ok(queued) => tracing::info!(queued, "weekly digests queued"),
                Err(error) => tracing::warn!(%error, "weekly digests failed"),
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_week_starts_on_its_monday() {
        let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        let monday = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(week_of(at("2026-11-23T00:00:00Z")), monday);
        assert_eq!(week_of(at("2026-11-29T23:59:59Z")), monday);
        assert_eq!(
            week_of(at("2026-11-30T00:00:00Z")),
            NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
        );
    }
}
