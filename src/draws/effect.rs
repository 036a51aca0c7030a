//! Whether fair draws work: of the seats at seat-based postings (job
//! shadows, and postings whose seats are drawn) that a scope's students took
//! in a school year, the share that went to first-time students (their
//! first placement on the platform), under fair draw and under first come,
//! first served. Counts pass through `crate::disclosure`, school by school:
//! a view of several schools adds up only what each school's own view
//! shows, so two views subtracted never isolate a hidden count.

use std::collections::HashMap;

use entity::{Allocation, OpportunityKind, PlacementStatus, opportunity, placement, student};
use sea_orm::{
    Condition, ConnectionTrait,
    sea_query::{Alias, Expr, ExprTrait, Func, Query},
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
    let (start, end) = period.bounds();
    // A seat is a first time when the student has no earlier placement
    // that counts as placed (placement ids grow with time), in any school
    // year: the draw's first tier reads "placed before" the same way, so an
    // earlier placement that ended early counts, one called off before it
    // started does not.
    let earlier = Alias::new("earlier");
    let earlier_seat = Query::select()
        .expr(Expr::val(1))
        .from_as(placement::Entity, earlier.clone())
        .and_where(
            Expr::col((earlier.clone(), placement::Column::StudentId))
                .equals((placement::Entity, placement::Column::StudentId)),
        )
        .and_where(
            Expr::col((earlier.clone(), placement::Column::Status))
                .is_in(PlacementStatus::PLACED.map(|s| s.key())),
        )
        .and_where(
            Expr::col((earlier.clone(), placement::Column::Id))
                .lt(Expr::col((placement::Entity, placement::Column::Id))),
        )
        .to_owned();
    // The seats of the scope's students at seat-based postings, counted by
    // the database per allocation (never the postings or seats loaded).
    // By the roster's school today, unlike an employer's figures (eyes16a
    // F1): its readers are the scope's own counselors and admins, who see
    // these students on the roster anyway, and the cohort is the roster's.
    let (p, o) = (placement::Entity, opportunity::Entity);
    let query = Query::select()
        .column((student::Entity, student::Column::SchoolId))
        .column((o, opportunity::Column::Allocation))
        .expr_as(
            Expr::col((p, placement::Column::Id)).count(),
            Alias::new("seats"),
        )
        .expr_as(
            Func::count(Expr::case(Expr::exists(earlier_seat).not(), Expr::val(1))),
            Alias::new("first_time"),
        )
        .from(p)
        .inner_join(
            o,
            Expr::col((o, opportunity::Column::Id)).equals((p, placement::Column::OpportunityId)),
        )
        .inner_join(
            student::Entity,
            Expr::col((student::Entity, student::Column::Id))
                .equals((p, placement::Column::StudentId)),
        )
        .and_where(
            Expr::col((student::Entity, student::Column::SchoolId)).is_in(schools.iter().copied()),
        )
        .and_where(
            Expr::col((p, placement::Column::Status))
                .is_in(PlacementStatus::HOLDING_A_SLOT.map(|s| s.key())),
        )
        .and_where(Expr::col((p, placement::Column::CreatedAt)).gte(start))
        .and_where(Expr::col((p, placement::Column::CreatedAt)).lt(end))
        .cond_where(
            Condition::any()
                .add(Expr::col((o, opportunity::Column::Kind)).eq(OpportunityKind::JobShadow.key()))
                .add(
                    Expr::col((o, opportunity::Column::Allocation)).eq(Allocation::FairDraw.key()),
                ),
        )
        .group_by_col((student::Entity, student::Column::SchoolId))
        .group_by_col((o, opportunity::Column::Allocation))
        .to_owned();
    // (school, allocation) → (seats, of them first-time).
    let mut tally: HashMap<(i32, Allocation), (usize, usize)> = HashMap::new();
    for row in db.query_all(&query).await? {
        let school: i32 = row.try_get("", "school_id")?;
        let how: String = row.try_get("", "allocation")?;
        let count = |name: &str| -> AppResult<usize> {
            let n: i64 = row.try_get("", name)?;
            Ok(usize::try_from(n).unwrap_or(0))
        };
        if let Some(how) = Allocation::from_key(&how) {
            tally.insert((school, how), (count("seats")?, count("first_time")?));
        }
    }
    let side = |how: Allocation| {
        let parts: Vec<(usize, usize)> = schools
            .iter()
            .map(|school| tally.get(&(*school, how)).copied().unwrap_or_default())
            .collect();
        let (seats, first_time_share) = disclosure::share_of_schools(&parts, threshold);
        Side {
            seats,
            first_time_share,
        }
    };
    Ok(Effect {
        fair_draw: side(Allocation::FairDraw),
        first_come: side(Allocation::FirstCome),
    })
}
