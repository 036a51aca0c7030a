//! Placements whose dates ended while they still waited for guardian
//! consent. Consent can no longer start one (`service::record_consent`
//! refuses a consent after the last day), so left alone such a placement
//! would keep its seat, count as "placed" on every dashboard and export for
//! good (`PlacementStatus::PLACED` holds a placement waiting for consent),
//! and keep the wait list behind it from moving.
//!
//! The hourly consent job (`reminder::spawn_worker`) closes each one as
//! only the system does: `Cancelled` ("called off before it started": it
//! never went ahead, so it counts as placed nowhere) with the reason
//! `consent_not_received`, which no person's form offers. Each is decided
//! in its own transaction, with the posting's row locked and then the
//! placement's (the order of every seat change), and only while it still
//! waits and its last day is over: a consent or decline recorded meanwhile,
//! or a second run, finds nothing to do. The freed seat goes to the wait
//! list only while the posting's own dates are not over
//! (`service::promote_wait_list`), in the closing transaction; once it
//! commits, the postings where the student waits behind the place that
//! lapsed (it clashed) give them a free seat (`free_seats`), as after
//! every other ending. The student, the employers and the
//! student's counselors are told in the app; the guardians a request was
//! mailed to hear only that the request is closed; the audit log has it as
//! the system's act.

use chrono::{DateTime, NaiveDate, Utc};
use entity::{EndReason, PlacementStatus, placement, student};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

use super::{confirmation::FamilyNews, seats};
use crate::{
    counseling::audit::{self, AuditAction, NoAccount},
    db,
    error::AppResult,
    i18n::Message,
    notifications::{notify_employers, notify_student_of_placement, notify_students_counselors},
};

/// Closes every placement whose last day was before `now`'s date (the
/// site's time zone) while it still waits for consent; returns how many it
/// closed. A placement that cannot be closed now (its row busy, a database
/// error) is logged and left for the next run.
pub async fn close_lapsed(db: &DatabaseConnection, now: DateTime<Utc>) -> AppResult<usize> {
    let today = crate::format::day_of(now);
    let lapsed: Vec<i32> = placement::Entity::find()
        .select_only()
        .column(placement::Column::Id)
        .filter(placement::Column::Status.eq(PlacementStatus::AwaitingConsent))
        .filter(placement::Column::EndDate.lt(today))
        .order_by_asc(placement::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    let mut closed = 0;
    for id in lapsed {
        match close_one(db, id, today).await {
            Ok(Some(student_id)) => {
                closed += 1;
                // As after every other ending: the postings where the
                // student waits behind this place (it clashed) give them
                // a free seat now, not at the next sweep.
                super::free_seats::after_placement_ended(db, student_id).await;
            }
            Ok(None) => {}
            Err(error) => {
                tracing::warn!(%error, placement = id, "could not close a lapsed placement");
            }
        }
    }
    Ok(closed)
}

/// Closes placement `id` if it still waits for consent with its last day
/// before `today`, in one transaction; its student when it did.
async fn close_one(db: &DatabaseConnection, id: i32, today: NaiveDate) -> AppResult<Option<i32>> {
    let txn = db::begin_write(db).await?;
    let Some(seen) = placement::Entity::find_by_id(id).one(&txn).await? else {
        return Ok(None);
    };
    // Under the posting's lock, which every seat change and consent
    // decision takes first, the placement is read again (`seats::free`
    // does) and closed only while still open; here, only while waiting.
    seats::lock_opportunity(&txn, seen.opportunity_id).await?;
    let found = db::found::<placement::Entity>(&txn, id).await?;
    if found.status != PlacementStatus::AwaitingConsent || found.end_date >= today {
        return Ok(None);
    }
    close(&txn, &found).await?;
    txn.commit().await?;
    Ok(Some(found.student_id))
}

/// Closes `found` (locked, still waiting, its dates over) as the system
/// does, and tells everyone concerned.
async fn close(db: &impl ConnectionTrait, found: &placement::Model) -> AppResult<()> {
    let reason = EndReason::ConsentNotReceived.key();
    let opportunity = seats::free(
        db,
        found,
        PlacementStatus::Cancelled,
        reason,
        None,
        None,
        FamilyNews::RequestClosed,
    )
    .await?;
    let title = opportunity.title.as_str();
    let student = db::found::<student::Entity>(db, found.student_id).await?;
    notify_student_of_placement(
        db,
        &student,
        found.id,
        &Message::new("seats-notice-lapsed").arg("title", title),
    )
    .await?;
    notify_employers(
        db,
        opportunity.organization_id,
        &Message::new("seats-notice-lapsed-employer").arg("title", title),
        &format!("/employer/placements/{}", found.id),
    )
    .await?;
    let organization =
        crate::organizations::service::name_of(db, opportunity.organization_id).await?;
    notify_students_counselors(
        db,
        &student,
        None,
        &Message::new("seats-notice-school-lapsed")
            .arg(
                "student",
                format!("{} {}", student.first_name, student.last_name),
            )
            .arg("title", title)
            .arg("organization", organization.as_str()),
        &format!("/counselor/placements/{}", found.id),
    )
    .await?;
    audit::record_without_account(
        db,
        NoAccount::System,
        AuditAction::CloseUnconsentedPlacement,
        &format!(
            "placement {} ({reason}, last day {}), student {}",
            found.id, found.end_date, found.student_id
        ),
    )
    .await
}
