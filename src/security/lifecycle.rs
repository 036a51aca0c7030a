//! Admins' account lifecycle: find an account, disable or enable it (a
//! disabled account's sessions end at once), issue a password reset link,
//! clear a lost second factor, take a counselor off a school or an employer
//! out of an organization (disabling or removing an employer withdraws the
//! invitations they made). Every change is written to the audit log.

use chrono::Utc;
use entity::{Role, counselor_school, school, user};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, sea_query::Expr,
};
use serde::Serialize;

use super::reset;
use crate::{
    auth::{extractors::CurrentUser, service::revoke_sessions},
    counseling::audit::{self, AuditAction},
    db,
    error::{AppError, AppResult, OrNotFound},
    i18n,
    organizations::service::{Inviter, withdraw_invitations},
    paging::{self, Paging},
};

/// An account as the admin's list shows it.
#[derive(Debug, Serialize)]
pub struct AccountRow {
    pub id: i32,
    pub email: String,
    pub display_name: String,
    pub role: String,
    pub disabled: bool,
    pub mfa: bool,
    pub organization_id: Option<i32>,
    /// (school id, name) for counselors.
    pub schools: Vec<(i32, String)>,
    /// A counselor with no school left: reaches no student and takes no
    /// decision about organizations (`roster::service::looks_after_a_school`).
    pub no_school: bool,
}

/// One page of the accounts, by email: those whose email or name holds
/// every word of the search (or whose id it is), of one role when asked.
pub async fn find(
    db: &impl ConnectionTrait,
    paging: &Paging,
    role: Option<Role>,
) -> AppResult<Vec<AccountRow>> {
    let column = |c: user::Column| Expr::col((user::Entity, c));
    let mut select = user::Entity::find()
        .filter(paging::name_or_id(
            paging,
            &[
                column(user::Column::Email),
                column(user::Column::DisplayName),
            ],
            column(user::Column::Id),
        ))
        .order_by_asc(user::Column::Email)
        .order_by_asc(user::Column::Id)
        .limit(paging.limit())
        .offset(paging.offset());
    if let Some(role) = role {
        select = select.filter(user::Column::Role.eq(role));
    }
    let users = select.all(db).await?;
    let counselor_ids: Vec<i32> = users
        .iter()
        .filter(|u| u.role == Role::Counselor)
        .map(|u| u.id)
        .collect();
    let mut schools =
        crate::admin::service::schools_of_counselors(db, Some(&counselor_ids)).await?;
    Ok(users
        .into_iter()
        .map(|u| {
            let schools = schools.remove(&u.id).unwrap_or_default();
            AccountRow {
                no_school: u.role == Role::Counselor && schools.is_empty(),
                schools,
                id: u.id,
                email: u.email,
                display_name: u.display_name,
                role: crate::i18n::vocab(crate::i18n::current(), "role", u.role.key()),
                disabled: u.disabled_at.is_some(),
                mfa: u.mfa_enabled_at.is_some(),
                organization_id: u.organization_id,
            }
        })
        .collect())
}

entity::vocabulary! {
    /// What an admin can do to an account.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum AccountAction {
        Disable = "disable",
        Enable = "enable",
        ResetLink = "reset-link",
        ResetMfa = "reset-mfa",
        RemoveFromOrganization = "remove-from-organization",
    }
}

impl AccountAction {
    fn audit_action(self) -> AuditAction {
        match self {
            AccountAction::Disable => AuditAction::DisableAccount,
            AccountAction::Enable => AuditAction::EnableAccount,
            AccountAction::ResetLink => AuditAction::IssuePasswordReset,
            AccountAction::ResetMfa => AuditAction::ResetMfa,
            AccountAction::RemoveFromOrganization => AuditAction::RemoveFromOrganization,
        }
    }
}

/// What became of the account; a reset link, emailed, is also handed to the
/// admin, who is shown it only when the mail cannot reach the person: no
/// mail server is configured, or the address is not confirmed (such mail is
/// kept back, see `mail::enqueue`).
pub struct Outcome {
    pub email: String,
    pub reset_path: Option<String>,
    pub address_confirmed: bool,
}

/// Applies `action` to account `id`, audited, in one transaction.
pub async fn act(
    db: &DatabaseConnection,
    admin: &CurrentUser,
    id: i32,
    action: AccountAction,
) -> AppResult<Outcome> {
    if id == admin.id && action != AccountAction::ResetLink {
        // An admin who disables themselves locks the instance out.
        return Err(AppError::conflict("safe-err-own-account"));
    }
    let txn = db::begin_write(db).await?;
    let account = crate::db::found::<user::Entity>(&txn, id).await?;
    let mut reset_path = None;
    let update = user::Entity::update_many().filter(user::Column::Id.eq(id));
    match action {
        AccountAction::Disable => {
            update
                .col_expr(user::Column::DisabledAt, Expr::value(Some(Utc::now())))
                .exec(&txn)
                .await?;
            revoke_sessions(&txn, id).await?;
            // Nor may a reset link issued before: re-enabled, the account
            // would be taken back with it.
            reset::retire_links(&txn, id).await?;
            // Links they handed out must not let anyone in after them.
            withdraw_invitations(&txn, Inviter::User(id), admin.id).await?;
            crate::placements::mentor::unassign(&txn, id).await?;
        }
        AccountAction::Enable => {
            update
                .col_expr(
                    user::Column::DisabledAt,
                    Expr::value(Option::<chrono::DateTime<Utc>>::None),
                )
                .exec(&txn)
                .await?;
        }
        AccountAction::ResetLink => {
            let path = reset::issue(&txn, id, Some(admin.id)).await?;
            // Emailed like a link the person asks for themselves; the admin
            // is shown it only when no mail server can deliver it.
            reset::mail_link(&txn, &account, &path, true, i18n::current()).await?;
            reset_path = Some(path);
        }
        AccountAction::ResetMfa => {
            super::mfa::clear(&txn, id).await?;
            revoke_sessions(&txn, id).await?;
            reset::retire_links(&txn, id).await?;
        }
        AccountAction::RemoveFromOrganization => {
            if account.role != Role::Employer || account.organization_id.is_none() {
                return Err(AppError::conflict("safe-err-no-organization"));
            }
            update
                .col_expr(
                    user::Column::OrganizationId,
                    Expr::value(Option::<i32>::None),
                )
                .exec(&txn)
                .await?;
            revoke_sessions(&txn, id).await?;
            withdraw_invitations(&txn, Inviter::User(id), admin.id).await?;
            crate::placements::mentor::unassign(&txn, id).await?;
        }
    }
    let subject = match (action, account.organization_id) {
        (AccountAction::RemoveFromOrganization, Some(org)) => {
            format!("{} (organization {org})", account.email)
        }
        _ => account.email.clone(),
    };
    audit::record(&txn, admin.id, action.audit_action(), &subject).await?;
    txn.commit().await?;
    tracing::info!(account = id, admin = admin.id, ?action, "account changed");
    Ok(Outcome {
        address_confirmed: account.email_confirmed_at.is_some(),
        email: account.email,
        reset_path,
    })
}

/// What became of a counselor taken off a school.
pub struct SchoolRemoved {
    pub email: String,
    /// It was their last school: they reach no student any more, and take
    /// no decision about organizations (no page gives an existing counselor
    /// a school yet: an admin creates an account with the schools).
    pub last: bool,
}

/// Takes a counselor off one of their schools (they keep their others).
pub async fn remove_school(
    db: &DatabaseConnection,
    admin: &CurrentUser,
    user_id: i32,
    school_id: i32,
) -> AppResult<SchoolRemoved> {
    let txn = db::begin_write(db).await?;
    let account = user::Entity::find_by_id(user_id)
        .filter(user::Column::Role.eq(Role::Counselor))
        .one(&txn)
        .await?
        .or_not_found()?;
    let school = crate::db::found::<school::Entity>(&txn, school_id).await?;
    let removed = counselor_school::Entity::delete_by_id((user_id, school_id))
        .exec(&txn)
        .await?;
    if removed.rows_affected == 0 {
        return Err(AppError::NotFound);
    }
    audit::record(
        &txn,
        admin.id,
        audit::AuditAction::RemoveCounselorSchool,
        &format!("{} from {}", account.email, school.name),
    )
    .await?;
    let left = counselor_school::Entity::find()
        .filter(counselor_school::Column::UserId.eq(user_id))
        .count(&txn)
        .await?;
    txn.commit().await?;
    Ok(SchoolRemoved {
        email: account.email,
        last: left == 0,
    })
}
