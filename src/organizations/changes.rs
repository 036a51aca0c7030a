//! A reviewer's decision on a verified organization's requested name and
//! website: approving applies them, declining discards them; both are
//! audited with the old and the new values, and the organization's
//! employers are told.

use entity::{OrgStatus, Role, organization, user};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QuerySelect,
};
use serde::Deserialize;

use super::lookalikes::{self, Keys};
use crate::{
    auth::extractors::CurrentUser,
    counseling::audit::{self, AuditAction},
    db,
    error::{AppError, AppResult, OrNotFound},
    i18n::{self, Message},
    notifications::notify,
    outbox,
};

entity::vocabulary! {
    /// A reviewer's decision on a requested change.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum ChangeDecision {
        Approve = "approve",
        Decline = "decline",
    }
}

/// The decision and the request the reviewer saw: a decision applies only
/// to that request, never to one the employer put in its place meanwhile.
#[derive(Debug, Deserialize)]
pub struct ChangeForm {
    pub decision: ChangeDecision,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub website: String,
}

/// Approves or declines the requested change the reviewer saw. The row is
/// locked for update, as the employer's edit locks it, so two reviewers (or
/// two tabs) deciding at once, or an employer replacing the request while a
/// reviewer decides, end with one decision on one request; the other gets a
/// conflict and writes nothing.
pub async fn decide(
    db: &DatabaseConnection,
    reviewer: &CurrentUser,
    organization_id: i32,
    form: &ChangeForm,
) -> AppResult<organization::Model> {
    let txn = db::begin_write(db).await?;
    let current = organization::Entity::find_by_id(organization_id)
        .lock_exclusive()
        .one(&txn)
        .await?
        .or_not_found()?;
    let (Some(new_name), Some(new_website)) = (
        current.requested_name.clone(),
        current.requested_website.clone(),
    ) else {
        return Err(AppError::conflict("counselor-change-gone"));
    };
    if (new_name.as_str(), new_website.as_str()) != (form.name.trim(), form.website.trim()) {
        return Err(AppError::conflict("counselor-change-gone"));
    }
    let mut row: organization::ActiveModel = current.clone().into();
    if form.decision == ChangeDecision::Approve {
        if current.status != OrgStatus::Verified {
            let lang = i18n::current();
            return Err(AppError::Conflict(i18n::t_args(
                lang,
                "counselor-review-refused",
                vec![(
                    "status",
                    i18n::vocab(lang, "org_status", current.status.key()).into(),
                )],
            )));
        }
        let keys = Keys::of(&new_name, &new_website, &current.contact_email);
        // Only the new name and website are the change's own resemblance.
        let asked = Keys {
            domain: String::new(),
            ..keys.clone()
        };
        let resembles = lookalikes::find(&txn, &[(current.id, asked)]).await?;
        if reviewer.role != Role::Admin && resembles.iter().any(|l| !l.is_empty()) {
            return Err(AppError::Refused(i18n::t(
                i18n::current(),
                "counselor-lookalike-needs-admin",
            )));
        }
        row.name = Set(new_name.clone());
        row.website = Set(new_website.clone());
        keys.set_on(&mut row);
    }
    row.requested_name = Set(None);
    row.requested_website = Set(None);
    row.change_requested_at = Set(None);
    row.change_requested_by = Set(None);
    let organization = row.update(&txn).await?;

    let about = format!("organization {organization_id}");
    let subject = audit::changes(
        &about,
        &[
            ("name", &current.name, &new_name),
            ("website", &current.website, &new_website),
        ],
    )
    .unwrap_or(about);
    let (action, message) = match form.decision {
        ChangeDecision::Approve => {
            // The organization's name is part of every indexed posting.
            outbox::enqueue_organization(&txn, organization_id).await?;
            (
                AuditAction::ApproveOrganizationChange,
                Message::new("alerts-org-employer-change-approved")
                    .arg("organization", new_name.as_str())
                    .arg("website", new_website.as_str()),
            )
        }
        ChangeDecision::Decline => (
            AuditAction::DeclineOrganizationChange,
            Message::new("alerts-org-employer-change-declined")
                .arg("organization", current.name.as_str())
                .arg("requested", new_name.as_str()),
        ),
    };
    audit::record(&txn, reviewer.id, action, &subject).await?;
    let employers: Vec<i32> = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .filter(user::Column::OrganizationId.eq(organization_id))
        .filter(user::Column::Role.eq(Role::Employer))
        .filter(user::Column::DisabledAt.is_null())
        .into_tuple()
        .all(&txn)
        .await?;
    notify(&txn, &employers, &message, "/employer/organization").await?;
    txn.commit().await?;
    tracing::info!(
        organization_id,
        decision = form.decision.key(),
        reviewer = reviewer.id,
        "organization change decided"
    );
    Ok(organization)
}
