//! Login rules: throttling, password check, starting the session, and ending
//! every session of a user at once.

use chrono::Utc;
use entity::user;
use sea_orm::{
    ActiveModelTrait,
    ActiveValue::Set,
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    sea_query::{Expr, ExprTrait},
};
use tower_sessions::Session;

use crate::{
    auth::{
        LOGIN_AT, MFA_PENDING, PendingLogin, SESSION_GENERATION, USER_ID, csrf, device, password,
        throttle,
    },
    error::{AppError, AppResult},
    forms::FieldErrors,
    i18n::{Lang, t, t_args},
};

/// Whether `user` may hold a session. A registered account proves itself
/// by its confirmed address. A student proved who they are with the claim
/// code their school gave them, so they sign in at once; their address is
/// proven apart, and until then no mail but its confirmation goes to it
/// (`mail::enqueue`).
pub fn may_sign_in(user: &user::Model) -> bool {
    user.email_confirmed_at.is_some() || user.role == entity::Role::Student
}

/// Checks the credentials and returns the user; every attempt is counted
/// first (against the account, or against the browser when its device cookie
/// was signed for the account) and only a successful one is forgiven.
pub async fn authenticate(
    db: &DatabaseConnection,
    email: &str,
    password: &str,
    client_address: &str,
    device_cookie: Option<&str>,
    lang: Lang,
) -> AppResult<user::Model> {
    let email = email.trim().to_lowercase();
    let mut errors = FieldErrors::new();
    if email.is_empty() {
        errors.add_id("email", "form-email-required");
    }
    if password.is_empty() {
        errors.add_id("password", "form-password-required");
    }
    if email.len() > 254 || password.len() > 1024 {
        errors.add_id("email", "error-credentials");
    }
    errors.into_result(())?;

    // Charged before the check, so parallel guesses cannot all slip in; the
    // guesses past the budget are refused without touching the password.
    // From a browser the owner logged in with before, attempts count apart
    // from the account's, which a stranger may have put in backoff.
    let account =
        device::bucket(device_cookie, &email).unwrap_or_else(|| throttle::login_account(&email));
    let address = throttle::login_address(client_address);
    throttle::charge(
        db,
        &[
            (account.clone(), throttle::LOGIN_ACCOUNT),
            (address.clone(), throttle::LOGIN_ADDRESS),
        ],
        |wait| {
            t_args(
                lang,
                "integrity-too-many-logins",
                vec![("wait", throttle::wait_in_words(lang, wait).into())],
            )
        },
    )
    .await?;
    let user = user::Entity::find()
        .filter(user::Column::Email.eq(&email))
        .one(db)
        .await?;
    let matches = password::verify(
        password.to_owned(),
        user.as_ref().map(|u| u.password_hash.clone()),
    )
    .await?;
    match user {
        Some(user) if matches => {
            throttle::forget(db, &account).await?;
            throttle::refund(db, &address).await?;
            // Only someone who knows the password learns the account is
            // disabled, or waits for its email to be confirmed.
            if user.disabled_at.is_some() {
                return Err(AppError::Refused(t(lang, "safe-login-disabled")));
            }
            if !may_sign_in(&user) {
                return Err(AppError::Refused(t(lang, "access-login-unconfirmed")));
            }
            Ok(user)
        }
        // The failure was counted up front.
        _ => Err(AppError::InvalidCredentials),
    }
}

/// Starts a fresh session for `user`: a new session id (against fixation) and
/// a new CSRF token.
pub async fn start_session(
    db: &DatabaseConnection,
    session: &Session,
    user: user::Model,
) -> AppResult<()> {
    session.cycle_id().await?;
    session.insert(USER_ID, user.id).await?;
    session.insert(LOGIN_AT, Utc::now().timestamp()).await?;
    session
        .insert(SESSION_GENERATION, user.session_generation)
        .await?;
    csrf::rotate(session).await?;
    if let Some(lang) = &user.language {
        session.insert(crate::i18n::SESSION_KEY, lang).await?;
    }
    let mut user: user::ActiveModel = user.into();
    user.last_login_at = Set(Some(Utc::now()));
    user.update(db).await?;
    Ok(())
}

/// Remembers that `user`'s password was right and waits for the second
/// factor: a new session id, but no user in it yet.
pub async fn await_second_factor(session: &Session, user: &user::Model) -> AppResult<()> {
    session.cycle_id().await?;
    session.remove::<i32>(USER_ID).await?;
    session
        .insert(
            MFA_PENDING,
            PendingLogin {
                user_id: user.id,
                generation: user.session_generation,
                at: Utc::now().timestamp(),
            },
        )
        .await?;
    csrf::rotate(session).await?;
    Ok(())
}

/// Ends every session of `user_id`, on every device, at its next request:
/// each session carries the generation it was started with, and this moves
/// the user's on. Nothing an in-flight request writes back can revive them.
pub async fn revoke_sessions(db: &impl ConnectionTrait, user_id: i32) -> AppResult<()> {
    user::Entity::update_many()
        .col_expr(
            user::Column::SessionGeneration,
            Expr::col(user::Column::SessionGeneration).add(1),
        )
        .filter(user::Column::Id.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Logs the session out and ends every other session of its user.
pub async fn end_all_sessions(
    db: &DatabaseConnection,
    session: &Session,
    user_id: Option<i32>,
) -> AppResult<()> {
    if let Some(user_id) = user_id {
        revoke_sessions(db, user_id).await?;
    }
    session.flush().await?;
    Ok(())
}
