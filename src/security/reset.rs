//! Password changes and single-use password reset links. A link lives 30
//! minutes, works once, and only its digest is stored; using it ends every
//! session of the account. One mechanism for both ways of getting a link:
//! the person asks for it by email ("forgot password", answered the same
//! whether or not the address has an account), or an admin issues it; either
//! way it is emailed through the mail outbox. A password change, "sign out
//! everywhere", disabling the account or clearing its second factor
//! retires every unused link ([`retire_links`]).

use chrono::{Duration, Utc};
use entity::{password_reset, user};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, sea_query::Expr,
};
use serde::Deserialize;

use crate::{
    accounts::confirm::{language_of, reader_of},
    auth::throttle,
    auth::{password, service::revoke_sessions},
    counseling::audit,
    db,
    error::{AppResult, OrNotFound},
    forms::FieldErrors,
    i18n::Lang,
    mail::{self, Outgoing},
    tokens,
};

/// How long a reset link works.
pub const RESET_VALID_MINUTES: i64 = 30;

/// How long the link of a new staff account's invitation works: the person
/// may read it days later, and nobody else knows a password of the account
/// meanwhile.
pub const INVITATION_VALID_DAYS: i64 = 7;

/// Where the reset links are kept.
const LINKS: tokens::LinkTable<password_reset::Column> = tokens::LinkTable {
    user_id: password_reset::Column::UserId,
    token_hash: password_reset::Column::TokenHash,
    used_at: password_reset::Column::UsedAt,
    expires_at: password_reset::Column::ExpiresAt,
};

/// The password change form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PasswordChange {
    pub current_password: String,
    pub new_password: String,
}

/// Changes the user's own password when the current one is right, and ends
/// every session of the account (the caller starts this one again).
pub async fn change_password(
    db: &DatabaseConnection,
    user_id: i32,
    form: &PasswordChange,
) -> AppResult<user::Model> {
    let mut errors = FieldErrors::new();
    let new_password = errors.new_password("new_password", &form.new_password);
    let user = crate::db::found::<user::Entity>(db, user_id).await?;
    super::mfa::check_current_password(&mut errors, &user, &form.current_password).await?;
    errors.into_result(())?;
    let hash = password::hash(new_password).await?;
    let txn = db::begin_write(db).await?;
    set_password(&txn, user_id, hash).await?;
    audit::record(
        &txn,
        user_id,
        audit::AuditAction::ChangePassword,
        &format!("user {user_id}"),
    )
    .await?;
    txn.commit().await?;
    crate::db::found::<user::Entity>(db, user_id).await
}

/// Stores a new password hash, ends every session of the account and
/// retires its unused reset links.
async fn set_password(db: &impl ConnectionTrait, user_id: i32, hash: String) -> AppResult<()> {
    user::Entity::update_many()
        .col_expr(user::Column::PasswordHash, Expr::value(hash))
        .filter(user::Column::Id.eq(user_id))
        .exec(db)
        .await?;
    retire_links(db, user_id).await?;
    revoke_sessions(db, user_id).await
}

/// Retires every unused reset link of the account. Changing the password,
/// "sign out everywhere", an admin disabling the account or clearing its
/// second factor is what is done when someone else may have got in (a
/// mailbox read over a shoulder, a reset mail left open on a lab computer):
/// a link issued before must not take the account back afterwards.
pub async fn retire_links(db: &impl ConnectionTrait, user_id: i32) -> AppResult<()> {
    LINKS
        .retire::<password_reset::Entity>(db, user_id, Utc::now())
        .await
}

/// "Sign out everywhere": ends every session of the account (this one too)
/// and retires its unused reset links, in one transaction.
pub async fn sign_out_everywhere(
    db: &DatabaseConnection,
    session: &tower_sessions::Session,
    user_id: i32,
) -> AppResult<()> {
    let txn = db::begin_write(db).await?;
    retire_links(&txn, user_id).await?;
    revoke_sessions(&txn, user_id).await?;
    txn.commit().await?;
    session.flush().await?;
    Ok(())
}

/// Issues a reset link for `user_id` (earlier unused links stop working);
/// returns its path, to be shown once or mailed.
pub async fn issue(
    db: &impl ConnectionTrait,
    user_id: i32,
    issued_by: Option<i32>,
) -> AppResult<String> {
    issue_valid_for(
        db,
        user_id,
        issued_by,
        Duration::minutes(RESET_VALID_MINUTES),
    )
    .await
}

/// Issues a link that works for `valid` (earlier unused links stop working).
async fn issue_valid_for(
    db: &impl ConnectionTrait,
    user_id: i32,
    issued_by: Option<i32>,
    valid: Duration,
) -> AppResult<String> {
    let now = Utc::now();
    retire_links(db, user_id).await?;
    let token = tokens::random(43);
    password_reset::ActiveModel {
        user_id: Set(user_id),
        token_hash: Set(tokens::digest(&token)),
        issued_by: Set(issued_by),
        created_at: Set(now),
        expires_at: Set(now + valid),
        used_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(format!("/password-reset/{token}"))
}

/// Queues the email carrying a reset link to `user`, in the caller's
/// transaction (`by_admin`: the message says an administrator issued it).
pub async fn mail_link(
    db: &impl ConnectionTrait,
    user: &user::Model,
    path: &str,
    by_admin: bool,
    lang: Lang,
) -> AppResult<()> {
    let what = minijinja::context! { link => path, by_admin, minutes => RESET_VALID_MINUTES };
    mail_account_link(db, user, "access-reset-subject", what, lang).await
}

/// Invites the holder of a staff account an admin has just created to
/// choose its password: a link valid [`INVITATION_VALID_DAYS`] days,
/// mailed in the caller's transaction. The admin never types or sees a
/// password of the account (eyes12u F2: a password shared over a chat
/// stayed valid for good).
pub async fn invite(
    db: &impl ConnectionTrait,
    user: &user::Model,
    admin_id: i32,
    lang: Lang,
) -> AppResult<()> {
    let path = issue_valid_for(
        db,
        user.id,
        Some(admin_id),
        Duration::days(INVITATION_VALID_DAYS),
    )
    .await?;
    let what = minijinja::context! { link => path, invited => true, days => INVITATION_VALID_DAYS };
    mail_account_link(db, user, "access-invite-subject", what, lang).await
}

/// Queues `templates/mail/password_reset.*` to `user` in their language,
/// with `what` (the link and how long it works) beside their name.
async fn mail_account_link(
    db: &impl ConnectionTrait,
    user: &user::Model,
    subject_key: &str,
    what: minijinja::Value,
    lang: Lang,
) -> AppResult<()> {
    mail::enqueue(
        db,
        Outgoing {
            to: &user.email,
            lang: language_of(user, lang),
            template: "password_reset",
            subject_key,
            subject_args: vec![("reader", reader_of(user).into())],
            ctx: minijinja::context! {
                reader => reader_of(user),
                name => user.display_name,
                ..what
            },
            attachment: None,
            unsubscribe: None,
            for_organization: None,
            about_organization: None,
            for_account: Some(user.id),
            notice_kind: None,
            placement: None,
            for_guardian: None,
        },
    )
    .await?;
    Ok(())
}

/// The address typed on the "forgot password" page.
#[derive(Debug, Default, Deserialize, serde::Serialize)]
#[serde(default)]
pub struct ForgotPassword {
    pub email: String,
}

/// "Forgot password": emails a reset link when an enabled account uses the
/// address, and nothing otherwise. The caller answers the same either way;
/// only a malformed address is an error. Each address gets a few messages
/// an hour at most, however many times it is typed.
pub async fn request(db: &DatabaseConnection, form: &ForgotPassword, lang: Lang) -> AppResult<()> {
    let mut errors = FieldErrors::new();
    let email = errors.email("email", &form.email);
    errors.into_result(())?;
    if !throttle::allow_mail(db, &email).await? {
        return Ok(());
    }
    let txn = db::begin_write(db).await?;
    let Some(user) = user::Entity::find()
        .filter(user::Column::Email.eq(&email))
        .filter(user::Column::DisabledAt.is_null())
        .one(&txn)
        .await?
    else {
        return Ok(());
    };
    let path = issue(&txn, user.id, None).await?;
    mail_link(&txn, &user, &path, false, lang).await?;
    audit::record(
        &txn,
        user.id,
        audit::AuditAction::RequestPasswordReset,
        &user.email,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The account a usable link is for; "not found" for a used, expired or
/// unknown link, or a disabled account.
pub async fn open(db: &impl ConnectionTrait, token: &str) -> AppResult<user::Model> {
    let user_id = LINKS.open::<password_reset::Entity>(db, token).await?;
    user::Entity::find_by_id(user_id)
        .filter(user::Column::DisabledAt.is_null())
        .one(db)
        .await?
        .or_not_found()
}

/// The new password typed on a reset link's page.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NewPassword {
    pub new_password: String,
}

/// Sets the new password through a link, once: the link is spent by a
/// conditional update, so two submissions at once cannot both use it.
pub async fn reset(db: &DatabaseConnection, token: &str, form: &NewPassword) -> AppResult<()> {
    let mut errors = FieldErrors::new();
    let new_password = errors.new_password("new_password", &form.new_password);
    errors.into_result(())?;
    let user = open(db, token).await?;
    let hash = password::hash(new_password).await?;
    let txn = db::begin_write(db).await?;
    LINKS.spend::<password_reset::Entity>(&txn, token).await?;
    set_password(&txn, user.id, hash).await?;
    // Not a proof of the address: mail to an unconfirmed one is kept back
    // (`mail::enqueue`), so such a link was handed over by an admin.
    audit::record(
        &txn,
        user.id,
        audit::AuditAction::ResetPassword,
        &format!("user {}", user.id),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
