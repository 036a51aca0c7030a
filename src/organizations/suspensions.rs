//! The periods an organization was suspended (`organization_suspension`,
//! migration 37): one opens when a reviewer suspends a verified
//! organization and closes when it is reinstated, in the review's own
//! transaction. The status says what holds now; these say what held on a
//! past day, so hours dated on a day the host was suspended are neither
//! logged nor approved once it is verified again (the student was told to
//! stay away from the site that day).

use chrono::{DateTime, NaiveDate, Utc};
use entity::organization_suspension;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, sea_query::Expr,
};

use crate::error::AppResult;

/// A reviewer suspended `organization_id` at `now`: its period opens.
pub async fn opened(
    db: &impl ConnectionTrait,
    organization_id: i32,
    reviewer_id: i32,
    now: DateTime<Utc>,
) -> AppResult<()> {
    organization_suspension::ActiveModel {
        organization_id: Set(organization_id),
        suspended_at: Set(now),
        suspended_by: Set(Some(reviewer_id)),
        reinstated_at: Set(None),
        reinstated_by: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// A reviewer reinstated `organization_id` at `now`: its open period closes.
pub async fn closed(
    db: &impl ConnectionTrait,
    organization_id: i32,
    reviewer_id: i32,
    now: DateTime<Utc>,
) -> AppResult<()> {
    organization_suspension::Entity::update_many()
        .col_expr(
            organization_suspension::Column::ReinstatedAt,
            Expr::value(now),
        )
        .col_expr(
            organization_suspension::Column::ReinstatedBy,
            Expr::value(reviewer_id),
        )
        .filter(organization_suspension::Column::OrganizationId.eq(organization_id))
        .filter(organization_suspension::Column::ReinstatedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// The days of a suspension, in the site's time zone: from the day it began
/// to the day it was lifted (`None`: not lifted).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Suspended {
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
}

impl Suspended {
    fn of(period: &organization_suspension::Model) -> Self {
        Self {
            from: crate::format::day_of(period.suspended_at),
            to: period.reinstated_at.map(crate::format::day_of),
        }
    }

    /// Whether the organization was suspended at some moment of `day`. Hours
    /// carry a date, not a time: on the day a suspension began or ended
    /// nobody can tell whether they were worked before or after, so both
    /// days count.
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.from <= day && self.to.is_none_or(|to| day <= to)
    }
}

/// The suspension of `organization_id` that covers `day`, if any. With
/// `logged_at` (when an entry was logged), only a suspension that had begun
/// by then counts: hours logged before a suspension began were logged in
/// good faith. An organization has few periods: they are read whole.
pub async fn covering(
    db: &impl ConnectionTrait,
    organization_id: i32,
    day: NaiveDate,
    logged_at: Option<DateTime<Utc>>,
) -> AppResult<Option<Suspended>> {
    let mut periods = organization_suspension::Entity::find()
        .filter(organization_suspension::Column::OrganizationId.eq(organization_id))
        .order_by_asc(organization_suspension::Column::SuspendedAt);
    if let Some(logged_at) = logged_at {
        periods = periods.filter(organization_suspension::Column::SuspendedAt.lte(logged_at));
    }
    Ok(periods
        .all(db)
        .await?
        .iter()
        .map(Suspended::of)
        .find(|s| s.covers(day)))
}

/// When `organization_id`'s latest suspension began (`None`: never
/// suspended). Read at a reinstatement, it is the suspension just lifted:
/// what its news told whom is what was queued since (`placements::resume`).
pub async fn latest_began(
    db: &impl ConnectionTrait,
    organization_id: i32,
) -> AppResult<Option<DateTime<Utc>>> {
    Ok(organization_suspension::Entity::find()
        .filter(organization_suspension::Column::OrganizationId.eq(organization_id))
        .order_by_desc(organization_suspension::Column::SuspendedAt)
        .order_by_desc(organization_suspension::Column::Id)
        .one(db)
        .await?
        .map(|period| period.suspended_at))
}
