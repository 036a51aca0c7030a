//! A school whose students use STEMbridge; counselors are assigned to schools.

use sea_orm::entity::prelude::*;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "school")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub name: String,
    /// OneRoster `sourcedId` of the school org, when it came from a roster:
    /// unique with `roster_source` (migration 58 moved it to this column).
    #[sea_orm(column_name = "roster_sourced_id")]
    pub sourced_id: Option<String>,
    /// The roster source `sourced_id` belongs to: the district org of the
    /// roster, or one an admin named; empty when no roster named one.
    pub roster_source: String,
    pub zip: String,
    /// The telephone number families call (migration 62): shown in every
    /// guardian mail and page; `None` until the school sets one.
    pub contact_phone: Option<String>,
    /// The school office's address for families, if it gave one.
    pub contact_email: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
