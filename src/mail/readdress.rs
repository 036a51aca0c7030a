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
//!   guardian's address now, the same contact, in the words it was queued
//!   with, its links signed again for that address (links signed for the
//!   former one open nothing there: `preferences::token`);
//! - a consent request or reminder is not: the correction ended its link
//!   and asked the new address afresh (`consent::refresh_links`);
//! - nor is anything for a contact made inactive or removed, with no
//!   address we may write to now (none, or one refused for good), or whose
//!   student a family's report holds (the contacts on file may be the ones
//!   reported).
//!
//! Those are held back for good ([`READDRESSED`], told on /admin/mail).
//!
//! Whatever the address (eyes40 F1, F2), mail about a child's placement
//! goes only to a contact still on that child's record: a roster may take
//! a parent off one child (a custody change) and keep them for a sibling,
//! so "active" is not enough ([`UNLINKED`]). And none goes to any contact
//! while a family's report of a contact change holds the child
//! ([`REPORTED`]): the contact reported may be the one it is queued to,
//! and the placement's where, when and supervisor are in it.

use chrono::Utc;
use entity::{guardian, mail_outbox, placement, student_guardian};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, sea_query::Expr};

use super::{
    outbox::bodies,
    preferences::{Recipient, guardian_always, sign_again},
    worker::{CLAIM, scrub},
};
use crate::{error::AppResult, families::service::same_address, sealed};

/// `last_error` of a message to a guardian held back because the address
/// it was queued to is no longer theirs, or they are no longer a contact.
pub const READDRESSED: &str = "readdressed";
/// `last_error` of mail about a child held back because its guardian is
/// no longer a contact of that child.
pub const UNLINKED: &str = "unlinked";
/// `last_error` of mail about a child held back because a family's report
/// of a contact change holds the child.
pub const REPORTED: &str = "reported";

/// Whether `row` may go out as queued: `false` when it was queued to a
/// guardian at an address no longer theirs (or one no longer a contact),
/// and was re-addressed to the guardian's address now (sent by a next
/// round, in its turn among that address's mail) or held back.
pub async fn as_queued(db: &DatabaseConnection, row: &mail_outbox::Model) -> AppResult<bool> {
    let Some(guardian_id) = row.guardian_id else {
        return Ok(true);
    };
    let guardian = guardian::Entity::find_by_id(guardian_id).one(db).await?;
    if let Some(student) = student_of(db, row).await? {
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
        return Ok(true);
    }
    // Notices only: their words hold whatever the address (`notices::send`).
    let to = match guardian {
        Some(g) if row.kind == "notice" => guardian_always(&g).map(|to| to.email),
        _ => None,
    };
    let moved = match to {
        Some(to) => readdress(db, row, guardian_id, &to).await?,
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

/// Moves the waiting `row` to `to`: its bodies opened, their links signed
/// again and sealed for the new address; free for the next round.
/// `false` when its bodies do not open (another `SECRET_KEY`).
async fn readdress(
    db: &DatabaseConnection,
    row: &mail_outbox::Model,
    guardian_id: i32,
    to: &str,
) -> AppResult<bool> {
    let Ok(opened) = bodies(row) else {
        return Ok(false);
    };
    let again = |text: &str| sign_again(text, Recipient::Guardian(guardian_id), &row.recipient, to);
    let seal = |text: &str| sealed::MAIL_BODY.seal(to, &again(text));
    let (Ok(text), Ok(html), Ok(attachment)) = (
        seal(&opened.text),
        seal(&opened.html),
        opened.attachment.as_deref().map(seal).transpose(),
    ) else {
        return Ok(false);
    };
    CLAIM
        .clear(mail_outbox::Entity::update_many())
        .col_expr(mail_outbox::Column::Recipient, Expr::value(to))
        .col_expr(mail_outbox::Column::TextBody, Expr::value(text))
        .col_expr(mail_outbox::Column::HtmlBody, Expr::value(html))
        .col_expr(mail_outbox::Column::Attachment, Expr::value(attachment))
        .col_expr(
            mail_outbox::Column::UnsubscribePath,
            Expr::value(row.unsubscribe_path.as_deref().map(again)),
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
