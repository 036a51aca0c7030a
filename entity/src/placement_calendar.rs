//! The last `SEQUENCE` issued for a placement's calendar entry: every new
//! file of the entry (confirmed, cancelled, paused, put back) takes a
//! higher one, so the newest file wins in every calendar.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "placement_calendar")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub placement_id: i32,
    pub last_sequence: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
