//! The second factor: TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps, one
//! step of clock drift either way) with ten single-use recovery codes stored
//! as digests. A code is accepted once: the last step used is kept, and both
//! it and a recovery code are spent by conditional updates, so two logins
//! racing with one code cannot both pass. The secret is stored sealed
//! (`crate::sealed`) and opened only to draw or check a code.

use base64::{Engine, engine::general_purpose::STANDARD};
use chrono::Utc;
use entity::{mfa_recovery_code, user};
use qrcode::{QrCode, render::svg};
use rand::RngCore;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait,
    QueryFilter, sea_query::Expr,
};
use serde::Serialize;
use totp_rs::{Algorithm, Builder, Secret, Totp};

use crate::{
    auth::password,
    counseling::audit,
    db,
    error::{AppError, AppResult},
    forms::FieldErrors,
    i18n, tokens,
};

entity::vocabulary! {
    /// What a user does to their second factor (`/account/mfa/{action}`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum MfaAction {
        Start = "start",
        Confirm = "confirm",
        Disable = "disable",
    }
}

/// Recovery codes handed out at enrolment.
pub const RECOVERY_CODES: usize = 10;
const ISSUER: &str = "STEMbridge";

fn totp(secret_base32: &str, account: &str) -> AppResult<Totp> {
    let secret = Secret::try_from_base32(secret_base32)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("stored TOTP secret: {e}")))?;
    Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_skew(1)
        .with_step_duration(30)
        .with_secret(secret)
        .with_issuer(Some(ISSUER))
        .with_account_name(account)
        .build()
        .map_err(|e| AppError::Internal(anyhow::anyhow!("TOTP: {e}")))
}

/// What the enrolment page shows: the secret as text and as a QR code.
#[derive(Debug, Serialize)]
pub struct Enrolment {
    /// The base32 secret, in groups of four for typing.
    pub secret: String,
    /// The `otpauth://` URL the QR code holds.
    pub url: String,
    /// The QR code as an SVG image in a data URL (no script, no request).
    pub qr: String,
}

/// Starts (or restarts) enrolment: a fresh 160-bit secret, not yet in force.
pub async fn start(db: &impl ConnectionTrait, user: &user::Model) -> AppResult<()> {
    if user.mfa_enabled_at.is_some() {
        return Err(AppError::conflict("safe-err-mfa-already"));
    }
    let mut bytes = [0u8; 20];
    rand::rng().fill_bytes(&mut bytes);
    let secret = Secret::from(bytes.to_vec()).to_base32();
    let secret = crate::sealed::seal(user.id, &secret).map_err(anyhow::Error::msg)?;
    // Conditional: a set-up confirmed in another tab meanwhile is not undone.
    let started = user::Entity::update_many()
        .col_expr(user::Column::MfaSecret, Expr::value(Some(secret)))
        .filter(user::Column::Id.eq(user.id))
        .filter(user::Column::MfaEnabledAt.is_null())
        .exec(db)
        .await?;
    if started.rows_affected == 0 {
        return Err(AppError::conflict("safe-err-mfa-already"));
    }
    Ok(())
}

/// The user's TOTP secret in base32, opened from its sealed form.
fn plain_secret(user: &user::Model) -> AppResult<Option<String>> {
    user.mfa_secret
        .as_deref()
        .map(|sealed| crate::sealed::open(user.id, sealed))
        .transpose()
        .map_err(|e| AppError::Internal(anyhow::anyhow!("TOTP secret of user {}: {e}", user.id)))
}

/// The pending enrolment of `user`, if one was started.
pub fn enrolment(user: &user::Model) -> AppResult<Option<Enrolment>> {
    if user.mfa_enabled_at.is_some() {
        return Ok(None);
    }
    let Some(secret) = plain_secret(user)? else {
        return Ok(None);
    };
    let secret = secret.as_str();
    let url = totp(secret, &user.email)?
        .to_url()
        .map_err(|e| AppError::Internal(anyhow::anyhow!("TOTP URL: {e}")))?;
    let svg = QrCode::new(url.as_bytes())
        .map_err(|e| AppError::Internal(anyhow::anyhow!("QR code: {e}")))?
        .render::<svg::Color>()
        .min_dimensions(220, 220)
        .quiet_zone(true)
        .build();
    let grouped = secret
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ");
    Ok(Some(Enrolment {
        secret: grouped,
        url,
        qr: format!("data:image/svg+xml;base64,{}", STANDARD.encode(svg)),
    }))
}

/// The time step a 6-digit code matches now, if any.
fn matching_step(user: &user::Model, code: &str) -> AppResult<Option<i64>> {
    let Some(secret) = plain_secret(user)? else {
        return Ok(None);
    };
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.chars().all(|c| c.is_ascii_digit()) {
        return Ok(None);
    }
    Ok(totp(&secret, &user.email)?
        .check_current(&code)
        .and_then(|step| i64::try_from(step).ok()))
}

/// Spends the step: true only for the first use of a step later than the last.
async fn spend_step(db: &impl ConnectionTrait, user_id: i32, step: i64) -> AppResult<bool> {
    let spent = user::Entity::update_many()
        .col_expr(user::Column::MfaLastStep, Expr::value(Some(step)))
        .filter(user::Column::Id.eq(user_id))
        .filter(
            Condition::any()
                .add(user::Column::MfaLastStep.is_null())
                .add(user::Column::MfaLastStep.lt(step)),
        )
        .exec(db)
        .await?;
    Ok(spent.rows_affected == 1)
}

fn normalize_recovery(code: &str) -> String {
    code.chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_lowercase()
}

/// Checks the current password typed into `current_password` before an
/// account change: a message when it is missing or wrong (an oversized one
/// is never right, and is not hashed).
pub async fn check_current_password(
    errors: &mut FieldErrors,
    user: &user::Model,
    given: &str,
) -> AppResult<()> {
    let id = if given.is_empty() {
        "safe-err-current-password-missing"
    } else if given.len() > 1024
        || !password::verify(given.to_owned(), Some(user.password_hash.clone())).await?
    {
        "safe-err-current-password-wrong"
    } else {
        return Ok(());
    };
    errors.add_id("current_password", id);
    Ok(())
}

/// Confirms enrolment with a first code and the current password (a session
/// left open on a shared computer must not be enough to lock the owner out);
/// returns the recovery codes, shown once.
pub async fn confirm(
    db: &DatabaseConnection,
    user: &user::Model,
    code: &str,
    current_password: &str,
) -> AppResult<Vec<String>> {
    let Some(secret) = user
        .mfa_secret
        .clone()
        .filter(|_| user.mfa_enabled_at.is_none())
    else {
        return Err(AppError::conflict("safe-err-mfa-start-first"));
    };
    let mut errors = FieldErrors::new();
    check_current_password(&mut errors, user, current_password).await?;
    let step = matching_step(user, code)?;
    if step.is_none() {
        errors.add("code", i18n::Message::new("safe-err-mfa-code-mismatch"));
    }
    let (Some(step), true) = (step, errors.is_empty()) else {
        return Err(AppError::Validation(errors));
    };
    let txn = db::begin_write(db).await?;
    if !spend_step(&txn, user.id, step).await? {
        return Err(AppError::conflict("safe-err-mfa-code-used"));
    }
    // Only the secret the code was checked against is turned on: a set-up
    // restarted in another tab meanwhile (new secret) makes this one stale.
    let enabled = user::Entity::update_many()
        .col_expr(user::Column::MfaEnabledAt, Expr::value(Some(Utc::now())))
        .filter(user::Column::Id.eq(user.id))
        .filter(user::Column::MfaSecret.eq(secret))
        .filter(user::Column::MfaEnabledAt.is_null())
        .exec(&txn)
        .await?;
    if enabled.rows_affected == 0 {
        // Dropping the transaction rolls the spent step back.
        return Err(AppError::conflict("safe-err-mfa-restarted"));
    }
    let codes = new_recovery_codes(&txn, user.id).await?;
    audit::record(&txn, user.id, audit::AuditAction::EnableMfa, &user.email).await?;
    txn.commit().await?;
    Ok(codes)
}

/// Replaces the user's recovery codes with ten new ones.
async fn new_recovery_codes(db: &impl ConnectionTrait, user_id: i32) -> AppResult<Vec<String>> {
    mfa_recovery_code::Entity::delete_many()
        .filter(mfa_recovery_code::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    let codes: Vec<String> = (0..RECOVERY_CODES)
        .map(|_| {
            let raw = tokens::random(10).to_lowercase();
            format!("{}-{}", &raw[..5], &raw[5..])
        })
        .collect();
    let rows = codes.iter().map(|code| mfa_recovery_code::ActiveModel {
        user_id: Set(user_id),
        code_hash: Set(tokens::digest(&normalize_recovery(code))),
        used_at: Set(None),
        ..Default::default()
    });
    mfa_recovery_code::Entity::insert_many(rows)
        .exec_without_returning(db)
        .await?;
    Ok(codes)
}

/// Checks a login's second step: a current TOTP code not used before, or an
/// unused recovery code (which is spent).
pub async fn verify(db: &impl ConnectionTrait, user: &user::Model, code: &str) -> AppResult<bool> {
    if user.mfa_enabled_at.is_none() {
        return Ok(false);
    }
    if let Some(step) = matching_step(user, code)? {
        return spend_step(db, user.id, step).await;
    }
    let normalized = normalize_recovery(code);
    if normalized.len() != 10 {
        return Ok(false);
    }
    let spent = mfa_recovery_code::Entity::update_many()
        .col_expr(
            mfa_recovery_code::Column::UsedAt,
            Expr::value(Some(Utc::now())),
        )
        .filter(mfa_recovery_code::Column::UserId.eq(user.id))
        .filter(mfa_recovery_code::Column::CodeHash.eq(tokens::digest(&normalized)))
        .filter(mfa_recovery_code::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(spent.rows_affected == 1)
}

/// Turns the second factor off for good (secret and codes deleted).
pub async fn clear(db: &impl ConnectionTrait, user_id: i32) -> AppResult<()> {
    user::Entity::update_many()
        .col_expr(user::Column::MfaSecret, Expr::value(Option::<String>::None))
        .col_expr(
            user::Column::MfaEnabledAt,
            Expr::value(Option::<chrono::DateTime<Utc>>::None),
        )
        .col_expr(user::Column::MfaLastStep, Expr::value(Option::<i64>::None))
        .filter(user::Column::Id.eq(user_id))
        .exec(db)
        .await?;
    mfa_recovery_code::Entity::delete_many()
        .filter(mfa_recovery_code::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}

/// The user turns their own second factor off, with their password; staff
/// cannot while the instance requires it.
pub async fn disable(
    db: &DatabaseConnection,
    user: &user::Model,
    current_password: &str,
    required: bool,
) -> AppResult<()> {
    if required {
        return Err(AppError::conflict("safe-err-mfa-required"));
    }
    let mut errors = FieldErrors::new();
    check_current_password(&mut errors, user, current_password).await?;
    errors.into_result(())?;
    let txn = db::begin_write(db).await?;
    clear(&txn, user.id).await?;
    audit::record(&txn, user.id, audit::AuditAction::DisableMfa, &user.email).await?;
    txn.commit().await?;
    Ok(())
}

/// The account by id (the pages work on fresh rows, not on the session's copy).
pub async fn account(db: &impl ConnectionTrait, id: i32) -> AppResult<user::Model> {
    crate::db::found::<user::Entity>(db, id).await
}
