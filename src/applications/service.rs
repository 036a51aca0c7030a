//! Application rules: eligibility, the pipeline, and accepting offers into
//! placements. Every transition is recorded (who, from, to, when) and
//! notified to the other side.

use chrono::Utc;
use entity::{
    ApplicationStatus, OpportunityKind, OpportunityStatus, OrgStatus, PlacementStatus, application,
    application_event, opportunity, organization, placement, student,
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use serde::{Deserialize, Serialize};

use super::eligibility;
use crate::{
    auth::extractors::{CurrentUser, EmployerUser, VerifiedEmployer, unverified},
    db::{self, OrConflict},
    error::{AppError, AppResult, OrNotFound},
    forms::{FieldErrors, limit},
    i18n::{self, Lang, Message, t, t_args},
    notifications::{notify, notify_employers},
    opportunities::service::find_visible,
    outbox, placements,
    profiles::service::student_of,
};

/// What a student sends with an application (and all an employer sees besides
/// name, grade and school).
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct ApplicationForm {
    pub note: String,
    pub availability: String,
    pub accommodations: String,
}

/// Seat-based: a job shadow, or a posting whose seats are drawn (a virtual
/// experience too). Applying takes a free seat or a wait-list place (late
/// applicants after a draw too), and a freed seat goes to the wait list.
/// Other postings are offered by the employer, one applicant at a time.
pub fn gives_seats(opportunity: &opportunity::Model) -> bool {
    opportunity.kind == OpportunityKind::JobShadow
        || opportunity.allocation == entity::Allocation::FairDraw
}

/// Slots held by placements of an opportunity.
pub async fn slots_taken(db: &impl ConnectionTrait, opportunity_id: i32) -> AppResult<i32> {
    let taken = crate::opportunities::service::slots_taken_by(db, Some(&[opportunity_id])).await?;
    Ok(taken.get(&opportunity_id).copied().unwrap_or(0))
}

/// Moves an application from the status it was read with to `to` and records
/// the step. The update only applies while the status is still the one read
/// (`UPDATE ... WHERE status = from`): when an employer's reject and a
/// student's accept race, the second finds nothing to update and is refused,
/// so a rejected application never keeps a placement.
async fn record(
    db: &impl ConnectionTrait,
    application: application::Model,
    to: ApplicationStatus,
    actor: i32,
) -> AppResult<application::Model> {
    let from = application.status;
    let id = application.id;
    let now = Utc::now();
    let update = application::Entity::update_many()
        .set(application::ActiveModel {
            status: Set(to),
            updated_at: Set(now),
            ..Default::default()
        })
        .filter(application::Column::Id.eq(id))
        .filter(application::Column::Status.eq(from));
    crate::db::update_once(db, update, || {
        AppError::conflict("integrity-application-changed")
    })
    .await?;
    record_event(db, id, Some(from), to, actor, now).await?;
    Ok(application::Model {
        status: to,
        updated_at: now,
        ..application
    })
}

/// Where a student stands with a posting, for its page: applied already
/// (the application), or not allowed to apply (why, in `lang`).
pub struct Standing {
    pub applied: Option<i32>,
    pub cannot_apply: Option<String>,
}

pub async fn standing(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    opportunity: &opportunity::Model,
    lang: Lang,
) -> AppResult<Standing> {
    let applied = application_of(db, user, opportunity.id).await?;
    let student = student_of(db, user.id).await?;
    Ok(Standing {
        applied,
        cannot_apply: eligibility::check(opportunity, &student, lang).err(),
    })
}

/// The student's application to `opportunity_id`, if they made one.
pub async fn application_of(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    opportunity_id: i32,
) -> AppResult<Option<i32>> {
    let student = student_of(db, user.id).await?;
    Ok(application::Entity::find()
        .select_only()
        .column(application::Column::Id)
        .filter(application::Column::OpportunityId.eq(opportunity_id))
        .filter(application::Column::StudentId.eq(student.id))
        .into_tuple()
        .one(db)
        .await?)
}

/// Applies; a job shadow takes a free seat at once or joins the wait list.
pub async fn apply(
    db: &DatabaseConnection,
    user: &CurrentUser,
    opportunity_id: i32,
    form: &ApplicationForm,
) -> AppResult<application::Model> {
    let mut errors = FieldErrors::new();
    let note = errors.text("note", "student-apply-note-name", &form.note, limit::LETTER);
    let availability = errors.optional_text(
        "availability",
        "student-apply-availability-name",
        &form.availability,
        limit::AVAILABILITY,
    );
    let accommodations = errors.optional_text(
        "accommodations",
        "student-apply-accommodations-name",
        &form.accommodations,
        limit::PARAGRAPH,
    );
    // All three are read by the organization: the student's phone, address
    // or handle would move the conversation off STEMbridge (eyes15a F4).
    errors.without_contact_details_to_organization("note", &note);
    errors.without_contact_details_to_organization("availability", &availability);
    errors.without_contact_details_to_organization("accommodations", &accommodations);
    errors.into_result(())?;

    let txn = db::begin_write(db).await?;
    find_visible(&txn, opportunity_id).await?;
    let opportunity = crate::placements::seats::lock_opportunity(&txn, opportunity_id).await?;
    let student = student_of(&txn, user.id).await?;
    eligibility::check(&opportunity, &student, i18n::current()).map_err(AppError::Conflict)?;
    let already = application::Entity::find()
        .filter(application::Column::OpportunityId.eq(opportunity_id))
        .filter(application::Column::StudentId.eq(student.id))
        .count(&txn)
        .await?;
    if already > 0 {
        return Err(already_applied());
    }
    let taken = slots_taken(&txn, opportunity_id).await?;
    let is_shadow = gives_seats(&opportunity);
    let enters_draw = crate::draws::service::collects_entries(&txn, &opportunity).await?;
    let status = if enters_draw {
        // Entered into the draw after the deadline: arriving first gains nothing.
        ApplicationStatus::Submitted
    } else {
        match (is_shadow, taken < opportunity.slots) {
            (true, true) => {
                // A first-come seat is never taken by a student who could
                // not hold it beside a place they have (eyes15a F2): the
                // next student gets it. The wait list passes over them too.
                crate::placements::overlap::refuse_clash(&txn, student.id, &opportunity).await?;
                ApplicationStatus::Accepted
            }
            (true, false) => ApplicationStatus::Waitlisted,
            (false, true) => ApplicationStatus::Submitted,
            (false, false) => {
                return Err(AppError::conflict("student-apply-full"));
            }
        }
    };
    let now = Utc::now();
    let application = application::ActiveModel {
        opportunity_id: Set(opportunity_id),
        student_id: Set(student.id),
        // As sent: the employer is shown this school, not where a roster
        // moves the student later.
        school_id: Set(Some(student.school_id)),
        status: Set(status),
        note: Set(note),
        availability: Set(availability),
        accommodations: Set(accommodations),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await
    // Two tabs at once: the unique (posting, student) index lets one in.
    .or_conflict(already_applied)?;
    record_event(&txn, application.id, None, status, user.id, now).await?;
    if enters_draw {
        crate::draws::service::issue_ticket(&txn, opportunity_id, application.id, student.priority)
            .await?;
    }
    if status == ApplicationStatus::Accepted {
        placements::service::create(&txn, &application, &opportunity, &student, taken + 1).await?;
    }
    let link = format!("/employer/opportunities/{opportunity_id}/applicants");
    let employers = notify_employers(
        &txn,
        opportunity.organization_id,
        &Message::new("notice-new-applicant").arg("title", opportunity.title.as_str()),
        &link,
    )
    .await?;
    crate::mail::notices::to_employers(
        &txn,
        &employers,
        "new-application",
        &opportunity,
        &student.first_name,
        &link,
    )
    .await?;
    txn.commit().await?;
    Ok(application)
}

entity::vocabulary! {
    /// What an employer can do to an application.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum EmployerAction {
        Review = "review",
        Interview = "interview",
        Offer = "offer",
        Reject = "reject",
    }
}

impl EmployerAction {
    /// The next status, or `None` when the move is not allowed from `from`.
    pub fn target(self, from: ApplicationStatus) -> Option<ApplicationStatus> {
        use ApplicationStatus::*;
        match (self, from) {
            (EmployerAction::Review, Submitted) => Some(Reviewing),
            (EmployerAction::Interview, Submitted | Reviewing) => Some(Interview),
            (EmployerAction::Offer, Submitted | Reviewing | Interview) => Some(Offered),
            (EmployerAction::Reject, Submitted | Reviewing | Interview | Offered | Waitlisted) => {
                Some(Rejected)
            }
            _ => None,
        }
    }
}

/// The employer's organization, checked verified again inside the caller's
/// transaction: the row is share-locked until it ends (PostgreSQL; SQLite
/// write transactions are exclusive), so a suspension committed before this
/// read is seen and refuses the write, and one arriving after waits for the
/// write to commit. The request-time check alone leaves a window between
/// the extractor and the write.
pub async fn lock_verified_organization(
    db: &impl ConnectionTrait,
    employer: &EmployerUser,
) -> AppResult<i32> {
    let organization_id = employer.organization_id;
    match organization_status(db, organization_id).await? {
        OrgStatus::Verified => Ok(organization_id),
        status => Err(unverified(Some(status))),
    }
}

/// An application to one of the employer's organization's opportunities
/// (the organization checked verified in the same transaction).
async fn find_for_employer(
    db: &impl ConnectionTrait,
    employer: &VerifiedEmployer,
    id: i32,
) -> AppResult<(application::Model, opportunity::Model)> {
    let organization_id = lock_verified_organization(db, employer).await?;
    let application = crate::db::found::<application::Entity>(db, id).await?;
    let opportunity = opportunity::Entity::find_by_id(application.opportunity_id)
        .filter(opportunity::Column::OrganizationId.eq(organization_id))
        .one(db)
        .await?
        .or_not_found()?;
    Ok((application, opportunity))
}

fn already_applied() -> AppError {
    AppError::conflict("student-apply-already")
}

/// "An application that is “Offer made” cannot be withdrawn." `verb` is the
/// catalogue id of what was tried.
fn refused(from: ApplicationStatus, verb: &str) -> AppError {
    let lang = i18n::current();
    AppError::Conflict(t_args(
        lang,
        "applications-refused",
        vec![
            (
                "status",
                i18n::vocab(lang, "application_status", from.key()).into(),
            ),
            ("verb", t(lang, verb).into()),
        ],
    ))
}

pub async fn employer_act(
    db: &DatabaseConnection,
    employer: &VerifiedEmployer,
    id: i32,
    action: EmployerAction,
) -> AppResult<application::Model> {
    let txn = db::begin_write(db).await?;
    let (application, opportunity) = find_for_employer(&txn, employer, id).await?;
    let verb = match action {
        EmployerAction::Review => "applications-verb-review",
        EmployerAction::Interview => "applications-verb-interview",
        EmployerAction::Offer => "applications-verb-offer",
        EmployerAction::Reject => "applications-verb-reject",
    };
    let to = action
        .target(application.status)
        .ok_or_else(|| refused(application.status, verb))?;
    // An entry waiting for its draw, or a place on a drawn wait list, is the
    // lottery's to give, not the employer's: declining one would let them
    // pick who is left in the lot, or skip whoever is next. Eligibility is
    // checked when the student applies; a student can still withdraw.
    if crate::draws::service::collects_entries(&txn, &opportunity).await? {
        return Err(AppError::conflict("draws-error-entry"));
    }
    if opportunity.allocation == entity::Allocation::FairDraw
        && application.status == ApplicationStatus::Waitlisted
    {
        return Err(AppError::conflict("draws-error-wait-list"));
    }
    let student = crate::db::found::<student::Entity>(&txn, application.student_id).await?;
    // Moving an application on (not declining it) needs what the employer
    // may no longer read: a posting that can still place, a student still
    // on the roster (`applicants::shows_what_was_sent`; eyes14c F3).
    if action != EmployerAction::Reject {
        if !super::applicants::can_still_place(&opportunity, crate::format::today()) {
            return Err(AppError::conflict("applications-error-posting-over"));
        }
        if !student.active {
            return Err(AppError::conflict("applications-error-student-left"));
        }
    }
    let saved = record(&txn, application, to, employer.id).await?;
    if let Some(user_id) = student.user_id {
        let message = Message::new("notice-application-status")
            .arg("title", opportunity.title.as_str())
            .vocab("status", "application_status", to.key());
        notify(
            &txn,
            &[user_id],
            &message,
            &format!("/student/applications/{id}"),
        )
        .await?;
    }
    crate::mail::notices::decision_to_student(&txn, &student, &opportunity, id, to).await?;
    txn.commit().await?;
    Ok(saved)
}

entity::vocabulary! {
    /// What a student can do to their own application.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum StudentAction {
        Accept = "accept",
        Decline = "decline",
        Withdraw = "withdraw",
    }
}

impl StudentAction {
    pub fn target(self, from: ApplicationStatus) -> Option<ApplicationStatus> {
        use ApplicationStatus::*;
        match (self, from) {
            (StudentAction::Accept, Offered) => Some(Accepted),
            (StudentAction::Decline, Offered) => Some(Declined),
            (StudentAction::Withdraw, Submitted | Reviewing | Interview | Waitlisted) => {
                Some(Withdrawn)
            }
            _ => None,
        }
    }
}

/// The student's own application; another student's is "not found".
pub async fn find_for_student(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    id: i32,
) -> AppResult<(application::Model, student::Model)> {
    let student = student_of(db, user.id).await?;
    let application = application::Entity::find_by_id(id)
        .filter(application::Column::StudentId.eq(student.id))
        .one(db)
        .await?
        .or_not_found()?;
    Ok((application, student))
}

/// What the student answers when accepting.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct AcceptForm {
    /// "I feel like I belong in STEM", 1-5, asked before the placement starts.
    pub belonging: String,
}

/// Accepts, declines or withdraws. Accepting takes a slot, never more than
/// the opportunity has, and closes the opportunity when the last one fills.
/// Returns the placement when accepting made one.
pub async fn student_act(
    db: &DatabaseConnection,
    user: &CurrentUser,
    id: i32,
    action: StudentAction,
    form: &AcceptForm,
    lang: Lang,
) -> AppResult<Option<i32>> {
    let belonging = if action == StudentAction::Accept {
        let mut errors = FieldErrors::new();
        let score = errors.integer(
            "belonging",
            "student-belonging-answer",
            &form.belonging,
            1,
            5,
        );
        errors.into_result(score)?
    } else {
        None
    };
    let txn = db::begin_write(db).await?;
    let (application, student) = find_for_student(&txn, user, id).await?;
    let verb = match action {
        StudentAction::Accept => "applications-verb-accept",
        StudentAction::Decline => "applications-verb-decline",
        StudentAction::Withdraw => "applications-verb-withdraw",
    };
    let to = action
        .target(application.status)
        .ok_or_else(|| refused(application.status, verb))?;
    let opportunity =
        crate::placements::seats::lock_opportunity(&txn, application.opportunity_id).await?;
    let mut placement_id = None;
    if action == StudentAction::Accept
        && organization_status(&txn, opportunity.organization_id).await? != OrgStatus::Verified
    {
        // Read inside the transaction: a suspension committed before this
        // point is seen, one after it finds the placement and flags it.
        return Err(AppError::Conflict(i18n::t(
            lang,
            "safe-offer-org-not-verified",
        )));
    }
    // A placement whose last day is over cannot start: consent given later
    // would cover days already past (and their hours). Nor can one on an
    // archived posting, which no student or family can see (eyes14c F3).
    if action == StudentAction::Accept
        && !super::applicants::can_still_place(&opportunity, crate::format::today())
    {
        return Err(AppError::Conflict(t(lang, "student-accept-ended")));
    }
    if action == StudentAction::Accept && !student.active {
        // Off the roster (left the school): as applying, so accepting.
        return Err(AppError::Conflict(t(lang, "student-apply-inactive")));
    }
    if action == StudentAction::Accept {
        let taken = slots_taken(&txn, opportunity.id).await?;
        if taken >= opportunity.slots {
            return Err(AppError::Conflict(t(lang, "student-accept-full")));
        }
        // Two internships at once, or two job shadows at the same hours:
        // refused, naming the place already held (eyes15a F2).
        crate::placements::overlap::refuse_clash(&txn, student.id, &opportunity).await?;
        let saved = record(&txn, application, to, user.id).await?;
        let placement =
            placements::service::create(&txn, &saved, &opportunity, &student, taken + 1).await?;
        if let Some(score) = belonging {
            placements::service::record_belonging(
                &txn,
                placement.id,
                student.id,
                entity::BelongingStage::Before,
                score as i32,
            )
            .await?;
        }
        placement_id = Some(placement.id);
    } else {
        record(&txn, application, to, user.id).await?;
    }
    let message = Message::new(match action {
        StudentAction::Accept => "notice-student-accepted",
        StudentAction::Decline => "notice-student-declined",
        StudentAction::Withdraw => "notice-student-withdrew",
    })
    .arg("name", student.first_name.as_str())
    .arg("title", opportunity.title.as_str());
    let link = format!("/employer/opportunities/{}/applicants", opportunity.id);
    notify_employers(&txn, opportunity.organization_id, &message, &link).await?;
    txn.commit().await?;
    Ok(placement_id)
}

/// Closes an opportunity whose last slot just filled (search learns through
/// the outbox). A full job shadow stays open for its wait list; search hides
/// it anyway, having no seat left.
pub async fn close_if_full(
    db: &impl ConnectionTrait,
    opportunity: &opportunity::Model,
    taken: i32,
) -> AppResult<()> {
    let keeps_wait_list = opportunity.kind == OpportunityKind::JobShadow;
    if taken >= opportunity.slots
        && opportunity.status == OpportunityStatus::Published
        && !keeps_wait_list
    {
        let mut model: opportunity::ActiveModel = opportunity.clone().into();
        model.status = Set(OpportunityStatus::Closed);
        model.closed_at = Set(Some(Utc::now()));
        model.updated_at = Set(Utc::now());
        model.update(db).await?;
    }
    outbox::enqueue(db, opportunity.id).await
}

/// One step of the history, in words.
#[derive(Debug, Serialize)]
pub struct HistoryStep {
    /// `vocab-application_status-<key>`.
    pub status: &'static str,
    /// Who made this change: `student`, `employer`, or `rules` (a draw or
    /// the wait list, see [`BY_THE_RULES`]).
    pub by: &'static str,
    pub at: chrono::DateTime<Utc>,
}

pub async fn history(
    db: &impl ConnectionTrait,
    application: &application::Model,
    student_user: Option<i32>,
) -> AppResult<Vec<HistoryStep>> {
    let events = application_event::Entity::find()
        .filter(application_event::Column::ApplicationId.eq(application.id))
        .order_by_asc(application_event::Column::Id)
        .all(db)
        .await?;
    Ok(steps(events, student_user))
}

/// Records one step of an application's history, in the caller's transaction.
/// The actor of a step no person took: a fair draw's result, or a seat
/// passed down the wait list. The history says "by the draw or the wait
/// list", never the student's or employer's name for it.
pub const BY_THE_RULES: i32 = 0;

pub async fn record_event(
    db: &impl ConnectionTrait,
    application_id: i32,
    from: Option<ApplicationStatus>,
    to: ApplicationStatus,
    actor_id: i32,
    at: chrono::DateTime<Utc>,
) -> AppResult<()> {
    application_event::ActiveModel {
        application_id: Set(application_id),
        from_status: Set(from),
        to_status: Set(to),
        actor_id: Set(actor_id),
        at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

pub(super) fn steps(
    events: Vec<application_event::Model>,
    student_user: Option<i32>,
) -> Vec<HistoryStep> {
    events
        .into_iter()
        .map(|e| HistoryStep {
            status: e.to_status.key(),
            by: if e.actor_id == BY_THE_RULES {
                "rules"
            } else if Some(e.actor_id) == student_user {
                "student"
            } else {
                "employer"
            },
            at: e.at,
        })
        .collect()
}

/// The opportunity's title and, once accepted, the placement of an application.
/// The status of an organization (verified, suspended...). Inside a
/// transaction the row stays share-locked until it ends (PostgreSQL), so a
/// suspension committing meanwhile waits for it: either this transaction
/// sees the suspension, or the suspension's transaction sees what this one
/// wrote (and flags the placement).
pub async fn organization_status(
    db: &impl ConnectionTrait,
    organization_id: i32,
) -> AppResult<OrgStatus> {
    Ok(organization::Entity::find_by_id(organization_id)
        .lock_shared()
        .one(db)
        .await?
        .or_not_found()?
        .status)
}

/// What a student's application page shows beside the application itself.
pub struct ApplicationContext {
    /// The posting's title.
    pub title: String,
    /// The placement the application became, if it did.
    pub placement_id: Option<i32>,
    /// Whether the posting's organization is verified now.
    pub organization_verified: bool,
}

/// The posting's title, the placement (if any) and whether the organization
/// is verified, for a student's application page.
pub async fn application_context(
    db: &impl ConnectionTrait,
    application: &application::Model,
) -> AppResult<ApplicationContext> {
    let opportunity =
        crate::db::found::<opportunity::Entity>(db, application.opportunity_id).await?;
    let verified =
        organization_status(db, opportunity.organization_id).await? == OrgStatus::Verified;
    let placement = placement::Entity::find()
        .filter(placement::Column::ApplicationId.eq(application.id))
        .one(db)
        .await?
        .map(|p| p.id);
    Ok(ApplicationContext {
        title: opportunity.title,
        placement_id: placement,
        organization_verified: verified,
    })
}

/// The placements of an opportunity as (id, student name, status), for its
/// employer (the names come from the applicants already loaded).
pub async fn placements_of(
    db: &impl ConnectionTrait,
    opportunity_id: i32,
) -> AppResult<Vec<(i32, String, &'static str)>> {
    let rows: Vec<(i32, PlacementStatus, String, String)> = placement::Entity::find()
        .select_only()
        .column(placement::Column::Id)
        .column(placement::Column::Status)
        .column(student::Column::FirstName)
        .column(student::Column::LastName)
        .join(
            sea_orm::JoinType::InnerJoin,
            placement::Entity::belongs_to(student::Entity)
                .from(placement::Column::StudentId)
                .to(student::Column::Id)
                .into(),
        )
        .filter(placement::Column::OpportunityId.eq(opportunity_id))
        .order_by_asc(placement::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, status, first, last)| (id, format!("{first} {last}"), status.key()))
        .collect())
}

/// A row of the student's own list.
#[derive(Debug, Serialize)]
pub struct MyApplication {
    pub id: i32,
    pub opportunity_id: i32,
    pub title: String,
    /// `vocab-application_status-<key>`.
    pub status: &'static str,
    pub updated: chrono::NaiveDate,
}

pub async fn of_student(
    db: &impl ConnectionTrait,
    student_id: i32,
) -> AppResult<Vec<MyApplication>> {
    let rows = application::Entity::find()
        .filter(application::Column::StudentId.eq(student_id))
        .order_by_desc(application::Column::UpdatedAt)
        .all(db)
        .await?;
    let ids: Vec<i32> = rows.iter().map(|a| a.opportunity_id).collect();
    let titles: std::collections::HashMap<i32, String> = opportunity::Entity::find()
        .select_only()
        .column(opportunity::Column::Id)
        .column(opportunity::Column::Title)
        .filter(opportunity::Column::Id.is_in(ids))
        .into_tuple::<(i32, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    Ok(rows
        .into_iter()
        .map(|a| MyApplication {
            id: a.id,
            opportunity_id: a.opportunity_id,
            title: titles.get(&a.opportunity_id).cloned().unwrap_or_default(),
            status: a.status.key(),
            updated: a.updated_at.date_naive(),
        })
        .collect())
}
