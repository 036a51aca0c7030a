//! Reminders to families that have not answered a consent request. A
//! family that missed the first mail, could not read it, or put it aside is
//! asked again after [`REMIND_AFTER_DAYS`] days: the same request with a
//! fresh link (the earlier one ends), in each guardian's language, at most
//! [`MOST_REQUESTS`] mails a placement in all, counting the ones the
//! student or counselor sent again. The families who do not answer are
//! often the ones with the least time or English; the reminder does not
//! wait for the student or the counselor to notice. The same hourly job
//! first closes the placements whose dates ended before anyone consented
//! (`lapse`).

use std::time::Duration;

use chrono::{DateTime, Utc};
use entity::{PlacementStatus, opportunity, placement, student};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};
use tokio::task::JoinHandle;

use crate::{db, error::AppResult};

/// Days after the newest request before the family is asked again.
pub const REMIND_AFTER_DAYS: i64 = 4;
/// Requests a placement's family gets at most, reminders included.
pub const MOST_REQUESTS: u64 = 3;
/// How often the job looks.
const EVERY: Duration = Duration::from_secs(3600);

/// Asks again every family whose newest consent request went unanswered
/// for [`REMIND_AFTER_DAYS`] days; returns how many placements. Each is
/// decided under the placement's lock, with the checks of a request sent
/// again (`consent::resend`): a minor still on the roster, a verified host,
/// no family report holding consent, days left to consent to.
pub async fn remind(db: &DatabaseConnection, now: DateTime<Utc>) -> AppResult<usize> {
    let due = now - chrono::Duration::days(REMIND_AFTER_DAYS);
    let waiting: Vec<i32> = placement::Entity::find()
        .select_only()
        .column(placement::Column::Id)
        .filter(placement::Column::Status.eq(PlacementStatus::AwaitingConsent))
        .filter(placement::Column::EndDate.gte(crate::format::day_of(now)))
        .into_tuple()
        .all(db)
        .await?;
    let mut reminded = 0;
    for id in waiting {
        let txn = db::begin_write(db).await?;
        let Some(found) = placement::Entity::find_by_id(id)
            .lock_exclusive()
            .one(&txn)
            .await?
        else {
            continue;
        };
        // The moments are the requests (eyes13f F4).
        let sent = super::consent::moments_asked(&txn, id).await?;
        // Never asked by mail (the paper path), asked lately, or often enough.
        let Some(&newest) = sent.first() else {
            continue;
        };
        if found.status != PlacementStatus::AwaitingConsent
            || newest > due
            || sent.len() as u64 >= MOST_REQUESTS
        {
            continue;
        }
        let student = db::found::<student::Entity>(&txn, found.student_id).await?;
        if super::consent::not_the_familys(&student, &found).is_some()
            || crate::families::address_report::is_held(&txn, student.id).await?
        {
            continue;
        }
        let opportunity = db::found::<opportunity::Entity>(&txn, found.opportunity_id).await?;
        // `request` sends nothing while the host is not verified.
        if super::consent::remind_family(&txn, &found, &opportunity, &student).await? > 0 {
            txn.commit().await?;
            reminded += 1;
        }
    }
    Ok(reminded)
}

/// Every hour, on the one server holding the job's lease: closes the
/// placements whose dates ended before any consent (`lapse`), then runs
/// [`remind`].
pub fn spawn_worker(db: DatabaseConnection) -> JoinHandle<()> {
    tokio::spawn(async move {
        let lease = crate::jobs::Lease::new("consent-reminder", EVERY);
        let mut every = tokio::time::interval(EVERY);
        loop {
            every.tick().await;
            if !lease.held(&db).await {
                continue;
            }
            match super::lapse::close_lapsed(&db, Utc::now()).await {
                Ok(0) => {}
                Ok(closed) => tracing::info!(closed, "placements closed without consent"),
                Err(error) => tracing::warn!(%error, "could not close lapsed placements"),
            }
            match remind(&db, Utc::now()).await {
                Ok(0) => {}
                Ok(reminded) => tracing::info!(reminded, "families reminded of consent"),
                Err(error) => tracing::warn!(%error, "could not remind families of consent"),
            }
        }
    })
}
