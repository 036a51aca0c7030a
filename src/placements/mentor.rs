//! Mentors: the named professional who meets the student.
//!
//! A placement names its mentor: a colleague (an active employer account of
//! the same organization) or a person named by hand, always with a role,
//! optionally a short introduction in the mentor's own words (at most
//! [`INTRO_MAX`] characters) and the languages they speak. The student sees
//! the mentor on the placement page.
//!
//! A posting that offers `mentor_assigned` commits to one: its placements
//! log no hours and cannot be marked completed until the mentor is named
//! (the employer's placement page says so from the first day). That is the
//! placement "starting" in practice: the first logged hour. Naming is
//! possible while the placement is awaiting consent or active.

use entity::{AccessNeed, PlacementStatus, Role, opportunity_feature, placement, user};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder,
};
use serde::{Deserialize, Serialize};

use super::service::find_for_employer;
use crate::{
    auth::extractors::VerifiedEmployer,
    counseling::audit::{self, AuditAction},
    db,
    error::{AppError, AppResult},
    forms::{FieldErrors, limit},
    i18n::Message,
    notifications::{notify_employers, notify_student_of_placement, notify_students_counselors},
};

/// Longest introduction, in characters: a few sentences a student reads.
pub const INTRO_MAX: crate::forms::Limit = crate::forms::Limit::lines(400);

/// What the student (and the counselor) read about the mentor.
#[derive(Debug, Clone, Serialize)]
pub struct MentorView {
    pub name: String,
    pub role: String,
    pub intro: Option<String>,
    /// Language codes (`languages::normalize`: ISO 639-1, else ISO 639-3).
    pub languages: Vec<String>,
    /// A colleague with an account (else a person named by hand).
    pub colleague: bool,
}

impl MentorView {
    pub fn of(p: &placement::Model) -> Option<MentorView> {
        Some(MentorView {
            name: p.mentor_name.clone()?,
            role: p.mentor_role.clone().unwrap_or_default(),
            intro: p.mentor_intro.clone(),
            languages: p
                .mentor_languages
                .as_deref()
                .unwrap_or_default()
                .split(',')
                .filter(|c| !c.is_empty())
                .map(str::to_owned)
                .collect(),
            colleague: p.mentor_user_id.is_some(),
        })
    }
}

/// The posting of this placement promises a named mentor.
pub async fn required(db: &impl ConnectionTrait, opportunity_id: i32) -> AppResult<bool> {
    Ok(opportunity_feature::Entity::find()
        .filter(opportunity_feature::Column::OpportunityId.eq(opportunity_id))
        .filter(opportunity_feature::Column::Feature.eq(AccessNeed::MentorAssigned))
        .count(db)
        .await?
        > 0)
}

/// Refuses (409) what needs the promised mentor while none is named.
pub async fn ensure_named(db: &impl ConnectionTrait, p: &placement::Model) -> AppResult<()> {
    if p.mentor_name.is_none() && required(db, p.opportunity_id).await? {
        return Err(AppError::conflict("seats-mentor-required"));
    }
    Ok(())
}

/// The colleagues who can mentor: active employer accounts of the
/// organization, by name (id, name).
pub async fn colleagues(
    db: &impl ConnectionTrait,
    organization_id: i32,
) -> AppResult<Vec<(i32, String)>> {
    Ok(user::Entity::find()
        .filter(user::Column::OrganizationId.eq(organization_id))
        .filter(user::Column::Role.eq(Role::Employer))
        .filter(user::Column::DisabledAt.is_null())
        .order_by_asc(user::Column::DisplayName)
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.display_name))
        .collect())
}

/// The mentor form as typed.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct MentorForm {
    /// A colleague's user id, or empty for a person named by hand.
    pub colleague: String,
    pub name: String,
    pub role: String,
    pub intro: String,
    pub languages: String,
}

/// Names (or renames) the mentor of a placement of the employer's
/// organization, while it is awaiting consent or active.
pub async fn name_mentor(
    db: &DatabaseConnection,
    employer: &VerifiedEmployer,
    placement_id: i32,
    form: &MentorForm,
) -> AppResult<()> {
    let txn = db::begin_write(db).await?;
    // Another organization's placement is "not found" before anything else.
    let (found, opportunity) = find_for_employer(&txn, employer, placement_id).await?;
    let mut errors = FieldErrors::new();
    let colleague = match form.colleague.trim() {
        "" => None,
        id => {
            let member = match id.parse::<i32>() {
                Ok(id) => colleagues(&txn, opportunity.organization_id)
                    .await?
                    .into_iter()
                    .find(|(c, _)| *c == id),
                Err(_) => None,
            };
            if member.is_none() {
                errors.add_id("colleague", "seats-mentor-error-colleague");
            }
            member
        }
    };
    let name = match &colleague {
        Some((_, display_name)) if form.name.trim().is_empty() => display_name.clone(),
        _ => errors.text("name", "seats-mentor-name", &form.name, limit::MENTOR),
    };
    let role = errors.text("role", "seats-mentor-role", &form.role, limit::MENTOR);
    let intro = errors.optional_text("intro", "seats-mentor-intro", &form.intro, INTRO_MAX);
    // The mentor card is read by the one minor the mentor meets: no way to
    // reach them outside STEMbridge in it (eyes13b F1, continued).
    for (field, text) in [("name", &name), ("role", &role), ("intro", &intro)] {
        errors.without_contact_details(field, text);
    }
    let languages = errors.languages(
        "languages",
        &form.languages,
        Some("seats-mentor-error-languages"),
    );
    errors.into_result(())?;
    if !PlacementStatus::OPEN.contains(&found.status) {
        return Err(super::seats::not_open(found.status));
    }
    placement::Entity::update_many()
        .set(placement::ActiveModel {
            mentor_user_id: Set(colleague.map(|(id, _)| id)),
            mentor_name: Set(Some(name.clone())),
            mentor_role: Set(Some(role)),
            mentor_intro: Set((!intro.is_empty()).then_some(intro)),
            mentor_languages: Set(Some(languages.join(","))),
            ..Default::default()
        })
        .filter(placement::Column::Id.eq(found.id))
        .exec(&txn)
        .await?;
    let student = crate::db::found::<entity::student::Entity>(&txn, found.student_id).await?;
    let message = Message::new("seats-notice-mentor")
        .arg("name", name.as_str())
        .arg("title", opportunity.title.as_str());
    notify_student_of_placement(&txn, &student, found.id, &message).await?;
    // The adult who meets a minor one to one is on the record and known to
    // the school, whenever they are named or replaced (eyes13c F6).
    audit::record(
        &txn,
        employer.id,
        AuditAction::NameMentor,
        &format!(
            "placement {}: {name} ({role})",
            found.id,
            role = form.role.trim()
        ),
    )
    .await?;
    let organization =
        crate::organizations::service::name_of(&txn, opportunity.organization_id).await?;
    let message = Message::new("seats-notice-school-mentor")
        .arg("organization", organization.as_str())
        .arg("name", name.as_str())
        .arg("role", form.role.trim())
        .arg(
            "student",
            format!("{} {}", student.first_name, student.last_name),
        )
        .arg("title", opportunity.title.as_str());
    notify_students_counselors(
        &txn,
        &student,
        None,
        &message,
        &format!("/counselor/placements/{}", found.id),
    )
    .await?;
    let mentor = format!("{name} ({})", form.role.trim());
    super::confirmation::tell_family(
        &txn,
        &found,
        &opportunity,
        &student,
        super::confirmation::FamilyNews::Mentor(&mentor),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// A colleague who no longer works for their organization here (an admin
/// removed them from it, or disabled the account) mentors no minor: the
/// open placements naming them lose their mentor, and the student, the
/// student's counselors and the organization's employers are told, so
/// another is named (eyes13b F4). A posting that promised a mentor logs no
/// hours meanwhile ([`ensure_named`]). Returns how many placements.
pub async fn unassign(db: &impl ConnectionTrait, user_id: i32) -> AppResult<usize> {
    let open = placement::Entity::find()
        .filter(placement::Column::MentorUserId.eq(user_id))
        .filter(placement::Column::Status.is_in(PlacementStatus::OPEN))
        .all(db)
        .await?;
    for found in &open {
        placement::Entity::update_many()
            .set(placement::ActiveModel {
                mentor_user_id: Set(None),
                mentor_name: Set(None),
                mentor_role: Set(None),
                mentor_intro: Set(None),
                mentor_languages: Set(None),
                ..Default::default()
            })
            .filter(placement::Column::Id.eq(found.id))
            .exec(db)
            .await?;
        let name = found.mentor_name.clone().unwrap_or_default();
        let opportunity =
            crate::db::found::<entity::opportunity::Entity>(db, found.opportunity_id).await?;
        let student = crate::db::found::<entity::student::Entity>(db, found.student_id).await?;
        let organization =
            crate::organizations::service::name_of(db, opportunity.organization_id).await?;
        let title = opportunity.title.as_str();
        notify_student_of_placement(
            db,
            &student,
            found.id,
            &Message::new("seats-notice-mentor-gone").arg("title", title),
        )
        .await?;
        let full_name = format!("{} {}", student.first_name, student.last_name);
        notify_students_counselors(
            db,
            &student,
            None,
            &Message::new("seats-notice-school-mentor-gone")
                .arg("name", name.as_str())
                .arg("organization", organization.as_str())
                .arg("student", full_name.as_str())
                .arg("title", title),
            &format!("/counselor/placements/{}", found.id),
        )
        .await?;
        notify_employers(
            db,
            opportunity.organization_id,
            &Message::new("seats-notice-employer-mentor-gone")
                .arg("name", name.as_str())
                .arg("student", student.first_name.as_str())
                .arg("title", title),
            &format!("/employer/placements/{}", found.id),
        )
        .await?;
    }
    Ok(open.len())
}
