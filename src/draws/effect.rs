//! Whether fair draws work: of the seats at seat-based postings (job
//! shadows, and postings whose seats are drawn) that a scope's students took
//! in a school year, the share that went to first-time students (their
//! first placement on the platform), under fair draw and under first come,
//! first served. Counts pass through `crate::disclosure`.

use std::collections::HashMap;

use chrono::NaiveTime;
use entity::{Allocation, OpportunityKind, PlacementStatus, opportunity, placement, student};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, QueryTrait,
};
use serde::Serialize;

use crate::{
    counseling::service::Period,
    disclosure::{self, Shown},
    error::AppResult,
};

/// One allocation's seats and the share of them first-time students took.
#[derive(Debug, Serialize)]
pub struct Side {
    pub seats: Shown<usize>,
    pub first_time_share: Shown<f64>,
}

#[derive(Debug, Serialize)]
pub struct Effect {
    pub fair_draw: Side,
    pub first_come: Side,
}

pub async fn measure(
    db: &impl ConnectionTrait,
    period: &Period,
    threshold: usize,
) -> AppResult<Effect> {
    let schools: Vec<i32> = period.schools.iter().map(|s| s.id).collect();
    let scope_students = || {
        student::Entity::find()
            .select_only()
            .column(student::Column::Id)
            .filter(student::Column::SchoolId.is_in(schools.clone()))
            .into_query()
    };
    let start = period.from.and_time(NaiveTime::MIN).and_utc();
    let end = period
        .to
        .succ_opt()
        .unwrap_or(period.to)
        .and_time(NaiveTime::MIN)
        .and_utc();
    // Seat-based postings and how each gives its seats.
    let allocation: HashMap<i32, Allocation> = opportunity::Entity::find()
        .select_only()
        .column(opportunity::Column::Id)
        .column(opportunity::Column::Allocation)
        .filter(
            Condition::any()
                .add(opportunity::Column::Kind.eq(OpportunityKind::JobShadow))
                .add(opportunity::Column::Allocation.eq(Allocation::FairDraw)),
        )
        .into_tuple::<(i32, Allocation)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let seats: Vec<(i32, i32, i32)> = placement::Entity::find()
        .select_only()
        .column(placement::Column::Id)
        .column(placement::Column::StudentId)
        .column(placement::Column::OpportunityId)
        .filter(placement::Column::StudentId.in_subquery(scope_students()))
        .filter(placement::Column::Status.is_in(PlacementStatus::HOLDING_A_SLOT))
        .filter(placement::Column::CreatedAt.gte(start))
        .filter(placement::Column::CreatedAt.lt(end))
        .into_tuple()
        .all(db)
        .await?;
    // Each student's first placement ever (placement ids grow with time).
    let first: HashMap<i32, i32> = placement::Entity::find()
        .select_only()
        .column(placement::Column::StudentId)
        .column_as(placement::Column::Id.min(), "first")
        .filter(placement::Column::StudentId.in_subquery(scope_students()))
        .filter(placement::Column::Status.is_in(PlacementStatus::HOLDING_A_SLOT))
        .group_by(placement::Column::StudentId)
        .into_tuple::<(i32, i32)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let mut tally: HashMap<Allocation, (usize, usize)> = HashMap::new();
    for (id, student_id, opportunity_id) in seats {
        let Some(how) = allocation.get(&opportunity_id) else {
            continue;
        };
        let entry = tally.entry(*how).or_default();
        entry.0 += 1;
        if first.get(&student_id) == Some(&id) {
            entry.1 += 1;
        }
    }
    let side = |how: Allocation| {
        let (seats, first_time) = tally.get(&how).copied().unwrap_or_default();
        Side {
            seats: disclosure::lone_count(seats, threshold),
            first_time_share: disclosure::share(first_time, seats, threshold),
        }
    };
    Ok(Effect {
        fair_draw: side(Allocation::FairDraw),
        first_come: side(Allocation::FirstCome),
    })
}
