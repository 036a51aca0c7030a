//! The audit log: every export and every opening of a student's record,
//! who was given or taken which school, claim codes and claims, account
//! and organization decisions, what employers changed in the text
//! students read (postings past a draft, the organization's description),
//! and what no account did: a guardian's withdrawal of consent through the
//! link mailed to them, a placement the system closed.

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
        /// A roster gave a student's record a new SIS id, as its importer
        /// confirmed (`roster::identity::Rekeys`).
        RekeyStudent = "rekey_student",
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
        SetSchoolContact = "set_school_contact",
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
        /// A counselor asked us to mail a refused guardian address again.
        RetryGuardianAddress = "retry_guardian_address",
        InviteMember = "invite_member",
        JoinOrganization = "join_organization",
        NameMentor = "name_mentor",
        EditPublishedPosting = "edit_published_posting",
        ChangeOrganizationDescription = "change_organization_description",
        /// A guardian withdrew consent through their link (`by` a guardian).
        WithdrawConsent = "withdraw_consent",
        /// A guardian gave or declined consent through their link.
        ConsentByLink = "consent_by_link",
        /// A guardian asked their settings page to mail a withdrawal link.
        MailWithdrawLink = "mail_withdraw_link",
        /// A guardian changed their email settings (language, confirmations)
        /// through their settings link.
        ChangeGuardianMailSettings = "change_guardian_mail_settings",
        /// The system closed a placement whose consent never arrived before
        /// its dates were over (`placements::lapse`).
        CloseUnconsentedPlacement = "close_unconsented_placement",
    }
}

entity::vocabulary! {
    /// Who made an entry no account made (its `actor_kind`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum NoAccount {
        /// A guardian, through the link mailed to them (guardians have no
        /// account; the link is signed over their address).
        GuardianLink = "guardian_link",
        /// STEMbridge itself: a background job.
        System = "system",
    }
}

/// The `actor_id` of an entry no account made: the demo seed's set-up rows,
/// and those that name who acted in `actor_kind` ([`record_without_account`]).
const NO_ACCOUNT: i32 = 0;

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
    insert(db, actor_id, None, action, subject).await
}

/// Records that someone without an account (`by`) did `action` on
/// `subject`: the entry names who, not an account.
pub async fn record_without_account(
    db: &impl ConnectionTrait,
    by: NoAccount,
    action: AuditAction,
    subject: &str,
) -> AppResult<()> {
    insert(db, NO_ACCOUNT, Some(by), action, subject).await
}

async fn insert(
    db: &impl ConnectionTrait,
    actor_id: i32,
    by: Option<NoAccount>,
    action: AuditAction,
    subject: &str,
) -> AppResult<()> {
    if HEAD_REQUEST.try_with(|()| ()).is_ok() {
        return Ok(());
    }
    audit_log::ActiveModel {
        actor_id: Set(actor_id),
        actor_kind: Set(by.map(|by| by.key().to_owned())),
        action: Set(action.key().to_owned()),
        subject: Set(subject.chars().take(SUBJECT_CHARS).collect()),
        at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// What a change did, for an entry's subject: `{about}: field “old” →
/// “new”; …` for each field whose value changed, `None` when none did.
/// A long value (a description) is shown around what changed, with "…"
/// for what is left out, so that every changed field is named within the
/// subject's length and each shows what readers saw before and after.
pub fn changes(about: &str, fields: &[(&str, &str, &str)]) -> Option<String> {
    let changed: Vec<_> = fields.iter().filter(|(_, old, new)| old != new).collect();
    if changed.is_empty() {
        return None;
    }
    // Each changed field's share of the subject, less its name and quotes.
    let share = SUBJECT_CHARS.saturating_sub(about.chars().count()) / changed.len();
    let room = (share.saturating_sub(40) / 2).max(40);
    let changes: Vec<String> = changed
        .into_iter()
        .map(|(field, old, new)| {
            let (old, new) = around_change(old, new, room);
            format!("{field} “{old}” → “{new}”")
        })
        .collect();
    Some(format!("{about}: {}", changes.join("; ")))
}

/// `old` and `new` whole when each fits in `room` characters; else each
/// from a little before the first character where they differ to a little
/// after the last, cut to `room`.
fn around_change(old: &str, new: &str, room: usize) -> (String, String) {
    let old: Vec<char> = old.chars().collect();
    let new: Vec<char> = new.chars().collect();
    if old.len() <= room && new.len() <= room {
        return (old.iter().collect(), new.iter().collect());
    }
    let same_start = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let shorter = old.len().min(new.len()) - same_start;
    let same_end = old
        .iter()
        .rev()
        .zip(new.iter().rev())
        .take(shorter)
        .take_while(|(a, b)| a == b)
        .count();
    let context = (room / 4).min(60);
    let excerpt = |text: &[char]| {
        let start = same_start.saturating_sub(context);
        let end = (text.len() - same_end + context)
            .min(text.len())
            .min(start + room);
        let mut excerpt = String::new();
        if start > 0 {
            excerpt.push('…');
        }
        excerpt.extend(&text[start..end]);
        if end < text.len() {
            excerpt.push('…');
        }
        excerpt
    };
    (excerpt(&old), excerpt(&new))
}

/// One line of the log, for admins.
#[derive(Debug, Serialize)]
pub struct Entry {
    pub at: String,
    /// The account's email; empty when no account acted.
    pub actor: String,
    /// Who acted when no account did (`vocab-audit_actor-<key>`).
    pub actor_kind: Option<NoAccount>,
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
            actor_kind: r.actor_kind.as_deref().and_then(NoAccount::from_key),
            action: r.action,
            subject: r.subject,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_changes_are_shown_whole_and_unchanged_fields_left_out() {
        assert_eq!(
            changes(
                "organization 7",
                &[
                    ("name", "A", "B"),
                    ("website", "x", "x"),
                    ("phone", "", "1")
                ]
            )
            .as_deref(),
            Some("organization 7: name “A” → “B”; phone “” → “1”")
        );
        assert_eq!(changes("organization 7", &[("name", "A", "A")]), None);
    }

    #[test]
    fn a_long_text_is_shown_around_what_changed_and_every_field_is_named() {
        let old = format!("{}Questions? Ask us.{}", "a".repeat(3000), "z".repeat(1900));
        let new = format!(
            "{}Questions? Text me at (312) 555-0199.{}",
            "a".repeat(3000),
            "z".repeat(1900)
        );
        let subject = changes(
            "opportunity 19 “Robotics”",
            &[
                ("title", "Robotics", "Robotics!"),
                ("description", &old, &new),
            ],
        )
        .expect("changed");
        assert!(subject.chars().count() <= SUBJECT_CHARS, "{subject}");
        assert!(subject.starts_with(
            "opportunity 19 “Robotics”: title “Robotics” → “Robotics!”; description “…a"
        ));
        assert!(subject.contains("Questions? Ask us.zz"), "{subject}");
        assert!(
            subject.contains("Questions? Text me at (312) 555-0199.zz"),
            "{subject}"
        );
        assert!(subject.ends_with("z…”"), "{subject}");
    }
}
