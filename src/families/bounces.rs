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
    QueryOrder, QuerySelect,
    sea_query::{Expr, ExprTrait, Func, Query},
};
use std::collections::HashSet;

use crate::{
    auth::extractors::CurrentUser,
    counseling::audit,
    db,
    error::{AppError, AppResult},
    placements::consent,
    roster::service::{ensure_school_access, schools_of},
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
/// next time marks it again. Returns how many placements of students this
/// counselor looks after asked.
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
    // No `shared_beyond` rule, unlike the correction form: the address stays
    // the one every school of the family has on file; only its mark goes.
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
    // one of the record the counselor is on (eyes40 F8). Only those of the
    // children this counselor looks after are counted, and their other
    // contacts asked too; a sibling at another school is that school's
    // business: this address alone is asked there, and not a word of it
    // reaches this counselor (whether that child has a placement at all,
    // eyes41 F3).
    let linked = Query::select()
        .column(student_guardian::Column::StudentId)
        .from(student_guardian::Entity)
        .and_where(student_guardian::Column::GuardianId.eq(guardian_id))
        .to_owned();
    let children: Vec<(i32, i32)> = student::Entity::find()
        .select_only()
        .column(student::Column::Id)
        .column(student::Column::SchoolId)
        .filter(student::Column::Id.in_subquery(linked))
        .order_by_asc(student::Column::Id)
        .into_tuple()
        .all(&txn)
        .await?;
    let looked_after: HashSet<i32> = schools_of(&txn, counselor)
        .await?
        .into_iter()
        .map(|school| school.id)
        .collect();
    let (theirs, elsewhere): (Vec<_>, Vec<_>) = children
        .into_iter()
        .partition(|(_, school)| looked_after.contains(school));
    let ids =
        |children: Vec<(i32, i32)>| children.into_iter().map(|(id, _)| id).collect::<Vec<_>>();
    let now = Utc::now();
    let links = consent::refresh_links(&txn, &ids(theirs), now).await?;
    consent::refresh_links_of(&txn, &ids(elsewhere), guardian_id, false, now).await?;
    txn.commit().await?;
    Ok(links.asked)
}
