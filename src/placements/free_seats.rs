//! Free seats behind a waiting student who could not take them before: a
//! student passed over for a place that clashed (a draw's last group, or a
//! wait list that skipped them) is in line again once that place ends or
//! stops clashing (eyes16a F3). A seat freed at the same posting is given
//! in its own transaction (`seats::free`); this gives the seats no event at
//! that posting would: after a student's placement ends elsewhere, and
//! every minute for any posting with a free seat and someone waiting.
//!
//! Each posting gets its own transaction, locked as every seat change
//! locks it (organization, posting, then the student inside
//! `service::promote_wait_list`, which applies the clash rule again under
//! the student's lock). Never from inside another posting's transaction:
//! two postings' locks would then be taken in no fixed order. Idempotent: a
//! posting with no free seat, or nobody who can take one, is left as is.

use entity::{ApplicationStatus, PlacementStatus, application, opportunity, placement};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
    sea_query::{Expr, ExprTrait, Query},
};

use crate::{db, error::AppResult};

/// Seat-giving postings not archived whose days are not over, with fewer placements
/// holding a seat than seats, and someone (or `student_id`) on the wait
/// list; by id, the order their locks are taken in.
async fn waiting_with_free_seats(
    db: &impl ConnectionTrait,
    student_id: Option<i32>,
) -> AppResult<Vec<i32>> {
    let (o, p, a) = (opportunity::Entity, placement::Entity, application::Entity);
    let taken = Query::select()
        .expr(Expr::col((p, placement::Column::Id)).count())
        .from(p)
        .and_where(
            Expr::col((p, placement::Column::OpportunityId)).equals((o, opportunity::Column::Id)),
        )
        .and_where(
            Expr::col((p, placement::Column::Status))
                .is_in(PlacementStatus::HOLDING_A_SLOT.map(|s| s.key())),
        )
        .to_owned();
    let mut waiting = Query::select()
        .expr(Expr::val(1))
        .from(a)
        .and_where(
            Expr::col((a, application::Column::OpportunityId)).equals((o, opportunity::Column::Id)),
        )
        .and_where(
            Expr::col((a, application::Column::Status)).eq(ApplicationStatus::Waitlisted.key()),
        )
        .to_owned();
    if let Some(student_id) = student_id {
        waiting.and_where(Expr::col((a, application::Column::StudentId)).eq(student_id));
    }
    Ok(opportunity::Entity::find()
        .select_only()
        .column(opportunity::Column::Id)
        .filter(opportunity::Column::EndDate.gte(crate::format::today()))
        .filter(opportunity::Column::Status.ne(entity::OpportunityStatus::Archived))
        .filter(
            Condition::any()
                .add(opportunity::Column::Kind.eq(entity::OpportunityKind::JobShadow))
                .add(opportunity::Column::Allocation.eq(entity::Allocation::FairDraw)),
        )
        .filter(
            Expr::col((o, opportunity::Column::Slots))
                .gt(Expr::SubQuery(None, Box::new(taken.into()))),
        )
        .filter(Expr::exists(waiting))
        .order_by_asc(opportunity::Column::Id)
        .into_tuple()
        .all(db)
        .await?)
}

/// Fills the free seats of each posting in `ids`, one transaction each;
/// how many seats were given.
async fn fill(db: &DatabaseConnection, ids: Vec<i32>) -> AppResult<usize> {
    let mut given = 0;
    for id in ids {
        let txn = db::begin_write(db).await?;
        let posting = super::seats::lock_opportunity(&txn, id).await?;
        let promoted = super::service::promote_wait_list(&txn, &posting).await?;
        if !promoted.is_empty() {
            // Search learns the seat is taken.
            crate::outbox::enqueue(&txn, posting.id).await?;
        }
        txn.commit().await?;
        given += promoted.len();
    }
    Ok(given)
}

/// After a placement of `student_id` ended (given back, declined, called
/// off, ended early, lapsed): the postings where they wait with a free
/// seat give it, if it is now theirs to take. Run after the ending's own
/// transaction committed; the minute job ([`fill_everywhere`]) catches one
/// this misses (a crash in between, a posting edited so it no longer
/// clashes).
/// The ending stands whatever happens here: a failure is logged and left
/// to the job.
pub async fn after_placement_ended(db: &DatabaseConnection, student_id: i32) {
    let filled = match waiting_with_free_seats(db, Some(student_id)).await {
        Ok(ids) => fill(db, ids).await,
        Err(error) => Err(error),
    };
    if let Err(error) = filled {
        tracing::warn!(%error, student_id, "could not fill the free seats a student waits for");
    }
}

/// Every posting with a free seat and someone waiting: the background
/// job's sweep.
pub async fn fill_everywhere(db: &DatabaseConnection) -> AppResult<usize> {
    let ids = waiting_with_free_seats(db, None).await?;
    fill(db, ids).await
}
