//! A placement's confirmation that the mail worker held back because its
//! host was suspended before it went out (`mail::worker::withhold`): a
//! family that consented, or in whose name a counselor recorded a paper
//! form, minutes before a suspension never got the confirmation, its
//! "withdraw consent" button, the paper form's signer or the calendar entry
//! (eyes18a F2). Once the host is verified again (`resume`), each reader
//! whose newest confirmation of a placement still open was held back gets
//! the confirmation again, as it reads now (who consented, a new calendar
//! revision), at the address on file now: a guardian is known by the
//! guardian the row was written to (`mail_outbox.guardian_id`), as a
//! counselor may have corrected the address during the suspension
//! (eyes20 F1). A placement no longer open (withdrawn, called off, ended)
//! confirms nothing: that family heard the news that ended it instead.

use entity::{PlacementStatus, guardian, mail_outbox, opportunity, placement, student};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::{error::AppResult, families::service::same_address, mail::worker::WITHHELD};

/// The catalogue kinds of a confirmation (`confirmation::confirm`).
const CONFIRMATIONS: [&str; 3] = [
    "placement-guardian",
    "placement-guardian-paper",
    "placement-student",
];

/// Sends `placement`'s confirmation again to each reader whose newest
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
    let held_back = newest_withheld(db, placement.id, &CONFIRMATIONS).await?;
    if held_back.is_empty() {
        return Ok(());
    }
    super::confirmation::confirm_to(
        db,
        placement,
        opportunity,
        student,
        placement.consent_given == Some(true),
        Some(&held_back),
    )
    .await
}

/// Whose message the worker held back: a guardian (whatever their address
/// is now), or an address (the student's, or a guardian's row queued
/// before migration 61 recorded the guardian).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Reader {
    Guardian(i32),
    Address(String),
}

/// The readers whose newest message of a placement among some kinds was
/// held back ([`newest_withheld`]).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct HeldBack(Vec<Reader>);

impl HeldBack {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether `guardian`'s was held back: by the guardian the row was
    /// written to, else by the address (a row that recorded none).
    pub fn guardian(&self, guardian: &guardian::Model) -> bool {
        self.0.iter().any(|reader| match reader {
            Reader::Guardian(id) => *id == guardian.id,
            Reader::Address(address) => same_address(guardian.email.as_deref(), Some(address)),
        })
    }

    /// Whether the message to `address` (not a guardian's: the student's)
    /// was held back.
    pub fn address(&self, address: &str) -> bool {
        self.0.iter().any(|reader| {
            matches!(reader, Reader::Address(held) if same_address(Some(address), Some(held)))
        })
    }
}

/// The readers whose newest message of `placement` among `kinds` the
/// worker held back. One still waiting goes out by itself, and one sent
/// or given up on for another reason is not sent again: each reader gets
/// it once.
pub async fn newest_withheld(
    db: &impl ConnectionTrait,
    placement_id: i32,
    kinds: &[&str],
) -> AppResult<HeldBack> {
    // Newest first: the first row of a reader is its newest.
    let rows = mail_outbox::Entity::find()
        .filter(mail_outbox::Column::PlacementId.eq(placement_id))
        .filter(mail_outbox::Column::NoticeKind.is_in(kinds.iter().copied()))
        .order_by_desc(mail_outbox::Column::Id)
        .all(db)
        .await?;
    let mut seen: Vec<Reader> = Vec::new();
    let mut held_back: Vec<Reader> = Vec::new();
    for row in &rows {
        let reader = match row.guardian_id {
            Some(id) => Reader::Guardian(id),
            None => Reader::Address(row.recipient.trim().to_lowercase()),
        };
        if seen.contains(&reader) {
            continue;
        }
        let withheld = row.sent_at.is_none()
            && row.failed_at.is_some()
            && row.last_error.as_deref() == Some(WITHHELD);
        if withheld {
            held_back.push(reader.clone());
        }
        seen.push(reader);
    }
    Ok(HeldBack(held_back))
}
