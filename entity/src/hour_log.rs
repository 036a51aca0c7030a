//! Hours a student logged on a placement, approved or not by the employer.

use sea_orm::entity::prelude::*;
use serde::Serialize;

use crate::enums::HoursStatus;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "hour_log")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub placement_id: i32,
    pub work_date: Date,
    /// Quarter hours (so 1.25 hours is 5), to avoid fractions in the database.
    pub quarter_hours: i32,
    pub description: String,
    pub status: HoursStatus,
    pub reviewed_by: Option<i32>,
    pub reviewed_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
