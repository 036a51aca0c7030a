//! Guardian addresses whose mail server refused our mail for good: kept as
//! refused when the recipient itself is refused (`mail::refusal`, from the
//! worker), dated by the first refusal, left out of every mail to a
//! guardian until the address changes (`families::reachable_by_email`,
//! `mail::preferences::guardian_always`), and tried again when a counselor
//! says so (a mailbox closed for a while, a server fault read as a refusal).

use chrono::{NaiveDate, Utc};
use entity::{guardian, student, student_guardian};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QuerySelect,
    sea_query::{Expr, ExprTrait, Func},
};

use crate::{
    auth::extractors::CurrentUser,
    counseling::audit,
    db,
    error::{AppError, AppResult},
    roster::service::ensure_school_access,
};

/// The mail server of `recipient` refused that address for good: every
/// guardian contact at it keeps it as refused, so no mail goes there until
/// their address changes, and their counselors see why (the student's
/// record, Consent forms). A contact already kept as refused at this
/// address keeps the day of the first refusal: each message queued before
/// it was known is refused again, and "since" must not move (eyes18b F9).
pub async fn record(
    db: &impl ConnectionTrait,
    recipient: &str,
    at: chrono::DateTime<Utc>,
) -> AppResult<u64> {
    let at_address = Expr::expr(Func::lower(Expr::col((
        guardian::Entity,
        guardian::Column::Email,
    ))))
    .eq(recipient.trim().to_lowercase());
    let not_yet = Condition::any()
        .add(guardian::Column::EmailBounced.is_null())
        .add(
            Expr::col((guardian::Entity, guardian::Column::EmailBounced))
                .ne(Expr::col((guardian::Entity, guardian::Column::Email))),
        );
    Ok(guardian::Entity::update_many()
        .col_expr(
            guardian::Column::EmailBounced,
            Expr::col((guardian::Entity, guardian::Column::Email)),
        )
        .col_expr(guardian::Column::EmailBouncedAt, Expr::value(at))
        .filter(at_address)
        .filter(not_yet)
        .exec(db)
        .await?
        .rows_affected)
}

/// Whether `guardian`'s address is one a mail server refused for good.
pub fn bounced(guardian: &guardian::Model) -> bool {
    guardian.email.is_some() && guardian.email == guardian.email_bounced
}

/// The address of a student's active guardian that a server refused for
/// good, and the day it did, if any (the oldest refusal): why nobody could
/// be asked for consent.
pub async fn refused_of_student(
    db: &impl ConnectionTrait,
    student_id: i32,
) -> AppResult<Option<(String, NaiveDate)>> {
    let refused = crate::families::service::of_student(db, student_id)
        .await?
        .into_iter()
        .filter(|g| g.active && bounced(g))
        .filter_map(|g| Some((g.email?, g.email_bounced_at?)))
        .min_by_key(|(_, at)| *at);
    Ok(refused.map(|(email, at)| (email, crate::format::day_of(at))))
}

/// A counselor of the student's school (or an admin) asks us to try a
/// contact's refused address again ("try this address again"): the refusal
/// is forgotten, audited with the day it began, and the family's waiting
/// placements ask this contact for consent again at once. A refusal the
/// next time marks it again. Returns how many placements asked.
pub async fn retry(
    db: &DatabaseConnection,
    counselor: &CurrentUser,
    student_id: i32,
    guardian_id: i32,
) -> AppResult<usize> {
    let txn = db::begin_write(db).await?;
    let student = db::found::<student::Entity>(&txn, student_id).await?;
    ensure_school_access(&txn, counselor, student.school_id).await?;
    db::found::<student_guardian::Entity>(&txn, (student_id, guardian_id)).await?;
    // Locked: a second click waits for the first, then finds nothing refused.
    let contact = guardian::Entity::find_by_id(guardian_id)
        .lock_exclusive()
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    if !bounced(&contact) {
        return Err(AppError::conflict("families-retry-not-refused"));
    }
    guardian::Entity::update_many()
        .col_expr(guardian::Column::EmailBounced, Expr::value(None::<String>))
        .col_expr(
            guardian::Column::EmailBouncedAt,
            Expr::value(None::<chrono::DateTime<Utc>>),
        )
        .filter(guardian::Column::Id.eq(guardian_id))
        .exec(&txn)
        .await?;
    let since = contact
        .email_bounced_at
        .map(|at| at.date_naive().to_string())
        .unwrap_or_default();
    audit::record(
        &txn,
        counselor.id,
        audit::AuditAction::RetryGuardianAddress,
        &format!(
            "student {student_id}, guardian {guardian_id}: {} tried again (refused since {since})",
            contact.email.as_deref().unwrap_or_default()
        ),
    )
    .await?;
    // The refusal was the address's, shared by every child this contact is
    // linked to: each of their waiting placements asks again, not only the
    // one of the record the counselor is on (eyes40 F8).
    let mut students: Vec<i32> = student_guardian::Entity::find()
        .select_only()
        .column(student_guardian::Column::StudentId)
        .filter(student_guardian::Column::GuardianId.eq(guardian_id))
        .into_tuple::<i32>()
        .all(&txn)
        .await?;
    students.sort_unstable();
    let links = crate::placements::consent::refresh_links(&txn, &students, Utc::now()).await?;
    txn.commit().await?;
    Ok(links.asked)
}
