//! Placement rules: who must consent, what frees a slot, which hours count.

use chrono::{NaiveDate, Utc};
use entity::{
    ApplicationStatus, BelongingStage, HoursStatus, PlacementStatus, application,
    belonging_response, hour_log, opportunity, organization, placement, student,
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait,
};
use serde::{Deserialize, Serialize};

use crate::{
    applications::{eligibility, service as applications},
    auth::extractors::{CurrentUser, VerifiedEmployer},
    db::{self, OrConflict},
    error::{AppError, AppResult, OrNotFound},
    forms::{FieldErrors, limit},
    i18n::{self, Message},
    notifications::{notify, notify_employers, notify_student_of_placement},
    profiles::service::student_of,
    roster::service::ensure_school_access,
};

use super::{consent, overlap};

pub use super::overlap::MAX_HOURS_PER_DAY;

/// Creates the placement of an accepted application. A student who may be
/// under 18 on the start date waits for guardian consent, and each active
/// guardian with an email is sent a link (in the same transaction: the mail
/// goes only if the placement exists). `taken` counts this placement.
pub async fn create(
    db: &impl ConnectionTrait,
    application: &application::Model,
    opportunity: &opportunity::Model,
    student: &student::Model,
    taken: i32,
) -> AppResult<placement::Model> {
    let needs_consent = eligibility::needs_guardian_consent(student, opportunity.start_date);
    let saved = placement::ActiveModel {
        application_id: Set(application.id),
        opportunity_id: Set(opportunity.id),
        student_id: Set(student.id),
        status: Set(if needs_consent {
            PlacementStatus::AwaitingConsent
        } else {
            PlacementStatus::Active
        }),
        start_date: Set(opportunity.start_date),
        end_date: Set(opportunity.end_date),
        consent_token_hash: Set(None),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    applications::close_if_full(db, opportunity, taken).await?;
    if needs_consent {
        consent::request(db, &saved, opportunity, student).await?;
    } else {
        super::confirmation::confirm(db, &saved, opportunity, student, false).await?;
    }
    Ok(saved)
}

entity::vocabulary! {
    /// An employer's decision on logged hours (`/employer/hours/{id}/{decision}`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum HoursDecision {
        Approve = "approve",
        Reject = "reject",
    }
}

/// Records one belonging answer (`before` or `after`), once per stage: the
/// unique (placement, stage) index refuses a second one (two tabs at once),
/// which is a 409 saying the question was answered, not a server error.
pub async fn record_belonging(
    db: &impl ConnectionTrait,
    placement_id: i32,
    student_id: i32,
    stage: BelongingStage,
    score: i32,
) -> AppResult<()> {
    let inserted = belonging_response::ActiveModel {
        placement_id: Set(placement_id),
        student_id: Set(student_id),
        stage: Set(stage),
        score: Set(score),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await;
    inserted.map(|_| ()).or_conflict(|| {
        AppError::conflict(match stage {
            BelongingStage::Before => "seats-before-already",
            BelongingStage::After => "student-belonging-after-already",
        })
    })
}

/// Freed seats go to the first students on the wait list, one by one while
/// a seat is free and someone waits (several seats can free at once, and a
/// seat left free by an earlier failure is filled too). Only seat-based
/// postings keep a wait list (`applications::gives_seats`: job shadows and
/// drawn postings): a full internship refuses new applications, and its
/// freed seat is the employer's to offer to another applicant. The caller
/// holds the opportunity's row lock (`seats::lock_opportunity`), so two
/// frees in a row count each other's promotions. A student who holds a
/// place that clashes with this one (`overlap::clash`) is passed over and
/// keeps their place in line. Returns the placements made.
pub async fn promote_wait_list(
    db: &impl ConnectionTrait,
    opportunity: &opportunity::Model,
) -> AppResult<Vec<i32>> {
    let mut promoted_placements = Vec::new();
    if !applications::gives_seats(opportunity)
        // An archived posting, or one whose days are over, has no seat to
        // give (eyes16c F7), and a suspended organization reaches no
        // student.
        || !crate::applications::applicants::can_still_place(opportunity, crate::format::today())
        || applications::organization_status(db, opportunity.organization_id).await?
            != entity::OrgStatus::Verified
    {
        return Ok(promoted_placements);
    }
    // Students passed over for now: each holds a place that clashes with
    // this one (they keep their place in line for a later seat).
    let mut passed_over: Vec<i32> = Vec::new();
    loop {
        let taken = applications::slots_taken(db, opportunity.id).await?;
        if taken >= opportunity.slots {
            break;
        }
        let Some(next) = application::Entity::find()
            .filter(application::Column::OpportunityId.eq(opportunity.id))
            .filter(application::Column::Status.eq(ApplicationStatus::Waitlisted))
            .filter(application::Column::Id.is_not_in(passed_over.iter().copied()))
            // A student who left the school (inactive on the roster) cannot
            // take the seat: it goes to the next one who can.
            .filter(application::Column::StudentId.in_subquery(crate::roster::service::on_roster()))
            // A draw's wait list in draw order; places given later (no draw
            // position) after it, by arrival.
            .order_by_with_nulls(
                application::Column::WaitPosition,
                sea_orm::Order::Asc,
                sea_orm::sea_query::NullOrdering::Last,
            )
            .order_by_asc(application::Column::CreatedAt)
            .order_by_asc(application::Column::Id)
            .one(db)
            .await?
        else {
            break;
        };
        let student = crate::db::found::<student::Entity>(db, next.student_id).await?;
        overlap::lock_student(db, student.id).await?;
        if overlap::clashing(db, student.id, opportunity)
            .await?
            .is_some()
        {
            passed_over.push(next.id);
            continue;
        }
        let id = next.id;
        let mut model: application::ActiveModel = next.into();
        model.status = Set(ApplicationStatus::Accepted);
        model.updated_at = Set(Utc::now());
        let promoted = model.update(db).await?;
        crate::applications::service::record_event(
            db,
            id,
            Some(ApplicationStatus::Waitlisted),
            ApplicationStatus::Accepted,
            crate::applications::service::BY_THE_RULES,
            Utc::now(),
        )
        .await?;
        let placement = create(db, &promoted, opportunity, &student, taken + 1).await?;
        // The placement page asks the "before" belonging question.
        super::seats::tell_promoted(db, &student, opportunity, placement.id).await?;
        promoted_placements.push(placement.id);
    }
    Ok(promoted_placements)
}

/// What a guardian (or a counselor from a paper form) records.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct ConsentForm {
    pub guardian_name: String,
    pub relationship: String,
    /// `give` or `decline`.
    pub decision: String,
    /// Why not, if the guardian wants to say (declining only).
    pub reason: String,
}

fn parse_consent(form: &ConsentForm) -> AppResult<consent::Decision> {
    let mut errors = FieldErrors::new();
    let guardian_name = errors.text(
        "guardian_name",
        "families-consent-your-name",
        &form.guardian_name,
        limit::FULL_NAME,
    );
    let relationship = errors.text(
        "relationship",
        "families-consent-relationship",
        &form.relationship,
        limit::SHORT_NAME,
    );
    let reason = errors.optional_text(
        "reason",
        "placements-consent-reason-label",
        &form.reason,
        limit::PARAGRAPH,
    );
    let given = match form.decision.as_str() {
        "give" => Some(true),
        "decline" => Some(false),
        _ => {
            errors.add_id("decision", "placements-consent-choose");
            None
        }
    };
    let given = errors.into_result(given)?.unwrap_or(false);
    Ok(consent::Decision {
        guardian_name,
        relationship,
        given,
        reason: (!given && !reason.is_empty()).then_some(reason),
    })
}

/// Records consent while it is still pending; declining ends the placement
/// and frees its slot. `None` when another decision got there first.
async fn record_consent(
    db: &impl ConnectionTrait,
    placement: placement::Model,
    decision: &consent::Decision,
    recorded_by: Option<i32>,
) -> AppResult<Option<placement::Model>> {
    // Lock the posting first, as accepting does, so a freed slot is counted once.
    let opportunity = opportunity::Entity::find_by_id(placement.opportunity_id)
        .lock_exclusive()
        .one(db)
        .await?
        .or_not_found()?;
    let given = decision.given;
    // An adult's placement is not the family's to decide, either way; a
    // student the roster no longer lists is not started (declining stays
    // possible).
    let student = crate::db::found::<student::Entity>(db, placement.student_id).await?;
    match consent::not_the_familys(&student, &placement) {
        Some(consent::LinkProblem::Adult) => {
            return Err(AppError::conflict("placements-consent-adult"));
        }
        Some(_) if given => return Err(AppError::conflict("placements-consent-student-left")),
        _ => {}
    }
    // Consent starts a placement from its first day: once the last day is
    // over it would only cover days already past (a link or a paper form
    // found late). Declining stays possible.
    if given && placement.end_date < crate::format::today() {
        return Err(AppError::conflict("placements-consent-after-end"));
    }
    // Consent cannot start a placement at an organization that lost its
    // verification; declining stays possible.
    if given
        && crate::applications::service::organization_status(db, opportunity.organization_id)
            .await?
            != entity::OrgStatus::Verified
    {
        return Err(AppError::conflict("safe-consent-org-not-verified"));
    }
    if !consent::decide(db, placement.id, decision, recorded_by).await? {
        // Another decision (a second tab, a paper form) got there first.
        return Ok(None);
    }
    let saved = crate::db::found::<placement::Entity>(db, placement.id).await?;
    if !given {
        crate::outbox::enqueue(db, opportunity.id).await?;
        promote_wait_list(db, &opportunity).await?;
    }
    let message = Message::new(if given {
        "notice-consent-given"
    } else {
        "notice-consent-declined"
    })
    .arg("title", opportunity.title.as_str());
    // The student is told a paper decline as the school's record, not as
    // a parent's refusal (it may be disputed).
    let to_student = if !given && recorded_by.is_some() {
        Message::new("notice-consent-declined-paper").arg("title", opportunity.title.as_str())
    } else {
        message.clone()
    };
    notify_student_of_placement(db, &student, saved.id, &to_student).await?;
    let link = format!("/employer/placements/{}", saved.id);
    let employers = notify_employers(db, opportunity.organization_id, &message, &link).await?;
    let outcome = if given {
        "consent-given"
    } else {
        "consent-declined"
    };
    crate::mail::notices::to_employers(
        db,
        &employers,
        outcome,
        &opportunity,
        &student.first_name,
        &link,
    )
    .await?;
    if given {
        super::confirmation::confirm(db, &saved, &opportunity, &student, true).await?;
    } else {
        // A decline is final (the seat is gone): every contact of the
        // family hears it and whose name it bears, so one who wanted to
        // say yes, or never signed the paper, can object (eyes13c F1).
        let name = decision.guardian_name.as_str();
        let news = if recorded_by.is_some() {
            super::confirmation::FamilyNews::DeclinedOnPaper(name)
        } else {
            super::confirmation::FamilyNews::DeclinedByLink(name)
        };
        super::confirmation::tell_family(db, &placement, &opportunity, &student, news).await?;
    }
    Ok(Some(saved))
}

/// A guardian's answer through the link mailed to them (no login). The link
/// is checked again inside the transaction and marked used with the decision.
pub async fn consent_by_link(
    db: &DatabaseConnection,
    token: &str,
    form: &ConsentForm,
) -> AppResult<Result<placement::Model, consent::LinkProblem>> {
    let decision = parse_consent(form)?;
    let txn = db::begin_write(db).await?;
    let (request, placement) = match consent::open_link(&txn, token, Utc::now()).await? {
        Ok(found) => found,
        Err(consent::LinkProblem::Used(by)) => {
            return already_recorded(&txn, token, &decision, by).await;
        }
        Err(problem) => return Ok(Err(problem)),
    };
    if !consent::mark_used(&txn, request.id).await? {
        return already_recorded(&txn, token, &decision, consent::DecidedBy::ThisLink).await;
    }
    let Some(saved) = record_consent(&txn, placement, &decision, None).await? else {
        return Ok(Err(consent::LinkProblem::Used(
            consent::DecidedBy::ThisLink,
        )));
    };
    // On the log as the paper form and a withdrawal are (eyes15c F2): which
    // guardian's link, to which address, and what was decided.
    crate::counseling::audit::record_without_account(
        &txn,
        crate::counseling::audit::NoAccount::GuardianLink,
        crate::counseling::audit::AuditAction::ConsentByLink,
        &format!(
            "placement {} ({}), student {}, guardian {}: link to {}",
            saved.id,
            if decision.given { "given" } else { "declined" },
            saved.student_id,
            request.guardian_id,
            request.email
        ),
    )
    .await?;
    txn.commit().await?;
    if saved.consent_given == Some(false) {
        super::free_seats::after_placement_ended(db, saved.student_id).await;
    }
    Ok(Ok(saved))
}

/// A link that was used: the same decision posted again by it (a double
/// tap, a reload of its answer) is answered as recorded; anything else, a
/// second tab that chose otherwise included, finds the link used
/// (eyes14b F6); a link left unused reads as the page of the link said:
/// `by` decided (eyes20 F7).
async fn already_recorded(
    db: &impl ConnectionTrait,
    token: &str,
    decision: &consent::Decision,
    by: consent::DecidedBy,
) -> AppResult<Result<placement::Model, consent::LinkProblem>> {
    match consent::recorded_by_link(db, token).await? {
        Some((placement, given)) if given == decision.given => Ok(Ok(placement)),
        _ => Ok(Err(consent::LinkProblem::Used(by))),
    }
}

/// A paper consent form recorded by a counselor of the student's school.
pub async fn consent_on_paper(
    db: &DatabaseConnection,
    counselor: &CurrentUser,
    placement_id: i32,
    form: &ConsentForm,
) -> AppResult<placement::Model> {
    let txn = db::begin_write(db).await?;
    let placement = crate::db::found::<placement::Entity>(&txn, placement_id).await?;
    let student = crate::db::found::<student::Entity>(&txn, placement.student_id).await?;
    ensure_school_access(&txn, counselor, student.school_id).await?;
    // A family's report may be about this counselor: while it holds, only
    // an admin records a paper form.
    if counselor.role != entity::Role::Admin {
        crate::families::address_report::refuse_while_held(&txn, student.id).await?;
    }
    let decision = parse_consent(form)?;
    let saved = record_consent(&txn, placement, &decision, Some(counselor.id))
        .await?
        .ok_or_else(|| AppError::conflict("placements-consent-already"))?;
    crate::counseling::audit::record(
        &txn,
        counselor.id,
        crate::counseling::audit::AuditAction::PaperConsent,
        &format!("placement {placement_id}"),
    )
    .await?;
    txn.commit().await?;
    if saved.consent_given == Some(false) {
        super::free_seats::after_placement_ended(db, saved.student_id).await;
    }
    Ok(saved)
}

/// The student's own placement; anyone else's is "not found".
pub async fn find_for_student(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    id: i32,
) -> AppResult<placement::Model> {
    let student = student_of(db, user.id).await?;
    placement::Entity::find_by_id(id)
        .filter(placement::Column::StudentId.eq(student.id))
        .one(db)
        .await?
        .or_not_found()
}

/// A placement at the employer's own organization, verified in the same
/// transaction (see `lock_verified_organization`).
pub async fn find_for_employer(
    db: &impl ConnectionTrait,
    employer: &VerifiedEmployer,
    id: i32,
) -> AppResult<(placement::Model, opportunity::Model)> {
    let organization_id =
        crate::applications::service::lock_verified_organization(db, employer).await?;
    let placement = crate::db::found::<placement::Entity>(db, id).await?;
    let opportunity = opportunity::Entity::find_by_id(placement.opportunity_id)
        .filter(opportunity::Column::OrganizationId.eq(organization_id))
        .one(db)
        .await?
        .or_not_found()?;
    Ok((placement, opportunity))
}

/// Hours as typed.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct HoursForm {
    pub work_date: String,
    pub hours: String,
    pub description: String,
}

/// "2", "1.5", "0.25" (or "1,5", as Spanish writes it) into quarter hours.
/// Plain decimals only: Rust's float syntax would also take "1e1" or "inf".
fn quarter_hours(errors: &mut FieldErrors, value: &str) -> Option<i32> {
    let value = value.trim().replace(',', ".");
    let plain = value.bytes().any(|b| b.is_ascii_digit())
        && value.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && value.matches('.').count() <= 1;
    let parsed: Option<f64> = plain.then(|| value.parse().ok()).flatten();
    match parsed {
        None => {
            errors.add_id("hours", "student-hours-error-number");
            None
        }
        Some(h) if h <= 0.0 || h > f64::from(MAX_HOURS_PER_DAY) => {
            errors.add(
                "hours",
                Message::new("student-hours-error-range").arg("max", MAX_HOURS_PER_DAY),
            );
            None
        }
        Some(h) if (h * 4.0).fract() != 0.0 => {
            errors.add_id("hours", "student-hours-error-quarter");
            None
        }
        Some(h) => Some((h * 4.0) as i32),
    }
}

/// Quarter hours as the reader writes hours ("1.5", "1,5").
fn hours_in_words(quarters: i32) -> String {
    i18n::decimal(i18n::current(), f64::from(quarters) / 4.0, 2)
}

/// The day a guardian's consent through the emailed link let the placement
/// start. (A paper form may be entered days after it was signed, so its
/// entry date says nothing about the days it covers.)
fn consent_day(placement: &placement::Model) -> Option<NaiveDate> {
    (placement.consent_given == Some(true) && placement.consent_recorded_by.is_none())
        .then_some(placement.consent_recorded_at)
        .flatten()
        .map(crate::format::day_of)
}

/// Logs hours: an active placement, a day within it and not in the future
/// nor before a guardian's consent, at most 12 hours a day in all.
pub async fn log_hours(
    db: &DatabaseConnection,
    user: &CurrentUser,
    placement_id: i32,
    form: &HoursForm,
    today: NaiveDate,
) -> AppResult<hour_log::Model> {
    // Someone else's placement is "not found", whatever the form says.
    find_for_student(db, user, placement_id).await?;
    let mut errors = FieldErrors::new();
    let work_date = errors.date("work_date", "student-hours-date", &form.work_date);
    let quarters = quarter_hours(&mut errors, &form.hours);
    let description = errors.text(
        "description",
        "student-hours-description-name",
        &form.description,
        limit::PARAGRAPH,
    );
    // Read by the organization that approves them (eyes15a F4).
    errors.without_contact_details_to_organization("description", &description);
    let (Some(work_date), Some(quarters)) = (work_date, quarters) else {
        return Err(AppError::Validation(errors));
    };
    errors.into_result(())?;

    let txn = db::begin_write(db).await?;
    find_for_student(&txn, user, placement_id).await?;
    // Locked, so closing the placement meanwhile waits or is seen.
    let placement = placement::Entity::find_by_id(placement_id)
        .lock_exclusive()
        .one(&txn)
        .await?
        .or_not_found()?;
    if placement.status != PlacementStatus::Active {
        return Err(AppError::conflict("student-hours-not-active"));
    }
    // The student is told not to go to a suspended organization's site: no
    // day there is recorded as worked (nor approved after reinstatement).
    // The shared lock orders this read with a suspension's update.
    let opportunity =
        crate::db::found::<opportunity::Entity>(&txn, placement.opportunity_id).await?;
    let host = organization::Entity::find_by_id(opportunity.organization_id)
        .lock_shared()
        .one(&txn)
        .await?
        .or_not_found()?;
    if host.status != entity::OrgStatus::Verified {
        return Err(AppError::conflict("student-hours-org-not-verified"));
    }
    super::mentor::ensure_named(&txn, &placement).await?;
    // The student's lock (after the posting's organization and the
    // placement, as every path takes them): two entries for one day, on
    // this placement or another of the student's, cannot both pass the
    // daily cap.
    overlap::lock_student(&txn, placement.student_id).await?;
    let mut errors = FieldErrors::new();
    if work_date > today {
        errors.add_id("work_date", "student-hours-error-future");
    } else if work_date < placement.start_date || work_date > placement.end_date {
        errors.add(
            "work_date",
            Message::new("student-hours-error-outside")
                .date("from", placement.start_date)
                .date("to", placement.end_date),
        );
    } else if work_date < crate::format::day_of(placement.created_at) {
        // A day before the student held the place (an offer accepted, or
        // a seat given, after the posting began) was not a placement day.
        errors.add(
            "work_date",
            Message::new("student-hours-error-before-placement")
                .date("date", crate::format::day_of(placement.created_at)),
        );
    } else if let Some(consented) = consent_day(&placement)
        && work_date < consented
    {
        // A minor's day before the guardian said yes was not a placement day.
        errors.add(
            "work_date",
            Message::new("student-hours-error-before-consent").date("date", consented),
        );
    } else if let Some(suspended) =
        crate::organizations::suspensions::covering(&txn, host.id, work_date, None).await?
    {
        // A day the student was told to stay away from the site (or part
        // of one): it is not recorded as worked, after reinstatement either.
        errors.add(
            "work_date",
            Message::new("student-hours-error-suspended")
                .arg("organization", host.name.as_str())
                .date("from", suspended.from)
                .date("to", suspended.to.unwrap_or(today)),
        );
    }
    // The day over every placement of the student: the cap is a day's,
    // not a placement's (eyes15a F2).
    let same_day = overlap::day_logged(
        &txn,
        placement.student_id,
        work_date,
        &[HoursStatus::Pending, HoursStatus::Approved],
    )
    .await?;
    // The same entry again is a second tab, a double tap or the back button
    // (the student's lock makes the second one see the first).
    let repeated = same_day.iter().any(|h| {
        h.entry.placement_id == placement.id
            && h.entry.quarter_hours == quarters
            && h.entry.description == description
    });
    if repeated {
        errors.add_id("hours", "student-hours-error-repeated");
    } else if overlap::over_the_cap(&same_day, quarters) {
        let logged = hours_in_words(overlap::quarters_of(&same_day));
        let others = overlap::others_named(&same_day, placement.id);
        errors.add(
            "hours",
            if others.is_empty() {
                Message::new("student-hours-error-day-cap")
                    .arg("max", MAX_HOURS_PER_DAY)
                    .arg("logged", logged)
            } else {
                Message::new("student-hours-error-day-cap-others")
                    .arg("max", MAX_HOURS_PER_DAY)
                    .arg("logged", logged)
                    .arg("others", others)
            },
        );
    }
    errors.into_result(())?;
    let saved = hour_log::ActiveModel {
        placement_id: Set(placement.id),
        work_date: Set(work_date),
        quarter_hours: Set(quarters),
        description: Set(description),
        status: Set(HoursStatus::Pending),
        reviewed_by: Set(None),
        reviewed_at: Set(None),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    notify_employers(
        &txn,
        opportunity.organization_id,
        &Message::new("notice-hours-to-approve").arg("title", opportunity.title.as_str()),
        &format!("/employer/placements/{}", placement.id),
    )
    .await?;
    txn.commit().await?;
    Ok(saved)
}

/// Approves or rejects a pending hours entry of the employer's organization.
pub async fn review_hours(
    db: &DatabaseConnection,
    employer: &VerifiedEmployer,
    hours_id: i32,
    approve: bool,
) -> AppResult<i32> {
    let txn = db::begin_write(db).await?;
    let entry = crate::db::found::<hour_log::Entity>(&txn, hours_id).await?;
    let (placement, opportunity) = find_for_employer(&txn, employer, entry.placement_id).await?;
    // As logging locks it: two employers approving the same day of one
    // student at once count each other's approval.
    overlap::lock_student(&txn, placement.student_id).await?;
    let entry = crate::db::found::<hour_log::Entity>(&txn, hours_id).await?;
    let already_reviewed = || AppError::conflict("integrity-hours-reviewed");
    if entry.status != HoursStatus::Pending {
        return Err(already_reviewed());
    }
    // Approved hours are the record (the student's, the school's, the
    // public impact page): never more than a day holds, over every
    // placement. Each employer sees only its own entries, so the refusal
    // says how many hours are approved elsewhere, not where.
    if approve {
        let approved = overlap::day_logged(
            &txn,
            placement.student_id,
            entry.work_date,
            &[HoursStatus::Approved],
        )
        .await?;
        if overlap::over_the_cap(&approved, entry.quarter_hours) {
            let elsewhere: i32 = approved
                .iter()
                .filter(|h| h.entry.placement_id != placement.id)
                .map(|h| h.entry.quarter_hours)
                .sum();
            let lang = i18n::current();
            return Err(AppError::Conflict(i18n::t_args(
                lang,
                "employer-hours-error-day-cap",
                vec![
                    ("day", i18n::long_date(lang, entry.work_date).into()),
                    ("max", MAX_HOURS_PER_DAY.into()),
                    (
                        "approved",
                        hours_in_words(overlap::quarters_of(&approved)).into(),
                    ),
                    ("elsewhere", hours_in_words(elsewhere).into()),
                    ("hours", hours_in_words(entry.quarter_hours).into()),
                ],
            )));
        }
    }
    // Hours dated on a day the organization was suspended (logged before
    // that was refused, or by a student who could not know) are not
    // approved: the student was told to stay away from the site that day.
    // Hours logged before the suspension began were logged in good faith.
    if approve
        && let Some(suspended) = crate::organizations::suspensions::covering(
            &txn,
            opportunity.organization_id,
            entry.work_date,
            Some(entry.created_at),
        )
        .await?
    {
        let lang = i18n::current();
        let date = |d: NaiveDate| i18n::long_date(lang, d).into();
        return Err(AppError::Conflict(i18n::t_args(
            lang,
            "employer-hours-error-suspended",
            vec![
                ("day", date(entry.work_date)),
                ("from", date(suspended.from)),
                ("to", date(suspended.to.unwrap_or(entry.work_date))),
            ],
        )));
    }
    // Only while still pending: two reviewers (or a double click) decide once.
    let update = hour_log::Entity::update_many()
        .set(hour_log::ActiveModel {
            status: Set(if approve {
                HoursStatus::Approved
            } else {
                HoursStatus::Rejected
            }),
            reviewed_by: Set(Some(employer.id)),
            reviewed_at: Set(Some(Utc::now())),
            ..Default::default()
        })
        .filter(hour_log::Column::Id.eq(entry.id))
        .filter(hour_log::Column::Status.eq(HoursStatus::Pending));
    crate::db::update_once(&txn, update, already_reviewed).await?;
    let student = crate::db::found::<student::Entity>(&txn, placement.student_id).await?;
    if let Some(user_id) = student.user_id {
        let message = Message::new(if approve {
            "notice-hours-approved"
        } else {
            "notice-hours-rejected"
        })
        .arg("title", opportunity.title.as_str());
        notify(
            &txn,
            &[user_id],
            &message,
            &format!("/student/placements/{}", placement.id),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(placement.id)
}

/// The employer's closing form.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct CompletionForm {
    /// `completed` or `ended_early`.
    pub outcome: String,
    pub communication: String,
    pub teamwork: String,
    pub technical: String,
    pub reliability: String,
    pub comment: String,
}

/// Marks an active placement completed (or ended early) with the ratings.
/// The employer's refusal to close as completed a placement whose first
/// day has not come.
fn not_started_to_complete(placement: &placement::Model) -> AppError {
    let lang = i18n::current();
    AppError::Conflict(i18n::t_args(
        lang,
        "employer-close-not-started",
        vec![("date", i18n::long_date(lang, placement.start_date).into())],
    ))
}

pub async fn complete(
    db: &DatabaseConnection,
    employer: &VerifiedEmployer,
    placement_id: i32,
    form: &CompletionForm,
) -> AppResult<()> {
    find_for_employer(db, employer, placement_id).await?;
    let mut errors = FieldErrors::new();
    let status = match form.outcome.as_str() {
        "completed" => Some(PlacementStatus::Completed),
        "ended_early" => Some(PlacementStatus::EndedEarly),
        _ => {
            errors.add_id("outcome", "employer-close-error-outcome");
            None
        }
    };
    let mut rating = |field: &str, label: &str, value: &str| {
        errors.integer(field, label, value, 1, 5).map(|n| n as i32)
    };
    let communication = rating(
        "communication",
        "employer-close-communication-name",
        &form.communication,
    );
    let teamwork = rating("teamwork", "employer-close-teamwork-name", &form.teamwork);
    let technical = rating(
        "technical",
        "employer-close-technical-name",
        &form.technical,
    );
    let reliability = rating(
        "reliability",
        "employer-close-reliability-name",
        &form.reliability,
    );
    let comment =
        errors.optional_text("comment", "form-comment-name", &form.comment, limit::LETTER);
    // Read by the student alone: no way to reach the employer outside
    // STEMbridge in it (eyes13f F2).
    errors.without_contact_details("comment", &comment);
    let status = errors
        .into_result(status)?
        .unwrap_or(PlacementStatus::Completed);

    let txn = db::begin_write(db).await?;
    let (placement, opportunity) = find_for_employer(&txn, employer, placement_id).await?;
    let not_active = |status: PlacementStatus| {
        let lang = i18n::current();
        AppError::Conflict(i18n::t_args(
            lang,
            "employer-close-not-active",
            vec![(
                "status",
                i18n::vocab(lang, "placement_status", status.key()).into(),
            )],
        ))
    };
    // Lock the posting as every seat change does: an early end frees the
    // seat for the wait list in this transaction.
    let opportunity = super::seats::lock_opportunity(&txn, opportunity.id).await?;
    // Locked as logging hours locks it, so no entry arrives between the
    // count below and the close.
    let placement = placement::Entity::find_by_id(placement.id)
        .lock_exclusive()
        .one(&txn)
        .await?
        .or_not_found()?;
    if placement.status != PlacementStatus::Active {
        return Err(not_active(placement.status));
    }
    // Nothing is closed before the placement has started: ending early
    // would pass the seat on (the school can), and a completion would
    // record work never done (an evaluation, "completed" on the dashboard,
    // a lower tier in later draws).
    if !super::seats::started(&placement, crate::format::today()) {
        return Err(match status {
            PlacementStatus::Completed => not_started_to_complete(&placement),
            _ => super::seats::not_started(&placement),
        });
    }
    // A completion records the hours worked: none may still wait for review.
    if status == PlacementStatus::Completed {
        let pending = hour_log::Entity::find()
            .filter(hour_log::Column::PlacementId.eq(placement.id))
            .filter(hour_log::Column::Status.eq(HoursStatus::Pending))
            .count(&txn)
            .await?;
        if pending > 0 {
            return Err(AppError::Conflict(i18n::t_args(
                i18n::current(),
                "employer-close-hours-pending",
                vec![("count", pending.into())],
            )));
        }
        super::mentor::ensure_named(&txn, &placement).await?;
    }
    let student_id = placement.student_id;
    // Only while still active: a second close (or consent changing meanwhile) loses.
    let update = placement::Entity::update_many()
        .set(placement::ActiveModel {
            status: Set(status),
            ended_at: Set(Some(Utc::now())),
            rating_communication: Set(communication),
            rating_teamwork: Set(teamwork),
            rating_technical: Set(technical),
            rating_reliability: Set(reliability),
            employer_comment: Set((!comment.is_empty()).then_some(comment)),
            ..Default::default()
        })
        .filter(placement::Column::Id.eq(placement.id))
        .filter(placement::Column::Status.eq(PlacementStatus::Active));
    crate::db::update_once(&txn, update, || {
        AppError::conflict("integrity-placement-closed")
    })
    .await?;
    if status == PlacementStatus::EndedEarly {
        crate::outbox::enqueue(&txn, opportunity.id).await?;
        promote_wait_list(&txn, &opportunity).await?;
        super::seats::record_early_end(
            &txn,
            &placement,
            &opportunity,
            Some(employer.id),
            super::seats::Ender::Employer,
            None,
        )
        .await?;
    }
    let student = crate::db::found::<student::Entity>(&txn, student_id).await?;
    if status == PlacementStatus::EndedEarly {
        // The family's calendar still has the days ahead (eyes13e F1).
        super::confirmation::tell_family(
            &txn,
            &placement,
            &opportunity,
            &student,
            super::confirmation::FamilyNews::CalledOff,
        )
        .await?;
        super::confirmation::tell_student(&txn, &placement, &opportunity, &student).await?;
    }
    if let Some(user_id) = student.user_id {
        let message = Message::new("notice-placement-closed")
            .arg("title", opportunity.title.as_str())
            .vocab("status", "placement_status", status.key());
        notify(
            &txn,
            &[user_id],
            &message,
            &format!("/student/placements/{placement_id}"),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(())
}

/// The student's closing form.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct FeedbackForm {
    pub rating: String,
    pub comment: String,
    pub belonging: String,
}

/// Whether placement `id` holds a belonging answer of `stage`.
async fn answered(db: &impl ConnectionTrait, id: i32, stage: BelongingStage) -> AppResult<bool> {
    Ok(belonging_response::Entity::find()
        .filter(belonging_response::Column::PlacementId.eq(id))
        .filter(belonging_response::Column::Stage.eq(stage))
        .count(db)
        .await?
        > 0)
}

/// The student rates the experience and answers the belonging item again
/// (unless an "after" answer is already on file: the form then leaves the
/// question out, and an answer sent anyway is refused with a 409).
pub async fn student_feedback(
    db: &DatabaseConnection,
    user: &CurrentUser,
    placement_id: i32,
    form: &FeedbackForm,
) -> AppResult<()> {
    let found = find_for_student(db, user, placement_id).await?;
    let after_answered = answered(db, found.id, BelongingStage::After).await?;
    let mut errors = FieldErrors::new();
    let rating = errors.integer("rating", "student-feedback-rating-name", &form.rating, 1, 5);
    // `Some(None)`: not asked again.
    let belonging = if after_answered && form.belonging.trim().is_empty() {
        Some(None)
    } else {
        errors
            .integer(
                "belonging",
                "student-belonging-answer",
                &form.belonging,
                1,
                5,
            )
            .map(Some)
    };
    let comment =
        errors.optional_text("comment", "form-comment-name", &form.comment, limit::LETTER);
    let (Some(rating), Some(belonging)) = (rating, belonging) else {
        return Err(AppError::Validation(errors));
    };
    errors.into_result(())?;
    let txn = db::begin_write(db).await?;
    let placement = find_for_student(&txn, user, placement_id).await?;
    if !matches!(
        placement.status,
        PlacementStatus::Completed | PlacementStatus::EndedEarly
    ) {
        return Err(AppError::conflict("student-feedback-not-ended"));
    }
    if placement.student_rating.is_some() {
        return Err(AppError::conflict("integrity-feedback-given"));
    }
    let (id, student_id) = (placement.id, placement.student_id);
    // Only once: a double submit must not record two "after" answers.
    let update = placement::Entity::update_many()
        .set(placement::ActiveModel {
            student_rating: Set(Some(rating as i32)),
            student_comment: Set((!comment.is_empty()).then_some(comment)),
            ..Default::default()
        })
        .filter(placement::Column::Id.eq(id))
        .filter(placement::Column::StudentRating.is_null());
    crate::db::update_once(&txn, update, || {
        AppError::conflict("integrity-feedback-given")
    })
    .await?;
    // An "after" answer recorded without a rating (an older database, the
    // demo seed) is refused by `record_belonging` with a 409 saying so, and
    // nothing is written.
    if let Some(belonging) = belonging {
        record_belonging(
            &txn,
            id,
            student_id,
            BelongingStage::After,
            belonging as i32,
        )
        .await?;
    }
    txn.commit().await?;
    Ok(())
}

/// An hours entry in words.
#[derive(Debug, Serialize)]
pub struct HoursRow {
    pub id: i32,
    pub date: NaiveDate,
    pub hours: f64,
    pub description: String,
    /// `vocab-hours_status-<key>`.
    pub status: &'static str,
    pub pending: bool,
}

/// A placement with everything its pages show.
#[derive(Debug, Serialize)]
pub struct PlacementView {
    pub id: i32,
    pub title: String,
    pub organization: String,
    pub student_name: String,
    /// `vocab-placement_status-<key>`.
    pub status_key: &'static str,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    /// Who gave consent: for the school, whatever their decision; for
    /// anyone else only while that consent stands (see `guardian_as_read`).
    pub guardian: Option<String>,
    /// A declined consent as the student reads it: the catalogue id of "a
    /// guardian declined" or "your school recorded a paper form declining".
    pub declined_as: Option<&'static str>,
    /// The counselor who recorded a paper consent form, by name.
    pub paper_recorded_by: Option<String>,
    /// For the school: the address of the link a guardian answered
    /// through, so an answer from an inbox the school changed shortly
    /// before (see the audit) can be told apart.
    pub consent_link_to: Option<String>,
    pub hours: Vec<HoursRow>,
    pub approved_hours: f64,
    pub pending_hours: f64,
    pub student_rated: bool,
    /// False while the host organization is suspended or rejected.
    pub organization_verified: bool,
    /// Awaiting consent or active: it can still be withdrawn or ended early.
    pub open: bool,
    /// Under way and its first day has come: from then on the employer may
    /// end it early (before, only the school).
    pub started: bool,
    /// What the guardian wrote when declining consent: for the school only.
    pub decline_reason: Option<String>,
    /// Why it ended early, in words (`vocab-...` id), and the note.
    pub end_reason: Option<String>,
    pub end_note: Option<String>,
    /// The student answered the "before" belonging question.
    pub before_answered: bool,
    /// An "after" answer is on file (one without a rating: the demo seed, an
    /// older database): the closing form does not ask it again.
    pub after_answered: bool,
    pub mentor: Option<super::mentor::MentorView>,
    /// The posting promises a named mentor (`mentor_assigned`).
    pub mentor_required: bool,
    /// The sides of the evaluation this reader may see.
    pub employer_evaluation: Option<super::evaluation::EmployerEvaluation>,
    pub student_evaluation: Option<super::evaluation::StudentEvaluation>,
}

/// A placement as `reader` may see it (the evaluation sides differ).
pub async fn view(
    db: &impl ConnectionTrait,
    placement: placement::Model,
    reader: super::evaluation::Reader,
) -> AppResult<PlacementView> {
    let before_answered = answered(db, placement.id, BelongingStage::Before).await?;
    let after_answered = answered(db, placement.id, BelongingStage::After).await?;
    let mentor_required = super::mentor::required(db, placement.opportunity_id).await?;
    let employer_evaluation = super::evaluation::employer_side(&placement, reader);
    let student_evaluation = super::evaluation::student_side(&placement, reader);
    let mentor = super::mentor::MentorView::of(&placement);
    let (end_reason, end_note) = super::seats::end_as_read(db, &placement, reader).await?;
    let started = super::seats::started(&placement, crate::format::today());
    let opportunity = crate::db::found::<opportunity::Entity>(db, placement.opportunity_id).await?;
    let paper_recorded_by = match placement.consent_recorded_by {
        Some(id) => entity::user::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|u| u.display_name),
        None => None,
    };
    let consent_link_to = if reader == super::evaluation::Reader::Counselor
        && placement.consent_given.is_some()
        && placement.consent_recorded_by.is_none()
    {
        entity::consent_request::Entity::find()
            .filter(entity::consent_request::Column::PlacementId.eq(placement.id))
            .filter(entity::consent_request::Column::UsedAt.is_not_null())
            .order_by_desc(entity::consent_request::Column::UsedAt)
            .one(db)
            .await?
            .map(|r| r.email)
    } else {
        None
    };
    let organization =
        crate::db::found::<organization::Entity>(db, opportunity.organization_id).await?;
    let student = crate::db::found::<student::Entity>(db, placement.student_id).await?;
    let entries = hour_log::Entity::find()
        .filter(hour_log::Column::PlacementId.eq(placement.id))
        .order_by_desc(hour_log::Column::WorkDate)
        .all(db)
        .await?;
    let total = |status: HoursStatus| {
        entries
            .iter()
            .filter(|h| h.status == status)
            .map(|h| f64::from(h.quarter_hours) / 4.0)
            .sum()
    };
    Ok(PlacementView {
        id: placement.id,
        title: opportunity.title,
        organization: organization.name,
        student_name: format!("{} {}", student.first_name, student.last_name),
        status_key: placement.status.key(),
        start_date: placement.start_date,
        end_date: placement.end_date,
        paper_recorded_by,
        consent_link_to,
        guardian: guardian_as_read(&placement, reader),
        declined_as: match (placement.consent_given, placement.consent_recorded_by) {
            (Some(false), Some(_)) => Some("notice-consent-declined-paper"),
            (Some(false), None) => Some("notice-consent-declined"),
            _ => None,
        },
        approved_hours: total(HoursStatus::Approved),
        pending_hours: total(HoursStatus::Pending),
        hours: entries
            .iter()
            .map(|h| HoursRow {
                id: h.id,
                date: h.work_date,
                hours: f64::from(h.quarter_hours) / 4.0,
                description: h.description.clone(),
                status: h.status.key(),
                pending: h.status == HoursStatus::Pending,
            })
            .collect(),
        student_rated: placement.student_rating.is_some(),
        organization_verified: organization.status == entity::OrgStatus::Verified,
        open: PlacementStatus::OPEN.contains(&placement.status),
        started,
        decline_reason: placement
            .consent_decline_reason
            .filter(|_| reader == super::evaluation::Reader::Counselor),
        end_reason,
        end_note,
        before_answered,
        after_answered,
        mentor,
        mentor_required,
        employer_evaluation,
        student_evaluation,
    })
}

/// Placements of a student, newest first.
pub async fn of_student(
    db: &impl ConnectionTrait,
    student_id: i32,
    reader: super::evaluation::Reader,
) -> AppResult<Vec<PlacementView>> {
    let rows = placement::Entity::find()
        .filter(placement::Column::StudentId.eq(student_id))
        .order_by_desc(placement::Column::Id)
        .all(db)
        .await?;
    let mut views = Vec::with_capacity(rows.len());
    for row in rows {
        views.push(view(db, row, reader).await?);
    }
    Ok(views)
}

/// A placement waiting for consent, with where the emails went.
#[derive(Debug, Serialize)]
pub struct AwaitingConsent {
    pub placement: ConsentCard,
    pub student_id: i32,
    pub consent: consent::ConsentStatus,
}

/// What a card of the consent list names: the placement, its student, the
/// posting and the organization.
#[derive(Debug, Serialize, sea_orm::FromQueryResult)]
pub struct ConsentCard {
    pub id: i32,
    #[serde(skip)]
    pub student_id: i32,
    #[serde(skip)]
    first_name: String,
    #[serde(skip)]
    last_name: String,
    pub title: String,
    pub organization: String,
    /// Filled from the names.
    #[sea_orm(skip)]
    pub student_name: String,
}

/// One page of the placements of the counselor's schools still waiting for
/// consent, oldest first (the search finds a student by name or id), in
/// four queries whatever the page's length: the counselor's schools, the
/// page's cards (placement, student, posting and organization joined), and
/// `consent::statuses`' two.
pub async fn awaiting_consent(
    db: &impl ConnectionTrait,
    counselor: &CurrentUser,
    paging: &crate::paging::Paging,
) -> AppResult<Vec<AwaitingConsent>> {
    use sea_orm::{
        FromQueryResult,
        sea_query::{Alias, Expr, ExprTrait, Query},
    };
    use student::Column as C;
    // A counselor's few schools; their students stay a subquery.
    let schools: Vec<i32> = crate::roster::service::schools_of(db, counselor)
        .await?
        .into_iter()
        .map(|s| s.id)
        .collect();
    let column = |c: C| Expr::col((student::Entity, c));
    let students = student::Entity::find()
        .select_only()
        .column(C::Id)
        .filter(C::SchoolId.is_in(schools))
        .filter(crate::paging::name_or_id(
            paging,
            &[column(C::FirstName), column(C::LastName)],
            column(C::Id),
        ))
        .into_query();
    let query = Query::select()
        .column((placement::Entity, placement::Column::Id))
        .column((placement::Entity, placement::Column::StudentId))
        .column((student::Entity, C::FirstName))
        .column((student::Entity, C::LastName))
        .column((opportunity::Entity, opportunity::Column::Title))
        .expr_as(
            Expr::col((organization::Entity, organization::Column::Name)),
            Alias::new("organization"),
        )
        .from(placement::Entity)
        .inner_join(
            student::Entity,
            Expr::col((student::Entity, C::Id))
                .equals((placement::Entity, placement::Column::StudentId)),
        )
        .inner_join(
            opportunity::Entity,
            Expr::col((opportunity::Entity, opportunity::Column::Id))
                .equals((placement::Entity, placement::Column::OpportunityId)),
        )
        .inner_join(
            organization::Entity,
            Expr::col((organization::Entity, organization::Column::Id))
                .equals((opportunity::Entity, opportunity::Column::OrganizationId)),
        )
        .and_where(
            Expr::col((placement::Entity, placement::Column::StudentId)).in_subquery(students),
        )
        .and_where(
            Expr::col((placement::Entity, placement::Column::Status))
                .eq(PlacementStatus::AwaitingConsent),
        )
        .order_by(
            (placement::Entity, placement::Column::Id),
            sea_orm::Order::Asc,
        )
        .limit(paging.limit())
        .offset(paging.offset())
        .to_owned();
    let mut cards = Vec::new();
    for row in db.query_all(&query).await? {
        let mut card = ConsentCard::from_query_result(&row, "")?;
        card.student_name = format!("{} {}", card.first_name, card.last_name);
        cards.push(card);
    }
    let page: Vec<(i32, i32)> = cards.iter().map(|c| (c.id, c.student_id)).collect();
    let mut statuses = consent::statuses(db, &page, false).await?;
    Ok(cards
        .into_iter()
        .filter_map(|card| {
            let consent = statuses.remove(&card.id)?;
            Some(AwaitingConsent {
                student_id: card.student_id,
                placement: card,
                consent,
            })
        })
        .collect())
}

/// The name and relationship a consent decision was recorded with, as
/// `reader` may see it. The school reads who decided, whatever they
/// decided; the student and the employer read who consented only while
/// that consent stands: never which guardian declined (by link or on a
/// paper form that may be disputed) or withdrew (eyes16b F2), as the
/// notices and the withdrawal's reason already word it.
fn guardian_as_read(
    placement: &placement::Model,
    reader: super::evaluation::Reader,
) -> Option<String> {
    let withdrawn =
        placement.end_reason.as_deref() == Some(entity::EndReason::ConsentWithdrawn.key());
    let stands = placement.consent_given == Some(true) && !withdrawn;
    if reader != super::evaluation::Reader::Counselor && !stands {
        return None;
    }
    let name = placement.guardian_name.as_deref()?;
    Some(format!(
        "{name} ({})",
        placement
            .guardian_relationship
            .as_deref()
            .unwrap_or_default()
    ))
}
