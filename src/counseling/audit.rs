//! The audit log: every export and every opening of a student's record,
//! who was given or taken which school, claim codes and claims, and
//! account and organization decisions.

use axum::{extract::Request, http::Method, middleware::Next, response::Response};
use chrono::Utc;
use entity::{audit_log, user};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, QueryTrait,
};
use serde::Serialize;

use crate::error::AppResult;

entity::vocabulary! {
    /// What an audit log entry records. The key is what the log stores and
    /// what admins filter it by.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum AuditAction {
        ExportGroups = "export_groups",
        ExportStudents = "export_students",
        ViewStudent = "view_student",
        PrintCodes = "print_codes",
        IssueClaimCode = "issue_claim_code",
        ClaimStudentAccount = "claim_student_account",
        ImportRoster = "import_roster",
        AddGuardian = "add_guardian",
        CorrectGuardian = "correct_guardian",
        SetBirthDate = "set_birth_date",
        PaperConsent = "paper_consent",
        EndPlacement = "end_placement",
        PriorityMarked = "priority_marked",
        PriorityCleared = "priority_cleared",
        EnableMfa = "enable_mfa",
        DisableMfa = "disable_mfa",
        ChangePassword = "change_password",
        RequestPasswordReset = "request_password_reset",
        ResetPassword = "reset_password",
        DisableAccount = "disable_account",
        EnableAccount = "enable_account",
        IssuePasswordReset = "issue_password_reset",
        ResetMfa = "reset_mfa",
        RemoveFromOrganization = "remove_from_organization",
        CreateSchool = "create_school",
        CreateCounselor = "create_counselor",
        GiveCounselorSchool = "give_counselor_school",
        RemoveCounselorSchool = "remove_counselor_school",
        WithdrawInvitations = "withdraw_invitations",
        ChangeOrganizationContact = "change_organization_contact",
        RequestOrganizationChange = "request_organization_change",
        ApproveOrganizationChange = "approve_organization_change",
        DeclineOrganizationChange = "decline_organization_change",
        VerifyOrganization = "verify_organization",
        RejectOrganization = "reject_organization",
        SuspendOrganization = "suspend_organization",
        ReinstateOrganization = "reinstate_organization",
        EditPendingOrganization = "edit_pending_organization",
        ClearAddressReport = "clear_address_report",
        InviteMember = "invite_member",
        JoinOrganization = "join_organization",
        NameMentor = "name_mentor",
    }
}

tokio::task_local! {
    /// Set while a HEAD request is served (see [`head_records_nothing`]).
    static HEAD_REQUEST: ();
}

/// Middleware: axum answers HEAD with the GET handler and drops the body,
/// so a HEAD of a student's record or an export shows nobody anything and
/// is not logged as if it had (monitors and link checkers send HEAD).
pub async fn head_records_nothing(request: Request, next: Next) -> Response {
    if request.method() == Method::HEAD {
        HEAD_REQUEST.scope((), next.run(request)).await
    } else {
        next.run(request).await
    }
}

/// The longest subject kept: room for an organization's old and new name
/// and website side by side (PostgreSQL's column is text since migration 33).
const SUBJECT_CHARS: usize = 2000;

/// Records that `actor_id` did `action` on `subject` (nothing for a HEAD
/// request: it read nothing).
pub async fn record(
    db: &impl ConnectionTrait,
    actor_id: i32,
    action: AuditAction,
    subject: &str,
) -> AppResult<()> {
    if HEAD_REQUEST.try_with(|()| ()).is_ok() {
        return Ok(());
    }
    audit_log::ActiveModel {
        actor_id: Set(actor_id),
        action: Set(action.key().to_owned()),
        subject: Set(subject.chars().take(SUBJECT_CHARS).collect()),
        at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// One line of the log, for admins.
#[derive(Debug, Serialize)]
pub struct Entry {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub subject: String,
}

/// One page of the entries, newest first, optionally only one action or
/// one actor's (by email).
pub async fn entries(
    db: &impl ConnectionTrait,
    action: Option<&str>,
    actor_email: Option<&str>,
    paging: &crate::paging::Paging,
) -> AppResult<Vec<Entry>> {
    let mut query = audit_log::Entity::find()
        .order_by_desc(audit_log::Column::Id)
        .limit(paging.limit())
        .offset(paging.offset());
    if let Some(action) = action.filter(|a| !a.is_empty()) {
        query = query.filter(audit_log::Column::Action.eq(action));
    }
    if let Some(email) = actor_email.filter(|e| !e.is_empty()) {
        let actor = user::Entity::find()
            .select_only()
            .column(user::Column::Id)
            .filter(user::Column::Email.eq(email.trim().to_lowercase()))
            .into_query();
        query = query.filter(audit_log::Column::ActorId.in_subquery(actor));
    }
    let rows = query.all(db).await?;
    // The actors of one page (at most `paging::PER_PAGE` + 1 ids).
    let users: std::collections::HashMap<i32, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(rows.iter().map(|r| r.actor_id).collect::<Vec<_>>()))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.email))
        .collect();
    Ok(rows
        .into_iter()
        .map(|r| Entry {
            at: r.at.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
            actor: users.get(&r.actor_id).cloned().unwrap_or_default(),
            action: r.action,
            subject: r.subject,
        })
        .collect())
}
