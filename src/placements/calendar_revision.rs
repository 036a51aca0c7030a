//! The revisions of a placement's calendar entry. Every file we send of it
//! (the confirmation, a call-off, a suspension's "do not go", the entry a
//! reinstatement puts back) carries the same UID, and a calendar keeps the
//! file with the highest `SEQUENCE` (RFC 5545 §3.8.7.4). So each new file
//! takes a number above the last one issued for the placement, stored in
//! `placement_calendar` (migration 57) in the transaction that queues its
//! mail: however fast a host is suspended and reinstated, and whichever
//! server makes the file, the newest news replaces the older (eyes17c F1).

use chrono::{DateTime, Utc};
use entity::placement_calendar;
use sea_orm::{ConnectionTrait, EntityTrait, Set, sea_query::OnConflict};

use crate::{error::AppResult, mail::calendar};

/// One revision of a placement's calendar entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Revision {
    /// When it was made: the file's `DTSTAMP`.
    pub stamp: DateTime<Utc>,
    /// Above every revision issued before it for the placement.
    pub sequence: u32,
}

/// The next revision of `placement_id`'s calendar entry, made now. One
/// statement that inserts the counter or raises it, so the database orders
/// two transactions issuing one at once (the second waits for the first's
/// row until it commits or rolls back, on PostgreSQL as on SQLite). Never
/// below the clock's number (`calendar::sequence`), so a revision stays
/// above the files sent before the counter existed.
pub async fn next(
    db: &impl ConnectionTrait,
    placement_id: i32,
    cancelled: bool,
) -> AppResult<Revision> {
    let stamp = Utc::now();
    let floor = i32::try_from(calendar::sequence(stamp, cancelled)).unwrap_or(i32::MAX);
    let issued = placement_calendar::Entity::insert(placement_calendar::ActiveModel {
        placement_id: Set(placement_id),
        last_sequence: Set(floor),
    })
    .on_conflict(
        OnConflict::column(placement_calendar::Column::PlacementId)
            .value(
                placement_calendar::Column::LastSequence,
                // `excluded` is the row offered: the clock's number.
                sea_orm::sea_query::Expr::cust(
                    "CASE WHEN placement_calendar.last_sequence >= excluded.last_sequence \
                     THEN placement_calendar.last_sequence + 1 \
                     ELSE excluded.last_sequence END",
                ),
            )
            .to_owned(),
    )
    .exec_with_returning(db)
    .await?;
    Ok(Revision {
        stamp,
        sequence: u32::try_from(issued.last_sequence).unwrap_or(0),
    })
}
