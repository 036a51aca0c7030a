//! An employer's edits of their organization's profile. Verification is a
//! reviewer's check of *who* the organization is, so once verified its name
//! and website only change through a reviewer (a requested change, waiting
//! beside the verified ones: see `changes`); its contact changes at once but
//! is audited, and so is its public description (students read it). A
//! pending organization's edits apply at once and are audited too (a
//! reviewer's decision names the version they saw). A suspended or
//! rejected organization edits nothing.

use chrono::Utc;
use entity::{OrgStatus, organization};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, DatabaseConnection, EntityTrait, QuerySelect};
use serde::{Deserialize, Serialize};

use super::{
    lookalikes::Keys,
    service::{existing_zip, website},
};
use crate::{
    auth::extractors::EmployerUser,
    counseling::audit::{self, AuditAction},
    db,
    error::{AppError, AppResult, OrNotFound},
    forms::{FieldErrors, limit},
    i18n, outbox,
};

/// The profile form.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct ProfileForm {
    pub name: String,
    pub website: String,
    pub description: String,
    pub address: String,
    pub zip: String,
    pub contact_email: String,
    pub contact_phone: String,
}

impl From<&organization::Model> for ProfileForm {
    /// The form as the employer left it: a requested name and website are
    /// shown (saving the form again keeps the request as it is).
    fn from(o: &organization::Model) -> Self {
        Self {
            name: o.requested_name.clone().unwrap_or_else(|| o.name.clone()),
            website: o
                .requested_website
                .clone()
                .unwrap_or_else(|| o.website.clone()),
            description: o.description.clone(),
            address: o.address.clone(),
            zip: o.zip.clone(),
            contact_email: o.contact_email.clone(),
            contact_phone: o.contact_phone.clone(),
        }
    }
}

/// What saving the profile did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfileSaved {
    /// Everything applies at once.
    Saved,
    /// Saved, and a new name or website now waits for a reviewer.
    ChangeWaits,
}

/// Whether the organization's profile can be edited at all: a suspended
/// or rejected one cannot (a new name would be a way back in).
pub fn editable(status: OrgStatus) -> bool {
    matches!(status, OrgStatus::Pending | OrgStatus::Verified)
}

fn not_editable() -> AppError {
    AppError::Refused(i18n::t(i18n::current(), "employer-org-locked"))
}

/// Saves the employer's organization profile (see the module comment).
pub async fn update_profile(
    db: &DatabaseConnection,
    employer: &EmployerUser,
    form: &ProfileForm,
) -> AppResult<ProfileSaved> {
    // Refused before the form is read: nothing to correct would help.
    if employer.organization_status.is_some_and(|s| !editable(s)) {
        return Err(not_editable());
    }
    let mut errors = FieldErrors::new();
    let name = super::lookalikes::checked_name(&mut errors, "name", &form.name);
    let website = website(&mut errors, "website", &form.website);
    let description = errors.optional_text(
        "description",
        "form-label-description",
        &form.description,
        limit::DESCRIPTION,
    );
    // Shown to students on the public page, as a posting is.
    errors.without_contact_details("description", &description);
    let address = errors.optional_text(
        "address",
        "form-label-address",
        &form.address,
        limit::ADDRESS,
    );
    let zip = existing_zip(&mut errors, "zip", &form.zip);
    let contact_email = errors.email("contact_email", &form.contact_email);
    let contact_phone = errors.optional_text(
        "contact_phone",
        "form-label-phone",
        &form.contact_phone,
        limit::PHONE,
    );
    errors.into_result(())?;

    let txn = db::begin_write(db).await?;
    // Locked for update, as a reviewer's decision locks it: a suspension, an
    // approval or a decline either committed before (and is seen here) or
    // waits for this edit.
    let current = organization::Entity::find_by_id(employer.organization_id)
        .lock_exclusive()
        .one(&txn)
        .await?
        .or_not_found()?;
    if !editable(current.status) {
        return Err(not_editable());
    }
    let organization_id = current.id;
    let about = format!("organization {organization_id}");
    let subject = |changes: &[(&str, &str, &str)]| audit::changes(&about, changes);
    let mut saved = ProfileSaved::Saved;
    let mut row: organization::ActiveModel = current.clone().into();
    if current.status == OrgStatus::Verified {
        // What the employer had asked for so far: the request, else the
        // verified name and website.
        let was_name = current.requested_name.as_deref().unwrap_or(&current.name);
        let was_website = current
            .requested_website
            .as_deref()
            .unwrap_or(&current.website);
        if let Some(subject) = subject(&[
            ("name", was_name, &name),
            ("website", was_website, &website),
        ]) {
            if name == current.name && website == current.website {
                // Back to the verified name and website: nothing waits.
                row.requested_name = Set(None);
                row.requested_website = Set(None);
                row.change_requested_at = Set(None);
                row.change_requested_by = Set(None);
            } else {
                // A new request (or a different one: its reviewers start
                // over, and one acting on the old one gets a conflict).
                row.requested_name = Set(Some(name.clone()));
                row.requested_website = Set(Some(website.clone()));
                row.change_requested_at = Set(Some(Utc::now()));
                row.change_requested_by = Set(Some(employer.id));
            }
            audit::record(
                &txn,
                employer.id,
                AuditAction::RequestOrganizationChange,
                &subject,
            )
            .await?;
        }
        if name != current.name || website != current.website {
            saved = ProfileSaved::ChangeWaits;
        }
        if let Some(subject) = subject(&[
            ("contact_email", &current.contact_email, &contact_email),
            ("contact_phone", &current.contact_phone, &contact_phone),
        ]) {
            audit::record(
                &txn,
                employer.id,
                AuditAction::ChangeOrganizationContact,
                &subject,
            )
            .await?;
        }
        Keys::of(&current.name, &current.website, &contact_email).set_on(&mut row);
    } else {
        // Not verified yet: a reviewer sees it as it is when they decide
        // (their decision names what they saw: `service::seen_stamp`), and
        // the log keeps what it was before.
        if let Some(subject) = subject(&[
            ("name", &current.name, &name),
            ("website", &current.website, &website),
            ("contact_email", &current.contact_email, &contact_email),
            ("contact_phone", &current.contact_phone, &contact_phone),
        ]) {
            audit::record(
                &txn,
                employer.id,
                AuditAction::EditPendingOrganization,
                &subject,
            )
            .await?;
        }
        row.name = Set(name.clone());
        row.website = Set(website.clone());
        Keys::of(&name, &website, &contact_email).set_on(&mut row);
    }
    // Students read it on the public page, whatever the status: the log
    // keeps what it said before.
    if let Some(subject) = subject(&[("description", &current.description, &description)]) {
        audit::record(
            &txn,
            employer.id,
            AuditAction::ChangeOrganizationDescription,
            &subject,
        )
        .await?;
    }
    row.description = Set(description);
    row.address = Set(address);
    row.zip = Set(zip);
    row.contact_email = Set(contact_email);
    row.contact_phone = Set(contact_phone);
    row.update(&txn).await?;
    // The organization's name is part of every indexed posting.
    outbox::enqueue_organization(&txn, organization_id).await?;
    txn.commit().await?;
    Ok(saved)
}
