//! One application in a draw: its anonymous code, tier and place in the order.

use sea_orm::entity::prelude::*;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "draw_entry")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub draw_id: i32,
    #[sea_orm(unique)]
    pub application_id: i32,
    /// Random, shown only to the student it belongs to and, without any
    /// name, on the public record of the draw.
    pub code: String,
    /// 1: never placed on the platform; 2: priority; 3: everyone else.
    pub tier: i32,
    /// Place in the draw's order, from 1.
    pub rank: i32,
    /// Drew a seat (else joined the wait list at `rank - seats`).
    pub seated: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
