//! A guardian withdraws consent (eyes13c F5, eyes13a F9). A consent given
//! can be taken back at any time, by the family itself: the confirmation
//! mailed to each guardian carries a link, and a guardian's settings page
//! lists the placements it can stop and mails the link of any of them. Any active guardian of the minor may,
//! as any of them could have declined. Guardians have no account: the link
//! is signed over the guardian's address (`mail::preferences::token`), so
//! one mailed to an address the school has since corrected opens nothing,
//! and no signed-in account may use it (as the consent link).
//!
//! The placement ends at once, as the school would end it
//! (`seats::end_for_family`): called off before its first day, ended early
//! after it; the seat goes to the wait list, and the student, the employers,
//! the school's counselors and the whole family are told.

use entity::{PlacementStatus, guardian, opportunity, placement, student, student_guardian};
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait};
use serde::{Deserialize, Serialize};

use super::seats;
use crate::{
    db,
    error::{AppError, AppResult},
    families::service as families,
    forms::FieldErrors,
    mail::preferences::{self, LinkPurpose, Recipient},
};

/// Where withdrawal links live (a guardian's page: `families::link_language`
/// and the CSRF guard know it).
pub const PATH: &str = "/withdraw/";

/// The site path of `guardian`'s link withdrawing consent to `placement_id`.
pub fn path(guardian: &guardian::Model, placement_id: i32) -> String {
    let address = guardian.email.as_deref().unwrap_or_default();
    let purpose = LinkPurpose::Withdraw(placement_id);
    let token = preferences::token(Recipient::Guardian(guardian.id), purpose, address);
    format!("{PATH}{token}")
}

/// Why a withdrawal link cannot be used (each has its page).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    /// Not a genuine link, or not for this guardian's address, or the
    /// guardian is no longer the student's contact.
    Unknown,
    /// The placement already ended (or was completed).
    Closed,
    /// No guardian's consent started it (the student is an adult by its
    /// first day): the decision is the student's.
    NotTheFamilys,
    /// A family's report holds the student's contacts (`address_report`):
    /// the contacts on file may be the ones reported.
    Held,
}

impl Problem {
    pub fn key(self) -> &'static str {
        match self {
            Problem::Unknown => "unknown",
            Problem::Closed => "closed",
            Problem::NotTheFamilys => "adult",
            Problem::Held => "held",
        }
    }
}

/// A placement a guardian may stop, with what its page shows.
pub struct Withdrawable {
    pub guardian: guardian::Model,
    pub placement: placement::Model,
    pub student: student::Model,
    pub opportunity: opportunity::Model,
}

/// The placement a withdrawal link is for, if its guardian may stop it now.
pub async fn open(
    db: &impl ConnectionTrait,
    token: &str,
) -> AppResult<Result<Withdrawable, Problem>> {
    let Some((Recipient::Guardian(guardian_id), LinkPurpose::Withdraw(placement_id))) =
        preferences::open_token(db, token).await?
    else {
        return Ok(Err(Problem::Unknown));
    };
    let guardian = db::found::<guardian::Entity>(db, guardian_id).await?;
    let Some(placement) = placement::Entity::find_by_id(placement_id).one(db).await? else {
        return Ok(Err(Problem::Unknown));
    };
    may_stop(db, guardian, placement).await
}

/// Whether `guardian` may stop `placement` now (the link's checks once its
/// signature holds; the settings page asks the same of each placement).
async fn may_stop(
    db: &impl ConnectionTrait,
    guardian: guardian::Model,
    placement: placement::Model,
) -> AppResult<Result<Withdrawable, Problem>> {
    let linked = student_guardian::Entity::find_by_id((placement.student_id, guardian.id))
        .one(db)
        .await?
        .is_some();
    let address = guardian.email.as_deref().unwrap_or_default();
    if !guardian.active
        || !linked
        || families::is_student_inbox(db, address, placement.student_id, Some(guardian.id)).await?
        || families::is_staff_address(db, address).await?
    {
        return Ok(Err(Problem::Unknown));
    }
    let student = db::found::<student::Entity>(db, placement.student_id).await?;
    // Links are mailed once consent is given, so a placement that is not
    // active has ended (it cannot wait for consent again).
    if placement.status != PlacementStatus::Active {
        return Ok(Err(Problem::Closed));
    }
    if placement.consent_given != Some(true)
        || super::consent::not_the_familys(&student, &placement)
            == Some(super::consent::LinkProblem::Adult)
    {
        return Ok(Err(Problem::NotTheFamilys));
    }
    if crate::families::address_report::is_held(db, student.id).await? {
        return Ok(Err(Problem::Held));
    }
    let opportunity = db::found::<opportunity::Entity>(db, placement.opportunity_id).await?;
    Ok(Ok(Withdrawable {
        guardian,
        placement,
        student,
        opportunity,
    }))
}

/// The withdrawal as typed: a box ticked to say so (a mail scanner or a
/// slip of the finger stops nothing) and, if they want, a word for the
/// school.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct WithdrawForm {
    pub confirm: String,
    pub note: String,
}

/// Stops the placement of the link; the placement as it ended, or why not.
pub async fn withdraw(
    db: &DatabaseConnection,
    token: &str,
    form: &WithdrawForm,
) -> AppResult<Result<placement::Model, Problem>> {
    let mut errors = FieldErrors::new();
    if form.confirm != "on" {
        errors.add_id("confirm", "withdraw-error-confirm");
    }
    let note = errors.optional_text("note", "withdraw-note", &form.note, seats::NOTE_MAX);
    errors.into_result(())?;
    let txn = db::begin_write(db).await?;
    let found = match open(&txn, token).await? {
        Ok(found) => found,
        Err(problem) => return Ok(Err(problem)),
    };
    let words = (!note.is_empty()).then_some(note);
    seats::end_for_family(&txn, &found.placement, &found.guardian, words).await?;
    let saved = db::found::<placement::Entity>(&txn, found.placement.id).await?;
    txn.commit().await?;
    super::free_seats::after_placement_ended(db, saved.student_id).await;
    Ok(Ok(saved))
}

/// A placement on a guardian's settings page. The page offers to mail its
/// withdrawal link rather than showing it: the settings link is in every
/// mail to the guardian and never expires, so a sibling holding one
/// forwarded mail must not be able to stop a brother's placement in the
/// parent's name (eyes15a F6).
#[derive(Debug, Serialize)]
pub struct Stoppable {
    pub placement: i32,
    pub student: String,
    pub title: String,
}

/// The placements of a guardian's students they may stop now, for the
/// guardian's settings page: a family that consented before confirmations
/// carried the link asks for it there.
pub async fn of_guardian(
    db: &impl ConnectionTrait,
    guardian: &guardian::Model,
) -> AppResult<Vec<Stoppable>> {
    use sea_orm::{ColumnTrait, QueryFilter};
    let students: Vec<i32> = student_guardian::Entity::find()
        .filter(student_guardian::Column::GuardianId.eq(guardian.id))
        .all(db)
        .await?
        .into_iter()
        .map(|link| link.student_id)
        .collect();
    let placements = placement::Entity::find()
        .filter(placement::Column::StudentId.is_in(students))
        .filter(placement::Column::Status.eq(PlacementStatus::Active))
        .filter(placement::Column::ConsentGiven.eq(true))
        .all(db)
        .await?;
    let mut listed = Vec::new();
    for placement in placements {
        if let Ok(found) = may_stop(db, guardian.clone(), placement).await? {
            listed.push(Stoppable {
                placement: found.placement.id,
                student: found.student.first_name,
                title: found.opportunity.title,
            });
        }
    }
    Ok(listed)
}

/// Mails `guardian`, at their address on file, the link withdrawing
/// consent to `placement_id`, asked for from their settings page; the
/// placement as listed there, or `None` when they may not stop it. A few a
/// day per placement, on the audit log.
pub async fn mail_link(
    db: &DatabaseConnection,
    guardian: guardian::Model,
    placement_id: i32,
) -> AppResult<Option<LinkMail>> {
    let Some(placement) = placement::Entity::find_by_id(placement_id).one(db).await? else {
        return Ok(None);
    };
    let Ok(found) = may_stop(db, guardian, placement).await? else {
        return Ok(None);
    };
    let Some(to) = preferences::guardian_asking(&found.guardian) else {
        return Ok(None);
    };
    let bucket = format!("withdraw-link:{}:{}", found.guardian.id, found.placement.id);
    let throttle = crate::auth::throttle::charge(
        db,
        &[(bucket, crate::auth::throttle::WITHDRAW_LINK)],
        |_| String::new(),
    )
    .await;
    let stoppable = Stoppable {
        placement: found.placement.id,
        student: found.student.first_name.clone(),
        title: found.opportunity.title.clone(),
    };
    match throttle {
        Ok(()) => {}
        Err(AppError::TooManyRequests(_)) => return Ok(Some(LinkMail::SentBefore(stoppable))),
        Err(other) => return Err(other),
    }
    let organization =
        crate::organizations::service::name_of(db, found.opportunity.organization_id).await?;
    let name = crate::families::service::full_name(&found.guardian);
    crate::mail::notices::send(
        db,
        &to,
        crate::mail::notices::Notice {
            kind: "withdraw-link-guardian",
            name: &name,
            title: &found.opportunity.title,
            organization: &organization,
            student: &found.student.first_name,
            school: &super::confirmation::school_of(db, &found.student).await?,
            person: "",
            link: path(&found.guardian, found.placement.id),
            facts: None,
            calendar: None,
            for_organization: None,
            about_organization: None,
            placement: Some(found.placement.id),
            date: None,
        },
    )
    .await?;
    crate::counseling::audit::record_without_account(
        db,
        crate::counseling::audit::NoAccount::GuardianLink,
        crate::counseling::audit::AuditAction::MailWithdrawLink,
        &format!(
            "placement {}, student {}, guardian {}: link to {}",
            found.placement.id, found.student.id, found.guardian.id, to.email
        ),
    )
    .await?;
    Ok(Some(LinkMail::Sent(stoppable)))
}

/// What became of a guardian's request for a withdrawal link.
#[derive(Debug, Serialize)]
#[serde(tag = "outcome", content = "placement", rename_all = "snake_case")]
pub enum LinkMail {
    /// Mailed now.
    Sent(Stoppable),
    /// Mailed often enough today ([`throttle::WITHDRAW_LINK`]): the newest
    /// mail holds it, and nothing more is sent.
    ///
    /// [`throttle::WITHDRAW_LINK`]: crate::auth::throttle::WITHDRAW_LINK
    SentBefore(Stoppable),
}
