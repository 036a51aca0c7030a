//! The former address's say. When a school moves a guardian contact to
//! another address, or stops writing to it while consent is waiting, the
//! notice mailed to the old address carries a link: "I did not ask for
//! this". Whoever controls a guardian's address controls email consent, and
//! a counselor could move a contact to an inbox of their own; the real
//! guardian, told at her old address, reports it here, and the report goes
//! past the school to the district's admins.
//!
//! A report holds email consent for the student until an admin clears it:
//! the student's open consent links end, no new link is mailed (the paper
//! form, recorded and attributed, stays), and a placement started on a
//! consent given through a link since the change goes back to waiting.
//! The report cannot move the contact back: the old address may be the one
//! that should no longer hear (a custody change), so an admin decides.

use chrono::{DateTime, Utc};
use entity::{
    PlacementStatus, Role, address_report, consent_request, guardian, opportunity, placement,
    student,
};
use sea_orm::{
    ActiveValue::Set,
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
    sea_query::{Expr, Query, SelectStatement},
};

use crate::{
    auth::extractors::CurrentUser,
    counseling::audit,
    db,
    error::{AppError, AppResult},
    i18n::Message,
    tokens,
};

/// Days the report link of a notice works.
pub const REPORT_DAYS: i64 = 30;

/// Students whose email consent is held: a report made and not cleared.
pub fn held_students() -> SelectStatement {
    Query::select()
        .column(address_report::Column::StudentId)
        .from(address_report::Entity)
        .and_where(address_report::Column::ReportedAt.is_not_null())
        .and_where(address_report::Column::ClearedAt.is_null())
        .to_owned()
}

/// Which of `students` (at most a page of them) a report holds.
pub async fn held_among(
    db: &impl ConnectionTrait,
    students: &[i32],
) -> AppResult<std::collections::HashSet<i32>> {
    Ok(address_report::Entity::find()
        .select_only()
        .column(address_report::Column::StudentId)
        .filter(address_report::Column::StudentId.is_in(students.iter().copied()))
        .filter(address_report::Column::ReportedAt.is_not_null())
        .filter(address_report::Column::ClearedAt.is_null())
        .distinct()
        .into_tuple::<i32>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

/// Whether email consent for `student_id` is held by a report.
pub async fn is_held(db: &impl ConnectionTrait, student_id: i32) -> AppResult<bool> {
    Ok(!holds_of(db, student_id).await?.is_empty())
}

/// Refuses (409) a counselor's step that would let a placement go ahead
/// while a family's report holds the student's consent: the report may be
/// about that counselor, so an admin takes it (see `clear`).
pub async fn refuse_while_held(db: &impl ConnectionTrait, student_id: i32) -> AppResult<()> {
    if is_held(db, student_id).await? {
        return Err(AppError::conflict("families-held-admin-only"));
    }
    Ok(())
}

/// The reports holding a student's email consent, oldest first.
pub async fn holds_of(
    db: &impl ConnectionTrait,
    student_id: i32,
) -> AppResult<Vec<address_report::Model>> {
    Ok(address_report::Entity::find()
        .filter(address_report::Column::StudentId.eq(student_id))
        .filter(address_report::Column::ReportedAt.is_not_null())
        .filter(address_report::Column::ClearedAt.is_null())
        .order_by_asc(address_report::Column::Id)
        .all(db)
        .await?)
}

/// A report link for the notice about to go to `former`, the address
/// `guardian` had: one row per student of the guardian, in the order of
/// `students` (the first is the one whose school the page names). Returns the link's
/// path, or `None` when the guardian has no student left to report about.
pub async fn link_for_notice(
    db: &impl ConnectionTrait,
    guardian: &guardian::Model,
    former: &str,
    students: &[i32],
) -> AppResult<Option<String>> {
    if students.is_empty() {
        return Ok(None);
    }
    let token = tokens::random(43);
    let now = Utc::now();
    let rows = students
        .iter()
        .map(|&student_id| address_report::ActiveModel {
            guardian_id: Set(guardian.id),
            student_id: Set(student_id),
            former_email: Set(former.to_owned()),
            token_hash: Set(tokens::digest(&token)),
            created_at: Set(now),
            expires_at: Set(now + chrono::Duration::days(REPORT_DAYS)),
            ..Default::default()
        });
    address_report::Entity::insert_many(rows)
        .exec_without_returning(db)
        .await?;
    Ok(Some(format!("{PATH}{token}")))
}

/// Where a report link points (also a guardian page for its language).
pub const PATH: &str = "/address-report/";

/// What a report link opens.
#[derive(Debug, Clone)]
pub enum Opened {
    /// Not reported yet: the form, with the name of the guardian it is about.
    Open(String),
    /// Reported already (a second tab, a second click).
    Reported,
}

/// The rows of a report link that still works, if any.
async fn rows_of(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> AppResult<Vec<address_report::Model>> {
    Ok(address_report::Entity::find()
        .filter(address_report::Column::TokenHash.eq(tokens::digest(token)))
        .filter(address_report::Column::ExpiresAt.gt(now))
        .order_by_asc(address_report::Column::Id)
        .all(db)
        .await?)
}

/// The guardian a report link is about, whatever its state (the page's
/// language follows theirs, see `link_language`), and the link's first row:
/// the student the notice was about (see
/// `families::service::notify_address`, eyes40 F5), the address it went to
/// and its days, for `link_language` to tell whether the page may name
/// that student's school (eyes41 F1b).
pub async fn guardian_of_link(
    db: &impl ConnectionTrait,
    token: &str,
) -> AppResult<Option<(guardian::Model, address_report::Model)>> {
    let Some(row) = address_report::Entity::find()
        .filter(address_report::Column::TokenHash.eq(tokens::digest(token)))
        .order_by_asc(address_report::Column::Id)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    Ok(guardian::Entity::find_by_id(row.guardian_id)
        .one(db)
        .await?
        .map(|guardian| (guardian, row)))
}

/// What a report link opens; not found when unknown or past its days.
pub async fn open(db: &impl ConnectionTrait, token: &str) -> AppResult<Opened> {
    let rows = rows_of(db, token, Utc::now()).await?;
    let first = rows.first().ok_or(AppError::NotFound)?;
    if rows.iter().all(|r| r.reported_at.is_some()) {
        return Ok(Opened::Reported);
    }
    let guardian = db::found::<guardian::Entity>(db, first.guardian_id).await?;
    Ok(Opened::Open(crate::families::service::full_name(&guardian)))
}

/// The former address reports the change. Once: a second tab finds it
/// reported and nothing happens twice. In one transaction, for each student
/// the notice was about: open consent links end, placements started on a
/// link answered since the change go back to waiting for consent (the
/// student and the employers are told, as after any hold), and every admin
/// is mailed. Returns whether this request made the report.
pub async fn report(db: &DatabaseConnection, token: &str) -> AppResult<bool> {
    let txn = db::begin_write(db).await?;
    let now = Utc::now();
    let rows = rows_of(&txn, token, now).await?;
    let first = rows.first().cloned().ok_or(AppError::NotFound)?;
    let marked = address_report::Entity::update_many()
        .col_expr(address_report::Column::ReportedAt, Expr::value(now))
        .filter(address_report::Column::TokenHash.eq(tokens::digest(token)))
        .filter(address_report::Column::ReportedAt.is_null())
        .exec(&txn)
        .await?;
    if marked.rows_affected == 0 {
        return Ok(false);
    }
    let mut held = Vec::new();
    for row in &rows {
        let student = db::found::<student::Entity>(&txn, row.student_id).await?;
        end_open_links(&txn, student.id, now).await?;
        held.extend(hold_placements_since(&txn, &student, row.created_at).await?);
    }
    tell_admins(&txn, &first, &rows, held.len()).await?;
    txn.commit().await?;
    Ok(true)
}

/// Every unused, unexpired consent link of the student's placements ends.
async fn end_open_links(
    db: &impl ConnectionTrait,
    student_id: i32,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let placements = Query::select()
        .column(placement::Column::Id)
        .from(placement::Entity)
        .and_where(placement::Column::StudentId.eq(student_id))
        .to_owned();
    consent_request::Entity::update_many()
        .col_expr(consent_request::Column::ExpiresAt, Expr::value(now))
        .filter(consent_request::Column::PlacementId.in_subquery(placements))
        .filter(consent_request::Column::UsedAt.is_null())
        .filter(consent_request::Column::ExpiresAt.gt(now))
        .exec(db)
        .await?;
    Ok(())
}

/// Active placements of the student whose consent came through an emailed
/// link answered at or after `since` go back to waiting for consent, the
/// decision cleared (conditional, like every consent change). Returns them.
async fn hold_placements_since(
    db: &impl ConnectionTrait,
    student: &student::Model,
    since: DateTime<Utc>,
) -> AppResult<Vec<i32>> {
    let answered = placement::Entity::find()
        .filter(placement::Column::StudentId.eq(student.id))
        .filter(placement::Column::Status.eq(PlacementStatus::Active))
        .filter(placement::Column::ConsentGiven.eq(true))
        .filter(placement::Column::ConsentRecordedBy.is_null())
        .filter(placement::Column::ConsentRecordedAt.gte(since))
        .all(db)
        .await?;
    let mut held = Vec::new();
    for placement in answered {
        let moved = placement::Entity::update_many()
            .col_expr(
                placement::Column::Status,
                Expr::value(PlacementStatus::AwaitingConsent),
            )
            .col_expr(placement::Column::ConsentGiven, Expr::value(None::<bool>))
            .col_expr(
                placement::Column::ConsentRecordedAt,
                Expr::value(None::<DateTime<Utc>>),
            )
            .col_expr(placement::Column::GuardianName, Expr::value(None::<String>))
            .col_expr(
                placement::Column::GuardianRelationship,
                Expr::value(None::<String>),
            )
            .filter(placement::Column::Id.eq(placement.id))
            .filter(placement::Column::Status.eq(PlacementStatus::Active))
            .exec(db)
            .await?;
        if moved.rows_affected != 1 {
            continue;
        }
        held.push(placement.id);
        let opportunity = db::found::<opportunity::Entity>(db, placement.opportunity_id).await?;
        let title = opportunity.title.clone();
        crate::notifications::notify_student_of_placement(
            db,
            student,
            placement.id,
            &Message::new("families-consent-held").arg("title", title.clone()),
        )
        .await?;
        crate::notifications::notify_employers(
            db,
            opportunity.organization_id,
            &Message::new("families-consent-needed-again-employer").arg("title", title),
            &format!("/employer/opportunities/{}/applicants", opportunity.id),
        )
        .await?;
    }
    Ok(held)
}

/// Mails every enabled admin, in their language: the school, the guardian,
/// the students' records to open.
async fn tell_admins(
    db: &impl ConnectionTrait,
    first: &address_report::Model,
    rows: &[address_report::Model],
    held: usize,
) -> AppResult<()> {
    let guardian = db::found::<guardian::Entity>(db, first.guardian_id).await?;
    let student = db::found::<student::Entity>(db, first.student_id).await?;
    let school = db::found::<entity::school::Entity>(db, student.school_id).await?;
    let admins = crate::accounts::service::enabled_admins(db).await?;
    let records: Vec<String> = rows
        .iter()
        .map(|r| format!("/counselor/students/{}", r.student_id))
        .collect();
    for admin in admins {
        let lang = crate::mail::preferences::lang_of_user(&admin);
        crate::mail::enqueue(
            db,
            crate::mail::Outgoing {
                to: &admin.email,
                lang,
                template: "notice",
                subject_key: "mail-guardian-address-reported-subject",
                subject_args: vec![],
                ctx: minijinja::context! {
                    kind => "guardian-address-reported",
                    name => admin.display_name.clone(),
                    title => crate::families::service::full_name(&guardian),
                    organization => school.name.clone(),
                    student => held,
                    link => records.first().cloned(),
                    footer => "mail-footer-staff",
                },
                attachment: None,
                unsubscribe: None,
                for_organization: None,
                about_organization: None,
                for_account: Some(admin.id),
                notice_kind: None,
                placement: None,
                for_guardian: None,
            },
        )
        .await?;
    }
    Ok(())
}

/// An admin has looked: the holds on the student end, it is audited, and
/// each placement waiting for consent is asked for again, of the contacts
/// as the admin left them (every link ended at the report, and a consent
/// taken back must be asked of everyone). Counselors cannot: the report may
/// be about them. Returns how many placements asked someone.
pub async fn clear(
    db: &DatabaseConnection,
    admin: &CurrentUser,
    student_id: i32,
) -> AppResult<usize> {
    if admin.role != Role::Admin {
        return Err(AppError::Forbidden);
    }
    let txn = db::begin_write(db).await?;
    let student = db::found::<student::Entity>(&txn, student_id).await?;
    let now = Utc::now();
    let cleared = address_report::Entity::update_many()
        .col_expr(address_report::Column::ClearedAt, Expr::value(now))
        .col_expr(address_report::Column::ClearedBy, Expr::value(admin.id))
        .filter(address_report::Column::StudentId.eq(student_id))
        .filter(address_report::Column::ReportedAt.is_not_null())
        .filter(address_report::Column::ClearedAt.is_null())
        .exec(&txn)
        .await?;
    if cleared.rows_affected == 0 {
        return Err(AppError::conflict("families-hold-none"));
    }
    audit::record(
        &txn,
        admin.id,
        audit::AuditAction::ClearAddressReport,
        &format!("student {student_id}: email consent no longer held"),
    )
    .await?;
    let waiting = placement::Entity::find()
        .filter(placement::Column::StudentId.eq(student_id))
        .filter(placement::Column::Status.eq(PlacementStatus::AwaitingConsent))
        .all(&txn)
        .await?;
    let mut asked = 0;
    for placement in waiting {
        let opportunity = db::found::<opportunity::Entity>(&txn, placement.opportunity_id).await?;
        let sent =
            crate::placements::consent::request(&txn, &placement, &opportunity, &student).await?;
        asked += usize::from(sent > 0);
    }
    txn.commit().await?;
    Ok(asked)
}
