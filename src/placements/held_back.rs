//! A placement's confirmation that the mail worker held back because its
//! host was suspended before it went out (`mail::worker::withhold`): a
//! family that consented, or in whose name a counselor recorded a paper
//! form, minutes before a suspension never got the confirmation, its
//! "withdraw consent" button, the paper form's signer or the calendar entry
//! (eyes18a F2). Once the host is verified again (`resume`), each address
//! whose newest confirmation of a placement still open was held back gets
//! the confirmation again, as it reads now (who consented, a new calendar
//! revision). A placement no longer open (withdrawn, called off, ended)
//! confirms nothing: that family heard the news that ended it instead.

use entity::{PlacementStatus, mail_outbox, opportunity, placement, student};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::{error::AppResult, mail::worker::WITHHELD};

/// The catalogue kinds of a confirmation (`confirmation::confirm`).
const CONFIRMATIONS: [&str; 3] = [
    "placement-guardian",
    "placement-guardian-paper",
    "placement-student",
];

/// Sends `placement`'s confirmation again to each address whose newest
/// confirmation of it was held back. Call it in the reinstatement's
/// transaction (which holds the host's row: the worker withholds only
/// under a share lock of it, so what reads as held back here stays so)
/// before the reinstatement's own news, so the confirmation comes first
/// and the "you may go again from" mail is the family's latest word.
pub async fn confirm_again(
    db: &impl ConnectionTrait,
    placement: &placement::Model,
    opportunity: &opportunity::Model,
    student: &student::Model,
) -> AppResult<()> {
    if placement.status != PlacementStatus::Active {
        return Ok(());
    }
    let addresses = newest_withheld(db, placement.id, &CONFIRMATIONS).await?;
    if addresses.is_empty() {
        return Ok(());
    }
    super::confirmation::confirm_to(
        db,
        placement,
        opportunity,
        student,
        placement.consent_given == Some(true),
        Some(&addresses),
    )
    .await
}

/// The addresses (trimmed, lower case) whose newest message of
/// `placement` among `kinds` the worker held back. One still waiting goes
/// out by itself, and one sent or given up on for another reason is not
/// sent again: each reader gets it once.
pub async fn newest_withheld(
    db: &impl ConnectionTrait,
    placement_id: i32,
    kinds: &[&str],
) -> AppResult<Vec<String>> {
    // Newest first: the first row of an address is its newest.
    let rows = mail_outbox::Entity::find()
        .filter(mail_outbox::Column::PlacementId.eq(placement_id))
        .filter(mail_outbox::Column::NoticeKind.is_in(kinds.iter().copied()))
        .order_by_desc(mail_outbox::Column::Id)
        .all(db)
        .await?;
    let mut seen: Vec<String> = Vec::new();
    let mut held_back: Vec<String> = Vec::new();
    for row in &rows {
        let address = row.recipient.trim().to_lowercase();
        if seen.contains(&address) {
            continue;
        }
        let withheld = row.sent_at.is_none()
            && row.failed_at.is_some()
            && row.last_error.as_deref() == Some(WITHHELD);
        if withheld {
            held_back.push(address.clone());
        }
        seen.push(address);
    }
    Ok(held_back)
}
