//! One posting alerted for one saved search. `(saved_search_id,
//! opportunity_id)` is unique: whoever inserts the row first raises the
//! alert, every other run (or server) finds it taken.

use sea_orm::entity::prelude::*;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "saved_search_alert")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub saved_search_id: i32,
    pub opportunity_id: i32,
    pub created_at: DateTimeUtc,
    /// When a weekly digest listed it (only for searches with email on).
    pub mailed_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
