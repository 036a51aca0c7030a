//! Mail queued to a guardian whose address changed before it went out
//! (eyes20 F10). An address is usually corrected because it was wrong:
//! another family's inbox, the student's own, a stranger's typo. So nothing
//! queued for a guardian (`mail_outbox.guardian_id`) goes to an address
//! that is no longer theirs, or to a contact the school took out of the
//! family's record. What the family would want decides the rest:
//!
//! - a notice about their child's placement (do not go for now, it goes
//!   on, it is called off, declined, confirmed, a mentor named...) is still
//!   their news, and some of it is the child's safety: it goes to the
//!   guardian's address now, the same contact, saying what it was queued
//!   to say but in the language the guardian has now (the counselor who
//!   corrected a wrong address often corrects the family's language in
//!   the same form: the words it kept, `notices::rewrite`, are written
//!   again), its links signed again for that address (links signed for
//!   the former one open nothing there: `preferences::token`). One queued
//!   before notices kept their words goes in the words it was queued with;
//! - a consent request or reminder is not: the correction ended its link
//!   and asked the new address afresh (`consent::refresh_links`). One to
//!   the same address but in a language the school corrected since is
//!   held back too, unsent, and asked afresh in the guardian's language
//!   ([`RELANGUAGED`], eyes41 F4): it is the one mail the family must act
//!   on; so is one greeting a name the school corrected since ([`RENAMED`],
//!   eyes41b G2), which might be another person's. A reminder is asked
//!   again as a reminder. One a worker held during the correction is
//!   checked again as it goes (eyes41b G3.2);
//! - nor is anything for a contact made inactive or removed, with no
//!   address we may write to now (none, or one refused for good), or whose
//!   student a family's report holds (the contacts on file may be the ones
//!   reported).
//!
//! Those are held back for good ([`READDRESSED`], told on /admin/mail).
//! A notice still going to the guardian's address, but written in a
//! language no longer theirs (the school corrected it, or they chose
//! theirs, while it waited), or greeting a name no longer theirs, is
//! written again before it goes.
//!
//! Whatever the address (eyes40 F1, F2), mail about a child's placement
//! goes only to a contact still on that child's record: a roster may take
//! a parent off one child (a custody change) and keep them for a sibling,
//! so "active" is not enough ([`UNLINKED`]). And none goes to any contact
//! while a family's report of a contact change holds the child
//! ([`REPORTED`]): the contact reported may be the one it is queued to,
//! and the placement's where, when and supervisor are in it.

use std::collections::HashMap;

use chrono::Utc;
use entity::{guardian, mail_outbox, placement, student_guardian};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QuerySelect, sea_query::Expr,
};

use super::{
    notices,
    outbox::bodies,
    preferences::{Reachable, Recipient, guardian_always, sign_again},
    worker::{CLAIM, scrub},
};
use crate::{
    error::AppResult,
    families::service::{lang_of, same_address},
    sealed,
};

/// `last_error` of a message to a guardian held back because the address
/// it was queued to is no longer theirs, or they are no longer a contact.
pub const READDRESSED: &str = "readdressed";
/// `last_error` of mail about a child held back because its guardian is
/// no longer a contact of that child.
pub const UNLINKED: &str = "unlinked";
/// `last_error` of mail about a child held back because a family's report
/// of a contact change holds the child.
pub const REPORTED: &str = "reported";
/// `last_error` of a consent request held back before it went out because
/// the guardian's language changed meanwhile: asked again in theirs.
pub const RELANGUAGED: &str = "relanguaged";
/// `last_error` of a consent request held back before it went out because
/// the guardian's name was corrected meanwhile: asked again greeting them
/// as they are on file now (eyes41b G2).
pub const RENAMED: &str = "renamed";

/// A message still waiting to go out, as [`waiting_languages`] reads it.
pub struct Waiting {
    /// The language it is written in.
    pub language: String,
    /// `mail_outbox.notice_kind` (`consent-reminder` for a reminder).
    pub notice_kind: Option<String>,
}

/// Of the messages `ids`, those still waiting to go out, their language
/// and kind: a consent request waiting in a language no longer the
/// guardian's is held back ([`hold_relanguaged`]) and asked again in theirs
/// (`consent::refresh_links`, eyes41 F4).
pub async fn waiting_languages(
    db: &impl ConnectionTrait,
    ids: &[i64],
) -> AppResult<HashMap<i64, Waiting>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(mail_outbox::Entity::find()
        .select_only()
        .column(mail_outbox::Column::Id)
        .column(mail_outbox::Column::Language)
        .column(mail_outbox::Column::NoticeKind)
        .filter(mail_outbox::Column::Id.is_in(ids.iter().copied()))
        .filter(mail_outbox::Column::SentAt.is_null())
        .filter(mail_outbox::Column::FailedAt.is_null())
        .into_tuple::<(i64, String, Option<String>)>()
        .all(db)
        .await?
        .into_iter()
        .map(|(id, language, notice_kind)| {
            (
                id,
                Waiting {
                    language,
                    notice_kind,
                },
            )
        })
        .collect())
}

/// Holds back for good the waiting consent request `id`, written in a
/// language no longer its guardian's ([`RELANGUAGED`]) or greeting a name
/// no longer theirs ([`RENAMED`], `why`), in the caller's transaction, so
/// that one as they are now replaces it; `false` (nothing done) once it
/// went out, or while a worker holds it to send it now: a family is not
/// mailed the same request twice.
pub async fn hold_relanguaged(
    db: &impl ConnectionTrait,
    id: i64,
    why: &str,
    now: chrono::DateTime<Utc>,
) -> AppResult<bool> {
    let unclaimed = Condition::any()
        .add(mail_outbox::Column::ClaimedUntil.is_null())
        .add(mail_outbox::Column::ClaimedUntil.lt(now));
    let held = scrub(CLAIM.clear(mail_outbox::Entity::update_many()))
        .col_expr(mail_outbox::Column::FailedAt, Expr::value(now))
        .col_expr(mail_outbox::Column::LastError, Expr::value(why))
        .filter(mail_outbox::Column::Id.eq(id))
        .filter(mail_outbox::Column::SentAt.is_null())
        .filter(mail_outbox::Column::FailedAt.is_null())
        .filter(unclaimed)
        .exec(db)
        .await?;
    Ok(held.rows_affected == 1)
}

/// Whether `row` may go out as queued: `false` when it was queued to a
/// guardian at an address no longer theirs (or one no longer a contact),
/// and was re-addressed to the guardian's address now (sent by a next
/// round, in its turn among that address's mail) or held back; `false`
/// too for a notice to their address written in a language no longer
/// theirs, written again in theirs (sent by a next round).
pub async fn as_queued(db: &DatabaseConnection, row: &mail_outbox::Model) -> AppResult<bool> {
    let Some(guardian_id) = row.guardian_id else {
        return Ok(true);
    };
    let guardian = guardian::Entity::find_by_id(guardian_id).one(db).await?;
    let about = student_of(db, row).await?;
    if let Some(student) = about {
        let linked = student_guardian::Entity::find_by_id((student, guardian_id))
            .one(db)
            .await?
            .is_some();
        let held = if !linked {
            Some(UNLINKED)
        } else if crate::families::address_report::is_held(db, student).await? {
            Some(REPORTED)
        } else {
            None
        };
        if let Some(why) = held {
            hold(db, row, why).await?;
            tracing::info!(id = row.id, why, "mail about a student held back");
            return Ok(false);
        }
    }
    let theirs = guardian
        .as_ref()
        .is_some_and(|g| g.active && same_address(g.email.as_deref(), Some(&row.recipient)));
    if theirs {
        // A consent request the correction could not hold back (a worker
        // held it then, and that try failed): checked again as it goes.
        if let (Some(g), Some(student)) = (&guardian, about)
            && row.kind == "consent_request"
            && let Some(renamed) = stale_request(row, g)
        {
            return Ok(!ask_afresh(db, row, student, g.id, renamed).await?);
        }
        // Still theirs, but the family's language was corrected (or chosen
        // by the guardian) since it was queued, or their name: written
        // again first.
        let relanguaged = match &guardian {
            Some(g)
                if row.kind == "notice"
                    && row.notice_words.is_some()
                    && (lang_of(g).code() != row.language || notices::greets_another(row, g)) =>
            {
                guardian_always(g).map(|to| (g, to))
            }
            _ => None,
        };
        return Ok(match relanguaged {
            Some((g, to)) => !readdress(db, row, g, to).await?,
            None => true,
        });
    }
    // Notices only: their words hold whatever the address (`notices::send`).
    let to = match &guardian {
        Some(g) if row.kind == "notice" => guardian_always(g).map(|to| (g, to)),
        _ => None,
    };
    let moved = match to {
        Some((g, to)) => readdress(db, row, g, to).await?,
        None => false,
    };
    if moved {
        tracing::info!(
            id = row.id,
            "mail re-addressed: the guardian's address changed"
        );
    } else {
        hold(db, row, READDRESSED).await?;
        tracing::info!(
            id = row.id,
            "mail held back: no longer the guardian's address"
        );
    }
    Ok(false)
}

/// Whether the waiting consent request `row` to `guardian` is no longer
/// as they are on file: `Some(false)` written in a language no longer
/// theirs, `Some(true)` greeting a name the school corrected since it was
/// queued (eyes41b G3.2, G2); `None` as it should be.
fn stale_request(row: &mail_outbox::Model, guardian: &guardian::Model) -> Option<bool> {
    if lang_of(guardian).code() != row.language {
        return Some(false);
    }
    // Only a record changed since: a re-ask is queued after the change,
    // so it is never held back the same way again.
    if guardian.updated_at <= row.created_at {
        return None;
    }
    let opened = bodies(row).ok()?;
    let name = crate::families::service::full_name(guardian);
    (!opened.text.contains(&name)).then_some(true)
}

/// Holds back the consent request `row` this worker claimed, stale (see
/// [`stale_request`]), and asks `guardian_id` again as they are now, as a
/// correction does (`consent::refresh_links_of`), in one transaction;
/// `false` (nothing done, the claim kept) when the refresh did not hold
/// it: then it goes as queued.
async fn ask_afresh(
    db: &DatabaseConnection,
    row: &mail_outbox::Model,
    student: i32,
    guardian_id: i32,
    renamed: bool,
) -> AppResult<bool> {
    let txn = crate::db::begin_write(db).await?;
    // This worker's claim, given back so that the refresh may hold it.
    CLAIM
        .clear(mail_outbox::Entity::update_many())
        .filter(mail_outbox::Column::Id.eq(row.id))
        .exec(&txn)
        .await?;
    crate::placements::consent::refresh_links_of(
        &txn,
        &[student],
        guardian_id,
        renamed,
        Utc::now(),
    )
    .await?;
    let held = mail_outbox::Entity::find_by_id(row.id)
        .one(&txn)
        .await?
        .is_some_and(|m| m.failed_at.is_some());
    if held {
        txn.commit().await?;
        tracing::info!(id = row.id, "consent request held back and asked again");
    } else {
        txn.rollback().await?;
    }
    Ok(held)
}

/// The student whose placement the message is about (`None`: not about a
/// placement, as a notice that a contact changed).
async fn student_of(db: &DatabaseConnection, row: &mail_outbox::Model) -> AppResult<Option<i32>> {
    let Some(placement_id) = row.placement_id else {
        return Ok(None);
    };
    Ok(placement::Entity::find_by_id(placement_id)
        .one(db)
        .await?
        .map(|p| p.student_id))
}

/// Moves the waiting `row` to `guardian`'s address now (`to`): written
/// again in their language now, greeting them by their name now, from the
/// words it kept, else (queued before it kept them) its bodies opened as
/// they are; either way its links signed again and everything sealed for
/// the new address; free for the next round. `false` when nothing of it
/// opens (another `SECRET_KEY`).
async fn readdress(
    db: &DatabaseConnection,
    row: &mail_outbox::Model,
    guardian: &guardian::Model,
    mut to: Reachable,
) -> AppResult<bool> {
    let guardian_id = guardian.id;
    let again = |text: &str| {
        sign_again(
            text,
            Recipient::Guardian(guardian_id),
            &row.recipient,
            &to.email,
        )
    };
    // Optional or not as it was queued (the guardian's choice then).
    let unsubscribe = row.unsubscribe_path.as_deref().map(again);
    to.unsubscribe = unsubscribe.clone();
    let (language, subject, text, html, attachment, words) =
        match notices::rewrite(db, row, guardian, &to).await? {
            Some(rewritten) => (
                to.lang.code().to_owned(),
                rewritten.rendered.subject.chars().take(300).collect(),
                rewritten.rendered.text,
                rewritten.rendered.html,
                rewritten.attachment.map(|a| a.body),
                Some(rewritten.words),
            ),
            None => {
                let Ok(opened) = bodies(row) else {
                    return Ok(false);
                };
                (
                    row.language.clone(),
                    row.subject.clone(),
                    again(&opened.text),
                    again(&opened.html),
                    opened.attachment.as_deref().map(again),
                    None,
                )
            }
        };
    let seal = |text: &str| sealed::MAIL_BODY.seal(&to.email, text);
    let (Ok(text), Ok(html), Ok(attachment), Ok(words)) = (
        seal(&text),
        seal(&html),
        attachment.as_deref().map(seal).transpose(),
        words.as_deref().map(seal).transpose(),
    ) else {
        return Ok(false);
    };
    CLAIM
        .clear(mail_outbox::Entity::update_many())
        .col_expr(
            mail_outbox::Column::Recipient,
            Expr::value(to.email.as_str()),
        )
        .col_expr(mail_outbox::Column::Language, Expr::value(language))
        .col_expr(mail_outbox::Column::Subject, Expr::value(subject))
        .col_expr(mail_outbox::Column::TextBody, Expr::value(text))
        .col_expr(mail_outbox::Column::HtmlBody, Expr::value(html))
        .col_expr(mail_outbox::Column::Attachment, Expr::value(attachment))
        .col_expr(mail_outbox::Column::NoticeWords, Expr::value(words))
        .col_expr(
            mail_outbox::Column::UnsubscribePath,
            Expr::value(unsubscribe),
        )
        .col_expr(mail_outbox::Column::NextAttemptAt, Expr::value(Utc::now()))
        .filter(mail_outbox::Column::Id.eq(row.id))
        .filter(mail_outbox::Column::SentAt.is_null())
        .filter(mail_outbox::Column::FailedAt.is_null())
        .exec(db)
        .await?;
    Ok(true)
}

/// Holds `row` back for good, its bodies deleted (they may hold links);
/// `why` is its `last_error`.
async fn hold(db: &DatabaseConnection, row: &mail_outbox::Model, why: &str) -> AppResult<()> {
    scrub(CLAIM.clear(mail_outbox::Entity::update_many()))
        .col_expr(mail_outbox::Column::FailedAt, Expr::value(Utc::now()))
        .col_expr(mail_outbox::Column::LastError, Expr::value(why))
        .filter(mail_outbox::Column::Id.eq(row.id))
        .filter(mail_outbox::Column::SentAt.is_null())
        .filter(mail_outbox::Column::FailedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}
