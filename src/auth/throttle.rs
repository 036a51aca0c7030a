//! Rate limits kept in the database, so every app process sees the same counts.
//!
//! An attempt is charged *before* the work it guards (the password check, the
//! claim-code lookup...), inside a transaction holding the bucket's row lock:
//! N parallel guesses cost N attempts, and those past the budget are refused
//! without being checked. Logins back off exponentially per account and per
//! address instead of locking for a fixed time; refused attempts are not
//! charged, so a stranger cannot extend a wait by hammering.

use chrono::{DateTime, Duration, Utc};
use entity::rate_limit;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QuerySelect, sea_query::OnConflict,
};

use crate::{
    db,
    error::{AppError, AppResult, OrNotFound},
    i18n::{self, Lang, t_args},
};

/// How a bucket refills and what happens past its budget.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// Attempts allowed before any wait.
    pub free: i32,
    /// Quiet time after which the bucket is forgotten.
    pub quiet: Duration,
    /// `Some((base, max))`: past the budget each attempt is allowed after a
    /// wait doubling from `base` up to `max`; `None`: refused until quiet.
    pub backoff: Option<(Duration, Duration)>,
}

/// Failed logins of one account: 5 free, then 30 s, 1 min, 2 min... up to 15 min.
pub const LOGIN_ACCOUNT: Rule = Rule {
    free: 5,
    quiet: Duration::hours(1),
    backoff: Some((Duration::seconds(30), Duration::minutes(15))),
};
/// Failed logins from one address (it may be a whole school behind one NAT).
pub const LOGIN_ADDRESS: Rule = Rule {
    free: 50,
    quiet: Duration::hours(1),
    backoff: Some((Duration::seconds(30), Duration::minutes(15))),
};
/// Sign-up style forms from one address (`/register`, `/claim`, `/join`,
/// `/consent`): a class claiming its accounts from one school address fits.
pub const FORM_ADDRESS: Rule = Rule {
    free: 60,
    quiet: Duration::minutes(15),
    backoff: None,
};

/// Mail a form sends to one address (a registration, a reset link): a
/// stranger cannot fill someone's inbox from many addresses.
pub const MAIL_RECIPIENT: Rule = Rule {
    free: 5,
    quiet: Duration::hours(1),
    backoff: None,
};

/// A guardian asking their settings page to mail one placement's
/// withdrawal link: a few a day, its own budget, so neither a stranger
/// spending the address's mail budget (`/register`) can stop it nor one
/// holding the settings link fill the inbox with it (eyes15c F1).
pub const WITHDRAW_LINK: Rule = Rule {
    free: 3,
    quiet: Duration::hours(24),
    backoff: None,
};

/// A guardian told their email settings changed: the first few changes a
/// day are mailed, so someone holding a forwarded settings link cannot
/// change them unseen, nor fill the guardian's inbox by changing them over
/// and over.
pub const GUARDIAN_SETTINGS_CHANGED: Rule = Rule {
    free: 3,
    quiet: Duration::hours(24),
    backoff: None,
};

/// A student trying addresses for their account (changing an unconfirmed
/// one, or claiming with a valid code): each answer may tell whether an
/// address has an account, so a list cannot be tried.
pub const ADDRESS_TRIES: Rule = Rule {
    free: 10,
    quiet: Duration::hours(1),
    backoff: None,
};

/// Charges one message to `email`'s mail budget; false when it is spent
/// (the form still answers as usual, and sends nothing).
pub async fn allow_mail(db: &DatabaseConnection, email: &str) -> AppResult<bool> {
    let bucket = format!("mail-to:{}", email.trim().to_lowercase());
    match charge(db, &[(bucket, MAIL_RECIPIENT)], |_| String::new()).await {
        Ok(()) => Ok(true),
        Err(AppError::TooManyRequests(_)) => Ok(false),
        Err(other) => Err(other),
    }
}

/// The bucket of an account's logins.
pub fn login_account(email: &str) -> String {
    format!("login-account:{}", email.trim().to_lowercase())
}

/// The bucket of an address's logins.
pub fn login_address(address: &str) -> String {
    format!("login-address:{address}")
}

/// The bucket of one form (`register`, `claim`...) posted from an address.
pub fn form_address(form: &str, address: &str) -> String {
    format!("{form}:{address}")
}

/// How long the bucket must wait before it may be charged again, if at all.
fn wait_of(row: &rate_limit::Model, rule: &Rule, now: DateTime<Utc>) -> Option<Duration> {
    if let Some(until) = row.blocked_until
        && until > now
    {
        return Some(until - now);
    }
    let quiet_since = now - row.last_hit_at;
    if rule.backoff.is_none() && quiet_since <= rule.quiet && row.hits >= rule.free {
        return Some(rule.quiet - quiet_since);
    }
    None
}

/// The row after one more attempt.
fn charged(row: rate_limit::Model, rule: &Rule, now: DateTime<Utc>) -> rate_limit::ActiveModel {
    let recent = if now - row.last_hit_at > rule.quiet {
        0
    } else {
        row.hits
    };
    let hits = recent.saturating_add(1);
    let blocked_until = match rule.backoff {
        Some((base, max)) if hits >= rule.free => {
            // 2^n grows past any cap quickly; clamp the exponent first.
            let doublings = (hits - rule.free).clamp(0, 20);
            let wait = base
                .checked_mul(1 << doublings)
                .map_or(max, |wait| wait.min(max));
            Some(now + wait)
        }
        _ => None,
    };
    let mut model: rate_limit::ActiveModel = row.into();
    model.hits = Set(hits);
    model.last_hit_at = Set(now);
    model.blocked_until = Set(blocked_until);
    model
}

/// Locks a bucket's row for the rest of the transaction, creating it first.
async fn locked(
    db: &impl ConnectionTrait,
    bucket: &str,
    now: DateTime<Utc>,
) -> AppResult<rate_limit::Model> {
    rate_limit::Entity::insert(rate_limit::ActiveModel {
        bucket: Set(bucket.to_owned()),
        hits: Set(0),
        last_hit_at: Set(now),
        blocked_until: Set(None),
    })
    .on_conflict(
        OnConflict::column(rate_limit::Column::Bucket)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    rate_limit::Entity::find_by_id(bucket.to_owned())
        .lock_exclusive()
        .one(db)
        .await?
        .or_not_found()
}

/// Charges one attempt to every bucket, or to none when any of them must
/// wait: then the answer is "too many", with `message` given the wait.
pub async fn charge(
    db: &DatabaseConnection,
    buckets: &[(String, Rule)],
    message: impl Fn(Duration) -> String,
) -> AppResult<()> {
    // Buckets are locked in one order so two requests never wait on each other in a cycle.
    let mut buckets = buckets.to_vec();
    buckets.sort_by(|a, b| a.0.cmp(&b.0));
    let txn = db::begin_write(db).await?;
    let now = Utc::now();
    let mut rows = Vec::with_capacity(buckets.len());
    for (bucket, rule) in &buckets {
        rows.push((locked(&txn, bucket, now).await?, rule));
    }
    if let Some(wait) = rows
        .iter()
        .filter_map(|(row, rule)| wait_of(row, rule, now))
        .max()
    {
        txn.rollback().await?;
        return Err(AppError::TooManyRequests(message(wait)));
    }
    for (row, rule) in rows {
        charged(row, rule, now).update(&txn).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Charges one attempt at a secret of `account` (an email, or a key of its
/// own like `mfa:<user id>`) to its login bucket and to `address`, before the
/// secret is checked; "too many" when either must wait. The count-first form
/// of the old check-then-record pair: call [`clear_account`] on success.
pub async fn check(db: &DatabaseConnection, account: &str, address: &str) -> AppResult<()> {
    charge(
        db,
        &[
            (login_account(account), LOGIN_ACCOUNT),
            (login_address(address), LOGIN_ADDRESS),
        ],
        |wait| {
            t_args(
                i18n::current(),
                "integrity-too-many-logins",
                vec![("wait", wait_in_words(i18n::current(), wait).into())],
            )
        },
    )
    .await
}

/// Forgets an account's failures after its owner proved the secret.
pub async fn clear_account(db: &impl ConnectionTrait, account: &str) -> AppResult<()> {
    forget(db, &login_account(account)).await
}

/// Forgets a bucket (an account's failures after its owner logged in).
pub async fn forget(db: &impl ConnectionTrait, bucket: &str) -> AppResult<()> {
    rate_limit::Entity::delete_by_id(bucket.to_owned())
        .exec(db)
        .await?;
    Ok(())
}

/// Gives back one attempt that turned out fine (a good login from a busy
/// school address must not use up the address's budget).
pub async fn refund(db: &impl ConnectionTrait, bucket: &str) -> AppResult<()> {
    use sea_orm::{ExprTrait, sea_query::Expr};
    rate_limit::Entity::update_many()
        .col_expr(
            rate_limit::Column::Hits,
            Expr::col(rate_limit::Column::Hits).sub(1),
        )
        .filter(rate_limit::Column::Bucket.eq(bucket))
        .filter(rate_limit::Column::Hits.gt(0))
        .exec(db)
        .await?;
    Ok(())
}

/// Deletes buckets quiet for a day (a background job keeps the table small).
pub async fn forget_quiet(db: &impl ConnectionTrait) -> AppResult<u64> {
    use sea_orm::ExprTrait;
    let day_ago = Utc::now() - Duration::days(1);
    let result = rate_limit::Entity::delete_many()
        .filter(rate_limit::Column::LastHitAt.lt(day_ago))
        .filter(
            rate_limit::Column::BlockedUntil
                .is_null()
                .or(rate_limit::Column::BlockedUntil.lt(Utc::now())),
        )
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}

/// "30 seconds", "2 minutes": a wait in words, rounded up.
pub fn wait_in_words(lang: Lang, wait: Duration) -> String {
    let seconds = wait.num_seconds().max(1);
    if seconds < 60 {
        t_args(lang, "integrity-wait", vec![("seconds", seconds.into())])
    } else {
        let minutes = (seconds + 59) / 60;
        t_args(
            lang,
            "integrity-wait-minutes",
            vec![("minutes", minutes.into())],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(hits: i32, ago: Duration) -> rate_limit::Model {
        rate_limit::Model {
            bucket: "b".into(),
            hits,
            last_hit_at: Utc::now() - ago,
            blocked_until: None,
        }
    }

    fn blocked_for(model: &rate_limit::ActiveModel, now: DateTime<Utc>) -> Option<i64> {
        match &model.blocked_until {
            sea_orm::ActiveValue::Set(Some(until)) => Some((*until - now).num_seconds()),
            _ => None,
        }
    }

    #[test]
    fn logins_back_off_doubling_after_the_free_attempts_up_to_the_cap() {
        let now = Utc::now();
        let waits: Vec<Option<i64>> = (0..12)
            .map(|hits| {
                blocked_for(
                    &charged(row(hits, Duration::zero()), &LOGIN_ACCOUNT, now),
                    now,
                )
            })
            .collect();
        assert_eq!(
            waits,
            vec![
                None,
                None,
                None,
                None,
                Some(30),
                Some(60),
                Some(120),
                Some(240),
                Some(480),
                Some(900),
                Some(900),
                Some(900)
            ]
        );
    }

    #[test]
    fn waits_read_in_seconds_then_whole_minutes() {
        assert_eq!(wait_in_words(Lang::En, Duration::seconds(30)), "30 seconds");
        assert_eq!(wait_in_words(Lang::En, Duration::seconds(61)), "2 minutes");
        assert_eq!(wait_in_words(Lang::Es, Duration::seconds(60)), "1 minuto");
    }

    #[test]
    fn a_quiet_bucket_starts_over() {
        let now = Utc::now();
        let model = charged(row(40, Duration::hours(2)), &LOGIN_ACCOUNT, now);
        assert_eq!(model.hits, Set(1));
        assert_eq!(blocked_for(&model, now), None);
    }

    #[test]
    fn a_fixed_bucket_refuses_past_its_budget_until_quiet() {
        let now = Utc::now();
        assert!(wait_of(&row(59, Duration::minutes(1)), &FORM_ADDRESS, now).is_none());
        let wait = wait_of(&row(60, Duration::minutes(1)), &FORM_ADDRESS, now).unwrap();
        assert!((13..=14).contains(&wait.num_minutes()), "{wait}");
        assert!(wait_of(&row(60, Duration::minutes(16)), &FORM_ADDRESS, now).is_none());
    }
}
