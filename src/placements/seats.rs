//! Seats that come back: a student withdraws from a placement they
//! accepted, an employer or a counselor ends one early; the freed seat goes
//! to the wait list in the same transaction (`service::promote_wait_list`).
//!
//! Before a placement starts (while it waits for consent, or before its
//! first day) only the student's school ends it: a seat given by a draw or
//! by the wait list's order would otherwise pass down the list at the
//! employer's choice, one student at a time. Every early end is on the
//! audit log and told to the student's counselors.
//!
//! Every seat change locks the posting's row first (`FOR UPDATE` on
//! PostgreSQL; SQLite write transactions are exclusive), then changes the
//! placement only while it is still open (`UPDATE ... WHERE status IN
//! (open)`), then fills free seats while someone waits. So two frees at once
//! run one after the other: neither promotes into the other's seat, and
//! neither leaves a free seat behind a waiting student.

use chrono::{NaiveDate, Utc};
use entity::{
    ApplicationStatus, EndReason, PlacementStatus, Role, WithdrawReason, application, opportunity,
    placement, student,
};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QuerySelect,
};
use serde::{Deserialize, Serialize};

use super::{
    confirmation::FamilyNews,
    evaluation::Reader,
    service::{self, find_for_employer, find_for_student},
};
use crate::{
    auth::extractors::{CurrentUser, VerifiedEmployer},
    db,
    error::{AppError, AppResult, OrNotFound},
    forms::FieldErrors,
    i18n::{self, Message},
    notifications::{notify, notify_employers, notify_student_of_placement},
    roster::service::ensure_school_access,
};

/// Longest note with a reason.
pub const NOTE_MAX: crate::forms::Limit = crate::forms::Limit::lines(500);

/// The posting's row, locked for the rest of the transaction (`FOR
/// UPDATE` on PostgreSQL; SQLite write transactions are exclusive), after
/// a shared lock on its organization. One order for every seat change and
/// for a review, which locks the organization and then its postings: a
/// reinstatement and a freed seat at the same moment wait for each other
/// instead of deadlocking (eyes11d F2).
pub async fn lock_opportunity(db: &impl ConnectionTrait, id: i32) -> AppResult<opportunity::Model> {
    let organization_id: i32 = opportunity::Entity::find_by_id(id)
        .select_only()
        .column(opportunity::Column::OrganizationId)
        .into_tuple()
        .one(db)
        .await?
        .or_not_found()?;
    lock_organization(db, organization_id).await?;
    opportunity::Entity::find_by_id(id)
        .lock_exclusive()
        .one(db)
        .await?
        .or_not_found()
}

/// A shared lock on an organization, taken before any of its postings is
/// locked (see [`lock_opportunity`]).
pub async fn lock_organization(db: &impl ConnectionTrait, organization_id: i32) -> AppResult<()> {
    entity::organization::Entity::find_by_id(organization_id)
        .lock_shared()
        .one(db)
        .await?
        .or_not_found()?;
    Ok(())
}

/// "This placement is “Completed”: it can no longer change."
pub fn not_open(status: PlacementStatus) -> AppError {
    let lang = i18n::current();
    AppError::Conflict(i18n::t_args(
        lang,
        "seats-error-not-open",
        vec![(
            "status",
            i18n::vocab(lang, "placement_status", status.key()).into(),
        )],
    ))
}

/// Whether a placement has started: under way (consent recorded where it
/// was needed) and its first day has come.
pub fn started(placement: &placement::Model, today: NaiveDate) -> bool {
    placement.status == PlacementStatus::Active && placement.start_date <= today
}

/// The employer's refusal to end a placement that has not started: before
/// then only the student's school can (see the module's note).
pub fn not_started(placement: &placement::Model) -> AppError {
    if placement.status == PlacementStatus::AwaitingConsent {
        return AppError::conflict("seats-error-not-started-consent");
    }
    let lang = i18n::current();
    AppError::Conflict(i18n::t_args(
        lang,
        "seats-error-not-started",
        vec![("date", i18n::long_date(lang, placement.start_date).into())],
    ))
}

/// The catalogue id of a stored reason key (either vocabulary).
pub fn reason_id(key: &str) -> Option<String> {
    if WithdrawReason::from_key(key).is_some() {
        Some(format!("vocab-withdraw_reason-{key}"))
    } else {
        EndReason::from_key(key).map(|_| format!("vocab-end_reason-{key}"))
    }
}

/// Why a placement ended early and its note, as `reader` may read them.
/// A school's note is for counselors only: it may record what the student
/// reported about the organization. A school's "safety concern" reaches the
/// organization as "ended by the school", so it does not tip off a person a
/// student reported. What an employer or the student wrote is for the other
/// side and the school, as their forms say.
pub async fn end_as_read(
    db: &impl ConnectionTrait,
    placement: &placement::Model,
    reader: Reader,
) -> AppResult<(Option<String>, Option<String>)> {
    let reason = placement.end_reason.as_deref();
    if reader == Reader::Counselor || reason.is_none() {
        return Ok((reason.and_then(reason_id), placement.end_note.clone()));
    }
    let by_school = match placement.ended_by {
        Some(id) => entity::user::Entity::find_by_id(id)
            .one(db)
            .await?
            .is_some_and(|u| matches!(u.role, Role::Counselor | Role::Admin)),
        None => false,
    };
    // A guardian's withdrawal names the guardian, and their words are for
    // the school: the student and employer read the reason alone.
    let by_family =
        placement.ended_by.is_none() && reason == Some(EndReason::ConsentWithdrawn.key());
    if !by_school && !by_family {
        return Ok((reason.and_then(reason_id), placement.end_note.clone()));
    }
    let reason = match reason {
        Some(key) if reader == Reader::Employer && key == EndReason::Safety.key() => {
            Some("seats-ended-by-school".to_owned())
        }
        other => other.and_then(reason_id),
    };
    Ok((reason, None))
}

pub fn withdraw_reason_keys() -> Vec<&'static str> {
    WithdrawReason::KEYS.to_vec()
}

pub fn end_reason_keys(ender: Ender) -> Vec<&'static str> {
    EndReason::KEYS
        .iter()
        .copied()
        .filter(|&key| may_give(ender, key))
        .collect()
}

/// Whether `ender` may give the reason `key`: a guardian's consent is
/// withdrawn by the family (`withdrawal`) or recorded by the school, never
/// by the employer; "consent never arrived" is the system's alone
/// (`lapse`), given by no form.
fn may_give(ender: Ender, key: &str) -> bool {
    key != EndReason::ConsentNotReceived.key()
        && (ender != Ender::Employer || key != EndReason::ConsentWithdrawn.key())
}

/// A reason from a short list, and an optional note.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct ReasonForm {
    pub reason: String,
    pub note: String,
}

/// The reason's key when it is one of `keys`, and the note.
fn parse_reason(
    form: &ReasonForm,
    parse: impl Fn(&str) -> Option<&'static str>,
) -> AppResult<(&'static str, Option<String>)> {
    let mut errors = FieldErrors::new();
    let reason = parse(form.reason.trim());
    if reason.is_none() {
        errors.add_id("reason", "seats-error-reason");
    }
    let note = errors.optional_text("note", "seats-note", &form.note, NOTE_MAX);
    let reason = errors.into_result(reason)?.unwrap_or("other");
    Ok((reason, (!note.is_empty()).then_some(note)))
}

/// Closes an open placement as `to` with its reason, gives its seat to the
/// wait list and tells the family `news` (and a student it was confirmed
/// to, by mail). The posting is locked before the
/// placement changes. `actor` is the account that ended it (none for a
/// guardian, who has no account, nor for the system).
pub(super) async fn free(
    db: &impl ConnectionTrait,
    found: &placement::Model,
    to: PlacementStatus,
    reason: &str,
    note: Option<String>,
    actor: Option<i32>,
    news: FamilyNews<'_>,
) -> AppResult<opportunity::Model> {
    let opportunity = lock_opportunity(db, found.opportunity_id).await?;
    // Read again under the posting's lock: a consent recorded meanwhile (on
    // PostgreSQL the first read was not locked) changes what the family is
    // told (eyes13e).
    let found = &crate::db::found::<placement::Entity>(db, found.id).await?;
    if !PlacementStatus::OPEN.contains(&found.status) {
        return Err(not_open(found.status));
    }
    // Only while still open: a second click, or a consent decision or
    // another ender in between, finds nothing to change.
    let changed = placement::Entity::update_many()
        .set(placement::ActiveModel {
            status: Set(to),
            ended_at: Set(Some(Utc::now())),
            end_reason: Set(Some(reason.to_owned())),
            end_note: Set(note),
            ended_by: Set(actor),
            ..Default::default()
        })
        .filter(placement::Column::Id.eq(found.id))
        .filter(placement::Column::Status.is_in(PlacementStatus::OPEN))
        .exec(db)
        .await?
        .rows_affected;
    if changed == 0 {
        let now = crate::db::found::<placement::Entity>(db, found.id).await?;
        return Err(not_open(now.status));
    }
    // Search learns the seat is free; the wait list fills it.
    crate::outbox::enqueue(db, opportunity.id).await?;
    service::promote_wait_list(db, &opportunity).await?;
    // A family asked for consent, or confirmed to, hears it is off.
    let student = crate::db::found::<student::Entity>(db, found.student_id).await?;
    super::confirmation::tell_family(db, found, &opportunity, &student, news).await?;
    super::confirmation::tell_student(db, found, &opportunity, &student).await?;
    Ok(opportunity)
}

/// The student gives back a seat they accepted (awaiting consent or
/// active), with a reason. Their application becomes withdrawn.
pub async fn withdraw(
    db: &DatabaseConnection,
    user: &CurrentUser,
    placement_id: i32,
    form: &ReasonForm,
) -> AppResult<placement::Model> {
    let txn = db::begin_write(db).await?;
    // Someone else's placement is "not found", whatever the form says.
    let found = find_for_student(&txn, user, placement_id).await?;
    let (reason, note) = parse_reason(form, |k| WithdrawReason::from_key(k).map(|r| r.key()))?;
    // The note reaches the organization: no way to reach the student
    // outside STEMbridge in it (eyes15a F4).
    if let Some(note) = &note {
        let mut errors = FieldErrors::new();
        errors.without_contact_details_to_organization("note", note);
        errors.into_result(())?;
    }
    let opportunity = free(
        &txn,
        &found,
        PlacementStatus::Withdrawn,
        reason,
        note,
        Some(user.id),
        FamilyNews::CalledOff,
    )
    .await?;
    let changed = application::Entity::update_many()
        .set(application::ActiveModel {
            status: Set(ApplicationStatus::Withdrawn),
            updated_at: Set(Utc::now()),
            ..Default::default()
        })
        .filter(application::Column::Id.eq(found.application_id))
        .filter(application::Column::Status.eq(ApplicationStatus::Accepted))
        .exec(&txn)
        .await?
        .rows_affected;
    if changed > 0 {
        crate::applications::service::record_event(
            &txn,
            found.application_id,
            Some(ApplicationStatus::Accepted),
            ApplicationStatus::Withdrawn,
            user.id,
            Utc::now(),
        )
        .await?;
    }
    let student = crate::db::found::<student::Entity>(&txn, found.student_id).await?;
    notify_employers(
        &txn,
        opportunity.organization_id,
        &Message::new("seats-notice-withdrew")
            .arg("name", student.first_name.as_str())
            .arg("title", opportunity.title.as_str())
            .vocab("reason", "withdraw_reason", reason),
        &format!("/employer/placements/{}", found.id),
    )
    .await?;
    let saved = crate::db::found::<placement::Entity>(&txn, found.id).await?;
    txn.commit().await?;
    // A seat elsewhere this place kept them from is theirs now, if free.
    super::free_seats::after_placement_ended(db, saved.student_id).await;
    Ok(saved)
}

/// Who ends a placement early.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ender {
    /// An employer of the host organization: only once it has started.
    Employer,
    /// A counselor of the student's school: at any time.
    School,
    /// A guardian withdrawing consent (`withdrawal`): at any time.
    Family,
}

/// Tells the student (and the employers, when the school ended it) why
/// their placement ended early, or was called off before it started.
async fn tell_ended(
    db: &impl ConnectionTrait,
    found: &placement::Model,
    opportunity: &opportunity::Model,
    reason: &str,
    to: PlacementStatus,
    ender: Ender,
) -> AppResult<()> {
    let title = opportunity.title.as_str();
    let message = if to == PlacementStatus::Cancelled {
        Message::new("seats-notice-cancelled")
    } else {
        Message::new("seats-notice-ended")
    }
    .arg("title", title)
    .vocab("reason", "end_reason", reason);
    let student = crate::db::found::<student::Entity>(db, found.student_id).await?;
    notify_student_of_placement(db, &student, found.id, &message).await?;
    if ender != Ender::Employer {
        // As `end_as_read`: a school's safety concern is not named to them.
        // A family's withdrawal is told as the reason it is (eyes14c F5).
        let message = if ender == Ender::Family {
            message
        } else if to == PlacementStatus::Cancelled {
            Message::new("seats-notice-cancelled-by-school").arg("title", title)
        } else if reason == EndReason::Safety.key() {
            Message::new("seats-notice-ended-by-school").arg("title", title)
        } else {
            message
        };
        let link = format!("/employer/placements/{}", found.id);
        let employers = notify_employers(db, opportunity.organization_id, &message, &link).await?;
        // A family's withdrawal reaches them as a guardian's decline does:
        // by mail too, for those who asked for updates (a job-shadow day
        // may be tomorrow).
        if ender == Ender::Family {
            crate::mail::notices::to_employers(
                db,
                &employers,
                "consent-withdrawn",
                opportunity,
                &student.first_name,
                &link,
            )
            .await?;
        }
    }
    Ok(())
}

/// Puts an early end on the audit log and tells the student's counselors
/// (all but the one who ended it): an employer's end, so the school knows
/// its student lost the seat and why; another counselor's, so nobody at the
/// school learns it from the student first; a guardian's withdrawal, so the
/// school can talk with the family. A guardian has no account: their
/// withdrawal is audited by `end_for_family`, which knows who they are.
pub async fn record_early_end(
    db: &impl ConnectionTrait,
    found: &placement::Model,
    opportunity: &opportunity::Model,
    actor: Option<i32>,
    ender: Ender,
    reason: Option<&str>,
) -> AppResult<()> {
    if let Some(actor) = actor {
        crate::counseling::audit::record(
            db,
            actor,
            crate::counseling::audit::AuditAction::EndPlacement,
            &format!(
                "placement {} ({})",
                found.id,
                reason.unwrap_or("closing form")
            ),
        )
        .await?;
    }
    let student = crate::db::found::<student::Entity>(db, found.student_id).await?;
    let organization =
        crate::organizations::service::name_of(db, opportunity.organization_id).await?;
    let message = match ender {
        Ender::Employer => Message::new("seats-notice-school-ended-by-employer"),
        Ender::School => Message::new("seats-notice-school-ended-by-school"),
        Ender::Family => Message::new("seats-notice-school-ended-by-family"),
    }
    .arg(
        "student",
        format!("{} {}", student.first_name, student.last_name),
    )
    .arg("title", opportunity.title.as_str())
    .arg("organization", organization.as_str())
    .term(
        "reason",
        &reason.map_or_else(
            || "seats-reason-closing-form".to_owned(),
            |key| format!("vocab-end_reason-{key}"),
        ),
    );
    crate::notifications::notify_students_counselors(
        db,
        &student,
        actor,
        &message,
        &format!("/counselor/placements/{}", found.id),
    )
    .await
}

/// Ends a placement early with the reason given, frees its seat, tells the
/// student (and the employers, when the school ended it) and the student's
/// counselors, and audits it. An employer ends only a placement that has
/// started; the school's end of one that has not is recorded as
/// `Cancelled` (it never went ahead, so it counts nowhere as placed).
async fn end_early(
    db: &impl ConnectionTrait,
    found: &placement::Model,
    actor: i32,
    form: &ReasonForm,
    ender: Ender,
) -> AppResult<()> {
    let (reason, note) = parse_reason(form, |k| {
        EndReason::from_key(k)
            .map(|r| r.key())
            .filter(|&key| may_give(ender, key))
    })?;
    // An employer's note is read by the student: no contact details in it
    // (eyes13f F2).
    if ender == Ender::Employer
        && let Some(note) = &note
    {
        let mut errors = FieldErrors::new();
        errors.without_contact_details("note", note);
        errors.into_result(())?;
    }
    if !PlacementStatus::OPEN.contains(&found.status) {
        return Err(not_open(found.status));
    }
    let has_started = started(found, crate::format::today());
    if ender == Ender::Employer && !has_started {
        return Err(not_started(found));
    }
    // Nobody missed a day of a placement that has not begun.
    if !has_started && reason == EndReason::Attendance.key() {
        let mut errors = FieldErrors::new();
        errors.add_id("reason", "seats-error-attendance-before-start");
        return Err(AppError::Validation(errors));
    }
    let to = if has_started {
        PlacementStatus::EndedEarly
    } else {
        PlacementStatus::Cancelled
    };
    let opportunity = free(
        db,
        found,
        to,
        reason,
        note,
        Some(actor),
        FamilyNews::CalledOff,
    )
    .await?;
    tell_ended(db, found, &opportunity, reason, to, ender).await?;
    record_early_end(db, found, &opportunity, Some(actor), ender, Some(reason)).await
}

/// A guardian withdrew the consent `found` started with (`withdrawal`):
/// ended as the school would end it, with the reason "a guardian withdrew
/// consent" and the guardian's name, and their words if any, as the note
/// (the school alone reads it: `end_as_read`). The whole family is told who
/// withdrew, so a parent who did not can speak to the school.
pub async fn end_for_family(
    db: &impl ConnectionTrait,
    found: &placement::Model,
    guardian: &entity::guardian::Model,
    words: Option<String>,
) -> AppResult<()> {
    let reason = EndReason::ConsentWithdrawn.key();
    let name = crate::families::service::full_name(guardian);
    let note = match words {
        Some(words) => format!("{name}: {words}"),
        None => name.clone(),
    };
    let to = if started(found, crate::format::today()) {
        PlacementStatus::EndedEarly
    } else {
        PlacementStatus::Cancelled
    };
    let news = FamilyNews::Withdrawn(&name);
    let opportunity = free(db, found, to, reason, Some(note), None, news).await?;
    tell_ended(db, found, &opportunity, reason, to, Ender::Family).await?;
    // On the log as a guardian's act through their link, not an account's:
    // which guardian, and the address the link was signed over (their
    // words stay on the placement, for the school).
    crate::counseling::audit::record_without_account(
        db,
        crate::counseling::audit::NoAccount::GuardianLink,
        crate::counseling::audit::AuditAction::WithdrawConsent,
        &format!(
            "placement {} ({reason}, {}), student {}, guardian {}: link to {}",
            found.id,
            to.key(),
            found.student_id,
            guardian.id,
            guardian.email.as_deref().unwrap_or("-")
        ),
    )
    .await?;
    record_early_end(db, found, &opportunity, None, Ender::Family, Some(reason)).await
}

/// An employer of the host organization ends a placement early, once it
/// has started (see the module's note).
pub async fn end_by_employer(
    db: &DatabaseConnection,
    employer: &VerifiedEmployer,
    placement_id: i32,
    form: &ReasonForm,
) -> AppResult<()> {
    let txn = db::begin_write(db).await?;
    let (found, _) = find_for_employer(&txn, employer, placement_id).await?;
    end_early(&txn, &found, employer.id, form, Ender::Employer).await?;
    txn.commit().await?;
    super::free_seats::after_placement_ended(db, found.student_id).await;
    Ok(())
}

/// A counselor of the student's school ends a placement early.
pub async fn end_by_counselor(
    db: &DatabaseConnection,
    counselor: &CurrentUser,
    placement_id: i32,
    form: &ReasonForm,
) -> AppResult<()> {
    let txn = db::begin_write(db).await?;
    let found = find_for_counselor(&txn, counselor, placement_id).await?;
    end_early(&txn, &found, counselor.id, form, Ender::School).await?;
    txn.commit().await?;
    super::free_seats::after_placement_ended(db, found.student_id).await;
    Ok(())
}

/// A placement of a student of the counselor's schools; any other is "not
/// found".
pub async fn find_for_counselor(
    db: &impl ConnectionTrait,
    counselor: &CurrentUser,
    placement_id: i32,
) -> AppResult<placement::Model> {
    let found = crate::db::found::<placement::Entity>(db, placement_id).await?;
    let student = crate::db::found::<student::Entity>(db, found.student_id).await?;
    ensure_school_access(db, counselor, student.school_id).await?;
    Ok(found)
}

/// A student promoted from the wait list hears it in the app and, if they
/// asked for updates, by mail (queued in the same transaction).
pub async fn tell_promoted(
    db: &impl ConnectionTrait,
    student: &student::Model,
    opportunity: &opportunity::Model,
    placement_id: i32,
) -> AppResult<()> {
    let Some(user_id) = student.user_id else {
        return Ok(());
    };
    let link = format!("/student/placements/{placement_id}");
    let message = Message::new("notice-seat-opened").arg("title", opportunity.title.as_str());
    notify(db, &[user_id], &message, &link).await?;
    let Some(to) =
        crate::mail::preferences::user_wants(db, user_id, entity::MailTopic::Updates).await?
    else {
        return Ok(());
    };
    let organization =
        crate::organizations::service::name_of(db, opportunity.organization_id).await?;
    crate::mail::notices::send(
        db,
        &to,
        crate::mail::notices::Notice {
            kind: "seat-opened",
            name: &student.first_name,
            title: &opportunity.title,
            organization: &organization,
            student: &student.first_name,
            school: "",
            person: "",
            link,
            facts: None,
            calendar: None,
            for_organization: None,
            about_organization: Some(opportunity.organization_id),
            placement: Some(placement_id),
            date: None,
        },
    )
    .await?;
    Ok(())
}

/// The "before" belonging answer, as typed.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct BeforeForm {
    pub belonging: String,
}

/// Records the "before" belonging answer of a placement that began without
/// it (a job-shadow seat taken at once, a wait-list promotion): once, while
/// the placement has not ended. Accepting an offer asks it on the spot.
pub async fn answer_before(
    db: &DatabaseConnection,
    user: &CurrentUser,
    placement_id: i32,
    form: &BeforeForm,
) -> AppResult<()> {
    let txn = db::begin_write(db).await?;
    let found = find_for_student(&txn, user, placement_id).await?;
    let mut errors = FieldErrors::new();
    let score = errors.integer(
        "belonging",
        "student-belonging-answer",
        &form.belonging,
        1,
        5,
    );
    let score = errors.into_result(score)?.unwrap_or(3);
    if !PlacementStatus::OPEN.contains(&found.status) {
        return Err(not_open(found.status));
    }
    let answered = entity::belonging_response::Entity::find()
        .filter(entity::belonging_response::Column::PlacementId.eq(found.id))
        .filter(entity::belonging_response::Column::Stage.eq(entity::BelongingStage::Before))
        .count(&txn)
        .await?;
    if answered > 0 {
        return Err(AppError::conflict("seats-before-already"));
    }
    // Two tabs at once: the unique (placement, stage) index refuses the
    // second, with the same 409 (`record_belonging`).
    service::record_belonging(
        &txn,
        found.id,
        found.student_id,
        entity::BelongingStage::Before,
        score as i32,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
