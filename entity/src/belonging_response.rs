//! "I feel like I belong in STEM" (1-5), asked at acceptance and at completion.

use sea_orm::entity::prelude::*;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize)]
#[sea_orm(table_name = "belonging_response")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub placement_id: i32,
    pub student_id: i32,
    /// `before` (at acceptance) or `after` (at completion).
    pub stage: crate::BelongingStage,
    pub score: i32,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
