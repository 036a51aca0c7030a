//! Confirming a registered account's email address, and the two messages a
//! registration sends: a single-use confirmation link to a new address, or,
//! to an address that already has an account, a note that someone tried
//! (so the page can answer the same either way). Links are stored as
//! digests (`tokens::digest`) and spent by conditional updates.

use chrono::{Duration, Utc};
use entity::{email_confirmation, user};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, sea_query::Expr,
};

use crate::{
    db,
    error::{AppError, AppResult},
    i18n::Lang,
    mail::{self, Outgoing},
    tokens,
};

/// How long a confirmation link works.
pub const CONFIRM_VALID_HOURS: i64 = 48;

/// Where the confirmation links are kept.
const LINKS: tokens::LinkTable<email_confirmation::Column> = tokens::LinkTable {
    user_id: email_confirmation::Column::UserId,
    token_hash: email_confirmation::Column::TokenHash,
    used_at: email_confirmation::Column::UsedAt,
    expires_at: email_confirmation::Column::ExpiresAt,
};

/// The language to write to `user` in: theirs if they chose one, else the reader's.
pub fn language_of(user: &user::Model, fallback: Lang) -> Lang {
    user.language
        .as_deref()
        .and_then(Lang::from_code)
        .unwrap_or(fallback)
}

/// How the access mails (confirmation, "someone tried", password reset)
/// address `user`, as their Spanish messages select it (`$reader`): a
/// student as `tú`, as every student page does, anyone else (employers,
/// counselors, admins) as `usted`. English reads the same either way.
pub fn reader_of(user: &user::Model) -> &'static str {
    match user.role {
        entity::Role::Student => "student",
        _ => "adult",
    }
}

/// Issues a confirmation link for `user` (earlier unused links stop
/// working); returns its path.
async fn issue(db: &impl ConnectionTrait, user_id: i32) -> AppResult<String> {
    let now = Utc::now();
    LINKS
        .retire::<email_confirmation::Entity>(db, user_id, now)
        .await?;
    let token = tokens::random(43);
    email_confirmation::ActiveModel {
        user_id: Set(user_id),
        token_hash: Set(tokens::digest(&token)),
        created_at: Set(now),
        expires_at: Set(now + Duration::hours(CONFIRM_VALID_HOURS)),
        used_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(format!("/register/confirm/{token}"))
}

/// Queues the confirmation link of a new account, in the caller's transaction.
pub async fn mail_confirmation(
    db: &impl ConnectionTrait,
    user: &user::Model,
    organization: &str,
    lang: Lang,
) -> AppResult<()> {
    mail_confirmation_saying(db, user, organization, lang, "access-confirm-intro").await
}

/// Queues the confirmation link of a colleague who joined `organization`
/// through an invitation, in the caller's transaction.
pub async fn mail_join_confirmation(
    db: &impl ConnectionTrait,
    user: &user::Model,
    organization: &str,
    lang: Lang,
) -> AppResult<()> {
    mail_confirmation_saying(db, user, organization, lang, "guard-join-confirm-intro").await
}

/// Queues the confirmation link of a student who just claimed their
/// account, in the caller's transaction. It works only for someone signed
/// in as that student ([`confirm`]).
pub async fn mail_student_confirmation(
    db: &impl ConnectionTrait,
    user: &user::Model,
    lang: Lang,
) -> AppResult<()> {
    mail_confirmation_saying(db, user, "", lang, "student-confirm-intro").await
}

/// The confirmation mail, its first sentence from the catalogue id `intro`
/// (how the account came to be).
async fn mail_confirmation_saying(
    db: &impl ConnectionTrait,
    user: &user::Model,
    organization: &str,
    lang: Lang,
    intro: &str,
) -> AppResult<()> {
    let link = issue(db, user.id).await?;
    mail::enqueue(
        db,
        Outgoing {
            to: &user.email,
            lang,
            template: "confirm_email",
            subject_key: "access-confirm-subject",
            subject_args: vec![("reader", reader_of(user).into())],
            ctx: minijinja::context! {
                reader => reader_of(user),
                name => user.display_name,
                organization,
                link,
                intro,
                hours => CONFIRM_VALID_HOURS,
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

/// Tells the owner of an address that already has an account that someone
/// tried to register with it; an account still unconfirmed gets a fresh
/// confirmation link in the same message (only the inbox's owner reads it).
pub async fn mail_registration_attempt(
    db: &impl ConnectionTrait,
    user: &user::Model,
    lang: Lang,
) -> AppResult<()> {
    mail_attempt(db, user, lang, "access-attempt-intro").await
}

/// Tells the holder of an account that an invitation to join an
/// organization was used with their address (the join page answers as for
/// a new address, so it does not tell the inviter who has an account).
pub async fn mail_join_attempt(
    db: &impl ConnectionTrait,
    user: &user::Model,
    lang: Lang,
) -> AppResult<()> {
    mail_attempt(db, user, lang, "access-attempt-join-intro").await
}

/// The "someone tried with your address" mail, its first sentence from the
/// catalogue id `intro`.
async fn mail_attempt(
    db: &impl ConnectionTrait,
    user: &user::Model,
    lang: Lang,
    intro: &str,
) -> AppResult<()> {
    // A student sends their own link again from /account/address: a
    // stranger typing their address must not retire the one they hold.
    let confirm_link = match user.email_confirmed_at {
        None if !needs_their_session(user) => Some(issue(db, user.id).await?),
        _ => None,
    };
    mail::enqueue(
        db,
        Outgoing {
            to: &user.email,
            lang: language_of(user, lang),
            template: "registration_attempt",
            subject_key: "access-attempt-subject",
            subject_args: vec![("reader", reader_of(user).into())],
            ctx: minijinja::context! {
                reader => reader_of(user),
                name => user.display_name,
                intro,
                confirm_link,
                hours => CONFIRM_VALID_HOURS,
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

/// The account a usable confirmation link is for; "not found" for a used,
/// expired or unknown link.
pub async fn open(db: &impl ConnectionTrait, token: &str) -> AppResult<user::Model> {
    let user_id = LINKS.open::<email_confirmation::Entity>(db, token).await?;
    crate::db::found::<user::Entity>(db, user_id).await
}

/// Whether the link of `user`'s address works only for someone signed in
/// as them: an account that signs in without a confirmed address (a
/// student's, see `auth::service::may_sign_in`). Whoever owns a mistyped
/// address would otherwise confirm it with the link we sent there, and then
/// receive the student's mail and password resets.
pub fn needs_their_session(user: &user::Model) -> bool {
    user.email_confirmed_at.is_none() && crate::auth::service::may_sign_in(user)
}

/// Confirms the address through a link, once: the link is spent by a
/// conditional update, so two clicks at once confirm once. `signed_in` is
/// the account of the session that opened it.
pub async fn confirm(
    db: &DatabaseConnection,
    token: &str,
    signed_in: Option<i32>,
) -> AppResult<user::Model> {
    let txn = db::begin_write(db).await?;
    let user = open(&txn, token).await?;
    if needs_their_session(&user) && signed_in != Some(user.id) {
        return Err(AppError::Refused(crate::i18n::t(
            crate::i18n::current(),
            "student-confirm-sign-in-first",
        )));
    }
    LINKS
        .spend::<email_confirmation::Entity>(&txn, token)
        .await?;
    mark_confirmed(&txn, user.id).await?;
    txn.commit().await?;
    Ok(user)
}

/// Records that the owner of the account reads its inbox (its confirmation
/// link proves it).
async fn mark_confirmed(db: &impl ConnectionTrait, user_id: i32) -> AppResult<()> {
    user::Entity::update_many()
        .col_expr(user::Column::EmailConfirmedAt, Expr::value(Utc::now()))
        .filter(user::Column::Id.eq(user_id))
        .filter(user::Column::EmailConfirmedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}
