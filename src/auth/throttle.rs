//! Failed-login throttling, per account and per client address, kept in the
//! database so that every app process sees the same counts.

use chrono::{Duration, Utc};
use entity::login_failure;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter,
};

use crate::error::{AppError, AppResult};

/// How far back failures count.
pub const WINDOW_MINUTES: i64 = 15;
/// Failures on one account within the window before it is locked for a while.
pub const ACCOUNT_LIMIT: u64 = 5;
/// Failures from one address within the window (it may be a whole school's NAT).
pub const ADDRESS_LIMIT: u64 = 50;

fn account_key(email: &str) -> String {
    format!("account:{}", email.trim().to_lowercase())
}

fn address_key(address: &str) -> String {
    format!("ip:{address}")
}

async fn recent_failures(db: &impl ConnectionTrait, key: &str) -> AppResult<u64> {
    let since = Utc::now() - Duration::minutes(WINDOW_MINUTES);
    Ok(login_failure::Entity::find()
        .filter(login_failure::Column::ThrottleKey.eq(key))
        .filter(login_failure::Column::FailedAt.gt(since))
        .count(db)
        .await?)
}

/// Refuses the attempt when the account or the address failed too often lately.
pub async fn check(db: &impl ConnectionTrait, email: &str, address: &str) -> AppResult<()> {
    if recent_failures(db, &account_key(email)).await? >= ACCOUNT_LIMIT
        || recent_failures(db, &address_key(address)).await? >= ADDRESS_LIMIT
    {
        return Err(AppError::TooManyRequests(format!(
            "Too many failed login attempts. Please wait {WINDOW_MINUTES} minutes and try again, or ask your counselor for help."
        )));
    }
    Ok(())
}

/// Records one failure against both the account and the address.
pub async fn record_failure(
    db: &impl ConnectionTrait,
    email: &str,
    address: &str,
) -> AppResult<()> {
    let now = Utc::now();
    for key in [account_key(email), address_key(address)] {
        login_failure::ActiveModel {
            throttle_key: Set(key),
            failed_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    // Old rows are useless; trimming here keeps the table small without a job.
    login_failure::Entity::delete_many()
        .filter(login_failure::Column::FailedAt.lt(now - Duration::minutes(WINDOW_MINUTES)))
        .exec(db)
        .await?;
    Ok(())
}

/// Forgets an account's failures after a successful login.
pub async fn clear_account(db: &impl ConnectionTrait, email: &str) -> AppResult<()> {
    login_failure::Entity::delete_many()
        .filter(login_failure::Column::ThrottleKey.eq(account_key(email)))
        .exec(db)
        .await?;
    Ok(())
}
