//! The seed of a posting's fair draw, fixed before its first entry: the
//! public record shows its SHA-256 until the draw, then the seed itself.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "draw_seed")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub opportunity_id: i32,
    /// 64 hexadecimal digits (32 random bytes); secret until the draw.
    pub seed: String,
    pub committed_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
