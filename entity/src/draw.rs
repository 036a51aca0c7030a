//! The fair draw of a posting's seats: run once (its row is unique per
//! posting), with the seed anyone can re-run it from.

use sea_orm::entity::prelude::*;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "draw")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub opportunity_id: i32,
    /// 64 hexadecimal digits (32 random bytes), published with the draw.
    pub seed: String,
    /// Seats that were free when the draw ran.
    pub seats: i32,
    /// Eligible applications that entered it.
    pub entries: i32,
    /// Low income counted towards the priority tier (the instance's setting then).
    pub low_income_tier: bool,
    pub drawn_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
